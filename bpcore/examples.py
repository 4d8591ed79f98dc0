"""The tutorials' examples as data, their published numbers, the ledger and step traces.

A compatibility module: the code lives in :mod:`bpcore.tutorials` (one module per tutorial,
the model, the ledger and the trace machinery); this module re-exports its public names so
that ``from bpcore import examples`` and ``examples.get(...)`` keep working.

Every worked example of the five source tutorials (see ``REFERENCE.md``) is an
:class:`Example`: the network built from the tutorial's own initial weights, the data, η, the
training mode, the loss convention, whether offsets (biases / thresholds) are trained, a map
from the tutorial's names to the engine's, bilingual titles and every number the tutorial
published, with the precision it was printed at.

:func:`ledger` recomputes each published number with the engine, following the method the
tutorial states, and says whether it agrees at the published precision; where it does not,
it shows what the tutorial actually did (when that can be reconstructed) and why the two
differ, in Chinese and English. :func:`trace` lays out one step of an example as tables with
the tutorial's own names, for the CLI (``python -m bpcore trace NAME``) and the notebooks.

Names (stable, ASCII):

===================== ======== ==========================================================
name                  tutorial what
===================== ======== ==========================================================
``t000_batch_321``    000      3-2-1 net, identity hidden layer, sigmoid output, no
                               offsets; batch gradient descent on the mean loss, η = 0.5
``t001_xor``          001      XOR with bias units X0 = Z0 = 1, identity activations, all
                               weights 1, η = 0.1
``t002_perceptron_and`` 002    the perceptron learns logical AND (threshold = weight of the
                               dummy input −1)
``t002_textbook``     002      the textbook's d-q-l net with thresholds (v, γ, w, θ), shown
                               on the 2-2-2 numbers with θ = −bias
``t004_222_frozen``   003/004  the 2-2-2 net, one SGD step with the biases frozen
``t004_222_trained``  003/004  the 2-2-2 net, one SGD step with the biases trained (PyTorch)
``t004_composite``    004      chain rule on f(x; w, b) = 1 / (exp(−(wx + b)) + 1)
``t004_epochs``       004      epoch / batch / iteration arithmetic (N = 50,000, B = 256)
===================== ======== ==========================================================

Examples
--------
>>> from bpcore import examples
>>> ex = examples.get("t004_222_frozen")
>>> str(ex.parameters["w5"]), ex.param(ex.network, "w5")
('layers[1].W[0, 0]', 0.4)
>>> rows = [r for r in examples.ledger() if r.verdict == "differs"]
>>> sorted({r.example for r in rows})
['t000_batch_321', 't001_xor', 't004_222_frozen']
"""

from .tutorials import (  # noqa: F401  (re-exported)
    EXAMPLES,
    LANGS,
    LEDGER_COLUMNS,
    LEDGER_TEXT,
    MAZUR_POST,
    Alias,
    AveragedFactors,
    Bi,
    Example,
    LedgerRow,
    ParamRef,
    Published,
    Section,
    StepTrace,
    __all__,
    get,
    hidden_deltas_from_new_weights,
    ledger,
    ledger_table,
    names,
    net_from_published_000,
    notation_table,
    separately_averaged_000,
    trace,
)
