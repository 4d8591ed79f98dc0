"""bpcore.symbolic meets the numeric engine: the derived gradients (lambdified with cse) and
the compiled training steps equal the NumPy path to 1e-12, and central differences agree.

Oracles: the NumPy engine (bpcore.Network, bpcore.TextbookNet, bpcore.train) and central
differences of the engine's loss (eps = 1e-4), which use no gradient code at all.
"""

import math

import numpy as np
import pytest

import bpcore
from bpcore import InputError, NetSpec, Network, TextbookNet
from bpcore.fastpath import source
from bpcore.symbolic import (
    gradient_function,
    make_epochs_runner,
    make_loss,
    make_step,
    textbook_gradient_function,
)
from bpcore.symbolic.netexpr import symbolic_net

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])

SPECS = {
    "textbook 3-2-2": NetSpec((3, 2, 2), ("sigmoid", "sigmoid"), ("threshold", "threshold")),
    "xor 2-3-1 bias": NetSpec((2, 3, 1), ("sigmoid", "sigmoid"), ("bias", "bias")),
    "3-4-2 bias": NetSpec((3, 4, 2), ("sigmoid", "sigmoid"), ("bias", "bias")),
    "tanh/identity mixed": NetSpec((2, 3, 2), ("tanh", "identity"), ("bias", "threshold")),
    "relu/sigmoid": NetSpec((2, 4, 1), ("relu", "sigmoid"), ("threshold", "bias")),
    "identity 001": NetSpec((2, 3, 1), ("identity", "identity"), ("bias", "bias")),
    "three layers": NetSpec(
        (2, 3, 2, 1), ("sigmoid", "tanh", "sigmoid"), ("bias", "threshold", "bias")
    ),
}


def random_net(spec, seed):
    rng = np.random.default_rng(seed)
    layers = [
        bpcore.Layer(rng.normal(size=(a, b)), rng.normal(size=b), act, off)
        for a, b, act, off in zip(spec.sizes[:-1], spec.sizes[1:], spec.activations, spec.offsets)
    ]
    return Network(layers)


def central_gradient(net, X, Y, reduction, eps=1e-4):
    p = net.flat()
    out = np.empty_like(p)
    for k in range(p.size):
        hi, lo = p.copy(), p.copy()
        hi[k] += eps
        lo[k] -= eps
        out[k] = (
            net.with_flat(hi).loss(X, Y, reduction) - net.with_flat(lo).loss(X, Y, reduction)
        ) / (2 * eps)
    return out


# --- lambdify (with cse) of the derived gradients ------------------------------------------


@pytest.mark.parametrize("dql", [(2, 2, 1), (2, 3, 1), (3, 2, 2), (3, 4, 2)])
def test_lambdified_gradients_equal_textbooknet_to_1e12(dql):
    d, q, l = dql
    spec = NetSpec(dql, ("sigmoid", "sigmoid"), ("threshold", "threshold"))
    fn = gradient_function(spec)
    rng = np.random.default_rng(sum(dql))
    for _ in range(5):
        net = TextbookNet(
            rng.normal(size=(d, q)), rng.normal(size=q), rng.normal(size=(q, l)), rng.normal(size=l)
        )
        x, y = rng.normal(size=d), rng.uniform(size=l)
        gr = net.gradients(x, y)
        numeric = np.concatenate([gr.v.ravel(), gr.gamma, gr.w.ravel(), gr.theta])
        E, *grad = fn(net.network.flat().tolist(), x.tolist(), y.tolist())
        np.testing.assert_allclose(grad, numeric, rtol=0, atol=1e-12)
        assert E == pytest.approx(0.5 * np.sum((net.forward(x).y_hat - y) ** 2), abs=1e-12)


