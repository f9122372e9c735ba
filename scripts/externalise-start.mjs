// Trunk post-build hook: moves trunk's inline start-up script into its own
// file, so the widget runs under a Content Security Policy with no
// 'unsafe-inline' for scripts. The file name carries a hash of its content,
// so a cached copy can never start the wrong build. Before trunk's code goes
// src/ui/takeover.js, which keeps the buttons pressed on the first screen
// while the widget loads (module imports run first wherever they are written,
// so the widget still starts loading at once).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalise-start: TRUNK_STAGING_DIR is not set; run this from trunk's post_build hook");
  process.exit(1);
}
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
// Quoted or not: trunk's minifier drops the quotes.
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error("externalise-start: no inline module script in index.html; did trunk change its output?");
  process.exit(1);
}
// Its comments stay in the source: every byte here is on the first screen's path.
const early = readFileSync(new URL("../src/ui/takeover.js", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => !line.trim().startsWith("//"))
  .map((line) => line.trim())
  .join("");
const code = early.trim() + "\n" + match[1].trim() + "\n";
const name = `start-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(readFileSync(indexPath, "utf8"))) {
  console.error("externalise-start: an inline script is still in index.html");
  process.exit(1);
}
