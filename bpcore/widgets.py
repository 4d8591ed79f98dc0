"""The interactive training playground (ipywidgets wiring only; the numbers come from bpcore).

``playground(example="xor", lang="zh")`` builds a :class:`Playground`: sliders for the
learning rate (logarithmic) and for every initial weight and offset (grouped by layer, named
with the textbook's symbols), the number of epochs, the training mode, frozen or trained
offsets, the hidden activation; buttons to train, pause/resume, step one iteration (forward →
backward → update, one phase per click), step one epoch, reset, restore the tutorial's values,
randomise (seeded), clear earlier runs and show the line of code that rebuilds the playground.
It shows the live loss curve (earlier runs faded), the network with its weights, gradients and
deltas, the decision boundary of two-input nets and the step table, in Chinese or English.

How it stays responsive and robust:

* Pictures are ``ipywidgets.Image`` widgets whose PNG bytes are replaced (drawn with
  :mod:`bpcore.plots`; no pyplot, no ``Output`` widget, so strict nbval and static renderers
  work).
* Training runs in a background thread, in chunks of ``bpcore.train`` calls, pushing a new
  loss curve at least ten times a second; pause sets a flag the loop reads between chunks.
  Controls are disabled while a run is in progress and enabled again after it, whatever
  happens.  With ``sync=True`` (used by the tests) everything runs in the calling thread.
* Every handler is wrapped: an exception becomes a message in the status line, never a
  traceback in the notebook.  Divergence is reported as "训练发散 / training diverged at
  epoch N".
* Changing a setting retrains from scratch (unless "retrain on change" is off).  Training uses
  bpcore's compiled fast path (``train(fast=True)``) when it is available, and finished runs are
  cached by their settings, so returning to an earlier η is instant.

Chunked training equals one long ``bpcore.train`` call: samples are visited in order (no
shuffling), so a run split at any epoch computes the same numbers.

Examples
--------
>>> import numpy as np
>>> from bpcore.widgets import Playground
>>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
>>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
>>> pg = Playground(sizes=(2, 3, 1), X=X, Y=Y, eta=2.0, epochs=200, lang="en", sync=True)
>>> pg.train_button.click()
>>> pg.history.epochs_run
200
"""

from __future__ import annotations

import functools
import io
import math
import queue
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from . import plots
from .errors import InputError
from .i18n import DEFAULT_LANG, LANGS, both, check_lang, t
from .network import Layer, Network, batch_forward
from .train import MODES, History, iterations_per_epoch
from .train import train as bp_train

#: Learning-rate slider range, as powers of ten (extended when an example needs more).
ETA_EXPONENTS = (-3.0, 1.5)
#: Seconds between two pictures of a running loss curve (a little under 0.1 s, so that it
#: stays at 10 or more redraws per second) and between two redraws of the slower panels
#: (network, decision boundary).
FRAME_INTERVAL = 0.09
SLOW_FRAME_INTERVAL = 0.3
#: How many finished runs are kept in the cache (keyed by their settings).
CACHE_SIZE = 64
ACTIVATION_CHOICES = ("sigmoid", "identity")


def _ipywidgets():
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a core dependency
        raise ImportError(both("err.no_ipywidgets")) from exc
    return ipywidgets


# ---------------------------------------------------------------------------------------------
# What the playground trains
# ---------------------------------------------------------------------------------------------
@dataclass
class Setup:
    """Everything a playground needs: the initial network, the data and the default settings.

    ``code`` holds the keyword arguments that rebuild the same setup in
    :func:`playground` (``example=...`` or ``sizes=..., X=..., Y=...``); ``title`` maps a
    language to the setup's title.
    """

    name: str
    network: Network
    X: np.ndarray
    Y: np.ndarray
    eta: float = 0.5
    epochs: int = 1000
    mode: str = "accumulated"
    batch_size: int | None = None
    train_offsets: bool = True
    reduction: str = "mean"
    code: dict = field(default_factory=dict)
    title: object = None

    def title_in(self, lang: str) -> str:
        return self.title(lang) if callable(self.title) else self.name


#: Short names accepted besides the stable names of bpcore.examples.
ALIASES = {
    "xor": "t001_xor",
    "321": "t000_batch_321",
    "222": "t004_222_trained",
    "222_frozen": "t004_222_frozen",
    "textbook": "t002_textbook",
}


def example_names() -> list[str]:
    """Names accepted by ``playground(example=...)``: the network examples of bpcore.examples."""
    from . import examples

    return [n for n in examples.names() if examples.get(n).kind == "network"]


def setup_from_example(name: str) -> Setup:
    """The :class:`Setup` of a network example of :mod:`bpcore.examples` (or an alias)."""
    from . import examples

    stable = ALIASES.get(name, name)
    if stable not in example_names():
        names = ", ".join([*example_names(), *ALIASES])
        raise ValueError(both("err.example", name=name, names=names))
    ex = examples.get(stable)
    network = getattr(ex.network, "network", ex.network)  # a TextbookNet's own Network
    X = np.array(ex.X, dtype=float)
    return Setup(
        name=stable,
        network=network.copy(),
        X=X,
        Y=np.array(ex.Y, dtype=float).reshape(len(X), -1),
        eta=float(ex.eta),
        epochs=1000,
        mode=ex.mode,
        train_offsets=bool(ex.train_offsets),
        reduction=ex.reduction or "mean",
        code={"example": stable},
        title=ex.title,
    )


def setup_custom(sizes, X, Y, *, seed=0, offset_kind="threshold", activation="sigmoid") -> Setup:
    """A :class:`Setup` for a custom d-q-l (or deeper) network on data X, Y.

    The initial weights come from ``Network.from_sizes(sizes, rng=seed)`` (seeded).
    """
    if X is None or Y is None:
        raise ValueError(both("err.custom_net"))
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float).reshape(len(X), -1)
    network = Network.from_sizes(
        tuple(sizes), activation=activation, offset_kind=offset_kind, rng=seed
    )
    network.check_data(X, Y)
    code = {"sizes": tuple(int(s) for s in sizes), "X": X.tolist(), "Y": Y.tolist()}
    if offset_kind != "threshold":
        code["offset_kind"] = offset_kind
    return Setup(name="-".join(str(s) for s in sizes), network=network, X=X, Y=Y, code=code)


def _with_hidden_activation(network: Network, activation: str) -> Network:
    layers = [
        Layer(
            layer.W,
            layer.offset,
            activation if k < len(network.layers) - 1 else layer.activation,
            layer.offset_kind,
        )
        for k, layer in enumerate(network.layers)
    ]
    return Network(layers)


