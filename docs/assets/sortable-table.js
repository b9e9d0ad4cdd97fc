// Sort and filter tables inside .sortable-table, in the browser, with no library.
// Without JavaScript the table is simply shown as built.
(function () {
  "use strict";
  function key(cell) {
    var marked = cell.querySelector("[data-sort]");
    return (marked ? marked.getAttribute("data-sort") : cell.textContent).trim().toLocaleLowerCase("vi");
  }
  function enhance(wrapper) {
    var table = wrapper.querySelector("table");
    if (!table || table.dataset.enhanced) return;
    table.dataset.enhanced = "1";
    var body = table.tBodies[0];
    var input = document.createElement("input");
    input.type = "search";
    input.className = "table-filter";
    input.placeholder = "Lọc bảng…";
    input.setAttribute("aria-label", "Lọc bảng theo từ khóa");
    var controls = document.createElement("div");
    controls.className = "table-controls";
    controls.appendChild(input);
    wrapper.insertBefore(controls, wrapper.firstChild);
    // Facets named in data-facets ("key:Label key2:Label two"): each row carries its
    // values in data-facet-<key> attributes (a row may carry several values of one facet).
    var selects = [];
    (wrapper.getAttribute("data-facets") || "").split(";").map(function (s) { return s.trim(); }).filter(Boolean).forEach(function (spec) {
      var key = spec.split(":")[0], label = spec.slice(key.length + 1);
      var attr = "data-facet-" + key;
      var seen = {};
      Array.prototype.forEach.call(body.querySelectorAll("[" + attr + "]"), function (el) { seen[el.getAttribute(attr)] = true; });
      var select = document.createElement("select");
      select.className = "table-select";
      select.setAttribute("aria-label", "Lọc theo " + label.toLocaleLowerCase("vi"));
      var all = document.createElement("option");
      all.value = "";
      all.textContent = label + ": tất cả";
      select.appendChild(all);
      Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "vi", { numeric: true }); }).forEach(function (text) {
        var option = document.createElement("option");
        option.value = text;
        option.textContent = text;
        select.appendChild(option);
      });
      select.addEventListener("change", apply);
      controls.appendChild(select);
      selects.push({ attr: attr, select: select });
    });
    function apply() {
      var q = input.value.trim().toLocaleLowerCase("vi");
      Array.prototype.forEach.call(body.rows, function (row) {
        var shown = q === "" || row.textContent.toLocaleLowerCase("vi").indexOf(q) !== -1;
        selects.forEach(function (f) {
          if (!f.select.value) return;
          var values = Array.prototype.map.call(row.querySelectorAll("[" + f.attr + "]"), function (el) { return el.getAttribute(f.attr); });
          if (values.indexOf(f.select.value) === -1) shown = false;
        });
        row.hidden = !shown;
      });
    }
    input.addEventListener("input", apply);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index]), y = key(b.cells[index]);
          return (ascending ? 1 : -1) * x.localeCompare(y, "vi");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function init() { document.querySelectorAll(".sortable-table").forEach(enhance); }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
