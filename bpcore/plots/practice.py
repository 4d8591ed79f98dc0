"""Figures of BP in practice (西瓜书 §5.3–5.4, lessons 17 and 18).

Part of :mod:`bpcore.plots` (see its docstring). Plotting only: the runs come from the
engine (:mod:`bpcore.early_stopping`, :mod:`bpcore.local_minima`, :func:`bpcore.train`).
Every figure is drawn at :data:`~bpcore.plots.style.STATIC_DPI` (2× the screen resolution)
with matplotlib's constrained layout, so titles, axis labels and legends keep apart; every
text is a key of :mod:`bpcore.i18n`.

* :func:`early_stopping_figure` — training and validation error per epoch, the epoch of least
  validation error marked (the one early stopping returns);
* :func:`weight_decay_figure` — validation and training error, and Σw² of the parameters, per
  epoch for a few λ of eq. 5.17;
* :func:`multistart_figure` — several starts, each descending to its own minimum;
* :func:`order_figure` — standard BP's fixed cyclic order against shuffled SGD (several seeds:
  median and range);
* :func:`bp_comparison_figure` — standard against accumulated BP per update, per epoch and,
  given measured seconds, per second (several seeds: median and range).

Examples
--------
>>> import numpy as np
>>> import bpcore
>>> from bpcore import early_stopping
>>> X = np.linspace(0, 1, 12).reshape(-1, 1)
>>> split = early_stopping.holdout_split(X, 0.5 + 0.3 * np.sin(6 * X), validation=0.25, rng=0)
>>> r = early_stopping.train_early_stopping(bpcore.Network.from_sizes((1, 4, 1), rng=0), split,
...                                         eta=2.0, epochs=100)
>>> fig = early_stopping_figure(r, lang="en")
>>> [line.get_label() for line in fig.axes[0].lines][:2]
['training error', 'validation error']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.lines import Line2D

from .. import _validate as check
from ..i18n import DEFAULT_LANG, MESSAGES, check_lang, t
from .style import CURRENT_COLOUR, FAMILIES, RUN_COLOURS, STATIC_DPI, font, new_figure, style_axes

__all__ = [
    "bp_comparison_figure",
    "early_stopping_figure",
    "multistart_figure",
    "order_figure",
    "weight_decay_figure",
]

#: Colour of the marked epoch (early stopping's choice).
MARK_COLOUR = "#d55e00"


def _figure(figsize, panels):
    fig = new_figure(figsize, STATIC_DPI)
    fig.set_layout_engine("constrained", w_pad=0.06, h_pad=0.06, wspace=0.08)
    axes = fig.subplots(1, panels, squeeze=False)[0]
    for ax in axes:
        style_axes(ax)
        ax.grid(True, color="#dddddd", linewidth=0.6)
    return fig, list(axes)


def _label(ax, title, xlabel, ylabel, *, logy=True):
    if logy:
        ax.set_yscale("log")
        # a log axis labels some minor ticks too (2×10⁻², 3×10⁻²): same fonts as the major
        ax.tick_params(which="minor", labelfontfamily=FAMILIES, labelsize=8)
    ax.set_title(title, fontproperties=font(9.5, "bold"))
    ax.set_xlabel(xlabel, fontproperties=font(8.5))
    ax.set_ylabel(ylabel, fontproperties=font(8.5))
    ax.margins(x=0)


def _legend(ax, *, loc="best", handles=None):
    ax.legend(handles=handles, loc=loc, prop=font(7.5), framealpha=0.85, handlelength=1.8)


def _positive(y):
    """Values for a log axis: what is not finite or not positive leaves a gap."""
    y = np.asarray(y, dtype=float)
    return np.where(np.isfinite(y) & (y > 0), y, np.nan)


def _loss_of(run):
    return np.asarray(getattr(run, "loss", run), dtype=float)


def _band(ax, x, curves, colour, label):
    """Median of `curves` (rows: seeds) as a line, min–max as a shaded band."""
    curves = np.vstack(curves)
    low, mid, high = (np.quantile(curves, q, axis=0) for q in (0.0, 0.5, 1.0))
    ax.fill_between(x, _positive(low), _positive(high), color=colour, alpha=0.22, linewidth=0)
    ax.plot(x, _positive(mid), color=colour, linewidth=1.6, label=label)


def _runs(name, runs):
    """A non-empty list of Histories (or loss arrays) of equal length."""
    runs = list(runs) if isinstance(runs, Sequence) else None
    if not runs:
        raise check.InputError("err.plots.practice.runs.non", name=name, runs=runs)
    lengths = {len(_loss_of(r)) for r in runs}
    if len(lengths) != 1:
        raise check.InputError("err.plots.practice.runs.runs", name=name, lengths=sorted(lengths))
    return runs


# ---------------------------------------------------------------------------------------
# Lesson 17
# ---------------------------------------------------------------------------------------
def early_stopping_figure(result, *, lang=DEFAULT_LANG, figsize=(6.4, 3.4)):
    """Training and validation error per epoch; the epoch of least validation error marked.

    Parameters
    ----------
    result : bpcore.early_stopping.EarlyStopping
        From :func:`bpcore.early_stopping.train_early_stopping`.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        One axes: ``lines[0]`` the training error, ``lines[1]`` the validation error,
        ``lines[2]`` the vertical line at ``result.best_epoch``.
    """
    lang = check_lang(lang)
    if not hasattr(result, "val_loss") or not hasattr(result, "best_epoch"):
        raise check.InputError(
            "err.plots.practice.early_stopping_figure", got_type=type(result).__name__
        )
    fig, (ax,) = _figure(figsize, 1)
    train, val = np.asarray(result.train_loss), np.asarray(result.val_loss)
    epochs = np.arange(len(val))
    ax.plot(
        epochs,
        _positive(train),
        color=RUN_COLOURS[4],
        linewidth=1.5,
        label=t("plot.practice.train", lang),
    )
    ax.plot(
        epochs,
        _positive(val),
        color=RUN_COLOURS[0],
        linewidth=1.5,
        label=t("plot.practice.val", lang),
    )
    best = int(result.best_epoch)
    ax.axvline(
        best,
        color=MARK_COLOUR,
        linestyle="--",
        linewidth=1.1,
        label=t("plot.practice.best", lang, epoch=best),
    )
    ax.plot([best], [val[best]], "o", color=MARK_COLOUR, markersize=5)
    _label(
        ax,
        t("plot.practice.es_title", lang),
        t("plot.loss.xlabel", lang),
        t("plot.practice.error", lang),
    )
    _legend(ax, loc="upper right")
    return fig


def _lam_label(lam, lang):
    return t("plot.practice.lam_none" if lam == 1 else "plot.practice.lam", lang, lam=lam)


def weight_decay_figure(results, *, lang=DEFAULT_LANG, figsize=(9.2, 3.4)):
    """Weight decay (eq. 5.17) for a few λ: the errors per epoch and Σw² of the parameters.

    Parameters
    ----------
    results : mapping of float to EarlyStopping
        λ → a run of :func:`bpcore.early_stopping.train_early_stopping` (``lam=λ``; λ = 1 is
        no decay) trained with ``snapshot_every=k`` so that Σ_i w_i² (weights and
        thresholds, :func:`bpcore.decay.penalty`) can be drawn every k epochs.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        Left: validation error (solid) and training error (dashed) per λ; right: Σw².
    """
    lang = check_lang(lang)
    if not isinstance(results, Mapping) or not results:
        raise check.InputError("err.plots.practice.weight_decay_figure.results", results=results)
    fig, (left, right) = _figure(figsize, 2)
    handles = []
    for k, (lam, r) in enumerate(results.items()):
        colour = RUN_COLOURS[k % len(RUN_COLOURS)]
        snaps = r.history.snapshots
        if not snaps:
            raise check.InputError("err.plots.practice.weight_decay_figure.run", lam=lam)
        epochs = np.arange(len(r.val_loss))
        left.plot(epochs, _positive(r.val_loss), color=colour, linewidth=1.5)
        left.plot(epochs, _positive(r.train_loss), color=colour, linewidth=1.1, linestyle="--")
        norms = [float(np.sum(np.asarray(s) ** 2)) for s in snaps]
        right.plot(r.history.snapshot_epochs, norms, color=colour, linewidth=1.5)
        handles.append(Line2D([], [], color=colour, linewidth=1.5, label=_lam_label(lam, lang)))
    styles = [
        Line2D([], [], color="#555555", linewidth=1.5, label=t("plot.practice.val", lang)),
        Line2D(
            [],
            [],
            color="#555555",
            linewidth=1.1,
            linestyle="--",
            label=t("plot.practice.train", lang),
        ),
    ]
    _label(
        left,
        t("plot.practice.decay_error", lang),
        t("plot.loss.xlabel", lang),
        t("plot.practice.error", lang),
    )
    _legend(left, loc="lower left", handles=styles)
    _label(
        right,
        t("plot.practice.decay_norm", lang),
        t("plot.loss.xlabel", lang),
        t("plot.practice.norm", lang),
        logy=False,
    )
    _legend(right, loc="center right", handles=handles)
    return fig


def multistart_figure(runs, *, lang=DEFAULT_LANG, figsize=(9.2, 3.4)):
    """Several random starts (§5.4): each run's error per epoch, and where each one ended.

    Parameters
    ----------
    runs : bpcore.local_minima.Multistart
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        Left: one curve per seed (the kept run thicker); right: the final error of each seed
        on a log axis, so runs that stopped in the same minimum sit at one height.
    """
    lang = check_lang(lang)
    if not hasattr(runs, "histories") or not runs.histories:
        raise check.InputError("err.plots.practice.multistart_figure", got_type=type(runs).__name__)
    fig, (left, right) = _figure(figsize, 2)
    best = runs.best_index
    finals = runs.final_losses
    for k, (seed, h) in enumerate(zip(runs.seeds, runs.histories)):
        colour = RUN_COLOURS[k % len(RUN_COLOURS)] if k < len(RUN_COLOURS) else "#777777"
        width = 2.4 if k == best else 1.2
        loss = _loss_of(h)
        left.plot(
            np.arange(len(loss)),
            _positive(loss),
            color=colour,
            linewidth=width,
            label=t("plot.practice.seed", lang, seed=seed),
        )
        right.plot([k], [finals[k]], "o", color=colour, markersize=7 if k == best else 5)
    _label(
        left,
        t("plot.practice.starts_title", lang),
        t("plot.loss.xlabel", lang),
        t("plot.practice.train", lang),
    )
    _legend(left, loc="lower left")
    _label(
        right,
        t("plot.practice.finals_title", lang),
        t("plot.practice.seed_axis", lang),
        t("plot.practice.final", lang),
    )
    right.set_xticks(range(len(runs.seeds)), [str(s) for s in runs.seeds])
    right.margins(x=0.08, y=0.15)
    right.axhline(finals[best], color=CURRENT_COLOUR, linewidth=0.8, linestyle=":")
    return fig


def order_figure(fixed, shuffled, *, lang=DEFAULT_LANG, figsize=(6.4, 3.4)):
    """Standard BP in its fixed cyclic order against SGD with a shuffle every epoch.

    Parameters
    ----------
    fixed : bpcore.History
        ``train(..., mode="standard")``: deterministic, one curve.
    shuffled : sequence of bpcore.History
        The same start with ``shuffle=True`` and one seed each: their median and range.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_lang(lang)
    shuffled = _runs("shuffled", shuffled)
    fig, (ax,) = _figure(figsize, 1)
    loss = _loss_of(fixed)
    x = np.arange(len(_loss_of(shuffled[0])))
    _band(
        ax,
        x,
        [_loss_of(h) for h in shuffled],
        RUN_COLOURS[0],
        t("plot.practice.shuffled", lang, runs=len(shuffled)),
    )
    ax.plot(
        np.arange(len(loss)),
        _positive(loss),
        color=CURRENT_COLOUR,
        linewidth=1.4,
        linestyle="--",
        label=t("plot.practice.fixed", lang),
    )
    _label(
        ax,
        t("plot.practice.order_title", lang),
        t("plot.loss.xlabel", lang),
        t("plot.practice.train", lang),
    )
    _legend(ax, loc="lower left")
    return fig


