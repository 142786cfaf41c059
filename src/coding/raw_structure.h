// Raw text to the Sentence structure the coding engine reads: sentences split from the
// document's text, part-of-speech tags from the dictionaries' tagger and, on request, the
// phrase-structure tree of the shallow parser (structure/chunker.h), so that an engine
// reading trees (PETRARCH-1 semantics) codes raw text as it codes pre-parsed records.
#pragma once

#include <vector>

#include "dict/dictionary_set.h"
#include "structure/chunker.h"
#include "structure/sentence.h"
#include "text/document.h"

namespace griot {

// The token spans of one sentence that the shallow parser must keep inside one noun phrase:
// the actor and agent phrases the dictionaries find there (dated codes by `doc.date`).
std::vector<TokenSpan> DictionaryPhraseSpans(const Sentence& s, const DictionarySet& dicts, const Document& doc);

// The document's sentences; tagged when the dictionaries hold a tagger, and with a tree
// (Sentence::tree) when `phrase_structure` is set as well. Thread-safe.
std::vector<Sentence> BuildRawSentences(const Document& doc, const DictionarySet& dicts, bool phrase_structure);

}  // namespace griot
