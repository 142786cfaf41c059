// Calendar dates as used in event records (YYYY-MM-DD, proleptic Gregorian).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace griot {

// A calendar date with the precision it is known to: an event "in June 2023" has month
// precision and is stored as its first day.
struct Date {
  enum class Precision { kDay, kMonth, kYear };

  std::chrono::year_month_day ymd{};
  Precision precision = Precision::kDay;

  bool valid() const { return ymd.ok(); }
  int year() const { return static_cast<int>(ymd.year()); }
  unsigned month() const { return static_cast<unsigned>(ymd.month()); }
  unsigned day() const { return static_cast<unsigned>(ymd.day()); }
  // Days since 1970-01-01.
  int DayNumber() const;
  // "2023-07-24"
  std::string ToString() const;
  // "20230724"
  std::string ToCompact() const;
  // "day", "month" or "year".
  const char* PrecisionName() const;

  static Date FromDayNumber(int days);
  static std::optional<Date> Make(int y, unsigned m, unsigned d, Precision p = Precision::kDay);

  friend bool operator==(const Date& a, const Date& b) { return a.ymd == b.ymd; }
  friend auto operator<=>(const Date& a, const Date& b) { return a.ymd <=> b.ymd; }
};

// Parses "YYYY-MM-DD" (also "YYYYMMDD"); nullopt if malformed or not a real day.
std::optional<Date> ParseIsoDate(std::string_view text);

// Parses the date forms of TABARI/PETRARCH dictionaries and records: "YYYYMMDD" and
// "YYMMDD" (two-digit years 00-29 are 20xx, 30-99 are 19xx, as in the field's files).
std::optional<Date> ParseCompactDate(std::string_view text);

}  // namespace griot
