#include "dict/gazetteer.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>

namespace griot {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

std::optional<double> ParseCoord(std::string_view s, double limit) {
  if (s.empty()) return std::nullopt;
  // from_chars reads the plain decimals of the generated table without a copy; anything it
  // does not read whole ("+1.5", " 2") goes through strtod as before.
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    std::string buf(s);
    char* end = nullptr;
    v = std::strtod(buf.c_str(), &end);
    if (end != buf.c_str() + buf.size()) return std::nullopt;
  }
  if (v < -limit || v > limit) return std::nullopt;
  return v;
}

long ParsePopulation(std::string_view s) {
  long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && ptr == s.data() + s.size()) return v;
  return std::atol(std::string(s).c_str());
}

}  // namespace

void Gazetteer::Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues) {
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#' || line.starts_with("name\t")) continue;
    auto cols = SplitTabs(line);
    if (cols.size() < 10) {
      issues->push_back({file, number, fmt::format("expected 10 tab-separated columns, got {}", cols.size())});
      continue;
    }
    Place p;
    p.name = std::string(cols[0]);
    p.country = std::string(cols[2]);
    p.admin1 = std::string(cols[3]);
    p.admin1_name = std::string(cols[4]);
    p.lat = ParseCoord(cols[5], 90);
    p.lon = ParseCoord(cols[6], 180);
    p.population = ParsePopulation(cols[7]);
    p.kind = std::string(cols[8]);
    p.id = std::string(cols[9]);
    if (p.name.empty()) {
      issues->push_back({file, number, "place has no name"});
      continue;
    }
    const uint32_t id = static_cast<uint32_t>(places_.size());
    places_.push_back(std::move(p));
    for (std::string_view name : {cols[0], cols[1]}) {
      auto words = SplitPhrase(name);
      if (words.empty()) continue;
      // One group per distinct phrase: the index gives the phrase's group if it has one.
      const uint32_t group_id = index_.AddIfNew(words, static_cast<uint32_t>(groups_.size()));
      if (group_id == groups_.size()) groups_.emplace_back();
      auto& group = groups_[group_id];
      if (group.empty() || group.back() != id) group.push_back(id);
    }
  }
}

}  // namespace griot
