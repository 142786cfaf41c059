// Verb dictionaries in the TABARI / PETRARCH-1 pattern syntax (PETRARCH-2's brace and
// parenthesis groups are read as consecutive word groups).
//
//   &SYNSET            --- NAME [code] ---          - PRE WORDS * POST WORDS [code]
//   +MEMBER            VERB {FORMS ...}             tokens: * verb, $ source, + target,
//                      +MULTI_WORD {+FORMS_WORD}            % compound, ^ skip, &SET synset,
//                      @NOUN {NOUNS}  (griot)               A_B consecutive words
//
// "@NOUN" lines are a griot extension: nominal triggers ("the expulsion of French forces"),
// coded with the block's patterns; a possessive or "by" phrase gives the source and an "of"
// phrase the target.
//
// TABARI's dialect (DictSyntax::kTabari: *.verbs files) differs:
//   - each unindented "VERB [code]" line starts a block (no "--- NAME ---" header needed; one
//     is accepted, and code-less verb lines after it are its forms); "{FORM_ FORM_}" on the
//     same or the next line lists irregular forms; "-" pattern lines follow;
//   - <SYNSETS> &NAME / +MEMBER </SYNSETS>; a member may use another synset ("+&A_MEMOS");
//   - <TIME> "PHRASE [-7]" time-shift phrases and their patterns, read into time_shifts();
//   - <NOUN> / <ADJECTIVE> word lists, read into nouns() / adjectives();
//   - "{ A | B C }" in a pattern lists alternatives (read as an anonymous synset);
//   - WORD= matches exactly, WORD_ with regular endings, a bare WORD as a stem (see
//     TabariVerbVariants); "~" (a stem mark: "REAL~_PLEASANT") is dropped;
//   - a code may end in "!" (dominant) or "?" (subordinate), kept in `mark`.
// docs/conformance.md describes the dialect.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dict/dict_file.h"
#include "dict/phrase_index.h"

namespace griot {

enum class PatternToken : uint8_t { kWord, kSynset, kSource, kTarget, kCompound, kSkip };

struct PatternElement {
  PatternToken kind = PatternToken::kWord;
  std::string key;           // the word key, or the synset name for kSynset
  bool consecutive = false;  // must directly follow the previous element (joined with '_')
  bool stem = false;  // TABARI: a kWord that matches any token beginning with `key`
  uint64_t key_hash = 0;     // PatternKeyHash(key) for kWord (set by VerbDictionary::Finalize)
};

struct VerbPattern {
  std::vector<PatternElement> pre;   // in text order, before the verb
  std::vector<PatternElement> post;  // in text order, after the verb
  bool verb_consecutive_pre = false;   // "IN_*": the last pre element touches the verb
  bool verb_consecutive_post = false;  // "*_OUT": the first post element touches the verb
  std::string code;         // "163"; "---" = no event
  std::string paired_code;  // "033" for "[032:033]", else empty
  char mark = 0;            // TABARI "[031!]" dominant '!', "[023?]" subordinate '?', else 0
  int literal_words = 0;    // specificity: words and synset matches required
  // PatternWordBit of every plain word of two bytes or more before / after the verb, OR-ed
  // (set by VerbDictionary::Finalize): a sentence side lacking one of these bits cannot hold
  // the pattern's words, so the pattern is skipped without being matched.
  uint64_t pre_words = 0, post_words = 0;
  std::string file;
  int line = 0;
  std::string text;  // the pattern line as written, for `rule`
};

enum class VerbFormKind : uint8_t { kBase, kThirdPerson, kPast, kGerund, kNoun };

struct VerbForm {
  std::vector<std::string> words;  // keys of the whole form, e.g. {"shoot", "dead"}
  uint32_t verb_word = 0;          // index of the inflected word in `words`
  VerbFormKind kind = VerbFormKind::kBase;
  uint32_t block = 0;
  std::string code;  // a form's own code ("KLM_NOP_+RST [002]"), else empty
  // TABARI: words[verb_word] is a stem matching any token that begins with it (the form's
  // kind is then read from the token's ending).
  bool stem = false;
  // TABARI: bit k set when other words may come before words[k] (the dictionary wrote a blank
  // before it: "DEATH TOLL RISEN" matches "death toll has risen").
  uint64_t gaps = 0;
};

struct VerbBlock {
  std::string name;          // "ATTACK"
  std::string code;          // default code; "---" = none
  std::string paired_code;
  char mark = 0;             // as VerbPattern::mark
  std::vector<VerbPattern> patterns;  // most specific first after Finalize()
  std::vector<uint32_t> by_line;      // indexes into `patterns` in file (line) order, by Finalize()
  // by_line's patterns' word signatures side by side (Finalize()), so a coder can skip the
  // patterns a sentence cannot match without reading the patterns themselves.
  struct LineFilter {
    uint64_t pre_words = 0, post_words = 0;  // the pattern's VerbPattern::pre_words/post_words
    uint32_t index = 0;                      // into `patterns`
    // '{' or '(' before the pattern's code: PETRARCH-2 phrase groups ("- * {ARREST WARRANT}
    // [173]", "- * (TO A VOTE) [014]").
    bool phrase_groups = false;
  };
  std::vector<LineFilter> line_filters;
  std::string file;
  int line = 0;
  // Read from a TABARI file: among patterns equally specific, those with fewer synsets come
  // first (a literal word is preferred to a synset that also matches it).
  bool tabari = false;
};

// A TABARI synset member with the flags of PhraseIndex::AddFlexible ("+YUM YENNYEN": the
// words may be separated, and the last is a stem).
struct FlexiblePhrase {
  std::vector<std::string> words;
  std::vector<uint8_t> flags;
};

// A TABARI <TIME> entry: a phrase that shifts the event date ("LAST_WEEK [-7]"), or one of
// its patterns ("- * AND A WEEK [+8]" under "TOMORROW"). The coder does not apply them yet.
struct TimeShiftEntry {
  std::string phrase;        // "LAST_WEEK", as written
  std::string pattern;       // "- * AND A WEEK" for a pattern line, else empty
  std::optional<int> days;   // -7, +30; empty for a special code
  std::string code;          // "###" (discard), "+++" (complex), "---" (no shift), else empty
  std::string file;
  int line = 0;
};

class VerbDictionary {
 public:
  // Parses verbs from `content`; problems go to `issues` and the line is skipped. The dialect
  // is detected from the file name and content (DetectDictSyntax).
  void Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void Load(std::string_view content, const std::string& file, DictSyntax syntax,
            std::vector<DictIssue>* issues);
  // Orders patterns, resolves nested synsets and builds the form index.
  void Finalize();

