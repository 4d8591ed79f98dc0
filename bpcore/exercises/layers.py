"""Lesson 12's coding exercises: the backward step of one layer and of an L-layer net.

The student writes, in the matrix form of lesson 12 (samples as rows, ``W⁽ˡ⁾`` of shape
``(n_{l−1}, n_l)``, every layer a sigmoid, E = (1/m) Σ_k ½‖ŷ_k − y_k‖²):

* ``12-layer``: ``layer_backward(delta_next, W_next, a, a_prev) -> (delta, dW)``,
  δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ a⁽ˡ⁾(1 − a⁽ˡ⁾), ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾/m;
* ``12-loop``: ``backward_loop(Ws, a, Y) -> [∂E/∂W⁽¹⁾, …, ∂E/∂W⁽ᴸ⁾]``, starting from
  δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − Y) ⊙ a⁽ᴸ⁾(1 − a⁽ᴸ⁾).

Each case is a seeded random net; the student's values are compared with
:func:`bpcore.matrix_form.backward`, the engine (:meth:`bpcore.Network.gradients`) and
central differences, and the classic mistakes (a missing 1/m, the sign, f′ applied to the
output again, no f′ at all, a transpose) are named.

Examples
--------
>>> from bpcore.exercises import check, reference
>>> check("12-layer", reference("12-layer"), lang="en").message[:6]
'Right!'
>>> check("12-loop", lambda Ws, a, Y: [0 * W for W in Ws], lang="en").verdict
'wrong'
"""

import numpy as np

from ._code import attempt, failed
from ._feedback import CheckResult, describe, result, say
from ._registry import register
from ._sandbox import run

LAYER_CASES, LOOP_CASES = 6, 5


def _same(x, y):
    return np.shape(x) == np.shape(y) and np.allclose(x, y, rtol=1e-7, atol=1e-12)


def _random_case(gen):
    """A random sigmoid net of 3 or 4 layers, a batch, and a hidden layer l to check."""
    from ..network import Network

    depth = int(gen.integers(2, 4))
    sizes = [int(s) for s in gen.integers(1, 6, size=depth + 2)]
    net = Network.from_sizes(sizes, rng=gen, scale=1.5)
    m = int(gen.integers(2, 6))
    X = gen.normal(size=(m, sizes[0]))
    Y = gen.uniform(size=(m, sizes[-1]))
    l = int(gen.integers(1, len(sizes) - 1))  # a hidden layer: 1 ≤ l ≤ L − 1
    return net, X, Y, l


def _call(fn, args, lang, **kw):
    """:func:`attempt`, with a matrix product whose shapes do not fit named as such."""
    if callable(fn):
        out = run(fn, *args)
        if isinstance(out.error, ValueError) and "matmul" in out.error_text:
            where = out.where or getattr(fn, "__name__", "?")
            error = f"{out.error_name}: {out.error_text}"[:120]
            return result("wrong", "ex.matmul", lang, error=error, where=where)
    return attempt(fn, args, lang, **kw)


def _numeric_W(net, X, Y):
    """∂E/∂W⁽ˡ⁾ of every layer by central differences (eps = 1e-4, in Network.flat() order)."""
    from ..backprop_cost import central_differences

    numeric, start, out = central_differences(net, X, Y).reshape(-1), 0, []
    for layer in net.layers:
        out.append(numeric[start : start + layer.W.size].reshape(layer.W.shape))
        start += layer.W.size + layer.offset.size
    return out


# --- 12-layer: one hidden layer's backward step ------------------------------------------------
def _ref_layer():
    def layer_backward(delta_next, W_next, a, a_prev):
        delta = (delta_next @ W_next.T) * a * (1 - a)  # δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾)
        return delta, a_prev.T @ delta / len(a)  # ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ / m

    return layer_backward


def _delta_mistake(delta, want, back, a):
    """The message key for a wrong δ⁽ˡ⁾: a named near miss, or the formula."""
    from ..activations import sigmoid

    for key, variant in (
        ("ex.hint.delta_sign", -want),
        ("ex.hint.f_of_z", back * sigmoid(a) * (1 - sigmoid(a))),
        ("ex.hint.no_f_prime", back),
    ):
        if _same(delta, variant):
            return key
    return "ex.hint.wrong_delta"


