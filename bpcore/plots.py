"""Figures of the course: loss curves, the network with its weights and gradients, decision
boundaries, all as :class:`matplotlib.figure.Figure` rendered to PNG bytes.

Design (why it looks like this):

* **No pyplot, no global state.** Every figure is a ``Figure`` with its own Agg canvas, so it
  works the same in any backend, in threads, and in a notebook saved to GitHub.  Fonts are set
  per figure (each text artist and the tick-label defaults get the family list below), never
  through ``rcParams``, so the student's own plots are untouched.
* **Chinese without boxes.** A subset of Noto Sans CJK SC ships in ``bpcore/fonts`` under the
  private family name :data:`FONT_FAMILY`; :func:`register_font` adds it to matplotlib's font
  manager on first use.  matplotlib (>= 3.6) falls back glyph by glyph along the family list
  ``[FONT_FAMILY, "DejaVu Sans"]``, so the few symbols the subset lacks (ŷ, x₁) come from
  DejaVu Sans, which ships with matplotlib.
* **Fast redraws.** :class:`LossPlot`, :class:`NetworkPlot` and :class:`BoundaryPlot` keep their
  figure and artists and only change data, so the playground can redraw ten or more times a
  second; only matplotlib's public API is used (tests/test_plots.py checks the source), and
  PNG bytes are written by :func:`_encode` (plain zlib, no filter search).
* **Plots never compute gradients.**  They draw arrays they are given; the decision boundary
  asks a ``predict`` callable (the engine's forward pass) for the grid's outputs.

Examples
--------
>>> import numpy as np
>>> from bpcore.plots import loss_figure, to_png
>>> png = to_png(loss_figure(np.exp(-np.arange(50) / 10), lang="zh"))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import io
import math
import struct
import threading
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.ticker import MaxNLocator, NullLocator

from .i18n import DEFAULT_LANG, check_lang, t

#: Private family name of the bundled CJK subset (see scripts/build_font_subset.py).
FONT_FAMILY = "bpcore Sans SC"
#: Where the subset lives.
FONT_DIR = Path(__file__).resolve().parent / "fonts"
#: The family list every figure uses: the subset first, DejaVu Sans (bundled with
#: matplotlib) for the glyphs the subset lacks.
FAMILIES = [FONT_FAMILY, "DejaVu Sans"]

#: Colours by sign: red for positive, blue for negative (colour-blind safe pair).
POSITIVE, NEGATIVE = "#c0392b", "#2166ac"
CURRENT_COLOUR = "#1a1a1a"
RUN_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#999999")

#: Default size and resolution: small figures keep each redraw at a few tens of ms.
FIGSIZE = (6.0, 3.2)
DPI = 90
#: Static notebook figures that carry small labels (the network, the decision map) are drawn
#: at twice that and shown at the same size by :func:`image` (sharp on high-density screens).
STATIC_DPI = 2 * DPI

_font_lock = threading.Lock()
_font_registered = False
# Agg's text cache and the font manager are not thread-safe: one draw at a time.
_draw_lock = threading.RLock()


def font_files() -> list[Path]:
    """The bundled subset's files (Regular and Bold)."""
    return sorted(FONT_DIR.glob("*.otf"))


def register_font() -> str:
    """Add the bundled CJK subset to matplotlib's font manager (once) and return its family.

    Called by every figure-making function; cheap after the first call.

    Returns
    -------
    str
        :data:`FONT_FAMILY`.

    Examples
    --------
    >>> register_font()
    'bpcore Sans SC'
    """
    global _font_registered
    if _font_registered:
        return FONT_FAMILY
    with _font_lock:
        if not _font_registered:
            known = {entry.fname for entry in fontManager.ttflist}
            for path in font_files():
                if str(path) not in known:
                    fontManager.addfont(str(path))
            _font_registered = True
    return FONT_FAMILY


def font(size: float = 9, weight: str = "normal") -> FontProperties:
    """A :class:`~matplotlib.font_manager.FontProperties` with the course's family list."""
    register_font()
    return FontProperties(family=FAMILIES, size=size, weight=weight)


def _text_kw(size: float = 9, weight: str = "normal") -> dict:
    return {"fontproperties": font(size, weight)}


def new_figure(figsize: tuple[float, float] = FIGSIZE, dpi: int = DPI) -> Figure:
    """An empty ``Figure`` with an Agg canvas (no pyplot; nothing global is touched)."""
    register_font()
    fig = Figure(figsize=figsize, dpi=dpi, layout=None)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    return fig


def style_axes(ax, size: float = 8) -> None:
    """Give the tick labels (including ticks matplotlib creates later) the course's fonts."""
    ax.tick_params(labelfontfamily=FAMILIES, labelsize=size)
    for axis in (ax.xaxis, ax.yaxis):
        axis.get_offset_text().set_fontproperties(font(size))
        axis.label.set_fontproperties(font(size + 1))
    ax.title.set_fontproperties(font(size + 2, "bold"))


