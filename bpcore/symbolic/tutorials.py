"""The other tutorials' derivations, carried out in SymPy.

* :func:`composite_004` — tutorial 004's composite function f(x; w, b) = 1/(exp(−(w·x + b)) + 1)
  split into elementary functions; the derivative is the product along the path from f to
  w (or b); at x = 1, w = 0, b = 0 both equal 1/4.
* :func:`chain_000` — tutorial 000's 3-2-1 net (linear hidden layer, sigmoid output, mean
  squared error over three samples): ∂E/∂w1 = mean over samples of ∂E/∂y · ∂y/∂s · ∂s/∂w1,
  against the tutorial's product of the three *separately averaged* factors.
* :func:`chains_222` — the 2-2-2 network of tutorials 003/004: the chains for w5 (output
  layer) and w1 (hidden layer, reached through both outputs), with the published numbers.
"""

from __future__ import annotations

import functools

import sympy as sp

from .derivation import Derivation, Proof, Shown, Step, partial, product
from .functions import f, use_sigmoid_identity
from .notation import BookSymbol
from .textbook import is_zero_rational

__all__ = ["chain_000", "chains_222", "composite_004"]


def _S(name, **kw):
    return BookSymbol(name, **kw)


def _num(expr, digits=30) -> float:
    return float(sp.N(expr, digits))


# --- tutorial 004: a composite function, its elementary pieces and the path product ---


@functools.cache
def composite_004() -> Derivation:
    """Tutorial 004's composite f(x; w, b) = 1/(exp(−(w·x + b)) + 1), by the chain rule.

    The split into elementary functions (as in Qiu Xipeng's *Neural Networks and Deep
    Learning*): h1 = x·w, h2 = h1 + b, h3 = −h2, h4 = exp(h3), h5 = h4 + 1, h6 = 1/h5 = f.

    Returns
    -------
    Derivation
        Steps ``"h1"`` … ``"h6"`` (definitions), ``"dh1/dw"`` … ``"dh6/dh5"`` (each local
        derivative, by ``sympy.diff``), ``"df/dw"`` and ``"df/db"`` (the path products),
        ``"df/dw at (1,0,0)"`` and ``"df/db at (1,0,0)"`` (values). ``notes["values"]``
        holds the exact values {"df/dw": 1/4, "df/db": 1/4}. Proofs: each path product
        equals ``sympy.diff`` of the whole f.

    Examples
    --------
    >>> dv = composite_004()
    >>> dv.notes["values"]
    {'df/dw': 1/4, 'df/db': 1/4}
    >>> dv.holds
    True
    """
    x, w, b = _S("x"), _S("w"), _S("b")
    h = [None] + [_S(f"h_{k}") for k in range(1, 7)]
    # each elementary function of its own input symbol
    pieces = {1: x * w, 2: h[1] + b, 3: -h[2], 4: sp.exp(h[3]), 5: h[4] + 1, 6: 1 / h[5]}
    en = {
        1: "multiply",
        2: "add the bias",
        3: "negate",
        4: "exponential",
        5: "add 1",
        6: "reciprocal",
    }
    zh = {1: "乘法", 2: "加偏置", 3: "取负", 4: "指数", 5: "加 1", 6: "倒数"}
    steps = [Step(f"h{k}", h[k], (pieces[k],), en[k], zh[k]) for k in range(1, 7)]
    # values of h_k as functions of x, w, b (forward pass)
    value = {}
    for k in range(1, 7):
        value[h[k]] = pieces[k].xreplace(value)
    local = {}
    for k in range(6, 1, -1):
        local[(k, k - 1)] = sp.diff(pieces[k], h[k - 1])
        steps.append(
            Step(
                f"dh{k}/dh{k - 1}",
                partial(h[k], h[k - 1]),
                (local[(k, k - 1)],),
                f"Local derivative of step {k}",
                f"第 {k} 步的局部导数",
            )
        )
    local[(1, "w")] = sp.diff(pieces[1], w)
    local[(2, "b")] = sp.diff(pieces[2], b)
    steps.append(
        Step(
            "dh1/dw",
            partial(h[1], w),
            (local[(1, "w")],),
            "Local derivative w.r.t. w",
            "对 w 的局部导数",
        )
    )
    steps.append(
        Step(
            "dh2/db",
            partial(h[2], b),
            (local[(2, "b")],),
            "Local derivative w.r.t. b",
            "对 b 的局部导数",
        )
    )

    path_w = [local[(k, k - 1)] for k in range(6, 1, -1)] + [local[(1, "w")]]
    path_b = [local[(k, k - 1)] for k in range(6, 2, -1)] + [local[(2, "b")]]
    names_w = [partial(h[k], h[k - 1]) for k in range(6, 1, -1)] + [partial(h[1], w)]
    names_b = [partial(h[k], h[k - 1]) for k in range(6, 2, -1)] + [partial(h[2], b)]
    f_of = value[h[6]]
    point = {x: 1, w: 0, b: 0}
    proofs, values = [], {}
    for key, wrt, path, names in (("df/dw", w, path_w, names_w), ("df/db", b, path_b, names_b)):
        prod = sp.Mul(*path)
        in_xwb = prod.xreplace(value)
        at = sp.nsimplify(in_xwb.subs(point))
        values[key] = at
        steps.append(
            Step(
                key,
                partial(Shown("f", "f"), wrt),
                (product(*names), product(*path), in_xwb),
                "Multiply the derivatives along the path from f to " + str(wrt),
                f"沿 f 到 {wrt} 的路径把导数连乘",
            )
        )
        steps.append(
            Step(
                f"{key} at (1,0,0)",
                Shown(
                    f"∂f/∂{wrt} (x=1, w=0, b=0)",
                    r"\left.\frac{\partial f}{\partial " + str(wrt) + r"}\right|_{x=1,\,w=0,\,b=0}",
                ),
                (at,),
                "Value at x = 1, w = 0, b = 0 (published: 0.25)",
                "在 x = 1, w = 0, b = 0 处的值（原文：0.25）",
            )
        )
        direct = sp.diff(f_of, wrt)
        proofs.append(Proof(key, in_xwb, direct, direct, sp.simplify(in_xwb - direct)))
    return Derivation(
        "composite_004",
        "Chain rule on f(x; w, b) = 1/(exp(−(w·x + b)) + 1) (tutorial 004)",
        "复合函数 f(x; w, b) = 1/(exp(−(w·x + b)) + 1) 的链式求导（教程 004）",
        tuple(steps),
        tuple(proofs),
        notes={"values": values, "f": f_of},
    )


