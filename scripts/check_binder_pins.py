"""Check that every exact pin in binder/environment.yml is a released version (needs a network).

    python scripts/check_binder_pins.py

Binder builds binder/environment.yml from conda-forge.  Where conda-forge can be reached, look
there (``conda search -c conda-forge NAME==VERSION`` for linux-64 and noarch); this script asks
the package index pip uses (``pip index versions NAME``, the PyPI name of each conda package),
which is what the development machines reach.  conda-forge builds these packages from the
same upstream releases under the same version numbers, so a pin missing here is certainly
wrong; one found here is very probably on conda-forge too, but not proven.  Prints one line
per pin and exits 1 if any pin is not a released version.  Not run by the tests (no network
at test time): tests/test_project.py checks the pins against pyproject.toml and the installed
test environment instead.  Run it when renewing the pins and note the result in
binder/environment.yml's header.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: conda-forge names whose PyPI name differs.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def pins(path: Path = ROOT / "binder" / "environment.yml") -> dict[str, str]:
    """``{conda name: version}`` for every ``name=version`` line (python and pip excluded)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)=(\d[\w.]*)\s*(#.*)?", line)
        if m and m[1] != "python":
            found[m[1]] = m[2]
    return found


def released(name: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    m = re.search(r"^Available versions:\s*(.+)$", out.stdout, re.M)
    return [v.strip() for v in m[1].split(",")] if m else []


def main() -> int:
    missing = []
    for conda, version in pins().items():
        pypi = CONDA_TO_PYPI.get(conda, conda)
        ok = version in released(pypi)
        print(f"{'ok ' if ok else 'NO '} {conda}={version} (PyPI {pypi})")
        if not ok:
            missing.append(f"{conda}={version}")
    if missing:
        print("not released:", ", ".join(missing))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
