"""The book's term order: the last forms of each step written as Zhou Zhihua prints them
(5.7)–(5.15), e.g. (ŷ_j − y_j) rather than SymPy's (−y_j + ŷ_j), each checked equal to
SymPy's form it replaces.
"""

from __future__ import annotations

import dataclasses

import sympy as sp
from sympy.tensor.indexed import Indexed

from ..derivation import Shown, Step, in_order, product, value
from ..functions import f
from ..notation import (
    alpha,
    b,
    beta,
    e,
    eta,
    g,
    gamma,
    h,
    i,
    j,
    l,
    q,
    theta,
    w,
    x,
    y,
    y_hat,
)
from .net import bh, bj, expand_sums

# --- the book's term order -------------------------------------------------------------


def _mul(*factors):
    return sp.Mul(*factors, evaluate=False)


def _minus(a, c):
    """a − c, kept in this order."""
    return sp.Add(a, -c, evaluate=False)


def _slope(u):
    """u(1 − u), the sigmoid's slope (5.9) as the book writes it."""
    return _mul(u, _minus(1, u))


def _book_forms() -> dict[str, tuple]:
    """For each step, the last forms written in the book's order (5.7)–(5.15).

    Each replaces SymPy's form at the same place; :func:`book_order_holds` checks that
    every replacement equals what it replaces.
    """
    yh, yb, fb = y_hat[j], y_hat[bj], f(_minus(beta[j], theta[j]))
    fa = f(_minus(alpha[h], gamma[h]))
    g_book = _mul(yh, _minus(1, yh), _minus(y[j], yh))
    g_bound = _mul(yb, _minus(1, yb), _minus(y[bj], yb))
    back = sp.Sum(_mul(w[h, bj], g_bound), (bj, 1, l))  # Σ_j w_hj g_j, g_j written out
    dE_db = sp.Sum(_mul(_minus(yb, y[bj]), _slope(yb), w[h, bj]), (bj, 1, l))
    out_err, slope_o = in_order(_minus(yh, y[j])), in_order(_slope(yh))
    slope_h = in_order(_slope(b[h]))
    neg = lambda u: _mul(-1, u)  # noqa: E731
    return {
        "def beta": (sp.Sum(_mul(w[bh, j], b[bh]), (bh, 1, q)),),
        "def E": (_mul(sp.Rational(1, 2), sp.Sum(_minus(yb, y[bj]) ** 2, (bj, 1, l))),),
        "dE/dyhat": (_minus(yh, y[j]),),
        "dyhat/dbeta": (_slope(fb), _slope(yh)),
        "dyhat/dtheta": (neg(_slope(fb)), neg(_slope(yh))),
        "db/dalpha": (_slope(fa), _slope(b[h])),
        "db/dgamma": (neg(_slope(fa)), neg(_slope(b[h]))),
        "dE/db": (dE_db,),
        "dE/dw": (product(out_err, slope_o, b[h]),),
        "dE/dtheta": (product(out_err, in_order(neg(_slope(yh)))),),
        "dE/dv": (product(in_order(dE_db), slope_h, x[i]),),
        "dE/dgamma": (product(in_order(dE_db), in_order(neg(_slope(b[h])))),),
        "g": (g_book,),
        "e": (_mul(b[h], _minus(1, b[h]), sp.Sum(_mul(w[h, bj], g[bj]), (bj, 1, l))),),
        "Δw_hj": (_mul(eta, *g_book.args, b[h]), _mul(eta, g[j], b[h])),
        "Δθ_j": (_mul(-1, eta, *g_book.args), _mul(-1, eta, g[j])),
        "Δv_ih": (_mul(eta, b[h], _minus(1, b[h]), back, x[i]), _mul(eta, e[h], x[i])),
        "Δγ_h": (_mul(-1, eta, b[h], _minus(1, b[h]), back), _mul(-1, eta, e[h])),
    }


def _in_book_order(step: Step) -> Step:
    book = _book_forms().get(step.key)
    if not book:
        return step
    shown = tuple(b_ if isinstance(b_, Shown) else in_order(b_) for b_ in book)
    n = len(shown)
    return dataclasses.replace(step, forms=step.forms[:-n] + shown, sympy_forms=step.forms[-n:])


def _evaluated(expr):
    """Rebuild `expr` bottom-up with evaluation on: SymPy's canonical form of it."""
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, Indexed):
        return expr
    return expr.func(*(_evaluated(a) for a in expr.args))


def book_order_holds(step: Step) -> bool:
    """True iff every form shown in the book's order equals SymPy's form it replaced.

    Examples
    --------
    >>> from bpcore.symbolic.textbook import derive_textbook
    >>> all(book_order_holds(s) for s in derive_textbook().steps)
    True
    """
    n = len(step.sympy_forms)
    for shown, original in zip(step.forms[len(step.forms) - n :], step.sympy_forms, strict=True):
        a, c = value(shown), value(original)
        if a is None or c is None or expand_sums(_evaluated(a) - _evaluated(c)) != 0:
            return False
    return True
