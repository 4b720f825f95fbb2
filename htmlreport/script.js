(function () {
  "use strict";
  var tip = document.getElementById("tip");

  // Tooltips: every SVG <title> becomes a data-tip (one tooltip, no
  // native one on top of it).
  var titles = document.querySelectorAll("svg title");
  for (var i = 0; i < titles.length; i++) {
    var t = titles[i];
    t.parentNode.setAttribute("data-tip", t.textContent);
    t.parentNode.removeChild(t);
  }
  function moveTip(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth - 4) { x = ev.clientX - r.width - 10; }
    if (y + r.height > window.innerHeight - 4) { y = ev.clientY - r.height - 10; }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-tip]") : null;
    if (!el) { tip.hidden = true; return; }
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    moveTip(ev);
  });
  document.addEventListener("mousemove", function (ev) { if (!tip.hidden) { moveTip(ev); } });

  // Series highlight: hovering a legend entry or a line brings the series
  // forward in every panel of its figure; a click on a legend entry keeps
  // it forward (pins it) until clicked again.
  function highlight(fig, s) {
    var els = fig.querySelectorAll("[data-s]");
    for (var i = 0; i < els.length; i++) {
      els[i].classList.toggle("on", s !== null && els[i].getAttribute("data-s") === s);
    }
    fig.classList.toggle("hl", s !== null);
  }
  var figs = document.querySelectorAll("figure.chart");
  for (var f = 0; f < figs.length; f++) {
    (function (fig) {
      var pinned = null;
      fig.addEventListener("mouseover", function (ev) {
        var el = ev.target.closest("[data-s]");
        highlight(fig, el ? el.getAttribute("data-s") : pinned);
      });
      fig.addEventListener("mouseleave", function () { highlight(fig, pinned); });
      fig.addEventListener("click", function (ev) {
        var li = ev.target.closest(".legend li[data-s]");
        if (!li) { return; }
        var s = li.getAttribute("data-s");
        pinned = pinned === s ? null : s;
        highlight(fig, pinned === null ? s : pinned);
      });
    })(figs[f]);
  }

  // Tabs.
  var bars = document.querySelectorAll(".tabbar");
  for (var b = 0; b < bars.length; b++) {
    bars[b].addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-tab]");
      if (!btn) { return; }
      var box = btn.closest(".tabs"), k = btn.getAttribute("data-tab");
      var bs = box.querySelectorAll(":scope > .tabbar > button");
      for (var i = 0; i < bs.length; i++) { bs[i].setAttribute("aria-selected", String(bs[i] === btn)); }
      var ps = box.querySelectorAll(":scope > .tabpanel");
      for (var j = 0; j < ps.length; j++) { ps[j].hidden = ps[j].getAttribute("data-tab") !== k; }
    });
  }

  // Sortable tables: a click on a header sorts by that column, again
  // reverses; numeric columns sort as numbers, empty cells last.
  function sortTable(table, col, numeric, dir) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r, i) {
      var s = r.cells[col] ? r.cells[col].textContent : "";
      return { row: r, i: i, s: s, n: numeric ? parseFloat(s) : NaN };
    });
    keyed.sort(function (a, b) {
      var ea = numeric ? isNaN(a.n) : a.s === "", eb = numeric ? isNaN(b.n) : b.s === "";
      if (ea !== eb) { return ea ? 1 : -1; }
      var c = 0;
      if (!ea) { c = numeric ? a.n - b.n : (a.s < b.s ? -1 : a.s > b.s ? 1 : 0); }
      return c !== 0 ? c * dir : a.i - b.i;
    });
    for (var i = 0; i < keyed.length; i++) { body.appendChild(keyed[i].row); }
  }
  var tables = document.querySelectorAll("table.data");
  for (var t2 = 0; t2 < tables.length; t2++) {
    (function (table) {
      var ths = table.tHead.rows[0].cells;
      for (var c = 0; c < ths.length; c++) {
        (function (th, col) {
          th.addEventListener("click", function () {
            var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
            for (var k = 0; k < ths.length; k++) { ths[k].removeAttribute("aria-sort"); }
            th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
            sortTable(table, col, th.hasAttribute("data-num"), dir);
          });
        })(ths[c], c);
      }
    })(tables[t2]);
  }

  document.body.setAttribute("data-rendered", "1");
})();
