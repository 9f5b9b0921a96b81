// Open a locked page: derive the key from the passphrase (PBKDF2-SHA256), decrypt with AES-GCM.
// The derived key, never the passphrase, is kept in sessionStorage until the browser tab closes.
(function () {
  var sealed = document.getElementById("sealed");
  var form = document.getElementById("unlock-form");
  var input = document.getElementById("passphrase");
  var status = document.getElementById("unlock-status");
  if (!sealed || !window.crypto || !crypto.subtle) {
    if (status) status.textContent = "This browser cannot open a locked wall (no WebCrypto).";
    return;
  }
  var salt = fromBase64(sealed.getAttribute("data-salt"));
  var iterations = parseInt(sealed.getAttribute("data-iterations"), 10);
  var slot = "evidence-wall-key:" + sealed.getAttribute("data-salt");

  function fromBase64(text) {
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw);
  }
  function derive(passphrase) {
    return crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveBits"])
      .then(function (base) {
        return crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations }, base, 256);
      });
  }
  function open(bits) {
    var data = fromBase64(sealed.textContent.trim());
    return crypto.subtle.importKey("raw", bits, "AES-GCM", false, ["decrypt"])
      .then(function (key) {
        return crypto.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12) }, key, data.slice(12));
      })
      .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  }
  function loadScripts(sources, done) {
    if (!sources.length) return done();
    var script = document.createElement("script");
    script.src = sources[0];
    script.onload = script.onerror = function () { loadScripts(sources.slice(1), done); };
    document.body.appendChild(script);
  }
  function show(page) {
    document.title = page.title;
    document.body.className = page.bodyClass;
    document.body.innerHTML = page.body;
    if (page.index) window.EVIDENCE_INDEX = page.index;
    var scripts = Array.prototype.map.call(document.body.querySelectorAll("script[src]"), function (old) {
      old.parentNode.removeChild(old);
      return old.getAttribute("src");
    });
    loadScripts(scripts, function () {
      var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
      if (target) target.scrollIntoView();
    });
  }
  function ask() {
    form.hidden = false;
    input.focus();
  }
  var reveal = document.getElementById("show-passphrase");
  reveal.addEventListener("click", function () {
    var showing = input.type === "password";
    input.type = showing ? "text" : "password";
    reveal.textContent = showing ? "Hide passphrase" : "Show passphrase";
    input.focus();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    status.textContent = "Opening…";
    input.type = "password";
    reveal.textContent = "Show passphrase";
    var bits;
    derive(input.value)
      .then(function (derived) { bits = derived; return open(bits); })
      .then(function (page) {
        sessionStorage.setItem(slot, toBase64(bits));
        show(page);
      })
      .catch(function () {
        input.value = "";
        status.textContent = "That passphrase did not open it. Take your time and try again.";
        input.focus();
      });
  });

  var kept = sessionStorage.getItem(slot);
  if (!kept) return ask();
  open(fromBase64(kept)).then(show).catch(function () {
    sessionStorage.removeItem(slot);
    ask();
  });
})();
