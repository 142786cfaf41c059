#include "dict/dict_explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "coding/mentions.h"
#include "dict/dict_check.h"
#include "pipeline/formats.h"
#include "structure/sentence.h"

namespace griot {

namespace {

const char* FormKindName(VerbFormKind kind) {
  switch (kind) {
    case VerbFormKind::kBase: return "base";
    case VerbFormKind::kThirdPerson: return "3rd person";
    case VerbFormKind::kPast: return "past";
    case VerbFormKind::kGerund: return "gerund";
    case VerbFormKind::kNoun: return "noun";
  }
  return "base";
}

std::string DatedCodeText(const DatedCode& dc) {
  if (dc.from && dc.to) return fmt::format("[{} {}-{}]", dc.code, dc.from->ToCompact(), dc.to->ToCompact());
  if (dc.from) return fmt::format("[{} >{}]", dc.code, dc.from->ToCompact());
  if (dc.to) return fmt::format("[{} <{}]", dc.code, dc.to->ToCompact());
  return fmt::format("[{}]", dc.code);
}

std::string SpanText(const Sentence& s, uint32_t first, uint32_t end) {
  if (first >= end || end > s.tokens.size()) return "";
  return std::string(s.text.substr(s.tokens[first].begin, s.tokens[end - 1].end - s.tokens[first].begin));
}

// Code lines of actor entries, read back from their files to name the line that applied.
class ActorLines {
 public:
  const ActorSource* Find(const std::string& file, int line) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::vector<ActorSource> sources;
      if (auto content = ReadFile(file); content.ok())
        sources = ReadActorSources(*content, DetectDictSyntax(file, *content));
      it = files_.emplace(file, std::move(sources)).first;
    }
    for (const ActorSource& a : it->second)
      if (a.line == line) return &a;
    return nullptr;
  }

 private:
  std::map<std::string, std::vector<ActorSource>> files_;
};

}  // namespace

Explanation Explain(std::string_view text, const std::optional<Date>& date, const Coder& coder) {
  const DictionarySet& dicts = coder.dictionaries();
  Explanation out;
  out.date = date;
  Document doc;
  doc.id = "explain";
  doc.origin = "explain";
  doc.text = std::string(text);
  doc.date = date;
  out.events = coder.CodeDocument(doc).events;

  std::vector<Sentence> sentences = BuildSentences(doc);
  // The countries the text is about resolve ambiguous place names, as in the coder.
  std::vector<std::vector<ActorMention>> found(sentences.size());
  std::unordered_set<std::string> countries;
  for (size_t i = 0; i < sentences.size(); ++i) {
    found[i] = FindMentions(sentences[i], dicts, date);
    for (const ActorMention& m : found[i])
      if (std::string c = dicts.CountryOf(m.code); !c.empty()) countries.insert(c);
  }
  ActorLines actor_lines;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    ExplainedSentence es;
    es.index = s.index;
    es.text = std::string(s.text);
    for (const Token& t : s.tokens) es.tokens.push_back(t.key);
    std::vector<ActorMention> mentions = found[i];
    std::vector<PlaceMention> places = FindPlaces(s, dicts, countries, &mentions);
    std::vector<int> covered(s.tokens.size(), -1);
    for (const ActorMention& m : found[i]) {
      ExplainedMention em;
      em.first = m.first;
      em.end = m.end;
      em.text = SpanText(s, m.first, m.end);
      em.code = m.code;
      em.became_place = std::none_of(mentions.begin(), mentions.end(),
                                     [&](const ActorMention& kept) { return kept.first == m.first && kept.end == m.end; });
      if (m.actor_entry >= 0) {
        const ActorEntry& a = dicts.actors.entry(static_cast<uint32_t>(m.actor_entry));
        em.actor_id = a.actor_id;
        em.actor_where = fmt::format("{}:{}", a.file, a.line);
        em.actor_code = a.CodeOn(date);
        const int chosen = ChosenCodeIndex(a.codes, date);
        if (chosen >= 0) {
          em.dated_code = DatedCodeText(a.codes[static_cast<size_t>(chosen)]);
          const ActorSource* src = actor_lines.Find(a.file, a.line);
          if (src && src->codes.size() == a.codes.size())
            em.dated_where = fmt::format("{}:{}", a.file, src->codes[static_cast<size_t>(chosen)].line);
        }
      }
      if (m.agent_entry >= 0) {
        const AgentEntry& ag = dicts.agents.entry(static_cast<uint32_t>(m.agent_entry));
        em.agent_phrase = ag.phrase;
        em.agent_code = ag.code;
        em.agent_prefix = ag.prefix;
        em.agent_where = fmt::format("{}:{}", ag.file, ag.line);
      }
      if (!em.became_place)
        for (uint32_t t = m.first; t < m.end; ++t) covered[t] = 1;
      es.mentions.push_back(std::move(em));
    }
    for (const PlaceMention& p : places) {
      for (uint32_t t = p.first; t < p.end; ++t) covered[t] = 2;
      std::string where = "unresolved (the name is shared by places in several countries)";
      if (p.place >= 0) {
        const Place& pl = dicts.places.place(static_cast<uint32_t>(p.place));
        where = fmt::format("{} ({}{}{}, {})", pl.name, pl.country, pl.admin1_name.empty() ? "" : ", ",
                            pl.admin1_name, pl.kind);
      }
      es.places.push_back(fmt::format("\"{}\" -> {}", SpanText(s, p.first, p.end), where));
    }
    if (date) {
      for (const DateMention& d : FindDates(s, *date)) {
        std::string precision = d.date.precision == Date::Precision::kDay ? "" : fmt::format(" ({} precision)", d.date.PrecisionName());
        es.dates.push_back(fmt::format("\"{}\" -> {}{}", SpanText(s, d.first, d.end), d.date.ToString(), precision));
      }
    }
    // Verb forms of the dictionaries on the words no actor or place took, longest first, as
    // the coder looks them up.
    const uint32_t n = static_cast<uint32_t>(s.tokens.size());
    std::vector<PhraseIndex::Match> matches;
    for (uint32_t t = 0; t < n;) {
      if (covered[t] != -1) {
        ++t;
        continue;
      }
      dicts.verbs.forms_index().MatchAt([&](uint32_t k) -> const std::string& { return s.tokens[k].key; }, n, t,
                                        &matches);
      bool taken = false;
      for (const PhraseIndex::Match& m : matches) {
        bool free = true;
        for (uint32_t k = t; k < t + m.length; ++k) free &= covered[k] == -1;
        if (!free) continue;
        const VerbForm& form = dicts.verbs.form(m.entry);
        const VerbBlock& block = dicts.verbs.block(form.block);
        ExplainedVerb v;
        v.first = t;
        v.end = t + m.length;
        v.text = SpanText(s, v.first, v.end);
        v.block = block.name;
        v.block_code = block.code;
        v.block_where = fmt::format("{}:{}", block.file, block.line);
        v.form_kind = FormKindName(form.kind);
        v.form_code = form.code;
        es.verbs.push_back(std::move(v));
        t += m.length;
        taken = true;
        break;
      }
      if (!taken) ++t;
    }
    for (size_t k = 0; k < out.events.size(); ++k) {
      const Event& e = out.events[k];
      if (e.sentence_index != s.index) continue;
      for (ExplainedVerb& v : es.verbs)
        if (s.tokens[v.first].begin == e.trigger.begin) v.events.push_back(k);
    }
    out.sentences.push_back(std::move(es));
  }
  return out;
}

