"""Route 1: the chain rule factor by factor, (5.7)–(5.15) for symbolic sizes d, q, l.

Each factor (∂E_k/∂ŷ_j, ∂ŷ_j/∂β_j, ∂β_j/∂w_hj, …) is ``sympy.diff`` of one definition with
the indices symbolic; the factors are multiplied as in (5.7), summed over j where b_h feeds
every output, and reduced with (5.9) to the four update rules (5.11)–(5.14).
"""

from __future__ import annotations

import functools

import sympy as sp

from ..derivation import Derivation, Proof, Shown, Step, partial, product
from ..functions import f, use_sigmoid_identity
from ..notation import (
    E_k,
    alpha,
    b,
    beta,
    e,
    eta,
    g,
    gamma,
    h,
    i,
    j,
    l,
    theta,
    v,
    w,
    y_hat,
)
from .book_order import _in_book_order
from .net import (
    E_def,
    _book_derivative,
    alpha_def,
    b_def,
    beta_def,
    bj,
    e_def,
    g_def,
    prove,
    textbook_closed_forms,
    y_hat_def,
)

# --- route 1: the chain rule, factor by factor ----------------------------------------


def _factor_steps() -> dict[str, Step]:
    """Every factor of the chains (5.7) and (5.15), each from one definition."""
    steps = {}

    def add(key, of, wrt, definition, en, zh, eq=""):
        _, resolved, book = _book_derivative(definition, wrt)
        forms = [resolved]
        if use_sigmoid_identity(resolved) != resolved:
            forms.append(use_sigmoid_identity(resolved))
        if book != forms[-1]:
            forms.append(book)
        steps[key] = Step(key, partial(of, wrt), tuple(forms), en, zh, eq)

    add(
        "dE/dyhat",
        E_k,
        y_hat[j],
        E_def(),
        "Output error: differentiate E_k = ½Σ_j(ŷ_j − y_j)² by ŷ_j; "
        "only the j-th term depends on it",
        "输出误差：对 E_k = ½Σ_j(ŷ_j − y_j)² 关于 ŷ_j 求导，只有第 j 项含 ŷ_j",
    )
    add(
        "dyhat/dbeta",
        y_hat[j],
        beta[j],
        y_hat_def(j),
        "Output neuron: ŷ_j = f(β_j − θ_j), then f' = f(1 − f)",
        "输出神经元：ŷ_j = f(β_j − θ_j)，再用 f' = f(1 − f)",
        "5.9",
    )
    add(
        "dbeta/dw",
        beta[j],
        w[h, j],
        beta_def(j),
        "β_j = Σ_h w_hj b_h is linear in w_hj",
        "β_j = Σ_h w_hj b_h 对 w_hj 是线性的",
        "5.8",
    )
    add(
        "dyhat/dtheta",
        y_hat[j],
        theta[j],
        y_hat_def(j),
        "The threshold is subtracted, hence the minus sign",
        "阈值是减去的，所以带负号",
    )
    add(
        "dbeta/db",
        beta[j],
        b[h],
        beta_def(j),
        "β_j depends on b_h through the weight w_hj",
        "β_j 通过权重 w_hj 依赖 b_h",
    )
    add(
        "db/dalpha",
        b[h],
        alpha[h],
        b_def(h),
        "Hidden neuron: b_h = f(α_h − γ_h), then f' = f(1 − f)",
        "隐藏层神经元：b_h = f(α_h − γ_h)，再用 f' = f(1 − f)",
        "5.9",
    )
    add(
        "dalpha/dv",
        alpha[h],
        v[i, h],
        alpha_def(h),
        "α_h = Σ_i v_ih x_i is linear in v_ih",
        "α_h = Σ_i v_ih x_i 对 v_ih 是线性的",
    )
    add(
        "db/dgamma",
        b[h],
        gamma[h],
        b_def(h),
        "The threshold γ_h is subtracted",
        "阈值 γ_h 是减去的",
    )
    return steps


