"""`python -m generator serve` (write stage): change detection, and a real serve session."""

from __future__ import annotations

import os
import shutil
import threading
import time
import urllib.request
from pathlib import Path

from generator.serve import serve, snapshot, watch

ROOT = Path(__file__).resolve().parent.parent


def test_snapshot_sees_new_changed_and_removed_files(tmp_path):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    first = snapshot([tmp_path])
    (tmp_path / "a.txt").write_text("ab", encoding="utf-8")
    second = snapshot([tmp_path])
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    third = snapshot([tmp_path])
    (tmp_path / "a.txt").unlink()
    assert len({first, second, third, snapshot([tmp_path])}) == 4


def test_watch_rebuilds_on_change_until_stopped(tmp_path):
    seed = tmp_path / "x.txt"
    seed.write_text("one", encoding="utf-8")
    stop = threading.Event()
    calls = []

    def rebuild() -> int:
        calls.append(seed.read_text(encoding="utf-8"))
        stop.set()
        return 0

    def change() -> None:
        time.sleep(0.1)
        seed.write_text("two!", encoding="utf-8")
        os.utime(seed, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))

    threading.Thread(target=change).start()
    assert watch([tmp_path], rebuild, stop, interval=0.05) == 1
    assert calls == ["two!"]


def test_serve_builds_serves_and_stops(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    lines: list[str] = []
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(serve(seeds, tmp_path / "site", False, 0, stop, lines.append)))
    thread.start()
    deadline = time.monotonic() + 120
    while not any(line.startswith("serve: http://") for line in lines) and time.monotonic() < deadline:
        assert thread.is_alive(), f"serve returned {result} before serving: {lines}"
        time.sleep(0.1)
    url = next((line.split()[1] for line in lines if line.startswith("serve: http://")), None)
    assert url, lines
    with urllib.request.urlopen(url + "documents/gongxinbuke-2017-315/") as response:
        assert "工信部科[2017]315号" in response.read().decode("utf-8")
    stop.set()
    thread.join(timeout=30)
    assert result == [0]
