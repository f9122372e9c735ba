// Trunk post-build hook: minifies wasm-bindgen's JavaScript glue, which
// trunk's own minification leaves as it is (42 KB, 7.8 KB gzipped), and
// updates its Subresource Integrity hash in index.html to match, or the
// browser would refuse to run it. Runs before externalise-start.mjs.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-glue: TRUNK_STAGING_DIR is not set; run this from trunk's post_build hook");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}
const glue = readdirSync(dir).filter((f) => /^video-tool-check-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) {
  console.error(`minify-glue: expected one glue file in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const path = join(dir, glue[0]);
const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
const before = readFileSync(path, "utf8");
const { code } = await minify(before, { module: true, compress: true, mangle: true, format: { comments: false } });
writeFileSync(path, code);

const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
if (!html.includes(sri(before))) {
  console.error("minify-glue: index.html has no integrity hash for the glue; did trunk change its output?");
  process.exit(1);
}
writeFileSync(indexPath, html.replaceAll(sri(before), sri(code)));
