"""The exercises of lessons 13 and 15: the checker accepts the right function, refuses the
near misses a student writes, and keeps the expected answer out of the notebook."""

import numpy as np
import pytest

from bpcore import xent_exercises as ex
from bpcore.activations import softmax


def test_sigmoid_cross_entropy_delta():
    # ∂E/∂β = ŷ − y, derived in bpcore.symbolic.crossentropy.binary_proof
    assert ex.check_output_delta(lambda y_hat, y: y_hat - y, lang="en").verdict == "right"
    # the squared-error form keeps the σ′ factor: not the cross-entropy answer
    assert (
        ex.check_output_delta(lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat)).verdict == "wrong"
    )
    # y − ŷ is the textbook's g_j = −∂E/∂β: the checker says the sign is flipped
    assert ex.check_output_delta(lambda y_hat, y: y - y_hat, lang="en").verdict == "almost"


def test_squared_error_delta():
    right = ex.check_squared_error_delta(lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat))
    assert right.verdict == "right"
    assert ex.check_squared_error_delta(lambda y_hat, y: y_hat - y).verdict == "wrong"


def test_softmax_delta_is_checked_against_the_jacobian_product():
    assert ex.check_softmax_delta(lambda z, y: softmax(z) - y).verdict == "right"
    # forgetting the softmax (using the scores as probabilities) is wrong
    assert ex.check_softmax_delta(lambda z, y: z - y).verdict == "wrong"


def test_accuracy():
    def accuracy(outputs, labels):
        return np.mean(np.argmax(outputs, axis=1) == labels)

    assert ex.check_accuracy(accuracy, lang="zh").verdict == "right"
    assert ex.check_accuracy(lambda o, labels: 1 - accuracy(o, labels)).verdict == "wrong"


def test_confusion_matrix():
    def counts(labels, predicted):
        C = np.zeros((10, 10), dtype=int)
        for i, j in zip(labels, predicted):
            C[i, j] += 1
        return C

    assert ex.check_confusion_matrix(counts).verdict == "right"
    # rows and columns swapped: predicted i, label j
    swapped = ex.check_confusion_matrix(lambda labels, predicted: counts(predicted, labels))
    assert swapped.verdict == "wrong"


def test_parameter_count_formula():
    # (64 + 1)·q weights and biases into the hidden layer, (q + 1)·10 into the output
    assert ex.check_n_params(lambda q: 65 * q + (q + 1) * 10).verdict == "right"
    assert ex.check_n_params(lambda q: 64 * q + 10 * q).verdict == "wrong"  # biases forgotten


@pytest.mark.parametrize(
    "check",
    [
        ex.check_output_delta,
        ex.check_squared_error_delta,
        ex.check_softmax_delta,
        ex.check_accuracy,
        ex.check_confusion_matrix,
        ex.check_n_params,
    ],
)
def test_unanswered_and_broken_answers_do_not_crash(check):
    assert check(None, lang="zh").verdict == "missing"

    def broken(*args):
        raise ZeroDivisionError("oops")

    result = check(broken, lang="en")
    assert result.verdict == "wrong" and "ZeroDivisionError" in result.message
