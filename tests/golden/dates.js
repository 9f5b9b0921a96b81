// Dates as the pages write them (the long_date filter): "Tuesday 3 November 2026", in any browser language.
(function () {
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // "YYYY-MM-DD" is read by its parts as a calendar date, never by new Date("YYYY-MM-DD"): that is
  // UTC midnight, still the day before west of Greenwich. The weekday of a calendar date is the same
  // in every time zone, so it is counted in UTC.
  window.longDate = function (iso) {
    var part = iso.split("-").map(Number);
    var day = new Date(0);
    day.setUTCFullYear(part[0], part[1] - 1, part[2]);
    return DAYS[day.getUTCDay()] + " " + part[2] + " " + MONTHS[part[1] - 1] + " " + part[0];
  };
})();
