"""Tutorial 001: XOR with identity activations; findings and trace."""

import numpy as np

from ..losses import half_sse
from ..network import Layer, Network
from ..notation import minus
from .ledger import _FORWARD
from .ledger import Finding as _Finding
from .model import FINDINGS, STEPS, Alias, Bi, Example, ParamRef, _ro
from .model import pub as _pub
from .model import register as _register
from .text import reason
from .trace import Section

_B = Bi  # short alias for the many headers below


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


_minus = minus  # the typographic minus sign, bpcore.notation


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
            reason=reason("001.cost_00", y_hat=y_hat, one_minus=_minus(1 - y_hat), half=half, y=y),
        ),
    }


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


FINDINGS["t001_xor"] = _findings_001
STEPS["t001_xor"] = _trace_001
