/* policy-site search: Pagefind's Default UI (pagefind/pagefind-ui.js, written by the
   Pagefind indexer after MkDocs) in a dialog opened from the header button or with "/".
   Four things are ours:
   - loading: Pagefind (its JS, wasm, metadata and filters) and the UI are fetched when the
     page is idle (or at once when the button is hovered or focused, or "/" pressed), never
     before the page has loaded, so the first query costs only its index chunks and fragments;
   - the query is cut into Chinese words the way the indexer cut the pages (`segment`): the
     indexer cuts with jieba and charabia (国务院办公厅 → 国务/院办/公/厅), Pagefind's own box
     with the browser's Intl.Segmenter (国务院/办公/厅), and a word cut differently found
     nothing. The dictionary is jieba's, one file per group of first characters
     (assets/search/jieba/, generator/render/search.py), fetched as characters are typed;
   - a 文号 in any written form becomes the tokens each document page carries in its
     hidden search terms (generator/render/search.py): 工信部科〔2017〕315号 →
     p5de54fe190e879d1 2017n315h (the 机关代字's code points); [2017]315, 2017年315号 →
     2017n315h; 315号 → n315h; gongxinbuke-2017-315 → gongxinbuke 2017n315h. Pagefind alone
     cuts a 文号 into 2017/315/号, found in nearly every document;
   - results down to the row: Pagefind splits a page into sub-results only at headings
     with an id, and a document's paragraphs are rows (<div id="a1-6">), so the sub-results
     are recomputed from the anchors and word locations Pagefind returns for that purpose
     ("custom sub results" in Pagefind's documentation). */
