"""The seed site in a real browser: layout, view switch, search, permalinks, citations, accessibility, privacy.

The seed site (the `site` fixture in conftest.py, built once per session) is
served on 127.0.0.1 with a free port and opened in Debian's Chromium through
Playwright; no browser is ever downloaded. Without Chromium or Playwright the
tests are skipped, except under CI (`CI` set), where that is a failure.

Screenshots go to pytest's temporary folder, or to $SCREENSHOTS_DIR when set;
the README's images are made with

    SCREENSHOTS_DIR=.github/screenshots python -m pytest tests/test_browser.py
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.build import load_corpus
from generator.render import render_site
from generator.serve import start_server
from generator.write import source_date_epoch, write_site

SEED_ID = "gongxinbuke-2017-315"
DOCUMENT = f"documents/{SEED_ID}/"
DOC_NUMBER = "工信部科[2017]315号"
TITLE = "工业和信息化部关于印发《促进新一代人工智能产业发展三年行动计划（2018-2020年）》的通知"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PAGES = {"home": "", "documents": "documents/", "document": DOCUMENT, "issuers": "issuers/",
         "year": "years/2017/", "principle": "principles/systematic-layout/",
         "categories": "categories/", "principles": "principles/", "tags": "tags/", "data": "data/"}


def _require(module: str):
    """Import `module`; without it skip, or fail under CI, where every browser test must run."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is not installed: the browser tests cannot run")
        pytest.skip(f"{module} is not installed")


@pytest.fixture(scope="module")
def served(site):
    """The seed site on http://127.0.0.1:<free port>/ (the `serve` command's server)."""
    server = start_server(site, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    sync_api = _require("playwright.sync_api")
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/install --test")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, served):
    """open_page(path, **context options): a page in a fresh context (its own storage) at `path` (None: blank)."""
    contexts = []

    def open_(path: str | None = "", **options):
        context = browser.new_context(**{**DESKTOP, "reduced_motion": "reduce", **options})
        contexts.append(context)
        page = context.new_page()
        if path is not None:
            page.goto(served + path)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    if os.environ.get("SCREENSHOTS_DIR"):
        folder = Path(os.environ["SCREENSHOTS_DIR"])
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def _shoot(page, folder: Path, name: str, full_page: bool = True) -> None:
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page, animations="disabled")


def _horizontal_overflow(page) -> list[str]:
    """What makes the page wider than the window: the page's scroll width, and content boxes past the right edge."""
    return page.evaluate("""() => {
      const root = document.documentElement, width = root.clientWidth, found = [];
      if (root.scrollWidth > width) found.push(`scrollWidth ${root.scrollWidth}`);
      window.scrollTo(10000, window.scrollY);
      if (window.scrollX !== 0) found.push(`scrolls to x=${window.scrollX}`);
      for (const el of document.querySelectorAll(".md-content *")) {
        if (el.closest(".ps-table-wrap")) continue;  // wide tables scroll inside their own box
        const box = el.getBoundingClientRect();
        if (box.width && box.right > width + 1) found.push(`${el.tagName}.${el.className} right=${box.right}`);
      }
      return found;
    }""")


def _cells_visible(page, lang: str) -> int:
    return page.locator(f".ps-row .ps-cell--{lang}:visible").count()


# --- layout --------------------------------------------------------------------


def test_document_side_by_side_on_desktop(open_page, screenshots):
    page = open_page(DOCUMENT)
    _shoot(page, screenshots, "document-desktop-top", full_page=False)
    _shoot(page, screenshots, "document-desktop")
    page.evaluate("document.getElementById('attachment-1').scrollIntoView()")
    _shoot(page, screenshots, "document-rows", full_page=False)  # the README's picture of the rows
    rows = page.locator(".ps-row:not(.ps-row--wide)")
    assert rows.count() >= 10
    for i in range(rows.count()):
        zh, en = rows.nth(i).locator(".ps-cell--zh").bounding_box(), rows.nth(i).locator(".ps-cell--en").bounding_box()
        assert zh["x"] + zh["width"] <= en["x"] and abs(zh["y"] - en["y"]) < 1, rows.nth(i).get_attribute("id")
    assert not _horizontal_overflow(page)


