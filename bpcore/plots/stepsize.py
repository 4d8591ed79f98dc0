"""The error of a central-difference gradient against its step ε, on log-log axes.

Part of :mod:`bpcore.plots` (see its docstring).  Lesson 11 measures the largest relative
error for each ε and each stencil order; this figure draws those numbers with guide lines of
the slopes that truncation (∝ ε², ∝ ε⁴) and rounding (∝ 1/ε) predict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from ..i18n import DEFAULT_LANG, check_lang, t
from .style import NEGATIVE, POSITIVE, RUN_COLOURS, font, new_figure, style_axes

GUIDE = "#555555"


def step_error_figure(
    eps: Sequence[float],
    errors: Mapping[int, Sequence[float]],
    *,
    thresholds: Sequence[float] = (1e-7, 1e-4),
    chosen: float = 1e-4,
    lang: str = DEFAULT_LANG,
) -> Figure:
    """Largest relative error against step ε, for the order-2 and order-4 stencils.

    Parameters
    ----------
    eps : sequence of float, shape (n,)
        The steps, from large to small (the x axis runs the same way: ε shrinks to the right).
    errors : mapping {2: array of shape (n,), 4: array of shape (n,)}
        The largest relative error at each step, per stencil order.
    thresholds : sequence of float
        Error levels drawn as light horizontal lines (the verdict thresholds).
    chosen : float
        The default step, drawn as a vertical line.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Notes
    -----
    The guide lines go through the first point (truncation, ε² and ε⁴) or the last point
    (rounding, 1/ε) of the order-2 curve, so only their slopes carry information.

    Examples
    --------
    >>> import numpy as np
    >>> eps = np.logspace(-1, -12, 45)
    >>> fig = step_error_figure(eps, {2: eps**2 + 1e-16 / eps, 4: eps**4 + 1e-16 / eps})
    >>> len(fig.axes)
    1
    """
    lang = check_lang(lang)
    eps = np.asarray(eps, dtype=float)
    e2, e4 = (np.asarray(errors[k], dtype=float) for k in (2, 4))
    fig = new_figure((6.0, 3.6))
    ax = fig.add_axes((0.13, 0.15, 0.83, 0.72))
    ax.loglog(eps, e2, "o-", ms=3, color=NEGATIVE, label=t("plot.stepsize.second_order", lang))
    fourth = t("plot.stepsize.fourth_order", lang)
    ax.loglog(eps, e4, "s-", ms=3, color=RUN_COLOURS[0], label=fourth)
    # reference slopes: truncation ∝ ε² (and ε⁴), rounding ∝ 1/ε
    n = len(eps)
    k2, k4, kr = e2[0] / eps[0] ** 2, e4[0] / eps[0] ** 4, e2[-1] * eps[-1]
    big, bigger, small = eps[: 4 * n // 9], eps[: 8 * n // 45], eps[14 * n // 45 :]
    ax.loglog(big, k2 * big**2, ":", color=GUIDE, label="∝ ε²")
    ax.loglog(bigger, k4 * bigger**4, "-.", color=GUIDE, label="∝ ε⁴")
    ax.loglog(small, kr / small, "--", color=GUIDE, label="∝ 1/ε")
    for threshold in thresholds:
        ax.axhline(threshold, color="#bbbbbb", linewidth=0.8, zorder=0)
    ax.axvline(chosen, color=POSITIVE, linewidth=1.0, alpha=0.6)
    ax.set_ylim(1e-12, 1.0)
    ax.invert_xaxis()
    style_axes(ax)
    ax.set_title(t("plot.stepsize.title", lang), fontproperties=font(11, "bold"))
    ax.set_xlabel(t("plot.stepsize.step", lang), fontproperties=font(9))
    ax.set_ylabel(t("plot.stepsize.error", lang), fontproperties=font(9))
    ax.legend(prop=font(7.5), loc="upper center", ncol=2, framealpha=0.9)
    return fig
