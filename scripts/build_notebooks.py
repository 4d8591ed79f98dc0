"""Build the course notebooks from the bilingual lesson sources in course/.

    python scripts/build_notebooks.py            # write and execute every lesson, zh and en
    python scripts/build_notebooks.py 05 06      # only lessons whose file name starts so
    python scripts/build_notebooks.py --no-execute

Each course/NN_slug.py becomes notebooks/zh/NN_slug.ipynb and notebooks/en/NN_slug.ipynb with
identical code cells. Notebooks are executed top to bottom (nbclient) so that their outputs are
committed: readers on GitHub see every table and plot, and nbval compares them.
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


def header(lesson, name, lang):
    other = "en" if lang == "zh" else "zh"
    title = lesson.TITLE[lang]
    binder = BINDER.format(repo=REPO, lang=lang, name=name)
    if lang == "zh":
        links = (
            f"[English version](../{other}/{name}) · "
            f"[在Binder中打开]({binder}) · [课程目录](00_start_here.ipynb)"
        )
    else:
        links = (
            f"[中文版](../{other}/{name}) · "
            f"[Open in Binder]({binder}) · [Course contents](00_start_here.ipynb)"
        )
    return f"# {title}\n\n{links}"


def build(path, lang):
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
    cells = [nbformat.v4.new_markdown_cell(header(lesson, name, lang))]
    for cell in lesson.CELLS:
        text = getattr(cell, lang)
        if cell.kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            new = nbformat.v4.new_code_cell(localise_code(text, lang))
            if cell.tags:
                new.metadata["tags"] = list(cell.tags)
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
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = sorted(p for p in SOURCES.glob("[0-9][0-9]_*.py"))
    if args.only:
        paths = [p for p in paths if any(p.name.startswith(o) for o in args.only)]

    def one(job):
        path, lang = job
        nb = build(path, lang)
        target = OUT / lang / (path.stem + ".ipynb")
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
