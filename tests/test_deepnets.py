"""bpcore.deepnets: gradient norms per layer against central differences, σ′ ≤ ¼ by SymPy and
on a grid, the per-layer bound ‖δ⁽ˡ⁾‖ ≤ ¼‖δ⁽ˡ⁺¹⁾‖‖W⁽ˡ⁺¹⁾‖₂ of a sigmoid net, the Xavier/He
variance argument measured on wide layers, and the two symmetries of tutorial 001's start."""

import numpy as np
import pytest

import bpcore
from bpcore import deepnets
from bpcore.activations import sigmoid_prime
from bpcore.gradcheck import numeric_gradient


def _data(d, m=8, seed=3):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(m, d)), rng.uniform(size=(m, 1))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_layer_gradient_norms_match_central_differences(activation):
    net = deepnets.deep_network((3, 4, 4, 4, 1), activation=activation, init="he", rng=1)
    X, Y = _data(3)
    p0 = net.flat()
    numeric = numeric_gradient(lambda p: net.with_flat(p).loss(X, Y), p0, eps=1e-4)
    norms, start = [], 0
    for layer in net.layers:
        n_w = layer.W.size
        norms.append(np.linalg.norm(numeric[start : start + n_w]))
        start += n_w + layer.offset.size
    np.testing.assert_allclose(deepnets.layer_gradient_norms(net, X, Y), norms, rtol=1e-6)


def test_sigmoid_prime_is_at_most_a_quarter():
    bound = deepnets.sigmoid_prime_bound()
    assert bound["max"] == bpcore_quarter()
    assert bound["critical"] == [0]
    assert bound["limit"] == (0, 0)
    z = np.linspace(-20, 20, 40001)  # the grid contains z = 0
    assert sigmoid_prime(z).max() == pytest.approx(0.25, abs=1e-15)
    assert np.all(sigmoid_prime(z) <= 0.25)


def bpcore_quarter():
    import sympy as sp

    return sp.Rational(1, 4)


def test_sigmoid_deltas_shrink_by_at_most_a_quarter_per_layer():
    # δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ′(z⁽ˡ⁾) and 0 < σ′ ≤ ¼ ⇒ ‖δ⁽ˡ⁾‖_F ≤ ¼ ‖δ⁽ˡ⁺¹⁾‖_F ‖W⁽ˡ⁺¹⁾‖₂
    net = deepnets.deep_network((5, *[16] * 8, 1), activation="sigmoid", init="xavier", rng=0)
    X, Y = _data(5, m=32)
    grads = net.gradients(X, Y)
    for lower, upper, layer in zip(grads.layers, grads.layers[1:], net.layers[1:]):
        bound = 0.25 * np.linalg.norm(upper.delta) * np.linalg.norm(layer.W, 2)
        assert np.linalg.norm(lower.delta) <= bound
    norms = deepnets.layer_gradient_norms(net, X, Y)
    assert norms[0] < 1e-3 * norms[-2]  # the first layer learns far slower than the last hidden


def test_xavier_keeps_a_linear_nets_scale_and_he_keeps_relus():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(400, 256))  # E[x²] = 1
    # linear layers: Var(a) = n_in·Var(w)·E[x²] = E[x²] with Var(w) = 1/n_in (Xavier, gain 1)
    lin = deepnets.deep_network(
        (256,) * 6, activation="identity", output_activation="identity", init="xavier", rng=1
    )
    np.testing.assert_allclose(deepnets.activation_scales(lin, X), 1.0, rtol=0.1)
    # ReLU: E[relu(z)²] = Var(z)/2, so He's Var(w) = 2/n_in gives Var(z) = n_in·(2/n_in)·E[out²]
    # = 2·E[out²] and E[relu(z)²] = E[out²]: the outputs' RMS stays at the input's, 1
    he = deepnets.deep_network(
        (256,) * 6, activation="relu", output_activation="relu", init="he", rng=1
    )
    np.testing.assert_allclose(deepnets.activation_scales(he, X), 1.0, rtol=0.1)
    # Xavier with ReLU halves Var(z) in every layer: RMS falls by 1/√2 per layer
    xa = deepnets.deep_network(
        (256,) * 6, activation="relu", output_activation="relu", init="xavier", rng=1
    )
    ratios = deepnets.activation_scales(xa, X)[1:] / deepnets.activation_scales(xa, X)[:-1]
    np.testing.assert_allclose(ratios, np.sqrt(0.5), rtol=0.1)


