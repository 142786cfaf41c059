#!/usr/bin/env bash
# Whole-process coding speed on raw text (issue 4's yardstick): the text of TABARI's
# validation suite (../shared/peers/tabari/Validate.text, the records' text without their
# comment blocks) as JSON-lines documents, one per record, replicated with unique ids to
# ~20,000 records, coded by `griot code` on one thread from raw text (tokenize, split, tag,
# code) twice:
#   - with griot's default dictionaries (data/dict, the generated countries and gazetteer);
#   - with TABARI's own (TABARI.Demo.actors, TABARI.Demo.verbs, Validate.agents), no places.
# Prints, for each, the load time (an empty input), the coding rate (records per second, load
# subtracted; from wall time and from CPU time, user + system), the whole-process rate and
# the peak RSS: medians and ranges over RUNS (default 5) alternating load and coding runs.
#   [RUNS=5] bench/tabari_validate.sh [build/release/griot] [copies]
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

# One timed process: prints "wall_seconds cpu_seconds peak_rss_kb", the wall time from the
# shell's microsecond clock, CPU and RSS from GNU time; the run's own summary line goes to
# $summary_file.
timed() {
  local t0 t1 user sys rss
  t0=$EPOCHREALTIME
  /usr/bin/time -o "$time_file" -f "%U %S %M" "$griot" "$@" >/dev/null 2>"$summary_file"
  t1=$EPOCHREALTIME
  read -r user sys rss <"$time_file"
  echo "$(echo "$t1 - $t0" | bc -l) $(echo "$user + $sys" | bc -l) $rss"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
summary_file=$(mktemp)
time_file=$(mktemp)
trap 'rm -f "$summary_file" "$time_file"' EXIT

run() {  # label, then griot code options
  local label=$1
  shift
  local i load_wall load_cpu load_rss wall cpu rss loads=() rates=() cpu_rates=() wholes=() rss_max=0 summary sentences
  # Load and coding runs alternate, RUNS times (default 5): the machine's speed drifts, and a
  # median of paired runs is steadier than any one run. The input comes first: the dictionary
  # options take several values each.
  for ((i = 0; i < ${RUNS:-5}; i++)); do
    read -r load_wall load_cpu load_rss <<<"$(timed code "$empty" -q --input jsonl "$@")"
    read -r wall cpu rss <<<"$(timed code "$big" --threads 1 --input jsonl "$@")"
    summary=$(tail -1 "$summary_file")
    loads+=("$load_wall")
    rates+=("$(echo "$records / ($wall - $load_wall)" | bc -l)")
    cpu_rates+=("$(echo "$records / ($cpu - $load_cpu)" | bc -l)")
    wholes+=("$(echo "$records / $wall" | bc -l)")
    ((rss > rss_max)) && rss_max=$rss
  done
  sentences=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
  stats() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {printf "%.0f-%.0f", v[1], v[NR]}'; }
  printf '%s\n  records: %s, sentences: %s; %s runs\n' "$label" "$records" "$sentences" "${RUNS:-5}"
  printf '  load: median %.3f s wall (%s KB); peak RSS coding %s KB\n' \
    "$(printf '%s\n' "${loads[@]}" | median)" "$load_rss" "$rss_max"
  printf '  coding rate, one thread, load subtracted: median %.0f records/s wall (range %s), %.0f records/s CPU (range %s)\n' \
    "$(printf '%s\n' "${rates[@]}" | median)" "$(stats "${rates[@]}")" \
    "$(printf '%s\n' "${cpu_rates[@]}" | median)" "$(stats "${cpu_rates[@]}")"
  printf '  whole process, load included: median %.0f records/s wall (range %s)\n' \
    "$(printf '%s\n' "${wholes[@]}" | median)" "$(stats "${wholes[@]}")"
  printf '  each run, coding rate wall:'
  printf ' %.0f' "${rates[@]}"
  printf '\n  %s\n' "$summary"
}

run "griot's default dictionaries (with the gazetteer)"
run "TABARI's dictionaries (TABARI.Demo.actors/verbs, Validate.agents), no places" \
  --no-default-dicts --no-places --actors "$T/TABARI.Demo.actors" --verbs "$T/TABARI.Demo.verbs" \
  --agents "$T/Validate.agents"
