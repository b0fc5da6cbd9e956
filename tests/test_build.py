"""Tests for generator/build.py and generator/cli.py: the pipeline and its exit statuses."""

import subprocess
import sys
from pathlib import Path

from generator import write
from generator.build import build, load_corpus

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def test_load_corpus_runs_every_stage_before_anything_is_written(tmp_path):
    corpus = load_corpus(SEEDS)
    assert [d.document.id for d in corpus.documents] == ["gongxinbuke-2017-315"]
    assert [p.name_en for p in corpus.principles.for_document("gongxinbuke-2017-315")] == [
        "Systematic Layout", "Key breakthroughs", "Collaborative innovation", "Openness and orderliness"]
    assert "人工智能" in corpus.keywords["gongxinbuke-2017-315"]
    assert corpus.diagnostics == ()


def test_a_mkdocs_failure_is_reported_and_leaves_the_old_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    monkeypatch.setattr(write, "MKDOCS_CONFIG", broken)
    lines: list[str] = []
    assert build(SEEDS, site, strict=False, report=lines.append) == 1
    assert any(line.startswith(f"build: MkDocs failed; {site} left as it was") for line in lines)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old"


def test_cli_check_and_build(tmp_path):
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--strict"], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().endswith("0 errors, 0 warnings")
    empty = tmp_path / "seeds"
    empty.mkdir()
    (empty / "a.txt").write_bytes(b"")
    failed = subprocess.run([sys.executable, "-m", "generator", "check", "--seeds", str(empty)], cwd=ROOT,
                            capture_output=True, text=True)
    assert failed.returncode == 1
    assert f"{empty}/a.txt:0: error: empty file" in failed.stdout
