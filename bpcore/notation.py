"""Notation in one place: the textbook's symbols and how numbers are written.

* numbers: :func:`number` (fixed decimals, the minus sign U+2212, "undefined" for a value that
  is not finite), :func:`whole_or`, :func:`fmt` (short, 4 significant digits), :func:`minus`;
* symbols: :func:`sub` (subscript digits), :func:`symbols` (names of every parameter and unit
  of a network, Zhou Zhihua ch. 5: v_ih, γ_h, w_hj, θ_j, b_h, ŷ_j, α_h, β_j, e_h, g_j),
  :data:`BOOK` (the engine's ASCII names → the book's letters) and :func:`latex_name`.

:mod:`bpcore.tables`, :mod:`bpcore.symbolic.notation` and :mod:`bpcore.tutorials` import
from here. Standard library only.

Examples
--------
>>> number(-0.0592617, 4), fmt(-0.000123456), minus(-4.0), BOOK["gamma"]
('−0.0593', '−0.0001235', '−4', 'γ')
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .i18n import DEFAULT_LANG

MINUS = "\u2212"
DASH = "—"

_UNDEFINED = {"en": "undefined", "zh": "无定义"}

#: The engine's ASCII names of the textbook's quantities → the letters the book prints.
BOOK = {
    "x": "x",
    "y": "y",
    "v": "v",
    "gamma": "γ",
    "alpha": "α",
    "b": "b",
    "w": "w",
    "theta": "θ",
    "beta": "β",
    "y_hat": "ŷ",
    "g": "g",
    "e": "e",
    "eta": "η",
}


# ---------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------
def number(x, decimals=6, lang=DEFAULT_LANG):
    """A number with `decimals` decimals and the sign U+2212.

    Whole numbers print without decimals when ``decimals == 0``; a value that is not finite
    prints as "undefined" (无定义) and None as ``""``.

    Parameters
    ----------
    x : float, int or None
    decimals : int
    lang : {"en", "zh"}

    Returns
    -------
    str

    Examples
    --------
    >>> number(-0.0592617, 4), number(196.0, 0), number(float("nan"), 3, "zh"), number(None)
    ('−0.0593', '196', '无定义', '')
    """
    if x is None:
        return ""
    x = float(x)
    if not math.isfinite(x):
        return _UNDEFINED["zh" if lang == "zh" else "en"]
    if decimals == 0 and x == int(x):
        return str(int(x)).replace("-", MINUS)
    return f"{x:.{decimals}f}".replace("-", MINUS)


def whole_or(x, decimals):
    """0 when `x` is a whole number (196.0, 4.0), else `decimals`: how many decimals to show.

    Examples
    --------
    >>> whole_or(1960.0, 6), whole_or(0.5, 6), whole_or(None, 6)
    (0, 6, 6)
    """
    if x is not None and math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return 0
    return decimals


def fmt(x: float, digits: int = 4) -> str:
    """A short number: 4 significant digits, no "-0", minus sign as U+2212."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    text = f"{x:.{digits}g}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", "−")


def minus(x):
    """A number as ``format(x, "g")`` with the typographic minus sign, as the tutorials print it.

    Examples
    --------
    >>> minus(-3.0), minus(0.25)
    ('−3', '0.25')
    """
    return f"{x:g}".replace("-", MINUS)


