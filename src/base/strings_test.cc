#include "base/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>
#include <vector>

namespace griot {
namespace {

TEST(StringsTest, IsOneOf) {
  EXPECT_TRUE(IsOneOf("and", {"or", "and"}));
  EXPECT_FALSE(IsOneOf("an", {"and", "a"}));
  EXPECT_FALSE(IsOneOf("andy", {"and"}));
  EXPECT_TRUE(IsOneOf("", {"x", ""}));
  EXPECT_FALSE(IsOneOf("", {"x"}));
  EXPECT_FALSE(IsOneOf("x", {}));
}

TEST(StringsTest, SplitTabsKeepsEmptyFields) {
  EXPECT_EQ(SplitTabs("a\t\tb"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(SplitTabs(""), (std::vector<std::string_view>{""}));
  EXPECT_EQ(SplitTabs("x\t"), (std::vector<std::string_view>{"x", ""}));
}

TEST(StringsTest, DisplayWidthAndFitWidth) {
  EXPECT_EQ(DisplayWidth("Goïta"), 5u);
  EXPECT_EQ(FitWidth("Goïta", 5), "Goïta");
  EXPECT_EQ(FitWidth("Goïta Assimi", 4), "Goï\xE2\x80\xA6");
  EXPECT_EQ(DisplayWidth(FitWidth("Ménaka and Tombouctou", 7)), 7u);
  EXPECT_EQ(FitWidth("abc", 1), "\xE2\x80\xA6");
}

TEST(StringsTest, SameKey) {
  // Every length class: empty, under 8, 8 to 16 (overlapping loads), over 16.
  for (const std::string w : {"", "a", "wagner", "abcdefgh", "abcdefghijk", "abcdefghijklmnop", "abcdefghijklmnopqrstu"}) {
    EXPECT_TRUE(SameKey(w, std::string(w))) << w;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string v = w;
      v[i] = static_cast<char>(v[i] ^ 1);
      EXPECT_FALSE(SameKey(w, v)) << w << " at " << i;
    }
    EXPECT_FALSE(SameKey(w, w + "x")) << w;
  }
}

TEST(StringsTest, HashKeyIsNeverZeroAndTellsWordsApart) {
  // Equal keys hash alike whatever their storage; lengths around the 8-byte steps, keys that
  // differ in one byte or only in length, and the empty key all differ here.
  std::unordered_set<uint64_t> seen;
  const std::string words[] = {"",         "a",         "b",         "ab",       "ba",      "abcdefg",
                               "abcdefgh", "abcdefghi", "abcdefgi",  "bbcdefgh", std::string("a\0", 2), std::string("a\0\0", 3),
                               "wagner",   "wagner ",   "mali's",    "sahel",    "goïta",   "abcdefghijklmnopq"};
  for (const std::string& w : words) {
    const uint64_t h = HashKey(w);
    EXPECT_NE(h, 0u) << w;
    EXPECT_EQ(h, HashKey(std::string(w))) << w;
    EXPECT_TRUE(seen.insert(h).second) << "collision for '" << w << "'";
  }
  // The low bits (table slots) and the top bits (word signatures) both vary over a
  // thousand short keys.
  std::unordered_set<uint64_t> low, top;
  for (int i = 0; i < 1000; ++i) {
    std::string key = "w";
    key += std::to_string(i);
    const uint64_t h = HashKey(key);
    low.insert((h >> 1) & 255);
    top.insert(h >> 58);
  }
  EXPECT_GT(low.size(), 200u);
  EXPECT_EQ(top.size(), 64u);
}

}  // namespace
}  // namespace griot
