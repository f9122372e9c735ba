#!/usr/bin/env bash
# Runs `trunk <build|serve> --release --offline [more args]` with the release
# build's size options. test.sh, bench.sh and serve.sh all build through here,
# so the end-to-end tests drive the same wasm that publishers get.
#
# Why: the release wasm recompiles Rust's standard library for size, and a
# panic stops the widget at once instead of first formatting a message. That
# takes about 18 KB off the gzipped download (issue 6). The cost: a panic
# shows in the console as "unreachable", with no message. For a message, set
# VTC_PANIC_MESSAGES=1.
#
# Both options are unstable in Rust 1.95. RUSTC_BOOTSTRAP=1 lets this stable
# toolchain use them; scripts/setup.sh installs the library's source
# (rust-src) and fetches the crates it needs. The variables are set for this
# one command only: the component tests and native tests build as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

command=$1
shift
if [ "${VTC_PANIC_MESSAGES:-}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Cargo adds these to the wasm32 flags in .cargo/config.toml.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
fi
exec trunk "$command" --release --offline "$@"
