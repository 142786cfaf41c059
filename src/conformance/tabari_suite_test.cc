#include "conformance/tabari_suite.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "conformance/tabari_validator.h"
#include "dict/dictionary_set.h"

namespace griot {
namespace {

constexpr const char* kText = R"(
##################################################################
#   banner lines between records are skipped
##################################################################

950103  DEMO-04
Dagolath's first Deputy Prime Minister Telemar left for
Minas Tirith on Wednesday.
/*\n------------------------------------------------------------------
\n[Paired events; a remark with braces: coded in {}]
\n{ DAG / GON / 032 } 950103
\n{ gon / dag / 033 } 950103   */

950101  TIME-Modify
Changing an option.
/*\n------------------------------------------------------------------
\n{ OPTION: SET: TIME SHIFT = FALSE } */

970102 MINWRD-ACTIVATE
An option block without its closing brace.
/*\n------------------------------------------------------------------
\n{ OPTION: SET: MINIMUM WORDS = 4  */

950113  DEMO-13
Arnor on Thursday signed a trade protocol with Dagolath, officials said./*
\n{ ARN / DAG / 085 } 950113 */

950101  DEMO-05
Arnor is about to restore fxll diplomatic ties with Gondor.
/*\n------------------------------------------------------------------
\n{ ARN / DAG / 064 }
\n-{ARN / GON / 064  } */

950101  COMPOUND-08
Old foes Gondor, the Shire, and Osgiliath have renewed diplomatic ties.
/*\n------------------------------------------------------------------
\n-{ --- / --- / 000 }
*/

830809  DEBUG-11
The recent flare-up in fighting between Eriador and Osgiliath.
/*\n------------------------------------------------------------------
\n{+++}
\n{ ERI / OSG / 223  }*/

950105  DISCARD-1
Gondor's hopes in their first World Cup soccer finals.
/*\n{###} */

950101  VERBEND-05a
Mouse is baning Libya.
/*\n{ --- } */

9501201  ACTORSYN-01
A seven-digit date.
/*\n{ ARN / DAG / 064 } { ARN / 064 } */

950101  950101  AGENTS-11
Category from the first word with a letter.
/*\n{ ARN / DAG / 064 } */

990101  FINAL-01
This is the end of the standard validation records.
\n
\nPress Q to quit the program.

950112  LINELONG-01
After the final record.
/*\n{+++}*/
)";

TEST(TabariSuiteTest, ReadsRecordsAndBlocks) {
  std::vector<TabariRecord> after;
  std::vector<std::string> problems;
  const auto records = ParseTabariRecords(kText, "V.text", &after, &problems);
  ASSERT_EQ(records.size(), 12u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].id, "LINELONG-01");

  const TabariRecord& demo4 = records[0];
  EXPECT_EQ(demo4.id, "DEMO-04");
  EXPECT_EQ(demo4.category, "DEMO");
  EXPECT_EQ(demo4.line, 6);
  EXPECT_EQ(demo4.date->ToCompact(), "19950103");
  EXPECT_EQ(demo4.text, "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday.");
  ASSERT_EQ(demo4.expected.size(), 2u);
  EXPECT_EQ(demo4.expected[0], (ExpectedCoding{"DAG", "GON", "032"}));
  EXPECT_EQ(demo4.expected[1], (ExpectedCoding{"GON", "DAG", "033"}));  // upper-cased
  EXPECT_TRUE(demo4.annotated());

  EXPECT_EQ(records[1].options, std::vector<std::string>{"SET: TIME SHIFT = FALSE"});
  EXPECT_FALSE(records[1].annotated());
  EXPECT_EQ(records[2].options, std::vector<std::string>{"SET: MINIMUM WORDS = 4"});
  EXPECT_EQ(records[2].id, "MINWRD-ACTIVATE");

  EXPECT_EQ(records[3].text, "Arnor on Thursday signed a trade protocol with Dagolath, officials said.");
  EXPECT_EQ(records[3].expected.size(), 1u);

  EXPECT_TRUE(records[4].partial);  // DEMO-05: one checked event, then "-{"
  EXPECT_EQ(records[4].expected.size(), 1u);
  EXPECT_TRUE(records[5].partial);  // COMPOUND-08: nothing checked
  EXPECT_TRUE(records[5].expected.empty());
  EXPECT_TRUE(records[5].annotated());

  EXPECT_TRUE(records[6].expect_complex);  // DEBUG-11: either
  EXPECT_EQ(records[6].expected.size(), 1u);
  EXPECT_TRUE(records[7].expect_discard);
  EXPECT_TRUE(records[8].expect_none);

