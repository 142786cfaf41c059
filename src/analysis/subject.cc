// Subjects (country, actor, search), windows and the default window.
#include <fmt/format.h>

#include <fstream>

#include "analysis/analysis.h"
#include "base/utf8.h"

namespace griot::analysis {

namespace {

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

// A code ("MLI", "RUSPMC", "IGOUNO") is upper-case letters and digits, as `griot events`
// reads it.
bool LooksLikeCode(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

bool IsIso3(const std::string& s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  return true;
}

// Whether any event matches `q` (one index probe).
Result<bool> AnyEvent(Store& store, EventQuery q) {
  q.limit = 1;
  q.offset = 0;
  auto found = store.SummarizeEvents(q);
  if (!found.ok()) return found.status();
  return !found->empty();
}

}  // namespace

Window Window::Previous() const {
  const int n = Days();
  return Window{Date::FromDayNumber(from.DayNumber() - n), Date::FromDayNumber(from.DayNumber() - 1)};
}

Result<CountryNames> LoadCountryNames(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open", path));
  CountryNames names;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1 || line.empty()) continue;  // header
    const size_t a = line.find('\t');
    const size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    const size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (b == std::string::npos)
      return Status::ParseError(fmt::format("{}:{}: expected columns iso3, iso2, name", path, n));
    const std::string iso3 = line.substr(0, a);
    const std::string name = line.substr(b + 1, c == std::string::npos ? std::string::npos : c - b - 1);
    if (iso3.size() == 3 && !name.empty()) names[iso3] = name;
  }
  return names;
}

Result<ResolvedSubject> ResolveSubject(Store& store, const Subject& subject) {
  return ResolveSubject(store, subject, CountryNames{});
}

Result<ResolvedSubject> ResolveSubject(Store& store, const Subject& subject, const CountryNames& names) {
  ResolvedSubject r;
  r.subject = subject;
  const std::string value = Trim(subject.value);
  if (value.empty()) return Status::InvalidInput("empty subject: give a country, an actor or a search");
  auto any_event = AnyEvent(store, EventQuery{});
  if (!any_event.ok()) return any_event.status();
  if (!*any_event) return Status::NotFound("the store has no events (add some with `griot ingest`)");

  switch (subject.kind) {
    case Subject::Kind::kCountry: {
      std::string code;
      if (IsIso3(value)) {
        code = Upper(value);
      } else {
        const std::string key = FoldKey(value);
        for (const auto& [iso3, name] : names)
          if (FoldKey(name) == key) code = iso3;
      }
      if (code.empty())
        return Status::InvalidInput(fmt::format(
            "unknown country '{}' (give an ISO 3166 alpha-3 code such as MLI{})", value,
            names.empty() ? "" : " or a country name"));
      r.query.country = code;
      r.country = code;
      auto it = names.find(code);
      r.display_name = it != names.end() ? it->second : code;
      auto found = AnyEvent(store, r.query);
      if (!found.ok()) return found.status();
      if (!*found)
        return Status::NotFound(fmt::format("no events of country '{}' in the store; try `griot events --country {}`",
                                            value, code));
      return r;
    }
    case Subject::Kind::kActor: {
      auto ids = store.ResolveActor(value);
      if (!ids.ok()) return ids.status();
      if (!ids->empty()) {
        r.actor_ids = *ids;
        r.query.actor_ids = *ids;
        r.display_name = (*ids)[0];
        auto info = store.GetActor((*ids)[0]);
        if (info.ok() && info->has_value() && !(**info).aliases.empty()) r.display_name = (**info).aliases[0];
        return r;
      }
      if (LooksLikeCode(value)) {
        r.query.actor_code = value;
        r.display_name = value;
        auto found = AnyEvent(store, r.query);
        if (!found.ok()) return found.status();
        if (*found) return r;
      }
      return Status::NotFound(
          fmt::format("no actor '{}' in the store; try `griot events --actor {}`", value, value));
    }
    case Subject::Kind::kQuery: {
      r.query.text = value;
      r.display_name = fmt::format("events matching \"{}\"", value);
      auto found = AnyEvent(store, r.query);  // checks the full-text syntax
      if (!found.ok()) return found.status();
      return r;
    }
  }
  return Status::Internal("unknown subject kind");
}

Result<std::optional<Window>> DefaultWindow(Store& store, const EventQuery& query, int days) {
  if (days < 1) return Status::InvalidInput(fmt::format("a window of {} days is empty", days));
  EventQuery q = query;
  q.newest_first = true;
  q.limit = 1;
  q.offset = 0;
  auto latest = store.SummarizeEvents(q);  // undated events sort last when newest first
  if (!latest.ok()) return latest.status();
  if (latest->empty() || !latest->front().date) return std::optional<Window>();
  const Date to = *latest->front().date;
  return std::optional<Window>(Window{Date::FromDayNumber(to.DayNumber() - days + 1), to});
}

}  // namespace griot::analysis
