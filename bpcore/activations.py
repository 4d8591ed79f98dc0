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
    flat = z.reshape(-1)
    # e^(−|z|) ≤ 1 never overflows. For z ≥ 0 use 1/(1 + e^(−z)); for z < 0 the same
    # function written as e^z/(1 + e^z). In-place steps: this runs on every forward pass.
    e = np.abs(flat)
    np.negative(e, out=e)
    np.exp(e, out=e)
    out = e + 1.0
    np.reciprocal(out, out=out)
    np.multiply(out, e, out=out, where=flat < 0)
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out


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
    return y_hat * (1.0 - y_hat)


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


@dataclass(frozen=True)
class Activation:
    """An activation `f` and its derivative in terms of the output: `grad(f(z)) = f'(z)`."""

    name: str
    f: Callable
    grad: Callable


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_grad),
    "identity": Activation("identity", identity, identity_grad),
    "tanh": Activation("tanh", tanh, tanh_grad),
    "relu": Activation("relu", relu, relu_grad),
}


def get_activation(name):
    """Look up an activation by name (``"sigmoid"``, ``"identity"``, ``"tanh"``, ``"relu"``)."""
    from ._validate import choice

    return ACTIVATIONS[choice("activation", name, tuple(ACTIVATIONS))]
