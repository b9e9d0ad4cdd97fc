/* "Sắp diễn ra" on the home page, ordered from the visitor's own date. No library.
 *
 * The page lists every dated campaign of the year in calendar order from 1/1; each
 * <li> carries its yearly days in data- attributes (start/end month and day, whether it
 * runs into the next year, the last day as printed). From today's date on this device:
 * - items running today come first, marked "Đang diễn ra (đến 15/12)";
 * - then the next ones by start date, marked "còn N ngày";
 * - items already over this year are not hidden: their next occurrence is next year,
 *   so they move to the end of the list, in order, with their count of days.
 * - an item running today that has yearly themes (data-themes, from the data: only the
 *   themes a source gives) shows the theme of the year it started in, or says plainly
 *   that no source for that year's theme was found.
 * - an item whose first year is known (data-since-year) counts from that year only.
 * Without JavaScript the calendar-order list is shown as built.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  function dayNumber(year, month, day) {
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
  }

  function validDay(year, month, day) {
    var d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  }

  // The current or next occurrence of an item: {start, end} as day numbers.
  function occurrence(item, today, year) {
    var sm = +item.dataset.startMonth, sd = +item.dataset.startDay;
    var em = +item.dataset.endMonth, ed = +item.dataset.endDay;
    var spans = item.dataset.spansNewYear === "true";
    // A campaign first held in a known year has no occurrence before it.
    var since = item.dataset.sinceYear ? +item.dataset.sinceYear : -Infinity;
    for (var y = Math.max(year - 1, since); y <= Math.max(year, since) + 8; y++) {
      var endYear = spans ? y + 1 : y;
      if (!validDay(y, sm, sd) || !validDay(endYear, em, ed)) continue;  // 29/2
      var end = dayNumber(endYear, em, ed);
      if (end >= today) return { start: dayNumber(y, sm, sd), end: end };
    }
    return null;
  }

  // The running item's theme: the year is that of its start (a period over New Year
  // belongs to the year it began in).
  function showTheme(li, startDay) {
    var slot = li.querySelector("[data-upcoming-theme]");
    if (!slot || !li.dataset.themes) return;
    var themes;
    try { themes = JSON.parse(li.dataset.themes); } catch (e) { return; }
    var year = new Date(startDay * DAY_MS).getUTCFullYear();
    var theme = themes[String(year)];
    slot.textContent = theme ? "Chủ đề năm " + year + ": “" + theme + "”."
      : "Chủ đề năm " + year + ": chưa tìm thấy trong các nguồn đã đối chiếu.";
    slot.hidden = false;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function reorder(list) {
    if (list.dataset.ordered) return;
    list.dataset.ordered = "1";
    var now = new Date();
    var today = dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
    var items = Array.prototype.slice.call(list.children).map(function (li, index) {
      var occ = occurrence(li, today, now.getFullYear());
      return { li: li, index: index, occ: occ, ongoing: !!occ && occ.start <= today };
    }).filter(function (item) { return item.occ; });
    items.sort(function (a, b) {
      if (a.ongoing !== b.ongoing) return a.ongoing ? -1 : 1;
      return (a.occ.start - b.occ.start) || (a.index - b.index);
    });
    items.forEach(function (item) {
      var status = item.li.querySelector("[data-upcoming-status]");
      item.li.classList.toggle("upcoming--ongoing", item.ongoing);
      if (status) {
        var days = item.occ.start - today;
        status.textContent = item.ongoing ? "Đang diễn ra (đến " + item.li.dataset.endLabel + ")" : "còn " + days + " ngày";
      }
      if (item.ongoing) showTheme(item.li, item.occ.start);
      list.appendChild(item.li);
    });
    var caption = list.parentNode.querySelector("[data-upcoming-caption]");
    if (caption) {
      caption.textContent = "Theo ngày hôm nay trên máy của bạn (" + pad(now.getDate()) + "/" + pad(now.getMonth() + 1) + "/" +
        now.getFullYear() + "): những gì đang diễn ra, rồi những gì sắp tới; những ngày đã qua trong năm nay được chuyển xuống cuối, tính cho năm sau.";
    }
  }

  function init() { document.querySelectorAll("[data-upcoming]").forEach(reorder); }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
