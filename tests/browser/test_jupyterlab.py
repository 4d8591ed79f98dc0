"""Every course notebook, run cell by cell in a real JupyterLab in Chromium.

zh notebooks run with JupyterLab's UI in Chinese (the zh-CN language pack), en ones in
English. A screenshot of each lands in _output/screenshots/<lang>/<notebook>.png.
The first two tests check the harness itself on throwaway notebooks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def course_notebooks() -> list[str]:
    base = REPO / "notebooks"
    found = [
        p.relative_to(REPO).as_posix()
        for p in sorted(base.rglob("*.ipynb"))
        if ".ipynb_checkpoints" not in p.parts
    ]
    return found


def write_notebook(path: Path, cells: list[tuple[str, str, list[str]]]) -> None:
    """A throwaway notebook; cells are (cell_type, source, tags)."""
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "cells": [
            {
                "id": f"c{i}",
                "cell_type": kind,
                "metadata": {"tags": tags} if tags else {},
                "source": source,
                **({"outputs": [], "execution_count": None} if kind == "code" else {}),
            }
            for i, (kind, source, tags) in enumerate(cells)
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def test_harness_reports_an_error_and_stops_there(lab):
    relpath = "_harness/broken.ipynb"
    write_notebook(
        lab.root / relpath,
        [
            ("markdown", "# throwaway", []),
            ("code", "print('fine')", []),
            ("code", "{}['on purpose']", ["raises-exception"]),
            ("code", "import sys\nprint('just a note', file=sys.stderr)", []),
            ("code", "1 / 0", []),
            ("code", "print('never reached')", []),
        ],
    )
    run = lab.run_notebook(relpath)
    report = "\n".join(run.problems)
    assert "ZeroDivisionError" in report, report
    # The tagged cell's KeyError is allowed, and a plain stderr note is not an error.
    assert "KeyError" not in report, report
    assert len(run.problems) == 1, report
    assert run.stderr_notes and "just a note" in run.stderr_notes[0]
    # Run-all continues past a raises-exception cell and stops at the real error.
    assert run.cells_run == 4


def test_harness_passes_a_clean_chinese_notebook_with_a_widget(lab):
    relpath = "_harness/clean_zh.ipynb"
    write_notebook(
        lab.root / relpath,
        [
            ("markdown", "# 反向传播", []),
            ("code", "import ipywidgets as w\nw.IntSlider(value=3, description='轮数')", []),
            ("code", "", []),
            ("code", "import time\ntime.sleep(1.5)\nprint('误差', 0.5 * (0.8 - 1.0) ** 2)", []),
        ],
    )
    run = lab.run_notebook(relpath, locale="zh_CN", shot="_harness/clean_zh")
    assert run.problems == [], "\n".join(run.problems)
    assert run.cells_run == 2
    assert run.widgets_rendered == 1
    assert run.screenshot is not None and run.screenshot.stat().st_size > 10_000


@pytest.mark.parametrize("relpath", course_notebooks())
def test_course_notebook_runs_clean_in_jupyterlab(lab, relpath):
    lang = relpath.split("/")[1]
    run = lab.run_notebook(
        relpath, locale=lab.locale_for(lang), shot=relpath.removeprefix("notebooks/")[:-6]
    )
    notes = "\n".join(run.stderr_notes)
    assert run.problems == [], "\n".join(run.problems) + (f"\nstderr:\n{notes}" if notes else "")


def test_saved_notebook_is_read_from_the_server_once_complete(lab):
    """The harness reads what was saved through the contents API, and waits (with a deadline)
    while the file on disk is not yet a complete notebook, as it is during a save."""
    import threading

    relpath = "_harness/being_written.ipynb"
    whole = lab.root / relpath
    write_notebook(whole, [("code", "print(1)", [])])
    text = whole.read_text(encoding="utf-8")
    whole.write_text(text[: len(text) // 2], encoding="utf-8")  # a save half done
    finish = threading.Timer(1.0, whole.write_text, args=(text,), kwargs={"encoding": "utf-8"})
    finish.start()
    try:
        nb = lab.saved_notebook(relpath, since={}, timeout=30)
    finally:
        finish.join()
    assert [c["source"] for c in nb["cells"]] == ["print(1)"]

    whole.write_text(text[:10], encoding="utf-8")  # and one that never completes
    with pytest.raises(AssertionError, match="could not read it as a notebook"):
        lab.saved_notebook(relpath, since={}, timeout=1)
