"""Everything a lesson derives, in one call (and one list of proofs to check).

Examples
--------
>>> result = derive_all(concrete_sizes=((2, 2, 1),))
>>> all(p.holds for p in all_proofs(result))
True
"""

from __future__ import annotations

from .functions import activation_derivative
from .textbook import derive_textbook, full_differentiation_concrete, full_differentiation_symbolic
from .tutorials import chain_000, chains_222, composite_004

__all__ = ["DEFAULT_SIZES", "all_proofs", "derive_all"]

DEFAULT_SIZES = ((2, 2, 1), (2, 3, 1), (3, 2, 2))


def derive_all(concrete_sizes=DEFAULT_SIZES) -> dict:
    """Run every derivation of the course.

    Parameters
    ----------
    concrete_sizes : sequence of (d, q, l)
        Sizes on which the textbook rules are confirmed by full differentiation.

    Returns
    -------
    dict
        ``"sigmoid"``, ``"identity"``, ``"tanh"``, ``"relu"`` (activation derivatives),
        ``"textbook"`` (the d-q-l derivation at symbolic sizes), ``"textbook_brute_force"``
        (dict of proofs at symbolic sizes), ``"textbook_concrete"`` ({sizes: dict of
        proofs}), ``"composite_004"``, ``"chain_000"``, ``"chains_222"``.
    """
    out = {name: activation_derivative(name) for name in ("sigmoid", "identity", "tanh", "relu")}
    out["textbook"] = derive_textbook()
    out["textbook_brute_force"] = full_differentiation_symbolic()
    out["textbook_concrete"] = {
        tuple(s): full_differentiation_concrete(tuple(s)) for s in concrete_sizes
    }
    out["composite_004"] = composite_004()
    out["chain_000"] = chain_000()
    out["chains_222"] = chains_222()
    return out


def all_proofs(result: dict) -> list:
    """Every :class:`~bpcore.symbolic.derivation.Proof` in a :func:`derive_all` result."""
    proofs = []
    for value in result.values():
        if hasattr(value, "proofs"):
            proofs += list(value.proofs)
        elif isinstance(value, dict):
            for inner in value.values():
                proofs += list(inner.values()) if isinstance(inner, dict) else [inner]
    return proofs
