#include "dict/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <string>
#include <thread>
#include <vector>

namespace griot {
namespace {

// name, ascii, country, admin1, admin1_name, lat, lon, population, kind, id
constexpr std::string_view kTable =
    "name\tascii\tcountry\tadmin1\tadmin1_name\tlat\tlon\tpopulation\tkind\tid\n"
    "# a comment\n"
    "Ménaka\tMenaka\tMLI\tML.09\tMénaka Region\t15.91\t2.40\t20702\tlocality\tgeonames:2453348\n"
    "Kidal\tKidal\tMLI\tML.08\tKidal\t18.44\t1.41\t25617\tlocality\tgeonames:2455290\n"
    "Kidal\t\tMLI\tML.08\t\t\t\t0\tregion\tgeonames:2455289\n"
    "Tessalit\tTessalit\tMLI\tML.08\n"
    "\tnameless\tMLI\tML.08\t\t1\t1\t0\tlocality\tx\n"
    "San\tSan\tMLI\tML.04\tSegou\t13.30\t-4.90\tnot a number\tlocality\tgeonames:2451478\r\n"
    "San Sebastián\tSan Sebastian\tESP\tES.59\t\t43.31\t-1.97\t186665\tlocality\tgeonames:3110044\n";

std::vector<uint32_t> Match(const Gazetteer& g, const std::vector<std::string>& keys) {
  std::vector<PhraseIndex::Match> matches;
  g.index().MatchAt([&](uint32_t k) -> const std::string& { return keys[k]; }, static_cast<uint32_t>(keys.size()), 0,
                    &matches);
  if (matches.empty()) return {};
  const auto c = g.Candidates(matches.front().entry);
  std::vector<uint32_t> out(c.begin(), c.end());
  out.push_back(1000 + matches.front().length);  // the match's length, after the places
  return out;
}

TEST(GazetteerTest, LoadsRowsAndReportsBadOnes) {
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(kTable, "places.tsv", &issues);
  g.Finalize();
  ASSERT_EQ(g.size(), 5u);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].ToString(), "places.tsv:6: expected 10 tab-separated columns, got 4");
  EXPECT_EQ(issues[1].ToString(), "places.tsv:7: place has no name");

  const Place& menaka = g.place(0);
  EXPECT_EQ(menaka.name, "Ménaka");
  EXPECT_EQ(menaka.country, "MLI");
  EXPECT_EQ(menaka.admin1, "ML.09");
  EXPECT_EQ(menaka.admin1_name, "Ménaka Region");
  ASSERT_TRUE(menaka.lat && menaka.lon);
  EXPECT_DOUBLE_EQ(*menaka.lat, 15.91);
  EXPECT_DOUBLE_EQ(*menaka.lon, 2.40);
  EXPECT_EQ(menaka.population, 20702);
  EXPECT_EQ(menaka.kind, "locality");
  EXPECT_EQ(menaka.id, "geonames:2453348");
  EXPECT_EQ(&g.place(0), &menaka);  // made once

  const Place& region = g.place(2);
  EXPECT_EQ(region.kind, "region");
  EXPECT_FALSE(region.lat.has_value());
  EXPECT_FALSE(region.lon.has_value());
  const Place& san = g.place(3);
  EXPECT_EQ(san.population, 0);
  EXPECT_EQ(san.id, "geonames:2451478");  // the row's "\r" is not part of it
}

TEST(GazetteerTest, PhrasesGroupPlacesInOrder) {
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(kTable, "places.tsv", &issues);
  g.Finalize();
  // Both spellings find Ménaka, listed once although its two names fold alike.
  EXPECT_EQ(Match(g, {"menaka"}), (std::vector<uint32_t>{0, 1001}));
  // A shared name lists its places in the order loaded.
  EXPECT_EQ(Match(g, {"kidal", "region"}), (std::vector<uint32_t>{1, 2, 1001}));
  EXPECT_EQ(Match(g, {"san", "sebastian", "x"}), (std::vector<uint32_t>{4, 1002}));
  EXPECT_EQ(Match(g, {"san", "x"}), (std::vector<uint32_t>{3, 1001}));
  EXPECT_TRUE(Match(g, {"tessalit"}).empty());
  EXPECT_TRUE(Match(g, {"nameless"}).empty());
}

TEST(GazetteerTest, SeveralFilesAndMoves) {
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(kTable, "a.tsv", &issues);
  const Place* first = &g.place(1);
  g.Load(std::string("Gao\tGao\tMLI\tML.07\tGao\t16.27\t-0.04\t86633\tlocality\tgeonames:2457163\n"), "b.tsv",
         &issues);
  g.Finalize();
  ASSERT_EQ(g.size(), 6u);
  EXPECT_EQ(&g.place(1), first);  // made before the second file: kept
  EXPECT_EQ(g.place(5).name, "Gao");
  EXPECT_EQ(Match(g, {"gao"}), (std::vector<uint32_t>{5, 1001}));
  Gazetteer moved = std::move(g);
  EXPECT_EQ(&moved.place(1), first);
  EXPECT_EQ(moved.place(0).name, "Ménaka");
  EXPECT_EQ(Match(moved, {"kidal"}), (std::vector<uint32_t>{1, 2, 1001}));
}

