// Search every win and note in the browser. The index is a script file, so this works from file://.
(function () {
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var rows = window.EVIDENCE_INDEX || [];
  var LIMIT = 100;
  if (!input || !list) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = rows.map(function (row) { return fold(row[3]); });

  function snippet(text, plain, word) {
    var at = plain.indexOf(word);
    var start = Math.max(0, at - 80);
    var part = text.slice(start, start + 220);
    var p = document.createElement("p");
    var hit = at - start;
    p.appendChild(document.createTextNode((start ? "…" : "") + part.slice(0, hit)));
    var mark = document.createElement("mark");
    mark.textContent = part.slice(hit, hit + word.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(part.slice(hit + word.length) + (start + 220 < text.length ? "…" : "")));
    return p;
  }

  function result(row, plain, word) {
    var li = document.createElement("li");
    li.className = row[0];
    var link = document.createElement("a");
    link.href = row[2];
    link.textContent = window.longDate(row[1]) + (row[0] === "win" ? " · win" : " · note");
    li.appendChild(link);
    li.appendChild(snippet(row[3], plain, word));
    return li;
  }

  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = [];
    for (var i = rows.length - 1; i >= 0; i--) {
      if (words.every(function (w) { return folded[i].indexOf(w) >= 0; })) found.push(i);
    }
    found.sort(function (a, b) { return (rows[a][0] === "win" ? 0 : 1) - (rows[b][0] === "win" ? 0 : 1); });
    status.textContent = found.length
      ? found.length + (found.length === 1 ? " match" : " matches") +
        (found.length > LIMIT ? ", showing the first " + LIMIT : "")
      : "Nothing found for that. Fewer or shorter words may help.";
    found.slice(0, LIMIT).forEach(function (i) {
      list.appendChild(result(rows[i], folded[i], words[0]));
    });
  }

  // The words stay in the address (?q=), so Back to this page, a reload or a bookmark finds them again.
  function remember() {
    var url = new URL(window.location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    try { history.replaceState(null, "", url.href); } catch (e) { /* some file:// browsers refuse */ }
  }
  function restore() {
    var asked = new URLSearchParams(window.location.search).get("q") || "";
    if (asked !== input.value) { input.value = asked; show(); }
  }

  input.form.addEventListener("submit", function (event) { event.preventDefault(); });
  input.addEventListener("input", function () { show(); remember(); });
  window.addEventListener("pageshow", restore);
  window.addEventListener("popstate", restore);
  restore();
})();
