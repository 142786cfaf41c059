#include "store/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include "base/utf8.h"
#include "store/hash.h"
#include "store/merge.h"

namespace griot {

namespace fs = std::filesystem;

std::string ResolveStorePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("GRIOT_DB"); env && *env) return env;
  return "griot.db";
}

// ---- the schema ---------------------------------------------------------------------------

namespace {

// The columns of an event record, shared by `events` (the happening) and `mentions` (each
// report). Absent actors and places are NULL in all their columns.
constexpr const char* kRecordColumns =
    "date, date_precision, "
    "source_text, source_code, source_country, source_sector, source_actor_id, source_flags, source_begin, "
    "source_end, "
    "target_text, target_code, target_country, target_sector, target_actor_id, target_flags, target_begin, "
    "target_end, "
    "cameo, cameo_root, quad_class, goldstein, plover, plover_mode, modality, "
    "location_name, location_country, location_admin1, location_lat, location_lon, location_precision, "
    "location_begin, location_end, trigger_begin, trigger_end, rule";
constexpr int kRecordColumnCount = 36;

constexpr const char* kRecordColumnDefs =
    "date TEXT, date_precision TEXT,"
    " source_text TEXT, source_code TEXT, source_country TEXT, source_sector TEXT, source_actor_id TEXT,"
    " source_flags INTEGER, source_begin INTEGER, source_end INTEGER,"
    " target_text TEXT, target_code TEXT, target_country TEXT, target_sector TEXT, target_actor_id TEXT,"
    " target_flags INTEGER, target_begin INTEGER, target_end INTEGER,"
    " cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " plover TEXT, plover_mode TEXT, modality TEXT NOT NULL,"
    " location_name TEXT, location_country TEXT, location_admin1 TEXT, location_lat REAL, location_lon REAL,"
    " location_precision TEXT, location_begin INTEGER, location_end INTEGER,"
    " trigger_begin INTEGER NOT NULL, trigger_end INTEGER NOT NULL, rule TEXT NOT NULL";

struct Migration {
  int version;
  std::string sql;
};

// Migrations, in order. A store at version N runs migrations N+1.. in one transaction each,
// setting PRAGMA user_version with them. Never edit a released migration: add a new one.
const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, fmt::format(R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE runs(
  id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, command TEXT NOT NULL,
  status TEXT NOT NULL, read INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0, near_duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0, events INTEGER NOT NULL DEFAULT 0,
  mentions INTEGER NOT NULL DEFAULT 0);
CREATE TABLE rejects(
  id INTEGER PRIMARY KEY, run INTEGER NOT NULL REFERENCES runs(id), origin TEXT NOT NULL,
  reason TEXT NOT NULL);
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  simhash INTEGER, band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
  duplicate_of INTEGER REFERENCES documents(id),
  distance INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
  sentences INTEGER NOT NULL DEFAULT 0, run INTEGER REFERENCES runs(id),
  text TEXT NOT NULL);
CREATE INDEX documents_band0 ON documents(band0, simhash);
CREATE INDEX documents_band1 ON documents(band1, simhash);
CREATE INDEX documents_band2 ON documents(band2, simhash);
CREATE INDEX documents_band3 ON documents(band3, simhash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE(document, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE actors(
  actor_id TEXT PRIMARY KEY, code TEXT NOT NULL, country TEXT, sector TEXT) WITHOUT ROWID;
CREATE TABLE actor_aliases(
  actor_id TEXT NOT NULL REFERENCES actors(actor_id), key TEXT NOT NULL, alias TEXT NOT NULL,
  mentions INTEGER NOT NULL DEFAULT 1, PRIMARY KEY(actor_id, key)) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases(key);
CREATE TABLE events(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, {0}, place_key TEXT, merge_key TEXT NOT NULL,
  mentions INTEGER NOT NULL DEFAULT 1, documents INTEGER NOT NULL DEFAULT 1,
  document INTEGER NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL REFERENCES sentences(id));
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source_code ON events(source_code, date);
CREATE INDEX events_target_code ON events(target_code, date);
CREATE INDEX events_source_actor ON events(source_actor_id, date);
CREATE INDEX events_target_actor ON events(target_actor_id, date);
CREATE INDEX events_source_country ON events(source_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_location_country ON events(location_country, date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_root ON events(cameo_root, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_quad ON events(quad_class, date);
CREATE INDEX events_place ON events(place_key, date);
CREATE INDEX events_modality ON events(modality, date);
CREATE INDEX events_merge ON events(merge_key, date);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY, mention_id TEXT NOT NULL UNIQUE,
  event INTEGER NOT NULL REFERENCES events(id), document INTEGER NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL REFERENCES sentences(id), sentence_index INTEGER NOT NULL,
  {0}, merge_reason TEXT);
CREATE INDEX mentions_event ON mentions(event, document);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_sentence ON mentions(sentence);
INSERT INTO meta(key, value) VALUES ('created_by', 'griot 0.1.0');
)sql",
                          kRecordColumnDefs)},
      // The codes each dictionary actor was coded with, and when (Store::ActorRoles, actor
      // timelines), read from the indexes alone.
      {2, R"sql(
CREATE INDEX events_source_actor_code ON events(source_actor_id, source_code, date);
CREATE INDEX events_target_actor_code ON events(target_actor_id, target_code, date, source_actor_id);
)sql"},
  };
  return kMigrations;
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Whether an SQLite error message is FTS5 rejecting a full-text query ("fts5: syntax error
// near ...", "unterminated string", "no such column" for a bad column filter): the user's
// query is at fault, not the store.
bool IsFtsQueryError(const std::string& msg) {
  for (const char* m : {"fts5", "syntax", "unterminated", "no such column", "unknown special query"})
    if (msg.find(m) != std::string::npos) return true;
  return false;
}

// The exclusive upper bound of the strings starting with `prefix` ("MLI" -> "MLJ").
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    auto c = static_cast<unsigned char>(prefix.back());
    if (c < 0xFF) {
      prefix.back() = static_cast<char>(c + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return std::string(1, '\xFF');
}

// Makes free text safe for FTS5: terms that are not plain words (e.g. "al-Qaeda", "N'Daw")
// are quoted as phrases; FTS5 operators, prefixes ("Wag*") and quoted phrases pass through.
std::string FtsQuery(const std::string& input) {
  std::string out;
  size_t i = 0;
  while (i < input.size()) {
    if (input[i] == ' ' || input[i] == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    if (input[i] == '"') {
      j = input.find('"', i + 1);
      j = j == std::string::npos ? input.size() : j + 1;
    } else {
      while (j < input.size() && input[j] != ' ' && input[j] != '\t') ++j;
    }
    std::string term = input.substr(i, j - i);
    i = j;
    bool plain = term.front() == '"';
    if (!plain) {
      plain = true;
      for (size_t k = 0; k < term.size(); ++k) {
        auto c = static_cast<unsigned char>(term[k]);
        const bool ok = std::isalnum(c) || c >= 0x80 || c == '_' || c == '(' || c == ')' ||
                        (c == '*' && k + 1 == term.size());
        if (!ok) plain = false;
      }
    }
    if (!out.empty()) out += ' ';
    if (plain) {
      out += term;
    } else {
      out += '"';
      for (char c : term) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
  }
  return out;
}

}  // namespace

// ---- statements ---------------------------------------------------------------------------

// A cached prepared statement; binding is 1-based like SQLite. Reset when it goes out of
// scope so the cache can hand it out again.
class SqliteStore::Stmt {
 public:
  Stmt(sqlite3_stmt* s, sqlite3* db, std::string sql) : s_(s), db_(db), sql_(std::move(sql)) {}
  Stmt(Stmt&& o) noexcept : s_(o.s_), db_(o.db_), sql_(std::move(o.sql_)) { o.s_ = nullptr; }
  ~Stmt() {
    if (s_) {
      sqlite3_reset(s_);
      sqlite3_clear_bindings(s_);
    }
  }
  bool ok() const { return s_ != nullptr; }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    sqlite3_bind_double(s_, i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string(v)); }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  // Binds NULL for an empty string.
  Stmt& BindOpt(int i, const std::string& v) { return v.empty() ? BindNull(i) : Bind(i, v); }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(s_); }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }
  std::string Text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string();
  }
  const std::string& sql() const { return sql_; }
  std::string ErrorMessage() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3_stmt* s_;
  sqlite3* db_;
  std::string sql_;
};

