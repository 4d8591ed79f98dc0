"""The textbook's single-hidden-layer network (Zhou Zhihua, *Machine Learning*, §5.3),
derived in SymPy for symbolic sizes d, q, l.

The network, with thresholds subtracted and the sigmoid f everywhere::

    α_h = Σ_i v_ih x_i        b_h = f(α_h − γ_h)
    β_j = Σ_h w_hj b_h        ŷ_j = f(β_j − θ_j)                 (5.3)
    E_k = ½ Σ_j (ŷ_j − y_j)²                                      (5.4)

Three independent routes reach the four update rules, and each is checked against the
others by an exact proof (a difference that simplifies to 0):

1. **Chain rule, factor by factor** (:func:`derive_textbook`). Each factor (∂E_k/∂ŷ_j,
   ∂ŷ_j/∂β_j, ∂β_j/∂w_hj, …) is obtained by ``sympy.diff`` of *one* definition above, with
   the indices symbolic; the factors are multiplied as in (5.7), summed over j where b_h
   feeds every output, and reduced with (5.9) to Δw_hj = η g_j b_h, Δθ_j = −η g_j,
   Δv_ih = η e_h x_i, Δγ_h = −η e_h (5.11)–(5.14).
2. **Brute force at symbolic sizes** (:func:`full_differentiation_symbolic`): E_k written
   out as one nested expression of sums over i = 1..d, h = 1..q, j = 1..l and differentiated
   by ``sympy.diff`` with respect to v_ih, γ_h, w_hj, θ_j; Kronecker deltas are summed out
   assuming each free index lies in its range.
3. **Concrete sizes, closed-form sigmoid** (:func:`full_differentiation_concrete`): for
   e.g. 2-2-1, 2-3-1, 3-2-2 the net is written with f(x) = 1/(1 + e^(−x)) spelled out,
   every parameter's derivative is taken by ``sympy.diff``, and compared with the textbook
   formulas instantiated at those sizes.
"""

from __future__ import annotations

import dataclasses
import functools

import sympy as sp
from sympy.concrete.delta import deltasummation
from sympy.tensor.indexed import Indexed

from ..errors import InputError
from .derivation import Derivation, Proof, Shown, Step, in_order, partial, product, value
from .functions import f, use_sigmoid_identity
from .notation import (
    E_k,
    alpha,
    b,
    beta,
    bound,
    d,
    e,
    eta,
    g,
    gamma,
    h,
    i,
    j,
    l,
    q,
    theta,
    v,
    w,
    x,
    y,
    y_hat,
)

__all__ = [
    "Exp",
    "book_order_holds",
    "derive_textbook",
    "expand_sums",
    "full_differentiation_concrete",
    "full_differentiation_symbolic",
    "is_zero_rational",
    "prove",
    "prove_textbook_formulas",
    "resolve_indices",
    "textbook_closed_forms",
    "textbook_gradient_function",
    "to_book",
]

# Summation indices: print like i, h, j but are not the free i, h, j.
bi, bh, bj = bound(i), bound(h), bound(j)
_RANGE = {i: d, h: q, j: l, bi: d, bh: q, bj: l}


# --- the definitions ------------------------------------------------------------------


def alpha_def(k):
    """α_k = Σ_{i=1}^{d} v_ik x_i, the input of hidden neuron k."""
    return sp.Sum(v[bi, k] * x[bi], (bi, 1, d))


def beta_def(k):
    """β_k = Σ_{h=1}^{q} w_hk b_h, the input of output neuron k."""
    return sp.Sum(w[bh, k] * b[bh], (bh, 1, q))


def b_def(k):
    """b_k = f(α_k − γ_k), the output of hidden neuron k."""
    return f(alpha[k] - gamma[k])


def y_hat_def(k):
    """ŷ_k = f(β_k − θ_k), eq. (5.3)."""
    return f(beta[k] - theta[k])


def E_def():
    """E_k = ½ Σ_{j=1}^{l} (ŷ_j − y_j)², eq. (5.4)."""
    return sp.Rational(1, 2) * sp.Sum((y_hat[bj] - y[bj]) ** 2, (bj, 1, l))


def g_def(k):
    """g_k = ŷ_k(1 − ŷ_k)(y_k − ŷ_k), eq. (5.10)."""
    return y_hat[k] * (1 - y_hat[k]) * (y[k] - y_hat[k])


