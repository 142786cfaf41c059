// The directed interaction network (docs/analysis.md, "Network").
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "analysis/analysis.h"
#include "analysis/internal.h"

namespace griot::analysis {

Result<Network> InteractionNetwork(Store& store, const EventQuery& query, const Window& window, int max_nodes) {
  if (!window.from.valid() || !window.to.valid() || window.to < window.from)
    return Status::InvalidInput("the window is empty (its end is before its start)");
  const EventQuery q = internal::InWindow(query, window);
  // One pass over the window's events: counts per (source, target) with their most severe
  // examples.
  EventGrouping g;
  g.source = true;
  g.target = true;
  g.examples = 3;
  auto rows = store.CountEvents(q, g);
  if (!rows.ok()) return rows.status();

  std::map<std::string, Node> nodes;
  std::vector<Edge> all_edges;
  auto note = [&](const std::string& key, const std::string& code, const std::string& country, int64_t n) {
    Node& node = nodes[key];
    node.key = key;
    if (node.code.empty()) node.code = code;
    if (node.country.empty()) node.country = country;
    node.events += n;
  };
  for (const EventCount& r : *rows) {
    if (!r.source.empty()) note(r.source, r.source_code, r.source_country, r.events);
    if (!r.target.empty() && r.target != r.source) note(r.target, r.target_code, r.target_country, r.events);
    if (r.source.empty() || r.target.empty() || r.source == r.target) continue;
    Edge e;
    e.source = r.source;
    e.target = r.target;
    e.events = r.events;
    e.cooperation = r.by_quad[1] + r.by_quad[2];
    e.conflict = r.by_quad[3] + r.by_quad[4];
    e.goldstein_sum = r.goldstein_sum;
    e.example_event_ids = r.examples;
    all_edges.push_back(std::move(e));
  }

  Network net;
  for (auto& [key, node] : nodes) net.nodes.push_back(std::move(node));
  std::sort(net.nodes.begin(), net.nodes.end(), [](const Node& a, const Node& b) {
    return a.events != b.events ? a.events > b.events : a.key < b.key;
  });
  if (max_nodes >= 0 && net.nodes.size() > static_cast<size_t>(max_nodes)) net.nodes.resize(static_cast<size_t>(max_nodes));
  std::set<std::string> kept;
  for (Node& n : net.nodes) {
    kept.insert(n.key);
    n.label = n.key;
    if (n.key != n.code) {  // a dictionary actor: its most used name, its registry entry
      auto info = store.GetActor(n.key);
      if (!info.ok()) return info.status();
      if (info->has_value()) {
        const ActorInfo& a = **info;
        if (!a.aliases.empty()) n.label = a.aliases[0];
        if (n.country.empty()) n.country = a.country;
        n.sector = a.sector;
      }
    }
  }
  for (Edge& edge : all_edges)
    if (kept.count(edge.source) && kept.count(edge.target)) net.edges.push_back(std::move(edge));
  std::sort(net.edges.begin(), net.edges.end(), [](const Edge& a, const Edge& b) {
    if (a.events != b.events) return a.events > b.events;
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });

  return net;
}

}  // namespace griot::analysis
