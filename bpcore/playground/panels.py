"""The live panels: anywidget models that carry numbers; ``live.js`` draws them in the browser.

Why anywidget (and not PNG pictures or bqplot): a frame of a running loss curve is the few
new points since the last frame (tens of bytes of JSON, not a 20 KB PNG), the browser draws
on a canvas with its own CJK fonts, the module is one small file inside bpcore (no bundler,
no network at run time), anywidget's front end ships in its wheel (JupyterLab and
JupyterLite alike), and a test can read what was drawn from the element's data attributes.

Each number sent is computed by bpcore in the kernel; the browser only draws.
"""

from __future__ import annotations

import base64
from pathlib import Path

import numpy as np

ESM = Path(__file__).with_name("live.js")
#: Points of a loss curve sent to the browser at most (the curve is sampled every `stride`).
CURVE_POINTS = 300


def _sig(x: float, digits: int = 5) -> float:
    return float(f"{x:.{digits}g}")


def _classes():
    import anywidget
    import traitlets

    class _Panel(anywidget.AnyWidget):
        _esm = ESM
        kind = traitlets.Unicode("loss").tag(sync=True)
        lang = traitlets.Unicode("zh").tag(sync=True)
        alt = traitlets.Unicode("").tag(sync=True)

    class LossPanel(_Panel):
        """The loss curve of the current run (``curve`` + appended ``tail``) and earlier runs."""

        texts = traitlets.Dict().tag(sync=True)
        curve = traitlets.Dict().tag(sync=True)
        tail = traitlets.Dict().tag(sync=True)
        runs = traitlets.List().tag(sync=True)

    class DataPanel(_Panel):
        """The network or the decision boundary: numbers and texts, drawn as ``{**fixed, **data}``.

        ``fixed`` holds what stays the same while a run trains (names, titles, the data points),
        ``data`` what changes each frame. A trait assigned an equal value sends nothing, so a
        frame of a running net carries only its new numbers.
        """

        fixed = traitlets.Dict().tag(sync=True)
        data = traitlets.Dict().tag(sync=True)

        def shown(self) -> dict:
            """What the browser draws: ``fixed`` updated by ``data``."""
            return {**self.fixed, **self.data}

        def show(self, fixed: dict, data: dict) -> None:
            self.fixed = fixed
            self.data = data

    return LossPanel, DataPanel


_CACHE: dict = {}


def panel_classes():
    """``(LossPanel, DataPanel)``, defined on first use (anywidget loads lazily)."""
    if not _CACHE:
        _CACHE["classes"] = _classes()
    return _CACHE["classes"]


def stride_for(target: int) -> int:
    """Every how many epochs a curve of ``target`` epochs is sampled (≤ CURVE_POINTS points)."""
    return max(1, -(-int(target) // CURVE_POINTS))


def sampled(loss, stride: int, start: int = 0) -> list[float]:
    """``loss[start], loss[start + stride], …`` (start a multiple of stride), 5 digits each."""
    return [_sig(v) for v in loss[start::stride]]


def encode_grid(z) -> str:
    """Values in [0, 1] as one byte each, base64 (a 25 × 25 grid is 836 characters)."""
    q = np.clip(np.round(np.asarray(z, dtype=float) * 255), 0, 255).astype(np.uint8)
    return base64.b64encode(q.tobytes()).decode("ascii")


def matrix(a) -> list:
    return [[_sig(v, 4) for v in row] for row in np.atleast_2d(a)]


def vector(a) -> list:
    return [_sig(v, 4) for v in np.ravel(a)]
