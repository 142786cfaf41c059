#!/usr/bin/env bash
# accuracy.sahel: codes the demo corpus and prints griot's scores against the hand-coded
# annotations in sahel_gold.jsonl (docs/accuracy.md). Scores are printed, never asserted:
# the test fails only if the tool breaks — the gold file does not parse, loads no
# annotations, does not fit the corpus, or an annotated document was not coded.
set -u
griot="$1"
root="$2"
gold="$root/tests/accuracy/sahel_gold.jsonl"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$griot" eval --gold "$gold" --per-doc "$root/examples/sahel" >"$out"
status=$?
cat "$out"
if [ $status -ne 0 ]; then
  echo "FAIL: griot eval exited with status $status"
  exit 1
fi
annotated=$(sed -n 's/^events: \([0-9]*\) annotated.*/\1/p' "$out")
if [ -z "$annotated" ] || [ "$annotated" -eq 0 ]; then
  echo "FAIL: no event annotations were scored"
  exit 1
fi
if ! grep -Eq '^documents: ([0-9]+) annotated, \1 coded' "$out"; then
  echo "FAIL: some annotated documents were not coded"
  exit 1
fi
echo "ok: $annotated event annotations scored"