def test_section_title_permalink_is_on_the_titles_last_line(open_page):
    page = open_page(DOCUMENT)
    titles = page.locator("h2.ps-section__title")
    assert titles.count() >= 2
    for i in range(titles.count()):
        text = titles.nth(i).locator(":scope > span").last.bounding_box()
        link = titles.nth(i).locator(":scope > .ps-permalink").bounding_box()
        assert link["y"] < text["y"] + text["height"], "the ¶ makes an empty line under the title"


@pytest.mark.parametrize("name", ["home", "principles", "principle", "documents", "year"])
def test_site_pages_fit_on_desktop(open_page, screenshots, name):
    page = open_page(PAGES[name])
    if name in ("home", "principles", "principle"):
        _shoot(page, screenshots, name)
    assert page.locator("h1").first.is_visible()
    assert not _horizontal_overflow(page)


# page: (each of these, its Chinese, what must come below it in the same column)
STACKS = {
    "document": (".ps-row:not(.ps-row--wide)", ".ps-cell--zh", ".ps-cell--en"),
    "home": (".ps-home h1", ".ps-title__zh", ".ps-title__en"),
    "principle": (".ps-statement__text", ".ps-statement__zh", ".ps-statement__en"),
    "year": (".ps-entry", ".ps-entry__title", ".ps-entry__meta"),
}


@pytest.mark.parametrize("name", list(STACKS))
def test_chinese_over_english_on_a_phone(open_page, screenshots, name):
    page = open_page(PAGES[name], **PHONE)
    if name in ("document", "home"):
        _shoot(page, screenshots, f"{name}-phone")
    container, first, second = STACKS[name]
    groups = page.locator(container)
    assert groups.count() >= 1
    for i in range(groups.count()):
        zh, en = groups.nth(i).locator(first).first.bounding_box(), groups.nth(i).locator(second).first.bounding_box()
        assert en["y"] >= zh["y"] + zh["height"] - 1, f"{container} #{i}: {second} beside {first}, not below"
        assert en["x"] < zh["x"] + zh["width"], f"{container} #{i}: {second} not in {first}'s column"
    assert not _horizontal_overflow(page), "the page scrolls sideways"


def test_partial_text_notice_is_visible(open_page):
    for device in (DESKTOP, PHONE):
        page = open_page(DOCUMENT, **device)
        notice = page.locator(".ps-card .ps-partial")
        assert notice.is_visible() and "Partial text" in notice.inner_text() and "部分正文" in notice.inner_text()
        assert notice.bounding_box()["y"] + notice.bounding_box()["height"] <= page.viewport_size["height"], \
            "the notice is below the first screen"
        end = page.locator(".ps-partial--end")
        end.scroll_into_view_if_needed()
        assert end.is_visible() and "source text ends here" in end.inner_text()


def test_without_javascript_both_languages_show(open_page):
    page = open_page(DOCUMENT, java_script_enabled=False)
    zh_total, en_total = page.locator(".ps-row .ps-cell--zh").count(), page.locator(".ps-row .ps-cell--en").count()
    assert en_total and (_cells_visible(page, "zh"), _cells_visible(page, "en")) == (zh_total, en_total)
    assert not page.locator(".ps-view").is_visible() and not page.locator(".ps-cite").first.is_visible()


# --- the view switch -------------------------------------------------------------


def _view(page) -> tuple[list[str], int, int]:
    """The pressed view button(s), and how many Chinese and English cells show."""
    pressed = page.eval_on_selector_all(".ps-view__button[aria-pressed=true]", "bs => bs.map(b => b.dataset.psView)")
    return pressed, _cells_visible(page, "zh"), _cells_visible(page, "en")


