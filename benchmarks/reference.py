"""The plain NumPy baseline of the benchmarks: a vectorised training step written by hand.

This is what one would write without bpcore: a whole batch per matrix product, the
sigmoid as ``1 / (1 + exp(-z))`` (no overflow guard), no argument checks, no trace objects,
parameters updated in place. Same conventions as bpcore, so the numbers agree:

* weights stored ``(n_in, n_out)`` (the textbook's v[i, h], w[h, j]);
* offset added (bias, sign +1) or subtracted (threshold, sign −1): z = x·W + sign·offset;
* E_k = ½ Σ_j (ŷ_j − y_j)², over the batch summed (``"sum"``) or averaged (``"mean"``);
* one step = forward, backward, θ ← θ − η ∂E/∂θ (textbook eq. 5.6), the loss measured
  before the update; offsets left alone when ``train_offsets`` is False.

Examples
--------
>>> import numpy as np
>>> from bpcore import Network
>>> net = Network.from_sizes((2, 3, 1), rng=1)
>>> ref = NumpyReference.from_network(net)
>>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
>>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
>>> loss = ref.step(X, Y, eta=0.5)
>>> bool(abs(loss - net.loss(X, Y)) < 1e-15)
True
"""

from __future__ import annotations

import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# f(z) and f'(z) written with the output (y (1 − y) for the sigmoid), like bpcore.
_F = {"sigmoid": _sigmoid, "identity": lambda z: z, "tanh": np.tanh}
_DF = {
    "sigmoid": lambda out: out * (1.0 - out),
    "identity": None,  # f' = 1: nothing to multiply
    "tanh": lambda out: 1.0 - out * out,
}
_SIGN = {"bias": 1.0, "threshold": -1.0}


class NumpyReference:
    """A dense network trained by vectorised NumPy, in place.

    Parameters
    ----------
    Ws : list of ndarray, shapes (n_in, n_out)
    offsets : list of ndarray, shapes (n_out,)
    activations : list of str
        ``"sigmoid"``, ``"identity"`` or ``"tanh"``, one per layer.
    offset_kinds : list of str
        ``"bias"`` or ``"threshold"``, one per layer.
    train_offsets : bool
    reduction : {"mean", "sum"}
    """

    def __init__(
        self, Ws, offsets, activations, offset_kinds, *, train_offsets=True, reduction="mean"
    ):
        self.Ws = [np.array(W, dtype=float) for W in Ws]
        self.offsets = [np.array(b, dtype=float) for b in offsets]
        self.f = [_F[a] for a in activations]
        self.df = [_DF[a] for a in activations]
        self.signs = [_SIGN[k] for k in offset_kinds]
        self.train_offsets = bool(train_offsets)
        self.mean = reduction == "mean"

    @classmethod
    def from_network(cls, net, *, train_offsets=True, reduction="mean"):
        """A reference with a copy of a :class:`bpcore.Network`'s parameters and settings."""
        return cls(
            [layer.W for layer in net.layers],
            [layer.offset for layer in net.layers],
            [layer.activation for layer in net.layers],
            [layer.offset_kind for layer in net.layers],
            train_offsets=train_offsets,
            reduction=reduction,
        )

    def step(self, X, Y, eta):
        """One gradient-descent step on the batch (X, Y); returns the loss before the update."""
        outs = [X]
        for W, b, s, f in zip(self.Ws, self.offsets, self.signs, self.f):
            outs.append(f(outs[-1] @ W + s * b))
        diff = outs[-1] - Y
        loss = 0.5 * float(np.sum(diff * diff))
        if self.mean:
            loss /= X.shape[0]
            diff /= X.shape[0]
        d = diff  # ∂E/∂out of the last layer
        for k in range(len(self.Ws) - 1, -1, -1):
            if self.df[k] is not None:
                d = d * self.df[k](outs[k + 1])  # δ = ∂E/∂z
            W = self.Ws[k]
            if k:  # ∂E/∂(inputs of layer k), with W before its update; not for the data
                d_prev = d @ W.T
            W -= eta * (outs[k].T @ d)
            if self.train_offsets:
                self.offsets[k] -= (eta * self.signs[k]) * d.sum(axis=0)
            if k:
                d = d_prev
        return loss

    def loss(self, X, Y):
        """E on (X, Y) with the current parameters."""
        h = X
        for W, b, s, f in zip(self.Ws, self.offsets, self.signs, self.f):
            h = f(h @ W + s * b)
        e = 0.5 * float(np.sum((h - Y) ** 2))
        return e / X.shape[0] if self.mean else e

    def with_flat(self, flat):
        """A copy with the parameters taken from `flat` (``Network.flat()`` order)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.Ws, new.offsets, k = [], [], 0
        for W, b in zip(self.Ws, self.offsets):
            new.Ws.append(np.array(flat[k : k + W.size], dtype=float).reshape(W.shape))
            new.offsets.append(np.array(flat[k + W.size : k + W.size + b.size], dtype=float))
            k += W.size + b.size
        return new

    def flat(self):
        """All parameters in ``bpcore.Network.flat()`` order (per layer W row-major, offset)."""
        return np.concatenate(
            [np.concatenate([W.ravel(), b]) for W, b in zip(self.Ws, self.offsets)]
        )
