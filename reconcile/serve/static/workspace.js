// The workspace's one script (served as a file: the CSP allows no inline script): keyboard navigation and
// the progress of a re-run. Nothing here reads or writes source text.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-href]"));
  var at = 0;
  function mark() {
    rows.forEach(function (r, i) { r.classList.toggle("current", i === at); });
    if (rows[at]) { rows[at].scrollIntoView({block: "nearest"}); }
  }
  if (rows.length) { mark(); }
  rows.forEach(function (r) {
    r.addEventListener("click", function (e) { if (e.target.tagName !== "A") { window.location = r.dataset.href; } });
  });
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function byId(id) { return document.getElementById(id); }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    var statuses = {c: "confirmed", d: "dismissed", r: "resolved"};
    if (rows.length && (e.key === "j" || e.key === "k")) {
      at = e.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
      mark();
      e.preventDefault();
    } else if (rows.length && e.key === "Enter" && rows[at]) {
      window.location = rows[at].dataset.href;
    } else if (e.key === "n" && byId("next")) {
      window.location = byId("next").href;
    } else if (e.key === "p" && byId("previous")) {
      window.location = byId("previous").href;
    } else if (statuses[e.key] && byId("decide")) {
      byId("status-" + statuses[e.key]).checked = true;
      byId("note").focus();
      e.preventDefault();
    } else if (e.key === "e" && byId("note")) {
      byId("note").focus();
      e.preventDefault();
    }
  });
  var box = byId("progress");
  if (box && !box.hidden) {
    var url = document.body.dataset.progressUrl;
    var tick = function () {
      fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (p) {
        var bar = box.querySelector("progress");
        bar.max = p.total || 1;
        bar.value = p.done;
        if (p.running) { setTimeout(tick, 400); } else { window.location.reload(); }
      });
    };
    setTimeout(tick, 400);
  }
})();
