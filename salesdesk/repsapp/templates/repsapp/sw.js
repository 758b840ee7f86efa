/* The reps' app's service worker for one company (its scope is the app's URL).
   The shell (page, scripts, styles, icons) is served from the cache first: the cache
   is named after a digest of those files, so a new version installs a new worker.
   Pictures come from the pictures cache, else from the API with the device's token
   (an <img> cannot send one). The API goes to the network first; when the network
   fails, a single item, customer or order is answered from the device's copy in
   IndexedDB (header `X-Salesdesk-Offline`: when that copy was brought up to date). */
"use strict";
const CONFIG = {{ config|safe }};
importScripts(CONFIG.dexie_url, CONFIG.store_url);
const PREFIX = "repsapp-shell-" + CONFIG.company + "-";
const SHELL = PREFIX + CONFIG.version;
const PICTURES = self.RepsStore.picturesCache(CONFIG.company);
const SHELL_URLS = [CONFIG.shell_url, CONFIG.manifest_url].concat(CONFIG.static_urls);
const PICTURE_PATH = /^\/api\/v1\/items\/[0-9a-fA-F-]{36}\/picture$/;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL)
      .then(function (cache) {
        return cache.addAll(SHELL_URLS.map(function (url) { return new Request(url, { cache: "reload" }); }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.startsWith(PREFIX) && name !== SHELL;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

async function shellAnswer(request, key) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(key);
  return kept || fetch(request);
}

async function pictureAnswer(request) {
  const cache = await caches.open(PICTURES);
  const kept = await cache.match(request.url);
  if (kept) return kept;
  const headers = new Headers(request.headers);
  if (!headers.has("Authorization")) {
    const session = await self.RepsStore.metaGet(self.RepsStore.open(CONFIG.company), "session");
    if (session) headers.set("Authorization", "Bearer " + session.token);
  }
  const response = await fetch(request.url, { headers: headers });
  if (response.ok) await cache.put(request.url, response.clone());
  return response;
}

// Records the device keeps, by API path: [pattern, IndexedDB table].
const RECORDS = [
  [/^\/api\/v1\/items\/([0-9a-fA-F-]{36})$/, "items"],
  [/^\/api\/v1\/customers\/([0-9a-fA-F-]{36})$/, "customers"],
  [/^\/api\/v1\/orders\/([^/]+)$/, "orders"],
];

function problem(status, detail) {
  return new Response(JSON.stringify({ detail: detail }), {
    status: status, headers: { "Content-Type": "application/json" },
  });
}

async function recordAnswer(request, table, key) {
  try {
    return await fetch(request);
  } catch (offline) {
    const db = self.RepsStore.open(CONFIG.company);
    const session = await self.RepsStore.metaGet(db, "session");
    // Only for the signed-in device's own token, as the server would.
    if (!session || request.headers.get("Authorization") !== "Bearer " + session.token) {
      return problem(401, "Unauthorized");
    }
    const record = await db.table(table).get(decodeURIComponent(key));
    if (!record) return problem(504, "No connection, and this record is not on the device.");
    return new Response(JSON.stringify(record), {
      headers: {
        "Content-Type": "application/json",
        "X-Salesdesk-Offline": (await self.RepsStore.metaGet(db, "synced_at")) || "",
      },
    });
  }
}

self.addEventListener("fetch", function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname === CONFIG.shell_url) {
    event.respondWith(shellAnswer(request, CONFIG.shell_url));
  } else if (SHELL_URLS.includes(url.pathname)) {
    event.respondWith(shellAnswer(request, url.pathname));
  } else if (PICTURE_PATH.test(url.pathname)) {
    event.respondWith(pictureAnswer(request));
  } else {
    for (const [pattern, table] of RECORDS) {
      const found = pattern.exec(url.pathname);
      if (found) return event.respondWith(recordAnswer(request, table, found[1]));
    }
  }
});
