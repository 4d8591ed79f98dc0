"""bpcore.fastpath: training steps generated as plain Python from SymPy's gradients.

``bpcore.train(..., fast=True)`` (and ``fast="auto"``, the default, where it pays) runs
whole epochs in one function written here for the network's shape. Derivations and proofs
stay in :mod:`bpcore.symbolic`; this package only prints code from them:

* :mod:`~bpcore.fastpath.template` — one sample's computation as a typed
  :class:`~bpcore.fastpath.template.Template` (derived gradients after ``cse``);
* :mod:`~bpcore.fastpath.printer` — :class:`~bpcore.fastpath.printer.FloatPrinter`, a
  subclass of SymPy's ``PythonCodePrinter`` for float-only code;
* :mod:`~bpcore.fastpath.codegen` — the generated step, loss and epochs runner;
* :mod:`~bpcore.fastpath.shipped` — the printed runners of the lessons' shapes, shipped in
  the package so they need no SymPy.

SymPy is imported when a source must be printed (not for a shipped runner): ``import
bpcore`` never loads this package; :func:`bpcore.train` imports it on first use of the
compiled path.
"""

from importlib import import_module

from .codegen import UNROLL, build_cost, make_epochs_runner, make_loss, make_step, source

__all__ = [
    "UNROLL",
    "FloatPrinter",
    "Template",
    "build_cost",
    "make_epochs_runner",
    "make_loss",
    "make_step",
    "source",
]

# These import SymPy: loaded on first use. (``template`` is the submodule; its function of
# the same name is ``bpcore.fastpath.template.template``.)
_LAZY = {"FloatPrinter": ".printer", "Template": ".template"}


def __getattr__(name):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
