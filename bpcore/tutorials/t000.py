"""Tutorial 000: the 3-2-1 network by batch gradient descent.

Its example, its own separately averaged factors, its findings and its trace.
"""

import math
from dataclasses import dataclass

import numpy as np

from ..activations import ACTIVATIONS
from ..losses import half_sse_grad
from ..network import Layer, Network
from .ledger import _FORWARD
from .ledger import Finding as _Finding
from .model import EXAMPLES, FINDINGS, STEPS, Alias, Bi, Example, ParamRef, _ro
from .model import pub as _pub
from .model import register as _register
from .text import reason
from .trace import Section

_B = Bi  # short alias for the many headers below

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
        reason=reason(
            "000.E",
            d0=abs(d[0]),
            d1=abs(d[1]),
            d2=abs(d[2]),
            sumsq=sumsq,
            E=E,
            published=ex.published_value("E").text,
            mean=sumsq / 3,
            half=sumsq / 2,
            rms=math.sqrt(sumsq / 3),
            ratio=ratio,
            lo=lo,
            hi=hi,
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
        reason=reason(
            "000.dE_dw1",
            dE_dy=avg.dE_dy,
            dy_ds=avg.dy_ds,
            ds_dw1=avg.ds_dw[0],
            averaged=avg.grad_w[0],
            grad=g_w1,
        ),
    )
    g_v11 = float(grads.layers[0].W[0, 0])
    out["dE_dv11"] = _Finding(
        g_v11,
        method=chain,
        alternative=float(avg.grad_v[0, 0]),
        alternative_label=averaged,
        reason=reason(
            "000.dE_dv11", dE_dy=avg.dE_dy, dy_ds=avg.dy_ds, averaged=avg.grad_v[0, 0], grad=g_v11
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
                reason=reason(
                    "000.v3j_new",
                    printed=printed,
                    old=old,
                    g=g,
                    rec=rec,
                    alt_g=alt_g,
                    alt=alt,
                    alt_slip=alt_slip,
                ),
            )
            continue
        out[f"{name}_new"] = _Finding(
            rec,
            method=update,
            alternative=alt,
            alternative_label=averaged,
            reason=reason(
                "000.w_new", printed=printed, old=old, alt_g=alt_g, alt=alt, g=g, rec=rec
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
        reason=reason(
            "000.E_after",
            E_after=E_after,
            E_pub_after=E_pub_after,
            ratio_after=ratio_after,
            lo=lo,
            hi=hi,
            ratio=ratio,
            drop_published=1 - p["E_after"] / p["E"],
            drop=1 - E_after / E,
        ),
    )
    return out


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


FINDINGS["t000_batch_321"] = _findings_000
STEPS["t000_batch_321"] = _trace_000