def to_png(fig: Figure) -> bytes:
    """Render ``fig`` with Agg and return PNG bytes (fast zlib level: redraws are frequent).

    Examples
    --------
    >>> to_png(new_figure((1, 1), 20))[:4]
    b'\\x89PNG'
    """
    with _draw_lock:
        canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        # A figure of a live plot marks its changing artists animated, and a full draw skips
        # animated artists: draw them like the rest here, then mark them again.
        animated = fig.findobj(lambda artist: artist.get_animated())
        for artist in animated:
            artist.set_animated(False)
        try:
            canvas.draw()
        finally:
            for artist in animated:
                artist.set_animated(True)
        return _encode(canvas)


def _encode(canvas: FigureCanvasAgg, later: bool = False):
    """The canvas as PNG bytes: RGB when it is opaque (RGBA otherwise), zlib level 1.

    Written directly, rows unfiltered: Pillow's encoder spends most of its time choosing row
    filters, which gain little on these flat-coloured pictures (the playground's largest
    panel: ~2.5 ms with Pillow, ~1.2 ms here, about the same size).

    With ``later``, a :class:`concurrent.futures.Future` of the bytes: the pixels are copied
    out of the canvas now and compressed on a helper thread, which zlib runs without the
    GIL, so the caller can draw its next picture meanwhile.
    """
    rgba = np.asarray(canvas.buffer_rgba())
    height, width, _ = rgba.shape
    opaque = bool(rgba[..., 3].min() == 255)
    channels = 3 if opaque else 4
    rows = np.empty((height, 1 + width * channels), np.uint8)
    rows[:, 0] = 0  # filter type "none" for every row
    rows[:, 1:].reshape(height, width, channels)[...] = rgba[..., :channels]
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)
    if later:
        return _png_pool().submit(_png_bytes, header, rows)
    return _png_bytes(header, rows)


def _png_bytes(header: bytes, rows: np.ndarray) -> bytes:
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows, 1)),
            _png_chunk(b"IEND", b""),
        ]
    )


_png_threads: list = []
_png_lock = threading.Lock()


def _png_pool():
    """The helper thread that compresses pictures (started on first use)."""
    if not _png_threads:
        from concurrent.futures import ThreadPoolExecutor

        with _png_lock:
            if not _png_threads:
                _png_threads.append(ThreadPoolExecutor(1, thread_name_prefix="bpcore-png"))
    return _png_threads[0]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


