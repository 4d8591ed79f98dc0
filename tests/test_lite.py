"""The JupyterLite site: every course notebook and the bpcore wheel are in it."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_lite_site_holds_every_notebook_and_the_bpcore_wheel(tmp_path):
    for module in ("jupyterlite_core", "jupyterlite_pyodide_kernel"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} not installed: python -m pip install -e '.[lite]'")
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_lite.py"), "--output-dir", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]

    notebooks = sorted(p.relative_to(REPO) for p in (REPO / "notebooks").glob("*/*.ipynb"))
    missing = [str(p) for p in notebooks if not (out / "files" / p).is_file()]
    assert missing == [], f"not in the site: {missing}"
    for p in notebooks:
        assert (out / "files" / p).read_bytes() == (REPO / p).read_bytes()

    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    wheel = out / "pypi" / f"bpcore-{version}-py3-none-any.whl"
    assert wheel.is_file()
    index = json.loads((out / "pypi" / "all.json").read_text())
    assert version in index["bpcore"]["releases"]
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "bpcore/__init__.py" in names
    assert any(n.startswith("bpcore/fonts/") for n in names), "the CJK font is not in the wheel"
    # The widgets' front end is part of the site, or sliders would not show.
    config = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]
    extensions = {e["name"] for e in config["federated_extensions"]}
    assert "@jupyter-widgets/jupyterlab-manager" in extensions
    assert "@jupyterlite/pyodide-kernel-extension" in extensions
