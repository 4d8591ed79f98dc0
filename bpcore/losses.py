"""The loss of the course: half the sum of squared errors, with the batch convention explicit.

Per sample (textbook eq. 5.4, the 2-2-2 example's E_total):

    E_k = ½ Σ_j (ŷ_j − y_j)²

Over a batch of m samples the tutorials reduce it two ways:

* ``"sum"``:  E = Σ_k E_k  (the 2-2-2 example's total error; accumulated BP before averaging)
* ``"mean"``: E = (1/m) Σ_k E_k = Σ (t − y)² / (2m)  (textbook eq. 5.16; tutorial 000)

Cross-entropy, the cost of logistic regression (tutorial 001), for sigmoid outputs, and its
categorical form for a softmax over several classes, in the style of scikit-learn's
``neural_network/_base.py``: each loss has a value and ∂E/∂ŷ, and names the output activation
it pairs with, for which the output delta is ŷ − y (:func:`output_delta`).
"""

from collections.abc import Callable
from dataclasses import dataclass

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


# ---------------------------------------------------------------------------------------
# Cross-entropy (the logistic-regression cost of tutorial 001) and its softmax form
# ---------------------------------------------------------------------------------------
# ŷ is clipped into [EPS, 1 − EPS] before a log, as scikit-learn's log_loss does, so an output
# that rounded to exactly 0 or 1 gives a large finite loss instead of inf and a warning.
EPS = 1e-15


def _reduce(per_sample, reduction):
    """E_k per sample (m,) reduced by "mean", "sum" or "none"."""
    if reduction == "none":
        return per_sample
    if reduction == "sum":
        return float(per_sample.sum())
    if reduction == "mean":
        return float(per_sample.sum()) / per_sample.shape[0]
    check.choice("reduction", reduction, (*REDUCTIONS, "none"))


def _pair(y_hat, y, name="y_hat"):
    y_hat = check.as_array(name, y_hat, float)
    y = check.as_array("y", y, float)
    if y_hat.ndim < 2:
        y_hat, y = y_hat.reshape(1, -1), y.reshape(1, -1)
    return y_hat, y


