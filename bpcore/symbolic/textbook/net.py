"""The d-q-l network's definitions (5.3)–(5.4), (5.10), (5.15) at symbolic sizes, and the
machinery every route shares: Kronecker deltas summed out, the book's names restored, and
exact proofs (a difference that reduces to 0).
"""

from __future__ import annotations

import sympy as sp
from sympy.concrete.delta import deltasummation
from sympy.tensor.indexed import Indexed

from ...errors import InputError
from ..derivation import Proof
from ..functions import f, use_sigmoid_identity
from ..notation import (
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


def _check_sizes(sizes):
    try:
        n_in, n_hid, n_out = (int(s) for s in sizes)
        if min(n_in, n_hid, n_out) < 1:
            raise ValueError
    except (TypeError, ValueError):
        raise InputError("err.symbolic.textbook.check_sizes", sizes=sizes) from None
    return n_in, n_hid, n_out
