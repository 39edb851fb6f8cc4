"""The site's own files: its style sheet and its search (vanilla JavaScript, no library).

The search reads `search-index.js`, which sets `window.KPSS_SEARCH`: a script, not JSON
fetched, so the site works opened from disk (`file://`) as well as from a web server."""

SITE_CSS = """\
:root { --accent: #1f4e79; --muted: #5c5c5c; }
body { font-family: "DejaVu Sans", "Segoe UI", Calibri, Arial, sans-serif; }
nav.site { font-size: .95rem; margin-bottom: 1rem; padding-bottom: .4rem; border-bottom: 1px solid #ddd; }
nav.site a { color: var(--accent); }
a { color: var(--accent); }
ul.groups, ul.meetings { list-style: none; padding: 0; }
ul.groups li, ul.meetings li { padding: .5rem 0; border-bottom: 1px solid #eee; }
.meta { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; background: #eee; font-size: .85rem; }
.badge.overdue { background: #fde7ea; color: #b00020; }
.badge.draft { background: #fff3cd; color: #7a5b00; }
.search { margin: 1rem 0 1.5rem; }
.search input { width: 100%; box-sizing: border-box; font-size: 1.05rem; padding: .5rem .6rem; border: 1px solid #999; border-radius: .3rem; }
#results li { margin: .3rem 0; }
.signatures { display: none; }
@media (max-width: 40rem) {
  body { font-size: 1.05rem; padding: 0 .8rem; }
  table.tasks thead { display: none; }
  table.tasks tr { display: block; border-bottom: 1px solid #ccc; padding: .4rem 0; }
  table.tasks td { display: block; border: none; padding: .1rem 0; }
}
@media print {
  nav.site, .search, #results { display: none; }
  .signatures { display: table; }
}
"""

SEARCH_JS = """\
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var entries = window.KPSS_SEARCH || [];
  if (!input || !list) { return; }
  function fold(text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase();
  }
  function show() {
    var words = fold(input.value).split(/\\s+/).filter(function (w) { return w.length > 1; });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!words.length) { return; }
    var found = entries.filter(function (e) {
      return words.every(function (w) { return e.x.indexOf(w) !== -1; });
    });
    found.slice(0, 50).forEach(function (e) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e.u;
      link.textContent = e.t;
      item.appendChild(link);
      list.appendChild(item);
    });
    if (!found.length) {
      var none = document.createElement("li");
      none.textContent = list.getAttribute("data-none") || "-";
      list.appendChild(none);
    }
  }
  input.addEventListener("input", show);
  show();
})();
"""
