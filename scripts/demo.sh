#!/usr/bin/env bash
# The main job on the bundled demo corpus: set up (if needed), then `griot demo`: code every
# article of examples/sahel into a fresh store (build/demo.db) and print the brief on Mali —
# four sections, every sentence citing the reports it rests on. The same brief as one HTML
# file with charts is written to build/demo-brief.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2  # set-up progress on stderr: stdout carries only the brief
griot=build/release/griot
"$griot" demo --format html -o build/demo-brief.html -q
"$griot" demo
echo "HTML brief with charts: build/demo-brief.html (store: build/demo.db; more: docs/brief.md)" >&2
