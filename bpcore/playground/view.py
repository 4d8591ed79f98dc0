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
import time

import numpy as np

from .. import plots
from ..errors import InputError
from ..i18n import DEFAULT_LANG, check_lang, t
from . import snapshot
from .controls import Controls
from .inputs import read_integer, read_number
from .livetrain import train_live
from .painter import Painter
from .runner import Runner
from .session import AUTO_EPOCHS, MAX_EPOCHS, MAX_HIDDEN, MAX_SEED, Session
from .setup import _round, setup_custom, setup_from_example
from .steptable import _escape, step_table_html

#: The widgets of :class:`~bpcore.playground.controls.Controls`, reachable as attributes of
#: the playground (``pg.eta_slider``, ``pg.loss_panel``, ...).
WIDGETS = frozenset(
    """eta_slider eta_box epochs_box batch_box seed_box hidden_box mode_box offsets_box
    activation_box lang_box auto_box values_box messages train_button pause_button
    step_iteration_button step_epoch_button reset_button reset_weights_button randomise_button
    clear_runs_button show_code_button status title table code code_label loss_panel
    network_panel boundary_panel weights_panel weight_sliders has_boundary""".split()
)


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
        self._last_error: BaseException | None = None
        self._t_event: float | None = None  # when the newest change came in (perf_counter)
        self.controls = Controls(
            self.session, self.lang, auto=auto, show_values=show_values, on_weight=self._on_weight
        )
        c = self.controls
        self.painter = Painter(
            self.session, c.loss_panel, c.network_panel, c.boundary_panel, self.lang
        )
        self.widget = c.widget
        self.widget.playground = self  # reach the object from the displayed widget

        # ---- wiring -------------------------------------------------------------------------
        self.eta_slider.observe(self._on_eta_slider, names="value")
        for name, control in c.typed().items():
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
    def __getattr__(self, name):
        # the widgets live in self.controls; pg.eta_slider etc. stay as they always were
        if name in WIDGETS and "controls" in self.__dict__:
            return getattr(self.__dict__["controls"], name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

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

    # ---- events -----------------------------------------------------------------------------
    @_safe
    def _on_eta_slider(self, change):
        if self.controls.quiet:
            return
        eta = float(change["new"])
        self.controls.set_quietly(self.eta_box, str(_round(eta)))
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
        if self.controls.quiet:
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
            self.controls.set_quietly(self.eta_slider, value)
            self._changed(eta=value)
        elif name == "seed":
            self.session.settings["seed"] = value  # used by the next "randomise"
        elif name == "hidden_units":
            if value != self.session.hidden_units:
                self.runner.cancel()
                self.session.set_hidden_units(value)
                self.controls.build_weight_sliders()
                self._apply_lang()
                self._after_change()
        elif name == "batch_size":
            self._changed(batch_size=value)
        else:
            self._changed(epochs=value)

    @_safe
    def _on_choice(self, change):
        if self.controls.quiet:
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
        if self.controls.quiet:
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
                self.controls.build_weight_sliders()
                self._apply_lang()
                self.controls.set_quietly(self.hidden_box, str(self.session.hidden_units))
        self._set_weights(self.session.tutorial_flat)
        self._set_status(t("status.tutorial_values", self.lang))

    @_safe
    def randomise(self) -> None:
        """New initial values drawn from the seed (the seed then moves on by one)."""
        seed = self.session.settings["seed"]
        self._set_weights(self.session.randomised(seed))
        self.session.settings["seed"] = seed + 1
        self.controls.set_quietly(self.seed_box, str(seed + 1))
        if not self.running:
            self._set_status(t("status.randomised", self.lang, seed=seed))

    def _set_weights(self, flat):
        self.runner.cancel()
        self.controls.set_sliders(flat)
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
        """The job: bpcore.playground.livetrain.train_live, drawing through the painter."""
        t_event, self._t_event = self._t_event, None
        yield from train_live(
            job,
            self.session,
            target,
            start=lambda: self._render_loss(full=True),
            frame=functools.partial(self._frame, target),
            pause=self.runner.let_messages_out,
            finish=self._finish,
            t_event=t_event,
        )

    def _frame(self, target: int, slow: bool) -> None:
        s = self.session
        self._render_loss(alt=slow)
        if slow:
            self._set_status(
                t("status.running", self.lang, epoch=s.epochs_run, epochs=target, loss=s.loss[-1])
            )
            self._render_network()
            self._render_boundary()

    def _finish(self, timing) -> None:
        self.painter.timing = timing
        self._render_all()
        self._status()

    # ---- drawing: numbers to the panels (bpcore.playground.painter) -------------------------
    def _render_loss(self, full: bool = False, alt: bool = True) -> None:
        self.painter.loss(full=full, alt=alt)

    def _render_network(self) -> None:
        self.painter.network(show_values=self.values_box.value)

    def _render_boundary(self) -> None:
        self.painter.boundary()

    def _boundary_values(self) -> np.ndarray:
        return self.painter.boundary_values()

    def _render_all(self) -> None:
        with self.session.lock:
            self._render_loss(full=True)
            self.runner.let_messages_out()  # the curve first, while the rest is made
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
        self.painter.lang = self.lang
        self.controls.relabel(self.lang, self.painter.texts())
        self._relabel_pause()

    @_safe
    def _on_lang(self, change):
        if self.controls.quiet:
            return
        self.set_lang(change["new"])

    def set_lang(self, lang: str) -> None:
        """Switch every label, tooltip, panel and message to ``lang`` ("zh" or "en")."""
        self.lang = check_lang(lang)
        with self.session.lock:
            self.controls.set_quietly(self.lang_box, lang)
            self._apply_lang()
            for (
                name,
                control,
            ) in self.controls.typed().items():  # re-read: messages in the new language
                if self.messages[name].value:
                    self._on_typed(name, {"new": control.value})
            self._render_all()
            self._status()
            if self.code.layout.display != "none":
                self.code.value = self.code_line()

    # ---- saved notebooks (bpcore.playground.snapshot) --------------------------------------
    def snapshot_png(self) -> bytes:
        """A static picture for places without widget state (GitHub, nbviewer): the loss
        curve and the network after a short real run with the current settings (or the
        current run, if one was trained), drawn by :mod:`bpcore.plots`."""
        return snapshot.snapshot_png(self.session, self.lang)

    def png(self, panel: str = "network") -> bytes:
        """A static PNG of one panel as it is now ("loss" or "network"), by bpcore.plots."""
        return snapshot.panel_png(self.session, self.lang, panel, self.values_box.value)

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
