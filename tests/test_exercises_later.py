"""The registry's exercises of lessons 12–18: right answers pass, the near misses a student
writes are refused or named, and the expected values agree with derivations done by hand."""

import numpy as np
import pytest

from bpcore import exercises
from bpcore.activations import softmax
from bpcore.exercises import check
from bpcore.i18n import MESSAGES

LANGS = ["zh", "en"]


def _sig(x):
    return 1 / (1 + np.exp(-x))


# --- lesson 12: one layer's backward step ----------------------------------------------------
def right(delta_next, W_next, a, a_prev):
    delta = (delta_next @ W_next.T) * a * (1 - a)
    return delta, a_prev.T @ delta / len(a)


LAYER_MISTAKES = {
    "ex.hint.no_m": lambda d, W, a, p: ((d @ W.T) * a * (1 - a), p.T @ ((d @ W.T) * a * (1 - a))),
    "ex.hint.delta_sign": lambda d, W, a, p: (-(d @ W.T) * a * (1 - a), None),
    "ex.hint.f_of_z": lambda d, W, a, p: ((d @ W.T) * _sig(a) * (1 - _sig(a)), None),
    "ex.hint.no_f_prime": lambda d, W, a, p: (d @ W.T, None),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(LAYER_MISTAKES))
def test_layer_backward_names_the_classic_mistakes(key, lang):
    fn = LAYER_MISTAKES[key]

    def student(d, W, a, p):
        delta, dW = fn(d, W, a, p)
        return delta, (p.T @ delta / len(a)) if dW is None else dW

    r = check("12-layer", student, lang=lang)
    assert (r.verdict, r.message) == ("almost", MESSAGES[key][lang])


@pytest.mark.parametrize("lang", LANGS)
def test_layer_backward_right_and_feedback_never_raises(lang):
    assert check("12-layer", right, lang=lang).ok

    def transposed(d, W, a, p):  # δW instead of δWᵀ: the product's shapes do not fit
        delta = (d @ W) * a * (1 - a)
        return delta, p.T @ delta / len(a)

    def dW_flipped(d, W, a, p):
        delta = (d @ W.T) * a * (1 - a)
        return delta, delta.T @ p / len(a)

    r = check("12-layer", transposed, lang=lang)
    assert r.verdict == "wrong" and "matmul" in r.message and "transposed" in r.message
    r = check("12-layer", dW_flipped, lang=lang)
    assert r.verdict == "wrong" and "(" in r.message  # names both shapes
    assert check("12-layer", lambda *a: "nonsense", lang=lang).verdict == "wrong"
    nan = check(
        "12-layer", lambda d, W, a, p: (right(d, W, a, p)[0] * np.nan, right(d, W, a, p)[1])
    )
    assert nan.verdict == "wrong"


# --- lesson 12: the L-layer loop -------------------------------------------------------------
def _loop(Ws, a, Y, *, per_sample=False, sign=1.0, hidden_f_prime=True):
    """The L-layer backward loop written out independently of bpcore (with optional mistakes)."""
    L, m = len(Ws), len(Y)
    delta = (a[L] - Y) * a[L] * (1 - a[L])
    dWs = [None] * L
    for l in range(L, 0, -1):
        dWs[l - 1] = sign * a[l - 1].T @ delta / (1 if per_sample else m)
        if l > 1:
            delta = delta @ Ws[l - 1].T
            if hidden_f_prime:
                delta = delta * a[l - 1] * (1 - a[l - 1])
    return dWs


@pytest.mark.parametrize("lang", LANGS)
def test_backward_loop_names_the_mistakes(lang):
    assert check("12-loop", _loop, lang=lang).ok
    r = check("12-loop", lambda *x: _loop(*x, per_sample=True), lang=lang)
    assert (r.verdict, r.message) == ("almost", MESSAGES["ex.hint.no_m"][lang])
    r = check("12-loop", lambda *x: _loop(*x, sign=-1.0), lang=lang)
    assert (r.verdict, r.message) == ("almost", MESSAGES["ex.hint.delta_sign"][lang])
    # without f′ in the hidden layers the top layer is right and the one below it is not
    r = check("12-loop", lambda *x: _loop(*x, hidden_f_prime=False), lang=lang)
    named = [MESSAGES["ex.hint.wrong_layer"][lang].format(l=l, l1=l + 1) for l in (1, 2, 3)]
    assert r.verdict == "wrong" and r.message in named
    r = check("12-loop", lambda Ws, a, Y: [0 * W for W in Ws], lang=lang)
    assert (r.verdict, r.message) == ("wrong", MESSAGES["ex.hint.wrong_top"][lang])
    for bad in (lambda Ws, a, Y: 3.0, lambda Ws, a, Y: _loop(Ws, a, Y)[1:]):
        assert check("12-loop", bad, lang=lang).verdict == "wrong"
    assert check("12-loop", lambda Ws, a, Y: [W.T for W in Ws], lang=lang).verdict == "wrong"


