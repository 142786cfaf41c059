#include "base/date.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(DateTest, ParsesIsoAndCompact) {
  auto d = ParseIsoDate("2023-07-24");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2023-07-24");
  EXPECT_EQ(Date::Make(5, 1, 2)->ToString(), "0005-01-02");
  EXPECT_EQ(Date::Make(1999, 12, 31)->ToString(), "1999-12-31");
  EXPECT_EQ(ParseIsoDate("20230724")->ToString(), "2023-07-24");
  EXPECT_FALSE(ParseIsoDate("2023-02-30"));
  EXPECT_FALSE(ParseIsoDate("2023-7-24"));
  EXPECT_FALSE(ParseIsoDate("abcd-ef-gh"));
}

TEST(DateTest, TwoDigitYearsFollowTheDictionaryConvention) {
  EXPECT_EQ(ParseCompactDate("910326")->ToString(), "1991-03-26");
  EXPECT_EQ(ParseCompactDate("200818")->ToString(), "2020-08-18");
  EXPECT_EQ(ParseCompactDate("19950601")->ToString(), "1995-06-01");
  EXPECT_FALSE(ParseCompactDate("9103"));
}

TEST(DateTest, DayNumbersRoundTrip) {
  auto d = *ParseIsoDate("2024-02-29");
  EXPECT_EQ(Date::FromDayNumber(d.DayNumber()).ToString(), "2024-02-29");
  EXPECT_EQ(Date::FromDayNumber(d.DayNumber() + 1).ToString(), "2024-03-01");
}

}  // namespace
}  // namespace griot
