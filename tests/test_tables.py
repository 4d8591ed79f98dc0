"""bpcore.tables: one formatting of numbers and cells for the CLI, the traces and the ledger."""

import itertools
import math
import re

import numpy as np
import pytest

from bpcore import InputError
from bpcore.__main__ import main
from bpcore.examples import EXAMPLES, Bi, ledger, ledger_table, notation_table, trace
from bpcore.tables import Code, Table, Tables, cell, display_width, number, text_in, whole_or

LANGS = ("en", "zh")


def md_rows(markdown):
    """The cells of every row of the first Markdown table in `markdown` (header first)."""
    lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    rows = [re.split(r"(?<!\\) \| ", line[2:-2]) for line in lines]
    return [rows[0], *rows[2:]], rows[1]


def assert_aligned(lines):
    """Every row keeps its cells inside the columns set by the rule (the second line)."""
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    for line in [lines[0], *lines[2:]]:
        columns = [c for ch in line for c in [ch] * display_width(ch)]
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert all(c == " " for c in columns[end:start]), line


# --- numbers and cells ---------------------------------------------------------------------
def test_number_uses_the_minus_sign_and_fixed_decimals():
    assert number(-0.05926, 4) == "−0.0593"
    assert number(2.0, 3) == "2.000"
    assert number(196.0, 0) == "196" and number(-4.0, 0) == "−4"
    assert number(0.5, 0) == "0"  # decimals=0 rounds a fraction; whole_or decides when
    assert number(None) == ""


@pytest.mark.parametrize("x", [float("nan"), float("inf"), -float("inf")])
def test_a_number_that_is_not_finite_is_undefined_in_both_languages(x):
    assert number(x, 3, "en") == "undefined"
    assert number(x, 3, "zh") == "无定义"


def test_whole_numbers_show_no_decimals():
    assert whole_or(1960.0, 6) == 0 and whole_or(4, 3) == 0
    assert whole_or(0.5, 6) == 6 and whole_or(float("nan"), 6) == 6 and whole_or(None, 2) == 2
    assert whole_or(1e16, 6) == 6  # too large to be sure it is whole as a float


def test_cells_of_every_kind():
    assert cell(None) == "—"
    assert cell(Bi("verdict", "结论"), lang="zh") == "结论"
    assert cell(True) == "True"
    assert cell(-3) == "−3" and cell(np.int64(-3)) == "−3"
    assert cell(np.float32(0.25), 2) == "0.25" and cell(np.float64(-1.5), 1) == "−1.5"
    assert cell(float("nan"), 2, "zh") == "无定义"
    assert cell("x(1) = (2, 3, 1)") == "x(1) = (2, 3, 1)"


# --- one table, two renderings --------------------------------------------------------------
def test_numeric_columns_are_right_aligned_and_text_columns_left():
    t = Table(["量", "value", "n"], [["E", 0.5, 3], ["一致", None, -1]], decimals=2)
    assert t.aligns == ["<", ">", ">"]
    assert t.cells == [["E", "0.50", "3"], ["一致", "—", "−1"]]
    _, rule = md_rows(t.markdown())
    assert rule == ["---", "---:", "---:"]
    lines = t.text().splitlines()
    assert_aligned(lines)
    # 一致 takes two columns: both rows are equally wide on a terminal
    assert lines == ["量    value   n", "----  -----  --", "E      0.50   3", "一致      —  −1"]


def test_markdown_keeps_every_cell_and_escapes_pipes():
    rows = [["|x|", 1.0], ["a\nb", 2.0]]
    t = Table(["what", "value"], rows, title=Bi("Title", "标题"), notes="one\ntwo", lang="zh")
    text = t.markdown()
    assert text.startswith("**标题**\n\n")
    body, _ = md_rows(text)
    assert body == [["what", "value"], ["\\|x\\|", "1.000000"], ["a b", "2.000000"]]
    assert text.endswith("one  \ntwo")  # a note keeps its line breaks (hard breaks)
    assert str(t) == t._repr_markdown_() == text
    assert repr(t) == t.text() == "标题\n" + t.grid() + "\none\ntwo"


