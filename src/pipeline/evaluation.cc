#include "pipeline/evaluation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "coding/mentions.h"
#include "dict/dict_file.h"
#include "structure/sentence.h"

namespace griot {

namespace {

using Json = nlohmann::json;

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kAlleged, Modality::kNegated,
                     Modality::kFuture})
    if (name == ModalityName(m)) return m;
  return std::nullopt;
}

// Reads a code field: a string, an array of strings or (when `allow_null`) null. Actor codes
// are upper-case letters, CAMEO codes digits.
bool ReadCodes(const Json& value, bool allow_null, bool digits, GoldCodes* out, std::string* error) {
  out->alternatives.clear();
  if (value.is_null()) {
    if (!allow_null) *error = "must not be null";
    return allow_null;
  }
  std::vector<const Json*> items;
  if (value.is_string()) {
    items.push_back(&value);
  } else if (value.is_array() && !value.empty()) {
    for (const Json& v : value) items.push_back(&v);
  } else {
    *error = "must be a string or a non-empty array of strings";
    return false;
  }
  for (const Json* v : items) {
    if (!v->is_string()) {
      *error = "alternatives must be strings";
      return false;
    }
    const std::string code = v->get<std::string>();
    const bool ok = !code.empty() && std::all_of(code.begin(), code.end(), [&](char c) {
      return digits ? (c >= '0' && c <= '9') : (c >= 'A' && c <= 'Z');
    });
    if (!ok) {
      *error = fmt::format("'{}' is not {}", code, digits ? "a CAMEO code (digits)" : "an actor code (A-Z)");
      return false;
    }
    out->alternatives.push_back(code);
  }
  return true;
}

