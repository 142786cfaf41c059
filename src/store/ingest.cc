#include "store/ingest.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_set>

#include "coding/references.h"
#include "store/hash.h"

namespace griot {

std::string IngestSummary::ToString() const {
  return fmt::format(
      "{} read: {} new, {} duplicate{}, {} near-duplicate{}, {} rejected; {} mention{} -> {} new event{} "
      "({} merged into existing events) in {:.2f} s",
      read, added, duplicates, duplicates == 1 ? "" : "s", near_duplicates, near_duplicates == 1 ? "" : "s",
      rejected, mentions, mentions == 1 ? "" : "s", events, events == 1 ? "" : "s", merged, seconds);
}

struct Ingester::Pending {
  InputItem item;
  bool code = false;           // a new document to code and store
  std::string hash;
  SimHash simhash;
  DocumentResult result;
};

Ingester::Ingester(Store* store, std::shared_ptr<const Coder> coder, IngestOptions options)
    : store_(store), coder_(std::move(coder)), options_(std::move(options)) {
  options_.near_duplicate_distance = std::min(options_.near_duplicate_distance, 3);
}

Status Ingester::Prepare(Pending* p, std::unordered_set<std::string>* batch_hashes,
                         std::unordered_set<std::string>* batch_ids) {
  Document& doc = *p->item.doc;
  p->hash = ContentHash(doc.text);
  if (batch_hashes->count(p->hash)) return Status::Ok();  // a copy earlier in this batch
  auto existing = store_->FindDocumentByHash(p->hash);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return Status::Ok();
  batch_hashes->insert(p->hash);
  // Document ids are unique in the store; an id already taken by other content gets the
  // first hex digits of this content's hash (event ids are derived from document ids).
  auto taken = [&](const std::string& id) -> Result<bool> {
    if (batch_ids->count(id)) return true;
    return store_->HasDocumentId(id);
  };
  std::string id = doc.id.empty() ? p->hash.substr(0, 16) : doc.id;
  for (size_t digits : {size_t{0}, size_t{8}, size_t{16}, size_t{64}}) {
    std::string candidate = digits == 0 ? id : fmt::format("{}~{}", id, p->hash.substr(0, digits));
    auto t = taken(candidate);
    if (!t.ok()) return t.status();
    if (!*t) {
      id = std::move(candidate);
      break;
    }
  }
  doc.id = id;
  batch_ids->insert(id);
  p->code = true;
  return Status::Ok();
}

Status Ingester::StoreMention(int64_t document_key, const Event& e) {
  auto sentence_key = store_->AddSentence(document_key, e.sentence_index, e.sentence);
  if (!sentence_key.ok()) return sentence_key.status();
  // A pronoun or "the group" resolved to an actor is not one of its names.
  if (e.source && !IsAnaphorText(e.source->text)) {
    if (Status s = store_->NoteActor(*e.source); !s.ok()) return s;
  }
  if (e.target && !IsAnaphorText(e.target->text)) {
    if (Status s = store_->NoteActor(*e.target); !s.ok()) return s;
  }
  StoredMention m;
  m.record = e;
  m.document_key = document_key;
  m.sentence_key = *sentence_key;

  std::optional<StoredEvent> best;
  std::string best_reason;
  const MergeRules& rules = options_.merge;
  if (rules.enabled && e.date.valid() && !e.cameo_root.empty()) {
    const bool day = e.date.precision == Date::Precision::kDay;
    const Date from = day ? Date::FromDayNumber(e.date.DayNumber() - rules.window_days) : e.date;
    const Date to = day ? Date::FromDayNumber(e.date.DayNumber() + rules.window_days) : e.date;
    auto candidates = store_->FindEventsNear(MergeKey(e), from, to);
    if (!candidates.ok()) return candidates.status();
    int best_days = 0;
    for (StoredEvent& c : *candidates) {
      auto reason = MergeReason(rules, c.record, e);
      if (!reason) continue;
      const int days = DayDistance(c.record, e);
      if (!best || days < best_days) {  // candidates come in key order: ties keep the oldest
        best = std::move(c);
        best_days = days;
        best_reason = std::move(*reason);
      }
    }
  }
  if (best) {
    StoredEvent& ev = *best;
    auto has = store_->EventHasDocument(ev.key, document_key);
    if (!has.ok()) return has.status();
    ++ev.mentions;
    if (!*has) ++ev.documents;
    bool represent = false;
    if (!ev.record.location && e.location) {
      represent = true;
      // The first report that names the place becomes the event's representative record.
      const std::string id = ev.record.event_id;
      ev.record = e;
      ev.record.event_id = id;
      ev.document_key = document_key;
      ev.sentence_key = *sentence_key;
      best_reason += "; this report names the place and now represents the event";
    }
    if (Status s = represent ? store_->UpdateEvent(ev) : store_->UpdateEventCounts(ev.key, ev.mentions, ev.documents);
        !s.ok())
      return s;
    m.event_key = ev.key;
    m.merge_reason = best_reason;
    ++summary_.merged;
  } else {
    StoredEvent ev;
    ev.record = e;
    ev.mentions = 1;
    ev.documents = 1;
    ev.document_key = document_key;
    ev.sentence_key = *sentence_key;
    auto key = store_->AddEvent(ev);
    if (!key.ok()) return key.status();
    m.event_key = *key;
    ++summary_.events;
  }
  auto key = store_->AddMention(m);
  if (!key.ok()) return key.status();
  ++summary_.mentions;
  return Status::Ok();
}

Status Ingester::StoreDocument(const Pending& p) {
  const Document& doc = *p.item.doc;
  StoredDocument d;
  d.doc_id = doc.id;
  d.content_hash = p.hash;
  if (p.simhash.shingles >= options_.min_shingles) d.simhash = p.simhash.value;
  d.origin = p.item.origin;
  d.source = doc.source;
  d.url = doc.url;
  d.title = doc.title;
  d.date = doc.date;
  d.text = doc.text;
  d.sentences = p.result.sentences;
  d.run = summary_.run;

  const int64_t events_before = summary_.events, mentions_before = summary_.mentions, merged_before = summary_.merged;
  if (Status s = store_->Begin(); !s.ok()) return s;
  auto fail = [&](Status s) {
    (void)store_->Rollback();
    summary_.events = events_before;
    summary_.mentions = mentions_before;
    summary_.merged = merged_before;
    return s;
  };
  if (d.simhash && options_.near_duplicate_distance >= 0) {
    auto similar = store_->FindSimilarDocuments(*d.simhash, options_.near_duplicate_distance);
    if (!similar.ok()) return fail(similar.status());
    if (!similar->empty()) {
      d.duplicate_of = similar->front().key;
      d.distance = similar->front().distance;
      d.sentences = 0;
      auto key = store_->AddDocument(d);
      if (!key.ok()) return fail(key.status());
      if (Status s = store_->Commit(); !s.ok()) return fail(s);
      ++summary_.near_duplicates;
      return Status::Ok();
    }
  }
  auto key = store_->AddDocument(d);
  if (!key.ok()) return fail(key.status());
  for (const Event& e : p.result.events) {
    if (Status s = StoreMention(*key, e); !s.ok()) return fail(s);
  }
  if (Status s = store_->Commit(); !s.ok()) return fail(s);
  ++summary_.added;
  return Status::Ok();
}

Result<IngestSummary> Ingester::Run(DocumentSource& source, const RejectFn& on_reject,
                                    const ProgressFn& on_progress) {
  const auto start = std::chrono::steady_clock::now();
  summary_ = IngestSummary();
  IngestRun run;
  run.command = options_.command;
  auto run_key = store_->BeginRun(run);
  if (!run_key.ok()) return run_key.status();
  run.key = summary_.run = *run_key;
  auto record_run = [&](const char* status) {
    run.status = status;
    run.read = summary_.read;
    run.added = summary_.added;
    run.duplicates = summary_.duplicates;
    run.near_duplicates = summary_.near_duplicates;
    run.rejected = summary_.rejected;
    run.events = summary_.events;
    run.mentions = summary_.mentions;
    return store_->UpdateRun(run);
  };
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };

