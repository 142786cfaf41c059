#include "dict/dict_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace griot {
namespace {

namespace fs = std::filesystem;

CodeReference MakeReference() {
  CodeReference ref;
  std::vector<DictIssue> issues;
  ref.events.Load("code\tlabel\tquad_class\tgoldstein\n19\tFight\t4\t-10\n190\tUse force\t4\t-10\n"
                  "195\tAir\t4\t-10\n173\tArrest\t4\t-5\n",
                  "codes.tsv", &issues);
  ref.countries = {"MLI", "FRA", "RUS", "BFA"};
  ref.sectors = {"GOV", "MIL", "REB", "INS", "PMC", "IGO", "NGO", "IMG", "MNC", "HRI", "PKO", "CVL", "ELI"};
  return ref;
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("griot_dict_check_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = path_ / name;
    std::ofstream(p) << content;
    return p.string();
  }

 private:
  fs::path path_;
};

bool Has(const CheckReport& r, const std::string& file_suffix, int line, CheckSeverity severity,
         const std::string& category, const std::string& text) {
  for (const CheckFinding& f : r.findings)
    if (f.file.ends_with(file_suffix) && f.line == line && f.severity == severity && f.category == category &&
        f.message.find(text) != std::string::npos)
      return true;
  return false;
}

std::string Dump(const CheckReport& r) {
  std::string out;
  for (const CheckFinding& f : r.findings) out += f.ToString() + "\n";
  return out;
}

TEST(CheckActorCodeTest, SchemePositions) {
  const CodeReference ref = MakeReference();
  EXPECT_TRUE(CheckActorCode("MLIGOV", ref).empty());
  EXPECT_TRUE(CheckActorCode("---", ref).empty());
  EXPECT_TRUE(CheckActorCode("IGOUNOPKOMSM", ref).empty());  // organisation codes after IGO
  EXPECT_TRUE(CheckActorCode("IMGMOSJNM", ref).empty());     // MOS: a CAMEO religion code
  EXPECT_TRUE(CheckActorCode("EURMIL", ref).empty());        // a region first
  EXPECT_TRUE(CheckActorCode("BFAMILVDP", ref).empty());     // organisation code at the end
  auto mid = CheckActorCode("MLIXYZGOV", ref);
  ASSERT_EQ(mid.size(), 1u);
  EXPECT_EQ(mid[0].severity, CheckSeverity::kWarning);
  auto first = CheckActorCode("XYZGOV", ref);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_NE(first[0].message.find("starts with 'XYZ'"), std::string::npos);
  auto letters = CheckActorCode("MLI-GOV", ref);
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].severity, CheckSeverity::kError);
  auto partial = CheckActorCode("MLIGO", ref);
  ASSERT_EQ(partial.size(), 1u);
  EXPECT_EQ(partial[0].severity, CheckSeverity::kError);
  EXPECT_EQ(CheckActorCode("MLIGOVMILREBINSCVL", ref).size(), 1u);  // six parts
  EXPECT_TRUE(CheckActorCode("INSMOS", ref, /*agent=*/true).empty());
  EXPECT_EQ(CheckActorCode("WIZ", ref, /*agent=*/true).size(), 1u);
}

