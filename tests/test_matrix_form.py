"""Lesson 12: backprop in matrix form for L layers, what a gradient costs, what it keeps.

Oracles: central differences of the loss (bpcore.numeric_gradient on Network.with_flat, which
knows nothing of the backward pass), the textbook's g and e (TextbookNet, eqs. 5.10 and 5.15),
and multiply-add counts derived by hand in the comments.
"""

import itertools

import numpy as np
import pytest

import bpcore
from bpcore import backprop_cost, matrix_form
from bpcore.errors import InputError

CASES = [
    ((2, 3, 1), "sigmoid", "bias"),
    ((3, 4, 4, 2), "tanh", "bias"),
    ((4, 6, 5, 4, 3), "sigmoid", "threshold"),
    ((5, 8, 8, 8, 8, 1), "tanh", "threshold"),
    ((3, 5, 5, 2), "identity", "bias"),
]


def _problem(sizes, activation, offset_kind, seed=0, m=7):
    gen = np.random.default_rng(seed)
    net = bpcore.Network.from_sizes(
        sizes, activation=activation, offset_kind=offset_kind, rng=gen, scale=1.0
    )
    return net, gen.normal(size=(m, sizes[0])), gen.uniform(size=(m, sizes[-1]))


def _loss(net, X, Y):
    """E = (1/m) Σ_k ½‖ŷ_k − y_k‖², from the engine's forward pass only."""
    d = net.predict(X) - Y
    return 0.5 * float(np.sum(d * d)) / len(X)


@pytest.mark.parametrize(("sizes", "activation", "offset_kind"), CASES)
def test_L_layer_gradient_matches_central_differences(sizes, activation, offset_kind):
    net, X, Y = _problem(sizes, activation, offset_kind)
    ours = matrix_form.gradient(net, X, Y)
    numeric = bpcore.numeric_gradient(lambda p: _loss(net.with_flat(p), X, Y), net.flat())
    # ε = 1e-4: truncation error ~ ε² · f‴ ≈ 1e-8 absolute, rounding ~ 1e-16 / ε ≈ 1e-12
    assert np.allclose(ours, numeric, rtol=1e-6, atol=1e-9)
    # and the lesson's in-place central differences are the same oracle
    assert np.allclose(backprop_cost.central_differences(net, X, Y), numeric, atol=1e-12)


@pytest.mark.parametrize(("sizes", "activation", "offset_kind"), CASES)
def test_L_layer_gradient_equals_the_engine(sizes, activation, offset_kind):
    net, X, Y = _problem(sizes, activation, offset_kind, seed=1)
    grads = matrix_form.backward(net, matrix_form.forward(net, X), Y)
    engine = net.gradients(X, Y)
    assert np.allclose(grads.flat(), engine.flat(), rtol=1e-12, atol=1e-15)
    for l, layer in enumerate(net.layers):
        assert grads.W[l].shape == layer.W.shape
        assert grads.offset[l].shape == layer.offset.shape
        assert grads.delta[l].shape == (len(X), layer.W.shape[1])


def test_deltas_are_the_textbooks_g_and_e_with_the_sign_flipped():
    gen = np.random.default_rng(5)
    tb = bpcore.TextbookNet(
        v=gen.normal(size=(3, 4)),
        gamma=gen.normal(size=4),
        w=gen.normal(size=(4, 2)),
        theta=gen.normal(size=2),
    )
    X, Y = gen.normal(size=(5, 3)), gen.uniform(size=(5, 2))
    book = tb.gradients(X, Y)
    mat = matrix_form.backward(tb, matrix_form.forward(tb, X), Y)
    assert np.allclose(-mat.delta[1], book.g, rtol=1e-13, atol=1e-16)  # g = −δ⁽²⁾ (5.10)
    assert np.allclose(-mat.delta[0], book.e, rtol=1e-13, atol=1e-16)  # e = −δ⁽¹⁾ (5.15)
    for ours, theirs in zip(
        (mat.W[0], mat.offset[0], mat.W[1], mat.offset[1]),
        (book.v, book.gamma, book.w, book.theta),
    ):
        assert np.allclose(ours, theirs, rtol=1e-13, atol=1e-16)


def test_textbook_2_2_2_example():
    ex = bpcore.examples.get("t002_textbook")
    mat = matrix_form.backward(ex.network, matrix_form.forward(ex.network, ex.X), ex.Y)
    book = ex.network.gradients(ex.X, ex.Y)
    assert np.allclose(-mat.delta[1][0], book.g, atol=1e-16)
    assert np.allclose(mat.W[0], book.v, atol=1e-16)


def test_multiply_adds_by_hand():
    # 2-3-1, m = 4. forward: 4·(2·3 + 3·1) = 36. backward: ∂E/∂W for both layers, 36 again,
    # plus δ⁽¹⁾ = δ⁽²⁾W⁽²⁾ᵀ, 4·1·3 = 12; no δ⁽⁰⁾: 48.
    assert matrix_form.multiply_adds((2, 3, 1), 4) == (36, 48)
    # one layer: no δ to propagate at all, backward = forward
    assert matrix_form.multiply_adds((5, 2), 3) == (30, 30)


