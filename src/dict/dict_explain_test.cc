#include "dict/dict_explain.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace griot {
namespace {

namespace fs = std::filesystem;

class DictExplainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("griot_dict_explain_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    actors_ = Write("t.actors.txt",
                    "MALI_ [MLI]\n"
                    "+MALIAN_\n"
                    "SADIO_CAMARA_\n"
                    "\t[MLIMIL <20201004]\n"
                    "\t[MLIGOVMIL >20201005]\n");
    Write("t.agents.txt", "SOLDIER_ {SOLDIERS_} [~MIL]\n");
    Write("t.verbs.txt", "--- ARREST [173] ---\nDETAIN\n--- MEET [040] ---\nMEET {MEETS MET MEETING}\n");
    DictionaryOptions options;
    options.data_dir = GRIOT_SOURCE_DATA_DIR;
    options.load_default_dictionaries = false;
    options.load_gazetteer = false;
    options.extra_files = {(dir_ / "t.actors.txt").string(), (dir_ / "t.agents.txt").string(),
                           (dir_ / "t.verbs.txt").string()};
    auto dicts = LoadDictionaries(options);
    ASSERT_TRUE(dicts.ok()) << dicts.status().message();
    coder_ = std::make_unique<Coder>(*dicts);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name) << content;
    return (dir_ / name).string();
  }

  fs::path dir_;
  std::string actors_;
  std::unique_ptr<Coder> coder_;
};

TEST_F(DictExplainTest, ActorsAgentsVerbsAndEvents) {
  const Explanation x = Explain("Malian soldiers detained Sadio Camara on Tuesday.", ParseIsoDate("2023-07-25"), *coder_);
  ASSERT_EQ(x.sentences.size(), 1u);
  const ExplainedSentence& s = x.sentences[0];
  EXPECT_EQ(s.tokens[0], "malian");
  ASSERT_EQ(s.mentions.size(), 2u);
  EXPECT_EQ(s.mentions[0].text, "Malian soldiers");
  EXPECT_EQ(s.mentions[0].code, "MLIMIL");
  EXPECT_EQ(s.mentions[0].actor_id, "mali");
  EXPECT_EQ(s.mentions[0].agent_code, "MIL");
  EXPECT_EQ(s.mentions[1].code, "MLIGOVMIL");
  EXPECT_EQ(s.mentions[1].dated_code, "[MLIGOVMIL >20201005]");
  EXPECT_EQ(s.mentions[1].dated_where, actors_ + ":5");
  ASSERT_EQ(s.dates.size(), 1u);
  EXPECT_EQ(s.dates[0], "\"Tuesday\" -> 2023-07-25");
  ASSERT_EQ(s.verbs.size(), 1u);
  EXPECT_EQ(s.verbs[0].block, "ARREST");
  EXPECT_EQ(s.verbs[0].form_kind, "past");
  ASSERT_EQ(s.verbs[0].events.size(), 1u);
  EXPECT_EQ(x.events[s.verbs[0].events[0]].cameo, "173");
  ASSERT_EQ(x.events.size(), 1u);
  const std::string text = FormatExplanation(x);
  EXPECT_NE(text.find("combined: MLI + MIL = MLIMIL"), std::string::npos) << text;
  EXPECT_NE(text.find("applies: [MLIGOVMIL >20201005] at " + actors_ + ":5"), std::string::npos) << text;
  EXPECT_NE(text.find("events (1):"), std::string::npos) << text;
}

TEST_F(DictExplainTest, WithoutDateTheFallbackApplies) {
  const Explanation x = Explain("Sadio Camara met Malian soldiers.", std::nullopt, *coder_);
  ASSERT_EQ(x.sentences.size(), 1u);
  ASSERT_FALSE(x.sentences[0].mentions.empty());
  EXPECT_EQ(x.sentences[0].mentions[0].code, "MLIMIL");  // no undated line: the first code
  EXPECT_TRUE(x.sentences[0].dates.empty());
  EXPECT_NE(FormatExplanation(x).find("date: none"), std::string::npos);
}

}  // namespace
}  // namespace griot
