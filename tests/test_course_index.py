"""Lesson 00 is the course's table of contents: it links every lesson, each under its own title,
in the notebook's language, and every relative link in the course resolves to a file."""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
NB = ROOT / "notebooks"
LANGS = ("zh", "en")
INDEX = "00_start_here.ipynb"
# [text](target) where target is not an absolute URL; images ![..](..) included on purpose.
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def notebooks(lang):
    return sorted(p.name for p in (NB / lang).glob("[0-9][0-9]_*.ipynb"))


def markdown_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            src = cell["source"]
            yield "".join(src) if isinstance(src, list) else src


def title(path):
    """The lesson's title: the first heading of its header cell."""
    first = next(markdown_cells(path))
    match = re.match(r"#\s+(.+)", first)
    assert match, f"{path.name}: the first cell does not start with a '# title' heading"
    return match.group(1).strip()


def local_links(path):
    """(text, target) of every link in the notebook's Markdown that points into the repository."""
    for text in markdown_cells(path):
        for label, target in LINK.findall(text):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("#"):
                continue
            yield label, unquote(parts.path)


@pytest.mark.parametrize("lang", LANGS)
def test_index_links_every_lesson_in_order_under_its_title(lang):
    index = NB / lang / INDEX
    assert index.is_file(), f"notebooks/{lang}/{INDEX} is missing"
    lessons = [n for n in notebooks(lang) if n != INDEX]
    assert lessons, f"notebooks/{lang} holds no lessons besides {INDEX}"
    linked = {}
    for label, target in local_links(index):
        if re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", target) and target != INDEX:
            linked.setdefault(target, label)
    missing = [n for n in lessons if n not in linked]
    assert not missing, f"{lang}/{INDEX} does not link {missing}"
    dangling = [t for t in linked if not (NB / lang / t).is_file()]
    assert not dangling, f"{lang}/{INDEX} links lessons that do not exist: {dangling}"
    assert list(linked) == sorted(linked), f"{lang}/{INDEX}: lessons are not listed in order"
    for target, label in linked.items():
        # the contents table has a column for the lesson number; a title may start with it too
        expected = re.sub(r"^\d\d\s*", "", title(NB / lang / target))
        assert label == expected, (
            f"{lang}/{INDEX} links {target} as {label!r}, but the lesson's title is {expected!r}; "
            "run python scripts/build_notebooks.py 00"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_index_is_in_the_notebooks_language(lang):
    """The zh index names the lessons in Chinese, the en index in English (not both)."""
    han = re.compile(r"[\u4e00-\u9fff]")
    labels = [label for label, t in local_links(NB / lang / INDEX) if t.endswith(".ipynb")]
    lesson_labels = [x for x in labels if x not in ("English version", "中文版")]
    assert lesson_labels
    if lang == "zh":
        assert all(han.search(x) for x in lesson_labels), lesson_labels
    else:
        assert not any(han.search(x) for x in lesson_labels), lesson_labels


def _all_notebooks():
    return [(lang, name) for lang in LANGS for name in notebooks(lang)]


@pytest.mark.parametrize(("lang", "name"), _all_notebooks())
def test_every_relative_link_resolves(lang, name):
    path = NB / lang / name
    broken = [
        (label, target)
        for label, target in local_links(path)
        if not (path.parent / target).resolve().exists()
    ]
    assert not broken, f"{lang}/{name}: links to files that do not exist: {broken}"
