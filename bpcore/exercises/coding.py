"""The coding exercises: the student writes a function (or a class); bpcore checks it.

Each checker runs the student's code on the tutorials' numbers and on seeded random nets,
compares with bpcore (whose gradients ``tests/test_exercises.py`` checks against central
differences) and, when the answer is wrong, with the classic mistakes written out below
(:func:`_two_layer`, :func:`_textbook_step`, ...): an answer equal to one of them gets that
mistake's hint. The ``reference`` of each exercise is a right answer built on bpcore.
"""

from itertools import pairwise

import numpy as np

from ._code import attempt, diagnose, failed
from ._feedback import result
from ._registry import register

_RNG_SEED = 12


def _f(z):
    from ..activations import sigmoid

    return sigmoid(np.asarray(z, dtype=float))


def _first_failure(results):
    """The first result that is not right, else the last (all right)."""
    for r in results:
        if not r.ok:
            return r
    return results[-1]


TUTORIAL = {"zh": "教程的数值", "en": "the tutorial's numbers"}


def _random_case(k):
    return {"zh": f"随机网络{k}", "en": f"random net {k}"}


# --- 02: the sigmoid and its derivative ------------------------------------------------------
def _ref_sigmoid():
    from ..activations import sigmoid, sigmoid_prime

    return sigmoid, sigmoid_prime


@register("02-sigmoid", "code", _ref_sigmoid)
def _(answer, lang):
    if answer is None:
        return result("missing", "ex.missing_code", lang)
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        return result("wrong", "ex.returns", lang, n=2, got=repr(answer)[:60])
    sig, prime = answer
    z = np.array([-4.0, -1.0, 0.0, 0.5, 0.8, 2.0, 6.0])
    s = attempt(sig, (z,), lang, shapes=[z.shape])
    if failed(s):
        return s
    want = _f(z)
    mistakes = {"ex.hint.sigmoid_sign": [1 / (1 + np.exp(z))]}
    r = diagnose([s], [want], mistakes, lang, case={"zh": "z = " + str(z), "en": "z = " + str(z)})
    if not r.ok:
        return r
    d = attempt(prime, (z,), lang, shapes=[z.shape])
    if failed(d):
        return d
    mistakes = {
        "ex.hint.prime_at_input": [z * (1 - z)],
        "ex.hint.prime_of_output": [_f(want) * (1 - _f(want))],
        "ex.hint.prime_sign": [-want * (1 - want)],
    }
    return diagnose([d], [want * (1 - want)], mistakes, lang, case={"zh": "f′", "en": "f′"})


# --- 04: the 2-2-2 forward pass ---------------------------------------------------------------
def _forward_222(x, W1, b1, W2, b2, mistake=None):
    sign = -1.0 if mistake == "threshold" else 1.0
    h = _f(x @ W1 + sign * b1)
    net_o = h @ W2 + sign * b2
    return h, (net_o if mistake == "no_output_f" else _f(net_o))


def _ref_forward():
    def forward(x, W1, b1, W2, b2):
        from ..network import Layer, Network

        trace = Network([Layer(W1, b1), Layer(W2, b2)]).forward(np.atleast_2d(x))
        return trace.layers[0].out[0], trace.layers[1].out[0]

    return forward


def _cases_222(rng_cases=2):
    from .. import examples

    ex = examples.get("t004_222_frozen")
    (l1, l2) = ex.network.layers
    cases = [(TUTORIAL, ex.X[0], ex.Y[0], l1.W, l1.offset, l2.W, l2.offset, ex.eta)]
    rng = np.random.default_rng(_RNG_SEED)
    for k in range(rng_cases):
        p = [rng.uniform(-1, 1, s) for s in ((2,), (2,), (2, 2), (2,), (2, 2), (2,))]
        cases.append((_random_case(k + 1), *p, 0.5))
    return cases


