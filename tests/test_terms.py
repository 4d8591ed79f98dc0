"""Issue 14's wording fixes stay fixed: the course's Chinese terms follow d2l-zh and 西瓜书,
and the 2-2-2 example names its source where it is introduced."""

from pathlib import Path

import pytest

from bpcore.tutorials.mazur import MAZUR_POST

REPO = Path(__file__).resolve().parents[1]
#: Every text a Chinese reader sees that is written by hand: lesson sources, the catalogue,
#: the glossary, the tutorials' bilingual texts, the READMEs.
SOURCES = [
    *sorted((REPO / "course").glob("[0-9][0-9]_*.py")),
    *sorted((REPO / "bpcore" / "i18n").rglob("*.py")),
    REPO / "bpcore" / "glossary.py",
    REPO / "bpcore" / "glossary_core.py",
    *sorted((REPO / "bpcore" / "tutorials").glob("*.py")),
    *sorted(REPO.glob("README*.md")),
]
#: term to avoid → the term the course uses instead
AVOID = {"批大小": "批量大小", "自动求导": "自动微分"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_chinese_terms(path):
    text = path.read_text(encoding="utf-8")
    for bad, good in AVOID.items():
        assert bad not in text, f"{path.name}: write {good} instead of {bad}"


def test_the_222_example_names_mazurs_post_where_it_is_introduced():
    # lesson 04 introduces the 2-2-2 network (its forward pass), lesson 05 the post's figures
    for lesson in ("04_forward_pass.py", "05_backward_pass.py"):
        text = (REPO / "course" / lesson).read_text(encoding="utf-8")
        assert text.count(MAZUR_POST["url"]) >= 2, lesson  # in the zh and the en prose
        assert MAZUR_POST["author"] in text and MAZUR_POST["title"] in text, lesson
