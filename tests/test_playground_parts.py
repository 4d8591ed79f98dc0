"""The playground's parts after the split of view.py: the live training job, the painter's
earlier-run samples and the widgets reachable from the playground."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("ipywidgets")
pytest.importorskip("anywidget")

from bpcore import examples, train
from bpcore.playground import Playground, Session, panels, setup_custom
from bpcore.playground import runner as runner_module
from bpcore.playground.livetrain import FIRST_CHUNK, train_live
from bpcore.playground.runner import SEND_PAUSE, Runner

XOR = examples.get("t001_xor")


def xor_session(epochs: int) -> Session:
    return Session(setup_custom((2, 3, 1), XOR.X, XOR.Y, seed=0), eta=2.0, epochs=epochs)


def test_the_first_chunk_is_shown_at_once_and_the_last_chunk_sends_no_frame():
    session = xor_session(3000)
    shown, events = [], []

    def work(job):
        return train_live(
            job,
            session,
            3000,
            start=lambda: events.append("start"),
            frame=lambda slow: shown.append(session.epochs_run),
            finish=lambda timing: events.append(("finish", timing)),
            t_event=0.0,
        )

    Runner("sync").submit(work)
    assert shown[0] == FIRST_CHUNK  # the new run's first picture: right after its first chunk
    assert 3000 not in shown  # the chunk that ends the run goes straight to the final picture
    assert events[0] == "start" and events[-1][0] == "finish"
    timing = events[-1][1]
    assert timing["frames"] == len(shown)
    assert 0 <= timing["queue"] <= timing["start"] <= timing["done"]
    assert 0 < timing["train"] <= timing["done"]
    # the chunks add up to one uninterrupted run of bpcore.train (same start, same data)
    whole = train(session.initial_network(), XOR.X, XOR.Y, epochs=3000, **session.train_kwargs())
    np.testing.assert_allclose(session.loss, whole.loss, rtol=1e-12, atol=0)


def test_the_job_pauses_after_each_send_so_the_messages_leave_before_more_training():
    session = xor_session(3000)
    events = []
    job = Runner("sync").submit(
        lambda job: train_live(
            job,
            session,
            3000,
            start=lambda: events.append("start"),
            frame=lambda slow: events.append("frame"),
            finish=lambda timing: events.append("finish"),
            pause=lambda: events.append("pause"),
        )
    )
    assert job.done.is_set() and events[0] == "start" and events[-1] == "finish"
    # every send (the empty new run, each frame) is followed by one pause, and nothing else is
    sends = [k for k, e in enumerate(events) if e in ("start", "frame")]
    assert [events[k + 1] for k in sends] == ["pause"] * len(sends)
    assert events.count("pause") == len(sends)


def test_only_the_worker_thread_sleeps_to_let_messages_out(monkeypatch):
    slept = []
    monkeypatch.setattr(runner_module.time, "sleep", slept.append)
    for mode in ("sync", "thread"):
        Runner(mode).let_messages_out()  # from the kernel's own thread: no sleep
    assert slept == []
    r = Runner("thread")

    def work(job):
        r.let_messages_out()
        yield

    assert r.submit(work).done.wait(10)
    assert slept == [SEND_PAUSE]


def test_the_saved_pictures_trial_run_takes_the_live_path_and_leaves_the_session_alone():
    session = xor_session(3000)
    before = session.net.flat()
    trial = session.trial_run(500)
    # the compiled path, as the live runs: the saved picture builds the runner they need
    assert trial.settings["fast"] is True
    assert session.epochs_run == 0
    np.testing.assert_array_equal(session.net.flat(), before)
    # the same numbers as the NumPy path from the same start (independent oracle: train)
    numpy_run = train(
        session.initial_network(), XOR.X, XOR.Y, epochs=500, fast=False, **session.train_kwargs()
    )
    np.testing.assert_allclose(trial.loss, numpy_run.loss, rtol=1e-12, atol=0)


def test_a_cached_run_finishes_without_timing_or_frames():
    session = xor_session(200)
    runner = Runner("sync")
    done = []

    def work(job):
        return train_live(
            job, session, 200, start=lambda: None, frame=done.append, finish=done.append
        )

    runner.submit(work)
    session.archive()
    session.reset()
    done.clear()
    runner.submit(work)  # the same settings again: from the session's cache
    assert done == [None]
    assert session.epochs_run == 200


def test_earlier_runs_are_sent_as_freshly_sampled_and_relabelled_per_language():
    pg = Playground(sizes=(2, 3, 1), X=XOR.X, Y=XOR.Y, eta=2.0, epochs=400, lang="en", sync=True)
    for eta in (1.0, 1.5, 2.5, 3.0):
        pg.eta_slider.value = eta
    s = pg.session
    assert len(s.runs) == 3  # the first change archives nothing: nothing had trained

    def fresh(lang):
        out = []
        for run in s.runs:
            stride = panels.stride_for(len(run.loss) - 1)
            out.append(
                {
                    "label": s.run_label(run.settings, lang),
                    "stride": stride,
                    "values": panels.sampled(run.loss, stride),
                    "last": [len(run.loss) - 1, panels._sig(run.loss[-1])],
                }
            )
        return out

    assert pg.loss_panel.runs == fresh("en")
    pg.set_lang("zh")
    assert pg.loss_panel.runs == fresh("zh")
    assert pg.loss_panel.runs != fresh("en")


def test_the_widgets_stay_attributes_of_the_playground():
    pg = Playground("xor", lang="en", epochs=50, sync=True)
    assert pg.eta_slider is pg.controls.eta_slider
    assert pg.loss_panel is pg.painter.loss_panel
    assert pg.weight_sliders is pg.controls.weight_sliders
    with pytest.raises(AttributeError, match="no_such_thing"):
        pg.no_such_thing  # noqa: B018
