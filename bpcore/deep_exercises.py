"""The exercises of lesson 12 (matrix form and L layers): answers and checkers.

The expected answers are computed here, by bpcore, when a student's answer is checked; the
notebooks only call :func:`check` with an exercise id, so nothing on screen or in the
notebook's namespace holds the answer. The coding exercises run the student's function on
random shapes and compare with bpcore's engine and with central differences; a classic
mistake gets a hint naming it. A student's exception, NaN or wrong shape becomes feedback,
never an error in the notebook.

Examples
--------
>>> check("12.passes", None, lang="en").verdict
'missing'
>>> check("12.passes", 26, lang="en").verdict
'right'
"""

import numpy as np

from . import _validate as validate
from .exercises import CheckResult
from .exercises import check as check_value


def _passes_231():
    """Forward passes of central differences for the 2-3-1 net: 2n."""
    from .network import Network

    return 2 * Network.from_sizes((2, 3, 1), rng=0).spec.n_params


def _memory():
    from .backprop_cost import activation_bytes

    return sum(activation_bytes((784, 256, 256, 10), m=64))


def _ratio():
    from .matrix_form import multiply_adds

    forward, backward = multiply_adds((784, 256, 256, 10), 64)
    return (forward + backward) / forward


#: exercise id → (function computing the expected answer, keyword arguments of the check)
ANSWERS = {
    "12.passes": (_passes_231, {}),
    "12.memory": (_memory, {}),
    "12.ratio": (_ratio, {"rtol": 1e-4}),
}

_HINTS = {
    "12.passes": {
        "zh": "每个参数要算两次损失，每次一次前向传播；2-3-1网络有(2+1)·3+(3+1)·1个参数。",
        "en": "Two losses per parameter, one forward pass each; a 2-3-1 net has "
        "(2+1)·3 + (3+1)·1 parameters.",
    },
    "12.memory": {
        "zh": "每层保存m·n_l个float64（8字节），输入层也算。",
        "en": "Each layer keeps m·n_l float64 numbers (8 bytes each), the input layer included.",
    },
    "12.ratio": {
        "zh": "前向每层一次矩阵乘法，反向每层两次（第1层只要一次）。",
        "en": "The forward pass does one product per layer, the backward pass two "
        "(one at layer 1).",
    },
}


def check(exercise_id, answer, *, lang="en"):
    """Check a numeric answer of lesson 12 against the value bpcore computes.

    Parameters
    ----------
    exercise_id : str
        A key of :data:`ANSWERS`, e.g. ``"12.passes"``.
    answer : float or None
    lang : {"zh", "en"}

    Returns
    -------
    CheckResult
    """
    exercise_id = validate.choice("exercise_id", exercise_id, tuple(ANSWERS))
    if answer is None or answer is Ellipsis:
        return check_value(None, 0.0, lang=lang)
    expected, kw = ANSWERS[exercise_id]
    return check_value(answer, expected(), lang=lang, hint=_HINTS[exercise_id], **kw)