def test_view_switch_changes_what_shows_and_is_remembered(open_page, served):
    page = open_page(DOCUMENT)
    zh_total, en_total = page.locator(".ps-row .ps-cell--zh").count(), page.locator(".ps-row .ps-cell--en").count()
    wide = page.locator(".ps-row--wide .ps-cell--zh").count()  # a row without an English column keeps its cell
    no_zh, no_en = page.locator(".ps-row--no-zh").count(), page.locator(".ps-row--no-en").count()
    # a single-language view drops the rows without that language (and keeps a wide row's cell)
    both, zh_only, en_only = (["both"], zh_total, en_total), (["zh"], zh_total - no_zh, 0), (["en"], wide, en_total - no_en)
    assert _view(page) == both

    page.get_by_role("button", name="中文", exact=True).click()
    assert _view(page) == zh_only
    page.get_by_role("button", name="English", exact=True).click()
    assert _view(page) == en_only

    page.goto(served)  # another page, then back through its link
    page.locator(f'.ps-list a[href*="{DOCUMENT}"]').first.click()
    page.wait_for_url(f"**/{DOCUMENT}")
    assert _view(page) == en_only
    page.reload()
    assert _view(page) == en_only

    page.get_by_role("button", name="中英对照 Both").click()
    assert _view(page) == both
    page.reload()
    assert _view(page) == both


# --- search (Pagefind) ----------------------------------------------------------------
#
# A site of the seed, the reader fixtures and five real documents (laws, State Council
# notices), indexed by Pagefind as every build is. Each query is typed into the header's
# search (opened with "/"); the first result and the text its excerpts highlight (adjacent
# <mark>s joined: Pagefind marks 工业/和/信息/化/部 word by word) are asserted.

SEARCH_REAL = ["01_data_security_law", "05_national_anthem_law", "06_constitution_bilingual",
               "09_gov_grain_emergency_plan", "11_gov_tertiary_hospital_performance_assessment"]
SEARCH_QUERIES = [
    # 文号 in any written form, and the document id
    ("工信部科〔2017〕315号", SEED_ID, DOC_NUMBER),
    ("工信部科[2017]315号", SEED_ID, DOC_NUMBER),
    ("工信部科［2017］315号", SEED_ID, DOC_NUMBER),
    ("[2017]315", SEED_ID, DOC_NUMBER),
    ("〔2017〕315号", SEED_ID, DOC_NUMBER),
    ("2017年315号", SEED_ID, DOC_NUMBER),
    ("315号", SEED_ID, DOC_NUMBER),
    ("gongxinbuke-2017-315", SEED_ID, DOC_NUMBER),
    ("国办函〔2005〕57号", "guobanhan-2005-57", "国办函〔2005〕57号"),
    ("国办发[2019]4号", "guobanfa-2019-4", "国办发〔2019〕4号"),
    ("国办发（2019）5号", "guobanfa-2019-5", "国办发〔2019〕5号"),
    # Chinese words and phrases, matched and highlighted whole
    ("工业和信息化部", SEED_ID, "工业和信息化部"),
    ("三年行动计划", SEED_ID, "三年行动计划"),
    ("新一代人工智能发展规划", SEED_ID, "新一代人工智能发展规划"),
    ("人工智能", SEED_ID, "人工智能"),
    ("产业化", SEED_ID, "产业化"),
    ("数据安全法", "01-data-security-law", "数据安全法"),
    ("三级公立医院绩效考核", "guobanfa-2019-4", "三级公立医院绩效考核"),
    ("国歌", "05-national-anthem-law", "国歌"),
    ("养老服务", "guobanfa-2019-5", "养老服务"),
    ("粮食储备", "guobanhan-2005-57", "粮食储备"),
    ("智能网联汽车", "gongxinbuzhuang-2018-12", "智能网联汽车"),
    # titles
    ("促进新一代人工智能产业发展三年行动计划", SEED_ID, "促进新一代人工智能产业发展三年行动计划"),
    ("关于推动数字经济发展的通知", "fagaigaoji-2021-1234", "关于推动数字经济发展的通知"),
    ("中华人民共和国国歌法", "05-national-anthem-law", "国歌法"),
    # English words and prefixes
    ("artificial intelligence", "guokefagao-2019-265", "Artificial Intelligence"),
    ("artif", "guokefagao-2019-265", "Artificial"),
    ("systematic layout", SEED_ID, "Systematic Layout"),
    ("national anthem", "06-constitution-bilingual", "National Anthem"),
    # mixed
    ("人工智能 intelligence", "guokefagao-2019-265", "Intelligence"),
    ("宪法 constitution", "06-constitution-bilingual", "Constitution"),
]
NO_RESULT = "quantum"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    return build_search_site(tmp_path_factory)


