"""Activation functions and their derivatives, written in terms of the output.

Backpropagation needs f'(z) at the z the forward pass used. For every activation here
f'(z) is a function of the output f(z) alone, so the backward pass reuses what the forward
pass stored and never recomputes an exponential (textbook eq. 5.9: f'(x) = f(x)(1 − f(x))).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import _validate as check


def sigmoid(z):
    """The logistic function f(z) = 1 / (1 + e^(−z)) (textbook eq. 5.2, "Sigmoid").

    Stable for every finite input: no overflow warning and no NaN, even at z = ±1e6.

    Parameters
    ----------
    z : float or array_like, any shape

    Returns
    -------
    float or ndarray, same shape as `z`, values in [0, 1].

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(np.array([-1e6, 1e6]))
    array([0., 1.])
    """
    z = check.as_array("z", z, float)
    # e = e^(−|z|) ≤ 1 never overflows. For z ≥ 0 the value is 1/(1 + e^(−z)) = 1/(1 + e);
    # for z < 0 it is e^z/(1 + e^z) = e/(1 + e). One division n/(1 + e) with the numerator
    # n = max(e, [z ≥ 0]) (1 when z ≥ 0, since e ≤ 1; e when z < 0, since e ≥ 0) gives
    # exactly readable_sigmoid's numbers, bit for bit, without a masked (slow) ufunc loop.
    # In-place steps: this runs on every forward pass (benchmarks/RESULTS.md).
    flat = z.reshape(-1)  # a 1-D view, so that 0-d input stays an array in the out= steps
    e = np.abs(flat)
    np.negative(e, out=e)
    np.exp(e, out=e)
    d = e + 1.0
    np.maximum(e, flat >= 0, out=e)
    out = np.divide(e, d, out=e).reshape(z.shape)
    return float(out) if out.ndim == 0 else out


def readable_sigmoid(z):
    """The stable sigmoid written for reading: the same numbers as :func:`sigmoid`.

    Two algebraically equal forms of 1 / (1 + e^(−z)) (eq. 5.2), each used where its
    exponential cannot overflow: e^(−z) ≤ 1 when z ≥ 0 and e^z < 1 when z < 0.
    :func:`sigmoid` computes exactly these numbers (bit for bit) with in-place array steps,
    because it runs on every forward pass.

    Parameters
    ----------
    z : float or array_like, any shape

    Returns
    -------
    ndarray, same shape as `z`, values in [0, 1].

    Examples
    --------
    >>> readable_sigmoid([-1e6, 0.0, 1e6])
    array([0. , 0.5, 1. ])
    """
    z = check.as_array("z", z, float)
    e = np.exp(-np.abs(z))  # e^(−|z|) is at most 1: no overflow for any z
    positive = 1 / (1 + e)  # z ≥ 0: e = e^(−z), so this is 1 / (1 + e^(−z))
    negative = e / (1 + e)  # z < 0: e = e^z,   so this is e^z / (1 + e^z)
    return np.where(z >= 0, positive, negative)


def sigmoid_prime(z):
    """Derivative of the sigmoid at `z`: f'(z) = f(z)(1 − f(z)) (textbook eq. 5.9).

    Examples
    --------
    >>> sigmoid_prime(0.0)
    0.25
    """
    s = sigmoid(z)
    return s * (1.0 - s)


def sigmoid_grad(y_hat):
    """f'(z) written with the output y_hat = f(z): y_hat (1 − y_hat)."""
    g = 1.0 - y_hat
    g *= y_hat  # in place: one new array, not two (this runs on every backward pass)
    return g


def identity(z):
    """f(z) = z: the XOR post's activation (tutorial 001) and tutorial 000's hidden layer."""
    return check.as_array("z", z, float) if not np.isscalar(z) else float(z)


def identity_grad(out):
    """f'(z) = 1, whatever the output."""
    return np.ones_like(out)


def tanh(z):
    """Hyperbolic tangent, f(z) = (e^z − e^(−z)) / (e^z + e^(−z))."""
    out = np.tanh(check.as_array("z", z, float))
    return float(out) if out.ndim == 0 else out


def tanh_grad(out):
    """f'(z) = 1 − f(z)², written with the output."""
    return 1.0 - out * out


def relu(z):
    """Rectified linear unit, f(z) = max(0, z)."""
    out = np.maximum(check.as_array("z", z, float), 0.0)
    return float(out) if out.ndim == 0 else out


def relu_grad(out):
    """f'(z) = 1 where the output is positive, else 0 (the kink at 0 gets 0)."""
    return (out > 0).astype(float)


def softmax(z):
    """Softmax over the last axis: ŷ_j = e^(z_j) / Σ_k e^(z_k) (several classes).

    Computed as e^(z_j − max z) / Σ_k e^(z_k − max z): the same numbers (the factor e^(−max z)
    cancels), no overflow at z = 1e6 and no 0/0 at z = −1e6.

    Parameters
    ----------
    z : array_like, shape (m, l) or (l,)

    Returns
    -------
    ndarray, same shape as `z`; every row is positive and sums to 1.

    Examples
    --------
    >>> softmax(np.array([0.0, 0.0])).tolist()
    [0.5, 0.5]
    >>> softmax(np.array([[1e6, 0.0, -1e6]])).tolist()
    [[1.0, 0.0, 0.0]]
    """
    z = check.as_array("z", z, float)
    if z.ndim == 0:
        raise check.InputError("err.activations.softmax")
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_backward(out, d_out):
    """∂E/∂z from ∂E/∂ŷ for a softmax output, written with the output ŷ = softmax(z).

    Softmax mixes its inputs, ∂ŷ_k/∂z_j = ŷ_k (1[k = j] − ŷ_j), so the delta is the
    Jacobian-vector product δ_j = ŷ_j (∂E/∂ŷ_j − Σ_k ŷ_k ∂E/∂ŷ_k), not an elementwise factor.

    Parameters
    ----------
    out, d_out : ndarray, shape (m, l)

    Returns
    -------
    ndarray, shape (m, l)

    Examples
    --------
    >>> softmax_backward(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]])).tolist()
    [[0.25, -0.25]]
    """
    return out * (d_out - np.sum(out * d_out, axis=-1, keepdims=True))


@dataclass(frozen=True)
class Activation:
    """An activation `f` and its derivative in terms of the output: `grad(f(z)) = f'(z)`.

    An elementwise activation has ``grad``; softmax, which mixes the units of a layer, has
    ``backward(out, d_out) = ∂E/∂z`` instead (``grad`` is None).
    """

    name: str
    f: Callable
    grad: Callable | None
    backward: Callable | None = None

    def delta(self, out, d_out):
        """δ = ∂E/∂z from ∂E/∂out: d_out · f'(z) elementwise, or the softmax product."""
        if self.backward is not None:
            return self.backward(out, d_out)
        delta = self.grad(out)  # a new array for every activation here: scaled in place
        delta *= d_out
        return delta


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_grad),
    "identity": Activation("identity", identity, identity_grad),
    "tanh": Activation("tanh", tanh, tanh_grad),
    "relu": Activation("relu", relu, relu_grad),
    "softmax": Activation("softmax", softmax, None, softmax_backward),
}


def get_activation(name):
    """Look up an activation by name (``"sigmoid"``, ``"identity"``, ``"tanh"``, ``"relu"``,
    ``"softmax"``)."""
    from ._validate import choice

    return ACTIVATIONS[choice("activation", name, tuple(ACTIVATIONS))]
