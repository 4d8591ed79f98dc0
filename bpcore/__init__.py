"""bpcore: backpropagation, derived and computed.

The numeric engine behind a bilingual (zh/en) course on backpropagation. ``import bpcore``
loads NumPy only; :mod:`bpcore.symbolic` (SymPy), :mod:`bpcore.plots` (matplotlib) and
:mod:`bpcore.widgets` (ipywidgets) load when first used.

Examples
--------
>>> import numpy as np, bpcore
>>> float(bpcore.sigmoid(0.0))
0.5
>>> net = bpcore.TextbookNet(v=np.eye(2), gamma=np.zeros(2), w=np.ones((2, 1)), theta=np.zeros(1))
>>> net.forward(np.array([0.0, 0.0])).y_hat.round(4)
array([0.7311])
"""

from importlib import import_module

from .activations import identity, relu, sigmoid, sigmoid_prime, tanh
from .errors import DivergenceError, InputError
from .gradcheck import check_gradients, numeric_gradient, relative_error
from .losses import half_sse
from .network import Layer, NetSpec, Network, TextbookNet
from .train import History, iterations_per_epoch, schedule, train, visit_orders

__all__ = [
    "DivergenceError",
    "History",
    "InputError",
    "Layer",
    "NetSpec",
    "Network",
    "TextbookNet",
    "check_gradients",
    "half_sse",
    "identity",
    "iterations_per_epoch",
    "numeric_gradient",
    "relative_error",
    "relu",
    "schedule",
    "sigmoid",
    "sigmoid_prime",
    "tanh",
    "train",
    "visit_orders",
]

# Submodules that pull in heavier libraries, loaded on first attribute access (PEP 562).
_LAZY = {"symbolic", "plots", "widgets", "examples", "i18n", "exercises", "glossary", "perceptron"}
# lessons 12 and 14: matrix form for L layers, the cost of a gradient, deep nets, their exercises
_LAZY |= {"matrix_form", "backprop_cost", "deep_exercises", "deepnets", "vanishing_exercises"}
_LAZY |= {"algorithm", "decay", "early_stopping", "local_minima"}


def _version():
    # One source, pyproject.toml, read back from the installed metadata; looked up on first
    # use (importlib.metadata is not free, and `import bpcore` stays light).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bpcore")
    except PackageNotFoundError:  # a source tree on sys.path without an install
        return "0+unknown"


def __getattr__(name):
    if name == "__version__":
        return _version()
    if name in _LAZY:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module 'bpcore' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _LAZY | {"__version__"})