# ---------------------------------------------------------------------------------------------
# Coding exercises
# ---------------------------------------------------------------------------------------------
_TEXT = {
    "missing": {
        "zh": "还没有作答：写好函数（去掉 raise NotImplementedError），再运行本单元。",
        "en": "Not answered yet: write the function (remove raise NotImplementedError) and "
        "run this cell again.",
    },
    "raised": {
        "zh": "函数出错了：{err}",
        "en": "The function raised an error: {err}",
    },
    "matmul": {
        "zh": "矩阵乘法的形状对不上（@ 报错）。写出每个因子的形状，看哪里少了或多了一个转置。",
        "en": "The shapes of a matrix product do not fit (@ raised an error). Write down each "
        "factor's shape and see where a transpose is missing or extra.",
    },
    "transposed": {
        "zh": "差一点：{what} 转置了。{what} 应与 {like} 同形。",
        "en": "Almost: {what} is transposed. {what} must have the shape of {like}.",
    },
    "not_array": {
        "zh": "应返回两个数组 (delta, dW)，得到的是 {got}。",
        "en": "It should return two arrays (delta, dW); got {got}.",
    },
    "shape": {
        "zh": "{what} 的形状不对：期望 {want}，得到 {got}。检查矩阵乘法的顺序和转置。",
        "en": "{what} has the wrong shape: expected {want}, got {got}. Check the order and "
        "the transposes of the products.",
    },
    "nan": {"zh": "结果里有 NaN 或无穷大。", "en": "The result holds NaN or infinity."},
    "right_backward": {
        "zh": "正确！在{n}个随机形状上与bpcore的引擎和中心差分一致（最大相对误差 {err:.1e}）。",
        "en": "Right! On {n} random shapes it agrees with bpcore's engine and with central "
        "differences (largest relative error {err:.1e}).",
    },
    "no_m": {
        "zh": "差一点：dW 大了 m 倍。损失是对样本的平均，dW = a_prevᵀ·delta / m。",
        "en": "Almost: dW is m times too large. The loss is a mean over the samples: "
        "dW = a_prevᵀ·delta / m.",
    },
    "f_of_z": {
        "zh": "差一点：f′ 用错了。a 已经是 f(z)，f′(z) = a(1 − a)；不要再对 a 求一次 sigmoid。",
        "en": "Almost: the wrong f′. a is already f(z), so f′(z) = a(1 − a); do not apply the "
        "sigmoid to a again.",
    },
    "no_f_prime": {
        "zh": "差一点：delta 少乘了 f′(z) = a(1 − a)。",
        "en": "Almost: delta lacks the factor f′(z) = a(1 − a).",
    },
    "sign": {
        "zh": "差一点：符号反了。delta = ∂E/∂z，是教材 g、e 的相反数。",
        "en": "Almost: the sign is flipped. delta = ∂E/∂z, the negative of the book's g, e.",
    },
    "wrong_delta": {
        "zh": "delta 还不对。delta = (delta_next @ W_nextᵀ) ⊙ a(1 − a)。",
        "en": "delta is not right yet: delta = (delta_next @ W_nextᵀ) ⊙ a(1 − a).",
    },
    "not_list": {
        "zh": "应返回一个列表，每层一个 dW（共 {L} 个），得到的是 {got}。",
        "en": "It should return a list with one dW per layer ({L} of them); got {got}.",
    },
    "wrong_layer": {
        "zh": "第{l}层的 dW 还不对（更高的层都对了）：检查从第{l1}层传到第{l}层的 delta。",
        "en": "dW of layer {l} is not right yet (the layers above are): check the delta passed "
        "from layer {l1} down to layer {l}.",
    },
    "wrong_top": {
        "zh": "输出层的 dW 还不对：delta_L = (a_L − Y) ⊙ a_L(1 − a_L)，"
        "dW_L = a_(L−1)ᵀ @ delta_L / m。",
        "en": "The output layer's dW is not right yet: delta_L = (a_L − Y) ⊙ a_L(1 − a_L), "
        "dW_L = a_(L−1)ᵀ @ delta_L / m.",
    },
    "right_loop": {
        "zh": "正确！在{n}个随机的多层网络上与bpcore和中心差分一致（最大相对误差 {err:.1e}）。",
        "en": "Right! On {n} random deep nets it agrees with bpcore and with central "
        "differences (largest relative error {err:.1e}).",
    },
    "wrong_dW": {
        "zh": "delta 对了，dW 还不对：dW = a_prevᵀ @ delta / m。",
        "en": "delta is right but dW is not yet: dW = a_prevᵀ @ delta / m.",
    },
}


def _say(key, lang, **kw):
    return _TEXT[key]["zh" if lang == "zh" else "en"].format(**kw)


def _call(fn, *args):
    """fn(*args), or the exception it raised (any exception becomes feedback)."""
    try:
        return fn(*args), None
    except Exception as exc:
        return None, exc


def _random_case(gen):
    """A random sigmoid net of 3 or 4 layers, a batch, and a hidden layer l to check."""
    from .network import Network

    depth = int(gen.integers(2, 4))
    sizes = [int(s) for s in gen.integers(1, 6, size=depth + 2)]
    net = Network.from_sizes(sizes, rng=gen, scale=1.5)
    m = int(gen.integers(2, 6))
    X = gen.normal(size=(m, sizes[0]))
    Y = gen.uniform(size=(m, sizes[-1]))
    l = int(gen.integers(1, len(sizes) - 1))  # a hidden layer: 1 ≤ l ≤ L − 1
    return net, X, Y, l


