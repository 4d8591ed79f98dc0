"""Layered networks: a generic dense network of any depth, and the textbook's d-q-l view.

Each :class:`Layer` keeps its forward step and its backward step side by side. The offset of a
layer is either a *bias*, added (z = a + b, tutorials 003/004), or a *threshold*, subtracted
(z = a − θ, textbook ch. 5). ``a`` is the weighted sum (the textbook's α_h or β_j), ``z`` the
argument of the activation and ``out = f(z)``.

:class:`TextbookNet` is the single-hidden-layer network of Zhou Zhihua's *Machine Learning*,
§5.3, with the book's names (v, γ, w, θ; α, b, β, ŷ; g, e) and its equations written out.
"""

import itertools
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .activations import ACTIVATIONS, get_activation
from .losses import get_loss, loss_value
from .passes import (  # noqa: F401  (importable from bpcore.network, where they were first)
    Gradients,
    LayerGradient,
    LayerTrace,
    Trace,
    batch_backward,
    batch_forward,
)

OFFSET_KINDS = ("bias", "threshold")
_SIGN = {"bias": 1.0, "threshold": -1.0}


@dataclass(frozen=True)
class NetSpec:
    """The structure of a network, without its numbers (hashable: a cache key).

    Attributes
    ----------
    sizes : tuple of int
        Units per layer, inputs first: ``(d, q, l)`` for the textbook's net.
    activations : tuple of str
        One per weight layer.
    offsets : tuple of str
        ``"bias"`` or ``"threshold"``, one per weight layer.
    """

    sizes: tuple
    activations: tuple
    offsets: tuple

    @property
    def n_params(self):
        """Number of numbers to learn: Σ (n_in + 1)·n_out; (d + l + 1)·q + l for d-q-l."""
        return sum((a + 1) * b for a, b in zip(self.sizes[:-1], self.sizes[1:]))


class Layer:
    """One dense layer: out = f(x·W ± offset).

    Parameters
    ----------
    W : array_like of float, shape (n_in, n_out)
        ``W[i, j]`` connects input unit i to output unit j (the textbook's v[i, h], w[h, j]).
    offset : array_like of float, shape (n_out,)
        A bias (added) or a threshold (subtracted), see `offset_kind`.
    activation : {"sigmoid", "identity", "tanh", "relu", "softmax"}
    offset_kind : {"bias", "threshold"}

    Examples
    --------
    >>> layer = Layer([[1.0], [1.0]], [0.5], activation="identity", offset_kind="threshold")
    >>> layer.forward(np.array([[1.0, 2.0]])).out
    array([[2.5]])
    """

    def __init__(self, W, offset, activation="sigmoid", offset_kind="bias"):
        self.W = check.real_array("W", W, ndim=2, allow_int=False)
        self.offset = check.real_array("offset", offset, shape=(self.W.shape[1],), allow_int=False)
        self.activation = get_activation(activation).name
        self.offset_kind = check.choice("offset_kind", offset_kind, OFFSET_KINDS)

    @property
    def sign(self):
        """+1 for a bias (z = a + b), −1 for a threshold (z = a − θ)."""
        return _SIGN[self.offset_kind]

    def forward(self, inputs):
        """a = inputs·W, z = a ± offset, out = f(z); `inputs` has shape (m, n_in)."""
        a = inputs @ self.W
        z = a + self.sign * self.offset
        out = ACTIVATIONS[self.activation].f(z)
        return LayerTrace(inputs, a, z, out)

    def backward(self, trace, d_out, input_grad=True):
        """From ∂E/∂out (m, n_out) to this layer's gradients and ∂E/∂inputs (m, n_in).

        δ = ∂E/∂z = ∂E/∂out · f'(z), with f'(z) taken from the stored output;
        ∂E/∂W = inputsᵀ·δ, ∂E/∂offset = ±Σ_samples δ, ∂E/∂inputs = δ·Wᵀ.
        The first layer's ∂E/∂inputs is a gradient with respect to the data, which training
        never uses: ``input_grad=False`` skips that product (returns None).
        """
        delta = ACTIVATIONS[self.activation].delta(trace.out, d_out)
        return self.backward_from_delta(trace, delta, input_grad)

    def backward_from_delta(self, trace, delta, input_grad=True):
        """:meth:`backward` given δ = ∂E/∂z itself (the output layer's ŷ − y under a paired
        loss, see :func:`bpcore.losses.output_delta`)."""
        grad = LayerGradient(delta, trace.inputs.T @ delta, self.sign * delta.sum(axis=0))
        return grad, (delta @ self.W.T if input_grad else None)

    def copy(self):
        """A copy with its own W and offset (already checked: not validated again)."""
        new = object.__new__(type(self))
        new.W, new.offset = self.W.copy(), self.offset.copy()
        new.activation, new.offset_kind = self.activation, self.offset_kind
        return new

    def __repr__(self):
        n_in, n_out = self.W.shape
        return f"Layer({n_in}→{n_out}, {self.activation}, {self.offset_kind})"


