(function () {
  "use strict";
  function clear() {
    document.querySelectorAll("mark.active, .row-active").forEach(function (el) {
      el.classList.remove("active", "row-active");
    });
  }
  function focus(trigger) {
    var ids = (trigger.getAttribute("data-marks") || "").split(" ").filter(Boolean);
    var first = null;
    clear();
    ids.forEach(function (id) {
      var mark = document.getElementById(id);
      if (mark) { mark.classList.add("active"); first = first || mark; }
    });
    var row = trigger.closest("tr, li");
    if (row) { row.classList.add("row-active"); }
    if (first) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
  }
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-marks]");
    if (trigger) { event.stopPropagation(); focus(trigger); }
  });
  document.addEventListener("keydown", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-marks]");
    if (trigger && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      focus(trigger);
    }
  });
})();
