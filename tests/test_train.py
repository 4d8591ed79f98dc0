"""Training modes, histories, divergence and the epoch arithmetic, checked against
hand-rolled loops over the textbook's own update equations."""

import numpy as np
import pytest

import bpcore
from bpcore import DivergenceError, Network, TextbookNet

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def textbook(seed=0, d=2, q=3, l=1):
    rng = np.random.default_rng(seed)
    return TextbookNet(
        rng.normal(size=(d, q)), rng.normal(size=q), rng.normal(size=(q, l)), rng.normal(size=l)
    )


def assert_same_params(a, b, **kw):
    np.testing.assert_allclose(a.network.flat(), b.network.flat(), **kw)


def test_schedule_of_tutorial_004():
    assert bpcore.iterations_per_epoch(50_000, 256) == 196
    s = bpcore.schedule(50_000, 256, epochs=10)
    assert (s.iterations_per_epoch, s.total_iterations) == (196, 1960)
    assert s.last_batch_size == 50_000 - 195 * 256
    assert bpcore.schedule(10, 5).last_batch_size == 5


def test_standard_bp_is_one_textbook_update_per_sample():
    net, eta = textbook(1), 0.7
    h = bpcore.train(net, XOR_X, XOR_Y, eta=eta, epochs=3, mode="standard")
    manual = net
    for _ in range(3):
        for x, y in zip(XOR_X, XOR_Y):
            manual = manual.updated(x, y, eta)
    assert isinstance(h.net, TextbookNet)
    assert_same_params(h.net, manual, rtol=1e-12)
    assert len(h.iteration_loss) == 12 and len(h.loss) == 4


def test_accumulated_bp_is_one_mean_update_per_epoch():
    net, eta = textbook(2), 1.5
    h = bpcore.train(net, XOR_X, XOR_Y, eta=eta, epochs=5, mode="accumulated")
    manual = net
    losses = [manual.network.loss(XOR_X, XOR_Y)]
    for _ in range(5):
        manual = manual.updated(XOR_X, XOR_Y, eta)
        losses.append(manual.network.loss(XOR_X, XOR_Y))
    assert_same_params(h.net, manual, rtol=1e-12)
    np.testing.assert_allclose(h.loss, losses, rtol=1e-12)
    # full batch: the loss of iteration k+1 (before its update) is the loss after epoch k
    np.testing.assert_allclose(h.iteration_loss, h.loss[:-1], rtol=1e-12)


def test_minibatch_has_an_honest_partial_last_batch():
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(7, 2)), rng.uniform(size=(7, 1))
    net, eta = textbook(3), 0.4
    h = bpcore.train(net, X, Y, eta=eta, epochs=2, mode="minibatch", batch_size=3)
    assert len(h.iteration_loss) == 2 * 3  # ⌈7/3⌉ = 3 iterations per epoch
    manual = net
    for _ in range(2):
        for s in (0, 3, 6):  # batches of 3, 3 and the 1 sample left
            manual = manual.updated(X[s : s + 3], Y[s : s + 3], eta)
    assert_same_params(h.net, manual, rtol=1e-12)


def test_sum_reduction_is_m_times_the_mean_gradient():
    net = Network.from_sizes((2, 3, 1), rng=5)
    mean_run = bpcore.train(net, XOR_X, XOR_Y, eta=0.8, epochs=4, reduction="mean")
    sum_run = bpcore.train(net, XOR_X, XOR_Y, eta=0.2, epochs=4, reduction="sum")
    np.testing.assert_allclose(mean_run.net.flat(), sum_run.net.flat(), rtol=1e-12)
    np.testing.assert_allclose(sum_run.loss, 4 * mean_run.loss, rtol=1e-12)


def test_frozen_offsets_stay_put_and_weights_move():
    net = Network.from_sizes((2, 2, 2), rng=6)
    h = bpcore.train(
        net, XOR_X, np.hstack([XOR_Y, 1 - XOR_Y]), eta=0.5, epochs=10, train_offsets=False
    )
    for before, after in zip(net.layers, h.net.layers):
        np.testing.assert_array_equal(before.offset, after.offset)
        assert not np.allclose(before.W, after.W)


