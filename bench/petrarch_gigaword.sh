#!/usr/bin/env bash
# Coding speed on pre-parsed input with the field's full dictionaries (issue 3's yardstick):
# PETRARCH's GigaWord sample (../shared/peers/petrarch2/GigaWord.sample.PETR.xml, 76
# sentences) replicated 200 times with unique ids (~15,000 sentences), coded by
# `griot code --input petrarch-xml` with CAMEO 2.0 verbs and the Phoenix actors, agents and
# discards, on one thread, with PETRARCH-1 semantics (`--semantics petrarch1`; pass `griot`
# as the third argument for griot's own reading of the parses). Prints load time, coding rate
# and peak RSS; times are given as wall clock and as CPU (user + system), the rate from each
# (on a machine shared with other work, the CPU figures are the ones to compare).
#   bench/petrarch_gigaword.sh [build/release/griot] [copies] [petrarch1|griot]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
griot=${1:-$root/build/release/griot}
copies=${2:-200}
semantics=${3:-petrarch1}
D=$root/../shared/peers/petrarch2
work=$root/build/bench
mkdir -p "$work"
big=$work/gigaword_x$copies.xml
if [ ! -s "$big" ]; then
  node -e '
    const fs = require("fs");
    const src = fs.readFileSync(process.argv[1], "utf8");
    const sentences = src.match(/<Sentence\s[\s\S]*?<\/Sentence>/g);
    let out = "<Sentences>\n";
    for (let c = 0; c < +process.argv[2]; c++)
      for (const s of sentences) out += s.replace(/id\s*=\s*"([^"]*)"/, (m, id) => `id="${id}-c${c}"`) + "\n";
    fs.writeFileSync(process.argv[3], out + "</Sentences>\n");
  ' "$D/GigaWord.sample.PETR.xml" "$copies" "$big"
fi
dicts=(--no-default-dicts --no-places --verbs "$D/CAMEO.2.0.txt" --actors "$D/Phoenix.Countries.actors.txt"
       --actors "$D/Phoenix.International.actors.txt" --actors "$D/Phoenix.MilNonState.actors.txt"
       --agents "$D/Phoenix.agents.txt" --discards "$D/Phoenix.discards.txt")
empty=$work/empty.xml
# The input comes first: the dictionary options take several values each.
echo "<Sentences></Sentences>" > "$empty"
# Load only: an empty input.
load=$( { /usr/bin/time -f "%e %U %S %M" "$griot" code "$empty" -q --input petrarch-xml --semantics "$semantics" "${dicts[@]}" >/dev/null; } 2>&1 | tail -1)
full=$( { /usr/bin/time -f "%e %U %S %M" "$griot" code "$big" --threads 1 --input petrarch-xml --semantics "$semantics" "${dicts[@]}" --output petrarch >/dev/null; } 2>&1 | tail -2)
summary=$(echo "$full" | head -1)
read -r total total_user total_sys rss <<<"$(echo "$full" | tail -1)"
read -r load_s load_user load_sys load_rss <<<"$load"
load_cpu=$(echo "$load_user + $load_sys" | bc -l)
total_cpu=$(echo "$total_user + $total_sys" | bc -l)
sentences=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
rate=$(echo "$sentences / ($total - $load_s)" | bc -l)
rate_cpu=$(echo "$sentences / ($total_cpu - $load_cpu)" | bc -l)
printf 'semantics: %s\nsentences: %s\nload: %.2f s wall, %.2f s CPU (%s KB)\ntotal: %.2f s wall, %.2f s CPU, peak RSS %s KB\ncoding: %.0f sentences/s on one thread (wall), %.0f sentences/s (CPU)\n%s\n' \
  "$semantics" "$sentences" "$load_s" "$load_cpu" "$load_rss" "$total" "$total_cpu" "$rss" "$rate" "$rate_cpu" "$summary"
