// Measuring griot against hand-coded annotations ("gold"): how many annotated actor mentions
// the dictionaries find with the right code, and the precision and recall of coded events at
// three levels of agreement (full, CAMEO root, dyad). `griot eval` and the accuracy test drive
// it; the gold format and the annotation guidelines are in docs/accuracy.md.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "coding/coder.h"
#include "coding/event.h"
#include "dict/dictionary_set.h"
#include "text/document.h"
#include "text/tokenizer.h"

namespace griot {

// An annotated code: one code or a list of acceptable alternatives, each matched as a prefix
// ("MLI" accepts "MLIGOV"; "19" accepts "190" and "193"). No alternatives means the sentence
// does not name that participant, and anything (or nothing) is accepted.
struct GoldCodes {
  std::vector<std::string> alternatives;
  bool any() const { return alternatives.empty(); }
  // True if `code` starts with one of the alternatives (always true for any()).
  bool Matches(std::string_view code) const;
  // True if `cameo`'s root (two digits) is the root of one of the alternatives.
  bool MatchesRoot(std::string_view cameo) const;
  std::string ToString() const;  // "MLI", "IMGMOS|MLIINS", "-"
};

// One event a human coder expects from a sentence.
struct GoldEvent {
  std::string doc_id;
  std::string sentence;  // a distinctive substring of the sentence
  GoldCodes source, target, cameo;
  std::optional<Modality> modality;
  int line = 0;  // line in the gold file
};

// One actor mention a human coder expects the dictionaries to find in a document.
struct GoldMention {
  std::string doc_id;
  std::string text;
  GoldCodes code;
  int line = 0;
};

struct GoldSet {
  std::string file;
  std::vector<GoldEvent> events;
  std::vector<GoldMention> mentions;
  std::set<std::string> documents;  // every doc_id with at least one gold line
};

// Parses gold JSON lines: event lines {"doc_id", "sentence", "source", "target", "cameo",
// "modality"} and mention lines {"doc_id", "mentions": [{"text", "code"}, ...]}; codes are a
// string, an array of alternatives, or null (source/target only). Blank lines are skipped.
// Any malformed line fails the whole parse with a ParseError naming file:line and the reason.
Result<GoldSet> ParseGold(std::string_view content, const std::string& file);
Result<GoldSet> LoadGold(const std::string& path);

// What griot produced for one document, in a form that owns its text.
struct EvalMention {
  uint32_t first = 0, end = 0;  // tokens [first, end) of the sentence
  std::string code;
};
struct EvalSentence {
  std::string text;
  std::vector<Token> tokens;  // offsets relative to `text`
  std::vector<EvalMention> mentions;
};
struct EvalEvent {
  uint32_t sentence = 0;
  std::string source, target;  // actor codes, empty when absent
  std::string cameo;
  Modality modality = Modality::kAsserted;
  std::string trigger;  // the trigger words
  std::string rule;
};
struct EvalDocument {
  std::string doc_id;
  std::vector<EvalSentence> sentences;
  std::vector<EvalEvent> events;  // in the coder's order
};

// Builds the evaluation view of a coded document: its sentences, the actor mentions the
// dictionaries find in each (as the coder finds them, before places are set apart) and the
// events.
EvalDocument MakeEvalDocument(const Document& doc, const DocumentResult& result,
                              const DictionarySet& dicts);

struct Score {
  size_t matched = 0;  // one-to-one matches between gold and system events
  size_t gold = 0;
  size_t system = 0;
  double Precision() const { return system ? static_cast<double>(matched) / static_cast<double>(system) : 0; }
  double Recall() const { return gold ? static_cast<double>(matched) / static_cast<double>(gold) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct DocumentScore {
  std::string doc_id;
  Score full;
  size_t mentions = 0, mentions_right = 0;
};

// A gold event no system event matched in full, with what griot coded in that sentence.
struct MissedEvent {
  GoldEvent gold;
  std::vector<std::string> coded_in_sentence;  // "MLIMIL -> MLIGOV 173" per system event there
};
struct SpuriousEvent {
  std::string doc_id;
  uint32_t sentence = 0;
  std::string sentence_text;
  EvalEvent event;
};
struct MentionResult {
  GoldMention gold;
  enum class Outcome { kRight, kWrongCode, kMissed } outcome = Outcome::kMissed;
  std::string found;  // the codes griot gave at the occurrences, for kWrongCode
};

struct EvalReport {
  size_t gold_documents = 0;       // documents with annotations
  size_t evaluated_documents = 0;  // of those, documents that were coded
  std::vector<std::string> not_coded;  // annotated documents absent from the inputs
  Score full;   // doc, sentence, source, target and CAMEO code agree
  Score root;   // doc, sentence and CAMEO root agree (actors ignored)
  Score dyad;   // doc, sentence, source and target agree (code ignored)
  size_t modality_compared = 0, modality_agree = 0;  // over full matches with a gold modality
  size_t mentions = 0, mentions_right = 0, mentions_wrong_code = 0, mentions_missed = 0;
  std::vector<DocumentScore> documents;  // sorted by doc_id
  std::vector<MissedEvent> missed;       // in gold-file order
  std::vector<SpuriousEvent> spurious;   // by document, sentence, coder order
  std::vector<MentionResult> mention_results;  // in gold-file order
  // Gold lines that do not fit the documents (sentence or mention text not found): the gold
  // file or the corpus changed. Such lines are left out of the scores.
  std::vector<std::string> problems;
};

// Scores `documents` against `gold`. Only annotated documents count. Deterministic.
EvalReport Evaluate(const GoldSet& gold, const std::vector<EvalDocument>& documents);

struct ReportOptions {
  bool per_document = false;  // a table with one row per document
  bool details = false;       // missed and spurious events, mentions not found
};

// The report as text for people (stable layout, no timings).
std::string FormatReport(const EvalReport& report, const ReportOptions& options);

}  // namespace griot
