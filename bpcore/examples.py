"""The tutorials' examples as data, their published numbers, the ledger and step traces.

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

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .activations import ACTIVATIONS
from .errors import InputError
from .gradcheck import numeric_gradient
from .losses import half_sse, half_sse_grad
from .network import Layer, Network, TextbookNet
from .tables import Code, Table, Tables, number, whole_or
from .train import schedule, train

LANGS = ("zh", "en")


# ---------------------------------------------------------------------------------------
# Data types
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bi:
    """A short text in both languages (a table cell or header)."""

    en: str
    zh: str

    def __call__(self, lang):
        return self.zh if lang == "zh" else self.en


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
            raise InputError(
                f"{self} must be set to a finite number; got {value!r}",
                f"{self} 只能设为有限的数；收到 {value!r}",
            )
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
            raise InputError(
                "gradients must come from Network.gradients or TextbookNet.gradients; "
                f"got {type(gradients).__name__}",
                "gradients 应来自 Network.gradients 或 TextbookNet.gradients；"
                f"收到 {type(gradients).__name__}",
            )
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
                f"{self.name} has no parameter {name!r}; its parameters are "
                f"{', '.join(self.parameters)}",
                f"{self.name} 没有参数 {name!r}；它的参数为 {', '.join(self.parameters)}",
            )
        return self.parameters[name].get(net)

    def train(self, epochs=1, **overrides):
        """Train the example's network as the tutorial does; returns a :class:`bpcore.History`."""
        if self.kind != "network":
            raise InputError(
                f"{self.name} is not a network example and cannot be trained with bpcore.train",
                f"{self.name} 不是网络例子，不能用 bpcore.train 训练",
            )
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
            f"{self.name} publishes no quantity {quantity!r}",
            f"{self.name} 没有公布名为 {quantity!r} 的量",
        )


def _ro(a):
    arr = np.array(a, dtype=float)
    arr.setflags(write=False)
    return arr


# ---------------------------------------------------------------------------------------
# The examples
# ---------------------------------------------------------------------------------------
EXAMPLES = {}


def _register(example):
    EXAMPLES[example.name] = example
    return example


def _pub(source, quantity, text, en, zh):
    return Published(quantity, text, source, Bi(en, zh))


# --- 000: 3-2-1, batch gradient descent ------------------------------------------------
# v_ij connects input i to hidden j, so the engine's W[i − 1, j − 1] = v_ij.
_V000 = [[0.15, 0.2], [0.6, 0.3], [0.3, 0.5]]
_W000 = [[0.8], [0.2]]


def _net_000():
    return Network(
        [
            Layer(_V000, [0.0, 0.0], "identity", "bias"),  # h = x·V: no activation
            Layer(_W000, [0.0], "sigmoid", "bias"),  # s = w1 h1 + w2 h2, y = σ(s)
        ]
    )


def _forward_pubs_000():
    table = [
        ("2.4", "1.8", "2.28", "0.907"),
        ("0.75", "1.2", "0.84", "0.698"),
        ("1.35", "1.4", "1.36", "0.796"),
    ]
    out = []
    for k, row in enumerate(table, start=1):
        for sym, text in zip(("h1", "h2", "s", "y"), row):
            out.append(_pub("000", f"{sym}_{k}", text, f"{sym} for x({k})", f"x({k}) 的 {sym}"))
    return out


_register(
    Example(
        name="t000_batch_321",
        tutorial="000",
        title=Bi(
            "Tutorial 000: a 3-2-1 network trained by batch gradient descent",
            "教程 000：用批量梯度下降训练 3-2-1 网络",
        ),
        kind="network",
        X=_ro([[2, 3, 1], [1, 0, 2], [3, 1, 1]]),
        Y=_ro([[0.64], [0.52], [0.36]]),
        eta=0.5,
        mode="accumulated",
        reduction="mean",
        train_offsets=False,
        parameters={
            "v11": ParamRef(0, "W", (0, 0)),
            "v12": ParamRef(0, "W", (0, 1)),
            "v21": ParamRef(0, "W", (1, 0)),
            "v22": ParamRef(0, "W", (1, 1)),
            "v31": ParamRef(0, "W", (2, 0)),
            "v32": ParamRef(0, "W", (2, 1)),
            "w1": ParamRef(1, "W", (0, 0)),
            "w2": ParamRef(1, "W", (1, 0)),
        },
        notation=(
            Alias("x_i", "X[:, i-1]", "x_i", Bi("input i", "第 i 个输入")),
            Alias(
                "v_ij",
                "layers[0].W[i-1, j-1]",
                "v_ih",
                Bi("weight input i → hidden j", "输入 i → 隐藏层 j 的权重"),
            ),
            Alias(
                "h_j",
                "trace.layers[0].out[:, j-1]",
                "α_h = b_h",
                Bi(
                    "hidden unit j (identity: no activation, no threshold)",
                    "隐藏层单元 j（恒等：没有激活函数，没有阈值）",
                ),
            ),
            Alias(
                "w_j",
                "layers[1].W[j-1, 0]",
                "w_h1",
                Bi("weight hidden j → output", "隐藏层 j → 输出的权重"),
            ),
            Alias(
                "s",
                "trace.layers[1].a[:, 0]",
                "β_1",
                Bi("weighted sum at the output", "输出层的加权和"),
            ),
            Alias("y", "trace.output[:, 0]", "ŷ_1", Bi("output σ(s)", "输出 σ(s)")),
            Alias(
                "t",
                "Y[:, 0]",
                "y_1",
                Bi("target (the textbook calls it y)", "目标值（教材记作 y）"),
            ),
            Alias(
                "—",
                "layers[k].offset = 0",
                "γ = θ = 0",
                Bi(
                    "the tutorial has no offsets (kept at 0, not trained)",
                    "教程没有偏置或阈值（固定为0，不训练）",
                ),
            ),
        ),
        published=(
            *_forward_pubs_000(),
            _pub("000", "E", "0.234", "E = Σ(t − y)²/(2m)", "E = Σ(t − y)²/(2m)"),
            _pub(
                "000",
                "dE_dy",
                "0.294",
                "∂E/∂y (averaged over samples)",
                "∂E/∂y（对样本求平均）",
            ),
            _pub(
                "000",
                "dy_ds",
                "0.152",
                "∂y/∂s (averaged over samples)",
                "∂y/∂s（对样本求平均）",
            ),
            _pub(
                "000",
                "ds_dw1",
                "1.5",
                "∂s/∂w1 (averaged over samples)",
                "∂s/∂w1（对样本求平均）",
            ),
            _pub("000", "dE_dw1", "0.067", "∂E/∂w1", "∂E/∂w1"),
            _pub("000", "w1_new", "0.766", "w1 after one update", "更新一次后的 w1"),
            _pub("000", "w2_new", "0.167", "w2 after one update", "更新一次后的 w2"),
            _pub("000", "ds_dh1", "0.8", "∂s/∂h1", "∂s/∂h1"),
            _pub(
                "000",
                "dh1_dv11",
                "2",
                "∂h1/∂v11 (averaged over samples)",
                "∂h1/∂v11（对样本求平均）",
            ),
            _pub("000", "dE_dv11", "0.072", "∂E/∂v11", "∂E/∂v11"),
            _pub("000", "v11_new", "0.114", "v11 after one update", "更新一次后的 v11"),
            _pub("000", "v12_new", "0.191", "v12 after one update", "更新一次后的 v12"),
            _pub("000", "v21_new", "0.576", "v21 after one update", "更新一次后的 v21"),
            _pub("000", "v22_new", "0.294", "v22 after one update", "更新一次后的 v22"),
            _pub("000", "v31_new", "0.282", "v31 after one update", "更新一次后的 v31"),
            _pub("000", "v32_new", "0.496", "v32 after one update", "更新一次后的 v32"),
            _pub("000", "E_after", "0.192", "E after one update", "更新一次后的 E"),
        ),
        settings={},
        note=Bi(
            "The tutorial has no biases: the engine's offsets are zero and frozen. The hidden "
            "layer has no activation (identity). E is the mean over the m = 3 samples of "
            "½(t − y)², i.e. Σ(t − y)²/(2m); every update uses all three samples.",
            "教程没有偏置：引擎中的偏置取 0 且不训练。隐藏层没有激活函数（恒等）。"
            "E 是 m = 3 个样本上 ½(t − y)² 的平均，即 Σ(t − y)²/(2m)；每次更新都用全部三个样本。",
        ),
        build=_net_000,
    )
)


# --- 001: XOR with identity activations ------------------------------------------------
def _net_001():
    # The bias units X0 = Z0 = 1 are the layers' biases (the weight from X0 to Z_h is the
    # bias of Z_h); every weight, bias weights included, starts at 1.
    return Network(
        [
            Layer(np.ones((2, 3)), np.ones(3), "identity", "bias"),
            Layer(np.ones((3, 1)), np.ones(1), "identity", "bias"),
        ]
    )


_register(
    Example(
        name="t001_xor",
        tutorial="001",
        title=Bi(
            "Tutorial 001: XOR with three linear hidden units",
            "教程 001：用三个线性隐藏层单元学异或",
        ),
        kind="network",
        X=_ro([[0, 0], [0, 1], [1, 0], [1, 1]]),
        Y=_ro([[0], [1], [1], [0]]),
        eta=0.1,
        mode="accumulated",
        reduction="mean",
        train_offsets=True,
        parameters={
            **{f"X0->Z{h}": ParamRef(0, "offset", (h - 1,)) for h in (1, 2, 3)},
            **{f"X1->Z{h}": ParamRef(0, "W", (0, h - 1)) for h in (1, 2, 3)},
            **{f"X2->Z{h}": ParamRef(0, "W", (1, h - 1)) for h in (1, 2, 3)},
            "Z0->D0": ParamRef(1, "offset", (0,)),
            **{f"Z{h}->D0": ParamRef(1, "W", (h - 1, 0)) for h in (1, 2, 3)},
        },
        notation=(
            Alias("X1, X2", "X[:, 0], X[:, 1]", "x_1, x_2", Bi("inputs", "输入")),
            Alias(
                "X0 = 1",
                "layers[0].offset",
                "−γ_h",
                Bi("bias unit of the input layer (a bias)", "输入层的偏置单元（偏置）"),
            ),
            Alias(
                "Z1..Z3",
                "trace.layers[0].out[:, h-1]",
                "b_h",
                Bi("hidden units, f(a) = a", "隐藏层单元，f(a) = a"),
            ),
            Alias(
                "Z0 = 1",
                "layers[1].offset",
                "−θ_1",
                Bi("bias unit of the hidden layer (a bias)", "隐藏层的偏置单元（偏置）"),
            ),
            Alias("D0", "trace.output[:, 0]", "ŷ_1", Bi("the output h(x)", "输出 h(x)")),
            Alias(
                "δ",
                "Gradients.layers[k].delta",
                "−g_j, −e_h",
                Bi("a unit's error term ∂E/∂z", "单元的误差项 ∂E/∂z"),
            ),
            Alias("α = 0.1", "eta", "η", Bi("learning rate", "学习率")),
        ),
        published=(
            _pub("001", "D0_00", "4", "prediction D0 for input (0, 0)", "输入 (0, 0) 的预测 D0"),
            _pub("001", "cost_00", "−4", "cost for input (0, 0)", "输入 (0, 0) 的代价"),
        ),
        settings={},
        note=Bi(
            "The post names the logistic-regression cost; with identity outputs that cost is "
            "undefined (ŷ is not a probability), so the course trains with ½(ŷ − y)², averaged "
            "over the batch. With identity activations the whole network is an affine function "
            "of (X1, X2) and cannot represent XOR, however it is trained.",
            "原文使用逻辑回归的代价函数；输出为恒等函数时该代价没有定义（ŷ 不是概率），"
            "因此本课程用 ½(ŷ − y)² 并在批内取平均来训练。激活函数全为恒等时，"
            "整个网络是 (X1, X2) 的仿射函数，无论怎样训练都表示不了异或。",
        ),
        build=_net_001,
    )
)


