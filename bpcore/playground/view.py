"""The playground view: widgets only; state is a Session, work runs on a Runner.

Controls stay enabled while a run trains: a new value cancels the running job and trains the
newest settings.  Numbers (η, epochs, seed, hidden units, batch size) are typed into text boxes
and read on commit (Enter or leaving the box); a value that is not a number, not whole, or
out of range is refused with a message beside the box, in the notebook's language, and the
previous value stays in force.  Runs longer than ``AUTO_EPOCHS`` wait for Train.

Examples
--------
>>> from bpcore.playground import Playground
>>> pg = Playground("xor", lang="en", epochs=200, sync=True)
>>> pg.epochs_box.value = "2.5"
>>> pg.settings()["epochs"], pg.message("epochs")
(200, 'epochs: “2.5” is not a whole number; not used (expected 1 to 1000000).')
>>> pg.train_button.click()
>>> pg.history.epochs_run
200
"""

from __future__ import annotations

import functools
import math
import time

import numpy as np

from .. import plots
from ..errors import InputError
from ..i18n import DEFAULT_LANG, both, check_lang, t
from ..network import batch_forward
from ..train import MODES
from . import panels
from .inputs import read_integer, read_number
from .runner import Runner
from .session import (
    ACTIVATION_CHOICES,
    AUTO_EPOCHS,
    MAX_EPOCHS,
    MAX_HIDDEN,
    MAX_SEED,
    Session,
)
from .setup import _round, setup_custom, setup_from_example
from .steptable import _escape, step_table_html

#: Seconds between two frames of a running loss curve (30 a second).
FRAME_INTERVAL = 1 / 30
#: Every how many curve frames the status line, the loss panel's alt text, the network and
#: the boundary are sent (5 a second at 30 frames a second). Counted in frames, not seconds,
#: so the traffic per curve frame is the same on a busy machine. Each widget message carries
#: ~0.7 KB of envelope besides its numbers: the alt text sent with every frame and the rest
#: every 3rd frame came to 2.7 KB per curve frame; now ~1.1 KB. The browser test measures all
#: traffic against the 2 KB budget; a counter read 5 times a second stays legible.
SLOW_EVERY = 6
#: Grid points per axis of the decision-boundary panel (one byte each on the wire).
GRID = 25
#: A map whose ŷ varies less than this has no decision boundary worth drawing.
FLAT = 0.02
#: Epochs of the short real run behind a saved notebook's static picture (at most).
FALLBACK_EPOCHS = 2000


