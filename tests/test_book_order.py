"""Lesson 06 prints the derivation in the book's term order (Zhou Zhihua, (5.7)–(5.15)).

SymPy sorts terms and factors, so its own result for g_j reads (1 − ŷ_j)(y_j − ŷ_j)ŷ_j.
The lesson shows forms built unevaluated in the book's order; these tests check that
(a) what is displayed is exactly the LaTeX of that built expression, in the book's order,
and (b) the built expression equals SymPy's own result after canonical evaluation.
"""

import dataclasses

import pytest
import sympy as sp

from bpcore.symbolic import derive_textbook
from bpcore.symbolic.derivation import in_order
from bpcore.symbolic.notation import b, eta, g, h, j, y, y_hat
from bpcore.symbolic.textbook import _minus, _mul, book_order_holds

# The book's printed forms, (5.10)–(5.15), as they appear on the page.
BOOK_LATEX = {
    "g": r"\hat{y}_{j} \left(1 - \hat{y}_{j}\right) \left(y_{j} - \hat{y}_{j}\right)",
    "Δw_hj": r"\eta g_{j} b_{h}",
    "Δθ_j": r"- \eta g_{j}",
    "Δv_ih": r"\eta e_{h} x_{i}",
    "Δγ_h": r"- \eta e_{h}",
    "e": r"b_{h} \left(1 - b_{h}\right) \sum_{j=1}^{l} w_{hj} g_{j}",
    "dyhat/dbeta": r"\hat{y}_{j} \left(1 - \hat{y}_{j}\right)",
    "dE/dyhat": r"\hat{y}_{j} - y_{j}",
}


@pytest.mark.parametrize("key", sorted(BOOK_LATEX))
def test_results_are_displayed_in_the_books_order(key):
    step = derive_textbook()[key]
    assert step.latex().split(" = ")[-1].split(r" \qquad")[0] == BOOK_LATEX[key]


def test_every_reordered_form_equals_sympys_own_result():
    steps = [s for s in derive_textbook().steps if s.sympy_forms]
    assert len(steps) >= 15
    for step in steps:
        assert book_order_holds(step), step.key
    # SymPy's own form of g_j is in another order, so the reordering is not a no-op
    g_step = derive_textbook()["g"]
    assert sp.latex(g_step.sympy_forms[-1]) != BOOK_LATEX["g"]
    assert sp.expand(g_step.result - y_hat[j] * (1 - y_hat[j]) * (y[j] - y_hat[j])) == 0


def test_a_reordered_form_with_a_slip_is_caught():
    step = derive_textbook()["g"]
    slip = in_order(_mul(y_hat[j], _minus(1, y_hat[j]), _minus(y_hat[j], y[j])))  # sign slip
    assert not book_order_holds(dataclasses.replace(step, forms=(*step.forms[:-1], slip)))
    rule = derive_textbook()["Δw_hj"]
    slip = in_order(_mul(eta, g[j], 1 - b[h]))
    assert not book_order_holds(dataclasses.replace(rule, forms=(*rule.forms[:-1], slip)))


def test_long_chains_of_lesson_05_are_split_over_lines():
    from bpcore.symbolic import chains_222

    chains = chains_222()
    for key in ("dE/dw5", "dE/dout_h1", "dE/dw1"):
        text = chains[key].aligned_markdown("en")
        assert r"\begin{aligned}" in text
        lines = text.split(r"\\")
        assert len(lines) >= 2
        # no line is much longer than the label plus one product of three ∂-fractions
        # (LaTeX markup counted; the one-line form of dE/dw1 is over 500 characters)
        assert max(len(line) for line in lines) < 300, key
        assert max(len(line) for line in lines) < 0.6 * len(chains[key].latex()) or key != "dE/dw1"
        assert "i1 \\mathrm" not in text  # products are written with a visible dot
    sums = chains["dE/dw1"].aligned_markdown("en")
    assert sums.count(r"\\ &\qquad +") == 1  # the two outputs' terms on two lines
