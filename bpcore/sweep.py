"""The learning-rate sweep: R learning rates trained at once, vectorised over a "run" axis.

Every parameter array carries a leading run axis r (R runs, one learning rate η_r each):
v[r, i, h], gamma[r, h], w[r, h, j], theta[r, j] in the textbook's 2-layer notation, and
W[r, n_in, n_out], offset[r, n_out] for any depth. One epoch is the accumulated
(full-batch) step of :func:`bpcore.train` done for all runs by batched matrix products
(``np.matmul`` over the leading axis), so run r equals
``train(net, X, Y, eta=etas[r], epochs=E, mode="accumulated")`` to rounding.

Classification of a run (``status``), from its data-set losses L_0 … L_E:

* ``"diverged"`` — some L_k is not finite, or some L_k > ``bound`` · max(L_0, 1e-300)
  (default bound 10: the loss grew tenfold over its start);
* ``"oscillating"`` — not diverged, and over the last ``tail`` epochs (default a quarter
  of the run, at least 3) either the successive loss differences d_k = L_k − L_{k−1}
  with |d_k| > ``atol`` change sign in more than a fraction ``flip_fraction``
  (default 0.25) of consecutive pairs, or the steps reverse: the gradients of successive
  epochs have a negative inner product g_k·g_{k−1} < 0 in more than that fraction of the
  tail's epochs (the parameters jump back and forth across a valley even while the loss
  falls — the quadratic E = ½E″w² does exactly this for 1/E″ < η < 2/E″);
* ``"converged"`` — neither: the tail is (nearly) monotone. A run whose loss and gradients
  reached exactly 0 (underflow) before the tail counts as converged, whatever it did
  before. "Converged" says the loss settled, not that it reached zero: look at
  ``final_loss`` too.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate as check
from .activations import ACTIVATIONS

STATUSES = ("converged", "oscillating", "diverged")


def _sigmoid(z):
    """1 / (1 + e^(−z)) in place on a fresh array: overflow of e^(−z) gives 1/inf = 0,
    the right limit (warnings are silenced by the caller); equal to bpcore's sigmoid
    to rounding."""
    out = np.negative(z)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


class _Fast:
    f = staticmethod(_sigmoid)
    grad = staticmethod(ACTIVATIONS["sigmoid"].grad)


_FAST = {"sigmoid": _Fast}


@dataclass
class SweepResult:
    """What a sweep did.

    Attributes
    ----------
    etas : ndarray, shape (R,)
    loss : ndarray, shape (R, epochs + 1)
        Data-set loss of every run before training and after each epoch.
    Ws, offsets : list of ndarray, shapes (R, n_in, n_out) and (R, n_out)
        The parameters after the last epoch (NaN/inf where a run diverged).
    status : ndarray of str, shape (R,)
        ``"converged"``, ``"oscillating"`` or ``"diverged"`` (see the module docstring).
    """

    etas: np.ndarray
    loss: np.ndarray
    Ws: list
    offsets: list
    status: np.ndarray

    @property
    def final_loss(self):
        """ndarray, shape (R,): the loss after the last epoch."""
        return self.loss[:, -1]


def classify(loss, reversals=None, *, bound=10.0, tail=None, atol=1e-12, flip_fraction=0.25):
    """Label each loss curve converged / oscillating / diverged (criteria: module docstring).

    Parameters
    ----------
    loss : array_like, shape (R, E + 1)
    reversals : array_like, shape (R,), optional
        Fraction of the tail's epochs whose gradient points against the previous one
        (``sweep`` measures it); None: judge by the loss alone.

    Returns
    -------
    ndarray of str, shape (R,)

    Examples
    --------
    >>> classify([[1.0, 0.5, 0.25, 0.125], [1.0, 0.5, 0.6, 0.4], [1.0, 5.0, 50.0, 500.0]])
    array(['converged', 'oscillating', 'diverged'], dtype='<U11')
    """
    L = np.atleast_2d(np.asarray(loss, dtype=float))
    E = L.shape[1] - 1
    tail = max(E // 4, 3) if tail is None else int(tail)
    start = np.maximum(L[:, :1], 1e-300)
    with np.errstate(invalid="ignore", over="ignore"):
        diverged = ~np.isfinite(L).all(axis=1) | (L > bound * start).any(axis=1)
        d = np.diff(L[:, -(tail + 1) :], axis=1)
        s = np.where(np.abs(d) > atol, np.sign(d), 0.0)
        flips = (s[:, 1:] * s[:, :-1] < 0).sum(axis=1)
        pairs = max(s.shape[1] - 1, 1)
    oscillating = flips > flip_fraction * pairs
    if reversals is not None:
        oscillating |= np.asarray(reversals, dtype=float) > flip_fraction
    oscillating &= ~diverged
    return np.where(diverged, "diverged", np.where(oscillating, "oscillating", "converged"))


def sweep(net, X, Y, etas, *, epochs, train_offsets=True, reduction="mean", **criteria):
    """Train one copy of `net` per learning rate in `etas`, all at once (accumulated BP).

    Each epoch, for every run r: θ_r ← θ_r − η_r ∂E/∂θ_r (textbook eq. 5.6), the gradient
    from the backward recursion δ = ∂E/∂out ⊙ f′, ∂E/∂W = inputsᵀδ (eqs. 5.10–5.14),
    batched over r.

    Parameters
    ----------
    net : Network or TextbookNet
        The common starting point (not modified).
    X : array_like, shape (N, d)
    Y : array_like, shape (N, l)
    etas : array_like of float > 0, shape (R,)
    epochs : int >= 1
    train_offsets : bool
    reduction : {"mean", "sum"}
    **criteria
        ``bound``, ``tail``, ``atol``, ``flip_fraction`` for :func:`classify`.

    Returns
    -------
    SweepResult

    Examples
    --------
    >>> from bpcore import Network
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    >>> s = sweep(Network.from_sizes((2, 3, 1), rng=1), X, Y, [0.5, 2.0], epochs=500)
    >>> s.loss.shape, bool(s.final_loss[1] < s.final_loss[0])
    ((2, 501), True)
    """
    network = getattr(net, "network", net)
    X, Y = network.check_data(X, Y)
    etas = check.real_array("etas", etas, ndim=1)
    if etas.size == 0 or not (np.isfinite(etas).all() and (etas > 0).all()):
        raise check.InputError("err.sweep.sweep", etas=etas)
    epochs = check.count("epochs", epochs)
    reduction = check.choice("reduction", reduction, ("mean", "sum"))
    R, n = etas.size, X.shape[0]
    layers = network.layers
    Ws = [np.repeat(layer.W[None], R, axis=0) for layer in layers]
    # The first layer's weights are kept (d, R, q) during training: X @ V0.reshape(d, R·q) is
    # then one matrix product without a copy, and so is its gradient Xᵀ δ.
    V0 = np.ascontiguousarray(Ws[0].transpose(1, 0, 2))
    d = V0.shape[0]
    # The mean's 1/N is folded into the step: η ∂E/∂θ = (η/N) ∂(Σ_k E_k)/∂θ.
    step = etas * (1.0 / n if reduction == "mean" else 1.0)
    eta_mid = step[None, :, None]
    offsets = [np.repeat(layer.offset[None], R, axis=0) for layer in layers]
    fs = [_FAST.get(layer.activation, ACTIVATIONS[layer.activation]) for layer in layers]
    signs = [layer.sign for layer in layers]
    eta3 = step[:, None, None]
    signed_eta = [sign * step[:, None] for sign in signs]  # ±η: ∂E/∂offset = ±Σ_k δ
    scale = 1.0 / n if reduction == "mean" else 1.0
    loss = np.empty((R, epochs + 1))
    tail = criteria.get("tail")
    tail = max(epochs // 4, 3) if tail is None else int(tail)
    reversed_steps = np.zeros(R)
    previous = None

    # Activations are stored (N, R, n): samples first, so the first layer's products over all
    # runs are single matrix products of X with the runs side by side, and sums over the
    # samples (the offsets' gradients) run along the leading, contiguous axis.
    def affine(i, h):
        if i == 0:  # X (N, d) @ [W_0 | W_1 | …] (d, R·n_out)
            a = (X @ V0.reshape(d, -1)).reshape(n, R, -1)
        else:  # per run: h_r (N, n_in) @ W_r (n_in, n_out)
            a = np.matmul(h.transpose(1, 0, 2), Ws[i]).transpose(1, 0, 2)
        if signs[i] > 0:
            a += offsets[i]  # a bias: z = a + b
        else:
            a -= offsets[i]  # a threshold: z = a − θ
        return a

    def forward():
        outs, h = [], X
        for i, f in enumerate(fs):
            h = f.f(affine(i, h))
            outs.append(h)
        return outs

    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        outs = forward()
        for k in range(epochs + 1):
            diff = outs[-1] - Y[:, None, :]  # (N, R, l)
            sq = diff * diff
            per_run = np.add.reduce(sq, axis=0)  # (R, l)
            per_run = per_run[:, 0] if per_run.shape[1] == 1 else np.add.reduce(per_run, axis=1)
            np.multiply(per_run, 0.5 * scale, out=loss[:, k])
            if k == epochs:
                break
            d_out = diff  # ∂(Σ_k E_k)/∂ŷ; the 1/N of the mean is in `step`
            watch = k >= epochs - tail  # the tail: count gradient reversals
            grads = []
            for i in range(len(Ws) - 1, -1, -1):
                delta = d_out * fs[i].grad(outs[i])  # δ = ∂E/∂out ⊙ f′, (N, R, n_out)
                if i:
                    inputs = outs[i - 1].transpose(1, 2, 0)  # (R, n_in, N)
                    d_out = np.matmul(delta.transpose(1, 0, 2), Ws[i].transpose(0, 2, 1))
                    d_out = d_out.transpose(1, 0, 2)
                    gW = np.matmul(inputs, delta.transpose(1, 0, 2))
                else:  # Xᵀ δ for all runs in one product
                    gW = (X.T @ delta.reshape(n, -1)).reshape(d, R, -1)  # (d, R, q)
                    V0 -= eta_mid * gW
                if i:
                    Ws[i] -= eta3 * gW
                if train_offsets:
                    g_offset = np.add.reduce(delta, axis=0)
                    offsets[i] -= signed_eta[i] * g_offset
                if watch:
                    grads.append(gW if i else gW.transpose(1, 0, 2))  # (R, n_in, n_out)
                    if train_offsets:
                        grads.append(g_offset)
            if watch:
                if previous is not None:
                    dots = np.zeros(R)
                    for g, p in zip(grads, previous):
                        dots += (g * p).reshape(R, -1).sum(axis=1)
                    reversed_steps += dots < 0
                previous = grads
            outs = forward()
    Ws[0] = V0.transpose(1, 0, 2).copy()
    reversals = reversed_steps / max(tail - 1, 1)
    return SweepResult(etas, loss, Ws, offsets, classify(loss, reversals, **criteria))


@dataclass
class Edge:
    """Where training stops working along η: ``below`` worked, ``above`` (> below) did not.

    Attributes
    ----------
    below, above : float
        The largest learning rate known to work and the smallest above it known to fail.
    result : SweepResult
        The last (finest) sweep that placed them.
    """

    below: float
    above: float
    result: SweepResult

    @property
    def eta(self):
        """float: the middle of the bracket (geometric mean), the edge's estimate."""
        return float(np.sqrt(self.below * self.above))


