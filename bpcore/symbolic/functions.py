"""The activation functions and their derivatives, derived and proven in SymPy.

``f`` is the textbook's activation (the sigmoid of Zhou Zhihua, ch. 5) kept *unevaluated*,
so that chain-rule derivations show ``f(β_j − θ_j)`` and ``f'(β_j − θ_j)`` as the book
does; :func:`use_sigmoid_identity` then applies eq. (5.9), f'(x) = f(x)(1 − f(x)), which
:func:`activation_derivative` ("sigmoid") proves from f(x) = 1 / (1 + e^(−x)).
"""

from __future__ import annotations

import functools

import sympy as sp

from ..errors import InputError
from .derivation import Derivation, Proof, Shown, Step, product
from .notation import BookSymbol

__all__ = ["activation_derivative", "f", "fprime", "use_sigmoid_identity"]


class f(sp.Function):
    """The textbook's activation f(x) = 1 / (1 + e^(−x)), left unevaluated.

    Its derivative is :class:`fprime`; ``f(x).rewrite(sympy.exp)`` gives the closed form.

    Examples
    --------
    >>> import sympy
    >>> z = sympy.Symbol("z")
    >>> f(z).diff(z)
    f'(z)
    >>> f(z).rewrite(sympy.exp)
    1/(1 + exp(-z))
    """

    nargs = 1

    def fdiff(self, argindex=1):
        return fprime(self.args[0])

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sp.exp(-arg))


class fprime(sp.Function):
    """f', the derivative of the textbook's activation, printed ``f'(x)``."""

    nargs = 1

    def _sympystr(self, printer):
        return f"f'({printer._print(self.args[0])})"

    def _latex(self, printer, exp=None):
        tex = r"f'\left(" + printer._print(self.args[0]) + r"\right)"
        return tex if exp is None else r"\left(" + tex + r"\right)^{" + str(exp) + "}"

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return sp.exp(-arg) / (1 + sp.exp(-arg)) ** 2


def use_sigmoid_identity(expr: sp.Expr) -> sp.Expr:
    """Replace every f'(z) by f(z)(1 − f(z)), eq. (5.9).

    Examples
    --------
    >>> import sympy
    >>> z = sympy.Symbol("z")
    >>> use_sigmoid_identity(fprime(z))
    (1 - f(z))*f(z)
    """
    return expr.replace(fprime, lambda z: f(z) * (1 - f(z)))


_x = BookSymbol("x", real=True)


def _sigmoid() -> Derivation:
    x = _x
    f_def = 1 / (1 + sp.exp(-x))
    raw = sp.diff(f_def, x)  # SymPy's own differentiation of the closed form
    split = product(1 / (1 + sp.exp(-x)), sp.exp(-x) / (1 + sp.exp(-x)))
    one_minus = product(f_def, 1 - f_def)
    in_f = f(x) * (1 - f(x))
    steps = (
        Step(
            "definition",
            f(x),
            (f_def,),
            "The sigmoid (logistic) function",
            "Sigmoid（对数几率）函数",
        ),
        Step(
            "derivative",
            fprime(x),
            (raw, split, one_minus, in_f),
            "Differentiate; split the quotient; use e^(−x)/(1+e^(−x)) = 1 − f(x); the result"
            " is f'(x) = f(x)(1 − f(x))",
            "求导；拆分分式；利用 e^(−x)/(1+e^(−x)) = 1 − f(x)；结果是 f'(x) = f(x)(1 − f(x))",
            "5.9",
        ),
    )
    proof = Proof(
        "f'(x)",
        raw,
        in_f,
        in_f.rewrite(sp.exp),
        sp.simplify(raw - in_f.rewrite(sp.exp)),
    )
    return Derivation(
        "sigmoid",
        "Derivative of the sigmoid, f'(x) = f(x)(1 − f(x))",
        "Sigmoid 的导数 f'(x) = f(x)(1 − f(x))",
        steps,
        (proof,),
        notes={"in_terms_of_output": _y_out * (1 - _y_out)},
    )


_y_out = BookSymbol("ŷ")


