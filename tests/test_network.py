"""The generic network and the textbook view: shapes, equations, gradients against oracles."""

import itertools

import numpy as np
import pytest

import bpcore
from bpcore import Layer, Network, TextbookNet


def random_textbook(rng, d, q, l):
    return TextbookNet(
        v=rng.normal(size=(d, q)),
        gamma=rng.normal(size=q),
        w=rng.normal(size=(q, l)),
        theta=rng.normal(size=l),
    )


def test_textbook_forward_follows_eq_5_3_by_hand():
    # 2-2-1 with numbers small enough to check by hand
    net = TextbookNet(
        v=[[1.0, -1.0], [0.5, 0.5]], gamma=[0.25, -0.25], w=[[2.0], [-1.0]], theta=[0.5]
    )
    x = np.array([1.0, 2.0])
    fw = net.forward(x)
    alpha = np.array([1 * 1 + 2 * 0.5, 1 * -1 + 2 * 0.5])  # Σ_i v_ih x_i
    b = 1 / (1 + np.exp(-(alpha - [0.25, -0.25])))
    beta = np.array([2 * b[0] - b[1]])
    y_hat = 1 / (1 + np.exp(-(beta - 0.5)))
    np.testing.assert_allclose(fw.alpha, alpha)
    np.testing.assert_allclose(fw.b, b)
    np.testing.assert_allclose(fw.beta, beta)
    np.testing.assert_allclose(fw.y_hat, y_hat)
    assert fw.alpha.shape == (2,) and fw.y_hat.shape == (1,)


@pytest.mark.parametrize("d,q,l", [(2, 2, 1), (2, 3, 1), (3, 2, 2), (4, 5, 3)])
def test_textbook_gradients_equal_central_differences(d, q, l):
    rng = np.random.default_rng(d * 100 + q * 10 + l)
    net = random_textbook(rng, d, q, l)
    x, y = rng.normal(size=d), rng.uniform(size=l)
    gr = net.gradients(x, y)

    def E(v, gamma, w, theta):
        return 0.5 * np.sum((TextbookNet(v, gamma, w, theta).forward(x).y_hat - y) ** 2)

    params = dict(v=net.v, gamma=net.gamma, w=net.w, theta=net.theta)
    for name, value in params.items():

        def f(p, name=name):
            return E(**{**params, name: p})

        numeric = bpcore.numeric_gradient(f, value)
        err = bpcore.relative_error(getattr(gr, name), numeric)
        assert err.max() < 1e-7, (name, err.max())
        assert getattr(gr, name).shape == value.shape


def test_textbook_g_e_and_deltas_are_the_closed_forms():
    rng = np.random.default_rng(7)
    net = random_textbook(rng, 3, 4, 2)
    x, y = rng.normal(size=3), rng.uniform(size=2)
    eta = 0.3
    fw, gr, up = net.forward(x), net.gradients(x, y), net.updates(x, y, eta)
    g = fw.y_hat * (1 - fw.y_hat) * (y - fw.y_hat)  # eq. 5.10
    e = fw.b * (1 - fw.b) * (net.w @ g)  # eq. 5.15
    np.testing.assert_allclose(gr.g, g)
    np.testing.assert_allclose(gr.e, e)
    np.testing.assert_allclose(up.w, eta * np.outer(fw.b, g))  # Δw_hj = η g_j b_h
    np.testing.assert_allclose(up.theta, -eta * g)  # Δθ_j = −η g_j
    np.testing.assert_allclose(up.v, eta * np.outer(x, e))  # Δv_ih = η e_h x_i
    np.testing.assert_allclose(up.gamma, -eta * e)  # Δγ_h = −η e_h


