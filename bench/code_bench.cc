// Coding throughput on the demo corpus with griot's full dictionaries, and the cost of
// loading them. Run: build/release/bench/griot_bench (see docs/performance.md).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "coding/coder.h"
#include "dict/dictionary_set.h"

namespace griot {
namespace {

std::vector<Document> LoadCorpus() {
  std::vector<Document> docs;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(GRIOT_EXAMPLES_DIR))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTextDocument(ss.str(), p.stem().string(), p.string(), std::nullopt);
    if (doc.ok()) docs.push_back(std::move(doc).value());
  }
  return docs;
}

void BM_LoadDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    auto dicts = LoadDictionaries(DictionaryOptions{});
    benchmark::DoNotOptimize(dicts);
  }
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond);

void BM_CodeDemoCorpus(benchmark::State& state) {
  static auto dicts = LoadDictionaries(DictionaryOptions{});
  static const std::vector<Document> docs = LoadCorpus();
  Coder coder(*dicts);
  size_t sentences = 0, bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      DocumentResult r = coder.CodeDocument(d);
      sentences += r.sentences;
      bytes += d.text.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(docs.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CodeDemoCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace griot

BENCHMARK_MAIN();
