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
    wrapper.insertBefore(input, wrapper.firstChild);
    input.addEventListener("input", function () {
      var q = input.value.trim().toLocaleLowerCase("vi");
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = q !== "" && row.textContent.toLocaleLowerCase("vi").indexOf(q) === -1;
      });
    });
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
