"""Build the zero-install JupyterLite site of the course.

    python -m pip install -e ".[lite]"   # once, better in a venv of its own
    python scripts/build_lite.py [--output-dir _output/lite]
    python -m http.server -d _output/lite                                # try it locally

The site holds notebooks/ (same paths as in the repository, outputs kept) and serves the
bpcore wheel from its own piplite index, so `%pip install --no-deps bpcore` in a notebook
installs it from the site, not from PyPI (--no-deps: bpcore's list names JupyterLab, which
Pyodide cannot hold). Pyodide itself (Python, NumPy, SymPy, matplotlib) is still fetched
from its CDN when the site starts; `%pip install ipywidgets` comes from PyPI.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEEDED = {
    "jupyterlite_core": "jupyterlite-core",
    "jupyterlite_pyodide_kernel": "jupyterlite-pyodide-kernel",
}
# What the wheel is built from, copied out first so the build leaves the checkout untouched.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "bpcore")


def build_wheel(dest: Path) -> Path:
    """bpcore's wheel, built from a copy of this checkout's package files."""
    src = dest.parent / "wheel-src"
    for name in WHEEL_SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            src.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dest), str(src)]
    if subprocess.run(cmd).returncode != 0:
        # No index reachable for the build backend: use the one installed here.
        subprocess.run([*cmd, "--no-build-isolation"], check=True)
    wheels = sorted(dest.glob("bpcore-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one bpcore wheel in {dest}, found {wheels}")
    return wheels[0]


def build(output_dir: Path) -> Path:
    missing = [pip for mod, pip in NEEDED.items() if importlib.util.find_spec(mod) is None]
    if missing:
        raise SystemExit(f"missing: python -m pip install {' '.join(missing)}")
    output_dir = output_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="bpcore-lite-") as tmp:
        stage = Path(tmp)
        # Contents are staged so the site's paths match the repository's (notebooks/zh/…).
        shutil.copytree(
            ROOT / "notebooks",
            stage / "contents" / "notebooks",
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", ".*"),
        )
        wheel = build_wheel(stage / "wheels")
        if output_dir.exists():
            shutil.rmtree(output_dir)
        subprocess.run(
            [
                sys.executable, "-m", "jupyterlite_core", "build",
                "--lite-dir", str(stage),
                "--contents", str(stage / "contents"),
                "--piplite-wheels", str(wheel),
                "--output-dir", str(output_dir),
                "--apps", "lab",
                "--no-sourcemaps",
            ],
            cwd=stage,
            check=True,
        )  # fmt: skip
    return output_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=ROOT / "_output" / "lite")
    args = parser.parse_args(argv)
    out = build(args.output_dir)
    print(f"JupyterLite site in {out}; try: python -m http.server -d {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
