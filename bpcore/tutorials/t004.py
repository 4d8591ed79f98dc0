"""Tutorial 004: the chain rule on a composite function, and the epoch arithmetic.

The two examples, their findings and their traces.
"""

import math

import numpy as np

from ..network import Layer, Network
from ..train import schedule
from .ledger import Finding as _Finding
from .model import FINDINGS, STEPS, Alias, Bi, Example, ParamRef, _ro
from .model import pub as _pub
from .model import register as _register
from .trace import Section

_B = Bi  # short alias for the many headers below


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


FINDINGS["t004_composite"] = _findings_composite
FINDINGS["t004_epochs"] = _findings_epochs
STEPS["t004_composite"] = _trace_composite
STEPS["t004_epochs"] = _trace_epochs
