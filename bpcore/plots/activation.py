"""Activation functions and their derivatives, drawn side by side.

Part of :mod:`bpcore.plots` (see its docstring).  Lesson 02 computes every curve (f(z) and
f'(z), the latter from the output as in the textbook's equation (5.9)); these figures only
draw the arrays they are given.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure

from ..i18n import DEFAULT_LANG, check_lang, t
from .style import RUN_COLOURS, font, new_figure, style_axes

#: One colour per activation, the same in every figure of the course.
COLOURS = {"identity": "#999999", "sigmoid": "#c0392b", "tanh": "#2166ac"}
SIGMOID, DERIVATIVE = COLOURS["sigmoid"], COLOURS["tanh"]


def _two_panels(titles, xlabel, lang):
    fig = new_figure((8.4, 3.0))
    axes = fig.subplots(1, 2)
    for ax, title in zip(axes, titles):
        ax.set_title(t(title, lang), fontproperties=font(10, "bold"))
        ax.set_xlabel(xlabel, fontproperties=font(8))
        ax.grid(True, color="#eeeeee")
        style_axes(ax)
    fig.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.88, wspace=0.2)
    return fig, axes


def sigmoid_figure(z, step, f, f_prime, *, lang: str = DEFAULT_LANG) -> Figure:
    """Left: the step function and the sigmoid; right: the sigmoid and its derivative.

    Parameters
    ----------
    z : ndarray, shape (n,)
        The weighted sums (the x axis).
    step, f, f_prime : ndarray, shape (n,)
        The step function, the sigmoid f(z) and its derivative f'(z) at `z`.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        The right panel marks the derivative's largest value.

    Examples
    --------
    >>> import numpy as np
    >>> z = np.linspace(-8, 8, 9)
    >>> f = 1 / (1 + np.exp(-z))
    >>> len(sigmoid_figure(z, (z >= 0) * 1.0, f, f * (1 - f), lang="zh").axes)
    2
    """
    lang = check_lang(lang)
    fig, (left, right) = _two_panels(
        ("plot.sigmoid.left", "plot.sigmoid.right"), t("plot.sigmoid.z", lang), lang
    )
    left.plot(z, step, color="#999999", linewidth=1.5, label=t("plot.sigmoid.step", lang))
    for ax in (left, right):
        ax.plot(z, f, color=SIGMOID, linewidth=1.8, label=t("plot.sigmoid.f", lang))
    right.plot(
        z, f_prime, "--", color=DERIVATIVE, linewidth=1.8, label=t("plot.sigmoid.prime", lang)
    )
    k = int(np.argmax(f_prime))
    right.annotate(
        t("plot.sigmoid.peak", lang, value=float(f_prime[k])),
        (float(z[k]), float(f_prime[k])),
        xytext=(12, 18),
        textcoords="offset points",
        fontproperties=font(8),
        arrowprops=dict(arrowstyle="->", color="#555555"),
    )
    for ax in (left, right):
        ax.legend(prop=font(8), loc="upper left")
    return fig


def activations_figure(z, curves: Mapping[str, tuple], *, lang: str = DEFAULT_LANG) -> Figure:
    """Left: several activations f(z); right: their derivatives f'(z).

    Parameters
    ----------
    z : ndarray, shape (n,)
        The weighted sums (the x axis).
    curves : mapping {name: (f, f_prime)}
        Per activation (a key of ``act.*`` in the catalogue, e.g. ``"tanh"``), its values and
        its derivative's values at `z`, arrays of shape (n,).
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> z = np.linspace(-4, 4, 9)
    >>> fig = activations_figure(z, {"tanh": (np.tanh(z), 1 - np.tanh(z) ** 2)}, lang="en")
    >>> [ax.get_title() for ax in fig.axes]
    ['activation f(z)', "derivative f'(z) (from the output)"]
    """
    lang = check_lang(lang)
    fig, (left, right) = _two_panels(
        ("plot.sigmoid.activation", "plot.sigmoid.from_output"), "z", lang
    )
    for k, (name, (f, f_prime)) in enumerate(curves.items()):
        colour = COLOURS.get(name, RUN_COLOURS[k % len(RUN_COLOURS)])
        label = t(f"act.{name}", lang)
        left.plot(z, f, color=colour, linewidth=1.8, label=label)
        right.plot(z, f_prime, color=colour, linewidth=1.8, label=label)
    for ax in (left, right):
        ax.legend(prop=font(8), loc="upper left")
    left.set_ylim(-2.2, 2.2)
    right.set_ylim(-0.1, 1.2)
    return fig
