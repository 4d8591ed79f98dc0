"""bpcore.plots.practice: lessons 17–18's figures draw the runs they are given, sharply, in
both languages, with no missing glyph and no colliding labels."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from matplotlib.text import Text

import bpcore
from bpcore import decay, early_stopping, local_minima, plots, practice, watermelon
from bpcore.errors import InputError
from bpcore.i18n import t
from bpcore.plots import practice as pp

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


# --- small runs, shared by the tests (seeded: the same every time) --------------------------
@pytest.fixture(scope="module")
def stopping():
    Xw, Yw = practice.noisy_wave()
    split = early_stopping.holdout_split(Xw, Yw, validation=0.5, rng=0)
    wide = bpcore.Network.from_sizes((1, 12, 1), rng=1)
    return {
        lam: early_stopping.train_early_stopping(
            wide, split, eta=2.0, epochs=300, mode="accumulated", lam=lam, snapshot_every=10
        )
        for lam in (1, 0.999, 0.99)
    }


@pytest.fixture(scope="module")
def starts():
    return local_minima.multistart(
        lambda s: bpcore.Network.from_sizes((2, 2, 1), rng=s),
        X,
        Y,
        range(4),
        eta=2.0,
        epochs=200,
        mode="accumulated",
    )


@pytest.fixture(scope="module")
def orders():
    start = bpcore.Network.from_sizes((2, 3, 1), rng=0)
    fixed = bpcore.train(start, X, Y, eta=1.0, epochs=100, mode="standard", fast=False)
    shuffled = [
        bpcore.train(start, X, Y, eta=1.0, epochs=100, shuffle=True, rng=s, fast=False)
        for s in range(3)
    ]
    return fixed, shuffled


@pytest.fixture(scope="module")
def comparison():
    Xm, Ym = watermelon.load()
    epochs = {"standard": 10, "accumulated": 170}  # 170 updates each
    return {
        mode: [
            bpcore.train(
                bpcore.Network.from_sizes((19, 5, 1), rng=s),
                Xm,
                Ym,
                eta=2.0,
                epochs=n,
                mode=mode,
                fast=False,
            )
            for s in (0, 1, 2)
        ]
        for mode, n in epochs.items()
    }


def _all_figures(lang, stopping, starts, orders, comparison):
    return {
        "early": pp.early_stopping_figure(stopping[1], lang=lang),
        "decay": pp.weight_decay_figure(stopping, lang=lang),
        "starts": pp.multistart_figure(starts, lang=lang),
        "order": pp.order_figure(*orders, lang=lang),
        "bp": pp.bp_comparison_figure(comparison, lang=lang),
        "bp_timed": pp.bp_comparison_figure(
            comparison, seconds={"standard": 1e-3, "accumulated": 7e-5}, lang=lang
        ),
    }


def _labels(fig):
    """Every text that is drawn: titles, axis labels, tick labels of the ticks inside the
    view, legend entries, figure texts (with its display box)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    hidden = set()  # tick labels of ticks outside the view: matplotlib does not draw them
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for minor in (False, True):
                locs = axis.get_ticklocs(minor=minor)
                for loc, label in zip(locs, axis.get_ticklabels(minor=minor)):
                    if not lo - 1e-12 * abs(hi - lo) <= loc <= hi + 1e-12 * abs(hi - lo):
                        hidden.add(id(label))
    texts = [
        a
        for a in fig.findobj(Text)
        if a.get_visible() and a.get_text().strip() and id(a) not in hidden
    ]
    return [(a, a.get_window_extent(renderer)) for a in texts]