def test_input_network_is_never_modified():
    net = Network.from_sizes((2, 3, 1), rng=7)
    before = net.flat().copy()
    bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=20, mode="standard")
    np.testing.assert_array_equal(net.flat(), before)


def test_full_batch_default_path_is_the_hand_written_loop_bit_for_bit():
    # The NumPy path reuses each epoch's forward pass and its loss for the next update; a
    # hand-written loop over the public passes (forward, backward, θ ← θ − η ∂E/∂θ, eq. 5.6)
    # that computes everything afresh gives the same numbers exactly.
    from bpcore.network import batch_backward, batch_forward

    rng = np.random.default_rng(13)
    X = rng.uniform(-1, 1, size=(200, 2))
    Y = (np.sum(X * X, axis=1) < 0.49).astype(float)[:, None]
    net = Network.from_sizes((2, 16, 1), rng=2)
    before = net.flat().copy()
    h = bpcore.train(net, X, Y, eta=0.5, epochs=30, fast=False)
    ref, losses = net.copy(), []
    for _ in range(30):
        g = batch_backward(ref, batch_forward(ref, X), Y)
        losses.append(g.loss)
        ref.step(g, 0.5)
    losses.append(ref.loss(X, Y))
    np.testing.assert_array_equal(h.loss, losses)
    np.testing.assert_array_equal(h.iteration_loss, losses[:-1])  # the loss before each update
    np.testing.assert_array_equal(h.net.flat(), ref.flat())
    np.testing.assert_array_equal(net.flat(), before)  # the network passed in is untouched
    assert h.net is not net


def test_divergence_in_the_first_epoch_returns_a_copy():
    net = Network.from_sizes((2, 3, 1), rng=0)
    before = net.flat().copy()
    h = bpcore.train(net, XOR_X, XOR_Y * 1e200, eta=1e200, epochs=3, on_divergence="stop")
    assert h.diverged_at == 1 and h.net is not net
    np.testing.assert_array_equal(h.net.flat(), before)
    h.net.layers[0].W[0, 0] = 42.0  # the history's network shares no array with the input
    np.testing.assert_array_equal(net.flat(), before)


def test_sigmoid_hidden_units_learn_xor():
    h = bpcore.train(Network.from_sizes((2, 3, 1), rng=1), XOR_X, XOR_Y, eta=2.0, epochs=3000)
    pred = h.net.predict(XOR_X).ravel()
    np.testing.assert_array_equal(pred > 0.5, XOR_Y.ravel() > 0.5)
    assert np.all(np.diff(h.loss) <= 1e-12) or h.loss[-1] < 0.01


def test_shuffle_is_seeded():
    net = Network.from_sizes((2, 3, 1), rng=8)
    a = bpcore.train(net, XOR_X, XOR_Y, eta=0.5, epochs=5, mode="standard", shuffle=True, rng=123)
    b = bpcore.train(net, XOR_X, XOR_Y, eta=0.5, epochs=5, mode="standard", shuffle=True, rng=123)
    c = bpcore.train(net, XOR_X, XOR_Y, eta=0.5, epochs=5, mode="standard", shuffle=True, rng=124)
    np.testing.assert_array_equal(a.iteration_loss, b.iteration_loss)
    assert not np.array_equal(a.iteration_loss, c.iteration_loss)


def test_callback_sees_each_epoch_and_can_stop():
    seen = []

    def cb(epoch, history, net):
        seen.append(
            (
                epoch,
                history.epochs_run,
                round(history.loss[-1], 12),
                round(net.loss(XOR_X, XOR_Y), 12),
            )
        )
        return epoch < 3

    h = bpcore.train(
        Network.from_sizes((2, 3, 1), rng=9), XOR_X, XOR_Y, eta=1.0, epochs=10, callback=cb
    )
    assert [s[0] for s in seen] == [1, 2, 3] and [s[1] for s in seen] == [1, 2, 3]
    assert all(s[2] == s[3] for s in seen)
    assert h.stopped_at == 3 and h.epochs_run == 3


def test_snapshots():
    net = Network.from_sizes((2, 3, 1), rng=10)
    h = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=7, snapshot_every=3)
    assert h.snapshot_epochs == [0, 3, 6, 7]
    np.testing.assert_array_equal(h.snapshot(0).flat(), net.flat())
    np.testing.assert_array_equal(h.snapshot(7).flat(), h.net.flat())
    again = bpcore.train(net, XOR_X, XOR_Y, eta=1.0, epochs=3)
    np.testing.assert_allclose(h.snapshot(3).flat(), again.net.flat(), rtol=1e-14)
    with pytest.raises(ValueError, match="snapshot"):
        h.snapshot(4)