# ---------------------------------------------------------------------------------------
# Symbols
# ---------------------------------------------------------------------------------------
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(*indices: int) -> str:
    """Subscript digits for 1-based indices: ``sub(1, 2) == "₁₂"``; commas once any is ≥ 10."""
    parts = [str(i) for i in indices]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def symbols(sizes: Sequence[int], offsets: Sequence[str]) -> dict:
    """Textbook names for every parameter and unit of a network with layer sizes ``sizes``.

    For a single hidden layer the names are the textbook's (Zhou Zhihua, ch. 5): inputs x_i,
    hidden outputs b_h, outputs ŷ_j, weights v_ih and w_hj, thresholds γ_h and θ_j.  A layer
    with *biases* (added, tutorials 003/004) names them b⁽¹⁾ and b⁽²⁾ per layer so they cannot
    be confused with the hidden outputs b_h.  Deeper nets use W⁽ᵏ⁾ and h⁽ᵏ⁾.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first (d, q, l).
    offsets : sequence of {"bias", "threshold"}
        One per weight layer.

    Returns
    -------
    dict
        ``"W"``: per layer an (n_in, n_out) nested list of names; ``"offset"``: per layer a list
        of n_out names; ``"units"``: per layer of units (inputs first) a list of names;
        ``"sum"``: per weight layer the names of the weighted sums (α_h, β_j);
        ``"delta"``: per weight layer the names of its units' negative deltas (e_h, g_j).

    Examples
    --------
    >>> s = symbols((2, 2, 1), ("threshold", "threshold"))
    >>> s["W"][0][0][1], s["offset"][0][1], s["W"][1][1][0], s["offset"][1][0], s["units"][2][0]
    ('v₁₂', 'γ₂', 'w₂₁', 'θ₁', 'ŷ₁')
    """
    n_layers = len(sizes) - 1
    textbook = n_layers == 2
    W_names, off_names, sums, deltas = [], [], [], []
    units = [["x" + sub(i + 1) for i in range(sizes[0])]]
    sup = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
    for k in range(n_layers):
        n_in, n_out = sizes[k], sizes[k + 1]
        last = k == n_layers - 1
        tag = f"({k + 1})".translate(sup)
        w = ("v" if k == 0 else "w") if textbook else "W" + tag
        W_names.append([[w + sub(i + 1, j + 1) for j in range(n_out)] for i in range(n_in)])
        if offsets[k] == "threshold":
            o = ("γ" if k == 0 else "θ") if textbook else "θ" + tag
        else:
            o = "b" + tag
        off_names.append([o + sub(j + 1) for j in range(n_out)])
        if last:
            units.append(["ŷ" + sub(j + 1) for j in range(n_out)])
        else:
            u = "b" if textbook else "h" + tag
            units.append([u + sub(j + 1) for j in range(n_out)])
        a = ("β" if last else "α") if textbook else "a" + tag
        sums.append([a + sub(j + 1) for j in range(n_out)])
        d = ("g" if last else "e") if textbook else "−δ" + tag
        deltas.append([d + sub(j + 1) for j in range(n_out)])
    return {"W": W_names, "offset": off_names, "units": units, "sum": sums, "delta": deltas}


# Unicode letters the course uses, and how LaTeX writes each of them.
_LATEX_LETTERS = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "Δ": r"\Delta",
    "η": r"\eta",
    "θ": r"\theta",
    "σ": r"\sigma",
    "ŷ": r"\hat{y}",
    "∂": r"\partial",
}


def latex_name(name: str) -> str:
    """LaTeX for a plain-text symbol name such as ``"γ_h"`` or ``"E_k"``.

    Parameters
    ----------
    name : str
        Head, optionally followed by ``_`` and a subscript (``"net_h1"`` keeps ``net`` as
        upright text).

    Returns
    -------
    str
        ``"\\gamma_{h}"`` for ``"γ_h"``.

    Examples
    --------
    >>> latex_name("ŷ_j"), latex_name("out_h1")
    ('\\\\hat{y}_{j}', '\\\\mathrm{out}_{h1}')
    """
    head, sep, sub = name.partition("_")
    tex = "".join(_LATEX_LETTERS.get(ch, ch) for ch in head)
    if len(head) > 1 and all(ch.isascii() and ch.isalpha() for ch in head):
        tex = r"\mathrm{" + head + "}"  # multi-letter names (net, out) are words, not products
    if sep:
        sub_tex = "".join(_LATEX_LETTERS.get(ch, ch) for ch in sub)
        tex += "_{" + sub_tex + "}"
    return tex
