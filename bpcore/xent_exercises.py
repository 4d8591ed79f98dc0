"""Exercises of lessons 13 and 15, with their expected answers kept here, not in the notebook.

The student writes a function (a formula in code); the checker calls it on seeded random inputs
and compares with what bpcore computes (:func:`bpcore.exercises.check` explains the difference).

Examples
--------
>>> check_output_delta(lambda y_hat, y: y_hat - y, lang="en").verdict
'right'
>>> check_output_delta(None, lang="en").verdict
'missing'
"""

import numpy as np

from . import exercises
from .activations import ACTIVATIONS, sigmoid, softmax
from .digits import confusion_matrix
from .losses import get_loss, output_delta

_HINTS = {
    "delta": {
        "zh": "提示：把∂E/∂ŷ和σ′(β)=ŷ(1−ŷ)乘起来，再化简。",
        "en": "Hint: multiply ∂E/∂ŷ by σ′(β) = ŷ(1 − ŷ) and simplify.",
    },
    "factor": {
        "zh": "提示：平方误差的δ是(ŷ−y)乘以Sigmoid的导数，用ŷ写出来。",
        "en": "Hint: the squared error's δ is (ŷ − y) times the sigmoid's derivative, in ŷ.",
    },
    "confusion": {
        "zh": "提示：C[i, j]是真实类别为i、预测为j的样本数；从全0的整数矩阵开始，每个样本加1。",
        "en": "Hint: C[i, j] counts the samples of true class i predicted as j; start from a "
        "matrix of integer zeros and add 1 per sample.",
    },
    "params": {
        "zh": "提示：每层有n_in·n_out个权重和n_out个偏置。",
        "en": "Hint: a layer has n_in·n_out weights and n_out biases.",
    },
    "accuracy": {
        "zh": "提示：每行取最大输出所在的列（np.argmax(..., axis=1)），再和标签比较求平均。",
        "en": "Hint: take the column of the largest output in each row (np.argmax(..., axis=1)), "
        "compare with the labels and average.",
    },
}


def _call(func, *args):
    """func(*args) as a float array, or None when the student has not written it yet."""
    if func is None or func is Ellipsis:
        return None
    try:
        return np.asarray(func(*args), dtype=float)
    except Exception as exc:  # the student's code: report, do not crash the lesson
        return f"{type(exc).__name__}: {exc}"


def _result(answer, expected, lang, hint):
    if isinstance(answer, str):
        return exercises.check(answer, expected, lang=lang, hint=_HINTS[hint])
    return exercises.check(answer, expected, lang=lang, rtol=1e-9, hint=_HINTS[hint])


def check_output_delta(func, *, lang="en", seed=13):
    """Lesson 13: ``func(y_hat, y)`` should be δ = ∂E/∂β of sigmoid + binary cross-entropy.

    Checked on 20 seeded random pairs with 0 < ŷ < 1, against bpcore's output delta.
    """
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3.0, size=(20, 1))
    y = rng.integers(0, 2, size=(20, 1)).astype(float)
    y_hat = sigmoid(z)
    expected = output_delta(
        "binary_cross_entropy", ACTIVATIONS["sigmoid"], y_hat, z, y, reduction="sum"
    )
    return _result(_call(func, y_hat, y), expected, lang, "delta")


def check_squared_error_delta(func, *, lang="en", seed=14):
    """Lesson 13: ``func(y_hat, y)`` should be δ = ∂E/∂β of sigmoid + ½ (ŷ − y)²."""
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3.0, size=(20, 1))
    y = rng.integers(0, 2, size=(20, 1)).astype(float)
    y_hat = sigmoid(z)
    expected = output_delta("half_sse", ACTIVATIONS["sigmoid"], y_hat, z, y, reduction="sum")
    return _result(_call(func, y_hat, y), expected, lang, "factor")


def check_softmax_delta(func, *, lang="en", seed=15):
    """Lesson 13: ``func(z, y)`` should be δ = ∂E/∂z of softmax + cross-entropy, z (m, l).

    The expected value is the unsimplified chain rule ∂E/∂ŷ · ∂ŷ/∂z (softmax's Jacobian),
    so writing ŷ − y is confirmed by a computation that does not assume it.
    """
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(12, 4))
    y = np.eye(4)[rng.integers(0, 4, size=12)]
    out = softmax(z)
    expected = ACTIVATIONS["softmax"].delta(out, get_loss("cross_entropy").grad(out, y, "sum"))
    return _result(_call(func, z, y), expected, lang, "delta")


def check_accuracy(func, *, lang="en", seed=15):
    """Lesson 15: ``func(outputs, labels)`` should be the fraction of rows whose largest output
    is in the column of the label."""
    rng = np.random.default_rng(seed)
    outputs = softmax(rng.normal(size=(50, 10)))
    labels = rng.integers(0, 10, size=50)
    expected = float(np.mean(np.argmax(outputs, axis=1) == labels))
    return _result(_call(func, outputs, labels), expected, lang, "accuracy")


def check_confusion_matrix(func, *, lang="en", seed=16):
    """Lesson 15: ``func(labels, predicted)`` should be the 10×10 confusion matrix C[i, j],
    the number of samples with label i predicted as j (:func:`bpcore.digits.confusion_matrix`)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, size=200)
    predicted = np.where(rng.random(200) < 0.7, labels, rng.integers(0, 10, size=200))
    expected = confusion_matrix(labels, predicted, 10)
    return _result(_call(func, labels, predicted), expected, lang, "confusion")


def check_n_params(func, *, lang="en"):
    """Lesson 15: ``func(q)`` should be the number of parameters of a 64-q-10 network with
    biases (weights and offsets), for q = 1 … 64; compared with ``Network.spec.n_params``."""
    from .network import Network

    qs = np.arange(1, 65)
    expected = [Network.from_sizes((64, int(q), 10), rng=0).spec.n_params for q in qs]
    if func is None or func is Ellipsis:
        return _result(None, expected, lang, "params")
    answer = []
    for q in qs:
        value = _call(func, int(q))
        if isinstance(value, str):
            return _result(value, expected, lang, "params")
        answer.append(value)
    return _result(np.asarray(answer, dtype=float).reshape(-1), expected, lang, "params")
