#include "brief/prose.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "base/utf8.h"
#include "coding/references.h"

namespace griot::brief {

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == ',')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == ',')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i], b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    if (a != b) return false;
  }
  return true;
}

// Nouns for an actor code's sector when the report's words cannot be used.
std::string SectorNoun(const std::string& sector) {
  static const std::array<std::pair<const char*, const char*>, 18> kNouns = {{
      {"MIL", "armed forces"}, {"GOV", "government"}, {"REB", "rebels"}, {"CVL", "civilians"},
      {"COP", "police"}, {"OPP", "opposition"}, {"JUD", "judiciary"}, {"LEG", "legislature"},
      {"MED", "media"}, {"SPY", "intelligence services"}, {"PMC", "private military contractors"},
      {"ELI", "political leaders"}, {"HRI", "human rights groups"}, {"EDU", "schools"},
      {"SEP", "separatists"}, {"INS", "insurgents"}, {"UAF", "armed men"}, {"NGO", "aid groups"},
  }};
  for (const auto& [code, noun] : kNouns)
    if (sector.size() >= 3 && sector.compare(0, 3, code) == 0) return noun;
  return "";
}

bool HasMonthName(std::string_view s) {
  static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December"};
  for (const char* m : kMonths)
    if (s == m) return true;
  return false;
}

const char* kMonthNames[] = {"", "January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"};

}  // namespace

// ---- countries ------------------------------------------------------------------------------

void CountryNames::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    auto cols = SplitTabs(line);
    if (cols.size() < 5 || cols[0].size() != 3 || cols[2].empty()) continue;
    Add(std::string(cols[0]), std::string(cols[2]), std::string(cols[3]));
    if (!cols[4].empty()) demonyms_[FoldKey(cols[4])] = cols[0];
  }
}

void CountryNames::Add(const std::string& iso3, const std::string& name, const std::string& adjective) {
  by_code_[iso3] = {name, adjective};
  if (!adjective.empty()) demonyms_[FoldKey(adjective)] = iso3;
}

std::string CountryNames::Name(const std::string& iso3) const {
  auto it = by_code_.find(iso3);
  return it == by_code_.end() ? iso3 : WithArticle(it->second.name);
}

std::string WithArticle(const std::string& name) {
  // Country names that take "the" in running English.
  static const char* kStarts[] = {"United ", "Central African", "Democratic Republic", "Republic of", "Netherlands",
                                  "Gambia", "Philippines", "Bahamas", "Comoros", "Maldives", "Czech Republic",
                                  "Dominican Republic", "Ivory Coast", "Holy See", "Solomon Islands", "Marshall Islands"};
  for (const char* p : kStarts)
    if (name.rfind(p, 0) == 0) return "the " + name;
  // Institutions named "X of Y" ("Economic Community of West African States", "Alliance of
  // Sahel States") take "the" as well.
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z' && name.find(" of ") != std::string::npos &&
      name.find('\'') == std::string::npos)
    return "the " + name;
  // Organisations named by a head noun ("Wagner Group", "African Union").
  static const char* kHeads[] = {" Group", " Union", " Council", " Community", " Movement", " Front", " Alliance",
                                 " Coalition", " Mission", " Commission", " Committee", " Organisation",
                                 " Organization", " Nations", " Assembly"};
  if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z' && name.find(' ') != std::string::npos)
    for (const char* h : kHeads) {
      const size_t n = std::char_traits<char>::length(h);
      if (name.size() > n && name.compare(name.size() - n, n, h) == 0) return "the " + name;
    }
  return name;
}

std::string CountryNames::Adjective(const std::string& iso3) const {
  auto it = by_code_.find(iso3);
  return it == by_code_.end() ? "" : it->second.adjective;
}

bool CountryNames::IsDemonym(std::string_view word) const { return demonyms_.count(FoldKey(word)) > 0; }

// ---- actor names ----------------------------------------------------------------------------

