// Builds the four sections of a brief from the store and the analysis stage. Every sentence
// is made from stored events and carries citations to them; figures cite the most severe
// events behind them. See docs/brief.md for how each section is built.
#include "brief/brief.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "brief/prose.h"
#include "brief/verbs.h"
#include "dict/dictionary_set.h"

namespace griot::brief {

const char* SentenceKindName(SentenceKind k) {
  switch (k) {
    case SentenceKind::kEvent: return "event";
    case SentenceKind::kAggregate: return "aggregate";
    case SentenceKind::kProjection: return "projection";
    case SentenceKind::kContext: return "context";
    case SentenceKind::kAbsence: return "absence";
  }
  return "event";
}

namespace {

using analysis::Window;

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

std::string DateString(const Date& d) {
  if (!d.valid()) return "";
  switch (d.precision) {
    case Date::Precision::kYear: return fmt::format("{:04}", d.year());
    case Date::Precision::kMonth: return fmt::format("{:04}-{:02}", d.year(), d.month());
    case Date::Precision::kDay: break;
  }
  return d.ToString();
}

// "June 2025": timelines are told by month (their first and last dates may be coarse).
std::string Month(const Date& d) { return FormatDate(Date{d.ymd, d.precision == Date::Precision::kYear ? Date::Precision::kYear : Date::Precision::kMonth}); }

// "between 1 January and 31 March 1990".
std::string Between(const Window& w) { return RangeClause(w.from, w.to); }

bool IsConflict(const Event& e) { return e.quad_class >= 3; }
// Violence against people: unconventional and mass violence, and fighting (not blockades or
// occupation).
bool IsViolence(const std::string& cameo) {
  const std::string root = cameo.substr(0, 2);
  if (root == "18" || root == "20") return true;
  return root == "19" && cameo.rfind("191", 0) != 0 && cameo.rfind("192", 0) != 0;
}
bool IsFuture(const Event& e) { return e.modality == Modality::kFuture; }
bool IsNegated(const Event& e) { return e.modality == Modality::kNegated; }

// A stable key of an actor for grouping: its dictionary id, else its code, else its words.
std::string ActorKey(const std::optional<ActorRef>& a) {
  if (!a) return "";
  if (!a->actor_id.empty()) return a->actor_id;
  return a->code + "|" + Lower(a->text);
}

// Several events told as one: same sentence and CAMEO root, or the same dyad and root.
struct Cluster {
  std::vector<StoredEvent> events;  // the first is the most significant
  double score = 0;
  Date first, last;
};

class Builder {
 public:
  Builder(Store& store, const BriefOptions& options) : store_(store), options_(options) {
    const std::string data_dir = ResolveDataDir(options.data_dir);
    countries_.Load(data_dir + "/generated/countries.tsv");
    links_path_ = data_dir + "/dict/actor_links.tsv";
  }

  Result<Brief> Build(const analysis::Subject& subject, const std::optional<Window>& window);

 private:
  // ---- helpers over the store ----
  EventQuery InWindow(const Window& w) const {
    EventQuery q = subject_.query;
    q.from = w.from;
    q.to = w.to;
    return q;
  }
  Result<std::vector<StoredEvent>> Query(const EventQuery& q) { return store_.QueryEvents(q); }
  std::vector<Citation> Cite(const StoredEvent& ev);
  std::vector<Citation> CiteAll(const std::vector<StoredEvent>& events, size_t max);
  std::vector<Citation> CiteIds(const std::vector<std::string>& ids, size_t max);
  std::string RegistryName(const std::string& actor_id);
  // A network node named for prose: a dictionary actor as the registry knows it (the same in
  // every sentence), else from its label, code and country.
  std::string NodeName(const analysis::Node& n);
  std::string Name(const std::optional<ActorRef>& a, const std::string& cameo = "");
  std::string PlaceClause(const Event& e);
  // The clause telling a cluster of events, without final period; `with_date` adds when.
  std::string Clause(const Cluster& c, bool with_date = true);
  std::string SubjectName() const { return subject_.display_name; }
  std::string SubjectCap() const { return Capitalize(subject_.display_name); }

  void Add(Section* s, std::string text, std::vector<Citation> cites, SentenceKind kind) {
    if (cites.empty() && kind != SentenceKind::kAbsence) return;  // never an uncited claim
    for (const auto& existing : s->sentences)
      if (existing.text == text) return;  // never a repeated sentence
    if (cites.size() > options_.citations_per_sentence * 2) cites.resize(options_.citations_per_sentence * 2);
    s->sentences.push_back({std::move(text), std::move(cites), kind});
  }

  std::vector<Cluster> MakeClusters(const std::vector<analysis::RankedEvent>& ranked);

  Status Happening(Section* s);
  Status Importance(Section* s);
  Status Next(Section* s);
  Status Beyond(Section* s);

  Store& store_;
  BriefOptions options_;
  CountryNames countries_;
  std::string links_path_;
  analysis::ResolvedSubject subject_;
  Window window_;
  Brief* brief_ = nullptr;
  std::vector<analysis::RankedEvent> ranked_;
  // The subject's events per day from daily_from_ to the window's end, read once: the
  // window's and the previous window's totals, the window's series, the history of the
  // escalation signals and (extended further back by Beyond) the long-run series are all
  // computed from it.
  std::vector<analysis::SeriesPoint> daily_;
  Date daily_from_;
  std::map<std::string, std::string> registry_names_;

 public:
  // Notes a failure that leaves the brief shorter (a citation or a sentence dropped).
  void Warn(const Status& status, const std::string& what) {
    std::string w = fmt::format("{}: {}", what, status.message());
    if (std::find(warnings_.begin(), warnings_.end(), w) == warnings_.end()) warnings_.push_back(std::move(w));
  }
  std::vector<std::string> warnings_;

