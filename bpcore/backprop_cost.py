"""What a gradient costs: backpropagation against central differences, and the memory it keeps.

For a network with n parameters and a batch of m samples:

* **central differences** evaluate the loss twice per parameter: exactly 2n forward passes;
* **backpropagation** runs one forward pass and one backward pass. The backward pass does two
  matrix products per layer (∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ and δ⁽ˡ⁻¹⁾ from δ⁽ˡ⁾W⁽ˡ⁾ᵀ; the second is
  not needed below layer 1) where the forward pass does one, so it costs at most two forward
  passes, and the whole gradient at most three, whatever n is.

The counts here are exact (:class:`bpcore.matrix_form.Tally`); the timings
(:func:`time_gradients`) are measured and vary from run to run. Backpropagation buys its
speed with memory: the forward pass keeps every layer's output a⁽ˡ⁾, m·n_l numbers per layer
(:func:`activation_bytes`).

Examples
--------
>>> c = count_costs((2, 3, 1), m=4)
>>> c.n_params, c.central.forward_passes, c.backprop.forward_passes
(13, 26, 1)
>>> round(c.backprop_in_forward_passes, 4)
2.3333
"""

import time
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from . import matrix_form
from .i18n import DEFAULT_LANG, t


def _problem(sizes, m, rng):
    """A random network of `sizes` and a random batch of m samples (seeded)."""
    from .network import Network

    gen = np.random.default_rng(rng)
    net = Network.from_sizes(sizes, rng=gen)
    X = gen.normal(size=(m, net.n_inputs))
    Y = gen.uniform(size=(m, net.n_outputs))
    return net, X, Y


def _loss(net, X, Y, tally=None):
    """E = (1/m) Σ_k ½‖ŷ_k − y_k‖² from :func:`matrix_form.forward` (counted in `tally`)."""
    d = matrix_form.forward(net, X, tally).output - Y
    return 0.5 * float(np.vdot(d, d)) / X.shape[0]


def central_differences(net, X, Y, eps=1e-4, tally=None):
    """∂E/∂ every parameter by central differences, each loss one forward pass.

    Each parameter θ is moved in place to θ + ε and θ − ε, the loss evaluated by
    :func:`matrix_form.forward`, and θ put back: 2n forward passes and nothing else (unlike
    :func:`bpcore.numeric_gradient` on ``net.with_flat``, which also rebuilds the network for
    every evaluation). The network is left as it was.

    Returns
    -------
    ndarray, shape (n_params,)
        In :meth:`bpcore.Network.flat` order.
    """
    network = getattr(net, "network", net)
    grads = []
    for layer in network.layers:
        for array in (layer.W, layer.offset):
            flat = array.reshape(-1)  # a view: moving flat[k] moves the layer's number
            for k in range(flat.size):
                old = flat[k]
                flat[k] = old + eps
                up = _loss(network, X, Y, tally)
                flat[k] = old - eps
                down = _loss(network, X, Y, tally)
                flat[k] = old
                grads.append((up - down) / (2 * eps))
    return np.array(grads)


@dataclass
class GradientCost:
    """Exact counts for one network and batch: see :func:`count_costs`.

    Attributes
    ----------
    sizes : tuple of int
    m : int
    n_params : int
    forward : Tally
        One forward pass.
    backprop : Tally
        Forward plus backward pass.
    central : Tally
        All the forward passes of central differences.
    max_difference : float
        Largest |backprop − central difference| over the parameters (ε = 1e-4).
    """

    sizes: tuple
    m: int
    n_params: int
    forward: matrix_form.Tally
    backprop: matrix_form.Tally
    central: matrix_form.Tally
    max_difference: float

    @property
    def backprop_in_forward_passes(self):
        """Backprop's multiply-adds divided by one forward pass's: between 2 and 3."""
        return self.backprop.multiply_adds / self.forward.multiply_adds

    @property
    def central_in_forward_passes(self):
        """Central differences' multiply-adds divided by one forward pass's: exactly 2n."""
        return self.central.multiply_adds / self.forward.multiply_adds

    @property
    def speedup(self):
        """How many times fewer multiply-adds backpropagation spends than central differences."""
        return self.central.multiply_adds / self.backprop.multiply_adds


def count_costs(sizes, m=32, rng=0, eps=1e-4):
    """Count the work of one gradient by backpropagation and by central differences.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first, e.g. ``(4, 16, 16, 1)``.
    m : int
        Batch size.
    rng : int or numpy.random.Generator
        Seed for the random network and batch.
    eps : float
        Step of the central differences.

    Returns
    -------
    GradientCost

    Examples
    --------
    >>> c = count_costs((4, 8, 1), m=10)
    >>> c.central.forward_passes == 2 * c.n_params
    True
    >>> c.max_difference < 1e-8
    True
    """
    m = check.count("m", m)
    net, X, Y = _problem(sizes, m, rng)
    one = matrix_form.Tally()
    matrix_form.forward(net, X, one)
    bp = matrix_form.Tally()
    analytic = matrix_form.gradient(net, X, Y, bp)
    cd = matrix_form.Tally()
    numeric = central_differences(net, X, Y, eps, cd)
    return GradientCost(
        tuple(net.spec.sizes),
        m,
        net.spec.n_params,
        one,
        bp,
        cd,
        float(np.max(np.abs(analytic - numeric))),
    )


@dataclass
class GradientTimes:
    """Measured seconds (best of `repeats`): one forward pass, backprop, central differences."""

    sizes: tuple
    n_params: int
    forward: float
    backprop: float
    central: float