// Lower-case ASCII, whitespace runs collapsed to one space: the form in which sentence
// substrings are compared when the exact bytes do not match.
std::string Normalize(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool SentenceContains(const std::string& sentence, const std::string& needle) {
  if (sentence.find(needle) != std::string::npos) return true;
  return Normalize(sentence).find(Normalize(needle)) != std::string::npos;
}

// Maximum one-to-one matching (augmenting paths) between gold events (rows) and system
// events (columns); `edge(g, s)` says whether they agree. Rows are tried in order, so the
// result is deterministic.
std::vector<int> MatchEvents(size_t rows, size_t cols, const std::function<bool(size_t, size_t)>& edge) {
  std::vector<std::vector<size_t>> adjacency(rows);
  for (size_t g = 0; g < rows; ++g)
    for (size_t s = 0; s < cols; ++s)
      if (edge(g, s)) adjacency[g].push_back(s);
  std::vector<int> col_owner(cols, -1);
  std::vector<char> visited;
  std::function<bool(size_t)> augment = [&](size_t g) {
    for (size_t s : adjacency[g]) {
      if (visited[s]) continue;
      visited[s] = 1;
      if (col_owner[s] < 0 || augment(static_cast<size_t>(col_owner[s]))) {
        col_owner[s] = static_cast<int>(g);
        return true;
      }
    }
    return false;
  };
  for (size_t g = 0; g < rows; ++g) {
    visited.assign(cols, 0);
    augment(g);
  }
  std::vector<int> row_match(rows, -1);
  for (size_t s = 0; s < cols; ++s)
    if (col_owner[s] >= 0) row_match[static_cast<size_t>(col_owner[s])] = static_cast<int>(s);
  return row_match;
}

std::string Percent(size_t part, size_t whole) {
  if (whole == 0) return "-";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string Percent(double value, bool defined) { return defined ? fmt::format("{:.1f}%", 100.0 * value) : "-"; }

std::string Short(std::string_view text, size_t max) {
  std::string s;
  for (char c : text) s.push_back(c == '\n' || c == '\t' ? ' ' : c);
  if (s.size() <= max) return s;
  size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

std::string EventSummary(const EvalEvent& e) {
  return fmt::format("{} -> {} {} [{}]", e.source.empty() ? "-" : e.source, e.target.empty() ? "-" : e.target,
                     e.cameo, ModalityName(e.modality));
}

}  // namespace

bool GoldCodes::Matches(std::string_view code) const {
  if (any()) return true;
  for (const std::string& a : alternatives)
    if (code.starts_with(a)) return true;
  return false;
}

bool GoldCodes::MatchesRoot(std::string_view cameo) const {
  if (any()) return true;
  for (const std::string& a : alternatives)
    if (CameoRoot(a) == CameoRoot(cameo)) return true;
  return false;
}

std::string GoldCodes::ToString() const {
  if (any()) return "-";
  std::string out;
  for (const std::string& a : alternatives) out += (out.empty() ? "" : "|") + a;
  return out;
}

Result<GoldSet> ParseGold(std::string_view content, const std::string& file) {
  GoldSet gold;
  gold.file = file;
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = TrimView(content.substr(pos, eol - pos));
    pos = eol + 1;
    ++number;
    if (line.empty()) continue;
    auto fail = [&](const std::string& reason) {
      return Status::ParseError(fmt::format("{}:{}: {}", file, number, reason));
    };
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    if (!j.contains("doc_id") || !j["doc_id"].is_string() || j["doc_id"].get<std::string>().empty())
      return fail("missing string field \"doc_id\"");
    const std::string doc_id = j["doc_id"].get<std::string>();
    std::string error;
    if (j.contains("mentions")) {
      const Json& list = j["mentions"];
      if (!list.is_array()) return fail("\"mentions\" must be an array");
      for (size_t k = 0; k < list.size(); ++k) {
        const Json& m = list[k];
        if (!m.is_object() || !m.contains("text") || !m["text"].is_string() || m["text"].get<std::string>().empty())
          return fail(fmt::format("mention {} needs a non-empty string \"text\"", k + 1));
        GoldMention gm;
        gm.doc_id = doc_id;
        gm.text = m["text"].get<std::string>();
        gm.line = number;
        if (!m.contains("code") || !ReadCodes(m["code"], false, false, &gm.code, &error))
          return fail(fmt::format("mention {} \"code\" {}", k + 1, m.contains("code") ? error : "is missing"));
        gold.mentions.push_back(std::move(gm));
      }
      gold.documents.insert(doc_id);
      continue;
    }
    GoldEvent e;
    e.doc_id = doc_id;
    e.line = number;
    if (!j.contains("sentence") || !j["sentence"].is_string() || TrimView(j["sentence"].get<std::string>()).empty())
      return fail("missing string field \"sentence\"");
    e.sentence = j["sentence"].get<std::string>();
    for (const char* key : {"source", "target"}) {
      if (!j.contains(key)) return fail(fmt::format("missing field \"{}\" (null when the sentence names none)", key));
      if (!ReadCodes(j[key], true, false, key[0] == 's' ? &e.source : &e.target, &error))
        return fail(fmt::format("\"{}\" {}", key, error));
    }
    if (!j.contains("cameo")) return fail("missing field \"cameo\"");
    if (!ReadCodes(j["cameo"], false, true, &e.cameo, &error)) return fail(fmt::format("\"cameo\" {}", error));
    if (j.contains("modality") && !j["modality"].is_null()) {
      if (!j["modality"].is_string()) return fail("\"modality\" must be a string");
      e.modality = ParseModality(j["modality"].get<std::string>());
      if (!e.modality)
        return fail(fmt::format("unknown modality '{}' (asserted, reported, alleged, negated, future)",
                                j["modality"].get<std::string>()));
    }
    gold.events.push_back(std::move(e));
    gold.documents.insert(doc_id);
  }
  if (gold.events.empty() && gold.mentions.empty())
    return Status::ParseError(fmt::format("{}: no annotations", file));
  return gold;
}

Result<GoldSet> LoadGold(const std::string& path) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  return ParseGold(*content, path);
}

