#!/usr/bin/env bash
# The contract of `griot code` (docs/code-output.md): bad inputs are reported with their name
# and reason and never stop the batch; a summary ends every run; --strict turns rejects into
# exit status 1; output is identical for any thread count; JSONL and TSV outputs are well
# formed.
set -u
griot="$1"
root="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

printf 'Title: Good\nDate: 2023-07-25\n\nThe United States sanctioned Mali.\n' > "$work/good.txt"
printf 'bad \xff byte\n' > "$work/bad.txt"
printf 'Title: Empty\n\n\n' > "$work/empty.txt"
"$griot" code "$work/good.txt" "$work/bad.txt" "$work/empty.txt" "$work/missing.txt" \
  >"$work/out.jsonl" 2>"$work/err.txt"
status=$?
check "exit 0 without --strict" "[ $status -eq 0 ]"
check "invalid UTF-8 named" "grep -q 'rejected $work/bad.txt: invalid UTF-8 at byte 4' $work/err.txt"
check "empty text named" "grep -q 'rejected $work/empty.txt: empty text' $work/err.txt"
check "missing file named" "grep -q 'rejected $work/missing.txt: no such file' $work/err.txt"
check "summary line" "grep -q '4 documents read, 1 coded, 3 rejected' $work/err.txt"

"$griot" code --strict -q "$work/good.txt" "$work/bad.txt" >/dev/null 2>&1
check "--strict exits 1 on a reject" "[ $? -eq 1 ]"

printf '{"id":"a","text":"France withdrew its troops from Mali.","date":"2022-08-15"}\n{broken\n\n{"id":"b"}\n' > "$work/in.jsonl"
"$griot" code --input jsonl "$work/in.jsonl" >"$work/j.out" 2>"$work/j.err"
check "broken JSON line named by line number" "grep -q 'in.jsonl:2: not a JSON object' $work/j.err"
check "missing text named by line number" "grep -q 'in.jsonl:4: missing field \"text\"' $work/j.err"
check "jsonl summary" "grep -q '3 documents read, 1 coded, 2 rejected' $work/j.err"

"$griot" code -q --threads 1 "$root/examples/sahel" >"$work/t1.jsonl"
"$griot" code -q --threads 2 "$root/examples/sahel" >"$work/t2.jsonl"
"$griot" code -q --threads 7 "$root/examples/sahel" >"$work/t7.jsonl"
check "demo corpus yields events" "[ \$(wc -l < $work/t1.jsonl) -gt 20 ]"
check "identical output for 1, 2 and 7 threads" "cmp -s $work/t1.jsonl $work/t2.jsonl && cmp -s $work/t1.jsonl $work/t7.jsonl"
check "every line is a JSON object with the contract's fields" \
  "node -e 'const l=require(\"fs\").readFileSync(process.argv[1],\"utf8\").trim().split(\"\\n\");for(const x of l){const e=JSON.parse(x);for(const k of [\"event_id\",\"doc_id\",\"sentence_index\",\"sentence\",\"date\",\"source\",\"target\",\"cameo\",\"cameo_root\",\"quad_class\",\"goldstein\",\"plover\",\"plover_mode\",\"modality\",\"location\",\"spans\",\"rule\"]){if(!(k in e))throw new Error(k)}}' $work/t1.jsonl"
check "event ids unique" "[ \$(node -e 'const l=require(\"fs\").readFileSync(process.argv[1],\"utf8\").trim().split(\"\\n\");console.log(new Set(l.map(x=>JSON.parse(x).event_id)).size===l.length?1:0)' $work/t1.jsonl) = 1 ]"

"$griot" code -q --output tsv "$root/examples/sahel" >"$work/out.tsv"
cols=$(head -1 "$work/out.tsv" | awk -F'\t' '{print NF}')
check "tsv has a header and rectangular rows" "awk -F'\t' -v n=$cols 'NF!=n{bad=1} END{exit bad}' $work/out.tsv"
check "--help explains the options" "$griot code --help | grep -q -- '--threads'"
exit $fail
