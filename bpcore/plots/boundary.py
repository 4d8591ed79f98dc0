"""The decision boundary of a two-input net.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..i18n import DEFAULT_LANG, both, check_lang, t
from .blit import _Blitter
from .style import (
    DPI,
    NEGATIVE,
    POSITIVE,
    STATIC_DPI,
    _text_kw,
    font,
    new_figure,
    style_axes,
)


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
        raise ValueError(both("plot.boundary.unavailable"))
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
