"""Backpropagation in matrix form, for a network of any depth L.

bpcore stores a layer's weights as ``W⁽ˡ⁾`` of shape (n_{l−1}, n_l), inputs × outputs, so that
``W[i, h]`` is the textbook's v_ih and ``W[h, j]`` its w_hj (docs/architecture.md), and a
batch as rows: ``a⁽ˡ⁾`` has shape (m, n_l), one sample per row, ``a⁽⁰⁾ = X``. In that
convention, for E = (1/m) Σ_k ½ Σ_j (ŷ_kj − y_kj)² (textbook eq. 5.16):

    z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ W⁽ˡ⁾ ± b⁽ˡ⁾                    (m, n_l)       + bias, − threshold
    a⁽ˡ⁾ = f(z⁽ˡ⁾)                               (m, n_l)
    δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − Y) ⊙ f′(z⁽ᴸ⁾)                 (m, n_L)       δ = ∂E_k/∂z, per sample
    δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾)           (m, n_l)
    ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ / m                   (n_{l−1}, n_l)
    ∂E/∂b⁽ˡ⁾ = ± Σ_k δ⁽ˡ⁾_k / m                  (n_l,)

For one sample written as a column vector the recursion reads δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾),
with no transpose, because W is stored (n_in, n_out); books that store W as (n_out, n_in)
write (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾) for the same numbers. f′ is taken from the stored output a⁽ˡ⁾
(f′(z) = a(1 − a) for the sigmoid, eq. 5.9), so the forward pass keeps a⁽⁰⁾ … a⁽ᴸ⁾ and
nothing else.

The textbook's g_j and e_h (eqs. 5.10, 5.15) are these deltas with the sign flipped: with
thresholds, δ⁽²⁾_j = ∂E_k/∂β_j = −g_j and δ⁽¹⁾_h = ∂E_k/∂α_h = −e_h, so ∂E_k/∂w_hj = b_h δ_j
= −g_j b_h and ∂E_k/∂θ_j = −δ_j = g_j.

The engine (:class:`bpcore.Network`) computes the same numbers layer by layer; this module is
the whole recursion in a dozen readable lines, with a tally of the multiply-adds it spends.

Examples
--------
>>> from bpcore import Network
>>> net = Network.from_sizes((3, 4, 4, 2), rng=0)
>>> X = np.random.default_rng(1).normal(size=(5, 3)); Y = np.zeros((5, 2))
>>> grads = backward(net, forward(net, X), Y)
>>> [g.shape for g in grads.W]
[(3, 4), (4, 4), (4, 2)]
>>> bool(np.allclose(grads.flat(), net.gradients(X, Y).flat(), rtol=1e-12, atol=1e-15))
True
"""

import itertools
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .activations import ACTIVATIONS


@dataclass
class Tally:
    """What a computation spent: multiply-adds in matrix products, forward passes run.

    ``multiply_adds`` counts the products of the matrix multiplications only (an (m, p) by
    (p, q) product is m·p·q of them); the elementwise work (f, f′, ⊙) is O(m Σ n_l), smaller
    by a factor of the layer width, and is not counted.
    """

    multiply_adds: int = 0
    forward_passes: int = 0

    def matmul(self, A, B):
        """A @ B, counted."""
        self.multiply_adds += A.shape[0] * A.shape[1] * B.shape[1]
        return A @ B


@dataclass
class Cache:
    """The activations a forward pass keeps for the backward pass.

    Attributes
    ----------
    a : list of ndarray
        ``a[0] = X`` (m, n_0), ``a[l]`` (m, n_l) the output of layer l, ``a[L]`` = ŷ.
    """

    a: list

    @property
    def output(self):
        """ŷ = a⁽ᴸ⁾, shape (m, n_L)."""
        return self.a[-1]

    @property
    def nbytes(self):
        """Bytes held by the stored activations (the input batch included)."""
        return [a.nbytes for a in self.a]


@dataclass
class MatrixGradients:
    """The result of :func:`backward`.

    Attributes
    ----------
    delta : list of ndarray
        ``delta[l-1]`` = δ⁽ˡ⁾ = ∂E_k/∂z⁽ˡ⁾ per sample, shape (m, n_l) (not divided by m).
    W : list of ndarray
        ∂E/∂W⁽ˡ⁾, shape (n_{l−1}, n_l).
    offset : list of ndarray
        ∂E/∂b⁽ˡ⁾ (bias) or ∂E/∂θ⁽ˡ⁾ (threshold), shape (n_l,).
    """

    delta: list
    W: list
    offset: list = field(default_factory=list)

    def flat(self):
        """All gradients in :meth:`bpcore.Network.flat` order (per layer: W row-major, offset)."""
        return np.concatenate([np.concatenate([w.ravel(), b]) for w, b in zip(self.W, self.offset)])


def _network(net):
    from .network import Network

    network = getattr(net, "network", net)
    if not isinstance(network, Network):
        raise check.InputError("err.matrix_form.network", got_type=type(net).__name__)
    return network