def _t001(activation="sigmoid"):
    net = bpcore.examples.get("t001_xor").network
    return bpcore.Network(
        [
            bpcore.Layer(la.W, la.offset, activation if k == 0 else la.activation, "bias")
            for k, la in enumerate(net.layers)
        ]
    )


def test_all_ones_start_on_xor_keeps_both_symmetries():
    ex = bpcore.examples.get("t001_xor")
    net = _t001()
    assert np.allclose(
        deepnets.swap_inputs(ex.X)[np.lexsort(deepnets.swap_inputs(ex.X).T)],
        ex.X[np.lexsort(ex.X.T)],
    )  # XOR's inputs are closed under x₁ ↔ x₂
    h = bpcore.train(net, ex.X, ex.Y, eta=0.5, epochs=500, mode="accumulated")
    assert deepnets.unit_spread(h.net) <= 1e-12
    assert deepnets.input_spread(h.net) <= 1e-12
    assert np.abs(h.net.layers[0].W - net.layers[0].W).max() > 1e-3  # it did move


def test_asymmetric_data_splits_the_inputs_but_not_the_units():
    # x₁ AND NOT x₂ changes under x₁ ↔ x₂: ∂E/∂v[1,h] = Σ e_h x₁ ≠ Σ e_h x₂ = ∂E/∂v[2,h]
    ex = bpcore.examples.get("t001_xor")
    Y = np.array([[0.0], [0.0], [1.0], [0.0]])
    h = bpcore.train(_t001(), ex.X, Y, eta=0.5, epochs=500, mode="accumulated")
    assert deepnets.input_spread(h.net) > 0.1
    assert deepnets.unit_spread(h.net) <= 1e-12  # equal units still get equal gradients


def test_equal_incoming_weights_alone_do_not_keep_units_equal():
    ex = bpcore.examples.get("t001_xor")
    net = _t001()
    net.layers[1].W = np.array([[1.0], [2.0], [3.0]])  # different outgoing weights
    h = bpcore.train(net, ex.X, ex.Y, eta=0.5, epochs=200, mode="accumulated")
    W = h.net.layers[0].W
    assert np.abs(W[:, 0] - W[:, 2]).max() > 1e-2


def test_bad_input():
    with pytest.raises(bpcore.InputError, match="init"):
        deepnets.deep_network((2, 1), init="lecun")
    with pytest.raises(bpcore.InputError, match="init"):
        deepnets.init_std(3, -1.0)
    with pytest.raises(bpcore.InputError, match="sizes"):
        deepnets.deep_network((2,))
    with pytest.raises(bpcore.InputError, match="X"):
        deepnets.swap_inputs([[1.0], [2.0]])


def test_exercise_checkers():
    from bpcore import vanishing_exercises as ex

    # He: Var(w) = 2/n_in (derived in test_xavier_keeps_a_linear_nets_scale_and_he_keeps_relus)
    assert ex.check_he_std(lambda n: np.sqrt(2 / n)).verdict == "right"
    assert ex.check_he_std(lambda n: np.sqrt(1 / n)).verdict == "wrong"  # Xavier's
    assert ex.check_he_std(lambda n: 1 / 0).verdict == "wrong"
    assert ex.check_sigmoid_shrink(lambda L: 0.25**L).verdict == "right"
    assert ex.check_sigmoid_shrink(lambda L: 0.25 * L).verdict == "wrong"
    assert ex.check_sigmoid_shrink(None).verdict == "missing"
