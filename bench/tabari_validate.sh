#!/usr/bin/env bash
# Whole-process coding speed on raw text (issue 4's yardstick): the text of TABARI's
# validation suite (../shared/peers/tabari/Validate.text, the records' text without their
# comment blocks) as JSON-lines documents, one per record, replicated with unique ids to
# ~20,000 records, coded by `griot code` on one thread from raw text (tokenize, split, tag,
# code) twice:
#   - with griot's default dictionaries (data/dict, the generated countries and gazetteer);
#   - with TABARI's own (TABARI.Demo.actors, TABARI.Demo.verbs, Validate.agents), no places.
# Prints, for each, the load time (an empty input), the coding rate (records and sentences
# per second, load subtracted) and the peak RSS; times as wall clock and as CPU (user +
# system), the rates from each (on a shared machine, compare the CPU figures).
#   bench/tabari_validate.sh [build/release/griot] [copies]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
griot=${1:-$root/build/release/griot}
copies=${2:-42}
T=$root/../shared/peers/tabari
work=$root/build/bench
mkdir -p "$work"
big=$work/tabari_validate_x$copies.jsonl
if [ ! -s "$big" ]; then
  node -e '
    const fs = require("fs");
    const lines = fs.readFileSync(process.argv[1], "latin1").split(/\r?\n/);
    const records = [];
    for (let i = 0; i < lines.length; i++) {
      const m = /^(\d{6,8})\s+(\S+)/.exec(lines[i]);
      if (!m) continue;
      const body = [];
      for (i++; i < lines.length && lines[i].trim() !== ""; i++) body.push(lines[i]);
      let text = body.join("\n");
      const c = text.indexOf("/*");
      if (c >= 0) text = text.slice(0, c);
      text = text.trim();
      if (!text) continue;
      // YYMMDD, or YYYYMMDD (the suite sets "YYYY" for some records); no date if neither fits.
      const d = m[1];
      const yy = +d.slice(0, 2);
      let date = d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`
                                : `${yy >= 50 ? 1900 + yy : 2000 + yy}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
      const [, mm, dd] = date.split("-").map(Number);
      const r = { id: m[2], text };
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) r.date = date;
      records.push(r);
    }
    let out = "";
    for (let c = 0; c < +process.argv[2]; c++)
      for (const r of records) out += JSON.stringify({ ...r, id: `${r.id}-c${c}` }) + "\n";
    fs.writeFileSync(process.argv[3], out);
  ' "$T/Validate.text" "$copies" "$big"
fi
empty=$work/empty.jsonl
: > "$empty"
records=$(wc -l < "$big")

run() {  # label, then griot code options
  local label=$1
  shift
  local load full summary total total_user total_sys rss load_s load_user load_sys load_rss sentences coding cpu
  # The input comes first: the dictionary options take several values each.
  load=$( { /usr/bin/time -f "%e %U %S %M" "$griot" code "$empty" -q --input jsonl "$@" >/dev/null; } 2>&1 | tail -1)
  full=$( { /usr/bin/time -f "%e %U %S %M" "$griot" code "$big" --threads 1 --input jsonl "$@" >/dev/null; } 2>&1 | tail -2)
  summary=$(echo "$full" | head -1)
  read -r total total_user total_sys rss <<<"$(echo "$full" | tail -1)"
  read -r load_s load_user load_sys load_rss <<<"$load"
  sentences=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
  coding=$(echo "$total - $load_s" | bc -l)
  cpu=$(echo "$total_user + $total_sys - $load_user - $load_sys" | bc -l)
  printf '%s\n  records: %s, sentences: %s\n  load: %.2f s wall, %.2f s CPU (%s KB)\n  total: %.2f s wall, %.2f s CPU, peak RSS %s KB\n  coding, one thread: %.0f records/s, %.0f sentences/s (wall); %.0f records/s, %.0f sentences/s (CPU)\n  %s\n' \
    "$label" "$records" "$sentences" "$load_s" "$(echo "$load_user + $load_sys" | bc -l)" "$load_rss" "$total" \
    "$(echo "$total_user + $total_sys" | bc -l)" "$rss" \
    "$(echo "$records / $coding" | bc -l)" "$(echo "$sentences / $coding" | bc -l)" \
    "$(echo "$records / $cpu" | bc -l)" "$(echo "$sentences / $cpu" | bc -l)" "$summary"
}

run "griot's default dictionaries (with the gazetteer)"
run "TABARI's dictionaries (TABARI.Demo.actors/verbs, Validate.agents), no places" \
  --no-default-dicts --no-places --actors "$T/TABARI.Demo.actors" --verbs "$T/TABARI.Demo.verbs" \
  --agents "$T/Validate.agents"
