#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh) and runs every test Dateline has:
#   1. formatting and clippy;
#   2. native tests of the core and CLI (incl. the bundle drift test) and the app's pure logic;
#   3. component tests in headless Chromium (wasm-bindgen-test);
#   4. the release build with Trunk (its post-build hook also builds and runs the prerender step,
#      crates/prerender), then end-to-end tests of it in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

section() { printf '\n==== %s\n' "$*"; }

section "format and lint"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p dateline-app -p dateline-worker -p dateline-page-worker --target wasm32-unknown-unknown --all-targets -- -D warnings

section "crate graph: the reading app does not depend on the analysis engine"
if cargo tree -p dateline-app --target wasm32-unknown-unknown -e normal --prefix none | grep -q '^dateline-engine '; then
  echo "dateline-app depends on dateline-engine: the engine must stay out of the reading app" >&2
  exit 1
fi

section "the reading app's wasm has no server renderer (only crates/prerender, natively, asks for yew/ssr)"
if cargo tree -p dateline-app --target wasm32-unknown-unknown -e features -i yew | grep -q 'yew feature "ssr"'; then
  echo "dateline-app's wasm would carry Yew's server renderer" >&2
  exit 1
fi

section "native tests (core, CLI, bundle drift, app logic)"
cargo test --workspace

section "component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p dateline-app --target wasm32-unknown-unknown --test components

section "release build"
trunk build --release

section "end-to-end tests in headless Chromium"
(cd tests/e2e && npm ci --no-audit --no-fund --silent && npm test)