def e_def(k):
    """e_k = b_k(1 − b_k) Σ_{j=1}^{l} w_kj g_j, eq. (5.15)."""
    return b[k] * (1 - b[k]) * sp.Sum(w[k, bj] * g[bj], (bj, 1, l))


def textbook_closed_forms() -> dict[str, sp.Expr]:
    """The four update rules as the book writes them, (5.11)–(5.14).

    Returns
    -------
    dict
        ``{"Δw_hj": η g_j b_h, "Δθ_j": −η g_j, "Δv_ih": η e_h x_i, "Δγ_h": −η e_h}``.

    Examples
    --------
    >>> sorted(textbook_closed_forms())
    ['Δv_ih', 'Δw_hj', 'Δγ_h', 'Δθ_j']
    """
    return {
        "Δw_hj": eta * g[j] * b[h],
        "Δθ_j": -eta * g[j],
        "Δv_ih": eta * e[h] * x[i],
        "Δγ_h": -eta * e[h],
    }


def expand_textbook(expr: sp.Expr) -> sp.Expr:
    """Substitute the definitions of e_h (5.15) and then g_j (5.10) into ``expr``."""

    def sub(base, definition):
        return lambda ex: ex.replace(
            lambda a: isinstance(a, Indexed) and a.base == base,
            lambda a: definition(a.indices[0]),
        )

    return sub(g, g_def)(sub(e, e_def)(expr))


# --- the machinery: sum out deltas, name the book's quantities, test for zero ----------


def _in_range_relations() -> set:
    rels = set()
    for k, n in _RANGE.items():
        for r in (
            sp.Le(k, n),
            sp.Ge(n, k),
            sp.Lt(k, n + 1),
            sp.Gt(n + 1, k),
            sp.Le(1, k),
            sp.Ge(k, 1),
            sp.Lt(0, k),
            sp.Gt(k, 0),
        ):
            if isinstance(r, sp.core.relational.Relational):
                rels.add(r)
    return rels


_IN_RANGE = _in_range_relations()


def resolve_indices(expr: sp.Expr) -> sp.Expr:
    """Sum out Kronecker deltas, assuming every index lies in its range.

    ``sympy.diff`` of Σ_h w_hj b_h by w_hj gives Σ_h δ_hh' δ_jj' b_h; summing it out yields
    ``Piecewise((b_h, h ≤ q), (0, True))``. Indices run over 1..d, 1..q, 1..l by
    construction, so such range conditions are replaced by True. Only sums that contain a
    delta in their own index are evaluated (innermost first); the others (Σ_j … over a
    general summand) stay as they are, which keeps this fast.
    """

    def has_delta_in(s: sp.Sum) -> bool:
        var = s.limits[0][0]
        return any(kd.has(var) for kd in s.function.atoms(sp.KroneckerDelta))

    def evaluate(s: sp.Sum):
        out = s.function
        for limit in s.limits:  # innermost limit first, as Sum stores them
            out = deltasummation(out, limit)
        rels = {r for r in out.atoms(sp.core.relational.Relational) if r in _IN_RANGE}
        return out.xreplace({r: sp.true for r in rels})

    return expr.replace(lambda n: isinstance(n, sp.Sum) and has_delta_in(n), evaluate)


def _index_of(expr, base, position=0):
    for a in expr.atoms(Indexed):
        if a.base == base:
            return a.indices[position]
    return None


def to_book(expr: sp.Expr) -> sp.Expr:
    """Name the book's intermediate quantities inside ``expr``.

    Sums equal to Σ_i v_ih x_i become α_h, sums equal to Σ_h w_hj b_h become β_j,
    f(α_h − γ_h) becomes b_h and f(β_j − θ_j) becomes ŷ_j (innermost first, so a fully
    nested E_k collapses level by level).
    """

    def rename(node):
        if isinstance(node, sp.Sum):
            k = _index_of(node.function, v, 1)
            if k is not None and node == alpha_def(k):
                return alpha[k]
            k = _index_of(node.function, w, 1)
            if k is not None and node == beta_def(k):
                return beta[k]
        elif isinstance(node, f):
            arg = node.args[0]
            k = _index_of(arg, gamma)
            if k is not None and arg == alpha[k] - gamma[k]:
                return b[k]
            k = _index_of(arg, theta)
            if k is not None and arg == beta[k] - theta[k]:
                return y_hat[k]
        return node

    return expr.replace(lambda n: isinstance(n, (sp.Sum, f)), rename)


