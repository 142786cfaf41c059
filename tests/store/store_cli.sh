#!/usr/bin/env bash
# The command-line contract of the store (docs/store.md): `griot ingest` stores, skips what it
# already has and names every reject; `--db`, $GRIOT_DB and ./griot.db select the store; a
# file that is not a griot store is refused and left untouched; `griot events` filters and
# exports; `griot explain` shows the sentences, rules and merge reasons; web pages and feeds
# are read when griot is built with gumbo and pugixml.
set -u
griot="$1"
root="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
db="$work/g.db"

# ---- ingest: the demo corpus, twice --------------------------------------------------------
"$griot" ingest --db "$db" --no-progress "$root/examples/sahel" >"$work/out1" 2>"$work/err1"
check "ingest exits 0" "[ $? -eq 0 ]"
check "ingest summary" "grep -q 'griot: 70 read: 70 new, 0 duplicates' $work/err1"
check "ingest writes nothing on stdout" "[ ! -s $work/out1 ]"
"$griot" events --db "$db" --output jsonl >"$work/ev1.jsonl"
"$griot" ingest --db "$db" "$root/examples/sahel" 2>"$work/err2"
check "re-ingest stores nothing new" "grep -q '70 read: 0 new, 70 duplicates' $work/err2"
"$griot" events --db "$db" --output jsonl >"$work/ev2.jsonl"
check "re-ingest leaves the events unchanged" "cmp -s $work/ev1.jsonl $work/ev2.jsonl"
check "piped ingest shows no progress line" "! grep -q \$'\\r' $work/err2"

# ---- where the store is --------------------------------------------------------------------
printf 'Title: Good\nDate: 2023-07-25\n\nThe United States sanctioned Mali.\n' >"$work/good.txt"
GRIOT_DB="$work/env.db" "$griot" ingest -q "$work/good.txt"
check "\$GRIOT_DB selects the store" "[ -s $work/env.db ]"
mkdir "$work/cwd"
(cd "$work/cwd" && env -u GRIOT_DB "$griot" ingest -q "$work/good.txt")
check "default store is ./griot.db" "[ -s $work/cwd/griot.db ]"

# ---- foreign and corrupt files are refused and untouched ----------------------------------
printf 'my notes, not a database\n' >"$work/notes.db"
cp "$work/notes.db" "$work/notes.orig"
"$griot" ingest --db "$work/notes.db" "$work/good.txt" 2>"$work/foreign.err"
check "a text file as --db is refused (exit 2)" "[ $? -eq 2 ]"
check "the refusal names the file" "grep -q 'notes.db is not a griot store' $work/foreign.err"
check "the text file is untouched" "cmp -s $work/notes.db $work/notes.orig && [ ! -e $work/notes.db-wal ]"
"$griot" events --db "$work/notes.db" >/dev/null 2>&1
check "events refuses it too" "[ $? -eq 2 ] && cmp -s $work/notes.db $work/notes.orig"
if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 "$work/other.db" 'CREATE TABLE accounts(id INTEGER); INSERT INTO accounts VALUES (1);'
  cp "$work/other.db" "$work/other.orig"
  "$griot" ingest --db "$work/other.db" "$work/good.txt" 2>"$work/other.err"
  check "another application's SQLite file is refused" "[ $? -eq 2 ] && grep -q 'another application' $work/other.err"
  check "and left untouched" "cmp -s $work/other.db $work/other.orig"
  check "griot stores carry application_id 'grio'" "[ \$(sqlite3 $db 'PRAGMA application_id') = 1735551343 ]"
  check "schema version recorded" "[ \$(sqlite3 $db 'PRAGMA user_version') -ge 1 ]"
  check "store is in WAL mode" "[ \$(sqlite3 $db 'PRAGMA journal_mode') = wal ]"
  check "store passes integrity_check" "[ \"\$(sqlite3 $db 'PRAGMA integrity_check')\" = ok ]"
fi
"$griot" events --db "$work/absent.db" >/dev/null 2>"$work/absent.err"
check "events on a missing store says so" "[ $? -eq 2 ] && grep -q 'no griot store' $work/absent.err && [ ! -e $work/absent.db ]"

# ---- bad input: reported, skipped, never half-stored --------------------------------------
printf 'bad \xff byte\n' >"$work/bad.txt"
printf '{"id":"j1","text":"France withdrew its troops from Mali.","date":"2022-08-15"}\n{broken\n{"id":"j3"}\n' >"$work/in.jsonl"
"$griot" ingest --db "$work/bad.db" "$work/bad.txt" "$work/missing.txt" "$work/in.jsonl" 2>"$work/bad.err"
check "bad input does not fail the run" "[ $? -eq 0 ]"
check "invalid UTF-8 named" "grep -q 'rejected $work/bad.txt: invalid UTF-8 at byte 4' $work/bad.err"
check "missing file named" "grep -q 'rejected $work/missing.txt: no such file' $work/bad.err"
check "broken JSON line named" "grep -q 'in.jsonl:2: not a JSON object' $work/bad.err"
check "missing text named" "grep -q 'in.jsonl:3: missing field' $work/bad.err"
check "summary counts rejects" "grep -q '5 read: 1 new, 0 duplicates, 0 near-duplicates, 4 rejected' $work/bad.err"
"$griot" ingest --db "$work/bad.db" --strict -q "$work/bad.txt" 2>/dev/null
check "--strict exits 1 on a reject" "[ $? -eq 1 ]"

