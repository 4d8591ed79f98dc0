"""The tutorials' data model: an :class:`Example`, its :class:`Published` numbers, where each
named parameter lives (:class:`ParamRef`), the notation rows (:class:`Alias`) and the registry.

Each tutorial module of :mod:`bpcore.tutorials` builds its examples from these types and
registers them; :func:`get` and :func:`names` read the registry. This module computes nothing
about a tutorial itself.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputError
from ..i18n import DEFAULT_LANG, Text
from ..tables import Code, Table
from ..train import train


# ---------------------------------------------------------------------------------------
# Data types
# ---------------------------------------------------------------------------------------
class Bi(Text):
    """:class:`bpcore.i18n.Text` written English first: ``Bi(en, zh)``.

    The tutorials' data were written in this order before bpcore had one text type; ``Bi``
    keeps those ~120 cells readable as they are. It is a :class:`~bpcore.i18n.Text` (called
    with the language, ``.zh`` and ``.en``); new code writes ``Text(zh, en)``.
    """

    __slots__ = ()

    def __init__(self, en: str, zh: str):
        super().__init__(zh, en)

    def __repr__(self):
        return f"Bi({self.en!r}, {self.zh!r})"


@dataclass(frozen=True)
class Published:
    """One number as a tutorial printed it.

    Attributes
    ----------
    quantity : str
        Stable ASCII key within its example, e.g. ``"dE_dw1"`` or ``"w5_new"``.
    text : str
        Exactly as printed (``"0.067"``, ``"1,960"``, ``"−4"``): the precision is read from it.
    source : str
        The tutorial id, ``"000"`` … ``"004"``.
    label : Bi
        What the number is, with the tutorial's symbols.
    """

    quantity: str
    text: str
    source: str
    label: Bi

    @property
    def value(self):
        """The printed number as a float (thousands separators and the sign − understood)."""
        return float(self.text.replace(",", "").replace("−", "-"))

    @property
    def decimals(self):
        """Number of decimals printed: ``"0.511301270"`` → 9, ``"1.5"`` → 1, ``"196"`` → 0."""
        return len(self.text.split(".")[1]) if "." in self.text else 0

    def agrees(self, recomputed):
        """True when `recomputed`, rounded to the printed decimals, equals the printed value."""
        if recomputed is None or not math.isfinite(recomputed):
            return False
        return round(float(recomputed), self.decimals) == round(self.value, self.decimals)


@dataclass(frozen=True)
class ParamRef:
    """Where a tutorial's parameter lives in a :class:`~bpcore.Network`.

    ``ParamRef(1, "W", (0, 0))`` is ``net.layers[1].W[0, 0]``.
    """

    layer: int
    array: str
    index: tuple

    def __str__(self):
        return f"layers[{self.layer}].{self.array}[{', '.join(str(i) for i in self.index)}]"

    def get(self, net):
        """The parameter's value in `net` (a Network or TextbookNet)."""
        network = getattr(net, "network", net)
        return float(getattr(network.layers[self.layer], self.array)[self.index])

    def set(self, net, value):
        """Set the parameter to `value` in `net` (changed in place) and return `net`.

        Parameters
        ----------
        net : Network or TextbookNet
            A TextbookNet's v, γ, w, θ are its network's arrays, so they change too.
        value : float

        Returns
        -------
        Network or TextbookNet
            `net` itself, so ``ref.set(net.copy(), 0.5).loss(X, Y)`` reads as one step.

        Examples
        --------
        >>> ex = get("t004_222_frozen")
        >>> ref = ex.parameters["w5"]
        >>> trial = ref.set(ex.network.copy(), 0.5)
        >>> ref.get(trial), ex.param(ex.network, "w5")
        (0.5, 0.4)
        """
        value = float(value)
        if not math.isfinite(value):
            raise InputError("err.tutorials.model.set", self=self, value=value)
        network = getattr(net, "network", net)
        getattr(network.layers[self.layer], self.array)[self.index] = value
        return net

    def grad(self, gradients):
        """∂E/∂(this parameter) from a backward pass.

        Parameters
        ----------
        gradients : Gradients or TextbookGradients
            ``Network.gradients(X, Y, reduction)`` (its ``layers[k].W`` and ``.offset``) or
            ``TextbookNet.gradients(x, y)`` (its ``v``, ``gamma``, ``w``, ``theta``: layer 0
            holds v and γ, layer 1 holds w and θ).

        Returns
        -------
        float

        Examples
        --------
        >>> ex = get("t004_222_frozen")
        >>> grads = ex.network.gradients(ex.X, ex.Y, "sum")
        >>> round(ex.parameters["w5"].grad(grads), 9)
        0.082167041
        """
        if hasattr(gradients, "layers"):
            array = getattr(gradients.layers[self.layer], self.array)
        elif hasattr(gradients, "gamma") and self.layer in (0, 1):
            names = (("v", "gamma"), ("w", "theta"))[self.layer]
            array = getattr(gradients, names[0] if self.array == "W" else names[1])
        else:
            raise InputError("err.tutorials.model.grad", got_type=type(gradients).__name__)
        return float(array[self.index])


