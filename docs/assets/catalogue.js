/* Course catalogue: filters, sorting, compare and URL state.
 * The table and the controls are complete in the HTML (the controls are hidden
 * when JavaScript is off); this script only makes the controls work. */
(function () {
  "use strict";
  var root = document.querySelector(".kin-catalogue");
  if (!root) return;
  var $ = function (sel) { return root.querySelector(sel); };
  var table = $("table");
  var tbody = table.tBodies[0];
  var countEl = $(".kin-catalogue__count");
  var activeEl = $(".kin-filters__active");
  var compare = $(".kin-compare");
  var compareLink = $(".kin-compare-link");
  var courses = JSON.parse(document.getElementById("kin-courses").textContent);
  var byId = {};
  courses.forEach(function (c) { byId[c.id] = c; });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var column = {};
  headers.forEach(function (th, i) { if (th.dataset.key) column[th.dataset.key] = i; });
  var rows = Array.prototype.slice.call(tbody.rows).map(function (tr, index) {
    var c = byId[tr.dataset.id];
    return {
      tr: tr, id: tr.dataset.id, index: index, d: tr.dataset, box: tr.querySelector(".kin-pick input"),
      text: fold([c.code || "", c.title, c.description || ""].join(" ")),
      cells: Array.prototype.map.call(tr.cells, function (td) { return td.textContent.trim(); })
    };
  });
  // Text and query are folded alike, so "maskinlaering" finds "maskinlæring", "Tromsø"
  // finds "Tromso", and a letter typed decomposed (a + ring above) matches å.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/æ/g, "ae").replace(/ø/g, "o").replace(/aa/g, "a");
  }
  var SELECTS = ["region", "institution", "level", "format", "language", "status"];
  var FILTERS = SELECTS.concat(["emin", "emax", "free"]);  // counted in «Filtrer (n aktive)»
  var KEYS = FILTERS.concat(["q", "sort", "dir", "cmp"]);
  var inputs = {};
  KEYS.forEach(function (k) { inputs[k] = document.getElementById("f-" + k); });
  var state = {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  // --- State <-> URL ----------------------------------------------------------
  function readUrl() {
    var p = new URLSearchParams(location.search);
    state = {};
    KEYS.forEach(function (k) { if (p.get(k)) state[k] = p.get(k); });
  }
  function writeUrl(replace) {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    var url = location.pathname + (p.toString() ? "?" + p.toString() : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    history[replace ? "replaceState" : "pushState"](null, "", url);
  }
  function syncInputs() {
    SELECTS.concat(["emin", "emax", "q"]).forEach(function (k) { inputs[k].value = state[k] || ""; });
    inputs.free.checked = state.free === "1";
    inputs.sort.value = state.sort ? state.sort + ":" + (state.dir || "asc") : "";
    var picked = (state.cmp || "").split(",");
    rows.forEach(function (r) { r.box.checked = picked.indexOf(r.id) >= 0; });
  }

  // --- Apply ----------------------------------------------------------------
  function num(v) { return v === "" || v === undefined ? null : parseFloat(v); }
  var lastSort = "", lastCmp = null;
  function apply() {
    var q = fold((state.q || "").trim());
    var emin = num(state.emin), emax = num(state.emax), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], d = r.d, ok = true;
      for (var j = 0; j < SELECTS.length && ok; j++) {
        if (state[SELECTS[j]] && d[SELECTS[j]] !== state[SELECTS[j]]) ok = false;
      }
      var ects = num(d.ects);
      if (ok && emin !== null && (ects === null || ects < emin)) ok = false;
      if (ok && emax !== null && (ects === null || ects > emax)) ok = false;
      if (ok && state.free === "1" && d.price !== "0") ok = false;
      if (ok && q && r.text.indexOf(q) < 0) ok = false;
      if (r.tr.hidden === ok) r.tr.hidden = !ok;
      if (ok) shown++;
    }
    countEl.textContent = shown + " av " + rows.length + " studietilbud";
    var active = FILTERS.filter(function (k) { return state[k]; }).length;
    activeEl.textContent = "(" + active + " aktive)";
    var sortKey = (state.sort || "") + (state.dir || "");
    if (sortKey !== lastSort) { lastSort = sortKey; sortRows(); }  // re-order only when asked
    if ((state.cmp || "") !== lastCmp) { lastCmp = state.cmp || ""; renderCompare(); }
  }
  function sortRows() {
    var col = state.sort && column[state.sort] !== undefined ? column[state.sort] : -1;
    var dir = state.dir === "desc" ? -1 : 1;
    headers.forEach(function (th, i) {
      if (i === col) th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    var numeric = col >= 0 && headers[col].dataset.type === "number";
    var ordered = rows.slice().sort(function (a, b) {
      if (col < 0) return a.index - b.index;
      if (numeric) {
        var x = num(a.d[state.sort]), y = num(b.d[state.sort]);
        if (x === null && y === null) return a.index - b.index;
        if (x === null) return 1;  // missing values last, either direction
        if (y === null) return -1;
        return (x - y) * dir || a.index - b.index;
      }
      var s = a.cells[col], t = b.cells[col];
      var missA = s === "ikke oppgitt", missB = t === "ikke oppgitt";
      if (missA !== missB) return missA ? 1 : -1;
      return s.localeCompare(t, "nb") * dir || a.index - b.index;
    });
    var frag = document.createDocumentFragment();
    ordered.forEach(function (r) { frag.appendChild(r.tr); });
    tbody.appendChild(frag);
  }

  // --- Compare --------------------------------------------------------------
  var FIELDS = [
    ["code", "Kode"], ["kind", "Type"], ["institution", "Institusjon"], ["region", "Region"],
    ["level", "Nivå"], ["ects", "Studiepoeng"], ["price", "Pris"], ["language", "Språk"],
    ["format", "Form"], ["term", "Tid"], ["target_group", "Målgruppe"], ["status", "Status"],
    ["knowledge", "Læringsutbytte: kunnskaper"], ["skills", "Læringsutbytte: ferdigheter"],
    ["general", "Læringsutbytte: generell kompetanse"]
  ];
  function renderCompare() {
    var ids = (state.cmp || "").split(",").filter(function (id) { return byId[id]; });
    compare.textContent = "";
    compare.hidden = ids.length === 0;
    compareLink.hidden = ids.length < 2;
    compareLink.textContent = "Vis sammenligning (" + ids.length + ")";
    if (!ids.length) return;
    compare.appendChild(el("h2", { id: "sammenlign-tittel" }, "Sammenlign (" + ids.length + " av maks 4)"));
    if (ids.length < 2) {
      compare.appendChild(el("p", {}, "Velg minst to studietilbud for å sammenligne dem."));
      return;
    }
    var wrap = el("div", { "class": "kin-table-wrap", tabindex: "0", role: "region", "aria-label": "Sammenligning" });
    var t = el("table", { "class": "kin-table kin-compare__table kin-compare--" + ids.length });
    var head = t.createTHead().insertRow();
    head.appendChild(el("th", { scope: "col" }, "Felt"));
    ids.forEach(function (id) { head.appendChild(el("th", { scope: "col" }, byId[id].title)); });
    var body = t.createTBody();
    FIELDS.forEach(function (f) {
      var values = ids.map(function (id) {
        var v = byId[id][f[0]];
        if (Array.isArray(v)) v = v.join(" • ");
        return v === null || v === undefined || v === "" ? "ikke oppgitt" : String(v);
      });
      var differs = values.some(function (v) { return v !== values[0]; });
      var tr = body.insertRow();
      if (differs) tr.className = "kin-diff";
      var th = el("th", { scope: "row" }, f[1]);
      if (differs) th.appendChild(el("span", { "class": "kin-diff__mark" }, " (ulik)"));
      tr.appendChild(th);
      values.forEach(function (v) { tr.appendChild(el("td", {}, v)); });
    });
    wrap.appendChild(t);
    compare.appendChild(wrap);
  }

  // --- Events ---------------------------------------------------------------
  function set(key, value, replace) {
    if (value) state[key] = value; else delete state[key];
    writeUrl(replace);
    apply();
  }
  SELECTS.concat(["emin", "emax"]).forEach(function (k) {
    inputs[k].addEventListener("change", function () { set(k, this.value); });
  });
  var typing = false;
  inputs.q.addEventListener("input", function () {
    set("q", this.value.trim(), typing);  // one history entry per search, not per key
    typing = true;
  });
  inputs.q.addEventListener("blur", function () { typing = false; });
  inputs.free.addEventListener("change", function () { set("free", this.checked ? "1" : ""); });
  function sortBy(key, dir) {
    if (key) { state.sort = key; state.dir = dir; } else { delete state.sort; delete state.dir; }
    syncInputs(); writeUrl(false); apply();
  }
  inputs.sort.addEventListener("change", function () {
    var parts = this.value.split(":");
    sortBy(parts[0], parts[1]);
  });
  $(".kin-reset").addEventListener("click", function () { state = {}; syncInputs(); writeUrl(false); apply(); });
  table.tHead.addEventListener("click", function (e) {
    var b = e.target.closest(".kin-sort");
    if (!b) return;
    var key = b.parentNode.dataset.key;
    sortBy(key, state.sort === key && state.dir !== "desc" ? "desc" : "asc");
  });
  tbody.addEventListener("change", function (e) {
    if (!e.target.closest(".kin-pick")) return;
    var ids = (state.cmp || "").split(",").filter(Boolean);
    var id = e.target.value;
    if (e.target.checked) {
      if (ids.length >= 4) { e.target.checked = false; countEl.textContent = "Du kan sammenligne høyst fire."; return; }
      ids.push(id);
    } else {
      ids = ids.filter(function (x) { return x !== id; });
    }
    set("cmp", ids.join(","));
  });
  window.addEventListener("popstate", function () { readUrl(); syncInputs(); apply(); });

  readUrl(); syncInputs(); apply();
  window.kinCatalogue = { apply: apply, rows: rows.length };
})();