def works(result, criterion="stable"):
    """Which runs of a sweep worked, by `criterion`.

    Parameters
    ----------
    result : SweepResult
    criterion : {"stable", "converged"} or float
        ``"stable"``: not diverged; ``"converged"``: status ``"converged"`` (neither diverged
        nor oscillating); a number L: the final loss is at most L (the net learned the data).

    Returns
    -------
    ndarray of bool, shape (R,)

    Examples
    --------
    >>> r = SweepResult(np.array([1.0, 2.0]), np.array([[1.0, 0.5], [1.0, 0.01]]), [], [],
    ...                 np.array(["converged", "oscillating"]))
    >>> works(r, "converged").tolist(), works(r, 0.1).tolist()
    ([True, False], [False, True])
    """
    if isinstance(criterion, str):
        criterion = check.choice("criterion", criterion, ("stable", "converged"))
        if criterion == "stable":
            return result.status != "diverged"
        return result.status == "converged"
    target = check.positive_number("criterion", criterion)
    with np.errstate(invalid="ignore"):
        return np.isfinite(result.final_loss) & (result.final_loss <= target)


def edge(etas, ok):
    """The first place, going up in η, where training stops working.

    Parameters
    ----------
    etas : array_like of float, shape (R,), increasing
    ok : array_like of bool, shape (R,)
        Whether the run with ``etas[r]`` worked (see :func:`works`).

    Returns
    -------
    (float, float) or None
        ``(etas[r], etas[r + 1])`` for the first r at or after the first working run with
        ``ok[r]`` true and ``ok[r + 1]`` false; None if no run works or none fails above.
        Runs below the first working one (too slow for the epochs given) do not count.

    Examples
    --------
    >>> edge([0.1, 0.5, 1.0, 2.0, 4.0], [False, True, True, False, True])
    (1.0, 2.0)
    >>> edge([0.1, 0.5], [True, True]) is None
    True
    """
    etas = np.asarray(etas, dtype=float)
    ok = np.asarray(ok, dtype=bool)
    if etas.shape != ok.shape or etas.ndim != 1:
        raise check.InputError("err.sweep.edge", etas_shape=etas.shape, ok_shape=ok.shape)
    if np.any(np.diff(etas) <= 0):
        raise check.InputError("err.sweep.edge.etas")
    good = np.flatnonzero(ok)
    if good.size == 0:
        return None
    fail = np.flatnonzero(~ok[good[0] :])
    if fail.size == 0:
        return None
    r = good[0] + fail[0] - 1
    return float(etas[r]), float(etas[r + 1])


