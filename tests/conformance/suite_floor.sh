#!/usr/bin/env bash
# A conformance suite with a floor: runs `griot validate -q SUITE`, prints its per-category
# counts, notes and summary line ("N passed, M failed"), and fails if fewer than FLOOR records
# pass, so that a regression of the engine or the dictionary readers is caught. The floor is
# the figure measured when the suite was last improved (docs/conformance.md); raise it as the
# engine improves. Exits 77 (skipped) when the suite's peer data is absent: it lives in
# ../shared and is never copied into the repository.
#
# Usage: suite_floor.sh GRIOT SUITE FLOOR [VALIDATE-OPTION...]   (e.g. --raw)
set -u
griot="$1"
suite="$2"
floor="$3"
shift 3
if [ ! -e "$suite" ]; then
  echo "SKIP: $suite not found (peer data in ../shared is not part of the repository)"
  exit 77
fi
out=$("$griot" validate -q "$@" "$suite" 2>&1)
status=$?
printf '%s\n' "$out"
# griot validate exits 0 when every record passes and 1 when some fail; more is an error.
if [ "$status" -gt 1 ]; then
  echo "FAIL: griot validate exited with status $status"
  exit 1
fi
summary=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
if [ -z "$summary" ]; then
  echo "FAIL: no 'N passed, M failed' line"
  exit 1
fi
passed=${summary%% *}
if [ "$passed" -lt "$floor" ]; then
  echo "FAIL: $passed records pass, below the floor of $floor"
  exit 1
fi
echo "ok: $passed records pass (floor $floor)"
