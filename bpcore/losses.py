"""The loss of the course: half the sum of squared errors, with the batch convention explicit.

Per sample (textbook eq. 5.4, the 2-2-2 example's E_total):

    E_k = ½ Σ_j (ŷ_j − y_j)²

Over a batch of m samples the tutorials reduce it two ways:

* ``"sum"``:  E = Σ_k E_k  (the 2-2-2 example's total error; accumulated BP before averaging)
* ``"mean"``: E = (1/m) Σ_k E_k = Σ (t − y)² / (2m)  (textbook eq. 5.16; tutorial 000)
"""

import numpy as np

from . import _validate as check

REDUCTIONS = ("mean", "sum")


def half_sse(y_hat, y, reduction="mean"):
    """½ Σ_j (ŷ_j − y_j)², reduced over the samples.

    Parameters
    ----------
    y_hat, y : ndarray, shape (m, l) or (l,)
        Outputs and targets. A 1-D pair is one sample.
    reduction : {"mean", "sum", "none"}
        ``"none"`` returns the per-sample E_k, shape (m,).

    Returns
    -------
    float, or ndarray of shape (m,) for ``"none"``.

    Examples
    --------
    >>> half_sse(np.array([0.5]), np.array([1.0]))
    0.125
    >>> half_sse(np.array([[1.0], [3.0]]), np.zeros((2, 1)), reduction="sum")
    5.0
    """
    diff = check.as_array("y_hat", y_hat, float) - check.as_array("y", y, float)
    if diff.ndim < 2:
        diff = diff.reshape(1, -1)
    if reduction == "none":
        return 0.5 * np.einsum("kj,kj->k", diff, diff)
    # one dot product over all entries: this runs once per batch
    if reduction == "sum":
        return 0.5 * float(np.vdot(diff, diff))
    if reduction == "mean":
        return 0.5 * float(np.vdot(diff, diff)) / diff.shape[0]
    from ._validate import choice

    choice("reduction", reduction, (*REDUCTIONS, "none"))


def half_sse_grad(y_hat, y, reduction="mean"):
    """∂E/∂ŷ for :func:`half_sse`: (ŷ − y), divided by m for ``"mean"``.

    Parameters
    ----------
    y_hat, y : ndarray, shape (m, l)

    Returns
    -------
    ndarray, shape (m, l)
    """
    diff = y_hat - y
    return diff / diff.shape[0] if reduction == "mean" else diff
