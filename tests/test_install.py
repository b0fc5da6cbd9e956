"""Setup scripts: a warm install never touches the network (issue 14)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = {"PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "",
           "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def _stamp() -> Path:
    return ROOT / ".venv" / ".installed-test"


@pytest.mark.skipif(not (ROOT / ".venv" / ".installed-test").exists(), reason="needs `scripts/install --test` first")
def test_a_warm_install_runs_no_pip_and_works_offline():
    result = subprocess.run([str(ROOT / "scripts" / "install"), "--test"], env={**os.environ, **OFFLINE},
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "pip" not in result.stderr.lower()


def test_the_stamp_records_the_installed_pyproject():
    if not _stamp().exists():
        pytest.skip("needs `scripts/install --test` first")
    digest = subprocess.run(["sha256sum", str(ROOT / "pyproject.toml")], capture_output=True, text=True,
                            check=True).stdout.split()[0]
    assert _stamp().read_text().strip() == digest
