"""bpcore.plots: what each figure shows, in both languages, without pyplot or global state."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Text
from PIL import Image

import bpcore
from bpcore import plots
from bpcore.i18n import t

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def pixels(png: bytes) -> np.ndarray:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def visible_texts(fig):
    fig.canvas.draw()
    return [a for a in fig.findobj(Text) if a.get_visible() and a.get_text()]


def assert_course_fonts(fig):
    texts = visible_texts(fig)
    assert texts
    for text in texts:
        assert text.get_fontfamily()[:2] == plots.FAMILIES, (text.get_text(), text.get_fontfamily())


# --- names ---------------------------------------------------------------------------------
def test_textbook_symbols():
    s = plots.symbols((3, 2, 1), ("threshold", "threshold"))
    assert s["W"][0] == [["v₁₁", "v₁₂"], ["v₂₁", "v₂₂"], ["v₃₁", "v₃₂"]]
    assert s["offset"] == [["γ₁", "γ₂"], ["θ₁"]]
    assert s["W"][1] == [["w₁₁"], ["w₂₁"]]
    assert s["units"] == [["x₁", "x₂", "x₃"], ["b₁", "b₂"], ["ŷ₁"]]
    assert s["sum"] == [["α₁", "α₂"], ["β₁"]]
    assert s["delta"] == [["e₁", "e₂"], ["g₁"]]


def test_bias_and_deep_symbols_do_not_clash():
    s = plots.symbols((2, 2, 1), ("bias", "bias"))
    assert s["offset"] == [["b⁽¹⁾₁", "b⁽¹⁾₂"], ["b⁽²⁾₁"]]
    assert not set(s["units"][1]) & {n for layer in s["offset"] for n in layer}
    deep = plots.symbols((2, 3, 3, 1), ("bias",) * 3)
    assert deep["W"][1][0][2] == "W⁽²⁾₁₃" and deep["units"][2][0] == "h⁽²⁾₁"
    assert plots.sub(1, 12) == "₁,₁₂"


@pytest.mark.parametrize("sizes", [(2, 3, 1), (3, 2, 1), (2, 2, 2), (4, 3, 2, 1)])
def test_one_name_per_parameter(sizes):
    s = plots.symbols(sizes, ("threshold",) * (len(sizes) - 1))
    names = [n for layer in s["W"] for row in layer for n in row]
    names += [n for layer in s["offset"] for n in layer]
    spec = bpcore.Network.from_sizes(sizes, rng=0).spec
    assert len(names) == len(set(names)) == spec.n_params


def test_fmt():
    assert plots.fmt(-0.5) == "−0.5"
    assert plots.fmt(-0.0) == "0" and plots.fmt(1e-20, 2) == "1e−20"
    assert plots.fmt(float("inf")) == "∞" and plots.fmt(float("nan")) == "NaN"


# --- loss curve ----------------------------------------------------------------------------
def test_loss_curve_shows_the_history():
    h = bpcore.train(bpcore.Network.from_sizes((2, 3, 1), rng=1), X, Y, eta=2.0, epochs=300)
    plot = plots.LossPlot("en")
    plot.update(h.loss, epochs=1000)
    x, y = plot.line.get_data()
    assert np.array_equal(x, np.arange(301)) and np.allclose(y, h.loss)
    assert plot.ax.get_xlim() == (0.0, 1000.0)  # the axis spans the planned run: it grows
    lo, hi = plot.ax.get_ylim()
    assert lo <= h.loss.min() and hi >= h.loss.max()
    assert np.log10(lo) == int(np.log10(lo)) and np.log10(hi) == int(np.log10(hi))  # decades
    assert plot.now.get_text() == t("plot.loss.now", "en", epoch=300, loss=h.loss[-1])


def test_previous_runs_are_faded_and_labelled():
    plot = plots.LossPlot("zh", max_runs=2)
    plot.update(np.linspace(1, 0.1, 50))
    for k, label in enumerate(["η = 0.1，累积", "η = 2，累积", "η = 5，标准"]):
        plot.add_run(np.linspace(1, 0.1 * (k + 1), 40), label)
    assert [label for label, _ in plot.runs] == ["η = 2，累积", "η = 5，标准"]
    assert all(line.get_alpha() < 1 for line in plot._run_lines)
    legend = [text.get_text() for text in plot._legend.get_texts()]
    assert legend == ["η = 2，累积", "η = 5，标准", t("plot.loss.current", "zh")]
    before = plot.png()
    plot.clear_runs()
    assert plot.runs == [] and plot._legend is None
    assert not np.array_equal(pixels(before), pixels(plot.png()))


def test_divergence_and_non_finite_losses():
    plot = plots.LossPlot("zh")
    plot.update([0.3, 0.5, 4.0, 1e300, np.inf], diverged_at=4)
    assert plot.diverged_line.get_visible()
    assert plot.now.get_text() == t("plot.loss.diverged", "zh", epoch=4)
    assert np.isnan(plot.line.get_data()[1][-1])
    assert plot.ax.get_ylim()[1] <= 1e16  # clamped: a diverging curve cannot blow the axis up
    pixels(plot.png())


def test_blitted_frames_equal_full_redraws():
    """Reusing the cached axes must give exactly the picture a full redraw gives."""
    plot = plots.LossPlot("en")
    plot.update(np.exp(-np.arange(200) / 50), epochs=400)
    plot.add_run(np.exp(-np.arange(100) / 20), "η = 1, accumulated")
    plot.png()
    plot.update(np.exp(-np.arange(300) / 60), epochs=400)  # same limits: background reused
    fast = pixels(plot.png())
    plot._blit.invalidate()
    assert np.array_equal(fast, pixels(plot.png()))


def test_loss_figure_from_history_and_language():
    h = bpcore.train(bpcore.Network.from_sizes((2, 2, 1), rng=0), X, Y, eta=1.0, epochs=20)
    fig = plots.loss_figure(h, [("η = 0.1", h.loss * 2)], lang="zh")
    texts = {text.get_text() for text in visible_texts(fig)}
    assert {
        t("plot.loss.title", "zh"),
        t("plot.loss.xlabel", "zh"),
        t("plot.loss.ylabel", "zh"),
    } <= texts
    fig_en = plots.loss_figure(h, lang="en")
    assert t("plot.loss.title", "en") in {x.get_text() for x in visible_texts(fig_en)}
    plot = plots.LossPlot("zh")
    plot.set_lang("en")
    assert plot.title.get_text() == "Training loss"


# --- every figure function draws its data through to_png -------------------------------------
def _data_artists(fig):
    return [a for ax in fig.axes for a in [*ax.lines, *ax.collections, *ax.images]]


def _figures(lang="en"):
    net = bpcore.Network.from_sizes((2, 3, 1), rng=1)
    h = bpcore.train(net, X, Y, eta=2.0, epochs=200)
    return {
        "loss_figure": lambda: plots.loss_figure(h, lang=lang),
        "loss_figure, previous": lambda: plots.loss_figure(
            h, [("η = 1", h.loss * 1.5)], label="η = 2", lang=lang
        ),
        "curves_figure": lambda: plots.curves_figure({"a": h.loss, "b": h.loss * 2}, lang=lang),
        "network_figure": lambda: plots.network_figure(net, lang=lang),
        "boundary_figure": lambda: plots.boundary_figure(h.net, X, Y, lang=lang),
    }


@pytest.mark.parametrize("name", list(_figures()))
def test_figures_render_their_data(name):
    """to_png(figure) shows the curves, image and markers, not only the axes: hiding the data
    artists must change many pixels (a blitted plot once left them out of full draws)."""
    fig = _figures()[name]()
    artists = _data_artists(fig)
    assert artists
    with_data = pixels(plots.to_png(fig))
    for artist in artists:
        artist.set_visible(False)
    without = pixels(plots.to_png(fig))
    changed = np.any(with_data != without, axis=2).sum()
    assert changed > 300, f"{name}: only {changed} pixels show the data"
    # and the figure draws the same way through savefig (nothing is left animated)
    assert not [a for a in fig.findobj() if a.get_animated()]


def test_to_png_of_a_live_plot_draws_its_curves_and_keeps_blitting():
    plot = plots.LossPlot("en")
    plot.update(np.exp(-np.arange(100) / 20), epochs=100)
    blitted = pixels(plot.png())
    full = pixels(plots.to_png(plot.fig))
    assert np.array_equal(blitted, full)  # the curve is in both
    assert plot.line.get_animated()  # still blitted afterwards
    plot.update(np.exp(-np.arange(100) / 10), epochs=100)
    assert not np.array_equal(blitted, pixels(plot.png()))


def test_loss_figure_names_the_run_and_its_axis():
    fig = plots.loss_figure(
        np.exp(-np.arange(12) / 4),
        [("B = 1", np.linspace(1, 0.1, 12))],
        label="B = 4",
        title="Per iteration",
        xlabel="iteration",
        lang="en",
    )
    texts = {text.get_text() for text in visible_texts(fig)}
    assert {"Per iteration", "iteration", t("plot.loss.ylabel", "en")} <= texts
    assert not any(text.startswith("epoch") for text in texts)  # the box gives the last E
    assert t("plot.loss.last", "en", loss=np.exp(-11 / 4)) in texts
    legend = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert legend == ["B = 1", "B = 4"]
    alone = plots.loss_figure(np.ones(3), label="η = 0.5", lang="zh")
    assert [x.get_text() for x in alone.axes[0].get_legend().get_texts()] == ["η = 0.5"]
    assert plots.loss_figure(np.ones(3), lang="zh").axes[0].get_legend() is None


def test_curves_figure_draws_each_named_curve():
    x = np.arange(0, 30, 3)
    fig = plots.curves_figure(
        [("per epoch", np.exp(-np.arange(30) / 10)), ("per update", (x, np.exp(-x / 5)))],
        title="E",
        xlabel="updates",
        lang="zh",
    )
    ax = fig.axes[0]
    lines = ax.lines
    assert [line.get_label() for line in lines] == ["per epoch", "per update"]
    assert np.array_equal(lines[1].get_xdata(), x)
    assert len({to_hex(line.get_color()) for line in lines}) == 2
    assert ax.get_yscale() == "log"
    texts = {text.get_text() for text in visible_texts(fig)}
    assert {"E", "updates", t("plot.loss.ylabel", "zh")} <= texts
    with_gap = plots.curves_figure({"a": [1.0, np.nan, 0.0, 0.5]}, lang="en")
    assert np.isnan(with_gap.axes[0].lines[0].get_ydata()[1:3]).all()  # NaN and 0 on a log axis
    assert_course_fonts(fig)


def test_png_bytes_hold_exactly_the_canvas():
    """PNGs are written by bpcore itself: Pillow must read back every pixel, RGB for opaque
    figures and RGBA when the figure is see-through."""
    fig = plots.network_figure(bpcore.Network.from_sizes((2, 3, 1), rng=0), lang="zh")
    for alpha, mode in ((1.0, "RGB"), (0.0, "RGBA")):
        fig.patch.set_alpha(alpha)
        image = Image.open(io.BytesIO(plots.to_png(fig)))
        image.load()
        assert image.mode == mode and image.size == fig.canvas.get_width_height()
        canvas = np.asarray(fig.canvas.buffer_rgba())
        assert np.array_equal(np.asarray(image), canvas[..., : len(mode)])


def test_side_by_side():
    a = plots.to_png(plots.new_figure((1.0, 1.0), 50))
    b = plots.to_png(plots.new_figure((2.0, 0.5), 50))
    both = pixels(plots.side_by_side([a, b], gap=4))
    assert both.shape == (50, 50 + 4 + 100, 3)
    # every pixel where it belongs (Pillow reads the PNG back): each picture at its place,
    # white in the gap and under the shorter one
    net = plots.to_png(plots.network_figure(bpcore.Network.from_sizes((2, 3, 1), rng=0)))
    both = pixels(plots.side_by_side([net, b], gap=4))
    left, right = pixels(net), pixels(b)
    w = left.shape[1]
    assert np.array_equal(both[:, :w], left)
    assert (both[:, w : w + 4] == 255).all() and (both[right.shape[0] :, w + 4 :] == 255).all()
    assert np.array_equal(both[: right.shape[0], w + 4 :], right)


def test_log_loss_axis_ticks_are_plain_text_as_in_the_live_panel():
    """The static loss picture writes decades as the live panel does (1, 1e-1, …), as plain
    text: no mathtext to parse in a saved notebook's picture."""
    history = bpcore.train(bpcore.Network.from_sizes((2, 3, 1), rng=0), X, Y, eta=2.0, epochs=300)
    fig = plots.loss_figure(history, lang="en")
    fig.canvas.draw()
    ax = fig.axes[0]
    lo, hi = ax.get_ylim()
    labels = [
        tick.get_text() for tick in ax.get_yticklabels() if lo <= tick.get_position()[1] <= hi
    ]
    decades = range(round(np.log10(lo)), round(np.log10(hi)) + 1)
    assert labels == ["1" if d == 0 else f"1e{d}" for d in decades]