SqliteStore::Stmt SqliteStore::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Stmt(it->second, db_, sql);
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
    return Stmt(nullptr, db_, sql);
  }
  cache_[sql] = s;
  return Stmt(s, db_, sql);
}

Status SqliteStore::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Status::IoError(fmt::format("{}: {}", path_, msg));
  }
  return Status::Ok();
}

Status SqliteStore::Error(const std::string& what) const {
  return Status::IoError(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

// ---- opening ------------------------------------------------------------------------------

Status CheckStoreFile(const std::string& path) {
  if (path == ":memory:" || path.empty()) return Status::Ok();
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::Ok();
  if (fs::is_directory(path, ec)) return Status::InvalidInput(fmt::format("{} is a directory, not a griot store", path));
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot read: {}", path, ec.message()));
  if (size == 0) return Status::Ok();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("{}: cannot open for reading", path));
  unsigned char header[100] = {};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  const auto got = in.gcount();
  static const char kMagic[] = "SQLite format 3";  // 16 bytes with the terminating NUL
  if (got < 100 || std::memcmp(header, kMagic, 16) != 0) {
    return Status::InvalidInput(fmt::format(
        "{} is not a griot store (not a SQLite database); refusing to open it, the file is left untouched", path));
  }
  const int32_t app_id = static_cast<int32_t>((uint32_t{header[68]} << 24) | (uint32_t{header[69]} << 16) |
                                              (uint32_t{header[70]} << 8) | uint32_t{header[71]});
  if (app_id == kGriotApplicationId) return Status::Ok();
  if (app_id != 0) {
    return Status::InvalidInput(fmt::format(
        "{} is a SQLite database of another application (application_id 0x{:08x}); refusing to open it, "
        "the file is left untouched",
        path, static_cast<uint32_t>(app_id)));
  }
  // A SQLite file without an application id: acceptable only if it holds no tables yet.
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  int64_t tables = -1;
  if (rc == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      tables = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close(db);
  if (tables < 0)
    return Status::InvalidInput(fmt::format("{} is not a readable SQLite database ({}); the file is left untouched",
                                            path, msg));
  if (tables > 0)
    return Status::InvalidInput(fmt::format(
        "{} is a SQLite database of another application (it has tables but no griot application_id); "
        "refusing to open it, the file is left untouched",
        path));
  return Status::Ok();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, StoreMode mode) {
  const bool memory = path == ":memory:";
  if (mode == StoreMode::kReadOnly && !memory) {
    std::error_code ec;
    if (!fs::exists(path, ec))
      return Status::NotFound(fmt::format("no griot store at {} (create one with `griot ingest --db {}`)", path, path));
  }
  if (Status s = CheckStoreFile(path); !s.ok()) return s;
  sqlite3* db = nullptr;
  const int flags = mode == StoreMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                 : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError(fmt::format("{}: cannot open: {}", path, msg));
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  sqlite3_busy_timeout(db, 10000);
  // Pages are read through a memory map (no copy per page read); 1 GiB of address space.
  sqlite3_exec(db, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
  sqlite3_extended_result_codes(db, 1);
  if (Status s = store->Migrate(mode == StoreMode::kReadOnly); !s.ok()) return s;
  return store;
}

Status SqliteStore::Migrate(bool read_only) {
  int64_t app_id = 0, version = 0;
  {
    Stmt s = Prepare("PRAGMA application_id");
    if (!s.ok() || s.Step() != SQLITE_ROW) return Error("cannot read the database header");
    app_id = s.Int(0);
  }
  {
    Stmt s = Prepare("PRAGMA user_version");
    if (!s.ok() || s.Step() != SQLITE_ROW) return Error("cannot read the schema version");
    version = s.Int(0);
  }
  if (app_id != 0 && app_id != kGriotApplicationId)
    return Status::InvalidInput(fmt::format("{} is a SQLite database of another application; left untouched", path_));
  if (version > kSchemaVersion)
    return Status::Unsupported(fmt::format(
        "{} has schema version {}, newer than this griot reads ({}); upgrade griot", path_, version, kSchemaVersion));
  if (read_only) {
    if (version < kSchemaVersion)
      return Status::Unsupported(fmt::format(
          "{} has schema version {}; run `griot ingest --db {}` once to upgrade it to {}", path_, version, path_,
          kSchemaVersion));
    schema_version_ = static_cast<int>(version);
    return Exec("PRAGMA query_only = ON");
  }
  // A new file gets its application id before anything else, written in rollback-journal
  // mode so the id is in the main file's header even if the process dies right after.
  if (app_id == 0) {
    if (Status s = Exec(fmt::format("PRAGMA application_id = {}", kGriotApplicationId)); !s.ok()) return s;
  }
  if (path_ != ":memory:") {
    if (Status s = Exec("PRAGMA journal_mode = WAL"); !s.ok()) return s;
  }
  // synchronous=NORMAL in WAL mode: a commit survives the process being killed at any moment
  // (it is in the WAL before COMMIT returns); only a power loss may undo the last commits,
  // never corrupt the file.
  if (Status s = Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -131072; "
                      "PRAGMA temp_store = MEMORY");
      !s.ok())
    return s;
  for (const Migration& m : Migrations()) {
    if (m.version <= version) continue;
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = Exec(m.sql);
    if (s.ok()) s = Exec(fmt::format("PRAGMA user_version = {}", m.version));
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return Status::IoError(fmt::format("schema migration {} failed: {}", m.version, s.message()));
    }
    version = m.version;
  }
  schema_version_ = static_cast<int>(version);
  writable_ = true;
  return Status::Ok();
}

SqliteStore::~SqliteStore() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  // Refreshes the planner's statistics where they are stale (bounded: analysis_limit).
  if (writable_) sqlite3_exec(db_, "PRAGMA analysis_limit = 400; PRAGMA optimize;", nullptr, nullptr, nullptr);
  sqlite3_close(db_);
}

// ---- transactions -------------------------------------------------------------------------

// Nested transactions: the outermost Begin() opens a transaction, inner ones savepoints.
Status SqliteStore::Begin() {
  Status s = depth_ == 0 ? Exec("BEGIN IMMEDIATE") : Exec(fmt::format("SAVEPOINT s{}", depth_));
  if (s.ok()) ++depth_;
  return s;
}

Status SqliteStore::Commit() {
  if (depth_ == 0) return Status::Internal("commit without a transaction");
  Status s = depth_ == 1 ? Exec("COMMIT") : Exec(fmt::format("RELEASE s{}", depth_ - 1));
  if (s.ok()) --depth_;
  return s;
}

Status SqliteStore::Rollback() {
  if (depth_ == 0) return Status::Ok();
  --depth_;
  if (depth_ == 0) return sqlite3_get_autocommit(db_) ? Status::Ok() : Exec("ROLLBACK");
  Status s = Exec(fmt::format("ROLLBACK TO s{}", depth_));
  if (s.ok()) s = Exec(fmt::format("RELEASE s{}", depth_));
  return s;
}

// ---- documents ----------------------------------------------------------------------------

namespace {
constexpr const char* kDocumentColumns =
    "id, doc_id, content_hash, simhash, duplicate_of, distance, origin, source, url, title, date, sentences, run";
}

#define GRIOT_PREPARE(var, sql)                                             \
  Stmt var = Prepare(sql);                                                  \
  if (!var.ok()) return Error("cannot prepare statement")

namespace {

template <typename S>
StoredDocument ReadDocument(const S& s, bool with_text) {
  StoredDocument d;
  d.key = s.Int(0);
  d.doc_id = s.Text(1);
  d.content_hash = s.Text(2);
  if (!s.IsNull(3)) d.simhash = static_cast<uint64_t>(s.Int(3));
  if (!s.IsNull(4)) d.duplicate_of = s.Int(4);
  d.distance = static_cast<int>(s.Int(5));
  d.origin = s.Text(6);
  d.source = s.Text(7);
  d.url = s.Text(8);
  d.title = s.Text(9);
  if (!s.IsNull(10)) d.date = ParseIsoDate(s.Text(10));
  d.sentences = static_cast<uint32_t>(s.Int(11));
  d.run = s.Int(12);
  if (with_text) d.text = s.Text(13);
  return d;
}

}  // namespace

