#!/usr/bin/env bash
# Builds the release dist/ and prints the widget's size, speed and memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
scripts/trunk-release.sh build
cargo test --offline --test bench -- --ignored --nocapture