def test_per_column_decimals_and_bad_shapes():
    t = Table(["a", "b"], [[1 / 3, 2 / 3]], decimals=[1, 4])
    assert t.cells == [["0.3", "0.6667"]]
    with pytest.raises(ValueError, match=r"row 0 has 1 cells.*第 0 行"):
        Table(["a", "b"], [[1.0]])
    with pytest.raises(ValueError, match="decimals"):
        Table(["a", "b"], [[1.0, 2.0]], decimals=[1, 2, 3])


def test_an_empty_table_still_renders():
    t = Table(["a", "b"], [])
    assert t.text() == "a  b\n-  -"
    assert md_rows(t.markdown())[0] == [["a", "b"]]


# --- the traces' sections -------------------------------------------------------------------
@pytest.mark.parametrize("name", list(EXAMPLES))
@pytest.mark.parametrize("lang", LANGS)
def test_section_markdown_shows_every_value_at_its_decimals(name, lang):
    for section in trace(name).sections:
        table = section.markdown(lang)
        (header, *rows), _ = md_rows(table.markdown())
        assert header == [c(lang) for c in section.columns]
        assert len(rows) == len(section.rows)
        assert table.title == section.title(lang)
        for shown, raw_row in zip(rows, section.rows):
            for text, raw in zip(shown, raw_row):
                if isinstance(raw, float) and math.isfinite(raw):
                    value = float(text.replace("−", "-"))
                    assert abs(value - raw) <= 0.5 * 10.0**-section.decimals + 1e-15
                elif isinstance(raw, Bi):
                    assert text == raw(lang)


@pytest.mark.parametrize("name", list(EXAMPLES))
@pytest.mark.parametrize("lang", LANGS)
def test_the_cli_prints_the_trace_tables(name, lang, capsys):
    assert main(["trace", name, "--lang", lang]) == 0
    doc = trace(name).markdown(lang)
    assert isinstance(doc, Tables) and len(doc) == len(trace(name).sections)
    assert capsys.readouterr().out == doc.text() + "\n"
    for table in doc:
        assert f"**{table.title}**" in doc.markdown()


# --- the ledger -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_ledger_table_marks_each_difference_and_gives_its_reason(lang):
    rows = ledger()
    table = ledger_table(lang=lang)
    assert len(table.cells) == len(rows)
    (_, *md), _ = md_rows(table.markdown())
    assert len(md) == len(rows)
    verdict = table.columns.index({"en": "verdict", "zh": "结论"}[lang])
    for n, (r, shown) in enumerate(zip(rows, table.cells), start=1):
        assert shown[0] == str(n) and shown[1] == r.example
        assert shown[3] == r.published_text
        if r.verdict == "differs":
            assert shown[verdict].endswith(f"[{n}]")
            assert f"[{n}] {r.example} · {r.label(lang)}" in table.notes[1]
            assert r.reason(lang) in table.notes[1]
        else:
            assert "[" not in shown[verdict]
        # the recomputed value at three more decimals than printed (whole numbers as such)
        if math.isfinite(r.recomputed):
            value = float(shown[4].replace("−", "-"))
            assert abs(value - r.recomputed) <= 0.5 * 10.0 ** -min(r.decimals + 3, 12)
        else:
            assert shown[4] == {"en": "undefined", "zh": "无定义"}[lang]
    differ = sum(r.verdict == "differs" for r in rows)
    n, agree = len(rows), len(rows) - differ
    assert (
        table.notes[0]
        == {
            "en": f"{n} numbers: {agree} agree, {differ} differ at the published precision.",
            "zh": f"共 {n} 个数值：在公布精度下 {agree} 个一致，{differ} 个不符。",
        }[lang]
    )