@dataclass(frozen=True)
class Alias:
    """One row of the notation table: a tutorial's name, the engine's, the textbook's.

    `name` and `textbook` are symbols (str) or, when they carry words, bilingual (:class:`Bi`);
    `engine` is code only, its explanation goes into `meaning`.
    """

    name: str | Bi
    engine: str
    textbook: str | Bi
    meaning: Bi


@dataclass(frozen=True, eq=False)
class Example:
    """One worked example of a tutorial.

    Attributes
    ----------
    name : str
        Stable ASCII name (the key of :data:`EXAMPLES`).
    tutorial : str
        Source tutorial id(s), e.g. ``"000"`` or ``"003/004"``.
    title : Bi
    kind : {"network", "perceptron", "composite", "schedule"}
    X, Y : ndarray or None
        Inputs (m, d) and targets (m, l), read-only.
    eta : float or None
        Learning rate η.
    mode : str or None
        Training mode of :func:`bpcore.train` (``"accumulated"`` = batch gradient descent,
        ``"standard"`` = per sample), or the perceptron's mode.
    reduction : {"mean", "sum"} or None
        How the per-sample ½ Σ (ŷ − y)² combine over a batch.
    train_offsets : bool or None
        Whether biases / thresholds are learned.
    parameters : dict of str → ParamRef
        The tutorial's parameter names and where they live in :attr:`network`.
    notation : tuple of Alias
        Tutorial names ↔ engine ↔ textbook (Zhou Zhihua) names, for the notation table.
    published : tuple of Published
        Every number the tutorial printed for this example.
    settings : dict
        Kind-specific inputs (the composite function's x, w, b; N, B and epochs; the
        perceptron's start).
    note : Bi
        Conventions worth knowing (what the tutorial leaves implicit, what the course chose).
    """

    name: str
    tutorial: str
    title: Bi
    kind: str
    X: np.ndarray | None
    Y: np.ndarray | None
    eta: float | None
    mode: str | None
    reduction: str | None
    train_offsets: bool | None
    parameters: dict
    notation: tuple
    published: tuple
    settings: dict
    note: Bi
    build: Callable = field(repr=False, default=lambda: None)

    @property
    def network(self):
        """A fresh network with the tutorial's initial values (None for non-network kinds)."""
        return self.build()

    def param(self, net, name):
        """The value of the tutorial's parameter `name` (e.g. ``"w5"``) in `net`."""
        if name not in self.parameters:
            raise InputError(
                "err.tutorials.model.param",
                self_name=self.name,
                name=name,
                parameters=", ".join(self.parameters),
            )
        return self.parameters[name].get(net)

    def train(self, epochs=1, **overrides):
        """Train the example's network as the tutorial does; returns a :class:`bpcore.History`."""
        if self.kind != "network":
            raise InputError("err.tutorials.model.train", self_name=self.name)
        kwargs = dict(
            eta=self.eta,
            epochs=epochs,
            mode=self.mode,
            train_offsets=self.train_offsets,
            reduction=self.reduction,
        )
        kwargs.update(overrides)
        return train(self.network, self.X, self.Y, **kwargs)

    def published_value(self, quantity):
        """The :class:`Published` entry of `quantity`."""
        for p in self.published:
            if p.quantity == quantity:
                return p
        raise InputError(
            "err.tutorials.model.published_value", self_name=self.name, quantity=quantity
        )