# ---- events: formats -----------------------------------------------------------------------
n=$(wc -l <"$work/ev1.jsonl")
check "demo corpus gives events" "[ $n -gt 100 ]"
check "jsonl: the code record's fields plus mentions and documents" \
  "node -e 'const l=require(\"fs\").readFileSync(process.argv[1],\"utf8\").trim().split(\"\\n\");for(const x of l){const e=JSON.parse(x);for(const k of [\"event_id\",\"doc_id\",\"sentence_index\",\"sentence\",\"date\",\"source\",\"target\",\"cameo\",\"cameo_root\",\"quad_class\",\"goldstein\",\"plover\",\"plover_mode\",\"modality\",\"location\",\"spans\",\"rule\",\"mentions\",\"documents\",\"doc_ids\"]){if(!(k in e))throw new Error(k)}}' $work/ev1.jsonl"
check "piped output defaults to jsonl" "\"$griot\" events --db $db --limit 1 | head -c1 | grep -q '{'"
"$griot" events --db "$db" --output csv >"$work/ev.csv"
check "csv: header and one row per event" "[ \$(head -1 $work/ev.csv | cut -c1-13) = event_id,date ] && [ \$(node -e 'const t=require(\"fs\").readFileSync(process.argv[1],\"utf8\");let q=false,rows=0;for(const c of t){if(c==\"\\\"\")q=!q;else if(c==\"\\n\"&&!q)rows++}console.log(rows)' $work/ev.csv) -eq \$((n+1)) ]"
"$griot" events --db "$db" --output tsv >"$work/ev.tsv"
cols=$(head -1 "$work/ev.tsv" | awk -F'\t' '{print NF}')
check "tsv: GDELT-like header, rectangular" "head -1 $work/ev.tsv | grep -q '^event_id' && awk -F'\t' -v n=$cols 'NF!=n{bad=1} END{exit bad}' $work/ev.tsv"
"$griot" events --db "$db" --output petrarch >"$work/ev.petr"
check "petrarch: one line per event, YYYYMMDD first" "[ \$(wc -l < $work/ev.petr) -eq $n ] && head -1 $work/ev.petr | grep -qE '^[0-9]{8}'"
"$griot" events --db "$db" --output plover >"$work/ev.plover"
check "plover: PLOVER field names" \
  "node -e 'const l=require(\"fs\").readFileSync(process.argv[1],\"utf8\").trim().split(\"\\n\");for(const x of l){const e=JSON.parse(x);for(const k of [\"id\",\"date\",\"event_type\",\"mode\",\"context\",\"actor\",\"recipient\",\"event_text\"]){if(!(k in e))throw new Error(k)}}' $work/ev.plover"
"$griot" events --db "$db" --output table --limit 5 >"$work/ev.table"
check "table: header and 5 rows" "head -1 $work/ev.table | grep -q '^EVENT  *DATE  *SOURCE' && [ \$(wc -l < $work/ev.table) -eq 6 ]"

# ---- events: filters -----------------------------------------------------------------------
jcount() { "$griot" events --db "$db" --output jsonl "$@" | wc -l; }
every() { "$griot" events --db "$db" --output jsonl "${@:2}" | node -e "const l=require('fs').readFileSync(0,'utf8').trim().split('\n').filter(Boolean);if(!l.length)process.exit(1);for(const x of l){const e=JSON.parse(x);if(!($1))process.exit(1)}"; }
check "--actor MLI: every event has a Malian source or target" \
  "every '(e.source&&e.source.code.startsWith(\"MLI\"))||(e.target&&e.target.code.startsWith(\"MLI\"))' --actor MLI"