std::string ActorName(const ActorRef& actor, const CountryNames& countries, const std::string& fallback) {
  std::string text = Trim(actor.text);
  // Possessive or trailing punctuation from the span ("army's") is kept: it is the report's.
  const auto words = Words(text);
  const bool usable =
      !text.empty() && text != actor.code && words.size() <= 7 && !HasMonthName(text) && !IsAnaphorText(text);
  const std::string adjective = countries.Adjective(actor.country);
  const bool bare_country = actor.code.size() == 3 && actor.sector.empty() && !actor.country.empty();
  // A long description of a known actor ("Russian private military company Wagner Group")
  // gives way to its registry name.
  if (!usable || (words.size() > 4 && !fallback.empty())) {
    if (!fallback.empty()) return fallback;
    const std::string sector = !actor.sector.empty() ? actor.sector
                               : actor.country.empty() ? actor.code.substr(0, 3)
                                                       : actor.code.size() > 3 ? actor.code.substr(3) : "";
    const std::string noun = SectorNoun(sector);
    if (!actor.country.empty() && !noun.empty() && !adjective.empty()) return "the " + adjective + " " + noun;
    if (!actor.country.empty() && !noun.empty()) return countries.Name(actor.country) + "'s " + noun;
    if (!actor.country.empty()) return countries.Name(actor.country);
    if (!noun.empty()) return noun;
    return actor.code.empty() ? "an unnamed actor" : actor.code;
  }
  // A country adjective standing alone ("Malian", "Russian") names the country or its forces.
  if (words.size() == 1 && countries.IsDemonym(text) && !actor.country.empty()) {
    if (bare_country) return countries.Name(actor.country);
    const std::string noun = SectorNoun(actor.sector);
    if (!noun.empty() && !adjective.empty()) return adjective + " " + noun;
    return countries.Name(actor.country);
  }
  bool had_article = false;
  std::string rest = text;
  if (StartsWithNoCase(rest, "the ")) {
    had_article = true;
    rest = rest.substr(4);
  }
  if (rest.empty()) return text;
  if (IsLowerAscii(rest[0])) {
    // A common noun ("army", "soldiers", "authorities"): say whose, when the code says so and
    // the words do not already.
    const bool plural = IsPluralName(rest);
    if (!adjective.empty() && rest.find(adjective) == std::string::npos) {
      if (plural && !had_article) return adjective + " " + rest;
      return "the " + adjective + " " + rest;
    }
    if (had_article || !plural) return "the " + rest;
    return rest;
  }
  if (had_article) return "the " + rest;
  // A proper name qualifying a singular common noun ("United States embassy", "Algeria's
  // defence ministry" aside: possessives take no article) reads with "the".
  if (words.size() >= 2 && IsLowerAscii(words.back()[0]) && words.back().find('\'') == std::string::npos &&
      !IsPluralName(text) &&
      text.find("'s ") == std::string::npos && text.find("\u2019s ") == std::string::npos)
    return "the " + text;
  // A bare country name as the report gives it ("United States") takes its article.
  if (bare_country && "the " + text == countries.Name(actor.country)) return countries.Name(actor.country);
  // Abbreviations of a country ("U.S.") read better as its name.
  if (bare_country && text.find('.') != std::string::npos && text.size() <= 6) return countries.Name(actor.country);
  return WithArticle(text);
}

bool IsPluralName(std::string_view name) {
  const auto words = Words(name);
  if (words.empty()) return false;
  std::string last = words.back();
  while (!last.empty() && (last.back() == ',' || last.back() == '.')) last.pop_back();
  if (last.size() < 3 || last.back() != 's') return false;
  const std::string_view tail(last.data() + last.size() - 2, 2);
  if (tail == "ss" || tail == "us" || tail == "is") return false;
  if (last.size() > 3 && last.compare(last.size() - 3, 3, "ics") == 0) return false;
  if (IsLowerAscii(last[0])) return true;
  // Capitalised: proper names ("Algiers", "Wagner Forces"?) are singular unless a known
  // collective noun or a plural demonym ("Malians").
  static const char* kCollective[] = {"Forces", "Troops", "Soldiers", "Authorities", "Fighters", "Militias"};
  for (const char* c : kCollective)
    if (last == c) return true;
  return last.size() > 4 && last.compare(last.size() - 3, 3, "ans") == 0 && words.size() == 1;
}

// ---- dates ----------------------------------------------------------------------------------

std::string FormatDate(const Date& d) {
  if (!d.valid()) return "an unknown date";
  switch (d.precision) {
    case Date::Precision::kYear:
      return fmt::format("{}", d.year());
    case Date::Precision::kMonth:
      return fmt::format("{} {}", kMonthNames[d.month()], d.year());
    case Date::Precision::kDay:
      break;
  }
  return fmt::format("{} {} {}", d.day(), kMonthNames[d.month()], d.year());
}

std::string DateClause(const Date& d) {
  if (!d.valid()) return "";
  return (d.precision == Date::Precision::kDay ? "on " : "in ") + FormatDate(d);
}

std::string FormatRange(const Date& from, const Date& to) {
  Date f = from, t = to;
  f.precision = t.precision = Date::Precision::kDay;
  if (f == t) return FormatDate(f);
  if (f.year() == t.year()) {
    if (f.month() == t.month()) return fmt::format("{} to {} {} {}", f.day(), t.day(), kMonthNames[t.month()], t.year());
    return fmt::format("{} {} to {}", f.day(), kMonthNames[f.month()], FormatDate(t));
  }
  return FormatDate(f) + " to " + FormatDate(t);
}

std::string RangeClause(const Date& from, const Date& to) {
  if (from == to && from.precision == to.precision) return DateClause(from);
  if (from.precision != Date::Precision::kDay || to.precision != Date::Precision::kDay)
    return "between " + FormatDate(from) + " and " + FormatDate(to);
  if (from.year() == to.year()) {
    if (from.month() == to.month())
      return fmt::format("between {} and {} {} {}", from.day(), to.day(), kMonthNames[to.month()], to.year());
    return fmt::format("between {} {} and {}", from.day(), kMonthNames[from.month()], FormatDate(to));
  }
  return "between " + FormatDate(from) + " and " + FormatDate(to);
}

// ---- words ----------------------------------------------------------------------------------

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string Capitalize(std::string s) {
  if (!s.empty() && IsLowerAscii(s[0])) s[0] = static_cast<char>(s[0] - 32);
  return s;
}

std::string NumberWord(int64_t n) {
  static const char* kWords[] = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
  if (n >= 0 && n <= 10) return kWords[n];
  return fmt::format("{}", n);
}

std::string Count(int64_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", NumberWord(n), n == 1 ? singular : plural);
}

}  // namespace griot::brief