def _ro(a):
    arr = np.array(a, dtype=float)
    arr.setflags(write=False)
    return arr


# ---------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------
#: Every example by name, in the order of the tutorials (filled by the tutorial modules).
EXAMPLES = {}
#: name → ``findings(example)``: dict of quantity → Finding, what the ledger compares.
FINDINGS = {}
#: name → ``steps(example)``: the list of trace Sections.
STEPS = {}


def register(example):
    """Add `example` to :data:`EXAMPLES` (a tutorial module calls this once per example)."""
    EXAMPLES[example.name] = example
    return example


def put_in_order(order):
    """Reorder :data:`EXAMPLES` in place to follow `order` (the tutorials' order)."""
    ordered = {name: EXAMPLES[name] for name in order}
    EXAMPLES.clear()
    EXAMPLES.update(ordered)


def pub(source, quantity, text, en, zh):
    """A :class:`Published` number of tutorial `source`, labelled in both languages."""
    return Published(quantity, text, source, Bi(en, zh))


def names():
    """The example names, in the order of the tutorials."""
    return list(EXAMPLES)


def get(name):
    """The :class:`Example` called `name`.

    Raises
    ------
    bpcore.InputError
        If there is no such example; the message lists the valid names (en and zh).

    Examples
    --------
    >>> get("t001_xor").eta
    0.1
    """
    if isinstance(name, str) and name in EXAMPLES:
        return EXAMPLES[name]
    listed = ", ".join(EXAMPLES)
    raise InputError("err.tutorials.model.get", name=name, listed=listed)


def notation_table(example=None, lang=DEFAULT_LANG):
    """The notation map as a table: each tutorial's names, the textbook's, the engine's.

    Parameters
    ----------
    example : str, optional
        One example's map; by default every example's, with a column for the tutorial (a
        name shared by two examples of the same tutorial is listed once).
    lang : {"en", "zh"}

    Returns
    -------
    bpcore.tables.Table
        Columns: (tutorial,) the tutorial's name, textbook, where ``bpcore`` keeps it (as
        code), meaning.

    Examples
    --------
    >>> t = notation_table("t004_222_frozen", "zh")
    >>> t.columns
    ['教程003/004', '教材', 'bpcore中的位置', '含义']
    >>> t.cells[1][:3]
    ['w1, w2', 'v_11, v_21', 'layers[0].W[0, 0], layers[0].W[1, 0]']
    """
    columns = [Bi("textbook", "教材"), Bi("in bpcore", "bpcore中的位置"), Bi("meaning", "含义")]
    if example is not None:
        ex = get(example)
        head = Bi(f"tutorial {ex.tutorial}", f"教程{ex.tutorial}")
        rows = [[a.name, a.textbook, Code(a.engine), a.meaning] for a in ex.notation]
        return Table([head, *columns], rows, lang=lang)
    rows, seen = [], set()
    for ex in sorted(EXAMPLES.values(), key=lambda e: e.tutorial):
        for a in ex.notation:
            if (ex.tutorial, a.name) not in seen:
                seen.add((ex.tutorial, a.name))
                rows.append([ex.tutorial, a.name, a.textbook, Code(a.engine), a.meaning])
    head = [Bi("tutorial", "教程"), Bi("tutorial's name", "教程中的名字")]
    return Table([*head, *columns], rows, lang=lang)
