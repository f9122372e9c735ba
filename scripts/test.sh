#!/usr/bin/env bash
# Runs every test: formatting and lints, the domain's unit tests, the
# components in headless Chromium, and end-to-end tests of the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

# Each step says when it starts, in seconds from the start of the run, so a
# slow layer shows.
say() { printf '\n== [%ds] %s\n' "$SECONDS" "$*"; }

say "Formatting and lints"
cargo fmt --check
cargo clippy --offline --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --all-targets -- -D warnings
# The DPO's page is the same crate with the `dpo` feature.
cargo clippy --offline --target wasm32-unknown-unknown --features dpo -- -D warnings

say "Unit tests (domain, content, exports, saved format)"
cargo test --offline --lib

say "Building the release dist/ (the widget) and dist/dpo/ (the DPO's tools)"
scripts/trunk-release.sh build

say "Component tests in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --offline --target wasm32-unknown-unknown --test components

say "End-to-end tests against dist/ in Chromium"
cargo test --offline --test e2e --test e2e_files --test e2e_embed --test e2e_trust --test e2e_text --test e2e_guidance --test e2e_review --test e2e_log --test e2e_setup --test e2e_first_screen --test e2e_offline -- --test-threads=2

say "Download size guard"
cargo test --offline --test size

say "The serve command on a fresh copy of the tree"
scripts/check-serve.sh

say "All tests passed"
