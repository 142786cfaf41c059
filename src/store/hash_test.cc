#include "store/hash.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(Sha256, StandardVectors) {
  // FIPS 180-4 / NIST examples.
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundaries) {
  // Lengths around the 55/56/64-byte padding boundaries must all differ and be stable.
  std::string prev;
  for (size_t n : {55, 56, 57, 63, 64, 65, 119, 120}) {
    std::string h = Sha256Hex(std::string(n, 'x'));
    EXPECT_EQ(h.size(), 64u);
    EXPECT_NE(h, prev);
    prev = h;
  }
}

TEST(ContentHash, IgnoresWhitespaceLayout) {
  EXPECT_EQ(ContentHash("Troops  left\n\nGao."), ContentHash("  Troops left Gao.\n"));
  EXPECT_NE(ContentHash("Troops left Gao."), ContentHash("Troops left Kidal."));
}

// A news-length text (about 230 words): simhash is meant for articles, not for a few lines.
const char* kArticle =
    "Armed men attacked a military post near the town of Boulkessi on Sunday, killing several soldiers "
    "and wounding others, the army said in a statement on Monday. The attackers arrived on motorbikes "
    "before dawn and set fire to vehicles, according to a local official who asked not to be named. "
    "No group has claimed the attack, which came a week after a similar raid on a nearby base. The "
    "region has seen repeated attacks since 2015. Residents said they heard gunfire for more than two "
    "hours and that many families had left for the regional capital in the days before the raid, "
    "fearing an assault after armed men were seen on the roads. A health worker at the district hospital "
    "said eleven wounded people had been brought in by Monday evening and that two of them had been "
    "evacuated by air. The government spokesman condemned what he called a cowardly attack and said "
    "reinforcements had been sent to secure the area and to search for the attackers. Humanitarian "
    "organisations said the fighting had forced thousands of people from their homes in recent months "
    "and that access to markets and fields had become dangerous for farmers and herders alike. Talks "
    "between local leaders and armed groups, held last year under the auspices of religious figures, "
    "broke down in the spring, and several communities have since formed self-defence groups of their "
    "own, a development that analysts say risks fuelling a cycle of reprisals between neighbouring "
    "villages.";

TEST(SimHash, NearCopiesAreClose) {
  std::string copy = kArticle;
  copy.replace(copy.find("several"), 7, "eleven");
  copy += " (Reporting by the desk.)";
  const SimHash a = ComputeSimHash(kArticle), b = ComputeSimHash(copy);
  EXPECT_GT(a.shingles, 60u);
  EXPECT_LE(HammingDistance(a.value, b.value), 3);
  EXPECT_EQ(ComputeSimHash(kArticle).value, a.value);
}

TEST(SimHash, DifferentTextsAreFar) {
  const SimHash a = ComputeSimHash(kArticle);
  const SimHash b = ComputeSimHash(
      "The government announced on Tuesday that elections would be held next year after talks with the "
      "regional bloc, which lifted its sanctions on the country and reopened borders with its neighbours. "
      "Officials said the transition charter would be amended to allow the vote.");
  EXPECT_GT(HammingDistance(a.value, b.value), 10);
}

TEST(SimHash, BandsPigeonhole) {
  const uint64_t h = 0x0123456789ABCDEFULL;
  const uint64_t g = h ^ (1ULL << 3) ^ (1ULL << 20) ^ (1ULL << 40);  // one bit in three bands
  EXPECT_EQ(HammingDistance(h, g), 3);
  EXPECT_EQ(SimHashBand(h, 3), SimHashBand(g, 3));
}

}  // namespace
}  // namespace griot
