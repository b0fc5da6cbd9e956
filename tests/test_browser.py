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
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.serve import start_server

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


@pytest.mark.parametrize("name", ["home", "principles", "documents"])
def test_site_pages_fit_on_desktop(open_page, screenshots, name):
    page = open_page(PAGES[name])
    if name in ("home", "principles"):
        _shoot(page, screenshots, name)
    assert page.locator("h1").first.is_visible()
    assert not _horizontal_overflow(page)


# page: (each of these, its Chinese, what must come below it in the same column)
STACKS = {
    "document": (".ps-row:not(.ps-row--wide)", ".ps-cell--zh", ".ps-cell--en"),
    "home": (".ps-home h1", ".ps-title__zh", ".ps-title__en"),
    "principles": (".ps-statement__text", ".ps-statement__zh", ".ps-statement__en"),
    "documents": (".ps-entry", ".ps-entry__title", ".ps-entry__meta"),
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
    both, zh_only, en_only = (["both"], zh_total, en_total), (["zh"], zh_total, 0), (["en"], wide, en_total)
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


# --- search ------------------------------------------------------------------------


@pytest.mark.parametrize("query, device", [
    ("人工智能", DESKTOP),
    ("三年行动计划", DESKTOP),  # a phrase of the seed, not a word of jieba's
    ("artificial intelligence", DESKTOP),  # two words: every word must be found
    ("人工智能", PHONE),
], ids=["zh-word", "zh-phrase", "en-two-words", "zh-phone"])
def test_search_finds_the_document_and_opens_it(open_page, query, device):
    page = open_page("", **device)
    if device is PHONE:
        page.locator('label.md-header__button[for="__search"]').click()  # the magnifier in the header
    else:
        page.locator("input.md-search__input").click()
    page.keyboard.type(query)  # like a user: CJK arrives as text input (an IME's, or pasted), without key events
    result = page.locator(f'.md-search-result__item a[href*="{DOCUMENT}"]').first
    result.wait_for(state="visible", timeout=10_000)
    assert "\u200b" not in page.locator("input.md-search__input").input_value()
    result.click()
    page.wait_for_url(f"**/{DOCUMENT}**")
    assert urlsplit(page.url).path.endswith(f"/{DOCUMENT}")
    assert page.locator("h1 .ps-title__zh").inner_text() == TITLE


def test_search_without_a_match_finds_nothing(open_page):
    page = open_page()
    page.locator("input.md-search__input").click()
    page.keyboard.type("量子 quantum")
    page.get_by_text("没有找到符合条件的结果").wait_for()  # Material's "no result", in the site's language
    assert page.locator(".md-search-result__item").count() == 0


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
    page.locator("#a1-6 .ps-cite").click()
    page.locator("#a1-6 .ps-cite.ps-cite--done").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert DOC_NUMBER in text
    assert TITLE.replace("《", "〈").replace("》", "〉") in text  # inner 《》 become 〈〉 in a citation
    assert "附件1第6段" in text and text.endswith(f"{served}{DOCUMENT}#a1-6")


# --- accessibility and privacy -----------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "document", "principles", "documents"])
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
    page.locator("input.md-search__input").click()
    page.keyboard.type("人工智能")
    page.locator(".md-search-result__item").first.wait_for()
    assert [url for url in requests if not url.startswith(served)] == []
    assert f"{served}search/search_index.json" in requests and f"{served}assets/javascripts/site.js" in requests
    assert broken == [] and errors == []
