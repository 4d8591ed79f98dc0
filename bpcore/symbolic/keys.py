"""The key of a network's shape, ``(sizes, activations, offsets)``, validated without SymPy.

:mod:`bpcore.fastpath` looks up the runners shipped with the course by this key, so it must
not import SymPy; :mod:`bpcore.symbolic.netexpr` builds its expressions for the same key.

Examples
--------
>>> from bpcore import NetSpec
>>> spec_key(NetSpec((2, 3, 1), ("sigmoid", "sigmoid"), ("bias", "bias")))
((2, 3, 1), ('sigmoid', 'sigmoid'), ('bias', 'bias'))
"""

from __future__ import annotations

from ..errors import InputError

__all__ = ["ACTIVATION_NAMES", "OFFSET_NAMES", "spec_key"]

ACTIVATION_NAMES = ("sigmoid", "identity", "tanh", "relu")
OFFSET_NAMES = ("bias", "threshold")


def spec_key(spec) -> tuple:
    """``(sizes, activations, offsets)`` of a NetSpec (or any object with those attributes),
    validated.

    Raises
    ------
    bpcore.InputError
        With an English and a Chinese message naming what is wrong.
    """
    try:
        sizes = tuple(int(s) for s in spec.sizes)
        acts = tuple(spec.activations)
        offs = tuple(spec.offsets)
    except (AttributeError, TypeError, ValueError):
        raise InputError("err.symbolic.netexpr.spec_key.spec", spec=spec) from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise InputError("err.symbolic.netexpr.spec_key.spec_sizes", sizes=sizes)
    n = len(sizes) - 1
    if len(acts) != n or len(offs) != n:
        raise InputError(
            "err.symbolic.netexpr.spec_key.spec_needs", n=n, len_acts=len(acts), len_offs=len(offs)
        )
    for a in acts:
        if a not in ACTIVATION_NAMES:
            raise InputError(
                "err.symbolic.netexpr.spec_key.activation", a=a, ACTIVATION_NAMES=ACTIVATION_NAMES
            )
    for o in offs:
        if o not in OFFSET_NAMES:
            raise InputError("err.symbolic.netexpr.spec_key.offset", o=o)
    return sizes, acts, offs
