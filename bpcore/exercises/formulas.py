"""Lessons 13–18: formulas the student writes as functions, each checked on seeded inputs.

Every checker calls the student's function in the sandbox (an unwritten stub, an exception,
an endless loop, a wrong shape or NaN becomes feedback), compares what it returns with what
bpcore computes, relative tolerance 1e-9 (:func:`bpcore.exercises.compare` names a flipped
sign or a factor of 2), and adds the exercise's hint (a ``ex.hint.`` catalogue key) to a
"wrong" verdict. The expected values are computed here, never in a notebook.

Examples
--------
>>> from bpcore.exercises import check
>>> check("13-bce_delta", lambda y_hat, y: y_hat - y, lang="en")
✔ Right!
>>> check("14-shrink", lambda L: 0.25 * L, lang="en").verdict
'wrong'
"""

from functools import cache

import numpy as np

from ._code import attempt, failed
from ._feedback import compare, describe, result
from ._registry import register

#: Lesson 01's quadratic E(w) = ½ (w − W_STAR)², started at W0 (lesson 16's exercise 2).
W_STAR, W0 = 3.0, -1.0


def _vectorised(args, expected, hint):
    """Register: the student's ``f(*args)`` must equal ``expected()`` (one call, arrays)."""

    def grade(answer, lang):
        want = np.asarray(expected(), dtype=float)
        got = attempt(answer, tuple(args()), lang, shapes=[want.shape])
        if failed(got):
            return got
        return compare(got, want, lang=lang, rtol=1e-9, hint=hint)

    return grade


def _each(cases, expected, hint):
    """Register: the student's ``f(*case)`` is one number per case, all equal ``expected()``."""

    def grade(answer, lang):
        got = []
        for case in cases():
            value = attempt(answer, case, lang)
            if failed(value):
                return value
            try:
                got.append(float(np.squeeze(np.asarray(value, dtype=float))))
            except (TypeError, ValueError, OverflowError):
                return result("wrong", "ex.not_number", lang, got=describe(value))
        return compare(np.array(got), expected(), lang=lang, rtol=1e-9, hint=hint)

    return grade


def formula(id, *, hint, args=None, cases=None):
    """Decorator: the decorated function computes the expected value(s) of exercise `id`;
    the student's function is called once with ``args()`` or once per ``cases()``."""

    def wrap(reference):
        def register_expected(expected):
            expected = cache(expected)
            grade = (
                _vectorised(args, expected, hint) if cases is None else _each(cases, expected, hint)
            )
            register(id, "code", reference)(grade)
            return expected

        return register_expected

    return wrap


# --- lesson 13: output deltas -----------------------------------------------------------------
@cache
def _binary(seed):
    from ..activations import sigmoid

    rng = np.random.default_rng(seed)
    z = rng.normal(scale=3.0, size=(20, 1))
    y = rng.integers(0, 2, size=(20, 1)).astype(float)
    return z, sigmoid(z), y


def _ref_bce_delta():
    def output_delta(y_hat, y):
        return y_hat - y  # ∂E/∂β = (ŷ − y)/(ŷ(1 − ŷ)) · ŷ(1 − ŷ)

    return output_delta


@formula("13-bce_delta", hint="ex.hint.bce_delta", args=lambda: _binary(13)[1:])(_ref_bce_delta)
def _():
    from ..activations import ACTIVATIONS
    from ..losses import output_delta

    z, y_hat, y = _binary(13)
    return output_delta("binary_cross_entropy", ACTIVATIONS["sigmoid"], y_hat, z, y, "sum")


def _ref_sse_delta():
    def output_delta(y_hat, y):
        return (y_hat - y) * y_hat * (1 - y_hat)  # ∂E/∂ŷ · σ′(β), σ′ = ŷ(1 − ŷ)

    return output_delta


@formula("13-sse_delta", hint="ex.hint.sse_delta", args=lambda: _binary(14)[1:])(_ref_sse_delta)
def _():
    from ..activations import ACTIVATIONS
    from ..losses import output_delta

    z, y_hat, y = _binary(14)
    return output_delta("half_sse", ACTIVATIONS["sigmoid"], y_hat, z, y, "sum")