@register("04-forward", "code", _ref_forward)
def _(answer, lang):
    out = []
    for case, x, _, W1, b1, W2, b2, _ in _cases_222():
        got = attempt(answer, (x, W1, b1, W2, b2), lang, n=2, shapes=[(2,), (2,)])
        if failed(got):
            return got
        want = _forward_222(x, W1, b1, W2, b2)
        mistakes = {
            "ex.hint.threshold_sign": _forward_222(x, W1, b1, W2, b2, "threshold"),
            "ex.hint.output_activation": _forward_222(x, W1, b1, W2, b2, "no_output_f"),
            "ex.hint.transposed": _forward_222(x, W1.T, b1, W2.T, b2),
        }
        out.append(diagnose(got, want, mistakes, lang, case=case, names=["out_h", "out_o"]))
    return _first_failure(out)


# --- 05: one SGD step of the 2-2-2 net (biases added, E = ½ Σ_j (out_oj − target_j)²) -----
def _two_layer(x, t, W1, b1, W2, b2, eta, mistake=None):
    """One step written out, optionally with one classic mistake (for the hints)."""
    h = _f(x @ W1 + b1)
    o = _f(h @ W2 + b2)
    fprime_o = (h @ W2 + b2) * (1 - (h @ W2 + b2)) if mistake == "f_input" else o * (1 - o)
    delta_o = (o - t) * fprime_o  # ∂E/∂net_o
    W2_new = W2 - eta * np.outer(h, delta_o)
    b2_new = b2 - eta * delta_o
    W2_used = W2_new if mistake == "updated" else W2
    back = W2_used[:, 0] * delta_o[0] if mistake == "no_sum" else W2_used @ delta_o
    fprime_h = (x @ W1 + b1) * (1 - (x @ W1 + b1)) if mistake == "f_input" else h * (1 - h)
    delta_h = back * fprime_h
    s = -1.0 if mistake == "ascent" else 1.0
    W1_new = W1 - s * eta * np.outer(x, delta_h)
    b1_new = b1 - s * eta * delta_h
    if mistake == "ascent":
        W2_new, b2_new = W2 + eta * np.outer(h, delta_o), b2 + eta * delta_o
    return [W1_new, b1_new, W2_new, b2_new]


def _ref_step():
    def step(x, t, W1, b1, W2, b2, eta):
        from ..network import Layer, Network

        net = Network([Layer(W1, b1), Layer(W2, b2)])
        g = net.gradients(np.atleast_2d(x), np.atleast_2d(t), "sum")
        return tuple(
            p - eta * dp
            for layer, gl in zip(net.layers, g.layers)
            for p, dp in ((layer.W, gl.W), (layer.offset, gl.offset))
        )

    return step


_MISTAKES_2L = {
    "ex.hint.ascent": "ascent",
    "ex.hint.missing_sum": "no_sum",
    "ex.hint.prime_at_input": "f_input",
    "ex.hint.updated_output_weights": "updated",
}


@register("05-step", "code", _ref_step)
def _(answer, lang):
    out = []
    for case, x, t, W1, b1, W2, b2, eta in _cases_222():
        shapes = [(2, 2), (2,), (2, 2), (2,)]
        got = attempt(answer, (x, t, W1, b1, W2, b2, eta), lang, n=4, shapes=shapes)
        if failed(got):
            return got
        want = _ref_step()(x, t, W1, b1, W2, b2, eta)
        mistakes = {k: _two_layer(x, t, W1, b1, W2, b2, eta, m) for k, m in _MISTAKES_2L.items()}
        names = ["W1", "b1", "W2", "b2"]
        out.append(diagnose(got, list(want), mistakes, lang, case=case, names=names))
    return _first_failure(out)


# --- 06: the textbook's standard BP, one pass of the loop of Fig. 5.8 ---------------------------
def _textbook_step(x, y, v, gamma, w, theta, eta, mistake=None):
    """Fig. 5.8's body for one sample, optionally with one classic mistake."""
    alpha = x @ v
    b = _f(alpha - gamma)
    beta = b @ w
    y_hat = _f(beta - theta)
    fp = (beta - theta) * (1 - (beta - theta)) if mistake == "f_input" else y_hat * (1 - y_hat)
    g = fp * (y - y_hat)  # (5.10)
    w_new = w + eta * np.outer(b, g)  # (5.11)
    theta_new = theta + (eta * g if mistake == "threshold" else -eta * g)  # (5.12)
    w_used = w_new if mistake == "updated" else w
    back = w_used[:, 0] * g[0] if mistake == "no_sum" else w_used @ g
    fpb = (alpha - gamma) * (1 - (alpha - gamma)) if mistake == "f_input" else b * (1 - b)
    e = fpb * back  # (5.15)
    v_new = v + eta * np.outer(x, e)  # (5.13)
    gamma_new = gamma + (eta * e if mistake == "threshold" else -eta * e)  # (5.14)
    return [v_new, gamma_new, w_new, theta_new]


