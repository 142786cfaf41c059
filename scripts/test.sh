#!/usr/bin/env bash
# The whole test suite: set up (if needed), then run every unit, golden, CLI and
# conformance test with CTest. Also builds and runs the debug preset (ASan + UBSan) unit
# tests when GRIOT_SANITIZE_TESTS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build/release --output-on-failure -j2
if [ "${GRIOT_SANITIZE_TESTS:-0}" = 1 ]; then
  PRESET=debug scripts/setup.sh
  ctest --test-dir build/debug --output-on-failure -j2
fi