def check_layer_backward(fn, *, lang="en", cases=6, rng=0):
    """Check a student's backward step for one hidden sigmoid layer l.

    ``fn(delta_next, W_next, a, a_prev)`` must return ``(delta, dW)``:

    * delta_next (m, n_{l+1}) = δ⁽ˡ⁺¹⁾, W_next (n_l, n_{l+1}) = W⁽ˡ⁺¹⁾,
      a (m, n_l) = a⁽ˡ⁾ = f(z⁽ˡ⁾), a_prev (m, n_{l−1}) = a⁽ˡ⁻¹⁾;
    * delta (m, n_l) = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ a⁽ˡ⁾(1 − a⁽ˡ⁾), dW (n_{l−1}, n_l) = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾/m.

    Each case is a random net; delta is compared with :func:`bpcore.matrix_form.backward`, dW
    with the engine (:meth:`bpcore.Network.gradients`) and with central differences.

    Returns
    -------
    CheckResult

    Examples
    --------
    >>> def step(delta_next, W_next, a, a_prev):
    ...     delta = (delta_next @ W_next.T) * a * (1 - a)
    ...     return delta, a_prev.T @ delta / len(a)
    >>> check_layer_backward(step, lang="en").verdict
    'right'
    >>> check_layer_backward(lambda d, W, a, p: ((d @ W.T) * a * (1 - a),
    ...                      p.T @ ((d @ W.T) * a * (1 - a))), lang="en").verdict
    'almost'
    """
    from .activations import sigmoid
    from .backprop_cost import central_differences
    from .gradcheck import relative_error
    from .matrix_form import backward, forward

    if fn is None:
        return CheckResult("missing", _say("missing", lang))
    gen = np.random.default_rng(rng)
    worst = 0.0
    for _ in range(cases):
        net, X, Y, l = _random_case(gen)
        cache = forward(net, X)
        grads = backward(net, cache, Y)
        a, a_prev = cache.a[l], cache.a[l - 1]
        delta_next, W_next = grads.delta[l], net.layers[l].W
        out, exc = _call(fn, delta_next.copy(), W_next.copy(), a.copy(), a_prev.copy())
        if isinstance(exc, NotImplementedError):
            return CheckResult("missing", _say("missing", lang))
        if isinstance(exc, ValueError) and "matmul" in str(exc):
            return CheckResult("wrong", _say("matmul", lang))
        if exc is not None:
            return CheckResult("wrong", _say("raised", lang, err=f"{type(exc).__name__}: {exc}"))
        try:
            delta, dW = (np.asarray(v, dtype=float) for v in out)
        except (TypeError, ValueError):
            return CheckResult("wrong", _say("not_array", lang, got=repr(out)[:60]))
        m = X.shape[0]
        for what, got, want in (("delta", delta, grads.delta[l - 1]), ("dW", dW, grads.W[l - 1])):
            if got.shape != want.shape:
                return CheckResult(
                    "wrong", _say("shape", lang, what=what, want=want.shape, got=got.shape)
                )
        if not (np.all(np.isfinite(delta)) and np.all(np.isfinite(dW))):
            return CheckResult("wrong", _say("nan", lang))
        want = grads.delta[l - 1]
        back = delta_next @ W_next.T

        def same(x, y):
            return np.allclose(x, y, rtol=1e-7, atol=1e-12)

        if not same(delta, want):
            if want.shape == want.T.shape and same(delta, want.T):
                return CheckResult("almost", _say("transposed", lang, what="delta", like="a"))
            for key, variant in (
                ("sign", -want),
                ("f_of_z", back * sigmoid(a) * (1 - sigmoid(a))),
                ("no_f_prime", back),
            ):
                if same(delta, variant):
                    return CheckResult("almost", _say(key, lang))
            return CheckResult("wrong", _say("wrong_delta", lang))
        engine = net.gradients(X, Y).layers[l - 1].W
        numeric = central_differences(net, X, Y).reshape(-1)
        start = sum((ly.W.size + ly.offset.size) for ly in net.layers[: l - 1])
        numeric_W = numeric[start : start + engine.size].reshape(engine.shape)
        if not same(dW, engine):
            if same(dW, m * engine):
                return CheckResult("almost", _say("no_m", lang))
            if same(dW, -engine):
                return CheckResult("almost", _say("sign", lang))
            if engine.shape == engine.T.shape and same(dW, engine.T):
                return CheckResult("almost", _say("transposed", lang, what="dW", like="W"))
            return CheckResult("wrong", _say("wrong_dW", lang))
        worst = max(worst, float(np.max(relative_error(dW, numeric_W))))
    return CheckResult("right", _say("right_backward", lang, n=cases, err=worst))


