"""python -m bpcore: ledger, trace, list; zh/en; JSON; exit codes; alignment by display width."""

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bpcore.__main__ import main
from bpcore.examples import EXAMPLES, ledger, trace
from bpcore.tables import display_width, render_table

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(*args):
    proc = subprocess.run(
        [sys.executable, "-m", "bpcore", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _columns(rule):
    """(start, end) display columns of each dash run of a table's rule line."""
    return [m.span() for m in re.finditer(r"-+", rule)]


def _cells(line):
    """One entry per display column: wide characters fill two."""
    out = []
    for ch in line:
        out += [ch] * display_width(ch)
    return out


def assert_aligned(lines):
    """Every row of the table keeps its cells inside the columns set by the rule line."""
    spans = _columns(lines[1])
    for line in [lines[0], *lines[2:]]:
        cells = _cells(line)
        for (_, end), (start, _) in itertools.pairwise(spans):
            gap = cells[end:start]
            assert all(c == " " for c in gap), f"column gap not blank in: {line!r}"


def _table(text, header_start):
    lines = text.splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(header_start))
    j = next((k for k in range(i + 2, len(lines)) if not lines[k].strip()), len(lines))
    return lines[i:j]


# --- helpers ------------------------------------------------------------------------------
def test_display_width_counts_cjk_twice():
    assert display_width("abc") == 3
    assert display_width("不符") == 4
    assert display_width("∂E/∂w1（对样本求平均）") == 6 + 2 * 8  # （ ） are full width
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_render_table_aligns_mixed_scripts():
    text = render_table(["量", "value"], [["E", "0.5"], ["一致", "12"]], ["<", ">"])
    lines = text.splitlines()
    assert_aligned(lines)
    assert {display_width(line) for line in lines} == {display_width(lines[1])}


# --- ledger -------------------------------------------------------------------------------
def test_ledger_english():
    code, out, err = run("ledger")
    assert code == 0 and err == ""
    rows = ledger()
    table = _table(out, " #")
    assert len(table) == 2 + len(rows)
    assert_aligned(table)
    for r in rows:
        assert r.published_text in out
    assert "0.298371109" in out and "t004_222_frozen" in out
    n_differ = sum(r.verdict == "differs" for r in rows)
    assert f"{len(rows)} numbers: {len(rows) - n_differ} agree, {n_differ} differ" in out
    assert out.count("differs [") == n_differ
    assert "separately averaged" in out and "residual" in out
    assert not CJK.search(out.split("Why they differ")[0].replace("Σ", ""))


def test_ledger_chinese_is_aligned_by_display_width():
    code, out, _ = run("ledger", "--lang", "zh")
    assert code == 0
    table = _table(out, " #")
    assert "一致" in out and "不符" in out and "核对表" in out
    assert any(CJK.search(line) for line in table[2:])
    assert_aligned(table)
    # reasons in Chinese
    assert "乘积的平均不等于平均的乘积" in out


def test_ledger_json():
    code, out, _ = run("ledger", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == len(ledger())
    first_differ = next(d for d in data if d["verdict"] == "differs")
    assert set(first_differ["reason"]) == {"en", "zh"}
    cost = next(d for d in data if d["quantity"] == "cost_00")
    assert cost["recomputed"] is None  # undefined, not NaN (NaN is not JSON)
    code, out, _ = run("ledger", "--json", "--lang", "zh", "--example", "t001_xor")
    data = json.loads(out)
    assert [d["quantity"] for d in data] == ["D0_00", "cost_00"]
    assert CJK.search(data[1]["reason"])


# --- trace --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, words",
    [
        ("t000_batch_321", ["h1", "h2", " s ", " y ", "x(1) = (2, 3, 1)", "0.907207", "0.766409"]),
        ("t004_222_frozen", ["net_h1", "out_h1", "w5", "0.358916480", "0.149780716"]),
        ("t004_222_trained", ["out_o1", "0.751365070", "b2[o1]"]),
        ("t002_textbook", ["α_1", "b_1", "β_1", "ŷ_1", "g_1", "e_1", "Δw_hj = η g_j b_h"]),
        ("t001_xor", ["Z1", "D0", "X0->Z1"]),
        ("t002_perceptron_and", ["θ", "mistakes"]),
        ("t004_composite", ["h4 = exp(h3)", "0.2500"]),
        ("t004_epochs", ["196", "1960"]),
    ],
)
def test_trace_prints_the_tutorials_names(name, words):
    code, out, err = run("trace", name)
    assert code == 0 and err == ""
    for w in words:
        assert w in out
    blocks = out.split("\n## ")[1:]
    sections = trace(name).sections
    assert len(blocks) == len(sections)
    for block, section in zip(blocks, sections):
        lines = block.splitlines()
        assert lines[0] == section.title.en
        assert_aligned(lines[1 : 3 + len(section.rows)])


def test_trace_chinese_and_json():
    code, out, _ = run("trace", "t000_batch_321", "--lang", "zh")
    assert code == 0 and "前向计算" in out
    code, out, _ = run("trace", "t004_222_frozen", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["example"] == "t004_222_frozen"
    assert [s["key"] for s in data["sections"]][:2] == ["forward", "loss"]
    assert set(data["title"]) == {"en", "zh"}


# --- list, help ---------------------------------------------------------------------------
def test_list():
    code, out, _ = run("list")
    assert code == 0
    for name in EXAMPLES:
        assert name in out


def test_help_english_and_chinese():
    code, out, _ = run("--help")
    assert code == 0
    assert "ledger" in out and "trace" in out and "usage" in out
    assert not CJK.search(out)
    code, out, _ = run("--lang", "zh", "--help")
    assert code == 0 and "反向传播" in out and "选项" in out
    code, out, _ = run("trace", "--help", "--lang", "zh")
    assert code == 0 and "例子名称" in out


# --- bad arguments: exit code 2, both languages -------------------------------------------
@pytest.mark.parametrize(
    "args, en, zh",
    [
        (["trace", "t999_nope"], "no example named 't999_nope'", "没有名为"),
        (["ledger", "--example", "nope"], "no example named 'nope'", "没有名为"),
        (["--lang", "fr", "ledger"], "invalid choice: 'fr'", "取值 'fr' 无效"),
        (["ledger", "--lang", "fr"], "invalid choice: 'fr'", "取值 'fr' 无效"),
        ([], "a command is required", "需要一个命令"),
        (["frobnicate"], "invalid choice: 'frobnicate'", "无效"),
        (["trace"], "required: NAME", "缺少必需的参数"),
        (["ledger", "--bogus"], "unrecognized arguments: --bogus", "无法识别的参数"),
    ],
)
def test_bad_arguments_exit_2_with_a_bilingual_message(args, en, zh):
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert en in err and zh in err


def test_unknown_example_lists_the_valid_names():
    _, _, err = run("trace", "nope")
    for name in EXAMPLES:
        assert err.count(name) == 2  # once per language


def test_main_in_process(capsys):
    assert main(["trace", "t004_epochs", "--lang", "zh"]) == 0
    assert "轮次" in capsys.readouterr().out
    assert main(["trace", "nope"]) == 2
    err = capsys.readouterr().err
    assert "no example" in err and "没有名为" in err


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    import bpcore

    code, out, _err = run("--version")
    assert code == 0 and out.strip() == f"bpcore {version('bpcore')}"
    assert bpcore.__version__ == version("bpcore")


def test_help_sections_are_titled_in_the_help_language():
    # titles come from argument groups of our own, not from argparse's private attributes
    _code, out, _err = run("trace", "--help", "--lang", "zh")
    assert "选项:" in out and "位置参数:" in out and "options:" not in out
    _code, out, _err = run("trace", "--help")
    assert "options:" in out and "positional arguments:" in out
