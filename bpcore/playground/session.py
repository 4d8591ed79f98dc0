"""The playground's state without any widget: settings, the current run, earlier runs, a cache.

A :class:`Session` holds what a student has chosen (η, epochs, mode, batch size, offsets
trained or frozen, hidden activation and width, seed, initial weights) and what training
made of it: the losses of the current run, its network, earlier runs kept for comparison
(one per distinct set of settings) and finished runs cached by their settings.

Training is always :func:`bpcore.train` (in chunks, so a view can draw between them: a run
split anywhere computes the same numbers, samples being visited in order).  "Step" shows one
iteration as the engine's three phases, ``Network.forward`` → ``Network.backward`` →
``Network.step``.  :meth:`Session.verdict` says honestly how a run went: diverged (with the
epoch), oscillating, no progress, or finished.

Examples
--------
>>> from bpcore.playground.setup import setup_from_example
>>> s = Session(setup_from_example("t004_222_frozen"), epochs=50)
>>> s.begin(50)  # not in the cache
False
>>> s.train_chunk(50)
>>> s.epochs_run, s.verdict()[0]
(50, 'status.done')
>>> [s.step_phase() for _ in range(3)]
['forward', 'backward', 'update']
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from .. import _validate as check
from ..errors import InputError
from ..i18n import both, t
from ..network import Network
from ..train import MODES, History, iterations_per_epoch
from ..train import train as bp_train
from .setup import Setup, _round, _with_hidden_activation

#: Hidden activations offered (the engine has all four).
ACTIVATION_CHOICES = ("sigmoid", "tanh", "relu", "identity")
#: Learning-rate range, as powers of ten (extended when an example needs more).
ETA_EXPONENTS = (-3.0, 1.5)
#: Largest number of epochs a text box accepts.
MAX_EPOCHS = 1_000_000
#: Runs longer than this start only when Train is pressed, not on every change of a setting.
AUTO_EPOCHS = 20_000
#: Hidden units a one-hidden-layer net may have.
MAX_HIDDEN = 12
#: Largest seed accepted (NumPy accepts any non-negative integer; this keeps the box short).
MAX_SEED = 2**31 - 1
#: How many finished runs are cached (keyed by their settings) and how many are kept to compare.
CACHE_SIZE = 64
MAX_RUNS = 6


@dataclass
class Run:
    """An earlier run, kept to compare: its settings, label key and losses."""

    key: tuple
    settings: dict
    loss: np.ndarray


class Session:
    """Settings, the current run and earlier runs of one playground (no widgets).

    Parameters
    ----------
    setup : Setup
        The network, the data and the example's own settings.
    eta, epochs, mode, batch_size, train_offsets, hidden_activation, reduction : optional
        ``None`` takes the setup's own.
    weights : sequence of float, optional
        Initial parameters in ``Network.flat()`` order.
    seed : int
        Seed of "randomise" (and of new initial weights when the hidden width changes).
    fast : bool
        Train with the compiled fast path when it is available (falls back to NumPy).
    """

    def __init__(
        self,
        setup: Setup,
        *,
        eta=None,
        epochs=None,
        mode=None,
        batch_size=None,
        train_offsets=None,
        hidden_activation=None,
        reduction=None,
        weights=None,
        seed=0,
        hidden_units=None,
        fast=True,
    ):
        self.setup = setup
        self.n = len(setup.X)
        self.lock = threading.RLock()
        self.fast = bool(fast)
        self.network = setup.network.copy()  # the architecture (its width can change)
        self.tutorial_flat = self.network.flat().copy()
        layers = self.network.layers
        hidden = layers[0].activation if len(layers) > 1 else "sigmoid"
        eta = setup.eta if eta is None else eta
        if isinstance(eta, bool) or not isinstance(eta, (int, float)):
            raise ValueError(both("err.option", name="eta", value=eta, expected="η > 0"))
        eta = float(eta)
        if not (math.isfinite(eta) and eta > 0):
            raise ValueError(both("err.option", name="eta", value=eta, expected="η > 0"))
        lo, hi = ETA_EXPONENTS
        self.eta_range = (
            10 ** min(lo, math.floor(math.log10(eta))),
            10 ** max(hi, math.ceil(math.log10(eta))),
        )
        mode = setup.mode if mode is None else mode
        if mode not in MODES:
            raise ValueError(
                both("err.option", name="mode", value=mode, expected=" / ".join(MODES))
            )
        hidden = hidden if hidden_activation is None else hidden_activation
        if hidden not in ACTIVATION_CHOICES:
            raise ValueError(
                both(
                    "err.option",
                    name="hidden_activation",
                    value=hidden,
                    expected=" / ".join(ACTIVATION_CHOICES),
                )
            )
        reduction = setup.reduction if reduction is None else reduction
        if reduction not in ("mean", "sum"):
            raise ValueError(
                both("err.option", name="reduction", value=reduction, expected="'mean' / 'sum'")
            )
        batch = batch_size if batch_size is not None else (setup.batch_size or max(1, self.n // 2))
        self.settings = {
            "eta": eta,
            "epochs": check.count(
                "epochs", setup.epochs if epochs is None else epochs, maximum=MAX_EPOCHS
            ),
            "mode": mode,
            "batch_size": check.count("batch_size", batch, maximum=self.n),
            "train_offsets": bool(setup.train_offsets if train_offsets is None else train_offsets),
            "reduction": reduction,
            "hidden_activation": hidden,
            "seed": check.count("seed", seed, minimum=0, maximum=MAX_SEED),
        }
        self.initial = self.tutorial_flat.copy()
        if hidden_units is not None and hidden_units != self.hidden_units:
            if self.hidden_units is None:
                raise ValueError(
                    both(
                        "err.option",
                        name="hidden_units",
                        value=hidden_units,
                        expected="None (this net has no single hidden layer)",
                    )
                )
            self._rebuild(check.count("hidden_units", hidden_units, maximum=MAX_HIDDEN))
        default = self.initial
        flat = default if weights is None else np.asarray(weights, dtype=float)
        if flat.shape != default.shape or not np.all(np.isfinite(flat)):
            raise ValueError(
                both(
                    "err.option",
                    name="weights",
                    value=list(np.ravel(flat))[:4],
                    expected=f"{default.size} finite numbers",
                )
            )
        self.initial = np.array(flat, dtype=float)
        self.cache: OrderedDict = OrderedDict()
        self.runs: list[Run] = []
        self.reset()

    # ---- settings ---------------------------------------------------------------------------
    @property
    def hidden_units(self) -> int | None:
        """Width of the hidden layer of a one-hidden-layer net (None for other depths)."""
        sizes = self.network.spec.sizes
        return sizes[1] if len(sizes) == 3 else None

    def train_kwargs(self) -> dict:
        """The settings as keyword arguments of :func:`bpcore.train`."""
        s = self.settings
        return {
            "eta": s["eta"],
            "mode": s["mode"],
            "batch_size": s["batch_size"] if s["mode"] == "minibatch" else None,
            "train_offsets": s["train_offsets"],
            "reduction": s["reduction"],
        }

    def batch_size(self) -> int:
        mode = self.settings["mode"]
        return {"standard": 1, "accumulated": self.n}.get(mode) or self.settings["batch_size"]

    def key(self, epochs=None) -> tuple:
        """What identifies a run: every setting, the initial values and the architecture."""
        s = dict(self.settings)
        s.pop("seed")
        s["epochs"] = self.settings["epochs"] if epochs is None else epochs
        if s["mode"] != "minibatch":
            s.pop("batch_size")
        return (tuple(sorted(s.items())), self.network.spec.sizes, self.initial.tobytes())

    def initial_network(self) -> Network:
        """The network of the initial values, with the chosen hidden activation."""
        net = self.network.with_flat(self.initial)
        if len(net.layers) > 1:
            net = _with_hidden_activation(net, self.settings["hidden_activation"])
        return net

    def update(self, **changes) -> None:
        """Change settings (already validated values); the current run is archived and reset."""
        with self.lock:
            for name, value in changes.items():
                if name not in self.settings:
                    raise KeyError(name)
                self.settings[name] = value
            self.archive()
            self.reset()

    def set_initial(self, flat) -> None:
        """New initial values (``Network.flat()`` order); archives and resets the run."""
        with self.lock:
            flat = np.asarray(flat, dtype=float)
            if flat.shape != self.initial.shape:
                raise ValueError("wrong number of initial values")
            self.initial = flat.copy()
            self.archive()
            self.reset()

    def set_hidden_units(self, h: int) -> None:
        """A new hidden width: new initial values drawn from the seed (``Network.from_sizes``)."""
        with self.lock:
            self.archive()
            self._rebuild(h)
            self.reset()

    def _rebuild(self, h: int) -> None:
        spec = self.network.spec
        d, _, l = spec.sizes
        net = Network.from_sizes(
            (d, h, l),
            activation=spec.activations[0],
            output_activation=spec.activations[-1],
            offset_kind=spec.offsets[0],
            rng=self.settings["seed"],
        )
        self.network = net
        self.initial = np.round(net.flat(), 3)

    def randomised(self, seed: int) -> np.ndarray:
        """Initial values drawn from ``seed`` for this architecture (rounded to 3 decimals)."""
        spec = self.network.spec
        net = Network.from_sizes(spec.sizes, offset_kind=spec.offsets[0], rng=seed)
        return np.round(net.flat(), 3)

    # ---- the current run --------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the initial values: no epoch run yet."""
        with self.lock:
            self.net = self.initial_network()
            X, Y = self.setup.X, self.setup.Y
            self.loss = [float(self.net.loss(X, Y, self.settings["reduction"]))]
            self.iteration_loss: list[float] = []
            self.diverged_at = None
            self.iteration = 0  # iterations done in the current (unfinished) epoch
            self.step = None  # the iteration being shown phase by phase
            self.target = None
            self.run_settings = None
            self.run_id = getattr(self, "run_id", 0) + 1

    @property
    def epochs_run(self) -> int:
        return len(self.loss) - 1

    def finished(self, target: int) -> bool:
        return self.epochs_run >= target or self.diverged_at is not None

    @property
    def history(self) -> History:
        """The current run as a :class:`bpcore.History`."""
        with self.lock:
            return History(
                loss=np.array(self.loss),
                iteration_loss=np.array(self.iteration_loss),
                net=self.net.copy(),
                diverged_at=self.diverged_at,
                settings=self.train_kwargs() | {"epochs": self.settings["epochs"]},
            )

    def begin(self, target: int) -> bool:
        """Start (or continue) a run to ``target`` epochs; True when it came from the cache."""
        with self.lock:
            self.run_settings = self.run_settings or dict(self.settings)
            self.step = None
            self.target = target
            self.finish_partial_epoch()
            if self.epochs_run == 0 and self.iteration == 0:
                cached = self.cache.get(self.key(target))
                if cached is not None:
                    self.cache.move_to_end(self.key(target))
                    loss, it_loss, flat, diverged = cached
                    self.loss, self.iteration_loss = list(loss), list(it_loss)
                    self.net = self.net.with_flat(flat)
                    self.diverged_at = diverged
                    return True
            return False

    def remember(self) -> None:
        """Cache the current run if it is a whole fresh run to its target."""
        with self.lock:
            if self.target is None or not self.finished(self.target):
                return
            key = self.key(self.target)
            self.cache[key] = (
                np.array(self.loss),
                np.array(self.iteration_loss),
                self.net.flat(),
                self.diverged_at,
            )
            while len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)

    def train_chunk(self, epochs: int) -> None:
        """``epochs`` more epochs by :func:`bpcore.train`, appended to the current run."""
        with self.lock:
            h = self._train(self.net, epochs)
            done = self.epochs_run
            self.loss.extend(np.asarray(h.loss[1:], dtype=float).tolist())
            self.iteration_loss.extend(np.asarray(h.iteration_loss, dtype=float).tolist())
            self.net = h.net
            if h.diverged_at is not None:
                self.diverged_at = done + h.diverged_at

    def trial_run(self, epochs: int):
        """A run of ``epochs`` from the initial values with the current settings, on the path
        the live runs take, returned as a :class:`bpcore.train.History`; the session itself
        is left as it was. The static picture of a saved notebook is drawn from it."""
        with self.lock:
            return self._train(self.initial_network(), epochs)

    def _train(self, net, epochs):
        """:func:`bpcore.train` from ``net``: the compiled fast path while it works (the
        runner is built once per shape and shared), else NumPy from then on."""
        if self.fast:
            try:
                return self._train_on(net, epochs, fast=True)
            except InputError:
                raise
            except Exception:  # no SymPy, or an activation it cannot compile
                self.fast = False
        return self._train_on(net, epochs, fast=False)

    def _train_on(self, net, epochs, *, fast):
        return bp_train(
            net,
            self.setup.X,
            self.setup.Y,
            epochs=epochs,
            on_divergence="stop",
            fast=fast,
            **self.train_kwargs(),
        )

    # ---- one iteration, phase by phase ------------------------------------------------------
    def _rows(self):
        B = self.batch_size()
        start = self.iteration * B
        return list(range(start, min(start + B, self.n)))

    def step_phase(self) -> str:
        """One phase of one iteration: forward, then backward, then update; returns it.

        Each phase is one call of the engine: ``Network.forward`` (α, b, β, ŷ),
        ``Network.backward`` (δ = ∂E/∂z and ∂E/∂ every parameter; the textbook's g and e are
        −m·δ for a mean over m samples, eqs. 5.10 and 5.15), ``Network.step`` (θ ← θ − η ∂E/∂θ,
        eq. 5.6).
        """
        with self.lock:
            self.run_settings = self.run_settings or dict(self.settings)
            self.target = None
            step = self.step
            if step is None or step["phase"] == "update":
                rows = self._rows()
                X, Y = self.setup.X[rows], self.setup.Y[rows]
                self.step = {
                    "phase": "forward",
                    "rows": rows,
                    "X": X,
                    "Y": Y,
                    "trace": self.net.forward(X),
                    "iteration": len(self.iteration_loss) + 1,
                    "epoch": len(self.loss),
                    "sample_shown": 0,
                }
            elif step["phase"] == "forward":
                reduction = self.settings["reduction"]
                grads = self.net.backward(step["trace"], step["Y"], reduction)
                m = len(step["rows"])
                factor = -(m if reduction == "mean" else 1.0)
                step.update(
                    phase="backward",
                    grads=grads,
                    deltas=[factor * g.delta for g in grads.layers],
                )
            else:
                old = self.net
                new = old.copy().step(
                    step["grads"], self.settings["eta"], self.settings["train_offsets"]
                )
                step.update(phase="update", new=new, old=old)
                self.iteration_loss.append(float(step["grads"].loss))
                self._end_iteration(new)
            return self.step["phase"]

    def _end_iteration(self, new):
        per_epoch = iterations_per_epoch(self.n, self.batch_size())
        self.net = new
        self.iteration += 1
        if self.iteration >= per_epoch:
            self.iteration = 0
            with np.errstate(all="ignore"):
                finite = np.all(np.isfinite(new.flat()))
                loss = (
                    new.loss(self.setup.X, self.setup.Y, self.settings["reduction"])
                    if finite
                    else math.inf
                )
            if math.isfinite(loss):
                self.loss.append(float(loss))
            else:
                self.diverged_at = len(self.loss)

    def finish_partial_epoch(self) -> None:
        """Complete an epoch left unfinished by stepping, through the same three phases."""
        with self.lock:
            if self.step is not None and self.step["phase"] != "update":
                while self.step_phase() != "update":
                    pass
            while self.iteration and self.diverged_at is None:
                while self.step_phase() != "update":
                    pass
            self.step = None

    def step_epoch(self) -> None:
        """One more epoch (finishing a partial one first)."""
        with self.lock:
            self.run_settings = self.run_settings or dict(self.settings)
            self.target = None
            if self.iteration or (self.step is not None and self.step["phase"] != "update"):
                self.finish_partial_epoch()
            else:
                self.step = None
                self.train_chunk(1)

    # ---- earlier runs -----------------------------------------------------------------------
    def archive(self) -> None:
        """Keep the current run (if it trained an epoch) to compare; one run per settings."""
        with self.lock:
            if self.epochs_run < 1:
                return
            settings = self.run_settings or dict(self.settings)
            key = self._run_key(settings)
            self.runs = [r for r in self.runs if r.key != key]
            self.runs.append(Run(key, settings, np.array(self.loss)))
            self.runs = self.runs[-MAX_RUNS:]

    def _run_key(self, settings) -> tuple:
        s = dict(settings)
        s.pop("seed", None)
        s["epochs_done"] = self.epochs_run
        return (tuple(sorted(s.items())), self.network.spec.sizes, self.initial.tobytes())

    def run_label(self, settings: dict, lang: str) -> str:
        """η, mode, hidden activation and epochs of a run, for the legend."""
        mode = t(f"mode.short.{settings['mode']}", lang, batch_size=settings["batch_size"])
        act = t(f"act.{settings['hidden_activation']}", lang)
        label = t(
            "plot.loss.run_full",
            lang,
            eta=settings["eta"],
            mode=mode,
            act=act,
            epochs=settings["epochs"],
        )
        if not settings["train_offsets"]:
            label += (" · " if lang == "en" else "·") + t("plot.loss.frozen", lang)
        return label

    # ---- how the run went -------------------------------------------------------------------
    def verdict(self) -> tuple[str, dict]:
        """The status key and its fields: diverged, oscillating, no progress, or done.

        Oscillation: over the last quarter of the run (at least 8 epochs), the loss rose in
        at least a quarter of the epochs: plain gradient descent with a small enough η lowers
        the full-batch loss at every step, so frequent rises mean η is too large.  No progress:
        the loss fell by less than 1 % of its start.
        """
        loss = np.asarray(self.loss)
        if self.diverged_at is not None:
            return "status.diverged", {"epoch": self.diverged_at}
        n = len(loss) - 1
        if n >= 8:
            tail = loss[-max(9, n // 4 + 1) :]
            rises = np.diff(tail) > 1e-12 * np.abs(tail[:-1])
            if rises.mean() >= 0.25:
                return "status.oscillating", {}
            if loss[-1] > 0.99 * loss[0]:
                return "status.no_progress", {"first": float(loss[0]), "last": float(loss[-1])}
        if self.target is not None and n < self.target:
            return "status.paused", {"epoch": n, "loss": float(loss[-1])}
        if n > 0 and self.iteration == 0 and self.target is not None:
            return "status.done", {"epochs": n, "loss": float(loss[-1])}
        if n == 0:
            return "status.ready", {"loss": float(loss[0])}
        return "status.epoch_done", {"epoch": n, "loss": float(loss[-1])}

    # ---- the code that rebuilds it ----------------------------------------------------------
    def code_args(self, lang: str) -> dict:
        s, setup = self.settings, self.setup
        args = dict(setup.code)
        args["lang"] = lang
        args["eta"] = _round(s["eta"])
        args["epochs"] = s["epochs"]
        args["mode"] = s["mode"]
        if s["mode"] == "minibatch":
            args["batch_size"] = s["batch_size"]
        if s["train_offsets"] != setup.train_offsets:
            args["train_offsets"] = s["train_offsets"]
        layers = setup.network.layers
        default_act = layers[0].activation if len(layers) > 1 else None
        if default_act is not None and s["hidden_activation"] != default_act:
            args["hidden_activation"] = s["hidden_activation"]
        if s["reduction"] != setup.reduction:
            args["reduction"] = s["reduction"]
        if self.network.spec.sizes != setup.network.spec.sizes:
            args["hidden_units"] = self.hidden_units
        if s["seed"] != 0:
            args["seed"] = s["seed"]
        changed = not np.array_equal(self.initial, self.tutorial_flat)
        if changed or "hidden_units" in args or s["seed"] != 0:
            args["weights"] = [_round(v) for v in self.initial]
        return args