# ---------------------------------------------------------------------------------------
# Lesson 18
# ---------------------------------------------------------------------------------------
def _updates_per_epoch(h):
    epochs = len(_loss_of(h)) - 1
    its = len(getattr(h, "iteration_loss", ()))
    return its // epochs if epochs and its else 1


def bp_comparison_figure(runs, *, seconds=None, lang=DEFAULT_LANG, figsize=None):
    """Standard against accumulated BP: the error per update, per epoch and per second.

    Parameters
    ----------
    runs : mapping of str to sequence of bpcore.History
        ``"standard"`` and ``"accumulated"`` (any of :func:`bpcore.train`'s modes) → one run
        per seed, the same epochs within a mode. The median over the seeds is drawn as a
        line, the range (least to largest) as a band.
    seconds : mapping of str to float, optional
        Each mode's measured wall-clock seconds per epoch (e.g. ``time.perf_counter`` around
        its runs, divided by the epochs run): a third panel puts time on the x axis. Its
        figure then depends on the machine.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
        Two or three axes: per update (to the fewest updates any mode made), per epoch (to
        the fewest epochs), per second (to the shortest time).
    """
    lang = check_lang(lang)
    if not isinstance(runs, Mapping) or not runs:
        raise check.InputError("err.plots.practice.bp_comparison_figure.runs", runs=runs)
    runs = {mode: _runs(f"runs[{mode!r}]", r) for mode, r in runs.items()}
    if seconds is not None:
        missing = set(runs) - set(seconds)
        if missing:
            raise check.InputError(
                "err.plots.practice.bp_comparison_figure.seconds", missing=sorted(missing)
            )
        seconds = {m: check.positive_number(f"seconds[{m!r}]", seconds[m]) for m in runs}
    panels = 2 if seconds is None else 3
    figsize = figsize or ((9.2, 3.4) if panels == 2 else (11.5, 3.5))
    fig, axes = _figure(figsize, panels)
    ends = {"update": [], "epoch": [], "second": []}
    for k, (mode, hs) in enumerate(runs.items()):
        colour = RUN_COLOURS[(4, 0, 2, 3)[k % 4]]
        curves = [_loss_of(h) for h in hs]
        epochs = np.arange(len(curves[0]), dtype=float)
        per = _updates_per_epoch(hs[0])
        name = t(f"mode.{mode}", lang) if f"mode.{mode}" in MESSAGES else str(mode)
        label = t("plot.practice.mode_runs", lang, mode=name, runs=len(hs))
        _band(axes[0], epochs * per, curves, colour, label)
        _band(axes[1], epochs, curves, colour, label)
        ends["update"].append(epochs[-1] * per)
        ends["epoch"].append(epochs[-1])
        if seconds is not None:
            _band(axes[2], epochs * seconds[mode], curves, colour, label)
            ends["second"].append(epochs[-1] * seconds[mode])
    titles = ("per_update", "per_epoch", "per_second")
    for ax, key, what in zip(axes, titles, ("update", "epoch", "second")):
        _label(
            ax,
            t(f"plot.practice.{key}", lang),
            t(f"plot.practice.x_{what}", lang),
            t("plot.practice.train", lang),
        )
        ax.set_xlim(0, min(ends[what]))
    _legend(axes[0], loc="lower left")
    return fig