# --- the network ---------------------------------------------------------------------------
def test_connections_coloured_by_sign_and_sized_by_magnitude():
    plot = plots.NetworkPlot((2, 1), ("bias",), "en")
    plot.draw([np.array([[2.0], [-0.5]])], [np.array([0.1])], show_values=True)
    colours = [to_hex(c) for c in plot.lines.get_colors()]
    assert colours == [plots.POSITIVE, plots.NEGATIVE]
    widths = plot.lines.get_linewidths()
    assert widths[0] > widths[1] and np.isclose((widths[0] - 0.4) / (widths[1] - 0.4), 4.0)
    labels = [label.get_text() for label in plot.edge_labels]
    assert labels == ["W⁽¹⁾₁₁ 2", "W⁽¹⁾₂₁ −0.5"]
    plot.draw([np.array([[2.0], [-0.5]])], [np.array([0.1])], show_values=False)
    assert not any(label.get_visible() for label in plot.edge_labels)


def test_phases_show_values_gradients_and_deltas():
    net = bpcore.TextbookNet(
        v=[[0.1, -0.2], [0.3, 0.4]], gamma=[0.1, -0.1], w=[[0.5], [-0.6]], theta=[0.2]
    )
    x, y = np.array([1.0, 0.5]), np.array([1.0])
    fw, gr = net.forward(x), net.gradients(x, y)
    plot = plots.NetworkPlot((2, 2, 1), ("threshold", "threshold"), "zh")
    W, O = [net.v, net.w], [net.gamma, net.theta]
    plot.draw(W, O, phase="forward", unit_values=[x, fw.b, fw.y_hat])
    assert plot.title.get_text() == t("plot.net.title_forward", "zh")
    assert plot.unit_notes[2][0].get_text().startswith(f"= {plots.fmt(fw.y_hat[0])}")
    assert plot.lines.get_alpha() < 0.5
    grad_W = [-np.outer(x, gr.e), -np.outer(fw.b, gr.g)]  # ∂E/∂v = −e x, ∂E/∂w = −g b
    plot.draw(
        W,
        O,
        phase="backward",
        edge_values=grad_W,
        offset_values=[gr.e, gr.g],
        unit_values=[gr.e, gr.g],
        show_values=True,
    )
    assert plot.title.get_text() == t("plot.net.title_backward", "zh")
    assert plot.unit_notes[2][0].get_text().split("\n") == [
        f"g₁ = {plots.fmt(gr.g[0])}",
        f"∂E/∂θ₁ = {plots.fmt(gr.g[0])}",
    ]
    assert plot.edge_labels[0].get_text() == f"v₁₁ {plots.fmt(grad_W[0][0, 0], 3)}"
    colours = [to_hex(c) for c in plot.lines.get_colors()]
    signs = [v >= 0 for v in np.concatenate([g.ravel() for g in grad_W])]
    assert colours == [plots.POSITIVE if s else plots.NEGATIVE for s in signs]
    with pytest.raises(ValueError):
        plot.draw(W, O, phase="sideways")


