// "Remember this": show another past win, picked in the browser. The page works without it.
(function () {
  var pool = document.getElementById("remember-pool");
  var button = document.getElementById("remember-again");
  if (!pool || !button) return;
  var wins = JSON.parse(pool.textContent);
  if (wins.length < 2) return;
  var text = document.getElementById("remember-text");
  var link = document.getElementById("remember-date");
  var shown = -1;
  button.hidden = false;
  button.addEventListener("click", function () {
    var next;
    do { next = Math.floor(Math.random() * wins.length); } while (next === shown);
    shown = next;
    var win = wins[next];
    text.innerHTML = win.t;
    link.textContent = window.longDate(win.d);
    link.href = win.h;
  });
})();
