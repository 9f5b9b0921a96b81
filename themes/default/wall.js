// The wall's first screen, from the day the page is opened: the recent counts (or, after a quiet
// stretch, the welcome-back card instead of a zero), the card of a milestone reached in the last 7 days,
// and a "remember this" win picked on each visit.
// Without JavaScript the build day's figures and the build's pick stay.
(function () {
  var DAY = 24 * 60 * 60 * 1000;

  // A calendar day as a whole number of days, counted in UTC so no clock change shifts it.
  function dayNumber(year, month, day) { return Math.round(Date.UTC(year, month - 1, day) / DAY); }
  function isoDayNumber(iso) { var p = iso.split("-").map(Number); return dayNumber(p[0], p[1], p[2]); }
  function todayNumber() { var now = new Date(); return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()); }

  function showCount(id, count) {
    var item = document.getElementById(id);
    if (!item) return;
    item.hidden = count === 0;
    item.querySelector("strong").textContent = String(count);
  }

  function countRecent() {
    var data = document.getElementById("recent-days");
    if (!data) return;
    var recent = JSON.parse(data.textContent);
    var today = todayNumber();
    if (today < isoDayNumber(recent.built)) return; // a clock behind the build: keep the build's figures
    var ages = recent.dates.map(function (iso) { return today - isoDayNumber(iso); });
    function within(days) { return ages.filter(function (age) { return age >= 0 && age < days; }).length; }
    var week = within(7);
    document.getElementById("welcome-back").hidden = week > 0;
    showCount("last-7", week);
    showCount("last-30", week ? within(30) : 0);
    var milestone = document.getElementById("milestone"); // reached in the last 7 days, or it steps aside
    if (milestone) milestone.hidden = today - isoDayNumber(milestone.getAttribute("data-date")) >= 7;
  }

  function remember() {
    var pool = document.getElementById("remember-pool");
    var button = document.getElementById("remember-again");
    if (!pool || !button) return;
    var wins = JSON.parse(pool.textContent);
    if (!wins.length) return;
    var text = document.getElementById("remember-text");
    var link = document.getElementById("remember-date");
    var card = document.getElementById("remember-card");
    var shown = -1;
    function pick() {
      var next;
      do { next = Math.floor(Math.random() * wins.length); } while (next === shown && wins.length > 1);
      shown = next;
      var win = wins[next];
      text.innerHTML = win.t;
      link.textContent = window.longDate(win.d);
      card.setAttribute("data-share-date", link.textContent); // what its Share button sends (share.js)
      link.href = win.h;
    }
    pick();
    if (wins.length < 2) return;
    button.hidden = false;
    button.addEventListener("click", pick);
  }

  countRecent();
  remember();
})();
