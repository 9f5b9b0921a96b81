// Keeps every file of this locked wall for offline use: all fetched when this worker installs, then
// served from here first. The files are the locked pages, never their text. A new build changes
// VERSION, so the browser installs the new worker, which replaces the old copy.
var VERSION = {{ version|tojson }};
var FILES = {{ files|tojson }};
var PREFIX = "evidence-wall:" + self.registration.scope + ":";
var CACHE = PREFIX + VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // "reload": straight from the host, never an older copy from the browser's own cache.
    return cache.addAll(FILES.map(function (file) { return new Request(file, { cache: "reload" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.slice(-1) === "/") url = new URL("index.html", url);
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(url.href, { ignoreSearch: true });
  }).then(function (kept) { return kept || fetch(event.request); }));
});
