#!/usr/bin/env bash
# Coding speed on pre-parsed input with the field's full dictionaries (issue 3's yardstick):
# PETRARCH's GigaWord sample (../shared/peers/petrarch2/GigaWord.sample.PETR.xml, 76
# sentences) replicated 200 times with unique ids (~15,000 sentences), coded by
# `griot code --input petrarch-xml` with CAMEO 2.0 verbs and the Phoenix actors, agents and
# discards, on one thread. Prints load time, coding rate and peak RSS.
#   bench/petrarch_gigaword.sh [build/release/griot] [copies]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
griot=${1:-$root/build/release/griot}
copies=${2:-200}
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
echo "<Sentences></Sentences>" > "$empty"
# Load only: an empty input.
load=$( { /usr/bin/time -f "%e %M" "$griot" code -q --input petrarch-xml "${dicts[@]}" "$empty" >/dev/null; } 2>&1 | tail -1)
full=$( { /usr/bin/time -f "%e %M" "$griot" code --threads 1 --input petrarch-xml "${dicts[@]}" --output petrarch "$big" >/dev/null; } 2>&1 | tail -2)
summary=$(echo "$full" | head -1)
read -r total rss <<<"$(echo "$full" | tail -1)"
read -r load_s load_rss <<<"$load"
sentences=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
coding=$(echo "$total - $load_s" | bc -l)
rate=$(echo "$sentences / $coding" | bc -l)
printf 'sentences: %s\nload: %.2f s (%s KB)\ntotal: %.2f s, peak RSS %s KB\ncoding: %.0f sentences/s on one thread\n%s\n' \
  "$sentences" "$load_s" "$load_rss" "$total" "$rss" "$rate" "$summary"
