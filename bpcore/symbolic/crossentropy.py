"""Cross-entropy in SymPy: the output delta ∂E/∂β_j = ŷ_j − y_j, derived and proven exactly.

Three pairs of output activation and loss, for one sample and the output unit's net input β
(the textbook's β_j − θ_j, the engine's z):

* sigmoid + squared error ½ (ŷ − y)²: ∂E/∂β = (ŷ − y) · ŷ (1 − ŷ), the σ′ factor stays;
* sigmoid + binary cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)]: ∂E/∂β = ŷ − y;
* softmax over l classes + cross-entropy −Σ_k y_k ln ŷ_k with Σ_k y_k = 1: ∂E/∂β_j = ŷ_j − y_j.

Each is a :class:`~bpcore.symbolic.derivation.Proof`: SymPy differentiates E, the claimed form
is subtracted, and the difference simplifies to exactly 0.

Examples
--------
>>> from bpcore.symbolic.crossentropy import output_delta_proofs
>>> {name: p.holds for name, p in output_delta_proofs(3).items()}
{'sigmoid+half_sse': True, 'sigmoid+binary_cross_entropy': True, 'softmax+cross_entropy': True}
"""

from __future__ import annotations

import sympy as sp

from ..errors import InputError
from .derivation import Proof
from .notation import BookSymbol

__all__ = ["binary_proof", "output_delta_proofs", "softmax_proof", "squared_error_proof"]

beta, y = sp.symbols("beta y", real=True)


def _sigmoid(z):
    return 1 / (1 + sp.exp(-z))


def _reduce(expr):
    """Exact zero test: rewrite the exponentials as one positive symbol, then cancel."""
    u = sp.Symbol("u", positive=True)
    return sp.simplify(sp.cancel(sp.expand(expr).subs(sp.exp(-beta), u).subs(sp.exp(beta), 1 / u)))


def squared_error_proof() -> Proof:
    """σ output, E = ½ (ŷ − y)²: ∂E/∂β = (ŷ − y) ŷ (1 − ŷ) (the factor that vanishes at
    saturation).

    Examples
    --------
    >>> squared_error_proof().holds
    True
    """
    y_hat = _sigmoid(beta)
    E = sp.Rational(1, 2) * (y_hat - y) ** 2
    derived = sp.diff(E, beta)
    s = BookSymbol("ŷ")
    claimed = (s - y) * s * (1 - s)
    expanded = claimed.subs(s, y_hat)
    return Proof("sigmoid+half_sse", derived, claimed, expanded, _reduce(derived - expanded))


def binary_proof() -> Proof:
    """σ output, E = −[y ln ŷ + (1 − y) ln(1 − ŷ)]: ∂E/∂β = ŷ − y.

    By hand: ∂E/∂ŷ = (ŷ − y) / (ŷ (1 − ŷ)) and ∂ŷ/∂β = ŷ (1 − ŷ) (eq. 5.9); the product
    cancels the σ′ factor.

    Examples
    --------
    >>> p = binary_proof()
    >>> p.holds, p.difference
    (True, 0)
    """
    y_hat = _sigmoid(beta)
    E = -(y * sp.log(y_hat) + (1 - y) * sp.log(1 - y_hat))
    derived = sp.diff(E, beta)
    s = BookSymbol("ŷ")
    claimed = s - y
    expanded = claimed.subs(s, y_hat)
    return Proof(
        "sigmoid+binary_cross_entropy", derived, claimed, expanded, _reduce(derived - expanded)
    )


def softmax_proof(l: int = 3, j: int = 0) -> Proof:
    """Softmax over `l` classes, E = −Σ_k y_k ln ŷ_k with Σ_k y_k = 1: ∂E/∂β_j = ŷ_j − y_j.

    By hand: ∂ ln ŷ_k/∂β_j = 1[k = j] − ŷ_j, so ∂E/∂β_j = −y_j + ŷ_j Σ_k y_k = ŷ_j − y_j.
    The targets sum to one (a one-hot label does): the last one is 1 − Σ of the others.

    Parameters
    ----------
    l : int ≥ 2
        Number of classes (the proof is at this concrete size).
    j : int
        Which output unit.

    Examples
    --------
    >>> softmax_proof(4, 2).holds
    True
    """
    if not (isinstance(l, int) and l >= 2 and isinstance(j, int) and 0 <= j < l):
        raise InputError("err.symbolic.crossentropy.softmax_proof", l=l, j=j)
    b = sp.symbols(f"beta_1:{l + 1}", real=True)
    t = list(sp.symbols(f"y_1:{l}", real=True))
    t.append(1 - sum(t))  # Σ_k y_k = 1
    den = sum(sp.exp(bk) for bk in b)
    y_hat = [sp.exp(bk) / den for bk in b]
    E = -sum(tk * sp.log(yk) for tk, yk in zip(t, y_hat))
    derived = sp.diff(E, b[j])
    s = BookSymbol(f"ŷ_{j + 1}")
    claimed = s - sp.Symbol(f"y_{j + 1}")
    expanded = y_hat[j] - t[j]
    return Proof(
        "softmax+cross_entropy", derived, claimed, expanded, sp.simplify(derived - expanded)
    )


def output_delta_proofs(l: int = 3) -> dict[str, Proof]:
    """The three proofs of this module by name (softmax at `l` classes)."""
    return {
        "sigmoid+half_sse": squared_error_proof(),
        "sigmoid+binary_cross_entropy": binary_proof(),
        "softmax+cross_entropy": softmax_proof(l),
    }
