// Actor and agent dictionaries (TABARI/PETRARCH syntax) and the lookup of actor codes.
//
// Actors:  PRIMARY_PHRASE_ [CODE]        Agents:  !SET! = A, B, C
//          +SYNONYM_                               PHRASE_ {PLURALS_} [~SUFFIX] / [PREFIX~]
//          PERSON_
//              [CODE <YYYYMMDD] [CODE YYYYMMDD-YYYYMMDD] [CODE >YYYYMMDD] [CODE]
// See docs/dictionaries.md for the full syntax.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "dict/dict_file.h"
#include "dict/phrase_index.h"

namespace griot {

// A code valid over a date range (either end open).
struct DatedCode {
  std::string code;  // "MLIGOV"; "---" means: known, deliberately uncoded
  std::optional<Date> from;  // inclusive
  std::optional<Date> to;    // inclusive
  bool Covers(const Date& d) const {
    return (!from || *from <= d) && (!to || d <= *to);
  }
};

struct ActorEntry {
  std::string actor_id;  // primary phrase, lower-case, '_' kept, no trailing '_'
  std::string primary;   // the primary phrase as written
  std::vector<DatedCode> codes;
  std::string file;
  int line = 0;
  // The code in force on `date` (the first dated code covering it, else the undated one,
  // else the first code); empty if none.
  std::string CodeOn(const std::optional<Date>& date) const;
};

class ActorDictionary {
 public:
  // Parses actors from `content`; problems go to `issues` and the line is skipped.
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Finalize() { index_.Finalize(); }

  const PhraseIndex& index() const { return index_; }
  const ActorEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ActorEntry> entries_;
  PhraseIndex index_;
};

struct AgentEntry {
  std::string phrase;  // as written
  std::string code;    // "MIL" from "[~MIL]"
  bool prefix = false;  // "[NGO~]": the code goes before the actor's code
  std::string file;
  int line = 0;
};

class AgentDictionary {
 public:
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Finalize() { index_.Finalize(); }
  const PhraseIndex& index() const { return index_; }
  const AgentEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<AgentEntry> entries_;
  PhraseIndex index_;
};

// Parses "[MLIGOV 910326-920608]", "[HOBREB > 990816]", "[--- <950630]", "[MLI]".
std::optional<DatedCode> ParseDatedCode(std::string_view bracketed, std::string* error);

// The regular English plural of a phrase's last word: "SOLDIER" -> "SOLDIERS",
// "MILITIA" -> "MILITIAS", "CITY" -> "CITIES", "CHURCH" -> "CHURCHES". Keys in, keys out.
std::string RegularPlural(std::string_view word);

}  // namespace griot