def test_network_figure_for_every_example_in_both_languages():
    from bpcore import examples

    for name in examples.names():
        ex = examples.get(name)
        if ex.kind != "network":
            continue
        for lang in ("zh", "en"):
            fig = plots.network_figure(ex.network, lang=lang)
            assert_course_fonts(fig)


# --- decision boundary ---------------------------------------------------------------------
def test_boundary_shows_the_networks_output():
    net = bpcore.train(bpcore.Network.from_sizes((2, 3, 1), rng=1), X, Y, eta=2.0, epochs=2000).net
    plot = plots.BoundaryPlot(X, Y, "en", resolution=21)
    plot.update(net.predict)
    expected = net.predict(plot.grid).reshape(21, 21)
    assert np.allclose(plot.image.get_array(), expected)
    assert plot._contour is not None  # XOR learned: the output crosses 0.5
    flat = bpcore.Network([bpcore.Layer(np.zeros((2, 1)), [0.0], "sigmoid")])
    plot.update(flat.predict)  # ŷ = σ(0) = 0.5 everywhere: nowhere crosses, no line
    assert plot._contour is None
    png = plot.png()
    plot._blit.invalidate()
    assert np.array_equal(pixels(png), pixels(plot.png()))


def test_boundary_redrawn_equals_a_fresh_plot():
    """The live plot keeps its ŷ = 0.5 line and only gives it new paths; each picture must be
    the one a new plot (a new ax.contour) draws, through line, no line and line again."""
    live = plots.BoundaryPlot(X, Y, "zh")
    nets = [bpcore.Network.from_sizes((2, 3, 1), rng=seed) for seed in range(4)]
    trained = bpcore.train(nets[1], X, Y, eta=2.0, epochs=1500).net
    flat = bpcore.Network([bpcore.Layer(np.zeros((2, 1)), [0.0], "sigmoid")])
    crossed = []
    for net in [trained, nets[0], flat, trained, nets[2], nets[3]]:
        live.update(net.predict)
        fresh = plots.BoundaryPlot(X, Y, "zh")
        fresh.update(net.predict)
        crossed.append(live._contour is not None)
        assert crossed[-1] == (fresh._contour is not None)
        assert np.array_equal(pixels(live.png()), pixels(fresh.png()))
    assert crossed[:4] == [True, crossed[1], False, True]


