#!/usr/bin/env bash
# The main job on the bundled demo corpus: set up (if needed), then code every article in
# examples/sahel and print the events, one readable line each. The full records are written
# to build/demo-events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
griot=build/release/griot
"$griot" code -q examples/sahel -o build/demo-events.jsonl
"$griot" code --output text examples/sahel
echo "Full event records (JSON lines): build/demo-events.jsonl" >&2
