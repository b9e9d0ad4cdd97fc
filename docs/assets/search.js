/*
 * Site search: Pagefind behind Material's own search box (overrides/partials/search.html).
 *
 * Nothing is fetched until the visitor types. The first keystroke loads the Pagefind
 * runtime (pagefind/pagefind.js, imported lazily) and the small "đ" map; after that each
 * query fetches only the index chunks it needs. Everything comes from this site.
 *
 * Pagefind folds every diacritic except "đ" (it has no Unicode decomposition). A visitor
 * typing "dia chi" means "địa chỉ", so each word with a "d" is also tried with "đ" where
 * the site has such a word (pagefind/d-forms.json: "dia" → ["đia"]), and the results of
 * all spellings are merged.
 *
 * Keyboard as in Material: "/", "s" or "f" opens the search; arrows move through the
 * results; Enter opens the first result; Esc closes.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.querySelector("[data-search]");
  var toggle = document.getElementById("__search");
  if (!script || !root || !toggle) return;

  var bundle = new URL("../pagefind/", script.src);
  var form = root.querySelector("[data-search-form]");
  var input = root.querySelector("[data-search-query]");
  var output = root.querySelector("[data-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var text = output.dataset;

  var PAGE = 5;           // results rendered at a time (each needs its page's fragment)
  var SECTIONS = 2;       // matching sections shown under a result
  var MAX_SPELLINGS = 8;  // d/đ spellings tried for one query
  var WORD = /[\p{L}\p{N}]+/gu;

  var DEBOUNCE = 200;      // ms after the last keystroke before searching

  var engine = null;
  var current = 0;
  var timer = 0;

  // --- loading ---------------------------------------------------------------------

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
          // A match in a help page's search words ("help" metadata, generator/search_index.py)
          // outranks the same words in a plan or a law. A topic page's everyday questions
          // ("topic") weigh less: enough to lift the topic above plans and laws that use
          // the same words, not above the help pages, the glossary entry or the law itself
          // for a bare term ("bình đẳng giới"). The ratio was tuned on the browser tests
          // tests/browser/test_search.py and test_topics.py.
          return pagefind.options({ excerptLength: 22, ranking: { metaWeights: { help: 20, topic: 3 } } }).then(function () {
            return pagefind.init();
          }).then(function () { return pagefind; });
        }),
        fetch(new URL("d-forms.json", bundle)).then(function (r) {
          return r.ok ? r.json() : {};
        }).catch(function () { return {}; })
      ]).then(function (parts) {
        return { pagefind: parts[0], forms: parts[1] };
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // --- "đ": spellings of a query ----------------------------------------------------

  function strip(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  }

  function unique(items) {
    return items.filter(function (item, i) { return items.indexOf(item) === i; });
  }

  // Spellings of one letter run: those the site has ("dia" → ["đia"]). The word still
  // being typed is a prefix, so it keeps its own spelling and gains the beginnings of
  // the site's spellings ("duo" → "đuo", for "đường").
  function partForms(part, forms, typing) {
    if (!typing) return forms[part] || [part];
    var found = [part].concat(forms[part] || []);
    Object.keys(forms).forEach(function (key) {
      if (key.length > part.length && key.lastIndexOf(part, 0) === 0) {
        forms[key].forEach(function (f) { found.push(f.slice(0, part.length)); });
      }
    });
    return unique(found);
  }

  function wordForms(word, forms, typing) {
    var bare = strip(word);
    if (bare.indexOf("đ") >= 0 || bare.indexOf("d") < 0) return [word];
    var parts = bare.match(WORD) || [];
    var out = [""];
    var last = 0;
    var index = 0;
    bare.replace(WORD, function (part, at) {
      var separator = bare.slice(last, at);
      last = at + part.length;
      index += 1;
      var stillTyped = typing && index === parts.length;  // only the end of the query is a prefix
      var alternatives = part.indexOf("d") >= 0 ? partForms(part, forms, stillTyped) : [part];
      var next = [];
      out.forEach(function (start) {
        alternatives.forEach(function (alt) { next.push(start + separator + alt); });
      });
      out = next;
      return part;
    });
    out = out.map(function (o) { return o + bare.slice(last); });
    // The visitor's own spelling (with its tone marks) stands for the form without "đ".
    return unique(out.map(function (o) { return o === bare ? word : o; }));
  }

  function spellings(query, forms) {
    var words = query.normalize("NFC").trim().split(/\s+/).filter(Boolean);
    var out = [[]];
    words.forEach(function (word, i) {
      var options = wordForms(word, forms, i === words.length - 1);
      var next = [];
      out.forEach(function (start) {
        options.forEach(function (option) { next.push(start.concat([option])); });
      });
      out = next.slice(0, MAX_SPELLINGS);
    });
    return out.map(function (ws) { return ws.join(" "); });
  }

  function search(query) {
    return load().then(function (e) {
      var queries = spellings(query, e.forms);
      return Promise.all(queries.map(function (q) { return e.pagefind.search(q); }));
    }).then(function (searches) {
      var best = new Map();
      searches.forEach(function (s) {
        ((s && s.results) || []).forEach(function (r) {
          var seen = best.get(r.id);
          if (!seen || r.score > seen.score) best.set(r.id, r);
        });
      });
      return Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
    });
  }

  // --- rendering -------------------------------------------------------------------

  var decoder = document.createElement("textarea");

  function plain(html) {
    decoder.innerHTML = html;
    return decoder.value;
  }

  // Pagefind's excerpt is text with <mark> around the matched words: only those become elements.
  function excerpt(node, html) {
    var marked = false;
    (html || "").split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>") { marked = true; return; }
      if (piece === "</mark>") { marked = false; return; }
      if (!piece) return;
      var textNode = document.createTextNode(plain(piece));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(textNode);
        node.appendChild(mark);
      } else {
        node.appendChild(textNode);
      }
    });
    return node;
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function entry(url, title, snippet, kind, isPage) {
    var link = element("a", "md-search-result__link");
    link.href = url;
    var article = element("article", "md-search-result__article md-typeset" + (isPage ? " md-search-result__article--document" : ""));
    if (isPage) {
      article.appendChild(element("div", "md-search-result__icon md-icon"));
      if (kind) article.appendChild(element("p", "md-search-result__kind", kind));
    }
    article.appendChild(element(isPage ? "h1" : "h2", "", title));
    article.appendChild(excerpt(element("p", "md-search-result__teaser"), snippet));
    link.appendChild(article);
    return link;
  }

  // The sections that match best: by Pagefind's score of each matched word (a word in
  // a heading counts more than one in the text).
  function weight(section) {
    return (section.weighted_locations || []).reduce(function (sum, l) { return sum + l.balanced_score; }, 0);
  }

  function sections(data) {
    return (data.sub_results || [])
      .filter(function (s) {
        return s.url !== data.url && s.title !== data.meta.title && s.locations && s.locations.length;
      })
      .sort(function (a, b) { return weight(b) - weight(a); })
      .slice(0, SECTIONS);
  }

  // An entry of a page (a glossary term) is indexed as ".../page/<anchor>/": link the
  // page at its anchor (generator/search_index.py, Record).
  function target(data) {
    return data.meta.anchor ? new URL("../#" + data.meta.anchor, new URL(data.url, location.href)).href : data.url;
  }

  function item(data) {
    var li = element("li", "md-search-result__item");
    li.appendChild(entry(target(data), data.meta.title || data.url, data.excerpt, data.meta.kind, true));
    sections(data).forEach(function (s) {
      li.appendChild(entry(s.url, s.title, s.excerpt, null, false));
    });
    return li;
  }

  function say(message) {
    meta.textContent = message;
  }

  function count(n) {
    if (n === 0) return text.textNone;
    if (n === 1) return text.textOne;
    return text.textOther.replace("#", n.toLocaleString("vi-VN"));
  }

  function show(results, from, run) {
    var batch = results.slice(from, from + PAGE);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (run !== current) return;
      var more = list.querySelector(".md-search-result__more");
      if (more) more.remove();
      datas.forEach(function (d) { list.appendChild(item(d)); });
      if (results.length > from + PAGE) {
        var li = element("li", "md-search-result__more");
        var button = element("button", "md-button", text.textMore);
        button.type = "button";
        button.addEventListener("click", function () {
          show(results, from + PAGE, run).then(function () {
            var next = list.children[from + PAGE];
            var link = next && next.querySelector("a");
            if (link) link.focus();
          });
        });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function update() {
    var query = input.value.trim();
    var run = ++current;
    if (!query) {
      list.replaceChildren();
      say(text.textPlaceholder);
      return Promise.resolve();
    }
    if (!list.children.length) say(text.textLoading);
    return search(query).then(function (results) {
      if (run !== current) return;
      list.replaceChildren();
      say(count(results.length));
      return show(results, 0, run).then(function () {
        if (run === current) output.setAttribute("data-query", query);  // what is on screen
      });
    }).catch(function () {
      if (run === current) say(text.textError);
    });
  }

  // --- opening, closing, keyboard -----------------------------------------------------

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function move(step) {
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a, button")));
    var at = stops.indexOf(document.activeElement);
    stops[(Math.max(at, 0) + step + stops.length) % stops.length].focus();
  }

  input.addEventListener("input", function () {
    load();  // the first keystroke starts loading the runtime
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE);
  });
  input.addEventListener("focus", function () { toggle.checked = true; });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { update(); input.focus(); }, 0);
  });
  list.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a")) toggle.checked = false;
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var active = toggle.checked || document.activeElement === input;
    if (!active) {
      if (!isTyping(ev.target) && (ev.key === "/" || ev.key === "s" || ev.key === "f")) {
        ev.preventDefault();
        open();
      }
      return;
    }
    switch (ev.key) {
      case "Escape":
        ev.preventDefault();
        close();
        break;
      case "ArrowDown":
      case "ArrowUp":
        ev.preventDefault();
        move(ev.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter":
        if (ev.target === input) {
          ev.preventDefault();
          clearTimeout(timer);
          update().then(function () {
            var first = list.querySelector("a");
            if (first) first.click();
          });
        }
        break;
      default:
        if (ev.key.length === 1 && !isTyping(ev.target)) input.focus();
    }
  });
})();
