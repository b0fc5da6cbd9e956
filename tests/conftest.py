"""The seed site, built once per session: shared by test_site.py and test_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import load_corpus
from generator.render import render_site
from generator.write import source_date_epoch, write_site

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/"


def build(corpus, site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Build `corpus` into `site` as CI does: SITE_URL set (so the sitemap has URLs), no SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_site(render_site(corpus), site, source_date_epoch(corpus), lambda line: None)
    return site


@pytest.fixture(scope="session")
def seed_corpus():
    return load_corpus(ROOT / "seeds")


@pytest.fixture(scope="session")
def site(seed_corpus, tmp_path_factory) -> Path:
    """The seed site, built into a temporary folder."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build(seed_corpus, tmp_path_factory.mktemp("seed") / "site", monkeypatch)
