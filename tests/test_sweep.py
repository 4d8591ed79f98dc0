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
