"""The computational graph of f = sigmoid(w·x + b), split into six elementary steps h1 … h6.

Part of :mod:`bpcore.plots` (see its docstring).  Lesson 03 reads every number from the
tutorial's trace (values, local derivatives, ∂f/∂h_k) and multiplies the chain itself; this
figure only places the boxes, arrows and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from ..i18n import DEFAULT_LANG, check_lang, t
from .style import font, new_figure
from .text import fmt

#: The elementary steps of f = 1 / (1 + exp(−(x·w + b))), in order.
OPS = ("x·w", "h1 + b", "−h2", "exp(h3)", "h4 + 1", "1/h5")
LOCAL, GRADIENT = "#2166ac", "#c0392b"


def chain_graph_figure(
    x: float,
    w: float,
    b: float,
    value: Sequence[float],
    local: Sequence[float],
    back: Sequence[float],
    df_dw: float,
    df_db: float,
    *,
    lang: str = DEFAULT_LANG,
) -> Figure:
    """Boxes x, w, b, h1 … h6 = f with their values; local derivatives (blue) on the edges,
    ∂f/∂node (red) under the nodes.

    Parameters
    ----------
    x, w, b : float
        The inputs.
    value : sequence of 6 float
        h1 … h6 at (x, w, b).
    local : sequence of 6 float
        ∂h1/∂w, ∂h2/∂h1, …, ∂h6/∂h5.
    back : sequence of 6 float
        ∂f/∂h1, …, ∂f/∂h6 (= 1).
    df_dw, df_db : float
        The gradients at the inputs w and b.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = chain_graph_figure(1, 0, 0, [0, 0, 0, 1, 2, 0.5], [1, 1, -1, 1, 1, -0.25],
    ...                          [0.25, 0.25, -0.25, -0.25, -0.25, 1], 0.25, 0.25, lang="en")
    >>> len(fig.axes)
    1
    """
    lang = check_lang(lang)
    # node positions: the chain h1 … h6 on one line, the inputs x, w, b feeding it
    pos = {"x": (0.0, 0.9), "w": (0.0, -0.9), "b": (1.4, -1.5)}
    pos.update({f"h{k}": (1.4 * k, 0.0) for k in range(1, 7)})
    label = {"x": f"x\n= {fmt(x)}", "w": f"w\n= {fmt(w)}", "b": f"b\n= {fmt(b)}"}
    label.update({f"h{k + 1}": f"h{k + 1} = {OPS[k]}\n= {fmt(value[k])}" for k in range(6)})
    label["h6"] = "f = " + label["h6"]
    grad = {f"h{k}": back[k - 1] for k in range(1, 7)}
    grad.update({"w": df_dw, "b": df_db})
    # edges (from, to, local derivative); x → h1 is off the paths to w and b
    edges = [("x", "h1", None), ("w", "h1", local[0]), ("b", "h2", 1.0)]
    edges += [(f"h{k}", f"h{k + 1}", local[k]) for k in range(1, 6)]

    fig = new_figure((9.6, 3.4))
    ax = fig.add_axes((0.0, 0.0, 1.0, 0.9))
    ax.set_axis_off()
    ax.set_xlim(-0.5, 8.9)
    ax.set_ylim(-2.3, 1.5)
    for a, c, d in edges:
        (x0, y0), (x1, y1) = pos[a], pos[c]
        arrow = dict(arrowstyle="-|>", color="#333333", shrinkA=24, shrinkB=30, linewidth=1.1)
        ax.annotate("", (x1, y1), (x0, y0), arrowprops=arrow)
        if d is not None:
            ax.text((x0 + x1) / 2, (y0 + y1) / 2 + 0.2, fmt(d), ha="center", color=LOCAL,
                    fontproperties=font(10, "bold"))  # fmt: skip
    box = dict(boxstyle="round,pad=0.35", fc="white", ec="#444444")
    for name, (px, py) in pos.items():
        ax.text(px, py, label[name], ha="center", va="center", fontproperties=font(9.5), bbox=box)
        if name in grad:
            ax.text(px, py - 0.62, f"∂f/∂{name if name != 'h6' else 'f'} = {fmt(grad[name])}",
                    ha="center", va="top", color=GRADIENT, fontproperties=font(9.5))  # fmt: skip
    title = t("plot.graph.title", lang, x=fmt(x), w=fmt(w), b=fmt(b))
    fig.text(0.5, 0.97, title, ha="center", va="top", fontproperties=font(10, "bold"))
    return fig
