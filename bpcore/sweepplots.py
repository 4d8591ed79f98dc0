"""The learning-rate sweep in one picture: the final loss against η, the regions where the
runs converged, oscillated or diverged shaded behind it, edges marked by vertical lines.

Lesson 16 draws with this. Plotting only: the numbers come from :func:`bpcore.sweep.sweep`
and the edges from :func:`bpcore.sweep.find_edge` or :func:`bpcore.sweep.quadratic_edges`.
Public matplotlib API, Chinese through the bundled font of :mod:`bpcore.plots`; every text
is a key of the catalogue :mod:`bpcore.i18n`.

Examples
--------
>>> import numpy as np
>>> from bpcore.sweep import SweepResult
>>> r = SweepResult(np.array([0.5, 1.5, 2.5]), np.array([[1.0, 0.1], [1.0, 0.5], [1.0, 9.0]]),
...                 [], [], np.array(["converged", "oscillating", "diverged"]))
>>> fig = sweep_figure(r, lines=[(2.0, "2/E″", "derived")], lang="en")
>>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()][:3]
['converged', 'oscillating', 'diverged']
"""

import numpy as np

from .i18n import DEFAULT_LANG, check_lang, t
from .plots import CURRENT_COLOUR, font, new_figure, style_axes

#: Background of each status, light enough for the points to read on top.
REGION_COLOURS = {"converged": "#d9f0d3", "oscillating": "#fee8c8", "diverged": "#f4c7c3"}
#: Vertical lines: a derived edge dashed, a measured one solid.
LINE_STYLES = {"derived": dict(ls="--", color="#2166ac"), "measured": dict(ls="-", color="#c0392b")}
#: The loss axis spans at most these values; points beyond are drawn on its border as ▲/▼.
FLOOR, CEILING = 1e-16, 1e8


def _bounds(etas):
    """Edges of the band each η owns: halfway (geometrically) to its neighbours."""
    mid = np.sqrt(etas[1:] * etas[:-1])
    first = etas[0] ** 2 / mid[0] if len(mid) else etas[0] / 1.1
    last = etas[-1] ** 2 / mid[-1] if len(mid) else etas[-1] * 1.1
    return np.concatenate([[first], mid, [last]])


def sweep_figure(
    result,
    *,
    lines=(),
    target=None,
    title=None,
    lang=DEFAULT_LANG,
    figsize=(7.2, 3.4),
):
    """The final loss of every run against its learning rate, regions shaded by status.

    Parameters
    ----------
    result : SweepResult
        Its ``etas`` increasing.
    lines : sequence of (float, str, {"derived", "measured"})
        Vertical lines: (η, label, kind); derived edges dashed, measured ones solid.
    target : float, optional
        A horizontal line; runs whose final loss reached it are drawn filled, the others
        hollow.
    title : str, optional
    lang : {"zh", "en"}
    figsize : (float, float)

    Returns
    -------
    matplotlib.figure.Figure
        η on a log axis, the final loss on a log axis clipped to [FLOOR, CEILING] (points
        beyond, and runs whose loss is not finite, sit on the border as ▲ or ▼).
    """
    lang = check_lang(lang)
    etas = np.asarray(result.etas, dtype=float)
    final = np.asarray(result.final_loss, dtype=float)
    status = np.asarray(result.status)
    fig = new_figure(figsize)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    bounds = _bounds(etas)
    start = 0
    shown = set()
    for r in range(1, len(etas) + 1):  # one band per run of equal statuses
        if r == len(etas) or status[r] != status[start]:
            kind = str(status[start])
            label = None if kind in shown else t(f"plot.sweep.{kind}", lang)
            shown.add(kind)
            ax.axvspan(bounds[start], bounds[r], color=REGION_COLOURS[kind], lw=0, label=label)
            start = r
    with np.errstate(invalid="ignore"):
        high = ~np.isfinite(final) | (final > CEILING)
        low = ~high & (final < FLOOR)
    inside = ~(high | low)
    if target is None:
        ax.plot(
            etas[inside],
            final[inside],
            ".",
            ms=3.5,
            color=CURRENT_COLOUR,
            label=t("plot.sweep.final", lang),
            zorder=3,
        )
    else:  # filled: reached the target; hollow: did not
        with np.errstate(invalid="ignore"):
            met = final <= target
        for mask, face, key in ((met, CURRENT_COLOUR, "met"), (~met, "none", "missed")):
            ax.plot(
                etas[inside & mask],
                final[inside & mask],
                "o",
                ms=2.8,
                mfc=face,
                mew=0.7,
                color=CURRENT_COLOUR,
                label=t(f"plot.sweep.{key}", lang, target=target),
                zorder=3,
            )
    if high.any() or low.any():
        ax.plot(
            etas[high],
            np.full(high.sum(), CEILING),
            "^",
            ms=3.5,
            color=CURRENT_COLOUR,
            clip_on=False,
            zorder=3,
            label=t("plot.sweep.clipped", lang),
        )
        ax.plot(
            etas[low],
            np.full(low.sum(), FLOOR),
            "v",
            ms=3.5,
            color=CURRENT_COLOUR,
            clip_on=False,
            zorder=3,
        )
    if target is not None:
        ax.axhline(target, color="#555555", lw=0.9, ls=":")
    for eta, label, kind in lines:
        ax.axvline(eta, lw=1.4, label=label, **LINE_STYLES[kind])
    values = final[inside]
    lo = min(values.min() if values.size else 1.0, target or 1.0)
    hi = max(values.max() if values.size else 1.0, target or 1.0)
    lo = FLOOR if low.any() else 10.0 ** np.floor(np.log10(lo))
    hi = CEILING if high.any() else 10.0 ** np.ceil(np.log10(hi) + 1e-12)
    ax.set_ylim(lo, hi)
    ax.set_xlim(bounds[0], bounds[-1])
    ax.set_xlabel(t("plot.sweep.xlabel", lang))
    ax.set_ylabel(t("plot.sweep.ylabel", lang))
    ax.set_title(title or t("plot.sweep.title", lang, runs=len(etas)))
    ax.grid(alpha=0.3, which="major")
    style_axes(ax)
    ax.legend(prop=font(7.5), framealpha=0.9, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    return fig
