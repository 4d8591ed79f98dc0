"""Deep nets for lesson 14: initialisation scales, gradient norm per layer, symmetry.

Three questions about a net with L layers (:class:`bpcore.Network` takes any depth):

* **Initialisation.** Weights drawn with standard deviation ``gain / √n_in``: ``"xavier"``
  (gain 1; Glorot and Bengio average n_in and n_out, the same for equal widths) keeps
  Var(a) = n_in·Var(w)·E[x²] ≈ E[x²] from layer to layer; ``"he"`` (gain √2) makes up for
  ReLU zeroing half of its inputs, E[relu(z)²] = Var(z)/2 for z symmetric about 0.
* **Vanishing gradients.** δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾): every layer multiplies by f′,
  and the sigmoid's f′ ≤ ¼ (:func:`sigmoid_prime_bound`), so ‖∂E/∂W⁽ˡ⁾‖ shrinks towards the
  input (:func:`layer_gradient_norms`).
* **Symmetry.** Hidden units with equal incoming and outgoing weights get equal gradients and
  stay equal for any data (:func:`unit_spread`); the two inputs' weights v[1, h] = v[2, h]
  stay equal only when the data is symmetric under x₁ ↔ x₂ (:func:`input_spread`).

Examples
--------
>>> net = deep_network((4, 8, 8, 1), activation="tanh", init="xavier", rng=0)
>>> [layer.W.shape for layer in net.layers]
[(4, 8), (8, 8), (8, 1)]
>>> X = np.random.default_rng(1).normal(size=(16, 4))
>>> Y = np.zeros((16, 1))
>>> layer_gradient_norms(net, X, Y).shape
(3,)
"""

import numpy as np

from . import _validate as check
from .network import Layer, Network

#: Gains of the named initialisations: std(w) = gain / √n_in.
GAINS = {"xavier": 1.0, "he": float(np.sqrt(2.0))}


def init_std(n_in, init):
    """Standard deviation of the weights into a layer with `n_in` inputs.

    Parameters
    ----------
    n_in : int
    init : {"xavier", "he"} or float
        A name from :data:`GAINS` (std = gain/√n_in) or the standard deviation itself.

    Examples
    --------
    >>> init_std(100, "xavier"), round(init_std(100, "he"), 4), init_std(100, 1.0)
    (0.1, 0.1414, 1.0)
    """
    n_in = check.count("n_in", n_in)
    if isinstance(init, str):
        init = check.choice("init", init, tuple(GAINS))
        return float(GAINS[init] / np.sqrt(n_in))
    return check.positive_number("init", init)


def deep_network(sizes, *, activation="sigmoid", output_activation="sigmoid", init="xavier", rng=0):
    """A net with normal weights of standard deviation :func:`init_std` and zero biases.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first, e.g. ``(10, 32, 32, 32, 1)``.
    activation : {"sigmoid", "tanh", "relu", "identity"}
        Activation of every hidden layer.
    output_activation : str
        Activation of the last layer.
    init : {"xavier", "he"} or float
        See :func:`init_std`.
    rng : int or numpy.random.Generator

    Returns
    -------
    Network

    Examples
    --------
    >>> deep_network((2, 3, 1), init=0.5).layers[0].offset.tolist()
    [0.0, 0.0, 0.0]
    """
    sizes = [check.count(f"sizes[{k}]", s) for k, s in enumerate(sizes)]
    if len(sizes) < 2:
        raise check.InputError("err.deepnets.deep_network", sizes=sizes)
    rng = np.random.default_rng(rng)
    layers = []
    for k in range(len(sizes) - 1):
        n_in, n_out = sizes[k], sizes[k + 1]
        act = output_activation if k == len(sizes) - 2 else activation
        W = rng.normal(0.0, init_std(n_in, init), size=(n_in, n_out))
        layers.append(Layer(W, np.zeros(n_out), act, "bias"))
    return Network(layers)


