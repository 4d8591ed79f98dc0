"""bpcore.fastpath's pieces: the SymPy printer subclass, the typed template, the alias left in
bpcore.symbolic. (The generated steps against the NumPy path and central differences:
tests/test_symbolic_numeric.py and tests/test_train.py.)"""

import math

import numpy as np
import pytest

sp = pytest.importorskip("sympy")

from sympy.printing.pycode import PythonCodePrinter  # noqa: E402

from bpcore import NetSpec, Network  # noqa: E402
from bpcore.fastpath import FloatPrinter, Template, make_step  # noqa: E402
from bpcore.fastpath.printer import MAX_PRODUCT  # noqa: E402
from bpcore.fastpath.template import template  # noqa: E402
from bpcore.symbolic.netexpr import Positive  # noqa: E402

a, b, c = sp.symbols("a b c")


def evaluate(expr, **values):
    """Print with FloatPrinter and run the code with `values` bound to the printed names."""
    code = FloatPrinter({s: s.name for s in (a, b, c)}).doprint(expr)
    return eval(code, {"exp": math.exp, "tanh": math.tanh}, values), code


def test_printer_is_sympys_python_printer():
    assert issubclass(FloatPrinter, PythonCodePrinter)


@pytest.mark.parametrize(
    "expr",
    [
        3 * a**2 / b - sp.Rational(1, 2),
        a / (b * c) + c**3,
        (a - b) ** 2 * c,
        -(a - b) * c / (1 + a) ** 2,
        a**7 - b**-2,
        2 * a * (1 - a) ** 4,
        a * b * (1 - b) * (c - a),
    ],
)
def test_printed_code_equals_sympys_value(expr):
    values = {"a": 0.7, "b": -1.3, "c": 2.1}
    got, code = evaluate(expr, **values)
    expected = float(expr.subs({a: 0.7, b: -1.3, c: 2.1}))
    assert got == pytest.approx(expected, rel=1e-14), code
    assert "**" not in code or "**7" in code  # powers up to MAX_PRODUCT are products


def test_small_powers_overflow_to_inf_instead_of_raising():
    # float ** raises OverflowError; the product gives inf, which train() reports as divergence
    with pytest.raises(OverflowError):
        _ = 1e200**2
    got, code = evaluate(a**MAX_PRODUCT * b, a=1e200, b=1.0)
    assert got == math.inf and "**" not in code


def test_numbers_print_as_floats_and_positive_as_a_branch():
    printer = FloatPrinter({a: "p0"})
    assert printer.doprint(sp.Rational(1, 4) * a) == "0.25*p0"
    assert printer.doprint(a - 3) == "p0 - 3.0"  # positive terms first
    assert printer.doprint(Positive(a)) == "(1.0 if p0 > 0.0 else 0.0)"


def test_template_is_typed_and_its_cse_recovers_the_output_delta():
    spec = NetSpec((2, 2, 1), ("sigmoid", "sigmoid"), ("threshold", "threshold"))
    t = template(spec)
    assert isinstance(t, Template)
    assert t.trained == tuple(range(spec.n_params)) and len(t.grads) == spec.n_params
    with pytest.raises(AttributeError):  # frozen
        t.sq = 0
    frozen = template(spec, train_offsets=False)
    assert len(frozen.trained) == spec.n_params - 3  # two thresholds γ_h and one θ_j
    # Every gradient, with the CSE temporaries substituted back, is the derived ∂E_k/∂p
    for k, g, neg in zip(t.trained, t.grads, t.negated):
        full = g
        for sym, e in reversed(t.cse):
            full = full.subs(sym, e)
        derived = t.net.gradients[k]
        assert sp.simplify((-full if neg else full) - derived) == 0
    assert t.cse  # shared temporaries: the deltas


def test_the_symbolic_alias_is_the_fastpath():
    from bpcore.symbolic import compiled

    assert compiled.make_step is make_step


def test_generated_step_equals_numpy_after_the_move():
    """One step of the generated code for a 3-layer tanh/relu net equals the NumPy path."""
    from bpcore.network import batch_backward, batch_forward

    net = Network.from_sizes((2, 3, 2, 1), activation="tanh", output_activation="relu", rng=2)
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(5, 2)), rng.uniform(size=(5, 1))
    new_p, loss = make_step(net.spec, 5)(net.flat().tolist(), X.ravel().tolist(), Y.ravel(), 0.1)
    g = batch_backward(net, batch_forward(net, X), Y, "mean")
    assert loss == pytest.approx(g.loss, rel=1e-13)
    np.testing.assert_allclose(new_p, net.flat() - 0.1 * g.flat(), rtol=0, atol=1e-13)