@cache
def _scores():
    rng = np.random.default_rng(15)
    z = rng.normal(size=(12, 4))
    return z, np.eye(4)[rng.integers(0, 4, size=12)]


def _ref_softmax_delta():
    from ..activations import softmax

    def output_delta(z, y):
        return softmax(z) - y

    return output_delta


@formula("13-softmax_delta", hint="ex.hint.softmax_delta", args=_scores)(_ref_softmax_delta)
def _():
    # the unsimplified chain rule ∂E/∂ŷ · ∂ŷ/∂z (softmax's Jacobian): writing ŷ − y is
    # confirmed by a computation that does not assume it
    from ..activations import ACTIVATIONS, softmax
    from ..losses import get_loss

    z, y = _scores()
    out = softmax(z)
    return ACTIVATIONS["softmax"].delta(out, get_loss("cross_entropy").grad(out, y, "sum"))


# --- lesson 14: initialisation and the sigmoid's shrink -----------------------------------------
def _widths():
    return [(int(n),) for n in np.random.default_rng(14).integers(2, 1000, size=6)]


def _ref_he():
    def he_std(n_in):
        return (2.0 / n_in) ** 0.5

    return he_std


@formula("14-he", hint="ex.hint.he", cases=_widths)(_ref_he)
def _():
    from ..deepnets import init_std

    return np.array([init_std(n, "he") for (n,) in _widths()])


def _ref_shrink():
    def sigmoid_shrink(L):
        return 0.25**L

    return sigmoid_shrink


@formula("14-shrink", hint="ex.hint.shrink", cases=lambda: [(L,) for L in range(1, 11)])(
    _ref_shrink
)
def _():
    # (max σ′)^L, max σ′ = ¼ found by SymPy in bpcore.deepnets.sigmoid_prime_bound
    from ..deepnets import sigmoid_prime_bound

    top = float(sigmoid_prime_bound()["max"])
    return np.array([top**L for L in range(1, 11)])


# --- lesson 15: accuracy, confusion matrix, parameter count -------------------------------------
@cache
def _outputs():
    from ..activations import softmax

    rng = np.random.default_rng(15)
    return softmax(rng.normal(size=(50, 10))), rng.integers(0, 10, size=50)


def _ref_accuracy():
    def accuracy(outputs, labels):
        return np.mean(np.argmax(outputs, axis=1) == labels)

    return accuracy


@formula("15-accuracy", hint="ex.hint.accuracy", args=_outputs)(_ref_accuracy)
def _():
    from ..digits import accuracy, predicted_class

    outputs, labels = _outputs()
    return accuracy(predicted_class(outputs), labels)


@cache
def _predictions():
    rng = np.random.default_rng(16)
    labels = rng.integers(0, 10, size=200)
    return labels, np.where(rng.random(200) < 0.7, labels, rng.integers(0, 10, size=200))


def _ref_confusion():
    def confusion(labels, predicted):
        C = np.zeros((10, 10), dtype=int)
        for i, j in zip(labels, predicted):
            C[i, j] += 1
        return C

    return confusion


@formula("15-confusion", hint="ex.hint.confusion", args=_predictions)(_ref_confusion)
def _():
    from ..digits import confusion_matrix

    return confusion_matrix(*_predictions(), 10)


def _ref_params():
    def n_params(q):
        return (64 + 1) * q + (q + 1) * 10  # weights and biases into each layer

    return n_params


@formula("15-params", hint="ex.hint.params", cases=lambda: [(q,) for q in range(1, 65)])(
    _ref_params
)
def _():
    from ..network import Network

    return np.array([Network.from_sizes((64, q, 10), rng=0).spec.n_params for q in range(1, 65)])


