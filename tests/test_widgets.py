"""The training playground, driven headless: set values, click buttons, read the results.

Oracles: ``bpcore.train`` for whole runs (the playground must compute exactly what the engine
computes for the same settings), ``TextbookNet`` for the textbook's g and e, and the least-
squares fact that no linear function fits XOR better than ŷ = ½ (E = ½·¼ = 0.125).
"""

from __future__ import annotations

import threading
import time
import warnings

import numpy as np
import pytest

import bpcore
from bpcore import examples, widgets
from bpcore.i18n import t
from bpcore.playground import session as session_module

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
BUTTONS = (
    "train",
    "step_iteration",
    "step_epoch",
    "reset",
    "reset_weights",
    "randomise",
    "clear_runs",
    "show_code",
)


def make(example="xor", **kwargs):
    kwargs.setdefault("sync", True)
    kwargs.setdefault("epochs", 200)
    return widgets.Playground(example, **kwargs)


def engine(pg, epochs=None, **overrides):
    """What bpcore.train computes for the playground's current settings."""
    s = pg.settings()
    kwargs = dict(
        eta=s["eta"],
        mode=s["mode"],
        batch_size=s["batch_size"],
        train_offsets=s["train_offsets"],
        reduction=s["reduction"],
        on_divergence="stop",
    )
    kwargs.update(overrides)
    return bpcore.train(
        pg.initial_network(), pg.setup.X, pg.setup.Y, epochs=epochs or s["epochs"], **kwargs
    )


