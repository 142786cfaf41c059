// Everything the coder looks words up in: actors, agents, verbs, the CAMEO code table and
// the gazetteer, loaded once and shared read-only by all coding threads.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "dict/actor_dict.h"
#include "dict/code_table.h"
#include "dict/gazetteer.h"
#include "dict/verb_dict.h"
#include "structure/pos_tagger.h"

namespace griot {

struct DictionaryOptions {
  // Root of griot's data (dict/, cameo/, gazetteer/, generated/). Empty: $GRIOT_DATA, else
  // the source tree's data/ directory the binary was built from.
  std::string data_dir;
  // Load griot's own dictionaries from data_dir (off when a suite brings its own, as
  // `griot validate` does).
  bool load_default_dictionaries = true;
  // Extra files, by kind. A path ending in ".verbs.txt"/".actors.txt"/".agents.txt" may also
  // be given through `extra_files` and is sorted by suffix.
  std::vector<std::string> actor_files, agent_files, verb_files, discard_files, extra_files;
  bool load_gazetteer = true;
  // Load the part-of-speech model (data/generated/pos_model.txt) for raw text; without it
  // the coder tells verbs from nouns by rules.
  bool load_tagger = true;
  // Read the gazetteer's phrase index and the tagger's tables from their snapshots beside
  // places.tsv and pos_model.txt (FILE.griot-snapshot) when they match the files, and write
  // them when they do not (base/snapshot.h): later loads skip indexing ~140,000 places and
  // deriving the tagger's probabilities. Off (or $GRIOT_SNAPSHOTS=0 in the environment):
  // always derive them, write nothing.
  bool use_snapshots = true;
};

// Discard phrases (PETRARCH): a sentence containing one is not coded; one marked "+" drops
// the whole story (sports results, entertainment, history pieces).
struct DiscardList {
  PhraseIndex index;
  std::vector<bool> story;  // per entry: discard the whole story
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
};

struct DictionarySet {
  DiscardList discards;
  ActorDictionary actors;
  AgentDictionary agents;
  VerbDictionary verbs;
  CodeTable codes;
  Gazetteer places;
  std::unordered_set<std::string> countries;  // ISO alpha-3 codes
  std::shared_ptr<const PosTagger> tagger;     // null if not loaded
  std::vector<std::string> files;             // every file loaded, in order
  std::vector<DictIssue> issues;              // malformed lines (skipped) and missing files
  double load_seconds = 0;

  // "MLIGOV" -> "MLI" if the first three letters are a country code, else "".
  std::string CountryOf(std::string_view code) const;
  // True if `key` (a FoldKey) is a word of the actor or verb dictionaries' TABARI <ADJECTIVE>
  // lists, or (IsListedWord) of their <NOUN> or <ADJECTIVE> lists (InTabariWordList).
  bool IsListedAdjective(std::string_view key) const;
  bool IsListedWord(std::string_view key) const;
};

// The data directory in effect for `options` (see DictionaryOptions::data_dir).
std::string ResolveDataDir(const std::string& data_dir);

// Loads the dictionaries. Fails only when a named file or the code table cannot be read;
// malformed lines are collected in `issues` and skipped.
Result<std::shared_ptr<const DictionarySet>> LoadDictionaries(const DictionaryOptions& options);

}  // namespace griot