def _round(x: float) -> float:
    return float(f"{x:.6g}")


# ---------------------------------------------------------------------------------------------
# The playground
# ---------------------------------------------------------------------------------------------
class _Job:
    """One training run in progress: flags the loop reads between chunks."""

    def __init__(self, target: int):
        self.target = target
        self.pause = threading.Event()
        self.done = threading.Event()
        self.thread: threading.Thread | None = None  # the worker running it


class _Workers:
    """Threads that run training jobs one after another, then wait a minute for the next.

    A new thread per run cost 1–4 ms at every change of a slider: starting it, and the fonts
    matplotlib opens again in every thread.  A worker takes one job at a time, so runs of
    several playgrounds still proceed side by side (each on its own worker).
    """

    IDLE_SECONDS = 60.0

    def __init__(self):
        self._lock = threading.Lock()
        self._idle: list[queue.SimpleQueue] = []

    def run(self, job: _Job, work) -> None:
        """Run ``work()`` for ``job`` on an idle worker (or a new one); set ``job.done``."""
        with self._lock:
            inbox = self._idle.pop() if self._idle else None
        if inbox is None:
            inbox = queue.SimpleQueue()
            threading.Thread(
                target=self._serve, args=(inbox,), daemon=True, name="bpcore-playground"
            ).start()
        inbox.put((job, work))

    def _serve(self, inbox: queue.SimpleQueue) -> None:
        while True:
            try:
                job, work = inbox.get(timeout=self.IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if inbox in self._idle:
                        self._idle.remove(inbox)
                        return
                continue  # it was just handed a job, which is on its way
            job.thread = threading.current_thread()
            finished = False
            try:
                work()
                finished = True
            finally:
                if finished:  # idle again before anyone waiting on the job wakes up
                    with self._lock:
                        self._idle.append(inbox)
                job.done.set()  # (if work() raised, this thread ends here)
            job = work = None  # keep no playground alive while idle


_workers = _Workers()


def _safe(method):
    """Run a handler; report any exception in the status line instead of raising it."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # a widget must never die with a traceback
            self._report_error(exc)
            return None

    return wrapper


class Playground:
    """A training playground for a tutorial example or a custom network.

    Parameters
    ----------
    example : str, optional
        A name from :mod:`bpcore.examples` (default ``"xor"`` when no custom net is given).
    lang : {"zh", "en"}
    eta, epochs, mode, batch_size, train_offsets, hidden_activation, reduction
        Training settings; ``None`` takes the example's own.
    weights : sequence of float, optional
        Initial parameters in ``Network.flat()`` order (default: the example's).
    seed : int
        Seed of "randomise" (and of a custom net's initial weights).
    sizes, X, Y, offset_kind : optional
        A custom network: layer sizes such as ``(2, 3, 1)`` and its data.
    auto : bool
        Retrain from scratch whenever a setting changes.
    show_values : bool
        Write weights and gradients on the network's connections.
    fast : bool
        Use bpcore's compiled fast path when available (falls back to NumPy).
    sync : bool
        Run training in the calling thread (tests, scripts); default: a background thread.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The whole playground, for embedding in other widgets.
    history : bpcore.History
        The current run: ``loss`` (epochs run + 1), ``iteration_loss``, ``net``, ``diverged_at``.
    """

    def __init__(
        self,
        example: str | None = None,
        *,
        lang: str = DEFAULT_LANG,
        eta: float | None = None,
        epochs: int | None = None,
        mode: str | None = None,
        batch_size: int | None = None,
        train_offsets: bool | None = None,
        hidden_activation: str | None = None,
        reduction: str | None = None,
        weights=None,
        seed: int = 0,
        sizes=None,
        X=None,
        Y=None,
        offset_kind: str = "threshold",
        auto: bool = True,
        show_values: bool = True,
        fast: bool = True,
        sync: bool = False,
    ):
        W = _ipywidgets()
        self.lang = check_lang(lang)
        if sizes is not None:
            self.setup = setup_custom(sizes, X, Y, seed=seed, offset_kind=offset_kind)
        else:
            self.setup = setup_from_example(example or "xor")
        s = self.setup
        self._tutorial_flat = s.network.flat().copy()
        self.sync = bool(sync)
        self._fast = bool(fast)
        self._cache: OrderedDict = OrderedDict()
        self._lock = threading.RLock()
        self._job: _Job | None = None
        self._quiet = 0  # > 0 while the code itself sets widget values
        self._runs: list[tuple[dict, np.ndarray]] = []
        self._last_error: BaseException | None = None
        self.n = len(s.X)

        try:
            eta = s.eta if eta is None else float(eta)
        except (TypeError, ValueError):
            raise ValueError(both("err.option", name="eta", value=eta, expected="η > 0")) from None
        mode = s.mode if mode is None else mode
        if mode not in MODES:
            raise ValueError(
                both("err.option", name="mode", value=mode, expected=" / ".join(MODES))
            )
        hidden = s.network.layers[0].activation if len(s.network.layers) > 1 else "sigmoid"
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
        if not (isinstance(eta, float) and math.isfinite(eta) and eta > 0):
            raise ValueError(both("err.option", name="eta", value=eta, expected="η > 0"))

        # ---- controls -----------------------------------------------------------------------
        wide = {"description_width": "initial"}
        lo, hi = ETA_EXPONENTS
        lo, hi = min(lo, math.floor(math.log10(eta))), max(hi, math.ceil(math.log10(eta)))
        self.eta_slider = W.FloatLogSlider(
            value=eta,
            base=10,
            min=lo,
            max=hi,
            step=0.01,
            continuous_update=False,
            readout_format=".3g",
            style=wide,
            layout=W.Layout(width="330px"),
        )
        self.epochs_box = W.BoundedIntText(
            value=int(s.epochs if epochs is None else epochs),
            min=1,
            max=1_000_000,
            style=wide,
            layout=W.Layout(width="200px"),
        )
        self.mode_box = W.Dropdown(
            options=self._mode_options(), value=mode, style=wide, layout=W.Layout(width="330px")
        )
        batch = batch_size if batch_size is not None else (s.batch_size or max(1, self.n // 2))
        self.batch_box = W.BoundedIntText(
            value=int(min(max(batch, 1), self.n)),
            min=1,
            max=self.n,
            style=wide,
            layout=W.Layout(width="160px"),
            disabled=mode != "minibatch",
        )
        self.offsets_box = W.Checkbox(
            value=bool(s.train_offsets if train_offsets is None else train_offsets),
            style=wide,
            indent=False,
            # the default fixed width pushes the label far from its box
            layout=W.Layout(width="auto"),
        )
        self.activation_box = W.Dropdown(
            options=self._activation_options(),
            value=hidden,
            style=wide,
            layout=W.Layout(width="330px"),
            disabled=len(s.network.layers) < 2,
        )
        self.reduction = s.reduction if reduction is None else reduction
        if self.reduction not in ("mean", "sum"):
            raise ValueError(
                both(
                    "err.option", name="reduction", value=self.reduction, expected="'mean' / 'sum'"
                )
            )
        self.seed_box = W.IntText(value=int(seed), style=wide, layout=W.Layout(width="160px"))
        self.lang_box = W.ToggleButtons(
            options=[("中文", "zh"), ("English", "en")],
            value=self.lang,
            style={"button_width": "70px"},
        )
        self.auto_box = W.Checkbox(value=bool(auto), indent=False, layout=W.Layout(width="auto"))
        self.values_box = W.Checkbox(
            value=bool(show_values), indent=False, layout=W.Layout(width="auto")
        )

        # one slider per initial weight and offset, grouped by layer
        flat = self._tutorial_flat if weights is None else np.asarray(weights, dtype=float)
        if flat.shape != self._tutorial_flat.shape or not np.all(np.isfinite(flat)):
            raise ValueError(
                both(
                    "err.option",
                    name="weights",
                    value=list(np.ravel(flat))[:4],
                    expected=f"{self._tutorial_flat.size} finite numbers",
                )
            )
        spec = s.network.spec
        self.names = plots.symbols(spec.sizes, spec.offsets)
        self.weight_sliders: list = []
        self._layer_headers: list = []
        groups = []
        k_flat = 0
        for k, layer in enumerate(s.network.layers):
            n_in, n_out = layer.W.shape
            names = [self.names["W"][k][i][j] for i in range(n_in) for j in range(n_out)]
            names += self.names["offset"][k]
            sliders = []
            for name in names:
                value = float(flat[k_flat])
                limit = max(3.0, math.ceil(2.0 * abs(value)))
                sliders.append(
                    W.FloatSlider(
                        value=value,
                        min=-limit,
                        max=limit,
                        step=0.001,
                        description=name,
                        continuous_update=False,
                        readout_format=".3f",
                        style={"description_width": "40px"},
                        layout=W.Layout(width="250px"),
                    )
                )
                k_flat += 1
            self.weight_sliders += sliders
            header = W.HTML()
            self._layer_headers.append(header)
            groups.append(
                W.VBox(
                    [
                        header,
                        W.GridBox(
                            sliders, layout=W.Layout(grid_template_columns="repeat(2, 255px)")
                        ),
                    ]
                )
            )

        # buttons
        def button(icon, style=""):
            return W.Button(icon=icon, button_style=style, layout=W.Layout(width="auto"))

        self.train_button = button("play", "primary")
        self.pause_button = button("pause")
        self.step_iteration_button = button("step-forward")
        self.step_epoch_button = button("forward")
        self.reset_button = button("undo")
        self.reset_weights_button = button("book")
        self.randomise_button = button("random")
        self.clear_runs_button = button("eraser")
        self.show_code_button = button("code")
        self.pause_button.disabled = True

        # outputs
        self.status = W.HTML()
        self.title = W.HTML()
        self.table = W.HTML()
        self.code = W.Textarea(layout=W.Layout(width="100%", height="70px", display="none"))
        self.code_label = W.HTML(layout=W.Layout(display="none"))
        self.loss_image = W.Image(format="png")
        self.network_image = W.Image(format="png")
        self.boundary_image = W.Image(format="png")
        self.has_boundary = spec.sizes[0] == 2 and spec.sizes[-1] == 1

        # plots (kept, only their data change)
        self.loss_plot = plots.LossPlot(self.lang)
        self.network_plot = plots.NetworkPlot(spec.sizes, spec.offsets, self.lang)
        self.boundary_plot = plots.BoundaryPlot(s.X, s.Y, self.lang) if self.has_boundary else None

        # layout
        self._labels: dict = {}
        settings = W.VBox(
            [
                self.eta_slider,
                self.epochs_box,
                self.mode_box,
                self.batch_box,
                W.HBox([self.offsets_box, self._label("ui.train_offsets")]),
                self.activation_box,
                W.HBox([self.auto_box, self._label("ui.auto")]),
                W.HBox([self.values_box, self._label("ui.show_values")]),
                self.lang_box,
            ]
        )
        self.weights_panel = W.Accordion(
            children=[
                W.VBox(
                    [
                        *groups,
                        W.HBox([self.reset_weights_button, self.randomise_button, self.seed_box]),
                    ]
                )
            ],
            selected_index=0 if len(self.weight_sliders) <= 16 else None,  # open for small nets
        )
        actions = W.HBox(
            [
                self.train_button,
                self.pause_button,
                self.step_iteration_button,
                self.step_epoch_button,
                self.reset_button,
                self.clear_runs_button,
                self.show_code_button,
            ],
            layout=W.Layout(flex_flow="row wrap"),
        )
        pictures = [self.network_image] + ([self.boundary_image] if self.has_boundary else [])
        wrap = W.Layout(flex_flow="row wrap", align_items="flex-start")
        # buttons and status first, then settings beside the live curve, then the network
        # and the boundary; rows wrap on narrow screens
        self.widget = W.VBox(
            [
                self.title,
                actions,
                self.status,
                W.HBox(
                    [W.VBox([settings], layout=W.Layout(width="350px")), self.loss_image],
                    layout=wrap,
                ),
                W.HBox(pictures, layout=wrap),
                self.weights_panel,
                self.table,
                self.code_label,
                self.code,
            ]
        )
        self.widget.playground = self  # reach the object from the displayed widget

        self._controls = [
            self.eta_slider,
            self.epochs_box,
            self.mode_box,
            self.offsets_box,
            self.activation_box,
            self.seed_box,
            self.lang_box,
            self.auto_box,
            self.train_button,
            self.step_iteration_button,
            self.step_epoch_button,
            self.reset_button,
            self.reset_weights_button,
            self.randomise_button,
            self.clear_runs_button,
            *self.weight_sliders,
        ]

        # state
        self._reset_state()
        self._apply_lang()

        # wiring
        for control in (
            self.eta_slider,
            self.epochs_box,
            self.mode_box,
            self.batch_box,
            self.offsets_box,
            self.activation_box,
            *self.weight_sliders,
        ):
            control.observe(self._on_setting, names="value")
        self.lang_box.observe(self._on_lang, names="value")
        self.values_box.observe(self._on_values, names="value")
        self.train_button.on_click(lambda _: self.train())
        self.pause_button.on_click(lambda _: self.pause())
        self.step_iteration_button.on_click(lambda _: self.step_iteration())
        self.step_epoch_button.on_click(lambda _: self.step_epoch())
        self.reset_button.on_click(lambda _: self.reset())
        self.reset_weights_button.on_click(lambda _: self.reset_weights())
        self.randomise_button.on_click(lambda _: self.randomise())
        self.clear_runs_button.on_click(lambda _: self.clear_runs())
        self.show_code_button.on_click(lambda _: self.show_code())

        # the first picture, at once: a saved notebook shows a plot, not a bare widget repr
        self._render_all()
        self._set_status(t("status.ready", self.lang, loss=self._loss[0]))

    # ---- small helpers ----------------------------------------------------------------------
    def _label(self, key):
        label = _ipywidgets().HTML()
        self._labels[key] = label
        return label

    def _mode_options(self):
        return [(t(f"mode.{m}", self.lang), m) for m in MODES]

    def _activation_options(self):
        return [(t(f"act.{a}", self.lang), a) for a in ACTIVATION_CHOICES]

    def _set_status(self, text, colour="#333333"):
        self.status.value = f'<span style="color:{colour}">{_escape(text)}</span>'

    def _report_error(self, exc):
        self._last_error = exc
        message = exc.message(self.lang) if hasattr(exc, "message") else str(exc)
        self._set_status(t("status.error", self.lang, error=message), "#c0392b")
        self._enable(True)
        self._job = None

    @property
    def last_error(self):
        """The last exception a handler caught (shown in the status line), or None."""
        return self._last_error

    # ---- settings ---------------------------------------------------------------------------
    def settings(self) -> dict:
        """The current settings, as keyword arguments of :func:`bpcore.train` (+ activation)."""
        mode = self.mode_box.value
        return {
            "eta": float(self.eta_slider.value),
            "epochs": int(self.epochs_box.value),
            "mode": mode,
            "batch_size": int(self.batch_box.value) if mode == "minibatch" else None,
            "train_offsets": bool(self.offsets_box.value),
            "reduction": self.reduction,
            "hidden_activation": self.activation_box.value,
        }

    def initial_flat(self) -> np.ndarray:
        """The initial parameters set by the sliders, in ``Network.flat()`` order."""
        return np.array([float(s.value) for s in self.weight_sliders])

    def initial_network(self) -> Network:
        """The network the sliders describe (initial values, chosen hidden activation)."""
        net = self.setup.network.with_flat(self.initial_flat())
        if len(net.layers) > 1:
            net = _with_hidden_activation(net, self.activation_box.value)
        return net

    def _train_kwargs(self, settings=None) -> dict:
        s = settings or self.settings()
        return {
            "eta": s["eta"],
            "mode": s["mode"],
            "batch_size": s["batch_size"],
            "train_offsets": s["train_offsets"],
            "reduction": s["reduction"],
        }

    # ---- state ------------------------------------------------------------------------------
    def _reset_state(self):
        """Back to the initial values: no epoch run yet."""
        self.net = self.initial_network()
        self._loss = [self.net.loss(self.setup.X, self.setup.Y, self.reduction)]
        self._iteration_loss: list[float] = []
        self._diverged_at = None
        self._iteration = 0  # iterations done in the current (unfinished) epoch
        self._step = None  # the iteration being shown phase by phase
        self._target = None
        self._run_settings = None  # the settings the current run was trained with

    @property
    def history(self) -> History:
        """The current run as a :class:`bpcore.History`."""
        with self._lock:
            return History(
                loss=np.array(self._loss),
                iteration_loss=np.array(self._iteration_loss),
                net=self.net.copy(),
                diverged_at=self._diverged_at,
                settings={k: v for k, v in self.settings().items() if k != "hidden_activation"},
            )

    def _archive(self):
        """Keep the current run as a faded curve if it trained at least one epoch."""
        if len(self._loss) > 1:
            self._runs.append((self._run_settings or self.settings(), np.array(self._loss)))
            self._runs = self._runs[-self.loss_plot.max_runs :]
            self.loss_plot.add_run(self._runs[-1][1], self._run_label(self._runs[-1][0]))

    def _run_label(self, s: dict) -> str:
        mode = t(f"mode.short.{s['mode']}", self.lang, batch_size=s["batch_size"])
        label = t("plot.loss.run", self.lang, eta=s["eta"], mode=mode)
        if s["hidden_activation"] == "identity" and len(self.setup.network.layers) > 1:
            label += " · " + t("act.identity", self.lang)
        if not s["train_offsets"]:
            label += " · " + t("plot.loss.frozen", self.lang)
        return label

    # ---- rendering --------------------------------------------------------------------------
    @staticmethod
    def _show(image, plot, pending):
        """Put the plot's picture into ``image`` now, or (``pending`` a list) once its PNG
        bytes are compressed: meanwhile the next panel is drawn."""
        if pending is None:
            image.value = plot.png()
            return
        pending.append((image, plot.png(later=True)))
        while pending and pending[0][1].done():
            image, future = pending.pop(0)
            image.value = future.result()

    def _render_loss(self, pending=None):
        epochs = self._target or max(int(self.epochs_box.value), len(self._loss) - 1)
        self.loss_plot.update(self._loss, epochs=epochs, diverged_at=self._diverged_at)
        self._show(self.loss_image, self.loss_plot, pending)

    def _render_network(self, pending=None):
        net, step = self.net, self._step
        weights = [layer.W for layer in net.layers]
        offsets = [layer.offset for layer in net.layers]
        show = bool(self.values_box.value)
        if step is None:
            self.network_plot.draw(weights, offsets, show_values=show)
        else:
            k, m = step["sample_shown"], len(step["rows"])
            note = t("plot.net.sample", self.lang, k=step["rows"][k] + 1, m=m) if m > 1 else ""
            phase = step["phase"]
            if phase == "forward":
                trace = step["trace"]
                units = [trace.X[k]] + [lt.out[k] for lt in trace.layers]
                self.network_plot.draw(
                    weights,
                    offsets,
                    phase="forward",
                    unit_values=units,
                    show_values=show,
                    note=note,
                )
            elif phase == "backward":
                grads = step["grads"]
                self.network_plot.draw(
                    weights,
                    offsets,
                    phase="backward",
                    edge_values=[g.W for g in grads.layers],
                    offset_values=[g.offset for g in grads.layers],
                    unit_values=[d[k] for d in step["deltas"]],
                    show_values=show,
                    note=note,
                )
            else:
                new = step["new"]
                self.network_plot.draw(
                    weights,
                    offsets,
                    phase="update",
                    edge_values=[layer.W for layer in new.layers],
                    offset_values=[layer.offset for layer in new.layers],
                    show_values=show,
                )
        self._show(self.network_image, self.network_plot, pending)

    def _render_boundary(self, pending=None):
        if self.boundary_plot is not None:
            net = self.net
            self.boundary_plot.update(lambda grid: batch_forward(net, grid).output)
            self._show(self.boundary_image, self.boundary_plot, pending)

    def _render_all(self):
        with self._lock:
            pending: list = []  # pictures whose PNG bytes are being compressed
            try:
                self._render_loss(pending)
                self._render_network(pending)
                self._render_boundary(pending)
                self.table.value = self._table_html()
            finally:
                for image, future in pending:
                    image.value = future.result()

    # ---- language ---------------------------------------------------------------------------
    def _apply_lang(self):
        lang = self.lang
        self._quiet += 1
        try:
            name = self.setup.title_in(lang)
            self.title.value = f"<h3>{_escape(t('ui.title', lang, name=name))}</h3>"
            for control, key in (
                (self.eta_slider, "eta"),
                (self.epochs_box, "epochs"),
                (self.mode_box, "mode"),
                (self.batch_box, "batch_size"),
                (self.activation_box, "hidden_activation"),
                (self.seed_box, "seed"),
            ):
                control.description = t(f"ui.{key}", lang)
                control.tooltip = t(f"tip.{key}", lang)
            self.lang_box.description = t("ui.lang", lang)
            for key, label in self._labels.items():
                label.value = _escape(t(key, lang))
            self.offsets_box.tooltip = t("tip.train_offsets", lang)
            self.auto_box.tooltip = t("tip.auto", lang)
            self.values_box.tooltip = t("tip.show_values", lang)
            for widget, options in (
                (self.mode_box, self._mode_options()),
                (self.activation_box, self._activation_options()),
            ):
                value = widget.value
                widget.options = options
                widget.value = value
            for slider in self.weight_sliders:
                slider.tooltip = t("tip.weight", lang, symbol=slider.description)
            spec = self.setup.network.spec
            for k, header in enumerate(self._layer_headers):
                kind = spec.offsets[k]
                symbols = f"{self.names['W'][k][0][0][0]}, {self.names['offset'][k][0][0]}"
                header.value = (
                    "<b>"
                    + _escape(
                        t(
                            "ui.layer",
                            lang,
                            k=k + 1,
                            n_in=spec.sizes[k],
                            n_out=spec.sizes[k + 1],
                            symbols=symbols,
                        )
                    )
                    + f"</b> <small>({_escape(t(f'ui.offset.{kind}', lang))})</small>"
                )
            kinds = {t(f"ui.offset.{kind}", lang) for kind in spec.offsets}
            self.weights_panel.set_title(0, t("ui.weights", lang, offset="/".join(sorted(kinds))))
            for button, key in (
                (self.train_button, "train"),
                (self.step_iteration_button, "step_iteration"),
                (self.step_epoch_button, "step_epoch"),
                (self.reset_button, "reset"),
                (self.reset_weights_button, "reset_weights"),
                (self.randomise_button, "randomise"),
                (self.clear_runs_button, "clear_runs"),
                (self.show_code_button, "show_code"),
            ):
                button.description = t(f"btn.{key}", lang)
                button.tooltip = t(f"tip.{key}", lang)
            paused = self._job is None and self._target is not None
            self.pause_button.description = t("btn.resume" if paused else "btn.pause", lang)
            self.pause_button.tooltip = t("tip.pause", lang)
            self.code_label.value = _escape(t("ui.code", lang))
        finally:
            self._quiet -= 1

    @_safe
    def _on_lang(self, change):
        if self._quiet:
            return
        self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Switch every label, tooltip, plot and message to ``lang`` ("zh" or "en")."""
        self.lang = check_lang(lang)
        with self._lock:
            self._quiet += 1
            try:
                self.lang_box.value = lang
            finally:
                self._quiet -= 1
            self._apply_lang()
            self.loss_plot.set_lang(lang)
            self.loss_plot.clear_runs()
            for s, loss in self._runs:
                self.loss_plot.add_run(loss, self._run_label(s))
            self.network_plot.set_lang(lang)
            if self.boundary_plot is not None:
                self.boundary_plot.set_lang(lang)
            self._render_all()
            self._status_for_state()
            if self.code.layout.display != "none":
                self.code.value = self.code_line()

    def _status_for_state(self):
        lang, loss = self.lang, self._loss[-1]
        if self._diverged_at is not None:
            gap = "" if lang == "zh" else " "  # Chinese sentences are not separated by spaces
            self._set_status(
                t("status.diverged", lang, epoch=self._diverged_at)
                + gap
                + t("status.diverged_hint", lang),
                "#c0392b",
            )
        elif self._target is not None and len(self._loss) - 1 < self._target:
            self._set_status(t("status.paused", lang, epoch=len(self._loss) - 1, loss=loss))
        elif len(self._loss) > 1 and self._iteration == 0 and self._target is not None:
            self._set_status(t("status.done", lang, epochs=len(self._loss) - 1, loss=loss))
        else:
            self._set_status(
                t("status.ready", lang, loss=self._loss[0])
                if len(self._loss) == 1
                else t("status.epoch_done", lang, epoch=len(self._loss) - 1, loss=loss)
            )

    # ---- events -----------------------------------------------------------------------------
    @_safe
    def _on_setting(self, change):
        if self._quiet:
            return
        if change.get("owner") is self.batch_box and self.mode_box.value != "minibatch":
            return  # the batch size matters only in mini-batch mode
        self.batch_box.disabled = self.mode_box.value != "minibatch" or self._job is not None
        self._stop_job()
        with self._lock:
            self._archive()
            self._reset_state()
        if self.code.layout.display != "none":
            self.code.value = self.code_line()
        if self.auto_box.value:
            self._start(int(self.epochs_box.value), fresh=True)
        else:
            self._render_all()
            self._status_for_state()

    @_safe
    def _on_values(self, change):
        with self._lock:
            self._render_network()

    # ---- actions ----------------------------------------------------------------------------
    @_safe
    def train(self) -> None:
        """Train from the initial values for the chosen number of epochs (live curve)."""
        self._stop_job()
        with self._lock:
            self._archive()
            self._reset_state()
        self._start(int(self.epochs_box.value), fresh=True)

    @_safe
    def pause(self) -> None:
        """Pause the running training, or resume a paused one."""
        job = self._job
        if job is not None:
            job.pause.set()
            if not self.sync:
                self.wait()
            return
        if (
            self._target is not None
            and len(self._loss) - 1 < self._target
            and self._diverged_at is None
        ):
            self._start(self._target, fresh=False)

    def _cannot_step(self) -> bool:
        """True, with the reason in the status line, while a run trains or after divergence."""
        if self._job is not None:
            self._set_status(t("status.busy", self.lang))
            return True
        if self._diverged_at is not None:
            self._status_for_state()
            return True
        return False

    @_safe
    def step_epoch(self) -> None:
        """Train one more epoch from the current state (finishing a partial epoch first)."""
        if self._cannot_step():
            return
        with self._lock:
            self._run_settings = self._run_settings or self.settings()
            self._step = None
            self._target = None
            if self._iteration:
                while self._iteration:
                    self._apply_iteration()
            else:
                self._train_chunk(1)
            self._render_all()
            self._status_for_state()

    @_safe
    def step_iteration(self) -> None:
        """One phase of one iteration per call: forward, then backward, then update."""
        if self._cannot_step():
            return
        with self._lock:
            self._run_settings = self._run_settings or self.settings()
            self._target = None
            step = self._step
            if step is None or step["phase"] == "update":
                self._step = self._forward_phase()
            elif step["phase"] == "forward":
                self._backward_phase(step)
            else:
                self._update_phase(step)
            step = self._step
            self._render_all()
            self._set_status(
                t(
                    "status.step",
                    self.lang,
                    epoch=step["epoch"],
                    iteration=step["iteration"],
                    samples=", ".join(str(r + 1) for r in step["rows"]),
                    phase=t(f"phase.{step['phase']}", self.lang),
                )
            )

    @_safe
    def reset(self) -> None:
        """Discard the training; back to the initial values (earlier runs stay)."""
        self._stop_job()
        with self._lock:
            self._archive()
            self._reset_state()
            self._render_all()
            self._status_for_state()
        # nothing is left to resume: the pause button goes back to "pause", disabled
        self._enable(True)

    @_safe
    def reset_weights(self) -> None:
        """Set every initial-value slider back to the tutorial's numbers."""
        self._set_weights(self._tutorial_flat)
        self._set_status(t("status.tutorial_values", self.lang))

    @_safe
    def randomise(self) -> None:
        """New initial values drawn from the seed (the seed then moves on by one)."""
        seed = int(self.seed_box.value)
        spec = self.setup.network.spec
        net = Network.from_sizes(spec.sizes, offset_kind=spec.offsets[0], rng=seed)
        self._set_weights(np.round(net.flat(), 3))
        self._quiet += 1
        try:
            self.seed_box.value = seed + 1
        finally:
            self._quiet -= 1
        self._set_status(t("status.randomised", self.lang, seed=seed))

    def _set_weights(self, flat):
        self._stop_job()
        self._quiet += 1
        try:
            for slider, value in zip(self.weight_sliders, flat):
                value = _round(float(value))
                limit = max(3.0, math.ceil(2.0 * abs(value)))
                slider.min, slider.max = -max(limit, -slider.min), max(limit, slider.max)
                slider.value = value
        finally:
            self._quiet -= 1
        self._on_setting({"new": None})

    @_safe
    def clear_runs(self) -> None:
        """Remove the faded curves of earlier runs."""
        with self._lock:
            self._runs.clear()
            self.loss_plot.clear_runs()
            self._render_loss()
        self._set_status(t("status.cleared", self.lang))

    @_safe
    def show_code(self) -> None:
        """Show the one line of code that rebuilds this playground with its current settings."""
        self.code.value = self.code_line()
        self.code.layout.display = ""
        self.code_label.layout.display = ""

    def code_line(self) -> str:
        """``bpcore.widgets.playground(...)`` with the current settings, as one line."""
        s, setup = self.settings(), self.setup
        args = dict(setup.code)
        args["lang"] = self.lang
        args["eta"] = _round(s["eta"])
        args["epochs"] = s["epochs"]
        args["mode"] = s["mode"]
        if s["mode"] == "minibatch":
            args["batch_size"] = s["batch_size"]
        if s["train_offsets"] != setup.train_offsets:
            args["train_offsets"] = s["train_offsets"]
        default_act = setup.network.layers[0].activation if len(setup.network.layers) > 1 else None
        if default_act is not None and s["hidden_activation"] != default_act:
            args["hidden_activation"] = s["hidden_activation"]
        if self.reduction != setup.reduction:
            args["reduction"] = self.reduction
        flat = self.initial_flat()
        if not np.array_equal(flat, self._tutorial_flat):
            args["weights"] = [_round(v) for v in flat]
        if "sizes" in args and int(self.seed_box.value) != 0 and "weights" not in args:
            args["seed"] = int(self.seed_box.value)
        inner = ", ".join(f"{k}={v!r}" for k, v in args.items())
        return f"bpcore.widgets.playground({inner})"

    # ---- training runs ----------------------------------------------------------------------
    def _enable(self, on: bool):
        for control in self._controls:
            control.disabled = not on
        self.batch_box.disabled = (not on) or self.mode_box.value != "minibatch"
        self.activation_box.disabled = (not on) or len(self.setup.network.layers) < 2
        self.pause_button.disabled = False if not on else not self._resumable()
        paused = on and self._resumable()
        self.pause_button.description = t("btn.resume" if paused else "btn.pause", self.lang)

    def _resumable(self):
        return (
            self._target is not None
            and len(self._loss) - 1 < self._target
            and self._diverged_at is None
        )

    def _cache_key(self, epochs):
        s = self.settings()
        return (tuple(sorted(s.items())), self.initial_flat().tobytes(), epochs)

    def _start(self, target: int, *, fresh: bool):
        """Train until `target` epochs in total, in a thread (or inline when sync)."""
        with self._lock:
            self._run_settings = self._run_settings or self.settings()
            self._step = None
            self._target = target
            if fresh:
                cached = self._cache.get(self._cache_key(target))
                if cached is not None:
                    self._cache.move_to_end(self._cache_key(target))
                    loss, it_loss, flat, diverged = cached
                    self._loss, self._iteration_loss = list(loss), list(it_loss)
                    self.net = self.net.with_flat(flat)
                    self._diverged_at = diverged
                    self._render_all()
                    self._status_for_state()
                    self._enable(True)
                    return
        job = _Job(target)
        self._job = job
        self._enable(False)
        if self.sync:
            job.thread = threading.current_thread()
            try:
                self._run(job, fresh)
            finally:
                job.done.set()
        else:
            _workers.run(job, functools.partial(self._run, job, fresh))

    def _run(self, job: _Job, fresh: bool):
        lang = self.lang
        try:
            with self._lock:
                while self._iteration and self._diverged_at is None:
                    self._apply_iteration()  # finish a partial epoch left by stepping
            rate = None  # epochs per second, measured on the previous chunk
            last_frame = last_slow = time.perf_counter()
            while not job.pause.is_set():
                # each chunk ends about when the next frame is due (and never runs longer
                # than half a frame), so pictures come every FRAME_INTERVAL and pause is prompt
                due = last_frame + FRAME_INTERVAL - time.perf_counter()
                budget = min(max(due, 0.002), FRAME_INTERVAL / 2)
                chunk = 25 if rate is None else max(1, min(1_000_000, int(rate * budget)))
                with self._lock:
                    done = len(self._loss) - 1
                    if done >= job.target or self._diverged_at is not None:
                        break
                    chunk = min(chunk, job.target - done)
                    started = time.perf_counter()
                    self._train_chunk(chunk)
                    rate = chunk / max(time.perf_counter() - started, 1e-6)
                now = time.perf_counter()
                if now >= last_frame + FRAME_INTERVAL - 0.002:
                    last_frame = now  # frames are due every interval from their start
                    with self._lock:
                        self._render_loss()
                        self._set_status(
                            t(
                                "status.running",
                                lang,
                                epoch=len(self._loss) - 1,
                                epochs=job.target,
                                loss=self._loss[-1],
                            )
                        )
                        if now - last_slow >= SLOW_FRAME_INTERVAL:
                            last_slow = now
                            self._render_network()
                            self._render_boundary()
            with self._lock:
                finished = len(self._loss) - 1 >= job.target or self._diverged_at is not None
                if fresh and finished:
                    key = self._cache_key(job.target)
                    self._cache[key] = (
                        np.array(self._loss),
                        np.array(self._iteration_loss),
                        self.net.flat(),
                        self._diverged_at,
                    )
                    while len(self._cache) > CACHE_SIZE:
                        self._cache.popitem(last=False)
                self._render_all()
                self._status_for_state()
        except Exception as exc:  # reported in the status line
            self._report_error(exc)
        finally:
            if self._job is job:
                self._job = None
            self._enable(True)

    def _train_chunk(self, epochs: int):
        """`epochs` more epochs, appended to the current run (same numbers as bpcore.train)."""
        result = self._fast_chunk(epochs) if self._fast else None
        if result is None:
            result = self._chunk(epochs, fast=False)
        loss, iteration_loss, net, diverged_at = result
        done = len(self._loss) - 1
        self._loss.extend(np.asarray(loss[1:], dtype=float).tolist())
        self._iteration_loss.extend(np.asarray(iteration_loss, dtype=float).tolist())
        self.net = net
        if diverged_at is not None:
            self._diverged_at = done + diverged_at

    def _chunk(self, epochs: int, *, fast: bool):
        """``bpcore.train`` from the current network: ``(loss, iteration_loss, net,
        diverged_at)`` with its meaning (diverged_at counts from the start of the chunk)."""
        h = bp_train(
            self.net,
            self.setup.X,
            self.setup.Y,
            epochs=epochs,
            on_divergence="stop",
            fast=fast,
            **self._train_kwargs(),
        )
        return h.loss, h.iteration_loss, h.net, h.diverged_at

    def _fast_chunk(self, epochs: int):
        """The chunk by ``bpcore.train(fast=True)``, or None when the fast path is unavailable.

        ``train(fast=True)`` runs whole epochs in one function that bpcore.symbolic.compiled
        generates from the derived gradients (built once per network shape and settings,
        then cached); its numbers equal the NumPy path's to ~1e-12.  Without SymPy, or for an
        activation it cannot compile, the playground uses NumPy from then on.
        """
        try:
            return self._chunk(epochs, fast=True)
        except InputError:  # bad settings fail the same way on either path
            raise
        except Exception:
            self._fast = False
            return None

    def _batch_size(self) -> int:
        s = self.settings()
        return {"standard": 1, "accumulated": self.n}.get(s["mode"]) or s["batch_size"]

    def _stop_job(self):
        job = self._job
        if job is not None:
            job.pause.set()
            if job.thread is not threading.current_thread():
                job.done.wait()
            self._job = None
            self._enable(True)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the running training (if any) has finished; True if none is left."""
        job = self._job
        if job is not None:
            return job.done.wait(timeout)
        return True

    @property
    def running(self) -> bool:
        """True while a training run is in progress."""
        return self._job is not None

    # ---- one iteration, phase by phase ------------------------------------------------------
    def _batch_rows(self):
        B = self._batch_size()
        start = self._iteration * B
        return list(range(start, min(start + B, self.n))), iterations_per_epoch(self.n, B)

    def _forward_phase(self):
        rows, _ = self._batch_rows()
        X, Y = self.setup.X[rows], self.setup.Y[rows]
        trace = self.net.forward(X)
        return {
            "phase": "forward",
            "rows": rows,
            "X": X,
            "Y": Y,
            "trace": trace,
            "iteration": len(self._iteration_loss) + 1,
            "epoch": len(self._loss),
            "sample_shown": 0,
        }

    def _backward_phase(self, step):
        grads = self.net.backward(step["trace"], step["Y"], self.reduction)
        # the textbook's g_j and e_h are negative deltas of the per-sample error E_k:
        # with E = mean of E_k, δ = ∂E/∂z carries a 1/m the textbook's g and e do not have
        m = len(step["rows"])
        factor = -(m if self.reduction == "mean" else 1.0)
        step.update(phase="backward", grads=grads, deltas=[factor * g.delta for g in grads.layers])

    def _update_phase(self, step):
        old = self.net
        new = old.copy().step(
            step["grads"], self.settings()["eta"], self.settings()["train_offsets"]
        )
        step.update(phase="update", new=new, old=old)
        self._iteration_loss.append(float(step["grads"].loss))
        self._finish_iteration(new)
        self.net = new

    def _apply_iteration(self):
        """One whole iteration without showing its phases (to complete a partial epoch)."""
        rows, _ = self._batch_rows()
        X, Y = self.setup.X[rows], self.setup.Y[rows]
        grads = self.net.gradients(X, Y, self.reduction)
        s = self.settings()
        new = self.net.copy().step(grads, s["eta"], s["train_offsets"])
        self._iteration_loss.append(float(grads.loss))
        self._finish_iteration(new)
        self.net = new

    def _finish_iteration(self, new):
        _, per_epoch = self._batch_rows()
        self._iteration += 1
        if self._iteration >= per_epoch:
            self._iteration = 0
            with np.errstate(all="ignore"):
                loss = (
                    new.loss(self.setup.X, self.setup.Y, self.reduction)
                    if np.all(np.isfinite(new.flat()))
                    else math.inf
                )
            if math.isfinite(loss):
                self._loss.append(loss)
            else:
                self._diverged_at = len(self._loss)

    # ---- the step table ---------------------------------------------------------------------
    def _table_html(self) -> str:
        step, lang = self._step, self.lang
        if step is None:
            return f"<p><i>{_escape(t('table.empty', lang))}</i></p>"
        names = self.names
        trace = step["trace"]
        samples = ", ".join(str(r + 1) for r in step["rows"])
        caption = t(
            "table.caption",
            lang,
            iteration=step["iteration"],
            samples=samples,
            eta=self.settings()["eta"],
        )
        parts = [f"<p><b>{_escape(caption)}</b></p>"]
        # forward: one row per sample
        head = [t("table.sample", lang)] + names["units"][0]
        for k in range(len(trace.layers)):
            head += names["sum"][k] + names["units"][k + 1]
        head += [f"y{plots.sub(j + 1)}" for j in range(step["Y"].shape[1])]
        rows = []
        for r, row in enumerate(step["rows"]):
            cells = [str(row + 1)] + [plots.fmt(v) for v in trace.X[r]]
            for lt in trace.layers:
                cells += [plots.fmt(v) for v in lt.a[r]] + [plots.fmt(v) for v in lt.out[r]]
            cells += [plots.fmt(v) for v in step["Y"][r]]
            rows.append(cells)
        parts.append(_html_table(t("table.forward", lang), head, rows))
        if step["phase"] in ("backward", "update"):
            head = [t("table.sample", lang)]
            for k in reversed(range(len(trace.layers))):
                head += names["delta"][k]
            rows = []
            for r, row in enumerate(step["rows"]):
                cells = [str(row + 1)]
                for k in reversed(range(len(trace.layers))):
                    cells += [plots.fmt(v) for v in step["deltas"][k][r]]
                rows.append(cells)
            parts.append(_html_table(t("table.backward", lang), head, rows))
            grads = step["grads"]
            eta, frozen = self.settings()["eta"], not self.settings()["train_offsets"]
            head = [
                t("table.parameter", lang),
                t("table.old", lang),
                t("table.gradient", lang),
                t("table.delta", lang),
                t("table.new", lang),
            ]
            rows = []
            new = step.get("new")
            old = self.net if new is None else step["old"]
            for k, (layer, g) in enumerate(zip(old.layers, grads.layers)):
                n_in, n_out = layer.W.shape
                for i in range(n_in):
                    for j in range(n_out):
                        delta = -eta * g.W[i, j]
                        rows.append(
                            [
                                names["W"][k][i][j],
                                plots.fmt(layer.W[i, j]),
                                plots.fmt(g.W[i, j]),
                                plots.fmt(delta),
                                plots.fmt(new.layers[k].W[i, j]) if new else "…",
                            ]
                        )
                for j in range(n_out):
                    delta = 0.0 if frozen else -eta * g.offset[j]
                    rows.append(
                        [
                            names["offset"][k][j],
                            plots.fmt(layer.offset[j]),
                            plots.fmt(g.offset[j]),
                            plots.fmt(delta),
                            plots.fmt(new.layers[k].offset[j]) if new else "…",
                        ]
                    )
            parts.append(_html_table(t("table.update", lang), head, rows))
            parts.append(f"<p>{_escape(t('table.loss', lang))}: {plots.fmt(grads.loss, 6)}</p>")
        return "\n".join(parts)

    # ---- display ----------------------------------------------------------------------------
    def snapshot_png(self) -> bytes:
        """The loss curve and the network side by side, as one PNG (static renderers)."""
        from PIL import Image

        images = [
            Image.open(io.BytesIO(v))
            for v in (self.loss_image.value, self.network_image.value, self.boundary_image.value)
            if v
        ]
        height = max(im.height for im in images)
        out = Image.new("RGB", (sum(im.width for im in images), height), "white")
        x = 0
        for im in images:
            out.paste(im, (x, 0))
            x += im.width
        buf = io.BytesIO()
        out.save(buf, format="png")
        return buf.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        # The widget for live kernels, plus a PNG and plain text for places without widget
        # state (GitHub, nbviewer, a notebook opened after the kernel stopped).
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data = dict(data)
        data["image/png"] = self.snapshot_png()
        data["text/plain"] = self.code_line()
        return data

    def __repr__(self):
        return self.code_line()


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_table(caption: str, head: list, rows: list) -> str:
    th = "".join(f"<th style='padding:2px 6px'>{_escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f"<td style='padding:2px 6px;text-align:right'>{_escape(c)}</td>" for c in row)
        + "</tr>"
        for row in rows
    )
    return (
        f"<table style='border-collapse:collapse;font-size:90%'>"
        f"<caption style='text-align:left'><b>{_escape(caption)}</b></caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )


def playground(example: str | None = None, **kwargs) -> Playground:
    """Build a training playground and return it (it displays itself in a notebook).

    Parameters are those of :class:`Playground`; ``playground(example="xor", lang="en")``.
    The "show code" button prints a call of this function that rebuilds the current state.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    >>> pg = playground(sizes=(2, 2, 1), X=X, Y=Y, lang="zh", sync=True)
    >>> pg.code_line().startswith("bpcore.widgets.playground(sizes=(2, 2, 1)")
    True
    """
    return Playground(example, **kwargs)


__all__ = ["LANGS", "Playground", "Setup", "playground", "setup_custom", "setup_from_example"]
