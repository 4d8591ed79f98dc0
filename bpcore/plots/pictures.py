"""Whole pictures: PNGs side by side or tiled, and a figure shown in a notebook.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np

from .style import (
    STATIC_DPI,
    pixels_to_png,
    to_png,
)


def side_by_side(pngs: Sequence[bytes], *, gap: int = 0) -> bytes:
    """PNG pictures placed left to right (tops aligned) on white, as one PNG.

    Examples
    --------
    >>> from bpcore.plots import new_figure, to_png
    >>> one = to_png(new_figure((1, 1), 20))
    >>> side_by_side([one, one])[:4]
    b'\\x89PNG'
    """
    from PIL import Image

    images = [np.asarray(Image.open(io.BytesIO(png)).convert("RGB")) for png in pngs]
    width = sum(im.shape[1] for im in images) + gap * max(len(images) - 1, 0)
    out = np.full((max((im.shape[0] for im in images), default=1), max(width, 1), 3), 255, np.uint8)
    x = 0
    for im in images:
        out[: im.shape[0], x : x + im.shape[1]] = im
        x += im.shape[1] + gap
    # encoded as to_png does: Pillow's encoder spent ~45 ms choosing row filters here
    return pixels_to_png(out)


def image(fig, *, retina: bool | None = None):
    """`fig` (a Figure, or PNG bytes from :func:`to_png`, :func:`tile`) as an
    ``IPython.display.Image`` shown at its size in inches × :data:`DPI`: a figure drawn at
    :data:`STATIC_DPI` or more is marked *retina* (shown at half its pixel size). PNG bytes
    are taken as retina unless `retina` says otherwise.

    Examples
    --------
    >>> import bpcore
    >>> from bpcore.plots import network_figure
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
    >>> from bpcore.plots import new_figure, to_png
    >>> one = to_png(new_figure((1, 1), 20))
    >>> import io
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
