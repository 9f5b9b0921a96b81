// Print view: choose a range of months; without JavaScript every month is printed.
(function () {
  var form = document.getElementById("print-form");
  if (!form) return;
  var from = document.getElementById("print-from");
  var to = document.getElementById("print-to");
  var range = document.getElementById("print-range");
  var months = Array.prototype.slice.call(document.querySelectorAll(".print-month"));
  var asked = new URLSearchParams(window.location.search);

  function pick(select, value) {
    if (value && select.querySelector('option[value="' + value + '"]')) select.value = value;
  }
  function label(select) { return select.options[select.selectedIndex].text; }
  function apply() {
    var low = from.value < to.value ? from.value : to.value;
    var high = from.value < to.value ? to.value : from.value;
    months.forEach(function (section) {
      var key = section.getAttribute("data-month");
      section.hidden = key < low || key > high;
    });
    range.textContent = low === high ? label(from.value === low ? from : to)
      : label(from.value === low ? from : to) + " to " + label(from.value === high ? from : to);
  }

  pick(from, asked.get("from"));
  pick(to, asked.get("to"));
  form.hidden = false;
  from.addEventListener("change", apply);
  to.addEventListener("change", apply);
  document.getElementById("print-now").addEventListener("click", function () { window.print(); });
  apply();
})();