class Exp(sp.Function):
    """e^u as an opaque function whose derivative is itself: d Exp(u) = Exp(u) du.

    SymPy's ``exp`` merges e^a·e^b into e^(a+b) as soon as two exponentials meet in a
    product, which hides the one-exponential-per-neuron structure the zero test below
    relies on; ``Exp`` has the same derivative and never merges. ``Exp(u).rewrite(exp)``
    is SymPy's exp. Prints as ``exp(u)`` and ``e^{u}``.
    """

    nargs = 1

    def fdiff(self, argindex=1):
        return self

    def _eval_rewrite_as_exp(self, u, **kwargs):
        return sp.exp(u)

    def _sympystr(self, printer):
        return f"exp({printer._print(self.args[0])})"

    def _latex(self, printer, exp=None):
        tex = "e^{" + printer._print(self.args[0]) + "}"
        return tex if exp is None else r"\left(" + tex + r"\right)^{" + str(exp) + "}"


def is_zero_rational(expr: sp.Expr) -> sp.Expr:
    """Reduce an expression built from exponentials to a polynomial numerator.

    Every exponential (:class:`Exp`, or SymPy's ``exp`` after ``exp(a + b)`` is split into
    ``exp(a)·exp(b)``) is replaced by an independent symbol; the result is brought over one
    denominator and its numerator expanded. If that polynomial is 0, the original
    expression is exactly 0 (substituting values for the symbols maps 0 to 0). Much faster
    than ``simplify`` on a fully written-out network.

    Returns
    -------
    sympy.Expr
        The expanded numerator (``0`` when the identity is proven).
    """
    if expr.has(sp.exp):
        expr = sp.expand_power_exp(expr)
    subs = {a: sp.Dummy("u") for a in expr.atoms(sp.exp, Exp)}
    return sp.expand(sp.numer(sp.together(expr.xreplace(subs))))


def _book_derivative(expr, wrt):
    """d expr / d wrt, then deltas summed out, (5.9) applied, book names restored."""
    raw = sp.diff(expr, wrt)
    resolved = resolve_indices(raw)
    return raw, resolved, to_book(use_sigmoid_identity(resolved))


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


# --- the book's term order -------------------------------------------------------------


def _mul(*factors):
    return sp.Mul(*factors, evaluate=False)


def _minus(a, c):
    """a − c, kept in this order."""
    return sp.Add(a, -c, evaluate=False)


def _slope(u):
    """u(1 − u), the sigmoid's slope (5.9) as the book writes it."""
    return _mul(u, _minus(1, u))


def _book_forms() -> dict[str, tuple]:
    """For each step, the last forms written in the book's order (5.7)–(5.15).

    Each replaces SymPy's form at the same place; :func:`book_order_holds` checks that
    every replacement equals what it replaces.
    """
    yh, yb, fb = y_hat[j], y_hat[bj], f(_minus(beta[j], theta[j]))
    fa = f(_minus(alpha[h], gamma[h]))
    g_book = _mul(yh, _minus(1, yh), _minus(y[j], yh))
    g_bound = _mul(yb, _minus(1, yb), _minus(y[bj], yb))
    back = sp.Sum(_mul(w[h, bj], g_bound), (bj, 1, l))  # Σ_j w_hj g_j, g_j written out
    dE_db = sp.Sum(_mul(_minus(yb, y[bj]), _slope(yb), w[h, bj]), (bj, 1, l))
    out_err, slope_o = in_order(_minus(yh, y[j])), in_order(_slope(yh))
    slope_h = in_order(_slope(b[h]))
    neg = lambda u: _mul(-1, u)  # noqa: E731
    return {
        "def beta": (sp.Sum(_mul(w[bh, j], b[bh]), (bh, 1, q)),),
        "def E": (_mul(sp.Rational(1, 2), sp.Sum(_minus(yb, y[bj]) ** 2, (bj, 1, l))),),
        "dE/dyhat": (_minus(yh, y[j]),),
        "dyhat/dbeta": (_slope(fb), _slope(yh)),
        "dyhat/dtheta": (neg(_slope(fb)), neg(_slope(yh))),
        "db/dalpha": (_slope(fa), _slope(b[h])),
        "db/dgamma": (neg(_slope(fa)), neg(_slope(b[h]))),
        "dE/db": (dE_db,),
        "dE/dw": (product(out_err, slope_o, b[h]),),
        "dE/dtheta": (product(out_err, in_order(neg(_slope(yh)))),),
        "dE/dv": (product(in_order(dE_db), slope_h, x[i]),),
        "dE/dgamma": (product(in_order(dE_db), in_order(neg(_slope(b[h])))),),
        "g": (g_book,),
        "e": (_mul(b[h], _minus(1, b[h]), sp.Sum(_mul(w[h, bj], g[bj]), (bj, 1, l))),),
        "Δw_hj": (_mul(eta, *g_book.args, b[h]), _mul(eta, g[j], b[h])),
        "Δθ_j": (_mul(-1, eta, *g_book.args), _mul(-1, eta, g[j])),
        "Δv_ih": (_mul(eta, b[h], _minus(1, b[h]), back, x[i]), _mul(eta, e[h], x[i])),
        "Δγ_h": (_mul(-1, eta, b[h], _minus(1, b[h]), back), _mul(-1, eta, e[h])),
    }