class Network:
    """A dense feed-forward network of any depth.

    Parameters
    ----------
    layers : list of Layer
        Consecutive layers; the outputs of one are the inputs of the next.

    Examples
    --------
    >>> net = Network.from_sizes((2, 3, 1), rng=0)
    >>> net.spec.sizes, net.spec.n_params
    ((2, 3, 1), 13)
    >>> net.forward(np.zeros((4, 2))).output.shape
    (4, 1)
    """

    def __init__(self, layers):
        layers = list(layers)
        if not layers or not all(isinstance(layer, Layer) for layer in layers):
            raise check.InputError("err.network.init.layers")
        for k, (prev, nxt) in enumerate(itertools.pairwise(layers)):
            if prev.W.shape[1] != nxt.W.shape[0]:
                raise check.InputError(
                    "err.network.init",
                    next_k=k + 1,
                    n_in=nxt.W.shape[0],
                    k=k,
                    n_out=prev.W.shape[1],
                )
        self.layers = layers

    @classmethod
    def from_sizes(
        cls,
        sizes,
        *,
        activation="sigmoid",
        output_activation=None,
        offset_kind="bias",
        rng=None,
        scale=None,
    ):
        """A network with random weights drawn from a seeded generator.

        Parameters
        ----------
        sizes : sequence of int
            Units per layer, inputs first, e.g. ``(2, 3, 1)``.
        activation : str
            Activation of the hidden layers (and of the output unless `output_activation`).
        offset_kind : {"bias", "threshold"}
        rng : int or numpy.random.Generator, optional
            Seed or generator (``numpy.random.default_rng``); the same seed gives the same net.
        scale : float, optional
            Weights and offsets are uniform in [−scale, scale]; default 1/√n_in.
        """
        sizes = [check.count(f"sizes[{k}]", s) for k, s in enumerate(sizes)]
        if len(sizes) < 2:
            raise check.InputError("err.network.from_sizes", sizes=sizes)
        rng = np.random.default_rng(rng)
        layers = []
        for k, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
            last = k == len(sizes) - 2
            act = output_activation if (last and output_activation) else activation
            r = 1.0 / np.sqrt(n_in) if scale is None else float(scale)
            W = rng.uniform(-r, r, size=(n_in, n_out))
            offset = rng.uniform(-r, r, size=n_out)
            layers.append(Layer(W, offset, act, offset_kind))
        return cls(layers)

    @property
    def spec(self):
        """The :class:`NetSpec` (sizes, activations, offsets) of this network."""
        sizes = (self.layers[0].W.shape[0], *(layer.W.shape[1] for layer in self.layers))
        return NetSpec(
            tuple(sizes),
            tuple(layer.activation for layer in self.layers),
            tuple(layer.offset_kind for layer in self.layers),
        )

    @property
    def n_inputs(self):
        return self.layers[0].W.shape[0]

    @property
    def n_outputs(self):
        return self.layers[-1].W.shape[1]

    # -- data checks -------------------------------------------------------------------
    def _inputs(self, X, name="X"):
        X = check.real_array(name, X, ndim=(1, 2))
        X2 = X.reshape(1, -1) if X.ndim == 1 else X
        if X2.shape[1] != self.n_inputs:
            raise check.InputError(
                "err.network.inputs", name=name, self_n_inputs=self.n_inputs, X_shape=X.shape
            )
        return X2

    def _targets(self, Y, m, name="Y"):
        Y = check.real_array(name, Y, ndim=(1, 2))
        l = self.n_outputs
        if Y.ndim == 1:
            # one sample of l outputs, or m samples of a single output
            Y = Y.reshape(1, -1) if (m == 1 and Y.size == l) else Y.reshape(-1, 1)
        if Y.shape != (m, l):
            raise check.InputError("err.network.targets", name=name, m=m, l=l, Y_shape=Y.shape)
        return Y

    def check_data(self, X, Y):
        """Validated float copies of inputs (m, d) and targets (m, l)."""
        X = self._inputs(X)
        return X, self._targets(Y, X.shape[0])

    # -- forward and backward ----------------------------------------------------------
    def forward(self, X):
        """Forward pass for a batch.

        Parameters
        ----------
        X : array_like, shape (m, d) or (d,)

        Returns
        -------
        Trace
            ``trace.layers[k]`` holds inputs, a, z, out of layer k; ``trace.output`` is (m, l).
        """
        X = self._inputs(X)
        return batch_forward(self, X)

    # Private aliases of batch_forward / batch_backward, kept for one release so that
    # branches written against them still work; new code calls the public functions.
    def _forward(self, X):
        return batch_forward(self, X)

    def _backward(self, trace, Y, reduction, loss="half_sse"):
        return batch_backward(self, trace, Y, reduction, loss)

    def backward(self, trace, Y, reduction="mean", loss="half_sse"):
        """Backward pass: ∂E/∂ every parameter for E = loss(output, Y, reduction).

        Parameters
        ----------
        trace : Trace
            From :meth:`forward`.
        Y : array_like, shape (m, l)
        reduction : {"mean", "sum"}
        loss : {"half_sse", "binary_cross_entropy", "cross_entropy"}
            See :mod:`bpcore.losses`. With its paired output activation (sigmoid for binary
            cross-entropy, softmax for cross-entropy) the output delta is ŷ − y.

        Returns
        -------
        Gradients
        """
        check.choice("reduction", reduction, ("mean", "sum"))
        loss = get_loss(loss).name
        Y = self._targets(Y, trace.X.shape[0])
        return batch_backward(self, trace, Y, reduction, loss)

    def gradients(self, X, Y, reduction="mean", loss="half_sse"):
        """Forward then backward: :class:`Gradients` of the loss at (X, Y)."""
        X, Y = self.check_data(X, Y)
        reduction = check.choice("reduction", reduction, ("mean", "sum"))
        return batch_backward(self, batch_forward(self, X), Y, reduction, get_loss(loss).name)

    def predict(self, X):
        """The network's output for X, shape (m, l) (or (l,) for one sample of shape (d,))."""
        out = self.forward(X).output
        return out[0] if np.ndim(X) == 1 else out

    def loss(self, X, Y, reduction="mean", loss="half_sse"):
        """E = loss(predict(X), Y, reduction); half_sse unless `loss` names another."""
        X, Y = self.check_data(X, Y)
        t = batch_forward(self, X).layers[-1]
        return loss_value(get_loss(loss).name, self.layers[-1].activation, t.out, t.z, Y, reduction)

    def trace_loss(self, trace, Y, reduction="mean", loss="half_sse"):
        """E of a forward pass already made (``trace`` from :meth:`forward`), targets Y (m, l)."""
        t = trace.layers[-1]
        return loss_value(loss, self.layers[-1].activation, t.out, t.z, Y, reduction)

    # -- parameters --------------------------------------------------------------------
    def flat(self):
        """All parameters as one vector: per layer, W row-major then the offset."""
        return np.concatenate(
            [np.concatenate([layer.W.ravel(), layer.offset]) for layer in self.layers]
        )

    def with_flat(self, vector):
        """A copy of this network with parameters taken from `vector` (:meth:`flat` order)."""
        vector = check.real_array("vector", vector, shape=(self.spec.n_params,), allow_int=False)
        layers, k = [], 0
        for layer in self.layers:
            n_in, n_out = layer.W.shape
            W = vector[k : k + n_in * n_out].reshape(n_in, n_out)
            k += n_in * n_out
            layers.append(Layer(W, vector[k : k + n_out], layer.activation, layer.offset_kind))
            k += n_out
        return Network(layers)

    def updates(self, X, Y, eta, reduction="mean", train_offsets=True, loss="half_sse"):
        """The Δ's of one gradient-descent step: ΔW = −η ∂E/∂W, Δoffset = −η ∂E/∂offset.

        Returns
        -------
        list of (ndarray, ndarray)
            ``(ΔW, Δoffset)`` per layer, shapes (n_in, n_out) and (n_out,); Δoffset is zero
            when `train_offsets` is False.
        """
        eta = check.positive_number("eta", eta)
        grads = self.gradients(X, Y, reduction, loss)
        return [
            (-eta * g.W, -eta * g.offset if train_offsets else np.zeros_like(g.offset))
            for g in grads.layers
        ]

    def step(self, grads, eta, train_offsets=True):
        """Gradient descent in place: θ ← θ − η ∂E/∂θ for every parameter (textbook eq. 5.6)."""
        for layer, g in zip(self.layers, grads.layers):
            layer.W -= eta * g.W
            if train_offsets:
                layer.offset -= eta * g.offset
        return self

    def copy(self):
        """A deep copy (parameters are copied, never shared)."""
        return Network([layer.copy() for layer in self.layers])

    def __repr__(self):
        s = self.spec
        return f"Network(sizes={s.sizes}, activations={s.activations}, offsets={s.offsets})"


