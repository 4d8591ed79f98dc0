"""bpcore.fastpath: training steps generated as plain Python from SymPy's gradients.

``bpcore.train(..., fast=True)`` (and ``fast="auto"``, the default, where it pays) runs
whole epochs in one function written here for the network's shape. Derivations and proofs
stay in :mod:`bpcore.symbolic`; this package only prints code from them:

* :mod:`~bpcore.fastpath.template` — one sample's computation as a typed
  :class:`~bpcore.fastpath.template.Template` (derived gradients after ``cse``);
* :mod:`~bpcore.fastpath.printer` — :class:`~bpcore.fastpath.printer.FloatPrinter`, a
  subclass of SymPy's ``PythonCodePrinter`` for float-only code;
* :mod:`~bpcore.fastpath.codegen` — the generated step, loss and epochs runner.

Imports SymPy: ``import bpcore`` never loads this package; :func:`bpcore.train` imports it
on first use of the compiled path.
"""

from .codegen import UNROLL, build_cost, make_epochs_runner, make_loss, make_step, source
from .printer import FloatPrinter
from .template import Template, template

__all__ = [
    "UNROLL",
    "FloatPrinter",
    "Template",
    "build_cost",
    "make_epochs_runner",
    "make_loss",
    "make_step",
    "source",
    "template",
]