# --- tutorial 000: average the product, not the factors ------------------------------------

_X000 = ((2, 3, 1), (1, 0, 2), (3, 1, 1))
_T000 = (sp.Rational(64, 100), sp.Rational(52, 100), sp.Rational(36, 100))
_V000 = {(1, 1): "0.15", (2, 1): "0.6", (3, 1): "0.3", (1, 2): "0.2", (2, 2): "0.3", (3, 2): "0.5"}
_W000 = {1: "0.8", 2: "0.2"}


@functools.cache
def chain_000() -> Derivation:
    """Tutorial 000's chain ∂E/∂w1 = ∂E/∂y · ∂y/∂s · ∂s/∂w1, averaged two ways.

    The net: h_j = Σ_i v_ij x_i (no activation), s = w1·h1 + w2·h2, y = σ(s); the loss
    E = Σ_k (t_k − y_k)² / (2m) over m = 3 samples. The true gradient averages the product
    of the three factors over the samples; the tutorial averages each factor separately
    (0.294, 0.152, 1.5) and multiplies the averages (0.067). Both are computed here exactly
    (rational data, sigmoid evaluated to 30 digits).

    Returns
    -------
    Derivation
        Steps ``"dE/dy"``, ``"dy/ds"``, ``"ds/dw1"`` (per-sample factors, symbolic),
        ``"dE/dw1"`` (mean of products), ``"tutorial"`` (product of means). ``notes``:
        ``factor_means`` {"dE/dy", "dy/ds", "ds/dw1"}, ``mean_of_products``,
        ``product_of_means``, ``E`` (loss before the update), ``w1_new`` and
        ``w1_new_tutorial`` (η = 0.5), ``v11`` (the same for v11: mean of products and
        product of means), ``published`` (the tutorial's numbers). Proof: the mean of
        products equals ``sympy.diff`` of the whole E by w1.

    Examples
    --------
    >>> n = chain_000().notes
    >>> round(n["product_of_means"], 3), round(n["mean_of_products"], 4)
    (0.067, 0.0593)
    """
    y_k, t_k, s_k, h1_k = (_S(f"{n}_k") for n in ("y", "t", "s", "h1"))
    w1, m = _S("w1"), _S("m")
    y_of_s = f(s_k)
    factors = {
        "dE/dy": sp.diff((t_k - y_k) ** 2 / (2 * m), y_k) * m,  # per-sample, before the 1/m
        "dy/ds": use_sigmoid_identity(sp.diff(y_of_s, s_k)).xreplace({y_of_s: y_k}),
        "ds/dw1": sp.diff(w1 * h1_k + _S("w2") * _S("h2_k"), w1),
    }
    steps = [
        Step(
            "dE/dy",
            partial(_S("E_k"), y_k),
            (factors["dE/dy"],),
            "Per sample (the 1/m of the mean is kept outside)",
            "每个样本（平均的 1/m 放在外面）",
        ),
        Step(
            "dy/ds",
            partial(y_k, s_k),
            (factors["dy/ds"],),
            "Sigmoid output, (5.9)",
            "Sigmoid 输出，式 (5.9)",
        ),
        Step(
            "ds/dw1",
            partial(s_k, w1),
            (factors["ds/dw1"],),
            "s = w1·h1 + w2·h2",
            "s = w1·h1 + w2·h2",
        ),
    ]
    chain = product(*(s.lhs for s in steps))
    mean_prod = Shown(
        "∂E/∂w1 = (1/m) Σ_k " + chain.text,
        r"\frac{\partial E}{\partial w_1} = \frac{1}{m}\sum_{k=1}^{m} " + chain.latex,
    )
    prod_mean = Shown(
        "(1/m Σ_k ∂E_k/∂y_k) · (1/m Σ_k ∂y_k/∂s_k) · (1/m Σ_k ∂s_k/∂w1)",
        r"\Big(\frac{1}{m}\sum_k \frac{\partial E_k}{\partial y_k}\Big)\cdot"
        r"\Big(\frac{1}{m}\sum_k \frac{\partial y_k}{\partial s_k}\Big)\cdot"
        r"\Big(\frac{1}{m}\sum_k \frac{\partial s_k}{\partial w_1}\Big)",
    )

    # The concrete net, exact data, sigmoid as a closed form.
    V = {ij: sp.Rational(val) for ij, val in _V000.items()}
    W = {j: sp.Rational(val) for j, val in _W000.items()}
    w1s, v11 = w1, _S("v11")
    sig = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
    per = []
    E = 0
    for xk, tk in zip(_X000, _T000):
        h1 = v11 * xk[0] + V[(2, 1)] * xk[1] + V[(3, 1)] * xk[2]
        h2 = sum(V[(i, 2)] * xk[i - 1] for i in (1, 2, 3))
        s = w1s * h1 + W[2] * h2
        y = sig(s)
        E += (tk - y) ** 2 / (2 * len(_X000))
        per.append({"h1": h1, "s": s, "y": y, "t": tk, "x1": xk[0]})
    at = {w1s: W[1], v11: V[(1, 1)]}
    ev = {
        name: [
            _num(fac.xreplace({y_k: p["y"], t_k: p["t"], h1_k: p["h1"], m: 1}).xreplace(at))
            for p in per
        ]
        for name, fac in factors.items()
    }
    n_s = len(per)
    means = {name: sum(vals) / n_s for name, vals in ev.items()}
    mean_of_products = sum(a * b_ * c for a, b_, c in zip(*ev.values())) / n_s
    product_of_means = means["dE/dy"] * means["dy/ds"] * means["ds/dw1"]
    direct_w1 = sp.diff(E, w1s)
    # the chain, as one symbolic expression of w1 and v11, against diff of the whole E
    chain_sym = sum((p["y"] - p["t"]) * p["y"] * (1 - p["y"]) * p["h1"] for p in per) / n_s
    proofs = [
        Proof(
            "∂E/∂w1",
            chain_sym,
            direct_w1,
            direct_w1,
            is_zero_rational(chain_sym - direct_w1),
            "rational",
        )
    ]
    # v11: ∂s/∂h1 = w1, ∂h1/∂v11 = x1
    ev_x1 = [float(p["x1"]) for p in per]
    v11_mean_prod = (
        sum(a * b_ * float(W[1]) * c for a, b_, c in zip(ev["dE/dy"], ev["dy/ds"], ev_x1)) / n_s
    )
    v11_prod_mean = means["dE/dy"] * means["dy/ds"] * float(W[1]) * (sum(ev_x1) / n_s)
    direct_v11 = sp.diff(E, v11)
    chain_v11 = sum((p["y"] - p["t"]) * p["y"] * (1 - p["y"]) * w1s * p["x1"] for p in per) / n_s
    proofs.append(
        Proof(
            "∂E/∂v11",
            chain_v11,
            direct_v11,
            direct_v11,
            is_zero_rational(chain_v11 - direct_v11),
            "rational",
        )
    )
    eta = 0.5
    steps += [
        Step(
            "dE/dw1",
            mean_prod,
            (sp.Float(mean_of_products, 6),),
            "Correct: average the product over the samples",
            "正确做法：对乘积按样本取平均",
        ),
        Step(
            "tutorial",
            Shown("tutorial 000", r"\text{tutorial 000}"),
            (
                prod_mean,
                product(*(sp.Float(means[n], 4) for n in factors)),
                sp.Float(product_of_means, 4),
            ),
            "The tutorial averages each factor first, then multiplies (published 0.067)",
            "原教程先分别平均每个因子再相乘（原文 0.067）",
        ),
    ]
    notes = {
        "factors": ev,
        "factor_means": means,
        "mean_of_products": mean_of_products,
        "product_of_means": product_of_means,
        "E": _num(E.xreplace(at)),
        "w1_new": float(W[1]) - eta * mean_of_products,
        "w1_new_tutorial": float(W[1]) - eta * product_of_means,
        "v11": {
            "mean_of_products": v11_mean_prod,
            "product_of_means": v11_prod_mean,
            "v11_new": float(V[(1, 1)]) - eta * v11_mean_prod,
            "v11_new_tutorial": float(V[(1, 1)]) - eta * v11_prod_mean,
        },
        "published": {
            "dE/dy": 0.294,
            "dy/ds": 0.152,
            "ds/dw1": 1.5,
            "dE/dw1": 0.067,
            "w1_new": 0.766,
            "dE/dv11": 0.072,
            "v11_new": 0.114,
            "E": 0.234,
        },
    }
    return Derivation(
        "chain_000",
        "Tutorial 000: ∂E/∂w1 — average the product, not each factor",
        "教程 000：∂E/∂w1 —— 应对乘积求平均，而不是分别平均各因子",
        tuple(steps),
        tuple(proofs),
        notes=notes,
    )


