"""bpcore.sweep: R learning rates at once give, run by run, what bpcore.train gives one η at
a time (to 1e-12), and the classification matches the hand-derived behaviour of a quadratic.

Oracle for the quadratic: a 1-1 linear unit without offset, one sample x = 1, y = 0, has
E(w) = ½ w², E″ = 1, and gradient descent w ← (1 − η E″) w. So |1 − η| < 1 (0 < η < 2)
converges, 1 − η < 0 (η > 1) alternates in sign, and η > 2 grows geometrically.
"""

import numpy as np
import pytest

from bpcore import InputError, Layer, Network, train
from bpcore.sweep import classify, sweep

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def _flat(result, r):
    return np.concatenate(
        [np.concatenate([W[r].ravel(), b[r]]) for W, b in zip(result.Ws, result.offsets)]
    )


@pytest.mark.parametrize(
    "net, kwargs",
    [
        (Network.from_sizes((2, 3, 1), rng=1), {}),
        (
            Network.from_sizes((2, 4, 3, 1), activation="tanh", offset_kind="threshold", rng=7),
            {"reduction": "sum"},
        ),
        (Network.from_sizes((2, 2, 2), rng=3), {"train_offsets": False}),
    ],
)
def test_each_run_equals_train_with_its_eta(net, kwargs):
    Yn = Y if net.n_outputs == 1 else np.hstack([Y, 1 - Y])
    etas = [0.05, 0.7, 3.0]
    result = sweep(net, X, Yn, etas, epochs=200, **kwargs)
    assert result.loss.shape == (3, 201)
    for r, eta in enumerate(etas):
        h = train(net, X, Yn, eta=eta, epochs=200, mode="accumulated", **kwargs)
        np.testing.assert_allclose(result.loss[r], h.loss, rtol=0, atol=1e-12)
        np.testing.assert_allclose(_flat(result, r), h.net.flat(), rtol=0, atol=1e-12)


def test_the_starting_network_is_not_changed():
    net = Network.from_sizes((2, 3, 1), rng=1)
    before = net.flat()
    sweep(net, X, Y, [1.0, 2.0], epochs=10)
    np.testing.assert_array_equal(net.flat(), before)


def test_quadratic_bound_two_over_curvature():
    unit = Network([Layer([[1.0]], [0.0], activation="identity")])
    x, y = np.array([[1.0]]), np.array([[0.0]])
    etas = np.array([0.5, 0.99, 1.5, 1.99, 2.01, 3.0])
    result = sweep(unit, x, y, etas, epochs=400, train_offsets=False)
    # w_k = (1 − η)^k, E_k = ½ (1 − η)^(2k): the closed form, to rounding. 400 epochs, so
    # that η = 2.01 (|1 − η| = 1.01) grows past the bound: 1.01^800 ≈ 2900 > 10
    k = np.arange(401)
    np.testing.assert_allclose(
        result.loss, 0.5 * (1 - etas[:, None]) ** (2 * k), rtol=1e-12, atol=1e-300
    )
    assert list(result.status) == [
        "converged",
        "converged",
        "oscillating",
        "oscillating",
        "diverged",
        "diverged",
    ]


def test_classify_criteria():
    assert list(classify([[1.0, np.nan, 1.0, 1.0]])) == ["diverged"]
    assert list(classify([[1.0, 9.0, 8.0, 7.0, 6.0]])) == ["converged"]  # below 10× the start
    assert list(classify([[1.0, 11.0, 8.0, 7.0, 6.0]])) == ["diverged"]
    assert list(classify([[1.0, 11.0, 8.0, 7.0, 6.0]], bound=20)) == ["converged"]
    assert list(classify([[1.0, 0.9, 0.8, 0.7]], [0.5])) == ["oscillating"]  # steps reverse
    # differences below atol count as no change, not as a sign flip
    flat = [1.0, 1.0 + 1e-15, 1.0, 1.0 + 1e-15, 1.0]
    assert list(classify([flat], tail=4)) == ["converged"]
    assert list(classify([flat], tail=4, atol=0.0)) == ["oscillating"]