def diverging_setup():
    # identity activations: the net is linear and a large η makes every step overshoot more
    net = Network.from_sizes((2, 3, 1), activation="identity", rng=11)
    return net, XOR_X, XOR_Y


def test_divergence_raises_with_the_epoch_and_keeps_the_history():
    net, X, Y = diverging_setup()
    with pytest.raises(DivergenceError) as info:
        bpcore.train(net, X, Y, eta=50.0, epochs=500)
    err = info.value
    assert 1 <= err.epoch < 500
    assert f"epoch {err.epoch}" in str(err) and f"第 {err.epoch} 轮" in str(err)
    h = err.history
    assert h.diverged_at == err.epoch and h.epochs_run == err.epoch - 1
    assert np.all(np.isfinite(h.loss)) and np.all(np.isfinite(h.net.flat()))


def test_divergence_can_return_instead_of_raising():
    net, X, Y = diverging_setup()
    h = bpcore.train(net, X, Y, eta=50.0, epochs=500, on_divergence="stop")
    assert h.diverged_at is not None and np.all(np.isfinite(h.loss))
    assert len(h.iteration_loss) == h.epochs_run  # full batch: one iteration per finished epoch


def test_no_divergence_with_a_small_rate():
    net, X, Y = diverging_setup()
    h = bpcore.train(net, X, Y, eta=0.05, epochs=200)
    assert h.diverged_at is None and h.loss[-1] < h.loss[0]


FAST_CASES = [
    dict(mode="accumulated"),
    dict(mode="standard"),
    dict(mode="minibatch", batch_size=3),
    dict(mode="standard", shuffle=True, rng=5),
    dict(mode="accumulated", train_offsets=False, reduction="sum"),
    dict(mode="minibatch", batch_size=2, snapshot_every=7),
]


