#!/usr/bin/env bash
# The command-line contract of `griot stats` (docs/analysis.md) on the demo corpus: series,
# signals, network, timeline (with the Wagner Group -> Africa Corps succession from
# data/dict/actor_links.tsv), significant events and outlook, as tables, JSON and CSV; and
# its errors (usage: exit 2; unknown subject, empty store: exit 1).
set -u
griot="$1"
root="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
db="$work/g.db"
"$griot" ingest --db "$db" -q "$root/examples/sahel"
check "ingest of examples/sahel" "[ -s $db ]"

# ---- Mali ----------------------------------------------------------------------------------
"$griot" stats --db "$db" --country MLI >"$work/mali.txt" 2>"$work/mali.err"
check "summary exits 0" "[ $? -eq 0 ]"
check "summary names Mali and its window" "head -1 $work/mali.txt | grep -q '^Mali: [0-9-]* \.\. [0-9-]* (90 days)'"
for section in 'series by week' signals 'significant events' outlook network timeline; do
  check "summary has the $section section" "grep -q '== $section' $work/mali.txt"
done
"$griot" stats series --db "$db" --country MLI --format csv >"$work/series.csv"
check "series csv header" "head -1 $work/series.csv | grep -q '^start,events,mentions,q1,q2,q3,q4,goldstein_mean$'"
check "series has 13 or 14 weekly buckets" "n=\$(( \$(wc -l <$work/series.csv) - 1 )); [ \$n -ge 13 ] && [ \$n -le 14 ]"
check "series buckets start on Mondays" \
  "tail -n +2 $work/series.csv | cut -d, -f1 | while read d; do [ \$(date -u -d \$d +%u) = 1 ] || exit 1; done"
check "series for MLI is not empty" "tail -n +2 $work/series.csv | awk -F, '{s+=\$2} END {exit !(s>0)}'"
check "series rows: Q1..Q4 sum to the events" \
  "tail -n +2 $work/series.csv | awk -F, '\$2 != \$4+\$5+\$6+\$7 {bad=1} END {exit bad}'"
"$griot" stats --db "$db" --country MLI --format json >"$work/mali.json"
check "summary json parses" "python3 -m json.tool $work/mali.json >/dev/null"
check "json has every view" "python3 -c \"import json,sys; j=json.load(open('$work/mali.json')); sys.exit(not all(k in j for k in ['series','signals','network','timeline','top','outlook','totals']))\""
check "json: series events add up to the totals" "python3 -c \"import json,sys; j=json.load(open('$work/mali.json')); sys.exit(sum(p['events'] for p in j['series']) != j['totals']['events'] or j['totals']['events'] == 0)\""
check "json: top events are sorted by score" "python3 -c \"import json,sys; t=json.load(open('$work/mali.json'))['top']; s=[x['score'] for x in t]; sys.exit(not t or s != sorted(s, reverse=True))\""
"$griot" stats series --db "$db" --country Mali --by month --format json >"$work/month.json"
check "a country by name, monthly buckets on the 1st" "python3 -c \"import json,sys; j=json.load(open('$work/month.json')); sys.exit(j['subject']['country'] != 'MLI' or not j['series'] or any(not p['start'].endswith('-01') for p in j['series']))\""
"$griot" stats network --db "$db" --country MLI --format csv >"$work/net.csv"
check "network csv lists interactions" "[ \$(wc -l <$work/net.csv) -ge 2 ]"

# ---- the Wagner Group ----------------------------------------------------------------------
"$griot" stats timeline --db "$db" --actor wagner_group >"$work/wagner.txt" 2>"$work/wagner.err"
check "timeline exits 0" "[ $? -eq 0 ]"
check "timeline shows the succession to Africa Corps" "grep -q 'link  wagner_group succeeded_by africa_corps (2025-06-06\.\.)' $work/wagner.txt"
check "timeline shows when Wagner was seen" "grep -q '(wagner_group): [0-9]* events, first seen [0-9-]*' $work/wagner.txt"
check "timeline shows Wagner's codes" "grep -q 'coded RUS' $work/wagner.txt"
"$griot" stats timeline --db "$db" --actor wagner_group --format json >"$work/wagner.json"
check "timeline json parses" "python3 -m json.tool $work/wagner.json >/dev/null"
check "timeline json: succeeded_by africa_corps" "python3 -c \"import json,sys; t=json.load(open('$work/wagner.json'))['timeline']; sys.exit(not any(l['relation']=='succeeded_by' and l['to']=='africa_corps' for x in t if x['actor_id']=='wagner_group' for l in x['links']))\""
"$griot" stats --db "$db" --actor wagner_group --format json >"$work/wagner_all.json"
check "actor summary json parses" "python3 -m json.tool $work/wagner_all.json >/dev/null"
check "actor events all name Wagner" "python3 -c \"import json,sys; t=json.load(open('$work/wagner_all.json'))['top']; sys.exit(not t or any('wagner_group' not in ((e['event'].get('source') or {}).get('actor_id',''), (e['event'].get('target') or {}).get('actor_id','')) for e in t))\""
"$griot" stats top --db "$db" --actor Wagner --limit 3 --format csv >"$work/top.csv"
check "an actor by a name seen in reports; --limit" "[ \$(wc -l <$work/top.csv) -le 4 ] && [ \$(wc -l <$work/top.csv) -ge 2 ]"
"$griot" stats series --db "$db" --actor RUSPMC --from 2020-01-01 --to 2025-12-31 --by month --format json >"$work/code.json"
check "an actor code prefix with explicit dates" "python3 -c \"import json,sys; j=json.load(open('$work/code.json')); sys.exit(j['window']['from']!='2020-01-01' or len(j['series'])!=72)\""
"$griot" stats outlook --db "$db" --query 'Wagner' --format json >"$work/q.json"
check "a full-text subject" "python3 -m json.tool $work/q.json >/dev/null"

# ---- errors --------------------------------------------------------------------------------
"$griot" stats --db "$db" --actor no_such_actor_xyz 2>"$work/e1"
check "unknown actor exits 1" "[ $? -eq 1 ]"
check "unknown actor is named" "grep -q \"no actor 'no_such_actor_xyz'\" $work/e1"
"$griot" stats --db "$db" --country MLI --from 2024-13-01 2>"$work/e2"
check "bad date exits 2" "[ $? -eq 2 ]"
check "bad date is named" "grep -q \"'2024-13-01' is not a date\" $work/e2"
"$griot" stats --db "$db" 2>"$work/e3"
check "no subject exits 2" "[ $? -eq 2 ]"
"$griot" stats --db "$db" --country MLI --actor wagner_group 2>/dev/null
check "two subjects exit 2" "[ $? -eq 2 ]"
"$griot" stats --db "$db" --country MLI --by year 2>/dev/null
check "bad --by exits 2" "[ $? -eq 2 ]"
"$griot" stats --db "$work/missing.db" --country MLI 2>"$work/e4"
check "missing store exits 2 and says so" "[ $? -eq 2 ] && grep -q 'no griot store' $work/e4"
printf 'Title: x\n\n\n' >"$work/empty.txt"
"$griot" ingest --db "$work/empty.db" -q "$work/empty.txt" 2>/dev/null
"$griot" stats --db "$work/empty.db" --country MLI 2>"$work/e5"
check "empty store exits 1" "[ $? -eq 1 ]"
check "empty store is explained" "grep -q 'the store has no events' $work/e5"
exit $fail
