"""Exercises of lesson 14 (vanishing gradients and initialisation), expected answers kept here.

The student writes a function; the checker calls it on seeded inputs and compares with
:mod:`bpcore.deepnets` (:func:`bpcore.exercises.check` explains a difference).

Examples
--------
>>> check_he_std(lambda n: (2 / n) ** 0.5, lang="en").verdict
'right'
>>> check_sigmoid_shrink(None, lang="en").verdict
'missing'
"""

import numpy as np

from . import exercises
from .deepnets import init_std

_HINTS = {
    "he": {
        "zh": "提示：ReLU把一半的输入变成0，E[relu(z)²] = Var(z)/2；要让n_in·Var(w)·E[out²]不变。",
        "en": "Hint: ReLU zeroes half its inputs, E[relu(z)²] = Var(z)/2; keep "
        "n_in·Var(w)·E[out²] unchanged.",
    },
    "shrink": {
        "zh": "提示：每经过一个Sigmoid层，δ最多乘以σ′的最大值；L层就是它的L次方。",
        "en": "Hint: each sigmoid layer multiplies δ by at most the largest σ′; L layers give "
        "its L-th power.",
    },
}


def _answers(func, inputs):
    if func is None or func is Ellipsis:
        return None
    try:
        return np.array([float(np.squeeze(func(x))) for x in inputs])
    except Exception as exc:  # the student's code: report it, do not stop the lesson
        return f"{type(exc).__name__}: {exc}"


def check_he_std(func, *, lang="en", seed=14):
    """Lesson 14, exercise 1: ``func(n_in)`` is He's standard deviation of the weights into a
    ReLU layer with `n_in` inputs. Checked at 6 seeded widths against :func:`init_std`."""
    widths = np.random.default_rng(seed).integers(2, 1000, size=6)
    expected = np.array([init_std(int(n), "he") for n in widths])
    answer = _answers(func, [int(n) for n in widths])
    return exercises.check(answer, expected, lang=lang, rtol=1e-9, hint=_HINTS["he"])


def expected_sigmoid_shrink(layers):
    """The largest factor by which σ′ alone can scale δ over `layers` sigmoid layers:
    (max σ′)^L with max σ′ = ¼ from :func:`bpcore.deepnets.sigmoid_prime_bound`.

    >>> expected_sigmoid_shrink(2)
    0.0625
    """
    from .deepnets import sigmoid_prime_bound

    return float(sigmoid_prime_bound()["max"]) ** layers


def check_sigmoid_shrink(func, *, lang="en"):
    """Lesson 14, exercise 2: ``func(L)`` is the largest factor the sigmoid's derivative alone
    can multiply δ by over L layers. Checked at L = 1 … 10."""
    layers = list(range(1, 11))
    expected = np.array([expected_sigmoid_shrink(L) for L in layers])
    answer = _answers(func, layers)
    return exercises.check(answer, expected, lang=lang, rtol=1e-9, hint=_HINTS["shrink"])
