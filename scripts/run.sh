#!/usr/bin/env bash
# Sets up a fresh machine (scripts/setup.sh) and serves Dateline with its bundled articles at
# http://127.0.0.1:8080/ (set DATELINE_PORT to change the port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
exec trunk serve --release --port "${DATELINE_PORT:-8080}"
