// `griot ingest`: documents in, the record out. Each document is
//   1. fingerprinted: its content hash (hash.h) — a document already stored is a duplicate
//      and changes nothing;
//   2. coded by the Coder (in parallel, like `griot code`);
//   3. stored in ONE transaction with its reporting sentences, mentions and event updates:
//      a near-duplicate (simhash within `near_duplicate_distance` bits of a stored original,
//      e.g. a syndicated copy) is stored linked to the original and not coded; every other
//      mention either joins a stored event (merge.h) or starts a new one.
// Documents are stored strictly in input order, and every decision depends only on what is
// already stored, so a run killed at any point and run again ends in exactly the state of an
// uninterrupted run. Works on any Store.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_set>

#include "base/status.h"
#include "coding/coder.h"
#include "pipeline/sources.h"
#include "store/merge.h"
#include "store/store.h"

namespace griot {

struct IngestOptions {
  MergeRules merge;
  // Maximum simhash Hamming distance (of 64 bits) for a near-duplicate, 0..3; -1 disables.
  int near_duplicate_distance = 3;
  // Texts with fewer 3-word shingles than this are only checked for exact duplicates: the
  // simhash of a few lines is too unstable to call two texts copies.
  uint32_t min_shingles = 20;
  int threads = 0;        // coding threads; 0: all cores
  std::string command;    // recorded with the run
};

struct IngestSummary {
  int64_t read = 0;             // inputs read, including rejects
  int64_t added = 0;            // new documents coded and stored
  int64_t duplicates = 0;       // exact copies of stored documents (nothing changed)
  int64_t near_duplicates = 0;  // syndicated near-copies, linked to their original
  int64_t rejected = 0;         // unreadable inputs, reported and skipped
  int64_t events = 0;           // new events
  int64_t mentions = 0;         // new mentions (reports), of new or existing events
  int64_t merged = 0;           // mentions that joined an existing event
  int64_t run = 0;              // the run's key in the store
  double seconds = 0;
  // "70 read: 68 new, 1 duplicate, 1 near-duplicate, 0 rejected; 402 mentions -> 350 new
  // events (52 merged) in 1.20 s"
  std::string ToString() const;
};

class Ingester {
 public:
  Ingester(Store* store, std::shared_ptr<const Coder> coder, IngestOptions options);

  using RejectFn = std::function<void(const std::string& origin, const std::string& reason)>;
  using ProgressFn = std::function<void(const IngestSummary&)>;

  // Reads `source` to the end. Bad inputs are reported through `on_reject` and recorded with
  // the run; `on_progress` is called after every document. Fails only when the store fails
  // (the documents stored so far stay stored; running again resumes).
  Result<IngestSummary> Run(DocumentSource& source, const RejectFn& on_reject, const ProgressFn& on_progress);

 private:
  struct Pending;
  Status Prepare(Pending* p, std::unordered_set<std::string>* batch_hashes,
                 std::unordered_set<std::string>* batch_ids);
  // Stores one coded document in one transaction.
  Status StoreDocument(const Pending& p);
  Status StoreMention(int64_t document_key, const Event& e);

  Store* store_;
  std::shared_ptr<const Coder> coder_;
  IngestOptions options_;
  IngestSummary summary_;
};

}  // namespace griot