def check_backward_loop(fn, *, lang="en", cases=5, rng=1):
    """Check a student's whole backward pass for an L-layer sigmoid net (weights only).

    ``fn(Ws, a, Y)`` must return the list ``[∂E/∂W⁽¹⁾, …, ∂E/∂W⁽ᴸ⁾]``:

    * Ws[l-1] = W⁽ˡ⁾ of shape (n_{l−1}, n_l); a[l] = a⁽ˡ⁾ of shape (m, n_l), a[0] = X,
      a[L] = ŷ, every layer a sigmoid; Y of shape (m, n_L);
    * δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − Y) ⊙ a⁽ᴸ⁾(1 − a⁽ᴸ⁾), δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ᵀ) ⊙ a⁽ˡ⁾(1 − a⁽ˡ⁾),
      ∂E/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾/m, for E = (1/m) Σ_k ½‖ŷ_k − y_k‖².

    Each case is a random net of 2 to 4 layers, compared with :func:`bpcore.matrix_form.backward`
    and with central differences; the first wrong layer from the top is named.

    Returns
    -------
    CheckResult

    Examples
    --------
    >>> def loop(Ws, a, Y):
    ...     L, m = len(Ws), len(Y)
    ...     delta = (a[L] - Y) * a[L] * (1 - a[L])
    ...     dWs = [None] * L
    ...     for l in range(L, 0, -1):
    ...         dWs[l - 1] = a[l - 1].T @ delta / m
    ...         if l > 1:
    ...             delta = (delta @ Ws[l - 1].T) * a[l - 1] * (1 - a[l - 1])
    ...     return dWs
    >>> check_backward_loop(loop, lang="en").verdict
    'right'
    >>> check_backward_loop(lambda Ws, a, Y: [0 * W for W in Ws], lang="en").verdict
    'wrong'
    """
    from .backprop_cost import central_differences
    from .gradcheck import relative_error
    from .matrix_form import backward, forward

    if fn is None:
        return CheckResult("missing", _say("missing", lang))
    gen = np.random.default_rng(rng)
    worst = 0.0
    for _ in range(cases):
        net, X, Y, _l = _random_case(gen)
        cache = forward(net, X)
        want = backward(net, cache, Y).W
        L = len(want)
        out, exc = _call(fn, [ly.W.copy() for ly in net.layers], [a.copy() for a in cache.a], Y)
        if isinstance(exc, NotImplementedError):
            return CheckResult("missing", _say("missing", lang))
        if isinstance(exc, ValueError) and "matmul" in str(exc):
            return CheckResult("wrong", _say("matmul", lang))
        if exc is not None:
            return CheckResult("wrong", _say("raised", lang, err=f"{type(exc).__name__}: {exc}"))
        try:
            got = [np.asarray(g, dtype=float) for g in out]
        except (TypeError, ValueError):
            got = None
        if got is None or len(got) != L:
            return CheckResult("wrong", _say("not_list", lang, L=L, got=repr(out)[:60]))
        for l in range(L, 0, -1):  # from the top: the first wrong layer is the one to fix
            g, w = got[l - 1], want[l - 1]
            if g.shape != w.shape:
                return CheckResult(
                    "wrong", _say("shape", lang, what=f"dW[{l - 1}]", want=w.shape, got=g.shape)
                )
            if not np.all(np.isfinite(g)):
                return CheckResult("wrong", _say("nan", lang))
            if not np.allclose(g, w, rtol=1e-7, atol=1e-12):
                if np.allclose(g, len(X) * w, rtol=1e-7, atol=1e-12):
                    return CheckResult("almost", _say("no_m", lang))
                if np.allclose(g, -w, rtol=1e-7, atol=1e-12):
                    return CheckResult("almost", _say("sign", lang))
                if l == L:
                    return CheckResult("wrong", _say("wrong_top", lang))
                return CheckResult("wrong", _say("wrong_layer", lang, l=l, l1=l + 1))
        numeric = central_differences(net, X, Y)
        start = 0
        for layer, g in zip(net.layers, got):
            part = numeric[start : start + g.size].reshape(g.shape)
            worst = max(worst, float(np.max(relative_error(g, part))))
            start += layer.W.size + layer.offset.size
    return CheckResult("right", _say("right_loop", lang, n=cases, err=worst))
