"""The network drawn: units, edges, their values and labels that do not collide.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from ..i18n import DEFAULT_LANG, check_lang, t
from .style import (
    DPI,
    NEGATIVE,
    POSITIVE,
    STATIC_DPI,
    _draw_lock,
    _encode,
    _text_kw,
    new_figure,
)
from .text import fmt, symbols

# ---------------------------------------------------------------------------------------------
# The network drawn
# ---------------------------------------------------------------------------------------------
PHASES = ("weights", "forward", "backward", "update")


class NetworkPlot:
    """The network drawn: units in columns, connections coloured by sign, width by size.

    Phases (what the connections and units show):

    * ``"weights"`` — connections: the weights; units: their names; offsets beside each unit.
    * ``"forward"`` — units: their outputs for one sample (x_i, b_h, ŷ_j); connections faded.
    * ``"backward"`` — connections: ∂E/∂w of the batch loss; units: the negative deltas
      (the textbook's g_j and e_h); offsets: ∂E/∂offset.
    * ``"update"`` — connections: the new weights; offsets: the new offsets.

    The figure's artists are made once; :meth:`draw` only changes colours, widths and texts.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first.
    offsets : sequence of {"bias", "threshold"}
    lang : {"zh", "en"}

    Examples
    --------
    >>> plot = NetworkPlot((2, 2, 1), ("threshold", "threshold"), "en")
    >>> plot.draw([np.ones((2, 2)), -np.ones((2, 1))], [np.zeros(2), np.zeros(1)])
    >>> plot.title.get_text()
    'Network and weights'
    """

    def __init__(
        self,
        sizes: Sequence[int],
        offsets: Sequence[str],
        lang: str = DEFAULT_LANG,
        *,
        figsize: tuple[float, float] = (5.6, 3.4),
        dpi: int = DPI,
    ):
        self.sizes = tuple(int(s) for s in sizes)
        self.offsets = tuple(offsets)
        self.lang = check_lang(lang)
        self.names = symbols(self.sizes, self.offsets)
        self.fig = new_figure(figsize, dpi)
        ax = self.ax = self.fig.add_axes((0.01, 0.02, 0.98, 0.84))
        ax.set_axis_off()
        # unit positions: layer k at x = k, units centred vertically, first unit on top
        self.pos = []
        for k, n in enumerate(self.sizes):
            ys = np.arange(n)[::-1] - (n - 1) / 2.0
            self.pos.append(np.column_stack([np.full(n, float(k)), ys]))
        span = max(self.sizes)
        top = span / 2.0 + 0.0
        ax.set_xlim(-0.4, len(self.sizes) - 0.25)  # room on the right for the outputs' notes
        ax.set_ylim(-span / 2.0 - 0.3, top)
        # connections: one LineCollection, fixed segments, recoloured by draw()
        self._edges = [
            (k, i, j)
            for k in range(len(self.sizes) - 1)
            for i in range(self.sizes[k])
            for j in range(self.sizes[k + 1])
        ]
        segs = [[self.pos[k][i], self.pos[k + 1][j]] for k, i, j in self._edges]
        self.lines = LineCollection(segs, zorder=1)
        ax.add_collection(self.lines)
        self.edge_labels = []
        for k, i, j in self._edges:
            a, b = self.pos[k][i], self.pos[k + 1][j]
            # staggered by target unit, so labels of crossing connections do not meet
            f = 0.28 + 0.44 * j / max(self.sizes[k + 1] - 1, 1)
            x, y = a + f * (b - a)
            self.edge_labels.append(
                ax.text(
                    x,
                    y,
                    "",
                    ha="center",
                    va="center",
                    zorder=4,
                    color="#222222",
                    visible=False,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
                    **_text_kw(6.5),
                )
            )
        # units, their names and the notes beside them
        self.layer_labels, self.unit_notes = [], []
        # one collection for every unit (drawn in the same order as one per layer, faster)
        units = np.concatenate(self.pos)
        ax.scatter(
            units[:, 0],
            units[:, 1],
            s=520,
            facecolor="white",
            edgecolor="#444444",
            linewidth=1.2,
            zorder=2,
        )
        for k, P in enumerate(self.pos):
            self.layer_labels.append(
                ax.text(P[0, 0], top, "", ha="center", va="top", color="#555555", **_text_kw(8))
            )
            notes = []
            for u, (x, y) in enumerate(P):
                ax.text(
                    x,
                    y,
                    self.names["units"][k][u],
                    ha="center",
                    va="center",
                    zorder=3,
                    **_text_kw(8.5),
                )
                notes.append(
                    ax.text(
                        x + 0.13,
                        y - 0.22,
                        "",
                        ha="left",
                        va="top",
                        zorder=3,
                        color="#333333",
                        linespacing=1.1,
                        **_text_kw(6.5),
                    )
                )
            self.unit_notes.append(notes)
        self.title = self.fig.text(0.01, 0.98, "", ha="left", va="top", **_text_kw(10, "bold"))
        self.subtitle = self.fig.text(
            0.01, 0.905, "", ha="left", va="top", color="#555555", **_text_kw(7.5)
        )
        self.legend = self.fig.text(
            0.99, 0.01, "", ha="right", va="bottom", color="#666666", **_text_kw(6.5)
        )
        self._relabel()

    def _relabel(self) -> None:
        lang, n = self.lang, len(self.sizes)
        names = [t("plot.net.input", lang)] + [t("plot.net.hidden", lang)] * (n - 2)
        for label, name in zip(self.layer_labels, [*names, t("plot.net.output", lang)]):
            label.set_text(name)
        self.legend.set_text(t("plot.net.legend", lang))

    def set_lang(self, lang: str) -> None:
        """Switch the figure's language (the next :meth:`draw` updates the title)."""
        self.lang = check_lang(lang)
        self._relabel()

    def draw(
        self,
        weights: Sequence[np.ndarray],
        offsets: Sequence[np.ndarray],
        *,
        phase: str = "weights",
        edge_values: Sequence[np.ndarray] | None = None,
        offset_values: Sequence[np.ndarray] | None = None,
        unit_values: Sequence[np.ndarray] | None = None,
        show_values: bool = False,
        note: str = "",
    ) -> None:
        """Show one phase.

        Parameters
        ----------
        weights : list of ndarray, shape (n_in, n_out) per layer
            The current weights (what the connections show in the ``"weights"`` phase).
        offsets : list of ndarray, shape (n_out,) per layer
        phase : {"weights", "forward", "backward", "update"}
        edge_values : list of ndarray, optional
            What the connections show instead of ``weights``: ∂E/∂W in ``"backward"``, the
            new weights in ``"update"``.
        offset_values : list of ndarray, optional
            What is written beside each unit instead of ``offsets`` (∂E/∂offset, new offsets).
        unit_values : list of ndarray, optional
            ``"forward"``: one array per layer of units, inputs first (x, b, ŷ of one sample);
            ``"backward"``: one per weight layer (e_h, g_j of one sample).
        show_values : bool
            Write each connection's value on it.
        note : str
            A line under the title (e.g. which sample the units' values belong to).
        """
        if phase not in PHASES:
            raise ValueError(f"phase must be one of {PHASES}; got {phase!r}")
        values = list(edge_values) if edge_values is not None else list(weights)
        offs = list(offset_values) if offset_values is not None else list(offsets)
        flat = np.array([float(values[k][i, j]) for k, i, j in self._edges])
        finite = np.isfinite(flat)
        scale = float(np.max(np.abs(flat[finite]))) if finite.any() else 1.0
        size = np.where(finite, np.abs(flat) / (scale or 1.0), 1.0)
        self.lines.set_color([POSITIVE if v >= 0 else NEGATIVE for v in flat])
        self.lines.set_linewidth(0.4 + 4.0 * size)
        self.lines.set_alpha(0.25 if phase == "forward" else 0.8)
        for label, (k, i, j), val in zip(self.edge_labels, self._edges, flat):
            label.set_visible(show_values and phase != "forward")
            if show_values:
                label.set_text(f"{self.names['W'][k][i][j]} {fmt(val, 3)}")
        for k, notes in enumerate(self.unit_notes):
            for u, text in enumerate(notes):
                text.set_text(self._unit_note(phase, k, u, unit_values, offs))
        key = {
            "weights": "plot.net.title",
            "forward": "plot.net.title_forward",
            "backward": "plot.net.title_backward",
            "update": "plot.net.title_update",
        }[phase]
        self.title.set_text(t(key, self.lang))
        self.subtitle.set_text(note)

    def _unit_note(self, phase, k, u, unit_values, offs) -> str:
        names, lines = self.names, []
        if phase == "forward" and unit_values is not None:
            lines.append(f"= {fmt(float(unit_values[k][u]))}")
        if phase == "backward" and unit_values is not None and k > 0:
            lines.append(f"{names['delta'][k - 1][u]} = {fmt(float(unit_values[k - 1][u]))}")
        if k > 0:
            o = names["offset"][k - 1][u]
            v = fmt(float(offs[k - 1][u]))
            lines.append(f"∂E/∂{o} = {v}" if phase == "backward" else f"{o} = {v}")
        return "\n".join(lines)

    def png(self, *, later: bool = False):
        """The figure as PNG bytes; with ``later``, a Future of them (see :func:`_encode`)."""
        with _draw_lock:  # nothing here is animated: a plain draw shows every artist
            self.fig.canvas.draw()
            return _encode(self.fig.canvas, later)


def network_figure(
    net, *, lang: str = DEFAULT_LANG, show_values: bool = True, dpi: int = STATIC_DPI
) -> Figure:
    """The weights of a :class:`bpcore.Network` (or ``TextbookNet``) drawn, for a notebook.

    Drawn at `dpi` (twice the live plots' by default; show it with :func:`image`), with every
    connection's label moved along its connection until it meets no other text and no unit.

    Examples
    --------
    >>> import bpcore
    >>> fig = network_figure(bpcore.Network.from_sizes((2, 3, 1), rng=0), lang="en")
    >>> len(fig.axes), fig.dpi == 2 * DPI
    (1, True)
    """
    network = getattr(net, "network", net)
    spec = network.spec
    plot = NetworkPlot(spec.sizes, spec.offsets, lang, dpi=dpi)
    plot.draw(
        [layer.W for layer in network.layers],
        [layer.offset for layer in network.layers],
        show_values=show_values,
    )
    for notes in plot.unit_notes:  # the offsets stay legible where a connection passes
        for note in notes:
            note.set_bbox({"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
    _untangle_edge_labels(plot)
    return plot.fig


def _unit_boxes(plot, renderer):
    """Display-space boxes of the unit circles (scatter size 520 pt²: radius √520 / 2 pt)."""
    from matplotlib.transforms import Bbox

    r = np.sqrt(520.0) / 2.0 * plot.fig.dpi / 72.0
    centres = plot.ax.transData.transform(np.concatenate(plot.pos))
    return [Bbox([[x - r, y - r], [x + r, y + r]]) for x, y in centres]


def text_boxes(fig, renderer=None):
    """The display-space boxes of every visible, non-empty text of `fig` (a layout check).

    Returns
    -------
    list of (matplotlib.text.Text, matplotlib.transforms.Bbox)
    """
    renderer = renderer or fig.canvas.get_renderer()
    texts = [*fig.texts, *(t for ax in fig.axes for t in ax.texts)]
    return [
        (text, text.get_window_extent(renderer))
        for text in texts
        if text.get_visible() and text.get_text().strip()
    ]


def _untangle_edge_labels(plot) -> None:
    """Slide each visible connection label along its connection to the first spot (nearest
    its usual one) where it overlaps no unit, no other text and no label placed before it."""
    labels = [label for label in plot.edge_labels if label.get_visible()]
    if not labels:
        return
    renderer = plot.fig.canvas.get_renderer()
    edge_label_ids = {id(label) for label in plot.edge_labels}
    fixed = [box for text, box in text_boxes(plot.fig, renderer) if id(text) not in edge_label_ids]
    fixed += _unit_boxes(plot, renderer)
    placed = []
    for label, (k, i, j) in zip(plot.edge_labels, plot._edges):
        if not label.get_visible():
            continue
        a, b = plot.pos[k][i], plot.pos[k + 1][j]
        usual = 0.28 + 0.44 * j / max(plot.sizes[k + 1] - 1, 1)
        best = None
        for f in sorted(np.linspace(0.18, 0.82, 33), key=lambda f: abs(f - usual)):
            label.set_position(tuple(a + f * (b - a)))
            box = label.get_window_extent(renderer).padded(2.0 * plot.fig.dpi / 72.0)
            hits = sum(box.overlaps(other) for other in fixed + placed)
            if best is None or hits < best[0]:
                best = (hits, f, box)
            if hits == 0:
                break
        _, f, box = best
        label.set_position(tuple(a + f * (b - a)))
        placed.append(box)