Result<std::optional<StoredDocument>> SqliteStore::FindDocumentByHash(const std::string& content_hash) {
  GRIOT_PREPARE(s, fmt::format("SELECT {} FROM documents WHERE content_hash = ?", kDocumentColumns));
  s.Bind(1, content_hash);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<StoredDocument>(ReadDocument(s, false));
  if (rc != SQLITE_DONE) return Error("looking up a document");
  return std::optional<StoredDocument>();
}

Result<std::vector<StoredDocument>> SqliteStore::FindSimilarDocuments(uint64_t simhash, int max_distance) {
  // Four index-only scans, one per band: (bandN, simhash) holds the fingerprint, so only
  // documents within the distance are read.
  std::vector<int64_t> keys;
  for (int b = 0; b < 4; ++b) {
    GRIOT_PREPARE(s, fmt::format("SELECT id, simhash FROM documents WHERE band{} = ?", b));
    s.Bind(1, static_cast<int64_t>(SimHashBand(simhash, b)));
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      if (s.IsNull(1)) continue;
      if (HammingDistance(static_cast<uint64_t>(s.Int(1)), simhash) <= max_distance) keys.push_back(s.Int(0));
    }
    if (rc != SQLITE_DONE) return Error("looking up similar documents");
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<StoredDocument> out;
  for (int64_t key : keys) {
    GRIOT_PREPARE(s, fmt::format("SELECT {} FROM documents WHERE id = ? AND duplicate_of IS NULL", kDocumentColumns));
    s.Bind(1, key);
    const int rc = s.Step();
    if (rc == SQLITE_DONE) continue;
    if (rc != SQLITE_ROW) return Error("reading a similar document");
    StoredDocument d = ReadDocument(s, false);
    d.distance = HammingDistance(*d.simhash, simhash);
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const StoredDocument& a, const StoredDocument& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.key < b.key;
  });
  return out;
}

Result<bool> SqliteStore::HasDocumentId(const std::string& doc_id) {
  GRIOT_PREPARE(s, "SELECT 1 FROM documents WHERE doc_id = ?");
  s.Bind(1, doc_id);
  int rc = s.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("looking up a document id");
  return rc == SQLITE_ROW;
}

