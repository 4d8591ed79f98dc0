"""Accumulated BP (Zhou Zhihua, *Machine Learning*, eq. 5.16), derived in SymPy.

The accumulated error over m samples is the mean of the per-sample errors::

    E = (1/m) Σ_k E_k                                              (5.16)

Differentiation is linear, so ∂E/∂w_hj = (1/m) Σ_k ∂E_k/∂w_hj, and with (5.11)–(5.12)
the accumulated update is the mean of the standard-BP updates::

    Δw_hj = η (1/m) Σ_k g_j^k b_h^k        Δθ_j = −η (1/m) Σ_k g_j^k

Here this is checked on a concrete net (default 2-2-1) with m symbolic samples
(x^k, y^k): E is written out with f(x) = 1/(1 + e^(−x)), −η ∂E/∂p is taken by
``sympy.diff`` for every w_hj and θ_j, and compared exactly (:func:`is_zero_rational`)
with the mean of the per-sample rules, g_j^k and b_h^k written out for each sample.
"""

from __future__ import annotations

import functools

import sympy as sp

from ..errors import InputError
from .derivation import Proof
from .notation import eta, gamma, theta, v, w
from .textbook import Exp, _check_sizes, is_zero_rational

__all__ = ["accumulated_error", "prove_accumulated_updates"]


def _sig(z):
    return 1 / (1 + Exp(-z))


def _check_m(m):
    if isinstance(m, bool) or not isinstance(m, int) or m < 1:
        raise InputError("err.symbolic.accumulated.check_m", m=m)
    return m


@functools.cache
def _accumulated(m, n_in, n_hid, n_out):
    I, H, J = range(1, n_in + 1), range(1, n_hid + 1), range(1, n_out + 1)
    xs = [[sp.Symbol(f"x_{ii}^{k}") for ii in I] for k in range(1, m + 1)]
    ys = [[sp.Symbol(f"y_{jj}^{k}") for jj in J] for k in range(1, m + 1)]
    per_sample = []  # (E_k, {h: b_h^k}, {j: g_j^k}) for each sample k
    for xk, yk in zip(xs, ys):
        b_k = {hh: _sig(sum(v[ii, hh] * xk[ii - 1] for ii in I) - gamma[hh]) for hh in H}
        y_hat_k = {jj: _sig(sum(w[hh, jj] * b_k[hh] for hh in H) - theta[jj]) for jj in J}
        E_k = sp.Rational(1, 2) * sum((y_hat_k[jj] - yk[jj - 1]) ** 2 for jj in J)
        g_k = {jj: y_hat_k[jj] * (1 - y_hat_k[jj]) * (yk[jj - 1] - y_hat_k[jj]) for jj in J}
        per_sample.append((E_k, b_k, g_k))
    E = sp.Rational(1, m) * sum(s[0] for s in per_sample)  # (5.16)
    params = [w[hh, jj] for hh in H for jj in J] + [theta[jj] for jj in J]
    return E, per_sample, params, xs, ys


def accumulated_error(m=3, sizes=(2, 2, 1)):
    """The accumulated error E = (1/m) Σ_k E_k (5.16) of a d-q-l net, written out.

    Parameters
    ----------
    m : int
        Number of samples; sample k has inputs ``x_i^k`` and targets ``y_j^k``.
    sizes : tuple of int
        ``(d, q, l)``.

    Returns
    -------
    E : sympy.Expr
        E in the parameters v_ih, γ_h, w_hj, θ_j and the sample symbols.
    xs, ys : list of list of sympy.Symbol
        ``xs[k - 1][i - 1]`` is x_i^k, ``ys[k - 1][j - 1]`` is y_j^k.

    Examples
    --------
    >>> E, xs, ys = accumulated_error(2, (1, 1, 1))
    >>> xs, ys
    ([[x_1^1], [x_1^2]], [[y_1^1], [y_1^2]])
    """
    E, _, _, xs, ys = _accumulated(_check_m(m), *_check_sizes(sizes))
    return E, xs, ys


def prove_accumulated_updates(m=3, sizes=(2, 2, 1)) -> dict[str, Proof]:
    """Prove −η ∂E/∂p equals the mean of the standard-BP updates, for every w_hj and θ_j.

    E = (1/m) Σ_k E_k (5.16); derived is −η ∂E/∂p by ``sympy.diff``; textbook is
    η (1/m) Σ_k g_j^k b_h^k for w_hj and −η (1/m) Σ_k g_j^k for θ_j ((5.11), (5.12) per
    sample, averaged).

    Parameters
    ----------
    m : int
        Number of symbolic samples.
    sizes : tuple of int
        ``(d, q, l)``, e.g. ``(2, 2, 1)``.

    Returns
    -------
    dict
        ``{"Δw_11": Proof, …, "Δθ_1": Proof}``; each ``difference`` is exactly 0.

    Examples
    --------
    >>> proofs = prove_accumulated_updates(3, (1, 1, 1))
    >>> {name: p.holds for name, p in proofs.items()}
    {'Δw_11': True, 'Δθ_1': True}
    """
    m = _check_m(m)
    E, per_sample, params, _, _ = _accumulated(m, *_check_sizes(sizes))
    out = {}
    for p in params:
        jj = p.indices[-1]
        if p.base == w:
            hh = p.indices[0]
            mean = eta * sp.Rational(1, m) * sum(g_k[jj] * b_k[hh] for _, b_k, g_k in per_sample)
        else:
            mean = -eta * sp.Rational(1, m) * sum(g_k[jj] for _, _, g_k in per_sample)
        derived = -eta * sp.diff(E, p)
        name = f"Δ{p}"
        out[name] = Proof(name, derived, mean, mean, is_zero_rational(derived - mean), "rational")
    return out
