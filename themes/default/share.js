// Share one win: a button on each win card (an element with data-share-date) sends that win's words
// and date, and nothing else: through the system's share sheet where the browser has one, else to the
// clipboard, else the words are selected for the person to copy. Without JavaScript no button shows.
(function () {
  var status = document.createElement("p");
  status.className = "share-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);
  var quiet;

  function say(words) {
    status.textContent = words;
    clearTimeout(quiet);
    quiet = setTimeout(function () { status.textContent = ""; }, 4000);
  }

  // "the win — the date": the card's words as they read, and the date written on the card.
  function shareText(card) {
    var words = card.querySelector(".win-text").textContent.replace(/\s+/g, " ").trim();
    return words + " — " + card.getAttribute("data-share-date");
  }

  function select(card) {
    var range = document.createRange();
    range.selectNodeContents(card.querySelector(".win-text"));
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    say("Selected: copy it to share");
  }

  function copy(card, text) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return select(card);
    navigator.clipboard.writeText(text).then(function () { say("Copied"); }, function () { select(card); });
  }

  function share(card) {
    var text = shareText(card);
    if (typeof navigator.share !== "function") return copy(card, text);
    navigator.share({ text: text }).catch(function (error) {
      if (!error || error.name !== "AbortError") copy(card, text); // a closed share sheet is a choice
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-share-date]"), function (card) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share";
    button.textContent = "Share";
    button.setAttribute("aria-label", "Share this win");
    button.addEventListener("click", function () { share(card); });
    card.appendChild(button);
  });
})();