TEST(ReadActorSourcesTest, LinesAndChosenCode) {
  auto sources = ReadActorSources(
      "# comment\nSADIO_CAMARA_\n+COLONEL_SADIO_CAMARA_\n\t[MLIMIL <20201004]\n\t[MLIGOV >20201005]\n"
      "\t[MLIELI]\nWAGNER_GROUP_ [RUSPMC]  # inline\n");
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].primary, "SADIO_CAMARA_");
  EXPECT_EQ(sources[0].line, 2);
  ASSERT_EQ(sources[0].phrases.size(), 2u);
  EXPECT_EQ(sources[0].phrases[1].second, 3);
  ASSERT_EQ(sources[0].codes.size(), 3u);
  EXPECT_EQ(sources[0].codes[1].line, 5);
  EXPECT_EQ(sources[1].codes.size(), 1u);
  EXPECT_EQ(sources[1].codes[0].line, 7);
  std::vector<DatedCode> codes;
  for (const ActorCodeLine& c : sources[0].codes) codes.push_back(c.code);
  EXPECT_EQ(ChosenCodeIndex(codes, ParseIsoDate("2019-01-01")), 0);
  EXPECT_EQ(ChosenCodeIndex(codes, ParseIsoDate("2023-07-25")), 1);
  EXPECT_EQ(ChosenCodeIndex(codes, std::nullopt), 2);  // undated fallback
  EXPECT_EQ(ChosenCodeIndex({}, std::nullopt), -1);
}

