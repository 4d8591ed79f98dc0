"""Exercises of lesson 16 (the learning-rate sweep), with their expected answers kept here.

The student writes a function; the checker calls it on seeded inputs and compares what it
returns with what bpcore computes (:func:`bpcore.exercises.check` explains a difference):
the edge from :func:`bpcore.sweep.quadratic_edges` (SymPy), the descent from
:func:`bpcore.sweep.sweep`.

Examples
--------
>>> check_divergence_edge(lambda a, b: 1 / a, lang="en").verdict
'right'
>>> check_divergence_edge(None, lang="en").verdict
'missing'
"""

import numpy as np

from . import exercises

_HINTS = {
    "edge": {
        "zh": "提示：先求E″（对w求两次导），再用第2节的2/E″。",
        "en": "Hint: first find E″ (differentiate twice in w), then use section 2's 2/E″.",
    },
    "descent": {
        "zh": "提示：先令w = np.full(len(etas), -1.0)，再对整个数组重复steps次w ← w − η·(w − 3)。",
        "en": "Hint: w = np.full(len(etas), -1.0), then repeat w ← w − η·(w − 3) on the whole "
        "array `steps` times.",
    },
}

#: Lesson 01's quadratic E(w) = ½ (w − W_STAR)², started at W0.
W_STAR, W0 = 3.0, -1.0


def _call(func, *args):
    """func(*args) as a float array, or None when the student has not written it yet."""
    if func is None or func is Ellipsis:
        return None
    try:
        return np.asarray(func(*args), dtype=float)
    except Exception as exc:  # the student's code: report it, do not stop the lesson
        return f"{type(exc).__name__}: {exc}"


def _result(answer, expected, lang, hint):
    return exercises.check(answer, expected, lang=lang, rtol=1e-9, hint=_HINTS[hint])


def expected_divergence_edge(a, b):
    """η above which gradient descent on E(w) = a (w − b)² diverges: SymPy's 2/E″ at E″ = 2a.

    Examples
    --------
    >>> expected_divergence_edge(0.5, 3.0)
    2.0
    """
    import sympy as sp

    from .sweep import quadratic_edges

    w = sp.Symbol("w", real=True)
    e = quadratic_edges()
    curvature = sp.diff(sp.Float(a) * (w - sp.Float(b)) ** 2, w, 2)  # E″ = 2a
    return float(e["diverge_above"].subs(e["curvature"], curvature))


def check_divergence_edge(func, *, lang="en", seed=16):
    """Lesson 16, exercise 1: ``func(a, b)`` should be the learning rate above which gradient
    descent on E(w) = a (w − b)² diverges, for a > 0.

    Checked at 8 seeded pairs (a, b), a in [0.1, 5], b in [−3, 3].
    """
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.1, 5.0, size=8)
    b = rng.uniform(-3.0, 3.0, size=8)
    expected = np.array([expected_divergence_edge(x, y) for x, y in zip(a, b)])
    answer = None
    if func is not None and func is not Ellipsis:
        answer = _call(lambda: [float(np.squeeze(func(float(x), float(y)))) for x, y in zip(a, b)])
    return _result(answer, expected, lang, "edge")


def expected_descent(etas, steps):
    """w after `steps` steps of gradient descent on lesson 01's E(w) = ½ (w − 3)² from
    w₀ = −1, for every η of `etas`: a sweep of the 1-1 identity unit with one sample x = 1,
    y = 0 (its weight is the distance u = w − 3 from the minimum, u₀ = −4; same steps).

    Examples
    --------
    >>> expected_descent([0.5, 1.0], 3).tolist()
    [2.5, 3.0]
    """
    from .network import Layer, Network
    from .sweep import sweep

    unit = Network([Layer([[W0 - W_STAR]], [0.0], activation="identity")])
    result = sweep(unit, [[1.0]], [[0.0]], etas, epochs=steps, train_offsets=False)
    return result.Ws[0][:, 0, 0] + W_STAR


def check_vectorised_descent(func, *, lang="en", seed=16, steps=25):
    """Lesson 16, exercise 2: ``func(etas, steps)`` should return, as an array of shape (R,),
    w after `steps` steps of w ← w − η (w − 3) from w₀ = −1, for all R learning rates at once.

    Checked with 40 seeded learning rates in (0.05, 2.5) and 25 steps, against
    :func:`expected_descent`.
    """
    rng = np.random.default_rng(seed)
    etas = np.sort(rng.uniform(0.05, 2.5, size=40))
    return _result(_call(func, etas.copy(), steps), expected_descent(etas, steps), lang, "descent")
