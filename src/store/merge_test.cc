#include "store/merge.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

Event Make(const char* date, const char* src, const char* tgt, const char* cameo, const char* place = nullptr) {
  Event e;
  e.date = *ParseIsoDate(date);
  if (src) {
    e.source.emplace();
    e.source->text = std::string(src);
    e.source->code = e.source->text;
  }
  if (tgt) {
    e.target.emplace();
    e.target->text = std::string(tgt);
    e.target->code = e.target->text;
  }
  e.cameo = cameo;
  e.cameo_root = std::string(cameo).substr(0, 2);
  if (place) {
    e.location.emplace();
    e.location->name = place;
  }
  return e;
}

TEST(Merge, SameHappeningWithinWindow) {
  MergeRules rules;
  auto r = MergeReason(rules, Make("2022-03-27", "IMGMOSJNM", "MLIMIL", "190", "Moura"),
                       Make("2022-03-29", "IMGMOSJNM", "MLIMIL", "193", "moura"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->find("CAMEO root 19"), std::string::npos);
  EXPECT_NE(r->find("same place Moura"), std::string::npos);
  EXPECT_NE(r->find("2 days apart (window 3)"), std::string::npos);
}

TEST(Merge, OutsideWindowOrDifferentFamily) {
  MergeRules rules;
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", "B", "190"), Make("2022-03-24", "A", "B", "190")));
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", "B", "190"), Make("2022-03-20", "A", "B", "180")));
  rules.window_days = 5;
  EXPECT_TRUE(MergeReason(rules, Make("2022-03-20", "A", "B", "190"), Make("2022-03-24", "A", "B", "190")));
}

TEST(Merge, ActorsMustAgree) {
  MergeRules rules;
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", "B", "190"), Make("2022-03-20", "B", "A", "190")));
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", nullptr, "190"), Make("2022-03-20", "A", "B", "190")));
  EXPECT_TRUE(MergeReason(rules, Make("2022-03-20", "A", nullptr, "190"), Make("2022-03-20", "A", nullptr, "190")));
  // Two officials with the same code are different actors.
  Event a = Make("2022-03-20", "MLIGOV", "FRA", "111"), b = a;
  a.source->actor_id = "assimi_goita";
  b.source->actor_id = "choguel_maiga";
  EXPECT_FALSE(MergeReason(rules, a, b));
  b.source->actor_id = "assimi_goita";
  EXPECT_TRUE(MergeReason(rules, a, b));
  EXPECT_EQ(MergeKey(a), "11|MLIGOV|FRA");
  EXPECT_EQ(MergeKey(Make("2022-03-20", "A", nullptr, "190")), "19|A|-");
}

TEST(Merge, Places) {
  MergeRules rules;
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", "B", "190", "Moura"),
                           Make("2022-03-20", "A", "B", "190", "Djenne")));
  auto one_sided = MergeReason(rules, Make("2022-03-20", "A", "B", "190", "Moura"), Make("2022-03-20", "A", "B", "190"));
  ASSERT_TRUE(one_sided);
  EXPECT_NE(one_sided->find("named by one report only"), std::string::npos);
  rules.require_place = true;
  EXPECT_FALSE(MergeReason(rules, Make("2022-03-20", "A", "B", "190", "Moura"), Make("2022-03-20", "A", "B", "190")));
  // Different spellings of one place, a few km apart.
  Event x = Make("2022-03-20", "A", "B", "190", "Menaka"), y = Make("2022-03-20", "A", "B", "190", "Ménaka town");
  x.location->lat = 15.918;
  x.location->lon = 2.401;
  y.location->lat = 15.93;
  y.location->lon = 2.41;
  EXPECT_TRUE(MergeReason(rules, x, y));
}

TEST(Merge, ModalityAndPrecision) {
  MergeRules rules;
  Event a = Make("2022-03-20", "A", "B", "190"), b = a;
  b.modality = Modality::kNegated;
  EXPECT_FALSE(MergeReason(rules, a, b));
  b.modality = Modality::kReported;
  EXPECT_TRUE(MergeReason(rules, a, b));
  Event m = a;
  m.date.precision = Date::Precision::kMonth;
  EXPECT_FALSE(MergeReason(rules, a, m));
  EXPECT_TRUE(MergeReason(rules, m, m));
  Event undated = a;
  undated.date = Date{};
  EXPECT_FALSE(MergeReason(rules, undated, undated));
  rules.enabled = false;
  EXPECT_FALSE(MergeReason(rules, a, a));
}

}  // namespace
}  // namespace griot
