"""A playground's live training: chunks of :func:`bpcore.train`, a frame for the browser
about 30 times a second, the whole picture when the run ends.

:func:`train_live` is the job a :class:`~bpcore.playground.runner.Runner` runs: a generator
whose every step trains one chunk (sized from the measured rate to end near the next frame)
and maybe sends a frame.  The first chunk is short and is shown at once, so a new run is on
screen a few milliseconds after the change that started it; the finished curve follows.

Examples
--------
>>> from bpcore.playground.runner import Runner
>>> from bpcore.playground.session import Session
>>> from bpcore.playground.setup import setup_from_example
>>> session = Session(setup_from_example("xor"), epochs=300)
>>> seen = []
>>> job = Runner("sync").submit(lambda job: train_live(
...     job, session, 300, start=lambda: seen.append("start"),
...     frame=lambda slow: seen.append("frame"), finish=lambda timing: seen.append("end")))
>>> seen[0], seen[-1], session.epochs_run
('start', 'end', 300)
"""

from __future__ import annotations

import time

from .session import MAX_EPOCHS

#: Seconds between two frames of a running loss curve (30 a second).
FRAME_INTERVAL = 1 / 30
#: Every how many curve frames the status line, the loss panel's alt text, the network and
#: the boundary are sent (5 a second at 30 frames a second). Counted in frames, not seconds,
#: so the traffic per curve frame is the same on a busy machine. Each widget message carries
#: ~0.7 KB of envelope besides its numbers: the alt text sent with every frame and the rest
#: every 3rd frame came to 2.7 KB per curve frame; now ~1.1 KB. The browser test measures all
#: traffic against the 2 KB budget; a counter read 5 times a second stays legible.
SLOW_EVERY = 6
#: Epochs of the first chunk, shown as soon as it is trained (well under a millisecond of
#: XOR training; its time also gives the rate that sizes the next chunks).
FIRST_CHUNK = 100


def train_live(job, session, target: int, *, start, frame, finish, t_event=None, pause=None):
    """Train ``session`` up to ``target`` epochs in chunks; yield after each chunk.

    Parameters
    ----------
    job : bpcore.playground.runner.Job
        Its ``cancelled`` flag is read before each chunk.
    session : Session
    target : int
        Epochs of the whole run.
    start : callable
        ``start()`` once the run has begun (draw the empty new run); not called for a run
        found in the session's cache.
    frame : callable
        ``frame(slow)``: send a frame; ``slow`` is true every ``SLOW_EVERY`` frames (then also
        the status, network and boundary).
    finish : callable
        ``finish(timing)`` when the run has ended (or came from the cache; ``timing`` None):
        draw everything.  ``timing`` says where the time went, in ms since ``t_event``.
    t_event : float, optional
        ``time.perf_counter()`` of the change that asked for this run.
    pause : callable, optional
        ``pause()`` after ``start`` and after each frame, outside the session lock and the
        frame's timing: the view lets the kernel send the messages before the next chunk
        trains (:meth:`Runner.let_messages_out`).
    """
    s = session
    t_job = time.perf_counter()
    trained = framing = 0.0
    with s.lock:
        if job.cancelled:
            return
        cached = s.begin(target)
        run_id = s.run_id
        if cached:
            finish(None)
            return
        start()
    t_start = time.perf_counter()
    if pause is not None:
        pause()
    rate = None
    last_frame = -float("inf")  # the first chunk is shown at once
    frames = 0
    while True:
        due = last_frame + FRAME_INTERVAL - time.perf_counter()
        budget = min(max(due, 0.002), FRAME_INTERVAL / 2)
        chunk = FIRST_CHUNK if rate is None else max(1, min(MAX_EPOCHS, int(rate * budget)))
        sent = False
        with s.lock:
            if job.cancelled or s.run_id != run_id:
                return
            if s.finished(target):
                break
            chunk = min(chunk, target - s.epochs_run)
            started = time.perf_counter()
            s.train_chunk(chunk)
            took = time.perf_counter() - started
            trained += took
            rate = chunk / max(took, 1e-6)
            now = time.perf_counter()
            if now >= last_frame + FRAME_INTERVAL - 0.002 and not s.finished(target):
                last_frame = now
                frames += 1
                frame(frames % SLOW_EVERY == 0)
                framing += time.perf_counter() - now
                sent = True
        if sent and pause is not None:
            pause()
        yield
    with s.lock:
        if job.cancelled or s.run_id != run_id:
            return
        s.remember()
        timing = None
        if t_event is not None:
            timing = {
                "queue": round((t_job - t_event) * 1e3, 2),
                "start": round((t_start - t_event) * 1e3, 2),
                "train": round(trained * 1e3, 2),
                "frames": frames,
                "framing": round(framing * 1e3, 2),
                "done": round((time.perf_counter() - t_event) * 1e3, 2),
            }
        finish(timing)