def build_search_site(tmp_path_factory) -> Path:
    """The search tests' site: the seed, the reader fixtures and SEARCH_REAL."""
    seeds = tmp_path_factory.mktemp("search-seeds")
    root = Path(__file__).resolve().parent
    for path in [*(root.parent / "seeds").glob("*.txt"), *(root / "fixtures" / "reader").glob("*.txt"),
                 *(root / "fixtures" / "real" / f"{name}.txt" for name in SEARCH_REAL)]:
        shutil.copy(path, seeds / path.name)
    site = tmp_path_factory.mktemp("search") / "site"
    corpus = load_corpus(seeds)
    write_site(render_site(corpus), site, source_date_epoch(corpus), lambda line: None)
    return site


@pytest.fixture(scope="module")
def search_served(search_site):
    server = start_server(search_site, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _search(page, query: str) -> None:
    """Open the search with "/" (or the header button on a phone) and type `query` as a user does."""
    if page.viewport_size["width"] < 600:
        page.locator(".ps-search-open").click()
    else:
        page.keyboard.press("/")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__search-input')")
    page.keyboard.type(query)
    # the message names the query it answers: an answer to the half-typed query is not the one awaited
    page.wait_for_function("""query => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent || '';
      return message.includes(query) && /结果|没有找到/.test(message) && !/正在搜索/.test(message)
        && !document.querySelector('.pagefind-ui__result .pagefind-ui__loading');
    }""", arg=query, timeout=15_000)


def _first_result(page, href: str | None = None) -> dict:
    """The first result shown (or the first linking to `href`): its link, its rows' links, its marked runs."""
    return page.evaluate("""href => {
      const result = [...document.querySelectorAll('.pagefind-ui__result')].find(r => !href
        || r.querySelector('.pagefind-ui__result-link').getAttribute('href') === href);
      if (!result) return null;
      const runs = [];
      for (const excerpt of result.querySelectorAll('.pagefind-ui__result-excerpt')) {
        let run = '';
        for (const node of excerpt.childNodes) {
          if (node.nodeName === 'MARK') { run += node.textContent; continue; }
          if (run && !(node.nodeType === 3 && node.textContent === '')) { runs.push(run.trim()); run = ''; }
        }
        if (run) runs.push(run.trim());
      }
      return {href: result.querySelector('.pagefind-ui__result-link').getAttribute('href'),
              rows: [...result.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link')]
                      .map(a => a.getAttribute('href')),
              marks: runs};
    }""", href)


def assert_first_result(page, url: str, query: str, document: str, highlight: str, ranked_first: bool = True) -> None:
    """Searching `query` on the site at `url`: the first result (`ranked_first`; else one of those shown)
    is `document`, the phrase `highlight` is marked whole, and its rows link into that document."""
    page.goto(url)
    _search(page, query)
    first = _first_result(page, None if ranked_first else f"/documents/{document}/")
    assert first is not None, f"no result for {query}"
    assert first["href"] == f"/documents/{document}/", first
    assert any(highlight.lower() in run.lower().replace(" ", "") or highlight.lower() in run.lower()
               for run in first["marks"]), first["marks"]
    assert all(re.fullmatch(rf"/documents/{document}/#[\w-]+", href) for href in first["rows"]), first["rows"]


@pytest.mark.parametrize("query, document, highlight", SEARCH_QUERIES, ids=[q for q, _, _ in SEARCH_QUERIES])
def test_search_query_table(open_page, search_served, query, document, highlight):
    assert_first_result(open_page(None), search_served, query, document, highlight)


def test_search_without_a_match_says_so_in_both_languages(open_page, search_served):
    page = open_page(None)
    page.goto(search_served)
    _search(page, NO_RESULT)
    assert page.locator(".pagefind-ui__result").count() == 0
    message = page.locator(".pagefind-ui__message").inner_text()
    assert "没有找到" in message and "No results" in message and NO_RESULT in message


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_result_opens_the_document_at_the_row(open_page, search_served, screenshots, device):
    """A paragraph's result links to its row (#a1-7); on a phone the header's magnifier opens the search."""
    page = open_page(None, **device)
    page.goto(search_served)
    _search(page, "systematic layout")
    row = page.locator(f'.pagefind-ui__result-nested a[href="/{DOCUMENT}#a1-7"]')
    row.wait_for(state="visible")
    label = row.inner_text()
    assert "附件1" in label and "段" not in label  # a row id is no paragraph number: citations number paragraphs
    name = "desktop" if device is DESKTOP else "phone"
    _shoot(page, screenshots, f"search-results-{name}", full_page=False)
    row.click()
    page.wait_for_url(f"**/{DOCUMENT}#a1-7")
    assert not page.locator("dialog.ps-search").evaluate("d => d.open")
    page.wait_for_function("document.querySelector(':target')?.id === 'a1-7'")


def test_search_results_show_title_translation_and_doc_number(open_page, search_served, screenshots):
    page = open_page(None)
    page.goto(search_served)
    _search(page, "人工智能")
    first = page.locator(".pagefind-ui__result").first
    assert TITLE in first.locator(".pagefind-ui__result-title").first.inner_text()
    tags = first.locator(".pagefind-ui__result-tags").first.inner_text()
    assert DOC_NUMBER in tags
    _shoot(page, screenshots, "search-results-zh-desktop", full_page=False)


def test_search_filters_by_year(open_page, search_served):
    page = open_page(None)
    page.goto(search_served)
    _search(page, "人工智能")
    assert _first_result(page)["href"] == f"/{DOCUMENT}"
    page.locator(".pagefind-ui__filter-name", has_text="年份 Year").click()
    page.locator(".pagefind-ui__filter-label", has_text="2019").click()
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result').length === 1")
    assert _first_result(page)["href"] == "/documents/guokefagao-2019-265/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_follows_the_colour_scheme(open_page, search_served, scheme):
    page = open_page(None, color_scheme=scheme)
    page.goto(search_served)
    _search(page, "人工智能")
    background = page.locator("dialog.ps-search").evaluate("d => getComputedStyle(d).backgroundColor")
    text = page.locator(".pagefind-ui__result-title").first.evaluate("e => getComputedStyle(e).color")
    dark = [int(v) for v in re.findall(r"\d+", background)[:3]]
    assert (sum(dark) < 200) == (scheme == "dark"), (background, text)


# --- permalinks and citations ------------------------------------------------------


@pytest.mark.parametrize("row, device", [("a1-6", DESKTOP), ("a1-6", PHONE), ("n3", DESKTOP), ("a1-1", DESKTOP)],
                         ids=["a1-6-desktop", "a1-6-phone", "n3-desktop", "a1-1-desktop"])
def test_permalink_opens_the_page_at_the_row(open_page, row, device):
    """The row's top is in the window, uncovered: not under the sticky header or the sticky view switch."""
    page = open_page(f"{DOCUMENT}#{row}", **device)
    page.evaluate("document.fonts.ready")
    uncovered = """row => {
      const el = document.getElementById(row), box = el.getBoundingClientRect();
      const x = el.querySelector(".ps-cell").getBoundingClientRect().left + 4;
      if (box.top < 0 || box.top + 40 > innerHeight) return false;
      return [1, 20, 40].every(dy => document.elementFromPoint(x, box.top + dy)?.closest(".ps-row") === el);
    }"""
    page.wait_for_function(uncovered, arg=row, timeout=5_000)
    assert page.evaluate("window.scrollY") > 0


def test_row_tools_are_big_enough_to_tap_on_a_phone(open_page):
    """The ¶ permalink and the copy button are at least 24 × 24 px on a touch screen (WCAG 2.5.8)."""
    page = open_page(DOCUMENT, **PHONE)
    page.locator("#a1-6 .ps-cite").wait_for(state="visible")
    for selector in ("#a1-6 .ps-permalink", "#a1-6 .ps-cite"):
        box = page.locator(selector).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (selector, box)
    assert not _horizontal_overflow(page)


def test_copy_citation_puts_number_title_and_paragraph_in_the_clipboard(open_page, served):
    page = open_page(DOCUMENT, permissions=["clipboard-read", "clipboard-write"])
    page.locator("#a1-5 .ps-cite").click()
    page.locator("#a1-5 .ps-cite.ps-cite--done").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert DOC_NUMBER in text and "工业和信息化部《" in text  # issuer, title, 文号
    assert TITLE.replace("《", "〈").replace("》", "〉") in text  # inner 《》 become 〈〉 in a citation
    # a1-5 is the plan's second Chinese paragraph as printed (headings and English-only pieces not counted);
    # both forms, Chinese then English, each with the URL
    zh, en = text.split("\n")
    assert "附件1第2段" in zh and zh.endswith(f"{served}{DOCUMENT}#a1-5")
    assert "Attachment 1, para. 2" in en and en.endswith(f"{served}{DOCUMENT}#a1-5")
    page.get_by_role("button", name="English", exact=True).click()
    page.locator("#a1-7 .ps-cite").click()  # an English-only piece: cited by the paragraph it follows
    page.locator("#a1-7 .ps-cite.ps-cite--done").wait_for()
    assert "Attachment 1, after para. 2" in page.evaluate("navigator.clipboard.readText()")


# --- accessibility and privacy -----------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "document", "principles", "principle", "documents", "year", "tags"])
def test_no_serious_accessibility_violations(open_page, name, scheme):
    axe = _require("axe_playwright_python.sync_playwright")
    page = open_page(PAGES[name], color_scheme=scheme)
    results = axe.Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in serious)


