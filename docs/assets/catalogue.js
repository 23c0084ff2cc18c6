/* Course catalogue: filters, sorting, compare and URL state.
 * The table is complete in the HTML; this script only enhances it. */
(function () {
  "use strict";
  var root = document.querySelector(".kin-catalogue");
  if (!root) return;
  var table = root.querySelector("table");
  var tbody = table.tBodies[0];
  var countEl = root.querySelector(".kin-catalogue__count");
  var controls = root.querySelector(".kin-catalogue__controls");
  var courses = JSON.parse(document.getElementById("kin-courses").textContent);
  var byId = {};
  courses.forEach(function (c) { byId[c.id] = c; });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(tbody.rows).map(function (tr, index) {
    var c = byId[tr.dataset.id];
    return {
      tr: tr, id: tr.dataset.id, index: index, d: tr.dataset,
      text: [c.code || "", c.title, c.description || ""].join(" ").toLowerCase(),
      cells: Array.prototype.map.call(tr.cells, function (td) { return td.textContent.trim(); })
    };
  });
  var SELECTS = [
    ["region", "Region"], ["institution", "Institusjon"], ["level", "Nivå"],
    ["format", "Form"], ["language", "Språk"], ["status", "Status"]
  ];
  var COLUMN = { region: 3, institution: 2, level: 4, format: 8, language: 7, status: 11 };
  var state = {};
  var inputs = {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  function field(labelText, control) {
    var wrap = el("div", { "class": "kin-field" });
    var label = el("label", { "for": control.id }, labelText);
    wrap.appendChild(label); wrap.appendChild(control);
    controls.appendChild(wrap);
    return control;
  }

  // --- Controls -------------------------------------------------------------
  SELECTS.forEach(function (pair) {
    var key = pair[0];
    var select = el("select", { id: "f-" + key });
    select.appendChild(el("option", { value: "" }, "Alle"));
    var seen = {};
    rows.forEach(function (r) {
      var v = r.d[key];
      if (v && !seen[v]) { seen[v] = r.cells[COLUMN[key]]; }
    });
    Object.keys(seen).sort(function (a, b) { return seen[a].localeCompare(seen[b], "nb"); })
      .forEach(function (v) { select.appendChild(el("option", { value: v }, seen[v])); });
    inputs[key] = field(pair[1], select);
  });
  inputs.emin = field("Studiepoeng fra", el("input", { id: "f-emin", type: "number", min: "0", step: "0.5", inputmode: "decimal" }));
  inputs.emax = field("Studiepoeng til", el("input", { id: "f-emax", type: "number", min: "0", step: "0.5", inputmode: "decimal" }));
  inputs.q = field("Søk i kode, tittel og beskrivelse", el("input", { id: "f-q", type: "search" }));
  var freeWrap = el("div", { "class": "kin-field kin-field--check" });
  inputs.free = el("input", { id: "f-free", type: "checkbox" });
  freeWrap.appendChild(inputs.free);
  freeWrap.appendChild(el("label", { "for": "f-free" }, "Bare gratis"));
  controls.appendChild(freeWrap);
  var reset = el("button", { type: "button", "class": "md-button kin-reset" }, "Nullstill");
  controls.appendChild(reset);
  controls.hidden = false;

  // Sort buttons in the headers
  headers.forEach(function (th, i) {
    var button = el("button", { type: "button", "class": "kin-sort" }, th.textContent);
    button.dataset.col = i;
    th.textContent = "";
    th.appendChild(button);
  });

  // Compare checkboxes in the first column
  rows.forEach(function (r) {
    var box = el("input", { type: "checkbox", "class": "kin-pick", id: "pick-" + r.id, "aria-label": "Sammenlign " + r.cells[1] });
    box.value = r.id;
    r.tr.cells[0].insertBefore(box, r.tr.cells[0].firstChild);
    r.box = box;
  });
  var compare = el("section", { "class": "kin-compare", id: "sammenlign", "aria-labelledby": "sammenlign-tittel", tabindex: "-1" });
  root.appendChild(compare);

  // --- State <-> URL ----------------------------------------------------------
  var KEYS = ["region", "institution", "level", "format", "language", "status", "emin", "emax", "q", "free", "sort", "dir", "cmp"];
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
    SELECTS.forEach(function (pair) { inputs[pair[0]].value = state[pair[0]] || ""; });
    inputs.emin.value = state.emin || ""; inputs.emax.value = state.emax || "";
    inputs.q.value = state.q || ""; inputs.free.checked = state.free === "1";
    var picked = (state.cmp || "").split(",");
    rows.forEach(function (r) { r.box.checked = picked.indexOf(r.id) >= 0; });
  }

  // --- Apply ----------------------------------------------------------------
  function num(v) { return v === "" || v === undefined ? null : parseFloat(v); }
  function apply() {
    var q = (state.q || "").toLowerCase().trim();
    var emin = num(state.emin), emax = num(state.emax), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], d = r.d, ok = true;
      for (var j = 0; j < SELECTS.length && ok; j++) {
        var key = SELECTS[j][0];
        if (state[key] && d[key] !== state[key]) ok = false;
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
    var sortKey = (state.sort || "") + (state.dir || "");
    if (sortKey !== lastSort) { lastSort = sortKey; sortRows(); }  // re-order only when asked
    if ((state.cmp || "") !== lastCmp) { lastCmp = state.cmp || ""; renderCompare(); }
  }
  var lastSort = "", lastCmp = null;
  function sortRows() {
    var col = state.sort === undefined ? -1 : parseInt(state.sort, 10);
    var dir = state.dir === "desc" ? -1 : 1;
    headers.forEach(function (th, i) {
      if (i === col) th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    var numeric = col >= 0 && headers[col].dataset.type === "number";
    var key = col >= 0 ? headers[col].dataset.key : null;
    var ordered = rows.slice().sort(function (a, b) {
      if (col < 0) return a.index - b.index;
      if (numeric) {
        var x = num(a.d[key]), y = num(b.d[key]);
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
    if (!ids.length) return;
    compare.appendChild(el("h2", { id: "sammenlign-tittel" }, "Sammenlign (" + ids.length + " av maks 4)"));
    if (ids.length < 2) {
      compare.appendChild(el("p", {}, "Velg minst to studietilbud for å sammenligne dem."));
      return;
    }
    var wrap = el("div", { "class": "kin-table-wrap", tabindex: "0", role: "region", "aria-label": "Sammenligning" });
    var t = el("table", { "class": "kin-table kin-compare__table" });
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
  SELECTS.forEach(function (pair) {
    inputs[pair[0]].addEventListener("change", function () { set(pair[0], this.value); });
  });
  ["emin", "emax"].forEach(function (k) {
    inputs[k].addEventListener("change", function () { set(k, this.value); });
  });
  var typing = false;
  inputs.q.addEventListener("input", function () {
    set("q", this.value.trim(), typing);  // one history entry per search, not per key
    typing = true;
  });
  inputs.q.addEventListener("blur", function () { typing = false; });
  inputs.free.addEventListener("change", function () { set("free", this.checked ? "1" : ""); });
  reset.addEventListener("click", function () { state = {}; syncInputs(); writeUrl(false); apply(); });
  table.tHead.addEventListener("click", function (e) {
    var b = e.target.closest(".kin-sort");
    if (!b) return;
    var col = b.dataset.col;
    var dir = state.sort === col && state.dir !== "desc" ? "desc" : "asc";
    state.sort = col; state.dir = dir;
    writeUrl(false); apply();
  });
  tbody.addEventListener("change", function (e) {
    if (!e.target.classList.contains("kin-pick")) return;
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
