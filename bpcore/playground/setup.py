"""What a playground trains: the initial network, the data and the default settings.

A :class:`Setup` comes from a network example of :mod:`bpcore.examples` (or one of the short
:data:`ALIASES`) or from a custom layer list and data.

Examples
--------
>>> s = setup_from_example("xor")
>>> s.name, s.network.spec.sizes
('t001_xor', (2, 3, 1))
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..i18n import both
from ..network import Layer, Network


@dataclass
class Setup:
    """Everything a playground needs: the initial network, the data and the default settings.

    ``code`` holds the keyword arguments that rebuild the same setup in
    :func:`playground` (``example=...`` or ``sizes=..., X=..., Y=...``); ``title`` maps a
    language to the setup's title.
    """

    name: str
    network: Network
    X: np.ndarray
    Y: np.ndarray
    eta: float = 0.5
    epochs: int = 1000
    mode: str = "accumulated"
    batch_size: int | None = None
    train_offsets: bool = True
    reduction: str = "mean"
    code: dict = field(default_factory=dict)
    title: object = None

    def title_in(self, lang: str) -> str:
        return self.title(lang) if callable(self.title) else self.name


#: Short names accepted besides the stable names of bpcore.examples.
ALIASES = {
    "xor": "t001_xor",
    "321": "t000_batch_321",
    "222": "t004_222_trained",
    "222_frozen": "t004_222_frozen",
    "textbook": "t002_textbook",
}


def example_names() -> list[str]:
    """Names accepted by ``playground(example=...)``: the network examples of bpcore.examples."""
    from .. import examples

    return [n for n in examples.names() if examples.get(n).kind == "network"]


def setup_from_example(name: str) -> Setup:
    """The :class:`Setup` of a network example of :mod:`bpcore.examples` (or an alias)."""
    from .. import examples

    stable = ALIASES.get(name, name)
    if stable not in example_names():
        names = ", ".join([*example_names(), *ALIASES])
        raise ValueError(both("err.example", name=name, names=names))
    ex = examples.get(stable)
    network = getattr(ex.network, "network", ex.network)  # a TextbookNet's own Network
    X = np.array(ex.X, dtype=float)
    return Setup(
        name=stable,
        network=network.copy(),
        X=X,
        Y=np.array(ex.Y, dtype=float).reshape(len(X), -1),
        eta=float(ex.eta),
        epochs=1000,
        mode=ex.mode,
        train_offsets=bool(ex.train_offsets),
        reduction=ex.reduction or "mean",
        code={"example": stable},
        title=ex.title,
    )


def setup_custom(sizes, X, Y, *, seed=0, offset_kind="threshold", activation="sigmoid") -> Setup:
    """A :class:`Setup` for a custom d-q-l (or deeper) network on data X, Y.

    The initial weights come from ``Network.from_sizes(sizes, rng=seed)`` (seeded).
    """
    if X is None or Y is None:
        raise ValueError(both("err.custom_net"))
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float).reshape(len(X), -1)
    network = Network.from_sizes(
        tuple(sizes), activation=activation, offset_kind=offset_kind, rng=seed
    )
    network.check_data(X, Y)
    code = {"sizes": tuple(int(s) for s in sizes), "X": X.tolist(), "Y": Y.tolist()}
    if offset_kind != "threshold":
        code["offset_kind"] = offset_kind
    return Setup(name="-".join(str(s) for s in sizes), network=network, X=X, Y=Y, code=code)


def _with_hidden_activation(network: Network, activation: str) -> Network:
    layers = [
        Layer(
            layer.W,
            layer.offset,
            activation if k < len(network.layers) - 1 else layer.activation,
            layer.offset_kind,
        )
        for k, layer in enumerate(network.layers)
    ]
    return Network(layers)


def _round(x: float) -> float:
    return float(f"{x:.6g}")