  int threads = options_.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t batch_size = static_cast<size_t>(threads) * 16;
  std::vector<Pending> batch;
  bool more = true;
  while (more) {
    batch.clear();
    while (batch.size() < batch_size) {
      Pending p;
      if (!source.Next(&p.item)) {
        more = false;
        break;
      }
      batch.push_back(std::move(p));
    }
    if (batch.empty()) break;

    // Sequential: rejects, duplicates, unique ids.
    std::unordered_set<std::string> batch_hashes, batch_ids;
    for (Pending& p : batch) {
      if (!p.item.doc) continue;
      if (Status s = Prepare(&p, &batch_hashes, &batch_ids); !s.ok()) {
        (void)record_run("failed");
        return s;
      }
    }
    // Parallel: coding and fingerprints.
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch.size(); i = next++) {
        Pending& p = batch[i];
        if (!p.code) continue;
        p.simhash = ComputeSimHash(p.item.doc->text);
        p.result = coder_->CodeDocument(*p.item.doc);
      }
    };
    const int workers = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), batch.size()));
    if (workers <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < workers; ++t) pool.emplace_back(work);
      for (auto& th : pool) th.join();
    }
    // Sequential, in input order: each document in its own (nested) transaction, the batch in
    // one outer transaction so index pages shared by its documents are written once.
    if (Status s = store_->Begin(); !s.ok()) return s;
    for (Pending& p : batch) {
      ++summary_.read;
      if (!p.item.doc) {
        ++summary_.rejected;
        const std::string reason = p.item.error.message();
        on_reject(p.item.origin, reason);
        if (Status s = store_->AddReject(run.key, p.item.origin, reason); !s.ok()) {
          (void)store_->Rollback();
          return s;
        }
      } else if (!p.code) {
        ++summary_.duplicates;
      } else if (Status s = StoreDocument(p); !s.ok()) {
        summary_.seconds = elapsed();
        (void)store_->Commit();  // keeps the documents of the batch stored before the failure
        (void)record_run("failed");
        return Status::IoError(fmt::format("storing {}: {}", p.item.origin, s.message()));
      }
      summary_.seconds = elapsed();
      if (on_progress) on_progress(summary_);
    }
    if (Status s = record_run("running"); !s.ok()) {
      (void)store_->Rollback();
      return s;
    }
    if (Status s = store_->Commit(); !s.ok()) return s;
  }
  summary_.seconds = elapsed();
  if (Status s = record_run("done"); !s.ok()) return s;
  return summary_;
}

}  // namespace griot
