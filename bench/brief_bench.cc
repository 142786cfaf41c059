// Time to write a full brief (src/brief: every analysis call, citations, Markdown rendering)
// on the synthetic 1,000,000-event store of bench/store_bench.cc, for a country (MLI) and an
// actor (wagner_group): over 90-day windows ending on twelve different dates, and over the
// default window (the last 90 days of data). Figures: docs/performance.md.
//
// The store is GRIOT_BENCH_DIR/events_1000000.db (GRIOT_BENCH_EVENTS changes the size), built
// by griot_store_bench; run that once first:
//
//   build/<dir>/bench/griot_store_bench --benchmark_filter=StoreSize
//   build/<dir>/bench/griot_brief_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>

#include "brief/brief.h"
#include "brief/render.h"
#include "bench/bench_store.h"
#include "store/sqlite_store.h"

namespace griot::brief {
namespace {


using bench::BenchStore;
using bench::EventCount;

analysis::Window WindowOf(int i) {
  const Date end = *Date::Make(2013 + i, static_cast<unsigned>(1 + (i * 5) % 12), 1);
  return analysis::Window{Date::FromDayNumber(end.DayNumber() - 89), end};
}

analysis::Subject SubjectOf(int64_t actor) {
  return actor ? analysis::Subject{analysis::Subject::Kind::kActor, "wagner_group"}
               : analysis::Subject{analysis::Subject::Kind::kCountry, "MLI"};
}

// One full brief per iteration, each on another window; `default_window` uses the last 90
// days of data instead.
void RunBriefs(benchmark::State& state, bool default_window) {
  Store& store = BenchStore();
  const analysis::Subject subject = SubjectOf(state.range(0));
  BriefOptions options;
  options.data_dir = GRIOT_DATA_DIR;
  int i = 0;
  int64_t sentences = 0, citations = 0, bytes = 0;
  for (auto _ : state) {
    std::optional<analysis::Window> window;
    if (!default_window) window = WindowOf(i++ % 12);
    auto brief = BuildBrief(store, subject, window, options);
    if (!brief.ok()) {
      state.SkipWithError(brief.status().message().c_str());
      return;
    }
    const std::string md = RenderMarkdown(*brief);
    bytes += static_cast<int64_t>(md.size());
    for (const auto& s : brief->sections)
      for (const auto& t : s.sentences) {
        ++sentences;
        citations += static_cast<int64_t>(t.citations.size());
      }
    benchmark::DoNotOptimize(md);
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["sentences"] = static_cast<double>(sentences) / n;
  state.counters["citations"] = static_cast<double>(citations) / n;
  state.counters["md_bytes"] = static_cast<double>(bytes) / n;
}

void BM_Brief90Days(benchmark::State& state) { RunBriefs(state, false); }
void BM_BriefDefaultWindow(benchmark::State& state) { RunBriefs(state, true); }

BENCHMARK(BM_Brief90Days)->Arg(0)->Arg(1)->ArgName("actor")->Unit(benchmark::kMillisecond)->Iterations(12);
BENCHMARK(BM_BriefDefaultWindow)->Arg(0)->Arg(1)->ArgName("actor")->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace griot::brief

BENCHMARK_MAIN();
