"""Routes 2 and 3: differentiate the whole network at once and compare with the chain rule.

Route 2 differentiates the nested E_k at symbolic sizes; route 3 writes a concrete d-q-l net
with f(x) = 1/(1 + e^(−x)) spelled out and differentiates every parameter. The closed forms
instantiated at concrete sizes also become one fast numeric function.
"""

from __future__ import annotations

import functools

import sympy as sp

from ..derivation import Proof
from ..functions import f
from ..notation import (
    alpha,
    b,
    beta,
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
from .chain import derive_textbook
from .net import (
    E_def,
    Exp,
    _book_derivative,
    _check_sizes,
    alpha_def,
    b_def,
    beta_def,
    bh,
    bj,
    e_def,
    expand_textbook,
    g_def,
    is_zero_rational,
    prove,
    textbook_closed_forms,
    y_hat_def,
)

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

    from ..netexpr import _sigmoid_float

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
