#!/usr/bin/env bash
# Runs `trunk <build|serve> --release --offline [more args]`: the release
# build that publishers get, and that the end-to-end tests and the benchmark
# drive. Stable Rust, with the size profile in Cargo.toml and wasm-opt -Oz
# (index.html); no unstable options.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

command=$1
shift
exec trunk "$command" --release --offline "$@"