def forward(net, X, tally=None):
    """The forward pass, keeping a⁽⁰⁾ … a⁽ᴸ⁾: z⁽ˡ⁾ = a⁽ˡ⁻¹⁾W⁽ˡ⁾ ± b⁽ˡ⁾, a⁽ˡ⁾ = f(z⁽ˡ⁾).

    Parameters
    ----------
    net : Network or TextbookNet
        L layers; layer l has W⁽ˡ⁾ of shape (n_{l−1}, n_l).
    X : array_like, shape (m, n_0)
    tally : Tally, optional
        Adds the multiply-adds spent and one forward pass.

    Returns
    -------
    Cache
        ``cache.a[l]`` has shape (m, n_l).

    Examples
    --------
    >>> from bpcore import Network
    >>> cache = forward(Network.from_sizes((2, 3, 1), rng=0), np.zeros((4, 2)))
    >>> [a.shape for a in cache.a]
    [(4, 2), (4, 3), (4, 1)]
    """
    network = _network(net)
    tally = Tally() if tally is None else tally
    a = [network._inputs(X)]
    for layer in network.layers:
        z = tally.matmul(a[-1], layer.W) + layer.sign * layer.offset  # z⁽ˡ⁾ = a⁽ˡ⁻¹⁾W⁽ˡ⁾ ± b⁽ˡ⁾
        a.append(ACTIVATIONS[layer.activation].f(z))  # a⁽ˡ⁾ = f(z⁽ˡ⁾)
    tally.forward_passes += 1
    return Cache(a)


def backward(net, cache, Y, tally=None):
    """The backward pass in matrix form for E = (1/m) Σ_k ½‖ŷ_k − y_k‖².

    δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − Y) ⊙ f′, δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾), ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾/m,
    ∂E/∂b⁽ˡ⁾ = ±Σ_k δ⁽ˡ⁾_k/m (the textbook's eqs. 5.10–5.15 with g = −δ⁽ᴸ⁾, e = −δ⁽ᴸ⁻¹⁾).

    Parameters
    ----------
    net : Network or TextbookNet
    cache : Cache
        From :func:`forward` on the same network.
    Y : array_like, shape (m, n_L)
    tally : Tally, optional
        Adds the multiply-adds spent.

    Returns
    -------
    MatrixGradients
        δ⁽ˡ⁾ (m, n_l), ∂E/∂W⁽ˡ⁾ (n_{l−1}, n_l), ∂E/∂offset⁽ˡ⁾ (n_l,) for l = 1 … L.

    Examples
    --------
    >>> from bpcore import Network
    >>> net = Network.from_sizes((2, 3, 1), rng=0)
    >>> g = backward(net, forward(net, [[0.0, 1.0]]), [[1.0]])
    >>> [d.shape for d in g.delta], [w.shape for w in g.W]
    ([(1, 3), (1, 1)], [(2, 3), (3, 1)])
    """
    network = _network(net)
    tally = Tally() if tally is None else tally
    a, layers = cache.a, network.layers
    L, m = len(layers), a[0].shape[0]
    Y = network._targets(Y, m)

    def f_prime(l):  # f′(z⁽ˡ⁾), read from the stored output a⁽ˡ⁾
        return ACTIVATIONS[layers[l - 1].activation].grad(a[l])

    delta = [None] * (L + 1)
    delta[L] = (a[L] - Y) * f_prime(L)  # δ⁽ᴸ⁾ = (ŷ − y) ⊙ f′(z⁽ᴸ⁾)
    for l in range(L - 1, 0, -1):
        delta[l] = tally.matmul(delta[l + 1], layers[l].W.T) * f_prime(l)  # (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ f′
    dW = [tally.matmul(a[l - 1].T, delta[l]) / m for l in range(1, L + 1)]  # a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ / m
    db = [layers[l - 1].sign * delta[l].sum(axis=0) / m for l in range(1, L + 1)]
    return MatrixGradients(delta[1:], dW, db)


def gradient(net, X, Y, tally=None):
    """∂E/∂ every parameter, flat (:meth:`bpcore.Network.flat` order): forward then backward.

    Examples
    --------
    >>> from bpcore import Network
    >>> gradient(Network.from_sizes((2, 2, 1), rng=0), [[1.0, 0.0]], [[1.0]]).shape
    (9,)
    """
    return backward(net, forward(net, X, tally), Y, tally).flat()


def multiply_adds(sizes, m):
    """Exact multiply-adds of :func:`forward` and :func:`backward` for a batch of m samples.

    forward  = m Σ_{l=1}^{L} n_{l−1} n_l             (one product per layer)
    backward = m Σ_{l=1}^{L} n_{l−1} n_l             (∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾)
             + m Σ_{l=2}^{L} n_{l−1} n_l             (δ⁽ˡ⁻¹⁾ from δ⁽ˡ⁾W⁽ˡ⁾ᵀ; none below layer 1)

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first, (n_0, …, n_L).
    m : int
        Batch size.

    Returns
    -------
    (int, int)
        Multiply-adds of the forward and of the backward pass.

    Examples
    --------
    >>> multiply_adds((2, 3, 1), 4)
    (36, 48)
    """
    sizes = [check.count(f"sizes[{k}]", s) for k, s in enumerate(sizes)]
    m = check.count("m", m)
    per_layer = [n_in * n_out for n_in, n_out in itertools.pairwise(sizes)]
    return m * sum(per_layer), m * (sum(per_layer) + sum(per_layer[1:]))
