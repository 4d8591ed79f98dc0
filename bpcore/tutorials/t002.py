"""Tutorial 002: the perceptron on AND and the textbook's net with thresholds; traces."""

import numpy as np

from ..gradcheck import numeric_gradient
from ..losses import half_sse
from ..network import TextbookNet
from .model import STEPS, Alias, Bi, Example, ParamRef, _ro
from .model import register as _register
from .t001 import _ints
from .t222 import _W1_222, _W2_222
from .trace import Section

_B = Bi  # short alias for the many headers below

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


def _trace_perceptron(ex):
    from ..perceptron import train_perceptron

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


STEPS["t002_perceptron_and"] = _trace_perceptron
STEPS["t002_textbook"] = _trace_textbook