# ---------------------------------------------------------------------------------------
# The textbook's network
# ---------------------------------------------------------------------------------------
@dataclass
class Forward:
    """Forward values of the textbook net (eq. 5.3 and the hidden-layer equations).

    For one sample: alpha (q,), b (q,), beta (l,), y_hat (l,); for a batch: (m, q) and (m, l).
    """

    alpha: np.ndarray
    b: np.ndarray
    beta: np.ndarray
    y_hat: np.ndarray


@dataclass
class TextbookGradients:
    """g (l,), e (q,) and ∂E_k/∂ v (d, q), gamma (q,), w (q, l), theta (l,).

    For a batch, g and e are per sample, (m, l) and (m, q); the parameter gradients are means.
    """

    g: np.ndarray
    e: np.ndarray
    v: np.ndarray
    gamma: np.ndarray
    w: np.ndarray
    theta: np.ndarray


@dataclass
class Updates:
    """The textbook's Δ's (eqs. 5.11–5.14), same shapes as the parameters."""

    v: np.ndarray
    gamma: np.ndarray
    w: np.ndarray
    theta: np.ndarray


@dataclass
class TextbookNet:
    """The d-q-l network of the textbook (Zhou Zhihua, *Machine Learning*, §5.3).

    α_h = Σ_i v_ih x_i,   b_h = f(α_h − γ_h),   β_j = Σ_h w_hj b_h,   ŷ_j = f(β_j − θ_j)  (eq. 5.3)

    with f the sigmoid in both layers and E_k = ½ Σ_j (ŷ_j − y_j)² (eq. 5.4).

    Parameters
    ----------
    v : array_like of float, shape (d, q)
        Input-to-hidden weights, ``v[i, h]``.
    gamma : array_like of float, shape (q,)
        Hidden thresholds γ_h.
    w : array_like of float, shape (q, l)
        Hidden-to-output weights, ``w[h, j]``.
    theta : array_like of float, shape (l,)
        Output thresholds θ_j.

    Examples
    --------
    >>> net = TextbookNet(v=[[1.0, -1.0], [0.5, 0.5]], gamma=[0.0, 0.0],
    ...                   w=[[1.0], [1.0]], theta=[0.5])
    >>> fw = net.forward(np.array([1.0, 0.0]))
    >>> fw.b.round(4), fw.y_hat.round(4)
    (array([0.7311, 0.2689]), array([0.6225]))
    >>> net.updates(np.array([1.0, 0.0]), np.array([1.0]), eta=0.1).theta.round(5)
    array([-0.00887])
    """

    v: np.ndarray
    gamma: np.ndarray
    w: np.ndarray
    theta: np.ndarray
    network: Network = field(init=False, repr=False)

    def __post_init__(self):
        v = check.real_array("v", self.v, ndim=2, allow_int=False)
        q = v.shape[1]
        gamma = check.real_array("gamma", self.gamma, shape=(q,), allow_int=False)
        w = check.real_array("w", self.w, shape=(q, None), allow_int=False)
        theta = check.real_array("theta", self.theta, shape=(w.shape[1],), allow_int=False)
        self.network = Network(
            [Layer(v, gamma, "sigmoid", "threshold"), Layer(w, theta, "sigmoid", "threshold")]
        )
        # v, gamma, w, theta are the network's own arrays: one set of numbers, two views.
        self.v, self.gamma = self.network.layers[0].W, self.network.layers[0].offset
        self.w, self.theta = self.network.layers[1].W, self.network.layers[1].offset

    @classmethod
    def from_network(cls, network):
        """The textbook view of a 2-layer sigmoid network with thresholds."""
        s = network.spec
        if (
            len(network.layers) != 2
            or s.activations != ("sigmoid", "sigmoid")
            or s.offsets
            != (
                "threshold",
                "threshold",
            )
        ):
            raise check.InputError("err.network.from_network", network=network)
        (l1, l2) = network.layers
        return cls(l1.W, l1.offset, l2.W, l2.offset)

    @property
    def d(self):
        return self.v.shape[0]

    @property
    def q(self):
        return self.v.shape[1]

    @property
    def l(self):
        return self.w.shape[1]

    def _batch(self, x, y=None):
        single = np.ndim(x) == 1
        X = self.network._inputs(x, "x")
        Y = None if y is None else self.network._targets(y, X.shape[0], "y")
        return single, X, Y

    def forward(self, x):
        """α, b, β, ŷ for one sample x (d,) or a batch X (m, d) (eq. 5.3).

        Returns
        -------
        Forward
        """
        single, X, _ = self._batch(x)
        fw = self._forward(X)
        return Forward(*(a[0] for a in vars(fw).values())) if single else fw

    def _forward(self, X):
        from .activations import sigmoid as f

        alpha = X @ self.v  # α_h = Σ_i v_ih x_i
        b = f(alpha - self.gamma)  # b_h = f(α_h − γ_h)
        beta = b @ self.w  # β_j = Σ_h w_hj b_h
        y_hat = f(beta - self.theta)  # ŷ_j = f(β_j − θ_j)
        return Forward(alpha, b, beta, y_hat)

    def gradients(self, x, y, loss="half_sse"):
        """g, e and ∂E_k/∂(v, γ, w, θ) for one sample, or their means over a batch.

        g_j = ŷ_j (1 − ŷ_j)(y_j − ŷ_j)                       (eq. 5.10)
        g_j = y_j − ŷ_j            with ``loss="binary_cross_entropy"`` (the σ′ factor
                                   ŷ_j (1 − ŷ_j) cancels; bpcore.symbolic.crossentropy)
        e_h = b_h (1 − b_h) Σ_j w_hj g_j                      (eq. 5.15)
        ∂E_k/∂w_hj = −g_j b_h,   ∂E_k/∂θ_j = g_j,
        ∂E_k/∂v_ih = −e_h x_i,   ∂E_k/∂γ_h = e_h           (eqs. 5.7–5.15)

        Parameters
        ----------
        x : array_like, shape (d,) or (m, d)
        y : array_like, shape (l,) or (m, l)
        loss : {"half_sse", "binary_cross_entropy"}
            E_k = ½ Σ_j (ŷ_j − y_j)² (eq. 5.4), or −Σ_j [y_j ln ŷ_j + (1 − y_j) ln(1 − ŷ_j)].

        Returns
        -------
        TextbookGradients
        """
        loss = check.choice("loss", loss, ("half_sse", "binary_cross_entropy"))
        single, X, Y = self._batch(x, y)
        fw = self._forward(X)
        if loss == "half_sse":
            g = fw.y_hat * (1 - fw.y_hat) * (Y - fw.y_hat)
        else:
            g = Y - fw.y_hat
        e = fw.b * (1 - fw.b) * (g @ self.w.T)
        m = X.shape[0]
        grads = TextbookGradients(
            g=g[0] if single else g,
            e=e[0] if single else e,
            v=-(X.T @ e) / m,
            gamma=e.mean(axis=0),
            w=-(fw.b.T @ g) / m,
            theta=g.mean(axis=0),
        )
        return grads

    def updates(self, x, y, eta, loss="half_sse"):
        """The textbook's Δ's for one sample (standard BP) or averaged over a batch.

        Δw_hj = η g_j b_h (5.11),  Δθ_j = −η g_j (5.12),  Δv_ih = η e_h x_i (5.13),
        Δγ_h = −η e_h (5.14); each equals −η ∂E_k/∂(parameter).

        Returns
        -------
        Updates
        """
        eta = check.positive_number("eta", eta)
        gr = self.gradients(x, y, loss)
        return Updates(v=-eta * gr.v, gamma=-eta * gr.gamma, w=-eta * gr.w, theta=-eta * gr.theta)

    def updated(self, x, y, eta, loss="half_sse"):
        """A new TextbookNet with the Δ's of :meth:`updates` added (v ← v + Δv, …, eq. 5.5)."""
        u = self.updates(x, y, eta, loss)
        return TextbookNet(self.v + u.v, self.gamma + u.gamma, self.w + u.w, self.theta + u.theta)

    @property
    def n_params(self):
        """(d + l + 1)·q + l numbers to learn."""
        return (self.d + self.l + 1) * self.q + self.l