def _identity() -> Derivation:
    x = _x
    raw = sp.diff(x, x)
    steps = (
        Step(
            "definition",
            Shown("f(x)", "f(x)"),
            (x,),
            "Identity (linear) activation, as in tutorial 001",
            "恒等（线性）激活，见教程 001",
        ),
        Step(
            "derivative",
            Shown("f'(x)", "f'(x)"),
            (raw,),
            "Its derivative is 1 everywhere",
            "导数处处为 1",
        ),
    )
    proof = Proof("f'(x)", raw, sp.S.One, sp.S.One, sp.simplify(raw - 1))
    return Derivation(
        "identity",
        "Derivative of the identity, f'(x) = 1",
        "恒等函数的导数 f'(x) = 1",
        steps,
        (proof,),
        notes={"in_terms_of_output": sp.S.One},
    )


def _tanh() -> Derivation:
    x = _x
    t_def = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))
    raw = sp.diff(t_def, x)
    in_t = 1 - sp.tanh(x) ** 2
    steps = (
        Step("definition", sp.tanh(x), (t_def,), "Hyperbolic tangent", "双曲正切"),
        Step(
            "derivative",
            Shown("tanh'(x)", r"\tanh'(x)"),
            (raw, in_t),
            "Differentiate the quotient; it equals 1 − tanh²(x)",
            "对分式求导，化为 1 − tanh²(x)",
        ),
    )
    proof = Proof(
        "tanh'(x)", raw, in_t, in_t.rewrite(sp.exp), sp.simplify(raw - in_t.rewrite(sp.exp))
    )
    return Derivation(
        "tanh",
        "Derivative of tanh, 1 − tanh²(x)",
        "tanh 的导数 1 − tanh²(x)",
        steps,
        (proof,),
        notes={"in_terms_of_output": 1 - _y_out**2},
    )


def _relu() -> Derivation:
    xp = BookSymbol("x", positive=True)
    xn = BookSymbol("x", negative=True)
    r = sp.Max(0, _x)
    raw = sp.diff(r, _x)
    pos, neg = sp.diff(sp.Max(0, xp), xp), sp.diff(sp.Max(0, xn), xn)
    steps = (
        Step("definition", Shown("f(x)", "f(x)"), (r,), "ReLU", "ReLU"),
        Step(
            "derivative",
            Shown("f'(x)", "f'(x)"),
            (raw,),
            "Its derivative is the step function (undefined at 0; engines use 0 there)",
            "导数为阶跃函数（0 处不可导，程序取 0）",
        ),
        Step("x>0", Shown("f'(x), x > 0", r"f'(x),\ x > 0"), (pos,), "For x > 0", "x > 0 时"),
        Step("x<0", Shown("f'(x), x < 0", r"f'(x),\ x < 0"), (neg,), "For x < 0", "x < 0 时"),
    )
    proofs = (
        Proof("f'(x), x>0", pos, sp.S.One, sp.S.One, sp.simplify(pos - 1)),
        Proof("f'(x), x<0", neg, sp.S.Zero, sp.S.Zero, sp.simplify(neg)),
    )
    return Derivation("relu", "Derivative of ReLU", "ReLU 的导数", steps, proofs)


_BUILDERS = {"sigmoid": _sigmoid, "identity": _identity, "tanh": _tanh, "relu": _relu}


@functools.cache
def activation_derivative(name: str = "sigmoid") -> Derivation:
    """Derive an activation's derivative in SymPy and prove its textbook form.

    Parameters
    ----------
    name : {"sigmoid", "identity", "tanh", "relu"}

    Returns
    -------
    Derivation
        Steps ``"definition"`` and ``"derivative"`` (the latter's forms go from SymPy's raw
        derivative to the textbook form), and the proof(s) that the difference is 0.
        ``notes["in_terms_of_output"]`` (sigmoid, identity, tanh) writes f' with the
        output ŷ = f(x), as the engine computes it: ŷ(1 − ŷ), 1, 1 − ŷ².

    Examples
    --------
    >>> dv = activation_derivative("sigmoid")
    >>> dv.holds, str(dv["derivative"].result)
    (True, '(1 - f(x))*f(x)')
    """
    try:
        build = _BUILDERS[name]
    except KeyError:
        raise InputError(
            "err.symbolic.functions.activation_derivative",
            name=name,
            known=sorted(_BUILDERS),
        ) from None
    return build()