Result<int64_t> SqliteStore::AddDocument(const StoredDocument& d) {
  GRIOT_PREPARE(s,
                "INSERT INTO documents(doc_id, content_hash, simhash, band0, band1, band2, band3, duplicate_of, "
                "distance, origin, source, url, title, date, text, sentences, run) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  s.Bind(1, d.doc_id).Bind(2, d.content_hash);
  if (d.simhash) {
    s.Bind(3, static_cast<int64_t>(*d.simhash));
    for (int b = 0; b < 4; ++b) s.Bind(4 + b, static_cast<int64_t>(SimHashBand(*d.simhash, b)));
  } else {
    for (int b = 3; b <= 7; ++b) s.BindNull(b);
  }
  if (d.duplicate_of) s.Bind(8, *d.duplicate_of);
  else s.BindNull(8);
  s.Bind(9, d.distance).Bind(10, d.origin).Bind(11, d.source).Bind(12, d.url).Bind(13, d.title);
  if (d.date) s.Bind(14, d.date->ToString());
  else s.BindNull(14);
  s.Bind(15, d.text).Bind(16, d.sentences);
  if (d.run) s.Bind(17, d.run);
  else s.BindNull(17);
  if (s.Step() != SQLITE_DONE) return Error(fmt::format("storing document {}", d.doc_id));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<std::optional<StoredDocument>> SqliteStore::GetDocument(int64_t key) {
  GRIOT_PREPARE(s, fmt::format("SELECT {}, text FROM documents WHERE id = ?", kDocumentColumns));
  s.Bind(1, key);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<StoredDocument>(ReadDocument(s, true));
  if (rc != SQLITE_DONE) return Error("reading a document");
  return std::optional<StoredDocument>();
}

Result<std::vector<StoredDocument>> SqliteStore::GetCopies(int64_t key) {
  GRIOT_PREPARE(s, fmt::format("SELECT {} FROM documents WHERE duplicate_of = ? ORDER BY id", kDocumentColumns));
  s.Bind(1, key);
  std::vector<StoredDocument> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadDocument(s, false));
  if (rc != SQLITE_DONE) return Error("reading copies of a document");
  return out;
}

// ---- sentences ----------------------------------------------------------------------------

Result<int64_t> SqliteStore::AddSentence(int64_t document_key, uint32_t index, const std::string& text) {
  {
    GRIOT_PREPARE(s, "SELECT id FROM sentences WHERE document = ? AND idx = ?");
    s.Bind(1, document_key).Bind(2, index);
    int rc = s.Step();
    if (rc == SQLITE_ROW) return s.Int(0);
    if (rc != SQLITE_DONE) return Error("looking up a sentence");
  }
  GRIOT_PREPARE(s, "INSERT INTO sentences(document, idx, text) VALUES (?,?,?)");
  s.Bind(1, document_key).Bind(2, index).Bind(3, text);
  if (s.Step() != SQLITE_DONE) return Error("storing a sentence");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

// ---- actors -------------------------------------------------------------------------------

Status SqliteStore::NoteActor(const ActorRef& a) {
  if (a.actor_id.empty()) return Status::Ok();
  {
    GRIOT_PREPARE(s,
                  "INSERT INTO actors(actor_id, code, country, sector) VALUES (?1,?2,?3,?4) "
                  "ON CONFLICT(actor_id) DO UPDATE SET code = ?2, country = ?3, sector = ?4");
    s.Bind(1, a.actor_id).Bind(2, a.code).BindOpt(3, a.country).BindOpt(4, a.sector);
    if (s.Step() != SQLITE_DONE) return Error("storing an actor");
  }
  if (a.text.empty()) return Status::Ok();
  GRIOT_PREPARE(s,
                "INSERT INTO actor_aliases(actor_id, key, alias) VALUES (?1,?2,?3) "
                "ON CONFLICT(actor_id, key) DO UPDATE SET mentions = mentions + 1");
  s.Bind(1, a.actor_id).Bind(2, FoldKey(a.text)).Bind(3, a.text);
  if (s.Step() != SQLITE_DONE) return Error("storing an actor alias");
  return Status::Ok();
}

Result<std::vector<std::string>> SqliteStore::ResolveActor(const std::string& name) {
  const std::string key = FoldKey(name);
  std::string id_form = key;
  std::replace(id_form.begin(), id_form.end(), ' ', '_');
  GRIOT_PREPARE(s,
                "SELECT actor_id FROM actors WHERE actor_id = ?1 "
                "UNION SELECT actor_id FROM actor_aliases WHERE key = ?2 ORDER BY 1");
  s.Bind(1, id_form).Bind(2, key);
  std::vector<std::string> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(s.Text(0));
  if (rc != SQLITE_DONE) return Error("resolving an actor");
  return out;
}

Result<std::optional<ActorInfo>> SqliteStore::GetActor(const std::string& actor_id) {
  ActorInfo info;
  {
    GRIOT_PREPARE(s, "SELECT actor_id, code, country, sector FROM actors WHERE actor_id = ?");
    s.Bind(1, actor_id);
    int rc = s.Step();
    if (rc == SQLITE_DONE) return std::optional<ActorInfo>();
    if (rc != SQLITE_ROW) return Error("reading an actor");
    info.actor_id = s.Text(0);
    info.code = s.Text(1);
    info.country = s.Text(2);
    info.sector = s.Text(3);
  }
  GRIOT_PREPARE(s, "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY mentions DESC, alias");
  s.Bind(1, actor_id);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) info.aliases.push_back(s.Text(0));
  if (rc != SQLITE_DONE) return Error("reading actor aliases");
  return std::optional<ActorInfo>(std::move(info));
}

// ---- events -------------------------------------------------------------------------------

namespace {

// Actor flags column: bit 0 agent_only, bit 1 country_inferred.
int ActorFlags(const ActorRef& a) { return (a.agent_only ? 1 : 0) | (a.country_inferred ? 2 : 0); }

// Binds the 8 columns of an actor at parameter *i and advances *i.
template <typename S>
void BindActor(S& s, int* i, const std::optional<ActorRef>& a) {
  if (!a) {
    for (int k = 0; k < 8; ++k) s.BindNull((*i)++);
    return;
  }
  s.Bind((*i)++, a->text);
  s.Bind((*i)++, a->code);
  s.BindOpt((*i)++, a->country);
  s.BindOpt((*i)++, a->sector);
  s.BindOpt((*i)++, a->actor_id);
  s.Bind((*i)++, ActorFlags(*a));
  s.Bind((*i)++, a->span.begin);
  s.Bind((*i)++, a->span.end);
}

// Binds the record columns (kRecordColumnCount) starting at parameter `i`.
template <typename S>
void BindRecord(S& s, int i, const Event& e) {
  if (e.date.valid()) {
    s.Bind(i++, e.date.ToString());
    s.Bind(i++, e.date.PrecisionName());
  } else {
    s.BindNull(i++);
    s.BindNull(i++);
  }
  BindActor(s, &i, e.source);
  BindActor(s, &i, e.target);
  s.Bind(i++, e.cameo);
  s.Bind(i++, e.cameo_root);
  s.Bind(i++, e.quad_class);
  s.Bind(i++, e.goldstein);
  s.BindOpt(i++, e.plover);
  s.BindOpt(i++, e.plover_mode);
  s.Bind(i++, ModalityName(e.modality));
  if (e.location) {
    const Location& l = *e.location;
    s.Bind(i++, l.name);
    s.BindOpt(i++, l.country);
    s.BindOpt(i++, l.admin1);
    if (l.lat) s.Bind(i++, *l.lat);
    else s.BindNull(i++);
    if (l.lon) s.Bind(i++, *l.lon);
    else s.BindNull(i++);
    s.Bind(i++, l.precision);
    s.Bind(i++, l.span.begin);
    s.Bind(i++, l.span.end);
  } else {
    for (int k = 0; k < 8; ++k) s.BindNull(i++);
  }
  s.Bind(i++, e.trigger.begin);
  s.Bind(i++, e.trigger.end);
  s.Bind(i++, e.rule);
}

Modality ParseModality(const std::string& m) {
  for (Modality x : {Modality::kAsserted, Modality::kReported, Modality::kAlleged, Modality::kNegated,
                     Modality::kFuture})
    if (m == ModalityName(x)) return x;
  return Modality::kAsserted;
}

// Reads the 8 columns of an actor at column *c and advances *c.
template <typename S>
std::optional<ActorRef> ReadActor(const S& s, int* c) {
  const int at = *c;
  *c += 8;
  if (s.IsNull(at + 1)) return std::nullopt;
  ActorRef a;
  a.text = s.Text(at);
  a.code = s.Text(at + 1);
  a.country = s.Text(at + 2);
  a.sector = s.Text(at + 3);
  a.actor_id = s.Text(at + 4);
  const int64_t flags = s.Int(at + 5);
  a.agent_only = flags & 1;
  a.country_inferred = flags & 2;
  a.span = {static_cast<uint32_t>(s.Int(at + 6)), static_cast<uint32_t>(s.Int(at + 7))};
  return a;
}

// Reads the record columns starting at column `c`.
template <typename S>
void ReadRecord(const S& s, int c, Event* e) {
  if (!s.IsNull(c)) {
    if (auto d = ParseIsoDate(s.Text(c))) {
      e->date = *d;
      const std::string p = s.Text(c + 1);
      e->date.precision = p == "month"  ? Date::Precision::kMonth
                          : p == "year" ? Date::Precision::kYear
                                        : Date::Precision::kDay;
    }
  }
  c += 2;
  e->source = ReadActor(s, &c);
  e->target = ReadActor(s, &c);
  e->cameo = s.Text(c++);
  e->cameo_root = s.Text(c++);
  e->quad_class = static_cast<int>(s.Int(c++));
  e->goldstein = s.Real(c++);
  e->plover = s.Text(c++);
  e->plover_mode = s.Text(c++);
  e->modality = ParseModality(s.Text(c++));
  if (!s.IsNull(c)) {
    Location l;
    l.name = s.Text(c);
    l.country = s.Text(c + 1);
    l.admin1 = s.Text(c + 2);
    if (!s.IsNull(c + 3)) l.lat = s.Real(c + 3);
    if (!s.IsNull(c + 4)) l.lon = s.Real(c + 4);
    l.precision = s.Text(c + 5);
    l.span = {static_cast<uint32_t>(s.Int(c + 6)), static_cast<uint32_t>(s.Int(c + 7))};
    e->location = std::move(l);
  }
  c += 8;
  e->trigger = {static_cast<uint32_t>(s.Int(c)), static_cast<uint32_t>(s.Int(c + 1))};
  e->rule = s.Text(c + 2);
}

std::string PrefixedColumns(const char* prefix) {
  std::string out;
  std::string_view cols = kRecordColumns;
  size_t i = 0;
  while (i < cols.size()) {
    size_t j = cols.find(',', i);
    if (j == std::string_view::npos) j = cols.size();
    std::string_view col = cols.substr(i, j - i);
    while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out += prefix;
    out += col;
    i = j + 1;
  }
  return out;
}

// Columns read for a StoredEvent: id, event_id, the record columns, counts, the first
// mention's sentence and document.
const std::string& EventSelect() {
  static const std::string kSelect = fmt::format(
      "SELECT e.id, e.event_id, {}, e.mentions, e.documents, e.document, e.sentence, s.idx, s.text, d.doc_id, "
      "d.title, d.source, d.url FROM events e JOIN sentences s ON s.id = e.sentence "
      "JOIN documents d ON d.id = e.document",
      PrefixedColumns("e."));
  return kSelect;
}

template <typename S>
StoredEvent ReadEvent(const S& s) {
  StoredEvent ev;
  ev.key = s.Int(0);
  ev.record.event_id = s.Text(1);
  ReadRecord(s, 2, &ev.record);
  constexpr int c = 2 + kRecordColumnCount;
  ev.mentions = static_cast<int>(s.Int(c));
  ev.documents = static_cast<int>(s.Int(c + 1));
  ev.document_key = s.Int(c + 2);
  ev.sentence_key = s.Int(c + 3);
  ev.record.sentence_index = static_cast<uint32_t>(s.Int(c + 4));
  ev.record.sentence = s.Text(c + 5);
  ev.record.doc_id = s.Text(c + 6);
  ev.record.title = s.Text(c + 7);
  ev.record.source_name = s.Text(c + 8);
  ev.record.url = s.Text(c + 9);
  return ev;
}

std::string PlaceKey(const Event& e) { return e.location ? FoldKey(e.location->name) : std::string(); }

}  // namespace

Result<std::vector<StoredEvent>> SqliteStore::FindEventsNear(const std::string& merge_key, const Date& from,
                                                             const Date& to) {
  GRIOT_PREPARE(s, EventSelect() + " WHERE e.merge_key = ? AND e.date BETWEEN ? AND ? ORDER BY e.id");
  s.Bind(1, merge_key).Bind(2, from.ToString()).Bind(3, to.ToString());
  std::vector<StoredEvent> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadEvent(s));
  if (rc != SQLITE_DONE) return Error("looking up events to merge with");
  return out;
}