 private:
  std::set<std::string> told_;  // event ids already told in "What's Happening?"
};

std::vector<Citation> Builder::Cite(const StoredEvent& ev) {
  std::vector<Citation> out;
  const Event& e = ev.record;
  auto add = [&](const Event& r) {
    for (const auto& c : out)
      if (c.doc_id == r.doc_id && c.sentence == r.sentence) return;
    out.push_back({e.event_id, r.doc_id, r.title, r.source_name, r.url, DateString(e.date), r.sentence});
  };
  add(e);
  if (ev.mentions > 1) {
    auto mentions = store_.GetMentions(ev.key);
    if (!mentions.ok()) Warn(mentions.status(), "reports of event " + e.event_id + " not cited");
    if (mentions.ok())
      for (const StoredMention& m : *mentions) {
        if (out.size() >= 3) break;
        add(m.record);
      }
  }
  return out;
}

std::vector<Citation> Builder::CiteAll(const std::vector<StoredEvent>& events, size_t max) {
  std::vector<Citation> out;
  for (const auto& ev : events) {
    for (auto& c : Cite(ev)) {
      bool dup = false;
      for (const auto& o : out) dup = dup || (o.doc_id == c.doc_id && o.sentence == c.sentence);
      if (!dup) out.push_back(std::move(c));
    }
    if (out.size() >= max) break;
  }
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<Citation> Builder::CiteIds(const std::vector<std::string>& ids, size_t max) {
  std::vector<StoredEvent> events;
  for (const auto& id : ids) {
    auto found = store_.FindEvent(id);
    if (!found.ok()) Warn(found.status(), "event " + id + " not cited");
    if (found.ok() && found->has_value()) events.push_back(**found);
    if (events.size() >= max) break;
  }
  return CiteAll(events, max);
}

std::string Builder::NodeName(const analysis::Node& n) {
  if (n.key != n.code) return RegistryName(n.key);
  ActorRef ref;
  ref.text = n.label == n.code ? "" : n.label;
  ref.code = n.code;
  ref.country = n.country;
  ref.sector = n.sector;
  return ActorName(ref, countries_, "");
}

std::string Builder::RegistryName(const std::string& actor_id) {
  auto it = registry_names_.find(actor_id);
  if (it != registry_names_.end()) return it->second;
  std::string name;
  auto info = store_.GetActor(actor_id);
  if (info.ok() && info->has_value() && !(**info).aliases.empty()) {
    // The alias that reads best as a name: "the Wagner Group" (with its article), else a
    // capitalised name of two to four words, else the first capitalised one.
    auto words = [](const std::string& a) { return 1 + std::count(a.begin(), a.end(), ' '); };
    for (const auto& a : (**info).aliases)
      if (a.rfind("the ", 0) == 0 && a.size() > 4 && a[4] >= 'A' && a[4] <= 'Z' && words(a) <= 5) {
        name = a;
        break;
      }
    // A proper name: every word capitalised but "of", "the", "and".
    auto proper = [](const std::string& a) {
      if (a.empty() || !(a[0] >= 'A' && a[0] <= 'Z')) return false;
      size_t start = 0;
      while (start < a.size()) {
        size_t end = a.find(' ', start);
        if (end == std::string::npos) end = a.size();
        const std::string w = a.substr(start, end - start);
        if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && w != "of" && w != "the" && w != "and") return false;
        start = end + 1;
      }
      return true;
    };
    for (const auto& a : (**info).aliases)
      if (name.empty() && proper(a) && words(a) >= 2 && words(a) <= 4) name = a;
    for (const auto& a : (**info).aliases)
      if (name.empty() && proper(a) && a.size() < 40) name = a;
    for (const auto& a : (**info).aliases)
      if (name.empty() && !a.empty() && a.size() < 40 && a[0] >= 'A' && a[0] <= 'Z') name = a;
  }
  if (name.empty()) {
    // "africa_corps" -> "Africa Corps".
    bool up = true;
    for (char c : actor_id) {
      if (c == '_') {
        name += ' ';
        up = true;
      } else {
        name += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
        up = false;
      }
    }
  }
  name = WithArticle(name);
  registry_names_[actor_id] = name;
  return name;
}

std::string Builder::Name(const std::optional<ActorRef>& a, const std::string& cameo) {
  if (!a) return "";
  ActorRef ref = *a;
  std::string name = ActorName(ref, countries_, ref.actor_id.empty() ? "" : RegistryName(ref.actor_id));
  // The bare adjective of a country as the target of violence is its forces, not the country.
  if (IsViolence(cameo) && ref.code.size() == 3 && ref.sector.empty() && countries_.IsDemonym(ref.text) &&
      !countries_.Adjective(ref.country).empty())
    name = countries_.Adjective(ref.country) + " forces";
  return name;
}

std::string Builder::PlaceClause(const Event& e) {
  if (!e.location || e.location->name.empty()) return "";
  const Location& l = *e.location;
  // A place that is the country itself adds nothing to a country brief; a month name is a
  // gazetteer slip, not a place.
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  for (const char* m : kMonths)
    if (l.name == m) return "";
  if (l.precision == "country") {
    if (!subject_.country.empty() && l.country == subject_.country) return "";
    return " in " + l.name;
  }
  return (l.precision == "locality" ? " near " : " in ") + l.name;
}

std::string Builder::Clause(const Cluster& c, bool with_date) {
  const StoredEvent& lead = c.events.front();
  const Event& e = lead.record;
  // Sources and targets in order, one direction of reciprocal pairs only; a country and its
  // government or capital ("Algeria", "Algiers") are named once.
  std::vector<std::string> sources, targets;
  std::set<std::string> source_states, target_states;
  std::set<std::pair<std::string, std::string>> dyads;
  auto state_key = [](const std::optional<ActorRef>& a) -> std::string {
    if (!a || a->country.empty()) return "";
    const bool state = a->code.size() == 3 || a->sector == "GOV" || a->code == a->country + "GOV";
    return state ? a->country : "";
  };
  auto push = [&](std::vector<std::string>* v, std::set<std::string>* states, const std::optional<ActorRef>& a) {
    const std::string n = Name(a, e.cameo);
    const std::string st = state_key(a);
    if (!st.empty() && !states->insert(st).second) return;
    // One dictionary actor is named once, however the reports worded it.
    if (a && !a->actor_id.empty() && !states->insert("id:" + a->actor_id).second) return;
    if (!n.empty() && std::find(v->begin(), v->end(), n) == v->end()) v->push_back(n);
  };
  for (const auto& ev : c.events) {
    const std::string sk = ActorKey(ev.record.source), tk = ActorKey(ev.record.target);
    if (dyads.count({tk, sk})) continue;
    dyads.insert({sk, tk});
    push(&sources, &source_states, ev.record.source);
    push(&targets, &target_states, ev.record.target);
  }
  // A target that is also a source reads better left out ("X and Y clashed with Y").
  std::vector<std::string> only_targets;
  for (const auto& t : targets)
    if (std::find(sources.begin(), sources.end(), t) == sources.end()) only_targets.push_back(t);
  if (!only_targets.empty() || sources.size() < 2) targets = only_targets;
  auto list = [](std::vector<std::string> v) {
    if (v.size() > 4) {
      v.resize(3);
      v.push_back("others");
    }
    return JoinList(v);
  };
  const VerbPhrase& vp = FindVerbPhrase(e.cameo);
  std::string adverb;
  bool all_reported = true, all_alleged = true;
  for (const auto& ev : c.events) {
    all_reported = all_reported && ev.record.modality == Modality::kReported;
    all_alleged = all_alleged && ev.record.modality == Modality::kAlleged;
  }
  if (all_alleged) adverb = "allegedly ";
  else if (all_reported) adverb = "reportedly ";
  std::string clause;
  if (!sources.empty()) {
    const std::string s = list(sources);
    clause = targets.empty() ? s + " " + adverb + vp.past : s + " " + adverb + FillTarget(vp.past_target, list(targets));
  } else if (!targets.empty()) {
    const std::string t = list(targets);
    const bool plural = targets.size() > 1 || IsPluralName(t);
    clause = fmt::format("{} {} {}the target of {}", t, plural ? "were" : "was", adverb, vp.noun);
  } else {
    clause = fmt::format("{} was {}reported", vp.noun, adverb.empty() ? "" : "");
  }
  clause += PlaceClause(e);
  if (with_date) {
    if (c.first == c.last)
      clause += " " + DateClause(c.first);
    else
      clause += " " + RangeClause(c.first, c.last);
  }
  return clause;
}

std::vector<Cluster> Builder::MakeClusters(const std::vector<analysis::RankedEvent>& ranked) {
  // First the events of one sentence and one CAMEO root, then clusters of the same dyad and
  // root across dates.
  std::vector<Cluster> by_sentence;
  std::map<std::string, size_t> sentence_index;
  for (const auto& r : ranked) {
    const Event& e = r.event.record;
    const std::string key = fmt::format("{}#{}#{}#{}", e.doc_id, e.sentence_index, e.cameo_root, ModalityName(e.modality));
    auto [it, fresh] = sentence_index.emplace(key, by_sentence.size());
    if (fresh) by_sentence.push_back({{}, r.score, e.date, e.date});
    Cluster& c = by_sentence[it->second];
    c.events.push_back(r.event);
    c.score = std::max(c.score, r.score);
    c.first = std::min(c.first, e.date);
    c.last = std::max(c.last, e.date);
  }
  std::vector<Cluster> merged;
  std::map<std::string, size_t> dyad_index;
  for (auto& c : by_sentence) {
    std::set<std::string> sk, tk;
    for (const auto& ev : c.events) {
      sk.insert(ActorKey(ev.record.source));
      tk.insert(ActorKey(ev.record.target));
    }
    std::string key = c.events.front().record.cameo_root + "#";
    for (const auto& s : sk) key += s + ",";
    key += "->";
    for (const auto& t : tk) key += t + ",";
    auto [it, fresh] = dyad_index.emplace(key, merged.size());
    if (fresh) {
      merged.push_back(std::move(c));
      continue;
    }
    Cluster& m = merged[it->second];
    for (auto& ev : c.events) m.events.push_back(std::move(ev));
    m.score = std::max(m.score, c.score);
    m.first = std::min(m.first, c.first);
    m.last = std::max(m.last, c.last);
  }
  // A report with no source ("Mali was the target of a blockade") of a happening told with
  // its source within a day is folded into it: the same CAMEO code and the same target actor
  // (code and entry), so a citation never lands under another actor's deed.
  std::vector<Cluster> folded;
  for (auto& c : merged) {
    const bool sourceless = std::all_of(c.events.begin(), c.events.end(), [](const StoredEvent& e) { return !e.record.source; });
    Cluster* into = nullptr;
    if (sourceless)
      for (auto& f : folded) {
        if (f.events.front().record.cameo != c.events.front().record.cameo) continue;
        if (std::abs(f.first.DayNumber() - c.first.DayNumber()) > 1) continue;
        const auto& t = c.events.front().record.target;
        bool same_target = false;
        for (const auto& ev : f.events)
          same_target = same_target || (t && ev.record.target && ev.record.target->code == t->code &&
                                        ev.record.target->actor_id == t->actor_id);
        if (same_target) {
          into = &f;
          break;
        }
      }
    if (!into) {
      folded.push_back(std::move(c));
      continue;
    }
    for (auto& ev : c.events) into->events.push_back(std::move(ev));
    into->score = std::max(into->score, c.score);
  }
  return folded;
}

// ---- What's Happening? ----------------------------------------------------------------------

Status Builder::Happening(Section* s) {
  std::vector<analysis::RankedEvent> candidates;
  for (const auto& r : ranked_) {
    const Event& e = r.event.record;
    if (IsFuture(e) || IsNegated(e)) continue;
    // An event with neither a named source nor target tells nothing; one with only a target
    // is told only for violence against it.
    if (!e.source && !e.target) continue;
    if (!e.source && std::atoi(e.cameo_root.c_str()) < 17) continue;
    // Cooperation with no recipient named says little ("X provided aid").
    if (!e.target && e.quad_class <= 2) continue;
    // Likely misreadings: a country adjective alone as the actor ("a Malian drone destroyed"
    // read as "Mali destroyed"), or an actor acting on its own country.
    if (e.source && e.source->code.size() == 3 && countries_.IsDemonym(e.source->text) &&
        !IsPluralName(e.source->text))
      continue;
    if (e.source && e.target && !e.source->country.empty() && e.source->country == e.target->country &&
        (e.target->code.size() == 3 || e.source->code.size() == 3))
      continue;
    candidates.push_back(r);
  }
  // Bare statements and appeals (CAMEO 01, 02) are told only when nothing weightier is on record.
  size_t weighty = 0;
  for (const auto& r : candidates) weighty += r.event.record.cameo_root > "02";
  if (weighty >= 3)
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [](const analysis::RankedEvent& r) { return r.event.record.cameo_root <= "02"; }),
                     candidates.end());
  auto clusters = MakeClusters(candidates);
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) { return a.score > b.score; });
  if (clusters.size() > options_.max_happenings) clusters.resize(options_.max_happenings);
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) { return a.first < b.first; });
  for (const auto& c : clusters) {
    std::string text = Capitalize(Clause(c)) + ".";
    std::vector<Citation> cites = CiteAll(c.events, options_.citations_per_sentence);
    for (const auto& ev : c.events) told_.insert(ev.record.event_id);
    Add(s, std::move(text), std::move(cites), SentenceKind::kEvent);
  }
  if (s->sentences.empty()) {
    // Events exist but none could be told as a clause (no named actors): say how many.
    std::vector<StoredEvent> examples;
    for (const auto& r : ranked_) examples.push_back(r.event);
    Add(s,
        fmt::format("{} on record for {} {}, none naming the actors involved.",
                    Capitalize(Count(brief_->events_in_window, "event is", "events are")), SubjectName(),
                    Between(window_)),
        CiteAll(examples, 3), SentenceKind::kAggregate);
  }
  return Status::Ok();
}