@pytest.mark.parametrize("dql", [(2, 2, 1), (2, 3, 1), (3, 2, 2)])
def test_textbook_closed_forms_are_the_engines_g_e_and_gradients(dql):
    # the symbolic-size rules of derive_textbook(), instantiated and lambdified, give the
    # very numbers TextbookNet computes: g, e and every ∂E_k/∂ parameter
    d, q, l = dql
    fn = textbook_gradient_function(dql)
    rng = np.random.default_rng(100 + sum(dql))
    for _ in range(3):
        net = TextbookNet(
            rng.normal(size=(d, q)), rng.normal(size=q), rng.normal(size=(q, l)), rng.normal(size=l)
        )
        x, y = rng.normal(size=d), rng.uniform(size=l)
        got, want = fn(net.network.flat(), x, y), net.gradients(x, y)
        for name in ("g", "e", "v", "gamma", "w", "theta"):
            np.testing.assert_allclose(got[name], getattr(want, name), rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_lambdified_gradients_equal_engine_and_central_differences(name):
    spec = SPECS[name]
    net = random_net(spec, 3)
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(1, spec.sizes[0])), rng.uniform(size=(1, spec.sizes[-1]))
    E, *grad = gradient_function(spec)(net.flat().tolist(), x[0].tolist(), y[0].tolist())
    engine = net.gradients(x, y, reduction="sum")
    np.testing.assert_allclose(grad, engine.flat(), rtol=0, atol=1e-12)
    assert E == pytest.approx(engine.loss, abs=1e-12)
    cd = central_gradient(net, x, y, "sum")
    np.testing.assert_allclose(grad, cd, rtol=1e-6, atol=1e-9)


def test_derived_gradients_of_the_textbook_net_print_in_book_names():
    spec = NetSpec((2, 2, 1), ("sigmoid", "sigmoid"), ("threshold", "threshold"))
    net = symbolic_net(spec)
    assert [str(p) for p in net.params] == [
        "v_11", "v_12", "v_21", "v_22", "γ_1", "γ_2", "w_11", "w_21", "θ_1",
    ]  # fmt: skip
    text = str(net.gradients[4])  # ∂E/∂γ_1 = e_1 (textbook: ∂E_k/∂γ_h = e_h)
    assert "b_1" in text and "ŷ_1" in text and "w_11" in text and "x_" not in text


# --- the compiled step ---------------------------------------------------------------------


def engine_step(net, X, Y, eta, reduction, train_offsets):
    grads = net.gradients(X, Y, reduction)
    flat = grads.flat()
    if not train_offsets:
        k = 0
        for layer in net.layers:
            k += layer.W.size
            flat[k : k + layer.offset.size] = 0.0
            k += layer.offset.size
    return net.flat() - eta * flat, grads.loss


CASES = [
    ("xor 2-3-1 bias", 4, "mean", True),
    ("xor 2-3-1 bias", 1, "sum", True),
    ("textbook 3-2-2", 3, "sum", True),
    ("textbook 3-2-2", 8, "mean", False),
    ("3-4-2 bias", 5, "mean", True),
    ("3-4-2 bias", 2, "sum", False),
    ("tanh/identity mixed", 4, "mean", True),
    ("relu/sigmoid", 6, "sum", True),
    ("identity 001", 4, "mean", True),
    ("three layers", 3, "mean", True),
    ("xor 2-3-1 bias", 40, "mean", True),  # more than UNROLL samples: a loop, not unrolled
    ("textbook 3-2-2", 17, "sum", False),
]


@pytest.mark.parametrize("name,m,reduction,train_offsets", CASES)
def test_compiled_step_equals_numpy_and_central_differences(name, m, reduction, train_offsets):
    spec = SPECS[name]
    net = random_net(spec, m)
    rng = np.random.default_rng(10 + m)
    X, Y = rng.normal(size=(m, spec.sizes[0])), rng.uniform(size=(m, spec.sizes[-1]))
    step = make_step(spec, m, train_offsets=train_offsets, reduction=reduction)
    eta = 0.3
    new_p, loss = step(net.flat().tolist(), X.ravel().tolist(), Y.ravel().tolist(), eta)
    want_p, want_loss = engine_step(net, X, Y, eta, reduction, train_offsets)
    np.testing.assert_allclose(new_p, want_p, rtol=0, atol=1e-12)
    assert loss == pytest.approx(want_loss, abs=1e-12)
    # the gradient implied by the step, against central differences of the engine's loss
    implied = (net.flat() - np.array(new_p)) / eta
    cd = central_gradient(net, X, Y, reduction)
    trained = np.abs(implied) > 0
    np.testing.assert_allclose(implied[trained], cd[trained], rtol=1e-6, atol=1e-9)
    if not train_offsets:
        assert not np.all(trained)  # offsets did not move


def test_whole_training_run_equals_numpy_path():
    spec = SPECS["xor 2-3-1 bias"]
    net = Network.from_sizes((2, 3, 1), rng=1)
    step = make_step(spec, 4)
    p, x, y = net.flat().tolist(), XOR_X.ravel().tolist(), XOR_Y.ravel().tolist()
    ref = net.copy()
    for _ in range(3000):
        p, loss = step(p, x, y, 2.0)
        grads = ref.gradients(XOR_X, XOR_Y)
        ref.step(grads, 2.0)
        assert loss == pytest.approx(grads.loss, abs=1e-12)
    np.testing.assert_allclose(p, ref.flat(), rtol=0, atol=1e-12)
    assert ref.loss(XOR_X, XOR_Y) < 0.01  # it did learn XOR: a real run, not a flat one


