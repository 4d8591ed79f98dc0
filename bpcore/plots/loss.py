"""The loss curve: the live :class:`LossPlot` and the static loss/curves figures.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullLocator

from ..i18n import DEFAULT_LANG, check_lang, t
from .blit import _Blitter
from .style import (
    CURRENT_COLOUR,
    DPI,
    FIGSIZE,
    POSITIVE,
    RUN_COLOURS,
    _text_kw,
    font,
    new_figure,
    style_axes,
)


# ---------------------------------------------------------------------------------------------
# Loss curve
# ---------------------------------------------------------------------------------------------
def _decade_label(value: float, pos=None) -> str:
    """A log axis's tick as the live loss panel writes it: 1, 1e-1, 1e-2 (else ``%g``).

    Examples
    --------
    >>> _decade_label(1.0), _decade_label(0.01), _decade_label(1000.0), _decade_label(0.5)
    ('1', '1e-2', '1e3', '0.5')
    """
    if value > 0:
        d = round(math.log10(value))
        if math.isclose(value, 10.0**d, rel_tol=1e-9):
            return "1" if d == 0 else f"1e{d}"
    return f"{value:g}"


def _loss_axes(fig: Figure, logy: bool):
    """A loss figure's axes, title and axis labels: ``(ax, title, xlabel, ylabel)``."""
    ax = fig.add_axes((0.11, 0.15, 0.86, 0.74))
    style_axes(ax)
    if logy:
        ax.set_yscale("log")
        # Minor ticks of a log axis cost more to draw than the curve itself; the limits
        # snap to whole decades (see _decades), so major ticks alone are enough.
        ax.yaxis.set_minor_locator(NullLocator())
        # "1e-2" as the live panel writes it, in plain text: the default 10⁻² labels are
        # mathtext, and parsing them took ~40 ms of a static picture's ~125
        ax.yaxis.set_major_formatter(FuncFormatter(_decade_label))
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