# --- 002: the perceptron on AND --------------------------------------------------------
_register(
    Example(
        name="t002_perceptron_and",
        tutorial="002",
        title=Bi(
            "Tutorial 002: the perceptron learns logical AND",
            "教程 002：感知机学习逻辑与",
        ),
        kind="perceptron",
        X=_ro([[0, 0], [0, 1], [1, 0], [1, 1]]),
        Y=_ro([0, 0, 0, 1]),
        eta=0.5,
        mode="standard",
        reduction=None,
        train_offsets=True,
        parameters={},
        notation=(
            Alias("W1, W2", "PerceptronHistory.w[:, i-1]", "w_i", Bi("weights", "权重")),
            Alias("θ", "PerceptronHistory.theta", "θ", Bi("threshold", "阈值")),
            Alias(
                "W_Dum, x_Dum",
                "w̃[d] = θ, x̃[d] = −1",
                "w_{d+1} = θ, x_{d+1} = −1",
                Bi("the dummy input carrying the threshold", "承载阈值的哑结点"),
            ),
            Alias(
                "Y_out",
                "predict(w, theta, X)",
                "ŷ",
                Bi("output f(Σ w_i x_i − θ)", "输出 f(Σ w_i x_i − θ)"),
            ),
        ),
        published=(),
        settings={"w": (0.0, 0.0), "theta": 0.0, "max_epochs": 100},
        note=Bi(
            "The tutorial gives no learning rate and no starting weights: the course starts "
            "from w = 0, θ = 0 with η = 0.5 (an exact binary fraction, so a weighted sum that "
            "lands on the step's edge z = 0 is exactly 0) and updates after every sample.",
            "教程没有给出学习率和初始权重：本课程从 w = 0、θ = 0 出发，取 η = 0.5"
            "（二进制可精确表示，加权和恰好落在阶跃点 z = 0 时不受舍入影响），逐样本更新。",
        ),
        build=lambda: None,
    )
)


# --- 003/004: the 2-2-2 network --------------------------------------------------------
# w1: i1→h1, w2: i2→h1, w3: i1→h2, w4: i2→h2; w5: h1→o1, w6: h2→o1, w7: h1→o2, w8: h2→o2.
# The engine stores W[from, to], the transpose of PyTorch's nn.Linear weight (to, from).
_W1_222 = [[0.15, 0.25], [0.20, 0.30]]
_W2_222 = [[0.40, 0.50], [0.45, 0.55]]


def _net_222():
    return Network(
        [
            Layer(_W1_222, [0.35, 0.35], "sigmoid", "bias"),
            Layer(_W2_222, [0.60, 0.60], "sigmoid", "bias"),
        ]
    )


_PARAMS_222 = {
    "w1": ParamRef(0, "W", (0, 0)),
    "w2": ParamRef(0, "W", (1, 0)),
    "w3": ParamRef(0, "W", (0, 1)),
    "w4": ParamRef(0, "W", (1, 1)),
    "w5": ParamRef(1, "W", (0, 0)),
    "w6": ParamRef(1, "W", (1, 0)),
    "w7": ParamRef(1, "W", (0, 1)),
    "w8": ParamRef(1, "W", (1, 1)),
    "b1[h1]": ParamRef(0, "offset", (0,)),
    "b1[h2]": ParamRef(0, "offset", (1,)),
    "b2[o1]": ParamRef(1, "offset", (0,)),
    "b2[o2]": ParamRef(1, "offset", (1,)),
}

_NOTATION_222 = (
    Alias("i1, i2", "X[0, 0], X[0, 1]", "x_1, x_2", Bi("inputs", "输入")),
    Alias(
        "w1, w2",
        "layers[0].W[0, 0], layers[0].W[1, 0]",
        "v_11, v_21",
        Bi("i1→h1, i2→h1", "i1→h1，i2→h1"),
    ),
    Alias(
        "w3, w4",
        "layers[0].W[0, 1], layers[0].W[1, 1]",
        "v_12, v_22",
        Bi("i1→h2, i2→h2", "i1→h2，i2→h2"),
    ),
    Alias(
        "w5, w6",
        "layers[1].W[0, 0], layers[1].W[1, 0]",
        "w_11, w_21",
        Bi("h1→o1, h2→o1", "h1→o1，h2→o1"),
    ),
    Alias(
        "w7, w8",
        "layers[1].W[0, 1], layers[1].W[1, 1]",
        "w_12, w_22",
        Bi("h1→o2, h2→o2", "h1→o2，h2→o2"),
    ),
    Alias(
        "b1",
        "layers[0].offset[h]",
        "−γ_h",
        Bi("hidden bias, added (one per hidden unit)", "隐藏层偏置（加上），每个隐藏层单元一个"),
    ),
    Alias(
        "b2",
        "layers[1].offset[j]",
        "−θ_j",
        Bi("output bias, added (one per output unit)", "输出层偏置（加上），每个输出层单元一个"),
    ),
    Alias(
        "net_h1",
        "trace.layers[0].z[0, 0]",
        "α_1 − γ_1",
        Bi("weighted sum plus bias", "加权和加偏置"),
    ),
    Alias(
        "out_h1",
        "trace.layers[0].out[0, 0]",
        "b_1",
        Bi("hidden output σ(net_h1)", "隐藏层输出 σ(net_h1)"),
    ),
    Alias(
        "net_o1",
        "trace.layers[1].z[0, 0]",
        "β_1 − θ_1",
        Bi("weighted sum plus bias", "加权和加偏置"),
    ),
    Alias("out_o1", "trace.output[0, 0]", "ŷ_1", Bi("network output", "网络输出")),
    Alias("target_o1", "Y[0, 0]", "y_1", Bi("target", "目标值")),
    Alias(
        "E_total",
        "half_sse(out, Y, 'sum')",
        "E_k",
        Bi("½ Σ (target − out)²", "½ Σ (target − out)²"),
    ),
)


#: The post that introduced the 2-2-2 example; tutorials 003/004 retell it. Its code lives in
#: a repository whose commit 4b6faac (15 March 2015, two days before the post) reads "Update
#: backprop algorithm so that hidden layer weight updates use original weights".
MAZUR_POST = {
    "author": "Matt Mazur",
    "title": "A Step by Step Backpropagation Example",
    "date": "2015-03-17",
    "url": "https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/",
    "code": "https://github.com/mattm/simple-neural-network",
    "fix": "4b6faac",
}


def _example_222(name, trained):
    common = dict(
        tutorial="003/004",
        kind="network",
        X=_ro([[0.05, 0.10]]),
        Y=_ro([[0.01, 0.99]]),
        eta=0.5,
        mode="standard",
        reduction="sum",
        parameters=dict(_PARAMS_222),
        notation=_NOTATION_222,
        settings={},
        build=_net_222,
    )
    if not trained:
        pubs = [
            _pub("004", "E_total", "0.298371109", "E_total before the update", "更新前的 E_total")
        ]
        new = {
            "w5": "0.35891648",
            "w6": "0.408666186",
            "w7": "0.511301270",
            "w8": "0.561370121",
            "w1": "0.149780716",
            "w2": "0.19956143",
            "w3": "0.24975114",
            "w4": "0.29950229",
        }
        pubs += [
            _pub("004", f"{w}_new", text, f"{w} after one update", f"更新一次后的 {w}")
            for w, text in new.items()
        ]
        # the source post's figures after the updates (REFERENCE.md, "Mazur's published
        # figures"); 003 retells that post
        pubs += [
            _pub(
                "003",
                "E_after_1",
                "0.291027924",
                "E_total after the first round (Mazur's post)",
                "第一轮更新后的 E_total（Mazur 原帖）",
            ),
            _pub(
                "003",
                "E_after_10000",
                "0.0000351085",
                "E_total after 10,000 rounds (Mazur's post)",
                "10,000 轮后的 E_total（Mazur 原帖）",
            ),
            _pub(
                "003",
                "out_o1_10000",
                "0.015912196",
                "out_o1 after 10,000 rounds, target 0.01 (Mazur's post)",
                "10,000 轮后的 out_o1，目标 0.01（Mazur 原帖）",
            ),
            _pub(
                "003",
                "out_o2_10000",
                "0.984065734",
                "out_o2 after 10,000 rounds, target 0.99 (Mazur's post)",
                "10,000 轮后的 out_o2，目标 0.99（Mazur 原帖）",
            ),
        ]
        return Example(
            name=name,
            title=Bi(
                "Tutorials 003/004: the 2-2-2 network, biases frozen",
                "教程 003/004：2-2-2 网络，偏置不训练",
            ),
            train_offsets=False,
            published=tuple(pubs),
            note=Bi(
                f"The example comes from {MAZUR_POST['author']}'s post “{MAZUR_POST['title']}” "
                f"({MAZUR_POST['date']}, {MAZUR_POST['url']}), the widely published "
                "walk-through of this network: it updates the eight weights and leaves "
                "b1 = 0.35 and b2 = 0.60 unchanged. The hidden weights are updated with the "
                "old w5..w8 (all gradients are taken before any update).",
                f"这个例子出自 {MAZUR_POST['author']} 的博文《{MAZUR_POST['title']}》"
                f"（{MAZUR_POST['date']}，{MAZUR_POST['url']}），即这个网络流传很广的逐步演算："
                "只更新八个权重，b1 = 0.35、b2 = 0.60 保持不变。"
                "隐藏层权重的更新使用旧的 w5..w8（所有梯度都在更新之前求出）。",
            ),
            **common,
        )
    return Example(
        name=name,
        title=Bi(
            "Tutorials 003/004: the 2-2-2 network, biases trained",
            "教程 003/004：2-2-2 网络，偏置参与训练",
        ),
        train_offsets=True,
        published=(
            _pub("004", "out_o1", "0.7514", "out_o1 (forward pass)", "out_o1（前向计算）"),
            _pub("004", "out_o2", "0.7729", "out_o2 (forward pass)", "out_o2（前向计算）"),
            _pub(
                "004",
                "E_total",
                "0.2984",
                "E_total = Σ(out − target)²/2",
                "E_total = Σ(out − target)²/2",
            ),
        ),
        note=Bi(
            "Tutorial 004 builds the network in PyTorch (nn.Linear keeps one bias per unit, "
            "so b1 and b2 are two numbers each, equal at the start) and lets SGD with lr = 0.5 "
            "update every parameter, biases included.",
            "教程 004 用 PyTorch 搭建此网络（nn.Linear 每个单元一个偏置，所以 b1、b2 各是两个数，"
            "初值相同），学习率 0.5 的 SGD 更新全部参数，偏置也在内。",
        ),
        **common,
    )


_register(_example_222("t004_222_frozen", trained=False))
_register(_example_222("t004_222_trained", trained=True))


# --- 002: the textbook net, on the 2-2-2 numbers ---------------------------------------
def _net_textbook():
    # A bias b added is a threshold −b subtracted: f(net + b) = f(α − γ) with γ = −b.
    return TextbookNet(v=_W1_222, gamma=[-0.35, -0.35], w=_W2_222, theta=[-0.60, -0.60])


_register(
    Example(
        name="t002_textbook",
        tutorial="002",
        title=Bi(
            "Tutorial 002: the textbook's single-hidden-layer network with thresholds",
            "教程 002：教材中带阈值的单隐藏层网络",
        ),
        kind="network",
        X=_ro([[0.05, 0.10]]),
        Y=_ro([[0.01, 0.99]]),
        eta=0.5,
        mode="standard",
        reduction="sum",
        train_offsets=True,
        parameters={
            **{f"v{i}{h}": ParamRef(0, "W", (i - 1, h - 1)) for i in (1, 2) for h in (1, 2)},
            **{f"gamma{h}": ParamRef(0, "offset", (h - 1,)) for h in (1, 2)},
            **{f"w{h}{j}": ParamRef(1, "W", (h - 1, j - 1)) for h in (1, 2) for j in (1, 2)},
            **{f"theta{j}": ParamRef(1, "offset", (j - 1,)) for j in (1, 2)},
        },
        notation=(
            Alias(
                "v_ih",
                "TextbookNet.v[i-1, h-1]",
                "v_ih",
                Bi("input i → hidden h", "输入 i → 隐藏层 h"),
            ),
            Alias(
                "γ_h",
                "TextbookNet.gamma[h-1]",
                "γ_h",
                Bi("hidden threshold, subtracted", "隐藏层阈值（减去）"),
            ),
            Alias(
                "w_hj",
                "TextbookNet.w[h-1, j-1]",
                "w_hj",
                Bi("hidden h → output j", "隐藏层 h → 输出 j"),
            ),
            Alias(
                "θ_j",
                "TextbookNet.theta[j-1]",
                "θ_j",
                Bi("output threshold, subtracted", "输出层阈值（减去）"),
            ),
            Alias(
                "α_h, b_h",
                "Forward.alpha, Forward.b",
                "α_h, b_h",
                Bi("hidden input and output", "隐藏层输入与输出"),
            ),
            Alias(
                "β_j, ŷ_j",
                "Forward.beta, Forward.y_hat",
                "β_j, ŷ_j",
                Bi("output input and output", "输出层输入与输出"),
            ),
            Alias(
                "g_j, e_h",
                "TextbookGradients.g, .e",
                "g_j, e_h",
                Bi("negative error terms", "负的误差项"),
            ),
        ),
        published=(),
        settings={},
        note=Bi(
            "Tutorial 002 derives the update rules without numbers; the course shows them on "
            "the 2-2-2 network of 003/004, with each bias written as a threshold γ = −b1, "
            "θ = −b2 (a bias is added, a threshold subtracted), one sample, standard BP.",
            "教程 002 只推导更新公式，没有数值；本课程把它们用在 003/004 的 2-2-2 网络上，"
            "把偏置写成阈值 γ = −b1、θ = −b2（偏置是加上的，阈值是减去的），单个样本，标准 BP。",
        ),
        build=_net_textbook,
    )
)