class _Blitter:
    """Redraw only what changes: the static part of a figure is rendered once and kept.

    ``dynamic`` artists are marked animated (so a full draw skips them); each frame restores
    the cached background and draws them on top.  Axes, ticks, labels and titles, which cost
    most of a matplotlib draw, are drawn again only when ``key`` (e.g. the axis limits and
    the language) changes or :meth:`invalidate` was called.
    """

    def __init__(self, fig: Figure):
        self.fig = fig
        self.dynamic: list = []
        self._background = None
        self._key = None

    def add(self, *artists) -> None:
        for artist in artists:
            artist.set_animated(True)
            self.dynamic.append(artist)

    def discard(self, artist) -> None:
        if artist in self.dynamic:
            self.dynamic.remove(artist)

    def invalidate(self) -> None:
        self._background = None

    def release(self) -> None:
        """Stop blitting: every artist is drawn by an ordinary draw (``savefig`` too)."""
        for artist in self.dynamic:
            artist.set_animated(False)
        self.dynamic.clear()
        self._background = None

    def png(self, key=None, later: bool = False):
        with _draw_lock:
            canvas = self.fig.canvas
            if self._background is None or key != self._key:
                # hidden, not only animated: matplotlib 3.10 still draws an animated image,
                # which then showed through the next pictures (its alpha is 0.75)
                shown = [artist for artist in self.dynamic if artist.get_visible()]
                for artist in shown:
                    artist.set_visible(False)
                try:
                    canvas.draw()
                finally:
                    for artist in shown:
                        artist.set_visible(True)
                self._background = canvas.copy_from_bbox(self.fig.bbox)
                self._key = key
            else:
                canvas.restore_region(self._background)
            for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
                if artist.get_visible() and artist.figure is not None:
                    self.fig.draw_artist(artist)
            return _encode(canvas, later)


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(*indices: int) -> str:
    """Subscript digits for 1-based indices: ``sub(1, 2) == "₁₂"``; commas once any is ≥ 10."""
    parts = [str(i) for i in indices]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def symbols(sizes: Sequence[int], offsets: Sequence[str]) -> dict:
    """Textbook names for every parameter and unit of a network with layer sizes ``sizes``.

    For a single hidden layer the names are the textbook's (Zhou Zhihua, ch. 5): inputs x_i,
    hidden outputs b_h, outputs ŷ_j, weights v_ih and w_hj, thresholds γ_h and θ_j.  A layer
    with *biases* (added, tutorials 003/004) names them b⁽¹⁾ and b⁽²⁾ per layer so they cannot
    be confused with the hidden outputs b_h.  Deeper nets use W⁽ᵏ⁾ and h⁽ᵏ⁾.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, inputs first (d, q, l).
    offsets : sequence of {"bias", "threshold"}
        One per weight layer.

    Returns
    -------
    dict
        ``"W"``: per layer an (n_in, n_out) nested list of names; ``"offset"``: per layer a list
        of n_out names; ``"units"``: per layer of units (inputs first) a list of names;
        ``"sum"``: per weight layer the names of the weighted sums (α_h, β_j);
        ``"delta"``: per weight layer the names of its units' negative deltas (e_h, g_j).

    Examples
    --------
    >>> s = symbols((2, 2, 1), ("threshold", "threshold"))
    >>> s["W"][0][0][1], s["offset"][0][1], s["W"][1][1][0], s["offset"][1][0], s["units"][2][0]
    ('v₁₂', 'γ₂', 'w₂₁', 'θ₁', 'ŷ₁')
    """
    n_layers = len(sizes) - 1
    textbook = n_layers == 2
    W_names, off_names, sums, deltas = [], [], [], []
    units = [["x" + sub(i + 1) for i in range(sizes[0])]]
    sup = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
    for k in range(n_layers):
        n_in, n_out = sizes[k], sizes[k + 1]
        last = k == n_layers - 1
        tag = f"({k + 1})".translate(sup)
        w = ("v" if k == 0 else "w") if textbook else "W" + tag
        W_names.append([[w + sub(i + 1, j + 1) for j in range(n_out)] for i in range(n_in)])
        if offsets[k] == "threshold":
            o = ("γ" if k == 0 else "θ") if textbook else "θ" + tag
        else:
            o = "b" + tag
        off_names.append([o + sub(j + 1) for j in range(n_out)])
        if last:
            units.append(["ŷ" + sub(j + 1) for j in range(n_out)])
        else:
            u = "b" if textbook else "h" + tag
            units.append([u + sub(j + 1) for j in range(n_out)])
        a = ("β" if last else "α") if textbook else "a" + tag
        sums.append([a + sub(j + 1) for j in range(n_out)])
        d = ("g" if last else "e") if textbook else "−δ" + tag
        deltas.append([d + sub(j + 1) for j in range(n_out)])
    return {"W": W_names, "offset": off_names, "units": units, "sum": sums, "delta": deltas}


def fmt(x: float, digits: int = 4) -> str:
    """A short number: 4 significant digits, no "-0", minus sign as U+2212."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "NaN")
    text = f"{x:.{digits}g}"
    if text in ("-0", "0"):
        return "0"
    return text.replace("-", "−")


# ---------------------------------------------------------------------------------------------
# Loss curve
# ---------------------------------------------------------------------------------------------
def _loss_axes(fig: Figure, logy: bool):
    """A loss figure's axes, title and axis labels: ``(ax, title, xlabel, ylabel)``."""
    ax = fig.add_axes((0.11, 0.15, 0.86, 0.74))
    style_axes(ax)
    if logy:
        ax.set_yscale("log")
        # Minor ticks of a log axis cost more to draw than the curve itself; the limits
        # snap to whole decades (see _decades), so major ticks alone are enough.
        ax.yaxis.set_minor_locator(NullLocator())
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    # Title and axis labels sit at fixed figure positions: matplotlib's automatic
    # placement measures every tick label on every draw (~40 % of a redraw).
    title = fig.text(0.5, 0.97, "", ha="center", va="top", **_text_kw(11, "bold"))
    xlabel = fig.text(0.54, 0.01, "", ha="center", va="bottom", **_text_kw(9))
    ylabel = fig.text(0.01, 0.52, "", ha="left", va="center", rotation=90, **_text_kw(9))
    return ax, title, xlabel, ylabel


def _decades(lo: float, hi: float) -> tuple[float, float]:
    """Whole decades around [lo, hi] (lo, hi > 0), clamped to 1e-16 … 1e16: at least two
    labelled ticks on a log axis; below is "zero", above is "diverging"."""
    lo = 10.0 ** min(max(math.floor(math.log10(lo)), -16), 15)
    hi = 10.0 ** min(max(math.ceil(math.log10(hi)), -15), 16)
    return (lo, hi) if hi > lo else (lo, lo * 10.0)