def _in_book_order(step: Step) -> Step:
    book = _book_forms().get(step.key)
    if not book:
        return step
    shown = tuple(b_ if isinstance(b_, Shown) else in_order(b_) for b_ in book)
    n = len(shown)
    return dataclasses.replace(step, forms=step.forms[:-n] + shown, sympy_forms=step.forms[-n:])


def _evaluated(expr):
    """Rebuild `expr` bottom-up with evaluation on: SymPy's canonical form of it."""
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, Indexed):
        return expr
    return expr.func(*(_evaluated(a) for a in expr.args))


def book_order_holds(step: Step) -> bool:
    """True iff every form shown in the book's order equals SymPy's form it replaced.

    Examples
    --------
    >>> all(book_order_holds(s) for s in derive_textbook().steps)
    True
    """
    n = len(step.sympy_forms)
    for shown, original in zip(step.forms[len(step.forms) - n :], step.sympy_forms, strict=True):
        a, c = value(shown), value(original)
        if a is None or c is None or expand_sums(_evaluated(a) - _evaluated(c)) != 0:
            return False
    return True


def expand_sums(expr: sp.Expr) -> sp.Expr:
    """Expand, including inside sums, and write every sum as coefficient × Σ monomial.

    Σ_j (c·g_j + …) becomes c·Σ_j g_j + … with c free of j, so sums of the same monomial
    over the same range are the same SymPy object and cancel on addition. The result is
    0 exactly when the expression is 0 as a polynomial in the symbols and these sums.
    """

    def split(s: sp.Sum):
        if len(s.limits) != 1:
            return s
        ((k, lo, hi),) = s.limits
        out = []
        for term in sp.Add.make_args(sp.expand(s.function)):
            c, rest = term.as_independent(k, as_Add=False)
            out.append(c * sp.Sum(rest, (k, lo, hi)))
        return sp.Add(*out)

    return sp.expand(sp.expand(expr).replace(lambda n: isinstance(n, sp.Sum), split))


def prove(name: str, derived: sp.Expr, textbook: sp.Expr) -> Proof:
    """Prove ``derived == textbook`` exactly; g_j and e_h in `textbook` are expanded first.

    Returns
    -------
    Proof
        ``proof.holds`` is True iff the difference reduces to exactly 0.

    Examples
    --------
    >>> prove("Δθ_j", eta * y_hat[j] * (1 - y_hat[j]) * (y_hat[j] - y[j]), -eta * g[j]).holds
    True
    >>> prove("wrong sign", eta * y_hat[j] * (1 - y_hat[j]) * (y_hat[j] - y[j]), eta * g[j]).holds
    False
    """
    expanded = expand_textbook(textbook)
    # Expanding (sums included) settles every identity here in milliseconds; simplify is
    # the fallback, and a nonzero difference from it is an honest failure.
    difference = expand_sums(derived - expanded)
    if difference == 0:
        return Proof(name, derived, textbook, expanded, difference, "expand")
    return Proof(name, derived, textbook, expanded, sp.simplify(derived - expanded))


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


# --- route 2: brute force on the nested expression, symbolic sizes --------------------


