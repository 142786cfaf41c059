// Actor timelines and the dated links between actors (data/dict/actor_links.tsv).
#include <fmt/format.h>

#include <fstream>
#include <tuple>

#include "analysis/analysis.h"
#include "base/strings.h"

namespace griot::analysis {

namespace {

bool KnownRelation(const std::string& r) {
  return r == "succeeded_by" || r == "component_of" || r == "member_of" || r == "leader_of" || r == "allied_with" ||
         r == "split_from";
}

}  // namespace

Result<std::vector<ActorLink>> LoadActorLinks(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  std::vector<ActorLink> links;
  std::string line;
  int n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (!header) {
      if (f.size() < 3 || f[0] != "from" || f[1] != "to" || f[2] != "relation")
        return Status::ParseError(
            fmt::format("{}:{}: expected the header line 'from, to, relation, start, end, note'", path, n));
      header = true;
      continue;
    }
    if (f.size() < 3 || f.size() > 6)
      return Status::ParseError(fmt::format("{}:{}: expected 3 to 6 tab-separated columns, found {}", path, n, f.size()));
    f.resize(6);
    ActorLink link;
    link.from = f[0];
    link.to = f[1];
    link.relation = f[2];
    if (link.from.empty() || link.to.empty())
      return Status::ParseError(fmt::format("{}:{}: empty actor id", path, n));
    if (!KnownRelation(link.relation))
      return Status::ParseError(fmt::format(
          "{}:{}: unknown relation '{}' (succeeded_by, component_of, member_of, leader_of, allied_with, split_from)",
          path, n, link.relation));
    for (auto [text, out, name] : {std::tuple{&f[3], &link.start, "start"}, std::tuple{&f[4], &link.end, "end"}}) {
      if (text->empty()) continue;
      *out = text->size() == 8 ? ParseIsoDate(*text) : std::nullopt;
      if (!*out)
        return Status::ParseError(fmt::format("{}:{}: {} date '{}' is not YYYYMMDD", path, n, name, *text));
    }
    if (link.start && link.end && *link.end < *link.start)
      return Status::ParseError(fmt::format("{}:{}: the link ends before it starts", path, n));
    link.note = f[5];
    links.push_back(std::move(link));
  }
  if (!header) return Status::ParseError(fmt::format("{}: empty (no header line)", path));
  return links;
}

Result<std::vector<ActorTimeline>> ActorTimelines(Store& store, const std::vector<std::string>& actor_ids,
                                                  const std::vector<ActorLink>& links) {
  std::vector<ActorTimeline> out;
  for (const std::string& id : actor_ids) {
    ActorTimeline t;
    t.actor_id = id;
    t.label = id;
    auto info = store.GetActor(id);
    if (!info.ok()) return info.status();
    if (info->has_value() && !(**info).aliases.empty()) t.label = (**info).aliases[0];
    auto roles = store.ActorRoles(id);
    if (!roles.ok()) return roles.status();
    for (const ActorRole& r : *roles) {
      t.events += r.events;
      if (r.first && (!t.first_seen || *r.first < *t.first_seen)) t.first_seen = r.first;
      if (r.last && (!t.last_seen || *t.last_seen < *r.last)) t.last_seen = r.last;
      if (r.first && r.last) t.roles.push_back({r.code, *r.first, *r.last, r.events});
    }
    if (t.events > 0) {
      // The first and last dated events naming the actor.
      EventQuery q;
      q.actor_ids = {id};
      q.from = Date::Make(1, 1, 1);  // dated events only
      q.limit = 1;
      for (bool newest : {false, true}) {
        q.newest_first = newest;
        auto e = store.SummarizeEvents(q);
        if (!e.ok()) return e.status();
        if (!e->empty()) (newest ? t.last_event_id : t.first_event_id) = e->front().event_id;
      }
    }
    for (const ActorLink& l : links)
      if (l.from == id || l.to == id) t.links.push_back(l);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace griot::analysis