EvalDocument MakeEvalDocument(const Document& doc, const DocumentResult& result, const DictionarySet& dicts) {
  EvalDocument out;
  out.doc_id = doc.id;
  for (const Sentence& s : BuildSentences(doc)) {
    EvalSentence es;
    es.text = std::string(s.text);
    es.tokens = s.tokens;
    for (const ActorMention& m : FindMentions(s, dicts, doc.date)) {
      if (m.code.empty()) continue;
      es.mentions.push_back({m.first, m.end, m.code});
    }
    out.sentences.push_back(std::move(es));
  }
  for (const Event& e : result.events) {
    EvalEvent ev;
    ev.sentence = e.sentence_index;
    if (e.source) ev.source = e.source->code;
    if (e.target) ev.target = e.target->code;
    ev.cameo = e.cameo;
    ev.modality = e.modality;
    if (e.trigger.end <= e.sentence.size() && e.trigger.begin < e.trigger.end)
      ev.trigger = e.sentence.substr(e.trigger.begin, e.trigger.end - e.trigger.begin);
    ev.rule = e.rule;
    out.events.push_back(std::move(ev));
  }
  return out;
}

EvalReport Evaluate(const GoldSet& gold, const std::vector<EvalDocument>& documents) {
  EvalReport report;
  std::map<std::string, const EvalDocument*> by_id;
  for (const EvalDocument& d : documents) by_id.emplace(d.doc_id, &d);
  std::map<std::string, std::vector<const GoldEvent*>> gold_events;
  std::map<std::string, std::vector<const GoldMention*>> gold_mentions;
  for (const GoldEvent& e : gold.events) gold_events[e.doc_id].push_back(&e);
  for (const GoldMention& m : gold.mentions) gold_mentions[m.doc_id].push_back(&m);
  report.gold_documents = gold.documents.size();

  std::map<const GoldEvent*, MissedEvent> missed;
  std::map<const GoldMention*, MentionResult> mention_results;
  for (const std::string& doc_id : gold.documents) {
    auto it = by_id.find(doc_id);
    if (it == by_id.end()) {
      report.not_coded.push_back(doc_id);
      continue;
    }
    const EvalDocument& doc = *it->second;
    ++report.evaluated_documents;
    DocumentScore ds;
    ds.doc_id = doc_id;

    // Events: resolve each gold event to its sentence(s).
    std::vector<const GoldEvent*> rows;
    std::vector<std::vector<uint32_t>> row_sentences;
    for (const GoldEvent* g : gold_events[doc_id]) {
      std::vector<uint32_t> hits;
      for (uint32_t s = 0; s < doc.sentences.size(); ++s)
        if (SentenceContains(doc.sentences[s].text, g->sentence)) hits.push_back(s);
      if (hits.empty()) {
        report.problems.push_back(fmt::format("{}:{}: sentence \"{}\" not found in a sentence of {}", gold.file,
                                              g->line, g->sentence, doc_id));
        continue;
      }
      rows.push_back(g);
      row_sentences.push_back(std::move(hits));
    }
    const std::vector<EvalEvent>& sys = doc.events;
    auto same_sentence = [&](size_t g, size_t s) {
      return std::find(row_sentences[g].begin(), row_sentences[g].end(), sys[s].sentence) != row_sentences[g].end();
    };
    auto actors_agree = [&](size_t g, size_t s) {
      return rows[g]->source.Matches(sys[s].source) && rows[g]->target.Matches(sys[s].target);
    };
    const auto full = MatchEvents(rows.size(), sys.size(), [&](size_t g, size_t s) {
      return same_sentence(g, s) && actors_agree(g, s) && rows[g]->cameo.Matches(sys[s].cameo);
    });
    const auto root = MatchEvents(rows.size(), sys.size(), [&](size_t g, size_t s) {
      return same_sentence(g, s) && rows[g]->cameo.MatchesRoot(sys[s].cameo);
    });
    const auto dyad = MatchEvents(rows.size(), sys.size(), [&](size_t g, size_t s) {
      return same_sentence(g, s) && actors_agree(g, s);
    });
    auto count = [&](const std::vector<int>& m, Score* score) {
      score->gold += rows.size();
      score->system += sys.size();
      score->matched += static_cast<size_t>(std::count_if(m.begin(), m.end(), [](int x) { return x >= 0; }));
    };
    count(full, &report.full);
    count(root, &report.root);
    count(dyad, &report.dyad);
    count(full, &ds.full);
    std::vector<char> used(sys.size(), 0);
    for (size_t g = 0; g < rows.size(); ++g) {
      if (full[g] >= 0) {
        used[static_cast<size_t>(full[g])] = 1;
        if (rows[g]->modality) {
          ++report.modality_compared;
          if (*rows[g]->modality == sys[static_cast<size_t>(full[g])].modality) ++report.modality_agree;
        }
        continue;
      }
      MissedEvent me;
      me.gold = *rows[g];
      for (size_t s = 0; s < sys.size(); ++s)
        if (same_sentence(g, s)) me.coded_in_sentence.push_back(EventSummary(sys[s]));
      missed.emplace(rows[g], std::move(me));
    }
    for (size_t s = 0; s < sys.size(); ++s) {
      if (used[s]) continue;
      const uint32_t si = sys[s].sentence;
      report.spurious.push_back(
          {doc_id, si, si < doc.sentences.size() ? doc.sentences[si].text : std::string(), sys[s]});
    }

    // Mentions: every occurrence of the annotated words, and the mentions overlapping it.
    for (const GoldMention* gm : gold_mentions[doc_id]) {
      std::vector<Token> want = Tokenize(gm->text);
      MentionResult mr;
      mr.gold = *gm;
      bool occurs = false;
      std::vector<std::string> found;
      for (const EvalSentence& s : doc.sentences) {
        if (want.empty() || s.tokens.size() < want.size()) continue;
        for (size_t i = 0; i + want.size() <= s.tokens.size(); ++i) {
          bool same = true;
          for (size_t k = 0; k < want.size() && same; ++k) same = s.tokens[i + k].key == want[k].key;
          if (!same) continue;
          occurs = true;
          const uint32_t first = static_cast<uint32_t>(i), end = static_cast<uint32_t>(i + want.size());
          for (const EvalMention& m : s.mentions) {
            if (m.end <= first || m.first >= end) continue;
            if (gm->code.Matches(m.code)) mr.outcome = MentionResult::Outcome::kRight;
            if (std::find(found.begin(), found.end(), m.code) == found.end()) found.push_back(m.code);
          }
        }
      }
      if (!occurs) {
        report.problems.push_back(
            fmt::format("{}:{}: mention \"{}\" not found in {}", gold.file, gm->line, gm->text, doc_id));
        continue;
      }
      if (mr.outcome != MentionResult::Outcome::kRight && !found.empty()) {
        mr.outcome = MentionResult::Outcome::kWrongCode;
        for (const std::string& c : found) mr.found += (mr.found.empty() ? "" : ", ") + c;
      }
      ++report.mentions;
      ++ds.mentions;
      switch (mr.outcome) {
        case MentionResult::Outcome::kRight: ++report.mentions_right; ++ds.mentions_right; break;
        case MentionResult::Outcome::kWrongCode: ++report.mentions_wrong_code; break;
        case MentionResult::Outcome::kMissed: ++report.mentions_missed; break;
      }
      mention_results.emplace(gm, std::move(mr));
    }
    report.documents.push_back(std::move(ds));
  }
  // Gold-file order for the lists that point into the gold set.
  for (const GoldEvent& e : gold.events)
    if (auto it = missed.find(&e); it != missed.end()) report.missed.push_back(std::move(it->second));
  for (const GoldMention& m : gold.mentions)
    if (auto it = mention_results.find(&m); it != mention_results.end())
      report.mention_results.push_back(std::move(it->second));
  return report;
}

