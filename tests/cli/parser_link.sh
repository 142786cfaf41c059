#!/usr/bin/env bash
# The deep parsing mode (docs/raw-text.md): `griot code --parser link` codes raw text from
# Link Grammar's parse and reports its counts; a sentence over the time limit falls back to
# the fast path and is still coded; a build without Link Grammar refuses the option with a
# message naming the packages (exit 77: skipped).
set -u
griot="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

printf 'Title: Deep\nDate: 2023-07-25\n\nThe United States sanctioned Mali.\n' > "$work/doc.txt"
"$griot" code --parser link --parse-time-limit 60 --threads 1 "$work/doc.txt" >"$work/link.jsonl" 2>"$work/link.err"
status=$?
if [ $status -ne 0 ] && grep -q 'built without it' "$work/link.err"; then
  cat "$work/link.err"
  echo "skipped: griot built without Link Grammar"
  exit 77
fi
check "--parser link exits 0" "[ $status -eq 0 ]"
check "--parser link codes the sentence" "grep -q '\"cameo\"' $work/link.jsonl"
check "--parser link reports its counts" "grep -q 'link parser: 1 sentences: 1 parsed' $work/link.err"

"$griot" code --threads 1 "$work/doc.txt" >"$work/fast.jsonl" 2>/dev/null
"$griot" code --parser link --parse-time-limit 0 --threads 1 "$work/doc.txt" >"$work/t0.jsonl" 2>"$work/t0.err"
check "a timeout is counted" "grep -q '1 sentences: 0 parsed, 1 timed out' $work/t0.err"
check "a timed-out sentence is coded on the fast path" "cmp -s $work/t0.jsonl $work/fast.jsonl && [ -s $work/t0.jsonl ]"

"$griot" code --parser deep "$work/doc.txt" >/dev/null 2>"$work/bad.err"
check "an unknown parser is refused" "[ $? -ne 0 ] && grep -qi 'parser' $work/bad.err"

exit $fail