# --- rendering ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_are_sharp_course_fonts_no_boxes_no_collisions(
    lang, stopping, starts, orders, comparison
):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (a box) fails the test
        figures = _all_figures(lang, stopping, starts, orders, comparison)
        for name, fig in figures.items():
            assert fig.dpi >= 2 * plots.DPI, name  # static figures at 2× (retina)
            png = plots.to_png(fig)
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            assert plots.image(fig).retina
            boxes = _labels(fig)
            width, height = fig.canvas.get_width_height()
            for text, box in boxes:
                assert text.get_fontfamily()[:2] == plots.FAMILIES, (name, text.get_text())
                # nothing cut off at the figure's edges
                assert box.x0 >= -0.5 and box.y0 >= -0.5, (name, text.get_text())
                assert box.x1 <= width + 0.5 and box.y1 <= height + 0.5, (name, text.get_text())
            for k, (a, box_a) in enumerate(boxes):
                for b, box_b in boxes[k + 1 :]:
                    assert not box_a.overlaps(box_b), (name, a.get_text(), b.get_text())


def test_texts_follow_the_language(stopping, starts, orders, comparison):
    for lang in ("zh", "en"):
        figures = _all_figures(lang, stopping, starts, orders, comparison)
        assert figures["early"].axes[0].get_title() == t("plot.practice.es_title", lang)
        assert figures["decay"].axes[1].get_ylabel() == t("plot.practice.norm", lang)
        assert figures["starts"].axes[1].get_title() == t("plot.practice.finals_title", lang)
        assert figures["order"].axes[0].get_title() == t("plot.practice.order_title", lang)
        titles = [ax.get_title() for ax in figures["bp_timed"].axes]
        assert titles == [
            t(f"plot.practice.{k}", lang) for k in ("per_update", "per_epoch", "per_second")
        ]
    zh = {text.get_text() for text, _ in _labels(figures["early"])}
    assert not any("\u4e00" <= c <= "\u9fff" for s in zh for c in s)  # en: no Chinese left


# --- what is drawn -----------------------------------------------------------------------------
def test_early_stopping_marks_the_epoch_of_least_validation_error(stopping):
    r = stopping[1]
    ax = pp.early_stopping_figure(r, lang="en").axes[0]
    train, val, mark, dot = ax.lines
    np.testing.assert_array_equal(train.get_ydata(), r.train_loss)
    np.testing.assert_array_equal(val.get_ydata(), r.val_loss)
    assert list(mark.get_xdata()) == [r.best_epoch] * 2
    assert dot.get_xdata()[0] == r.best_epoch
    assert dot.get_ydata()[0] == r.val_loss.min()  # the least validation error
    assert mark.get_label() == t("plot.practice.best", "en", epoch=r.best_epoch)


def test_weight_decay_draws_the_sum_of_squares_of_every_snapshot(stopping):
    left, right = pp.weight_decay_figure(stopping, lang="en").axes
    assert len(left.lines) == 2 * len(stopping) and len(right.lines) == len(stopping)
    for line, r in zip(right.lines, stopping.values()):
        h = r.history
        # independent of the figure: decay.penalty of each snapshot rebuilt as a network
        want = [decay.penalty(h.snapshot(e)) for e in h.snapshot_epochs]
        np.testing.assert_allclose(line.get_ydata(), want, rtol=1e-12)
        assert list(line.get_xdata()) == h.snapshot_epochs
    # eq. 5.17 shrinks the parameters: the smaller λ, the smaller Σw² at the end
    ends = [line.get_ydata()[-1] for line in right.lines]
    assert ends[0] > ends[1] > ends[2]
    legend = [text.get_text() for text in right.get_legend().get_texts()]
    assert legend == [
        t("plot.practice.lam_none", "en", lam=1),
        t("plot.practice.lam", "en", lam=0.999),
        t("plot.practice.lam", "en", lam=0.99),
    ]


def test_multistart_draws_each_run_and_its_final_error(starts):
    left, right = pp.multistart_figure(starts, lang="en").axes
    assert len(left.lines) == len(starts.seeds)
    for line, h in zip(left.lines, starts.histories):
        np.testing.assert_array_equal(line.get_ydata(), h.loss)
    widths = [line.get_linewidth() for line in left.lines]
    assert int(np.argmax(widths)) == starts.best_index  # the kept run stands out
    finals = [line.get_ydata()[0] for line in right.lines[: len(starts.seeds)]]
    np.testing.assert_array_equal(finals, starts.final_losses)