# --- tutorials 003/004: the 2-2-2 network ---------------------------------------------------


@functools.cache
def chains_222() -> Derivation:
    """The 2-2-2 example's chains for w5 and w1 (tutorials 003/004), symbolic and numeric.

    net_h1 = w1·i1 + w2·i2 + b1, out_h1 = f(net_h1) (h2 with w3, w4);
    net_o1 = w5·out_h1 + w6·out_h2 + b2, out_o1 = f(net_o1) (o2 with w7, w8);
    E_total = ½(target_o1 − out_o1)² + ½(target_o2 − out_o2)².

    w5 reaches E_total only through o1; w1 reaches it through h1 and then *both* outputs,
    so ∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1.

    Returns
    -------
    Derivation
        Steps for every factor and both chains; ``notes["values"]`` holds the factors, the
        gradients and the updated w5, w1 at the published point (inputs 0.05, 0.10, targets
        0.01, 0.99, η = 0.5); ``notes["published"]`` the published numbers. Proofs: each
        chain equals ``sympy.diff`` of the whole E_total (sigmoid written out).

    Examples
    --------
    >>> v = chains_222().notes["values"]
    >>> round(v["w5_new"], 8), round(v["w1_new"], 9)
    (0.35891648, 0.149780716)
    """
    S = {
        n: _S(n)
        for n in (
            "i1 i2 w1 w2 w3 w4 w5 w6 w7 w8 b1 b2 target_o1 target_o2 "
            "net_h1 net_h2 net_o1 net_o2 out_h1 out_h2 out_o1 out_o2 E_total E_o1 E_o2"
        ).split()
    }
    defs = {
        "net_h1": S["w1"] * S["i1"] + S["w2"] * S["i2"] + S["b1"],
        "net_h2": S["w3"] * S["i1"] + S["w4"] * S["i2"] + S["b1"],
        "net_o1": S["w5"] * S["out_h1"] + S["w6"] * S["out_h2"] + S["b2"],
        "net_o2": S["w7"] * S["out_h1"] + S["w8"] * S["out_h2"] + S["b2"],
    }
    acts = {"out_h1": "net_h1", "out_h2": "net_h2", "out_o1": "net_o1", "out_o2": "net_o2"}
    E_o = {o: sp.Rational(1, 2) * (S[f"target_{o}"] - S[f"out_{o}"]) ** 2 for o in ("o1", "o2")}

    def act_diff(out):  # ∂out/∂net = f'(net) = out(1 − out), (5.9)
        net = S[acts[out]]
        return use_sigmoid_identity(sp.diff(f(net), net)).xreplace({f(net): S[out]})

    F = {
        "dE/dout_o1": sp.diff(E_o["o1"] + E_o["o2"], S["out_o1"]),
        "dout_o1/dnet_o1": act_diff("out_o1"),
        "dnet_o1/dw5": sp.diff(defs["net_o1"], S["w5"]),
        "dE_o1/dnet_o1": None,
        "dnet_o1/dout_h1": sp.diff(defs["net_o1"], S["out_h1"]),
        "dE/dout_o2": sp.diff(E_o["o1"] + E_o["o2"], S["out_o2"]),
        "dout_o2/dnet_o2": act_diff("out_o2"),
        "dnet_o2/dout_h1": sp.diff(defs["net_o2"], S["out_h1"]),
        "dout_h1/dnet_h1": act_diff("out_h1"),
        "dnet_h1/dw1": sp.diff(defs["net_h1"], S["w1"]),
    }
    F["dE_o1/dout_h1"] = F["dE/dout_o1"] * F["dout_o1/dnet_o1"] * F["dnet_o1/dout_h1"]
    F["dE_o2/dout_h1"] = F["dE/dout_o2"] * F["dout_o2/dnet_o2"] * F["dnet_o2/dout_h1"]
    del F["dE_o1/dnet_o1"]
    P = lambda a, b_: partial(S[a], S[b_])  # noqa: E731
    names = {
        "dE/dout_o1": P("E_total", "out_o1"),
        "dout_o1/dnet_o1": P("out_o1", "net_o1"),
        "dnet_o1/dw5": P("net_o1", "w5"),
        "dnet_o1/dout_h1": P("net_o1", "out_h1"),
        "dE/dout_o2": P("E_total", "out_o2"),
        "dout_o2/dnet_o2": P("out_o2", "net_o2"),
        "dnet_o2/dout_h1": P("net_o2", "out_h1"),
        "dout_h1/dnet_h1": P("out_h1", "net_h1"),
        "dnet_h1/dw1": P("net_h1", "w1"),
        "dE_o1/dout_h1": P("E_o1", "out_h1"),
        "dE_o2/dout_h1": P("E_o2", "out_h1"),
    }
    steps = [Step(k, names[k], (v,), "Local derivative", "局部导数") for k, v in F.items()]
    grad_w5 = F["dE/dout_o1"] * F["dout_o1/dnet_o1"] * F["dnet_o1/dw5"]
    dE_dout_h1 = F["dE_o1/dout_h1"] + F["dE_o2/dout_h1"]
    grad_w1 = dE_dout_h1 * F["dout_h1/dnet_h1"] * F["dnet_h1/dw1"]
    steps.append(
        Step(
            "dE/dw5",
            P("E_total", "w5"),
            (product(names["dE/dout_o1"], names["dout_o1/dnet_o1"], names["dnet_o1/dw5"]), grad_w5),
            "Output-layer weight: one path",
            "输出层权重：一条路径",
        )
    )
    steps.append(
        Step(
            "dE/dout_h1",
            P("E_total", "out_h1"),
            (
                Shown(
                    names["dE_o1/dout_h1"].text + " + " + names["dE_o2/dout_h1"].text,
                    names["dE_o1/dout_h1"].latex + " + " + names["dE_o2/dout_h1"].latex,
                ),
                dE_dout_h1,
            ),
            "out_h1 feeds both outputs: add both contributions",
            "out_h1 同时影响两个输出：两项相加",
        )
    )
    steps.append(
        Step(
            "dE/dw1",
            P("E_total", "w1"),
            (
                product(P("E_total", "out_h1"), names["dout_h1/dnet_h1"], names["dnet_h1/dw1"]),
                grad_w1,
            ),
            "Hidden-layer weight",
            "隐藏层权重",
        )
    )

    # Forward values: outputs in terms of the parameters, to evaluate and to prove.
    sig = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
    fwd = {}
    fwd[S["out_h1"]] = sig(defs["net_h1"])
    fwd[S["out_h2"]] = sig(defs["net_h2"])
    fwd[S["out_o1"]] = sig(defs["net_o1"].xreplace(fwd))
    fwd[S["out_o2"]] = sig(defs["net_o2"].xreplace(fwd))
    E_total = (E_o["o1"] + E_o["o2"]).xreplace(fwd)
    proofs = []
    for name, grad, wrt in (("∂E_total/∂w5", grad_w5, S["w5"]), ("∂E_total/∂w1", grad_w1, S["w1"])):
        chain = grad.xreplace(fwd)
        direct = sp.diff(E_total, wrt)
        proofs.append(
            Proof(name, chain, direct, direct, is_zero_rational(chain - direct), "rational")
        )

    point = {
        S["i1"]: sp.Rational(5, 100),
        S["i2"]: sp.Rational(10, 100),
        S["target_o1"]: sp.Rational(1, 100),
        S["target_o2"]: sp.Rational(99, 100),
        S["w1"]: sp.Rational(15, 100),
        S["w2"]: sp.Rational(20, 100),
        S["w3"]: sp.Rational(25, 100),
        S["w4"]: sp.Rational(30, 100),
        S["w5"]: sp.Rational(40, 100),
        S["w6"]: sp.Rational(45, 100),
        S["w7"]: sp.Rational(50, 100),
        S["w8"]: sp.Rational(55, 100),
        S["b1"]: sp.Rational(35, 100),
        S["b2"]: sp.Rational(60, 100),
    }
    outs = {o: fwd[o].xreplace(point) for o in fwd}

    def at(e):
        return _num(e.xreplace(outs).xreplace(point))

    values = {k: at(v) for k, v in F.items()}
    values |= {
        "dE/dw5": at(grad_w5),
        "dE/dw1": at(grad_w1),
        "E_total": at(E_total),
        "out_o1": at(S["out_o1"]),
        "out_o2": at(S["out_o2"]),
        "out_h1": at(S["out_h1"]),
    }
    eta = 0.5
    values["w5_new"] = 0.40 - eta * values["dE/dw5"]
    values["w1_new"] = 0.15 - eta * values["dE/dw1"]
    published = {
        "out_o1": 0.7514,
        "out_o2": 0.7729,
        "E_total": 0.298371109,
        "w5_new": 0.35891648,
        "w1_new": 0.149780716,
        "dE/dout_o1": 0.74136507,
        "dout_o1/dnet_o1": 0.186815602,
        "dnet_o1/dw5": 0.593269992,
    }
    return Derivation(
        "chains_222",
        "The 2-2-2 example: chains for w5 and w1 (tutorials 003/004)",
        "2-2-2 例子：w5 与 w1 的链式求导（教程 003/004）",
        tuple(steps),
        tuple(proofs),
        notes={"values": values, "published": published},
    )
