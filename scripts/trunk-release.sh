#!/usr/bin/env bash
# Runs `trunk <build|serve> --release --offline [more args]`: the release
# build that publishers get, and that the end-to-end tests and the benchmark
# drive. Stable Rust, with the size profile in Cargo.toml and wasm-opt -Oz
# (index.html); no unstable options.
#
# `build` makes two pages: the practices' widget in dist/, and the DPO's
# tools (the same widget with the `dpo` feature) in dist/dpo/, so practices
# do not download the DPO's screens. The widget first: trunk empties the
# folder it builds into. Then the first screen goes into dist/index.html and
# the service worker's list of files into dist/sw.js.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

command=$1
shift
if [ "$command" = build ]; then
  trunk build --release --offline "$@"
  # The first screen, rendered by the widget's own components, so a person
  # on a slow link sees it while the rest arrives (src/bin/prerender.rs).
  cargo run --offline --quiet --bin prerender -- dist/index.html
  trunk build --release --offline=true --dist dist/dpo dpo/index.html
  # Last, when every file of the widget is final: the service worker that
  # keeps them for use offline (offline/sw.js).
  exec node scripts/service-worker.mjs dist
fi
exec trunk "$command" --release --offline "$@"
