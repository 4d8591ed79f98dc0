"""The teacher's edition (``scripts/build_notebooks.py --teacher``) of every lesson, both
languages, built into a temporary directory and run: every solution cell runs and every
hidden test (nbgrader's ``### BEGIN HIDDEN TESTS`` assert) passes, so each check cell
reports "Right!" (✔). The student's edition is run by nbval from notebooks/.

It costs about two runs of the course: on the 2-core machine, building and executing the
38 notebooks took 67 s and nbval's second run 58 s (load average about 2).
"""

import importlib.util
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "course").glob("[0-9][0-9]_*.py"))


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_notebooks", ROOT / "scripts" / "build_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(cell):
    return "".join(
        "".join(o.get("data", {}).get("text/plain", "")) + "".join(o.get("text", ""))
        for o in cell.get("outputs", [])
    )


def test_teacher_and_student_editions_differ_only_in_the_exercise_cells():
    build = _builder()
    for path in LESSONS:
        student, teacher = build.build(path, "en"), build.build(path, "en", "teacher")
        assert len(student.cells) == len(teacher.cells)
        for s, t in zip(student.cells[1:], teacher.cells[1:]):
            if "nbgrader" not in s.metadata:
                assert s.source == t.source
            elif s.metadata["nbgrader"]["solution"]:
                assert "### BEGIN SOLUTION" in t.source and "BEGIN SOLUTION" not in s.source
            else:
                assert "### BEGIN HIDDEN TESTS" in t.source and "HIDDEN" not in s.source


def test_the_teachers_edition_runs_green_under_strict_nbval(tmp_path):
    """Both languages, every lesson: built and executed into tmp_path as
    ``build_notebooks.py --teacher`` does, each check cell reports ✔ (its hidden assert
    passed), then nbval runs the edition again and compares every output strictly."""
    pytest.importorskip("nbclient")
    pytest.importorskip("nbval")
    import nbformat

    build = _builder()

    def one(job):
        path, lang = job
        nb = build.build(path, lang, "teacher")
        target = tmp_path / lang / (path.stem + ".ipynb")
        target.parent.mkdir(parents=True, exist_ok=True)
        build.execute(nb, target.parent)  # a failing solution or hidden assert raises here
        nbformat.write(nb, target)
        return path.stem, [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]

    jobs = [(p, lang) for p in LESSONS for lang in build.LANGS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for stem, checks in pool.map(one, jobs):
            for cell in checks:
                assert _text(cell).startswith("✔"), (stem, cell.source, _text(cell))
    # --dist loadfile: a notebook's cells share one kernel, so one worker runs them all
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-q"]
    cmd += ["--nbval", "--nbval-current-env", "--nbval-cell-timeout=600"]
    cmd += [f"--nbval-sanitize-with={ROOT / 'nbval_sanitize.cfg'}", "-n", "2", "--dist", "loadfile"]
    cmd += [str(tmp_path)]
    run = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:]