// ---- Why It's Important? --------------------------------------------------------------------

Status Builder::Importance(Section* s) {
  const Window prev = window_.Previous();
  const analysis::SeriesPoint current = analysis::TotalsOf(daily_, window_);
  const analysis::SeriesPoint previous = analysis::TotalsOf(daily_, prev);
  const analysis::SeriesPoint* cur = &current;
  const analysis::SeriesPoint* before = &previous;

  // Examples behind the figures: the most severe conflict events of the window.
  std::vector<StoredEvent> conflict_examples, all_examples;
  for (const auto& r : ranked_) {
    if (IsFuture(r.event.record)) continue;
    all_examples.push_back(r.event);
    if (IsConflict(r.event.record)) conflict_examples.push_back(r.event);
  }
  std::stable_sort(conflict_examples.begin(), conflict_examples.end(), [](const StoredEvent& a, const StoredEvent& b) {
    return a.record.goldstein < b.record.goldstein;
  });
  const int days = window_.Days();
  {
    const int64_t a = before->events, b = cur->events;
    std::string verb = b > a ? "rose" : b < a ? "fell" : "held steady at";
    std::string text =
        b == a ? fmt::format("Events involving {} held steady at {} in the {} days to {}, as in the previous {} days.",
                             SubjectName(), b, days, FormatDate(window_.to), days)
               : fmt::format("Events involving {} {} from {} in the previous {} days to {} {}.", SubjectName(),
                             verb, a, days, b, Between(window_));
    Add(s, text, CiteAll(all_examples, 3), SentenceKind::kAggregate);
  }
  {
    const int64_t a = before->Conflict(), b = cur->Conflict();
    if (b > 0 || a > 0) {
      const double share_b = cur->events ? 100.0 * static_cast<double>(b) / static_cast<double>(cur->events) : 0;
      const double share_a = before->events ? 100.0 * static_cast<double>(a) / static_cast<double>(before->events) : 0;
      std::string change = b > a ? fmt::format("rose from {} to {}", a, b)
                           : b < a ? fmt::format("fell from {} to {}", a, b)
                                   : fmt::format("stayed at {}", b);
      std::string text = fmt::format(
          "Conflict events (threats, protests, coercion and violence) {}, {:.0f}% of the window's events{}.", change,
          share_b, before->events ? fmt::format(" against {:.0f}% in the previous {} days", share_a, days) : "");
      std::vector<Citation> cites;
      if (b > 0) {
        cites = CiteAll(conflict_examples, 3);
      } else {
        // Nothing in the window: the figure rests on the previous window's events.
        EventQuery q = InWindow(prev);
        q.limit = 50;
        auto prev_events = Query(q);
        if (prev_events.ok()) {
          std::vector<StoredEvent> pc;
          for (const auto& ev : *prev_events)
            if (IsConflict(ev.record)) pc.push_back(ev);
          cites = CiteAll(pc, 3);
        }
      }
      Add(s, text, std::move(cites), SentenceKind::kAggregate);
    }
  }

  // The balance of cooperation and conflict between the parties: the network's busiest pairs.
  {
    struct Pair { std::string a, b; int64_t events = 0, coop = 0, conflict = 0; std::vector<std::string> examples; };
    std::map<std::pair<std::string, std::string>, Pair> pairs;
    std::map<std::string, const analysis::Node*> nodes;
    for (const auto& n : brief_->network.nodes) nodes[n.key] = &n;
    for (const auto& e : brief_->network.edges) {
      auto key = std::minmax(e.source, e.target);
      Pair& p = pairs[{key.first, key.second}];
      p.a = key.first;
      p.b = key.second;
      p.events += e.events;
      p.coop += e.cooperation;
      p.conflict += e.conflict;
      for (const auto& id : e.example_event_ids) p.examples.push_back(id);
    }
    std::vector<Pair> sorted;
    for (auto& [k, p] : pairs)
      if (p.events >= 2 && (p.coop + p.conflict) > 0) sorted.push_back(p);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Pair& x, const Pair& y) { return x.events > y.events; });
    auto label = [&](const std::string& key) {
      auto it = nodes.find(key);
      if (it == nodes.end()) return key;
      return NodeName(*it->second);
    };
    std::set<std::string> said;
    int written = 0;
    auto n_word = [](int64_t n) { return NumberWord(n); };
    for (const Pair& p : sorted) {
      if (written >= 3) break;
      const std::string a = label(p.a), b = label(p.b);
      const std::string all = p.coop + p.conflict == 2 ? "both" : "all " + n_word(p.coop + p.conflict);
      if (a == b || said.count(a + "|" + b)) continue;
      said.insert(a + "|" + b);
      const int64_t n = p.coop + p.conflict;
      std::string text;
      if (p.conflict == n)
        text = fmt::format("Relations between {} and {} were hostile: {} events between them on record in the window "
                           "were conflictual.", a, b, all);
      else if (p.coop == n)
        text = fmt::format("Relations between {} and {} were cooperative: {} events between them on record in the "
                           "window were cooperative.", a, b, all);
      else if (p.conflict > p.coop)
        text = fmt::format("Relations between {} and {} were mostly hostile: {} of the {} events between them were "
                           "conflictual, {} cooperative.", a, b, n_word(p.conflict), n_word(n), n_word(p.coop));
      else if (p.coop > p.conflict)
        text = fmt::format("Relations between {} and {} were mostly cooperative: {} of the {} events between them were "
                           "cooperative, {} conflictual.", a, b, n_word(p.coop), n_word(n), n_word(p.conflict));
      else
        text = fmt::format("Relations between {} and {} were mixed: {} cooperative and {} conflictual events.", a, b,
                           n_word(p.coop), n_word(p.conflict));
      Add(s, text, CiteIds(p.examples, 3), SentenceKind::kAggregate);
      ++written;
    }
  }

  // Abuses and sanctions on record for the actors involved, in the window.
  auto query_root = [&](const std::string& cameo, const Window& w, int64_t limit) -> std::vector<StoredEvent> {
    EventQuery q = InWindow(w);
    q.cameo = cameo;
    q.limit = limit;
    q.newest_first = true;
    auto r = Query(q);
    std::vector<StoredEvent> out;
    if (r.ok())
      for (auto& ev : *r)
        if (!IsFuture(ev.record) && !IsNegated(ev.record)) out.push_back(std::move(ev));
    return out;
  };
  {
    std::vector<StoredEvent> abuses;
    for (const char* root : {"18", "20"})
      for (auto& ev : query_root(root, window_, 50)) abuses.push_back(std::move(ev));
    // Conventional force against civilians is counted with them.
    for (auto& ev : query_root("19", window_, 60))
      if (ev.record.target && ev.record.target->sector.rfind("CVL", 0) == 0) abuses.push_back(std::move(ev));
    std::stable_sort(abuses.begin(), abuses.end(),
                     [](const StoredEvent& a, const StoredEvent& b) { return a.record.goldstein < b.record.goldstein; });
    if (!abuses.empty()) {
      Cluster c{{abuses.front()}, 0, abuses.front().record.date, abuses.front().record.date};
      std::string text = fmt::format(
          "{} of unconventional violence, mass violence or violence against civilians {} on record in the window; "
          "the gravest: {}.",
          Capitalize(Count(static_cast<int64_t>(abuses.size()), "event", "events")), abuses.size() == 1 ? "is" : "are",
          Clause(c));
      Add(s, text, CiteAll(abuses, 3), SentenceKind::kAggregate);
    } else {
      // None in the window: the latest on record before it, if any.
      Window earlier{Date::FromDayNumber(0), window_.from};
      earlier.to = Date::FromDayNumber(window_.from.DayNumber() - 1);
      std::vector<StoredEvent> past;
      for (const char* root : {"18", "20"})
        for (auto& ev : query_root(root, earlier, 3)) past.push_back(std::move(ev));
      std::stable_sort(past.begin(), past.end(),
                       [](const StoredEvent& a, const StoredEvent& b) { return a.record.date > b.record.date; });
      if (!past.empty()) {
        Cluster c{{past.front()}, 0, past.front().record.date, past.front().record.date};
        Add(s,
            fmt::format("No unconventional or mass violence is on record in the window; the latest earlier case: {}.",
                        Clause(c)),
            CiteAll({past.front()}, 2), SentenceKind::kAggregate);
      }
    }
  }
  {
    std::vector<StoredEvent> sanctions;
    for (const char* code : {"163", "162", "161"})
      for (auto& ev : query_root(code, window_, 20)) sanctions.push_back(std::move(ev));
    if (!sanctions.empty()) {
      // Told as clusters: the same measure between the same parties once.
      std::vector<analysis::RankedEvent> as_ranked;
      for (const auto& ev : sanctions) as_ranked.push_back({ev, -ev.record.goldstein, 0, 0, 0, false});
      auto clusters = MakeClusters(as_ranked);
      std::vector<std::string> clauses;
      std::vector<StoredEvent> cited;
      for (const auto& c : clusters) {
        if (clauses.size() >= 3) break;
        clauses.push_back(Clause(c));
        cited.push_back(c.events.front());
      }
      const bool has_sanctions = std::any_of(sanctions.begin(), sanctions.end(), [](const StoredEvent& e) {
        return e.record.cameo.rfind("163", 0) == 0 || e.record.cameo.rfind("162", 0) == 0;
      });
      std::string what = has_sanctions ? "Sanctions and diplomatic ruptures are" : "Diplomatic ruptures are";
      Add(s, fmt::format("{} on record in the window: {}.", what, fmt::join(clauses, "; ")), CiteAll(cited, 4),
          SentenceKind::kAggregate);
    }
  }
  return Status::Ok();
}