@pytest.mark.parametrize(
    "mode,batch_size,reduction,train_offsets",
    [
        ("accumulated", None, "mean", True),
        ("minibatch", 3, "sum", False),
        ("standard", None, "mean", True),
    ],
)
def test_train_fast_path_equals_numpy_path(mode, batch_size, reduction, train_offsets):
    net = Network.from_sizes((2, 3, 1), rng=2)
    X = np.vstack([XOR_X, [[0.5, 0.5]]])
    Y = np.vstack([XOR_Y, [[0.5]]])
    kw = dict(eta=0.8, epochs=300, mode=mode, batch_size=batch_size, reduction=reduction,
              train_offsets=train_offsets)  # fmt: skip
    slow, fast = bpcore.train(net, X, Y, **kw), bpcore.train(net, X, Y, fast=True, **kw)
    np.testing.assert_allclose(fast.loss, slow.loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(fast.iteration_loss, slow.iteration_loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(fast.net.flat(), slow.net.flat(), rtol=0, atol=1e-12)


# --- the epochs runner ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "n,batch_size,mode,reduction,train_offsets",
    [
        (4, None, "accumulated", "mean", True),
        (4, None, "accumulated", "sum", False),
        (5, 2, "minibatch", "mean", True),
        (5, 1, "standard", "sum", True),
    ],
)
def test_epochs_runner_records_what_train_records(n, batch_size, mode, reduction, train_offsets):
    spec = SPECS["xor 2-3-1 bias"]
    net = Network.from_sizes((2, 3, 1), rng=5)
    X = np.vstack([XOR_X, [[0.5, 0.5]]])[:n]
    Y = np.vstack([XOR_Y, [[0.5]]])[:n]
    epochs = 400
    h = bpcore.train(net, X, Y, eta=1.5, epochs=epochs, mode=mode, batch_size=batch_size,
                     reduction=reduction, train_offsets=train_offsets)  # fmt: skip
    run = make_epochs_runner(spec, n, batch_size, train_offsets=train_offsets,
                             reduction=reduction, record_batches=True)  # fmt: skip
    p, losses, batch_losses = run(
        net.flat().tolist(), X.ravel().tolist(), Y.ravel().tolist(), 1.5, epochs
    )
    assert len(losses) == epochs + 1
    np.testing.assert_allclose(losses, h.loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(batch_losses, h.iteration_loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(p, h.net.flat(), rtol=0, atol=1e-12)


@pytest.mark.parametrize(
    "batch_size,reduction,train_offsets",
    [(None, "mean", True), (15, "mean", False), (15, "sum", True), (1, "mean", True)],
)
def test_epochs_runner_on_a_larger_data_set_loops_and_matches_train(
    batch_size, reduction, train_offsets
):
    spec = SPECS["textbook 3-2-2"]
    rng = np.random.default_rng(9)
    X, Y = rng.normal(size=(40, 3)), rng.uniform(size=(40, 2))
    net = random_net(spec, 9)
    mode = "accumulated" if batch_size is None else "minibatch"
    kw = dict(eta=0.7, epochs=25, mode=mode, batch_size=batch_size, reduction=reduction,
              train_offsets=train_offsets)  # fmt: skip
    h = bpcore.train(net, X, Y, **kw)
    run = make_epochs_runner(spec, 40, batch_size, train_offsets=train_offsets,
                             reduction=reduction, record_batches=True)  # fmt: skip
    assert "for xb, yb, scale in batches" in run.source or batch_size is None
    p, losses, batch_losses = run(
        net.flat().tolist(), X.ravel().tolist(), Y.ravel().tolist(), 0.7, 25
    )
    np.testing.assert_allclose(losses, h.loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(batch_losses, h.iteration_loss, rtol=0, atol=1e-12)
    np.testing.assert_allclose(p, h.net.flat(), rtol=0, atol=1e-12)
    loss = make_loss(spec, 40, reduction=reduction)(p, X.ravel().tolist(), Y.ravel().tolist())
    assert loss == pytest.approx(losses[-1], abs=1e-12)


def test_epochs_runner_learns_xor_in_one_call():
    spec = SPECS["xor 2-3-1 bias"]
    run = make_epochs_runner(spec, 4)
    p0 = Network.from_sizes((2, 3, 1), rng=1).flat().tolist()
    p, losses = run(p0, XOR_X.ravel().tolist(), XOR_Y.ravel().tolist(), 2.0, 10_000)
    assert len(losses) == 10_001 and losses[-1] < 1e-3 < losses[0]
    loss = make_loss(spec, 4)(p, XOR_X.ravel().tolist(), XOR_Y.ravel().tolist())
    assert loss == losses[-1]


def test_identity_network_cannot_learn_xor():
    # tutorial 001's point: with identity activations the net is linear; the best it can do
    # on XOR is predict 0.5 everywhere, loss ½·0.25 = 0.125 per sample (mean reduction)
    spec = SPECS["identity 001"]
    run = make_epochs_runner(spec, 4)
    _, losses = run(
        [1.0] * spec.n_params, XOR_X.ravel().tolist(), XOR_Y.ravel().tolist(), 0.05, 5000
    )
    assert losses[-1] == pytest.approx(0.125, abs=1e-6)


# --- robustness ----------------------------------------------------------------------------


def test_sigmoid_never_overflows_and_matches_numpy_when_saturated():
    spec = SPECS["xor 2-3-1 bias"]
    net = random_net(spec, 0)
    big = net.flat() * 1e4  # z of order ±1e4: e^(−z) would overflow without the fallback
    X = np.array([[1.0, -1.0], [-2.0, 0.5]])
    Y = np.array([[1.0], [0.0]])
    new_p, loss = make_step(spec, 2)(big.tolist(), X.ravel().tolist(), Y.ravel().tolist(), 0.1)
    want_p, want_loss = engine_step(net.with_flat(big), X, Y, 0.1, "mean", True)
    assert all(math.isfinite(t) for t in new_p)
    np.testing.assert_allclose(new_p, want_p, rtol=0, atol=1e-12)
    assert loss == pytest.approx(want_loss, abs=1e-12)
    run = make_epochs_runner(spec, 2)
    _, losses = run(big.tolist(), X.ravel().tolist(), Y.ravel().tolist(), 0.1, 3)
    assert len(losses) == 4 and all(math.isfinite(t) for t in losses)


def test_runner_stops_at_divergence_without_raising():
    spec = SPECS["identity 001"]
    run = make_epochs_runner(spec, 4)
    _, losses = run(
        [1.0] * spec.n_params, XOR_X.ravel().tolist(), XOR_Y.ravel().tolist(), 50.0, 5000
    )
    assert len(losses) < 5001 and not math.isfinite(losses[-1])
    assert all(math.isfinite(t) for t in losses[:-1])


def test_bad_calls_are_bilingual_errors():
    spec = SPECS["xor 2-3-1 bias"]
    step = make_step(spec, 4)
    with pytest.raises(InputError, match="expected p, x, y as sequences of 13, 8, 4") as info:
        step([0.0] * 13, [0.0] * 6, [0.0] * 4, 0.1)
    assert "实际长度" in str(info.value)
    with pytest.raises(InputError, match="sequences of 13, 40, 20"):
        make_step(spec, 20)([0.0] * 13, [0.0] * 40, [0.0] * 19, 0.1)  # looped: length checked
    with pytest.raises(InputError, match="batch_size must be a positive integer"):
        make_step(spec, 0)
    with pytest.raises(InputError, match="reduction"):
        make_step(spec, 4, reduction="median")
    with pytest.raises(InputError, match="softmax"):
        make_step(NetSpec((2, 1), ("softmax",), ("bias",)), 1)
    with pytest.raises(InputError, match="one activation and one offset kind"):
        make_step(NetSpec((2, 2, 1), ("sigmoid",), ("bias", "bias")), 1)
    with pytest.raises(InputError, match="NetSpec"):
        make_step("2-3-1", 1)
    with pytest.raises(InputError, match="at most n_samples"):
        make_epochs_runner(spec, 4, 5)


def test_steps_are_cached_and_the_source_is_plain_python():
    spec = SPECS["xor 2-3-1 bias"]
    assert make_step(spec, 4) is make_step(spec, 4)
    assert make_step(spec, 4) is not make_step(spec, 4, reduction="sum")
    src = source(spec, 4)
    assert "exp(" in src and "numpy" not in src and "**" not in src
    assert src == make_step(spec, 4).source