  EXPECT_EQ(records[9].date->ToCompact(), "19950120");  // 7 digits: the first 6
  ASSERT_EQ(records[9].problems.size(), 1u);              // "{ ARN / 064 }"
  EXPECT_EQ(records[9].expected.size(), 1u);
  EXPECT_EQ(records[10].category, "AGENTS");
  EXPECT_EQ(records[11].id, "FINAL-01");
  EXPECT_FALSE(records[11].annotated());
  EXPECT_EQ(problems.size(), 2u);  // the 7-digit date and the unreadable block
}

TEST(TabariSuiteTest, Scoring) {
  TabariRecord events;
  events.expected = {{"DAG", "GON", "032"}, {"GON", "DAG", "033"}};
  TabariOutcome o;
  o.produced = {{"GON", "DAG", "033"}, {"DAG", "GON", "032"}};
  EXPECT_TRUE(ScoreTabariRecord(events, o));
  o.produced.push_back({"DAG", "ARN", "032"});
  EXPECT_FALSE(ScoreTabariRecord(events, o));  // an extra event fails
  events.partial = true;
  EXPECT_TRUE(ScoreTabariRecord(events, o));  // unless the record is partial
  o.discarded = true;
  EXPECT_FALSE(ScoreTabariRecord(events, o));
  TabariRecord unchecked;  // "-{" as the first block
  unchecked.partial = true;
  EXPECT_TRUE(ScoreTabariRecord(unchecked, o));

  TabariRecord none;
  none.expect_none = true;
  TabariOutcome empty;
  EXPECT_TRUE(ScoreTabariRecord(none, empty));
  empty.complex = true;
  EXPECT_FALSE(ScoreTabariRecord(none, empty));  // flagged complex is not "no events"

  TabariRecord complex;
  complex.expect_complex = true;
  EXPECT_TRUE(ScoreTabariRecord(complex, empty));
  EXPECT_TRUE(ScoreTabariRecord(complex, TabariOutcome{}));  // nothing coded counts
  TabariOutcome coded;
  coded.produced = {{"A", "B", "010"}};
  EXPECT_FALSE(ScoreTabariRecord(complex, coded));
  complex.expected = {{"A", "B", "010"}};  // DEBUG-11: {+++} or the events
  EXPECT_TRUE(ScoreTabariRecord(complex, coded));

  TabariRecord discard;
  discard.expect_discard = true;
  EXPECT_FALSE(ScoreTabariRecord(discard, TabariOutcome{}));
  TabariOutcome discarded;
  discarded.discarded = true;
  EXPECT_TRUE(ScoreTabariRecord(discard, discarded));
  EXPECT_EQ(DescribeTabariExpectation(complex), "A B 010  OR  (complex [+++] or no events)");
}

// The real suite, read from the peer data when it is present (never copied here).
std::string SharedTabariDir() {
  return std::string(GRIOT_SOURCE_DATA_DIR) + "/../../shared/peers/tabari";
}

TEST(TabariSuiteTest, LoadsTheSharedSuite) {
  const std::string dir = SharedTabariDir();
  if (!std::filesystem::exists(dir + "/Validate.project")) GTEST_SKIP() << "no " << dir;
  auto suite = LoadTabariSuite(dir + "/Validate.project");
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->records.size(), 473u);  // START-00 .. FINAL-01
  EXPECT_EQ(suite->after_final.size(), 8u);
  size_t annotated = 0, options = 0, events = 0;
  for (const TabariRecord& r : suite->records) {
    annotated += r.annotated();
    options += !r.options.empty();
    events += r.expected.size();
    EXPECT_TRUE(r.problems.empty()) << r.id;
  }
  EXPECT_EQ(annotated, 449u);
  EXPECT_EQ(options, 23u);
  EXPECT_GT(events, 500u);
  ASSERT_EQ(suite->actor_files.size(), 1u);
  EXPECT_TRUE(suite->actor_files[0].ends_with("TABARI.Demo.actors"));
  EXPECT_EQ(suite->options.front(), "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN");
  EXPECT_GT(suite->labels, 80);

  // From the .text: the .project beside it that names it.
  auto from_text = LoadTabariSuite(dir + "/Validate.text");
  ASSERT_TRUE(from_text.ok()) << from_text.status().ToString();
  EXPECT_EQ(from_text->verb_files, suite->verb_files);
  EXPECT_EQ(from_text->records.size(), 473u);
}

