"""The perceptron of tutorial 002: ŷ = f(Σ w_i x_i − θ), θ as the weight of a dummy input −1."""

import numpy as np
import pytest

from bpcore import InputError
from bpcore.perceptron import AND_X, AND_Y, predict, step, train_perceptron, with_dummy

XOR_Y = np.array([0.0, 1.0, 1.0, 0.0])


def test_step_is_one_from_zero_up():
    assert step(np.array([-1e-12, 0.0, 3.0])).tolist() == [0.0, 1.0, 1.0]


def test_dummy_input_carries_the_threshold():
    # Σ w_i x_i − θ equals w̃ · x̃ with x̃ = (x, −1), w̃ = (w, θ)
    w, theta = np.array([0.7, -0.2]), 0.4
    X = np.array([[1.0, 2.0], [-3.0, 0.5]])
    assert np.allclose(with_dummy(X) @ np.append(w, theta), X @ w - theta)
    assert with_dummy(X)[:, -1].tolist() == [-1.0, -1.0]


def test_textbook_and_weights_compute_and():
    # Zhou Zhihua §5.2: w1 = w2 = 1, θ = 2 realises x1 ∧ x2
    assert predict([1.0, 1.0], 2.0, AND_X).tolist() == AND_Y.tolist()


def test_perceptron_learns_and():
    h = train_perceptron(AND_X, AND_Y)
    assert h.converged
    assert h.mistakes[-1] == 0
    assert h.predict(AND_X).tolist() == AND_Y.tolist()
    # the history has one row per epoch plus the start
    assert h.w.shape == (h.epochs_run + 1, 2)
    assert h.theta.shape == (h.epochs_run + 1,)
    assert h.w[0].tolist() == [0.0, 0.0] and h.theta[0] == 0.0
    # it stopped at the first epoch without a mistake, so that epoch changed nothing
    assert np.array_equal(h.w_tilde[-1], h.w_tilde[-2])
    assert all(m > 0 for m in h.mistakes[1:-1])


def test_first_epoch_by_hand():
    # From w̃ = 0, η = 0.5, samples in order (0,0), (0,1), (1,0), (1,1):
    # (0,0): z = 0 → ŷ = 1, y = 0: w̃ += 0.5·(−1)·(0, 0, −1) → θ = 0.5
    # (0,1), (1,0): z = −0.5 → ŷ = 0 = y: no change
    # (1,1): z = −0.5 → ŷ = 0, y = 1: w̃ += 0.5·(1, 1, −1) → w = (0.5, 0.5), θ = 0
    h = train_perceptron(AND_X, AND_Y, eta=0.5)
    assert h.w[1].tolist() == [0.5, 0.5]
    assert h.theta[1] == 0.0
    assert h.mistakes[1] == 2


def test_batch_mode_learns_and():
    h = train_perceptron(AND_X, AND_Y, mode="batch", eta=1.0)
    assert h.converged
    assert h.predict(AND_X).tolist() == AND_Y.tolist()


def test_custom_start():
    h = train_perceptron(AND_X, AND_Y, w=[1.0, 1.0], theta=2.0)
    # already right: one epoch without a mistake, nothing moves
    assert h.converged and h.epochs_run == 1
    assert h.w[-1].tolist() == [1.0, 1.0] and h.theta[-1] == 2.0
    assert h.mistakes.tolist() == [0, 0]


def test_xor_is_never_learned():
    h = train_perceptron(AND_X, XOR_Y, max_epochs=50)
    assert not h.converged
    assert h.epochs_run == 50
    assert h.mistakes[-1] > 0


@pytest.mark.parametrize(
    "kwargs, word",
    [
        (dict(X=AND_X, y=[0, 1, 2, 0]), "y"),
        (dict(X=AND_X, y=AND_Y, eta=0.0), "eta"),
        (dict(X=AND_X, y=AND_Y, mode="online"), "mode"),
        (dict(X=AND_X, y=AND_Y[:3]), "same number"),
        (dict(X=AND_X, y=AND_Y, w=[1.0]), "w"),
        (dict(X=AND_X, y=AND_Y, max_epochs=0), "max_epochs"),
    ],
)
def test_bad_input_is_explained_in_both_languages(kwargs, word):
    with pytest.raises(InputError) as info:
        train_perceptron(**kwargs)
    assert word in info.value.en
    assert info.value.zh and info.value.zh != info.value.en