# --- 004: the composite function and the epoch arithmetic -------------------------------
def _net_composite():
    return Network([Layer([[0.0]], [0.0], "sigmoid", "bias")])  # f = σ(w·x + b)


_register(
    Example(
        name="t004_composite",
        tutorial="004",
        title=Bi(
            "Tutorial 004: the chain rule on f(x; w, b) = 1 / (exp(−(wx + b)) + 1)",
            "教程 004：复合函数 f(x; w, b) = 1 / (exp(−(wx + b)) + 1) 的链式法则",
        ),
        kind="composite",
        X=_ro([[1.0]]),
        Y=None,
        eta=None,
        mode=None,
        reduction=None,
        train_offsets=None,
        parameters={"w": ParamRef(0, "W", (0, 0)), "b": ParamRef(0, "offset", (0,))},
        notation=(
            Alias("x", "X[0, 0]", "x_1", Bi("input", "输入")),
            Alias("w", "layers[0].W[0, 0]", "w", Bi("weight", "权重")),
            Alias("b", "layers[0].offset[0]", "−θ", Bi("bias, added", "偏置（加上）")),
            Alias("f", "trace.output[0, 0]", "ŷ", Bi("σ(wx + b)", "σ(wx + b)")),
        ),
        published=(
            _pub(
                "004",
                "df_dw",
                "0.25",
                "∂f/∂w at x = 1, w = 0, b = 0",
                "x = 1、w = 0、b = 0 处的 ∂f/∂w",
            ),
            _pub(
                "004",
                "df_db",
                "0.25",
                "∂f/∂b at x = 1, w = 0, b = 0",
                "x = 1、w = 0、b = 0 处的 ∂f/∂b",
            ),
        ),
        settings={"x": 1.0, "w": 0.0, "b": 0.0},
        note=Bi(
            "The example of Qiu Xipeng's Neural Networks and Deep Learning: split f into "
            "elementary functions and multiply the derivatives along the path to w (or b).",
            "邱锡鹏《神经网络与深度学习》中的例子：把 f 拆成初等函数，"
            "沿通往 w（或 b）的路径把导数连乘。",
        ),
        build=_net_composite,
    )
)

_register(
    Example(
        name="t004_epochs",
        tutorial="004",
        title=Bi(
            "Tutorial 004: epochs, batches and iterations",
            "教程 004：轮次（epoch）、批次（batch）与迭代（iteration）",
        ),
        kind="schedule",
        X=None,
        Y=None,
        eta=None,
        mode="minibatch",
        reduction=None,
        train_offsets=None,
        parameters={},
        notation=(
            Alias("N", "n_samples", "m", Bi("training samples", "训练样本数")),
            Alias("Batch Size", "batch_size", "—", Bi("samples per batch", "每批样本数")),
            Alias(
                "Iteration",
                "iterations_per_epoch(N, B)",
                "—",
                Bi("one batch, one update; ⌈N/B⌉ per epoch", "一批数据、一次更新；每轮⌈N/B⌉次"),
            ),
        ),
        published=(
            _pub(
                "004",
                "batches_per_epoch",
                "196",
                "batches (iterations) per epoch",
                "每轮的批次（迭代）数",
            ),
            _pub(
                "004", "iterations_10_epochs", "1,960", "iterations in 10 epochs", "10 轮的迭代次数"
            ),
        ),
        settings={"n_samples": 50_000, "batch_size": 256, "epochs": 10},
        note=Bi(
            "N/B + 1 batches when B does not divide N, N/B when it does: ⌈N/B⌉ in both cases. "
            "The last batch holds the samples that are left.",
            "B 不整除 N 时有 N/B + 1 批，整除时有 N/B 批：两种情况都是 ⌈N/B⌉。"
            "最后一批装剩下的样本。",
        ),
    )
)


# The registry in the order of the tutorials (the 2-2-2 examples were defined first because
# the textbook example reuses their weights).
_ORDER = (
    "t000_batch_321",
    "t001_xor",
    "t002_perceptron_and",
    "t002_textbook",
    "t004_222_frozen",
    "t004_222_trained",
    "t004_composite",
    "t004_epochs",
)
EXAMPLES = {name: EXAMPLES[name] for name in _ORDER}


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
    raise InputError(
        f"there is no example named {name!r}; available examples: {listed}",
        f"没有名为 {name!r} 的例子；可用的例子：{listed}",
    )


def notation_table(example=None, lang="en"):
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


# ---------------------------------------------------------------------------------------
# Tutorial 000's own procedure: each chain-rule factor averaged separately
# ---------------------------------------------------------------------------------------
@dataclass
class AveragedFactors:
    """Tutorial 000's arithmetic (see :func:`separately_averaged_000`). Shapes as noted."""

    dE_dy: float  # mean_k (y_k − t_k)
    dy_ds: float  # mean_k y_k (1 − y_k)
    ds_dw: np.ndarray  # (2,) mean_k h_k
    ds_dh: np.ndarray  # (2,) w1, w2
    dh_dv: np.ndarray  # (3,) x̄_i (mean of input i, or the values passed in)
    grad_w: np.ndarray  # (2,) the product of the averages
    grad_v: np.ndarray  # (3, 2)
    w_new: np.ndarray  # (2,)
    v_new: np.ndarray  # (3, 2)
    E_after: float  # Σ(t − y)²/(2m) with the new weights


def separately_averaged_000(x_bar=None):
    """Tutorial 000's own (flawed) gradient: average each factor over the samples, then multiply.

    The tutorial writes ∂E/∂w1 = ∂E/∂y · ∂y/∂s · ∂s/∂w1 and replaces *each* factor by its
    mean over the three samples:

        ∂E/∂w_j  ≈ mean(y − t) · mean(y(1 − y)) · mean(h_j)
        ∂E/∂v_ij ≈ mean(y − t) · mean(y(1 − y)) · w_j · mean(x_i)

    The chain rule applied to the mean loss averages the *product* instead,
    (1/m) Σ_k (y_k − t_k) y_k (1 − y_k) h_jk, which is what the engine computes. The course
    shows both; this function exists only to reproduce the tutorial's figures.

    Parameters
    ----------
    x_bar : array_like, shape (3,), optional
        The "mean inputs" to use for ∂h_j/∂v_ij; default the true means (2, 4/3, 4/3).
        ``x_bar=(2, 4/3, 1)`` reproduces the tutorial's v31 and v32.

    Returns
    -------
    AveragedFactors

    Examples
    --------
    >>> a = separately_averaged_000()
    >>> round(a.dE_dy, 3), round(a.dy_ds, 3), round(float(a.ds_dw[0]), 1)
    (0.294, 0.152, 1.5)
    >>> round(float(a.grad_w[0]), 3), round(float(a.w_new[0]), 3)
    (0.067, 0.766)
    """
    ex = EXAMPLES["t000_batch_321"]
    net = ex.network
    fw = net.forward(ex.X)
    h, y, t = fw.layers[0].out, fw.output[:, 0], ex.Y[:, 0]
    w = net.layers[1].W[:, 0].copy()
    V = net.layers[0].W.copy()
    dE_dy = float(np.mean(y - t))
    dy_ds = float(np.mean(ACTIVATIONS["sigmoid"].grad(y)))
    ds_dw = h.mean(axis=0)
    dh_dv = ex.X.mean(axis=0) if x_bar is None else np.asarray(x_bar, dtype=float)
    grad_w = dE_dy * dy_ds * ds_dw
    grad_v = dE_dy * dy_ds * np.outer(dh_dv, w)  # ∂s/∂h_j = w_j
    w_new = w - ex.eta * grad_w
    v_new = V - ex.eta * grad_v
    after = Network(
        [
            Layer(v_new, [0.0, 0.0], "identity", "bias"),
            Layer(w_new[:, None], [0.0], "sigmoid", "bias"),
        ]
    )
    return AveragedFactors(
        dE_dy,
        dy_ds,
        ds_dw,
        w.copy(),
        dh_dv,
        grad_w,
        grad_v,
        w_new,
        v_new,
        after.loss(ex.X, ex.Y, "mean"),
    )


def net_from_published_000():
    """Tutorial 000's network with the new weights exactly as the tutorial printed them."""
    ex = EXAMPLES["t000_batch_321"]
    net = ex.network
    for name, ref in ex.parameters.items():
        getattr(net.layers[ref.layer], ref.array)[ref.index] = ex.published_value(
            f"{name}_new"
        ).value
    return net