def layer_gradient_norms(net, X, Y, reduction="mean"):
    """‖∂E/∂W⁽ˡ⁾‖ (Frobenius norm) of every layer l = 1 … L, first layer first.

    Parameters
    ----------
    net : Network
    X : array_like, shape (m, d)
    Y : array_like, shape (m, l)
    reduction : {"mean", "sum"}

    Returns
    -------
    ndarray, shape (L,)

    Examples
    --------
    >>> net = deep_network((1, 1), activation="identity", output_activation="identity", init=1.0)
    >>> w = float(net.layers[0].W[0, 0])
    >>> # E = ½ (w·2 − 0)², ∂E/∂w = 4w
    >>> bool(np.isclose(layer_gradient_norms(net, [[2.0]], [[0.0]])[0], abs(4 * w)))
    True
    """
    grads = net.gradients(X, Y, reduction=reduction)
    return np.array([np.linalg.norm(g.W) for g in grads.layers])


def activation_scales(net, X):
    """Root mean square of each layer's output, √E[out²] over samples and units.

    With the right initialisation this stays roughly constant from layer to layer; too small
    a scale shrinks it towards 0, too large a one saturates tanh/sigmoid (or blows up ReLU).

    Returns
    -------
    ndarray, shape (L,)

    Examples
    --------
    >>> net = deep_network((3, 3), activation="identity", output_activation="identity", init=1.0)
    >>> activation_scales(net, np.zeros((2, 3))).tolist()
    [0.0]
    """
    trace = net.forward(X)
    return np.array([np.sqrt(np.mean(t.out**2)) for t in trace.layers])


def sigmoid_prime_bound():
    """max σ′(z) over all z, by SymPy: σ′ = σ(1 − σ), σ″ = 0 at z = 0, σ′(0) = ¼.

    Returns
    -------
    dict
        ``"derivative"`` σ′(z), ``"critical"`` the solutions of σ″(z) = 0, ``"max"`` σ′ there
        (a SymPy number), ``"limit"`` σ′ as z → ±∞ (both 0, so the critical point is the max).

    Examples
    --------
    >>> sigmoid_prime_bound()["max"]
    1/4
    """
    import sympy as sp

    z = sp.Symbol("z", real=True)
    sigma = 1 / (1 + sp.exp(-z))
    d1 = sp.simplify(sp.diff(sigma, z))
    critical = sp.solve(sp.Eq(sp.diff(sigma, z, 2), 0), z)
    top = sp.simplify(d1.subs(z, critical[0]))
    limits = (sp.limit(d1, z, sp.oo), sp.limit(d1, z, -sp.oo))
    return dict(z=z, derivative=d1, critical=critical, max=top, limit=limits)


def unit_spread(net, layer=0):
    """How far apart the hidden units of `layer` are: the largest difference between two
    units' incoming weights, offsets or outgoing weights. 0 means the units are identical.

    Examples
    --------
    >>> import bpcore
    >>> unit_spread(bpcore.examples.get("t001_xor").network)
    0.0
    """
    inner, outer = net.layers[layer], net.layers[layer + 1]
    columns = np.vstack([inner.W, inner.offset, outer.W.T])  # one column per hidden unit h
    return float(np.max(np.abs(columns - columns[:, :1])))


def input_spread(net, layer=0):
    """max over h of |v[i, h] − v[0, h]|: how far the weights from different inputs into the
    same unit are apart. 0 means every unit sees only x₁ + x₂ + … (the inputs' sum).

    Examples
    --------
    >>> import bpcore
    >>> input_spread(bpcore.examples.get("t001_xor").network)
    0.0
    """
    W = net.layers[layer].W
    return float(np.max(np.abs(W - W[:1, :])))


def swap_inputs(X):
    """The data with x₁ and x₂ exchanged (the first two columns).

    Examples
    --------
    >>> swap_inputs([[0, 1], [1, 1]]).tolist()
    [[1.0, 0.0], [1.0, 1.0]]
    """
    X = check.real_array("X", X, ndim=2)
    if X.shape[1] < 2:
        raise check.InputError("err.deepnets.swap_inputs", X_shape=X.shape)
    return X[:, [1, 0, *range(2, X.shape[1])]]