Result<int64_t> SqliteStore::AddEvent(const StoredEvent& ev) {
  static const std::string kSql = [] {
    std::string q;
    for (int i = 0; i < kRecordColumnCount + 6; ++i) q += ",?";
    return fmt::format(
        "INSERT INTO events(event_id, {}, place_key, mentions, documents, document, sentence, merge_key) "
        "VALUES (?{})",
        kRecordColumns, q);
  }();
  GRIOT_PREPARE(s, kSql);
  s.Bind(1, ev.record.event_id);
  BindRecord(s, 2, ev.record);
  constexpr int c = 2 + kRecordColumnCount;
  s.BindOpt(c, PlaceKey(ev.record)).Bind(c + 1, ev.mentions).Bind(c + 2, ev.documents);
  s.Bind(c + 3, ev.document_key).Bind(c + 4, ev.sentence_key).Bind(c + 5, MergeKey(ev.record));
  if (s.Step() != SQLITE_DONE) return Error(fmt::format("storing event {}", ev.record.event_id));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status SqliteStore::UpdateEvent(const StoredEvent& ev) {
  static const std::string kSql = [] {
    std::string set;
    std::string_view cols = kRecordColumns;
    size_t i = 0;
    int n = 1;
    while (i < cols.size()) {
      size_t j = cols.find(',', i);
      if (j == std::string_view::npos) j = cols.size();
      std::string_view col = cols.substr(i, j - i);
      while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
      set += fmt::format("{}{} = ?{}", set.empty() ? "" : ", ", col, n++);
      i = j + 1;
    }
    return fmt::format(
        "UPDATE events SET {}, place_key = ?{}, mentions = ?{}, documents = ?{}, document = ?{}, sentence = ?{}, "
        "merge_key = ?{} WHERE id = ?{}",
        set, n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6);
  }();
  GRIOT_PREPARE(s, kSql);
  BindRecord(s, 1, ev.record);
  constexpr int c = 1 + kRecordColumnCount;
  s.BindOpt(c, PlaceKey(ev.record)).Bind(c + 1, ev.mentions).Bind(c + 2, ev.documents);
  s.Bind(c + 3, ev.document_key).Bind(c + 4, ev.sentence_key).Bind(c + 5, MergeKey(ev.record)).Bind(c + 6, ev.key);
  if (s.Step() != SQLITE_DONE) return Error(fmt::format("updating event {}", ev.record.event_id));
  return Status::Ok();
}

Status SqliteStore::UpdateEventCounts(int64_t key, int mentions, int documents) {
  GRIOT_PREPARE(s, "UPDATE events SET mentions = ?, documents = ? WHERE id = ?");
  s.Bind(1, mentions).Bind(2, documents).Bind(3, key);
  if (s.Step() != SQLITE_DONE) return Error("updating event counts");
  return Status::Ok();
}

Result<int64_t> SqliteStore::AddMention(const StoredMention& m) {
  static const std::string kSql = [] {
    std::string q;
    for (int i = 0; i < kRecordColumnCount; ++i) q += ",?";
    return fmt::format(
        "INSERT INTO mentions(mention_id, event, document, sentence, sentence_index, {}, merge_reason) "
        "VALUES (?,?,?,?,?{},?)",
        kRecordColumns, q);
  }();
  GRIOT_PREPARE(s, kSql);
  s.Bind(1, m.record.event_id).Bind(2, m.event_key).Bind(3, m.document_key).Bind(4, m.sentence_key);
  s.Bind(5, m.record.sentence_index);
  BindRecord(s, 6, m.record);
  s.BindOpt(6 + kRecordColumnCount, m.merge_reason);
  if (s.Step() != SQLITE_DONE) return Error(fmt::format("storing mention {}", m.record.event_id));
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<bool> SqliteStore::EventHasDocument(int64_t event_key, int64_t document_key) {
  GRIOT_PREPARE(s, "SELECT 1 FROM mentions WHERE event = ? AND document = ? LIMIT 1");
  s.Bind(1, event_key).Bind(2, document_key);
  int rc = s.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("reading mentions");
  return rc == SQLITE_ROW;
}

namespace {

// The conditions of a query and their parameters. Each condition is a list of alternatives
// (OR); most have one. A query with alternatives runs as a UNION of one index-only branch
// per combination, each date-ordered and limited, so that "source or target is X" reads two
// indexes in date order instead of sorting every match.
struct Where {
  std::vector<std::vector<std::string>> conditions;
  std::vector<std::string> params;  // all text; SQLite compares integer columns by affinity
  std::string Add(std::string v) {
    params.push_back(std::move(v));
    return fmt::format("?{}", params.size());
  }
  void And(std::string term) { conditions.push_back({std::move(term)}); }
  void AndAnyOf(std::vector<std::string> terms) { conditions.push_back(std::move(terms)); }
};

std::string InList(Where& w, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ',';
    out += w.Add(id);
  }
  return out;
}

// The distinct values of an indexed column starting with a prefix, or nullopt if there are
// too many to list (then the prefix is searched as a range).
using CodeLister = std::function<std::optional<std::vector<std::string>>(const char* column, const std::string& prefix)>;

Where BuildWhere(const EventQuery& q, const CodeLister& list_codes) {
  Where w;
  auto code_prefix = [&](const char* col, const std::string& lo, const std::string& hi) {
    return fmt::format("e.{0} >= {1} AND e.{0} < {2}", col, lo, hi);
  };
  // A code prefix ("MLI") becomes one alternative per code present (MLIGOV, MLIMIL, ...):
  // each reads its (code, date) index in date order, where a range would need a sort of
  // every match.
  auto codes = [&](const char* col, const std::string& prefix) {
    std::vector<std::string> alternatives;
    if (auto listed = list_codes(col, prefix)) {
      for (const std::string& code : *listed) alternatives.push_back(fmt::format("e.{} = {}", col, w.Add(code)));
      if (alternatives.empty()) alternatives.push_back("0");  // nothing has this prefix
    } else {
      const std::string lo = w.Add(prefix), hi = w.Add(PrefixEnd(prefix));
      alternatives.push_back(code_prefix(col, lo, hi));
    }
    return alternatives;
  };
  if (!q.actor_code.empty()) {
    std::vector<std::string> any = codes("source_code", q.actor_code);
    for (std::string& t : codes("target_code", q.actor_code)) any.push_back(std::move(t));
    w.AndAnyOf(std::move(any));
  }
  if (!q.source_code.empty()) w.AndAnyOf(codes("source_code", q.source_code));
  if (!q.target_code.empty()) w.AndAnyOf(codes("target_code", q.target_code));
  if (!q.actor_ids.empty()) {
    const std::string list = InList(w, q.actor_ids);
    w.AndAnyOf({fmt::format("e.source_actor_id IN ({})", list), fmt::format("e.target_actor_id IN ({})", list)});
  }
  if (!q.source_ids.empty()) w.And(fmt::format("e.source_actor_id IN ({})", InList(w, q.source_ids)));
  if (!q.target_ids.empty()) w.And(fmt::format("e.target_actor_id IN ({})", InList(w, q.target_ids)));
  if (!q.country.empty()) {
    const std::string p = w.Add(q.country);
    w.AndAnyOf({fmt::format("e.source_country = {}", p), fmt::format("e.target_country = {}", p),
                fmt::format("e.location_country = {}", p)});
  }
  if (!q.cameo.empty()) {
    if (q.cameo.size() == 2) {
      w.And(fmt::format("e.cameo_root = {}", w.Add(q.cameo)));
    } else {
      w.AndAnyOf(codes("cameo", q.cameo));
    }
  }
  if (!q.plover.empty()) w.And(fmt::format("e.plover = {}", w.Add(q.plover)));
  if (q.quad_class) w.And(fmt::format("e.quad_class = {}", q.quad_class));
  if (q.from) w.And(fmt::format("e.date >= {}", w.Add(q.from->ToString())));
  if (q.to) w.And(fmt::format("e.date <= {}", w.Add(q.to->ToString())));
  if (!q.place.empty()) w.And(fmt::format("e.place_key = {}", w.Add(FoldKey(q.place))));
  if (!q.modality.empty()) w.And(fmt::format("e.modality = {}", w.Add(q.modality)));
  if (!q.text.empty())
    w.And(fmt::format(
        "e.id IN (SELECT m.event FROM mentions m WHERE m.sentence IN "
        "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH {}))",
        w.Add(FtsQuery(q.text))));
  return w;
}

// Every combination of the alternatives of `w` is one branch (a conjunction of terms).
std::vector<std::vector<std::string>> Branches(const Where& w) {
  // SQLite takes at most 500 terms in a compound SELECT: past kMaxBranches, a condition's
  // alternatives are OR-ed inside each branch instead of multiplying the branches (the same
  // events, a slower plan).
  constexpr size_t kMaxBranches = 128;
  std::vector<std::vector<std::string>> branches = {{}};
  for (const auto& alternatives : w.conditions) {
    if (alternatives.size() > 1 && branches.size() * alternatives.size() > kMaxBranches) {
      std::string any;
      for (const auto& alt : alternatives) any += (any.empty() ? "(" : " OR ") + alt;
      any += ")";
      for (auto& b : branches) b.push_back(any);
      continue;
    }
    std::vector<std::vector<std::string>> next;
    for (const auto& b : branches)
      for (const auto& alt : alternatives) {
        next.push_back(b);
        next.back().push_back(alt);
      }
    branches = std::move(next);
  }
  return branches;
}

// The WHERE clause selecting the events of `w` from `events e`, for aggregates (no order,
// no limit): the terms themselves for one branch, else the union of the branches' ids, each
// branch reading its own index.
std::string FilterSql(const Where& w) {
  const auto branches = Branches(w);
  auto terms_sql = [](const std::vector<std::string>& terms) {
    std::string sql;
    for (size_t i = 0; i < terms.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + terms[i];
    return sql;
  };
  if (branches.size() == 1) return terms_sql(branches[0]);
  std::string ids;
  for (const auto& b : branches) ids += (ids.empty() ? "" : " UNION ") + ("SELECT e.id FROM events e" + terms_sql(b));
  return " WHERE e.id IN (" + ids + ")";
}

std::string QuerySql(const EventQuery& q, const Where& w) {
  const char* order = q.newest_first ? " ORDER BY e.date DESC, e.id DESC" : " ORDER BY e.date, e.id";
  // limit + offset saturates: a huge --limit reads everything rather than overflowing.
  const bool bounded = q.limit > 0 && q.offset >= 0 && q.limit <= INT64_MAX - q.offset;
  const std::string limit = bounded ? fmt::format(" LIMIT {}", q.limit + q.offset) : "";
  const auto branches = Branches(w);
  auto branch_sql = [&](const std::vector<std::string>& terms) {
    std::string sql = "SELECT e.id FROM events e";
    for (size_t i = 0; i < terms.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + terms[i];
    return sql + order + limit;
  };
  std::string sql = EventSelect();
  if (q.with_doc_ids)
    sql.insert(sql.find(" FROM events e"),
               ", (SELECT group_concat(doc_id, char(9)) FROM (SELECT d2.doc_id FROM mentions m2 JOIN documents d2 "
               "ON d2.id = m2.document WHERE m2.event = e.id GROUP BY d2.id ORDER BY min(m2.id)))");
  if (branches.size() == 1 && branches[0].empty()) {
    sql += order;
  } else if (branches.size() == 1) {
    sql += " WHERE e.id IN (" + branch_sql(branches[0]) + ")" + order;
  } else {
    std::string ids;
    for (const auto& b : branches) ids += (ids.empty() ? "" : " UNION ") + ("SELECT * FROM (" + branch_sql(b) + ")");
    sql += " WHERE e.id IN (" + ids + ")" + order;
  }
  if (q.limit > 0) sql += fmt::format(" LIMIT {}", q.limit);
  if (q.offset > 0) sql += fmt::format("{} OFFSET {}", q.limit > 0 ? "" : " LIMIT -1", q.offset);
  return sql;
}

}  // namespace

std::optional<std::vector<std::string>> SqliteStore::ListCodes(const char* column, const std::string& prefix) {
  // A skip-scan by hand: one index seek per distinct value, at most kMax of them.
  constexpr size_t kMax = 64;
  const std::string sql =
      fmt::format("SELECT {0} FROM events WHERE {0} > ?1 AND {0} < ?2 ORDER BY {0} LIMIT 1", column);
  std::vector<std::string> out;
  std::string after = prefix;
  {
    Stmt exact = Prepare(fmt::format("SELECT 1 FROM events WHERE {} = ? LIMIT 1", column));
    if (!exact.ok()) return std::nullopt;
    exact.Bind(1, prefix);
    if (exact.Step() == SQLITE_ROW) out.push_back(prefix);
  }
  const std::string end = PrefixEnd(prefix);
  while (out.size() <= kMax) {
    Stmt s = Prepare(sql);
    if (!s.ok()) return std::nullopt;
    s.Bind(1, after).Bind(2, end);
    const int rc = s.Step();
    if (rc == SQLITE_DONE) return out;
    if (rc != SQLITE_ROW) return std::nullopt;
    after = s.Text(0);
    out.push_back(after);
  }
  return std::nullopt;
}

Result<std::vector<StoredEvent>> SqliteStore::QueryEvents(const EventQuery& q) {
  const Where w = BuildWhere(q, [this](const char* c, const std::string& p) { return ListCodes(c, p); });
  const std::string sql = QuerySql(q, w);
  GRIOT_PREPARE(s, sql);
  for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
  std::vector<StoredEvent> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    out.push_back(ReadEvent(s));
    if (q.with_doc_ids) {
      const std::string ids = s.Text(2 + kRecordColumnCount + 10);
      size_t i = 0;
      while (i <= ids.size() && !ids.empty()) {
        size_t j = ids.find('\t', i);
        if (j == std::string::npos) j = ids.size();
        out.back().doc_ids.push_back(ids.substr(i, j - i));
        i = j + 1;
      }
    }
  }
  if (rc != SQLITE_DONE) {
    const std::string msg = sqlite3_errmsg(db_);
    if (!q.text.empty() && IsFtsQueryError(msg))
      return Status::InvalidInput(fmt::format("bad full-text query '{}': {}", q.text, msg));
    return Error("querying events");
  }
  return out;
}

Result<std::string> SqliteStore::QueryPlan(const EventQuery& q) {
  const Where w = BuildWhere(q, [this](const char* c, const std::string& p) { return ListCodes(c, p); });
  const std::string sql = "EXPLAIN QUERY PLAN " + QuerySql(q, w);
  GRIOT_PREPARE(s, sql);
  for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
  std::string out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out += s.Text(3) + "\n";
  if (rc != SQLITE_DONE) return Error("explaining a query");
  return out;
}

// ---- aggregation --------------------------------------------------------------------------

namespace {

constexpr const char* kSourceKey = "COALESCE(NULLIF(e.source_actor_id, ''), e.source_code, '')";
constexpr const char* kTargetKey = "COALESCE(NULLIF(e.target_actor_id, ''), e.target_code, '')";

// The grouped expressions of `g`, in output order, with the EventCount field each fills.
enum class GroupField { kPeriod, kQuad, kRoot, kSource, kTarget, kSourceCountry, kTargetCountry, kLocationCountry,
                        kModality };
std::vector<std::pair<GroupField, std::string>> GroupExpressions(const EventGrouping& g) {
  std::vector<std::pair<GroupField, std::string>> out;
  switch (g.period) {
    case EventGrouping::Period::kNone: break;
    case EventGrouping::Period::kDay: out.emplace_back(GroupField::kPeriod, "e.date"); break;
    // 'weekday 1' moves forward to the next Monday (or stays on one): six days back first.
    case EventGrouping::Period::kWeek:
      out.emplace_back(GroupField::kPeriod, "date(e.date, '-6 days', 'weekday 1')");
      break;
    case EventGrouping::Period::kMonth: out.emplace_back(GroupField::kPeriod, "substr(e.date, 1, 8) || '01'"); break;
  }
  if (g.quad_class) out.emplace_back(GroupField::kQuad, "e.quad_class");
  if (g.cameo_root) out.emplace_back(GroupField::kRoot, "e.cameo_root");
  if (g.source) out.emplace_back(GroupField::kSource, kSourceKey);
  if (g.target) out.emplace_back(GroupField::kTarget, kTargetKey);
  if (g.source_country) out.emplace_back(GroupField::kSourceCountry, "COALESCE(e.source_country, '')");
  if (g.target_country) out.emplace_back(GroupField::kTargetCountry, "COALESCE(e.target_country, '')");
  if (g.location_country) out.emplace_back(GroupField::kLocationCountry, "COALESCE(e.location_country, '')");
  if (g.modality) out.emplace_back(GroupField::kModality, "e.modality");
  return out;
}

// The grouped expressions as "expr AS g0, ..." and the list "g0, g1, ...".
std::pair<std::string, std::string> GroupSelect(const EventGrouping& g) {
  const auto groups = GroupExpressions(g);
  std::string select, by;
  for (size_t i = 0; i < groups.size(); ++i) {
    select += fmt::format("{} AS g{}, ", groups[i].second, i);
    by += fmt::format("{}g{}", i ? ", " : "", i);
  }
  return {select, by};
}

// Aggregated by SQL (no examples asked).
std::string CountSql(const EventGrouping& g, const Where& w) {
  const auto [select, by] = GroupSelect(g);
  std::string extra;
  if (g.source) extra += ", max(e.source_code), max(e.source_country)";
  if (g.target) extra += ", max(e.target_code), max(e.target_country)";
  std::string sql = fmt::format(
      "SELECT {}count(*), sum(e.mentions), sum(e.documents), total(e.goldstein), min(e.date), max(e.date), "
      "sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4){} FROM events e{}",
      select, extra, FilterSql(w));
  if (!by.empty()) sql += " GROUP BY " + by + " ORDER BY " + by;
  return sql;
}

// One row per event, aggregated by the caller (examples asked): one pass over the matches
// where a window function would sort them all.
std::string ScanSql(const EventGrouping& g, const Where& w) {
  const auto [select, by] = GroupSelect(g);
  return fmt::format(
      "SELECT {}e.mentions, e.documents, e.goldstein, e.date, e.quad_class, e.source_code, e.source_country, "
      "e.target_code, e.target_country, e.event_id, e.id FROM events e{}",
      select, FilterSql(w));
}

std::optional<Date> ColumnDate(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return ParseIsoDate(text);
}

}  // namespace

Result<std::vector<EventCount>> Store::CountEvents(const EventQuery&, const EventGrouping&) {
  return Status::Unsupported("this store does not aggregate events (CountEvents)");
}
Result<std::vector<EventSummary>> Store::SummarizeEvents(const EventQuery&) {
  return Status::Unsupported("this store does not summarize events (SummarizeEvents)");
}
Result<std::vector<ActorRole>> Store::ActorRoles(const std::string&) {
  return Status::Unsupported("this store does not list actor roles (ActorRoles)");
}
Result<std::optional<Date>> Store::LastDyadEvent(const EventSummary&, const Date&, const Date&) {
  return Status::Unsupported("this store does not read dyad histories (LastDyadEvent)");
}

Result<std::vector<EventCount>> SqliteStore::CountEvents(const EventQuery& q, const EventGrouping& g) {
  const Where w = BuildWhere(q, [this](const char* c, const std::string& p) { return ListCodes(c, p); });
  const auto groups = GroupExpressions(g);
  auto failed = [&](const char* what) -> Status {
    const std::string msg = sqlite3_errmsg(db_);
    if (!q.text.empty() && IsFtsQueryError(msg))
      return Status::InvalidInput(fmt::format("bad full-text query '{}': {}", q.text, msg));
    return Error(what);
  };
  // The grouped columns (0..groups-1) of a row into `row`.
  auto read_groups = [&](const Stmt& s, EventCount* row) {
    int c = 0;
    for (const auto& [field, expr] : groups) {
      const std::string v = s.Text(c);
      switch (field) {
        case GroupField::kPeriod: row->period = ColumnDate(v); break;
        case GroupField::kQuad: row->quad_class = static_cast<int>(s.Int(c)); break;
        case GroupField::kRoot: row->cameo_root = v; break;
        case GroupField::kSource: row->source = v; break;
        case GroupField::kTarget: row->target = v; break;
        case GroupField::kSourceCountry: row->source_country = v; break;
        case GroupField::kTargetCountry: row->target_country = v; break;
        case GroupField::kLocationCountry: row->location_country = v; break;
        case GroupField::kModality: row->modality = v; break;
      }
      ++c;
    }
  };
  std::vector<EventCount> out;
  if (g.examples <= 0) {
    GRIOT_PREPARE(s, CountSql(g, w));
    for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      EventCount row;
      read_groups(s, &row);
      int c = static_cast<int>(groups.size());
      row.events = s.Int(c);
      if (groups.empty() && row.events == 0) break;  // no match: no row
      row.mentions = s.Int(c + 1);
      row.documents = s.Int(c + 2);
      row.goldstein_sum = s.Real(c + 3);
      row.first = ColumnDate(s.Text(c + 4));
      row.last = ColumnDate(s.Text(c + 5));
      for (int k = 1; k <= 4; ++k) row.by_quad[k] = s.Int(c + 5 + k);
      c += 10;
      if (g.source) {
        row.source_code = s.Text(c++);
        if (!g.source_country) row.source_country = s.Text(c);
        ++c;
      }
      if (g.target) {
        row.target_code = s.Text(c++);
        if (!g.target_country) row.target_country = s.Text(c);
        ++c;
      }
      out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return failed("counting events");
    return out;
  }

  // With examples: one scan, aggregated here; the examples of a group are its events of
  // highest |Goldstein|, then most documents, then newest.
  struct Example {
    double severity;
    int64_t documents;
    std::string date;
    int64_t id;
    std::string event_id;
    bool operator<(const Example& o) const {  // better first
      if (severity != o.severity) return severity > o.severity;
      if (documents != o.documents) return documents > o.documents;
      if (date != o.date) return date > o.date;
      return id > o.id;
    }
  };
  struct Group {
    EventCount row;
    std::string first, last;
    std::vector<Example> best;
  };
  std::map<std::string, Group> acc;  // ordered by the grouped values, as GROUP BY would
  GRIOT_PREPARE(s, ScanSql(g, w));
  for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
  const size_t k_max = static_cast<size_t>(g.examples);
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    std::string key;
    for (size_t i = 0; i < groups.size(); ++i) {
      // Text order is the SQL order here: dates are ISO, QuadClass is one digit.
      key += s.Text(static_cast<int>(i));
      key += '\x1f';
    }
    auto [it, added] = acc.try_emplace(key);
    Group& grp = it->second;
    const int c = static_cast<int>(groups.size());
    if (added) {
      read_groups(s, &grp.row);
      if (g.source) {
        grp.row.source_code = s.Text(c + 5);
        if (!g.source_country) grp.row.source_country = s.Text(c + 6);
      }
      if (g.target) {
        grp.row.target_code = s.Text(c + 7);
        if (!g.target_country) grp.row.target_country = s.Text(c + 8);
      }
    }
    EventCount& row = grp.row;
    ++row.events;
    row.mentions += s.Int(c);
    row.documents += s.Int(c + 1);
    const double goldstein = s.Real(c + 2);
    row.goldstein_sum += goldstein;
    const std::string date = s.Text(c + 3);
    if (!date.empty()) {
      if (grp.first.empty() || date < grp.first) grp.first = date;
      if (grp.last.empty() || date > grp.last) grp.last = date;
    }
    const int64_t quad = s.Int(c + 4);
    if (quad >= 1 && quad <= 4) ++row.by_quad[quad];
    Example ex{std::fabs(goldstein), s.Int(c + 1), date, s.Int(c + 10), std::string()};
    if (grp.best.size() < k_max || ex < grp.best.back()) {
      ex.event_id = s.Text(c + 9);
      grp.best.insert(std::upper_bound(grp.best.begin(), grp.best.end(), ex), std::move(ex));
      if (grp.best.size() > k_max) grp.best.pop_back();
    }
  }
  if (rc != SQLITE_DONE) return failed("counting events");
  for (auto& [key, grp] : acc) {
    grp.row.first = ColumnDate(grp.first);
    grp.row.last = ColumnDate(grp.last);
    for (Example& ex : grp.best) grp.row.examples.push_back(std::move(ex.event_id));
    out.push_back(std::move(grp.row));
  }
  return out;
}

Result<std::string> SqliteStore::CountPlan(const EventQuery& q, const EventGrouping& g) {
  const Where w = BuildWhere(q, [this](const char* c, const std::string& p) { return ListCodes(c, p); });
  const std::string sql = g.examples > 0 ? ScanSql(g, w) : CountSql(g, w);
  GRIOT_PREPARE(s, "EXPLAIN QUERY PLAN " + sql);
  for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
  std::string out = sql + "\n";
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) out += "  " + s.Text(3) + "\n";
  if (rc != SQLITE_DONE) return Error("explaining a count");
  return out;
}

