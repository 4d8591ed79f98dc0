"""Label helpers for the figures: subscripts, the textbook's symbols, short numbers.

Part of :mod:`bpcore.plots` (see its docstring). The helpers live in :mod:`bpcore.notation`,
the one home of the course's symbols and number formats; the figures use them from there.
"""

from ..notation import _SUB, fmt, sub, symbols

__all__ = ["_SUB", "fmt", "sub", "symbols"]
