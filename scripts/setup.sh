#!/usr/bin/env bash
# Installs everything Video Tool Check needs to build, serve and test, and
# skips whatever is already there, so a second run starts at once.
# Versions follow ../shared/TOOLCHAIN.md: trunk 0.21.14 (0.22 needs a newer
# rustc), the wasm-bindgen CLI matching Cargo.lock, wasm-opt from npm's
# binaryen (Debian's is too old for current Chromium), Debian's Chromium,
# Firefox ESR and WebKitGTK's WebDriver, and geckodriver from crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Whether `$1 --version` prints a line matching $2. The output is read whole
# first: under pipefail, `geckodriver --version | grep -q` failed when grep
# stopped reading at its first line and geckodriver died of the closed pipe.
version_is() { local out; out=$("$1" --version 2>/dev/null) || true; grep -q "$2" <<<"$out"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! version_is trunk '0.21.14'; then
  say "Installing trunk 0.21.14 (10-15 minutes the first time)"
  cargo install trunk --version 0.21.14 --locked
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
wbg_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if ! version_is wasm-bindgen " ${wbg_version}\$"; then
  say "Installing wasm-bindgen-cli ${wbg_version} (about 5 minutes)"
  # No --locked: its lockfile wants a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "${wbg_version}"
fi

if ! version_is wasm-opt 'version 132'; then
  say "Installing wasm-opt (binaryen 132) from npm"
  npm install -g binaryen@132
fi

# geckodriver drives Firefox; npm's geckodriver package downloads a binary
# from GitHub, which these machines cannot reach, so it comes from crates.io
# (without --locked, as it was tried here).
if ! version_is geckodriver '^geckodriver 0.37.1'; then
  say "Installing geckodriver 0.37.1 (about 2 minutes)"
  cargo install geckodriver --version 0.37.1
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
# Arial-compatible fonts, so screenshots look like a real practice PC.
[ -e /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing_debs+=(fonts-liberation)
# pdftotext, for the test that prints the summary to PDF.
command -v pdftotext >/dev/null || missing_debs+=(poppler-utils)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "Installing ${missing_debs[*]} from Debian"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing_debs[@]}"
fi

# The other two engines the end-to-end tests run in: Firefox, and WebKit
# (WebKitWebDriver drives WebKitGTK's MiniBrowser, which has no headless mode
# and draws on an X server: Xvfb, which the tests start). With their
# recommended packages (GL and media libraries), as they were tried here.
engine_debs=()
command -v firefox-esr >/dev/null || engine_debs+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || engine_debs+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || engine_debs+=(xvfb)
if [ ${#engine_debs[@]} -gt 0 ]; then
  say "Installing ${engine_debs[*]} from Debian"
  [ ${#missing_debs[@]} -gt 0 ] || apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${engine_debs[@]}"
fi

if [ ! -d node_modules/nhsuk-frontend ] || [ ! -d node_modules/axe-core ] || [ ! -x node_modules/.bin/sass ] \
   || [ ! -d node_modules/terser ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (NHS.UK styles, sass, terser, axe-core)"
  npm ci --no-audit --no-fund
fi

say "Fetching crates"
cargo fetch --locked
