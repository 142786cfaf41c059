// Query latency of the store on 1,000,000 synthetic events (docs/performance.md).
//
// The store is built once through the Store API (documents, reporting sentences, events and
// mentions, as an ingest writes them) into GRIOT_BENCH_DIR/events_1m.db and reused by later
// runs; GRIOT_BENCH_EVENTS changes the size. Each benchmark runs one kind of query with many
// different values (50 actors, 50 places, ...) and reports the median and 95th percentile
// latency of one query (a first page of 100 events, date-ordered, as `griot events` shows on
// a terminal; the *_all variants read every match).
//
//   build/<dir>/bench/griot_store_bench --benchmark_filter=Query
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>

#include <time.h>

#include "store/hash.h"
#include "store/sqlite_store.h"

namespace griot {
namespace {

namespace fs = std::filesystem;

struct Actor {
  const char* code;
  const char* country;
  const char* sector;
  const char* id;
  const char* text;
};

// Synthetic actors: plausible codes of the Sahel record, not facts.
const Actor kActors[] = {
    {"MLIGOV", "MLI", "GOV", "mali", "the Malian government"},
    {"MLIMIL", "MLI", "MIL", "mali", "Malian soldiers"},
    {"MLICVL", "MLI", "CVL", "", "villagers"},
    {"MLIREB", "MLI", "REB", "", "rebels"},
    {"BFAGOV", "BFA", "GOV", "burkina_faso", "the Burkinabe government"},
    {"BFAMIL", "BFA", "MIL", "burkina_faso", "Burkinabe troops"},
    {"BFACVL", "BFA", "CVL", "", "civilians"},
    {"NERGOV", "NER", "GOV", "niger", "Niger's junta"},
    {"NERMIL", "NER", "MIL", "niger", "Nigerien soldiers"},
    {"FRAGOV", "FRA", "GOV", "france", "Paris"},
    {"FRAMIL", "FRA", "MIL", "france", "French forces"},
    {"RUSGOV", "RUS", "GOV", "russia", "Moscow"},
    {"RUSPMC", "RUS", "PMC", "wagner_group", "Wagner"},
    {"USAGOV", "USA", "GOV", "united_states", "Washington"},
    {"IGOUNO", "", "IGO", "united_nations", "the UN"},
    {"IGOWAFECW", "", "IGO", "ecowas", "ECOWAS"},
    {"IMGMOSJNM", "", "IMG", "jnim", "JNIM"},
    {"IMGMOSISS", "", "IMG", "isgs", "Islamic State fighters"},
    {"DZAGOV", "DZA", "GOV", "algeria", "Algiers"},
    {"CIVGOV", "CIV", "GOV", "cote_d_ivoire", "Abidjan"},
};
const char* kCameo[] = {"190", "193", "195", "1823", "181", "173", "163", "112", "111", "036", "040", "042",
                        "043", "051", "057", "061", "071", "0871", "120", "130", "138", "141", "145", "150"};
const char* kVerbs[] = {"attacked", "clashed with", "shelled", "abducted", "arrested", "sanctioned", "accused",
                        "criticised", "promised to meet", "met", "visited", "praised", "signed a deal with",
                        "cooperated with", "sent aid to", "withdrew from", "demanded", "rejected", "threatened",
                        "protested against", "blockaded", "seized", "besieged", "ambushed"};
const char* kSources[] = {"officials", "witnesses", "a local official", "the army", "residents", "a spokesman"};

std::string PlaceName(int i) { return fmt::format("Place{}", i); }
std::string Word(uint32_t i) {  // pseudo-words for full-text selectivity
  static const char* kSyl[] = {"ka", "lo", "mi", "tu", "re", "sa", "no", "di", "be", "gu", "fo", "zi"};
  std::string w;
  for (int k = 0; k < 4; ++k) {
    w += kSyl[i % 12];
    i /= 12;
  }
  return w;
}

int64_t EventCount() {
  const char* env = std::getenv("GRIOT_BENCH_EVENTS");
  return env ? std::atoll(env) : 1000000;
}

std::string StorePath() {
  const char* dir = std::getenv("GRIOT_BENCH_DIR");
  fs::path d = dir ? dir : GRIOT_BENCH_DEFAULT_DIR;
  fs::create_directories(d);
  return (d / fmt::format("events_{}.db", EventCount())).string();
}

// Builds the synthetic store if it is missing or incomplete.
Store& BenchStore() {
  static std::unique_ptr<SqliteStore> store = [] {
    const std::string path = StorePath();
    const int64_t n = EventCount();
    {
      auto existing = SqliteStore::Open(path, StoreMode::kReadWrite);
      if (existing.ok()) {
        auto stats = (*existing)->Stats();
        if (stats.ok() && stats->events == n) return std::move(existing).value();
      }
    }
    fs::remove(path);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    auto opened = SqliteStore::Open(path, StoreMode::kReadWrite);
    if (!opened.ok()) {
      fmt::print(stderr, "cannot create {}: {}\n", path, opened.status().message());
      std::exit(1);
    }
    SqliteStore& s = **opened;
    fmt::print(stderr, "building {} with {} events...\n", path, n);
    const auto start = std::chrono::steady_clock::now();
    std::mt19937 rng(42);
    const int kDay0 = Date::Make(2012, 1, 1)->DayNumber();
    const int kDays = 15 * 365;
    int64_t doc_key = 0;
    (void)s.Begin();
    for (int64_t i = 0; i < n; ++i) {
      if (i % 10 == 0) {  // ten events per document
        if (i % 20000 == 0 && i > 0) {
          (void)s.Commit();
          (void)s.Begin();
        }
        StoredDocument d;
        d.doc_id = fmt::format("bench-{}", i / 10);
        d.content_hash = Sha256Hex(d.doc_id);
        d.origin = "synthetic";
        d.title = d.doc_id;
        d.text = "(synthetic)";
        auto k = s.AddDocument(d);
        if (!k.ok()) {
          fmt::print(stderr, "{}\n", k.status().message());
          std::exit(1);
        }
        doc_key = *k;
      }
      const Actor& src = kActors[rng() % std::size(kActors)];
      const Actor& tgt = kActors[rng() % std::size(kActors)];
      const char* cameo = kCameo[rng() % std::size(kCameo)];
      const int place = static_cast<int>(rng() % 2000);
      Event e;
      e.event_id = fmt::format("{:016x}", static_cast<uint64_t>(i) * 0x9E3779B97F4A7C15ULL);
      e.doc_id = fmt::format("bench-{}", i / 10);
      e.sentence_index = static_cast<uint32_t>(i % 10);
      e.date = Date::FromDayNumber(kDay0 + static_cast<int>(rng() % kDays));
      e.sentence = fmt::format("{} {} {} near {} after {} {} talks, {} said.", src.text,
                               kVerbs[rng() % std::size(kVerbs)], tgt.text, PlaceName(place), Word(rng() % 20000),
                               Word(rng() % 20000), kSources[rng() % std::size(kSources)]);
      auto actor = [](const Actor& a, Span span) {
        ActorRef r;
        r.text = a.text;
        r.code = a.code;
        r.country = a.country;
        r.sector = a.sector;
        r.actor_id = a.id;
        r.span = span;
        return r;
      };
      e.source = actor(src, {0, 5});
      if (rng() % 10) e.target = actor(tgt, {10, 15});
      e.cameo = cameo;
      e.cameo_root = std::string(cameo).substr(0, 2);
      const int root = std::stoi(e.cameo_root);
      e.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
      e.goldstein = root >= 14 ? -8 : 3;
      e.plover = root >= 18 ? "ASSAULT" : root == 16 ? "COERCE" : root >= 10 ? "ACCUSE" : "COOPERATE";
      e.modality = static_cast<Modality>(rng() % 5);
      if (rng() % 3) {
        Location l;
        l.name = PlaceName(place);
        l.country = place % 3 == 0 ? "MLI" : place % 3 == 1 ? "BFA" : "NER";
        l.lat = 10 + (place % 100) * 0.1;
        l.lon = -5 + (place / 100) * 0.1;
        l.precision = "locality";
        l.span = {20, 25};
        e.location = l;
      }
      e.trigger = {6, 14};
      e.rule = "synthetic";
      auto sk = s.AddSentence(doc_key, e.sentence_index, e.sentence);
      StoredEvent ev;
      ev.record = e;
      ev.document_key = doc_key;
      ev.sentence_key = *sk;
      auto ek = s.AddEvent(ev);
      StoredMention m;
      m.record = e;
      m.event_key = *ek;
      m.document_key = doc_key;
      m.sentence_key = *sk;
      auto mk = s.AddMention(m);
      if (!sk.ok() || !ek.ok() || !mk.ok()) {
        fmt::print(stderr, "insert failed at {}\n", i);
        std::exit(1);
      }
      if (e.source->actor_id.size()) (void)s.NoteActor(*e.source);
      if ((i + 1) % 100000 == 0) fmt::print(stderr, "  {} events\n", i + 1);
    }
    (void)s.Commit();
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print(stderr, "built in {:.1f} s ({:.0f} events/s)\n", secs, static_cast<double>(n) / secs);
    return std::move(opened).value();
  }();
  return *store;
}

// Runs `make(i)` queries for i = 0..k-1 per iteration, timing each; reports p50/p95.
void RunQueries(benchmark::State& state, const std::function<EventQuery(int)>& make, int variants = 50) {
  Store& store = BenchStore();
  std::vector<double> ms, cpu_ms;
  size_t rows = 0;
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  for (auto _ : state) {
    for (int i = 0; i < variants; ++i) {
      const EventQuery q = make(i);
      const double c0 = cpu_now();
      const auto t0 = std::chrono::steady_clock::now();
      auto r = store.QueryEvents(q);
      const auto t1 = std::chrono::steady_clock::now();
      cpu_ms.push_back(cpu_now() - c0);
      if (!r.ok()) {
        state.SkipWithError(r.status().message().c_str());
        return;
      }
      rows += r->size();
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  auto p95 = [](const std::vector<double>& v) { return v[std::min(v.size() - 1, v.size() * 95 / 100)]; };
  // Wall-clock latency (what a user waits, on this machine as loaded) and the thread's CPU
  // time (independent of other load on the machine).
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = p95(ms);
  state.counters["p95_cpu_ms"] = p95(cpu_ms);
  state.counters["max_ms"] = ms.back();
  state.counters["rows/query"] = static_cast<double>(rows) / static_cast<double>(ms.size());
}

EventQuery Page() {
  EventQuery q;
  q.limit = 100;
  return q;
}

std::optional<Date> Month(int i) {
  return Date::Make(2012 + (i % 14), static_cast<unsigned>(1 + (i * 5) % 12), 1);
}
std::optional<Date> MonthEnd(int i, int months = 1) {
  return Date::FromDayNumber(Month(i)->DayNumber() + 30 * months - 1);
}

void BM_QueryActorCode(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.actor_code = kActors[i % std::size(kActors)].code;
    return q;
  });
}
void BM_QueryCountryPrefix(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.actor_code = std::string(kActors[i % std::size(kActors)].code).substr(0, 3);
    return q;
  });
}
void BM_QueryActorId(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.actor_ids = {kActors[i % std::size(kActors)].id[0] ? kActors[i % std::size(kActors)].id : "jnim"};
    return q;
  });
}
void BM_QueryCountry(benchmark::State& state) {
  static const char* kCountries[] = {"MLI", "BFA", "NER", "FRA", "RUS", "USA", "DZA", "CIV"};
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.country = kCountries[i % std::size(kCountries)];
    return q;
  });
}
void BM_QueryCameoRoot(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.cameo = std::string(kCameo[i % std::size(kCameo)]).substr(0, 2);
    return q;
  });
}
void BM_QueryCameoCode(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.cameo = kCameo[i % std::size(kCameo)];
    return q;
  });
}
void BM_QueryPloverQuad(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.plover = "ASSAULT";
    q.quad_class = 4;
    return q;
  });
}
void BM_QueryDateMonth(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.from = Month(i);
    q.to = MonthEnd(i);
    return q;
  });
}
void BM_QueryPlace(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.place = PlaceName(i * 37 % 2000);
    return q;
  });
}
void BM_QueryModality(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.modality = ModalityName(static_cast<Modality>(i % 5));
    return q;
  });
}
void BM_QueryActorRootMonth(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.actor_code = kActors[i % std::size(kActors)].code;
    q.cameo = "19";
    q.from = Month(i);
    q.to = MonthEnd(i, 12);
    return q;
  });
}
void BM_QueryTextRare(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.text = Word(static_cast<uint32_t>(i * 397 % 20000));
    return q;
  });
}
void BM_QueryTextCommon(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q = Page();
    q.text = i % 2 ? "ambushed" : "\"signed a deal\"";
    return q;
  });
}
void BM_QueryPlaceAll(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q;
    q.place = PlaceName(i * 37 % 2000);
    return q;
  });
}
void BM_QueryActorMonthAll(benchmark::State& state) {
  RunQueries(state, [](int i) {
    EventQuery q;
    q.actor_code = kActors[i % std::size(kActors)].code;
    q.from = Month(i);
    q.to = MonthEnd(i);
    return q;
  });
}

