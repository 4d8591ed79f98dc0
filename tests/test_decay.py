"""Weight decay (西瓜书 eq. 5.17): the objective, its gradient against central differences,
and bpcore.train(lam=...) descending exactly that gradient."""

import numpy as np
import pytest

import bpcore
from bpcore import InputError, Network, TextbookNet, decay, numeric_gradient

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def textbook(seed=0):
    rng = np.random.default_rng(seed)
    return TextbookNet(
        rng.normal(size=(2, 3)), rng.normal(size=3), rng.normal(size=(3, 1)), rng.normal(size=1)
    )


def test_penalty_is_the_sum_of_squares_of_weights_and_thresholds():
    net = textbook(1)
    by_hand = sum(float(np.sum(a**2)) for a in (net.v, net.gamma, net.w, net.theta))
    assert decay.penalty(net) == pytest.approx(by_hand, rel=1e-15)
    assert decay.penalty(net, offsets=False) == pytest.approx(
        float(np.sum(net.v**2) + np.sum(net.w**2)), rel=1e-15
    )


def test_objective_is_eq_5_17():
    # E = λ (1/m) Σ_k E_k + (1 − λ) Σ_i w_i², E_k = ½ Σ_j (ŷ_j − y_j)², written out here
    net, lam = textbook(2), 0.7
    y_hat = net.forward(XOR_X).y_hat
    E_k = 0.5 * np.sum((y_hat - XOR_Y) ** 2, axis=1)
    w2 = np.sum(net.network.flat() ** 2)
    assert decay.objective(net, XOR_X, XOR_Y, lam) == pytest.approx(
        lam * E_k.mean() + (1 - lam) * w2, rel=1e-14
    )


@pytest.mark.parametrize("lam", [0.3, 0.9, 0.999, 1.0])
@pytest.mark.parametrize("offsets", [True, False])
def test_gradient_matches_central_differences(lam, offsets):
    net = Network.from_sizes((2, 3, 1), rng=3, offset_kind="threshold")

    def E(p):
        return decay.objective(net.with_flat(p), XOR_X, XOR_Y, lam, offsets=offsets)

    numeric = numeric_gradient(E, net.flat(), eps=1e-4)
    exact = decay.gradients(net, XOR_X, XOR_Y, lam, offsets=offsets).flat()
    err = bpcore.relative_error(exact, numeric)
    assert err.max() < 1e-7, err


def test_gradient_of_a_deeper_biased_net_with_cross_entropy():
    net = Network.from_sizes((2, 4, 3, 1), rng=4)

    def E(p):
        return decay.objective(net.with_flat(p), XOR_X, XOR_Y, 0.8, loss="binary_cross_entropy")

    numeric = numeric_gradient(E, net.flat())
    exact = decay.gradients(net, XOR_X, XOR_Y, 0.8, loss="binary_cross_entropy").flat()
    assert bpcore.relative_error(exact, numeric).max() < 1e-7


@pytest.mark.parametrize("mode", ["standard", "accumulated", "minibatch"])
def test_train_descends_the_regularised_objective(mode):
    # one hand-rolled loop: θ ← θ − η ∇(λ E_batch + (1 − λ) Σ w²), the gradient from the
    # objective's central differences (an oracle independent of the backward pass)
    net, lam, eta = Network.from_sizes((2, 3, 1), rng=5), 0.9, 0.5
    B = {"standard": 1, "accumulated": 4, "minibatch": 3}[mode]
    h = bpcore.train(net, XOR_X, XOR_Y, eta=eta, epochs=2, mode=mode, batch_size=B, lam=lam)
    p = net.flat()
    for _ in range(2):
        for s in range(0, 4, B):
            Xb, Yb = XOR_X[s : s + B], XOR_Y[s : s + B]

            def E(q, Xb=Xb, Yb=Yb):
                return decay.objective(net.with_flat(q), Xb, Yb, lam)

            grad = numeric_gradient(E, p)
            p = p - eta * grad
    np.testing.assert_allclose(h.net.flat(), p, atol=1e-9)
    assert h.settings["lam"] == lam
    # history.loss is the error alone, without the penalty
    assert h.final_loss == pytest.approx(h.net.loss(XOR_X, XOR_Y), rel=1e-12)


def test_frozen_offsets_are_neither_trained_nor_decayed():
    net = textbook(6)
    h = bpcore.train(net, XOR_X, XOR_Y, eta=0.5, epochs=3, lam=0.5, train_offsets=False)
    np.testing.assert_array_equal(h.net.gamma, net.gamma)
    np.testing.assert_array_equal(h.net.theta, net.theta)


def test_lam_one_is_plain_bp_and_decay_shrinks_the_weights():
    net = Network.from_sizes((2, 3, 1), rng=7)
    plain = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=300)
    same = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=300, lam=1.0)
    np.testing.assert_array_equal(plain.net.flat(), same.net.flat())
    decayed = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=300, lam=0.95)
    assert decay.penalty(decayed.net) < decay.penalty(plain.net)


def test_a_weight_with_zero_error_gradient_decays_geometrically():
    # identity output, x = 0: ∂E/∂W = 0, so W ← W − η·2(1 − λ)W = (1 − 2η(1 − λ))·W
    net = Network([bpcore.Layer([[2.0]], [0.0], "identity")])
    X, Y = np.array([[0.0]]), np.array([[0.0]])
    h = bpcore.train(net, X, Y, eta=0.1, epochs=10, lam=0.9, train_offsets=False)
    assert h.net.layers[0].W[0, 0] == pytest.approx(2.0 * decay.decay_factor(0.1, 0.9) ** 10)


def test_fast_path_refuses_decay_and_auto_falls_back():
    net = Network.from_sizes((2, 3, 1), rng=0)
    with pytest.raises(InputError, match="weight decay"):
        bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=2, lam=0.9, fast=True)
    h = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=6000, lam=0.9, fast="auto")
    assert h.settings["fast"] is False


@pytest.mark.parametrize("bad", [0, 0.0, -0.1, 1.5, "0.9", True, float("nan")])
def test_bad_lam_is_refused_in_both_languages(bad):
    with pytest.raises(InputError) as err:
        bpcore.train(Network.from_sizes((2, 1), rng=0), XOR_X, XOR_Y, eta=1.0, epochs=1, lam=bad)
    assert "lam" in err.value.en and "0 < lam ≤ 1" in err.value.en
    assert "式5.17" in err.value.zh