TEST(TabariSuiteTest, SharedDictionariesLoadCleanly) {
  const std::string dir = SharedTabariDir();
  if (!std::filesystem::exists(dir + "/TABARI.Demo.verbs")) GTEST_SKIP() << "no " << dir;
  DictionaryOptions o;
  o.load_default_dictionaries = false;
  o.load_gazetteer = false;
  o.actor_files = {dir + "/TABARI.Demo.actors"};
  o.agent_files = {dir + "/Validate.agents"};
  o.verb_files = {dir + "/TABARI.Demo.verbs"};
  auto dicts = LoadDictionaries(o);
  ASSERT_TRUE(dicts.ok()) << dicts.status().ToString();
  const DictionarySet& d = **dicts;
  for (const DictIssue& i : d.issues) ADD_FAILURE() << i.ToString();
  EXPECT_EQ(d.actors.nouns().size(), 8u);
  EXPECT_EQ(d.actors.adjectives().size(), 5u);
  EXPECT_GT(d.actors.size(), 110u);
  EXPECT_GT(d.agents.size(), 80u);
  EXPECT_EQ(d.verbs.time_shifts().size(), 12u);
  EXPECT_GT(d.verbs.block_count(), 250u);
  EXPECT_FALSE(d.verbs.synset("CURRENCY").empty());
}

// COMPLEX: in the .options file and in {OPTION:} records sets the coder's complexity filter.
TEST(TabariSuiteTest, ComplexOptionSetsTheFilter) {
  const std::string dir = ::testing::TempDir() + "/tabari_complex_option";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir + "/" + name) << content;
    return dir + "/" + name;
  };
  TabariSuite suite;
  suite.actor_files = {write("t.actors", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n")};
  suite.agent_files = {write("t.agents", "SOLDIERS_ [~MIL]\n")};
  suite.verb_files = {write("t.verbs", "ALLEGE [022]\nACKNOWLEDGE [023]\nAFFIRM [042]\nREBUKE [121]\n")};
  suite.options = {"COMPLEX: VERBS[3] NOACTPRIOR EXPLAIN"};
  std::vector<TabariRecord> after;
  std::vector<std::string> problems;
  suite.records = ParseTabariRecords(R"(
950105  CX-01
Gondor alleged and acknowledged that Rohan might affirm the deal today.
/*\n{+++} */

950105  CX-02
Rebuked by Arnor on Monday, the army of the north is being pushed back.
/*\n{+++} */

950105  CX-Modify
Switching the complexity filter to more verbs and no actor test.
/*\n{ OPTION: COMPLEX: VERBS[5] EXPLAIN } */

950105  CX-03
Rebuked by Arnor on Monday, the army of the north is being pushed back.
/*\n{+++} */

950105  CX-04
Gondor alleged and acknowledged that Rohan might affirm the deal today.
/*\n{+++} */
)",
                                     "t.text", &after, &problems);
  ASSERT_EQ(suite.records.size(), 5u);
  TabariValidationOptions options;
  options.tagger = false;
  auto report = ValidateTabariSuite(suite, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->results.size(), 4u);
  EXPECT_NE(report->results[0].note.find("complex: 3 verbs (VERBS[3])"), std::string::npos) << report->results[0].note;
  EXPECT_NE(report->results[1].note.find("complex: no actor before the verb (NOACTPRIOR)"), std::string::npos)
      << report->results[1].note;
  EXPECT_EQ(report->results[2].note.find("complex"), std::string::npos) << report->results[2].note;
  EXPECT_EQ(report->results[3].note.find("complex"), std::string::npos) << report->results[3].note;
  for (const std::string& n : report->notes) EXPECT_EQ(n.find("COMPLEX"), std::string::npos) << n;
}

TEST(TabariSuiteTest, CommaClausesAreMarkedAsTabariDoes) {
  const std::string dir = ::testing::TempDir() + "/tabari_comma_clauses";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir + "/" + name) << content;
    return dir + "/" + name;
  };
  TabariSuite suite;
  suite.actor_files = {write("t.actors", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nBREE [BRE]\n")};
  suite.agent_files = {write("t.agents", "SOLDIERS_ [~MIL]\n")};
  suite.verb_files = {write("t.verbs", "REBUKE [121]\n")};
  std::vector<TabariRecord> after;
  std::vector<std::string> problems;
  suite.records = ParseTabariRecords(R"(
950105  CM-01
Arnor rebuked the reports, rumored to come from Rohan, about Gondor on Monday.
/*\n{ ARN / GON / 121 } */

950105  CM-02
Arnor rebuked Gondor, Rohan and Bree on Monday, officials said.
/*\n{ ARN / GON / 121 } { ARN / ROH / 121 } { ARN / BRE / 121 } */
)",
                                     "t.text", &after, &problems);
  ASSERT_EQ(suite.records.size(), 2u);
  TabariValidationOptions options;
  options.tagger = false;
  auto report = ValidateTabariSuite(suite, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->results.size(), 2u);
  // A comma clause without a verb is deleted too: Rohan is gone.
  EXPECT_TRUE(report->results[0].passed) << report->results[0].note;
  // The commas of an actor list open no clause: "Rohan and Bree" stays.
  EXPECT_TRUE(report->results[1].passed) << report->results[1].note;
}

}  // namespace
}  // namespace griot