# ---------------------------------------------------------------------------------------
# The ledger
# ---------------------------------------------------------------------------------------
@dataclass
class _Finding:
    value: float
    alternative: float | None = None
    alternative_label: Bi | None = None
    reason: Bi | None = None  # shown when the verdict is "differs"
    note: Bi | None = None  # shown either way
    method: Bi | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One published number, recomputed.

    Attributes
    ----------
    example, tutorial, quantity : str
    label : Bi
    published : float
    published_text : str
        As printed.
    decimals : int
        Decimals printed; the verdict compares at this precision.
    recomputed : float
        Computed now by the engine, following the tutorial's stated method (NaN when the
        stated method gives no number).
    verdict : {"agrees", "differs"}
        ``round(recomputed, decimals) == published``.
    method : Bi
        How `recomputed` was obtained.
    alternative : float or None
        What the tutorial's own arithmetic gives, where it departs from its stated method
        (e.g. tutorial 000's separately averaged factors).
    alternative_label : Bi or None
    alternative_agrees : bool or None
        Whether `alternative` reproduces the published figure.
    reason : Bi or None
        Why the published figure differs (only when ``verdict == "differs"``).
    note : Bi or None
    """

    example: str
    tutorial: str
    quantity: str
    label: Bi
    published: float
    published_text: str
    decimals: int
    recomputed: float
    verdict: str
    method: Bi
    alternative: float | None
    alternative_label: Bi | None
    alternative_agrees: bool | None
    reason: Bi | None
    note: Bi | None

    def to_dict(self, lang=None):
        """Plain data for JSON: texts in `lang`, or both as {"en", "zh"}; NaN becomes None."""

        def text(b):
            if b is None:
                return None
            return b(lang) if lang else {"en": b.en, "zh": b.zh}

        def num(x):
            return None if x is None or not math.isfinite(x) else float(x)

        return {
            "example": self.example,
            "tutorial": self.tutorial,
            "quantity": self.quantity,
            "label": text(self.label),
            "published": self.published,
            "published_text": self.published_text,
            "decimals": self.decimals,
            "recomputed": num(self.recomputed),
            "verdict": self.verdict,
            "method": text(self.method),
            "alternative": num(self.alternative),
            "alternative_label": text(self.alternative_label),
            "alternative_agrees": self.alternative_agrees,
            "reason": text(self.reason),
            "note": text(self.note),
        }


_FORWARD = Bi("engine forward pass", "引擎前向计算")


def _findings_000(ex):
    net = ex.network
    fw = net.forward(ex.X)
    h, s, y = fw.layers[0].out, fw.layers[1].z[:, 0], fw.output[:, 0]
    t = ex.Y[:, 0]
    grads = net.gradients(ex.X, ex.Y, ex.reduction)
    hist = ex.train(epochs=1)
    E, E_after = float(hist.loss[0]), float(hist.loss[1])
    avg = separately_averaged_000()
    slip = separately_averaged_000(x_bar=(*ex.X.mean(axis=0)[:2], 1.0))
    E_pub_after = net_from_published_000().loss(ex.X, ex.Y, "mean")
    p = {q.quantity: q.value for q in ex.published}
    out = {}
    for k in range(3):
        out[f"h1_{k + 1}"] = _Finding(float(h[k, 0]), method=_FORWARD)
        out[f"h2_{k + 1}"] = _Finding(float(h[k, 1]), method=_FORWARD)
        out[f"s_{k + 1}"] = _Finding(float(s[k]), method=_FORWARD)
        out[f"y_{k + 1}"] = _Finding(float(y[k]), method=_FORWARD)

    d = t - y
    sumsq = float(np.sum(d * d))
    ratio, ratio_after = p["E"] / E, p["E_after"] / E_after
    half_ulp = 0.5 * 10.0 ** -ex.published_value("E_after").decimals
    lo, hi = (p["E_after"] - half_ulp) / E_after, (p["E_after"] + half_ulp) / E_after
    out["E"] = _Finding(
        E,
        method=Bi(
            "half_sse(y, t, 'mean') = Σ(t − y)²/(2m)", "half_sse(y, t, 'mean') = Σ(t − y)²/(2m)"
        ),
        reason=Bi(
            f"The tutorial's own formula, Σ(t − y)²/(2m) with m = 3, gives "
            f"({abs(d[0]):.3f}² + {abs(d[1]):.3f}² + {abs(d[2]):.3f}²)/6 = {sumsq:.4f}/6 = "
            f"{E:.4f}, not {ex.published_value('E').text}. No usual convention gives "
            f"{ex.published_value('E').text} either: Σ(t − y)² = {sumsq:.4f}, its mean "
            f"{sumsq / 3:.4f}, ½Σ(t − y)² = {sumsq / 2:.4f}, the RMS error "
            f"{math.sqrt(sumsq / 3):.4f}. The published E is {ratio:.2f} times the stated "
            f"formula, and the published E after the update is, within its printed precision, "
            f"the same multiple of its recomputed value ({lo:.2f} to {hi:.2f}): the loss was "
            f"mis-evaluated the same way twice. The updates do not use E, so they are not "
            f"affected.",
            f"教程自己给出的公式 Σ(t − y)²/(2m)（m = 3）算出 "
            f"({abs(d[0]):.3f}² + {abs(d[1]):.3f}² + {abs(d[2]):.3f}²)/6 = {sumsq:.4f}/6 = "
            f"{E:.4f}，而不是 {ex.published_value('E').text}。常见的其他写法也得不到 "
            f"{ex.published_value('E').text}：Σ(t − y)² = {sumsq:.4f}，其平均 {sumsq / 3:.4f}，"
            f"½Σ(t − y)² = {sumsq / 2:.4f}，均方根误差 {math.sqrt(sumsq / 3):.4f}。"
            f"公布的 E 是该公式结果的 {ratio:.2f} 倍；在其公布精度内，公布的更新后 E 也是重算值的"
            f"同一倍数（{lo:.2f} 到 {hi:.2f}）：损失值两次按同样的方式算错了。"
            f"更新量不依赖 E，因此不受影响。",
        ),
    )
    factor_note = Bi(
        "Correct as an average over the samples, but only a factor of the tutorial's product "
        "of averages: the gradient of the mean loss multiplies the factors sample by sample "
        "and then averages.",
        "作为对样本的平均值它是对的，但它只是教程“平均值相乘”中的一个因子："
        "均值损失的梯度应先逐样本把各因子相乘，再求平均。",
    )
    out["dE_dy"] = _Finding(
        avg.dE_dy,
        note=factor_note,
        method=Bi("mean over samples of y − t", "对样本求 y − t 的平均"),
    )
    out["dy_ds"] = _Finding(
        avg.dy_ds,
        note=factor_note,
        method=Bi("mean over samples of y(1 − y)", "对样本求 y(1 − y) 的平均"),
    )
    out["ds_dw1"] = _Finding(
        float(avg.ds_dw[0]),
        note=factor_note,
        method=Bi("mean over samples of h1", "对样本求 h1 的平均"),
    )
    out["ds_dh1"] = _Finding(
        ex.param(net, "w1"), method=Bi("∂s/∂h1 = w1 (initial value)", "∂s/∂h1 = w1（初值）")
    )
    out["dh1_dv11"] = _Finding(
        float(avg.dh_dv[0]),
        note=factor_note,
        method=Bi("mean over samples of x1", "对样本求 x1 的平均"),
    )

    chain = Bi(
        "engine backward pass on the mean loss (chain rule per sample, then the mean)",
        "引擎对均值损失的反向传播（逐样本用链式法则，再求平均）",
    )
    update = Bi(
        "engine: one batch gradient-descent step, η = 0.5, on the mean loss",
        "引擎：对均值损失做一次批量梯度下降，η = 0.5",
    )
    averaged = Bi(
        "tutorial's arithmetic: product of separately averaged factors",
        "教程的算法：分别求平均后的因子相乘",
    )
    g_w1 = float(grads.layers[1].W[0, 0])
    out["dE_dw1"] = _Finding(
        g_w1,
        method=chain,
        alternative=float(avg.grad_w[0]),
        alternative_label=averaged,
        reason=Bi(
            f"The tutorial averages each factor over the three samples separately and "
            f"multiplies the averages: {avg.dE_dy:.4f} × {avg.dy_ds:.4f} × {avg.ds_dw[0]:.4f} = "
            f"{avg.grad_w[0]:.4f} → 0.067. The chain rule on the mean loss E = (1/m) Σ_k E_k "
            f"averages the product instead: (1/m) Σ_k (y_k − t_k) y_k (1 − y_k) h1_k = "
            f"{g_w1:.4f}. A mean of products is not the product of means (the factors vary "
            f"together from sample to sample), so 0.067 is not ∂E/∂w1.",
            f"教程把三个因子分别对三个样本求平均，再把平均值相乘：{avg.dE_dy:.4f} × "
            f"{avg.dy_ds:.4f} × {avg.ds_dw[0]:.4f} = {avg.grad_w[0]:.4f} → 0.067。"
            f"对均值损失 E = (1/m) Σ_k E_k 用链式法则，应先逐样本相乘再求平均："
            f"(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) h1_k = {g_w1:.4f}。"
            f"乘积的平均不等于平均的乘积（各因子随样本一起变化），所以 0.067 并不是 ∂E/∂w1。",
        ),
    )
    g_v11 = float(grads.layers[0].W[0, 0])
    out["dE_dv11"] = _Finding(
        g_v11,
        method=chain,
        alternative=float(avg.grad_v[0, 0]),
        alternative_label=averaged,
        reason=Bi(
            f"Same separately averaged factors: {avg.dE_dy:.4f} × {avg.dy_ds:.4f} × 0.8 × 2 = "
            f"{avg.grad_v[0, 0]:.4f} → 0.072. The chain rule on the mean loss gives "
            f"(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) · w1 · x1_k = {g_v11:.4f}.",
            f"同样是分别平均后的因子相乘：{avg.dE_dy:.4f} × {avg.dy_ds:.4f} × 0.8 × 2 = "
            f"{avg.grad_v[0, 0]:.4f} → 0.072。对均值损失用链式法则得 "
            f"(1/m) Σ_k (y_k − t_k) y_k (1 − y_k) · w1 · x1_k = {g_v11:.4f}。",
        ),
    )
    new = hist.net
    for name, ref in ex.parameters.items():
        rec = ex.param(new, name)
        old = ex.param(net, name)
        printed = ex.published_value(f"{name}_new").text
        g = (old - rec) / ex.eta
        if name in ("w1", "w2"):
            alt = float(avg.w_new[ref.index[0]])
            alt_g = float(avg.grad_w[ref.index[0]])
        else:
            alt = float(avg.v_new[ref.index])
            alt_g = float(avg.grad_v[ref.index])
        if name in ("v31", "v32"):
            alt_slip = float(slip.v_new[ref.index])
            out[f"{name}_new"] = _Finding(
                rec,
                method=update,
                alternative=alt_slip,
                alternative_label=Bi(
                    "tutorial's arithmetic with ∂h/∂v3j taken as 1 instead of mean(x3) = 4/3",
                    "教程的算法，且把 ∂h/∂v3j 取成 1 而不是 mean(x3) = 4/3",
                ),
                reason=Bi(
                    f"The printed {printed} follows neither from the chain rule "
                    f"({old} − 0.5 × {g:.4f} = {rec:.4f}) "
                    f"nor from the tutorial's own separately averaged factors, which give "
                    f"{old} − 0.5 × {alt_g:.4f} = {alt:.4f} with ∂h/∂v3j = mean(x3) = "
                    f"(1 + 2 + 1)/3 = 4/3. It is reproduced ({alt_slip:.4f}) only if ∂h/∂v3j is "
                    f"taken as 1: a slip in the mean of the third input, on top of the "
                    f"separately averaged factors.",
                    f"印出的 {printed} 既不符合链式法则（{old} − 0.5 × {g:.4f} = {rec:.4f}），"
                    f"也不符合教程自己"
                    f"“分别求平均再相乘”的算法（取 ∂h/∂v3j = mean(x3) = (1 + 2 + 1)/3 = 4/3 时为 "
                    f"{old} − 0.5 × {alt_g:.4f} = {alt:.4f}）。只有把 ∂h/∂v3j 取成 1 才能得到"
                    f"公布值（{alt_slip:.4f}）：在“分别平均”之外，第三个输入的平均值也算错了。",
                ),
            )
            continue
        out[f"{name}_new"] = _Finding(
            rec,
            method=update,
            alternative=alt,
            alternative_label=averaged,
            reason=Bi(
                f"The printed {printed} follows from the tutorial's separately averaged "
                f"gradient: {old} − 0.5 × {alt_g:.4f} = {alt:.4f}. With the gradient of the "
                f"mean loss, {g:.4f}, the update gives {old} − 0.5 × {g:.4f} = {rec:.4f}.",
                f"印出的 {printed} 由教程“分别平均再相乘”的梯度得到："
                f"{old} − 0.5 × {alt_g:.4f} = {alt:.4f}。"
                f"用均值损失的真实梯度 {g:.4f}，更新结果为 {old} − 0.5 × {g:.4f} = {rec:.4f}。",
            ),
        )
    out["E_after"] = _Finding(
        E_after,
        method=Bi(
            "engine: the mean loss after one batch gradient-descent step",
            "引擎：一次批量梯度下降后的均值损失",
        ),
        alternative=float(E_pub_after),
        alternative_label=Bi(
            "the stated formula at the tutorial's published new weights",
            "在教程公布的新权重处按其公式计算",
        ),
        reason=Bi(
            f"After the correct update the loss is {E_after:.4f}; at the tutorial's own "
            f"(published) new weights it is {E_pub_after:.4f}. Neither is 0.192: the published "
            f"value is {ratio_after:.2f} times the recomputed one ({lo:.2f} to {hi:.2f} within its "
            f"printed precision), the factor of the first E ({ratio:.2f}): the same slip in "
            f"evaluating the loss. The relative "
            f"decrease agrees: {1 - p['E_after'] / p['E']:.0%} published, "
            f"{1 - E_after / E:.0%} recomputed.",
            f"正确更新后的损失为 {E_after:.4f}；在教程自己（公布）的新权重处为 "
            f"{E_pub_after:.4f}。两者都不是 0.192：公布值是重算值的 {ratio_after:.2f} 倍"
            f"（在公布精度内为 {lo:.2f} 到 {hi:.2f}），与第一个 E 的倍数（{ratio:.2f}）相同，"
            f"是同一个计算损失时的错误。"
            f"相对下降幅度是一致的：公布值下降 {1 - p['E_after'] / p['E']:.0%}，"
            f"重算值下降 {1 - E_after / E:.0%}。",
        ),
    )
    return out


def _minus(x):
    """A number with the typographic minus sign, as the tutorials print it."""
    return f"{x:g}".replace("-", "−")


def _findings_001(ex):
    net = ex.network
    x00 = ex.X[:1]
    y_hat = float(net.predict(x00)[0, 0])
    y = float(ex.Y[0, 0])
    with np.errstate(invalid="ignore", divide="ignore"):
        # the logistic-regression cost the post names; ln(1 − 4) does not exist
        cost = float(-(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)))
    half = half_sse(np.array([[y_hat]]), np.array([[y]]), "sum")
    return {
        "D0_00": _Finding(y_hat, method=_FORWARD),
        "cost_00": _Finding(
            cost,
            method=Bi(
                "logistic-regression cost −[y ln ŷ + (1 − y) ln(1 − ŷ)] at ŷ = 4, y = 0",
                "逻辑回归代价 −[y ln ŷ + (1 − y) ln(1 − ŷ)]，ŷ = 4，y = 0",
            ),
            alternative=y - y_hat,
            alternative_label=Bi(
                "a reconstruction: the residual y − ŷ (not a cost)",
                "推测：残差 y − ŷ（不是代价）",
            ),
            reason=Bi(
                f"The post names the logistic-regression cost −[y ln ŷ + (1 − y) ln(1 − ŷ)]. With "
                f"identity activations the output ŷ = {y_hat:g} is not a probability and "
                f"ln(1 − ŷ) = ln({_minus(1 - y_hat)}) does not exist, so that cost is "
                f"undefined here. "
                f"No standard cost is negative: the squared error is ½(ŷ − y)² = {half:g}, and "
                f"cross-entropies are ≥ 0. The post does not show how it got −4; one "
                f"computation that gives it, our reconstruction rather than anything the post "
                f"says, is the residual y − ŷ = {y:g} − {y_hat:g}, the error of the "
                f"prediction, not a cost. (The post also says the model gave 4 "
                f"'instead of 1', although XOR(0, 0) = 0.)",
                f"原文使用逻辑回归的代价 −[y ln ŷ + (1 − y) ln(1 − ŷ)]。激活函数为恒等时输出 "
                f"ŷ = {y_hat:g} 不是概率，ln(1 − ŷ) = ln({_minus(1 - y_hat)}) 没有定义，"
                f"所以这里该代价"
                f"不存在。标准的代价函数都不会是负数：平方误差 ½(ŷ − y)² = {half:g}，交叉熵也 ≥ 0。"
                f"原文没有写出−4是怎样算出来的；能得到它的一种算法是"
                f"残差 y − ŷ = {y:g} − {y_hat:g}，"
                f"即预测的误差，而不是代价——这是我们的推测，原文并没有这样说。"
                f"（原文还说模型给出 4“而不是 1”，但 XOR(0, 0) = 0。）",
            ),
        ),
    }


def hidden_deltas_from_new_weights(ex, rounds):
    """Standard BP on a 2-layer example with one slip: e_h uses this round's *new* w_hj.

    The textbook's rule (eq. 5.15) is e_h = b_h (1 − b_h) Σ_j w_hj g_j with the output weights
    *before* the round's update; here the output layer is updated first (Δw_hj = η g_j b_h,
    eq. 5.11) and e_h is then taken with the updated w_hj. Offsets stay frozen, as in the
    walk-through. This is how the first version of the code behind Mazur's post ordered the
    steps (fixed in its commit 4b6faac); it reproduces the post's after-update figures.

    Parameters
    ----------
    ex : Example
        A network example with one hidden layer, sigmoid units, ``reduction="sum"``, one
        sample (``t004_222_frozen``).
    rounds : int
        Number of updates.

    Returns
    -------
    (loss, net) : ndarray of shape (rounds + 1,), Network
        ``loss[k]`` = E_total = ½ Σ_j (ŷ_j − y_j)² after k rounds; the network after them.

    Examples
    --------
    >>> loss, net = hidden_deltas_from_new_weights(get("t004_222_frozen"), 1)
    >>> round(float(loss[1]), 9)
    0.291027924
    """
    rounds = check.count("rounds", rounds, minimum=0)
    net = ex.network
    hidden, output = net.layers
    eta, x, y = ex.eta, ex.X, ex.Y
    loss = [net.loss(x, y, "sum")]
    for _ in range(rounds):
        fw = net.forward(x)
        b, y_hat = fw.layers[0].out, fw.output
        g = y_hat * (1 - y_hat) * (y - y_hat)  # eq. 5.10
        output.W += eta * b.T @ g  # Δw_hj = η g_j b_h (5.11), applied first
        e = b * (1 - b) * (g @ output.W.T)  # eq. 5.15, but with the NEW w_hj: the slip
        hidden.W += eta * x.T @ e  # Δv_ih = η e_h x_i (5.13)
        loss.append(net.loss(x, y, "sum"))
    return np.array(loss), net


@functools.lru_cache(maxsize=4)
def _long_runs_222(start, rounds):
    """The 10,000-round runs behind Mazur's figures, once per starting point (`start` is
    the initial parameters, so a changed example is recomputed)."""
    ex = get("t004_222_frozen")
    stated = ex.train(epochs=rounds)
    slip_loss, slip_net = hidden_deltas_from_new_weights(ex, rounds)
    return stated.loss, stated.net.predict(ex.X)[0], slip_loss, slip_net.predict(ex.X)[0]


def _findings_mazur(ex):
    """Mazur's after-update figures: the stated method, and what reproduces each."""
    n = 10_000
    loss, out, slip_loss, slip_out = _long_runs_222(tuple(ex.network.flat()), n)
    slip_label = Bi(
        "hidden e_h from the already updated w5..w8 (the post's first code)",
        "用已更新的 w5..w8 求隐藏层 e_h（原帖最初的代码）",
    )
    stated = Bi(
        "engine: standard BP, η = 0.5, biases frozen; E_total = ½ Σ (out − target)²",
        "引擎：标准 BP，η = 0.5，偏置不训练；E_total = ½ Σ (out − target)²",
    )
    post = f"{MAZUR_POST['author']}, “{MAZUR_POST['title']}”, {MAZUR_POST['url']}"
    fix = (
        f"the post's code ({MAZUR_POST['code']}) first updated w5..w8 and then took e_h "
        f"with the new values; its commit {MAZUR_POST['fix']}, two days before the post, "
        "switched to the original weights"
    )
    fix_zh = (
        f"原帖的代码（{MAZUR_POST['code']}）最初先更新 w5..w8，再用新值求 e_h；"
        f"它在发帖前两天的提交 {MAZUR_POST['fix']} 才改为使用原来的权重"
    )

    def fixed(x, decimals):  # at the published precision
        return f"{x:.{decimals}f}"

    g = {"e1": fixed(loss[1], 9), "e1s": fixed(slip_loss[1], 9)}
    e_n, e_n1, e_ns = (fixed(v, 10) for v in (loss[n], loss[n - 1], slip_loss[n]))
    o1, o2, o1s, o2s = (fixed(v, 9) for v in (out[0], out[1], slip_out[0], slip_out[1]))
    # the post's own outputs give E = ½ Σ (out − target)², whatever produced them
    from_outputs = fixed(0.5 * ((0.015912196 - 0.01) ** 2 + (0.984065734 - 0.99) ** 2), 10)
    return {
        "E_after_1": _Finding(
            float(loss[1]),
            alternative=float(slip_loss[1]),
            alternative_label=slip_label,
            method=stated,
            reason=Bi(
                f"The post ({post}) states the right order: all gradients first, then the "
                f"updates, so e_h uses the original w5..w8; it also prints w1..w4 that follow "
                f"from it (they agree in the ledger). That order gives {g['e1']} after the first "
                f"round, not 0.291027924. Taking e_h with the already updated w5..w8 gives "
                f"{g['e1s']}, the printed figure to its last digit: {fix}.",
                f"原帖（{post}）写的顺序是对的：先求出全部梯度再更新，e_h 用原来的 w5..w8；"
                f"它给出的 w1..w4 也按此算出（核对表中一致）。"
                f"按这个顺序，第一轮后 E_total = {g['e1']}，"
                f"而不是 0.291027924。若用已经更新过的 w5..w8 求 e_h，得到 {g['e1s']}，"
                f"与公布值每一位都相同：{fix_zh}。",
            ),
        ),
        "E_after_10000": _Finding(
            float(loss[n]),
            alternative=float(loss[n - 1]),
            alternative_label=Bi("the stated method after 9,999 rounds", "所述方法训练 9,999 轮后"),
            method=stated,
            reason=Bi(
                f"After 10,000 rounds the stated method gives {e_n}, not 0.0000351085; that "
                f"figure is the same method after 9,999 rounds ({e_n1}), one round short. The "
                f"post does not show how it was obtained (the post's code prints errors rounded "
                f"to 9 decimals, which would read 0.000035109). It does not come from the "
                f"computation behind the two outputs printed with it: that one gives {e_ns} after "
                f"10,000 rounds, and the printed outputs themselves give "
                f"½ Σ (out − target)² = {from_outputs}.",
                f"所述方法训练 10,000 轮后 E_total = {e_n}，而不是 0.0000351085；"
                f"公布值是同一方法训练 9,999 轮的结果（{e_n1}），少了一轮。"
                f"原帖没有说明这个数怎样得来"
                f"（原帖的代码把误差四舍五入到 9 位小数输出，那会是 0.000035109）。"
                f"它也不来自同时公布的两个输出所用的算法："
                f"那种算法 10,000 轮后为 {e_ns}，而用公布的两个输出算 ½ Σ (out − target)² "
                f"得 {from_outputs}。",
            ),
        ),
        "out_o1_10000": _Finding(
            float(out[0]),
            alternative=float(slip_out[0]),
            alternative_label=slip_label,
            method=stated,
            reason=Bi(
                f"After 10,000 rounds of the stated method out_o1 = {o1}, not 0.015912196. "
                f"With e_h taken from the already updated w5..w8 it is {o1s}, the printed "
                f"figure: the same slip as in the first round's error ({fix}).",
                f"所述方法训练 10,000 轮后 out_o1 = {o1}，而不是 0.015912196。"
                f"若用已更新的 w5..w8 求 e_h，得到 {o1s}，即公布值：与第一轮误差是同一个失误"
                f"（{fix_zh}）。",
            ),
        ),
        "out_o2_10000": _Finding(
            float(out[1]),
            alternative=float(slip_out[1]),
            alternative_label=slip_label,
            method=stated,
            reason=Bi(
                f"After 10,000 rounds of the stated method out_o2 = {o2}, not 0.984065734. "
                f"With e_h taken from the already updated w5..w8 it is {o2s}, the printed "
                f"figure: the same slip as in the first round's error.",
                f"所述方法训练 10,000 轮后 out_o2 = {o2}，而不是 0.984065734。"
                f"若用已更新的 w5..w8 求 e_h，得到 {o2s}，即公布值：与第一轮误差是同一个失误。",
            ),
        ),
    }


