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
  figure and artists and only change data, so the small widgets of lessons 01 and 04 redraw
  quickly (the playground's live panels are drawn in the browser, :mod:`bpcore.playground`);
  only matplotlib's public API is used (tests/test_public_matplotlib.py checks the source),
  and PNG bytes are written by :func:`_encode` (plain zlib, no filter search).
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

# One concept per module; every name stays importable as bpcore.plots.NAME.
from .activation import activations_figure, sigmoid_figure  # noqa: F401
from .blit import _Blitter  # noqa: F401
from .boundary import BoundaryPlot, boundary_figure  # noqa: F401
from .descent import DescentPlot, descent_figure, path_panel  # noqa: F401
from .graph import chain_graph_figure  # noqa: F401
from .loss import LossPlot, _decades, _loss_axes, curves_figure, loss_figure  # noqa: F401
from .network import (  # noqa: F401
    PHASES,
    NetworkPlot,
    _unit_boxes,
    _untangle_edge_labels,
    network_figure,
    text_boxes,
)
from .pictures import image, side_by_side, tile  # noqa: F401
from .practice import (  # noqa: F401
    bp_comparison_figure,
    early_stopping_figure,
    multistart_figure,
    order_figure,
    weight_decay_figure,
)
from .stepsize import step_error_figure  # noqa: F401
from .style import (  # noqa: F401
    CURRENT_COLOUR,
    DPI,
    FAMILIES,
    FIGSIZE,
    FONT_DIR,
    FONT_FAMILY,
    NEGATIVE,
    POSITIVE,
    RUN_COLOURS,
    STATIC_DPI,
    _draw_lock,
    _encode,
    _font_lock,
    _font_registered,
    _png_bytes,
    _png_chunk,
    _png_lock,
    _png_pool,
    _png_threads,
    _text_kw,
    font,
    font_files,
    new_figure,
    register_font,
    style_axes,
    to_png,
)
from .text import _SUB, fmt, sub, symbols  # noqa: F401
