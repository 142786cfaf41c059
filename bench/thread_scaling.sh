#!/usr/bin/env bash
# Thread scaling of whole-process raw-text coding: the demo corpus (examples/sahel, 70
# articles) replicated into a directory of text files (copies x 70 documents), coded by
# `griot code` with griot's default dictionaries on 1 and 2 threads (or the thread counts
# given). Prints wall time, CPU time, documents and sentences per second (wall, load
# included) and peak RSS for each. Wall time is only meaningful on an otherwise idle machine.
#   bench/thread_scaling.sh [build/release/griot] [copies] [threads...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
griot=${1:-$root/build/release/griot}
copies=${2:-100}
shift $(( $# >= 2 ? 2 : $# ))
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
work=$root/build/bench/sahel_x$copies
if [ ! -d "$work" ] || [ "$(ls "$work" | wc -l)" -ne $(( copies * $(ls "$root"/examples/sahel/*.txt | wc -l) )) ]; then
  rm -rf "$work"
  mkdir -p "$work"
  for c in $(seq 1 "$copies"); do
    for f in "$root"/examples/sahel/*.txt; do cp "$f" "$work/c${c}_$(basename "$f")"; done
  done
fi
echo "corpus: $work ($(ls "$work" | wc -l) documents)"
for t in "${threads[@]}"; do
  out=$( { /usr/bin/time -f "%e %U %S %M" "$griot" code --threads "$t" "$work" -o /dev/null; } 2>&1 | tail -2)
  summary=$(echo "$out" | head -1)
  read -r wall user sys rss <<<"$(echo "$out" | tail -1)"
  docs=$(echo "$summary" | sed -n 's/.* \([0-9]*\) coded.*/\1/p')
  sentences=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) sentences.*/\1/p')
  printf 'threads %s: wall %.2f s, CPU %.2f s (user %s + sys %s), %.0f documents/s, %.0f sentences/s (wall), peak RSS %s KB\n  %s\n' \
    "$t" "$wall" "$(echo "$user + $sys" | bc -l)" "$user" "$sys" "$(echo "$docs / $wall" | bc -l)" \
    "$(echo "$sentences / $wall" | bc -l)" "$rss" "$summary"
done
