"""Symbols that print the way Zhou Zhihua's *Machine Learning* (ch. 5) writes them.

One textbook symbol is one SymPy object: ``v[i, h]`` prints ``v_ih`` in plain text and
``v_{ih}`` in LaTeX, ``gamma[h]`` prints ``γ_h`` / ``\\gamma_{h}``, ``y_hat[j]`` prints
``ŷ_j`` / ``\\hat{y}_{j}``. SymPy's own printers would give ``gamma[h]`` or ``γ_{h}`` (a raw
Unicode letter in LaTeX); the two small classes below fix that without touching SymPy's
global printing settings.

Bound summation indices (the ``j`` of Σ_j) are separate Symbol objects from the free
indices of the same name, so a derivative ∂E_k/∂ŷ_j can be taken of E_k = ½ Σ_j (ŷ_j − y_j)²
without the free ``j`` being captured; both print as ``j``, as in the book.

Examples
--------
>>> from bpcore.symbolic.notation import gamma, h, y_hat, j
>>> str(gamma[h]), str(y_hat[j])
('γ_h', 'ŷ_j')
>>> import sympy
>>> sympy.latex(gamma[h]), sympy.latex(y_hat[j])
('\\\\gamma_{h}', '\\\\hat{y}_{j}')
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.pretty.stringpict import prettyForm
from sympy.tensor.indexed import Indexed, IndexedBase

from ..notation import _LATEX_LETTERS, latex_name  # noqa: F401  (re-exported)

__all__ = [
    "BookIndexed",
    "BookIndexedBase",
    "BookSymbol",
    "E_k",
    "alpha",
    "b",
    "beta",
    "bound",
    "d",
    "e",
    "eta",
    "g",
    "gamma",
    "h",
    "i",
    "j",
    "l",
    "latex_name",
    "q",
    "theta",
    "v",
    "w",
    "x",
    "y",
    "y_hat",
]

# latex_name (and the letters it knows) lives in bpcore.notation, with the other symbols.


class BookSymbol(sp.Symbol):
    """A scalar symbol whose name is its plain-text form (``η``, ``E_k``, ``w5``)."""

    def _latex(self, printer):
        return latex_name(self.name)

    def _pretty(self, printer):
        return prettyForm(self.name)


def _index_text(indices) -> str:
    parts = [str(ix) for ix in indices]
    # v_ih, v_12: indices run together as in the book; with a multi-character index
    # (v_1,10) a comma keeps them readable.
    return ("," if any(len(p) > 1 for p in parts) else "").join(parts)


class BookIndexed(Indexed):
    """``v[i, h]`` printed ``v_ih`` (text) and ``v_{ih}`` (LaTeX)."""

    def _sympystr(self, printer):
        return f"{self.base.label.name}_{_index_text(self.indices)}"

    def _latex(self, printer):
        sub = _index_text(printer._print(ix) for ix in self.indices)
        return f"{latex_name(self.base.label.name)}_{{{sub}}}"

    def _pretty(self, printer):
        return prettyForm(self._sympystr(printer))


class BookIndexedBase(IndexedBase):
    """An ``IndexedBase`` whose elements are :class:`BookIndexed`."""

    def __getitem__(self, indices, **kw_args):
        if isinstance(indices, tuple):
            return BookIndexed(self, *indices, **kw_args)
        return BookIndexed(self, indices, **kw_args)

    def _latex(self, printer):
        return latex_name(self.label.name)


def _index(name: str) -> sp.Symbol:
    return sp.Symbol(name, integer=True, positive=True)


def bound(index: sp.Symbol) -> sp.Symbol:
    """The summation (bound) twin of a free index: prints the same, is a different symbol.

    Examples
    --------
    >>> str(bound(j)), bound(j) == j
    ('j', False)
    """
    return sp.Symbol(index.name, integer=True)


# Sizes: d inputs, q hidden neurons, l outputs.
d, q, l = (sp.Symbol(n, integer=True, positive=True) for n in "dql")
# Free indices: i over inputs, h over hidden neurons, j over outputs.
i, h, j = _index("i"), _index("h"), _index("j")

x = BookIndexedBase("x")  # input x_i
y = BookIndexedBase("y")  # target y_j
v = BookIndexedBase("v")  # weight v_ih, input i → hidden h
gamma = BookIndexedBase("γ")  # threshold γ_h of hidden neuron h
alpha = BookIndexedBase("α")  # α_h = Σ_i v_ih x_i, input of hidden neuron h
b = BookIndexedBase("b")  # b_h = f(α_h − γ_h), output of hidden neuron h
w = BookIndexedBase("w")  # weight w_hj, hidden h → output j
theta = BookIndexedBase("θ")  # threshold θ_j of output neuron j
beta = BookIndexedBase("β")  # β_j = Σ_h w_hj b_h, input of output neuron j
y_hat = BookIndexedBase("ŷ")  # ŷ_j = f(β_j − θ_j), output j
g = BookIndexedBase("g")  # g_j, eq. (5.10)
e = BookIndexedBase("e")  # e_h, eq. (5.15)
eta = BookSymbol("η", positive=True)  # learning rate
E_k = BookSymbol("E_k")  # error on sample k, eq. (5.4)
