// Checking dictionary files before they are used: the problems `griot dict check` reports,
// each with file:line. The loaders already skip malformed lines; the checker adds what a
// loader cannot see line by line: phrases listed twice (within or across files), dated codes
// that give one actor two codes on the same day, actor and event codes outside griot's code
// scheme, patterns naming undefined synsets, and actor links to unknown actors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "dict/actor_dict.h"
#include "dict/code_table.h"
#include "dict/dict_file.h"

namespace griot {

enum class CheckSeverity { kWarning, kError };

struct CheckFinding {
  CheckSeverity severity = CheckSeverity::kError;
  std::string file;
  int line = 0;
  std::string category;  // malformed, duplicate, dates, code, synset, links, style
  std::string message;
  // "file:line: error: [duplicate] message"
  std::string ToString() const;
};

// The code tables a check compares codes against.
struct CodeReference {
  CodeTable events;                           // data/cameo/cameo_codes.tsv
  std::unordered_set<std::string> countries;  // ISO alpha-3 (data/generated/countries.tsv)
  std::unordered_set<std::string> sectors;    // data/cameo/sectors.tsv (roles, IGO/NGO/IMG/MNC...)
};

// Reads the reference tables from a data directory ("" = the one in effect, see
// ResolveDataDir). Fails if the CAMEO code table cannot be read; a missing country or sector
// table leaves that set empty (reported by CheckDictionaries).
Result<CodeReference> LoadCodeReference(const std::string& data_dir);

// griot's dictionaries in a data directory: generated/countries.actors.txt, then
// dict/*.actors.txt, *.agents.txt, *.verbs.txt and dict/actor_links.tsv, as LoadDictionaries
// reads them.
std::vector<std::string> DefaultDictionaryFiles(const std::string& data_dir);

// Region and religion codes of the CAMEO actor scheme (not in sectors.tsv) that may appear as
// parts of an actor code: "WAF", "EUR", "WST"...; "MOS", "CHR"...
bool IsCameoRegion(std::string_view part);
bool IsCameoReligion(std::string_view part);

// Problems with one actor code under griot's scheme (docs/dictionaries.md, "Code scheme"):
// letters only, whole three-letter parts, at most five parts; each part a country, a role or
// international prefix, a region or a religion, or else an organisation's own code, which the
// scheme allows after an international prefix (IGOUNOPKOMSM) and at the end of a domestic
// code (BFAMILVDP). `agent` checks an agent's code ("MIL", "INSMOS", "NGO"), in which every
// part must be a role, prefix, region or religion. "---" is never a problem.
struct CodeProblem {
  CheckSeverity severity;
  std::string message;
};
std::vector<CodeProblem> CheckActorCode(std::string_view code, const CodeReference& ref, bool agent = false);

// One actor entry as written: its phrases and code lines with their line numbers (for
// reports, and for `griot dict explain` to name the dated line that applied).
struct ActorCodeLine {
  DatedCode code;
  int line = 0;
};
struct ActorSource {
  std::string primary;
  int line = 0;
  std::vector<std::pair<std::string, int>> phrases;  // primary and synonyms, as written
  std::vector<ActorCodeLine> codes;                  // in file order
};
// `syntax`: the file's dialect (see DetectDictSyntax); TABARI section tags are skipped.
std::vector<ActorSource> ReadActorSources(std::string_view content, DictSyntax syntax = DictSyntax::kPetrarch);

// The code that `codes` gives on `date`, following ActorEntry::CodeOn; -1 if none.
int ChosenCodeIndex(const std::vector<DatedCode>& codes, const std::optional<Date>& date);

struct CheckReport {
  std::vector<std::string> files;          // checked, in order
  std::vector<CheckFinding> findings;      // by file (in `files` order), then line
  size_t errors() const;
  size_t warnings() const;
};

// Checks `files` (kinds by suffix: .actors.txt/.actors, .agents.txt/.agents, .verbs.txt/
// .verbs, actor_links.tsv) together: duplicates and synsets are looked up across all of them.
// A file that cannot be read, or whose kind is unknown, is an error finding, not a failure.
CheckReport CheckDictionaryFiles(const std::vector<std::string>& files, const CodeReference& ref);

}  // namespace griot
