"""The derivation exercises: the student enters a formula; SymPy decides if it is right.

The answer is a string (``"(y - y_hat) * y_hat * (1 - y_hat)"``, ``^`` allowed for powers) or a
SymPy expression, in the symbols each exercise names. It is right when it equals the expected
formula after :func:`sympy.simplify` (or, failing that, at 20 seeded random points); else it is
compared with the common wrong forms, each with its hint. SymPy is imported only here, on
first use.

Examples
--------
>>> from bpcore.exercises import check
>>> check("01-derive", "w - 3", lang="en")
✔ Right!
>>> print(check("01-derive", "2*(w - 3)", lang="en").message.split(": ")[0])
A common mistake
"""

import numpy as np

from ._code import attempt, failed
from ._feedback import CheckResult, joined, result, say
from ._registry import register


def _sym():
    import sympy

    return sympy


def parse(answer, names):
    """`answer` (a string or SymPy expression) as a SymPy expression in the symbols `names`.

    Raises
    ------
    ValueError
        With the names of symbols the exercise does not know.
    """
    sp = _sym()
    symbols = {n: sp.Symbol(n) for n in names}
    if isinstance(answer, str):
        from sympy.parsing.sympy_parser import (
            convert_xor,
            parse_expr,
            standard_transformations,
        )

        allowed = {**symbols, "exp": sp.exp, "log": sp.log, "ln": sp.log, "sqrt": sp.sqrt}
        safe = {k: getattr(sp, k) for k in ("Integer", "Float", "Rational", "Symbol")}
        expr = parse_expr(
            answer,
            local_dict=allowed,
            global_dict={"__builtins__": {}, **safe},
            transformations=(*standard_transformations, convert_xor),
        )
    else:
        expr = sp.sympify(answer)
    unknown = sorted(str(s) for s in expr.free_symbols if str(s) not in names)
    if unknown:
        raise NameError(", ".join(unknown))
    return sp.sympify(expr).subs({sp.Symbol(n): symbols[n] for n in names})


def equal(a, b, names, seed=0):
    """True when the SymPy expressions `a` and `b` are the same function of `names`."""
    sp = _sym()
    try:
        if sp.simplify(a - b) == 0:
            return True
    except Exception:  # simplify can fail on odd input: fall back on numbers
        pass
    syms = [sp.Symbol(n) for n in names]
    fa, fb = (sp.lambdify(syms, e, "numpy") for e in (a, b))
    rng = np.random.default_rng(seed)
    for point in rng.uniform(0.1, 0.9, (20, len(syms))):
        with np.errstate(all="ignore"):
            x, y = complex(fa(*point)), complex(fb(*point))
        if not np.isclose(x, y, rtol=1e-9, atol=1e-12):
            return False
    return True


def formula(id, names, expected, wrong):
    """Register exercise `id`: `expected` and the `wrong` forms (``{hint key: formula}``) are
    strings in the symbols `names`."""

    def reference():
        return expected

    def grade(answer, lang):
        if answer is None or answer is Ellipsis:
            return result("missing", "ex.missing_expr", lang)
        # Import SymPy and its parser before the time-limited call: importing them under the
        # sandbox's tracer takes seconds, and on a loaded machine used up the limit, which
        # read as "cannot parse w - 3".
        from sympy.parsing import sympy_parser  # noqa: F401

        got = attempt(parse, (answer, names), lang)
        if failed(got):
            if got.message == say("ex.timeout", lang):
                return got
            if "NameError" in got.message:
                return result("wrong", "ex.expr_symbols", lang, names=", ".join(names))
            return result("wrong", "ex.expr_parse", lang, got=str(answer)[:60])
        if equal(got, parse(expected, names), names):
            return result("right", "ex.right", lang)
        for hint, form in wrong.items():
            if equal(got, parse(form, names), names):
                return CheckResult("wrong", joined(lang, say("ex.mistake", lang), say(hint, lang)))
        return result("wrong", "ex.expr_wrong", lang, got=str(got))

    register(id, "expression", reference)(grade)


# 01: E(w) = ½ (w − 3)²
formula(
    "01-derive",
    ["w"],
    "w - 3",
    {"ex.hint.half_step": "2*(w - 3)", "ex.hint.ascent": "3 - w", "ex.hint.gd_chain": "(w - 3)**2"},
)

# 06: g_j of eq. (5.10), in ŷ_j, y_j and the net input β_j − θ_j (called z)
formula(
    "06-g",
    ["y_hat", "y", "z"],
    "y_hat * (1 - y_hat) * (y - y_hat)",
    {
        "ex.hint.g_sign": "y_hat * (1 - y_hat) * (y_hat - y)",
        "ex.hint.g_no_prime": "y - y_hat",
        "ex.hint.prime_at_input": "z * (1 - z) * (y - y_hat)",
    },
)

# 06: e_h of eq. (5.15) for l = 2 outputs
formula(
    "06-e",
    ["b", "w1", "w2", "g1", "g2"],
    "b * (1 - b) * (w1 * g1 + w2 * g2)",
    {
        "ex.hint.missing_sum": "b * (1 - b) * w1 * g1",
        "ex.hint.e_no_prime": "w1 * g1 + w2 * g2",
    },
)

# 10: ∂E/∂w5 of the 2-2-2 net, E = ½ Σ (out_o − target)², w5 from h1 to o1
formula(
    "10-w5",
    ["out_o1", "target_o1", "out_h1", "net_o1"],
    "(out_o1 - target_o1) * out_o1 * (1 - out_o1) * out_h1",
    {
        "ex.hint.ascent": "(target_o1 - out_o1) * out_o1 * (1 - out_o1) * out_h1",
        "ex.hint.prime_at_input": "(out_o1 - target_o1) * net_o1 * (1 - net_o1) * out_h1",
        "ex.hint.g_no_prime": "(out_o1 - target_o1) * out_h1",
    },
)