@functools.cache
def full_differentiation_symbolic() -> dict[str, Proof]:
    """Differentiate the whole nested E_k at symbolic sizes and compare with the chains.

    E_k = ½ Σ_j (f(Σ_h w_hj f(Σ_i v_ih x_i − γ_h) − θ_j) − y_j)² is differentiated by
    ``sympy.diff`` with respect to w_hj, θ_j, v_ih, γ_h (d, q, l symbolic).

    Returns
    -------
    dict
        ``{"∂E_k/∂w_hj": Proof, …}``: derived = the brute-force derivative in book names,
        textbook = the product of chain-rule factors from :func:`derive_textbook`.
    """
    b_nested = {bh: f(alpha_def(bh) - gamma[bh])}
    beta_nested = sp.Sum(w[bh, bj] * b_nested[bh], (bh, 1, q))
    E_nested = E_def().xreplace({y_hat[bj]: f(beta_nested - theta[bj])})
    grads = derive_textbook().notes["gradients"]
    out = {}
    for param, key in (
        (w[h, j], "dE/dw"),
        (theta[j], "dE/dtheta"),
        (v[i, h], "dE/dv"),
        (gamma[h], "dE/dgamma"),
    ):
        _, _, brute = _book_derivative(E_nested, param)
        name = f"∂E_k/∂{param}"
        out[name] = prove(name, brute, grads[key])
    return out


# --- route 3: concrete sizes, the sigmoid written out ----------------------------------


def _concrete(sizes):
    n_in, n_hid, n_out = sizes
    sig = lambda z: 1 / (1 + Exp(-z))  # noqa: E731 - the closed form of f
    I, H, J = range(1, n_in + 1), range(1, n_hid + 1), range(1, n_out + 1)
    b_val = {hh: sig(sum(v[ii, hh] * x[ii] for ii in I) - gamma[hh]) for hh in H}
    y_val = {jj: sig(sum(w[hh, jj] * b_val[hh] for hh in H) - theta[jj]) for jj in J}
    E = sp.Rational(1, 2) * sum((y_val[jj] - y[jj]) ** 2 for jj in J)
    names = {b[hh]: b_val[hh] for hh in H} | {y_hat[jj]: y_val[jj] for jj in J}
    params = (
        [(v[ii, hh], "Δv_ih", {i: ii, h: hh}) for ii in I for hh in H]
        + [(gamma[hh], "Δγ_h", {h: hh}) for hh in H]
        + [(w[hh, jj], "Δw_hj", {h: hh, j: jj}) for hh in H for jj in J]
        + [(theta[jj], "Δθ_j", {j: jj}) for jj in J]
    )
    return E, names, params


def full_differentiation_concrete(sizes=(2, 2, 1)) -> dict[str, Proof]:
    """Confirm the four rules on a concrete d-q-l net by differentiating everything.

    The net is written with f(x) = 1/(1 + e^(−x)) spelled out; for every parameter p,
    Δp = −η ∂E_k/∂p is computed by ``sympy.diff``; the symbolic-size closed form (5.11)–
    (5.14) is instantiated at the same indices and sizes; the difference is reduced by
    :func:`is_zero_rational`.

    Parameters
    ----------
    sizes : tuple of int
        ``(d, q, l)``, e.g. ``(2, 3, 1)``.

    Returns
    -------
    dict
        ``{"Δv_11": Proof, …, "Δθ_1": Proof}``, one per parameter, in flat order v, γ, w, θ.

    Examples
    --------
    >>> all(p.holds for p in full_differentiation_concrete((2, 2, 1)).values())
    True
    """
    return _full_differentiation_concrete(*_check_sizes(sizes))


def _check_sizes(sizes):
    try:
        n_in, n_hid, n_out = (int(s) for s in sizes)
        if min(n_in, n_hid, n_out) < 1:
            raise ValueError
    except (TypeError, ValueError):
        raise InputError("err.symbolic.textbook.check_sizes", sizes=sizes) from None
    return n_in, n_hid, n_out


@functools.cache
def _full_differentiation_concrete(n_in, n_hid, n_out):
    E, names, params = _concrete((n_in, n_hid, n_out))
    rules = textbook_closed_forms()
    out = {}
    for p, rule_name, idx in params:
        derived = -eta * sp.diff(E, p)
        rule = expand_textbook(rules[rule_name]).xreplace({**idx, d: n_in, q: n_hid, l: n_out})
        rule = rule.doit().xreplace(names)
        name = f"Δ{p}"
        out[name] = Proof(
            name,
            derived,
            rules[rule_name].xreplace(idx),
            rule,
            is_zero_rational(derived - rule),
            "rational",
        )
    return out


# --- the textbook's closed forms as numbers ---------------------------------------------------


