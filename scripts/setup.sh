#!/usr/bin/env bash
# Installs what building and testing Dateline needs on a fresh machine of the project's kind
# (Debian 12, rustup). Idempotent: each step is skipped when its tool is already there.
# Versions are pinned because newer ones fail here (see ARCHITECTURE.md, "Toolchain").
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# Not --locked: one pinned dependency of the CLI's lock file is missing from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian's binaryen is too old for what rustc emits; the npm package carries a current wasm-opt.
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  step "npm install binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p .tools
  (cd .tools && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "apt-get install chromium chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

echo "setup: wasm target, trunk, wasm-bindgen, wasm-opt and chromium are ready"
