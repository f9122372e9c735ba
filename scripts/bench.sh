#!/usr/bin/env bash
# Builds the release dist/ and prints the widget's size, speed and memory figures,
# side by side with SurveyJS and a static page of the same first screen, and
# issue 17's budgets (see the README's benchmark section).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
scripts/trunk-release.sh build
cargo test --offline --test bench -- --ignored --nocapture