// ---- What's Next? ---------------------------------------------------------------------------

Status Builder::Next(Section* s) {
  // Stated intentions: events the reports put in the future (threats, plans, promises).
  auto forward = analysis::ForwardStatements(store_, subject_.query, window_, options_.max_forward * 3);
  if (!forward.ok()) return forward.status();
  {
    std::vector<analysis::RankedEvent> as_ranked;
    for (const auto& ev : *forward) as_ranked.push_back({ev, 0, 0, 0, 0, false});
    auto clusters = MakeClusters(as_ranked);
    size_t n = 0;
    // An intention the record shows carried out later in the window is history, not a projection.
    auto fulfilled = [&](const Event& e) {
      EventQuery q = InWindow(window_);
      q.from = e.date;
      q.cameo = e.cameo_root;
      q.limit = 50;
      auto later = Query(q);
      if (!later.ok()) return false;
      for (const auto& ev : *later) {
        const Event& l = ev.record;
        if (l.modality == Modality::kFuture || l.modality == Modality::kNegated) continue;
        if (ActorKey(l.source) == ActorKey(e.source) && ActorKey(l.target) == ActorKey(e.target)) return true;
        if (l.source && e.source && l.source->country == e.source->country && l.source->code.substr(0, 3) == e.source->code.substr(0, 3) &&
            ActorKey(l.target) == ActorKey(e.target))
          return true;
      }
      return false;
    };
    for (const auto& c : clusters) {
      if (n >= options_.max_forward) break;
      const Event& e = c.events.front().record;
      if (!e.source || fulfilled(e)) continue;
      const VerbPhrase& vp = FindVerbPhrase(e.cameo);
      std::string who = Name(e.source, e.cameo);
      std::string action = e.target ? FillTarget(vp.base_target, Name(e.target, e.cameo)) : vp.base;
      std::string text = fmt::format(
          "Projection: according to reporting from {}, {} would {}{} (a stated intention, not a confirmed event).",
          FormatDate(e.date), who, action, PlaceClause(e));
      Add(s, text, CiteAll(c.events, 3), SentenceKind::kProjection);
      ++n;
    }
  }
  // Threats made in the window point ahead as well.
  {
    EventQuery q = InWindow(window_);
    q.cameo = "13";
    q.limit = 10;
    q.newest_first = true;
    auto threats = Query(q);
    if (threats.ok()) {
      size_t n = 0;
      for (const auto& ev : *threats) {
        if (n >= 2) break;
        if (IsFuture(ev.record) || IsNegated(ev.record) || !ev.record.source) continue;
        Cluster c{{ev}, 0, ev.record.date, ev.record.date};
        Add(s, fmt::format("Projection: {} — a threat, which may or may not be carried out.", Clause(c)),
            CiteAll({ev}, 2), SentenceKind::kProjection);
        ++n;
      }
    }
  }
  // The direction of the trend: conflict in the second half of the window against the first.
  const auto& series = brief_->series;
  if (series.size() >= 2) {
    const size_t half = series.size() / 2;
    int64_t first = 0, second = 0;
    for (size_t i = 0; i < series.size(); ++i) (i < half ? first : second) += series[i].Conflict();
    if (first + second >= 4 && first != second) {
      const Date mid = series[half].start;
      // Examples: the most severe conflict events of the half that carries the trend.
      std::vector<StoredEvent> examples;
      for (const auto& r : ranked_) {
        const bool in_second = r.event.record.date >= mid;
        if (IsConflict(r.event.record) && !IsFuture(r.event.record) && in_second == (second > first))
          examples.push_back(r.event);
      }
      std::string text =
          second > first
              ? fmt::format("Projection: if the trend of the window holds, conflict involving {} will keep rising: "
                            "conflict events went from {} in the first half of the window to {} in the second "
                            "(an extrapolation, not a forecast).", SubjectName(), first, second)
              : fmt::format("Projection: if the trend of the window holds, conflict involving {} will keep easing: "
                            "conflict events went from {} in the first half of the window to {} in the second "
                            "(an extrapolation, not a forecast).", SubjectName(), first, second);
      Add(s, text, CiteAll(examples, 3), SentenceKind::kProjection);
    }
  }
  // Escalation signals against the subject's own history.
  const analysis::Window history{analysis::SignalHistoryStart(window_, brief_->bucket), window_.to};
  auto signals = analysis::EscalationSignals(store_, subject_.query, window_, brief_->bucket,
                                             analysis::Rebucket(daily_, history, brief_->bucket));
  if (!signals.ok()) return signals.status();
  {
    std::vector<analysis::Signal> sorted = *signals;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const analysis::Signal& a, const analysis::Signal& b) { return std::fabs(a.z) > std::fabs(b.z); });
    size_t n = 0;
    std::set<int> told_buckets;
    for (const auto& sig : sorted) {
      if (n >= 2) break;
      if (sig.measure == analysis::Signal::Measure::kGoldsteinMean) continue;
      if (!told_buckets.insert(sig.start.DayNumber()).second) continue;  // one signal per period
      const char* what = sig.measure == analysis::Signal::Measure::kMaterialConflict ? "material conflict events"
                         : sig.measure == analysis::Signal::Measure::kAllEvents      ? "events"
                                                                                     : "conflict events";
      const std::string period = sig.bucket == analysis::Bucket::kMonth ? "in " + FormatDate(Date{sig.start.ymd, Date::Precision::kMonth})
                                 : sig.bucket == analysis::Bucket::kWeek ? "in the week of " + FormatDate(sig.start)
                                                                         : "on " + FormatDate(sig.start);
      const bool up = sig.direction == analysis::Signal::Direction::kEscalation;
      std::string text = fmt::format(
          "Projection: {} {} numbered {:.0f}, {} the average of {:.1f} over the preceding {} — a signal of possible "
          "{}, not a certainty.",
          what, period, sig.value, up ? "well above" : "well below", sig.baseline_mean,
          sig.bucket == analysis::Bucket::kMonth ? "months" : sig.bucket == analysis::Bucket::kWeek ? "weeks" : "days",
          up ? "further escalation" : "de-escalation");
      Add(s, Capitalize(text), CiteIds(sig.example_event_ids, 3), SentenceKind::kProjection);
      ++n;
    }
  }
  if (s->sentences.empty())
    Add(s,
        fmt::format("No forward-looking statements, threats or escalation signals are on record for {} {}.",
                    SubjectName(), Between(window_)),
        {}, SentenceKind::kAbsence);
  return Status::Ok();
}

