"""Cross-entropy losses, softmax, the paired output delta ŷ − y, and the loss option of the
engine, against central differences (eps = 1e-4) and closed forms derived in comments."""

import warnings

import numpy as np
import pytest

import bpcore
from bpcore import InputError, Network, TextbookNet, train
from bpcore.activations import ACTIVATIONS, softmax, softmax_backward
from bpcore.gradcheck import check_gradients
from bpcore.losses import (
    LOSSES,
    binary_cross_entropy,
    binary_cross_entropy_grad,
    binary_cross_entropy_logits,
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_logits,
    get_loss,
    output_delta,
)


def one_hot(labels, l):
    return np.eye(l)[labels]


def test_binary_cross_entropy_closed_forms():
    # −ln ½ = ln 2 for ŷ = ½ whatever the target; −ln 0.8 for ŷ = 0.2, y = 0
    assert binary_cross_entropy(np.array([0.5]), np.array([0.0])) == pytest.approx(np.log(2))
    assert binary_cross_entropy(np.array([[0.2]]), np.array([[0.0]])) == pytest.approx(
        -np.log(0.8), rel=1e-15
    )
    y_hat, y = np.array([[0.2, 0.9], [0.6, 0.3]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    per = -np.log([0.8 * 0.9, 0.6 * 0.7])
    np.testing.assert_allclose(binary_cross_entropy(y_hat, y, "none"), per, rtol=1e-14)
    assert binary_cross_entropy(y_hat, y, "sum") == pytest.approx(per.sum(), rel=1e-14)
    assert binary_cross_entropy(y_hat, y, "mean") == pytest.approx(per.mean(), rel=1e-14)


def test_logits_forms_equal_the_probability_forms():
    rng = np.random.default_rng(0)
    z = rng.normal(scale=3, size=(6, 4))
    y01 = rng.uniform(size=(6, 4))
    np.testing.assert_allclose(
        binary_cross_entropy_logits(z, y01, "none"),
        binary_cross_entropy(bpcore.sigmoid(z), y01, "none"),
        rtol=1e-12,
    )
    labels = one_hot(rng.integers(0, 4, size=6), 4)
    np.testing.assert_allclose(
        cross_entropy_logits(z, labels, "none"),
        cross_entropy(softmax(z), labels, "none"),
        rtol=1e-12,
    )


def test_no_warnings_and_finite_at_extreme_inputs():
    z = np.array([[-1e6, 1e6, 0.0], [700.0, -700.0, 1e300]])
    y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = softmax(z)
        np.testing.assert_allclose(s.sum(axis=1), 1.0)
        # −ln σ(−1e6) = 1e6 exactly in logits form: softplus(1e6) − 0 … ≈ 1e6
        assert binary_cross_entropy_logits(np.array([-1e6]), np.array([1.0])) == 1e6
        assert np.isfinite(binary_cross_entropy_logits(z, y))
        assert np.isfinite(cross_entropy_logits(z, y))
        # outputs rounded to exactly 0 and 1: clipped, large but finite
        for f in (binary_cross_entropy, binary_cross_entropy_grad):
            assert np.all(np.isfinite(f(bpcore.sigmoid(z), y)))
        for f in (cross_entropy, cross_entropy_grad):
            assert np.all(np.isfinite(f(s, y)))


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_loss_gradients_match_central_differences(reduction):
    # ln has f‴ = 2/ŷ³: the 2-point stencil's eps²/6·f‴ error would be ~1e-6 near ŷ = 0.1,
    # so these use the 4-point stencil (error ~eps⁴), still with eps = 1e-4
    rng = np.random.default_rng(1)
    y_hat = rng.uniform(0.1, 0.9, size=(5, 3))
    y = rng.uniform(size=(5, 3))
    numeric = bpcore.numeric_gradient(
        lambda a: binary_cross_entropy(a, y, reduction), y_hat, order=4
    )
    np.testing.assert_allclose(binary_cross_entropy_grad(y_hat, y, reduction), numeric, rtol=1e-7)
    numeric = bpcore.numeric_gradient(lambda a: cross_entropy(a, y, reduction), y_hat, order=4)
    np.testing.assert_allclose(cross_entropy_grad(y_hat, y, reduction), numeric, rtol=1e-7)


def test_softmax_backward_is_the_jacobian_product():
    rng = np.random.default_rng(2)
    z, d_out = rng.normal(size=(1, 4)), rng.normal(size=(1, 4))
    # ∂(d_out · softmax(z))/∂z by central differences is the vector-Jacobian product
    numeric = bpcore.numeric_gradient(lambda v: float(d_out[0] @ softmax(v)), z[0])
    np.testing.assert_allclose(softmax_backward(softmax(z), d_out)[0], numeric, rtol=1e-7)


@pytest.mark.parametrize(
    "loss, act", [("binary_cross_entropy", "sigmoid"), ("cross_entropy", "softmax")]
)
def test_paired_output_delta_is_y_hat_minus_y_and_equals_the_chain_rule(loss, act):
    rng = np.random.default_rng(3)
    z = rng.normal(size=(4, 3))
    y = one_hot(rng.integers(0, 3, size=4), 3)
    a = ACTIVATIONS[act]
    out = a.f(z)
    paired = output_delta(loss, a, out, z, y, "sum")
    np.testing.assert_array_equal(paired, out - y)
    # the unsimplified chain rule ∂E/∂ŷ · ∂ŷ/∂z gives the same numbers away from saturation
    chain = a.delta(out, get_loss(loss).grad(out, y, "sum"))
    np.testing.assert_allclose(chain, out - y, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(output_delta(loss, a, out, z, y, "mean"), (out - y) / 4)


CASES = [
    ((2, 3, 1), "sigmoid", "sigmoid", "binary_cross_entropy"),
    ((3, 4, 2), "tanh", "sigmoid", "binary_cross_entropy"),
    ((4, 5, 3), "sigmoid", "softmax", "cross_entropy"),
    ((3, 4, 4, 5), "tanh", "softmax", "cross_entropy"),
    # unpaired: the engine multiplies ∂E/∂ŷ by the activation's derivative
    ((3, 4, 3), "sigmoid", "softmax", "half_sse"),
    ((2, 3, 2), "tanh", "softmax", "binary_cross_entropy"),
    ((2, 3, 3), "tanh", "sigmoid", "cross_entropy"),
]


@pytest.mark.parametrize("sizes, hidden, output, loss", CASES)
@pytest.mark.parametrize("offset_kind", ["bias", "threshold"])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_network_gradients_match_central_differences(
    sizes, hidden, output, loss, offset_kind, reduction
):
    rng = np.random.default_rng(sum(sizes))
    net = Network.from_sizes(
        sizes, activation=hidden, output_activation=output, offset_kind=offset_kind, rng=rng
    )
    X = rng.normal(size=(6, sizes[0]))
    l = sizes[-1]
    Y = one_hot(rng.integers(0, l, size=6), l) if l > 1 else rng.integers(0, 2, (6, 1)) * 1.0
    # 4-point central differences (eps = 1e-4; the 2-point stencil's truncation error reaches
    # ~5e-7 relative on the smallest entries). What is left is rounding, ~1e-16·E/eps ≈ 1e-11
    # absolute, against gradient entries down to ~5e-4: a relative 1e-7 at most
    result = check_gradients(net, X, Y, reduction, loss=loss, order=4)
    assert result.passed(1e-6), result.max_error


def test_textbook_net_cross_entropy_g_is_y_minus_y_hat_and_matches_the_engine():
    rng = np.random.default_rng(4)
    net = TextbookNet(
        rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
    )
    X, Y = rng.normal(size=(5, 3)), rng.integers(0, 2, size=(5, 2)) * 1.0
    gr = net.gradients(X, Y, loss="binary_cross_entropy")
    np.testing.assert_allclose(gr.g, Y - net.forward(X).y_hat, rtol=1e-15)
    engine = net.network.gradients(X, Y, "mean", "binary_cross_entropy")
    np.testing.assert_allclose(
        np.concatenate([gr.v.ravel(), gr.gamma, gr.w.ravel(), gr.theta]),
        engine.flat(),
        rtol=1e-12,
        atol=1e-15,
    )
    with pytest.raises(InputError, match="loss"):
        net.gradients(X, Y, loss="cross_entropy")


def test_network_loss_uses_the_logits_form_when_paired():
    net = Network.from_sizes((1, 1), activation="sigmoid", rng=0, scale=1.0)
    net.layers[0].W[:] = 1000.0
    net.layers[0].offset[:] = 0.0
    # ŷ = σ(1000) rounds to 1.0; with y = 0 the exact loss is softplus(1000) = 1000
    assert net.loss([[1.0]], [[0.0]], loss="binary_cross_entropy") == pytest.approx(1000.0)
    assert net.loss([[1.0]], [[0.0]]) == pytest.approx(0.5)


def test_train_with_cross_entropy_learns_and_records_its_loss():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(30, 2))
    labels = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0).astype(int)  # 3 classes
    Y = one_hot(labels, 3)
    net = Network.from_sizes((2, 6, 3), activation="tanh", output_activation="softmax", rng=0)
    h = train(net, X, Y, eta=0.5, epochs=300, mode="minibatch", batch_size=10, loss="cross_entropy")
    assert h.settings["loss"] == "cross_entropy"
    assert h.loss[0] == pytest.approx(net.loss(X, Y, loss="cross_entropy"), rel=1e-14)
    assert h.final_loss == pytest.approx(h.net.loss(X, Y, loss="cross_entropy"), rel=1e-14)
    assert h.final_loss < h.loss[0] / 4
    assert np.mean(h.net.predict(X).argmax(axis=1) == labels) > 0.9


def test_fast_path_refuses_cross_entropy_and_softmax_clearly():
    X, Y = np.zeros((4, 2)), np.zeros((4, 1))
    net = Network.from_sizes((2, 2, 1), rng=0)
    with pytest.raises(InputError, match=r"fast=True.*half_sse") as info:
        train(net, X, Y, eta=1.0, epochs=1, fast=True, loss="binary_cross_entropy")
    assert "fast=True" in info.value.zh
    soft = Network.from_sizes((2, 2, 2), output_activation="softmax", rng=0)
    with pytest.raises(InputError, match="softmax"):
        train(soft, X, np.zeros((4, 2)), eta=1.0, epochs=1, fast=True)
    with pytest.raises(InputError, match="loss"):
        train(net, X, Y, eta=1.0, epochs=1, loss="hinge")


def test_loss_registry_names_its_pairs():
    assert {n: s.canonical for n, s in LOSSES.items()} == {
        "half_sse": "identity",
        "binary_cross_entropy": "sigmoid",
        "cross_entropy": "softmax",
    }