TEST(CheckDictionaryFilesTest, FindsEachKindOfProblem) {
  TempDir dir;
  const std::string actors = dir.Write("a.actors.txt",
                                       "FOO_GROUP_ [MLIREB]\n"           // 1
                                       "+FOO_\n"                         // 2
                                       "BAR_ [MLIGOV]\n"                 // 3
                                       "+FOO_\n"                         // 4: duplicate, other code
                                       "PERSON_\n"                       // 5
                                       "\t[MLIMIL <20200101]\n"          // 6
                                       "\t[MLIGOV 20191201-20210101]\n"  // 7: overlaps line 6
                                       "\t[MLIELI]\n"                    // 8
                                       "COUP_LEADER_\n"                  // 9
                                       "\t[MLIMIL <20200818]\n"          // 10
                                       "\t[MLIGOV >20200818]\n"          // 11: shared boundary day, fine
                                       "NOCODE_\n"                       // 12
                                       "SAME_ [MLIREB]\n"                // 13
                                       "+FOO_GROUP_\n"                   // 14: duplicate, same code
                                       "UNDERSCORE [MLI]\n"              // 15: style
                                       "BROKEN_ [MLI 2020-01]\n");       // 16: malformed
  const std::string agents = dir.Write("b.agents.txt",
                                       "SOLDIER_ {SOLDIERS_} [~MIL]\n"
                                       "SOLDIERS_ {} [~CVL]\n"
                                       "WIZARD_ {} [~WIZ]\n");
  const std::string verbs = dir.Write("c.verbs.txt",
                                      "&WEAPON\n+GUN_\n+&MISSING\n"
                                      "--- KILL [190] ---\n"
                                      "KILL {KILLS KILLED KILLING}\n"
                                      "- * + WITH &WEAPON [195]\n"
                                      "- * + WITH &NOPE [999]\n"
                                      "--- SLAY [19] ---\n"
                                      "KILL\n"
                                      "--- BAD [77] ---\n");
  const std::string links = dir.Write("actor_links.tsv",
                                      "from\tto\trelation\tstart\tend\tnote\n"
                                      "foo_group\tbar\tcomponent_of\t20200101\t\tok\n"
                                      "foo_group\tnobody\tfriend_of\t2020\t\tbad\n");
  CheckReport r = CheckDictionaryFiles({actors, agents, verbs, links, dir.Write("x.txt", "")}, MakeReference());
  const std::string dump = Dump(r);
  EXPECT_TRUE(Has(r, "a.actors.txt", 4, CheckSeverity::kError, "duplicate", "'foo' of entry 'BAR_'")) << dump;
  EXPECT_TRUE(Has(r, "a.actors.txt", 7, CheckSeverity::kError, "dates", "overlap from 2019-12-01 to 2020-01-01"))
      << dump;
  EXPECT_FALSE(Has(r, "a.actors.txt", 11, CheckSeverity::kError, "dates", "")) << dump;
  EXPECT_TRUE(Has(r, "a.actors.txt", 12, CheckSeverity::kError, "code", "has no code")) << dump;
  EXPECT_TRUE(Has(r, "a.actors.txt", 14, CheckSeverity::kWarning, "duplicate", "with the same codes")) << dump;
  EXPECT_TRUE(Has(r, "a.actors.txt", 15, CheckSeverity::kWarning, "style", "does not end with '_'")) << dump;
  EXPECT_TRUE(Has(r, "a.actors.txt", 16, CheckSeverity::kError, "malformed", "bad date")) << dump;
  EXPECT_TRUE(Has(r, "b.agents.txt", 2, CheckSeverity::kError, "duplicate", "agent phrase 'soldiers'")) << dump;
  EXPECT_TRUE(Has(r, "b.agents.txt", 3, CheckSeverity::kWarning, "code", "'WIZ'")) << dump;
  EXPECT_TRUE(Has(r, "c.verbs.txt", 3, CheckSeverity::kError, "synset", "undefined synset &MISSING")) << dump;
  EXPECT_TRUE(Has(r, "c.verbs.txt", 7, CheckSeverity::kError, "synset", "undefined synset &NOPE")) << dump;
  EXPECT_TRUE(Has(r, "c.verbs.txt", 7, CheckSeverity::kError, "code", "'999' is not a CAMEO event code")) << dump;
  EXPECT_TRUE(Has(r, "c.verbs.txt", 9, CheckSeverity::kWarning, "duplicate", "also listed in block KILL")) << dump;
  EXPECT_TRUE(Has(r, "c.verbs.txt", 10, CheckSeverity::kError, "code", "'77'")) << dump;
  EXPECT_TRUE(Has(r, "actor_links.tsv", 3, CheckSeverity::kError, "links", "unknown actor_id 'nobody'")) << dump;
  EXPECT_TRUE(Has(r, "actor_links.tsv", 3, CheckSeverity::kError, "links", "unknown relation 'friend_of'")) << dump;
  EXPECT_TRUE(Has(r, "actor_links.tsv", 3, CheckSeverity::kError, "links", "start '2020'")) << dump;
  EXPECT_FALSE(Has(r, "actor_links.tsv", 2, CheckSeverity::kError, "links", "")) << dump;
  EXPECT_TRUE(Has(r, "x.txt", 0, CheckSeverity::kError, "malformed", "cannot tell the dictionary kind")) << dump;
  // Findings are ordered by file (as given), then line.
  for (size_t i = 1; i < r.findings.size(); ++i) {
    if (r.findings[i].file == r.findings[i - 1].file) {
      EXPECT_LE(r.findings[i - 1].line, r.findings[i].line);
    }
  }
  EXPECT_GT(r.errors(), 0u);
  EXPECT_GT(r.warnings(), 0u);
  EXPECT_EQ(r.errors() + r.warnings(), r.findings.size());
}

TEST(CheckDictionaryFilesTest, MissingFileIsAFinding) {
  CheckReport r = CheckDictionaryFiles({"/nonexistent/griot/x.actors.txt"}, MakeReference());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].severity, CheckSeverity::kError);
  EXPECT_EQ(r.findings[0].line, 0);
}

TEST(CheckDictionaryFilesTest, ReadsGriotDictionaries) {
  auto ref = LoadCodeReference(GRIOT_SOURCE_DATA_DIR);
  ASSERT_TRUE(ref.ok()) << ref.status().message();
  EXPECT_TRUE(ref->events.Has("190"));
  EXPECT_TRUE(ref->sectors.count("PMC"));
  const auto files = DefaultDictionaryFiles(GRIOT_SOURCE_DATA_DIR);
  ASSERT_FALSE(files.empty());
  CheckReport r = CheckDictionaryFiles(files, *ref);
  EXPECT_EQ(r.files.size(), files.size());
  for (const CheckFinding& f : r.findings) EXPECT_NE(f.line, 0) << f.ToString();  // every file was read
}

}  // namespace
}  // namespace griot