class LossPlot:
    """A loss curve that grows while training runs, with earlier runs kept as faded curves.

    Parameters
    ----------
    lang : {"zh", "en"}
    logy : bool
        Logarithmic loss axis (default): runs that differ by orders of magnitude stay readable.
    max_runs : int
        How many earlier runs to keep (oldest dropped first).
    label : str, optional
        The current run's name in the legend (default "this run"); given, the legend shows
        even without earlier runs.
    title, xlabel : str, optional
        Instead of "Training loss" and "epoch" (e.g. an axis that counts iterations); with
        a custom x label the box in the corner gives only the last loss, not an epoch.

    Examples
    --------
    >>> plot = LossPlot(lang="en")
    >>> plot.update(np.exp(-np.arange(101) / 30), epochs=200)
    >>> plot.add_run(np.exp(-np.arange(101) / 30), "η = 0.5")
    >>> len(plot.png()) > 1000
    True
    """

    def __init__(
        self,
        lang: str = DEFAULT_LANG,
        *,
        figsize: tuple[float, float] = FIGSIZE,
        dpi: int = DPI,
        logy: bool = True,
        max_runs: int = 6,
        label: str | None = None,
        title: str | None = None,
        xlabel: str | None = None,
    ):
        self.lang = check_lang(lang)
        self.logy = logy
        self.max_runs = max_runs
        self._custom = {"label": label, "title": title, "xlabel": xlabel}
        self.fig = new_figure(figsize, dpi)
        self.ax, self.title, self.xlabel, self.ylabel = _loss_axes(self.fig, logy)
        (self.line,) = self.ax.plot([], [], color=CURRENT_COLOUR, linewidth=1.6, zorder=5)
        (self.marker,) = self.ax.plot([], [], "o", color=CURRENT_COLOUR, markersize=4, zorder=6)
        self.now = self.ax.text(
            0.99,
            0.96,
            "",
            transform=self.ax.transAxes,
            ha="right",
            va="top",
            zorder=7,
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#bbbbbb", "alpha": 0.9},
            **_text_kw(9),
        )
        self.diverged_line = self.ax.axvline(0, color=POSITIVE, linestyle=":", visible=False)
        # while a run grows only these change; axes, ticks and labels are drawn once per
        # change of the axis limits
        self._blit = _Blitter(self.fig)
        self._blit.add(self.line, self.marker, self.now, self.diverged_line)
        self.runs: list[tuple[str, np.ndarray]] = []
        self._run_lines: list = []
        self._legend = None
        self._loss = np.empty(0)
        self._epochs = None
        self._diverged_at = None
        self._sticky = None  # (lo, hi) of the log axis, see _rescale
        self._relabel()

    # -- text ---------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        """Switch every label of the figure to ``lang``."""
        self.lang = check_lang(lang)
        self._relabel()
        self._refresh_text()

    def _relabel(self) -> None:
        self._blit.invalidate()
        custom = self._custom
        self.title.set_text(custom["title"] or t("plot.loss.title", self.lang))
        self.xlabel.set_text(custom["xlabel"] or t("plot.loss.xlabel", self.lang))
        self.ylabel.set_text(t("plot.loss.ylabel", self.lang))
        self.line.set_label(custom["label"] or t("plot.loss.current", self.lang))
        self._update_legend()

    def _update_legend(self) -> None:
        handles = [*self._run_lines]
        if handles or self._custom["label"]:
            handles.append(self.line)
        labels = [handle.get_label() for handle in handles]
        if self._legend is not None:
            self._blit.discard(self._legend)
            self._legend.remove()
            self._legend = None
        if handles:
            self._legend = self.ax.legend(
                handles=handles,
                labels=labels,
                loc="lower left",
                prop=font(7.5),
                framealpha=0.85,
                handlelength=1.4,
                borderaxespad=0.3,
            )
            self._blit.add(self._legend)

    def _refresh_text(self) -> None:
        loss, lang = self._loss, self.lang
        if self._diverged_at is not None:
            self.now.set_text(t("plot.loss.diverged", lang, epoch=self._diverged_at))
            self.now.set_color(POSITIVE)
        elif len(loss):
            if self._custom["xlabel"]:  # the x axis may not count epochs
                self.now.set_text(t("plot.loss.last", lang, loss=loss[-1]))
            else:
                self.now.set_text(t("plot.loss.now", lang, epoch=len(loss) - 1, loss=loss[-1]))
            self.now.set_color(CURRENT_COLOUR)
        else:
            self.now.set_text(t("plot.loss.empty", lang))
            self.now.set_color("#777777")

    # -- data ---------------------------------------------------------------------------
    def update(
        self,
        loss: Sequence[float],
        *,
        epochs: int | None = None,
        diverged_at: int | None = None,
    ) -> None:
        """Show ``loss`` (``loss[k]`` after epoch k, ``loss[0]`` the initial loss).

        Parameters
        ----------
        loss : sequence of float, shape (epochs_run + 1,)
        epochs : int, optional
            The run's planned length: the x axis spans it, so the curve grows to the right.
        diverged_at : int, optional
            Mark the epoch where training diverged.
        """
        loss = np.asarray(loss, dtype=float)
        self._loss, self._epochs, self._diverged_at = loss, epochs, diverged_at
        x = np.arange(len(loss))
        shown = np.where(np.isfinite(loss) & ((loss > 0) | (not self.logy)), loss, np.nan)
        self.line.set_data(x, shown)
        if len(loss):
            self.marker.set_data([x[-1]], [shown[-1]])
        else:
            self.marker.set_data([], [])
        self.diverged_line.set_visible(diverged_at is not None)
        if diverged_at is not None:
            self.diverged_line.set_xdata([diverged_at, diverged_at])
        self._refresh_text()
        self._rescale()

    def add_run(self, loss: Sequence[float], label: str) -> None:
        """Keep a finished run as a faded curve labelled ``label`` (e.g. its η and mode)."""
        loss = np.asarray(loss, dtype=float)
        self.runs.append((label, loss))
        colour = RUN_COLOURS[(len(self.runs) - 1) % len(RUN_COLOURS)]
        shown = np.where(np.isfinite(loss) & ((loss > 0) | (not self.logy)), loss, np.nan)
        (line,) = self.ax.plot(
            np.arange(len(loss)),
            shown,
            color=colour,
            alpha=0.55,
            linewidth=1.2,
            label=label,
            zorder=3,
        )
        self._blit.add(line)
        self._run_lines.append(line)
        while len(self.runs) > self.max_runs:
            self.runs.pop(0)
            old = self._run_lines.pop(0)
            self._blit.discard(old)
            old.remove()
        self._update_legend()
        self._rescale()

    def clear_runs(self) -> None:
        """Remove every faded earlier run (and let the loss axis fit the current run again)."""
        for line in self._run_lines:
            self._blit.discard(line)
            line.remove()
        self.runs.clear()
        self._run_lines.clear()
        self._sticky = None
        self._update_legend()
        self._rescale()

    def _rescale(self) -> None:
        curves = [self._loss, *(loss for _, loss in self.runs)]
        xmax = max([len(c) - 1 for c in curves] + [self._epochs or 0, 1])
        values = np.concatenate([c[np.isfinite(c)] for c in curves] + [np.empty(0)])
        if self.logy:
            values = values[values > 0]
        if len(values):
            lo, hi = float(values.min()), float(values.max())
            if self.logy:
                # whole decades: the limits (so the axis drawing) change rarely while a
                # curve grows
                lo, hi = _decades(lo, hi)
                # the limits only widen while earlier runs are kept: runs compared at a
                # glance share one scale, and the axes need no redraw for most frames
                if self._sticky is not None:
                    lo, hi = min(lo, self._sticky[0]), max(hi, self._sticky[1])
                self._sticky = (lo, hi)
            else:
                pad = 0.05 * (hi - lo) or 0.05 * abs(hi) or 0.05
                lo, hi = max(lo - pad, -1e16), min(hi + pad, 1e16)
        else:
            lo, hi = (1e-3, 1.0) if self.logy else (0.0, 1.0)
        # set only what changed: new limits make every curve transform its points again
        if self.ax.get_xlim() != (0, xmax):
            self.ax.set_xlim(0, xmax)
        if self.ax.get_ylim() != (lo, hi):
            self.ax.set_ylim(lo, hi)

    def png(self, *, later: bool = False):
        """The figure as PNG bytes (only the curves are drawn again while the limits hold);
        with ``later``, a Future of them (see :func:`_encode`)."""
        return self._blit.png((self.ax.get_xlim(), self.ax.get_ylim()), later)