def test_no_request_leaves_localhost(open_page, served):
    """Every page, and a search, load from the site alone: no web font, no CDN, nothing broken, no script error."""
    page = open_page(None)
    requests, broken, errors = [], [], []
    page.context.on("request", lambda request: requests.append(request.url))  # the search worker's too
    page.context.on("requestfailed", lambda request: broken.append(request.url))
    page.context.on("response", lambda response: broken.append(response.url) if response.status >= 400 else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in PAGES.values():
        page.goto(served + path, wait_until="networkidle")
    page.keyboard.press("/")
    page.locator(".pagefind-ui__search-input").wait_for()
    page.keyboard.type("人工智能")
    page.locator(".pagefind-ui__result").first.wait_for()
    assert [url for url in requests if not url.startswith(served)] == []
    assert any(url.startswith(f"{served}pagefind/pagefind-entry.json") for url in requests)
    assert any(url.startswith(f"{served}pagefind/fragment/") for url in requests)
    assert f"{served}assets/javascripts/site.js" in requests
    assert broken == [] and errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_dialog_has_no_serious_accessibility_violations(open_page, search_served, screenshots, scheme):
    axe = _require("axe_playwright_python.sync_playwright")
    page = open_page(None, color_scheme=scheme)
    page.goto(search_served)
    _search(page, "人工智能")
    _shoot(page, screenshots, f"search-results-{scheme}", full_page=False)
    results = axe.Axe().run(page, context="dialog.ps-search")
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in serious)