def test_ledger_table_columns_and_rows_chosen():
    table = ledger_table(
        lang="en",
        example="t000_batch_321",
        columns=("quantity", "published", "recomputed", "reproduced", "method"),
        notes=False,
    )
    assert table.notes == [] and table.aligns == ["<", ">", ">", "<", "<"]
    rows = {r.label("en"): r for r in ledger("t000_batch_321")}
    by_label = dict(zip(rows, table.cells))
    # the tutorial's own arithmetic reproduces its ∂E/∂w1, the stated method reproduces h1
    assert rows["∂E/∂w1"].alternative_agrees
    assert by_label["∂E/∂w1"][3] == rows["∂E/∂w1"].alternative_label("en")
    assert by_label["h1 for x(1)"][3] == "the stated method"
    assert by_label["E = Σ(t − y)²/(2m)"][3] == "nothing (see the reason below)"
    rows = ledger()
    assert ledger_table(rows, example="t001_xor").cells == ledger_table(example="t001_xor").cells


def test_ledger_table_bad_arguments():
    with pytest.raises(InputError, match="unknown ledger columns"):
        ledger_table(columns=("quantity", "colour"))
    with pytest.raises(InputError, match="no example named"):
        ledger_table(ledger(), example="nope")


def test_a_single_row_is_summarised_in_the_singular():
    row = [r for r in ledger("t000_batch_321") if r.quantity == "E"]
    assert row[0].verdict == "differs"
    assert ledger_table(row, "en").notes[0] == "1 number: it differs at the published precision."
    assert ledger_table(row, "zh").notes[0] == "共 1 个数值：在公布精度下不符。"


# --- code cells and the notation map ----------------------------------------------------------
def test_code_cells_are_code_in_markdown_only():
    t = Table(["name", "engine"], [["w5", Code("layers[1].W[0, 0]")], ["a|b", Code("x|y")]])
    (_, *rows), _ = md_rows(t.markdown())
    assert rows == [["w5", "`layers[1].W[0, 0]`"], ["a\\|b", "`x\\|y`"]]
    assert "`" not in t.text()


@pytest.mark.parametrize("lang", LANGS)
def test_notation_table_of_one_example(lang):
    ex = EXAMPLES["t001_xor"]
    t = notation_table("t001_xor", lang)
    assert t.columns[0] == {"en": "tutorial 001", "zh": "教程001"}[lang]
    assert len(t.cells) == len(ex.notation)
    for shown, alias in zip(t.cells, ex.notation):
        assert shown == [alias.name, alias.textbook, alias.engine, alias.meaning(lang)]
        assert isinstance(shown[2], Code)


def test_notation_table_of_every_example_lists_each_name_once():
    t = notation_table(lang="en")
    keys = [(row[0], row[1]) for row in t.cells]
    assert len(keys) == len(set(keys))
    expected = {(ex.tutorial, text_in(a.name)) for ex in EXAMPLES.values() for a in ex.notation}
    assert set(keys) == expected
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)  # in the order of the tutorials
    with pytest.raises(InputError, match="no example named"):
        notation_table("nope")


def test_ledger_table_title_says_whether_it_is_every_number():
    assert ledger_table(lang="en").title.startswith("Ledger: every published number")
    xor = ledger_table(lang="zh", example="t001_xor")
    assert xor.title == "核对表：公布的数值，由 bpcore 重新计算"
    some = ledger("t004_composite")
    assert ledger_table(some, "en").title == "Ledger: published numbers, recomputed by bpcore"
    assert ledger_table(some, "en", title=Bi("Chain rule", "链式法则")).title == "Chain rule"


def test_without_notes_no_verdict_points_at_a_reason():
    table = ledger_table(example="t000_batch_321", columns=("verdict",), notes=False, lang="en")
    assert table.notes == []
    assert {row[0] for row in table.cells} == {"agrees", "differs"}