def _best(fn, repeats):
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def time_gradients(sizes, m=32, rng=0, repeats=3):
    """Time one forward pass, one backprop gradient and one central-difference gradient.

    Wall-clock times with :func:`time.perf_counter`, the best of `repeats`: they change from
    run to run and machine to machine (the counts of :func:`count_costs` do not).

    Returns
    -------
    GradientTimes

    Examples
    --------
    >>> tm = time_gradients((2, 3, 1), m=4, repeats=1)
    >>> tm.n_params, tm.central > 0
    (13, True)
    """
    repeats = check.count("repeats", repeats)
    net, X, Y = _problem(sizes, check.count("m", m), rng)
    return GradientTimes(
        tuple(net.spec.sizes),
        net.spec.n_params,
        _best(lambda: matrix_form.forward(net, X), repeats),
        _best(lambda: matrix_form.gradient(net, X, Y), repeats),
        _best(lambda: central_differences(net, X, Y), repeats),
    )


def activation_bytes(sizes, m, itemsize=8):
    """Bytes of the activations a forward pass keeps for backpropagation, per layer.

    Layer l keeps its output a⁽ˡ⁾, m·n_l numbers (a⁽⁰⁾ = X, the batch itself); f′ is
    computed from a⁽ˡ⁾, so z⁽ˡ⁾ need not be kept.

    Parameters
    ----------
    sizes : sequence of int
        (n_0, …, n_L).
    m : int
        Batch size.
    itemsize : int
        Bytes per number: 8 for float64 (NumPy's default), 4 for float32.

    Returns
    -------
    list of int
        ``m · n_l · itemsize`` for l = 0 … L.

    Examples
    --------
    >>> activation_bytes((784, 256, 256, 10), m=64)
    [401408, 131072, 131072, 5120]
    """
    sizes = [check.count(f"sizes[{k}]", s) for k, s in enumerate(sizes)]
    m = check.count("m", m)
    itemsize = check.count("itemsize", itemsize)
    return [m * n * itemsize for n in sizes]


def cost_figure(times, *, lang=DEFAULT_LANG):
    """Seconds per gradient against the number of parameters, log-log.

    Parameters
    ----------
    times : sequence of GradientTimes
        From :func:`time_gradients`, one per network size.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        Lines: one forward pass, backpropagation, central differences, and 2n forward passes
        (one forward pass's time times 2n) as the reference central differences follow.

    Examples
    --------
    >>> tm = [GradientTimes((2, 3, 1), 13, 1e-5, 3e-5, 3e-4),
    ...       GradientTimes((2, 9, 1), 37, 2e-5, 5e-5, 1e-3)]
    >>> [line.get_label() for line in cost_figure(tm, lang="en").axes[0].lines][:2]
    ['one forward pass', 'backpropagation (forward + backward)']
    """
    from . import plots

    n = np.array([tm.n_params for tm in times], dtype=float)
    fig = plots.new_figure((6.0, 3.6))
    ax = fig.add_axes((0.13, 0.15, 0.83, 0.72))
    series = (
        ("plot.cost.forward", [tm.forward for tm in times], "o-", plots.RUN_COLOURS[2]),
        ("plot.cost.backprop", [tm.backprop for tm in times], "s-", plots.NEGATIVE),
        ("plot.cost.central", [tm.central for tm in times], "^-", plots.POSITIVE),
        ("plot.cost.reference", [2 * k * tm.forward for k, tm in zip(n, times)], ":", "#555555"),
    )
    for key, seconds, style, colour in series:
        ax.loglog(n, seconds, style, ms=4, color=colour, label=t(key, lang))
    plots.style_axes(ax)
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_title(t("plot.cost.title", lang), fontproperties=plots.font(11, "bold"))
    ax.set_xlabel(t("plot.cost.xlabel", lang), fontproperties=plots.font(9))
    ax.set_ylabel(t("plot.cost.ylabel", lang), fontproperties=plots.font(9))
    ax.legend(prop=plots.font(7.5), loc="upper left", framealpha=0.9)
    return fig


def count_figure(counts, *, lang=DEFAULT_LANG):
    """Counted work per gradient against the number of parameters, in forward passes, log-log.

    The y value is a method's multiply-adds divided by those of one forward pass of the same
    network and batch: exactly 2n for central differences, between 2 and 3 for
    backpropagation. Counted, not timed, so the figure is the same on every machine.

    Parameters
    ----------
    counts : sequence of GradientCost
        From :func:`count_costs`, one per network size.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = count_figure([count_costs((2, h, 1), m=4) for h in (2, 4)], lang="en")
    >>> [line.get_label() for line in fig.axes[0].lines]
    ['one forward pass', 'backpropagation (forward + backward)', 'central differences']
    >>> [float(y) for y in fig.axes[0].lines[2].get_ydata()]
    [18.0, 34.0]
    """
    from . import plots

    n = np.array([c.n_params for c in counts], dtype=float)
    fig = plots.new_figure((6.0, 3.6))
    ax = fig.add_axes((0.13, 0.15, 0.83, 0.72))
    series = (
        ("plot.cost.forward", np.ones_like(n), "o-", plots.RUN_COLOURS[2]),
        (
            "plot.cost.backprop",
            [c.backprop_in_forward_passes for c in counts],
            "s-",
            plots.NEGATIVE,
        ),
        ("plot.cost.central", [c.central_in_forward_passes for c in counts], "^-", plots.POSITIVE),
    )
    for key, passes, style, colour in series:
        ax.loglog(n, passes, style, ms=4, color=colour, label=t(key, lang))
    plots.style_axes(ax)
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_title(t("plot.count.title", lang), fontproperties=plots.font(11, "bold"))
    ax.set_xlabel(t("plot.cost.xlabel", lang), fontproperties=plots.font(9))
    ax.set_ylabel(t("plot.count.ylabel", lang), fontproperties=plots.font(9))
    ax.legend(prop=plots.font(7.5), loc="upper left", framealpha=0.9)
    return fig