def loss_figure(
    loss,
    previous: Sequence[tuple[str, Sequence[float]]] = (),
    *,
    lang: str = DEFAULT_LANG,
    label: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    diverged_at: int | None = None,
    logy: bool = True,
    figsize: tuple[float, float] = FIGSIZE,
    dpi: int = DPI,
) -> Figure:
    """A loss-curve figure for a notebook: the current run in black, earlier runs faded.

    Parameters
    ----------
    loss : History or sequence of float
        A :class:`bpcore.History` (its ``loss`` and ``diverged_at`` are used) or the losses
        themselves, ``loss[0]`` before training.
    previous : sequence of (label, losses)
        Earlier runs drawn faded, e.g. ``[("η = 0.1", h1.loss)]`` (a History stands for its
        ``loss``).
    lang : {"zh", "en"}
    label : str, optional
        Names the current run in the legend (e.g. ``"η = 0.5"``).
    title : str, optional
        Instead of "Training loss".
    xlabel : str, optional
        Instead of "epoch", e.g. for losses per iteration (``History.iteration_loss``).

    Returns
    -------
    matplotlib.figure.Figure
        An ordinary figure: :func:`to_png` or ``savefig`` draw all of it.

    Examples
    --------
    >>> fig = loss_figure(np.exp(-np.arange(30) / 9), [("η = 0.1", np.linspace(1, 0.5, 30))],
    ...                   label="η = 0.5", xlabel="iteration", lang="en")
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['η = 0.1', 'η = 0.5']
    """
    if hasattr(loss, "loss"):
        diverged_at = loss.diverged_at if diverged_at is None else diverged_at
        loss = loss.loss
    plot = LossPlot(
        lang,
        figsize=figsize,
        dpi=dpi,
        logy=logy,
        max_runs=max(len(previous), 1),
        label=label,
        title=title,
        xlabel=xlabel,
    )
    for run_label, values in previous:
        plot.add_run(getattr(values, "loss", values), run_label)
    plot.update(loss, diverged_at=diverged_at)
    plot._blit.release()  # the figure outlives the plot: no artist may be left animated
    return plot.fig


