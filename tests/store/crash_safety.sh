#!/usr/bin/env bash
# Crash safety of `griot ingest` (docs/store.md): SIGKILL at any moment leaves a consistent
# store, and running the same ingest again finishes the job with nothing lost or duplicated.
# A generated corpus is ingested once cleanly; a second store is ingested and killed with
# SIGKILL at several random moments (each restart resumes), then run to the end; both stores
# must then hold exactly the same documents, events, mentions and merge reasons.
set -u
griot="$1"
root="$2"
docs="${3:-1200}"
kills="${4:-5}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1

node "$root/tests/store/make_corpus.mjs" "$root/examples/sahel" "$work/corpus.jsonl" "$docs" || exit 1

start=$(date +%s%N)
"$griot" ingest -q --threads 2 --db "$work/clean.db" "$work/corpus.jsonl" || { echo "FAIL: clean ingest"; exit 1; }
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "clean ingest: $clean_ms ms"

# Everything that must match, in a stable order (run ids and timestamps excluded).
dump() {
  "$griot" events --db "$1" --output jsonl
  if [ $have_sqlite = 1 ]; then
    sqlite3 "$1" "SELECT d.doc_id, d.content_hash, d.distance, d.sentences, o.doc_id FROM documents d LEFT JOIN documents o ON o.id = d.duplicate_of ORDER BY d.id;
                  SELECT m.mention_id, e.event_id, m.merge_reason FROM mentions m JOIN events e ON e.id = m.event ORDER BY m.id;
                  SELECT s.id, s.document, s.idx FROM sentences s ORDER BY s.id;
                  SELECT actor_id, key, mentions FROM actor_aliases ORDER BY actor_id, key;"
  fi
}
dump "$work/clean.db" >"$work/clean.dump"

# Start-up (dictionary loading) time: an ingest of nothing.
: >"$work/empty.jsonl"
start=$(date +%s%N)
"$griot" ingest -q --db "$work/empty.db" "$work/empty.jsonl"
load_ms=$(( ($(date +%s%N) - start) / 1000000 ))
work_ms=$(( clean_ms > load_ms ? clean_ms - load_ms : 100 ))
echo "start-up: $load_ms ms"

landed=0
for i in $(seq 1 "$kills"); do
  # A random moment in the first 1/kills of the remaining work, so every restart is killed
  # again before it finishes; the first kill may also land during start-up.
  span=$(( work_ms / kills > 20 ? work_ms / kills : 20 ))
  delay_ms=$(( (i == 1 ? 50 : load_ms) + (RANDOM * 32768 + RANDOM) % span ))
  "$griot" ingest -q --threads 2 --db "$work/killed.db" "$work/corpus.jsonl" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then landed=$((landed + 1)); fi
  wait "$pid" 2>/dev/null
  if [ $have_sqlite = 1 ] && [ -e "$work/killed.db" ]; then
    docs_now=$(sqlite3 "$work/killed.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo "?")
    echo "kill $i after ${delay_ms} ms: $docs_now documents stored"
    check "store consistent after kill $i" "[ \"\$(sqlite3 $work/killed.db 'PRAGMA integrity_check')\" = ok ]"
    check "no orphan rows after kill $i" "[ \$(sqlite3 $work/killed.db 'SELECT (SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL) + (SELECT count(*) FROM events e WHERE e.mentions <> (SELECT count(*) FROM mentions m WHERE m.event = e.id)) + (SELECT count(*) FROM sentences s LEFT JOIN documents d ON d.id = s.document WHERE d.id IS NULL)') -eq 0 ]"
  fi
  # Readers work on a killed store as they are.
  if [ -e "$work/killed.db" ]; then
    "$griot" events --db "$work/killed.db" --output jsonl >/dev/null 2>"$work/read.err"
    check "events readable after kill $i" "[ $? -eq 0 ]"
  fi
done
echo "$landed of $kills kills landed while the ingest was running"
check "at least one kill interrupted an ingest" "[ $landed -ge 1 ]"

"$griot" ingest --threads 2 --db "$work/killed.db" "$work/corpus.jsonl" 2>"$work/final.err"
check "the rerun completes" "[ $? -eq 0 ]"
cat "$work/final.err"
dump "$work/killed.db" >"$work/killed.dump"
check "killed-and-resumed store equals the clean store" "cmp -s $work/clean.dump $work/killed.dump"
if ! cmp -s "$work/clean.dump" "$work/killed.dump"; then diff "$work/clean.dump" "$work/killed.dump" | head -20; fi
"$griot" ingest -q --db "$work/killed.db" "$work/corpus.jsonl"
dump "$work/killed.db" >"$work/again.dump"
check "a further rerun changes nothing" "cmp -s $work/clean.dump $work/again.dump"
exit $fail
