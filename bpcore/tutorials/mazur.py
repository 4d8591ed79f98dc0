"""Mazur's after-update figures (tutorials 003/004).

The post's first code took e_h from the already updated w5..w8; this module reproduces that.
"""

import functools

import numpy as np

from .. import _validate as check
from .ledger import Finding as _Finding
from .model import Bi, get
from .text import reason

_B = Bi  # short alias for the many headers below


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
    fix = reason("mazur.fix", code=MAZUR_POST["code"], commit=MAZUR_POST["fix"])

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
            reason=reason("mazur.E_after_1", post=post, stated=g["e1"], slip=g["e1s"], fix=fix),
        ),
        "E_after_10000": _Finding(
            float(loss[n]),
            alternative=float(loss[n - 1]),
            alternative_label=Bi("the stated method after 9,999 rounds", "所述方法训练 9,999 轮后"),
            method=stated,
            reason=reason(
                "mazur.E_after_10000",
                stated=e_n,
                one_short=e_n1,
                slip=e_ns,
                from_outputs=from_outputs,
            ),
        ),
        "out_o1_10000": _Finding(
            float(out[0]),
            alternative=float(slip_out[0]),
            alternative_label=slip_label,
            method=stated,
            reason=reason("mazur.out_o1_10000", stated=o1, slip=o1s, fix=fix),
        ),
        "out_o2_10000": _Finding(
            float(out[1]),
            alternative=float(slip_out[1]),
            alternative_label=slip_label,
            method=stated,
            reason=reason("mazur.out_o2_10000", stated=o2, slip=o2s),
        ),
    }