def test_textbook_view_agrees_with_generic_engine():
    # two independent code paths: the textbook equations and the layer-by-layer backward pass
    rng = np.random.default_rng(11)
    net = random_textbook(rng, 3, 4, 2)
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    gr = net.gradients(X, Y)
    gen = net.network.gradients(X, Y, reduction="mean")
    np.testing.assert_allclose(gen.layers[0].W, gr.v, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(gen.layers[0].offset, gr.gamma, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(gen.layers[1].W, gr.w, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(gen.layers[1].offset, gr.theta, rtol=1e-12, atol=1e-15)
    # g = −∂E/∂β per sample and e = −∂E/∂α (the engine's delta, scaled by m for the mean)
    np.testing.assert_allclose(-gen.layers[1].delta * 5, gr.g, rtol=1e-12)
    np.testing.assert_allclose(-gen.layers[0].delta * 5, gr.e, rtol=1e-12)


def test_textbook_batch_is_mean_of_single_samples():
    rng = np.random.default_rng(5)
    net = random_textbook(rng, 2, 3, 2)
    X, Y = rng.normal(size=(4, 2)), rng.uniform(size=(4, 2))
    batch = net.updates(X, Y, eta=0.5)
    singles = [net.updates(x, y, eta=0.5) for x, y in zip(X, Y)]
    for name in ("v", "gamma", "w", "theta"):
        np.testing.assert_allclose(
            getattr(batch, name), np.mean([getattr(s, name) for s in singles], axis=0)
        )
    fw = net.forward(X)
    assert fw.alpha.shape == (4, 3) and fw.y_hat.shape == (4, 2)
    assert net.gradients(X, Y).g.shape == (4, 2)


def test_textbook_parameter_count():
    net = TextbookNet(np.zeros((3, 4)), np.zeros(4), np.zeros((4, 2)), np.zeros(2))
    assert net.n_params == (3 + 2 + 1) * 4 + 2 == net.network.spec.n_params


def test_textbook_updated_applies_deltas_and_keeps_original():
    rng = np.random.default_rng(2)
    net = random_textbook(rng, 2, 2, 1)
    v0 = net.v.copy()
    x, y = np.array([0.5, -1.0]), np.array([1.0])
    new = net.updated(x, y, eta=0.1)
    np.testing.assert_array_equal(net.v, v0)
    np.testing.assert_allclose(new.v, v0 + net.updates(x, y, 0.1).v)


SHAPES = [(1, 1), (2, 2, 1), (3, 4, 2), (2, 5, 4, 3), (4, 3, 3, 3, 2)]


CASES = list(itertools.product(SHAPES, ["bias", "threshold"], ["sigmoid", "tanh"], ["mean", "sum"]))


@pytest.mark.parametrize("case", range(len(CASES)))
def test_generic_gradients_equal_central_differences(case):
    sizes, offset_kind, activation, reduction = CASES[case]
    rng = np.random.default_rng(case)
    net = Network.from_sizes(
        sizes,
        activation=activation,
        output_activation="sigmoid",
        offset_kind=offset_kind,
        rng=rng,
        scale=1.0,
    )
    X, Y = rng.normal(size=(3, sizes[0])), rng.uniform(size=(3, sizes[-1]))
    # 4th-order stencil: random nets have components near 1e-6 whose ε² error would dominate
    report = bpcore.check_gradients(net, X, Y, reduction=reduction, order=4)
    assert_gradcheck(report)
    # the plain 2nd-order check agrees too, within what its truncation error allows
    plain = bpcore.check_gradients(net, X, Y, reduction=reduction)
    np.testing.assert_allclose(plain.analytic, plain.numeric, rtol=1e-6, atol=1e-8)


def assert_gradcheck(report, rtol=1e-7):
    """Relative error below `rtol` on every component that is not tiny.

    Rounding noise of a difference quotient is about 1e-16·|E|/ε ≈ 1e-13 absolute, so a
    component of size 1e-7 cannot be checked to a relative 1e-7; components below 1e-4 of the
    largest one are held to an absolute 1e-11 instead.
    """
    scale = np.abs(report.analytic).max()
    big = np.abs(report.analytic) >= 1e-4 * scale
    assert report.error[big].max() < rtol, report.names[
        int(np.argmax(np.where(big, report.error, 0)))
    ]
    np.testing.assert_allclose(report.analytic[~big], report.numeric[~big], rtol=0, atol=1e-11)


def test_identity_layers_and_relu_gradients():
    rng = np.random.default_rng(9)
    net = Network(
        [
            Layer(rng.normal(size=(3, 4)), rng.normal(size=4), "relu", "bias"),
            Layer(rng.normal(size=(4, 2)), rng.normal(size=2), "identity", "threshold"),
        ]
    )
    X, Y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    assert_gradcheck(bpcore.check_gradients(net, X, Y, order=4))


def test_offset_sign_conventions():
    bias = Layer([[0.0]], [2.0], "identity", "bias")
    threshold = Layer([[0.0]], [2.0], "identity", "threshold")
    assert bias.forward(np.array([[1.0]])).z[0, 0] == 2.0  # f(net + b)
    assert threshold.forward(np.array([[1.0]])).z[0, 0] == -2.0  # f(β − θ)


def test_flat_roundtrip_and_copy_independence():
    net = Network.from_sizes((3, 4, 2), rng=0)
    vec = net.flat()
    assert vec.shape == (net.spec.n_params,) == ((3 + 1) * 4 + (4 + 1) * 2,)
    clone = net.with_flat(vec)
    np.testing.assert_array_equal(clone.flat(), vec)
    clone.layers[0].W[0, 0] += 1.0
    assert net.layers[0].W[0, 0] == vec[0]
    # layout: W1 row-major, then offset1, then W2, offset2
    np.testing.assert_array_equal(vec[:12], net.layers[0].W.ravel())
    np.testing.assert_array_equal(vec[12:16], net.layers[0].offset)


def test_from_sizes_is_deterministic_for_a_seed():
    a = Network.from_sizes((2, 3, 1), rng=42).flat()
    b = Network.from_sizes((2, 3, 1), rng=42).flat()
    c = Network.from_sizes((2, 3, 1), rng=43).flat()
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_threshold_and_bias_nets_of_one_seed_share_numbers_not_the_network():
    """Lesson 10's playground (thresholds) and lessons 00/09 (biases) draw the same numbers
    from seed 0, but a threshold is subtracted: f(α − r) against f(α + r)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    bias = Network.from_sizes((2, 3, 1), rng=0)
    threshold = Network.from_sizes((2, 3, 1), rng=0, offset_kind="threshold")
    np.testing.assert_array_equal(bias.flat(), threshold.flat())
    flipped = Network([Layer(L.W, -L.offset, L.activation, "bias") for L in threshold.layers])
    np.testing.assert_allclose(flipped.predict(X), threshold.predict(X), rtol=0, atol=1e-15)
    assert abs(bias.loss(X, Y) - threshold.loss(X, Y)) > 1e-3


def test_predict_shapes():
    net = Network.from_sizes((2, 3, 2), rng=0)
    assert net.predict(np.zeros(2)).shape == (2,)
    assert net.predict(np.zeros((5, 2))).shape == (5, 2)


def test_generic_updates_are_minus_eta_times_gradients():
    rng = np.random.default_rng(12)
    net = Network.from_sizes((3, 2, 2), offset_kind="threshold", rng=rng)
    X, Y = rng.normal(size=(2, 3)), rng.uniform(size=(2, 2))
    grads = net.gradients(X, Y)
    ups = net.updates(X, Y, eta=0.25)
    for (dW, doff), g in zip(ups, grads.layers):
        np.testing.assert_array_equal(dW, -0.25 * g.W)
        np.testing.assert_array_equal(doff, -0.25 * g.offset)
    frozen = net.updates(X, Y, eta=0.25, train_offsets=False)
    assert all(np.all(doff == 0) for _, doff in frozen)


@pytest.mark.parametrize("loss", ["half_sse", "binary_cross_entropy"])
def test_batch_passes_are_the_checked_passes_without_checks(loss):
    """bpcore.network.batch_forward / batch_backward (the engine's public unchecked passes)
    give exactly what Network.forward / backward give, and their gradient is the central
    difference of the loss (eps = 1e-5)."""
    from bpcore.network import batch_backward, batch_forward

    rng = np.random.default_rng(5)
    net = Network.from_sizes((3, 4, 2, 1), rng=3, activation="tanh", output_activation="sigmoid")
    X, Y = rng.normal(size=(6, 3)), rng.uniform(size=(6, 1))
    trace = batch_forward(net, X)
    np.testing.assert_array_equal(trace.output, net.forward(X).output)
    g = batch_backward(net, trace, Y, "sum", loss)
    np.testing.assert_array_equal(g.flat(), net.backward(net.forward(X), Y, "sum", loss).flat())
    # the private aliases stay for one release
    np.testing.assert_array_equal(net._backward(net._forward(X), Y, "sum", loss).flat(), g.flat())
    p, eps = net.flat(), 1e-5
    numeric = [
        (net.with_flat(p + eps * e).loss(X, Y, "sum", loss)
         - net.with_flat(p - eps * e).loss(X, Y, "sum", loss)) / (2 * eps)
        for e in np.eye(p.size)
    ]  # fmt: skip
    np.testing.assert_allclose(g.flat(), numeric, rtol=1e-6, atol=1e-9)


def test_the_engine_modules_stay_one_concept_each():
    # Issue 15: one concept per module, at most ~600 lines. The batch passes live in
    # bpcore.passes and stay importable from bpcore.network, where they were first.
    from pathlib import Path

    import bpcore.network
    import bpcore.passes

    for module in (bpcore.network, bpcore.passes):
        assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) <= 600
    for name in ("batch_forward", "batch_backward", "Trace", "LayerTrace", "Gradients"):
        assert getattr(bpcore.network, name) is getattr(bpcore.passes, name)
