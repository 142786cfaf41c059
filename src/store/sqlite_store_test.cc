#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/hash.h"

namespace griot {
namespace {

template <typename F>
EventQuery Q(F f) {
  EventQuery q;
  f(q);
  return q;
}


namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / fs::path("griot_store_test_" + std::to_string(::getpid()) + "_" +
                                                 std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
  static inline int counter_ = 0;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Event MakeEvent(const std::string& id, const char* date, const char* src, const char* tgt, const char* cameo) {
  Event e;
  e.event_id = id;
  e.date = *ParseIsoDate(date);
  e.sentence = std::string(src) + " attacked " + tgt + " near Moura.";
  e.source.emplace();
  e.source->text = std::string(src);
  e.source->code = e.source->text;
  e.source->span = {0, 3};
  e.target.emplace();
  e.target->text = std::string(tgt);
  e.target->code = e.target->text;
  e.target->country = "MLI";
  e.target->sector = "MIL";
  e.target->actor_id = "mali";
  e.target->agent_only = false;
  e.target->country_inferred = true;
  e.target->span = {13, 16};
  e.cameo = cameo;
  e.cameo_root = std::string(cameo).substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  e.plover = "ASSAULT";
  e.modality = Modality::kReported;
  e.location.emplace();
  e.location->name = "Moura";
  e.location->country = "MLI";
  e.location->lat = 14.1;
  e.location->lon = -4.3;
  e.location->precision = "locality";
  e.location->span = {24, 29};
  e.trigger = {4, 12};
  e.rule = "griot.verbs.txt:1 ATTACK [190]";
  return e;
}

// Stores a document with one event; returns the event key.
int64_t Put(Store& s, const std::string& doc_id, const Event& e) {
  EXPECT_TRUE(s.Begin().ok());
  StoredDocument d;
  d.doc_id = doc_id;
  d.content_hash = ContentHash(doc_id + e.sentence);
  d.origin = doc_id + ".txt";
  d.text = e.sentence;
  d.title = "Title " + doc_id;
  auto dk = s.AddDocument(d);
  EXPECT_TRUE(dk.ok()) << dk.status().message();
  auto sk = s.AddSentence(*dk, e.sentence_index, e.sentence);
  EXPECT_TRUE(sk.ok());
  StoredEvent ev;
  ev.record = e;
  ev.mentions = ev.documents = 1;
  ev.document_key = *dk;
  ev.sentence_key = *sk;
  auto ek = s.AddEvent(ev);
  EXPECT_TRUE(ek.ok()) << ek.status().message();
  StoredMention m;
  m.record = e;
  m.event_key = *ek;
  m.document_key = *dk;
  m.sentence_key = *sk;
  EXPECT_TRUE(s.AddMention(m).ok());
  EXPECT_TRUE(s.NoteActor(*e.target).ok());
  EXPECT_TRUE(s.Commit().ok());
  return *ek;
}

TEST(SqliteStore, CreatesVersionedSchemaWithApplicationId) {
  TempDir dir;
  const std::string path = dir.File("g.db");
  {
    auto s = SqliteStore::Open(path, StoreMode::kReadWrite);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ((*s)->schema_version(), kSchemaVersion);
  }
  const std::string bytes = ReadAll(path);
  ASSERT_GE(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 15), "SQLite format 3");
  EXPECT_EQ(bytes.substr(68, 4), "grio");
  EXPECT_TRUE(CheckStoreFile(path).ok());
  auto again = SqliteStore::Open(path, StoreMode::kReadOnly);
  ASSERT_TRUE(again.ok()) << again.status().message();
}

TEST(SqliteStore, RefusesForeignAndCorruptFilesWithoutTouchingThem) {
  TempDir dir;
  const std::string text = dir.File("notes.db");
  { std::ofstream(text) << "these are my notes, not a database\n"; }
  const std::string foreign = dir.File("other.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open(foreign.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE accounts(id INTEGER); INSERT INTO accounts VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::string other_app = dir.File("app.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open(other_app.c_str(), &db);
    sqlite3_exec(db, "PRAGMA application_id = 1234;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  for (const std::string& path : {text, foreign, other_app}) {
    const std::string before = ReadAll(path);
    auto s = SqliteStore::Open(path, StoreMode::kReadWrite);
    ASSERT_FALSE(s.ok()) << path;
    EXPECT_NE(s.status().message().find(path), std::string::npos);
    EXPECT_NE(s.status().message().find("untouched"), std::string::npos) << s.status().message();
    EXPECT_EQ(ReadAll(path), before) << path;
    EXPECT_FALSE(fs::exists(path + "-wal"));
  }
  auto missing = SqliteStore::Open(dir.File("none.db"), StoreMode::kReadOnly);
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  // A damaged griot store: the header is kept, the pages are garbage.
  const std::string damaged = dir.File("damaged.db");
  {
    auto s = SqliteStore::Open(damaged, StoreMode::kReadWrite);
    ASSERT_TRUE(s.ok());
  }
  {
    std::string bytes = ReadAll(damaged);
    for (size_t i = 100; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
    std::ofstream(damaged, std::ios::binary | std::ios::trunc) << bytes;
    fs::remove(damaged + "-wal");
    fs::remove(damaged + "-shm");
  }
  const std::string before = ReadAll(damaged);
  auto s = SqliteStore::Open(damaged, StoreMode::kReadWrite);
  if (s.ok()) {
    auto q = (*s)->QueryEvents({});
    EXPECT_FALSE(q.ok());
  }
  EXPECT_EQ(ReadAll(damaged), before);
}

TEST(SqliteStore, RefusesNewerSchema) {
  TempDir dir;
  const std::string path = dir.File("new.db");
  { ASSERT_TRUE(SqliteStore::Open(path, StoreMode::kReadWrite).ok()); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = SqliteStore::Open(path, StoreMode::kReadWrite);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos);
}

TEST(SqliteStore, EventsRoundTripAndFilters) {
  auto opened = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& s = **opened;
  const Event a = MakeEvent("aaaa000000000001", "2022-03-27", "IMGMOSJNM", "MLIMIL", "190");
  Event b = MakeEvent("bbbb000000000002", "2022-05-02", "RUSPMC", "MLICVL", "1823");
  b.location->name = "Ménaka";
  b.modality = Modality::kAlleged;
  b.plover = "ASSAULT";
  Event c = MakeEvent("cccc000000000003", "2023-07-24", "USAGOV", "MLIGOV", "163");
  c.location.reset();
  c.quad_class = 4;
  c.plover = "COERCE";
  c.sentence = "The United States sanctioned Mali's defence minister.";
  Put(s, "d1", a);
  Put(s, "d2", b);
  Put(s, "d3", c);

  auto all = s.QueryEvents({});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  const Event& r = (*all)[0].record;
  EXPECT_EQ(r.event_id, a.event_id);
  EXPECT_EQ(r.date, a.date);
  EXPECT_EQ(r.source->code, "IMGMOSJNM");
  EXPECT_EQ(r.target->actor_id, "mali");
  EXPECT_EQ(r.target->span.end, 16u);
  EXPECT_TRUE(r.target->country_inferred);
  EXPECT_FALSE(r.target->agent_only);
  EXPECT_FALSE(r.source->country_inferred);
  EXPECT_EQ(r.location->name, "Moura");
  EXPECT_DOUBLE_EQ(*r.location->lat, 14.1);
  EXPECT_EQ(r.modality, Modality::kReported);
  EXPECT_EQ(r.rule, a.rule);
  EXPECT_EQ(r.sentence, a.sentence);
  EXPECT_EQ(r.doc_id, "d1");
  EXPECT_EQ(r.title, "Title d1");

  auto count = [&](EventQuery q) {
    auto res = s.QueryEvents(q);
    EXPECT_TRUE(res.ok()) << res.status().message();
    return res.ok() ? res->size() : 999;
  };
  EXPECT_EQ(count(Q([](EventQuery& q) { q.actor_code = "MLI"; })), 3u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.actor_code = "RUS"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.source_code = "MLI"; })), 0u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.actor_ids = {"mali"}; })), 3u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.cameo = "18"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.cameo = "19"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.cameo = "190"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.plover = "COERCE"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.quad_class = 4; })), 3u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.from = ParseIsoDate("2022-04-01"); q.to = ParseIsoDate("2022-12-31"); })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.place = "menaka"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.modality = "alleged"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.country = "MLI"; })), 3u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.text = "sanctioned"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.text = "defence minister"; })), 1u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.text = "Mali's"; })), 1u);  // quoted automatically for FTS5
  EXPECT_EQ(count(Q([](EventQuery& q) { q.text = "attack*"; })), 2u);
  EXPECT_EQ(count(Q([](EventQuery& q) { q.limit = 2; })), 2u);
  auto newest = s.QueryEvents(Q([](EventQuery& q) { q.limit = 1; q.newest_first = true; q.with_doc_ids = true; }));
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ((*newest)[0].record.event_id, c.event_id);
  EXPECT_EQ((*newest)[0].doc_ids, std::vector<std::string>{"d3"});

  auto found = s.FindEvent("bbbb000000000002");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((**found).record.location->name, "Ménaka");
  auto mentions = s.GetMentions((**found).key);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 1u);
  EXPECT_EQ((*mentions)[0].record.doc_id, "d2");

  auto ids = s.ResolveActor("MALI");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"mali"});
  auto actor = s.GetActor("mali");
  ASSERT_TRUE(actor.ok() && actor->has_value());
  EXPECT_FALSE((**actor).aliases.empty());
}

