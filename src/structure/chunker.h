// Phrase structure for raw text: a deterministic shallow parser over tagged tokens that
// builds the same Treebank-style tree (ParseTree: ROOT, S, NP, VP, PP, SBAR, ... over Penn
// pre-terminals) a gold parse gives, so the coding engine reads raw and pre-parsed sentences
// the same way (docs/raw-text.md).
//
// Why a rule-based chunker rather than a statistical parser: coding needs few decisions --
// where noun phrases begin and end (with a dictionary's actor phrase kept whole), which
// words form a verb group (auxiliaries, modals, negation, passive), which prepositional
// phrase belongs to a noun, and where clauses begin (subordinate, relative and comma
// clauses, coordination, reported speech "X said", "according to"). A cascade of rules over
// the tags decides each in one left-to-right pass, in time linear in the sentence, with no
// model to train or load; a full parser would cost orders of magnitude more per sentence.
//
// The shapes follow what the Stanford parser gives news text (and PETRARCH's suites carry):
//   (ROOT (S (NP (NNP Arnor)) (VP (VBD accused) (NP (NNP Gondor)) (PP (IN of) ...)) (. .)))
//  * noun phrases: a base NP of determiners, adjectives, numbers and nouns; a possessive
//    "(NP (NP x (POS 's)) y)"; "of" phrases (and, before the verb, any prepositional
//    phrase) "(NP (NP x) (PP (IN of) (NP y)))"; coordination "(NP (NP a) (, ,) (NP b) (CC
//    and) (NP c))"; relative clauses "(NP (NP x) (, ,) (SBAR (WHNP (WP who)) (S (VP ..))))";
//  * verb groups: each auxiliary or modal opens a VP over the rest, "(VP (MD will) (RB not)
//    (VP (VB meet) ...))", so a passive is "(VP (VBD was) (VP (VBN attacked) (PP (IN by)
//    ...)))"; coordinated verbs "(VP (VP ...) (CC and) (VP ...))"; "to" + verb "(S (VP (TO
//    to) (VP ...)))";
//  * clauses: subordinate "(SBAR (IN after) (S ...))", complement clauses after a verb
//    ("said (SBAR (S the army attacked ...))"), coordinated clauses "(S (S ..) (CC but) (S
//    ..))", a reporting tail "..., (NP the minister) (VP (VBD said))".
// Every token appears once, in order, under exactly one pre-terminal. A pre-terminal's label
// is the token's tag, except for tagging slips the structure exposes, corrected first (a
// noun-tagged word after "will" or "didn't" is VB; "its forces" is NNS; chunker.cc lists them).
// Tokens are read by their keys: negative contractions should already be split ("did"
// "n't", as Treebank writes them) for the verb group to read the negation.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "structure/pos_tagger.h"
#include "structure/treebank.h"
#include "text/tokenizer.h"

namespace griot {

// A token span [first, end) that must stay inside one base noun phrase (an actor or agent
// phrase of the dictionaries: "Prime Minister", "Arnor Liberation Front").
using TokenSpan = std::pair<uint32_t, uint32_t>;

// The tree of one sentence: `tags` has one tag per token. Spans in `keep_together` that
// overlap are merged; a span reaching past the sentence is cut. An empty sentence gives a
// tree with ROOT and an empty S. Thread-safe (no state).
std::shared_ptr<ParseTree> BuildPhraseTree(const std::vector<Token>& tokens, const std::vector<PosTag>& tags,
                                           const std::vector<TokenSpan>& keep_together = {});

// The tree as a bracketed string with the tokens' keys as words, "(ROOT (S (NP (NNP
// arnor)) ...))", for tests and diagnosis.
std::string PhraseTreeString(const ParseTree& tree, const std::vector<Token>& tokens);

}  // namespace griot
