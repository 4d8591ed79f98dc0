"""Tutorials 003/004: the 2-2-2 network, biases frozen or trained; findings and trace."""

import numpy as np

from ..activations import ACTIVATIONS
from ..losses import half_sse, half_sse_grad
from ..network import Layer, Network
from .ledger import _FORWARD
from .ledger import Finding as _Finding
from .mazur import MAZUR_POST, _findings_mazur
from .model import FINDINGS, STEPS, Alias, Bi, Example, ParamRef, _ro
from .model import pub as _pub
from .model import register as _register
from .trace import Section

_B = Bi  # short alias for the many headers below

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


for _name in ("t004_222_frozen", "t004_222_trained"):
    FINDINGS[_name] = _findings_222
    STEPS[_name] = _trace_222