def _findings_222(ex):
    hist = ex.train(epochs=1)
    out = {}
    if not ex.train_offsets:
        out.update(_findings_mazur(ex))
        out["E_total"] = _Finding(
            float(hist.loss[0]),
            method=Bi(
                "half_sse(out, target, 'sum') before the update",
                "更新前的 half_sse(out, target, 'sum')",
            ),
        )
        for w in ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"):
            out[f"{w}_new"] = _Finding(
                ex.param(hist.net, w),
                method=Bi(
                    "engine: one SGD step, η = 0.5, biases frozen",
                    "引擎：一次 SGD，η = 0.5，偏置不训练",
                ),
            )
        return out
    y_hat = ex.network.predict(ex.X)
    out["out_o1"] = _Finding(float(y_hat[0, 0]), method=_FORWARD)
    out["out_o2"] = _Finding(float(y_hat[0, 1]), method=_FORWARD)
    out["E_total"] = _Finding(
        float(hist.loss[0]),
        method=Bi(
            "half_sse(out, target, 'sum') before the update",
            "更新前的 half_sse(out, target, 'sum')",
        ),
    )
    return out


def _findings_composite(ex):
    net = ex.network
    layer = net.layers[0]
    tr = layer.forward(ex.X)
    # d_out = 1: the derivative of f itself rather than of a loss
    grad, _ = layer.backward(tr, np.ones_like(tr.out))
    method = Bi(
        "engine: Layer.backward with ∂f/∂out = 1 at x = 1, w = 0, b = 0",
        "引擎：在 x = 1、w = 0、b = 0 处以 ∂f/∂out = 1 调用 Layer.backward",
    )
    return {
        "df_dw": _Finding(float(grad.W[0, 0]), method=method),
        "df_db": _Finding(float(grad.offset[0]), method=method),
    }


def _findings_epochs(ex):
    s = schedule(**ex.settings)
    return {
        "batches_per_epoch": _Finding(
            float(s.iterations_per_epoch),
            method=Bi("⌈N/B⌉ (bpcore.schedule)", "⌈N/B⌉（bpcore.schedule）"),
        ),
        "iterations_10_epochs": _Finding(
            float(s.total_iterations),
            method=Bi("⌈N/B⌉ × epochs (bpcore.schedule)", "⌈N/B⌉ × 轮数（bpcore.schedule）"),
        ),
    }


_FINDINGS = {
    "t000_batch_321": _findings_000,
    "t001_xor": _findings_001,
    "t004_222_frozen": _findings_222,
    "t004_222_trained": _findings_222,
    "t004_composite": _findings_composite,
    "t004_epochs": _findings_epochs,
}