@register("12-layer", "code", _ref_layer)
def _(answer, lang, cases=LAYER_CASES, seed=0):
    from ..gradcheck import relative_error
    from ..matrix_form import backward, forward

    gen = np.random.default_rng(seed)
    worst = 0.0
    for _ in range(cases):
        net, X, Y, l = _random_case(gen)
        cache = forward(net, X)
        grads = backward(net, cache, Y)
        a, a_prev = cache.a[l], cache.a[l - 1]
        delta_next, W_next = grads.delta[l], net.layers[l].W
        want = grads.delta[l - 1]
        shapes = [want.shape, grads.W[l - 1].shape]
        got = _call(answer, (delta_next, W_next, a, a_prev), lang, n=2, shapes=shapes)
        if failed(got):
            return got
        delta, dW = got
        if not _same(delta, want):
            if want.shape == want.T.shape and _same(delta, want.T):
                return result("almost", "ex.transposed_value", lang, what="delta", like="a")
            key = _delta_mistake(delta, want, delta_next @ W_next.T, a)
            verdict = "wrong" if key == "ex.hint.wrong_delta" else "almost"
            return CheckResult(verdict, say(key, lang))
        engine = net.gradients(X, Y).layers[l - 1].W
        if not _same(dW, engine):
            m = len(X)
            if _same(dW, m * engine):
                return result("almost", "ex.hint.no_m", lang)
            if _same(dW, -engine):
                return result("almost", "ex.hint.delta_sign", lang)
            if engine.shape == engine.T.shape and _same(dW, engine.T):
                return result("almost", "ex.transposed_value", lang, what="dW", like="W")
            return result("wrong", "ex.hint.wrong_dw", lang)
        worst = max(worst, float(np.max(relative_error(dW, _numeric_W(net, X, Y)[l - 1]))))
    return result("right", "ex.right_backward", lang, n=cases, err=worst)


# --- 12-loop: the whole backward pass, weights only ------------------------------------------
def _ref_loop():
    def backward_loop(Ws, a, Y):
        L, m = len(Ws), len(Y)
        delta = (a[L] - Y) * a[L] * (1 - a[L])  # δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − Y) ⊙ f′(z⁽ᴸ⁾)
        dWs = [None] * L
        for l in range(L, 0, -1):
            dWs[l - 1] = a[l - 1].T @ delta / m  # ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ / m
            if l > 1:
                delta = (delta @ Ws[l - 1].T) * a[l - 1] * (1 - a[l - 1])
        return dWs

    return backward_loop


@register("12-loop", "code", _ref_loop)
def _(answer, lang, cases=LOOP_CASES, seed=1):
    from ..gradcheck import relative_error
    from ..matrix_form import backward, forward

    gen = np.random.default_rng(seed)
    worst = 0.0
    for _ in range(cases):
        net, X, Y, _l = _random_case(gen)
        cache = forward(net, X)
        want = backward(net, cache, Y).W
        L = len(want)
        out = _call(
            answer,
            ([ly.W.copy() for ly in net.layers], [x.copy() for x in cache.a], Y.copy()),
            lang,
        )
        if failed(out):
            return out
        try:
            got = [np.asarray(g, dtype=float) for g in out]
        except (TypeError, ValueError):
            got = None
        if got is None or len(got) != L:
            return result("wrong", "ex.layers_list", lang, L=L, got=describe(out))
        for l in range(L, 0, -1):  # from the top: the first wrong layer is the one to fix
            g, w = got[l - 1], want[l - 1]
            if g.shape != w.shape:
                return result("wrong", "ex.shape_of", lang, k=l, want=w.shape, got=g.shape)
            if not np.all(np.isfinite(g)):
                return result("wrong", "ex.not_finite", lang, got=describe(g))
            if not _same(g, w):
                if _same(g, len(X) * w):
                    return result("almost", "ex.hint.no_m", lang)
                if _same(g, -w):
                    return result("almost", "ex.hint.delta_sign", lang)
                if l == L:
                    return result("wrong", "ex.hint.wrong_top", lang)
                return result("wrong", "ex.hint.wrong_layer", lang, l=l, l1=l + 1)
        for g, part in zip(got, _numeric_W(net, X, Y)):
            worst = max(worst, float(np.max(relative_error(g, part))))
    return result("right", "ex.right_loop", lang, n=cases, err=worst)