def _ref_bp():
    def bp_step(x, y, v, gamma, w, theta, eta):
        from ..network import TextbookNet

        new = TextbookNet(v, gamma, w, theta).updated(x, y, eta)
        return new.v, new.gamma, new.w, new.theta

    return bp_step


def _cases_textbook():
    from .. import examples

    ex = examples.get("t002_textbook")
    tb = ex.network
    cases = [(TUTORIAL, ex.X[0], ex.Y[0], tb.v, tb.gamma, tb.w, tb.theta, ex.eta)]
    rng = np.random.default_rng(_RNG_SEED + 1)
    for k, (d, q, l) in enumerate(((3, 4, 2), (2, 3, 3))):
        p = [rng.uniform(-1, 1, s) for s in ((d,), (l,), (d, q), (q,), (q, l), (l,))]
        p[1] = rng.uniform(0, 1, l)
        cases.append((_random_case(k + 1), *p, 0.3))
    return cases


_MISTAKES_TB = {
    "ex.hint.threshold_sign": "threshold",
    "ex.hint.missing_sum": "no_sum",
    "ex.hint.prime_at_input": "f_input",
    "ex.hint.updated_output_weights": "updated",
}


@register("06-bp", "code", _ref_bp)
def _(answer, lang):
    out = []
    for case, x, y, v, gamma, w, theta, eta in _cases_textbook():
        shapes = [v.shape, gamma.shape, w.shape, theta.shape]
        got = attempt(answer, (x, y, v, gamma, w, theta, eta), lang, n=4, shapes=shapes)
        if failed(got):
            return got
        want = list(_ref_bp()(x, y, v, gamma, w, theta, eta))
        mistakes = {
            k: _textbook_step(x, y, v, gamma, w, theta, eta, m) for k, m in _MISTAKES_TB.items()
        }
        names = ["v", "gamma", "w", "theta"]
        out.append(diagnose(got, want, mistakes, lang, case=case, names=names))
    return _first_failure(out)


# --- 07: the vectorised backward pass of an L-layer sigmoid net, averaged over a batch ----------
def _ref_backward():
    def backward(X, Y, Ws, bs):
        from ..network import Layer, Network

        net = Network([Layer(W, b) for W, b in zip(Ws, bs)])
        g = net.gradients(X, Y, "mean")
        return [gl.W for gl in g.layers], [gl.offset for gl in g.layers]

    return backward


def _backward_l(X, Y, Ws, bs, mistake=None):
    outs = [X]
    for W, b in zip(Ws, bs):
        outs.append(_f(outs[-1] @ W + b))
    m = 1 if mistake == "no_mean" else len(X)
    delta = (outs[-1] - Y) * outs[-1] * (1 - outs[-1])
    dWs, dbs = [], []
    for k in range(len(Ws) - 1, -1, -1):
        dWs.insert(0, outs[k].T @ delta / m)
        dbs.insert(0, delta.sum(axis=0) / m)
        if k:
            delta = (delta @ Ws[k].T) * outs[k] * (1 - outs[k])
    return dWs + dbs