std::string FormatReport(const EvalReport& r, const ReportOptions& options) {
  std::string out;
  auto line = [&](const std::string& s) {
    out += s;
    out += '\n';
  };
  line(fmt::format("documents: {} annotated, {} coded and scored", r.gold_documents, r.evaluated_documents));
  if (!r.not_coded.empty()) {
    std::string ids;
    for (const std::string& d : r.not_coded) ids += (ids.empty() ? "" : ", ") + d;
    line(fmt::format("  not among the inputs (left out): {}", ids));
  }
  line(fmt::format("actor mentions: {} annotated; right code {} ({}), other code {}, not found {}", r.mentions,
                   r.mentions_right, Percent(r.mentions_right, r.mentions), r.mentions_wrong_code, r.mentions_missed));
  line(fmt::format("events: {} annotated, {} coded in the scored documents", r.full.gold, r.full.system));
  line(fmt::format("  {:<34} {:>7} {:>10} {:>7} {:>7}", "level", "matched", "precision", "recall", "F1"));
  auto row = [&](const char* name, const Score& s) {
    line(fmt::format("  {:<34} {:>7} {:>10} {:>7} {:>7}", name, s.matched, Percent(s.Precision(), s.system > 0),
                     Percent(s.Recall(), s.gold > 0), Percent(s.F1(), s.system > 0 && s.gold > 0)));
  };
  row("full (source, target, CAMEO code)", r.full);
  row("CAMEO root (actors ignored)", r.root);
  row("dyad (source and target)", r.dyad);
  line(fmt::format("modality: {} of {} full matches agree ({})", r.modality_agree, r.modality_compared,
                   Percent(r.modality_agree, r.modality_compared)));
  if (!r.problems.empty()) {
    line(fmt::format("gold lines that do not fit the documents: {}", r.problems.size()));
    for (const std::string& p : r.problems) line("  " + p);
  }
  if (options.per_document) {
    line("");
    line(fmt::format("{:<40} {:>5} {:>6} {:>7} {:>9} {:>7} {:>9}", "document", "gold", "coded", "matched",
                     "precision", "recall", "mentions"));
    for (const DocumentScore& d : r.documents) {
      line(fmt::format("{:<40} {:>5} {:>6} {:>7} {:>9} {:>7} {:>9}", d.doc_id, d.full.gold, d.full.system,
                       d.full.matched, Percent(d.full.Precision(), d.full.system > 0),
                       Percent(d.full.Recall(), d.full.gold > 0), fmt::format("{}/{}", d.mentions_right, d.mentions)));
    }
  }
  if (options.details) {
    line("");
    line(fmt::format("missed events ({}): gold line, document, expected, and what was coded in that sentence",
                     r.missed.size()));
    for (const MissedEvent& m : r.missed) {
      const GoldEvent& g = m.gold;
      line(fmt::format("  line {} {} \"{}\": expected {} -> {} {}", g.line, g.doc_id, Short(g.sentence, 70),
                       g.source.ToString(), g.target.ToString(), g.cameo.ToString()));
      if (m.coded_in_sentence.empty()) line("      coded: nothing");
      for (const std::string& c : m.coded_in_sentence) line("      coded: " + c);
    }
    line("");
    line(fmt::format("spurious events ({}): coded, but matching no annotation", r.spurious.size()));
    for (const SpuriousEvent& s : r.spurious) {
      line(fmt::format("  {}#{} {} (\"{}\"; {})", s.doc_id, s.sentence, EventSummary(s.event), s.event.trigger,
                       s.event.rule));
      line(fmt::format("      {}", Short(s.sentence_text, 150)));
    }
    line("");
    size_t not_right = 0;
    for (const MentionResult& m : r.mention_results) not_right += m.outcome != MentionResult::Outcome::kRight;
    line(fmt::format("mentions not found with the right code ({})", not_right));
    for (const MentionResult& m : r.mention_results) {
      if (m.outcome == MentionResult::Outcome::kRight) continue;
      line(fmt::format("  line {} {} \"{}\": expected {}, {}", m.gold.line, m.gold.doc_id, m.gold.text,
                       m.gold.code.ToString(),
                       m.outcome == MentionResult::Outcome::kMissed ? std::string("not found") : "found " + m.found));
    }
  }
  return out;
}

}  // namespace griot
