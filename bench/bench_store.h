// The synthetic 1,000,000-event store the analysis and brief benchmarks read: built once by
// griot_store_bench at GRIOT_BENCH_DIR/events_N.db (N = GRIOT_BENCH_EVENTS, default 1,000,000)
// and opened here, read-write so that a store of an older schema is migrated once.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "store/sqlite_store.h"

namespace griot::bench {

inline int64_t EventCount() {
  const char* env = std::getenv("GRIOT_BENCH_EVENTS");
  return env ? std::atoll(env) : 1000000;
}

// The store, opened once per process; exits with a message when it has not been built.
inline Store& BenchStore() {
  static std::unique_ptr<SqliteStore> store = [] {
    const char* dir = std::getenv("GRIOT_BENCH_DIR");
    const std::filesystem::path path =
        std::filesystem::path(dir ? dir : GRIOT_BENCH_DEFAULT_DIR) / fmt::format("events_{}.db", EventCount());
    auto opened = SqliteStore::Open(path.string(), StoreMode::kReadWrite);
    if (!opened.ok()) {
      fmt::print(stderr, "{}\n(build it with griot_store_bench first)\n", opened.status().message());
      std::exit(1);
    }
    return std::move(opened).value();
  }();
  return *store;
}

}  // namespace griot::bench
