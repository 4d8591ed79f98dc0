"""The live panels' numbers: a playground's state, sent to the three anywidget panels.

:class:`Painter` turns a :class:`~bpcore.playground.session.Session` into the traits of the
loss, network and decision-boundary panels (:mod:`bpcore.playground.panels`); ``live.js``
draws them in the browser.  A running curve is sent as a ``tail`` of new sampled points;
the whole curve only when a run starts or its sampling stride changes.

Examples
--------
>>> from bpcore.playground.session import Session
>>> from bpcore.playground.setup import setup_from_example
>>> from bpcore.playground import panels
>>> LossPanel, DataPanel = panels.panel_classes()
>>> session = Session(setup_from_example("xor"), epochs=10)
>>> p = Painter(session, LossPanel(kind="loss"), DataPanel(kind="network"),
...             DataPanel(kind="boundary"), lang="en")
>>> p.loss(full=True); p.boundary()
>>> p.loss_panel.curve["target"], len(p.boundary_panel.shown()["X"])
(10, 4)
"""

from __future__ import annotations

import numpy as np

from .. import plots
from ..i18n import t
from ..network import batch_forward
from . import panels

#: Grid points per axis of the decision-boundary panel (one byte each on the wire).
GRID = 25
#: A map whose ŷ varies less than this has no decision boundary worth drawing.
FLAT = 0.02


class Painter:
    """Sends a session's loss curves, network and decision boundary to the live panels.

    Parameters
    ----------
    session : Session
    loss_panel, network_panel, boundary_panel : anywidget panels
        From :func:`bpcore.playground.panels.panel_classes`.
    lang : {"zh", "en"}
        The language of titles and notes (``painter.lang`` may change later).
    """

    def __init__(self, session, loss_panel, network_panel, boundary_panel, lang: str):
        self.session = session
        self.setup = session.setup
        self.loss_panel = loss_panel
        self.network_panel = network_panel
        self.boundary_panel = boundary_panel
        self.lang = lang
        self._sent = 0  # sampled points of the current curve already in the browser
        self._sent_run = None
        self._runs_sent: dict = {}  # earlier runs as sent, by (id, lang): they never change
        #: where the time of a finished retrain went (ms): sent once with its curve, read by
        #: benchmarks/bench_browser.py from the loss panel's data-kernel attribute
        self.timing: dict | None = None
        spec = self.setup.network.spec
        self.has_boundary = spec.sizes[0] == 2 and spec.sizes[-1] == 1
        if self.has_boundary:
            X = self.setup.X
            lo_, hi_ = X.min(axis=0), X.max(axis=0)
            pad = 0.25 * np.maximum(hi_ - lo_, 1e-9)
            self.extent = [lo_[0] - pad[0], hi_[0] + pad[0], lo_[1] - pad[1], hi_[1] + pad[1]]
            gx = np.linspace(self.extent[0], self.extent[1], GRID)
            gy = np.linspace(self.extent[2], self.extent[3], GRID)
            mx, my = np.meshgrid(gx, gy)  # row r is y = gy[r]
            self._grid = np.column_stack([mx.ravel(), my.ravel()])

    def texts(self) -> dict:
        lang = self.lang
        return {
            "title": t("plot.loss.title", lang),
            "xlabel": t("plot.loss.xlabel", lang),
            "ylabel": t("plot.loss.ylabel", lang),
            "current": t("plot.loss.current", lang),
        }

    def loss(self, full: bool = False, alt: bool = True) -> None:
        s, lang = self.session, self.lang
        target = s.target or max(s.settings["epochs"], s.epochs_run)
        stride = panels.stride_for(max(target, s.epochs_run))
        if full or self._sent_run != (s.run_id, stride):
            runs = [self._archived(run, lang) for run in s.runs]
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
            if self.timing is not None:  # a finished retrain: where its time went
                curve["timing"], self.timing = self.timing, None
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

    def _archived(self, run, lang: str) -> dict:
        """An earlier run as the loss panel draws it (sampled once: archived runs are fixed)."""
        key = (id(run), lang)
        cached = self._runs_sent.get(key)
        if cached is None or cached[0] is not run:
            st = panels.stride_for(len(run.loss) - 1)
            entry = {
                "label": self.session.run_label(run.settings, lang),
                "stride": st,
                "values": panels.sampled(run.loss, st),
                "last": [len(run.loss) - 1, panels._sig(run.loss[-1])],
            }
            live = {id(r) for r in self.session.runs}
            self._runs_sent = {k: v for k, v in self._runs_sent.items() if k[0] in live}
            self._runs_sent[key] = cached = (run, entry)
        return cached[1]

    def _curve_note(self) -> str:
        s = self.session
        if s.diverged_at is not None:
            return t("plot.loss.diverged", self.lang, epoch=s.diverged_at)
        if s.epochs_run == 0:
            return t("plot.loss.empty", self.lang)
        return ""

    def network(self, show_values: bool = True) -> None:
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
            "show_values": bool(show_values),
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

    def boundary_values(self) -> np.ndarray:
        with np.errstate(all="ignore"):
            z = batch_forward(self.session.net, self._grid).output[:, 0]
        return np.nan_to_num(z, nan=0.5)

    def boundary(self) -> None:
        if not self.has_boundary:
            return
        lang = self.lang
        z = self.boundary_values()
        spread = float(np.max(z) - np.min(z))
        flat = spread < FLAT
        self.boundary_panel.show(
            {
                "n": GRID,
                "extent": [float(v) for v in self.extent],
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
