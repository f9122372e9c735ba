// Writes dist/sw.js from offline/sw.js: the list of the widget's own files,
// with the SHA-256 of each, and a release name made from them all. Run after
// the release build (scripts/trunk-release.sh), when index.html is final.
// Left out: embed.js (the host page loads it, outside the worker's reach),
// the DPO's page in dpo/ (practices do not need it offline), and config.json
// (the publisher's, fetched from the network first, see offline/sw.js).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dist = process.argv[2] || "dist";
const skip = new Set(["embed.js", "sw.js", "config.json", "dpo"]);
const sha = (bytes) => createHash("sha256").update(bytes).digest("hex");

const files = {};
for (const name of readdirSync(dist).sort()) {
  if (skip.has(name) || !statSync(join(dist, name)).isFile()) continue;
  files[name] = sha(readFileSync(join(dist, name)));
}
if (!files["index.html"] || !Object.keys(files).some((f) => f.endsWith(".wasm"))) {
  console.error(`service-worker: ${dist} has no index.html or .wasm; build it first`);
  process.exit(1);
}
const release = sha(JSON.stringify(files)).slice(0, 16);
const template = readFileSync(new URL("../offline/sw.js", import.meta.url), "utf8");
const filled = template.replace("__RELEASE__", release).replace("__FILES__", JSON.stringify(files));
// Minified, as the glue is: every visit's browser fetches it to look for a new release.
const { code } = await minify(filled, { compress: true, mangle: true, format: { comments: false } });
writeFileSync(join(dist, "sw.js"), code);
console.log(`service-worker: release ${release}, ${Object.keys(files).length} files`);