@pytest.mark.parametrize(("sizes", "activation", "offset_kind"), CASES)
def test_tally_counts_what_the_formula_says(sizes, activation, offset_kind):
    net, X, Y = _problem(sizes, activation, offset_kind)
    fwd, bwd = matrix_form.Tally(), matrix_form.Tally()
    cache = matrix_form.forward(net, X, fwd)
    matrix_form.backward(net, cache, Y, bwd)
    assert (fwd.multiply_adds, bwd.multiply_adds) == matrix_form.multiply_adds(sizes, len(X))
    assert fwd.forward_passes == 1 and bwd.forward_passes == 0


@pytest.mark.parametrize("sizes", [(2, 3, 1), (4, 16, 16, 1), (3, 7, 2, 5)])
def test_count_costs(sizes):
    c = backprop_cost.count_costs(sizes, m=6, rng=2)
    n = sum((a + 1) * b for a, b in itertools.pairwise(sizes))  # (n_in + 1)·n_out per layer
    assert c.n_params == n
    assert c.central.forward_passes == 2 * n
    assert c.central.multiply_adds == 2 * n * c.forward.multiply_adds
    assert c.central_in_forward_passes == 2 * n
    assert c.backprop.forward_passes == 1
    assert 2 <= c.backprop_in_forward_passes <= 3
    assert c.speedup == pytest.approx(2 * n / c.backprop_in_forward_passes)
    assert c.max_difference < 1e-8


def test_central_differences_leave_the_network_unchanged():
    net, X, Y = _problem((3, 4, 2), "sigmoid", "bias")
    before = net.flat().copy()
    backprop_cost.central_differences(net, X, Y)
    assert np.array_equal(net.flat(), before)


def test_activation_memory_from_shapes_equals_the_arrays_kept():
    sizes, m = (784, 256, 256, 10), 64
    net = bpcore.Network.from_sizes(sizes, rng=0)
    cache = matrix_form.forward(net, np.zeros((m, 784)))
    formula = backprop_cost.activation_bytes(sizes, m)
    assert formula == cache.nbytes
    assert sum(formula) == 64 * (784 + 256 + 256 + 10) * 8 == 668672
    assert backprop_cost.activation_bytes(sizes, m, itemsize=4) == [b // 2 for b in formula]


def test_time_gradients_returns_positive_seconds():
    tm = backprop_cost.time_gradients((2, 3, 1), m=4, repeats=1)
    assert tm.n_params == 13
    assert min(tm.forward, tm.backprop, tm.central) > 0  # no timing comparison: see benchmarks


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures(lang):
    counts = [backprop_cost.count_costs((2, h, 1), m=4) for h in (2, 4, 8)]
    fig = backprop_cost.count_figure(counts, lang=lang)
    lines = fig.axes[0].lines
    assert [list(line.get_ydata()) for line in lines][2] == [2.0 * c.n_params for c in counts]
    times = [
        backprop_cost.GradientTimes((2, h, 1), c.n_params, 1e-5, 3e-5, 1e-3)
        for h, c in zip((2, 4, 8), counts)
    ]
    fig = backprop_cost.cost_figure(times, lang=lang)
    assert len(fig.axes[0].lines) == 4
    assert bpcore.plots.to_png(fig).startswith(b"\x89PNG")


def test_bad_input_is_explained():
    with pytest.raises(InputError, match=r"net must be a bpcore\.Network") as err:
        matrix_form.forward("not a net", np.zeros((1, 2)))
    assert "实际为 str" in str(err.value)
    net = bpcore.Network.from_sizes((2, 3, 1), rng=0)
    with pytest.raises(InputError, match="X must have 2 feature"):
        matrix_form.forward(net, np.zeros((4, 3)))
    with pytest.raises(InputError, match=r"Y must have shape \(4, 1\)"):
        matrix_form.backward(net, matrix_form.forward(net, np.zeros((4, 2))), np.zeros((3, 1)))
    with pytest.raises(InputError, match="sizes"):
        matrix_form.multiply_adds((2, 0, 1), 4)
    with pytest.raises(InputError, match="m"):
        backprop_cost.activation_bytes((2, 3), m=0)


def test_the_cost_benchmark_runs_on_a_tiny_case():
    # The script's code, not its timings: two tiny nets, one repeat, central differences on one.
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_backprop_cost.py"
    spec = importlib.util.spec_from_file_location("bpcore_bench_backprop_cost", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.measure((2, 3), m=4, repeats=1, max_central=30)
    # 4-h-h-1 has 5h + (h + 1)h + (h + 1) parameters: 19 for h = 2, 31 for h = 3
    assert [(h, n) for h, n, *_ in rows] == [(2, 19), (3, 31)]
    assert rows[0][4] > 0 and rows[1][4] is None  # 31 > max_central: not timed
