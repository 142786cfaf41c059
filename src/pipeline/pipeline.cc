#include "pipeline/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace griot {

std::string RunSummary::ToString() const {
  return fmt::format("{} documents read, {} coded, {} rejected; {} sentences{}, {} events in {:.2f} s", inputs,
                     documents, rejected, sentences,
                     rejected_sentences ? fmt::format(" ({} rejected)", rejected_sentences) : std::string(), events,
                     seconds);
}

RunSummary Pipeline::Run(DocumentSource& source, int threads, const DocumentCallback& on_document,
                         const RejectCallback& on_reject) const {
  const auto start = std::chrono::steady_clock::now();
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // Documents are coded in batches: workers take documents of the batch by an atomic index,
  // then the batch is written in order. A batch of 32 per thread keeps the pool busy while
  // bounding memory to a few hundred documents. With several threads, the calling thread
  // writes the previous batch and reads the next one while the others code the current
  // batch, then joins them in coding it: reading and writing overlap coding.
  const size_t batch_size = static_cast<size_t>(threads) * 32;
  RunSummary summary;
  bool more = true;
  auto read_batch = [&](std::vector<InputItem>* batch) {
    batch->clear();
    while (more && batch->size() < batch_size) {
      InputItem item;
      if (!source.Next(&item)) {
        more = false;
        break;
      }
      batch->push_back(std::move(item));
    }
  };
  auto write_batch = [&](std::vector<InputItem>& batch, std::vector<DocumentResult>& results) {
    for (size_t i = 0; i < batch.size(); ++i) {
      ++summary.inputs;
      if (!batch[i].doc) {
        ++summary.rejected;
        on_reject(batch[i]);
        continue;
      }
      ++summary.documents;
      summary.sentences += results[i].sentences;
      summary.rejected_sentences += results[i].sentence_errors.size();
      summary.events += results[i].events.size();
      on_document(*batch[i].doc, results[i]);
    }
    batch.clear();
    results.clear();
  };
  std::vector<InputItem> batch, previous, upcoming;
  std::vector<DocumentResult> results, previous_results;
  read_batch(&batch);
  while (!batch.empty()) {
    results.assign(batch.size(), DocumentResult());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch.size(); i = next++) {
        if (batch[i].doc) results[i] = coder_->CodeDocument(*batch[i].doc);
      }
    };
    const int helpers = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), batch.size())) - 1;
    std::vector<std::thread> pool;
    for (int t = 0; t < helpers; ++t) pool.emplace_back(work);
    if (helpers > 0) {
      write_batch(previous, previous_results);
      read_batch(&upcoming);
    }
    work();
    for (auto& th : pool) th.join();
    if (helpers <= 0) {  // one thread (or a batch of one): strictly in turn
      write_batch(previous, previous_results);
      write_batch(batch, results);
      read_batch(&upcoming);
    } else {
      previous.swap(batch);
      previous_results.swap(results);
    }
    batch.swap(upcoming);
    upcoming.clear();
  }
  write_batch(previous, previous_results);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace griot
