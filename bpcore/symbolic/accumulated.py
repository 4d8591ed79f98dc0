"""Accumulated BP (Zhou Zhihua, *Machine Learning*, eq. 5.16), derived in SymPy.

The accumulated error over m samples is the mean of the per-sample errors::

    E = (1/m) Σ_k E_k                                              (5.16)

Differentiation is linear, so ∂E/∂w_hj = (1/m) Σ_k ∂E_k/∂w_hj, and with (5.11)–(5.12)
the accumulated update is the mean of the standard-BP updates, for the output layer by
(5.11)–(5.12) and for the hidden layer by (5.13)–(5.14)::

    Δw_hj = η (1/m) Σ_k g_j^k b_h^k        Δθ_j = −η (1/m) Σ_k g_j^k
    Δv_ih = η (1/m) Σ_k e_h^k x_i^k        Δγ_h = −η (1/m) Σ_k e_h^k

with g_j^k = ŷ_j^k (1 − ŷ_j^k)(y_j^k − ŷ_j^k) (5.10) and
e_h^k = b_h^k (1 − b_h^k) Σ_j w_hj g_j^k (5.15) of sample k.

Here this is checked on a concrete net (default 2-2-1) with m symbolic samples
(x^k, y^k): E is written out with f(x) = 1/(1 + e^(−x)), −η ∂E/∂p is taken by
``sympy.diff`` for every v_ih, γ_h, w_hj and θ_j, and compared exactly
(:func:`is_zero_rational`) with the mean of the per-sample rules, b_h^k, g_j^k and e_h^k
written out for each sample.
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
    per_sample = []  # (E_k, {h: b_h^k}, {j: g_j^k}, {h: e_h^k}, x^k) for each sample k
    for xk, yk in zip(xs, ys):
        b_k = {hh: _sig(sum(v[ii, hh] * xk[ii - 1] for ii in I) - gamma[hh]) for hh in H}
        y_hat_k = {jj: _sig(sum(w[hh, jj] * b_k[hh] for hh in H) - theta[jj]) for jj in J}
        E_k = sp.Rational(1, 2) * sum((y_hat_k[jj] - yk[jj - 1]) ** 2 for jj in J)
        # (5.10) g_j = ŷ_j (1 − ŷ_j)(y_j − ŷ_j);  (5.15) e_h = b_h (1 − b_h) Σ_j w_hj g_j
        g_k = {jj: y_hat_k[jj] * (1 - y_hat_k[jj]) * (yk[jj - 1] - y_hat_k[jj]) for jj in J}
        e_k = {hh: b_k[hh] * (1 - b_k[hh]) * sum(w[hh, jj] * g_k[jj] for jj in J) for hh in H}
        per_sample.append((E_k, b_k, g_k, e_k, xk))
    E = sp.Rational(1, m) * sum(s[0] for s in per_sample)  # (5.16)
    params = [v[ii, hh] for ii in I for hh in H] + [gamma[hh] for hh in H]
    params += [w[hh, jj] for hh in H for jj in J] + [theta[jj] for jj in J]
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


def _mean_rule(p, m, per_sample):
    """The mean over the samples of the standard-BP update of parameter `p` (5.11–5.14)."""
    mean = sp.Rational(1, m)
    if p.base == w:  # (5.11)  Δw_hj = η g_j b_h
        hh, jj = p.indices
        return eta * mean * sum(g[jj] * b[hh] for _, b, g, _, _ in per_sample)
    if p.base == theta:  # (5.12)  Δθ_j = −η g_j
        (jj,) = p.indices
        return -eta * mean * sum(g[jj] for _, _, g, _, _ in per_sample)
    if p.base == v:  # (5.13)  Δv_ih = η e_h x_i
        ii, hh = p.indices
        return eta * mean * sum(e[hh] * x[ii - 1] for _, _, _, e, x in per_sample)
    (hh,) = p.indices  # (5.14)  Δγ_h = −η e_h
    return -eta * mean * sum(e[hh] for _, _, _, e, _ in per_sample)


def prove_accumulated_updates(m=3, sizes=(2, 2, 1)) -> dict[str, Proof]:
    """Prove −η ∂E/∂p equals the mean of the standard-BP updates, for every v_ih, γ_h, w_hj, θ_j.

    E = (1/m) Σ_k E_k (5.16); derived is −η ∂E/∂p by ``sympy.diff``; textbook is the mean
    over the samples of the per-sample rules: η (1/m) Σ_k e_h^k x_i^k for v_ih (5.13),
    −η (1/m) Σ_k e_h^k for γ_h (5.14), η (1/m) Σ_k g_j^k b_h^k for w_hj (5.11) and
    −η (1/m) Σ_k g_j^k for θ_j (5.12), with g_j^k of (5.10) and e_h^k of (5.15).

    Parameters
    ----------
    m : int
        Number of symbolic samples.
    sizes : tuple of int
        ``(d, q, l)``, e.g. ``(2, 2, 1)``.

    Returns
    -------
    dict
        ``{"Δv_11": Proof, …, "Δγ_1": Proof, …, "Δw_11": Proof, …, "Δθ_1": Proof}``, in
        the order v, γ, w, θ; each ``difference`` is exactly 0.

    Examples
    --------
    >>> proofs = prove_accumulated_updates(3, (1, 1, 1))
    >>> {name: p.holds for name, p in proofs.items()}
    {'Δv_11': True, 'Δγ_1': True, 'Δw_11': True, 'Δθ_1': True}
    """
    m = _check_m(m)
    E, per_sample, params, _, _ = _accumulated(m, *_check_sizes(sizes))
    out = {}
    for p in params:
        mean = _mean_rule(p, m, per_sample)
        derived = -eta * sp.diff(E, p)
        name = f"Δ{p}"
        out[name] = Proof(name, derived, mean, mean, is_zero_rational(derived - mean), "rational")
    return out