(function () {
  "use strict";

  var TRANSLATIONS = {
    placeholder: "搜索文号、标题、正文 Search",
    clear_search: "清除 Clear",
    load_more: "更多结果 More results",
    search_label: "搜索本站 Search this site",
    filters_label: "筛选 Filters",
    zero_results: "没有找到“[SEARCH_TERM]” No results for [SEARCH_TERM]",
    many_results: "[COUNT] 个结果 results for [SEARCH_TERM]",
    one_result: "[COUNT] 个结果 result for [SEARCH_TERM]",
    alt_search: "没有找到“[SEARCH_TERM]”，显示“[DIFFERENT_TERM]”的结果 No results for [SEARCH_TERM]; showing [DIFFERENT_TERM]",
    search_suggestion: "没有找到“[SEARCH_TERM]”，请换个词试试 No results for [SEARCH_TERM]. Try another search",
    searching: "正在搜索 Searching for [SEARCH_TERM]…"
  };
  var OPEN = "〔\\[［(（【", CLOSE = "〕\\]］)）】";
  var BRACKETED = new RegExp("([^\\s" + OPEN + "]*)\\s*[" + OPEN + "]\\s*(\\d{4})\\s*[" + CLOSE + "]\\s*0*(\\d+)\\s*号?", "g");

  function prefixToken(prefix) {
    return "p" + Array.from(prefix).map(function (c) { return c.codePointAt(0).toString(16); }).join("");
  }

  /* --- the indexer's Chinese segmentation (generator/render/search.py's cut()) --- */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var BUCKETS = 256, LONGEST = 16;
  var lines = new Map(), parsed = new Map(), logTotal = 0, buckets = {}, loadedBuckets = {};

  function segmenterBase() { // assets/search/jieba/ beside pagefind/
    return dialog.dataset.segmenter ? new URL(dialog.dataset.segmenter, location.href)
      : new URL("../assets/search/jieba/", bundle());
  }

  function bucketOf(c) {
    var name = (c.charCodeAt(0) % BUCKETS).toString(16);
    return name.length < 2 ? "0" + name : name;
  }

  function loadBucket(name) {
    if (!buckets[name]) {
      buckets[name] = fetch(new URL(name + ".txt", segmenterBase()).href)
        .then(function (response) {
          if (!response.ok) throw new Error("search dictionary " + name + ": " + response.status);
          return response.text();
        })
        .then(function (text) { // a line per first character, read when a query holds that character
          text.split("\n").forEach(function (line) {
            if (line.lastIndexOf("total ", 0) === 0) logTotal = Math.log(+line.slice(6));
            else if (line) lines.set(line.charAt(0), line.slice(2));
          });
          loadedBuckets[name] = true;
        })
        .catch(function (error) { delete buckets[name]; throw error; });
    }
    return buckets[name];
  }

  function frequency(word) { // the word's count in jieba's dictionary, 0 if it is none
    var first = word.charAt(0), known = parsed.get(first);
    if (!known) {
      known = new Map();
      (lines.get(first) || "").split(" ").forEach(function (entry) {
        var m = /^(.*?)([0-9a-z]+)$/.exec(entry);
        if (m) known.set(m[1], parseInt(m[2], 36));
      });
      parsed.set(first, known);
    }
    return known.get(word.slice(1)) || 0;
  }

  function missingBuckets(term) {
    var names = {};
    (term.match(HAN) || []).join("").split("").forEach(function (c) {
      if (!loadedBuckets[bucketOf(c)]) names[bucketOf(c)] = true;
    });
    return Object.keys(names);
  }

  function forSearch(word) { // charabia's cut_for_search: a long word into bigrams, trigrams or characters
    if (word.length <= 2) return [word];
    var pieces = [];
    for (var i = 0; i < word.length;) {
      var size = i + 2 <= word.length && frequency(word.slice(i, i + 2)) ? 2
        : i + 3 <= word.length && frequency(word.slice(i, i + 3)) ? 3 : 1;
      pieces.push(word.slice(i, i + size));
      i += size;
    }
    return pieces;
  }

  function cutRun(run) { // jieba without HMM: the likeliest route through the dictionary's words
    var n = run.length, route = [];
    route[n] = [0, 0];
    for (var start = n - 1; start >= 0; start--) {
      var ends = [];
      for (var end = start; end < Math.min(n, start + LONGEST); end++) {
        if (frequency(run.slice(start, end + 1))) ends.push(end);
      }
      if (!ends.length) ends.push(start);
      var best = null;
      for (var k = 0; k < ends.length; k++) { // a tie goes to the longer word, as in jieba
        var score = Math.log(frequency(run.slice(start, ends[k] + 1)) || 1) - logTotal + route[ends[k] + 1][0];
        if (!best || score >= best[0]) best = [score, ends[k]];
      }
      route[start] = best;
    }
    var pieces = [];
    for (var from = 0; from < n;) {
      var to = route[from][1] + 1;
      pieces = pieces.concat(forSearch(run.slice(from, to)));
      from = to;
    }
    return pieces;
  }

  function segment(text) {
    return text.replace(HAN, function (run) { return " " + cutRun(run).join(" ") + " "; });
  }

  function rewrite(term) {
    return segment(term
      .replace(BRACKETED, function (all, prefix, year, number) {
        return " " + (prefix ? prefixToken(prefix) + " " : "") + year + "n" + number + "h ";
      })
      .replace(/(\d{4})\s*年\s*0*(\d+)\s*号/g, " $1n$2h ")
      .replace(/\b([a-z]+(?:-[a-z]+)*)-(\d{4})-0*(\d+)\b/gi, "$1 $2n$3h ")
      .replace(/(^|[^\dA-Za-z])0*(\d+)\s*号/g, "$1 n$2h ")
      .replace(/[^\s"\p{L}\p{N}\p{M}_]/gu, " ")) // punctuation splits words, as in the index (not the quotes of a phrase)
      .replace(/\s+/g, " ")
      .trim();
  }

  /* The UI calls processTerm synchronously, so the dictionary files a query's Chinese needs are
     fetched before the UI hears of the query: an input event waits (held in the capture phase)
     until they are loaded, then goes on (`hold`). The same query is cut twice (the index chunks
     it needs are fetched first, `prepare`): the last cut is kept. */
  var lastTerm = null, lastRewrite = "";

  function processTerm(term) {
    if (term !== lastTerm) { lastRewrite = rewrite(term); lastTerm = term; }
    return lastRewrite;
  }

  /* The UI's own debounce is off (it would delay every first query by its timeout): an input
     reaches the UI at once unless another did less than DEBOUNCE_MS ago, else when the typing
     pauses for DEBOUNCE_MS (`released`: the input event sent then). */
  var lastPassed = -Infinity, pause = null, released = new WeakSet();

  function hold(event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("pagefind-ui__search-input")) return;
    var missing = missingBuckets(input.value);
    if (missing.length) {
      event.stopPropagation();
      Promise.all(missing.map(loadBucket)).catch(function () {}).then(function () {
        missing.forEach(function (name) { loadedBuckets[name] = true; }); // a file that failed: cut without it
        input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      return;
    }
    prepare(input.value);
    clearTimeout(pause);
    var now = performance.now();
    if (released.has(event) || now - lastPassed >= DEBOUNCE_MS) { lastPassed = now; return; }
    event.stopPropagation();
    pause = setTimeout(function () {
      var later = new Event("input", { bubbles: true });
      released.add(later);
      input.dispatchEvent(later);
    }, DEBOUNCE_MS);
  }

  function prepare(term) { // the index chunks the query needs, fetched at once (while the UI starts its search)
    warm().then(function (pagefind) { return pagefind.preload(processTerm(term)); }).catch(function () {});
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  var EXCERPT = 48; // words (a Chinese word is one to four characters)

  /* "a1-6" → "附件1 · Attachment 1", "n3" → "正文 · Main text", "article-26" → "第26条 · Article 26".
     A row's id counts every row, headings and English-only rows too, so it is no paragraph number:
     the label names where the row is and leaves numbering to the page's own citations (which count
     only the Chinese paragraphs, as printed). */
  function rowLabel(id) {
    var m = /^a(\d+)-\d+$/.exec(id);
    if (m) return "附件" + m[1] + " · Attachment " + m[1];
    if (/^n\d+$/.test(id)) return "正文 · Main text";
    m = /^article-(\d+)$/.exec(id);
    if (m) return "第" + m[1] + "条 · Article " + m[1];
    return id;
  }

  /* Pagefind's result data with sub_results per row: the page itself first when words before
     the first row match (the title, the 文号), then the three best rows, each an excerpt of
     that row only. Best: the longest run of adjacent matched words (the whole phrase), then
     the most matches. */
  function rowResults(result) {
    var text = result.raw_content || result.content || "";
    var zws = text.indexOf("\u200b") >= 0;
    var words = zws ? text.split("\u200b") : text.split(/[\r\n\s]+/g);
    var joiner = zws ? "" : " ";
    var url = (result.meta && result.meta.url) || result.url;
    var rows = (result.anchors || []).filter(function (a) { return a.element === "div" && a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var hits = (result.locations || []).slice().sort(function (a, b) { return a - b; });

    function excerpt(start, end, found) { // found[0]: where the excerpt should open
      var from = Math.max(start, Math.min(found[0] - 8, end - EXCERPT));
      var to = Math.min(end, from + EXCERPT);
      var marked = words.slice(from, to).map(function (word, i) {
        return found.indexOf(from + i) >= 0 ? "<mark>" + word + "</mark>" : word;
      });
      return (from > start ? "… " : "") + marked.join(joiner).trim() + (to < end ? " …" : "");
    }

    /* The result's own excerpt: the 文号 when the hidden search terms match (never the tokens
       themselves); else the title with its matches; else none when rows match (they show the
       matching paragraphs below); else Pagefind's. */
    var terms = (result.anchors || []).filter(function (a) { return a.id === "search-terms"; })[0];
    var firstRow = rows.length ? rows[0].location : words.length;
    var titleEnd = terms ? terms.location : firstRow;
    var inTitle = hits.filter(function (l) { return l < titleEnd; });
    var inRows = hits.filter(function (l) { return l >= firstRow; });
    result.excerpt = inTitle.length ? excerpt(0, titleEnd, inTitle) : inRows.length ? "" : result.excerpt;
    if (terms) {
      var next = (result.anchors || []).filter(function (a) { return a.location > terms.location; })
        .sort(function (a, b) { return a.location - b.location; })[0];
      var inTerms = hits.filter(function (l) { return l >= terms.location && (!next || l < next.location); });
      if (inTerms.length && inTerms.length >= inTitle.length) { // a 文号 query, not a title that shares a word with it
        var number = result.meta["文号"];
        result.excerpt = number ? "文号 <mark>" + escapeHtml(number) + "</mark>"
          : "<mark>" + escapeHtml(url.replace(/\/$/, "").split("/").pop()) + "</mark>";
        hits = hits.filter(function (l) { return inTerms.indexOf(l) < 0; }).concat(inTerms.slice(0, 1));
      }
    }

    var subs = [];
    var before = hits.filter(function (l) { return !rows.length || l < rows[0].location; });
    if (before.length) {
      subs.push({ title: result.meta.title, url: url, locations: before, weighted_locations: [],
                  excerpt: result.excerpt });
    }
    var matched = [];
    rows.forEach(function (row, i) {
      var end = i + 1 < rows.length ? rows[i + 1].location : words.length;
      var found = hits.filter(function (l) { return l >= row.location && l < end; });
      if (!found.length) return;
      var run = 1, best = 1;
      for (var k = 1; k < found.length; k++) {
        run = found[k] === found[k - 1] + 1 ? run + 1 : 1;
        best = Math.max(best, run);
      }
      var start = found[0];
      for (k = 1, run = 1; k < found.length && best > 1; k++) { // the excerpt opens at the longest run
        run = found[k] === found[k - 1] + 1 ? run + 1 : 1;
        if (run === best) { start = found[k - best + 1]; break; }
      }
      matched.push({ score: best * 1000 + found.length, order: i, sub: {
        title: rowLabel(row.id), url: url.replace(/#.*$/, "") + "#" + row.id, anchor: row, locations: found,
        weighted_locations: [], excerpt: excerpt(row.location, end, [start].concat(found)) } });
    });
    matched.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    subs = subs.concat(matched.slice(0, 3).map(function (m) { return m.sub; }));
    if (subs.length) result.sub_results = subs;
    return result;
  }

  var dialog, opener, engine, loaded;
  var EXCERPT_LENGTH = 40, DEBOUNCE_MS = 60; // between searches while the reader types (hold)
  /* The query is cut as the index was, so a word of the query is a word of the index: an exact
     match (国) counts far more than a longer word it begins (国家), else the constitution's
     many 国家/人民 outrank the anthem law for 中华人民共和国国歌法 (Pagefind's default is 1). */
  var RANKING = { termSimilarity: 4 };

  function bundle() {
    return new URL(dialog.dataset.bundle, location.href);
  }

  /* Pagefind's JS, wasm, metadata and filter files, loaded and decoded. Pagefind cuts a
     Chinese query again with Intl.Segmenter when the page's language is Chinese; it is given
     "und" (no language) while it starts, so the words `segment` cut reach the index as cut. */
  function warm() {
    if (engine) return engine;
    engine = import(new URL("pagefind.js", bundle()).href).then(function (pagefind) {
      return pagefind.options({ excerptLength: EXCERPT_LENGTH, ranking: RANKING }).then(function () {
        var html = document.documentElement, lang = html.getAttribute("lang");
        html.setAttribute("lang", "und");
        try {
          pagefind.init();
        } finally {
          if (lang === null) html.removeAttribute("lang"); else html.setAttribute("lang", lang);
        }
        return shards(pagefind);
      }).then(function () { return pagefind.filters(); }).then(function () { return pagefind; });
    });
    engine.catch(function () { engine = null; });
    return engine;
  }

  /* A large index is cut into shards (generator/write/pagefind.py), listed in shards.json: each is
     merged into the first, with the same options (Pagefind gives merged indexes none of the first's). */
  function shards(pagefind) {
    return fetch(new URL("shards.json", bundle()).href).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (folders) {
      var base = bundle().pathname.replace(/pagefind\/$/, "");
      return Promise.all(folders.map(function (folder) {
        return pagefind.mergeIndex(new URL(folder, bundle()).pathname,
                                   { baseUrl: base, excerptLength: EXCERPT_LENGTH, ranking: RANKING });
      }));
    });
  }

  /* The UI, built in the closed dialog once Pagefind is ready (its own start then finds
     Pagefind loaded: no second start racing the first). */
  function load() {
    if (loaded) return loaded;
    whenIdle(warmBrowser); // while Pagefind and the UI are fetched
    loaded = Promise.all([warm(), new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle()).href;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle()).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    })]).then(function () {
      var path = bundle().pathname;
      /* global PagefindUI */
      new PagefindUI({
        element: "#ps-search-ui",
        bundlePath: path,
        baseUrl: path.replace(/pagefind\/$/, ""),
        showSubResults: true,
        showImages: false,
        excerptLength: EXCERPT_LENGTH,
        debounceTimeoutMs: 0, // hold() debounces
        resetStyles: false,
        autofocus: true,
        translations: TRANSLATIONS,
        processTerm: processTerm,
        processResult: rowResults
      });
      warmUI();
    });
    loaded.catch(function () { loaded = null; });
    return loaded;
  }

  /* What the UI would otherwise do at the first query, on the reader's time, done before: it starts
     its own handle on Pagefind (our instance, already loaded) and builds its filters when its box is
     first focused, else a first query waits for it in 50 ms steps; and a search box needs no
     spelling check, which runs on every keystroke. */
  function warmUI() {
    var input = dialog.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.spellcheck = false;
      input.dispatchEvent(new FocusEvent("focus"));
    }
  }

  /* And the browser's share, when the page is idle while Pagefind and the UI are fetched: the UI's
     first "N results" makes the browser load its number formats (100-150 ms with the CPU throttled
     4x), and the first query compiles rewrite's regular expressions (~20 ms, \p{L} above all: a
     文号 sample compiles them, and its 年 and 号 are gone before the cut, so no dictionary line is
     read or cached). */
  function warmBrowser() {
    new Intl.NumberFormat(document.documentElement.lang || undefined).format(1);
    rewrite("[2017]315 a-b-2017-1 2017年1号 1号");
  }

  function whenIdle(f) {
    (window.requestIdleCallback || function (g) { return setTimeout(g, 1); })(f, { timeout: 2000 });
  }

  /* When the page is idle after loading (never competing with its first paint), unless the
     reader asked to save data; then on the first sign of a search. */
  function preloadWhenIdle() {
    if (navigator.connection && navigator.connection.saveData) return;
    whenIdle(function () { load().catch(function () {}); });
  }

  function focusInput() {
    var input = dialog.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.id = "ps-search-input"; // labelled by the dialog's visible title

      input.focus();
      input.select();
    }
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    load().then(focusInput);
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function init() {
    dialog = document.querySelector("dialog.ps-search");
    opener = document.querySelector(".ps-search-open");
    if (!dialog || !opener || typeof dialog.showModal !== "function") return;
    opener.hidden = false;
    opener.addEventListener("click", open);
    dialog.addEventListener("input", hold, true);
    ["pointerenter", "focus", "touchstart"].forEach(function (type) {
      opener.addEventListener(type, function () { load().catch(function () {}); }, { passive: true });
    });
    if (document.readyState === "complete") preloadWhenIdle();
    else window.addEventListener("load", preloadWhenIdle);
    dialog.querySelector(".ps-search__close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
      var link = event.target.closest && event.target.closest("a[href]");
      if (link) dialog.close(); // a result on this page: the dialog must not cover the row
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target) && !dialog.open) {
        event.preventDefault();
        open();
      }
    });
  }

  /* The query as the index is cut (for tests and for a curious reader): psSearch.cut("应急预案") */
  window.psSearch = {
    cut: function (text) {
      return Promise.all(missingBuckets(text).map(loadBucket)).then(function () { return rewrite(text); });
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
