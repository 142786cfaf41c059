#include "base/utf8.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(Utf8Test, FindsInvalidSequences) {
  EXPECT_FALSE(FindInvalidUtf8("Goïta à Bamako"));
  EXPECT_EQ(FindInvalidUtf8("ab\xFF" "cd"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);        // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);   // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82"), 0u);        // truncated
}

TEST(Utf8Test, FoldKeyStripsCaseAccentsAndTypography) {
  EXPECT_EQ(FoldKey("Goïta"), "goita");
  EXPECT_EQ(FoldKey("MÉNAKA"), "menaka");
  EXPECT_EQ(FoldKey("d\xE2\x80\x99Ivoire"), "d'ivoire");
  EXPECT_EQ(FoldKey("U.S."), "u.s.");
  EXPECT_EQ(FoldKey("al\xE2\x80\x93Qaida"), "al-qaida");
}

}  // namespace
}  // namespace griot
