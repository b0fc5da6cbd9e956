"""Tests for generator/build.py and generator/cli.py: the pipeline and its exit statuses."""

import subprocess
import sys
from pathlib import Path

from generator import write
from generator.build import build, load_corpus
from generator.build import check as run_check

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_fb4425727dd22f71.txt"


def test_load_corpus_runs_every_stage_before_anything_is_written(tmp_path):
    corpus = load_corpus(SEEDS)
    assert [d.document.id for d in corpus.documents] == ["gongxinbuke-2017-315"]
    assert [p.name_en for p in corpus.principles.for_document("gongxinbuke-2017-315")] == [
        "Systematic Layout", "Key breakthroughs", "Collaborative innovation", "Openness and orderliness"]
    assert "人工智能" in corpus.keywords["gongxinbuke-2017-315"]
    assert [d for d in corpus.diagnostics if d.severity != "info"] == []
    notes = sorted(d.message for d in corpus.diagnostics)  # what the corpus lacks: references, never failures
    assert notes == ["《中国制造2025》 is not in the corpus", "《新一代人工智能发展规划》 is not in the corpus"]


def test_a_mkdocs_failure_is_reported_and_leaves_the_old_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    broken = tmp_path / "mkdocs.yml"
    broken.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    monkeypatch.setattr(write.mkdocs, "MKDOCS_CONFIG", broken)
    lines: list[str] = []
    assert build(SEEDS, site, strict=False, report=lines.append) == 1
    assert any(line.startswith(f"build: MkDocs failed; {site} left as it was") for line in lines)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old"


def test_cli_check_and_build(tmp_path):
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--strict"], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "0 errors, 0 warnings, 2 notes" in check.stdout.strip().splitlines()[-1]
    empty = tmp_path / "seeds"
    empty.mkdir()
    (empty / "a.txt").write_bytes(b"")
    failed = subprocess.run([sys.executable, "-m", "generator", "check", "--seeds", str(empty)], cwd=ROOT,
                            capture_output=True, text=True)
    assert failed.returncode == 1
    assert f"{empty}/a.txt:0: error: empty file" in failed.stderr  # diagnostics on stderr, as a compiler's
    assert "check: 0 of 1 documents read" in failed.stdout  # the empty file counts as a document not read


def test_check_command_on_seeds(capsys):
    assert run_check(SEED.parent, strict=True) == 0
    out = capsys.readouterr().out
    assert "check: 1 of 1 documents read; 30 non-blank lines, every one accounted for; 0 errors, 0 warnings" in out
    assert "000_fb4425727dd22f71.txt:31: info: 《中国制造2025》 is not in the corpus" in out


def test_check_command_exit_status(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("标题：某通知\n成文日期：2019-02-30\n\n正文。\n", encoding="utf-8")
    assert run_check(tmp_path, strict=False) == 0
    assert run_check(tmp_path, strict=True) == 1
    (tmp_path / "b.txt").write_bytes(b"")
    assert run_check(tmp_path, strict=False) == 1
    out = capsys.readouterr().out
    assert "check: 1 of 2 documents read" in out
    assert f"{tmp_path}/a.txt:2: warning: impossible date '2019-02-30': the raw value is kept" in out
    assert f"{tmp_path}/b.txt:0: error: empty file" in out
