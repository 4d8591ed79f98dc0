"""The error backpropagation algorithm as the textbook's box writes it (西瓜书 图5.8).

The box, in words (input: a training set D = {(x_k, y_k)}, k = 1 … m, and a learning
rate η; output: a multi-layer feed-forward network with its weights and thresholds fixed):

1. initialise every connection weight and threshold at random in (0, 1);
2. repeat
3.   for every sample (x_k, y_k) of D:
4.     compute the output ŷ_k with the current parameters (eq. 5.3);
5.     compute the output units' gradient terms g_j (eq. 5.10);
6.     compute the hidden units' gradient terms e_h (eq. 5.15);
7.     update the weights w_hj, v_ih and the thresholds θ_j, γ_h (eqs. 5.11–5.14);
8.   end for
9. until the stopping condition holds.

:func:`standard_bp` is that box, one line of code per line of the box, on a
:class:`bpcore.TextbookNet`; :func:`accumulated_bp` is the book's other variant (one update
per pass over D, from the accumulated error of eq. 5.16). Both equal
``bpcore.train(net, X, Y, mode="standard" / "accumulated")`` to rounding (tests/test_algorithm.py):
the engine is the same algorithm, written for any depth.

Examples
--------
>>> import numpy as np
>>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
>>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
>>> run = standard_bp(X, Y, q=3, eta=0.5, epochs=10, rng=0)
>>> run.epochs_run, run.E.shape
(10, (11,))
"""

from dataclasses import dataclass

import numpy as np

from . import _validate as check
from .activations import sigmoid as f
from .network import TextbookNet


def initial_net(d, q, l, rng=None):
    """A d-q-l :class:`bpcore.TextbookNet` with every weight and threshold uniform in (0, 1),
    as line 1 of the box says (drawn from ``numpy.random.default_rng(rng)``: v, γ, w, θ).

    Examples
    --------
    >>> net = initial_net(2, 3, 1, rng=0)
    >>> p = net.network.flat()
    >>> net.v.shape, bool(((0 < p) & (p < 1)).all())
    ((2, 3), True)
    """
    d, q, l = (check.count(name, n) for name, n in (("d", d), ("q", q), ("l", l)))
    gen = np.random.default_rng(rng)
    net = TextbookNet(
        v=gen.uniform(0, 1, size=(d, q)),
        gamma=gen.uniform(0, 1, size=q),
        w=gen.uniform(0, 1, size=(q, l)),
        theta=gen.uniform(0, 1, size=l),
    )
    return net


@dataclass
class BoxRun:
    """What the box returns: the trained net and its accumulated error E (eq. 5.16) before
    training and after every pass over D."""

    net: TextbookNet
    E: np.ndarray

    @property
    def epochs_run(self):
        return len(self.E) - 1


def accumulated_error(net, X, Y):
    """E = (1/m) Σ_k E_k with E_k = ½ Σ_j (ŷ_j − y_j)² (eqs. 5.4 and 5.16)."""
    y_hat = net.forward(X).y_hat
    return float(np.mean(0.5 * np.sum((y_hat - Y) ** 2, axis=1)))


def _start(X, Y, q, eta, epochs, rng, net):
    X = check.real_array("X", X, ndim=2)
    Y = check.real_array("Y", Y, ndim=(1, 2))
    Y = Y.reshape(-1, 1) if Y.ndim == 1 else Y
    check.same_length("X", X, "Y", Y)
    eta = check.positive_number("eta", eta)
    epochs = check.count("epochs", epochs)
    if net is None:
        net = initial_net(X.shape[1], q, Y.shape[1], rng)
    else:  # a copy: the net passed in is never changed
        net = TextbookNet(net.v, net.gamma, net.w, net.theta)
    return X, Y, eta, epochs, net


def standard_bp(X, Y, *, q, eta, epochs, rng=None, target=None, net=None):
    """The box (图5.8): standard BP, one update per sample, samples in their fixed order.

    Parameters
    ----------
    X : array_like, shape (m, d)
    Y : array_like, shape (m, l)
    q : int
        Hidden units (ignored when `net` is given).
    eta : float > 0
    epochs : int
        The most passes over D ("repeat").
    rng : int or numpy.random.Generator, optional
        Seed of line 1's random start.
    target : float, optional
        Stop after the first pass whose accumulated error E ≤ target (line 9's condition,
        besides running out of epochs).
    net : TextbookNet, optional
        Start from this network instead of line 1's random one (not modified).

    Returns
    -------
    BoxRun
    """
    X, Y, eta, epochs, net = _start(X, Y, q, eta, epochs, rng, net)
    v, gamma, w, theta = net.v, net.gamma, net.w, net.theta  # the net's own arrays
    D = list(zip(X, Y))
    E = [accumulated_error(net, X, Y)]
    for _ in range(epochs):  # 2: repeat
        for x_k, y_k in D:  # 3: for all (x_k, y_k) in D
            b = f(x_k @ v - gamma)  # 4: b_h = f(α_h − γ_h),
            y_hat = f(b @ w - theta)  #    ŷ_j = f(β_j − θ_j)          (5.3)
            g = y_hat * (1 - y_hat) * (y_k - y_hat)  # 5: g_j          (5.10)
            e = b * (1 - b) * (w @ g)  # 6: e_h = b_h(1 − b_h) Σ_j w_hj g_j (5.15)
            w += eta * np.outer(b, g)  # 7: Δw_hj = η g_j b_h          (5.11)
            theta -= eta * g  #            Δθ_j = −η g_j              (5.12)
            v += eta * np.outer(x_k, e)  #  Δv_ih = η e_h x_i          (5.13)
            gamma -= eta * e  #            Δγ_h = −η e_h              (5.14)
        E.append(accumulated_error(net, X, Y))  # 8: end for; E of (5.16)
        if target is not None and E[-1] <= target:  # 9: until E ≤ target
            break
    return BoxRun(net, np.array(E))


def accumulated_bp(X, Y, *, q, eta, epochs, rng=None, target=None, net=None):
    """The book's accumulated BP: the same box, but one update per pass over D, from the
    gradient of the accumulated error E = (1/m) Σ_k E_k (eq. 5.16): each Δ of eqs.
    5.11–5.14 is averaged over the m samples before it is applied.

    Parameters and return value as :func:`standard_bp`.
    """
    X, Y, eta, epochs, net = _start(X, Y, q, eta, epochs, rng, net)
    v, gamma, w, theta = net.v, net.gamma, net.w, net.theta
    m = len(X)
    E = [accumulated_error(net, X, Y)]
    for _ in range(epochs):  # repeat
        B = f(X @ v - gamma)  # b_h for every sample, (m, q)       (5.3)
        Y_hat = f(B @ w - theta)  # ŷ_j for every sample, (m, l)
        G = Y_hat * (1 - Y_hat) * (Y - Y_hat)  # g_j per sample     (5.10)
        Eh = B * (1 - B) * (G @ w.T)  # e_h per sample               (5.15)
        w += eta * B.T @ G / m  # mean of Δw_hj = η g_j b_h          (5.11)
        theta -= eta * G.mean(axis=0)  # mean of Δθ_j = −η g_j       (5.12)
        v += eta * X.T @ Eh / m  # mean of Δv_ih = η e_h x_i          (5.13)
        gamma -= eta * Eh.mean(axis=0)  # mean of Δγ_h = −η e_h       (5.14)
        E.append(accumulated_error(net, X, Y))
        if target is not None and E[-1] <= target:
            break
    return BoxRun(net, np.array(E))
