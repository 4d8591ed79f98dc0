"""bpcore.notation: the one home of symbols and number formatting.

bpcore.plots still has its own fmt/sub/symbols until the plots split is merged; until then
they are the oracle that the moved copies agree with, value for value.
"""

import pytest

from bpcore import notation, plots, tables
from bpcore.symbolic import notation as symbolic_notation


def test_tables_and_symbolic_reexport_the_one_definition():
    assert tables.number is notation.number and tables.whole_or is notation.whole_or
    assert tables.MINUS == notation.MINUS == "\u2212"
    assert symbolic_notation.latex_name is notation.latex_name


@pytest.mark.parametrize("x", [0.0, -0.0, 1.5, -0.000123456, 12345.678, float("inf"), -1e-300])
def test_fmt_agrees_with_the_plots_copy(x):
    assert notation.fmt(x) == plots.fmt(x)


@pytest.mark.parametrize(
    "sizes, offsets",
    [
        ((2, 2, 1), ("threshold", "threshold")),
        ((2, 3, 2), ("bias", "bias")),
        ((3, 4, 4, 2), ("bias",) * 3),
    ],
)
def test_symbols_agree_with_the_plots_copy(sizes, offsets):
    assert notation.symbols(sizes, offsets) == plots.symbols(sizes, offsets)
    assert notation.sub(1, 12) == plots.sub(1, 12) == "₁,₁₂"


def test_numbers_use_the_minus_sign():
    assert notation.number(-1.25, 2) == "−1.25"
    assert notation.minus(-4.0) == "−4"
    assert notation.number(float("nan"), 3, "zh") == "无定义"


def test_book_letters_are_the_textbook_names():
    assert [notation.BOOK[k] for k in ("gamma", "theta", "alpha", "beta", "y_hat", "eta")] == list(
        "γθαβŷη"
    )