#define GRIOT_QUERY_BENCH(name) BENCHMARK(name)->Unit(benchmark::kMillisecond)->Iterations(2)
GRIOT_QUERY_BENCH(BM_QueryActorCode);
GRIOT_QUERY_BENCH(BM_QueryCountryPrefix);
GRIOT_QUERY_BENCH(BM_QueryActorId);
GRIOT_QUERY_BENCH(BM_QueryCountry);
GRIOT_QUERY_BENCH(BM_QueryCameoRoot);
GRIOT_QUERY_BENCH(BM_QueryCameoCode);
GRIOT_QUERY_BENCH(BM_QueryPloverQuad);
GRIOT_QUERY_BENCH(BM_QueryDateMonth);
GRIOT_QUERY_BENCH(BM_QueryPlace);
GRIOT_QUERY_BENCH(BM_QueryModality);
GRIOT_QUERY_BENCH(BM_QueryActorRootMonth);
GRIOT_QUERY_BENCH(BM_QueryTextRare);
GRIOT_QUERY_BENCH(BM_QueryTextCommon);
GRIOT_QUERY_BENCH(BM_QueryPlaceAll);
GRIOT_QUERY_BENCH(BM_QueryActorMonthAll);

// Store size per event, printed once the store is built.
void BM_StoreSize(benchmark::State& state) {
  Store& store = BenchStore();
  for (auto _ : state) benchmark::DoNotOptimize(store.Stats());
  const std::string path = StorePath();
  const double bytes = static_cast<double>(fs::file_size(path));
  state.counters["MB"] = bytes / 1e6;
  state.counters["bytes/event"] = bytes / static_cast<double>(EventCount());
}
BENCHMARK(BM_StoreSize)->Iterations(1);

}  // namespace
}  // namespace griot

BENCHMARK_MAIN();
