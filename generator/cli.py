"""Command line: `python -m generator check|build|serve`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def stderr(line: str) -> None:
    """Diagnostics go to stderr, as a compiler's do; progress and summaries to stdout."""
    print(line, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="read every document and prove nothing is lost")
    build = commands.add_parser("build", help="build the site into --site-dir")
    serve = commands.add_parser("serve", help="build, serve on localhost and rebuild on changes")
    for command in (check, build, serve):
        command.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of documents (default: seeds)")
        command.add_argument("--strict", action="store_true", help="fail on warnings too (CI)")
    for command in (build, serve):
        command.add_argument("--site-dir", type=Path, default=Path("site"), help="output folder (default: site)")
    serve.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        from generator.build import check

        return check(args.seeds, args.strict, diagnose=stderr)
    if args.command == "build":
        from generator.build import build

        return build(args.seeds, args.site_dir, args.strict, diagnose=stderr)
    from generator.serve import serve

    return serve(args.seeds, args.site_dir, args.strict, args.port)