def ledger(name=None):
    """Every published number, recomputed by the engine now, with a verdict.

    Parameters
    ----------
    name : str, optional
        Only this example's rows.

    Returns
    -------
    list of LedgerRow
        One row per published number, in the order of the tutorials. A row ``"agrees"``
        when the recomputed value rounded to the printed decimals equals the printed value;
        otherwise it ``"differs"`` and carries a reason in zh and en.

    Examples
    --------
    >>> row = next(r for r in ledger("t000_batch_321") if r.quantity == "dE_dw1")
    >>> row.verdict, round(row.recomputed, 4), round(row.alternative, 3)
    ('differs', 0.0593, 0.067)
    """
    selected = [get(name)] if name is not None else list(EXAMPLES.values())
    rows = []
    for ex in selected:
        if not ex.published:
            continue
        findings = _FINDINGS[ex.name](ex)
        for pub in ex.published:
            f = findings[pub.quantity]
            agrees = pub.agrees(f.value)
            rows.append(
                LedgerRow(
                    example=ex.name,
                    tutorial=pub.source,
                    quantity=pub.quantity,
                    label=pub.label,
                    published=pub.value,
                    published_text=pub.text,
                    decimals=pub.decimals,
                    recomputed=f.value,
                    verdict="agrees" if agrees else "differs",
                    method=f.method or _FORWARD,
                    alternative=f.alternative,
                    alternative_label=f.alternative_label,
                    alternative_agrees=None if f.alternative is None else pub.agrees(f.alternative),
                    reason=None if agrees else f.reason,
                    note=f.note,
                )
            )
    return rows


#: Words of the ledger's table, in both languages.
LEDGER_TEXT = {
    "title": Bi(
        "Ledger: every published number of the tutorials, recomputed by bpcore",
        "核对表：教程公布的每个数值，由 bpcore 重新计算",
    ),
    "title_some": Bi(
        "Ledger: published numbers, recomputed by bpcore",
        "核对表：公布的数值，由 bpcore 重新计算",
    ),
    "summary": Bi(
        "{n} numbers: {agree} agree, {differ} differ at the published precision.",
        "共 {n} 个数值：在公布精度下 {agree} 个一致，{differ} 个不符。",
    ),
    "summary_one": Bi(
        "1 number: it {verdict} at the published precision.",
        "共 1 个数值：在公布精度下{verdict}。",
    ),
    "reasons": Bi("Why they differ", "不符的原因"),
    "alternative": Bi("alternative", "另一种算法"),
    "agrees": Bi("agrees", "一致"),
    "differs": Bi("differs", "不符"),
    "stated": Bi("the stated method", "所述方法"),
    "nothing": Bi("nothing (see the reason below)", "都不能（见下文原因）"),
}

#: The ledger's columns: key → header.
LEDGER_COLUMNS = {
    "n": Bi("#", "#"),
    "example": Bi("example", "例子"),
    "tutorial": Bi("tutorial", "教程"),
    "quantity": Bi("quantity", "量"),
    "published": Bi("published", "公布值"),
    "recomputed": Bi("recomputed", "重算值"),
    "alternative": Bi("alternative", "另一种算法"),
    "verdict": Bi("verdict", "结论"),
    "method": Bi("method", "方法"),
    "reproduced": Bi("reproduced by", "能复现公布值的是"),
}

_LEDGER_DEFAULT = ("n", "example", "quantity", "published", "recomputed", "alternative", "verdict")
_LEFT = {"example", "tutorial", "quantity", "verdict", "method", "reproduced"}


def _shown(x, decimals, lang):
    return number(x, whole_or(x, decimals), lang)


def ledger_table(rows=None, lang="en", example=None, *, columns=None, notes=True, title=None):
    """The ledger as a table: published and recomputed numbers side by side, with reasons.

    Parameters
    ----------
    rows : list of LedgerRow, optional
        Default: :func:`ledger` of `example` (or of every example).
    lang : {"en", "zh"}
    example : str, optional
        Only this example's rows.
    columns : sequence of str, optional
        Keys of :data:`LEDGER_COLUMNS`, in order. Default: ``("n", "example", "quantity",
        "published", "recomputed", "alternative", "verdict")``, as ``python -m bpcore
        ledger`` prints it.
    notes : bool
        Add the summary (how many agree) and, for every row that differs, why (the row's
        verdict then ends in ``[n]``).
    title : str or Bi, optional
        Default: "Ledger: every published number …" for the whole ledger, "Ledger: published
        numbers …" for some of its rows.

    Returns
    -------
    bpcore.tables.Table
        Displays as Markdown in a notebook; ``.text()`` aligns it for a terminal. A number
        that differs is marked ``[n]``, n its row, and its reason is note ``[n]``.
        Recomputed values show three more decimals than were published (at most 12).

    Examples
    --------
    >>> t = ledger_table(example="t001_xor", columns=("quantity", "published", "verdict"))
    >>> t.columns, t.cells[1]
    (['quantity', 'published', 'verdict'], ['cost for input (0, 0)', '−4', 'differs [2]'])
    >>> t.notes[0]
    '2 numbers: 1 agree, 1 differ at the published precision.'
    """
    if title is None:
        whole = rows is None and example is None
        title = LEDGER_TEXT["title" if whole else "title_some"]
    if rows is None:
        rows = ledger(example)
    elif example is not None:
        get(example)  # a clear error for an unknown name
        rows = [r for r in rows if r.example == example]
    columns = tuple(_LEDGER_DEFAULT if columns is None else columns)
    unknown = [c for c in columns if c not in LEDGER_COLUMNS]
    if unknown:
        raise InputError(
            f"unknown ledger columns {unknown}; choose from {list(LEDGER_COLUMNS)}",
            f"核对表没有这些列：{unknown}；可选 {list(LEDGER_COLUMNS)}",
        )
    text = {k: b(lang) for k, b in LEDGER_TEXT.items()}
    cells, reasons = [], []
    for n, r in enumerate(rows, start=1):
        shown = min(r.decimals + 3, 12)
        verdict = text[r.verdict]
        if r.reason is not None and notes:  # [n] points at the reason under the table
            reasons.append((n, r))
            verdict += f" [{n}]"
        if r.verdict == "agrees":
            reproduced = text["stated"]
        elif r.alternative_agrees:
            reproduced = r.alternative_label(lang)
        else:
            reproduced = text["nothing"]
        value = {
            "n": str(n),
            "example": r.example,
            "tutorial": r.tutorial,
            "quantity": r.label(lang),
            "published": r.published_text,
            "recomputed": _shown(r.recomputed, shown, lang),
            "alternative": _shown(r.alternative, shown, lang),
            "verdict": verdict,
            "method": r.method(lang),
            "reproduced": reproduced,
        }
        cells.append([value[c] for c in columns])
    paragraphs = []
    if notes:
        differ = sum(r.verdict == "differs" for r in rows)
        if len(rows) == 1:
            summary = text["summary_one"].format(verdict=text[rows[0].verdict])
        else:
            summary = text["summary"].format(n=len(rows), agree=len(rows) - differ, differ=differ)
        paragraphs.append(summary)
        if reasons:
            colon = "：" if lang == "zh" else ": "
            lines = [text["reasons"] + colon.strip()]
            for n, r in reasons:
                lines.append(f"[{n}] {r.example} · {r.label(lang)}{colon}{r.reason(lang)}")
                if r.alternative_label is not None:
                    lines.append(f"    {text['alternative']}{colon}{r.alternative_label(lang)}")
            paragraphs.append("\n".join(lines))
    return Table(
        [LEDGER_COLUMNS[c] for c in columns],
        cells,
        title=title,
        notes=paragraphs,
        aligns=["<" if c in _LEFT else ">" for c in columns],
        lang=lang,
    )


# ---------------------------------------------------------------------------------------
# Step traces
# ---------------------------------------------------------------------------------------
@dataclass
class Section:
    """One table of a trace.

    ``columns`` are :class:`Bi` headers; each row is a list of cells: str, :class:`Bi`,
    float, int or None. ``decimals`` is a display hint for float cells.
    """

    key: str
    title: Bi
    columns: list
    rows: list
    decimals: int = 6
    note: Bi | None = None

    def markdown(self, lang="en"):
        """The section as a :class:`bpcore.tables.Table` in `lang`.

        It displays as Markdown in a notebook (``str()`` is the Markdown text) and
        ``.text()`` aligns it for a terminal; floats get :attr:`decimals` decimals.

        Examples
        --------
        >>> table = trace("t004_222_frozen").section("output").markdown("zh")
        >>> table.columns[0], table.cells[0][0], table.cells[0][-1]
        ('权重', 'w5', '0.358916480')
        """
        return Table(
            self.columns,
            self.rows,
            title=self.title,
            notes=self.note or (),
            decimals=self.decimals,
            lang=lang,
        )

    def to_dict(self, lang=None):
        return {
            "key": self.key,
            "title": _cell(self.title, lang),
            "columns": [_cell(c, lang) for c in self.columns],
            "rows": [[_cell(c, lang) for c in row] for row in self.rows],
            "decimals": self.decimals,
            "note": _cell(self.note, lang),
        }


