"""The bundled font, new figures and axes in the course's style, and PNG encoding.

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

import struct
import threading
import zlib
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager

#: Private family name of the bundled CJK subset (see scripts/build_font_subset.py).
FONT_FAMILY = "bpcore Sans SC"
#: Where the subset lives.
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
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
        animated = _animated_artists(fig)
        for artist in animated:
            artist.set_animated(False)
        try:
            canvas.draw()
        finally:
            for artist in animated:
                artist.set_animated(True)
        return _encode(canvas)


def _animated_artists(fig: Figure) -> list:
    """The artists of `fig` marked animated, found without descending into an Axis: listing
    an Axis's children creates its ticks (~35 ms for the network diagram, whose axes are
    never drawn), and the live plots animate images, lines, markers and spines only."""
    from matplotlib.axis import Axis

    found, stack = [], [fig]
    while stack:
        artist = stack.pop()
        if artist.get_animated():
            found.append(artist)
        stack.extend(child for child in artist.get_children() if not isinstance(child, Axis))
    return found


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
    opaque = bool(rgba[..., 3].min() == 255)
    header, rows = _png_rows(rgba[..., :3] if opaque else rgba)
    if later:
        return _png_pool().submit(_png_bytes, header, rows)
    return _png_bytes(header, rows)


def pixels_to_png(pixels: np.ndarray) -> bytes:
    """An (H, W, 3) RGB or (H, W, 4) RGBA uint8 array as PNG bytes (the encoder of
    :func:`to_png`: rows unfiltered, zlib level 1).

    Examples
    --------
    >>> pixels_to_png(np.full((2, 3, 3), 255, np.uint8))[:4]
    b'\\x89PNG'
    """
    return _png_bytes(*_png_rows(np.asarray(pixels, dtype=np.uint8)))


def _png_rows(pixels: np.ndarray) -> tuple[bytes, np.ndarray]:
    """The IHDR fields and the filtered rows (filter "none") of an RGB or RGBA array."""
    height, width, channels = pixels.shape
    rows = np.empty((height, 1 + width * channels), np.uint8)
    rows[:, 0] = 0  # filter type "none" for every row
    rows[:, 1:].reshape(height, width, channels)[...] = pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if channels == 3 else 6, 0, 0, 0)
    return header, rows


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