# --- navigation, keyboard, gaps, views, cross-references (issues 15 and 16) -------------

SECTIONS = ["首页 Home", "文件 Documents", "基本原则 Principles", "标签 Tags", "数据 Data"]


@pytest.mark.parametrize("width", [390, 1024])
@pytest.mark.parametrize("name", ["home", "document", "principles", "tags", "data", "documents"])
def test_the_drawer_lists_the_sites_sections(open_page, screenshots, name, width):
    device = PHONE if width == 390 else {"viewport": {"width": width, "height": 800}}
    page = open_page(PAGES[name], **device)
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary .md-nav--primary")
    drawer.locator(".md-nav__link").first.wait_for(state="visible")
    texts = drawer.locator(":scope > .md-nav__list > .md-nav__item > .md-nav__link").all_inner_texts()
    links = list(dict.fromkeys(t.strip() for t in texts))  # the current page's item is a label and a link
    assert links == SECTIONS, links
    if name == "document" and width == 390:
        page.wait_for_timeout(300)
        _shoot(page, screenshots, "drawer-phone", full_page=False)


def test_wide_screens_show_tabs_not_the_hidden_sidebar(open_page):
    page = open_page(DOCUMENT)  # 1280 px: the tabs show the sections
    assert page.locator(".md-tabs").is_visible() and not page.locator(".md-sidebar--primary").is_visible()