@pytest.mark.parametrize("etas", [[], [0.1, -1.0], [[0.1]], [np.inf]])
def test_bad_etas(etas):
    with pytest.raises(InputError, match="etas"):
        sweep(Network.from_sizes((2, 3, 1), rng=1), X, Y, etas, epochs=3)


def test_the_sweep_benchmark_runs_on_a_tiny_case():
    # The script's code, not its timings: 4 learning rates × 5 epochs, one repeat.
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_sweep.py"
    spec = importlib.util.spec_from_file_location("bpcore_bench_sweep", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    r = bench.measure(runs=4, epochs=5, repeat=1, one_by_one=1)
    assert len(r["times"]) == 1 and r["serial"] > 0
    assert sum(r["status"].values()) == 4


def test_fast_auto_picks_the_compiled_step_for_small_long_runs_only():
    pytest.importorskip("sympy")
    net = Network.from_sizes((2, 3, 1), rng=1)
    # 13 parameters × batch 4 = 52 ≤ 512, 6,000 iterations ≥ 5,000: compiled
    auto = train(net, X, Y, eta=2.0, epochs=6000, fast="auto")
    numpy_path = train(net, X, Y, eta=2.0, epochs=6000, fast=False)
    assert auto.settings["fast"] is True and numpy_path.settings["fast"] is False
    np.testing.assert_allclose(auto.loss, numpy_path.loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(auto.net.flat(), numpy_path.net.flat(), rtol=0, atol=1e-10)
    # too few iterations to repay building the compiled step: NumPy
    assert train(net, X, Y, eta=2.0, epochs=100, fast="auto").settings["fast"] is False
    # 2-16-1 with 1,000 samples: 65 × 1,000 > 512, NumPy
    rng = np.random.default_rng(0)
    Xb = rng.uniform(-1, 1, size=(1000, 2))
    Yb = (Xb**2).sum(axis=1, keepdims=True) < 0.5
    big = Network.from_sizes((2, 16, 1), rng=2)
    h = train(big, Xb, Yb.astype(float), eta=0.5, epochs=2, fast="auto")
    assert h.settings["fast"] is False


def test_fast_must_be_a_bool_or_auto():
    with pytest.raises(InputError, match="fast"):
        train(Network.from_sizes((2, 3, 1), rng=1), X, Y, eta=1.0, epochs=1, fast="yes")


def test_quadratic_edges_by_sympy_match_the_sweep():
    sp = pytest.importorskip("sympy")
    from bpcore.sweep import quadratic_edges

    e = quadratic_edges()
    c = e["curvature"]
    # hand derivation: w_{k+1} − w* = (1 − η E″)(w_k − w*)
    assert sp.simplify(e["diverge_above"] - 2 / c) == 0
    assert sp.simplify(e["oscillate_above"] - 1 / c) == 0
    # E = ½ E″ w² with E″ = 4 (a linear unit with x = 2, y = 0, sum loss: ½ (2w)²)
    edges = [float(e[k].subs(c, 4)) for k in ("oscillate_above", "diverge_above")]
    assert edges == [0.25, 0.5]
    unit = Network([Layer([[1.0]], [0.0], activation="identity")])
    etas = [0.2, 0.3, 0.45, 0.55]
    # 60 epochs: long enough for 1.2^120 > 10 (η = 0.55), short enough that 0.2^60 (η = 0.3)
    # is still far from underflow, where an exact 0 would leave nothing to oscillate
    s = sweep(unit, [[2.0]], [[0.0]], etas, epochs=60, train_offsets=False, reduction="sum")
    assert list(s.status) == ["converged", "oscillating", "oscillating", "diverged"]


# --- edges ---------------------------------------------------------------------------------
def test_edge_is_the_first_failure_above_the_first_success():
    from bpcore.sweep import edge

    etas = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2]
    assert edge(etas, [False, True, True, False, True, False]) == (0.4, 0.8)
    assert edge(etas, [True] * 6) is None
    assert edge(etas, [False] * 6) is None
    assert edge(etas, [False, False, True, False, False, False]) == (0.4, 0.8)
    with pytest.raises(InputError, match="increasing"):
        edge([0.2, 0.1], [True, False])
    with pytest.raises(InputError, match="ok"):
        edge([0.1, 0.2], [True])


def test_works_by_criterion():
    from bpcore.sweep import SweepResult, works

    loss = np.array([[1.0, 0.001], [1.0, 0.5], [1.0, np.inf]])
    r = SweepResult(
        np.array([1.0, 2.0, 3.0]), loss, [], [], np.array(["converged", "oscillating", "diverged"])
    )
    assert works(r).tolist() == [True, True, False]
    assert works(r, "converged").tolist() == [True, False, False]
    assert works(r, 0.01).tolist() == [True, False, False]
    with pytest.raises(InputError, match="criterion"):
        works(r, "fine")


@pytest.mark.parametrize("epochs", [60, 500])
def test_find_edge_of_the_quadratic_matches_the_closed_form(epochs):
    # E = ½ w² (E″ = 1), w₀ = 1: L_k = ½ (1 − η)^(2k). "diverged" means L_k > 10 L_0 for some
    # k ≤ E, i.e. (η − 1)^(2E) > 10: the measured edge is η = 1 + 10^(1/(2E)), which tends to
    # 2/E″ = 2 as E grows (2.0194 at 60 epochs, 2.0023 at 500).
    from bpcore.sweep import find_edge

    unit = Network([Layer([[1.0]], [0.0], activation="identity")])
    e = find_edge(unit, [[1.0]], [[0.0]], 0.5, 4.0, epochs=epochs, train_offsets=False)
    theory = 1 + 10 ** (1 / (2 * epochs))
    assert e.below < theory < e.above
    assert e.above / e.below < 8 ** (1 / 31**3) * (1 + 1e-12)  # (hi/lo)^(1/(runs−1)^rounds)
    k = int(np.flatnonzero(e.result.etas == e.below)[0])  # neighbours on the finest grid
    assert e.result.etas[k + 1] == e.above
    # the oscillation edge 1/E″ = 1: "converged" fails just above 1 (short runs: a long one
    # reaches exactly 0 in floating point before its tail, and then counts as converged)
    o = find_edge(
        unit, [[1.0]], [[0.0]], 0.5, 1.9, epochs=60, criterion="converged", train_offsets=False
    )
    assert 1.0 <= o.below < o.above < 1.001


def test_find_edge_on_xor_brackets_what_train_does():
    from bpcore.sweep import classify, find_edge

    net = Network.from_sizes((2, 3, 1), rng=0)
    e = find_edge(net, X, Y, 1.0, 300.0, epochs=300, criterion=0.01, runs=12, rounds=2)
    below = train(net, X, Y, eta=e.below, epochs=300, mode="accumulated")
    above = train(net, X, Y, eta=e.above, epochs=300, mode="accumulated")
    assert below.final_loss <= 0.01 < above.final_loss
    # on the first grid, every rate from the first that learned up to the bracket learned:
    # the bracket is the first failure above the band where training works
    grid = np.geomspace(1.0, 300.0, 12)
    learned = [
        train(net, X, Y, eta=eta, epochs=300, mode="accumulated").final_loss <= 0.01
        for eta in grid[grid <= e.below]
    ]
    assert any(learned) and all(learned[learned.index(True) :])
    assert classify([below.loss])[0] in ("converged", "oscillating")


def test_find_edge_without_an_edge_says_so():
    from bpcore.sweep import find_edge

    unit = Network([Layer([[1.0]], [0.0], activation="identity")])
    with pytest.raises(InputError, match="every learning rate works"):
        find_edge(unit, [[1.0]], [[0.0]], 0.1, 1.5, epochs=50, train_offsets=False)
    with pytest.raises(InputError, match="lo must be below hi"):
        find_edge(unit, [[1.0]], [[0.0]], 2.0, 1.0, epochs=50)


def test_sharpness_of_a_linear_unit_is_the_top_eigenvalue_of_its_normal_matrix():
    # A linear unit with the mean loss is a quadratic: E = (1/2N) Σ (x·w + b − y)², whose
    # Hessian is Aᵀ A / N with A = [X | 1] (derived by hand), whatever the point.
    from bpcore.sweep import sharpness, sweep

    rng = np.random.default_rng(4)
    Xl = rng.normal(size=(20, 3))
    Yl = rng.normal(size=(20, 1))
    unit = Network([Layer(rng.normal(size=(3, 1)), [0.3], activation="identity")])
    A = np.column_stack([Xl, np.ones(20)])
    lam = np.linalg.eigvalsh(A.T @ A / 20)[-1]
    assert sharpness(unit, Xl, Yl) == pytest.approx(lam, rel=1e-7)
    # and gradient descent is stable below 2/λ_max, unstable above (the 2/E″ rule in n-D)
    s = sweep(unit, Xl, Yl, [1.9 / lam, 2.1 / lam], epochs=400)
    assert list(s.status[:1]) != ["diverged"] and s.status[1] == "diverged"


# --- the figure and the exercises ----------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sweep_figure_shades_each_status_once(lang):
    from bpcore import plots
    from bpcore.i18n import t
    from bpcore.sweepplots import sweep_figure

    unit = Network([Layer([[1.0]], [0.0], activation="identity")])
    s = sweep(unit, [[1.0]], [[0.0]], np.geomspace(0.1, 4.0, 40), epochs=60, train_offsets=False)
    fig = sweep_figure(s, lines=[(2.0, "2/E″", "derived")], lang=lang)
    labels = [x.get_text() for x in fig.axes[0].get_legend().get_texts()]
    assert labels[:3] == [t(f"plot.sweep.{k}", lang) for k in STATUSES_ORDER]
    assert "2/E″" in labels and t("plot.sweep.clipped", lang) in labels
    assert plots.to_png(fig)[:4] == b"\x89PNG"
    fig = sweep_figure(s, target=0.01, lang=lang)
    labels = [x.get_text() for x in fig.axes[0].get_legend().get_texts()]
    assert t("plot.sweep.met", lang, target=0.01) in labels


STATUSES_ORDER = ("converged", "oscillating", "diverged")


def test_exercise_checkers():
    pytest.importorskip("sympy")
    from bpcore import sweep_exercises as ex

    # E = a (w − b)²: E″ = 2a, diverges above 2/E″ = 1/a
    assert ex.check_divergence_edge(lambda a, b: 1 / a).verdict == "right"
    assert ex.check_divergence_edge(lambda a, b: 2 / a).verdict == "almost"  # forgot E″ = 2a
    assert ex.check_divergence_edge(lambda a, b: b).verdict == "wrong"
    assert ex.check_divergence_edge(None).verdict == "missing"
    assert ex.check_divergence_edge(lambda a: a).verdict == "wrong"  # raises: reported
    assert ex.expected_divergence_edge(0.25, -1.0) == 4.0

    def loop(etas, steps):
        w = np.full(len(etas), -1.0)
        for _ in range(steps):
            w = w - etas * (w - 3.0)
        return w

    assert ex.check_vectorised_descent(loop).verdict == "right"
    # closed form w_k = 3 − 4 (1 − η)^k (lesson 01's derivation)
    assert ex.check_vectorised_descent(lambda e, k: 3 - 4 * (1 - e) ** k).verdict == "right"
    assert ex.check_vectorised_descent(lambda e, k: 3 - 4 * (1 - e) ** (k + 1)).verdict != "right"
    assert ex.check_vectorised_descent(lambda e, k: 3.0).verdict == "wrong"  # shape ()
    etas = np.array([0.1, 1.0, 1.5])
    np.testing.assert_allclose(
        ex.expected_descent(etas, 7), 3 - 4 * (1 - etas) ** 7, rtol=0, atol=1e-14
    )