def test_boundary_figure_title():
    net = bpcore.Network.from_sizes((2, 3, 1), rng=0)
    default = plots.boundary_figure(net, X, Y, lang="en")
    titled = plots.boundary_figure(net, X, Y, lang="en", title="epoch 300")
    assert default.texts[0].get_text() == t("plot.boundary.title", "en")
    assert titled.texts[0].get_text() == "epoch 300"


def test_boundary_needs_two_inputs_one_output():
    with pytest.raises(ValueError, match="two inputs"):
        plots.boundary_figure(
            bpcore.Network.from_sizes((3, 2, 1), rng=0),
            np.zeros((2, 3)),
            np.zeros((2, 1)),
            lang="en",
        )


def test_missing_glyphs_still_warn_in_every_figure():
    """Characters no bundled font has go through matplotlib (a box and its warning), in the
    second figure as in the first: the tests that turn the warning into an error rely on it."""
    for _ in range(2):
        fig = plots.new_figure((2.0, 0.5), 50)
        fig.text(0.1, 0.3, "E 𠀀", fontproperties=plots.font(9))
        with pytest.warns(UserWarning, match="missing from font"):
            plots.to_png(fig)


# --- fonts, languages, no global state --------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_renders_with_the_course_fonts(lang):
    net = bpcore.Network.from_sizes((2, 3, 1), rng=3, offset_kind="threshold")
    h = bpcore.train(net, X, Y, eta=1.0, epochs=50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (a box) fails the test
        figures = [
            plots.loss_figure(
                h,
                [(t("plot.loss.run_full", lang, eta=0.1, mode="x", act="y", epochs=50), h.loss)],
                lang=lang,
            ),
            plots.network_figure(net, lang=lang),
            plots.boundary_figure(net, X, Y, lang=lang),
        ]
        for fig in figures:
            assert_course_fonts(fig)
            pixels(plots.to_png(fig))


def test_no_pyplot_and_lazy_imports():
    code = (
        "import sys, bpcore\n"
        "assert 'matplotlib' not in sys.modules and 'ipywidgets' not in sys.modules\n"
        "import bpcore.plots, bpcore.widgets, numpy as np\n"
        "bpcore.plots.to_png(bpcore.plots.loss_figure(np.ones(3)))\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_rcparams_untouched():
    import matplotlib

    before = dict(matplotlib.rcParams)
    plots.to_png(plots.loss_figure(np.ones(4), lang="zh"))
    plots.to_png(plots.network_figure(bpcore.Network.from_sizes((2, 2, 1), rng=0)))
    assert dict(matplotlib.rcParams) == before


def test_live_legend_lists_the_kept_runs_and_the_current_curve():
    """The loss plot keeps ``max_runs`` runs: after six, its legend (an ordinary ax.legend)
    names the last three and then the current curve, and each picture shows it."""
    plot = plots.LossPlot("zh", max_runs=3)
    plot.update(np.exp(-np.arange(300) / 40), epochs=400)
    for k in range(6):
        plot.add_run(np.exp(-np.arange(300) / (10 + 9 * k)), f"η = {0.1 * (k + 1):.3g}，累积")
        assert plot.ax.get_legend() is plot._legend
        shown = pixels(plots.to_png(plot.fig))
        plot._legend.set_visible(False)
        assert not np.array_equal(shown, pixels(plots.to_png(plot.fig))), k
        plot._legend.set_visible(True)
    assert [t.get_text() for t in plot._legend.get_texts()] == [
        "η = 0.4，累积",
        "η = 0.5，累积",
        "η = 0.6，累积",
        t("plot.loss.current", "zh"),
    ]


def test_pictures_compressed_on_the_helper_thread_are_the_same_bytes():
    net = bpcore.Network.from_sizes((2, 3, 1), rng=1)
    loss = plots.LossPlot("en")
    loss.update(np.exp(-np.arange(50) / 9), epochs=60)
    network = plots.NetworkPlot((2, 3, 1), ("threshold", "threshold"), "zh")
    network.draw([layer.W for layer in net.layers], [layer.offset for layer in net.layers])
    boundary = plots.BoundaryPlot(X, Y, "en")
    boundary.update(net.predict)
    for plot in (loss, network, boundary):
        future = plot.png(later=True)
        assert future.result(timeout=30) == plot.png()


# --- static figures for the notebooks: resolution, labels apart, a colour bar -----------------
def _network_examples():
    from bpcore import examples

    nets = [examples.get(n).network for n in examples.names() if examples.get(n).kind == "network"]
    return [*nets, bpcore.Network.from_sizes((2, 3, 1), rng=0)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_network_figures_are_sharp_and_their_labels_do_not_collide(lang):
    for net in _network_examples():
        fig = plots.network_figure(net, lang=lang)
        assert fig.dpi >= 2 * plots.DPI
        renderer = fig.canvas.get_renderer()
        boxes = plots.text_boxes(fig, renderer)
        width, height = fig.canvas.get_width_height()
        for text, box in boxes:  # nothing cut off at the edges
            assert box.x0 >= 0 and box.y0 >= 0, text.get_text()
            assert box.x1 <= width and box.y1 <= height, text.get_text()
        for k, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[k + 1 :]:
                assert not box_a.overlaps(box_b), (a.get_text(), b.get_text())
        plot_labels = [t for t, _ in boxes if t.get_bbox_patch() is not None]
        units = plots._unit_boxes(_plot_of(fig), renderer)
        for label in plot_labels:  # connection labels and offsets stay off the units
            box = label.get_window_extent(renderer)
            assert not any(box.overlaps(u) for u in units), label.get_text()


def _plot_of(fig):
    """A NetworkPlot-like view of a network figure's unit positions (for _unit_boxes)."""

    class View:
        pass

    view = View()
    view.fig, view.ax = fig, fig.axes[0]
    offsets = view.ax.collections[1].get_offsets()  # the units' scatter
    view.pos = [np.asarray(offsets)]
    return view


def test_boundary_figure_reads_its_colours_as_y_hat():
    net = bpcore.Network.from_sizes((2, 3, 1), rng=0)
    for lang in ("zh", "en"):
        fig = plots.boundary_figure(net, X, Y, lang=lang)
        assert fig.dpi >= 2 * plots.DPI
        main, bar = fig.axes
        image = main.images[0]
        assert image.get_clim() == (0.0, 1.0)  # colours span ŷ ∈ [0, 1]
        assert bar.get_ylabel() == t("plot.boundary.colourbar", lang) and "ŷ" in bar.get_ylabel()
        assert bar.get_position().x0 > main.get_position().x1  # beside the map, not on it
        boxes = plots.text_boxes(fig)
        for k, (a, box_a) in enumerate(boxes):
            for b, box_b in boxes[k + 1 :]:
                assert not box_a.overlaps(box_b), (a.get_text(), b.get_text())


def test_tile_and_image():
    a = plots.to_png(plots.new_figure((1.0, 1.0), 50))
    grid = pixels(plots.tile([a] * 5, per_row=3, gap=4))
    assert grid.shape == (50 + 4 + 50, 3 * 50 + 2 * 4, 3)  # 3 on top, 2 below
    assert (grid[50:54] == 255).all()  # the gap between the rows is white
    picture = plots.image(plots.network_figure(bpcore.Network.from_sizes((2, 2, 1), rng=0)))
    assert picture.retina
    assert not plots.image(plots.new_figure((1.0, 1.0), plots.DPI)).retina


def test_curves_figure_line_styles():
    fig = plots.curves_figure({"a": [1.0, 0.5], "b": [1.0, 0.5]}, linestyles={"b": "--"})
    solid, dashed = fig.axes[0].lines
    assert solid.get_linestyle() == "-" and dashed.get_linestyle() == "--"
    assert dashed.get_zorder() > solid.get_zorder()  # drawn on top, so it shows where they meet