@register("07-backward", "code", _ref_backward)
def _(answer, lang):
    from .. import examples

    ex = examples.get("t000_batch_321")
    rng = np.random.default_rng(_RNG_SEED + 2)
    cases = [
        (TUTORIAL, ex.X, ex.Y, [la.W for la in ex.network.layers], None),
    ]
    for k, sizes in enumerate(((3, 4, 2), (2, 5, 3, 2))):
        Ws = [rng.normal(0, 1, (a, b)) for a, b in pairwise(sizes)]
        bs = [rng.normal(0, 1, b) for b in sizes[1:]]
        X = rng.normal(0, 1, (5, sizes[0]))
        Y = rng.uniform(0, 1, (5, sizes[-1]))
        cases.append((_random_case(k + 1), X, Y, Ws, bs))
    out = []
    for case, X, Y, Ws, bs in cases:
        if bs is None:  # tutorial 000's 3-2-1 net has no biases: zeros
            bs = [np.zeros(W.shape[1]) for W in Ws]
        got = attempt(answer, (X, Y, [W.copy() for W in Ws], [b.copy() for b in bs]), lang, n=2)
        if failed(got):
            return got
        shapes = [W.shape for W in Ws] + [b.shape for b in bs]
        flat = attempt(lambda g=got: [*g[0], *g[1]], (), lang, n=len(shapes), shapes=shapes)
        if failed(flat):
            return flat
        dW, db = _ref_backward()(X, Y, Ws, bs)
        mistakes = {"ex.hint.missing_mean": _backward_l(X, Y, Ws, bs, "no_mean")}
        names = [f"dWs[{k}]" for k in range(len(Ws))] + [f"dbs[{k}]" for k in range(len(bs))]
        out.append(diagnose(flat, [*dW, *db], mistakes, lang, case=case, names=names))
    return _first_failure(out)


# --- 08: how many iterations ---------------------------------------------------------------
def _ref_iterations():
    def n_iterations(N, B, epochs):
        from ..train import schedule

        return schedule(N, B, epochs=epochs).total_iterations

    return n_iterations


