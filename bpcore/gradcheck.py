"""Gradient checking: central differences and the relative error.

A backward pass is right when, for every parameter θ,

    ∂E/∂θ ≈ (E(θ + ε) − E(θ − ε)) / (2ε)

and the relative error |a − n| / max(|a|, |n|) is small. In float64 with ε ≈ 1e-4 the
truncation error (∝ ε²) and the rounding error (≈ u·|E|/ε, u the machine precision) balance
near 1e-9 for smooth nets;
below 1e-7 is a pass, above 1e-4 is almost certainly a bug.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate as check


def relative_error(analytic, numeric):
    """|a − n| / max(|a|, |n|), elementwise; 0 where both are exactly 0.

    Examples
    --------
    >>> float(relative_error(1.0, 1.001).round(6))
    0.000999
    >>> float(relative_error(0.0, 0.0))
    0.0
    """
    a = check.as_array("analytic", analytic, float)
    n = check.as_array("numeric", numeric, float)
    scale = np.maximum(np.abs(a), np.abs(n))
    with np.errstate(invalid="ignore", divide="ignore"):
        err = np.where(scale > 0, np.abs(a - n) / np.where(scale > 0, scale, 1.0), 0.0)
    return err


def numeric_gradient(f, x, eps=1e-4, order=2):
    """Central-difference gradient of a scalar function `f` at `x`.

    ``order=2``: (f(x + ε) − f(x − ε)) / 2ε, error ∝ ε².
    ``order=4``: (−f(x + 2ε) + 8 f(x + ε) − 8 f(x − ε) + f(x − 2ε)) / 12ε, error ∝ ε⁴;
    use it when some gradient components are tiny (≈ 1e-6) and ε² truncation error would
    dominate their relative error.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``; called 2·x.size times, each with a perturbed copy of `x`.
    x : array_like of float, any shape
    eps : float
        The step ε.
    order : {2, 4}
        Accuracy order of the central-difference stencil.

    Returns
    -------
    ndarray, same shape as `x`

    Examples
    --------
    >>> numeric_gradient(lambda t: float(np.sum(t ** 3)), np.array([1.0, 2.0])).round(6)
    array([ 3., 12.])
    """
    eps = check.positive_number("eps", eps)
    if order not in (2, 4):
        raise check.InputError("err.gradcheck.numeric_gradient", order=order)
    # (offset in units of ε, weight) of each stencil point, over the denominator
    stencil = [(1, 1.0), (-1, -1.0)] if order == 2 else [(2, -1.0), (1, 8.0), (-1, -8.0), (-2, 1.0)]
    denom = 2 * eps if order == 2 else 12 * eps
    x = check.as_array("x", x, float).copy()  # perturbed in place below
    grad = np.empty_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for k in range(flat.size):
        old = flat[k]
        total = 0.0
        for step, weight in stencil:
            flat[k] = old + step * eps
            total += weight * f(x.copy())
        flat[k] = old
        gflat[k] = total / denom
    return grad


@dataclass
class GradCheck:
    """Result of :func:`check_gradients`: analytic and numeric gradients (flat order) and errors."""

    analytic: np.ndarray
    numeric: np.ndarray
    error: np.ndarray
    names: list

    @property
    def max_error(self):
        return float(self.error.max())

    def passed(self, tol=1e-7):
        return self.max_error < tol


def check_gradients(net, X, Y, reduction="mean", eps=1e-4, order=2, loss="half_sse"):
    """Compare the backward pass of `net` with central differences on every parameter.

    Parameters
    ----------
    net : Network or TextbookNet
    X : array_like, shape (m, d)
    Y : array_like, shape (m, l)
    reduction : {"mean", "sum"}
    eps : float
    order : {2, 4}
        Stencil of :func:`numeric_gradient`.
    loss : {"half_sse", "binary_cross_entropy", "cross_entropy"}
        The loss differentiated (see :mod:`bpcore.losses`).

    Returns
    -------
    GradCheck
        ``.error[k]`` is the relative error for parameter k (``Network.flat`` order);
        ``.names[k]`` names it, e.g. ``"W1[0, 2]"`` or ``"offset2[0]"``.

    Examples
    --------
    >>> from bpcore import Network
    >>> net = Network.from_sizes((2, 3, 1), rng=0)
    >>> check_gradients(net, [[0.0, 1.0]], [[1.0]]).passed()
    True
    """
    network = getattr(net, "network", net)
    X, Y = network.check_data(X, Y)
    analytic = network.gradients(X, Y, reduction, loss).flat()

    def loss_at(vector):
        return network.with_flat(vector).loss(X, Y, reduction, loss)

    numeric = numeric_gradient(loss_at, network.flat(), eps, order)
    names = []
    for k, layer in enumerate(network.layers, start=1):
        n_in, n_out = layer.W.shape
        names += [f"W{k}[{i}, {j}]" for i in range(n_in) for j in range(n_out)]
        names += [f"offset{k}[{j}]" for j in range(n_out)]
    return GradCheck(analytic, numeric, relative_error(analytic, numeric), names)


def step_valley(eps, errors, factor=3.0):
    """The range of steps ε at the floor of an error-against-ε sweep.

    The smallest error of a sweep sits in a flat valley where rounding noise decides which grid
    point wins, so the argmin itself moves between neighbours from one CPU (or NumPy build) to
    the next. This returns the contiguous run of grid steps around the argmin whose error is
    within `factor` of the smallest, widened on each side by half a grid step (geometrically):
    any ε read off the plot inside it is "at the floor".

    Parameters
    ----------
    eps : array_like, shape (n,)
        The swept steps, monotonic, on a geometric grid.
    errors : array_like, shape (n,)
        The error at each step (e.g. the largest relative error of a gradient check).
    factor : float
        How much above the smallest error still counts as the floor (> 1).

    Returns
    -------
    (low, high) : tuple of float

    Examples
    --------
    >>> eps = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6]
    >>> errors = [1e-5, 1e-7, 1.1e-9, 1e-9, 1e-7]
    >>> low, high = step_valley(eps, errors)
    >>> round(low, 7), round(high, 6)
    (3.2e-06, 0.000316)
    """
    eps = check.as_array("eps", eps, float)
    errors = check.as_array("errors", errors, float)
    if eps.ndim != 1 or eps.shape != errors.shape or len(eps) < 2:
        raise check.InputError(
            "err.gradcheck.step_valley.eps", eps_shape=eps.shape, errors_shape=errors.shape
        )
    factor = check.positive_number("factor", factor)
    if factor <= 1:
        raise check.InputError("err.gradcheck.step_valley.factor", factor=factor)
    best = int(np.argmin(errors))
    floor = factor * errors[best]
    lo = hi = best
    while lo > 0 and errors[lo - 1] <= floor:
        lo -= 1
    while hi < len(eps) - 1 and errors[hi + 1] <= floor:
        hi += 1
    ratios = eps[1:] / eps[:-1]
    half_step = float(np.sqrt(np.max(np.maximum(ratios, 1 / ratios))))
    low, high = sorted((float(eps[lo]), float(eps[hi])))
    return low / half_step, high * half_step