def assert_same_run(history, expected):
    assert history.diverged_at == expected.diverged_at
    assert len(history.loss) == len(expected.loss)
    np.testing.assert_allclose(history.loss, expected.loss, rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(
        history.iteration_loss, expected.iteration_loss, rtol=1e-10, atol=1e-15
    )
    net = getattr(expected.net, "network", expected.net)
    np.testing.assert_allclose(history.net.flat(), net.flat(), rtol=1e-10, atol=1e-12)


def wait_until(condition, what, timeout=120.0):
    """Poll ``condition`` until true; fail with ``what`` after ``timeout`` s (never a bare
    sleep: on a loaded machine a worker thread may get little CPU for a while)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout:.0f} s for {what}"
        time.sleep(0.01)


def controls_enabled(pg):
    controls = [
        pg.eta_slider,
        pg.eta_box,
        pg.epochs_box,
        pg.seed_box,
        pg.mode_box,
        pg.train_button,
        pg.pause_button,
        pg.step_iteration_button,
        pg.reset_button,
        *pg.weight_sliders,
    ]
    return not any(c.disabled for c in controls)


# --- building -----------------------------------------------------------------------------
def test_first_picture_at_once_and_static_fallback():
    pg = make("xor", lang="zh")
    assert pg.loss_panel.curve["values"] and pg.network_panel.shown()["sizes"] == [2, 3, 1]
    assert pg.boundary_panel.shown()["n"] == 25 and pg.loss_panel.alt and pg.network_panel.alt
    ex = examples.get("t001_xor")
    loss0 = ex.network.loss(ex.X, ex.Y, "mean")
    assert t("status.ready", "zh", loss=loss0) in pg.status.value
    bundle = pg._repr_mimebundle_()
    assert bundle["image/png"][:4] == b"\x89PNG"
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == pg.code_line()
    assert widgets.playground("xor", sync=True).widget.playground is not None


@pytest.mark.parametrize("name", widgets.example_names())
def test_every_network_example_trains_like_bpcore(name):
    pg = make(name, epochs=150)
    pg.train_button.click()
    ex = examples.get(name)
    expected = bpcore.train(
        ex.network,
        ex.X,
        ex.Y,
        eta=ex.eta,
        epochs=150,
        mode=ex.mode,
        train_offsets=ex.train_offsets,
        reduction=ex.reduction,
        on_divergence="stop",
    )
    assert_same_run(pg.history, expected)
    assert pg.last_error is None


@pytest.mark.parametrize(
    ("mode", "batch_size", "offsets"),
    [
        ("standard", None, True),
        ("accumulated", None, False),
        ("minibatch", 3, True),
    ],
)
def test_modes_and_frozen_offsets_match_bpcore(mode, batch_size, offsets):
    pg = make("xor", hidden_activation="sigmoid", eta=0.8, seed=3)
    pg.auto_box.value = False
    pg.randomise_button.click()
    pg.mode_box.value = mode
    if batch_size:
        pg.batch_box.value = str(batch_size)
    pg.offsets_box.value = offsets
    pg.train_button.click()
    assert pg.settings()["batch_size"] == batch_size
    assert_same_run(pg.history, engine(pg))
    if not offsets:
        first = pg.initial_network()
        assert np.array_equal(pg.history.net.layers[0].offset, first.layers[0].offset)


def test_fast_path_and_numpy_path_agree():
    fast, slow = make("222", epochs=300), make("222", epochs=300, fast=False)
    fast.train()
    slow.train()
    assert_same_run(fast.history, slow.history)


def test_without_the_fast_path_the_playground_trains_with_numpy(monkeypatch):
    """When train(fast=True) fails (no SymPy, an activation it cannot compile), the
    playground says nothing, switches to NumPy for good and computes the same run."""
    calls = []
    real = session_module.bp_train

    def no_fast(*args, fast=False, **kwargs):
        calls.append(fast)
        if fast:
            raise ImportError("no SymPy here")
        return real(*args, fast=fast, **kwargs)

    monkeypatch.setattr(session_module, "bp_train", no_fast)
    pg = make("222", epochs=300)
    pg.train()
    assert pg.last_error is None and not pg.session.fast
    assert calls[0] is True and not any(calls[1:])
    monkeypatch.setattr(session_module, "bp_train", real)
    assert_same_run(pg.history, engine(pg))


# --- the learning-rate slider, earlier runs, the cache -----------------------------------------
def test_slider_retrains_redraws_and_keeps_the_previous_run():
    pg = make("xor", hidden_activation="sigmoid", seed=1, epochs=300)
    pg.randomise()
    pg.train()
    first, first_curve = pg.history, pg.loss_panel.curve
    pg.eta_slider.value = 2.0
    assert_same_run(pg.history, engine(pg))
    assert pg.loss_panel.curve != first_curve
    # η = 0.1 ran twice (after "randomise", then "train"): the same run is kept once
    assert len(pg.loss_panel.runs) == 1
    label = pg.loss_panel.runs[-1]["label"]
    mode, act = t("mode.short.accumulated", "zh"), t("act.sigmoid", "zh")
    assert label == t("plot.loss.run_full", "zh", eta=0.1, mode=mode, act=act, epochs=300)
    np.testing.assert_array_equal(pg.session.runs[-1].loss, first.loss)
    pg.eta_slider.value = 0.1  # back again: served from the cache, the same numbers
    assert_same_run(pg.history, first)
    pg.eta_slider.value = 2.0
    pg.eta_slider.value = 0.1  # the same two runs again: archived once each, no duplicates
    labels = [run["label"] for run in pg.loss_panel.runs]
    assert len(labels) == len(set(labels)) == 2
    pg.clear_runs_button.click()
    assert pg.loss_panel.runs == [] and pg.session.runs == []


def test_divergence_is_reported_and_the_controls_stay_usable():
    for lang in ("zh", "en"):
        pg = make("xor", lang=lang, eta=1.0, epochs=100)  # linear net, η = 1: it blows up
        pg.train()
        expected = engine(pg)
        assert expected.diverged_at is not None
        assert pg.history.diverged_at == expected.diverged_at
        assert t("status.diverged", lang, epoch=expected.diverged_at) in pg.status.value
        assert pg.loss_panel.curve["diverged_at"] == expected.diverged_at
        assert controls_enabled(pg) and pg.last_error is None
        pg.eta_slider.value = 0.05  # still usable: a smaller η trains normally
        assert pg.history.diverged_at is None and pg.history.epochs_run == 100


def test_linear_hidden_units_cannot_learn_xor_sigmoid_ones_can():
    pg = make("xor", eta=0.05, epochs=2000)
    pg.train()
    # the best linear fit of XOR is ŷ = ½ everywhere: E = mean ½(½)² = 0.125, never less
    assert pg.history.final_loss >= 0.125 - 1e-9
    pg.activation_box.value = "sigmoid"
    pg.eta_slider.value = 1.0
    pg.randomise()  # all-ones weights are symmetric; break the symmetry
    assert pg.history.final_loss < 0.125
    assert pg.history.net.layers[0].activation == "sigmoid"
    assert pg.history.net.layers[1].activation == "identity"


# --- stepping --------------------------------------------------------------------------------
def test_step_iteration_shows_forward_backward_update():
    pg = make("textbook", lang="en")
    phases, titles = [], []
    for _ in range(3):
        pg.step_iteration_button.click()
        phases.append(pg._step["phase"])
        titles.append(pg.network_panel.data["title"])
    assert phases == ["forward", "backward", "update"]
    assert titles == [
        t("plot.net.title_forward", "en"),
        t("plot.net.title_backward", "en"),
        t("plot.net.title_update", "en"),
    ]
    # the textbook's g and e, from TextbookNet's own formulas (eqs. 5.10, 5.15)
    ex = examples.get("t002_textbook")
    tb = ex.network
    grads = tb.gradients(ex.X[0], ex.Y[0])
    step = pg._step
    np.testing.assert_allclose(step["deltas"][1][0], grads.g, rtol=1e-12)
    np.testing.assert_allclose(step["deltas"][0][0], grads.e, rtol=1e-12)
    new = tb.updated(ex.X[0], ex.Y[0], ex.eta)
    np.testing.assert_allclose(pg.net.layers[1].W, new.w, rtol=1e-12)
    np.testing.assert_allclose(pg.net.layers[0].offset, new.gamma, rtol=1e-12)
    html = pg.table.value
    for text in ("table.forward", "table.backward", "table.update"):
        assert t(text, "en") in html
    assert bpcore.plots.fmt(new.w[0, 0]) in html and "g₁" in html and "e₂" in html
    assert t("phase.update", "en") in pg.status.value


def test_an_epoch_of_steps_equals_bpcore():
    pg = make("xor", hidden_activation="sigmoid", seed=4)
    pg.auto_box.value = False
    pg.randomise()
    pg.mode_box.value = "standard"
    for _ in range(3 * 4 + 3):  # 4 iterations of 3 phases, then one more iteration
        pg.step_iteration()
    assert pg.history.epochs_run == 1 and pg.session.iteration == 1
    np.testing.assert_allclose(pg.history.loss, engine(pg, epochs=1).loss, rtol=1e-12)
    pg.step_epoch_button.click()  # finishes the second epoch (3 iterations left)
    assert_same_run(pg.history, engine(pg, epochs=2))
    pg.step_epoch_button.click()
    assert_same_run(pg.history, engine(pg, epochs=3))


def test_reset_tutorial_values_and_seeded_randomise():
    a, b = make("222"), make("222")
    a.seed_box.value = b.seed_box.value = "5"
    a.randomise_button.click()
    b.randomise_button.click()
    assert np.array_equal(a.initial_flat(), b.initial_flat())
    assert not np.array_equal(a.initial_flat(), a._tutorial_flat)
    assert a.seed_box.value == "6"  # the next click draws new values
    a.reset_weights_button.click()
    assert np.array_equal(a.initial_flat(), a._tutorial_flat)
    a.reset_button.click()
    assert a.history.epochs_run == 0
    assert a.history.loss[0] == a.initial_network().loss(a.setup.X, a.setup.Y, "sum")


def test_custom_d_q_l_network():
    pg = widgets.playground(sizes=(2, 4, 1), X=XOR_X, Y=XOR_Y, eta=1.5, epochs=400, sync=True)
    pg.train()
    net = bpcore.Network.from_sizes((2, 4, 1), offset_kind="threshold", rng=0)
    expected = bpcore.train(net, XOR_X, XOR_Y, eta=1.5, epochs=400, on_divergence="stop")
    assert_same_run(pg.history, expected)
    assert pg.names["W"][0][1][3] == "v₂₄" and pg.names["offset"][1] == ["θ₁"]


# --- live training in a thread ---------------------------------------------------------------
def test_background_run_is_live_pausable_and_computes_the_same():
    # NumPy path: slow enough that the run is still going when paused, and the oracle
    # below (bpcore.train, NumPy) recomputes it in about the same time
    pg = make("xor", sync=False, hidden_activation="sigmoid", eta=0.5, epochs=400_000, fast=False)
    pg.wait()
    pg.auto_box.value = False
    pg.mode_box.value = "standard"
    frames = []
    pg.loss_panel.observe(lambda change: frames.append(time.perf_counter()), names="tail")
    pg.train_button.click()
    assert pg.running and controls_enabled(pg)  # nothing is locked while a run trains
    wait_until(lambda: len(frames) >= 3, "three pictures of the growing curve")
    pg.pause_button.click()
    assert not pg.running and controls_enabled(pg)
    epochs = pg.history.epochs_run
    assert 0 < epochs < 400_000
    assert t("status.paused", "zh", epoch=epochs, loss=pg.history.final_loss) in pg.status.value
    assert len(frames) >= 3, "the curve must grow while training runs"
    assert pg.pause_button.description == t("btn.resume", "zh")
    pg.pause_button.click()  # resume
    wait_until(lambda: pg.history.epochs_run > epochs, "epochs after resuming")
    pg.pause_button.click()
    assert pg.history.epochs_run > epochs
    # chunked, paused and resumed: the same numbers as one bpcore.train call
    assert_same_run(pg.history, engine(pg, epochs=pg.history.epochs_run))
    # after a reset nothing is left to resume
    pg.reset_button.click()
    assert pg.history.epochs_run == 0
    assert pg.pause_button.description == t("btn.pause", "zh")


def test_runs_reuse_one_worker_thread_and_two_playgrounds_run_side_by_side():
    """A worker waits for the next run; a long run of one playground must not hold up
    another playground's runs."""
    pg = make("xor", sync=False, epochs=300, hidden_activation="sigmoid")
    pg.randomise()  # a seeded random start: XOR learns without diverging
    assert pg.wait(timeout=60)
    workers = []
    for eta in (0.3, 0.6, 1.2):
        pg.eta_slider.value = eta
        assert pg.wait(timeout=60)
        workers.append(pg.runner._thread)
        assert pg.history.epochs_run == 300 and pg.last_error is None
        assert_same_run(pg.history, engine(pg))
    assert len(set(workers)) == 1 and workers[0] is not threading.current_thread()

    slow = make("xor", sync=False, epochs=10_000_000 // 10, fast=False, auto=False)
    slow.train()
    try:
        pg.eta_slider.value = 0.7
        assert pg.wait(timeout=60) and slow.running
        assert pg.history.epochs_run == 300
    finally:
        slow.pause()
    assert not slow.running and 0 < slow.history.epochs_run < 1_000_000


def test_settings_change_during_a_run_restarts_cleanly():
    pg = make("xor", sync=False, epochs=300_000, mode="standard", eta=0.01)
    pg.wait()
    pg.train()
    wait_until(lambda: pg.history.epochs_run > 0, "the long run to start")
    pg.epochs_box.value = "50"  # the running job is stopped, a new one starts
    assert pg.wait(timeout=30)
    assert pg.history.epochs_run == 50 and controls_enabled(pg)
    assert_same_run(pg.history, engine(pg))


# --- never a traceback ---------------------------------------------------------------------------
@pytest.mark.parametrize("sync", [True, False])
def test_errors_become_messages(monkeypatch, sync):
    pg = make("xor", sync=sync)
    pg.wait()

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(session_module, "bp_train", boom)  # the fast path and NumPy alike
    pg.train_button.click()  # must not raise
    pg.wait()
    assert isinstance(pg.last_error, RuntimeError)
    assert t("status.error", "zh", error="boom") in pg.status.value
    assert controls_enabled(pg) and not pg.running
    pg.step_epoch_button.click()
    pg.eta_slider.value = 0.3
    pg.wait()
    assert controls_enabled(pg)


def test_bad_arguments_say_what_was_expected():
    with pytest.raises(ValueError, match="t001_xor") as err:
        widgets.playground("no_such_example")
    assert "没有名为" in str(err.value)
    with pytest.raises(ValueError, match="不支持"):
        widgets.playground("xor", lang="fr")
    with pytest.raises(ValueError, match="mode"):
        widgets.playground("xor", mode="sideways")
    with pytest.raises(ValueError, match="X"):
        widgets.playground(sizes=(2, 2, 1))


# --- reproducible ------------------------------------------------------------------------------
def test_show_code_rebuilds_the_same_playground():
    pg = make("xor", lang="en", seed=11)
    pg.auto_box.value = False
    pg.eta_slider.value = 0.35
    pg.epochs_box.value = "1234"
    pg.mode_box.value = "minibatch"
    pg.batch_box.value = "2"
    pg.offsets_box.value = False
    pg.activation_box.value = "sigmoid"
    pg.randomise()
    pg.show_code_button.click()
    code = pg.code.value
    assert code == pg.code_line() and code.startswith("bpcore.widgets.playground(example=")
    assert pg.code.layout.display != "none"
    rebuilt = eval(code, {"bpcore": bpcore})  # the line we print, on purpose
    rebuilt.wait()
    assert rebuilt.settings() == pg.settings()
    assert np.array_equal(rebuilt.initial_flat(), pg.initial_flat())
    assert rebuilt.lang == "en" and rebuilt.code_line() == code


# --- two languages -----------------------------------------------------------------------------
def test_every_label_in_both_languages():
    pg = make("xor", lang="zh")
    zh = {key: getattr(pg, f"{key}_button").description for key in BUTTONS}
    assert zh == {key: t(f"btn.{key}", "zh") for key in BUTTONS}
    assert pg.eta_slider.description == t("ui.eta", "zh")
    assert pg.eta_slider.tooltip == t("tip.eta", "zh")
    assert [label for label, _ in pg.mode_box.options] == [
        t("mode.standard", "zh"),
        t("mode.accumulated", "zh"),
        t("mode.minibatch", "zh"),
    ]
    pg.train()
    pg.lang_box.value = "en"  # the toggle in the playground
    assert pg.lang == "en"
    assert {key: getattr(pg, f"{key}_button").description for key in BUTTONS} == {
        key: t(f"btn.{key}", "en") for key in BUTTONS
    }
    assert pg.mode_box.value == "accumulated"  # relabelling kept the choice
    assert pg.loss_panel.texts["title"] == t("plot.loss.title", "en")
    assert t("status.done", "en", epochs=200, loss=pg.history.final_loss) in pg.status.value
    assert "Backpropagation playground" in pg.title.value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_all_pictures_render_without_missing_glyphs(lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pg = make("textbook", lang=lang, epochs=20)
        pg.train()
        pg.eta_slider.value = 1.0
        for _ in range(3):
            pg.step_iteration()
        pg.values_box.value = False
        pg.set_lang("en" if lang == "zh" else "zh")
        assert pg.png("network")[:4] == b"\x89PNG" and pg.snapshot_png()[:4] == b"\x89PNG"
    assert pg.last_error is None


def test_handlers_run_from_other_threads():
    """ipywidgets may call back from any thread; the playground serialises its work."""
    pg = make("222", sync=False, epochs=3000)
    pg.wait()
    errors = []

    def poke():
        try:
            pg.values_box.value = not pg.values_box.value
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    pg.train()
    threads = [threading.Thread(target=poke) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert pg.wait(timeout=30)
    assert not errors and pg.last_error is None


# --- typed numbers: read exactly or refused, the message beside the box ------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("typed", ["2.5", "0", "-5", "abc", "99999999", "", "1,5"])
def test_bad_epochs_are_refused_with_a_message_beside_the_box(lang, typed):
    pg = make("xor", lang=lang, epochs=200)
    pg.train()
    before = pg.history
    pg.epochs_box.value = typed
    message = pg.message("epochs")
    assert message.startswith(t("ui.epochs", lang)), message
    assert pg.settings()["epochs"] == 200  # the previous value stays in force; nothing retrains
    assert_same_run(pg.history, before)
    other = "en" if lang == "zh" else "zh"
    assert t("ui.epochs", other) not in message
    pg.epochs_box.value = "300"  # a good value clears the message and is used
    assert pg.message("epochs") == "" and pg.history.epochs_run == 300


def test_typed_numbers_are_read_exactly():
    pg = make("xor", lang="en", epochs=200, hidden_activation="sigmoid")
    pg.epochs_box.value = "1e3"  # a whole number in e-notation
    assert pg.settings()["epochs"] == 1000 and pg.history.epochs_run == 1000
    pg.epochs_box.value = "1_500"
    assert pg.settings()["epochs"] == 1500
    pg.eta_box.value = "0.37"
    assert pg.settings()["eta"] == 0.37 and pg.eta_slider.value == pytest.approx(0.37)
    pg.eta_box.value = "1000"  # above the slider's range: refused, not clamped
    assert pg.settings()["eta"] == 0.37 and "1000" in pg.message("eta")
    pg.seed_box.value = "-1"
    assert "-1" in pg.message("seed") and pg.session.settings["seed"] == 0
    pg.randomise()  # still seed 0, no error in the status line
    assert pg.last_error is None and pg.seed_box.value == "1"


def test_hidden_units_box_rebuilds_the_net_and_refuses_bad_widths():
    pg = make("xor", lang="zh", hidden_activation="tanh", eta=0.5)
    pg.hidden_box.value = "5"
    assert pg.session.network.spec.sizes == (2, 5, 1)
    assert len(pg.weight_sliders) == 2 * 5 + 5 + 5 + 1
    assert_same_run(pg.history, engine(pg, fast=pg.session.fast))
    pg.hidden_box.value = "0"
    assert pg.message("hidden_units").startswith(t("ui.hidden_units", "zh"))
    assert pg.session.network.spec.sizes == (2, 5, 1)
    rebuilt = eval(pg.code_line(), {"bpcore": bpcore})  # the printed line rebuilds it
    assert rebuilt.session.network.spec.sizes == (2, 5, 1)
    assert np.array_equal(rebuilt.initial_flat(), pg.initial_flat())


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_tanh_and_relu_hidden_units_train_like_bpcore(activation):
    pg = make("xor", hidden_activation=activation, eta=0.3, seed=2)
    pg.randomise()
    assert pg.history.net.layers[0].activation == activation
    assert_same_run(pg.history, engine(pg))


def test_long_runs_wait_for_train():
    pg = make("xor", epochs=200)
    pg.epochs_box.value = str(widgets.playground.__globals__["AUTO_EPOCHS"] + 1)
    assert pg.history.epochs_run == 0
    assert t("status.wait_train", "zh", epochs=20_001) in pg.status.value


# --- honest status -----------------------------------------------------------------------------
def test_oscillation_and_no_progress_are_reported():
    # tutorial 001's XOR net with sigmoid hidden units from its all-ones start, η = 5, full
    # batch: the loss goes up and down instead of falling (and stays finite)
    pg = make("xor", lang="zh", eta=5.0, epochs=200, hidden_activation="sigmoid")
    pg.train()
    loss = pg.history.loss
    assert pg.history.diverged_at is None
    assert np.mean(np.diff(loss[-51:]) > 0) >= 0.25  # the oscillation the status names
    assert t("status.oscillating", "zh") in pg.status.value
    assert "损失在振荡：η 可能太大" in pg.status.value
    pg.set_lang("en")
    assert "loss is oscillating: η may be too large" in pg.status.value
    slow = make("textbook", lang="en", eta=1e-3, epochs=20)  # η tiny: the loss hardly moves
    slow.train()
    first, last = slow.history.loss[0], slow.history.loss[-1]
    assert last > 0.99 * first
    assert t("status.no_progress", "en", first=first, last=last) in slow.status.value


def test_a_training_frame_sends_only_the_numbers_that_changed():
    # names, titles and the data points ride in `fixed`; an equal assignment syncs nothing
    pg = make("xor", lang="en")
    pg.train()
    changes = {"fixed": 0, "data": 0}

    def count(change):
        changes[change["name"]] += 1

    for panel in (pg.network_panel, pg.boundary_panel):
        panel.observe(count, names=["fixed", "data"])
    for _ in range(3):
        pg.session.train_chunk(50)
        pg._render_network()
        pg._render_boundary()
    # the weights move every chunk (three network frames); the 8-bit boundary map may not
    assert changes["fixed"] == 0 and 3 <= changes["data"] <= 6
    assert (
        "weight_names" in pg.network_panel.shown() and "weight_names" not in pg.network_panel.data
    )
    assert "X" in pg.boundary_panel.shown() and "X" not in pg.boundary_panel.data


def test_flat_map_has_no_boundary_line_and_says_so():
    # identity hidden units at η = 0.05: the best linear fit of XOR is ŷ = ½ everywhere
    pg = make("xor", lang="en", eta=0.05, epochs=2000)
    pg.train()
    data = pg.boundary_panel.data
    assert data["flat"] is True
    assert data["note"] == t(
        "plot.boundary.flat", "en", value=float(np.mean(pg._boundary_values()))
    )
    pg.activation_box.value = "sigmoid"
    pg.eta_slider.value = 1.0
    pg.randomise()
    assert pg.boundary_panel.data["flat"] is False and pg.boundary_panel.data["note"] == ""


# --- last value wins, nothing locked, no threads -------------------------------------------
def test_rapid_changes_train_the_last_value():
    pg = make("xor", sync=False, epochs=3000, hidden_activation="sigmoid")
    pg.randomise()
    assert pg.wait(timeout=60)
    etas = [round(0.2 + 0.1 * k, 2) for k in range(10)]
    for eta in etas:  # ten changes in a row, each cancelling the run before it
        pg.eta_slider.value = eta
        assert controls_enabled(pg)
    assert pg.wait(timeout=60)
    assert pg.settings()["eta"] == etas[-1] and pg.eta_box.value == str(etas[-1])
    # the compiled path in chunks equals one compiled bpcore.train call
    assert_same_run(pg.history, engine(pg, fast=pg.session.fast))
    assert pg.loss_panel.curve["last"][0] == 3000


def test_threads_unavailable_constructor_and_training_still_work(monkeypatch):
    def no_threads(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_threads)
    pg = widgets.playground("xor", epochs=300, hidden_activation="sigmoid", lang="en")
    pg.randomise()  # no running loop here: the runner falls back to inline
    assert pg.runner.mode == "sync" and pg.last_error is None
    assert pg.history.epochs_run == 300
    assert_same_run(pg.history, engine(pg))


def test_threads_unavailable_in_a_running_loop_trains_in_asyncio_chunks(monkeypatch):
    import asyncio

    def no_threads(self):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_threads)

    async def scenario():
        pg = widgets.playground("xor", epochs=3000, hidden_activation="sigmoid", lang="zh")
        pg.seed_box.value = "3"
        pg.randomise()
        assert pg.runner.mode == "async"
        chunks = 0
        deadline = time.monotonic() + 120
        while pg.running:  # the loop runs other work between two chunks
            chunks += 1
            assert time.monotonic() < deadline
            await asyncio.sleep(0)
        return pg, chunks

    pg, chunks = asyncio.run(scenario())
    assert chunks > 1 and pg.last_error is None and pg.history.epochs_run == 3000
    assert_same_run(pg.history, engine(pg))


def test_a_frame_of_the_live_curve_is_small():
    """While training, each frame sends only the points added since the last one."""
    import json

    pg = make(
        "xor", sync=False, fast=False, epochs=200_000, auto=False, hidden_activation="sigmoid"
    )
    sizes = []
    pg.loss_panel.observe(lambda c: sizes.append(len(json.dumps(c["new"]))), names="tail")
    pg.train()
    wait_until(lambda: len(sizes) >= 10, "ten frames of the live curve")
    pg.pause()
    assert max(sizes) <= 2048, sizes
    assert pg.loss_panel.curve["stride"] == 200_000 // 300 + 1


def test_saved_notebook_picture_comes_from_a_short_real_run(monkeypatch):
    seen = []
    real = bpcore.plots.loss_figure

    def spy(loss, *args, **kwargs):
        seen.append(loss)
        return real(loss, *args, **kwargs)

    monkeypatch.setattr(bpcore.plots, "loss_figure", spy)
    pg = make("xor", lang="en", epochs=3000, hidden_activation="sigmoid")
    png = pg._repr_mimebundle_()["image/png"]
    assert png[:4] == b"\x89PNG" and pg.history.epochs_run == 0  # the live state is untouched
    (history,) = seen
    expected = engine(pg, epochs=2000)
    np.testing.assert_allclose(history.loss, expected.loss, rtol=1e-10)


def test_the_live_module_ships_as_package_data():
    """live.js is read from the installed package (no bundler, no network): pyproject's
    package data must name it, and the panels must point at that file."""
    import fnmatch
    import tomllib
    from pathlib import Path

    from bpcore.playground import panels

    root = Path(__file__).resolve().parents[1]
    data = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["bpcore"]
    relative = panels.ESM.resolve().relative_to((root / "bpcore").resolve()).as_posix()
    assert any(fnmatch.fnmatch(relative, p) for p in patterns), (relative, patterns)
    text = panels.ESM.read_text("utf-8")
    assert "export default" in text and "import " not in text.split("export default")[0]
    LossPanel, _ = panels.panel_classes()
    assert str(LossPanel._esm) == text  # anywidget reads the file when the class is made