@register("08-iterations", "code", _ref_iterations)
def _(answer, lang):
    from ..train import schedule

    rng = np.random.default_rng(_RNG_SEED + 3)
    cases = [(60_000, 128, 1), (50_000, 256, 3), (100, 1, 40), (64, 8, 2)]
    for n, e in rng.integers(1, 500, (6, 2)):
        cases.append((int(n), int(rng.integers(1, n + 1)), int(e)))
    out = []
    for N, B, E in cases:
        got = attempt(answer, (N, B, E), lang, shapes=[()])
        if failed(got):
            return got
        want = schedule(N, B, epochs=E).total_iterations
        mistakes = {"ex.hint.round_up": [np.array(N // B * E)]}
        case = f"N = {N}, B = {B}, epochs = {E}"
        out.append(diagnose([got], [np.array(want)], mistakes, lang, case=case))
    return _first_failure(out)


# --- 09: weights that solve XOR -------------------------------------------------------------
def _ref_xor():
    def xor_parameters():
        # hidden unit 1 is OR, unit 2 is AND; the output is OR and not AND
        v = np.array([[20.0, 20.0], [20.0, 20.0]])
        return v, np.array([10.0, 30.0]), np.array([[20.0], [-20.0]]), np.array([10.0])

    return xor_parameters


@register("09-xor", "code", _ref_xor)
def _(answer, lang):
    from ..network import TextbookNet

    got = attempt(answer, (), lang, n=4, shapes=[(2, 2), (2,), (2, 1), (1,)])
    if failed(got):
        return got
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y_hat = TextbookNet(*got).forward(X).y_hat[:, 0]
    wrong = [
        f"{tuple(int(v) for v in x)} → {q:.2f}"
        for x, q, y in zip(X, y_hat, (0, 1, 1, 0))
        if abs(q - y) >= 0.1
    ]
    if not wrong:
        return result("right", "ex.right", lang)
    return result("wrong", "ex.xor_wrong", lang, wrong="; ".join(wrong))


# --- 11: the central difference -------------------------------------------------------------
def _ref_central():
    def central_difference(f, p, eps):
        from ..gradcheck import numeric_gradient

        return numeric_gradient(f, p, eps=eps)

    return central_difference


@register("11-central", "code", _ref_central)
def _(answer, lang):
    from .. import examples
    from ..gradcheck import numeric_gradient

    ex = examples.get("t002_textbook")
    net = ex.network.network

    def textbook_loss(p):
        return float(net.with_flat(p).loss(ex.X, ex.Y))

    def cubic(p):
        return float(np.sum(p**3) + p[0] * p[-1])

    cases = [
        ({"zh": "第11课的教科书网络", "en": "lesson 11's textbook net"}, textbook_loss, net.flat()),
        ({"zh": "三次函数", "en": "a cubic"}, cubic, np.array([0.5, -1.0, 2.0])),
    ]
    out = []
    eps = 1e-4
    for case, fn, p in cases:
        got = attempt(answer, (fn, p.copy(), eps), lang, shapes=[p.shape])
        if failed(got):
            return got
        want = numeric_gradient(fn, p, eps=eps)
        onesided = np.array([(fn(p + eps * e) - fn(p)) / eps for e in np.eye(p.size)])
        mistakes = {
            "ex.hint.one_sided": [onesided],
            "ex.hint.half_step": [2 * want],
        }
        out.append(diagnose([got], [want], mistakes, lang, case=case, rtol=1e-5))
    return _first_failure(out)


# --- 03: a micrograd-style scalar Value with backward ------------------------------------------
def _ref_value():
    class Value:
        """A number that remembers how it was made, and backpropagates (the reference)."""

        def __init__(self, data, parents=()):
            self.data, self.grad, self._parents = float(data), 0.0, parents
            self._backward = lambda: None

        def __add__(self, other):
            out = Value(self.data + other.data, (self, other))

            def _backward():
                self.grad += out.grad
                other.grad += out.grad

            out._backward = _backward
            return out

        def __mul__(self, other):
            out = Value(self.data * other.data, (self, other))

            def _backward():
                self.grad += other.data * out.grad
                other.grad += self.data * out.grad

            out._backward = _backward
            return out

        def sigmoid(self):
            out = Value(float(_f(self.data)), (self,))

            def _backward():
                self.grad += out.data * (1 - out.data) * out.grad

            out._backward = _backward
            return out

        def backward(self):
            order, seen = [], set()

            def visit(node):
                if id(node) not in seen:
                    seen.add(id(node))
                    for parent in node._parents:
                        visit(parent)
                    order.append(node)

            visit(self)
            self.grad = 1.0
            for node in reversed(order):
                node._backward()

    return Value


def _value_cases():
    from .. import examples
    from ..gradcheck import numeric_gradient

    s = examples.get("t004_composite").settings

    def composite(V, p):
        x, w, b = (V(c) for c in p)
        return (w * x + b).sigmoid(), (x, w, b)

    def reuse(V, p):
        a, c = V(p[0]), V(p[1])
        return (a * a + a * c).sigmoid(), (a, c)

    def plain(build, p):
        return float(build(_Plain, p)[0].data)

    out = []
    for name, build, p in (
        (
            {"zh": "σ(wx + b)，教程004", "en": "σ(wx + b), tutorial 004"},
            composite,
            np.array([s["x"], s["w"], s["b"]]),
        ),
        (
            {"zh": "σ(a·a + a·c)，a用了三次", "en": "σ(a·a + a·c), a used three times"},
            reuse,
            np.array([1.5, -0.7]),
        ),
    ):
        want = [plain(build, p), *numeric_gradient(lambda q, b=build: plain(b, q), p)]
        out.append((name, build, p, want))
    return out


class _Plain:
    """Just the forward arithmetic, for the central differences."""

    def __init__(self, data):
        self.data = float(data)

    def __add__(self, other):
        return _Plain(self.data + other.data)

    def __mul__(self, other):
        return _Plain(self.data * other.data)

    def sigmoid(self):
        return _Plain(float(_f(self.data)))


@register("03-value", "code", _ref_value)
def _(answer, lang):
    if answer is None:
        return result("missing", "ex.missing_code", lang)
    out = []
    for case, build, p, want in _value_cases():

        def run_case(V, build=build, p=p):
            f, leaves = build(V, p)
            f.backward()
            return [f.data, *(leaf.grad for leaf in leaves)]

        got = attempt(run_case, (answer,), lang, n=len(want), shapes=[()] * len(want))
        if failed(got):
            return got
        names = ["data"] + [f"grad {k + 1}" for k in range(len(want) - 1)]
        r = diagnose(got, [np.array(w) for w in want], {}, lang, case=case, names=names, rtol=1e-5)
        if not r.ok and out and out[0].ok:  # right without reuse, wrong with: = instead of +=
            r = result("wrong", "ex.hint.accumulate", lang)
        out.append(r)
    return _first_failure(out)
