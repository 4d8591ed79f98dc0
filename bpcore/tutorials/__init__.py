"""The five source tutorials (see ``REFERENCE.md``) as data, their published numbers, the
ledger and step traces.

Every worked example is an :class:`Example` (:mod:`.model`): the network built from the
tutorial's own initial weights, the data, η, the training mode, the loss convention, whether
offsets are trained, a map from the tutorial's names to the engine's, bilingual titles and
every number the tutorial published, with the precision it was printed at.

One module per tutorial holds its examples, its *findings* (each published number recomputed
the way the tutorial states, with the tutorial's own arithmetic where it departs from that)
and its step trace:

============ ==================================================================
module       examples
============ ==================================================================
``t000``     ``t000_batch_321``: 3-2-1 net, batch gradient descent, η = 0.5
``t001``     ``t001_xor``: XOR with identity activations, η = 0.1
``t002``     ``t002_perceptron_and``, ``t002_textbook`` (v, γ, w, θ)
``t222``     ``t004_222_frozen``, ``t004_222_trained``: the 2-2-2 net (003/004)
``mazur``    the 2-2-2 post's after-update figures (10,000 rounds)
``t004``     ``t004_composite`` (chain rule), ``t004_epochs`` (N = 50,000, B = 256)
============ ==================================================================

The generic machinery: :mod:`.ledger` (:func:`ledger`, :func:`ledger_table`) and
:mod:`.trace` (:func:`trace`). Importing this package registers the examples (plain data, no
training); ``import bpcore`` does not import it. :mod:`bpcore.examples` re-exports the same
names for older code.

Examples
--------
>>> from bpcore import tutorials
>>> tutorials.names()[:2]
['t000_batch_321', 't001_xor']
"""

from ..i18n import LANGS  # one definition, re-exported for bpcore.examples.LANGS
from . import t000, t001, t002, t004, t222  # noqa: F401  (each registers its examples)
from .ledger import LEDGER_COLUMNS, LEDGER_TEXT, LedgerRow, ledger, ledger_table
from .mazur import MAZUR_POST, hidden_deltas_from_new_weights
from .model import (
    EXAMPLES,
    Alias,
    Bi,
    Example,
    ParamRef,
    Published,
    get,
    names,
    notation_table,
    put_in_order,
)
from .t000 import AveragedFactors, net_from_published_000, separately_averaged_000
from .trace import Section, StepTrace, trace

# The registry in the order of the tutorials (the 2-2-2 examples are defined before the
# textbook example, which reuses their weights).
put_in_order(
    (
        "t000_batch_321",
        "t001_xor",
        "t002_perceptron_and",
        "t002_textbook",
        "t004_222_frozen",
        "t004_222_trained",
        "t004_composite",
        "t004_epochs",
    )
)

__all__ = [
    "EXAMPLES",
    "LANGS",
    "LEDGER_COLUMNS",
    "LEDGER_TEXT",
    "MAZUR_POST",
    "Alias",
    "AveragedFactors",
    "Bi",
    "Example",
    "LedgerRow",
    "ParamRef",
    "Published",
    "Section",
    "StepTrace",
    "get",
    "hidden_deltas_from_new_weights",
    "ledger",
    "ledger_table",
    "names",
    "net_from_published_000",
    "notation_table",
    "separately_averaged_000",
    "trace",
]
