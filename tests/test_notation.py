"""bpcore.notation: the one home of symbols and number formatting.

bpcore.plots, bpcore.tables and bpcore.symbolic.notation re-export these functions.
"""

import pytest

from bpcore import notation, plots, tables
from bpcore.symbolic import notation as symbolic_notation


def test_tables_and_symbolic_reexport_the_one_definition():
    assert tables.number is notation.number and tables.whole_or is notation.whole_or
    assert tables.MINUS == notation.MINUS == "\u2212"
    assert symbolic_notation.latex_name is notation.latex_name


def test_plots_use_the_one_definition():
    assert plots.fmt is notation.fmt and plots.sub is notation.sub
    assert plots.symbols is notation.symbols


@pytest.mark.parametrize(
    "x, shown",
    # 4 significant digits (format "g"), "-0" folded into "0", U+2212 as the minus sign.
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.5, "1.5"),
        (-0.000123456, "−0.0001235"),
        (12345.678, "1.235e+04"),
        (float("inf"), "∞"),
        (-1e-300, "−1e−300"),
    ],
)
def test_fmt(x, shown):
    assert notation.fmt(x) == shown


def test_symbols_are_the_textbooks_for_one_hidden_layer():
    # Zhou Zhihua ch. 5: v_ih, w_hj, thresholds gamma_h, theta_j; b_h, y_hat_j; alpha, beta; e, g.
    names = notation.symbols((2, 2, 1), ("threshold", "threshold"))
    assert names["W"] == [[["v₁₁", "v₁₂"], ["v₂₁", "v₂₂"]], [["w₁₁"], ["w₂₁"]]]
    assert names["offset"] == [["γ₁", "γ₂"], ["θ₁"]]
    assert names["units"] == [["x₁", "x₂"], ["b₁", "b₂"], ["ŷ₁"]]
    assert names["sum"] == [["α₁", "α₂"], ["β₁"]]
    assert names["delta"] == [["e₁", "e₂"], ["g₁"]]
    assert notation.sub(1, 12) == "₁,₁₂" and notation.sub(1, 2) == "₁₂"


def test_numbers_use_the_minus_sign():
    assert notation.number(-1.25, 2) == "−1.25"
    assert notation.minus(-4.0) == "−4"
    assert notation.number(float("nan"), 3, "zh") == "无定义"


def test_book_letters_are_the_textbook_names():
    assert [notation.BOOK[k] for k in ("gamma", "theta", "alpha", "beta", "y_hat", "eta")] == list(
        "γθαβŷη"
    )
