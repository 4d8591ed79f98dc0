"""Redraw only what changes in a live figure (matplotlib's public blitting API).

Part of :mod:`bpcore.plots` (see its docstring).
"""

from __future__ import annotations

from matplotlib.figure import Figure

from .style import (
    _draw_lock,
    _encode,
)


class _Blitter:
    """Redraw only what changes: the static part of a figure is rendered once and kept.

    ``dynamic`` artists are marked animated (so a full draw skips them); each frame restores
    the cached background and draws them on top.  Axes, ticks, labels and titles, which cost
    most of a matplotlib draw, are drawn again only when ``key`` (e.g. the axis limits and
    the language) changes or :meth:`invalidate` was called.
    """

    def __init__(self, fig: Figure):
        self.fig = fig
        self.dynamic: list = []
        self._background = None
        self._key = None

    def add(self, *artists) -> None:
        for artist in artists:
            artist.set_animated(True)
            self.dynamic.append(artist)

    def discard(self, artist) -> None:
        if artist in self.dynamic:
            self.dynamic.remove(artist)

    def invalidate(self) -> None:
        self._background = None

    def release(self) -> None:
        """Stop blitting: every artist is drawn by an ordinary draw (``savefig`` too)."""
        for artist in self.dynamic:
            artist.set_animated(False)
        self.dynamic.clear()
        self._background = None

    def png(self, key=None, later: bool = False):
        with _draw_lock:
            canvas = self.fig.canvas
            if self._background is None or key != self._key:
                # hidden, not only animated: matplotlib 3.10 still draws an animated image,
                # which then showed through the next pictures (its alpha is 0.75)
                shown = [artist for artist in self.dynamic if artist.get_visible()]
                for artist in shown:
                    artist.set_visible(False)
                try:
                    canvas.draw()
                finally:
                    for artist in shown:
                        artist.set_visible(True)
                self._background = canvas.copy_from_bbox(self.fig.bbox)
                self._key = key
            else:
                canvas.restore_region(self._background)
            for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
                if artist.get_visible() and artist.figure is not None:
                    self.fig.draw_artist(artist)
            return _encode(canvas, later)
