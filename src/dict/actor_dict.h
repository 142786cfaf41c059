// Actor and agent dictionaries (TABARI/PETRARCH syntax) and the lookup of actor codes.
//
// Actors:  PRIMARY_PHRASE_ [CODE]        Agents:  !SET! = A, B, C
//          +SYNONYM_                               PHRASE_ {PLURALS_} [~SUFFIX] / [PREFIX~]
//          PERSON_
//              [CODE <YYYYMMDD] [CODE YYYYMMDD-YYYYMMDD] [CODE >YYYYMMDD] [CODE]
//          ALBRIGHT [USAGOV 991201-010114] [---]   (several codes on one line)
//
// TABARI's dialect (DictSyntax::kTabari: *.actors / *.agents files) adds ";" comments,
// <NOUN>...</NOUN> and <ADJECTIVE>...</ADJECTIVE> word lists (words TABARI's parser treats
// as nouns or adjectives; kept in nouns() / adjectives()), and word endings that set how a
// phrase's last word matches: "MOUSE=" exactly, "ESTONIA_" with its plural, and a bare
// "ERIADOR" as a stem (see TabariNounVariants). See docs/dictionaries.md for the syntax and
// docs/conformance.md for TABARI's dialect.
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
  // Parses actors from `content`; problems go to `issues` and the line is skipped. The
  // dialect is detected from the file name and content (DetectDictSyntax).
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Load(std::string_view content, const std::string& file, DictSyntax syntax,
            std::vector<DictIssue>* issues);
  void Finalize() { index_.Finalize(); }

  const PhraseIndex& index() const { return index_; }
  const ActorEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }
  // TABARI <NOUN> / <ADJECTIVE> lists: the words as written ("FORCES_", "POLITICAL_SCIENTISTS"),
  // in file order. The coder does not read them yet.
  const std::vector<std::string>& nouns() const { return nouns_; }
  const std::vector<std::string>& adjectives() const { return adjectives_; }

 private:
  std::vector<ActorEntry> entries_;
  PhraseIndex index_;
  std::vector<std::string> nouns_, adjectives_;
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
  // As ActorDictionary::Load. In TABARI's dialect a phrase without explicit plurals matches
  // as TabariNounVariants says.
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Load(std::string_view content, const std::string& file, DictSyntax syntax,
            std::vector<DictIssue>* issues);
  void Finalize() { index_.Finalize(); }
  const PhraseIndex& index() const { return index_; }
  const AgentEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<AgentEntry> entries_;
  PhraseIndex index_;
};

// The stable actor_id of a primary phrase: lower case, blanks as '_', no trailing '_'
// ("WAGNER_GROUP_" -> "wagner_group").
std::string ActorIdOf(std::string_view phrase);

// Parses "[MLIGOV 910326-920608]", "[HOBREB > 990816]", "[--- <950630]", "[MLI]", "[###]".
// A bracket with a date but no code ("[991201-010114]") or a date not separated from its code
// ("[AAA950601-990815]") is an error.
std::optional<DatedCode> ParseDatedCode(std::string_view bracketed, std::string* error);

// The word-key sequences a TABARI noun phrase (actor or agent) matches, decided by how its
// last word ends:
//   "MOUSE="   exactly:                         {"mouse"}
//   "ESTONIA_" the word and its plural:          {"estonia"}, {"estonias"}
//   "ERIADOR"  a stem: TABARI matches any word that begins with it. griot indexes whole
//              words, so a stem is expanded to the stem plus the endings in
//              kTabariNounStemEndings ("eriadori", "eriadorian", "eriadors", ...); words
//              with other endings are not matched.
// Spaces and "_" both join words; "~" and "=" inside the phrase are dropped. Empty if the
// phrase has no word.
std::vector<std::vector<std::string>> TabariNounVariants(std::string_view phrase);

// TABARI's full reading of a noun phrase, for PhraseIndex::AddFlexible: words joined by a
// blank may have other words between them (kGap: "PRINCE DOL_AMROTH" matches "the Prince of
// Dol Amroth"), and a word that ends the phrase or is followed by a blank is a stem (kStem:
// "ERIADOR" matches "Eriadorians"), as is a word marked "~"; "_" joins consecutive words and,
// at the end or with "=", makes the word whole. False (and nothing set) if no word is a stem
// and no word may be separated: TabariNounVariants then says all.
bool TabariNounFlexible(std::string_view phrase, std::vector<std::string>* words, std::vector<uint8_t>* flags);
extern const std::vector<std::string_view> kTabariNounStemEndings;

// The regular English plural of a phrase's last word: "SOLDIER" -> "SOLDIERS",
// "MILITIA" -> "MILITIAS", "CITY" -> "CITIES", "CHURCH" -> "CHURCHES". Keys in, keys out.
std::string RegularPlural(std::string_view word);

}  // namespace griot
