// References inside a document: a pronoun ("he", "she", "it") or a definite description
// ("the group", "the movement") standing for an actor the document has just named. The news
// coder (griot semantics) resolves them only where it is safe:
//  * the anaphor is a subject: a verb follows it, and "it" is not the empty subject of "it
//    is", "it was", "it seems";
//  * the antecedent is searched in the same sentence before the anaphor, then in the one or
//    two sentences before, nearest scope first; the first scope holding a compatible actor
//    decides, and only if it holds exactly one actor -- two candidates, nothing is
//    resolved;
//  * compatible: "he" a person (an actor entry with dated roles; "she" is not resolved, as
//    entries record no gender); "it" an organisation
//    (an actor entry that is neither a person nor a bare country); "the group", "the
//    movement", "the organisation" an organisation outside the state's sectors (not
//    government, military, police, judiciary, legislature, intelligence).
// The resolved mention takes the antecedent's code (on the document's date) and covers the
// anaphor's words. Nothing else changes: an unresolved anaphor stays uncoded as before.
#pragma once

#include <string_view>
#include <vector>

#include "coding/mentions.h"
#include "dict/dictionary_set.h"
#include "structure/sentence.h"

namespace griot {

// Adds a mention for every anaphor of `sentences` resolved by the rules above.
// `mentions[i]` are sentence i's mentions (FindMentions); added mentions keep each list in
// token order.
void ResolveReferences(const std::vector<Sentence>& sentences, const DictionarySet& dicts,
                       std::vector<std::vector<ActorMention>>* mentions);

// Whether an actor's words are one of the anaphors above ("it", "He", "the group"): such a
// text stands for an actor named elsewhere, so it is no name for it (not an alias in the
// store's registry, not a name in a brief).
bool IsAnaphorText(std::string_view text);

}  // namespace griot