# --- lesson 16: the learning rate's edge and a vectorised descent ------------------------------
@cache
def _quadratics():
    rng = np.random.default_rng(16)
    return list(
        zip(rng.uniform(0.1, 5.0, size=8).tolist(), rng.uniform(-3.0, 3.0, size=8).tolist())
    )


def _ref_edge():
    def max_eta(a, b):
        return 1.0 / a  # E″ = 2a, diverges above 2/E″

    return max_eta


@formula("16-edge", hint="ex.hint.edge", cases=_quadratics)(_ref_edge)
def _():
    # η above which descent on E(w) = a (w − b)² diverges: SymPy's 2/E″, E″ = ∂²E/∂w²
    import sympy as sp

    from ..sweep import quadratic_edges

    w = sp.Symbol("w", real=True)
    e = quadratic_edges()
    edges = []
    for a, b in _quadratics():
        curvature = sp.diff(sp.Float(a) * (w - sp.Float(b)) ** 2, w, 2)
        edges.append(float(e["diverge_above"].subs(e["curvature"], curvature)))
    return np.array(edges)


@cache
def _etas():
    return np.sort(np.random.default_rng(16).uniform(0.05, 2.5, size=40)), 25


def _ref_descent():
    def descend_all(etas, steps):
        w = np.full(len(etas), W0)
        for _ in range(steps):
            w = w - etas * (w - W_STAR)
        return w

    return descend_all


@formula("16-descent", hint="ex.hint.descent", args=_etas)(_ref_descent)
def _():
    # a sweep of the 1-1 identity unit with one sample x = 1, y = 0: its weight is the distance
    # u = w − 3 from the minimum (u₀ = −4) and takes the same steps
    from ..network import Layer, Network
    from ..sweep import sweep

    etas, steps = _etas()
    unit = Network([Layer([[W0 - W_STAR]], [0.0], activation="identity")])
    res = sweep(unit, [[1.0]], [[0.0]], etas, epochs=steps, train_offsets=False)
    return res.Ws[0][:, 0, 0] + W_STAR


# --- lesson 17: weight decay and simulated annealing ---------------------------------------------
@cache
def _decay_inputs():
    gen = np.random.default_rng(17)
    grad_E, w = gen.normal(size=(2, 30))
    return grad_E, w, gen.uniform(0.5, 1.0, size=30)


def _ref_decay():
    def decay_gradient(grad_E, w, lam):
        return lam * grad_E + 2 * (1 - lam) * w

    return decay_gradient


@formula("17-decay", hint="ex.hint.decay", args=_decay_inputs)(_ref_decay)
def _():
    # ∂/∂w [λ·E + (1 − λ)·Σ w²] = λ·∂E/∂w + 2(1 − λ)·w (eq. 5.17 differentiated)
    grad_E, w, lam = _decay_inputs()
    return lam * grad_E + 2.0 * (1.0 - lam) * w


@cache
def _annealing():
    gen = np.random.default_rng(18)
    return gen.normal(size=40), gen.uniform(0.1, 2.0, size=40)


def _ref_accept():
    def acceptance(delta_E, T):
        return np.where(delta_E <= 0, 1.0, np.exp(-np.maximum(delta_E, 0) / T))

    return acceptance


@formula("17-accept", hint="ex.hint.accept", args=_annealing)(_ref_accept)
def _():
    from ..local_minima import acceptance_probability

    return np.array([acceptance_probability(float(d), float(t)) for d, t in zip(*_annealing())])


# --- lesson 18: updates of standard and accumulated BP -------------------------------------------
def _runs():
    return [
        (m, e, mode)
        for m in (1, 4, 17, 50)
        for e in (1, 3, 10)
        for mode in ("standard", "accumulated")
    ]


def _ref_updates():
    def updates(m, epochs, mode):
        return m * epochs if mode == "standard" else epochs

    return updates


@formula("18-updates", hint="ex.hint.updates", cases=_runs)(_ref_updates)
def _():
    from ..train import iterations_per_epoch

    return np.array(
        [iterations_per_epoch(m, 1 if mode == "standard" else m) * e for m, e, mode in _runs()]
    )
