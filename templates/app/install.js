// Served from a web host (http or https), the locked wall can be installed as an app that opens
// offline: name its manifest and icon, and start the service worker that keeps every page. Opened
// from disk (file://) there are no service workers, and nothing here runs.
(function () {
  if (!/^https?:$/.test(location.protocol)) return;
  [["manifest", "manifest.webmanifest"], ["apple-touch-icon", "icon-192.png"]].forEach(function (link) {
    var tag = document.createElement("link");
    tag.rel = link[0];
    tag.href = link[1];
    document.head.appendChild(tag);
  });
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(function () {});
})();