def _ipywidgets():
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a core dependency
        raise ImportError(both("err.no_ipywidgets")) from exc
    return ipywidgets


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
    hidden_units : int, optional
        Width of the hidden layer (nets with one hidden layer); new widths draw their initial
        weights from ``seed``.
    weights : sequence of float, optional
        Initial parameters in ``Network.flat()`` order (default: the example's).
    seed : int
        Seed of "randomise" (and of a custom net's initial weights).
    sizes, X, Y, offset_kind : optional
        A custom network: layer sizes such as ``(2, 3, 1)`` and its data.
    auto : bool
        Retrain from scratch whenever a setting changes (runs up to ``AUTO_EPOCHS``).
    show_values : bool
        Write weights and gradients on the network's connections.
    fast : bool
        Use bpcore's compiled fast path when available (falls back to NumPy).
    sync : bool
        Run training in the calling thread (tests, scripts); default: a worker thread, or
        cooperative asyncio chunks where threads cannot start.
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
        hidden_units: int | None = None,
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
            setup = setup_custom(sizes, X, Y, seed=seed, offset_kind=offset_kind)
        else:
            setup = setup_from_example(example or "xor")
        self.session = Session(
            setup,
            eta=eta,
            epochs=epochs,
            mode=mode,
            batch_size=batch_size,
            train_offsets=train_offsets,
            hidden_activation=hidden_activation,
            hidden_units=hidden_units,
            reduction=reduction,
            weights=weights,
            seed=seed,
            fast=fast,
        )
        self.setup = setup
        self.sync = bool(sync)
        self.runner = Runner("sync" if sync else "thread", on_error=self._report_error)
        self._quiet = 0  # > 0 while the code itself sets widget values
        self._last_error: BaseException | None = None
        self._sent = 0  # sampled points of the current curve already in the browser
        self._sent_run = None
        # where the time of a retrain went (ms), sent once with its finished curve: read by
        # benchmarks/bench_browser.py from the loss panel's data-kernel attribute
        self._t_event: float | None = None
        self._timing: dict | None = None
        s = self.session.settings

        # ---- controls -----------------------------------------------------------------------
        wide = {"description_width": "initial"}
        lo, hi = self.session.eta_range
        self.eta_slider = W.FloatLogSlider(
            value=s["eta"],
            base=10,
            min=math.log10(lo),
            max=math.log10(hi),
            step=0.01,
            continuous_update=False,
            readout_format=".3g",
            style=wide,
            layout=W.Layout(width="300px"),
        )

        def box(value, width="110px"):
            return W.Text(
                value=str(value), continuous_update=False, style=wide, layout=W.Layout(width=width)
            )

        self.eta_box = box(_round(s["eta"]), "150px")
        self.epochs_box = box(s["epochs"], "200px")
        self.batch_box = box(s["batch_size"], "160px")
        self.seed_box = box(s["seed"], "160px")
        self.hidden_box = box(self.session.hidden_units or "", "170px")
        self.hidden_box.disabled = self.session.hidden_units is None
        self.mode_box = W.Dropdown(
            options=self._mode_options(),
            value=s["mode"],
            style=wide,
            layout=W.Layout(width="300px"),
        )
        self.offsets_box = W.Checkbox(
            value=s["train_offsets"], indent=False, layout=W.Layout(width="auto")
        )
        self.activation_box = W.Dropdown(
            options=self._activation_options(),
            value=s["hidden_activation"],
            style=wide,
            layout=W.Layout(width="300px"),
            disabled=len(setup.network.layers) < 2,
        )
        self.lang_box = W.ToggleButtons(
            options=[("中文", "zh"), ("English", "en")],
            value=self.lang,
            style={"button_width": "70px"},
        )
        self.auto_box = W.Checkbox(value=bool(auto), indent=False, layout=W.Layout(width="auto"))
        self.values_box = W.Checkbox(
            value=bool(show_values), indent=False, layout=W.Layout(width="auto")
        )
        # a message beside every typed box: why a value was refused
        self.messages = {
            name: W.HTML(layout=W.Layout(margin="0 0 0 8px"))
            for name in ("eta", "epochs", "batch_size", "seed", "hidden_units")
        }

        # ---- buttons ------------------------------------------------------------------------
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

        # ---- outputs ------------------------------------------------------------------------
        self.status = W.HTML()
        self.title = W.HTML()
        self.table = W.HTML()
        self.code = W.Textarea(layout=W.Layout(width="100%", height="70px", display="none"))
        self.code_label = W.HTML(layout=W.Layout(display="none"))
        LossPanel, DataPanel = panels.panel_classes()
        self.loss_panel = LossPanel(kind="loss", lang=self.lang)
        self.network_panel = DataPanel(kind="network", lang=self.lang)
        spec = setup.network.spec
        self.has_boundary = spec.sizes[0] == 2 and spec.sizes[-1] == 1
        self.boundary_panel = DataPanel(kind="boundary", lang=self.lang)
        if self.has_boundary:
            X = setup.X
            lo_, hi_ = X.min(axis=0), X.max(axis=0)
            pad = 0.25 * np.maximum(hi_ - lo_, 1e-9)
            self._extent = [lo_[0] - pad[0], hi_[0] + pad[0], lo_[1] - pad[1], hi_[1] + pad[1]]
            gx = np.linspace(self._extent[0], self._extent[1], GRID)
            gy = np.linspace(self._extent[2], self._extent[3], GRID)
            mx, my = np.meshgrid(gx, gy)  # row r is y = gy[r]
            self._grid = np.column_stack([mx.ravel(), my.ravel()])

        # ---- layout -------------------------------------------------------------------------
        self._labels: dict = {}
        self.weights_panel = W.Accordion(children=[W.VBox()])
        self._build_weight_sliders()

        def row(*children):
            return W.HBox(list(children), layout=W.Layout(align_items="center"))

        settings = W.VBox(
            [
                self.eta_slider,
                row(self.eta_box, self.messages["eta"]),
                row(self.epochs_box, self.messages["epochs"]),
                self.mode_box,
                row(self.batch_box, self.messages["batch_size"]),
                W.HBox([self.offsets_box, self._label("ui.train_offsets")]),
                self.activation_box,
                row(self.hidden_box, self.messages["hidden_units"]),
                W.HBox([self.auto_box, self._label("ui.auto")]),
                W.HBox([self.values_box, self._label("ui.show_values")]),
                self.lang_box,
            ],
            layout=W.Layout(width="380px"),
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
        wrap = W.Layout(flex_flow="row wrap", align_items="flex-start")
        pictures = [self.network_panel] + ([self.boundary_panel] if self.has_boundary else [])
        # buttons, status, then what the buttons produce (step table, code) right under
        # them; then the settings beside the live curve; then the network and the boundary
        self.widget = W.VBox(
            [
                self.title,
                actions,
                self.status,
                self.code_label,
                self.code,
                self.table,
                W.HBox([settings, self.loss_panel], layout=wrap),
                W.HBox(pictures, layout=wrap),
                self.weights_panel,
            ]
        )
        self.widget.playground = self  # reach the object from the displayed widget

        # ---- wiring -------------------------------------------------------------------------
        self.eta_slider.observe(self._on_eta_slider, names="value")
        for name, control in self._typed().items():
            control.observe(functools.partial(self._on_typed, name), names="value")
        for control in (self.mode_box, self.offsets_box, self.activation_box):
            control.observe(self._on_choice, names="value")
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

        self._apply_lang()
        self._render_all()
        self._status()

    # ---- small helpers ----------------------------------------------------------------------
    def _typed(self) -> dict:
        return {
            "eta": self.eta_box,
            "epochs": self.epochs_box,
            "batch_size": self.batch_box,
            "seed": self.seed_box,
            "hidden_units": self.hidden_box,
        }

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

    @property
    def last_error(self):
        """The last exception a handler caught (shown in the status line), or None."""
        return self._last_error

    def message(self, name: str) -> str:
        """The text beside the box ``name`` (why a typed value was refused), or ""."""
        import html
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.messages[name].value))

    @property
    def net(self):
        return self.session.net

    @property
    def names(self):
        spec = self.session.network.spec
        return plots.symbols(spec.sizes, spec.offsets)

    @property
    def history(self):
        """The current run as a :class:`bpcore.History`."""
        return self.session.history

    @property
    def _step(self):
        return self.session.step

    @property
    def _tutorial_flat(self):
        return self.session.tutorial_flat

    @property
    def running(self) -> bool:
        """True while a training job is in progress or queued."""
        return self.runner.busy

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the running training (if any) has finished; True if none is left."""
        return self.runner.wait(timeout)

    # ---- settings ---------------------------------------------------------------------------
    def settings(self) -> dict:
        """The settings in force, as keyword arguments of :func:`bpcore.train` (+ activation)."""
        s = self.session.settings
        return {
            "eta": s["eta"],
            "epochs": s["epochs"],
            "mode": s["mode"],
            "batch_size": s["batch_size"] if s["mode"] == "minibatch" else None,
            "train_offsets": s["train_offsets"],
            "reduction": s["reduction"],
            "hidden_activation": s["hidden_activation"],
        }

    def initial_flat(self) -> np.ndarray:
        """The initial parameters set by the sliders, in ``Network.flat()`` order."""
        return self.session.initial.copy()

    def initial_network(self):
        return self.session.initial_network()

    def _build_weight_sliders(self):
        W = _ipywidgets()
        spec = self.session.network.spec
        names = plots.symbols(spec.sizes, spec.offsets)
        flat = self.session.initial
        self.weight_sliders = []
        self._layer_headers = []
        groups = []
        k_flat = 0
        for k, layer in enumerate(self.session.network.layers):
            n_in, n_out = layer.W.shape
            labels = [names["W"][k][i][j] for i in range(n_in) for j in range(n_out)]
            labels += names["offset"][k]
            sliders = []
            for name in labels:
                value = float(flat[k_flat])
                limit = max(3.0, math.ceil(2.0 * abs(value)))
                slider = W.FloatSlider(
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
                slider.observe(self._on_weight, names="value")
                sliders.append(slider)
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
        self.weights_panel.children = [
            W.VBox(
                [
                    *groups,
                    W.HBox(
                        [
                            self.reset_weights_button,
                            self.randomise_button,
                            self.seed_box,
                            self.messages["seed"],
                        ]
                    ),
                ]
            )
        ]
        self.weights_panel.selected_index = 0 if len(self.weight_sliders) <= 16 else None

    def _set_sliders(self, flat):
        self._quiet += 1
        try:
            for slider, value in zip(self.weight_sliders, flat):
                value = _round(float(value))
                limit = max(3.0, math.ceil(2.0 * abs(value)))
                slider.min, slider.max = -max(limit, -slider.min), max(limit, slider.max)
                slider.value = value
        finally:
            self._quiet -= 1

    def _set_quietly(self, widget, value):
        self._quiet += 1
        try:
            widget.value = value
        finally:
            self._quiet -= 1

    # ---- events -----------------------------------------------------------------------------
    @_safe
    def _on_eta_slider(self, change):
        if self._quiet:
            return
        eta = float(change["new"])
        self._set_quietly(self.eta_box, str(_round(eta)))
        self.messages["eta"].value = ""
        self._changed(eta=eta)

    def _read(self, name: str, text):
        label = t(f"ui.{name}", self.lang)
        s = self.session
        if name == "eta":
            lo, hi = s.eta_range
            return read_number(text, label, lo, hi)
        if name == "epochs":
            return read_integer(text, label, 1, MAX_EPOCHS)
        if name == "batch_size":
            return read_integer(text, label, 1, s.n)
        if name == "seed":
            return read_integer(text, label, 0, MAX_SEED)
        return read_integer(text, label, 1, MAX_HIDDEN)

    @_safe
    def _on_typed(self, name, change):
        if self._quiet:
            return
        try:
            value = self._read(name, change["new"])
        except InputError as exc:
            self.messages[
                name
            ].value = (
                f'<span style="color:#c0392b" role="alert">{_escape(exc.message(self.lang))}</span>'
            )
            return
        self.messages[name].value = ""
        if name == "eta":
            self._set_quietly(self.eta_slider, value)
            self._changed(eta=value)
        elif name == "seed":
            self.session.settings["seed"] = value  # used by the next "randomise"
        elif name == "hidden_units":
            if value != self.session.hidden_units:
                self.runner.cancel()
                self.session.set_hidden_units(value)
                self._build_weight_sliders()
                self._apply_lang()
                self._after_change()
        elif name == "batch_size":
            self._changed(batch_size=value)
        else:
            self._changed(epochs=value)

    @_safe
    def _on_choice(self, change):
        if self._quiet:
            return
        owner = change.get("owner")
        name = {
            id(self.mode_box): "mode",
            id(self.offsets_box): "train_offsets",
            id(self.activation_box): "hidden_activation",
        }[id(owner)]
        self._changed(**{name: change["new"]})

    @_safe
    def _on_weight(self, change):
        if self._quiet:
            return
        self.runner.cancel()
        self.session.set_initial([float(s.value) for s in self.weight_sliders])
        self._after_change()

    def _changed(self, **changes):
        """New settings: cancel the running job, archive the run, train the newest settings."""
        self._t_event = time.perf_counter()
        self.runner.cancel()
        self.session.update(**changes)
        self._after_change()

    def _after_change(self):
        if self.code.layout.display != "none":
            self.code.value = self.code_line()
        epochs = self.session.settings["epochs"]
        if self.auto_box.value and epochs <= AUTO_EPOCHS:
            self._start(epochs)
        else:
            self._render_all()
            self._status()
            if self.auto_box.value:
                self._set_status(t("status.wait_train", self.lang, epochs=epochs))

    @_safe
    def _on_values(self, change):
        self._render_network()

    # ---- actions ----------------------------------------------------------------------------
    @_safe
    def train(self) -> None:
        """Train from the initial values for the chosen number of epochs (live curve)."""
        self._t_event = time.perf_counter()
        self.runner.cancel()
        with self.session.lock:
            self.session.archive()
            self.session.reset()
        self._start(self.session.settings["epochs"])

    @_safe
    def pause(self) -> None:
        """Pause the running training, or resume a paused one."""
        s = self.session
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
            with s.lock:
                self._render_all()
                self._status()
            return
        if s.target is not None and not s.finished(s.target):
            self._start(s.target)

    def _cannot_step(self) -> bool:
        if self.session.diverged_at is not None:
            self._status()
            return True
        return False

    @_safe
    def step_epoch(self) -> None:
        """Train one more epoch from the current state (finishing a partial epoch first)."""
        self.runner.cancel()
        self.runner.wait()
        if self._cannot_step():
            return
        with self.session.lock:
            self.session.step_epoch()
            self._render_all()
            self._status()

    @_safe
    def step_iteration(self) -> None:
        """One phase of one iteration per call: forward, then backward, then update."""
        self.runner.cancel()
        self.runner.wait()
        if self._cannot_step():
            return
        s = self.session
        with s.lock:
            s.step_phase()
            step = s.step
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
        self.runner.cancel()
        with self.session.lock:
            self.session.archive()
            self.session.reset()
            self._render_all()
            self._status()

    @_safe
    def reset_weights(self) -> None:
        """Set every initial-value slider back to the tutorial's numbers."""
        if self.session.network.spec.sizes != self.setup.network.spec.sizes:
            self.runner.cancel()
            with self.session.lock:
                self.session.network = self.setup.network.copy()
                self._build_weight_sliders()
                self._apply_lang()
                self._set_quietly(self.hidden_box, str(self.session.hidden_units))
        self._set_weights(self.session.tutorial_flat)
        self._set_status(t("status.tutorial_values", self.lang))

    @_safe
    def randomise(self) -> None:
        """New initial values drawn from the seed (the seed then moves on by one)."""
        seed = self.session.settings["seed"]
        self._set_weights(self.session.randomised(seed))
        self.session.settings["seed"] = seed + 1
        self._set_quietly(self.seed_box, str(seed + 1))
        if not self.running:
            self._set_status(t("status.randomised", self.lang, seed=seed))

    def _set_weights(self, flat):
        self.runner.cancel()
        self._set_sliders(flat)
        self.session.set_initial([float(s.value) for s in self.weight_sliders])
        self._after_change()

    @_safe
    def clear_runs(self) -> None:
        """Remove the faded curves of earlier runs."""
        with self.session.lock:
            self.session.runs.clear()
            self._render_loss(full=True)
        self._set_status(t("status.cleared", self.lang))

    @_safe
    def show_code(self) -> None:
        """Show the one line of code that rebuilds this playground, right under the buttons."""
        self.code.value = self.code_line()
        self.code.layout.display = ""
        self.code_label.layout.display = ""

    def code_line(self) -> str:
        """``bpcore.widgets.playground(...)`` with the current settings, as one line."""
        args = self.session.code_args(self.lang)
        inner = ", ".join(f"{k}={v!r}" for k, v in args.items())
        return f"bpcore.widgets.playground({inner})"

    # ---- training ---------------------------------------------------------------------------
    def _start(self, target: int) -> None:
        self.runner.submit(functools.partial(self._train_work, target=target))

    def _train_work(self, job, target: int):
        """The job: chunks of bpcore.train, a frame for the browser about every 1/30 s."""
        s = self.session
        t_job = time.perf_counter()
        t_event, self._t_event = self._t_event, None
        trained = framing = 0.0
        with s.lock:
            if job.cancelled:
                return
            cached = s.begin(target)
            run_id = s.run_id
            if cached:
                self._render_all()
                self._status()
                return
            self._render_loss(full=True)
        rate = None
        last_frame = time.perf_counter()
        frames = 0
        while True:
            due = last_frame + FRAME_INTERVAL - time.perf_counter()
            budget = min(max(due, 0.002), FRAME_INTERVAL / 2)
            chunk = 25 if rate is None else max(1, min(MAX_EPOCHS, int(rate * budget)))
            with s.lock:
                if job.cancelled or s.run_id != run_id:
                    return
                if s.finished(target):
                    break
                chunk = min(chunk, target - s.epochs_run)
                started = time.perf_counter()
                s.train_chunk(chunk)
                took = time.perf_counter() - started
                trained += took
                rate = chunk / max(took, 1e-6)
                now = time.perf_counter()
                if now >= last_frame + FRAME_INTERVAL - 0.002:
                    last_frame = now
                    framing -= now
                    frames += 1
                    slow = frames % SLOW_EVERY == 0
                    self._render_loss(alt=slow)
                    if slow:
                        self._set_status(
                            t(
                                "status.running",
                                self.lang,
                                epoch=s.epochs_run,
                                epochs=target,
                                loss=s.loss[-1],
                            )
                        )
                        self._render_network()
                        self._render_boundary()
                    framing += time.perf_counter()
            yield
        with s.lock:
            if job.cancelled or s.run_id != run_id:
                return
            s.remember()
            if t_event is not None:
                self._timing = {
                    "queue": round((t_job - t_event) * 1e3, 2),
                    "train": round(trained * 1e3, 2),
                    "frames": frames,
                    "framing": round(framing * 1e3, 2),
                    "done": round((time.perf_counter() - t_event) * 1e3, 2),
                }
            self._render_all()
            self._status()

    # ---- drawing: numbers to the panels -----------------------------------------------------
    def _texts(self) -> dict:
        lang = self.lang
        return {
            "title": t("plot.loss.title", lang),
            "xlabel": t("plot.loss.xlabel", lang),
            "ylabel": t("plot.loss.ylabel", lang),
            "current": t("plot.loss.current", lang),
        }

    def _render_loss(self, full: bool = False, alt: bool = True) -> None:
        s, lang = self.session, self.lang
        target = s.target or max(s.settings["epochs"], s.epochs_run)
        stride = panels.stride_for(max(target, s.epochs_run))
        if full or self._sent_run != (s.run_id, stride):
            runs = []
            for run in s.runs:
                st = panels.stride_for(len(run.loss) - 1)
                runs.append(
                    {
                        "label": s.run_label(run.settings, lang),
                        "stride": st,
                        "values": panels.sampled(run.loss, st),
                        "last": [len(run.loss) - 1, panels._sig(run.loss[-1])],
                    }
                )
            if self.loss_panel.runs != runs:
                self.loss_panel.runs = runs
            values = panels.sampled(s.loss, stride)
            settings = s.run_settings or s.settings
            curve = {
                "id": s.run_id,
                "stride": stride,
                "target": target,
                "values": values,
                "last": [s.epochs_run, panels._sig(s.loss[-1])],
                "label": t("plot.loss.current", lang)
                + ("：" if lang == "zh" else ": ")  # full-width colon in Chinese
                + s.run_label(settings, lang),
                "diverged_at": s.diverged_at,
                "note": self._curve_note(),
            }
            if self._timing is not None:  # a finished retrain: where its time went
                curve["timing"], self._timing = self._timing, None
            self.loss_panel.curve = curve
            self._sent, self._sent_run = len(values), (s.run_id, stride)
        else:
            values = panels.sampled(s.loss, stride, self._sent * stride)
            self.loss_panel.tail = {
                "id": s.run_id,
                "i0": self._sent,
                "values": values,
                "last": [s.epochs_run, panels._sig(s.loss[-1])],
            }
            self._sent += len(values)
        if alt:  # a screen reader is not read the epoch 30 times a second
            self.loss_panel.alt = t(
                "plot.loss.alt", lang, runs=len(s.runs) + 1, epoch=s.epochs_run, loss=s.loss[-1]
            )

    def _curve_note(self) -> str:
        s = self.session
        if s.diverged_at is not None:
            return t("plot.loss.diverged", self.lang, epoch=s.diverged_at)
        if s.epochs_run == 0:
            return t("plot.loss.empty", self.lang)
        return ""

    def _render_network(self) -> None:
        s, lang = self.session, self.lang
        net, step = s.net, s.step
        spec = net.spec
        names = plots.symbols(spec.sizes, spec.offsets)
        fixed = {
            "sizes": list(spec.sizes),
            "weight_names": names["W"],
            "offset_names": names["offset"],
            "unit_names": names["units"],
            "legend": t("plot.net.legend", lang),
        }
        data = {  # a step's backward phase overrides the names with ∂E/∂ names
            "W": [panels.matrix(layer.W) for layer in net.layers],
            "offsets": [panels.vector(layer.offset) for layer in net.layers],
            "show_values": bool(self.values_box.value),
            "title": t("plot.net.title", lang),
            "note": "",
        }
        phase = "weights"
        if step is not None:
            phase = step["phase"]
            k, m = step["sample_shown"], len(step["rows"])
            if m > 1:
                data["note"] = t("plot.net.sample", lang, k=step["rows"][k] + 1, m=m)
            data["title"] = t(f"plot.net.title_{phase}", lang)
            if phase == "forward":
                trace = step["trace"]
                data["unit_values"] = [panels.vector(trace.X[k])] + [
                    panels.vector(lt.out[k]) for lt in trace.layers
                ]
                data["unit_value_names"] = [[f"{n} = " for n in u] for u in names["units"]]
            elif phase == "backward":
                grads = step["grads"]
                data["edge_values"] = [panels.matrix(g.W) for g in grads.layers]
                data["offset_values"] = [panels.vector(g.offset) for g in grads.layers]
                data["weight_names"] = [
                    [["∂E/∂" + n for n in row] for row in layer] for layer in names["W"]
                ]
                data["offset_names"] = [["∂E/∂" + n for n in layer] for layer in names["offset"]]
                data["unit_values"] = [[]] + [panels.vector(d[k]) for d in step["deltas"]]
                data["unit_value_names"] = [[]] + [[f"{n} = " for n in u] for u in names["delta"]]
            else:
                new = step["new"]
                data["edge_values"] = [panels.matrix(layer.W) for layer in new.layers]
                data["offset_values"] = [panels.vector(layer.offset) for layer in new.layers]
        self.network_panel.show(fixed, data)
        self.network_panel.alt = t(
            "plot.net.alt",
            lang,
            sizes="-".join(map(str, spec.sizes)),
            phase=t(f"phase.{phase}", lang),
        )

    def _boundary_values(self) -> np.ndarray:
        with np.errstate(all="ignore"):
            z = batch_forward(self.session.net, self._grid).output[:, 0]
        return np.nan_to_num(z, nan=0.5)

    def _render_boundary(self) -> None:
        if not self.has_boundary:
            return
        lang = self.lang
        z = self._boundary_values()
        spread = float(np.max(z) - np.min(z))
        flat = spread < FLAT
        self.boundary_panel.show(
            {
                "n": GRID,
                "extent": [float(v) for v in self._extent],
                "X": self.setup.X.tolist(),
                "Y": self.setup.Y[:, 0].tolist(),
                "title": t("plot.boundary.title", lang),
                "xlabel": t("plot.boundary.xlabel", lang),
                "ylabel": t("plot.boundary.ylabel", lang),
            },
            {
                "z": panels.encode_grid(np.clip(z, 0.0, 1.0)),
                "flat": flat,
                "note": t("plot.boundary.flat", lang, value=float(np.mean(z))) if flat else "",
            },
        )
        self.boundary_panel.alt = t("plot.boundary.alt", lang)

    def _render_all(self) -> None:
        with self.session.lock:
            self._render_loss(full=True)
            self._render_network()
            self._render_boundary()
            self.table.value = step_table_html(self.session, self.names, self.lang)

    def _status(self) -> None:
        key, fields = self.session.verdict()
        lang = self.lang
        if key == "status.diverged":
            gap = "" if lang == "zh" else " "
            text = t(key, lang, **fields) + gap + t("status.diverged_hint", lang)
            self._set_status(text, "#c0392b")
        elif key in ("status.oscillating", "status.no_progress"):
            self._set_status(t(key, lang, **fields), "#b9770e")
        else:
            self._set_status(t(key, lang, **fields))
        self._relabel_pause()

    def _relabel_pause(self):
        s = self.session
        paused = not self.runner.busy and s.target is not None and not s.finished(s.target)
        self.pause_button.description = t("btn.resume" if paused else "btn.pause", self.lang)

    # ---- language ---------------------------------------------------------------------------
    def _apply_lang(self):
        lang = self.lang
        self._quiet += 1
        try:
            name = self.setup.title_in(lang)
            self.title.value = f"<h3>{_escape(t('ui.title', lang, name=name))}</h3>"
            for control, key in (
                (self.eta_slider, "eta"),
                (self.eta_box, "eta_text"),
                (self.epochs_box, "epochs"),
                (self.mode_box, "mode"),
                (self.batch_box, "batch_size"),
                (self.activation_box, "hidden_activation"),
                (self.hidden_box, "hidden_units"),
                (self.seed_box, "seed"),
            ):
                control.description = t(f"ui.{key}", lang)
                tip = f"tip.{key}"
                control.tooltip = t(tip, lang) if _has(tip) else t(f"ui.{key}", lang)
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
            spec = self.session.network.spec
            names = self.names
            for k, header in enumerate(self._layer_headers):
                kind = spec.offsets[k]
                symbols = f"{names['W'][k][0][0][0]}, {names['offset'][k][0][0]}"
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
            self.pause_button.tooltip = t("tip.pause", lang)
            self._relabel_pause()
            self.code_label.value = _escape(t("ui.code", lang))
            for panel in (self.loss_panel, self.network_panel, self.boundary_panel):
                panel.lang = lang
            self.loss_panel.texts = self._texts()
        finally:
            self._quiet -= 1

    @_safe
    def _on_lang(self, change):
        if self._quiet:
            return
        self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Switch every label, tooltip, panel and message to ``lang`` ("zh" or "en")."""
        self.lang = check_lang(lang)
        with self.session.lock:
            self._set_quietly(self.lang_box, lang)
            self._apply_lang()
            for name, control in self._typed().items():  # re-read: messages in the new language
                if self.messages[name].value:
                    self._on_typed(name, {"new": control.value})
            self._render_all()
            self._status()
            if self.code.layout.display != "none":
                self.code.value = self.code_line()

    # ---- saved notebooks --------------------------------------------------------------------
    def snapshot_png(self) -> bytes:
        """A static picture for places without widget state (GitHub, nbviewer): the loss
        curve and the network after a short real run with the current settings (or the
        current run, if one was trained), drawn by :mod:`bpcore.plots`."""
        from ..train import train as bp_train

        s = self.session
        with s.lock:
            history = s.history if s.epochs_run > 0 else None
            net0 = s.initial_network()
            kwargs = s.train_kwargs()
            settings = dict(s.run_settings or s.settings)
            previous = [(s.run_label(r.settings, self.lang), r.loss) for r in s.runs]
        if history is None:
            epochs = min(settings["epochs"], FALLBACK_EPOCHS)
            history = bp_train(
                net0, self.setup.X, self.setup.Y, epochs=epochs, on_divergence="stop", **kwargs
            )
            settings["epochs"] = epochs
        label = s.run_label(settings, self.lang)
        loss = plots.to_png(
            plots.loss_figure(
                history,
                previous,
                lang=self.lang,
                label=label,
                title=t("plot.fallback", self.lang, epochs=history.epochs_run),
            )
        )
        network = plots.to_png(plots.network_figure(history.net, lang=self.lang))
        return plots.side_by_side([loss, network])

    def png(self, panel: str = "network") -> bytes:
        """A static PNG of one panel as it is now ("loss" or "network"), by bpcore.plots."""
        s = self.session
        with s.lock:
            if panel == "loss":
                previous = [(s.run_label(r.settings, self.lang), r.loss) for r in s.runs]
                label = s.run_label(s.run_settings or s.settings, self.lang)
                fig = plots.loss_figure(s.history, previous, lang=self.lang, label=label)
                return plots.to_png(fig)
            spec = s.net.spec
            plot = plots.NetworkPlot(spec.sizes, spec.offsets, self.lang)
            step = s.step
            weights = [layer.W for layer in s.net.layers]
            offsets = [layer.offset for layer in s.net.layers]
            show = bool(self.values_box.value)
            if step is None:
                plot.draw(weights, offsets, show_values=show)
            elif step["phase"] == "forward":
                k, trace = step["sample_shown"], step["trace"]
                units = [trace.X[k]] + [lt.out[k] for lt in trace.layers]
                plot.draw(weights, offsets, phase="forward", unit_values=units, show_values=show)
            elif step["phase"] == "backward":
                k, grads = step["sample_shown"], step["grads"]
                plot.draw(
                    weights,
                    offsets,
                    phase="backward",
                    edge_values=[g.W for g in grads.layers],
                    offset_values=[g.offset for g in grads.layers],
                    unit_values=[d[k] for d in step["deltas"]],
                    show_values=show,
                )
            else:
                new = step["new"]
                plot.draw(
                    weights,
                    offsets,
                    phase="update",
                    edge_values=[layer.W for layer in new.layers],
                    offset_values=[layer.offset for layer in new.layers],
                    show_values=show,
                )
            return plots.to_png(plot.fig)

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


def _has(key: str) -> bool:
    from ..i18n import MESSAGES

    return key in MESSAGES


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