def test_lesson_12_numbers_derived_by_hand():
    # 2-3-1: (2 + 1)·3 + (3 + 1)·1 = 13 parameters, two forward passes each
    assert check("12-passes", 26).ok
    assert check("12-passes", 13).verdict == "almost"  # off by the factor 2
    # 784-256-256-10 at m = 64: 64·(784 + 256 + 256 + 10)·8 bytes
    assert check("12-memory", 64 * 1306 * 8).ok
    # forward 64·(784·256 + 256·256 + 256·10) = 64·268800; backward adds the same plus
    # 64·(256·256 + 256·10) = 64·68096 for the δ's: (2·268800 + 68096)/268800
    assert check("12-ratio", (2 * 268800 + 68096) / 268800).ok
    assert check("12-ratio", 3.0).verdict == "wrong"


# --- lessons 13 and 15 --------------------------------------------------------------------------
def test_output_deltas():
    # ∂E/∂β = ŷ − y, derived in bpcore.symbolic.crossentropy.binary_proof
    assert check("13-bce_delta", lambda y_hat, y: y_hat - y).ok
    assert (
        check("13-bce_delta", lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat)).verdict == "wrong"
    )
    # y − ŷ is the textbook's g_j = −∂E/∂β: the checker says the sign is flipped
    assert check("13-bce_delta", lambda y_hat, y: y - y_hat).verdict == "almost"
    assert check("13-sse_delta", lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat)).ok
    r = check("13-sse_delta", lambda y_hat, y: y_hat - y, lang="zh")
    assert r.verdict == "wrong" and MESSAGES["ex.hint.sse_delta"]["zh"] in r.message
    assert check("13-softmax_delta", lambda z, y: softmax(z) - y).ok
    assert check("13-softmax_delta", lambda z, y: z - y).verdict == "wrong"  # no softmax


def test_digits_exercises():
    def accuracy(outputs, labels):
        return np.mean(np.argmax(outputs, axis=1) == labels)

    def counts(labels, predicted):
        C = np.zeros((10, 10), dtype=int)
        for i, j in zip(labels, predicted):
            C[i, j] += 1
        return C

    assert check("15-accuracy", accuracy, lang="zh").ok
    assert check("15-accuracy", lambda o, labels: 1 - accuracy(o, labels)).verdict == "wrong"
    assert check("15-confusion", counts).ok
    assert check("15-confusion", lambda la, pr: counts(pr, la)).verdict == "wrong"  # swapped
    # (64 + 1)·q weights and biases into the hidden layer, (q + 1)·10 into the output
    assert check("15-params", lambda q: 65 * q + (q + 1) * 10).ok
    assert check("15-params", lambda q: 64 * q + 10 * q).verdict == "wrong"  # no biases


# --- lessons 14, 16, 17, 18 ---------------------------------------------------------------------
def test_initialisation_and_shrink():
    # He: Var(w) = 2/n_in (derived in test_deepnets' Xavier/He test)
    assert check("14-he", lambda n: np.sqrt(2 / n)).ok
    assert check("14-he", lambda n: np.sqrt(1 / n)).verdict == "wrong"  # Xavier's
    assert check("14-shrink", lambda L: 0.25**L).ok
    assert check("14-shrink", lambda L: 0.25 * L).verdict == "wrong"


def test_learning_rate_exercises():
    pytest.importorskip("sympy")
    # E = a (w − b)²: E″ = 2a, diverges above 2/E″ = 1/a
    assert check("16-edge", lambda a, b: 1 / a).ok
    assert check("16-edge", lambda a, b: 2 / a).verdict == "almost"  # forgot E″ = 2a
    assert check("16-edge", lambda a, b: b).verdict == "wrong"
    assert check("16-edge", lambda a: a).verdict == "wrong"  # raises TypeError: reported
    # closed form w_k = 3 − 4 (1 − η)^k (lesson 01's derivation)
    assert check("16-descent", lambda e, k: 3 - 4 * (1 - e) ** k).ok
    assert check("16-descent", lambda e, k: 3 - 4 * (1 - e) ** (k + 1)).verdict != "right"
    assert check("16-descent", lambda e, k: 3.0).verdict == "wrong"  # shape ()


def test_practice_exercises():
    # d/dw [λE + (1-λ)w²] = λ E' + 2(1-λ)w (differentiated by hand; test_practice checks it
    # against central differences)
    assert check("17-decay", lambda g, w, lam: lam * g + 2 * (1 - lam) * w).ok
    assert check("17-decay", lambda g, w, lam: lam * g + (1 - lam) * w).verdict != "right"
    assert check("17-accept", lambda dE, T: np.where(dE <= 0, 1.0, np.exp(-dE / T))).ok
    assert check("17-accept", lambda dE, T: np.exp(-dE / T)).verdict != "right"
    assert check("18-updates", lambda m, e, mode: m * e if mode == "standard" else e).ok
    assert check("18-updates", lambda m, e, mode: m * e).verdict != "right"


def test_every_later_exercise_is_registered():
    later = [i for i in exercises.ids() if "12" <= i[:2] <= "18"]
    assert len(later) == 18
    assert {i[:2] for i in later} == {f"{n}" for n in range(12, 19)}
