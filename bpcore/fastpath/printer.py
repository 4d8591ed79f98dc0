"""SymPy expressions printed as float Python: a subclass of SymPy's Python code printer.

:class:`sympy.printing.pycode.PythonCodePrinter` already writes sums, products, quotients
and signs as Python. Four things differ for the fast path, and only these are overridden:

* names: inputs, targets, parameters, unit outputs and CSE temporaries print as the local
  variable names the generated function binds (``x0_1``, ``p3``, ``o0_0_2``, ``c0_5``);
* numbers print as float literals (``0.5``, ``2.0``), so no integer or rational
  arithmetic runs in the hot loop;
* integer powers print as products (``(a*a)``) and negative ones as quotients: float
  ``**`` raises OverflowError where ``*`` gives inf, and the generated code must let a
  diverging run produce inf/nan, not an exception;
* ``Positive(o)`` (ReLU's derivative from its output, bpcore.symbolic.netexpr) prints as
  ``(1.0 if o > 0.0 else 0.0)``.

Examples
--------
>>> import sympy as sp
>>> a, b = sp.symbols("a b")
>>> FloatPrinter({a: "p0", b: "x0_0"}).doprint(3 * a**2 / b - sp.Rational(1, 2))
'3.0*(p0*p0)/x0_0 - 0.5'
"""

from __future__ import annotations

from sympy.printing.pycode import PythonCodePrinter

from ..symbolic.netexpr import Positive

MAX_PRODUCT = 4
"""x**n with 2 ≤ n ≤ MAX_PRODUCT prints as a product of n factors; higher powers use ``**``."""


class FloatPrinter(PythonCodePrinter):
    """Prints the fast path's expressions as float Python.

    Parameters
    ----------
    names : dict
        SymPy expression (a Symbol, or any subexpression) → the Python name to print for it.
    """

    def __init__(self, names):
        super().__init__({"fully_qualified_modules": False, "standard": "python3"})
        self.names = names

    def _print(self, expr, **kwargs):
        name = self.names.get(expr)
        return name if name is not None else super()._print(expr, **kwargs)

    def parenthesize(self, item, level, strict=False):
        # a non-negative number prints as a float literal: an atom, never bracketed
        if getattr(item, "is_Number", False) and not item.is_negative:
            return self._print(item)
        return super().parenthesize(item, level, strict)

    def _as_ordered_terms(self, expr, order=None):
        # SymPy's order, with the positive terms first: ``o - y``, not ``-y + o``
        terms = super()._as_ordered_terms(expr, order=order)
        return sorted(terms, key=lambda term: term.could_extract_minus_sign())

    def _print_Integer(self, expr):
        return repr(float(expr))

    _print_Rational = _print_Integer
    _print_Float = _print_Integer

    def _print_Pow(self, expr, rational=False):
        base, n = expr.base, expr.exp
        if not n.is_Integer or n == 0:
            return super()._print_Pow(expr, rational)
        factor = self.parenthesize(base, 1000, strict=True)  # an atom, or (base)
        k = abs(int(n))
        power = factor if k == 1 else "(" + "*".join([factor] * k) + ")"
        if k > MAX_PRODUCT:
            power = f"({factor}**{k})"
        return power if n > 0 else f"(1.0/{power})"

    def _print_Positive(self, expr):
        return f"(1.0 if {self._print(expr.args[0])} > 0.0 else 0.0)"


__all__ = ["MAX_PRODUCT", "FloatPrinter", "Positive"]
