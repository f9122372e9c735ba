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

say "End-to-end tests against dist/ in Chromium, Firefox and WebKit"
e2e_targets=(e2e e2e_files e2e_embed e2e_trust e2e_text e2e_guidance e2e_review e2e_log e2e_setup e2e_first_screen e2e_offline)
target_args=()
for t in "${e2e_targets[@]}"; do target_args+=(--test "$t"); done
# Built once; the three engines run the same test binaries (VTC_BROWSER picks
# the engine), so no engine waits for cargo's lock while another runs.
mapfile -t e2e_bins < <(cargo test --offline --no-run --message-format=json "${target_args[@]}" | node -e '
  let s = "";
  process.stdin.on("data", (d) => (s += d)).on("end", () => {
    for (const line of s.split("\n").filter(Boolean)) {
      const m = JSON.parse(line);
      if (m.reason === "compiler-artifact" && m.executable && m.target.kind.includes("test")) console.log(m.executable);
    }
  });')
[ ${#e2e_bins[@]} -eq ${#e2e_targets[@]} ] || { echo "found ${#e2e_bins[@]} end-to-end test binaries, not ${#e2e_targets[@]}"; exit 1; }

e2e_logs=$(mktemp -d)
# Runs every end-to-end binary in one engine, all of them even after a
# failure, into that engine's log; notes its wall time and result.
run_e2e() {
  local engine=$1 threads=$2 start=$SECONDS rc=0
  for bin in "${e2e_bins[@]}"; do
    echo "-- $(basename "${bin%-*}") in $engine" >> "$e2e_logs/$engine.log"
    # A browser that hangs fails its binary rather than the whole CI run.
    VTC_BROWSER=$engine timeout 20m "$bin" --test-threads="$threads" >> "$e2e_logs/$engine.log" 2>&1 || rc=1
  done
  echo "$engine: $([ $rc = 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s" > "$e2e_logs/$engine.result"
  return $rc
}
# On 2 cores: Firefox and WebKit one test at a time each, beside Chromium.
E2E_ENGINES=${E2E_ENGINES:-chromium:1 firefox:1 webkit:1}
pids=()
for spec in $E2E_ENGINES; do
  run_e2e "${spec%:*}" "${spec#*:}" &
  pids+=($!)
done
e2e_failed=0
for pid in "${pids[@]}"; do wait "$pid" || e2e_failed=1; done
for spec in $E2E_ENGINES; do
  engine=${spec%:*}
  if grep -q passed "$e2e_logs/$engine.result"; then
    grep -E '^(-- |test result:)' "$e2e_logs/$engine.log" | paste - - | sed "s/^-- //; s/\ttest result:/:/"
  else
    # The whole log of a failing engine, each line marked with the engine.
    sed "s/^/[$engine] /" "$e2e_logs/$engine.log"
  fi
done
cat "$e2e_logs"/*.result
failed_engines=$(sed -n 's/: FAILED.*//p' "$e2e_logs"/*.result | tr '\n' ' ')
rm -rf "$e2e_logs"
[ $e2e_failed = 0 ] || { echo "End-to-end tests failed in: $failed_engines"; exit 1; }

say "Download size guard"
cargo test --offline --test size

say "The serve command on a fresh copy of the tree"
scripts/check-serve.sh

say "All tests passed"