TEST(SqliteStore, RollbackLeavesNothing) {
  auto opened = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(opened.ok());
  Store& s = **opened;
  ASSERT_TRUE(s.Begin().ok());
  StoredDocument d;
  d.doc_id = "x";
  d.content_hash = ContentHash("x");
  d.text = "x";
  ASSERT_TRUE(s.AddDocument(d).ok());
  ASSERT_TRUE(s.Rollback().ok());
  auto st = s.Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 0);
  auto h = s.FindDocumentByHash(d.content_hash);
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(h->has_value());
}

TEST(SqliteStore, SimilarDocumentsByBands) {
  auto opened = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(opened.ok());
  Store& s = **opened;
  StoredDocument d;
  d.doc_id = "orig";
  d.content_hash = ContentHash("orig");
  d.simhash = 0xF0F0F0F0F0F0F0F0ULL;
  d.text = "orig";
  ASSERT_TRUE(s.AddDocument(d).ok());
  auto near = s.FindSimilarDocuments(0xF0F0F0F0F0F0F0F0ULL ^ 0x0001000100010000ULL, 3);
  ASSERT_TRUE(near.ok());
  ASSERT_EQ(near->size(), 1u);
  EXPECT_EQ((*near)[0].distance, 3);
  auto far = s.FindSimilarDocuments(0xF0F0F0F0F0F0F0F0ULL ^ 0x0001000100010001ULL, 3);
  ASSERT_TRUE(far.ok());
  EXPECT_TRUE(far->empty());
}

}  // namespace
}  // namespace griot
