#!/usr/bin/env bash
# Whole-process ingest benchmark (docs/performance.md): generates a corpus of N documents
# from the demo articles (tests/store/make_corpus.mjs; under the build directory, not in
# git), ingests it into a new store with /usr/bin/time, and prints throughput, the summary,
# the store's size per event and per document, and peak memory.
#
#   bench/store_ingest.sh build/release [N=100000] [THREADS=0]
set -euo pipefail
build="${1:?usage: bench/store_ingest.sh BUILD_DIR [N] [THREADS]}"
n="${2:-100000}"
threads="${3:-0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$build/bench_data"
mkdir -p "$data"
corpus="$data/corpus_$n.jsonl"
[ -s "$corpus" ] || node "$root/tests/store/make_corpus.mjs" "$root/examples/sahel" "$corpus" "$n"
db="$data/ingest_$n.db"
rm -f "$db" "$db-wal" "$db-shm"
echo "corpus: $corpus ($(wc -l <"$corpus") documents, $(du -m "$corpus" | cut -f1) MB)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  "$build/griot" ingest --no-progress --threads "$threads" --db "$db" "$corpus" 2>&1 | tee "$data/ingest_$n.log"
events=$("$build/griot" events --db "$db" --output petrarch | wc -l)
bytes=$(stat -c %s "$db")
docs=$(wc -l <"$corpus")
echo "store: $(( bytes / 1000000 )) MB, $events events, $(( bytes / (events > 0 ? events : 1) )) bytes/event, $(( bytes / docs )) bytes/document"
