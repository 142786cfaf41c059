// The default Store: one SQLite file (WAL mode), full-text search over reporting sentences
// with FTS5, versioned schema migrations. The schema is documented in docs/store.md.
//
// Opening checks the file before anything is written: a file that is not a SQLite database,
// or a SQLite database of another application (PRAGMA application_id), is refused with an
// error naming it, and is never modified. griot's stores carry application_id 0x6772696F
// ("grio") and PRAGMA user_version = the schema version.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace griot {

enum class StoreMode {
  kReadWrite,  // create the file if missing, migrate an older schema
  kReadOnly,   // the file must exist and be a griot store of a schema this build reads
};

// application_id of griot stores: the bytes "grio".
inline constexpr int32_t kGriotApplicationId = 0x6772696F;
// The schema version this build writes (migrations 1..kSchemaVersion in sqlite_store.cc).
inline constexpr int kSchemaVersion = 2;

class SqliteStore : public Store {
 public:
  // Opens (or creates) the store at `path`; ":memory:" gives a private in-memory store.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, StoreMode mode);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;

  Result<std::optional<StoredDocument>> FindDocumentByHash(const std::string& content_hash) override;
  Result<std::vector<StoredDocument>> FindSimilarDocuments(uint64_t simhash, int max_distance) override;
  Result<bool> HasDocumentId(const std::string& doc_id) override;
  Result<int64_t> AddDocument(const StoredDocument& doc) override;
  Result<std::optional<StoredDocument>> GetDocument(int64_t key) override;
  Result<std::vector<StoredDocument>> GetCopies(int64_t key) override;

  Result<int64_t> AddSentence(int64_t document_key, uint32_t index, const std::string& text) override;

  Status NoteActor(const ActorRef& actor) override;
  Result<std::vector<std::string>> ResolveActor(const std::string& name) override;
  Result<std::optional<ActorInfo>> GetActor(const std::string& actor_id) override;

  Result<std::vector<StoredEvent>> FindEventsNear(const std::string& merge_key, const Date& from,
                                                  const Date& to) override;
  Result<int64_t> AddEvent(const StoredEvent& event) override;
  Status UpdateEvent(const StoredEvent& event) override;
  Status UpdateEventCounts(int64_t key, int mentions, int documents) override;
  Result<int64_t> AddMention(const StoredMention& mention) override;
  Result<bool> EventHasDocument(int64_t event_key, int64_t document_key) override;
  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) override;
  Result<std::optional<StoredEvent>> FindEvent(const std::string& id) override;
  Result<std::vector<StoredMention>> GetMentions(int64_t event_key) override;

  Result<std::vector<EventCount>> CountEvents(const EventQuery& query, const EventGrouping& grouping) override;
  Result<std::vector<EventSummary>> SummarizeEvents(const EventQuery& query) override;
  Result<std::vector<ActorRole>> ActorRoles(const std::string& actor_id) override;
  Result<std::optional<Date>> LastDyadEvent(const EventSummary& like, const Date& since, const Date& before) override;

  Result<int64_t> BeginRun(const IngestRun& run) override;
  Status UpdateRun(const IngestRun& run) override;
  Status AddReject(int64_t run, const std::string& origin, const std::string& reason) override;

  Result<StoreStats> Stats() override;

  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }
  // The SQL and query plan a query would run (for benchmarks and `--explain-plan`).
  Result<std::string> QueryPlan(const EventQuery& query);
  // The SQL and query plan of CountEvents (for benchmarks and checks of index use).
  Result<std::string> CountPlan(const EventQuery& query, const EventGrouping& grouping);

 private:
  SqliteStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  class Stmt;
  Stmt Prepare(const std::string& sql);
  Status Exec(const std::string& sql);
  Status Error(const std::string& what) const;
  Status Migrate(bool read_only);
  std::optional<std::vector<std::string>> ListCodes(const char* column, const std::string& prefix);

  sqlite3* db_;
  std::string path_;
  int schema_version_ = 0;
  int depth_ = 0;
  bool writable_ = false;  // open transaction levels (1: a transaction, more: savepoints)
  std::map<std::string, sqlite3_stmt*> cache_;
};

// Checks that `path` is absent, empty, or a griot store, reading only its header (and, for a
// SQLite file without an application id, its table list). Never writes.
Status CheckStoreFile(const std::string& path);

}  // namespace griot
