#!/usr/bin/env bash
# Checks the README's serve command the way a newcomer meets it: on a copy of
# the tracked files only, as a fresh clone has them, with nothing built yet.
# It must build and serve the widget: index.html, then the wasm it names.
# The copy shares this tree's target/, so only the widget's own crate is
# compiled again, and a copy of node_modules/ (38 MB, under a second), not a
# link to it: were setup.sh to run `npm ci` there, it would empty a shared folder.
set -euo pipefail
cd "$(dirname "$0")/.."
copy=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# Timestamps kept, so setup.sh sees the same package-lock.json as here.
git ls-files -z | xargs -0 cp --parents --preserve=timestamps -t "$copy"
cp -a node_modules "$copy/node_modules"
log="$copy/serve.log"
VTC_PORT=$port CARGO_TARGET_DIR="$PWD/target" setsid "$copy/scripts/serve.sh" >"$log" 2>&1 &
server=$!
stop() { kill -- "-$server" 2>/dev/null || true; rm -rf "$copy"; }
trap stop EXIT

# Up to 10 minutes: a first build on a slow machine.
if ! node - "$port" "$server" <<'JS'
const [port, pid] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}/`;
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
(async () => {
  for (let i = 0; i < 600; i++) {
    if (!alive()) { console.error("scripts/serve.sh stopped"); process.exit(1); }
    try {
      const page = await (await fetch(base)).text();
      const wasm = page.match(/href=["']?\.\/([^"' >]+\.wasm)/);
      if (wasm) {
        const r = await fetch(base + wasm[1]);
        const type = r.headers.get("content-type");
        if (r.ok && type === "application/wasm") { console.log(`served ${wasm[1]} as ${type}`); process.exit(0); }
        console.error(`${wasm[1]}: ${r.status} ${type}`); process.exit(1);
      }
    } catch { /* not up yet */ }
    await new Promise((done) => setTimeout(done, 1000));
  }
  console.error("scripts/serve.sh served nothing in 10 minutes"); process.exit(1);
})();
JS
then
  echo "scripts/serve.sh failed on a fresh copy of the tree. Its output:"
  cat "$log"
  exit 1
fi