std::string FormatExplanation(const Explanation& x) {
  std::string out;
  auto line = [&](const std::string& s) {
    out += s;
    out += '\n';
  };
  if (x.date) line(fmt::format("date: {} (dated codes and date expressions are resolved for this day)", x.date->ToString()));
  else line("date: none (dated codes use their fallback; give --date YYYY-MM-DD to choose the day)");
  for (const ExplainedSentence& s : x.sentences) {
    line("");
    line(fmt::format("sentence {}: {}", s.index, s.text));
    std::string tokens;
    for (const std::string& t : s.tokens) tokens += (tokens.empty() ? "" : " | ") + t;
    line("  tokens: " + tokens);
    line(s.mentions.empty() ? "  actors: none" : "  actors:");
    for (const ExplainedMention& m : s.mentions) {
      line(fmt::format("    \"{}\" (tokens {}-{}) -> {}{}", m.text, m.first, m.end, m.code.empty() ? "(uncoded)" : m.code,
                       m.became_place ? "  (after a locative preposition: read as a place, not an actor)" : ""));
      if (!m.actor_id.empty()) {
        std::string dated;
        if (!m.dated_code.empty())
          dated = fmt::format("; applies: {}{}", m.dated_code, m.dated_where.empty() ? "" : " at " + m.dated_where);
        line(fmt::format("      actor {} [{}] {}{}", m.actor_id, m.actor_code, m.actor_where, dated));
      }
      if (!m.agent_phrase.empty()) {
        line(fmt::format("      agent {} [{}{}{}] {}", m.agent_phrase, m.agent_prefix ? "" : "~", m.agent_code,
                         m.agent_prefix ? "~" : "", m.agent_where));
        if (!m.actor_id.empty()) {
          if (m.code == m.actor_code)
            line("      combined: the actor keeps its own code (only a bare country takes the agent's role)");
          else
            line(fmt::format("      combined: {} = {}", m.agent_prefix ? m.agent_code + " + " + m.actor_code
                                                                       : m.actor_code + " + " + m.agent_code,
                             m.code));
        }
      }
    }
    if (!s.places.empty()) {
      line("  places:");
      for (const std::string& p : s.places) line("    " + p);
    }
    if (!s.dates.empty()) {
      line("  dates:");
      for (const std::string& d : s.dates) line("    " + d);
    }
    line(s.verbs.empty() ? "  verbs: none" : "  verbs:");
    for (const ExplainedVerb& v : s.verbs) {
      line(fmt::format("    \"{}\" (tokens {}-{}): block {} [{}] {}, {} form{}", v.text, v.first, v.end, v.block,
                       v.block_code, v.block_where, v.form_kind, v.form_code.empty() ? "" : " [" + v.form_code + "]"));
      if (v.events.empty())
        line("      no event from this word (the coder took it as a noun, found no actor for it, or its code is ---)");
      for (size_t k : v.events) {
        const Event* e = &x.events[k];
        line(fmt::format("      event: {} -> {} {} [{}]", e->source ? e->source->code + " (" + e->source->text + ")" : "-",
                         e->target ? e->target->code + " (" + e->target->text + ")" : "-", e->cameo,
                         ModalityName(e->modality)));
        line(fmt::format("        rule: {}", e->rule));
      }
    }
  }
  line("");
  line(fmt::format("events ({}):", x.events.size()));
  for (const Event& e : x.events) out += "  " + EventToText(e);
  return out;
}

}  // namespace griot
