#include "store/ingest.h"

#include <gtest/gtest.h>

#include "dict/dictionary_set.h"
#include "store/export.h"
#include "store/hash.h"
#include "store/sqlite_store.h"

namespace griot {
namespace {

template <typename F>
EventQuery Q(F f) {
  EventQuery q;
  f(q);
  return q;
}


std::shared_ptr<const Coder> TestCoder() {
  static std::shared_ptr<const Coder> coder = [] {
    DictionaryOptions options;
    options.data_dir = GRIOT_SOURCE_DATA_DIR;
    auto dicts = LoadDictionaries(options);
    EXPECT_TRUE(dicts.ok()) << dicts.status().message();
    return std::make_shared<Coder>(*dicts);
  }();
  return coder;
}

class VectorSource : public DocumentSource {
 public:
  explicit VectorSource(std::vector<InputItem> items) : items_(std::move(items)) {}
  bool Next(InputItem* item) override {
    if (next_ >= items_.size()) return false;
    *item = items_[next_++];
    return true;
  }

 private:
  std::vector<InputItem> items_;
  size_t next_ = 0;
};

InputItem Doc(const std::string& id, const std::string& date, const std::string& text) {
  InputItem item;
  item.origin = id + ".txt";
  Document d;
  d.id = id;
  d.origin = item.origin;
  d.date = ParseIsoDate(date);
  d.text = text;
  d.title = "About " + id;
  item.doc = std::move(d);
  return item;
}

InputItem Bad(const std::string& origin) {
  InputItem item;
  item.origin = origin;
  item.error = Status::InvalidInput("invalid UTF-8 at byte 4");
  return item;
}

std::vector<InputItem> Corpus() {
  return {
      Doc("a", "2023-07-24", "The United States sanctioned Mali."),
      Doc("b", "2023-07-25", "The United States has sanctioned Mali, officials said."),
      Doc("c", "2022-03-09", "JNIM fighters attacked Malian troops in Boulkessi."),
      Doc("d", "2022-03-09", "JNIM fighters attacked Malian troops in Mondoro."),
      Bad("broken.txt"),
      Doc("e", "2022-03-10", "JNIM fighters attacked Malian troops."),
      Doc("f", "2023-09-30", "The United States sanctioned Mali."),  // exact copy of a
  };
}

IngestSummary Ingest(Store* store, std::vector<InputItem> items, IngestOptions options = {}) {
  options.threads = 2;
  Ingester ingester(store, TestCoder(), options);
  VectorSource source(std::move(items));
  std::vector<std::string> rejects;
  auto r = ingester.Run(source, [&](const std::string& o, const std::string&) { rejects.push_back(o); }, nullptr);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : IngestSummary();
}

// Every event with its mentions, as text, to compare whole stores.
std::string Dump(Store& s) {
  std::string out;
  auto events = s.QueryEvents(Q([](EventQuery& q) { q.with_doc_ids = true; }));
  EXPECT_TRUE(events.ok());
  for (const StoredEvent& e : *events) {
    out += StoredEventToJson(e) + "\n";
    auto ms = s.GetMentions(e.key);
    EXPECT_TRUE(ms.ok());
    for (const StoredMention& m : *ms) out += "  " + m.record.event_id + " " + m.merge_reason + "\n";
  }
  return out;
}

TEST(Ingest, DeduplicatesDocumentsAndMergesReports) {
  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestSummary s = Ingest(store->get(), Corpus());
  EXPECT_EQ(s.read, 7);
  EXPECT_EQ(s.added, 5);
  EXPECT_EQ(s.duplicates, 1);
  EXPECT_EQ(s.rejected, 1);
  EXPECT_EQ(s.mentions, 5);
  EXPECT_EQ(s.events, 3);  // sanctions (a+b), Boulkessi (c+e), Mondoro (d)
  EXPECT_EQ(s.merged, 2);

  auto sanctions = (*store)->QueryEvents(Q([](EventQuery& q) { q.cameo = "16"; q.with_doc_ids = true; }));
  ASSERT_TRUE(sanctions.ok());
  ASSERT_EQ(sanctions->size(), 1u);
  EXPECT_EQ((*sanctions)[0].mentions, 2);
  EXPECT_EQ((*sanctions)[0].documents, 2);
  EXPECT_EQ((*sanctions)[0].doc_ids, (std::vector<std::string>{"a", "b"}));
  auto mentions = (*store)->GetMentions((*sanctions)[0].key);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_TRUE((*mentions)[0].merge_reason.empty());
  EXPECT_NE((*mentions)[1].merge_reason.find("1 day apart"), std::string::npos) << (*mentions)[1].merge_reason;

  auto boulkessi = (*store)->QueryEvents(Q([](EventQuery& q) { q.place = "Boulkessi"; }));
  ASSERT_TRUE(boulkessi.ok());
  ASSERT_EQ(boulkessi->size(), 1u);
  EXPECT_EQ((*boulkessi)[0].mentions, 2);

  // The same inputs again change nothing.
  const std::string before = Dump(**store);
  IngestSummary again = Ingest(store->get(), Corpus());
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.duplicates, 6);
  EXPECT_EQ(again.events, 0);
  EXPECT_EQ(Dump(**store), before);
}

TEST(Ingest, MergeRulesAreConfigurable) {
  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestOptions options;
  options.merge.enabled = false;
  IngestSummary s = Ingest(store->get(), Corpus(), options);
  EXPECT_EQ(s.events, 5);
  EXPECT_EQ(s.merged, 0);
}

TEST(Ingest, PlaceNamedLaterRepresentsTheEvent) {
  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestSummary s = Ingest(store->get(), {Doc("e", "2022-03-10", "JNIM fighters attacked Malian troops."),
                                          Doc("c", "2022-03-09", "JNIM fighters attacked Malian troops in Boulkessi.")});
  EXPECT_EQ(s.events, 1);
  auto events = (*store)->QueryEvents({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  const StoredEvent& e = (*events)[0];
  ASSERT_TRUE(e.record.location);
  EXPECT_EQ(e.record.location->name, "Boulkessi");
  EXPECT_EQ(e.record.doc_id, "c");  // the representative sentence carries the place
  auto first = (*store)->GetMentions(e.key);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(e.record.event_id, (*first)[0].record.event_id);  // the id stays the first report's
}

TEST(Ingest, NearDuplicatesAreLinkedNotCoded) {
  const std::string article =
      "JNIM fighters attacked Malian troops in Boulkessi on Sunday, the army said in a statement. The "
      "attackers arrived on motorbikes before dawn and set fire to vehicles, according to a local official "
      "who asked not to be named. The region has seen repeated attacks since 2015, and the army has "
      "reinforced its posts along the border with Burkina Faso.";
  std::string copy = article;
  copy.replace(copy.find("a local official"), 16, "one local official");
  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestSummary s = Ingest(store->get(), {Doc("wire", "2022-03-07", article), Doc("syndicated", "2022-03-07", copy)});
  EXPECT_EQ(s.added, 1);
  EXPECT_EQ(s.near_duplicates, 1);
  auto events = (*store)->QueryEvents(Q([](EventQuery& q) { q.with_doc_ids = true; }));
  ASSERT_TRUE(events.ok());
  for (const StoredEvent& e : *events) EXPECT_EQ(e.doc_ids, std::vector<std::string>{"wire"});
  auto original = (*store)->FindDocumentByHash(ContentHash(article));
  ASSERT_TRUE(original.ok() && original->has_value());
  auto copies = (*store)->GetCopies((**original).key);
  ASSERT_TRUE(copies.ok());
  ASSERT_EQ(copies->size(), 1u);
  EXPECT_EQ((*copies)[0].doc_id, "syndicated");
  EXPECT_LE((*copies)[0].distance, 3);
}

TEST(Ingest, TakenDocumentIdsAreMadeUnique) {
  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestSummary s = Ingest(store->get(), {Doc("report", "2023-07-24", "The United States sanctioned Mali."),
                                          Doc("report", "2022-03-09", "JNIM fighters attacked Malian troops.")});
  EXPECT_EQ(s.added, 2);
  auto events = (*store)->QueryEvents({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].record.doc_id.substr(0, 7), "report~");
  EXPECT_EQ((*events)[1].record.doc_id, "report");
}

// A store whose writes fail on the N-th mention: the document being stored must leave no
// trace, and a rerun on a healthy store must end exactly like a clean run.
class FailingStore : public Store {
 public:
  FailingStore(Store* inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  Status Begin() override { return inner_->Begin(); }
  Status Commit() override { return inner_->Commit(); }
  Status Rollback() override { return inner_->Rollback(); }
  Result<std::optional<StoredDocument>> FindDocumentByHash(const std::string& h) override {
    return inner_->FindDocumentByHash(h);
  }
  Result<std::vector<StoredDocument>> FindSimilarDocuments(uint64_t h, int d) override {
    return inner_->FindSimilarDocuments(h, d);
  }
  Result<bool> HasDocumentId(const std::string& id) override { return inner_->HasDocumentId(id); }
  Result<int64_t> AddDocument(const StoredDocument& d) override { return inner_->AddDocument(d); }
  Result<std::optional<StoredDocument>> GetDocument(int64_t k) override { return inner_->GetDocument(k); }
  Result<std::vector<StoredDocument>> GetCopies(int64_t k) override { return inner_->GetCopies(k); }
  Result<int64_t> AddSentence(int64_t d, uint32_t i, const std::string& t) override {
    return inner_->AddSentence(d, i, t);
  }
  Status NoteActor(const ActorRef& a) override { return inner_->NoteActor(a); }
  Result<std::vector<std::string>> ResolveActor(const std::string& n) override { return inner_->ResolveActor(n); }
  Result<std::optional<ActorInfo>> GetActor(const std::string& id) override { return inner_->GetActor(id); }
  Result<std::vector<StoredEvent>> FindEventsNear(const std::string& k, const Date& f, const Date& t) override {
    return inner_->FindEventsNear(k, f, t);
  }
  Result<int64_t> AddEvent(const StoredEvent& e) override { return inner_->AddEvent(e); }
  Status UpdateEvent(const StoredEvent& e) override { return inner_->UpdateEvent(e); }
  Status UpdateEventCounts(int64_t k, int m, int d) override { return inner_->UpdateEventCounts(k, m, d); }
  Result<int64_t> AddMention(const StoredMention& m) override {
    if (++mentions_ == fail_at_) return Status::IoError("disk full (simulated)");
    return inner_->AddMention(m);
  }
  Result<bool> EventHasDocument(int64_t e, int64_t d) override { return inner_->EventHasDocument(e, d); }
  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& q) override { return inner_->QueryEvents(q); }
  Result<std::optional<StoredEvent>> FindEvent(const std::string& id) override { return inner_->FindEvent(id); }
  Result<std::vector<StoredMention>> GetMentions(int64_t k) override { return inner_->GetMentions(k); }
  Result<int64_t> BeginRun(const IngestRun& r) override { return inner_->BeginRun(r); }
  Status UpdateRun(const IngestRun& r) override { return inner_->UpdateRun(r); }
  Status AddReject(int64_t r, const std::string& o, const std::string& why) override {
    return inner_->AddReject(r, o, why);
  }
  Result<StoreStats> Stats() override { return inner_->Stats(); }

 private:
  Store* inner_;
  int fail_at_;
  int mentions_ = 0;
};

TEST(Ingest, FailedDocumentIsNeverHalfStoredAndRerunCompletes) {
  auto clean = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(clean.ok());
  Ingest(clean->get(), Corpus());

  auto store = SqliteStore::Open(":memory:", StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  FailingStore failing(store->get(), 4);  // the 4th mention: document "e" after c and d
  IngestOptions one_thread;
  one_thread.threads = 1;
  Ingester ingester(&failing, TestCoder(), one_thread);
  VectorSource source(Corpus());
  auto r = ingester.Run(source, [](const std::string&, const std::string&) {}, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("disk full"), std::string::npos);
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3);  // a, b, c stored; d's transaction rolled back
  EXPECT_EQ(stats->mentions, 3);
  Ingest(store->get(), Corpus());
  EXPECT_EQ(Dump(**store), Dump(**clean));
}

}  // namespace
}  // namespace griot
