#include "dict/code_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "base/strings.h"

namespace griot {

std::string CameoRoot(std::string_view code) { return std::string(code.substr(0, std::min<size_t>(2, code.size()))); }

void CodeTable::Load(std::string_view content, const std::string& file, std::vector<DictIssue>* issues) {
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#' || (number == 1 && line.starts_with("code\t"))) continue;
    const std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 4) {
      issues->push_back({file, number, fmt::format("expected at least 4 tab-separated columns, got {}", cols.size())});
      continue;
    }
    CameoCode c;
    c.code = std::string(TrimView(cols[0]));
    c.label = std::string(TrimView(cols[1]));
    std::string_view q = TrimView(cols[2]);
    auto [p1, e1] = std::from_chars(q.data(), q.data() + q.size(), c.quad_class);
    std::string g(TrimView(cols[3]));
    char* g_end = nullptr;
    c.goldstein = std::strtod(g.c_str(), &g_end);
    if (e1 != std::errc() || c.quad_class < 1 || c.quad_class > 4) {
      issues->push_back({file, number, fmt::format("quad_class '{}' is not 1-4", q)});
      continue;
    }
    if (g.empty() || g_end != g.c_str() + g.size() || c.goldstein < -10 || c.goldstein > 10) {
      issues->push_back({file, number, fmt::format("goldstein '{}' is not a number in -10..10", g)});
      continue;
    }
    if (cols.size() > 4) c.plover_type = std::string(TrimView(cols[4]));
    if (cols.size() > 5) c.plover_mode = std::string(TrimView(cols[5]));
    if (codes_.count(c.code)) {
      issues->push_back({file, number, fmt::format("duplicate code {}", c.code)});
      continue;
    }
    codes_.emplace(c.code, std::move(c));
  }
}

const CameoCode* CodeTable::Find(std::string_view code) const {
  std::string key(code);
  while (key.size() >= 2) {
    auto it = codes_.find(key);
    if (it != codes_.end()) return &it->second;
    key.pop_back();
  }
  return nullptr;
}

std::vector<const CameoCode*> CodeTable::All() const {
  std::vector<const CameoCode*> out;
  for (const auto& [k, v] : codes_) out.push_back(&v);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->code < b->code; });
  return out;
}

}  // namespace griot
