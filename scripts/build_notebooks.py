"""Build the course notebooks from the bilingual lesson sources in course/.

    python scripts/build_notebooks.py            # write and execute every lesson, zh and en
    python scripts/build_notebooks.py 05 06      # only lessons whose file name starts so
    python scripts/build_notebooks.py --no-execute
    python scripts/build_notebooks.py --teacher  # the teacher's edition, into teacher/zh|en

Each course/NN_slug.py becomes notebooks/zh/NN_slug.ipynb and notebooks/en/NN_slug.ipynb with
identical code cells. Notebooks are executed top to bottom (nbclient) so that their outputs are
committed: readers on GitHub see every table and plot, and nbval compares them.

Exercises (course/_cells.py's exercise()) come in two editions, both carrying nbgrader's cell
metadata (an autograded answer cell, an autograder-tests cell with points):

* the student's (notebooks/): every ``### BEGIN SOLUTION`` … ``### END SOLUTION`` region
  replaced by its stub (``answer = None`` or ``raise NotImplementedError()``);
* the teacher's (``--teacher``, teacher/zh and teacher/en, not committed): the solutions in
  nbgrader's markers and each check cell's hidden test (``### BEGIN HIDDEN TESTS``), an
  assert that the check passes. It is a valid nbgrader *source* notebook: copy it to
  ``source/<assignment>/`` of an nbgrader course and ``nbgrader generate_assignment`` strips
  the same regions; ``nbgrader autograde`` runs the hidden asserts.
"""

import argparse
import importlib.util
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "course"
OUT = ROOT / "notebooks"
TEACHER_OUT = ROOT / "teacher"
EDITIONS = ("student", "teacher")


def _repo_slug():
    """OWNER/NAME of the GitHub repository: pyproject's [project.urls] is the one place."""
    import tomllib

    url = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"][
        "Repository"
    ]
    return url.removeprefix("https://github.com/").strip("/")


REPO = _repo_slug()
BINDER = "https://mybinder.org/v2/gh/{repo}/HEAD?labpath=notebooks/{lang}/{name}"
LANGS = ("zh", "en")
_TAG = re.compile(r"^(\s*)#\s*(zh|en):\s?(.*)$")
_SOLUTION = re.compile(
    r"^([ \t]*)### BEGIN SOLUTION[ \t]*\n.*?^[ \t]*### END SOLUTION[ \t]*$", re.M | re.S
)


def load_lesson(path):
    spec = importlib.util.spec_from_file_location(f"lesson_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(SOURCES))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SOURCES))
    return module


def localise_code(text, lang):
    """Keep `# zh:` / `# en:` comment lines of `lang` only (as plain comments); set LANG."""
    lines = []
    for line in text.splitlines():
        m = _TAG.match(line)
        if m is None:
            lines.append(line)
        elif m.group(2) == lang:
            lines.append(f"{m.group(1)}# {m.group(3)}".rstrip())
    return "\n".join(lines).replace("LANG_VALUE", repr(lang))


def header(lesson, name, lang, edition="student"):
    other = "en" if lang == "zh" else "zh"
    title = lesson.TITLE[lang]
    binder = BINDER.format(repo=REPO, lang=lang, name=name)
    if lang == "zh":
        links = (
            f"[English version](../{other}/{name}) · "
            f"[在Binder中打开]({binder}) · [课程目录](00_start_here.ipynb)"
        )
        note = "**教师版**：含练习的答案（nbgrader源笔记本），不要发给学生。"
    else:
        links = (
            f"[中文版](../{other}/{name}) · "
            f"[Open in Binder]({binder}) · [Course contents](00_start_here.ipynb)"
        )
        note = (
            "**Teacher's edition**: with the exercises' solutions (an nbgrader source "
            "notebook); do not hand it out."
        )
    text = f"# {title}\n\n{links}"
    return f"{text}\n\n{note}" if edition == "teacher" else text


def strip_solutions(text, stub):
    """Each solution region replaced by `stub`, indented like its ``### BEGIN SOLUTION``."""

    def replace(m):
        return "\n".join(m.group(1) + line if line else line for line in stub.splitlines())

    return _SOLUTION.sub(replace, text)


def exercise_source(cell, edition):
    """The code of an exercise cell (course/_cells.py's exercise()) in one edition."""
    if cell.role == "answer":
        return cell.zh if edition == "teacher" else strip_solutions(cell.zh, cell.stub)
    if edition == "teacher":
        return f"### BEGIN HIDDEN TESTS\n{cell.hidden}\n### END HIDDEN TESTS\n{cell.zh}"
    return cell.zh


def nbgrader_metadata(cell):
    """nbgrader's cell metadata (schema 3): an autograded answer or an autograder-tests cell."""
    answer = cell.role == "answer"
    meta = {
        "grade": not answer,
        "grade_id": f"{cell.role}-{cell.exercise}",
        "locked": not answer,
        "schema_version": 3,
        "solution": answer,
        "task": False,
    }
    if not answer:
        meta["points"] = cell.points
    return meta


def build(path, lang, edition="student"):
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, got {edition!r}")
    lesson = load_lesson(path)
    name = path.stem + ".ipynb"
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        },
        "language_info": {"name": "python"},
    }
    cells = [nbformat.v4.new_markdown_cell(header(lesson, name, lang, edition))]
    for cell in lesson.CELLS:
        text = getattr(cell, lang)
        if cell.kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            if getattr(cell, "exercise", ""):
                text = exercise_source(cell, edition)
            new = nbformat.v4.new_code_cell(localise_code(text, lang))
            if cell.tags:
                new.metadata["tags"] = list(cell.tags)
            if getattr(cell, "exercise", ""):
                new.metadata["nbgrader"] = nbgrader_metadata(cell)
            cells.append(new)
    for k, c in enumerate(cells):
        c["id"] = f"{path.stem[:2]}-{k:03d}"  # stable ids keep diffs small
    nb.cells = cells
    return nb


def execute(nb, workdir):
    from nbclient import NotebookClient

    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
        # saved widget state carries random model ids: every rebuild would change the file
        store_widget_state=False,
    ).execute()
    # execution adds volatile metadata (timings); drop it so rebuilding changes nothing
    for c in nb.cells:
        c.metadata.pop("execution", None)
    return nb


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("only", nargs="*", help="lesson prefixes, e.g. 05")
    ap.add_argument("--no-execute", action="store_true")
    ap.add_argument(
        "--teacher",
        action="store_true",
        help="build the teacher's edition (solutions, hidden tests) into teacher/zh and teacher/en",
    )
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = sorted(p for p in SOURCES.glob("[0-9][0-9]_*.py"))
    if args.only:
        paths = [p for p in paths if any(p.name.startswith(o) for o in args.only)]

    edition = "teacher" if args.teacher else "student"
    out = TEACHER_OUT if args.teacher else OUT

    def one(job):
        path, lang = job
        nb = build(path, lang, edition)
        target = out / lang / (path.stem + ".ipynb")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not args.no_execute:
            execute(nb, target.parent)
        nbformat.write(nb, target)
        return target

    jobs = [(p, lang) for p in paths for lang in LANGS]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for target in pool.map(one, jobs):
            print("wrote", target.relative_to(ROOT))


if __name__ == "__main__":
    main()
