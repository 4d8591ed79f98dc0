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

The package, one concept per module: :mod:`.net` (the definitions and the shared
machinery: deltas summed out, book names, exact proofs), :mod:`.chain` (route 1),
:mod:`.book_order` (the forms in the book's term order), :mod:`.brute` (routes 2 and 3,
and the closed forms as one numeric function). Every name is importable from here.
"""

# The _private helpers (noqa) are re-exported for bpcore.symbolic.accumulated and the tests.
from .book_order import _minus, _mul, book_order_holds  # noqa: F401
from .brute import (
    _concrete,  # noqa: F401
    full_differentiation_concrete,
    full_differentiation_symbolic,
    textbook_gradient_function,
)
from .chain import derive_textbook, prove_textbook_formulas
from .net import (
    Exp,
    _check_sizes,  # noqa: F401
    expand_sums,
    is_zero_rational,
    prove,
    resolve_indices,
    textbook_closed_forms,
    to_book,
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
