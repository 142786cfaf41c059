// griot's record: documents, the sentences that report events, events (one per happening)
// and their mentions (one per reporting sentence), the actors seen with the names they were
// called by, and the ingest runs. `Store` is the interface every backend implements;
// SqliteStore (sqlite_store.h) is the default, one file on disk. A shared database
// (PostgreSQL) implements the same interface; the ingest logic (ingest.h) and the queries of
// the CLI use only this interface.
//
// Writes happen inside Begin()/Commit(): a document, its sentences, mentions and event
// updates are committed together or not at all (several documents may share one outer
// transaction, each in its own nested one). A Store is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "coding/event.h"

namespace griot {

// A document as stored. Near-duplicates (syndicated copies) are stored with `duplicate_of`
// set and are not coded.
struct StoredDocument {
  int64_t key = 0;             // store row id (0 until stored)
  std::string doc_id;          // unique in the store (the input's id, made unique if taken)
  std::string content_hash;    // ContentHash(text): SHA-256, hex
  std::optional<uint64_t> simhash;  // absent for texts too short to fingerprint
  std::string origin;          // where it was read from ("feeds/a.txt", "feed.jsonl:12")
  std::string source, url, title;
  std::optional<Date> date;
  std::string text;
  uint32_t sentences = 0;      // sentences the coder read
  std::optional<int64_t> duplicate_of;  // key of the original, for near-duplicates
  int distance = 0;            // simhash Hamming distance to the original
  int64_t run = 0;             // the ingest run that stored it
};

// One coded report: the event record of `griot code` for one sentence of one document.
struct StoredMention {
  int64_t key = 0;
  int64_t event_key = 0;       // the happening it reports
  int64_t document_key = 0;
  int64_t sentence_key = 0;
  Event record;                // record.event_id is the mention's id (as `griot code` prints it)
  std::string merge_reason;    // why it joined an existing event; empty for the first mention
};

// One happening, reported by one or more mentions. Its id is its first mention's id; its
// record is that of its representative mention: the first one, or the first that names a
// place when earlier ones named none (so spans and sentence always belong together).
struct StoredEvent {
  int64_t key = 0;
  Event record;                // record.event_id is the event's id (its first mention's id)
  int mentions = 0;
  int documents = 0;
  int64_t document_key = 0;    // the first mention's document and sentence
  int64_t sentence_key = 0;
  std::vector<std::string> doc_ids;  // filled by QueryEvents when asked (EventQuery::with_doc_ids)
};

// An actor of the registry: a dictionary entry seen in at least one event, with the names
// the reports used for it.
struct ActorInfo {
  std::string actor_id;
  std::string code;            // the latest code it was seen with
  std::string country, sector;
  std::vector<std::string> aliases;
};

// Filters of `griot events`; empty fields do not filter. All given filters must hold.
struct EventQuery {
  // Actor: a code prefix ("MLI", "RUSPMC") when `*_is_code`, else actor ids (resolved by the
  // caller through ResolveActor).
  std::string actor_code;                 // source or target
  std::vector<std::string> actor_ids;     // source or target
  std::string source_code, target_code;
  std::vector<std::string> source_ids, target_ids;
  std::string country;                    // ISO alpha-3: of the source, the target or the place
  std::string cameo;                      // code prefix: "19" (a root) or "190"
  std::string plover;                     // PLOVER type, upper case
  int quad_class = 0;                     // 1..4
  std::optional<Date> from, to;           // inclusive
  std::string place;                      // place name, case-insensitive
  std::string modality;                   // "asserted", "negated", ...
  std::string text;                       // FTS5 query over the reporting sentences
  int64_t limit = 0;                      // 0: all
  int64_t offset = 0;
  bool newest_first = false;
  bool with_doc_ids = false;
};

// How Store::CountEvents groups the events it counts. Nothing set: one row, the totals.
struct EventGrouping {
  enum class Period { kNone, kDay, kWeek, kMonth };  // weeks start on Monday
  Period period = Period::kNone;
  bool quad_class = false;
  bool cameo_root = false;
  bool source = false;            // the source's key: its actor_id, else its code ("" if none)
  bool target = false;            // the target's key, likewise
  bool source_country = false, target_country = false, location_country = false;
  bool modality = false;
  // Per group, the ids of up to this many events, most severe first: highest |Goldstein|,
  // then most documents, then newest.
  int examples = 0;
};

// One group of Store::CountEvents. Fields not grouped by are empty (or 0).
struct EventCount {
  std::optional<Date> period;     // first day of the period; absent for undated events
  int quad_class = 0;
  std::string cameo_root, source, target, source_country, target_country, location_country, modality;
  // When grouped by source/target (and not by their countries): one of the codes and
  // countries the key was coded with.
  std::string source_code, target_code;
  int64_t events = 0;
  int64_t by_quad[5] = {0, 0, 0, 0, 0};  // events by QuadClass (index 1..4)
  int64_t mentions = 0;           // reports, summed over the events
  int64_t documents = 0;          // documents per event, summed (a document may count twice)
  double goldstein_sum = 0;
  std::optional<Date> first, last;  // over the dated events of the group
  std::vector<std::string> examples;
};

// A light view of one event (no sentence, spans or place), for ranking many events without
// loading their records.
struct EventSummary {
  int64_t key = 0;
  std::string event_id;
  std::optional<Date> date;
  std::string source, target;     // keys: actor_id, else code, else ""
  std::string source_code, target_code;
  std::string cameo_root;
  int quad_class = 0;
  double goldstein = 0;
  int mentions = 0, documents = 0;
  Modality modality = Modality::kAsserted;
};

// A code an actor (dictionary actor id) was coded with, as source or target, and when.
struct ActorRole {
  std::string code;
  std::optional<Date> first, last;  // over dated events
  int64_t events = 0;
};

struct IngestRun {
  int64_t key = 0;
  std::string started, finished;  // UTC, ISO 8601
  std::string command;
  std::string status = "running";  // running | done (a killed run stays "running")
  int64_t read = 0, added = 0, duplicates = 0, near_duplicates = 0, rejected = 0;
  int64_t events = 0, mentions = 0;
};

struct StoreStats {
  int64_t documents = 0, near_duplicates = 0, sentences = 0, events = 0, mentions = 0, actors = 0, runs = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- transactions ----
  // Transactions nest: a Begin() inside an open transaction starts a savepoint, and its
  // Commit()/Rollback() releases or undoes only what was written since. Nothing is durable
  // until the outermost Commit().
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // ---- documents ----
  virtual Result<std::optional<StoredDocument>> FindDocumentByHash(const std::string& content_hash) = 0;
  // Originals (not near-duplicates themselves) whose simhash is within `max_distance` (0..3)
  // of `simhash`, closest first. Texts are not loaded.
  virtual Result<std::vector<StoredDocument>> FindSimilarDocuments(uint64_t simhash, int max_distance) = 0;
  virtual Result<bool> HasDocumentId(const std::string& doc_id) = 0;
  // Stores `doc` and returns its key. Fails if its doc_id or content hash is taken.
  virtual Result<int64_t> AddDocument(const StoredDocument& doc) = 0;
  virtual Result<std::optional<StoredDocument>> GetDocument(int64_t key) = 0;
  // The near-duplicates linked to document `key`.
  virtual Result<std::vector<StoredDocument>> GetCopies(int64_t key) = 0;

