#include "base/date.h"

#include <fmt/format.h>

#include <charconv>

namespace griot {

int Date::DayNumber() const {
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

Date Date::FromDayNumber(int days) {
  Date d;
  d.ymd = std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(days)));
  return d;
}

std::optional<Date> Date::Make(int y, unsigned m, unsigned d, Precision p) {
  Date out;
  out.ymd = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d));
  out.precision = p;
  if (!out.ymd.ok() || y < 1 || y > 9999) return std::nullopt;
  return out;
}

std::string Date::ToString() const {
  // Written digit by digit for the years of news (one per event written): fmt's general
  // formatting was most of an event's JSON time. Other years go through fmt.
  const int y = year();
  if (y < 0 || y > 9999) return fmt::format("{:04d}-{:02d}-{:02d}", y, month(), day());
  const unsigned m = month(), d = day();
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10 % 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10 % 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

std::string Date::ToCompact() const { return fmt::format("{:04d}{:02d}{:02d}", year(), month(), day()); }

const char* Date::PrecisionName() const {
  switch (precision) {
    case Precision::kDay: return "day";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
  }
  return "day";
}

namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!ParseInt(text.substr(0, 4), &y) || !ParseInt(text.substr(5, 2), &m) ||
        !ParseInt(text.substr(8, 2), &d))
      return std::nullopt;
  } else if (text.size() == 8) {
    if (!ParseInt(text.substr(0, 4), &y) || !ParseInt(text.substr(4, 2), &m) ||
        !ParseInt(text.substr(6, 2), &d))
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  return Date::Make(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<Date> ParseCompactDate(std::string_view text) {
  if (text.size() == 8) return ParseIsoDate(text);
  if (text.size() != 6) return std::nullopt;
  int yy = 0, m = 0, d = 0;
  if (!ParseInt(text.substr(0, 2), &yy) || !ParseInt(text.substr(2, 2), &m) ||
      !ParseInt(text.substr(4, 2), &d))
    return std::nullopt;
  const int y = yy < 30 ? 2000 + yy : 1900 + yy;
  return Date::Make(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

}  // namespace griot
