// Trunk pre-build step, after sass: drops the NHS.UK rules the widget never
// uses. The core styles bring every utility class and every heading size,
// which is most of the stylesheet; a practice PC on a slow link should not
// download them. A rule stays when every nhsuk- class in it appears somewhere
// in src/ or index.html, so a class written in the code is never purged.
//
// Usage: node scripts/purge-css.mjs <css file>   (rewrites it in place)
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("purge-css: give the compiled stylesheet's path");
  process.exit(1);
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".rs") ? [path] : [];
  });
}

const used = new Set();
for (const path of [...sources("src"), "index.html"]) {
  const text = readFileSync(path, "utf8");
  // A class put together at run time, such as format!("nhsuk-tag--{colour}"),
  // cannot be seen here, and its rules would silently go.
  const built = text.match(/nhsuk-[A-Za-z0-9_-]*\{/);
  if (built) {
    console.error(`purge-css: ${path} builds an NHS.UK class at run time (${built[0]}...); write each class name out in full`);
    process.exit(1);
  }
  for (const m of text.matchAll(/nhsuk-[A-Za-z0-9_-]+/g)) used.add(m[0]);
}

// Classes inside :not() do not need to be present for the rule to apply.
function keepSelector(selector) {
  if (/:(is|where|has)\(/.test(selector)) return true;
  const plain = selector.replace(/:not\([^)]*\)/g, "");
  const classes = plain.match(/\.nhsuk-[A-Za-z0-9_-]+/g) || [];
  return classes.every((c) => used.has(c.slice(1)));
}

// A small scanner for sass's compressed output: rules, nested at-rules and
// strings. It never reorders anything, only leaves rules out.
function purge(css) {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = findOutside(css, i, "{");
    const semi = findOutside(css, i, ";");
    if (open < 0) {
      out += css.slice(i);
      break;
    }
    if (semi >= 0 && semi < open) {
      // A statement at-rule such as @charset.
      out += css.slice(i, semi + 1);
      i = semi + 1;
      continue;
    }
    const prelude = css.slice(i, open);
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close);
    i = close + 1;
    if (/^\s*@(media|supports|layer)\b/.test(prelude)) {
      const inner = purge(body);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (/^\s*@/.test(prelude)) {
      out += `${prelude}{${body}}`;
    } else {
      const kept = splitSelectors(prelude).filter(keepSelector);
      if (kept.length) out += `${kept.join(",")}{${body}}`;
    }
  }
  return out;
}

// Walks the text from `from`, skipping quoted strings, until `stop` returns
// true for a character outside them; returns that index or -1.
function scan(css, from, stop) {
  let quote = null;
  for (let i = from; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (stop(c)) return i;
  }
  return -1;
}

function findOutside(css, from, ch) {
  return scan(css, from, (c) => c === ch);
}

function matchingBrace(css, open) {
  let depth = 0;
  const close = scan(css, open, (c) => (c === "{" ? (depth++, false) : c === "}" && --depth === 0));
  if (close < 0) throw new Error(`purge-css: unbalanced braces after offset ${open}`);
  return close;
}

function splitSelectors(prelude) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts.map((s) => s.trim()).filter(Boolean);
}

const before = readFileSync(file, "utf8");
const after = purge(before);
writeFileSync(file, after);
console.log(`purge-css: ${before.length} -> ${after.length} bytes (${used.size} NHS.UK classes in use)`);