  // ---- sentences ----
  // Stores a reporting sentence (indexed for full-text search) and returns its key; the same
  // (document, index) returns the existing key.
  virtual Result<int64_t> AddSentence(int64_t document_key, uint32_t index, const std::string& text) = 0;

  // ---- actors ----
  // Records that `actor` (with a dictionary actor_id) was named `actor.text` in a report.
  virtual Status NoteActor(const ActorRef& actor) = 0;
  // Actor ids whose id or one of whose names equals `name` (case- and accent-insensitive).
  virtual Result<std::vector<std::string>> ResolveActor(const std::string& name) = 0;
  virtual Result<std::optional<ActorInfo>> GetActor(const std::string& actor_id) = 0;

  // ---- events and mentions ----
  // Events whose MergeKey (merge.h) is `merge_key`, dated within [from, to]: the candidates
  // a new mention may join.
  virtual Result<std::vector<StoredEvent>> FindEventsNear(const std::string& merge_key, const Date& from,
                                                          const Date& to) = 0;
  // Stores a new event (record.event_id must be unique) and returns its key.
  virtual Result<int64_t> AddEvent(const StoredEvent& event) = 0;
  // Rewrites the record, counts and representative mention of event `event.key` (its id
  // never changes).
  virtual Status UpdateEvent(const StoredEvent& event) = 0;
  // Sets only the counts of event `key` (a merge that keeps the representative).
  virtual Status UpdateEventCounts(int64_t key, int mentions, int documents) = 0;
  virtual Result<int64_t> AddMention(const StoredMention& mention) = 0;
  // Whether document `document_key` already reports event `event_key`.
  virtual Result<bool> EventHasDocument(int64_t event_key, int64_t document_key) = 0;

  virtual Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) = 0;
  // The event with this id, or the event a mention with this id belongs to.
  virtual Result<std::optional<StoredEvent>> FindEvent(const std::string& id) = 0;
  // Mentions of an event in the order they were stored, with sentence and document fields.
  virtual Result<std::vector<StoredMention>> GetMentions(int64_t event_key) = 0;

  // ---- aggregation (the analysis stage, src/analysis) ----
  // Counts of the events matching `query` (its limit, offset and order ignored), grouped as
  // asked, in the order of the grouped fields (period first). The work is done by the
  // backend: the result grows with the number of groups, not of events. The default
  // implementations return Unsupported; SqliteStore implements them.
  virtual Result<std::vector<EventCount>> CountEvents(const EventQuery& query, const EventGrouping& grouping);
  // Summaries of the events matching `query`, oldest first (newest first with
  // query.newest_first); query.limit and query.offset apply.
  virtual Result<std::vector<EventSummary>> SummarizeEvents(const EventQuery& query);
  // The codes dictionary actor `actor_id` was coded with (as source or target), earliest
  // first; an event naming it as both source and target counts once, with its source code.
  virtual Result<std::vector<ActorRole>> ActorRoles(const std::string& actor_id);
  // The latest date in [since, before) of an event like `like`: the same CAMEO root, source
  // and target (keys and codes), not negated and not future; nullopt if none. Any subject
  // filter is ignored: a dyad's history is its own.
  virtual Result<std::optional<Date>> LastDyadEvent(const EventSummary& like, const Date& since, const Date& before);

  // ---- runs ----
  virtual Result<int64_t> BeginRun(const IngestRun& run) = 0;
  virtual Status UpdateRun(const IngestRun& run) = 0;
  virtual Status AddReject(int64_t run, const std::string& origin, const std::string& reason) = 0;

  virtual Result<StoreStats> Stats() = 0;
};

// The store location in effect: `flag` if given, else $GRIOT_DB, else "./griot.db".
std::string ResolveStorePath(const std::string& flag);

}  // namespace griot