def curves_figure(
    curves,
    *,
    lang: str = DEFAULT_LANG,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    logy: bool = True,
    xlim: tuple[float, float] | None = None,
    linestyles: dict | None = None,
    figsize: tuple[float, float] = FIGSIZE,
    dpi: int = DPI,
) -> Figure:
    """Several named curves compared in one figure, each in its own colour, with a legend.

    Parameters
    ----------
    curves : mapping of str to values, or sequence of (str, values)
        The legend's names and what to draw: a :class:`bpcore.History` (its ``loss``), a
        sequence ``y`` (drawn at x = 0, 1, …) or a pair ``(x, y)``. Values that are not
        finite (or not positive, on a log axis) leave a gap.
    lang : {"zh", "en"}
        Language of the default title and axis labels ("Training loss", "epoch", "loss E").
    title, xlabel, ylabel : str, optional
    logy : bool
        Logarithmic y axis (default).
    xlim : (float, float), optional
    linestyles : dict of str to str, optional
        A matplotlib line style (``"--"``, ``":"``) by curve name, e.g. for a curve that runs
        on top of another; such a curve is drawn a little thicker. Others are solid.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = curves_figure({"standard BP": np.exp(-np.arange(40) / 5),
    ...                      "accumulated BP": (np.arange(0, 40, 4), np.exp(-np.arange(10) / 9))},
    ...                     xlabel="epoch", lang="en")
    >>> [line.get_label() for line in fig.axes[0].lines]
    ['standard BP', 'accumulated BP']
    """
    lang = check_lang(lang)
    items = list(curves.items()) if hasattr(curves, "items") else list(curves)
    fig = new_figure(figsize, dpi)
    ax, title_text, xlabel_text, ylabel_text = _loss_axes(fig, logy)
    title_text.set_text(title or t("plot.loss.title", lang))
    xlabel_text.set_text(xlabel or t("plot.loss.xlabel", lang))
    ylabel_text.set_text(ylabel or t("plot.loss.ylabel", lang))
    drawn = []
    for k, (name, values) in enumerate(items):
        values = getattr(values, "loss", values)
        if isinstance(values, tuple) and len(values) == 2:
            x, y = (np.asarray(v, dtype=float) for v in values)
        else:
            y = np.asarray(values, dtype=float)
            x = np.arange(len(y), dtype=float)
        shown = np.where(np.isfinite(y) & ((y > 0) | (not logy)), y, np.nan)
        colour = RUN_COLOURS[k % len(RUN_COLOURS)]
        style = (linestyles or {}).get(name, "-")
        width = 1.5 if style == "-" else 2.2
        ax.plot(x, shown, style, color=colour, linewidth=width, label=str(name), zorder=3 + k)
        drawn.append(shown[np.isfinite(shown)])
    ax.margins(x=0)
    if xlim is not None:
        ax.set_xlim(*xlim)
    values = np.concatenate([*drawn, np.empty(0)])
    if logy and len(values):
        ax.set_ylim(*_decades(float(values.min()), float(values.max())))
    if items:
        ax.legend(prop=font(7.5), framealpha=0.85, handlelength=1.4, borderaxespad=0.3)
    return fig


def side_by_side(pngs: Sequence[bytes], *, gap: int = 0) -> bytes:
    """PNG pictures placed left to right (tops aligned) on white, as one PNG.

    Examples
    --------
    >>> one = to_png(new_figure((1, 1), 20))
    >>> side_by_side([one, one])[:4]
    b'\\x89PNG'
    """
    from PIL import Image

    images = [Image.open(io.BytesIO(png)).convert("RGB") for png in pngs]
    width = sum(im.width for im in images) + gap * max(len(images) - 1, 0)
    out = Image.new("RGB", (width, max((im.height for im in images), default=1)), "white")
    x = 0
    for im in images:
        out.paste(im, (x, 0))
        x += im.width + gap
    buf = io.BytesIO()
    out.save(buf, format="png", compress_level=1)
    return buf.getvalue()


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