def _negated(shown: Shown) -> Shown:
    return Shown("−" + shown.text, "-" + shown.latex)


def _at(expr, **indices):
    """The same factor with free indices renamed, e.g. j → bound j for a sum."""
    names = {"i": i, "h": h, "j": j}
    return expr.xreplace({names[k]: val for k, val in indices.items()})


@functools.cache
def derive_textbook() -> Derivation:
    """Derive (5.7)–(5.15) for symbolic sizes d, q, l and prove the four update rules.

    Returns
    -------
    Derivation
        Steps, in lesson order: the definitions; each factor (keys ``"dE/dyhat"``,
        ``"dyhat/dbeta"``, ``"dbeta/dw"``, ``"dyhat/dtheta"``, ``"dbeta/db"``,
        ``"db/dalpha"``, ``"dalpha/dv"``, ``"db/dgamma"``); ∂E_k/∂b_h both as the sum over
        j of products and by direct differentiation (``"dE/db"``); the four gradients as
        products of factors (``"dE/dw"``, ``"dE/dtheta"``, ``"dE/dv"``, ``"dE/dgamma"``);
        g_j and e_h (``"g"``, ``"e"``); the four updates (``"Δw"``, ``"Δθ"``, ``"Δv"``,
        ``"Δγ"``). ``proofs`` holds the proofs for ∂E_k/∂b_h, g_j, e_h and the four rules.

    Examples
    --------
    >>> dv = derive_textbook()
    >>> dv.holds
    True
    >>> str(dv["dbeta/dw"].result)
    'b_h'
    """
    fs = _factor_steps()
    F = {k: s.result for k, s in fs.items()}
    steps = [
        Step(
            "def alpha",
            alpha[h],
            (alpha_def(h),),
            "Input of hidden neuron h",
            "隐藏层第 h 个神经元的输入",
        ),
        Step(
            "def b",
            b[h],
            (b_def(h),),
            "Output of hidden neuron h (threshold γ_h)",
            "隐藏层第 h 个神经元的输出（阈值 γ_h）",
        ),
        Step(
            "def beta",
            beta[j],
            (beta_def(j),),
            "Input of output neuron j",
            "输出层第 j 个神经元的输入",
        ),
        Step(
            "def yhat",
            y_hat[j],
            (y_hat_def(j),),
            "Output of neuron j (threshold θ_j)",
            "输出层第 j 个神经元的输出（阈值 θ_j）",
            "5.3",
        ),
        Step("def E", E_k, (E_def(),), "Squared error on sample k", "样本 k 上的均方误差", "5.4"),
    ]
    steps += list(fs.values())
    proofs = []

    # b_h reaches E_k through every β_j: the chain is a sum over j. SymPy confirms it by
    # differentiating E_k written as a function of the b's.
    chain_b = sp.Sum(_at(F["dE/dyhat"] * F["dyhat/dbeta"] * F["dbeta/db"], j=bj), (bj, 1, l))
    E_of_b = E_def().xreplace({y_hat[bj]: f(beta_def(bj) - theta[bj])})
    _, _, direct_b = _book_derivative(E_of_b, b[h])
    proofs.append(prove("∂E_k/∂b_h", direct_b, chain_b))
    inner = product(fs["dE/dyhat"].lhs, fs["dyhat/dbeta"].lhs, fs["dbeta/db"].lhs)
    dE_db_chain = Shown("Σ_j " + inner.text, r"\sum_{j=1}^{l} " + inner.latex)
    steps.append(
        Step(
            "dE/db",
            partial(E_k, b[h]),
            (dE_db_chain, chain_b),
            "b_h feeds every output, so the chain is summed over j",
            "b_h 影响每一个输出，所以链式法则要对 j 求和",
        )
    )

    chains = {
        "dE/dw": (w[h, j], ("dE/dyhat", "dyhat/dbeta", "dbeta/dw"), "5.7"),
        "dE/dtheta": (theta[j], ("dE/dyhat", "dyhat/dtheta"), ""),
        "dE/dv": (v[i, h], ("dE/db", "db/dalpha", "dalpha/dv"), ""),
        "dE/dgamma": (gamma[h], ("dE/db", "db/dgamma"), ""),
    }
    F["dE/db"] = chain_b
    named = {k: s.lhs for k, s in fs.items()}
    named["dE/db"] = partial(E_k, b[h])
    grads = {}
    for key, (param, keys, eq) in chains.items():
        grads[key] = sp.Mul(*(F[k] for k in keys))
        steps.append(
            Step(
                key,
                partial(E_k, param),
                (product(*(named[k] for k in keys)), product(*(F[k] for k in keys))),
                "Chain rule: product of the factors",
                "链式法则：各因子相乘",
                eq,
            )
        )

    # g_j (5.10) and e_h (5.15): negative products of the leading factors.
    g_derived = -F["dE/dyhat"] * F["dyhat/dbeta"]
    e_derived = -chain_b * F["db/dalpha"]
    steps.append(
        Step(
            "g",
            g[j],
            (
                _negated(product(fs["dE/dyhat"].lhs, fs["dyhat/dbeta"].lhs)),
                g_def(j),
            ),
            "Define g_j, the output neuron's (negative) gradient term",
            "定义输出神经元的梯度项 g_j",
            "5.10",
        )
    )
    steps.append(
        Step(
            "e",
            e[h],
            (
                _negated(product(partial(E_k, b[h]), fs["db/dalpha"].lhs)),
                e_def(h),
            ),
            "Define e_h, the hidden neuron's gradient term",
            "定义隐藏层神经元的梯度项 e_h",
            "5.15",
        )
    )
    proofs.append(prove("g_j", g_derived, g_def(j)))
    proofs.append(prove("e_h", e_derived, e_def(h)))

    rules = textbook_closed_forms()
    for (name, rule), (gkey, eq, sym) in zip(
        rules.items(),
        [
            ("dE/dw", "5.11", "Δw_hj"),
            ("dE/dtheta", "5.12", "Δθ_j"),
            ("dE/dv", "5.13", "Δv_ih"),
            ("dE/dgamma", "5.14", "Δγ_h"),
        ],
        strict=True,
    ):
        derived = -eta * grads[gkey]
        param = chains[gkey][0]
        steps.append(
            Step(
                sym,
                Shown(sym, r"\Delta " + sp.latex(param)),
                (Shown(f"−η ∂E_k/∂{param}", r"-\eta " + partial(E_k, param).latex), derived, rule),
                "Gradient descent, Δ = −η ∂E_k/∂(parameter) (5.6), in the book's closed form",
                "梯度下降 Δ = −η ∂E_k/∂(参数)（式 5.6），化为书中的闭式",
                eq,
            )
        )
        proofs.append(prove(name, derived, rule))

    return Derivation(
        "textbook",
        "Backpropagation for the d-q-l network with thresholds (Zhou Zhihua §5.3)",
        "带阈值的 d-q-l 网络的误差逆传播（周志华 §5.3）",
        tuple(_in_book_order(s) for s in steps),
        tuple(proofs),
        notes={"gradients": grads, "factors": F},
    )


def prove_textbook_formulas() -> dict[str, Proof]:
    """The four update rules, each with derived form, textbook form and the proof.

    Returns
    -------
    dict
        ``{"Δw_hj": Proof, "Δθ_j": Proof, "Δv_ih": Proof, "Δγ_h": Proof}``; every
        ``proof.difference`` is exactly 0 for symbolic sizes d, q, l.

    Examples
    --------
    >>> {k: p.holds for k, p in prove_textbook_formulas().items()}
    {'Δw_hj': True, 'Δθ_j': True, 'Δv_ih': True, 'Δγ_h': True}
    """
    return {p.name: p for p in derive_textbook().proofs if p.name.startswith("Δ")}