@functools.cache
def _textbook_function(n_in, n_hid, n_out):
    import math

    from .netexpr import _sigmoid_float

    sizes = {d: n_in, q: n_hid, l: n_out}
    I, H, J = range(1, n_in + 1), range(1, n_hid + 1), range(1, n_out + 1)
    # forward pass: the symbolic-size definitions, instantiated and summed out
    value = {}
    for hh in H:
        value[alpha[hh]] = alpha_def(hh).xreplace(sizes).doit()
        value[b[hh]] = b_def(hh).xreplace(value)
    for jj in J:
        value[beta[jj]] = beta_def(jj).xreplace(sizes).doit().xreplace(value)
        value[y_hat[jj]] = y_hat_def(jj).xreplace(value)
    g_val = {jj: g_def(jj).xreplace(value) for jj in J}
    e_val = {hh: e_def(hh).xreplace(sizes).doit().xreplace({g[jj]: g_val[jj] for jj in J})
             for hh in H}  # fmt: skip
    e_val = {hh: ex.xreplace(value) for hh, ex in e_val.items()}
    rules = textbook_closed_forms()

    # ∂E_k/∂p = −Δp/η, the rules (5.11)–(5.14) read backwards
    def grad(rule, idx):
        ex = (-rules[rule] / eta).xreplace(idx)
        return ex.xreplace(
            {**{g[jj]: g_val[jj] for jj in J}, **{e[hh]: e_val[hh] for hh in H}}
        ).xreplace(value)

    exprs = (
        [g_val[jj] for jj in J]
        + [e_val[hh] for hh in H]
        + [grad("Δv_ih", {i: ii, h: hh}) for ii in I for hh in H]
        + [grad("Δγ_h", {h: hh}) for hh in H]
        + [grad("Δw_hj", {h: hh, j: jj}) for hh in H for jj in J]
        + [grad("Δθ_j", {j: jj}) for jj in J]
    )
    params = (
        [v[ii, hh] for ii in I for hh in H] + [gamma[hh] for hh in H]
        + [w[hh, jj] for hh in H for jj in J] + [theta[jj] for jj in J]
    )  # fmt: skip
    xs, ys = [x[ii] for ii in I], [y[jj] for jj in J]
    plain = {s: sp.Dummy() for s in (*params, *xs, *ys)}
    fn = sp.lambdify(
        [[plain[s] for s in params], [plain[s] for s in xs], [plain[s] for s in ys]],
        [ex.xreplace(plain) for ex in exprs],
        modules=[{"f": _sigmoid_float}, math],
        cse=True,
    )
    return fn


def textbook_gradient_function(sizes):
    """The closed forms (5.10)–(5.15) for a concrete d-q-l net, as one fast function.

    The symbolic-size definitions and rules of :func:`derive_textbook` are instantiated at
    `sizes` (sums over i, h, j written out) and compiled with ``sympy.lambdify(cse=True)``.

    Parameters
    ----------
    sizes : (d, q, l)

    Returns
    -------
    callable
        ``fn(p, x, y) -> dict`` with `p` = v (row-major), γ, w (row-major), θ as one list
        (``Network.flat()`` order), `x` (d floats), `y` (l floats); the dict holds ``g``
        (l,), ``e`` (q,), and ∂E_k/∂ of ``v`` (d, q), ``gamma`` (q,), ``w`` (q, l),
        ``theta`` (l,) as nested lists, the names of :class:`bpcore.TextbookNet`.

    Examples
    --------
    >>> fn = textbook_gradient_function((1, 1, 1))
    >>> out = fn([0.0, 0.0, 0.0, 0.0], [1.0], [1.0])
    >>> out["g"], out["theta"]
    ([0.125], [0.125])
    """
    n_in, n_hid, n_out = _check_sizes(sizes)
    fn = _textbook_function(n_in, n_hid, n_out)

    def evaluate(p, xv, yv):
        flat = fn(list(p), list(xv), list(yv))
        out, k = {}, 0
        shapes = {"g": (n_out,), "e": (n_hid,), "v": (n_in, n_hid), "gamma": (n_hid,),
                  "w": (n_hid, n_out), "theta": (n_out,)}  # fmt: skip
        for name, shape in shapes.items():
            size = shape[0] * (shape[1] if len(shape) == 2 else 1)
            chunk = [float(t) for t in flat[k : k + size]]
            k += size
            out[name] = (
                [chunk[r * shape[1] : (r + 1) * shape[1]] for r in range(shape[0])]
                if len(shape) == 2
                else chunk
            )
        return out

    return evaluate
