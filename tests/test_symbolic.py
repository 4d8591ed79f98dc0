"""bpcore.symbolic, the derivations: every proof is an exact zero, the factors are the
textbook's, the symbols print as the book writes them, and the tutorials' numbers follow.

Oracles: SymPy's own differentiation of the fully written-out expressions (inside the
package, checked here to be exactly 0), central differences in float64 (independent of
SymPy), and the numbers published by the source tutorials (REFERENCE.md).
"""

import math
import subprocess
import sys

import numpy as np
import pytest
import sympy as sp
from sympy.tensor.indexed import Indexed

from bpcore.symbolic import (
    activation_derivative,
    all_proofs,
    chain_000,
    chains_222,
    composite_004,
    derive_all,
    derive_textbook,
    full_differentiation_concrete,
    full_differentiation_symbolic,
    prove_textbook_formulas,
)
from bpcore.symbolic.functions import f
from bpcore.symbolic.notation import (
    E_k,
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
from bpcore.symbolic.textbook import Exp, is_zero_rational, prove


def central(fun, t, eps=1e-4):
    return (fun(t + eps) - fun(t - eps)) / (2 * eps)


def test_import_bpcore_loads_neither_sympy_nor_symbolic():
    code = (
        "import sys, bpcore; "
        "assert 'sympy' not in sys.modules, 'sympy loaded'; "
        "assert 'bpcore.symbolic' not in sys.modules, 'symbolic loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# --- activations -------------------------------------------------------------------------


def test_sigmoid_derivative_is_f_times_one_minus_f():
    dv = activation_derivative("sigmoid")
    (proof,) = dv.proofs
    assert proof.difference == 0 and proof.holds
    raw = dv["derivative"].forms[0]  # SymPy's derivative of 1/(1 + e^(-x)), before rewriting
    (sym,) = raw.free_symbols
    for t in (-3.0, -0.5, 0.0, 0.7, 4.0):
        numeric = central(lambda u: 1 / (1 + math.exp(-u)), t)
        assert float(raw.subs(sym, t)) == pytest.approx(numeric, rel=1e-8)
        s = 1 / (1 + math.exp(-t))
        assert float(raw.subs(sym, t)) == pytest.approx(s * (1 - s), rel=1e-12)
    assert str(dv["derivative"].result) == "(1 - f(x))*f(x)"
    assert dv["derivative"].eq == "5.9"
    (xsym,) = dv["derivative"].result.free_symbols
    assert dv["derivative"].result == f(xsym) * (1 - f(xsym))


@pytest.mark.parametrize("name", ["identity", "tanh", "relu"])
def test_other_activation_derivatives_are_proven(name):
    dv = activation_derivative(name)
    assert dv.proofs and all(p.difference == 0 for p in dv.proofs)


def test_tanh_derivative_matches_central_differences():
    raw = activation_derivative("tanh")["derivative"].forms[0]
    (sym,) = raw.free_symbols
    for t in (-2.0, 0.3, 1.5):
        assert float(raw.subs(sym, t)) == pytest.approx(central(math.tanh, t), rel=1e-8)


def test_unknown_activation_is_a_bilingual_error():
    with pytest.raises(ValueError, match="expected one of") as info:
        activation_derivative("softmax")
    assert "未知激活函数" in str(info.value)


# --- notation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "obj,text,tex",
    [
        (v[i, h], "v_ih", "v_{ih}"),
        (gamma[h], "γ_h", r"\gamma_{h}"),
        (alpha[h], "α_h", r"\alpha_{h}"),
        (b[h], "b_h", "b_{h}"),
        (w[h, j], "w_hj", "w_{hj}"),
        (theta[j], "θ_j", r"\theta_{j}"),
        (beta[j], "β_j", r"\beta_{j}"),
        (y_hat[j], "ŷ_j", r"\hat{y}_{j}"),
        (g[j], "g_j", "g_{j}"),
        (e[h], "e_h", "e_{h}"),
        (eta, "η", r"\eta"),
        (E_k, "E_k", "E_{k}"),
        (v[1, 2], "v_12", "v_{12}"),
    ],
)
def test_symbols_print_as_the_textbook_writes_them(obj, text, tex):
    assert str(obj) == text
    assert sp.latex(obj) == tex


def test_derived_objects_print_in_book_notation_everywhere():
    dv = derive_textbook()
    texts = [s.text() for s in dv.steps] + [p.text() for p in dv.proofs]
    latexes = [s.latex() for s in dv.steps] + [p.latex() for p in dv.proofs]
    for bad in ("gamma", "yhat", "theta", "alpha", "beta", "y_hat", "[h]", "[j]"):
        assert not any(bad in t for t in texts), bad
    for bad in ("γ", "ŷ", "θ", "α", "β", "η", "yhat"):
        assert not any(bad in t for t in latexes), bad
    assert "ŷ_j" in dv["dyhat/dbeta"].text() and "γ_h" in dv["db/dgamma"].text()
    assert r"\hat{y}_{j}" in dv["dyhat/dbeta"].latex()
    assert r"\gamma_{h}" in dv["db/dgamma"].latex()
    assert r"\frac{\partial E_{k}}{\partial w_{hj}}" in dv["dE/dw"].latex()


# --- the textbook: route 1, the chain rule factor by factor --------------------------------

EXPECTED_FACTORS = {
    "dE/dyhat": y_hat[j] - y[j],
    "dyhat/dbeta": y_hat[j] * (1 - y_hat[j]),
    "dbeta/dw": b[h],
    "dyhat/dtheta": -y_hat[j] * (1 - y_hat[j]),
    "dbeta/db": w[h, j],
    "db/dalpha": b[h] * (1 - b[h]),
    "dalpha/dv": x[i],
    "db/dgamma": -b[h] * (1 - b[h]),
}


@pytest.mark.parametrize("key", sorted(EXPECTED_FACTORS))
def test_each_factor_is_available_and_is_the_textbooks(key):
    step = derive_textbook()[key]
    assert sp.expand(step.result - EXPECTED_FACTORS[key]) == 0
    assert step.lhs.text.startswith("∂")


def test_sigmoid_factors_show_f_prime_before_the_identity():
    step = derive_textbook()["dyhat/dbeta"]
    assert str(step.forms[0]) == "f'(β_j - θ_j)"
    assert step.eq == "5.9"


def test_the_four_rules_are_proven_exactly_at_symbolic_sizes():
    proofs = prove_textbook_formulas()
    assert list(proofs) == ["Δw_hj", "Δθ_j", "Δv_ih", "Δγ_h"]
    for p in proofs.values():
        assert p.difference is sp.S.Zero
    assert proofs["Δw_hj"].textbook == eta * g[j] * b[h]
    assert proofs["Δθ_j"].textbook == -eta * g[j]
    assert proofs["Δv_ih"].textbook == eta * e[h] * x[i]
    assert proofs["Δγ_h"].textbook == -eta * e[h]
    # the hidden-layer rules hold for a symbolic number l of outputs: Σ_{j=1}^{l}
    assert l in proofs["Δv_ih"].derived.free_symbols
    assert l in proofs["Δγ_h"].derived.free_symbols
    assert derive_textbook().holds


def test_a_wrong_rule_is_not_proven():
    derived = prove_textbook_formulas()["Δθ_j"].derived
    assert not prove("Δθ_j", derived, eta * g[j]).holds  # sign error: θ is subtracted
    derived_w = prove_textbook_formulas()["Δw_hj"].derived
    assert not prove("Δw_hj", derived_w, eta * g[j] * (1 - b[h])).holds
    derived_v = prove_textbook_formulas()["Δv_ih"].derived
    assert not prove("Δv_ih", derived_v, eta * e[h] * x[i] * b[h]).holds  # an extra b_h


def test_g_and_e_are_proven_and_the_hidden_chain_sums_over_j():
    names = {p.name: p for p in derive_textbook().proofs}
    for key in ("g_j", "e_h", "∂E_k/∂b_h"):
        assert names[key].difference == 0
    dE_db = derive_textbook()["dE/db"].result
    assert isinstance(dE_db, sp.Sum) and dE_db.limits[0][1:] == (1, l)


# --- route 2: brute force at symbolic sizes -------------------------------------------------


def test_brute_force_differentiation_at_symbolic_sizes_agrees_with_the_chains():
    proofs = full_differentiation_symbolic()
    assert set(proofs) == {"∂E_k/∂w_hj", "∂E_k/∂θ_j", "∂E_k/∂v_ih", "∂E_k/∂γ_h"}
    for p in proofs.values():
        assert p.difference == 0
        assert not p.derived.has(sp.KroneckerDelta, sp.Piecewise)
    assert proofs["∂E_k/∂v_ih"].derived.free_symbols >= {l}
    assert {d, q} & proofs["∂E_k/∂v_ih"].derived.free_symbols == set()  # summed out


# --- route 3: concrete sizes, every parameter, sigmoid written out ----------------------------


@pytest.mark.parametrize("sizes", [(2, 2, 1), (2, 3, 1), (3, 2, 2)])
def test_full_differentiation_on_concrete_nets(sizes):
    proofs = full_differentiation_concrete(sizes)
    dd, qq, ll = sizes
    assert len(proofs) == (dd + ll + 1) * qq + ll  # every parameter, textbook's count
    for p in proofs.values():
        assert p.difference == 0 and p.method == "rational"
        assert p.derived.has(Exp)  # differentiated with the sigmoid written out, 1/(1 + e^(−z))


def test_the_rational_zero_test_rejects_a_wrong_identity():
    proofs = full_differentiation_concrete((2, 2, 1))
    p = proofs["Δv_11"]
    assert is_zero_rational(p.derived - 2 * p.textbook_expanded) != 0
    assert is_zero_rational(p.derived - p.textbook_expanded.xreplace({x[1]: x[2]})) != 0


def test_concrete_proofs_agree_with_central_differences():
    # the derived Δ's of a 2-3-1 net at random numbers = −η × central difference of E_k
    proofs = full_differentiation_concrete((2, 3, 1))
    rng = np.random.default_rng(7)
    syms = sorted(set().union(*(p.derived.atoms(Indexed) for p in proofs.values())), key=str)
    point = {s: float(rng.normal()) for s in syms}
    point[eta] = 1.0
    dummies = [sp.Dummy() for _ in syms]
    E_closed = _concrete_E((2, 3, 1)).rewrite(sp.exp)
    E = sp.lambdify(dummies, E_closed.xreplace(dict(zip(syms, dummies))))
    base = [point[s] for s in syms]
    for name, p in proofs.items():
        k = next(n for n, s in enumerate(syms) if f"Δ{s}" == name)
        numeric = -central(lambda t, k=k: E(*base[:k], t, *base[k + 1 :]), base[k])
        derived = p.derived.rewrite(sp.exp).xreplace(point)
        assert float(derived) == pytest.approx(numeric, rel=1e-7, abs=1e-10)


def _concrete_E(sizes):
    from bpcore.symbolic.textbook import _concrete

    return _concrete(sizes)[0]


def test_concrete_sizes_are_checked():
    with pytest.raises(ValueError, match="three positive integers"):
        full_differentiation_concrete((2, 0, 1))


# --- display -------------------------------------------------------------------------------


def test_derivation_renders_in_both_languages():
    dv = derive_textbook()
    en, zh = dv.markdown("en"), dv.in_language("zh")._repr_markdown_()
    assert "$$" in en and "$$" in zh
    assert "Chain rule: product of the factors" in en
    assert "链式法则：各因子相乘" in zh and "（式 5.11）" in zh
    assert dv.title("zh").startswith("带阈值")
    assert dv.latex().startswith("\\begin{aligned}")
    with pytest.raises(KeyError, match="no step"):
        dv["nonexistent"]
    with pytest.raises(ValueError, match="未知语言"):
        dv.markdown("fr")


# --- the tutorials -------------------------------------------------------------------------


def test_composite_function_of_tutorial_004():
    dv = composite_004()
    assert dv.notes["values"] == {"df/dw": sp.Rational(1, 4), "df/db": sp.Rational(1, 4)}
    assert all(p.difference == 0 for p in dv.proofs)
    h5 = sp.Symbol("h_5")
    assert str(dv["dh6/dh5"].result) == "-1/h_5**2" and h5.name == "h_5"

    def fx(wv, bv, xv=1.0):
        return 1 / (math.exp(-(wv * xv + bv)) + 1)

    assert central(lambda t: fx(t, 0.0), 0.0) == pytest.approx(0.25, rel=1e-8)
    assert central(lambda t: fx(0.0, t), 0.0) == pytest.approx(0.25, rel=1e-8)


def _forward_000(v11, w1):
    X = np.array([[2.0, 3, 1], [1, 0, 2], [3, 1, 1]])
    T = np.array([0.64, 0.52, 0.36])
    V = np.array([[v11, 0.2], [0.6, 0.3], [0.3, 0.5]])
    H = X @ V
    y_out = 1 / (1 + np.exp(-(H @ np.array([w1, 0.2]))))
    return np.sum((T - y_out) ** 2) / (2 * 3)


def test_chain_of_tutorial_000_averages_product_not_factors():
    n = chain_000().notes
    pub = n["published"]
    for key in ("dE/dy", "dy/ds", "ds/dw1"):
        assert round(n["factor_means"][key], 3) == pub[key]
    assert round(n["product_of_means"], 3) == pub["dE/dw1"]  # the tutorial's 0.067
    assert round(n["w1_new_tutorial"], 3) == pub["w1_new"]  # its 0.766
    assert round(n["v11"]["product_of_means"], 3) == pub["dE/dv11"]
    assert round(n["v11"]["v11_new_tutorial"], 3) == pub["v11_new"]
    # the true gradient is the mean of the products: central differences agree with it
    true_w1 = central(lambda t: _forward_000(0.15, t), 0.8)
    true_v11 = central(lambda t: _forward_000(t, 0.8), 0.15)
    assert n["mean_of_products"] == pytest.approx(true_w1, rel=1e-8)
    assert n["v11"]["mean_of_products"] == pytest.approx(true_v11, rel=1e-8)
    assert abs(n["mean_of_products"] - n["product_of_means"]) > 0.005
    assert n["E"] == pytest.approx(_forward_000(0.15, 0.8), rel=1e-12)
    assert all(p.difference == 0 for p in chain_000().proofs)


def _E_222(params):
    w1, w2, w3, w4, w5, w6, w7, w8 = params
    i1, i2, b1, b2 = 0.05, 0.10, 0.35, 0.60
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    h1, h2 = s(w1 * i1 + w2 * i2 + b1), s(w3 * i1 + w4 * i2 + b1)
    o1, o2 = s(w5 * h1 + w6 * h2 + b2), s(w7 * h1 + w8 * h2 + b2)
    return 0.5 * (0.01 - o1) ** 2 + 0.5 * (0.99 - o2) ** 2


def test_chains_of_the_222_example_match_published_numbers_and_central_differences():
    dv = chains_222()
    val, pub = dv.notes["values"], dv.notes["published"]
    assert val["w5_new"] == pytest.approx(pub["w5_new"], abs=1e-8)
    assert val["w1_new"] == pytest.approx(pub["w1_new"], abs=1e-9)
    assert val["E_total"] == pytest.approx(pub["E_total"], abs=1e-9)
    for key in ("dE/dout_o1", "dout_o1/dnet_o1", "dnet_o1/dw5"):
        assert val[key] == pytest.approx(pub[key], abs=1e-9)
    assert round(val["out_o1"], 4) == pub["out_o1"] and round(val["out_o2"], 4) == pub["out_o2"]
    p0 = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]

    def along(k):
        return lambda t: _E_222([t if n == k else p for n, p in enumerate(p0)])

    assert val["dE/dw5"] == pytest.approx(central(along(4), 0.40), rel=1e-8)
    assert val["dE/dw1"] == pytest.approx(central(along(0), 0.15), rel=1e-7)
    # w1 is reached through both outputs, and here they pull in opposite directions
    assert val["dE_o1/dout_h1"] > 0 > val["dE_o2/dout_h1"]
    assert all(p.difference == 0 for p in dv.proofs)


def test_derive_all_holds_everywhere():
    result = derive_all()
    proofs = all_proofs(result)
    assert len(proofs) >= 50
    assert all(p.difference == 0 for p in proofs)
    assert set(result["textbook_concrete"]) == {(2, 2, 1), (2, 3, 1), (3, 2, 2)}
