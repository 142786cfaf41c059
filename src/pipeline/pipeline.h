// The one pipeline every adapter (CLI, server) drives: documents in, coded events out, in
// input order, over a pool of threads.
#pragma once

#include <functional>
#include <memory>

#include "coding/coder.h"
#include "pipeline/sources.h"

namespace griot {

struct RunSummary {
  size_t inputs = 0;      // documents read or rejected
  size_t documents = 0;   // documents coded
  size_t rejected = 0;
  size_t rejected_sentences = 0;  // pre-parsed sentences with a malformed parse
  size_t sentences = 0;
  size_t events = 0;
  double seconds = 0;
  std::string ToString() const;  // "12 documents (1 rejected), 340 sentences, 95 events in 0.21 s"
};

class Pipeline {
 public:
  explicit Pipeline(std::shared_ptr<const Coder> coder) : coder_(std::move(coder)) {}

  using DocumentCallback = std::function<void(const Document&, const DocumentResult&)>;
  using RejectCallback = std::function<void(const InputItem&)>;

  // Reads `source` to the end, codes documents on `threads` threads (0 = all cores) and
  // calls `on_document` / `on_reject` on the calling thread, in input order. The output is
  // identical for any thread count.
  RunSummary Run(DocumentSource& source, int threads, const DocumentCallback& on_document,
                 const RejectCallback& on_reject) const;

 private:
  std::shared_ptr<const Coder> coder_;
};

}  // namespace griot