@dataclass
class StepTrace:
    """The tables of one step of an example (see :func:`trace`)."""

    example: str
    title: Bi
    sections: list

    def section(self, key):
        """The section called `key` (e.g. ``"forward"``)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise InputError(
            f"trace {self.example} has no section {key!r}; it has "
            f"{', '.join(s.key for s in self.sections)}",
            f"{self.example} 的计算表没有 {key!r} 部分；"
            f"已有 {', '.join(s.key for s in self.sections)}",
        )

    def markdown(self, lang="en"):
        """Every section as tables under the trace's title (:class:`bpcore.tables.Tables`).

        Displays as Markdown in a notebook; ``.text()`` is what ``python -m bpcore trace``
        prints.

        Examples
        --------
        >>> doc = trace("t004_epochs").markdown("en")
        >>> doc.title, len(doc) == len(trace("t004_epochs").sections)
        ('Tutorial 004: epochs, batches and iterations', True)
        """
        return Tables([s.markdown(lang) for s in self.sections], self.title(lang))

    def to_dict(self, lang=None):
        """Plain data for JSON: texts in `lang` (or both), NaN as None."""
        return {
            "example": self.example,
            "title": _cell(self.title, lang),
            "sections": [s.to_dict(lang) for s in self.sections],
        }


def _cell(c, lang):
    if isinstance(c, Bi):
        return c(lang) if lang else {"en": c.en, "zh": c.zh}
    if isinstance(c, (float, np.floating)):
        return float(c) if math.isfinite(c) else None
    if isinstance(c, np.integer):
        return int(c)
    return c


_B = Bi  # short alias for the many headers below


def _trace_000(ex):
    net = ex.network
    fw = net.forward(ex.X)
    h, s, y = fw.layers[0].out, fw.layers[1].a[:, 0], fw.output[:, 0]
    t = ex.Y[:, 0]
    grads = net.gradients(ex.X, ex.Y, ex.reduction)
    hist = ex.train(epochs=1)
    avg = separately_averaged_000()
    sample = [f"x({k + 1}) = ({', '.join(f'{v:g}' for v in ex.X[k])})" for k in range(3)]
    forward = Section(
        "forward",
        _B("Forward pass (one row per sample)", "前向计算（每行一个样本）"),
        [_B("x", "x"), _B("h1", "h1"), _B("h2", "h2"), _B("s", "s"), _B("y", "y"), _B("t", "t")],
        [[sample[k], h[k, 0], h[k, 1], s[k], y[k], t[k]] for k in range(3)],
        decimals=6,
    )
    loss = Section(
        "loss",
        _B("Loss", "损失"),
        [_B("quantity", "量"), _B("value", "数值")],
        [[_B("E = Σ(t − y)²/(2m), m = 3", "E = Σ(t − y)²/(2m)，m = 3"), float(hist.loss[0])]],
    )
    dE_dy = half_sse_grad(fw.output, ex.Y, "sum")[:, 0]  # y − t per sample
    dy_ds = ACTIVATIONS["sigmoid"].grad(y)
    delta = grads.layers[1].delta[:, 0]  # ∂E/∂s_k = (y_k − t_k) y_k (1 − y_k) / m
    factors = Section(
        "factors",
        _B("Chain-rule factors, sample by sample, and their means", "逐样本的链式法则因子及其平均"),
        [
            _B("sample", "样本"),
            _B("∂E_k/∂y = y − t", "∂E_k/∂y = y − t"),
            _B("∂y/∂s = y(1 − y)", "∂y/∂s = y(1 − y)"),
            _B("∂E/∂s_k (engine, includes 1/m)", "∂E/∂s_k（引擎，含 1/m）"),
            _B("∂s/∂w1 = h1", "∂s/∂w1 = h1"),
            _B("∂s/∂w2 = h2", "∂s/∂w2 = h2"),
        ],
        [[sample[k], dE_dy[k], dy_ds[k], delta[k], h[k, 0], h[k, 1]] for k in range(3)]
        + [
            [
                _B("mean (the tutorial's factors)", "平均（教程使用的因子）"),
                avg.dE_dy,
                avg.dy_ds,
                float(delta.mean()),
                float(avg.ds_dw[0]),
                float(avg.ds_dw[1]),
            ]
        ],
        note=_B(
            "The gradient of the mean loss is Σ_k ∂E/∂s_k · h_k (the mean of the products); "
            "the tutorial multiplies the means instead.",
            "均值损失的梯度是 Σ_k ∂E/∂s_k · h_k（乘积的平均）；教程却把平均值相乘。",
        ),
    )
    rows = []
    for name, ref in ex.parameters.items():
        g = float(getattr(grads.layers[ref.layer], ref.array)[ref.index])
        if ref.layer == 1:
            g_avg, new_avg = float(avg.grad_w[ref.index[0]]), float(avg.w_new[ref.index[0]])
        else:
            g_avg, new_avg = float(avg.grad_v[ref.index]), float(avg.v_new[ref.index])
        rows.append([name, ex.param(net, name), g, ex.param(hist.net, name), g_avg, new_avg])
    update = Section(
        "update",
        _B("Gradients and one update (η = 0.5)", "梯度与一次更新（η = 0.5）"),
        [
            _B("parameter", "参数"),
            _B("old", "旧值"),
            _B("∂E/∂ (chain rule)", "∂E/∂（链式法则）"),
            _B("new", "新值"),
            _B("∂E/∂ (tutorial: product of means)", "∂E/∂（教程：平均值相乘）"),
            _B("new (tutorial)", "新值（教程）"),
        ],
        rows,
        note=_B(
            "The tutorial prints v31 → 0.282 and v32 → 0.496, which its own product of means "
            "gives only with mean(x3) taken as 1 instead of 4/3: see the ledger.",
            "教程印出 v31 → 0.282、v32 → 0.496；用它自己“平均值相乘”的算法，只有把 mean(x3) "
            "取成 1（而不是 4/3）才能得到：见核对表（ledger）。",
        ),
    )
    after = Section(
        "after",
        _B("Loss after the update", "更新后的损失"),
        [_B("quantity", "量"), _B("value", "数值")],
        [
            [_B("E after the update (chain rule)", "更新后的 E（链式法则）"), float(hist.loss[1])],
            [
                _B("E after the update (product of means)", "更新后的 E（平均值相乘）"),
                avg.E_after,
            ],
            [
                _B("E at the tutorial's printed new weights", "在教程印出的新权重处的 E"),
                net_from_published_000().loss(ex.X, ex.Y, "mean"),
            ],
            [
                _B("E after the update, as printed", "教程印出的更新后 E"),
                ex.published_value("E_after").value,
            ],
        ],
        note=_B(
            "The printed E values do not follow from E = Σ(t − y)²/(2m): see the ledger.",
            "教程印出的 E 值与 E = Σ(t − y)²/(2m) 不符：见核对表（ledger）。",
        ),
    )
    return [forward, loss, factors, update, after]


def _ints(values):
    return [int(v) for v in values]


def _trace_001(ex):
    net = ex.network
    fw = net.forward(ex.X)
    Z, D0 = fw.layers[0].out, fw.output[:, 0]
    forward = Section(
        "forward",
        _B("Forward pass, all weights 1 (X0 = Z0 = 1)", "前向计算，所有权重为 1（X0 = Z0 = 1）"),
        [_B(c, c) for c in ("X1", "X2", "Z1", "Z2", "Z3", "D0", "XOR")],
        [[*_ints(ex.X[k]), *Z[k], D0[k], int(ex.Y[k, 0])] for k in range(4)],
        decimals=4,
    )
    f00, f01, f10, f11 = (float(v) for v in D0)
    linear = Section(
        "linear",
        _B(
            "The network is affine: D0 = c0 + c1·X1 + c2·X2",
            "网络是仿射函数：D0 = c0 + c1·X1 + c2·X2",
        ),
        [_B("quantity", "量"), _B("network", "网络"), _B("XOR needs", "异或需要")],
        [
            ["c0 = D0(0, 0)", f00, 0.0],
            ["c1 = D0(1, 0) − D0(0, 0)", f10 - f00, 1.0],
            ["c2 = D0(0, 1) − D0(0, 0)", f01 - f00, 1.0],
            ["D0(1, 1) − D0(1, 0) − D0(0, 1) + D0(0, 0)", f11 - f10 - f01 + f00, -2.0],
        ],
        decimals=4,
        note=_B(
            "With f(a) = a every unit is affine, so the last line is 0 for any weights; XOR "
            "needs −2. No training can fix that; sigmoid hidden units can.",
            "f(a) = a 时每个单元都是仿射的，所以最后一行对任何权重都为 0；异或需要 −2。"
            "再怎么训练也无法弥补；换成 sigmoid 隐藏层单元才行。",
        ),
    )
    # The post backpropagates the first sample only: one step on (0, 0) with ½(ŷ − y)².
    x, y = ex.X[:1], ex.Y[:1]
    tr = net.forward(x)
    grads = net.gradients(x, y, "sum")
    stepped = net.copy().step(grads, ex.eta, train_offsets=True)
    deltas = Section(
        "deltas",
        _B("Error terms δ for the sample (0, 0)", "样本 (0, 0) 的误差项 δ"),
        [_B("unit", "单元"), _B("z", "z"), _B("f'(z)", "f'(z)"), _B("δ = ∂E/∂z", "δ = ∂E/∂z")],
        [["D0", float(tr.output[0, 0]), 1.0, float(grads.layers[1].delta[0, 0])]]
        + [
            [f"Z{h + 1}", float(tr.layers[0].out[0, h]), 1.0, float(grads.layers[0].delta[0, h])]
            for h in range(3)
        ],
        decimals=4,
        note=_B(
            "δ_D0 = ŷ − y for ½(ŷ − y)²; δ_Zh = f'(z)·w·δ_D0 (the post's delta rule).",
            "对 ½(ŷ − y)²，δ_D0 = ŷ − y；δ_Zh = f'(z)·w·δ_D0（原文的 delta 规则）。",
        ),
    )
    rows = []
    for name, ref in ex.parameters.items():
        g = float(getattr(grads.layers[ref.layer], ref.array)[ref.index])
        rows.append([name, ex.param(net, name), g, ex.param(stepped, name)])
    update = Section(
        "update",
        _B("Update w ← w − α·z·δ (α = 0.1)", "更新 w ← w − α·z·δ（α = 0.1）"),
        [_B("link", "连接"), _B("old", "旧值"), _B("z·δ", "z·δ"), _B("new", "新值")],
        rows,
        decimals=4,
    )
    hist = ex.train(epochs=500)
    trained = Section(
        "trained",
        _B("After 500 epochs of batch gradient descent", "批量梯度下降 500 轮之后"),
        [_B("X1", "X1"), _B("X2", "X2"), _B("D0", "D0"), _B("XOR", "XOR")],
        [
            [*_ints(ex.X[k]), float(v), int(ex.Y[k, 0])]
            for k, v in enumerate(hist.net.predict(ex.X)[:, 0])
        ],
        decimals=4,
        note=_B(
            f"Loss {hist.loss[0]:.4g} → {hist.loss[-1]:.4g}: the best affine fit answers 0.5 "
            f"everywhere.",
            f"损失 {hist.loss[0]:.4g} → {hist.loss[-1]:.4g}：最好的仿射拟合处处输出 0.5。",
        ),
    )
    return [forward, linear, deltas, update, trained]


def _trace_perceptron(ex):
    from .perceptron import train_perceptron

    h = train_perceptron(
        ex.X,
        ex.Y,
        eta=ex.eta,
        w=ex.settings["w"],
        theta=ex.settings["theta"],
        mode=ex.mode,
        max_epochs=ex.settings["max_epochs"],
    )
    epochs = Section(
        "epochs",
        _B(
            "Weights after each epoch (w̃ ← w̃ + η(y − ŷ)x̃, η = 0.5)",
            "每轮之后的权重（w̃ ← w̃ + η(y − ŷ)x̃，η = 0.5）",
        ),
        [
            _B("epoch", "轮次"),
            _B("w1", "w1"),
            _B("w2", "w2"),
            _B("θ", "θ"),
            _B("mistakes", "错误数"),
        ],
        [
            [k, h.w[k, 0], h.w[k, 1], h.theta[k], int(h.mistakes[k])]
            for k in range(h.epochs_run + 1)
        ],
        decimals=2,
        note=_B(
            "Epoch 0 is the start; its mistakes are those of the initial weights. Training "
            "stops after the first epoch without a mistake.",
            "第 0 轮为初值，其错误数是初始权重的错误数。第一次出现无错误的一轮后停止训练。",
        ),
    )
    final = Section(
        "final",
        _B("The learned AND", "学到的逻辑与"),
        [
            _B("x1", "x1"),
            _B("x2", "x2"),
            _B("w1·x1 + w2·x2 − θ", "w1·x1 + w2·x2 − θ"),
            _B("ŷ", "ŷ"),
            _B("y", "y"),
        ],
        [
            [*_ints(ex.X[k]), float(ex.X[k] @ h.w[-1] - h.theta[-1]), int(p), int(ex.Y[k])]
            for k, p in enumerate(h.predict(ex.X))
        ],
        decimals=2,
    )
    return [epochs, final]


def _trace_222(ex):
    net = ex.network
    tr = net.forward(ex.X)
    Y = ex.Y
    L0, L1 = tr.layers
    out = tr.output
    forward = Section(
        "forward",
        _B("Forward pass", "前向计算"),
        [_B("quantity", "量"), _B("value", "数值")],
        [
            ["net_h1", L0.z[0, 0]],
            ["out_h1", L0.out[0, 0]],
            ["net_h2", L0.z[0, 1]],
            ["out_h2", L0.out[0, 1]],
            ["net_o1", L1.z[0, 0]],
            ["out_o1", out[0, 0]],
            ["net_o2", L1.z[0, 1]],
            ["out_o2", out[0, 1]],
        ],
        decimals=9,
        note=_B(
            "net includes the bias: net_h1 = w1·i1 + w2·i2 + b1.",
            "net 含偏置：net_h1 = w1·i1 + w2·i2 + b1。",
        ),
    )
    loss = Section(
        "loss",
        _B("Error", "误差"),
        [_B("quantity", "量"), _B("value", "数值")],
        [
            ["E_o1", half_sse(out[:, :1], Y[:, :1], "sum")],
            ["E_o2", half_sse(out[:, 1:], Y[:, 1:], "sum")],
            ["E_total", half_sse(out, Y, "sum")],
        ],
        decimals=9,
    )
    grads = net.gradients(ex.X, Y, "sum")
    dE_dout = half_sse_grad(out, Y, "sum")[0]
    dout_dnet = ACTIVATIONS["sigmoid"].grad(out)[0]
    new = net.copy().step(grads, ex.eta, train_offsets=ex.train_offsets)
    rows = []
    for name, (h, j) in (("w5", (0, 0)), ("w6", (1, 0)), ("w7", (0, 1)), ("w8", (1, 1))):
        rows.append(
            [
                name,
                dE_dout[j],
                dout_dnet[j],
                L0.out[0, h],
                float(grads.layers[1].W[h, j]),
                ex.param(net, name),
                ex.param(new, name),
            ]
        )
    output_layer = Section(
        "output",
        _B(
            "Output layer: ∂E/∂w = ∂E/∂out_o · ∂out_o/∂net_o · ∂net_o/∂w",
            "输出层：∂E/∂w = ∂E/∂out_o · ∂out_o/∂net_o · ∂net_o/∂w",
        ),
        [
            _B("weight", "权重"),
            _B("∂E/∂out_o", "∂E/∂out_o"),
            _B("∂out_o/∂net_o", "∂out_o/∂net_o"),
            _B("∂net_o/∂w = out_h", "∂net_o/∂w = out_h"),
            _B("∂E/∂w", "∂E/∂w"),
            _B("old", "旧值"),
            _B("new", "新值"),
        ],
        rows,
        decimals=9,
    )
    # ∂E/∂out_h through each output separately: w1 feeds both outputs (tutorial 003).
    d_o = half_sse_grad(out, Y, "sum")
    parts = []
    for j in range(2):
        only_j = np.zeros_like(d_o)
        only_j[:, j] = d_o[:, j]
        _, d_hidden = net.layers[1].backward(L1, only_j)
        parts.append(d_hidden[0])
    dout_dnet_h = ACTIVATIONS["sigmoid"].grad(L0.out)[0]
    rows = []
    for name, (i, h) in (("w1", (0, 0)), ("w2", (1, 0)), ("w3", (0, 1)), ("w4", (1, 1))):
        rows.append(
            [
                name,
                parts[0][h],
                parts[1][h],
                parts[0][h] + parts[1][h],
                dout_dnet_h[h],
                ex.X[0, i],
                float(grads.layers[0].W[i, h]),
                ex.param(net, name),
                ex.param(new, name),
            ]
        )
    hidden = Section(
        "hidden",
        _B(
            "Hidden layer: ∂E/∂out_h collects both outputs' errors",
            "隐藏层：∂E/∂out_h 汇集两个输出的误差",
        ),
        [
            _B("weight", "权重"),
            _B("∂E_o1/∂out_h", "∂E_o1/∂out_h"),
            _B("∂E_o2/∂out_h", "∂E_o2/∂out_h"),
            _B("∂E/∂out_h", "∂E/∂out_h"),
            _B("∂out_h/∂net_h", "∂out_h/∂net_h"),
            _B("∂net_h/∂w = i", "∂net_h/∂w = i"),
            _B("∂E/∂w", "∂E/∂w"),
            _B("old", "旧值"),
            _B("new", "新值"),
        ],
        rows,
        decimals=9,
        note=_B(
            "The hidden weights use the old w5..w8: every gradient is taken before any update.",
            "隐藏层权重的梯度使用旧的 w5..w8：所有梯度都在任何更新之前求出。",
        ),
    )
    rows = []
    for name in ("b1[h1]", "b1[h2]", "b2[o1]", "b2[o2]"):
        ref = ex.parameters[name]
        g = float(getattr(grads.layers[ref.layer], ref.array)[ref.index])
        rows.append([name, g, ex.param(net, name), ex.param(new, name)])
    biases = Section(
        "biases",
        _B(
            "Biases (trained)"
            if ex.train_offsets
            else "Biases (frozen: gradient shown, not applied)",
            "偏置（参与训练）" if ex.train_offsets else "偏置（不训练：只显示梯度，不更新）",
        ),
        [_B("bias", "偏置"), _B("∂E/∂b", "∂E/∂b"), _B("old", "旧值"), _B("new", "新值")],
        rows,
        decimals=9,
    )
    after = Section(
        "after",
        _B("Error after the update", "更新后的误差"),
        [_B("quantity", "量"), _B("value", "数值")],
        [["E_total", new.loss(ex.X, Y, "sum")]],
        decimals=9,
    )
    return [forward, loss, output_layer, hidden, biases, after]


def _trace_textbook(ex):
    tn = ex.network
    x, y = ex.X[0], ex.Y[0]
    fw = tn.forward(x)
    gr = tn.gradients(x, y)
    up = tn.updates(x, y, ex.eta)
    forward = Section(
        "forward",
        _B("Forward pass (eq. 5.3)", "前向计算（式 5.3）"),
        [_B("quantity", "量"), _B("value", "数值")],
        [[f"α_{h + 1}", fw.alpha[h]] for h in range(2)]
        + [[f"b_{h + 1} = f(α_{h + 1} − γ_{h + 1})", fw.b[h]] for h in range(2)]
        + [[f"β_{j + 1}", fw.beta[j]] for j in range(2)]
        + [[f"ŷ_{j + 1} = f(β_{j + 1} − θ_{j + 1})", fw.y_hat[j]] for j in range(2)]
        + [["E_k = ½ Σ_j (ŷ_j − y_j)²", half_sse(fw.y_hat, y, "sum")]],
        decimals=9,
    )
    backward = Section(
        "backward",
        _B("g and e (eqs. 5.10, 5.15)", "g 与 e（式 5.10、5.15）"),
        [_B("quantity", "量"), _B("value", "数值")],
        [[f"g_{j + 1} = ŷ(1 − ŷ)(y − ŷ)", gr.g[j]] for j in range(2)]
        + [[f"e_{h + 1} = b(1 − b) Σ_j w_{h + 1}j g_j", gr.e[h]] for h in range(2)],
        decimals=9,
    )
    # Oracle: −η × central differences of E_k, parameter by parameter.
    network = tn.network
    numeric = numeric_gradient(
        lambda p: network.with_flat(p).loss(ex.X, ex.Y, "sum"), network.flat()
    )
    numeric_of = {}
    k = 0
    for li, layer in enumerate(network.layers):
        for idx in np.ndindex(layer.W.shape):
            numeric_of[(li, "W", idx)] = numeric[k]
            k += 1
        for j in range(layer.offset.size):
            numeric_of[(li, "offset", (j,))] = numeric[k]
            k += 1
    deltas = {"v": up.v, "gamma": up.gamma, "w": up.w, "theta": up.theta}
    formulas = {
        "v": "Δv_ih = η e_h x_i",
        "gamma": "Δγ_h = −η e_h",
        "w": "Δw_hj = η g_j b_h",
        "theta": "Δθ_j = −η g_j",
    }
    rows = []
    for name, ref in ex.parameters.items():
        sym = name.rstrip("0123456789")
        delta = float(deltas[sym][ref.index])
        shown = {"v": "v", "gamma": "γ", "w": "w", "theta": "θ"}[sym] + "_" + name[len(sym) :]
        rows.append(
            [
                shown,
                formulas[sym],
                ex.param(tn, name),
                delta,
                -ex.eta * float(numeric_of[(ref.layer, ref.array, ref.index)]),
                ex.param(tn, name) + delta,
            ]
        )
    update = Section(
        "update",
        _B(
            "Updates (eqs. 5.11–5.14) and a central-difference check",
            "更新量（式 5.11–5.14）与中心差分校验",
        ),
        [
            _B("parameter", "参数"),
            _B("formula", "公式"),
            _B("old", "旧值"),
            _B("Δ", "Δ"),
            _B("−η·(central difference)", "−η·（中心差分）"),
            _B("new", "新值"),
        ],
        rows,
        decimals=9,
        note=_B(
            "θ = −0.60 and γ = −0.35 are the 2-2-2 biases written as thresholds; "
            "ŷ equals out_o1, out_o2 of t004_222_trained.",
            "θ = −0.60、γ = −0.35 是把 2-2-2 网络的偏置写成阈值；ŷ 与 t004_222_trained 的 "
            "out_o1、out_o2 相同。",
        ),
    )
    return [forward, backward, update]


def _trace_composite(ex):
    x, w, b = ex.settings["x"], ex.settings["w"], ex.settings["b"]
    # Forward through the elementary functions (Qiu's split): each row is one step.
    h1 = x * w
    h2 = h1 + b
    h3 = 0.0 - h2  # 0.0 − h2, not −h2: no "−0" when h2 = 0
    h4 = math.exp(h3)
    h5 = h4 + 1.0
    h6 = 1.0 / h5
    local = [x, 1.0, -1.0, h4, 1.0, -1.0 / h5**2]  # ∂h1/∂w, ∂h2/∂h1, …, ∂h6/∂h5
    # dfdh[k] = ∂f/∂h_(k+1): the product of the local derivatives after step k+1, read from f
    # backwards; the last is ∂f/∂h6 = ∂f/∂f = 1 (an empty product)
    dfdh = [float(np.prod(local[k + 1 :])) for k in range(6)]
    steps = [
        ("h1 = x·w", h1, Bi("∂h1/∂w = x", "∂h1/∂w = x"), "∂f/∂h1"),
        ("h2 = h1 + b", h2, Bi("∂h2/∂h1 = 1", "∂h2/∂h1 = 1"), "∂f/∂h2"),
        ("h3 = −h2", h3, Bi("∂h3/∂h2 = −1", "∂h3/∂h2 = −1"), "∂f/∂h3"),
        ("h4 = exp(h3)", h4, Bi("∂h4/∂h3 = exp(h3)", "∂h4/∂h3 = exp(h3)"), "∂f/∂h4"),
        ("h5 = h4 + 1", h5, Bi("∂h5/∂h4 = 1", "∂h5/∂h4 = 1"), "∂f/∂h5"),
        ("f = h6 = 1/h5", h6, Bi("∂h6/∂h5 = −1/h5²", "∂h6/∂h5 = −1/h5²"), "∂f/∂h6"),
    ]
    rows = [
        [text, value, label, local[k], name, dfdh[k]]
        for k, (text, value, label, name) in enumerate(steps)
    ]
    # the parameters: one more factor each, ∂h1/∂w = x and ∂h2/∂b = 1
    df_dw, df_db = dfdh[0] * local[0], dfdh[1] * 1.0
    elementary = Section(
        "elementary",
        _B(
            f"Elementary functions at x = {x:g}, w = {w:g}, b = {b:g}",
            f"初等函数分解，x = {x:g}、w = {w:g}、b = {b:g}",
        ),
        [
            _B("step", "步骤"),
            _B("value", "数值"),
            _B("local derivative", "局部导数"),
            _B("value", "数值"),
            _B("gradient of the step's output", "该步输出的梯度"),
            _B("value", "数值"),
        ],
        rows,
        decimals=4,
        note=_B(
            "∂f/∂hk multiplies the local derivatives from the output back to step k's output "
            "(∂f/∂h6 = 1, nothing to multiply); then ∂f/∂w = ∂f/∂h1 · ∂h1/∂w and "
            "∂f/∂b = ∂f/∂h2 · ∂h2/∂b with ∂h2/∂b = 1.",
            "∂f/∂hk把从输出往回到第k步输出的局部导数相乘（∂f/∂h6 = 1，没有因子可乘）；"
            "再由∂f/∂w = ∂f/∂h1 · ∂h1/∂w、∂f/∂b = ∂f/∂h2 · ∂h2/∂b（∂h2/∂b = 1）得到参数的梯度。",
        ),
    )
    found = _findings_composite(ex)
    engine = Section(
        "engine",
        _B("The same derivatives from the engine's backward pass", "引擎反向传播得到的同样的导数"),
        [_B("quantity", "量"), _B("elementary chain", "初等函数连乘"), _B("engine", "引擎")],
        [
            ["∂f/∂w", df_dw, found["df_dw"].value],
            ["∂f/∂b", df_db, found["df_db"].value],
        ],
        decimals=4,
        note=_B(
            "σ'(z) = σ(z)(1 − σ(z)) = 0.5 × 0.5 at z = 0.",
            "z = 0 处 σ'(z) = σ(z)(1 − σ(z)) = 0.5 × 0.5。",
        ),
    )
    return [elementary, engine]


def _trace_epochs(ex):
    s = schedule(**ex.settings)
    table = Section(
        "schedule",
        _B("Epochs, batches and iterations", "轮次、批次与迭代"),
        [_B("quantity", "量"), _B("value", "数值")],
        [
            [_B("samples N", "样本数 N"), s.n_samples],
            [_B("batch size B", "批量大小 B"), s.batch_size],
            [_B("batches per epoch ⌈N/B⌉", "每轮批次数 ⌈N/B⌉"), s.iterations_per_epoch],
            [_B("size of the last batch", "最后一批的大小"), s.last_batch_size],
            [_B("iterations per epoch", "每轮迭代次数"), s.iterations_per_epoch],
            [_B("epochs", "轮数"), s.epochs],
            [_B("iterations in all", "总迭代次数"), s.total_iterations],
        ],
        decimals=0,
    )
    return [table]


_TRACES = {
    "t000_batch_321": _trace_000,
    "t001_xor": _trace_001,
    "t002_perceptron_and": _trace_perceptron,
    "t002_textbook": _trace_textbook,
    "t004_222_frozen": _trace_222,
    "t004_222_trained": _trace_222,
    "t004_composite": _trace_composite,
    "t004_epochs": _trace_epochs,
}


def trace(name):
    """One step of example `name`, as tables with the tutorial's own names.

    Parameters
    ----------
    name : str
        An example name (see :func:`names`).

    Returns
    -------
    StepTrace
        ``sections`` in order (forward values, gradients, updates, …); render them with
        ``python -m bpcore trace NAME`` or read ``trace.to_dict("zh")``.

    Examples
    --------
    >>> t = trace("t004_222_frozen")
    >>> [s.key for s in t.sections]
    ['forward', 'loss', 'output', 'hidden', 'biases', 'after']
    >>> t.section("output").rows[0][0], round(t.section("output").rows[0][-1], 8)
    ('w5', 0.35891648)
    """
    ex = get(name)
    return StepTrace(ex.name, ex.title, _TRACES[ex.name](ex))