def find_edge(net, X, Y, lo, hi, *, epochs, criterion="stable", runs=32, rounds=3, **kwargs):
    """Measure the learning rate where training stops working, by sweeps that zoom in.

    A sweep of `runs` learning rates spaced geometrically over [lo, hi] finds the first
    failure (:func:`edge`); the next sweep spaces `runs` rates between its two neighbours,
    and so on for `rounds` sweeps. The bracket then spans a factor
    (hi/lo)^(1/(runs − 1)^rounds). A failure narrower than one grid step can be missed, so
    where working and failing rates interleave (XOR at large η), this is the first failure
    *on these grids*.

    Parameters
    ----------
    net, X, Y
        As for :func:`sweep`.
    lo, hi : float, 0 < lo < hi
    epochs : int
    criterion : {"stable", "converged"} or float
        What "works" means (:func:`works`).
    runs : int >= 3
    rounds : int >= 1
    **kwargs
        Passed to :func:`sweep` (``train_offsets``, ``reduction``, classification criteria).

    Returns
    -------
    Edge

    Raises
    ------
    InputError
        If the first sweep has no edge: every rate works, or none does.

    Examples
    --------
    >>> from bpcore import Layer, Network
    >>> unit = Network([Layer([[1.0]], [0.0], activation="identity")])  # E = ½ w², E″ = 1
    >>> e = find_edge(unit, [[1.0]], [[0.0]], 0.5, 4.0, epochs=2000, train_offsets=False)
    >>> round(e.eta, 3)
    2.001
    """
    lo = check.positive_number("lo", lo)
    hi = check.positive_number("hi", hi)
    if not lo < hi:
        raise check.InputError("err.sweep.find_edge", lo=lo, hi=hi)
    runs = check.count("runs", runs, minimum=3)
    rounds = check.count("rounds", rounds)
    bracket = None
    for _ in range(rounds):
        a, b = (lo, hi) if bracket is None else bracket
        etas = np.geomspace(a, b, runs)
        result = sweep(net, X, Y, etas, epochs=epochs, **kwargs)
        ok = works(result, criterion)
        if bracket is not None:  # the ends are known: a worked, b failed
            ok[0], ok[-1] = True, False
        found = edge(etas, ok)
        if found is None:
            which = "every" if ok.all() else "none"
            raise check.InputError(
                f"err.sweep.find_edge.{which}", lo=lo, hi=hi, criterion=criterion, epochs=epochs
            )
        bracket = found
    return Edge(bracket[0], bracket[1], result)