def test_order_figure_draws_the_median_and_range_of_the_shuffled_runs(orders):
    fixed, shuffled = orders
    ax = pp.order_figure(fixed, shuffled, lang="en").axes[0]
    median, dashed = ax.lines
    losses = np.vstack([h.loss for h in shuffled])
    np.testing.assert_allclose(median.get_ydata(), np.median(losses, axis=0), rtol=1e-15)
    np.testing.assert_array_equal(dashed.get_ydata(), fixed.loss)
    assert dashed.get_linestyle() == "--"
    (band,) = ax.collections  # min–max of the seeds
    corners = np.concatenate([p.vertices for p in band.get_paths()])
    assert corners[:, 1].min() == pytest.approx(losses.min())
    assert corners[:, 1].max() == pytest.approx(losses.max())


def test_bp_comparison_puts_updates_epochs_and_seconds_on_the_x_axis(comparison):
    seconds = {"standard": 1e-3, "accumulated": 7e-5}
    updates, epochs, time = pp.bp_comparison_figure(comparison, seconds=seconds).axes
    std, acc = comparison["standard"], comparison["accumulated"]
    # standard BP: 17 updates an epoch (one per melon); accumulated BP: one
    np.testing.assert_array_equal(updates.lines[0].get_xdata(), 17 * np.arange(11))
    np.testing.assert_array_equal(updates.lines[1].get_xdata(), np.arange(171))
    np.testing.assert_array_equal(epochs.lines[0].get_xdata(), np.arange(11))
    np.testing.assert_allclose(time.lines[1].get_xdata(), 7e-5 * np.arange(171))
    np.testing.assert_allclose(
        updates.lines[0].get_ydata(), np.median([h.loss for h in std], axis=0), rtol=1e-15
    )
    np.testing.assert_allclose(
        epochs.lines[1].get_ydata(), np.median([h.loss for h in acc], axis=0), rtol=1e-15
    )
    # each panel ends where the shorter comparison ends: 170 updates, 10 epochs, 0.0119 s
    assert updates.get_xlim() == (0, 170)
    assert epochs.get_xlim() == (0, 10)
    assert time.get_xlim() == pytest.approx((0, min(10 * 1e-3, 170 * 7e-5)))
    assert len(pp.bp_comparison_figure(comparison).axes) == 2  # no seconds: no time panel


# --- bad input ---------------------------------------------------------------------------------
def test_bad_input_is_a_bilingual_error(stopping, orders, comparison):
    r = stopping[1]
    bare = early_stopping.train_early_stopping(
        bpcore.Network.from_sizes((1, 2, 1), rng=0), r.split, eta=1.0, epochs=3
    )
    cases = [
        (lambda: pp.early_stopping_figure(r.history), "result"),
        (lambda: pp.weight_decay_figure({}), "results"),
        (lambda: pp.weight_decay_figure({1: bare}), "snapshot_every"),
        (lambda: pp.multistart_figure([1, 2]), "runs"),
        (lambda: pp.order_figure(orders[0], []), "shuffled"),
        (lambda: pp.order_figure(orders[0], [orders[0], bare.history]), "shuffled"),
        (lambda: pp.bp_comparison_figure({}), "runs"),
        (
            lambda: pp.bp_comparison_figure(comparison, seconds={"standard": 1.0}),
            "accumulated",
        ),
        (
            lambda: pp.bp_comparison_figure(
                comparison, seconds={"standard": 1.0, "accumulated": -1.0}
            ),
            "seconds",
        ),
    ]
    for call, name in cases:
        with pytest.raises(InputError, match=name) as info:
            call()
        assert info.value.zh and any("\u4e00" <= c <= "\u9fff" for c in info.value.zh)
