/* policy-site: the view switch (both / 中文 / English, remembered in
   localStorage) and the per-row "copy citation" button (search: search.js).
   Without JavaScript the page shows both languages and neither control: the
   buttons are made here, after each row's ¶ permalink, from the row's data-*
   attributes (the HTML stays light; the search index never sees them). */
(function () {
  "use strict";

  var KEY = "policy-site.view";
  var root = document.documentElement;

  function stored() {
    try {
      return localStorage.getItem(KEY);
    } catch (error) {
      return null; // storage disabled (private mode): the view is not remembered
    }
  }

  function store(view) {
    try {
      localStorage.setItem(KEY, view);
    } catch (error) {
      /* storage disabled: the choice holds for this page only */
    }
  }

  function apply(view) {
    if (view === "zh" || view === "en") {
      root.dataset.psView = view;
    } else {
      delete root.dataset.psView;
      view = "both";
    }
    document.querySelectorAll(".ps-view__button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.psView === view));
    });
  }

  function initView() {
    var switcher = document.querySelector(".ps-view");
    if (!switcher) {
      apply(stored());  /* pages without the switch (principles) follow the chosen view too */
      return;
    }
    switcher.hidden = false;
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest(".ps-view__button");
      if (button) {
        store(button.dataset.psView);
        apply(button.dataset.psView);
      }
    });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) {
        apply(event.newValue);
      }
    });
    apply(stored());
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  /* Visible (and spoken) feedback: the citation that was copied, for a few seconds. */
  function announce(text) {
    var toast = document.querySelector(".ps-toast");
    if (!toast) {
      return;
    }
    toast.textContent = "已复制引用 Citation copied: " + text;
    toast.classList.add("ps-toast--shown");
    clearTimeout(announce.timer);
    announce.timer = setTimeout(function () {
      toast.classList.remove("ps-toast--shown");
    }, 3000);
  }

  function initCitations() {
    var doc = document.querySelector(".ps-doc[data-cite]");
    if (!doc) {
      return;
    }
    doc.dataset.url = location.origin + location.pathname;  /* printed under the title */
    doc.querySelectorAll(".ps-row > .ps-permalink").forEach(function (link) {
      var row = link.parentNode, ref = row.dataset.ref;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ps-cite";
      button.title = "复制引用 Copy citation";
      button.setAttribute("aria-label", "Copy citation for " + ref);
      button.textContent = "⧉";
      link.title = ref;
      row.appendChild(button);  /* after the ¶ (and the ? of an uncertain pairing) */
    });
    doc.addEventListener("click", function (event) {
      var button = event.target.closest(".ps-cite");
      var row = button && button.closest(".ps-row");
      if (!row) {
        return;
      }
      /* the row's anchor, or the unit's it opens (#article-26): the ¶'s own target */
      var url = location.origin + location.pathname + row.querySelector(".ps-permalink").getAttribute("href");
      /* Chinese form, English form, or both (the view decides); an article: 《title》第二十六条 */
      var view = document.documentElement.dataset.psView;
      var zh = row.dataset.citeZh ? row.dataset.citeZh + " " + url
        : doc.dataset.citeZh + "，" + row.dataset.ref + "。" + url;
      var en = row.dataset.citeEn ? row.dataset.citeEn + " " + url
        : row.dataset.citeZh ? "" : doc.dataset.citeEn + ", " + row.dataset.refEn + ", " + url;
      var text = view === "en" && en ? en : view === "zh" || !en ? zh : zh + "\n" + en;
      copy(text).then(function () {
        announce(text);
        button.classList.add("ps-cite--done");
        button.title = "已复制 Copied";
        setTimeout(function () {
          button.classList.remove("ps-cite--done");
          button.title = "复制引用 Copy citation";
        }, 1500);
      }, function () {
        window.prompt("复制引用 Copy citation", text);
      });
    });
  }

  function init() {
    initView();
    initCitations();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