def image(fig, *, retina: bool | None = None):
    """`fig` (a Figure, or PNG bytes from :func:`to_png`, :func:`tile`) as an
    ``IPython.display.Image`` shown at its size in inches × :data:`DPI`: a figure drawn at
    :data:`STATIC_DPI` or more is marked *retina* (shown at half its pixel size). PNG bytes
    are taken as retina unless `retina` says otherwise.

    Examples
    --------
    >>> import bpcore
    >>> net = bpcore.Network.from_sizes((2, 2, 1), rng=0)
    >>> picture = image(network_figure(net, lang="en"))
    >>> picture.retina, picture.width == network_figure(net).canvas.get_width_height()[0] // 2
    (True, True)
    """
    from IPython.display import Image

    if isinstance(fig, bytes):
        return Image(fig, retina=True if retina is None else retina)
    return Image(to_png(fig), retina=fig.dpi >= STATIC_DPI if retina is None else retina)


def tile(pngs: Sequence[bytes], *, per_row: int = 3, gap: int = 8) -> bytes:
    """PNG pictures in rows of `per_row` (left to right, then down), on white, as one PNG.

    Examples
    --------
    >>> one = to_png(new_figure((1, 1), 20))
    >>> from PIL import Image
    >>> Image.open(io.BytesIO(tile([one] * 5, per_row=3, gap=2))).size
    (64, 42)
    """
    rows = [side_by_side(pngs[k : k + per_row], gap=gap) for k in range(0, len(pngs), per_row)]
    from PIL import Image

    images = [Image.open(io.BytesIO(png)).convert("RGB") for png in rows]
    width = max((im.width for im in images), default=1)
    height = sum(im.height for im in images) + gap * max(len(images) - 1, 0)
    out = Image.new("RGB", (width, max(height, 1)), "white")
    y = 0
    for im in images:
        out.paste(im, (0, y))
        y += im.height + gap
    buf = io.BytesIO()
    out.save(buf, format="png", compress_level=1)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# Decision boundary
