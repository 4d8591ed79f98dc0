"""Bad input raises a ValueError (InputError) naming the argument, what it got and what was
expected, in English and in Chinese."""

import numpy as np
import pytest

import bpcore
from bpcore import InputError, Network, TextbookNet

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def net():
    return Network.from_sizes((2, 3, 1), rng=0)


def raises(fn, *fragments):
    with pytest.raises(ValueError) as info:
        fn()
    err = info.value
    assert isinstance(err, InputError)
    text = str(err)
    for fragment in fragments:
        assert fragment in text, (fragment, text)
    zh, en = text.split("\n")  # Chinese first, the order of bpcore.i18n.LANGS
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en), en
    assert (zh, en) == (err.zh, err.en) and err.key.startswith("err.")
    return err


@pytest.mark.parametrize("eta", [0, -0.1, float("nan"), float("inf"), "0.1", None, True])
def test_bad_learning_rate(eta):
    raises(lambda: bpcore.train(net(), X, Y, eta=eta, epochs=1), "eta", "greater than 0", "大于 0")


def test_wrong_shapes_name_the_argument_and_both_shapes():
    raises(lambda: bpcore.train(net(), X[:, :1], Y, eta=0.1, epochs=1), "X", "(4, 1)", "2 feature")
    raises(lambda: bpcore.train(net(), X, Y[:3], eta=0.1, epochs=1), "Y", "(4, 1)", "(3, 1)")
    raises(lambda: bpcore.train(net(), X, np.zeros((4, 2)), eta=0.1, epochs=1), "Y", "(4, 2)")
    raises(
        lambda: TextbookNet(np.zeros((2, 3)), np.zeros(2), np.zeros((3, 1)), np.zeros(1)),
        "gamma",
        "(3,)",
    )
    raises(
        lambda: TextbookNet(np.zeros((2, 3)), np.zeros(3), np.zeros((2, 1)), np.zeros(1)),
        "w",
        "(3, any)",
    )
    raises(lambda: bpcore.Layer(np.zeros(3), np.zeros(3)), "W", "2-D")
    raises(
        lambda: Network(
            [
                bpcore.Layer(np.zeros((2, 3)), np.zeros(3)),
                bpcore.Layer(np.zeros((2, 1)), np.zeros(1)),
            ]
        ),
        "layer 1",
        "3 outputs",
    )


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_data(bad):
    Xb = X.copy()
    Xb[1, 1] = bad
    raises(lambda: bpcore.train(net(), Xb, Y, eta=0.1, epochs=1), "X", "finite", "1 NaN")
    Yb = Y.copy()
    Yb[0, 0] = bad
    raises(lambda: net().loss(X, Yb), "Y", "finite")


def test_empty_data():
    raises(
        lambda: bpcore.train(net(), np.zeros((0, 2)), np.zeros((0, 1)), eta=0.1, epochs=1),
        "X",
        "empty",
        "不能为空",
    )


@pytest.mark.parametrize("batch_size", [0, 5, -1, 2.5])
def test_bad_batch_size(batch_size):
    raises(
        lambda: bpcore.train(
            net(), X, Y, eta=0.1, epochs=1, mode="minibatch", batch_size=batch_size
        ),
        "batch_size",
        "at most 4",
    )


def test_minibatch_without_batch_size():
    raises(lambda: bpcore.train(net(), X, Y, eta=0.1, epochs=1, mode="minibatch"), "batch_size")


@pytest.mark.parametrize("epochs", [0, -3, 1.5, "10"])
def test_bad_epochs(epochs):
    raises(lambda: bpcore.train(net(), X, Y, eta=0.1, epochs=epochs), "epochs", "integer")


def test_integer_parameter_arrays_are_refused():
    err = raises(
        lambda: TextbookNet(np.ones((2, 2), dtype=int), np.zeros(2), np.zeros((2, 1)), np.zeros(1)),
        "v",
        "floating-point",
        "int",
    )
    assert "1.0" in err.en and "浮点数" in err.zh
    raises(lambda: bpcore.Layer(np.ones((2, 1), dtype=np.int32), [0.0]), "W", "floating-point")
    raises(lambda: bpcore.Layer(np.ones((2, 1)), np.array([True])), "offset")


def test_integer_data_is_accepted_as_numbers():
    # 0/1 data written as integers is still data; only parameters must be float
    h = bpcore.train(net(), X.astype(int), Y.astype(int), eta=0.5, epochs=2)
    assert h.loss.dtype == float


def test_bad_mode_and_reduction():
    raises(
        lambda: bpcore.train(net(), X, Y, eta=0.1, epochs=1, mode="online"), "mode", "'standard'"
    )
    raises(
        lambda: bpcore.train(net(), X, Y, eta=0.1, epochs=1, reduction="avg"), "reduction", "'mean'"
    )


def test_non_numeric_arrays():
    raises(lambda: net().forward(np.array([["a", "b"]])), "X", "real numbers")


def test_textbook_single_sample_shape_errors():
    tb = TextbookNet(np.zeros((2, 2)), np.zeros(2), np.zeros((2, 1)), np.zeros(1))
    raises(lambda: tb.forward(np.zeros(3)), "x", "2 feature")
    raises(lambda: tb.updates(np.zeros(2), np.zeros(1), eta=0), "eta")


RAGGED = [[0, 0], [1]]


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: bpcore.train(net(), RAGGED, [[0], [1]], eta=0.5, epochs=1), "X"),
        (lambda: bpcore.train(net(), [[0, 0], [1, 1]], [[0, 1], [1]], eta=0.5, epochs=1), "Y"),
        (lambda: net().forward(RAGGED), "X"),
        (lambda: bpcore.activations.sigmoid(RAGGED), "z"),
        (lambda: bpcore.activations.tanh(RAGGED), "z"),
        (lambda: bpcore.losses.half_sse(RAGGED, [[0, 0], [1, 1]]), "y_hat"),
        (lambda: bpcore.gradcheck.numeric_gradient(np.sum, RAGGED), "x"),
        (lambda: bpcore.perceptron.with_dummy(RAGGED), "X"),
    ],
)
def test_ragged_input_names_the_argument_and_the_row_lengths(call, name):
    # NumPy alone says "setting an array element with a sequence", naming nothing
    err = raises(call, f"{name} must be a rectangular array", "lengths 2, 1", "每一行长度相同")
    assert err.message("zh").startswith(f"{name} 应为规整的数值数组")
    assert err.__cause__ is None  # the user sees our message, not NumPy's chained one


def test_values_numpy_cannot_convert_name_the_argument():
    raises(lambda: bpcore.activations.sigmoid("abc"), "z must be a number or an array")
    raises(lambda: bpcore.losses.half_sse([{}], [0.0]), "y_hat must be a number or an array")
