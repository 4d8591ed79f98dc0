"""Label helpers: subscripts, the textbook's symbols, short numbers.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------
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


def fmt(x: float, digits: int = 4) -> str:
    """A short number: 4 significant digits, no "-0", minus sign as U+2212."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    text = f"{x:.{digits}g}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", "−")
