// Samen's service worker: keeps the site's shell and an offline page, never a page someone reads (issue 16).
const CACHE = "samen-shell-{{ version }}";
const SHELL = {{ shell|safe }};
const OFFLINE = {{ offline|safe }};
const DEFAULT_LANGUAGE = {{ default_language|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...SHELL, ...Object.values(OFFLINE)])));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
  );
  self.clients.claim();
});

function offlinePage(url) {
  const language = new URL(url).pathname.split("/")[1];
  return OFFLINE[language] || OFFLINE[DEFAULT_LANGUAGE];
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    // Pages come from the network, always; the offline page only when the network does not answer.
    event.respondWith(fetch(request).catch(() => caches.match(offlinePage(request.url))));
    return;
  }
  if (SHELL.includes(new URL(request.url).pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});