def test_skip_link_reaches_the_text_in_few_tab_presses(open_page):
    page = open_page(DOCUMENT)
    page.keyboard.press("Tab")
    skip = page.locator(".ps-skip")
    assert page.evaluate("document.activeElement.classList.contains('ps-skip')") and skip.is_visible()
    assert "Skip to the text" in skip.inner_text()
    page.keyboard.press("Enter")
    presses = 1
    while not page.evaluate("!!document.activeElement.closest('.ps-row')"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 5, f"{presses} Tab presses and not yet in the text: {page.evaluate('document.activeElement.outerHTML')[:120]}"


def test_a_run_of_lone_rows_says_why_once_in_both_languages(open_page, screenshots):
    page = open_page(DOCUMENT)
    notices = page.locator(".ps-missing")
    lone = page.locator(".ps-row--no-en, .ps-row--no-zh")
    assert 0 < notices.count() < lone.count()  # runs collapse into one notice
    texts = notices.all_inner_texts()
    assert any("Not translated in the source" in t and "来源未译此段" in t for t in texts)  # the notice: never translated
    assert any("cut off in this partial source" in t and "预览处截断" in t for t in texts)  # the plan: a partial source
    page.locator(".ps-row--no-zh").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -120)")
    _shoot(page, screenshots, "document-gap-notice", full_page=False)


def _line_lengths(page, lang: str) -> list[float]:
    """Characters per line of the visible paragraphs of a language (lines counted from the text's boxes)."""
    return page.evaluate("""lang => [...document.querySelectorAll(`p.ps-cell--${lang}.ps-block--paragraph, .ps-cell--${lang} p.ps-block--paragraph`)]
      .filter(p => p.offsetParent).map(p => {
        const range = document.createRange(); range.selectNodeContents(p);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        return tops.size > 1 ? p.textContent.length / (tops.size - 0.5) : 0;
      }).filter(n => n)""", lang)


@pytest.mark.parametrize("view, lang, limit", [("中文", "zh", 41), ("English", "en", 85)])
def test_single_language_views_drop_placeholders_and_keep_lines_short(open_page, screenshots, view, lang, limit):
    page = open_page(DOCUMENT, viewport={"width": 1600, "height": 900})
    page.get_by_role("button", name=view, exact=True).click()
    assert page.locator(".ps-missing:visible").count() == 0
    other = "en" if lang == "zh" else "zh"
    assert page.locator(f".ps-row--no-{lang}:visible").count() == 0  # rows without this language are gone
    if lang == "zh":  # a 汉字 is 1 em wide: the column's width in ems is the line's length
        ems = page.evaluate("""() => Math.max(...[...document.querySelectorAll('p.ps-cell--zh.ps-block, .ps-cell--zh p.ps-block')]
          .filter(p => p.offsetParent).map(p => p.clientWidth / parseFloat(getComputedStyle(p).fontSize)))""")
        assert ems <= limit, ems
    lengths = _line_lengths(page, lang)
    assert lengths and max(lengths) <= (limit if lang == "en" else 45), lengths
    if lang == "en":
        page.locator(".ps-section").nth(1).scroll_into_view_if_needed()
        _shoot(page, screenshots, "document-english", full_page=False)
    assert page.locator(f".ps-row .ps-cell--{other}:visible").count() <= page.locator(".ps-row--wide").count()


