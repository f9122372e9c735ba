// Video Tool Check's service worker. It keeps this release's files in the
// browser, so a second visit opens and works with no network, as in a care
// home whose link drops. scripts/service-worker.mjs fills in RELEASE and
// FILES at build time; nothing here talks to any other site.
//
// Rules it keeps:
// - One cache per release. A page is always served with the files of its own
//   release, never an old page with a new .wasm: the page and its files come
//   from the same cache, and a release is only kept if every file fetched
//   matches the digest the build wrote here.
// - A new release waits until the page on view says it may take over
//   (message "take-over"), which the widget sends once it has started, so it
//   applies on the next load and no open page loses a file it needs.
// - Settings files (*.json beside the widget, such as config.json) come from
//   the network first and are kept for use offline; a kept copy carries the
//   header X-Video-Tool-Check-Kept with the date it was kept.

const RELEASE = "__RELEASE__";
// Path beside this worker, and the SHA-256 of its contents, in hex.
const FILES = __FILES__;
const CACHE = "video-tool-check-" + RELEASE;
const KEPT = "video-tool-check-kept-settings";
const KEPT_HEADER = "X-Video-Tool-Check-Kept";

const here = new URL(self.registration.scope);

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const [path, digest] of Object.entries(FILES)) {
        // index.html is not named by its content, so ask the host whether it
        // changed; the other files are, so a copy the browser has will do.
        const response = await fetch(new Request(path, { cache: path === "index.html" ? "no-cache" : "default" }));
        if (!response.ok) throw new Error(path + ": " + response.status);
        const body = await response.clone().arrayBuffer();
        const got = hex(await crypto.subtle.digest("SHA-256", body));
        // The host is part-way through publishing another release: keep
        // nothing now, and try again on a later visit.
        if (got !== digest) throw new Error(path + " is not this release's file");
        await cache.put(path, response);
      }
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("video-tool-check-") && k !== CACHE && k !== KEPT).map((k) => caches.delete(k)),
        ),
      ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== here.origin || !url.pathname.startsWith(here.pathname)) return;
  const path = url.pathname.slice(here.pathname.length);
  if (request.mode === "navigate" && (path === "" || path === "index.html")) {
    event.respondWith(kept("index.html", request));
  } else if (Object.hasOwn(FILES, path)) {
    event.respondWith(kept(path, request));
  } else if (path.endsWith(".json") && !path.startsWith("dpo/")) {
    event.respondWith(networkFirst(path, request));
  }
  // Anything else, such as the DPO's page in dpo/, goes to the network as usual.
});

async function kept(path, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(path)) || fetch(request);
}

async function networkFirst(path, request) {
  const cache = await caches.open(KEPT);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    const copy = await cache.match(path);
    if (!copy) throw offline;
    return copy;
  }
  if (response.ok) {
    const headers = new Headers(response.headers);
    headers.set(KEPT_HEADER, new Date().toISOString().slice(0, 10));
    await cache.put(path, new Response(await response.clone().blob(), { status: 200, headers }));
  } else if (response.status === 404) {
    // The publisher removed the file: forget the copy too.
    await cache.delete(path);
  }
  return response;
}
