#!/usr/bin/env bash
# Serves the widget on http://127.0.0.1:8080, rebuilding when the code changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