TEST(GazetteerTest, PlacesMadeFromManyThreadsAtOnce) {
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(kTable, "places.tsv", &issues);
  g.Finalize();
  std::vector<const Place*> seen(8 * g.size());
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (uint32_t i = 0; i < g.size(); ++i) seen[t * g.size() + i] = &g.place(i);
    });
  for (auto& th : threads) th.join();
  for (size_t t = 0; t < 8; ++t)
    for (uint32_t i = 0; i < g.size(); ++i) EXPECT_EQ(seen[t * g.size() + i], &g.place(i));
}

TEST(GazetteerTest, SnapshotRestoresTheSameTables) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("griot_gazetteer_snapshot_" + std::to_string(::getpid()))).string();
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(kTable, "places.tsv", &issues);
  g.Finalize();
  const SnapshotKey key = Gazetteer::SnapshotKeyFor(kTable);
  SnapshotWriter out(key);
  ASSERT_TRUE(g.Save(&out, issues).ok());
  ASSERT_TRUE(out.Commit(path).ok());

  auto in = SnapshotReader::Open(path, key);
  ASSERT_TRUE(in.ok());
  Gazetteer r;
  std::vector<DictIssue> restored_issues;
  std::string content(kTable);
  ASSERT_TRUE(r.Restore(&*in, std::move(content), "places.tsv", &restored_issues));
  EXPECT_EQ(r.size(), g.size());
  ASSERT_EQ(restored_issues.size(), issues.size());
  for (size_t i = 0; i < issues.size(); ++i) EXPECT_EQ(restored_issues[i].ToString(), issues[i].ToString());
  for (const std::vector<std::string>& keys :
       std::vector<std::vector<std::string>>{{"kidal"}, {"menaka"}, {"ménaka"}, {"san"}, {"san", "sebastián"},
                                             {"san", "sebastian", "x"}, {"tessalit"}, {"bamako"}}) {
    EXPECT_EQ(Match(r, keys), Match(g, keys)) << keys[0];
  }
  for (uint32_t id = 0; id < g.size(); ++id) {
    EXPECT_EQ(r.place(id).name, g.place(id).name);
    EXPECT_EQ(r.place(id).id, g.place(id).id);
    EXPECT_EQ(r.place(id).lat, g.place(id).lat);
  }

  // Other text of the same size does not match the key; a cut snapshot is refused and
  // leaves the text for the caller.
  std::string other(kTable);
  other[other.size() - 2] = 'X';
  EXPECT_FALSE(SnapshotReader::Open(path, Gazetteer::SnapshotKeyFor(other)).ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 10);
  auto cut = SnapshotReader::Open(path, key);
  ASSERT_TRUE(cut.ok());
  Gazetteer broken;
  std::string kept(kTable);
  std::vector<DictIssue> none;
  EXPECT_FALSE(broken.Restore(&*cut, std::move(kept), "places.tsv", &none));
  EXPECT_EQ(kept, kTable);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(broken.size(), 0u);
  std::filesystem::remove(path);
}

TEST(GazetteerTest, MappedFileAndItsSnapshotKey) {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("griot_gazetteer_mapped_" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << kTable;
  auto mapped = MappedFile::Open(path.string());
  ASSERT_TRUE(mapped.ok());
  const SnapshotKey key = Gazetteer::SnapshotKeyFor(*mapped);
  EXPECT_NE(key, Gazetteer::SnapshotKeyFor(kTable));  // never confused with a whole-text key
  Gazetteer g;
  std::vector<DictIssue> issues;
  g.Load(std::move(*mapped), path.string(), &issues);
  g.Finalize();
  const fs::path snapshot = SnapshotPathFor(path.string());
  SnapshotWriter out(key);
  ASSERT_TRUE(g.Save(&out, issues).ok());
  ASSERT_TRUE(out.Commit(snapshot.string()).ok());

  auto again = MappedFile::Open(path.string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Gazetteer::SnapshotKeyFor(*again), key);
  auto in = SnapshotReader::Open(snapshot.string(), key);
  ASSERT_TRUE(in.ok());
  Gazetteer r;
  std::vector<DictIssue> restored_issues;
  ASSERT_TRUE(r.Restore(&*in, std::move(*again), path.string(), &restored_issues));
  EXPECT_EQ(restored_issues.size(), issues.size());
  EXPECT_EQ(Match(r, {"kidal"}), Match(g, {"kidal"}));
  EXPECT_EQ(r.place(0).name, "Ménaka");

  // The file written again (same bytes, a new modification time): another key.
  const auto later = fs::last_write_time(path) + std::chrono::seconds(2);
  fs::last_write_time(path, later);
  auto touched = MappedFile::Open(path.string());
  ASSERT_TRUE(touched.ok());
  EXPECT_NE(Gazetteer::SnapshotKeyFor(*touched), key);
  fs::remove(path);
  fs::remove(snapshot);
}

TEST(PhraseIndexSnapshotTest, FlexiblePhrasesHaveNoSnapshot) {
  PhraseIndex index;
  index.AddFlexible({"attack"}, {PhraseIndex::kStem}, 0);
  index.Finalize();
  SnapshotWriter out(SnapshotKey{"t", 1, 0, 0, 0});
  EXPECT_EQ(index.Save(&out).code(), StatusCode::kUnsupported);
}

}  // namespace
}  // namespace griot