Result<std::vector<EventSummary>> SqliteStore::SummarizeEvents(const EventQuery& q) {
  const Where w = BuildWhere(q, [this](const char* c, const std::string& p) { return ListCodes(c, p); });
  // QuerySql's date-ordered branches (each limited when q.limit is set), with the light
  // columns of the events table alone in place of the record and its joins.
  EventQuery plain = q;
  plain.with_doc_ids = false;
  std::string sql = QuerySql(plain, w);
  if (sql.compare(0, EventSelect().size(), EventSelect()) != 0) return Status::Internal("unexpected event query");
  sql = fmt::format("SELECT e.id, e.event_id, e.date, {}, {}, e.cameo_root, e.quad_class, e.goldstein, e.mentions, "
                    "e.documents, e.modality, e.source_code, e.target_code FROM events e",
                    kSourceKey, kTargetKey) +
        sql.substr(EventSelect().size());
  GRIOT_PREPARE(s, sql);
  for (size_t i = 0; i < w.params.size(); ++i) s.Bind(static_cast<int>(i + 1), w.params[i]);
  std::vector<EventSummary> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    EventSummary e;
    e.key = s.Int(0);
    e.event_id = s.Text(1);
    e.date = ColumnDate(s.Text(2));
    e.source = s.Text(3);
    e.target = s.Text(4);
    e.cameo_root = s.Text(5);
    e.quad_class = static_cast<int>(s.Int(6));
    e.goldstein = s.Real(7);
    e.mentions = static_cast<int>(s.Int(8));
    e.documents = static_cast<int>(s.Int(9));
    e.modality = ParseModality(s.Text(10));
    e.source_code = s.Text(11);
    e.target_code = s.Text(12);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) {
    const std::string msg = sqlite3_errmsg(db_);
    if (!q.text.empty() && IsFtsQueryError(msg))
      return Status::InvalidInput(fmt::format("bad full-text query '{}': {}", q.text, msg));
    return Error("summarizing events");
  }
  return out;
}

