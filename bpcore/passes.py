"""The engine's batch passes: forward and backward through a network's layers, unchecked.

:func:`batch_forward` records what every layer computed (:class:`Trace`, one
:class:`LayerTrace` per layer); :func:`batch_backward` turns a trace and targets into
:class:`Gradients` (one :class:`LayerGradient` per layer). They take a :class:`bpcore.Network`
(anything with ``layers`` whose items have ``forward``, ``backward`` and
``backward_from_delta``) and data already checked once: :meth:`Network.forward` and
:meth:`Network.backward` are these after their argument checks, and :func:`bpcore.train`,
the playground and the benchmarks call them directly so that no epoch pays for the checks
again. Every name here is also importable from :mod:`bpcore.network`.
"""

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .losses import loss_value, output_delta


@dataclass
class LayerTrace:
    """What one layer computed for a batch: inputs (m, n_in), a, z and out (m, n_out)."""

    inputs: np.ndarray
    a: np.ndarray
    z: np.ndarray
    out: np.ndarray


@dataclass
class LayerGradient:
    """∂E/∂ of one layer: ``delta`` = ∂E/∂z (m, n_out), ``W`` (n_in, n_out), ``offset`` (n_out,)."""

    delta: np.ndarray
    W: np.ndarray
    offset: np.ndarray


@dataclass
class Trace:
    """A forward pass: the input batch and one :class:`LayerTrace` per layer."""

    X: np.ndarray
    layers: list

    @property
    def output(self):
        """The network's output, shape (m, n_out)."""
        return self.layers[-1].out


@dataclass
class Gradients:
    """A backward pass: one :class:`LayerGradient` per layer and the loss it differentiates."""

    layers: list
    loss: float
    reduction: str = "mean"

    def flat(self):
        """All parameter gradients in :meth:`Network.flat` order."""
        return np.concatenate([np.concatenate([g.W.ravel(), g.offset]) for g in self.layers])


def batch_forward(net, X):
    """Forward pass of a batch with no argument checks: the engine's inner loop.

    Layer by layer, a = inputs·W, z = a ± offset, out = f(z) (for the textbook's net:
    α_h, b_h = f(α_h − γ_h), β_j, ŷ_j = f(β_j − θ_j), eq. 5.3). :meth:`Network.forward` is
    this after checking `X`; :func:`bpcore.train`, the playground and the benchmarks call it
    directly, on data already checked once, so that no epoch pays for the checks again.

    Parameters
    ----------
    net : Network
    X : ndarray of float, shape (m, d)
        Already validated: a 2-D float array with d = ``net.n_inputs`` columns. Anything
        else gives NumPy's error (or a wrong result), not bpcore's bilingual one.

    Returns
    -------
    Trace
        ``trace.layers[k]`` holds inputs (m, n_in), a, z, out (m, n_out) of layer k;
        ``trace.output`` is (m, l).

    Examples
    --------
    >>> from bpcore import Layer, Network
    >>> net = Network([Layer([[1.0], [1.0]], [0.5], "identity", "threshold")])
    >>> batch_forward(net, np.array([[1.0, 2.0], [0.0, 0.0]])).output
    array([[ 2.5],
           [-0.5]])
    """
    traces, h = [], X
    for layer in net.layers:
        t = layer.forward(h)
        traces.append(t)
        h = t.out
    return Trace(X, traces)


def batch_backward(net, trace, Y, reduction="mean", loss="half_sse", *, value=None):
    """Backward pass of a batch with no argument checks: ∂E/∂ every parameter.

    From the output layer's δ = ∂E/∂z (for half_sse and a sigmoid output δ_j = (ŷ_j − y_j)
    ŷ_j(1 − ŷ_j), i.e. −g_j of eq. 5.10; ŷ − y for a loss with its paired activation) back
    through every layer: δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾) (for the hidden layer of the
    textbook's net −e_h, eq. 5.15), ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾ and ∂E/∂offset = ±Σ_samples δ⁽ˡ⁾
    (divided by m for ``"mean"``, which the output δ already carries).
    :meth:`Network.backward` is this after checking its arguments.

    Parameters
    ----------
    net : Network
    trace : Trace
        From :func:`batch_forward` (or :meth:`Network.forward`) with the same parameters.
    Y : ndarray of float, shape (m, l)
        Already validated targets, m the batch of `trace`.
    reduction : {"mean", "sum"}
        Not checked.
    loss : {"half_sse", "binary_cross_entropy", "cross_entropy"}
        A canonical name (see :mod:`bpcore.losses`); not checked.
    value : float, optional
        E at `trace` when the caller has it already (:func:`bpcore.train` on a full batch:
        the epoch's loss, measured on this same forward pass); None computes it.

    Returns
    -------
    Gradients
        One :class:`LayerGradient` per layer: ``W`` (n_in, n_out), ``offset`` (n_out,),
        ``delta`` (m, n_out); ``loss`` is E at `trace`, before any update.

    Examples
    --------
    >>> from bpcore import Layer, Network
    >>> net = Network([Layer([[1.0]], [0.0], "identity")])
    >>> X, Y = np.array([[1.0], [2.0]]), np.array([[0.0], [0.0]])
    >>> g = batch_backward(net, batch_forward(net, X), Y)  # E = ¼ Σ_k (w x_k)²
    >>> g.loss, g.layers[0].W, g.layers[0].offset  # ∂E/∂w = ½ Σ_k x_k², ∂E/∂b = ½ Σ_k x_k
    (1.25, array([[2.5]]), array([1.5]))
    """
    last, t_last = net.layers[-1], trace.layers[-1]
    act = ACTIVATIONS[last.activation]
    delta = output_delta(loss, act, t_last.out, t_last.z, Y, reduction)
    first = net.layers[0]
    g, d_out = last.backward_from_delta(t_last, delta, input_grad=last is not first)
    grads = [g]
    for layer, t in zip(reversed(net.layers[:-1]), reversed(trace.layers[:-1])):
        g, d_out = layer.backward(t, d_out, input_grad=layer is not first)
        grads.append(g)
    if value is None:
        value = loss_value(loss, last.activation, t_last.out, t_last.z, Y, reduction)
    return Gradients(grads[::-1], value, reduction)
