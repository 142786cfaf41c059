// Part-of-speech tagging throughput on the demo corpus (examples/sahel), one thread, and the
// cost of loading the model. Run: build/release/bench/griot_tagger_bench (docs/performance.md).
// Needs data/generated/pos_model.txt (scripts/setup.sh).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "structure/pos_tagger.h"
#include "structure/sentence.h"
#include "text/document.h"

namespace griot {
namespace {

const std::string kModel = std::string(GRIOT_DATA_DIR) + "/" + std::string(PosTagger::kModelRelativePath);

std::vector<Sentence> LoadSentences(std::vector<Document>* docs) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(GRIOT_EXAMPLES_DIR))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTextDocument(ss.str(), p.stem().string(), p.string(), std::nullopt);
    if (doc.ok()) docs->push_back(std::move(doc).value());
  }
  std::vector<Sentence> sentences;
  for (const Document& d : *docs)
    for (Sentence& s : BuildSentences(d)) sentences.push_back(std::move(s));
  return sentences;
}

void BM_LoadPosModel(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = PosTagger::LoadFile(kModel);
    if (!tagger.ok()) {
      state.SkipWithError(tagger.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_LoadPosModel)->Unit(benchmark::kMillisecond);

void BM_TagDemoCorpus(benchmark::State& state) {
  static auto tagger = PosTagger::LoadFile(kModel);
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().message().c_str());
    return;
  }
  static std::vector<Document> docs;
  static const std::vector<Sentence> sentences = LoadSentences(&docs);
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Sentence& s : sentences) {
      auto tags = tagger->TagSentence(s.tokens, s.text);
      tokens += tags.size();
      benchmark::DoNotOptimize(tags);
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences.size() * state.iterations()),
                                                     benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagDemoCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace griot

BENCHMARK_MAIN();