# ---------------------------------------------------------------------------------------------
class BoundaryPlot:
    """Output of a two-input, one-output network over the input plane, with the ŷ = 0.5 line.

    Parameters
    ----------
    X : ndarray, shape (m, 2)
        Training inputs (drawn as markers, and they set the plotted range).
    Y : ndarray, shape (m, 1)
        Targets (marker shape and colour).
    lang : {"zh", "en"}
    resolution : int
        Grid points per axis.
    """

    def __init__(
        self,
        X,
        Y,
        lang: str = DEFAULT_LANG,
        *,
        resolution: int = 61,
        figsize: tuple[float, float] = (3.4, 3.2),
        dpi: int = DPI,
    ):
        self.X = np.asarray(X, dtype=float)
        self.Y = np.asarray(Y, dtype=float).reshape(len(self.X), -1)
        self.lang = check_lang(lang)
        lo, hi = self.X.min(axis=0), self.X.max(axis=0)
        pad = 0.25 * np.maximum(hi - lo, 1e-9)
        self.extent = (lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1])
        gx = np.linspace(self.extent[0], self.extent[1], resolution)
        gy = np.linspace(self.extent[2], self.extent[3], resolution)
        self.gx, self.gy = np.meshgrid(gx, gy)
        self.grid = np.column_stack([self.gx.ravel(), self.gy.ravel()])
        self.fig = new_figure(figsize, dpi)
        self.ax = self.fig.add_axes((0.17, 0.24, 0.79, 0.66))
        style_axes(self.ax)
        self.ax.xaxis.set_major_locator(MaxNLocator(5))
        self.ax.yaxis.set_major_locator(MaxNLocator(5))
        # fixed positions: automatic title/label placement measures every tick on each draw
        self.title = self.fig.text(0.56, 0.98, "", ha="center", va="top", **_text_kw(10, "bold"))
        self.xlabel = self.fig.text(0.56, 0.095, "", ha="center", va="bottom", **_text_kw(9))
        self.ylabel = self.fig.text(
            0.01, 0.57, "", ha="left", va="center", rotation=90, **_text_kw(9)
        )
        self.image = self.ax.imshow(
            np.full(self.gx.shape, 0.5),
            origin="lower",
            extent=self.extent,
            cmap="RdBu_r",
            vmin=0.0,
            vmax=1.0,
            aspect="auto",
            interpolation="bilinear",
            alpha=0.75,
        )
        self._level = None  # the ŷ = 0.5 contour set, made at the first crossing
        self._markers, self._classes = [], []
        for value in np.unique(self.Y[:, 0]):
            self._classes.append(float(value))
            rows = self.Y[:, 0] == value
            self._markers.append(
                self.ax.scatter(
                    self.X[rows, 0],
                    self.X[rows, 1],
                    s=60,
                    zorder=5,
                    marker="^" if value >= 0.5 else "o",
                    c=POSITIVE if value >= 0.5 else NEGATIVE,
                    edgecolors="white",
                    linewidths=1.0,
                )
            )
        self._legend = None
        # the axes, ticks, labels and legend never change: only the picture is drawn again
        self._blit = _Blitter(self.fig)
        self._blit.add(self.image, *self._markers, *self.ax.spines.values())
        self._relabel()

    def _relabel(self) -> None:
        self._blit.invalidate()
        self.title.set_text(t("plot.boundary.title", self.lang))
        self.xlabel.set_text(t("plot.boundary.xlabel", self.lang))
        self.ylabel.set_text(t("plot.boundary.ylabel", self.lang))
        for marker, y in zip(self._markers, self._classes):
            marker.set_label(t("plot.boundary.class", self.lang, y=y))
        if self._legend is not None:
            self._legend.remove()
        self._legend = self.fig.legend(
            handles=self._markers,
            loc="lower center",
            bbox_to_anchor=(0.56, 0.0),
            ncol=2,
            prop=font(7.5),
            frameon=False,
            handletextpad=0.2,
            borderaxespad=0.1,
        )

    def set_lang(self, lang: str) -> None:
        self.lang = check_lang(lang)
        self._relabel()

    def update(self, predict: Callable[[np.ndarray], np.ndarray]) -> None:
        """Evaluate ``predict`` (inputs (n, 2) → outputs (n, 1)) on the grid and redraw."""
        with np.errstate(all="ignore"):
            Z = np.asarray(predict(self.grid), dtype=float).reshape(self.gx.shape)
        self.image.set_data(np.nan_to_num(Z, nan=0.5))
        crosses = bool(np.isfinite(Z).all() and Z.min() < 0.5 < Z.max())
        if self._level is not None:  # ContourSet has no public way to take new data
            self._blit.discard(self._level)
            self._level.remove()
            self._level = None
        if crosses and self._level is None:
            self._level = self.ax.contour(
                self.gx, self.gy, Z, levels=[0.5], colors="#111111", linewidths=1.4, zorder=3
            )
            self._blit.add(self._level)

    @property
    def _contour(self):
        """The ŷ = 0.5 line, or None where the output does not cross 0.5."""
        return self._level if self._level is not None and self._level.get_visible() else None

    def png(self, *, later: bool = False):
        """The figure as PNG bytes (the axes are drawn once; each call redraws the picture);
        with ``later``, a Future of them (see :func:`_encode`)."""
        return self._blit.png(None, later)


def boundary_figure(
    net, X, Y, *, lang: str = DEFAULT_LANG, title: str | None = None, dpi: int = STATIC_DPI
) -> Figure:
    """The decision boundary of a 2-input, 1-output network over its training inputs.

    The colours are the network's output ŷ (a colour bar on the right reads them); the black
    line is ŷ = 0.5. ``title`` replaces "Decision boundary (ŷ = 0.5)", e.g. to say which
    epoch is shown. Drawn at `dpi` (show it with :func:`image`).

    Examples
    --------
    >>> import bpcore
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    >>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    >>> fig = boundary_figure(bpcore.Network.from_sizes((2, 3, 1), rng=0), X, Y, lang="zh")
    >>> fig.texts[0].get_text()
    '决策边界（ŷ = 0.5）'
    """
    network = getattr(net, "network", net)
    if network.n_inputs != 2 or network.n_outputs != 1:
        raise ValueError(" / ".join(t("plot.boundary.unavailable", la) for la in ("zh", "en")))
    plot = BoundaryPlot(X, Y, lang, figsize=(4.1, 3.2), dpi=dpi)
    plot.update(network.predict)
    if title is not None:
        plot.title.set_text(title)
    # a colour bar on the right reads the colours as ŷ; the rest moves left to make room
    plot.ax.set_position((0.15, 0.24, 0.62, 0.66))
    for text in (plot.title, plot.xlabel):
        text.set_x(0.46)
    plot._legend.set_bbox_to_anchor((0.46, 0.0), transform=plot.fig.transFigure)
    cax = plot.fig.add_axes((0.82, 0.24, 0.035, 0.66))
    bar = plot.fig.colorbar(plot.image, cax=cax)
    bar.set_ticks([0.0, 0.25, 0.5, 0.75, 1.0])
    style_axes(cax, 7)
    bar.set_label(t("plot.boundary.colourbar", lang), fontproperties=font(8.5))
    plot._blit.release()  # the figure outlives the plot: no artist may be left animated
    return plot.fig