// ---- Beyond the Headlines -------------------------------------------------------------------

Status Builder::Beyond(Section* s) {
  const bool timing = std::getenv("GRIOT_BRIEF_TIMING") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    if (!timing) return;
    const auto now = std::chrono::steady_clock::now();
    fmt::print(stderr, "brief:   {} {:.1f} ms\n", what, std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  // The actors to follow: the subject's own, or the busiest named actors of the window.
  std::vector<std::string> actors = subject_.actor_ids;
  if (actors.empty()) {
    for (const auto& n : brief_->network.nodes) {
      if (actors.size() >= 4) break;
      if (n.key == n.code || n.key.empty()) continue;  // not a dictionary actor
      if (!subject_.country.empty() && n.country == subject_.country) continue;
      actors.push_back(n.key);
    }
  }
  // The same actors in other countries, over the whole record to the end of the window.
  for (const std::string& id : actors) {
    EventQuery q;
    q.actor_ids = {id};
    q.to = window_.to;
    q.limit = 400;
    q.newest_first = true;
    auto events = Query(q);
    if (!events.ok()) return events.status();
    std::map<std::string, std::vector<StoredEvent>> by_country;
    std::vector<std::string> order;
    for (const auto& ev : *events) {
      const Event& e = ev.record;
      std::string c;
      if (e.location && !e.location->country.empty()) c = e.location->country;
      if (c.empty()) continue;
      if (c == subject_.country) continue;
      // The actor's own country is home, not "elsewhere".
      const ActorRef* self = e.source && e.source->actor_id == id ? &*e.source : e.target && e.target->actor_id == id ? &*e.target : nullptr;
      if (self && self->country == c) continue;
      if (!by_country.count(c)) order.push_back(c);
      by_country[c].push_back(ev);
    }
    if (order.empty()) continue;
    if (order.size() > 4) order.resize(4);
    std::vector<std::string> names;
    std::vector<StoredEvent> examples;
    for (const auto& c : order) {
      names.push_back(countries_.Name(c));
      examples.push_back(by_country[c].front());
    }
    std::string who = RegistryName(id);
    if (subject_.subject.kind == analysis::Subject::Kind::kActor) who = SubjectName();
    std::string text = subject_.country.empty()
                           ? fmt::format("Across the record up to {}, {} appears in events placed in {}.",
                                         FormatDate(window_.to), who, JoinList(names))
                           : fmt::format("{} also appears in events placed in {} up to {}.", Capitalize(who),
                                         JoinList(names), FormatDate(window_.to));
    Add(s, text, CiteAll(examples, 4), SentenceKind::kContext);
  }

  lap("other countries");
  // The network around them.
  {
    const auto& net = brief_->network;
    std::vector<std::string> busiest;
    std::vector<std::string> examples;
    for (const auto& n : net.nodes) {
      if (busiest.size() >= 4 || n.events < 2) break;
      const std::string name = NodeName(n);
      if (std::find(busiest.begin(), busiest.end(), name) != busiest.end()) continue;
      busiest.push_back(fmt::format("{} ({})", name, Count(n.events, "event", "events")));
    }
    for (const auto& e : net.edges)
      for (const auto& id : e.example_event_ids)
        if (examples.size() < 3) examples.push_back(id);
    if (net.nodes.size() >= 3 && !busiest.empty())
      Add(s,
          fmt::format("The window's interaction network links {} actors in {} pairs; the most active are {}.",
                      net.nodes.size(), net.edges.size(), JoinList(busiest)),
          CiteIds(examples, 3), SentenceKind::kContext);
  }

  lap("network");
  // The long run: the monthly series over the whole record up to the window's end.
  {
    EventQuery q = subject_.query;
    q.limit = 1;
    q.to = window_.to;
    auto first = Query(q);
    if (!first.ok()) return first.status();
    if (!first->empty() && options_.long_run_years > 0) {
      Date start = first->front().record.date;
      start.precision = Date::Precision::kDay;
      // At most `long_run_years` to the window's end: the long run, at a bounded cost (the
      // series scans every event of the period).
      const Date horizon = Date::FromDayNumber(window_.to.DayNumber() - options_.long_run_years * 365);
      const bool whole_record = start >= horizon;
      if (!whole_record) start = horizon;
      const Window whole{analysis::BucketStart(start, analysis::Bucket::kMonth), window_.to};
      lap("long run: first event");
      // Only the days before those already read are counted here.
      if (whole.from < daily_from_) {
        auto older = analysis::EventSeries(store_, subject_.query,
                                           Window{whole.from, Date::FromDayNumber(daily_from_.DayNumber() - 1)},
                                           analysis::Bucket::kDay);
        if (!older.ok()) return older.status();
        older->insert(older->end(), daily_.begin(), daily_.end());
        daily_ = std::move(*older);
        daily_from_ = whole.from;
      }
      const std::vector<analysis::SeriesPoint> monthly = analysis::Rebucket(daily_, whole, analysis::Bucket::kMonth);
      const std::vector<analysis::SeriesPoint>* series = &monthly;
      lap("long run: monthly series");
      const analysis::SeriesPoint* peak = nullptr;
      int64_t total_conflict = 0;
      for (const auto& p : *series) {
        total_conflict += p.Conflict();
        if (p.Conflict() > 0 && (!peak || p.Conflict() > peak->Conflict())) peak = &p;
      }
      if (peak && series->size() >= 6) {
        const Date peak_month{peak->start.ymd, Date::Precision::kMonth};
        Date peak_end = analysis::BucketStart(Date::FromDayNumber(peak->start.DayNumber() + 32), analysis::Bucket::kMonth);
        peak_end = Date::FromDayNumber(peak_end.DayNumber() - 1);
        std::vector<StoredEvent> examples;
        for (int quad : {4, 3}) {
          EventQuery pq = subject_.query;
          pq.from = peak->start;
          pq.to = peak_end;
          pq.quad_class = quad;
          pq.limit = 20;
          auto peak_events = Query(pq);
          if (peak_events.ok())
            for (const auto& ev : *peak_events)
              if (!IsFuture(ev.record)) examples.push_back(ev);
          if (examples.size() >= 3) break;
        }
        std::stable_sort(examples.begin(), examples.end(), [](const StoredEvent& a, const StoredEvent& b) {
          const bool da = a.record.date.precision == Date::Precision::kDay, db = b.record.date.precision == Date::Precision::kDay;
          if (da != db) return da;
          return a.record.goldstein < b.record.goldstein;
        });
        const double months = static_cast<double>(series->size());
        const double window_months = std::max(1.0, window_.Days() / 30.4);
        const double record_rate = static_cast<double>(total_conflict) / months;
        const double window_rate = static_cast<double>(brief_->series.empty() ? 0 : [&] {
          int64_t n = 0;
          for (const auto& p : brief_->series) n += p.Conflict();
          return n;
        }()) / window_months;
        Date first_month{whole.from.ymd, Date::Precision::kMonth};
        std::string text = fmt::format(
            "Over {} ({} to {}), conflict events involving {} peaked in {} with {}; the window "
            "averaged {:.1f} a month against {:.1f} over that period.",
            whole_record ? "the whole record" : (options_.long_run_years == 1 ? std::string("the last year")
                                                  : fmt::format("the last {} years", NumberWord(options_.long_run_years))),
            FormatDate(first_month), FormatDate(Date{window_.to.ymd, Date::Precision::kMonth}), SubjectName(),
            FormatDate(peak_month), Count(peak->Conflict(), "event", "events"), window_rate, record_rate);
        // Events known only to the year are stored on 1 January: a January peak may be theirs.
        const bool coarse = peak->start.month() == 1 &&
                            std::any_of(examples.begin(), examples.end(), [](const StoredEvent& ev) {
                              return ev.record.date.precision == Date::Precision::kYear;
                            });
        if (coarse) {
          text.pop_back();
          text += " (events dated only to the year are counted in January).";
        }
        Add(s, text, CiteAll(examples, 3), SentenceKind::kContext);
      }
    }
  }

  lap("long run");
  // Actor timelines and successors (Wagner -> Africa Corps), written only with evidence.
  auto links = analysis::LoadActorLinks(links_path_);
  if (!links.ok()) Warn(links.status(), "successor links not written");
  // Only actors with a succession link need their timeline.
  std::vector<std::string> linked;
  if (links.ok())
    for (const auto& id : actors)
      for (const auto& l : *links)
        if (l.relation == "succeeded_by" && (l.from == id || l.to == id) &&
            std::find(linked.begin(), linked.end(), id) == linked.end())
          linked.push_back(id);
  if (links.ok() && !linked.empty()) {
    auto timelines = analysis::ActorTimelines(store_, linked, *links);
    if (!timelines.ok()) return timelines.status();
    for (const auto& t : *timelines) {
      if (t.events == 0 || !t.first_seen || !t.last_seen) continue;
      for (const auto& link : t.links) {
        if (link.relation != "succeeded_by") continue;
        const bool is_predecessor = link.from == t.actor_id;
        const std::string other = is_predecessor ? link.to : link.from;
        // Evidence: the other actor's own events, else reports of this actor naming it.
        std::vector<StoredEvent> evidence;
        auto other_t = analysis::ActorTimelines(store_, {other}, *links);
        if (other_t.ok() && !other_t->empty() && other_t->front().events > 0) {
          const std::string id = is_predecessor ? other_t->front().first_event_id : other_t->front().last_event_id;
          auto ev = store_.FindEvent(id);
          if (ev.ok() && ev->has_value()) evidence.push_back(**ev);
        }
        if (evidence.empty()) {
          EventQuery q;
          q.actor_ids = {t.actor_id};
          q.text = "\"" + RegistryName(other) + "\"";
          q.limit = 2;
          q.newest_first = true;
          auto found = Query(q);
          if (!found.ok()) Warn(found.status(), "evidence for the succession of " + t.actor_id + " not searched");
          if (found.ok()) evidence = *found;
        }
        if (evidence.empty()) continue;
        auto last = store_.FindEvent(is_predecessor ? t.last_event_id : t.first_event_id);
        if (last.ok() && last->has_value()) evidence.insert(evidence.begin(), **last);
        const std::string self = t.actor_id == (subject_.actor_ids.empty() ? "" : subject_.actor_ids.front())
                                     ? SubjectName()
                                     : RegistryName(t.actor_id);
        const std::string other_name = RegistryName(other);
        std::string when = link.start ? " from " + FormatDate(*link.start) : "";
        std::string text =
            is_predecessor
                ? fmt::format("The record follows {} from {} to {}; {} succeeded it{}, and reports in the record name "
                              "{} in its place.", self, Month(*t.first_seen), Month(*t.last_seen),
                              other_name, when, other_name)
                : fmt::format("{} succeeded {}{}; the record follows {} from {} to {}.", Capitalize(self), other_name,
                              when, self, Month(*t.first_seen), Month(*t.last_seen));
        Add(s, text, CiteAll(evidence, 3), SentenceKind::kContext);
      }
    }
  }
  lap("timelines");
  if (s->sentences.empty())
    Add(s, fmt::format("The record holds no wider context for {} beyond this window.", SubjectName()), {},
        SentenceKind::kAbsence);
  return Status::Ok();
}

Result<Brief> Builder::Build(const analysis::Subject& subject, const std::optional<Window>& window) {
  analysis::CountryNames names;
  if (auto loaded = analysis::LoadCountryNames(ResolveDataDir(options_.data_dir) + "/generated/countries.tsv"); loaded.ok())
    names = std::move(*loaded);
  else
    Warn(loaded.status(), "country names not loaded (countries are named by their codes)");
  auto resolved = analysis::ResolveSubject(store_, subject, names);
  if (!resolved.ok()) return resolved.status();
  subject_ = std::move(*resolved);
  // An actor is named as the reports name it ("the Wagner Group"), not by its id.
  if (subject.kind == analysis::Subject::Kind::kActor && subject_.actor_ids.size() == 1)
    subject_.display_name = RegistryName(subject_.actor_ids.front());
  Brief brief;
  brief_ = &brief;
  brief.subject = subject_.display_name;
  brief.subject_value = subject.value;
  brief.subject_kind = subject.kind == analysis::Subject::Kind::kCountry ? "country"
                       : subject.kind == analysis::Subject::Kind::kActor ? "actor"
                                                                         : "query";
  for (const char* t : kSectionTitles) brief.sections.push_back({t, {}});
  if (window) {
    if (window->to < window->from) return Status::InvalidInput("the window ends before it starts");
    brief.window = *window;
  } else {
    auto w = analysis::DefaultWindow(store_, subject_.query, options_.default_days);
    if (!w.ok()) return w.status();
    brief.window = *w;
  }
  if (!brief.window) {
    brief.title = fmt::format("{}: no events on record", Capitalize(subject_.display_name));
    for (auto& section : brief.sections)
      Add(&section, fmt::format("No events on record for {}.", subject_.display_name), {}, SentenceKind::kAbsence);
    return brief;
  }
  window_ = *brief.window;
  brief.title = fmt::format("{}, {}", Capitalize(subject_.display_name), FormatRange(window_.from, window_.to));

  const bool timing = std::getenv("GRIOT_BRIEF_TIMING") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  brief.bucket = window_.Days() > 190 ? analysis::Bucket::kMonth : analysis::Bucket::kWeek;
  // One read of the days behind every count of the brief: the window, the previous window
  // and the history of the escalation signals (Beyond extends it to the long run).
  daily_from_ = std::min(window_.Previous().from, analysis::SignalHistoryStart(window_, brief.bucket));
  {
    auto daily = analysis::EventSeries(store_, subject_.query, Window{daily_from_, window_.to}, analysis::Bucket::kDay);
    if (!daily.ok()) return daily.status();
    daily_ = std::move(*daily);
  }
  brief.events_in_window = analysis::TotalsOf(daily_, window_).events;
  brief.series = analysis::Rebucket(daily_, window_, brief.bucket);
  if (timing) {
    const auto now = std::chrono::steady_clock::now();
    fmt::print(stderr, "brief: daily series {:.1f} ms\n", std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  }

  if (brief.events_in_window == 0) {
    const std::string range = Between(window_);
    Add(&brief.sections[0], fmt::format("No events on record for {} {}.", subject_.display_name, range), {},
        SentenceKind::kAbsence);
    // The previous window, if it had events, is a fact worth stating (with its evidence).
    const analysis::SeriesPoint before = analysis::TotalsOf(daily_, window_.Previous());
    if (before.events > 0) {
      EventQuery q = InWindow(window_.Previous());
      q.limit = 3;
      q.newest_first = true;
      auto ex = Query(q);
      if (ex.ok())
        Add(&brief.sections[1],
            fmt::format("In the previous {} days, {} on record for {}.", window_.Days(),
                        Count(before.events, "event was", "events were"), subject_.display_name),
            CiteAll(*ex, 3), SentenceKind::kAggregate);
    }
    if (brief.sections[1].sentences.empty())
      Add(&brief.sections[1], fmt::format("Nothing is on record for {} {} to weigh.", subject_.display_name, range),
          {}, SentenceKind::kAbsence);
    Add(&brief.sections[2],
        fmt::format("No forward-looking statements or signals are on record for {} {}.", subject_.display_name,
                    range),
        {}, SentenceKind::kAbsence);
    Add(&brief.sections[3], fmt::format("No wider context is drawn for {} from an empty window.", subject_.display_name),
        {}, SentenceKind::kAbsence);
    // Tidy the double spaces left by empty format arguments.
    for (auto& section : brief.sections)
      for (auto& sentence : section.sentences) {
        size_t at;
        while ((at = sentence.text.find("  ")) != std::string::npos) sentence.text.erase(at, 1);
      }
    return brief;
  }

  analysis::RankOptions rank;
  rank.limit = std::max<size_t>(options_.max_happenings * 5, 30);
  auto ranked = analysis::SignificantEvents(store_, subject_.query, window_, rank);
  if (!ranked.ok()) return ranked.status();
  ranked_ = std::move(*ranked);
  auto network = analysis::InteractionNetwork(store_, subject_.query, window_, 12);
  if (!network.ok()) return network.status();
  brief.network = std::move(*network);

  // GRIOT_BRIEF_TIMING=1 prints the time of each step on stderr (for benchmarks).
  auto lap = [&](const char* what) {
    if (!timing) return;
    const auto now = std::chrono::steady_clock::now();
    fmt::print(stderr, "brief: {} {:.1f} ms\n", what, std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  lap("ranking and network");
  if (Status st = Happening(&brief.sections[0]); !st.ok()) return st;
  lap("What's Happening?");
  if (Status st = Importance(&brief.sections[1]); !st.ok()) return st;
  lap("Why It's Important?");
  if (Status st = Next(&brief.sections[2]); !st.ok()) return st;
  lap("What's Next?");
  if (Status st = Beyond(&brief.sections[3]); !st.ok()) return st;
  lap("Beyond the Headlines");
  for (auto& section : brief.sections) {
    for (auto& sentence : section.sentences) {
      size_t at;
      while ((at = sentence.text.find("  ")) != std::string::npos) sentence.text.erase(at, 1);
      while ((at = sentence.text.find(" .")) != std::string::npos) sentence.text.erase(at, 1);
    }
    if (section.sentences.empty())
      Add(&section, fmt::format("Nothing on record for this section {}.", Between(window_)),
          {}, SentenceKind::kAbsence);
  }
  return brief;
}

}  // namespace

Result<Brief> BuildBrief(Store& store, const analysis::Subject& subject, const std::optional<analysis::Window>& window,
                         const BriefOptions& options) {
  Builder builder(store, options);
  auto brief = builder.Build(subject, window);
  if (brief.ok()) brief->warnings = std::move(builder.warnings_);
  return brief;
}

}  // namespace griot::brief
