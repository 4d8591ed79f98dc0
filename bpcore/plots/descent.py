"""Gradient descent on a one-parameter loss E(w): the path over the curve, and the loss per step.

Part of :mod:`bpcore.plots` (see its docstring).  Lesson 01 computes the path with its own
``descend(eta, steps)`` and judges it with its own ``verdict(path)``; these figures only draw
what those two functions return.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import DEFAULT_LANG, check_lang, t
from .style import font, new_figure, style_axes, to_png

#: Colour of the path (the dots fade from light, first step, to dark, last step).
PATH_COLOUR = "#c0392b"


def path_panel(
    ax,
    E: Callable,
    descend: Callable,
    verdict: Callable,
    *,
    w_range: tuple[float, float] = (-4.0, 10.0),
    w0: float = -1.0,
    lang: str = DEFAULT_LANG,
) -> Callable:
    """Draw the curve E(w) on `ax` once; return ``update(eta, steps)``, which draws a path.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The panel.
    E : callable
        The loss, vectorised: ``E(ndarray) -> ndarray``.
    descend : callable
        ``descend(eta, steps) -> ndarray`` of shape (steps + 1,): w_0, …, w_steps.
    verdict : callable
        ``verdict(path) -> str``: the outcome, shown in the panel's title.
    w_range : (float, float)
        The w axis; points of the path outside it are left out (and the title says so).
    w0 : float
        Where the path starts (labelled on the curve).
    lang : {"zh", "en"}

    Returns
    -------
    callable
        ``update(eta, steps) -> ndarray``: moves the path to ``descend(eta, steps)``,
        retitles the panel and returns the path.

    Examples
    --------
    >>> import numpy as np
    >>> fig = new_figure((3, 2))
    >>> update = path_panel(fig.subplots(), lambda w: 0.5 * (w - 3) ** 2,
    ...                     lambda eta, steps: np.full(steps + 1, 3.0), lambda p: "ok", lang="en")
    >>> update(0.5, 4).shape
    (5,)
    """
    lang = check_lang(lang)
    grid = np.linspace(*w_range, 200)
    ax.plot(grid, E(grid), color="#999999", linewidth=1.2)
    (line,) = ax.plot([], [], color=PATH_COLOUR, linewidth=0.8, alpha=0.6)
    dots = ax.scatter([], [], edgecolors=PATH_COLOUR, s=22, zorder=3)
    ax.annotate(
        t("plot.descent.start", lang),
        (w0, float(E(np.array(w0)))),
        xytext=(6, -2),
        textcoords="offset points",
        fontproperties=font(8),
    )
    ax.set_xlim(*w_range)
    ax.set_ylim(-1.0, float(E(np.array(w_range[1]))) + 1.0)
    ax.set_xlabel(t("plot.descent.w", lang), fontproperties=font(8))
    style_axes(ax)

    def update(eta: float, steps: int) -> np.ndarray:
        path = descend(eta, steps)
        shown = path[(path >= w_range[0]) & (path <= w_range[1])]
        shade = np.linspace(0.9, 0.1, len(path))[: len(shown)]  # light first, dark last
        line.set_data(shown, E(shown))
        dots.set_offsets(np.column_stack([shown, E(shown)]))
        dots.set_facecolors([(0.75 + 0.2 * s, s, s) for s in shade])
        title = t("plot.descent.title", lang, eta=eta, verdict=verdict(path))
        if len(shown) < len(path):
            title += "\n" + t("plot.descent.off_plot", lang)
        ax.set_title(title, fontproperties=font(9, "bold"))
        return path

    return update


def descent_figure(
    E: Callable,
    descend: Callable,
    verdict: Callable,
    etas: Sequence[float],
    *,
    steps: int = 20,
    lang: str = DEFAULT_LANG,
) -> Figure:
    """One :func:`path_panel` per learning rate in `etas`, side by side, sharing the E axis.

    Parameters
    ----------
    E, descend, verdict : callable
        As in :func:`path_panel`.
    etas : sequence of float
        The learning rates, one panel each.
    steps : int
        Steps of every path.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> fig = descent_figure(lambda w: w**2, lambda eta, n: np.zeros(n + 1), lambda p: "ok",
    ...                      [0.1, 0.5], steps=3, lang="zh")
    >>> len(fig.axes)
    2
    """
    fig = new_figure((10.0 / 3 * len(etas), 3.2))
    axes = np.atleast_1d(fig.subplots(1, len(etas), sharey=True))
    for ax, eta in zip(axes, etas):
        path_panel(ax, E, descend, verdict, lang=lang)(eta, steps)
    axes[0].set_ylabel(t("plot.descent.loss", lang), fontproperties=font(8))
    fig.subplots_adjust(left=0.06, right=0.99, bottom=0.16, top=0.83, wspace=0.08)
    return fig


class DescentPlot:
    """The path (left) and the loss per step on a log axis (right), redrawn for a slider.

    The figure and its artists are made once; :meth:`png` only changes their data.

    Parameters
    ----------
    E, descend, verdict : callable
        As in :func:`path_panel`.
    lang : {"zh", "en"}

    Examples
    --------
    >>> import numpy as np
    >>> plot = DescentPlot(lambda w: 0.5 * (w - 3) ** 2,
    ...                    lambda eta, n: 3 - 4 * (1 - eta) ** np.arange(n + 1), lambda p: "ok")
    >>> plot.png(0.5, 10)[:4]
    b'\\x89PNG'
    """

    def __init__(self, E: Callable, descend: Callable, verdict: Callable, *, lang=DEFAULT_LANG):
        self.E = E
        self.fig = new_figure((7.6, 3.0))
        ax_path, self.ax_loss = self.fig.subplots(1, 2)
        self.move_path = path_panel(ax_path, E, descend, verdict, lang=lang)
        (self.loss_line,) = self.ax_loss.semilogy(
            [], [], "o-", color=PATH_COLOUR, markersize=3, linewidth=1
        )
        self.ax_loss.set_xlabel(t("plot.descent.k", lang), fontproperties=font(8))
        self.ax_loss.set_ylabel(t("plot.descent.loss_k", lang), fontproperties=font(8))
        style_axes(self.ax_loss)
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.17, top=0.82, wspace=0.3)

    def png(self, eta: float, steps: int) -> bytes:
        """Redraw for learning rate `eta` and `steps` steps; return the PNG bytes."""
        path = self.move_path(eta, steps)
        # E = 0 exactly (η = 1) cannot be drawn on a log axis: floor it at 1e-16
        losses = np.maximum(self.E(path), 1e-16)
        self.loss_line.set_data(np.arange(len(path)), losses)
        self.ax_loss.set_xlim(0, max(steps, 1))
        low, high = np.floor(np.log10(losses.min())), np.ceil(np.log10(losses.max()))
        self.ax_loss.set_ylim(10.0**low, 10.0**high)
        return to_png(self.fig)
