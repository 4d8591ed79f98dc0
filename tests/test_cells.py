"""Lesson code cells teach: no language switch in them, their words come from the catalogue.

A code cell of a converted lesson shows the experiment; the words it prints are catalogue
entries ``lesson.NN.name`` read by :mod:`bpcore.lessons`, so the cell is the same in both
notebooks and carries no ``{"zh": ..., "en": ...}[LANG]`` dictionary.
"""

import json
import re
from pathlib import Path

import pytest

from bpcore import lessons
from bpcore.i18n import LANGS, MESSAGES

ROOT = Path(__file__).resolve().parents[1]

#: Lessons whose code cells have been converted (extend this list, never shrink it).
CONVERTED = [
    "00",
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
]

#: What a language switch in a code cell looks like.
SWITCHES = [
    re.compile(r"""\{\s*["']zh["']\s*:"""),  # {"zh": ...
    re.compile(r"""\}\s*\[\s*LANG\s*\]"""),  # ...}[LANG]
    re.compile(r"""LANG\s*==\s*["'](?:zh|en)["']"""),  # ... if LANG == "zh" else ...
]

#: A lesson text's key in a cell: the string literal "NN.name" or "all.name" that
#: ``text``, ``say`` or ``columns`` is given (directly or through a variable).
USE = re.compile(r"""["']((?:\d\d|all)\.[A-Za-z_][A-Za-z_0-9]*)["']""")


def code_cells(number, lang):
    (path,) = (ROOT / "notebooks" / lang).glob(f"{number}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def all_lesson_sources():
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "course").glob("*.py")))


@pytest.mark.parametrize("number", CONVERTED)
@pytest.mark.parametrize("lang", LANGS)
def test_no_language_switch_in_code_cells(number, lang):
    for k, cell in enumerate(code_cells(number, lang)):
        for pattern in SWITCHES:
            found = pattern.search(cell)
            assert not found, (
                f"lesson {number} ({lang}), code cell {k}: {found.group(0)!r} is a language "
                "switch; put the words in bpcore/i18n/catalogue/lessons.py as lesson.NN.* and "
                "use bpcore.lessons"
            )


@pytest.mark.parametrize("number", CONVERTED)
def test_every_text_a_cell_asks_for_exists(number):
    used = {key for cell in code_cells(number, "en") for key in USE.findall(cell)}
    missing = sorted(k for k in used if f"lesson.{k}" not in MESSAGES)
    assert not missing, f"lesson {number} asks for texts the catalogue lacks: {missing}"


def test_every_lesson_text_is_used_by_a_lesson():
    sources = all_lesson_sources()
    used = set(USE.findall(sources))
    unused = sorted(k for k in MESSAGES if k.startswith("lesson.") and k[7:] not in used)
    assert not unused, f"lesson texts no lesson uses (remove them): {unused}"


def test_text_say_and_columns_read_the_catalogue(capsys):
    assert lessons.text("01.converged", "zh") == "收敛"
    lessons.say("01.converged_after", lang="en", converged=True, epochs=3)
    assert capsys.readouterr().out == "converged: True, after 3 epochs\n"
    zh, en = (lessons.columns("01.epoch_table", lang) for lang in LANGS)
    assert len(zh) == len(en) == 5 and zh[0] == "轮次" and en[0] == "epoch"


def test_headers_have_as_many_columns_in_both_languages():
    for key, entry in MESSAGES.items():
        if key.startswith("lesson."):
            zh, en = (entry[lang].count(lessons.COLUMN_SEPARATOR) for lang in LANGS)
            assert zh == en, f"{key}: {zh + 1} columns in Chinese, {en + 1} in English"