def sharpness(net, X, Y, *, reduction="mean", eps=1e-4):
    """The largest eigenvalue λ_max of the loss Hessian at `net`: the curvature E″ of the
    steepest direction.

    Column k of the Hessian is the central difference of the backpropagated gradient,
    (∇E(θ + ε e_k) − ∇E(θ − ε e_k)) / 2ε, symmetrised. Near a minimum the loss is close to
    a quadratic, and gradient descent is stable there for η < 2/λ_max (as 2/E″ in one
    dimension); far from one it is only a local guide.

    Parameters
    ----------
    net : Network or TextbookNet
    X : array_like, shape (N, d)
    Y : array_like, shape (N, l)
    reduction : {"mean", "sum"}
    eps : float > 0

    Returns
    -------
    float

    Examples
    --------
    >>> from bpcore import Layer, Network
    >>> unit = Network([Layer([[0.5]], [0.0], activation="identity")])
    >>> round(sharpness(unit, [[2.0]], [[0.0]], reduction="sum"), 6)  # E = ½ (2w + b)²
    5.0
    """
    network = getattr(net, "network", net)
    X, Y = network.check_data(X, Y)
    reduction = check.choice("reduction", reduction, ("mean", "sum"))
    eps = check.positive_number("eps", eps)
    theta = network.flat()

    def gradient(p):
        return network.with_flat(p).gradients(X, Y, reduction).flat()

    H = np.empty((theta.size, theta.size))
    for k in range(theta.size):
        step = np.zeros_like(theta)
        step[k] = eps
        H[:, k] = (gradient(theta + step) - gradient(theta - step)) / (2 * eps)
    return float(np.linalg.eigvalsh((H + H.T) / 2)[-1])


