#!/usr/bin/env bash
# The brief (docs/brief.md): `griot demo` codes the demo corpus into a fresh store and prints
# the Mali brief; `griot brief` on that store for an actor, in Markdown, JSON and HTML. Checks:
# the four headings in order, every footnote used is defined (and every definition quotes a
# sentence), a succession to Africa Corps is written only with a citation naming it, the JSON
# validates and has the documented shape, the HTML is one self-contained file with SVG charts,
# errors exit non-zero with a message.
set -u
griot="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }
db="$work/demo.db"

headings_in_order() {  # file
  python3 - "$1" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
at = 0
for h in ["## What's Happening?", "## Why It's Important?", "## What's Next?", "## Beyond the Headlines"]:
    i = text.find("\n" + h + "\n", at)
    if i < 0:
        sys.exit("missing or out of order: " + h)
    at = i + 1
PY
}

footnotes_defined() {  # file
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
defined = {m.group(1): m.group(2) for m in re.finditer(r'^\[\^(\d+)\]: (.*)$', text, re.M)}
body = re.sub(r'^\[\^\d+\]: .*$', '', text, flags=re.M)
used = set(re.findall(r'\[\^(\d+)\]', body))
if not used:
    sys.exit("no footnote used")
missing = used - set(defined)
if missing:
    sys.exit("undefined footnotes: %s" % sorted(missing, key=int))
unused = set(defined) - used
if unused:
    sys.exit("footnotes defined but never used: %s" % sorted(unused, key=int))
for n, d in defined.items():
    if '"' not in d or "event `" not in d:
        sys.exit("footnote %s does not quote a sentence and name its event: %s" % (n, d))
# Every sentence of a section ends with a footnote unless it says nothing is on record.
section = None
for line in text.splitlines():
    if line.startswith("## "):
        section = line
        continue
    if not section or section == "## Sources" or not line.strip():
        continue
    if not re.search(r'\[\^\d+\]$', line) and not re.match(r'(No |Nothing )', line):
        sys.exit("uncited sentence in %s: %s" % (section, line))
PY
}

# ---- griot demo ----------------------------------------------------------------------------
(cd "$work" && "$griot" demo --db "$db" >"$work/mali.md" 2>"$work/demo.err")
check "griot demo exits 0" "[ $? -eq 0 ]"
check "demo reports the ingest on stderr" "grep -q '70 read: 70 new' $work/demo.err"
check "demo prints the Mali brief" "head -1 $work/mali.md | grep -q '^# Mali'"
check "Mali brief: four headings in order" "headings_in_order $work/mali.md"
check "Mali brief: every footnote used is defined" "footnotes_defined $work/mali.md"
check "What's Next? sentences are marked as projections" \
  "python3 -c \"
import sys,re
t=open('$work/mali.md',encoding='utf-8').read()
s=t.split('## What\\'s Next?')[1].split('## ')[0]
lines=[l for l in s.splitlines() if l.strip()]
sys.exit(0 if lines and all(l.startswith('Projection:') or l.startswith('No ') for l in lines) else 1)\""
(cd "$work" && "$griot" demo --db "$db" -q --format md -o "$work/mali2.md")
check "demo again replaces its own store (same brief)" "cmp -s $work/mali.md $work/mali2.md"
printf 'not a demo store\n' >"$work/mine.db"
"$griot" demo --db "$work/mine.db" -q >/dev/null 2>"$work/mine.err"
check "demo refuses to replace a file it did not make (exit 2)" "[ $? -eq 2 ] && grep -q 'not made by' $work/mine.err"
check "... and leaves it untouched" "grep -q 'not a demo store' $work/mine.db"

# ---- griot brief ---------------------------------------------------------------------------
"$griot" brief --db "$db" --actor wagner_group --from 2021-01-01 --to 2025-10-31 >"$work/wagner.md"
check "Wagner brief exits 0" "[ $? -eq 0 ]"
check "Wagner brief: four headings in order" "headings_in_order $work/wagner.md"
check "Wagner brief: every footnote used is defined" "footnotes_defined $work/wagner.md"
check "Wagner brief: Africa Corps succession only if cited" \
  "python3 - $work/wagner.md <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
notes = {m.group(1): m.group(2) for m in re.finditer(r'^\[\^(\d+)\]: (.*)$', text, re.M)}
for line in text.splitlines():
    if line.startswith('[^') or 'Africa Corps' not in line:
        continue
    refs = re.findall(r'\[\^(\d+)\]', line)
    if not any('Africa Corps' in notes.get(r, '') for r in refs):
        sys.exit('Africa Corps named without a citation naming it: ' + line)
PY"
"$griot" brief --db "$db" --country MLI --from 2025-01-01 --to 2025-10-31 --format json -o "$work/mali.json"
check "JSON brief exits 0" "[ $? -eq 0 ]"
check "JSON validates and has the documented shape" \
  "python3 - $work/mali.json <<'PY'
import json, sys
b = json.load(open(sys.argv[1], encoding='utf-8'))
assert isinstance(b['title'], str) and b['window']['from'] and b['window']['to']
titles = [s['title'] for s in b['sections']]
assert titles == [\"What's Happening?\", \"Why It's Important?\", \"What's Next?\", 'Beyond the Headlines'], titles
n = 0
for s in b['sections']:
    for t in s['sentences']:
        assert isinstance(t['text'], str) and t['text']
        if t['kind'] != 'absence':
            assert t['citations'], t['text']
        for c in t['citations']:
            for k in ('event_id', 'doc_id', 'title', 'source', 'date', 'sentence'):
                assert isinstance(c[k], str), k
            n += 1
assert n > 0
PY"
"$griot" brief --db "$db" --country MLI --from 2025-01-01 --to 2025-10-31 --format html -o "$work/mali.html"
check "HTML brief exits 0" "[ $? -eq 0 ]"
check "HTML has inline SVG charts" "[ \$(grep -c '<svg' $work/mali.html) -ge 2 ]"
check "HTML is self-contained (no external reference)" \
  "! grep -Eiq '(href|src)=\"?(https?:)?//|url\\(|@import|<script|<link|<img|xmlns=\"http' $work/mali.html"
"$griot" brief --db "$db" --country MLI --from 1990-01-01 --to 1990-03-31 >"$work/empty.md"
check "an empty window says so" "grep -q 'No events on record for Mali between 1 January and 31 March 1990' $work/empty.md"
check "an empty window cites nothing" "! grep -q '\\[\\^' $work/empty.md"
"$griot" brief --db "$db" --actor no_such_actor_anywhere >/dev/null 2>"$work/unknown.err"
check "an unknown actor exits 1 with a message" "[ $? -eq 1 ] && [ -s $work/unknown.err ]"
"$griot" brief --db "$db" >/dev/null 2>"$work/nosubject.err"
check "no subject exits 2" "[ $? -eq 2 ] && grep -q 'exactly one of' $work/nosubject.err"
"$griot" brief --db "$db" --country MLI --from 2025-13-01 >/dev/null 2>"$work/baddate.err"
check "a bad date exits 2" "[ $? -eq 2 ] && grep -q 'not YYYY-MM-DD' $work/baddate.err"
"$griot" brief --db "$work/absent.db" --country MLI >/dev/null 2>"$work/absent.err"
check "a missing store exits 2" "[ $? -eq 2 ]"
exit $fail
