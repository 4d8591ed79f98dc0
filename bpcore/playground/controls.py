"""The playground's widgets: its controls, buttons, outputs and live panels, laid out and
labelled in the notebook's language.  :class:`Controls` builds and relabels them; what they
do when used is wired by :class:`bpcore.playground.view.Playground`.

Examples
--------
>>> from bpcore.playground.session import Session
>>> from bpcore.playground.setup import setup_from_example
>>> session = Session(setup_from_example("xor"))
>>> c = Controls(session, lang="en", auto=True, show_values=True, on_weight=print)
>>> c.relabel("en", {})
>>> c.train_button.description, len(c.weight_sliders)
('Train', 13)
"""

from __future__ import annotations

import math

from .. import plots
from ..i18n import MESSAGES, both, t
from ..train import MODES
from . import panels
from .session import ACTIVATION_CHOICES
from .setup import _round
from .steptable import _escape


def _ipywidgets():
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a core dependency
        raise ImportError(both("err.no_ipywidgets")) from exc
    return ipywidgets


class Controls:
    """The widgets of one playground and their layout (``self.widget``).

    Parameters
    ----------
    session : Session
        Its settings give the widgets' first values.
    lang : {"zh", "en"}
    auto, show_values : bool
        First state of "retrain when a setting changes" and "show values".
    on_weight : callable
        Observer of every initial-value slider (``on_weight(change)``).
    """

    def __init__(self, session, lang: str, *, auto: bool, show_values: bool, on_weight):
        W = _ipywidgets()
        self.session = session
        self.on_weight = on_weight
        self.quiet = 0  # > 0 while the code itself sets widget values
        setup = session.setup
        s = session.settings

        # ---- controls -----------------------------------------------------------------------
        wide = {"description_width": "initial"}
        lo, hi = session.eta_range
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
        self.hidden_box = box(session.hidden_units or "", "170px")
        self.hidden_box.disabled = session.hidden_units is None
        self.mode_box = W.Dropdown(
            options=self._mode_options(lang),
            value=s["mode"],
            style=wide,
            layout=W.Layout(width="300px"),
        )
        self.offsets_box = W.Checkbox(
            value=s["train_offsets"], indent=False, layout=W.Layout(width="auto")
        )
        self.activation_box = W.Dropdown(
            options=self._activation_options(lang),
            value=s["hidden_activation"],
            style=wide,
            layout=W.Layout(width="300px"),
            disabled=len(setup.network.layers) < 2,
        )
        self.lang_box = W.ToggleButtons(
            options=[("中文", "zh"), ("English", "en")],
            value=lang,
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
        self.loss_panel = LossPanel(kind="loss", lang=lang)
        self.network_panel = DataPanel(kind="network", lang=lang)
        spec = setup.network.spec
        self.has_boundary = spec.sizes[0] == 2 and spec.sizes[-1] == 1
        self.boundary_panel = DataPanel(kind="boundary", lang=lang)

        # ---- layout -------------------------------------------------------------------------
        self._labels: dict = {}
        self.weights_panel = W.Accordion(children=[W.VBox()])
        self.build_weight_sliders()

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

    # ---- helpers ----------------------------------------------------------------------------
    def typed(self) -> dict:
        """The typed boxes by setting name."""
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

    @staticmethod
    def _mode_options(lang):
        return [(t(f"mode.{m}", lang), m) for m in MODES]

    @staticmethod
    def _activation_options(lang):
        return [(t(f"act.{a}", lang), a) for a in ACTIVATION_CHOICES]

    def build_weight_sliders(self):
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
                slider.observe(self.on_weight, names="value")
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

    def set_sliders(self, flat):
        self.quiet += 1
        try:
            for slider, value in zip(self.weight_sliders, flat):
                value = _round(float(value))
                limit = max(3.0, math.ceil(2.0 * abs(value)))
                slider.min, slider.max = -max(limit, -slider.min), max(limit, slider.max)
                slider.value = value
        finally:
            self.quiet -= 1

    def set_quietly(self, widget, value):
        self.quiet += 1
        try:
            widget.value = value
        finally:
            self.quiet -= 1

    def relabel(self, lang: str, texts: dict) -> None:
        """Every label, option, tooltip and panel language in ``lang``; ``texts``: the loss
        panel's title and axis labels."""
        self.quiet += 1
        try:
            name = self.session.setup.title_in(lang)
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
                control.tooltip = t(tip, lang) if tip in MESSAGES else t(f"ui.{key}", lang)
            self.lang_box.description = t("ui.lang", lang)
            for key, label in self._labels.items():
                label.value = _escape(t(key, lang))
            self.offsets_box.tooltip = t("tip.train_offsets", lang)
            self.auto_box.tooltip = t("tip.auto", lang)
            self.values_box.tooltip = t("tip.show_values", lang)
            for widget, options in (
                (self.mode_box, self._mode_options(lang)),
                (self.activation_box, self._activation_options(lang)),
            ):
                value = widget.value
                widget.options = options
                widget.value = value
            for slider in self.weight_sliders:
                slider.tooltip = t("tip.weight", lang, symbol=slider.description)
            spec = self.session.network.spec
            names = plots.symbols(spec.sizes, spec.offsets)
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
            self.code_label.value = _escape(t("ui.code", lang))
            for panel in (self.loss_panel, self.network_panel, self.boundary_panel):
                panel.lang = lang
            self.loss_panel.texts = texts
        finally:
            self.quiet -= 1
