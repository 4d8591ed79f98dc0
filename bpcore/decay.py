"""Weight decay: the error plus the squares of the weights (西瓜书 §5.3, eq. 5.17).

The book's regularised objective trades the training error against the size of the
parameters:

    E = λ · (1/m) Σ_k E_k + (1 − λ) · Σ_i w_i²                         (eq. 5.17)

where E_k = ½ Σ_j (ŷ_j − y_j)² is the error on sample k (eq. 5.4), the w_i are all the
connection weights *and* thresholds, and λ ∈ (0, 1] weighs the two terms: λ = 1 is plain
BP, a smaller λ prefers smaller weights. Its gradient adds 2(1 − λ)·w_i to λ times the
gradient of the error, so every gradient step also shrinks each weight by the factor
1 − 2η(1 − λ): the weights *decay*.

Here ``lam`` is the book's λ (the weight on the error), not the coefficient of the penalty
that some libraries call "weight decay": ``lam=0.99`` is a light penalty.

Examples
--------
>>> import numpy as np
>>> from bpcore import Network
>>> net = Network.from_sizes((2, 2, 1), rng=0)
>>> X, Y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([[1.0], [0.0]])
>>> E, P = net.loss(X, Y), penalty(net)
>>> bool(np.isclose(objective(net, X, Y, 0.9), 0.9 * E + 0.1 * P))
True
"""

import numbers

import numpy as np

from . import _validate as check
from .errors import InputError


def check_lam(lam):
    """λ of eq. 5.17 as a float in (0, 1]; ``None`` means no penalty (λ = 1).

    Examples
    --------
    >>> check_lam(0.9), check_lam(None)
    (0.9, 1.0)
    """
    if lam is None:
        return 1.0
    ok = isinstance(lam, numbers.Real) and not isinstance(lam, bool)
    if not ok or not (0.0 < float(lam) <= 1.0):
        raise InputError("err.decay.check_lam", lam=lam)
    return float(lam)


def _network(net):
    return getattr(net, "network", net)


def penalty(net, *, offsets=True):
    """Σ_i w_i²: the squares of every weight and, with `offsets`, every threshold or bias.

    Parameters
    ----------
    net : Network or TextbookNet
    offsets : bool
        Include the thresholds / biases (the book does: "连接权与阈值的平方和").

    Returns
    -------
    float

    Examples
    --------
    >>> from bpcore import TextbookNet
    >>> net = TextbookNet(v=[[1.0]], gamma=[2.0], w=[[3.0]], theta=[4.0])
    >>> penalty(net), penalty(net, offsets=False)
    (30.0, 10.0)
    """
    total = 0.0
    for layer in _network(net).layers:
        total += float(np.sum(layer.W**2))
        if offsets:
            total += float(np.sum(layer.offset**2))
    return total


def objective(net, X, Y, lam, *, reduction="mean", loss="half_sse", offsets=True):
    """E = λ·E_data + (1 − λ)·Σ_i w_i² (eq. 5.17).

    E_data is the loss over (X, Y) with the given `reduction`; with the default ``"mean"`` and
    the squared error it is the book's accumulated error (1/m) Σ_k E_k (eq. 5.16), so this is
    eq. 5.17 exactly.

    Parameters
    ----------
    net : Network or TextbookNet
    X : array_like, shape (m, d)
    Y : array_like, shape (m, l)
    lam : float in (0, 1]
    reduction : {"mean", "sum"}
    loss : str
        See :mod:`bpcore.losses`.
    offsets : bool
        Whether thresholds / biases are part of the penalty.

    Returns
    -------
    float
    """
    lam = check_lam(lam)
    network = _network(net)
    return lam * network.loss(X, Y, reduction, loss) + (1.0 - lam) * penalty(
        network, offsets=offsets
    )


def add_penalty_gradient(grads, net, lam, *, offsets=True):
    """Turn the gradients of E_data into those of eq. 5.17, in place.

    ∂E/∂w_i = λ · ∂E_data/∂w_i + 2(1 − λ) · w_i for every weight (and every offset when
    `offsets`; an offset left out keeps λ · ∂E_data/∂offset).

    Parameters
    ----------
    grads : bpcore.network.Gradients
        From a backward pass of `net` (changed in place and returned).
    net : Network
    lam : float in (0, 1]
    offsets : bool

    Returns
    -------
    Gradients
    """
    lam = check_lam(lam)
    if lam == 1.0:
        return grads
    for layer, g in zip(_network(net).layers, grads.layers):
        g.W = lam * g.W + 2.0 * (1.0 - lam) * layer.W
        g.offset = lam * g.offset + (2.0 * (1.0 - lam) * layer.offset if offsets else 0.0)
    return grads


def gradients(net, X, Y, lam, *, reduction="mean", loss="half_sse", offsets=True):
    """∂E/∂ every parameter of the regularised objective (eq. 5.17), by backpropagation.

    Returns
    -------
    bpcore.network.Gradients
        ``.flat()`` in :meth:`bpcore.Network.flat` order; ``.loss`` is E_data (the error
        term alone, not the objective).

    Examples
    --------
    >>> from bpcore import Network, numeric_gradient
    >>> net = Network.from_sizes((2, 2, 1), rng=0)
    >>> X, Y = np.array([[0.0, 1.0]]), np.array([[1.0]])
    >>> exact = gradients(net, X, Y, 0.8).flat()
    >>> numeric = numeric_gradient(lambda p: objective(net.with_flat(p), X, Y, 0.8), net.flat())
    >>> bool(np.allclose(exact, numeric, atol=1e-8))
    True
    """
    network = _network(net)
    grads = network.gradients(X, Y, reduction, loss)
    return add_penalty_gradient(grads, network, lam, offsets=offsets)


def decay_factor(eta, lam):
    """1 − 2η(1 − λ): what one gradient step does to a weight whose error gradient is 0.

    Examples
    --------
    >>> decay_factor(0.5, 0.99)
    0.99
    """
    eta = check.positive_number("eta", eta)
    return 1.0 - 2.0 * eta * (1.0 - check_lam(lam))