@pytest.mark.parametrize(
    "kw", FAST_CASES, ids=lambda kw: "-".join(f"{k}={v}" for k, v in kw.items())
)
@pytest.mark.parametrize("offset_kind", ["bias", "threshold"])
def test_fast_path_equals_numpy_path(kw, offset_kind):
    net = Network.from_sizes((2, 3, 1), offset_kind=offset_kind, rng=13)
    a = bpcore.train(net, XOR_X, XOR_Y, eta=1.5, epochs=40, **kw)
    b = bpcore.train(net, XOR_X, XOR_Y, eta=1.5, epochs=40, fast=True, **kw)
    np.testing.assert_allclose(b.loss, a.loss, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(b.iteration_loss, a.iteration_loss, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(b.net.flat(), a.net.flat(), rtol=1e-12, atol=1e-15)
    assert a.snapshot_epochs == b.snapshot_epochs


def test_fast_path_reports_divergence_like_the_numpy_path():
    net, X, Y = diverging_setup()
    a = bpcore.train(net, X, Y, eta=50.0, epochs=500, on_divergence="stop")
    b = bpcore.train(net, X, Y, eta=50.0, epochs=500, on_divergence="stop", fast=True)
    assert a.diverged_at == b.diverged_at
    np.testing.assert_allclose(b.net.flat(), a.net.flat(), rtol=1e-12)
    with pytest.raises(DivergenceError):
        bpcore.train(net, X, Y, eta=50.0, epochs=500, fast=True)


def test_fast_path_with_a_callback():
    epochs = []
    h = bpcore.train(
        Network.from_sizes((2, 3, 1), rng=14),
        XOR_X,
        XOR_Y,
        eta=1.0,
        epochs=10,
        fast=True,
        callback=lambda e, hist, net: epochs.append(e) or e < 4,
    )
    assert epochs == [1, 2, 3, 4] and h.stopped_at == 4 and h.epochs_run == 4


@pytest.mark.parametrize("fast", [False, True])
def test_callback_every_k_epochs_and_the_last(fast):
    seen = []
    h = bpcore.train(
        Network.from_sizes((2, 3, 1), rng=15),
        XOR_X,
        XOR_Y,
        eta=1.0,
        epochs=25,
        fast=fast,
        callback=lambda e, hist, net: seen.append((e, hist.epochs_run)),
        callback_every=10,
    )
    assert seen == [(10, 10), (20, 20), (25, 25)]
    ref = bpcore.train(Network.from_sizes((2, 3, 1), rng=15), XOR_X, XOR_Y, eta=1.0, epochs=25)
    np.testing.assert_allclose(h.loss, ref.loss, rtol=1e-12)


# --- fast="auto", the default: which path, and the same numbers either way -------------


def test_default_is_auto_and_equals_the_numpy_path():
    """The default (fast="auto") takes the compiled step on XOR 2-3-1 for a long run, and
    its history equals the NumPy path's to 1e-12 (losses) and 1e-10 (parameters)."""
    pytest.importorskip("sympy")
    net = Network.from_sizes((2, 3, 1), rng=4)
    for kw in (dict(mode="accumulated"), dict(mode="standard", epochs=1500)):
        kw = {"eta": 1.0, "epochs": 6000, **kw}
        default = bpcore.train(net, XOR_X, XOR_Y, **kw)
        numpy_path = bpcore.train(net, XOR_X, XOR_Y, fast=False, **kw)
        assert default.settings["fast"] is True and numpy_path.settings["fast"] is False
        np.testing.assert_allclose(default.loss, numpy_path.loss, rtol=0, atol=1e-12)
        np.testing.assert_allclose(
            default.iteration_loss, numpy_path.iteration_loss, rtol=0, atol=1e-12
        )
        np.testing.assert_allclose(default.net.flat(), numpy_path.net.flat(), rtol=0, atol=1e-10)


@pytest.mark.parametrize(
    ("cost", "iterations", "compiled"),
    [
        ("derivation", 4_999, False),
        ("derivation", 5_000, True),
        ("runner", 499, False),
        ("runner", 500, True),
        ("none", 1, True),
    ],
)
def test_auto_repays_only_what_is_still_to_build(monkeypatch, cost, iterations, compiled):
    """The iterations the rule asks for depend on what building still costs (SymPy's
    derivation, or only a runner's source): train.AUTO_MIN_ITERATIONS."""
    pytest.importorskip("sympy")
    import importlib

    train_module = importlib.import_module("bpcore.train")  # bpcore.train is the function
    import bpcore.fastpath as fastpath

    monkeypatch.setattr(fastpath, "build_cost", lambda *a, **k: cost)
    net = Network.from_sizes((2, 3, 1), rng=4)
    assert train_module._choose_fast("auto", net, 4, 4, iterations) is compiled


def test_auto_takes_numpy_for_big_work_decay_and_other_losses():
    pytest.importorskip("sympy")
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(40, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(float)
    net = Network.from_sizes((2, 16, 1), rng=2)  # 65 parameters × 40 samples > 512
    assert bpcore.train(net, X, Y, eta=0.5, epochs=3).settings["fast"] is False
    # 65 × 4 = 260 ≤ 512 with mini-batches of 4, once built: compiled
    bpcore.train(net, X, Y, eta=0.5, epochs=2, mode="minibatch", batch_size=4, fast=True)
    h = bpcore.train(net, X, Y, eta=0.5, epochs=2, mode="minibatch", batch_size=4)
    assert h.settings["fast"] is True
    small = Network.from_sizes((2, 3, 1), rng=4)
    kw = dict(eta=1.0, epochs=6000)
    assert bpcore.train(small, XOR_X, XOR_Y, lam=0.9, **kw).settings["fast"] is False
    bce = bpcore.train(small, XOR_X, XOR_Y, loss="binary_cross_entropy", **kw)
    assert bce.settings["fast"] is False


def test_build_cost_tracks_what_this_process_built():
    pytest.importorskip("sympy")
    from bpcore.fastpath import build_cost, make_epochs_runner

    spec = Network.from_sizes((2, 2, 1), activation="tanh", rng=0).spec
    make_epochs_runner(spec, 5, 5, record_batches=True)
    assert build_cost(spec, 5, 5) == "none"
    assert build_cost(spec, 6, 3) == "runner"  # the derivation is cached, a new size is not
    assert build_cost(spec, 5, 5, reduction="sum") == "runner"