def test_print_shows_the_text_and_its_citation_url_only(open_page, served):
    page = open_page(DOCUMENT)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".ps-view", ".ps-toc", ".ps-row .ps-permalink", ".ps-cite", ".md-footer", ".ps-breadcrumbs"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".ps-row").first.is_visible()
    before = page.evaluate("getComputedStyle(document.querySelector('.ps-doc'), '::before').content")
    assert DOC_NUMBER in before and f"{served}{DOCUMENT}".rstrip("/") in before


def test_the_404_page_speaks_both_languages(open_page, served):
    page = open_page("404.html")  # what a static host serves for a missing page (the test server's own 404 is plain)
    heading = page.locator("h1").inner_text()
    assert "页面不存在" in heading and "Page not found" in heading


def test_copy_gives_visible_feedback(open_page):
    page = open_page(DOCUMENT, permissions=["clipboard-read", "clipboard-write"])
    page.locator("#a1-6 .ps-permalink").focus()
    assert page.locator("#a1-6 .ps-cite").evaluate("b => getComputedStyle(b).opacity") == "1"  # tools show on focus
    page.locator("#a1-6 .ps-cite").click()
    toast = page.locator(".ps-toast")
    toast.wait_for(state="visible")
    assert "Citation copied" in toast.inner_text() and DOC_NUMBER in toast.inner_text()


def test_feeds_are_linked_from_the_head(open_page):
    page = open_page(DOCUMENT)
    feeds = page.eval_on_selector_all('head link[rel~=alternate][type="application/atom+xml"]',
                                      "ls => ls.map(l => l.getAttribute('href'))")
    assert feeds[0].endswith("feeds/atom.xml") and any("feeds/issuers/" in f for f in feeds)
    for href in feeds:
        assert page.request.get(page.url + href if not href.startswith("http") else href).ok


@pytest.fixture(scope="module")
def crossrefs_served(tmp_path_factory):
    """The cross-reference fixture: a law, a notice issuing a plan that cites the law, a notice abolishing it."""
    site = tmp_path_factory.mktemp("crossrefs") / "site"
    corpus = load_corpus(Path(__file__).resolve().parent / "fixtures" / "crossrefs")
    write_site(render_site(corpus), site, source_date_epoch(corpus), lambda line: None)
    server = start_server(site, 0)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_cross_references_link_documents_both_ways(browser, crossrefs_served, screenshots):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(crossrefs_served + "documents/moubufa-2018-7/")
    card = page.locator(".ps-card")
    assert "已废止" in card.locator(".ps-status").inner_text() and "Abolished" in card.inner_text()
    assert "Issued by" in card.locator(".ps-relation").first.inner_text()
    cites, cited_by = page.locator("#cites + ul .ps-ref"), page.locator("#cited-by + ul .ps-ref")
    assert "中华人民共和国数据安全法" in cites.first.inner_text() and cited_by.count() == 2
    _shoot(page, screenshots, "document-references")
    page.locator(".ps-cell--zh a.ps-xref").first.click()  # 《数据安全法》第二十六条 in the text
    page.wait_for_url("**/documents/01-law/#article-26")
    assert "第二十六条" in page.locator("#article-26").evaluate("a => a.parentElement.innerText")
    page.goto(crossrefs_served + "documents/moubufa-2018-6/")
    assert "Issues" in page.locator(".ps-relation").first.inner_text()
    assert "现行有效" in page.locator(".ps-status").inner_text() and "In force" in page.locator(".ps-status").inner_text()
    context.close()