def quadratic_edges():
    """The two learning-rate edges of gradient descent on E(w) = ½ E″ (w − w*)², by SymPy.

    One step: w_{k+1} − w* = (1 − η E″)(w_k − w*). It converges iff |1 − η E″| < 1, i.e.
    0 < η < 2/E″; the error changes sign every step (overshoot, oscillation) iff
    1 − η E″ < 0, i.e. η > 1/E″. Lesson 01's E = ½ (w − 3)² has E″ = 1: edges 2 and 1.

    Returns
    -------
    dict of sympy expressions
        ``"curvature"`` (the symbol E″), ``"factor"`` (1 − η E″), ``"diverge_above"``
        (2/E″), ``"oscillate_above"`` (1/E″).

    Examples
    --------
    >>> e = quadratic_edges()
    >>> e["diverge_above"], e["oscillate_above"]
    (2/E'', 1/E'')
    """
    import sympy as sp

    eta, c = sp.symbols("eta E''", positive=True)
    w, w_star = sp.symbols("w w^*", real=True)
    E = c * (w - w_star) ** 2 / 2
    w_next = w - eta * sp.diff(E, w)
    factor = sp.simplify((w_next - w_star) / (w - w_star))  # 1 − η E″
    # |factor| = 1 at factor = −1 (factor = 1 would be η = 0); factor = 0 at the sign change
    (diverge,) = sp.solve(sp.Eq(factor, -1), eta)
    (oscillate,) = sp.solve(sp.Eq(factor, 0), eta)
    return {
        "curvature": c,
        "factor": factor,
        "diverge_above": diverge,
        "oscillate_above": oscillate,
    }
