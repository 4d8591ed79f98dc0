"""The exercises of lesson 12: answers derived here by hand, classic mistakes named."""

import numpy as np
import pytest

from bpcore import deep_exercises
from bpcore.deep_exercises import _TEXT, check, check_layer_backward
from bpcore.errors import InputError

LANGS = ["zh", "en"]


def right(delta_next, W_next, a, a_prev):
    delta = (delta_next @ W_next.T) * a * (1 - a)
    return delta, a_prev.T @ delta / len(a)


def _sig(x):
    return 1 / (1 + np.exp(-x))


MISTAKES = {
    "no_m": lambda d, W, a, p: (
        (d @ W.T) * a * (1 - a),
        p.T @ ((d @ W.T) * a * (1 - a)),
    ),
    "sign": lambda d, W, a, p: (-(d @ W.T) * a * (1 - a), None),
    "f_of_z": lambda d, W, a, p: ((d @ W.T) * _sig(a) * (1 - _sig(a)), None),
    "no_f_prime": lambda d, W, a, p: (d @ W.T, None),
}


@pytest.mark.parametrize("lang", LANGS)
def test_layer_backward_right_answer(lang):
    r = check_layer_backward(right, lang=lang)
    assert r.verdict == "right", r.message


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", sorted(MISTAKES))
def test_layer_backward_names_the_classic_mistakes(key, lang):
    fn = MISTAKES[key]

    def student(d, W, a, p):
        delta, dW = fn(d, W, a, p)
        return delta, (p.T @ delta / len(a)) if dW is None else dW

    r = check_layer_backward(student, lang=lang)
    assert r.verdict == "almost"
    assert r.message == _TEXT[key][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_layer_backward_feedback_never_raises(lang):
    def missing(*args):
        raise NotImplementedError

    def transposed(d, W, a, p):  # δW instead of δWᵀ: the product's shapes do not fit
        delta = (d @ W) * a * (1 - a)
        return delta, p.T @ delta / len(a)

    def dW_flipped(d, W, a, p):
        delta = (d @ W.T) * a * (1 - a)
        return delta, delta.T @ p / len(a)

    assert check_layer_backward(None, lang=lang).verdict == "missing"
    assert check_layer_backward(missing, lang=lang).verdict == "missing"
    r = check_layer_backward(transposed, lang=lang)
    assert r.verdict == "wrong" and r.message == _TEXT["matmul"][lang]
    r = check_layer_backward(dW_flipped, lang=lang)
    assert r.verdict == "wrong" and "(" in r.message  # names both shapes
    assert check_layer_backward(lambda *a: 1 / 0, lang=lang).verdict == "wrong"
    assert check_layer_backward(lambda *a: "nonsense", lang=lang).verdict == "wrong"
    nan = check_layer_backward(
        lambda d, W, a, p: (right(d, W, a, p)[0] * np.nan, right(d, W, a, p)[1])
    )
    assert nan.verdict == "wrong"


def test_numeric_answers_derived_by_hand():
    # 2-3-1: (2 + 1)·3 + (3 + 1)·1 = 13 parameters, two forward passes each
    assert check("12.passes", 26).verdict == "right"
    assert check("12.passes", 13).verdict == "almost"  # off by the factor 2
    # 784-256-256-10 at m = 64: 64·(784 + 256 + 256 + 10)·8 bytes
    assert check("12.memory", 64 * 1306 * 8).verdict == "right"
    # forward 64·(784·256 + 256·256 + 256·10) = 64·268800; backward adds the same plus
    # 64·(256·256 + 256·10) = 64·68096 for the δ's: (2·268800 + 68096)/268800
    assert check("12.ratio", (2 * 268800 + 68096) / 268800).verdict == "right"
    assert check("12.ratio", 3.0).verdict == "wrong"
    assert check("12.ratio", None).verdict == "missing"


def test_unknown_exercise_is_explained():
    with pytest.raises(InputError, match="exercise_id"):
        check("12.nope", 1.0)


def test_every_message_exists_in_both_languages():
    for key, text in _TEXT.items():
        assert set(text) == {"zh", "en"}, key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text["zh"]), key
    for key, hint in deep_exercises._HINTS.items():
        assert set(hint) == {"zh", "en"}, key
        assert key in deep_exercises.ANSWERS


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
def test_backward_loop_right_answer(lang):
    r = deep_exercises.check_backward_loop(_loop, lang=lang)
    assert r.verdict == "right", r.message


@pytest.mark.parametrize("lang", LANGS)
def test_backward_loop_names_the_mistakes(lang):
    r = deep_exercises.check_backward_loop(lambda *x: _loop(*x, per_sample=True), lang=lang)
    assert (r.verdict, r.message) == ("almost", _TEXT["no_m"][lang])
    r = deep_exercises.check_backward_loop(lambda *x: _loop(*x, sign=-1.0), lang=lang)
    assert (r.verdict, r.message) == ("almost", _TEXT["sign"][lang])
    # without f′ in the hidden layers the top layer is right and the one below it is not
    r = deep_exercises.check_backward_loop(lambda *x: _loop(*x, hidden_f_prime=False), lang=lang)
    named = [_TEXT["wrong_layer"][lang].format(l=l, l1=l + 1) for l in (1, 2, 3)]
    assert r.verdict == "wrong" and r.message in named
    r = deep_exercises.check_backward_loop(lambda Ws, a, Y: [0 * W for W in Ws], lang=lang)
    assert (r.verdict, r.message) == ("wrong", _TEXT["wrong_top"][lang])


@pytest.mark.parametrize("lang", LANGS)
def test_backward_loop_feedback_never_raises(lang):
    def unfinished(Ws, a, Y):
        raise NotImplementedError

    assert deep_exercises.check_backward_loop(unfinished, lang=lang).verdict == "missing"
    assert deep_exercises.check_backward_loop(None, lang=lang).verdict == "missing"
    r = deep_exercises.check_backward_loop(lambda Ws, a, Y: 3.0, lang=lang)
    assert r.verdict == "wrong"
    r = deep_exercises.check_backward_loop(lambda Ws, a, Y: _loop(Ws, a, Y)[1:], lang=lang)
    assert r.verdict == "wrong"
    r = deep_exercises.check_backward_loop(lambda Ws, a, Y: [W.T for W in Ws], lang=lang)
    assert r.verdict == "wrong"
    r = deep_exercises.check_backward_loop(lambda Ws, a, Y: 1 / 0, lang=lang)
    assert r.verdict == "wrong" and "ZeroDivisionError" in r.message
