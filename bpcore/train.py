"""Training: standard, accumulated and mini-batch backpropagation, with a history.

* ``"standard"`` — update after every sample (the textbook's standard BP), m = 1.
* ``"accumulated"`` — one update per epoch from the error over the whole training set
  (the textbook's accumulated BP; full-batch gradient descent, tutorial 000).
* ``"minibatch"`` — batches of B samples, ⌈N/B⌉ iterations per epoch; the last batch holds
  the N − (⌈N/B⌉ − 1)·B samples that are left, never padded or dropped.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .decay import add_penalty_gradient, check_lam
from .errors import DivergenceError
from .network import batch_backward, batch_forward

MODES = ("standard", "accumulated", "minibatch")

# fast="auto", the default (see _choose_fast), from benchmarks/bench_pathchoice.py
# (RESULTS.md): the compiled step costs about 0.06 µs per parameter and sample in an epoch,
# the NumPy path 35–50 µs an epoch on small full batches. Compiled ÷ NumPy per epoch: 0.10×
# at parameters × batch P·B = 52 (XOR 2-3-1), 0.70× at 416, 0.75× at 520, 1.32× at 832,
# 1.56× at 1,040, 17× at 65,000 (2-16-1, m = 1,000). The cut at 512 stays below the
# break-even (~650). Building costs ~0.1 s the first time a shape is seen (SymPy derives the
# gradients), repaid after ~5,000 iterations at ≥ 20 µs saved each; a few ms for a new data
# size once the derivation is cached (repaid after ~500); nothing once the runner exists.
AUTO_MAX_WORK = 512  # parameters × batch size
AUTO_MAX_PARAMS = 1_000
AUTO_MIN_ITERATIONS = {"derivation": 5_000, "runner": 500, "none": 1}


def iterations_per_epoch(n_samples, batch_size):
    """⌈N / B⌉: how many batches (iterations) one pass over N samples takes.

    Examples
    --------
    >>> iterations_per_epoch(50_000, 256)
    196
    """
    n = check.count("n_samples", n_samples)
    b = check.count(
        "batch_size", batch_size, maximum=n, what_max=("the number of samples", "样本数")
    )
    return math.ceil(n / b)


def visit_orders(n_samples, epochs, *, shuffle=False, rng=None):
    """The order in which :func:`train` visits the samples, epoch by epoch.

    ``shuffle=False``: the fixed cyclic order 0, 1, …, N − 1 in every epoch (the textbook's
    standard BP, deterministic). ``shuffle=True``: one permutation per epoch from
    ``numpy.random.default_rng(rng)`` (stochastic gradient descent); the same seed gives the
    same orders, and ``train(..., shuffle=True, rng=seed)`` uses exactly these.

    Returns
    -------
    ndarray of int, shape (epochs, n_samples)

    Examples
    --------
    >>> visit_orders(4, 2)
    array([[0, 1, 2, 3],
           [0, 1, 2, 3]])
    >>> visit_orders(4, 2, shuffle=True, rng=0).tolist()
    [[2, 0, 1, 3], [3, 2, 1, 0]]
    """
    n = check.count("n_samples", n_samples)
    epochs = check.count("epochs", epochs)
    orders = _orders(n, shuffle, rng)
    return np.array([next(orders) if shuffle else np.arange(n) for _ in range(epochs)])


def _orders(n, shuffle, rng):
    """An endless iterator of sample orders: None (the fixed order) or one permutation per
    epoch from a generator seeded once."""
    gen = np.random.default_rng(rng) if shuffle else None
    while True:
        yield gen.permutation(n) if gen is not None else None


@dataclass(frozen=True)
class Schedule:
    """The epoch / batch / iteration arithmetic of a training run (tutorial 004)."""

    n_samples: int
    batch_size: int
    epochs: int
    iterations_per_epoch: int
    total_iterations: int
    last_batch_size: int


def schedule(n_samples, batch_size, epochs=1):
    """How N samples in batches of B split over E epochs.

    Examples
    --------
    >>> s = schedule(50_000, 256, epochs=10)
    >>> s.iterations_per_epoch, s.total_iterations, s.last_batch_size
    (196, 1960, 80)
    """
    ipe = iterations_per_epoch(n_samples, batch_size)
    epochs = check.count("epochs", epochs)
    last = n_samples - (ipe - 1) * batch_size
    return Schedule(int(n_samples), int(batch_size), epochs, ipe, ipe * epochs, last)


@dataclass
class History:
    """What a training run did.

    Attributes
    ----------
    loss : ndarray, shape (epochs_run + 1,)
        Loss on the whole training set: ``loss[0]`` before training, ``loss[k]`` after epoch k.
    iteration_loss : ndarray, shape (iterations_run,)
        Loss of each batch, measured before its update.
    net : Network or TextbookNet
        The trained network (a copy: the network passed in is never changed).
    snapshot_epochs : list of int
        Epochs at which parameters were saved (``snapshot_every``).
    snapshots : list of ndarray
        The saved parameters in ``Network.flat()`` order; see :meth:`snapshot`.
    diverged_at : int or None
        The epoch whose loss was not finite; training stopped there and ``net`` holds the
        parameters after the last finite epoch.
    stopped_at : int or None
        The epoch after which a callback asked to stop.
    settings : dict
        The arguments of the run (eta, mode, batch size, …).
    """

    loss: np.ndarray
    iteration_loss: np.ndarray
    net: object
    snapshot_epochs: list = field(default_factory=list)
    snapshots: list = field(default_factory=list)
    diverged_at: int | None = None
    stopped_at: int | None = None
    settings: dict = field(default_factory=dict)

    @property
    def epochs_run(self):
        return len(self.loss) - 1

    @property
    def final_loss(self):
        return float(self.loss[-1])

    def snapshot(self, epoch):
        """The network as it was after `epoch` (must be one of ``snapshot_epochs``)."""
        if epoch not in self.snapshot_epochs:
            raise check.InputError(
                "err.train.snapshot", epoch=epoch, self_snapshot_epochs=self.snapshot_epochs
            )
        network = getattr(self.net, "network", self.net).with_flat(
            self.snapshots[self.snapshot_epochs.index(epoch)]
        )
        return _same_kind(self.net, network)


def _same_kind(template, network):
    from .network import TextbookNet

    return TextbookNet.from_network(network) if isinstance(template, TextbookNet) else network


def _batch_size(mode, batch_size, n):
    if mode == "standard":
        return 1
    if mode == "accumulated":
        return n
    if batch_size is None:
        raise check.InputError("err.train.batch_size")
    return check.count(
        "batch_size", batch_size, maximum=n, what_max=("the number of samples", "样本数")
    )


def train(
    net,
    X,
    Y,
    *,
    eta,
    epochs,
    mode="accumulated",
    batch_size=None,
    train_offsets=True,
    reduction="mean",
    shuffle=False,
    rng=None,
    callback=None,
    callback_every=1,
    snapshot_every=None,
    on_divergence="raise",
    fast="auto",
    loss="half_sse",
    lam=None,
):
    """Train a copy of `net` by gradient descent with backpropagated gradients.

    Each iteration: forward on the batch, backward, θ ← θ − η ∂E/∂θ (textbook eq. 5.6,
    i.e. v ← v + Δv etc. with the Δ's of eqs. 5.11–5.14 for the textbook net).

    Parameters
    ----------
    net : Network or TextbookNet
        Not modified; the trained copy is ``history.net``.
    X : array_like, shape (N, d)
    Y : array_like, shape (N, l)
    eta : float > 0
        Learning rate η.
    epochs : int >= 1
    mode : {"standard", "accumulated", "minibatch"}
    batch_size : int, optional
        Required for ``"minibatch"``: 1 ≤ B ≤ N.
    train_offsets : bool
        False freezes biases / thresholds (the 2-2-2 post never trains its biases).
    reduction : {"mean", "sum"}
        How the per-sample E_k = ½ Σ_j (ŷ_j − y_j)² combine over a batch (see bpcore.losses).
    shuffle : bool
        False (default): every epoch visits the samples in the same fixed, cyclic order
        1, 2, …, N, as the textbook's algorithm box (图5.8) does; ``mode="standard"`` is then
        the book's standard BP and has no randomness at all. True: a new permutation of the
        samples each epoch, drawn from ``numpy.random.default_rng(rng)`` (what
        :func:`visit_orders` returns); with ``mode="standard"`` this is stochastic gradient
        descent (SGD) in the proper sense.
    rng : int or numpy.random.Generator, optional
        Seed for `shuffle`.
    callback : callable, optional
        ``callback(epoch, history, net)`` after every `callback_every` epochs (and after the
        last); returning ``False`` stops training.
    callback_every : int
        How often the callback runs; a live plot redrawn 10 times a second wants a few
        hundred epochs between calls, not one.
    snapshot_every : int, optional
        Save the parameters at epoch 0 and every k epochs (and at the last epoch).
    on_divergence : {"raise", "stop"}
        When the loss stops being finite: raise :class:`bpcore.DivergenceError` (which carries
        the history), or return the history with ``diverged_at`` set.
    fast : "auto" (default), True or False
        True: the compiled step of :mod:`bpcore.fastpath` (small nets; equal to the NumPy
        path to ~1e-12; loads SymPy on first use for a given network shape). False: NumPy.
        ``"auto"`` picks whichever is expected to be faster, so the default is never slower
        than NumPy (figures: benchmarks/RESULTS.md): the compiled step when parameters ×
        batch size ≤ ``AUTO_MAX_WORK`` (512), at most 1,000 parameters, a loss and
        activations it supports, no weight decay, SymPy installed, and enough iterations in
        all to repay building it — 5,000 the first time a network shape is seen, 500 when
        only a new data size has to be compiled, any number once it is built; else NumPy.
        Both paths give the same numbers (to rounding, ~1e-12); ``history.settings["fast"]``
        says which ran.
    loss : {"half_sse", "binary_cross_entropy", "cross_entropy"}
        The loss E (see :mod:`bpcore.losses`); the compiled fast path supports half_sse only.
    lam : float in (0, 1], optional
        Weight decay (textbook eq. 5.17, :mod:`bpcore.decay`): each update descends
        λ·E_batch + (1 − λ)·Σ_i w_i², the sum over every weight and every trained threshold
        or bias. ``lam`` is the book's λ, the weight on the error: None or 1 means no
        penalty, 0.99 a light one. ``history.loss`` stays the error alone (the first term
        without λ), so runs with and without decay compare on one scale. NumPy path only.

    Returns
    -------
    History

    Examples
    --------
    >>> from bpcore import Network
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    >>> h = train(Network.from_sizes((2, 3, 1), rng=1), X, Y, eta=2.0, epochs=2000)
    >>> bool(h.loss[-1] < h.loss[0] / 10)
    True
    """
    network = getattr(net, "network", net)  # never changed: each run of epochs copies it
    X, Y = network.check_data(X, Y)
    n = X.shape[0]
    eta = check.positive_number("eta", eta)
    epochs = check.count("epochs", epochs)
    mode = check.choice("mode", mode, MODES)
    lam = check_lam(lam)
    reduction = check.choice("reduction", reduction, ("mean", "sum"))
    on_divergence = check.choice("on_divergence", on_divergence, ("raise", "stop"))
    B = _batch_size(mode, batch_size, n)
    if snapshot_every is not None:
        snapshot_every = check.count("snapshot_every", snapshot_every)
    callback_every = check.count("callback_every", callback_every)
    orders = _orders(n, shuffle, rng)
    if (
        isinstance(fast, str)
        and fast == "auto"
        and (lam < 1.0 or not _compiled_supports(_loss_name(loss), network))
    ):
        fast = False  # no compiled step for this loss, these activations or weight decay
    fast = _choose_fast(fast, network, n, B, epochs, bool(train_offsets), reduction)
    if fast and lam < 1.0:
        raise check.InputError("err.train.train")
    loss = _loss_for_path(loss, fast, network)
    settings = dict(
        eta=eta,
        epochs=epochs,
        mode=mode,
        batch_size=B,
        train_offsets=bool(train_offsets),
        reduction=reduction,
        shuffle=bool(shuffle),
        order="shuffled" if shuffle else "fixed",
        fast=bool(fast),
        loss=loss,
        lam=lam,
    )

    history = History(np.empty(0), np.empty(0), net, settings=settings)
    if fast:
        epochs_of = _fast_epochs(network, X, Y, eta, B, train_offsets, reduction, loss)
    else:
        epochs_of = _numpy_epochs(network, X, Y, eta, B, train_offsets, reduction, loss, lam)
    # Preallocated buffers: the history handed to a callback is a pair of views, so a
    # callback after every epoch costs O(1), not a copy of everything so far.
    per_epoch_iterations = math.ceil(n / B)
    epoch_loss = _Buffer(epochs + 1)
    iteration_loss = _Buffer(epochs * per_epoch_iterations)
    current = network

    def finish(last_good):
        history.loss = epoch_loss.view()
        history.iteration_loss = iteration_loss.view()
        history.net = _same_kind(net, last_good)
        return history

    # Epochs run in chunks, as long as possible (the fast path's best case is one chunk):
    # a new shuffle needs every epoch; callbacks and snapshots need their own multiples.
    chunk = epochs
    if callback is not None:
        chunk = math.gcd(chunk, callback_every)
    if snapshot_every is not None:
        chunk = math.gcd(chunk, snapshot_every)
    if shuffle:
        chunk = 1
    done = 0
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        while done < epochs:
            k = min(chunk, epochs - done)
            order = next(orders)
            result = epochs_of(current, k, order)
            if not len(epoch_loss):
                epoch_loss.extend(result.losses[:1])
                if snapshot_every:
                    history.snapshot_epochs.append(0)
                    history.snapshots.append(current.flat())
            finite = result.finite_epochs  # epochs of this chunk whose loss is finite
            epoch_loss.extend(result.losses[1 : 1 + finite])
            iteration_loss.extend(result.batch_losses[: finite * result.per_epoch])
            if finite < k:
                history.diverged_at = done + finite + 1
                good = current.copy() if finite == 0 else epochs_of(current, finite, order).net
                finish(good)
                if on_divergence == "raise":
                    raise DivergenceError(history.diverged_at, history)
                return history
            current = result.net
            done += k
            if snapshot_every and (done % snapshot_every == 0 or done == epochs):
                history.snapshot_epochs.append(done)
                history.snapshots.append(current.flat())
            due = done % callback_every == 0 or done == epochs
            if (
                callback is not None
                and due
                and callback(done, finish(current.copy()), current) is False
            ):
                history.stopped_at = done
                break
    return finish(current)


def _choose_fast(fast, network, n, B, epochs, train_offsets=True, reduction="mean"):
    """Resolve ``fast="auto"`` into True or False (the rule: see `train`'s docstring)."""
    if isinstance(fast, (bool, np.bool_)):
        return bool(fast)
    if fast != "auto":
        raise check.InputError("err.train.choose_fast", fast=fast)
    import importlib.util

    P = network.spec.n_params
    if P > AUTO_MAX_PARAMS or P * B > AUTO_MAX_WORK:
        return False
    if importlib.util.find_spec("sympy") is None:
        return False
    from .fastpath import build_cost

    cost = build_cost(network.spec, n, B, train_offsets=train_offsets, reduction=reduction)
    return epochs * math.ceil(n / B) >= AUTO_MIN_ITERATIONS[cost]


class _Buffer:
    """A fixed-capacity float array filled from the front."""

    def __init__(self, capacity):
        self._data = np.empty(capacity)
        self._n = 0

    def __len__(self):
        return self._n

    def extend(self, values):
        k = len(values)
        self._data[self._n : self._n + k] = values
        self._n += k

    def view(self):
        return self._data[: self._n]


@dataclass
class _Chunk:
    """What a run of k epochs returns: losses (k + 1 data-set losses, the first before the
    run; fewer when a loss stopped being finite), batch losses, and the network after it."""

    net: object
    losses: list
    batch_losses: list
    per_epoch: int

    @property
    def finite_epochs(self):
        good = 0
        for value in self.losses[1:]:
            if not math.isfinite(value):
                break
            good += 1
        return good


def _loss_name(loss):
    """The validated loss name (an InputError names the choices otherwise)."""
    from .losses import get_loss

    return get_loss(loss).name


def _compiled_supports(loss, network):
    """Whether the compiled step knows this loss: half_sse with elementwise units only."""
    return loss == "half_sse" and "softmax" not in network.spec.activations


def _loss_for_path(loss, fast, network):
    """The validated loss name; refuses fast=True where the compiled step does not apply."""
    loss = _loss_name(loss)
    if fast and not _compiled_supports(loss, network):
        raise check.InputError(
            "err.train.loss_for_path", loss=loss, activations=network.spec.activations
        )
    return loss


def _numpy_epochs(network, X, Y, eta, B, train_offsets, reduction, loss="half_sse", lam=1.0):
    """The default path: forward, backward and update on NumPy arrays, batch by batch
    (with the weight-decay term of eq. 5.17 added to each gradient when lam < 1)."""
    n = X.shape[0]
    starts = range(0, n, B)

    def run(net, k, order):
        net = net.copy()
        Xe, Ye = (X[order], Y[order]) if order is not None else (X, Y)
        full_batch = B == n
        trace = batch_forward(net, Xe)
        losses, batch_losses = [net.trace_loss(trace, Ye, reduction, loss)], []
        for _ in range(k):
            for s in starts:
                # full batch: the forward pass that measured the last loss is reused
                if not full_batch:
                    trace = batch_forward(net, Xe[s : s + B])
                # full batch: its loss is the epoch's loss just measured on the same trace
                known = losses[-1] if full_batch else None
                grads = batch_backward(net, trace, Ye[s : s + B], reduction, loss, value=known)
                if lam < 1.0:
                    add_penalty_gradient(grads, net, lam, offsets=train_offsets)
                batch_losses.append(grads.loss)
                net.step(grads, eta, train_offsets)
            trace = batch_forward(net, Xe)
            losses.append(net.trace_loss(trace, Ye, reduction, loss))
            if not math.isfinite(losses[-1]):
                break
        return _Chunk(net, losses, batch_losses, len(starts))

    return run


def _fast_epochs(network, X, Y, eta, B, train_offsets, reduction, loss="half_sse"):
    """The fast path: whole epochs inside one function generated by bpcore.fastpath
    from the SymPy-derived gradients (float arithmetic, no NumPy in the loop)."""
    from .fastpath import make_epochs_runner

    n = X.shape[0]
    runner = make_epochs_runner(
        network.spec, n, B, train_offsets=train_offsets, reduction=reduction, record_batches=True
    )
    per_epoch = math.ceil(n / B)

    def run(net, k, order):
        Xe, Ye = (X[order], Y[order]) if order is not None else (X, Y)
        p, losses, batch_losses = runner(
            net.flat().tolist(), Xe.ravel().tolist(), Ye.ravel().tolist(), eta, k
        )
        new = net.with_flat(p) if all(math.isfinite(v) for v in p) else net
        return _Chunk(new, losses, batch_losses, per_epoch)

    return run
