"""Moved to :mod:`bpcore.fastpath` (code generation is not a derivation).

This alias stays for one release so that code importing ``bpcore.symbolic.compiled``
still works; new code imports :mod:`bpcore.fastpath`.
"""

from ..fastpath import UNROLL, build_cost, make_epochs_runner, make_loss, make_step, source

__all__ = ["UNROLL", "build_cost", "make_epochs_runner", "make_loss", "make_step", "source"]
