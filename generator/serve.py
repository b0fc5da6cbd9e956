"""Write stage, interactive: build, serve the site on localhost, rebuild on changes.

`python -m generator serve` builds once, serves the site folder with Python's
http.server on 127.0.0.1 and polls `seeds/`, `templates/` and `mkdocs.yml`
once a second; on any change it rebuilds (the site folder is updated only
once the build succeeded, each file replaced whole, so the server never sends
half a file). A failed rebuild is reported and the last
good site stays up. Ctrl-C stops.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.render.pages import TEMPLATES
from generator.write import MKDOCS_CONFIG, BuildError

Snapshot = tuple[tuple[str, int, int], ...]


def snapshot(paths: list[Path]) -> Snapshot:
    """(path, mtime_ns, size) of every file under `paths`, sorted: changes when any file does."""
    entries = []
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            stat = path.stat()
            entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would drown the build reports


def start_server(site_dir: Path, port: int) -> ThreadingHTTPServer:
    """Serve `site_dir` on 127.0.0.1:`port` from a daemon thread (port 0 picks a free one)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir.resolve()))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="policy-site-http", daemon=True).start()
    return server


def watch(
    paths: list[Path],
    rebuild: Callable[[], int],
    stop: threading.Event,
    interval: float = 1.0,
) -> int:
    """Call `rebuild` whenever a file under `paths` changes, until `stop` is set; return rebuild count."""
    last = snapshot(paths)
    rebuilds = 0
    while not stop.wait(interval):
        current = snapshot(paths)
        if current != last:
            last = current
            rebuild()
            rebuilds += 1
    return rebuilds


def serve(
    seeds: Path,
    site_dir: Path,
    strict: bool,
    port: int,
    stop: threading.Event | None = None,
    report: Callable[[str], None] = print,
) -> int:
    """Build, serve and rebuild until Ctrl-C (or `stop`); return the exit status."""
    from generator.build import build

    memory: dict[str, object] = {}  # each document's read-and-aligned work, kept between rebuilds

    def rebuild() -> int:
        try:
            status = build(seeds, site_dir, strict, report, memory=memory)
        except BuildError as error:  # reported, and the server keeps the last good site
            report(str(error))
            status = 1
        if status:
            report("serve: build failed; still serving the last good site")
        return status

    status = rebuild()
    if not site_dir.exists():
        report("serve: no site to serve")
        return status or 1
    server = start_server(site_dir, port)
    report(f"serve: http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
    try:
        watch([seeds, TEMPLATES, MKDOCS_CONFIG], rebuild, stop or threading.Event())
    except KeyboardInterrupt:
        report("serve: stopped")
    finally:
        server.shutdown()
        server.server_close()
    return 0