def _softplus(z):
    """log(1 + e^z) without overflow: max(z, 0) + log(1 + e^(−|z|))."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def binary_cross_entropy(y_hat, y, reduction="mean"):
    """E_k = −Σ_j [y_j ln ŷ_j + (1 − y_j) ln(1 − ŷ_j)] for outputs ŷ in (0, 1).

    The cost of logistic regression (tutorial 001), one term per output unit; ŷ is clipped
    into [1e-15, 1 − 1e-15]. With a sigmoid output, :func:`binary_cross_entropy_logits` on
    z gives the same numbers without the clip.

    Parameters
    ----------
    y_hat, y : ndarray, shape (m, l) or (l,)
        Outputs in (0, 1) and targets in [0, 1].
    reduction : {"mean", "sum", "none"}

    Returns
    -------
    float, or ndarray of shape (m,) for ``"none"``.

    Examples
    --------
    >>> round(binary_cross_entropy(np.array([0.5]), np.array([1.0])), 6)  # ln 2
    0.693147
    >>> bool(binary_cross_entropy(np.array([0.0]), np.array([1.0])) < 40)  # clipped, finite
    True
    """
    y_hat, y = _pair(y_hat, y)
    p = np.clip(y_hat, EPS, 1.0 - EPS)
    per = -(y * np.log(p) + (1.0 - y) * np.log1p(-p)).sum(axis=1)
    return _reduce(per, reduction)


def binary_cross_entropy_logits(z, y, reduction="mean"):
    """:func:`binary_cross_entropy` of ŷ = σ(z), written with z ("logits form").

    −ln σ(z) = ln(1 + e^(−z)) and −ln(1 − σ(z)) = ln(1 + e^z), so
    E_k = Σ_j [softplus(z_j) − y_j z_j], exact for every finite z (no clip, no warning).

    Examples
    --------
    >>> binary_cross_entropy_logits(np.array([-1000.0]), np.array([1.0]))
    1000.0
    """
    z, y = _pair(z, y, "z")
    return _reduce((_softplus(z) - y * z).sum(axis=1), reduction)


def binary_cross_entropy_grad(y_hat, y, reduction="mean"):
    """∂E/∂ŷ for :func:`binary_cross_entropy`: (ŷ − y) / (ŷ (1 − ŷ)), divided by m for "mean".

    The 1/(ŷ(1 − ŷ)) is exactly the sigmoid's f'(z) = ŷ(1 − ŷ) upside down: with a sigmoid
    output the product δ = ∂E/∂ŷ · f'(z) is ŷ − y (see :func:`output_delta`).
    """
    p = np.clip(y_hat, EPS, 1.0 - EPS)
    g = (p - y) / (p * (1.0 - p))
    return g / g.shape[0] if reduction == "mean" else g


def cross_entropy(y_hat, y, reduction="mean"):
    """Categorical cross-entropy E_k = −Σ_j y_j ln ŷ_j (one-hot or probability targets y).

    Parameters
    ----------
    y_hat : ndarray, shape (m, l)
        Class probabilities (a softmax output); clipped below at 1e-15.
    y : ndarray, shape (m, l)
        Targets, each row summing to 1 (one-hot for a label).
    reduction : {"mean", "sum", "none"}

    Examples
    --------
    >>> round(cross_entropy(np.array([[0.25, 0.75]]), np.array([[0.0, 1.0]])), 6)  # −ln ¾
    0.287682
    """
    y_hat, y = _pair(y_hat, y)
    return _reduce(-(y * np.log(np.clip(y_hat, EPS, None))).sum(axis=1), reduction)


def cross_entropy_logits(z, y, reduction="mean"):
    """:func:`cross_entropy` of ŷ = softmax(z), written with z: E_k = LSE(z) − Σ_j y_j z_j.

    −ln softmax(z)_j = log Σ_k e^(z_k) − z_j, and for targets summing to 1 the log-sum-exp
    LSE(z) = max z + ln Σ_k e^(z_k − max z) comes out once. Exact for every finite z.

    Examples
    --------
    >>> cross_entropy_logits(np.array([[0.0, 1000.0]]), np.array([[1.0, 0.0]]))
    1000.0
    """
    z, y = _pair(z, y, "z")
    top = z.max(axis=1, keepdims=True)
    lse = top[:, 0] + np.log(np.exp(z - top).sum(axis=1))
    return _reduce(lse * y.sum(axis=1) - (y * z).sum(axis=1), reduction)


def cross_entropy_grad(y_hat, y, reduction="mean"):
    """∂E/∂ŷ for :func:`cross_entropy`: −y / ŷ, divided by m for "mean"."""
    g = -y / np.clip(y_hat, EPS, None)
    return g / g.shape[0] if reduction == "mean" else g


@dataclass(frozen=True)
class Loss:
    """A loss: its value on outputs, ∂E/∂ŷ, and the output activation it pairs with.

    ``canonical`` names the output activation for which δ = ∂E/∂z simplifies to ŷ − y
    (per sample; /m for "mean"): ∂E/∂ŷ · ∂ŷ/∂z = ŷ − y, derived in
    :mod:`bpcore.symbolic.crossentropy`. With that activation the engine uses ŷ − y and the
    value from z (:attr:`logits`); with any other it multiplies ``grad`` by f'(z).
    """

    name: str
    value: Callable
    grad: Callable
    canonical: str | None = None
    logits: Callable | None = None


LOSSES = {
    "half_sse": Loss("half_sse", half_sse, half_sse_grad, "identity", None),
    "binary_cross_entropy": Loss(
        "binary_cross_entropy",
        binary_cross_entropy,
        binary_cross_entropy_grad,
        "sigmoid",
        binary_cross_entropy_logits,
    ),
    "cross_entropy": Loss(
        "cross_entropy", cross_entropy, cross_entropy_grad, "softmax", cross_entropy_logits
    ),
}


def get_loss(name):
    """Look up a loss by name: ``"half_sse"``, ``"binary_cross_entropy"``, ``"cross_entropy"``."""
    return LOSSES[check.choice("loss", name, tuple(LOSSES))]


def output_delta(loss, activation, out, z, y, reduction="mean"):
    """δ = ∂E/∂z of the output layer, for a loss and the output activation f.

    For the pairs sigmoid + binary cross-entropy and softmax + cross-entropy (and identity +
    half_sse) the chain rule ∂E/∂ŷ · ∂ŷ/∂z simplifies to ŷ − y; it is used in that form,
    which stays exact when ŷ has rounded to 0 or 1. Any other pair is the plain product.

    Parameters
    ----------
    loss : str
    activation : Activation
        The output layer's activation (bpcore.activations).
    out, z, y : ndarray, shape (m, l)
    reduction : {"mean", "sum"}

    Examples
    --------
    >>> from bpcore.activations import ACTIVATIONS
    >>> z = np.array([[50.0]]); out = ACTIVATIONS["sigmoid"].f(z)  # ŷ = 1.0 after rounding
    >>> output_delta("binary_cross_entropy", ACTIVATIONS["sigmoid"], out, z, np.zeros((1, 1)))
    array([[1.]])
    """
    spec = LOSSES[loss] if loss in LOSSES else get_loss(loss)
    if activation.name == spec.canonical:
        diff = out - y
        return diff / diff.shape[0] if reduction == "mean" else diff
    return activation.delta(out, spec.grad(out, y, reduction))


def loss_value(loss, activation_name, out, z, y, reduction="mean"):
    """E of the outputs: from z (logits form) when the activation is the loss's canonical one."""
    spec = LOSSES[loss] if loss in LOSSES else get_loss(loss)
    if spec.logits is not None and activation_name == spec.canonical:
        return spec.logits(z, y, reduction)
    return spec.value(out, y, reduction)