Result<std::vector<ActorRole>> SqliteStore::ActorRoles(const std::string& actor_id) {
  // Two grouped reads of the (actor id, code, date) indexes (schema 2), merged by code.
  std::map<std::string, ActorRole> roles;
  for (const char* sql :
       {"SELECT source_code, min(date), max(date), count(*) FROM events WHERE source_actor_id = ?1 "
        "GROUP BY source_code",
        "SELECT target_code, min(date), max(date), count(*) FROM events WHERE target_actor_id = ?1 "
        "AND source_actor_id IS NOT ?1 GROUP BY target_code"}) {
    GRIOT_PREPARE(s, sql);
    s.Bind(1, actor_id);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      ActorRole& r = roles[s.Text(0)];
      r.code = s.Text(0);
      const std::optional<Date> first = ColumnDate(s.Text(1)), last = ColumnDate(s.Text(2));
      if (first && (!r.first || *first < *r.first)) r.first = first;
      if (last && (!r.last || *r.last < *last)) r.last = last;
      r.events += s.Int(3);
    }
    if (rc != SQLITE_DONE) return Error("reading an actor's roles");
  }
  std::vector<ActorRole> out;
  for (auto& [code, r] : roles) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(), [](const ActorRole& a, const ActorRole& b) {
    if (a.first.has_value() != b.first.has_value()) return a.first.has_value();  // undated last
    return a.first && b.first && *a.first < *b.first;
  });
  return out;
}

