"""Accumulated BP (eq. 5.16): exact proof and a central-difference check."""

import numpy as np
import pytest
import sympy as sp

from bpcore.errors import InputError
from bpcore.symbolic import accumulated_error, prove_accumulated_updates
from bpcore.symbolic.notation import eta, gamma, theta, v, w
from bpcore.symbolic.textbook import Exp, is_zero_rational


@pytest.mark.parametrize("sizes", [(1, 1, 1), (2, 2, 1)])
def test_accumulated_update_is_mean_of_standard_updates_exactly(sizes):
    d, q, l = sizes
    proofs = prove_accumulated_updates(3, sizes)
    # every parameter of the net: v_ih, γ_h (hidden layer, 5.13–5.14), w_hj, θ_j (5.11–5.12)
    assert len(proofs) == d * q + q + q * l + l
    assert [name[1] for name in proofs] == ["v"] * (d * q) + ["γ"] * q + ["w"] * (q * l) + ["θ"] * l
    for name, p in proofs.items():
        assert p.difference == 0, name


def test_the_proof_is_not_vacuous():
    # a wrong rule must not pass: the sum instead of the mean, or e_h with the wrong sign
    proofs = prove_accumulated_updates(2, (1, 1, 1))
    for name in ("Δv_11", "Δγ_1", "Δw_11", "Δθ_1"):
        p = proofs[name]
        assert is_zero_rational(p.derived - 2 * p.textbook) != 0, name
        assert is_zero_rational(p.derived + p.textbook) != 0, name


def test_accumulated_rule_against_central_differences():
    # E of 3 samples on a 2-2-1 net with seeded random parameters and data; the averaged
    # per-sample rule of every v_ih, γ_h, w_hj, θ_j must match −η ∂E/∂p from central
    # differences (eps = 1e-4).
    m, sizes = 3, (2, 2, 1)
    E, xs, ys = accumulated_error(m, sizes)
    proofs = prove_accumulated_updates(m, sizes)
    rng = np.random.default_rng(14)
    params = [v[i, h] for i in (1, 2) for h in (1, 2)] + [gamma[1], gamma[2]]
    params += [w[1, 1], w[2, 1], theta[1]]
    data = [s for row in xs + ys for s in row]
    values = dict(zip(params + data, rng.normal(size=len(params) + len(data))))
    values[eta] = 0.1
    to_exp = (lambda n: isinstance(n, Exp), lambda n: sp.exp(n.args[0]))
    plain = [sp.Dummy() for _ in params]  # lambdify wants plain symbols, not v[1, 1]
    E_plain = E.replace(*to_exp).xreplace(dict(zip(params, plain)))
    E_num = sp.lambdify(plain + data, E_plain, "math")
    eps = 1e-4
    assert sorted(proofs) == sorted(f"Δ{p}" for p in params)  # all nine are checked
    for name, proof in proofs.items():
        p = next(q for q in params if f"Δ{q}" == name)
        args = [values[s] for s in params + data]
        k = params.index(p)
        up, down = list(args), list(args)
        up[k] += eps
        down[k] -= eps
        fd = (E_num(*up) - E_num(*down)) / (2 * eps)
        rule = proof.textbook.replace(lambda n: isinstance(n, Exp), lambda n: sp.exp(n.args[0]))
        assert float(rule.subs(values)) == pytest.approx(-0.1 * fd, rel=1e-6, abs=1e-10)


@pytest.mark.parametrize("m", [0, -1, 1.5, True, "3"])
def test_bad_m_is_a_bilingual_error(m):
    with pytest.raises(InputError, match="m"):
        prove_accumulated_updates(m)
