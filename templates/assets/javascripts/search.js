/* policy-site search: Pagefind's Default UI (pagefind/pagefind-ui.js, written by the
   Pagefind indexer after MkDocs) in a dialog opened from the header button or with "/".
   The UI and the index are fetched on first use only. Three things are ours:
   - the UI's strings in Chinese and English;
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

  function processTerm(term) {
    return term
      .replace(BRACKETED, function (all, prefix, year, number) {
        return " " + (prefix ? prefixToken(prefix) + " " : "") + year + "n" + number + "h ";
      })
      .replace(/(\d{4})\s*年\s*0*(\d+)\s*号/g, " $1n$2h ")
      .replace(/\b([a-z]+(?:-[a-z]+)*)-(\d{4})-0*(\d+)\b/gi, "$1 $2n$3h ")
      .replace(/(^|[^\dA-Za-z])0*(\d+)\s*号/g, "$1 n$2h ")
      .replace(/\s+/g, " ")
      .trim();
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
      if (inTerms.length) {
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

  var dialog, opener, loaded;

  function bundle() {
    return new URL(dialog.dataset.bundle, location.href);
  }

  function load() {
    if (loaded) return loaded;
    loaded = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = new URL("pagefind-ui.css", bundle()).href;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = new URL("pagefind-ui.js", bundle()).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      var path = bundle().pathname;
      /* global PagefindUI */
      new PagefindUI({
        element: "#ps-search-ui",
        bundlePath: path,
        baseUrl: path.replace(/pagefind\/$/, ""),
        showSubResults: true,
        showImages: false,
        excerptLength: 40,
        debounceTimeoutMs: 150,
        resetStyles: false,
        autofocus: true,
        translations: TRANSLATIONS,
        processTerm: processTerm,
        processResult: rowResults
      });
      /* No warm-up search of our own: Pagefind's chunk loads replace one wasm pointer, and a
         preload racing the UI's filters() lost the filter chunks now and then (no filter panel). */
    });
    return loaded;
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
