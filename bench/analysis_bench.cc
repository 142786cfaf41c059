// Latency of the analysis stage (src/analysis) on the synthetic 1,000,000-event store of
// bench/store_bench.cc (docs/performance.md): each call for a country (MLI) and an actor
// (wagner_group) over 90-day windows, and the set of calls a brief makes.
//
// The store is GRIOT_BENCH_DIR/events_1000000.db (GRIOT_BENCH_EVENTS changes the size), built
// by griot_store_bench; run that once first:
//
//   build/<dir>/bench/griot_store_bench --benchmark_filter=StoreSize
//   build/<dir>/bench/griot_analysis_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>

#include <time.h>

#include "analysis/analysis.h"
#include "bench/bench_store.h"
#include "store/sqlite_store.h"

namespace griot::analysis {
namespace {


using bench::BenchStore;
using bench::EventCount;

// 90-day windows ending on the first of 12 different months of the synthetic record.
Window WindowOf(int i) {
  const Date end = *Date::Make(2013 + i, static_cast<unsigned>(1 + (i * 5) % 12), 1);
  return Window{Date::FromDayNumber(end.DayNumber() - 89), end};
}
constexpr int kVariants = 12;

EventQuery CountryQuery() {
  EventQuery q;
  q.country = "MLI";
  return q;
}
EventQuery ActorQuery() {
  EventQuery q;
  q.actor_ids = {"wagner_group"};
  return q;
}

double CpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Runs `call(window)` on each window per iteration; reports p50/p95 wall and p95 CPU time.
void Run(benchmark::State& state, const std::function<Status(const Window&)>& call) {
  BenchStore();
  std::vector<double> ms, cpu;
  for (auto _ : state) {
    for (int i = 0; i < kVariants; ++i) {
      const double c0 = CpuMs();
      const auto t0 = std::chrono::steady_clock::now();
      Status s = call(WindowOf(i));
      const auto t1 = std::chrono::steady_clock::now();
      cpu.push_back(CpuMs() - c0);
      if (!s.ok()) {
        state.SkipWithError(s.message().c_str());
        return;
      }
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  auto p95 = [](const std::vector<double>& v) { return v[std::min(v.size() - 1, v.size() * 95 / 100)]; };
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = p95(ms);
  state.counters["p95_cpu_ms"] = p95(cpu);
  state.counters["max_ms"] = ms.back();
}

template <typename T>
Status St(const Result<T>& r) {
  return r.ok() ? Status::Ok() : r.status();
}

EventQuery QueryOf(int subject) { return subject == 0 ? CountryQuery() : ActorQuery(); }

void BM_Resolve(benchmark::State& state) {
  const int subject = static_cast<int>(state.range(0));
  Run(state, [&](const Window&) {
    return St(ResolveSubject(BenchStore(), subject == 0 ? Subject{Subject::Kind::kCountry, "MLI"}
                                                        : Subject{Subject::Kind::kActor, "wagner_group"}));
  });
}
void BM_DefaultWindow(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window&) { return St(DefaultWindow(BenchStore(), q)); });
}
void BM_Totals(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(Totals(BenchStore(), q, w)); });
}
void BM_SeriesWeek(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(EventSeries(BenchStore(), q, w, Bucket::kWeek)); });
}
void BM_Signals(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(EscalationSignals(BenchStore(), q, w, Bucket::kWeek)); });
}
void BM_Network(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(InteractionNetwork(BenchStore(), q, w)); });
}
void BM_Timeline(benchmark::State& state) {
  Run(state, [&](const Window&) { return St(ActorTimelines(BenchStore(), {"wagner_group"}, {})); });
}
void BM_Significant(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(SignificantEvents(BenchStore(), q, w)); });
}
void BM_Outlook(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) { return St(ForwardStatements(BenchStore(), q, w)); });
}
// What a brief asks for one subject: totals of the window and the one before, the weekly
// series, signals, network, significant events and outlook.
void BM_BriefSet(benchmark::State& state) {
  const EventQuery q = QueryOf(static_cast<int>(state.range(0)));
  Run(state, [&](const Window& w) {
    Store& s = BenchStore();
    if (auto r = Totals(s, q, w); !r.ok()) return r.status();
    if (auto r = Totals(s, q, w.Previous()); !r.ok()) return r.status();
    if (auto r = EventSeries(s, q, w, Bucket::kWeek); !r.ok()) return r.status();
    if (auto r = EscalationSignals(s, q, w, Bucket::kWeek); !r.ok()) return r.status();
    if (auto r = InteractionNetwork(s, q, w); !r.ok()) return r.status();
    if (auto r = SignificantEvents(s, q, w); !r.ok()) return r.status();
    return St(ForwardStatements(s, q, w));
  });
}

// Argument 0: the country MLI; 1: the actor wagner_group.
#define GRIOT_ANALYSIS_BENCH(name) \
  BENCHMARK(name)->Arg(0)->Arg(1)->ArgName("actor")->Unit(benchmark::kMillisecond)->Iterations(2)
GRIOT_ANALYSIS_BENCH(BM_Resolve);
GRIOT_ANALYSIS_BENCH(BM_DefaultWindow);
GRIOT_ANALYSIS_BENCH(BM_Totals);
GRIOT_ANALYSIS_BENCH(BM_SeriesWeek);
GRIOT_ANALYSIS_BENCH(BM_Signals);
GRIOT_ANALYSIS_BENCH(BM_Network);
GRIOT_ANALYSIS_BENCH(BM_Significant);
GRIOT_ANALYSIS_BENCH(BM_Outlook);
GRIOT_ANALYSIS_BENCH(BM_BriefSet);
BENCHMARK(BM_Timeline)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
}  // namespace griot::analysis

BENCHMARK_MAIN();