check "--source RUS" "every 'e.source&&e.source.code.startsWith(\"RUS\")' --source RUS"
check "--actor by actor id (wagner_group)" "every '[e.source,e.target].some(a=>a&&a.actor_id===\"wagner_group\")' --actor wagner_group"
check "--actor by a name seen in reports" "[ \$(jcount --actor 'Wagner') -gt 0 ]"
check "--cameo 19 (a root)" "every 'e.cameo_root===\"19\"' --cameo 19"
check "--plover and --quad" "every 'e.plover===\"ASSAULT\"&&e.quad_class===4' --plover assault --quad 4"
check "--from/--to" "every 'e.date>=\"2022-01-01\"&&e.date<=\"2022-06-30\"' --from 2022-01-01 --to 2022-06-30"
check "--country" "every '[e.source&&e.source.country,e.target&&e.target.country,e.location&&e.location.country].includes(\"BFA\")' --country bfa"
check "--modality" "every 'e.modality===\"negated\"' --modality negated"
check "--search (FTS5 over reporting sentences)" "[ \$(jcount --search 'Moura') -gt 0 ] && [ \$(jcount --search 'zzzqqq') -eq 0 ]"
check "--search accepts words with punctuation" "\"$griot\" events --db $db --search \"al-Qaeda N'Daw\" >/dev/null"
place=$(node -e "const l=require('fs').readFileSync(process.argv[1],'utf8').trim().split('\n').map(JSON.parse).filter(e=>e.location);console.log(l[0].location.name)" "$work/ev1.jsonl")
check "--place ($place)" "every 'e.location&&e.location.name.toLowerCase()===\"$(echo "$place" | tr '[:upper:]' '[:lower:]')\"' --place '$place'"
"$griot" events --db "$db" --actor nobody_at_all >/dev/null 2>"$work/noactor.err"
check "an unknown actor name is an error" "[ $? -eq 1 ] && grep -q \"no actor called 'nobody_at_all'\" $work/noactor.err"

# ---- explain -------------------------------------------------------------------------------
merged=$(node -e "const l=require('fs').readFileSync(process.argv[1],'utf8').trim().split('\n').map(JSON.parse).filter(e=>e.mentions>1);console.log(l.length?l[0].event_id:'')" "$work/ev1.jsonl")
check "the demo corpus has merged events" "[ -n '$merged' ]"
"$griot" explain --db "$db" "$merged" >"$work/explain.txt"
check "explain exits 0" "[ $? -eq 0 ]"
check "explain marks source/target/verb with brackets when piped" "grep -q '\\[V: ' $work/explain.txt && ! grep -q \$'\\x1b' $work/explain.txt"
check "explain shows the rule and the merge reason" "grep -q '  rule:  ' $work/explain.txt && grep -q '  merged:   same source' $work/explain.txt"
check "explain names the documents" "grep -q '  document: ' $work/explain.txt"
"$griot" explain --db "$db" --color "$merged" | grep -q $'\x1b\[7m'
check "explain --color uses ANSI" "[ $? -eq 0 ]"
"$griot" explain --db "$db" ffffffffffffffff >/dev/null 2>&1
check "explain of an unknown id exits 1" "[ $? -eq 1 ]"

# ---- web pages and feeds -------------------------------------------------------------------
cat >"$work/page.html" <<'HTML'
<!doctype html><html><head><title>Site | Sanctions</title>
<meta property="og:title" content="US sanctions Malian officials">
<meta property="article:published_time" content="2023-07-24T14:00:00Z">
<link rel="canonical" href="https://example.org/sanctions"></head>
<body><nav><p>Home World Africa</p></nav>
<article><h1>US sanctions Malian officials</h1>
<p>The United States sanctioned Mali's defence minister on Monday.</p>
<script>var x = "The United States attacked France.";</script>
<p>France withdrew its troops from Mali last year.</p></article>
<footer><p>Copyright</p></footer></body></html>
HTML
cat >"$work/feed.rss" <<'RSS'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Demo wire</title>
<item><title>Sanctions</title><link>https://example.org/a</link><guid>wire-a</guid>
<pubDate>Tue, 25 Jul 2023 10:00:00 GMT</pubDate><description>&lt;p&gt;The United States sanctioned Mali.&lt;/p&gt;</description></item>
<item><title>Empty</title><guid>wire-b</guid><description></description></item>
</channel></rss>
RSS
"$griot" ingest --db "$work/web.db" "$work/page.html" "$work/feed.rss" 2>"$work/web.err"
if grep -q 'needs griot built with' "$work/web.err"; then
  echo "skip: HTML/RSS (griot built without gumbo/pugixml)"
else
  check "html and rss ingested" "grep -q '3 read: 2 new, 0 duplicates, 0 near-duplicates, 1 rejected' $work/web.err"
  check "an empty feed item is named" "grep -q 'rejected $work/feed.rss#2: empty text' $work/web.err"
  "$griot" events --db "$work/web.db" --output jsonl >"$work/web.jsonl"
  check "page events carry the page's title, date and URL" "grep -q '\"doc_id\":\"page\"' $work/web.jsonl && grep -q '\"date\":\"2023-07-24\"' $work/web.jsonl"
  check "scripts and navigation are not read" "! grep -q 'attacked France' $work/web.jsonl"
  check "feed item coded with its guid and date" "grep -q '\"doc_ids\":\\[\"page\",\"wire-a\"\\]' $work/web.jsonl || grep -q 'wire-a' $work/web.jsonl"
fi

check "--help documents the commands" "$griot ingest --help | grep -q -- '--merge-window' && $griot events --help | grep -q -- '--search' && $griot explain --help | grep -q 'rule'"
exit $fail