  const PhraseIndex& forms_index() const { return forms_index_; }
  const VerbForm& form(uint32_t id) const { return forms_[id]; }
  const VerbBlock& block(uint32_t id) const { return blocks_[id]; }
  size_t block_count() const { return blocks_.size(); }
  size_t pattern_count() const;
  size_t form_count() const { return forms_.size(); }
  // Members of a synset as word-key sequences (nested synsets expanded); empty if unknown.
  const std::vector<std::vector<std::string>>& synset(const std::string& name) const;
  // TABARI synset members read with stems and gaps (TabariNounFlexible); only members that
  // have such words. Empty if none.
  const std::vector<FlexiblePhrase>& synset_flexible(const std::string& name) const;
  // The one-word members of a synset (the first-word keys of its members of one word), for
  // a membership test in one look-up; empty if unknown. Built by Finalize().
  const std::unordered_set<std::string>& synset_words(const std::string& name) const;
  size_t skipped_transformations() const { return skipped_transformations_; }
  const std::vector<TimeShiftEntry>& time_shifts() const { return time_shifts_; }
  // TABARI <NOUN> / <ADJECTIVE> lists, as written. The coder does not read them yet.
  const std::vector<std::string>& nouns() const { return nouns_; }
  const std::vector<std::string>& adjectives() const { return adjectives_; }

 private:
  void LoadPetrarch(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void LoadTabari(std::string_view content, const std::string& file, std::vector<DictIssue>* issues);
  void AddForms(std::string_view spec, uint32_t block, bool noun, const std::string& file,
                int line, std::vector<DictIssue>* issues);
  void AddTabariForms(std::string_view spec, uint32_t block, const std::string& file, int line,
                      std::vector<DictIssue>* issues);
  bool ParseTabariPattern(std::string_view text, VerbPattern* out, std::string* error);
  std::vector<VerbBlock> blocks_;
  std::vector<VerbForm> forms_;
  PhraseIndex forms_index_;
  // Synset name (upper case, no trailing '_') -> raw member phrases as written.
  std::unordered_map<std::string, std::vector<std::string>> synset_raw_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::unordered_map<std::string, std::vector<FlexiblePhrase>> synsets_flexible_;
  std::unordered_map<std::string, std::unordered_set<std::string>> synset_words_;
  // Synsets read from TABARI files: their members' last words match as TabariNounVariants.
  std::unordered_map<std::string, bool> tabari_synset_;
  size_t skipped_transformations_ = 0;
  size_t alternative_groups_ = 0;
  std::vector<TimeShiftEntry> time_shifts_;
  std::vector<std::string> nouns_, adjectives_;
};

// The word keys a TABARI verb word matches, decided by its mark:
//   '=' ("BAN=")     exactly: {"ban"}
//   '_' ("DEPART_")  the word and its regular endings: departs, departes, departed,
//                    departen, departing (plus the spelling rules of RegularVerbForms)
//   0   ("RESTOR")   a stem: TABARI matches any word beginning with it. griot indexes whole
//                    words, so the stem is expanded with the verb endings above applied to
//                    the stem and to stem+e, stem+y, stem+ze, stem+se ("restore", "restored",
//                    "ratified", "criticized"); words with other endings are not matched.
// Each with the form kind its ending suggests (-ing gerund, -ed/-en past, -s third person).
std::vector<std::pair<std::string, VerbFormKind>> TabariVerbVariants(std::string_view word_key, char mark);

// The regular inflections of an English verb key: {3sg, past, gerund} (with spelling rules:
// "ban" -> "bans", "banned"/"baned", "banning"/"baning"; "seize" -> "seizes", "seized",
// "seizing"; "deny" -> "denies", "denied", "denying").
std::vector<std::pair<std::string, VerbFormKind>> RegularVerbForms(std::string_view base);

// A 64-bit hash of a word key: equal keys have equal hashes, so a coder that hashes its
// words once can compare a word with a pattern word by hash before comparing the text.
uint64_t PatternKeyHash(std::string_view key);
// One bit of 64 chosen by a word's PatternKeyHash, for VerbPattern::pre_words / post_words:
// the words of a sentence side OR-ed together must cover a pattern's bits for it to match.
inline uint64_t PatternWordBitOfHash(uint64_t hash) { return uint64_t{1} << ((hash ^ (hash >> 29)) & 63); }
inline uint64_t PatternWordBit(std::string_view key) { return PatternWordBitOfHash(PatternKeyHash(key)); }

// Parses a pattern line ("- $ * + WITH &WEAPON [195]"); false with `error` on bad syntax.
bool ParsePatternLine(std::string_view text, VerbPattern* out, std::string* error);

}  // namespace griot
