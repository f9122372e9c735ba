#!/usr/bin/env bash
# Serves the widget on http://127.0.0.1:8080 (or VTC_PORT), rebuilding when
# the code changes. A debug build, so a rebuild is quick while you edit;
# scripts/test.sh and scripts/bench.sh use the release build. Reload the page yourself after a rebuild: trunk's
# auto-reload is an inline script, which the build refuses (the widget runs
# under a CSP with no inline scripts, see scripts/externalise-start.mjs).
# --no-spa: a missing file is a 404, as on most hosts, not index.html.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# trunk serve stops at once if a folder that Trunk.toml tells it not to
# watch is missing, and a fresh clone has neither of these until a build.
mkdir -p style/build dist
# `scripts/serve.sh dpo` serves the DPO's tools (dpo/index.html) instead.
if [ "${1:-}" = dpo ]; then
  exec trunk serve --offline --no-autoreload --no-spa --address 127.0.0.1 --port "${VTC_PORT:-8080}" --dist dist/dpo dpo/index.html
fi
exec trunk serve --offline --no-autoreload --no-spa --address 127.0.0.1 --port "${VTC_PORT:-8080}"