Result<std::optional<Date>> SqliteStore::LastDyadEvent(const EventSummary& like, const Date& since,
                                                        const Date& before) {
  // The merge key (root|source code|target code) and its date index find the candidates.
  GRIOT_PREPARE(s, fmt::format("SELECT max(e.date) FROM events e WHERE e.merge_key = ?1 AND e.date >= ?2 AND "
                               "e.date < ?3 AND {} = ?4 AND {} = ?5 AND e.modality NOT IN ('negated', 'future')",
                               kSourceKey, kTargetKey));
  s.Bind(1, fmt::format("{}|{}|{}", like.cameo_root, like.source_code.empty() ? "-" : like.source_code,
                        like.target_code.empty() ? "-" : like.target_code));
  s.Bind(2, since.ToString()).Bind(3, before.ToString()).Bind(4, like.source).Bind(5, like.target);
  if (s.Step() != SQLITE_ROW) return Error("reading a dyad's history");
  return ColumnDate(s.Text(0));
}

Result<std::optional<StoredEvent>> SqliteStore::FindEvent(const std::string& id) {
  {
    GRIOT_PREPARE(s, EventSelect() + " WHERE e.event_id = ?");
    s.Bind(1, id);
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<StoredEvent>(ReadEvent(s));
    if (rc != SQLITE_DONE) return Error("looking up an event");
  }
  GRIOT_PREPARE(s, EventSelect() + " WHERE e.id = (SELECT event FROM mentions WHERE mention_id = ?)");
  s.Bind(1, id);
  int rc = s.Step();
  if (rc == SQLITE_ROW) return std::optional<StoredEvent>(ReadEvent(s));
  if (rc != SQLITE_DONE) return Error("looking up a mention");
  return std::optional<StoredEvent>();
}

Result<std::vector<StoredMention>> SqliteStore::GetMentions(int64_t event_key) {
  static const std::string kSql = fmt::format(
      "SELECT m.id, m.mention_id, {}, m.event, m.document, m.sentence, m.sentence_index, s.text, d.doc_id, "
      "d.title, d.source, d.url, m.merge_reason FROM mentions m JOIN sentences s ON s.id = m.sentence "
      "JOIN documents d ON d.id = m.document WHERE m.event = ? ORDER BY m.id",
      PrefixedColumns("m."));
  GRIOT_PREPARE(s, kSql);
  s.Bind(1, event_key);
  std::vector<StoredMention> out;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    StoredMention m;
    m.key = s.Int(0);
    m.record.event_id = s.Text(1);
    ReadRecord(s, 2, &m.record);
    constexpr int c = 2 + kRecordColumnCount;
    m.event_key = s.Int(c);
    m.document_key = s.Int(c + 1);
    m.sentence_key = s.Int(c + 2);
    m.record.sentence_index = static_cast<uint32_t>(s.Int(c + 3));
    m.record.sentence = s.Text(c + 4);
    m.record.doc_id = s.Text(c + 5);
    m.record.title = s.Text(c + 6);
    m.record.source_name = s.Text(c + 7);
    m.record.url = s.Text(c + 8);
    m.merge_reason = s.Text(c + 9);
    out.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return Error("reading mentions");
  return out;
}

// ---- runs ---------------------------------------------------------------------------------

Result<int64_t> SqliteStore::BeginRun(const IngestRun& run) {
  GRIOT_PREPARE(s, "INSERT INTO runs(started, command, status) VALUES (?,?,?)");
  s.Bind(1, run.started.empty() ? NowUtc() : run.started).Bind(2, run.command).Bind(3, run.status);
  if (s.Step() != SQLITE_DONE) return Error("recording the ingest run");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status SqliteStore::UpdateRun(const IngestRun& r) {
  GRIOT_PREPARE(s,
                "UPDATE runs SET finished = ?, status = ?, read = ?, added = ?, duplicates = ?, "
                "near_duplicates = ?, rejected = ?, events = ?, mentions = ? WHERE id = ?");
  if (r.status == "running") s.BindNull(1);
  else s.Bind(1, r.finished.empty() ? NowUtc() : r.finished);
  s.Bind(2, r.status).Bind(3, r.read).Bind(4, r.added).Bind(5, r.duplicates).Bind(6, r.near_duplicates);
  s.Bind(7, r.rejected).Bind(8, r.events).Bind(9, r.mentions).Bind(10, r.key);
  if (s.Step() != SQLITE_DONE) return Error("recording the ingest run");
  return Status::Ok();
}

Status SqliteStore::AddReject(int64_t run, const std::string& origin, const std::string& reason) {
  GRIOT_PREPARE(s, "INSERT INTO rejects(run, origin, reason) VALUES (?,?,?)");
  s.Bind(1, run).Bind(2, origin).Bind(3, reason);
  if (s.Step() != SQLITE_DONE) return Error("recording a reject");
  return Status::Ok();
}

Result<StoreStats> SqliteStore::Stats() {
  GRIOT_PREPARE(s,
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE duplicate_of IS "
                "NOT NULL), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events), (SELECT count(*) "
                "FROM mentions), (SELECT count(*) FROM actors), (SELECT count(*) FROM runs)");
  if (s.Step() != SQLITE_ROW) return Error("counting");
  StoreStats st;
  st.documents = s.Int(0);
  st.near_duplicates = s.Int(1);
  st.sentences = s.Int(2);
  st.events = s.Int(3);
  st.mentions = s.Int(4);
  st.actors = s.Int(5);
  st.runs = s.Int(6);
  return st;
}

}  // namespace griot
