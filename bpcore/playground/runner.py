"""Where a playground's training runs: a worker thread, cooperative asyncio chunks, or inline.

A job is a generator function: each ``next()`` does one chunk of work (a few epochs and maybe
a frame for the browser) and returns.  :meth:`Runner.submit` cancels the job in progress and
queues the new one, so the newest settings are always the ones trained ("last value wins").

* ``"thread"``: one worker thread per runner takes the newest job; the kernel keeps reading
  widget messages meanwhile.
* ``"async"``: where threads do not exist (Pyodide / JupyterLite) the chunks run as an
  asyncio task on the running loop, yielding to it between chunks, so widget messages are
  read between two chunks.
* ``"sync"``: inline, to the end (tests, scripts; and the last resort when neither a thread
  nor a running loop is available).

If starting a thread fails (``RuntimeError: can't start new thread``, as in Pyodide), the
runner switches to ``"async"`` (or ``"sync"``) and runs the job that way: the constructor and
training never fail for it.

Examples
--------
>>> r = Runner("sync")
>>> seen = []
>>> def work(job):
...     for k in range(3):
...         seen.append(k)
...         yield
>>> job = r.submit(work)
>>> seen, job.done.is_set()
([0, 1, 2], True)
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator

MODES = ("thread", "async", "sync")

#: Seconds a job's worker thread sleeps after sending widget messages. ipykernel's IOPub
#: thread puts a message on the wire in several steps, and each time it gives up the GIL
#: (in every zmq send) it waits a whole switch interval (5 ms) to get it back from a thread
#: that is training. Measured with a kernel and a CPU-bound thread on this 2-core machine:
#: a message took 20-27 ms (median; up to 64) to reach the client, 4-5 ms with this pause.
SEND_PAUSE = 0.002


class Job:
    """One piece of work: ``cancel()`` stops it after its current chunk."""

    def __init__(self, work: Callable[[Job], Iterator]):
        self.work = work
        self.cancelled = False
        self.done = threading.Event()
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.cancelled = True

    def run_all(self) -> None:
        """Every chunk, inline, until the end or a cancel."""
        try:
            for _ in self.work(self):
                if self.cancelled:
                    break
        except BaseException as exc:  # reported by the caller's error handler
            self.error = exc
        finally:
            self.done.set()


class Runner:
    """Runs one job at a time for one playground; a new job cancels the one in progress.

    Parameters
    ----------
    mode : {"thread", "async", "sync"}
        Preferred mode; "thread" falls back to "async" (a running event loop) or "sync" when
        a thread cannot be started.
    on_error : callable, optional
        ``on_error(exc)`` when a job raises (the playground shows it in its status line).
    """

    def __init__(self, mode: str = "thread", on_error: Callable | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}; got {mode!r}")
        self.mode = mode
        self.on_error = on_error
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._pending: Job | None = None
        self._current: Job | None = None
        self._thread: threading.Thread | None = None
        self._task = None

    # ---- public -----------------------------------------------------------------------------
    def submit(self, work: Callable[[Job], Iterator]) -> Job:
        """Cancel what runs, then run ``work`` (newest first; older queued work is dropped)."""
        job = Job(work)
        with self._lock:
            for old in (self._current, self._pending):
                if old is not None:
                    old.cancel()
            if self._pending is not None:
                self._pending.done.set()  # dropped before it started
            self._pending = job
            self._wake.notify_all()
        if self.mode == "thread" and not self._ensure_thread():
            self.mode = self._fallback()
        if self.mode == "async":
            self._schedule_async()
        elif self.mode == "sync":
            self._drain_inline()
        return job

    def cancel(self) -> None:
        """Stop the job in progress (after its current chunk) and drop a queued one."""
        with self._lock:
            for job in (self._current, self._pending):
                if job is not None:
                    job.cancel()
            if self._pending is not None:
                self._pending.done.set()
                self._pending = None

    def let_messages_out(self) -> None:
        """Called by a job right after it sent widget messages: from the worker thread, sleep
        ``SEND_PAUSE`` so the kernel sends them now, not after the next chunk of training.
        Anywhere else (inline modes, the kernel's own thread) it returns at once."""
        if threading.current_thread() is self._thread:  # only thread mode has one
            time.sleep(SEND_PAUSE)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._current is not None or self._pending is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Until no job is left (thread mode); True if none is left.  Inline modes return."""
        while True:
            with self._lock:
                job = self._current or self._pending
            if job is None:
                return True
            if self.mode != "thread" or threading.current_thread() is self._thread:
                return not self.busy
            if not job.done.wait(timeout):
                return False

    # ---- modes ------------------------------------------------------------------------------
    @staticmethod
    def _fallback() -> str:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return "sync"
        return "async"

    def _ensure_thread(self) -> bool:
        if self._thread is not None and self._thread.is_alive():
            return True
        thread = threading.Thread(target=self._serve, daemon=True, name="bpcore-playground")
        self._thread = thread  # before start: the job it runs may ask whose thread it is
        try:
            thread.start()
        except Exception:  # no threads here (Pyodide), or too many
            self._thread = None
            return False
        return True

    def _take(self) -> Job | None:
        with self._lock:
            job, self._pending = self._pending, None
            self._current = job
            return job

    def _finish(self, job: Job) -> None:
        with self._lock:
            if self._current is job:
                self._current = None
        if job.error is not None and self.on_error is not None:
            self.on_error(job.error)

    def _serve(self) -> None:
        while True:
            with self._lock:
                while self._pending is None:
                    if not self._wake.wait(timeout=60.0) and self._pending is None:
                        self._thread = None  # idle for a minute: the next submit starts one
                        return
            job = self._take()
            if job is not None:
                job.run_all()
                self._finish(job)
            job = None  # keep no playground alive while idle

    def _drain_inline(self) -> None:
        if self._current is not None:  # a job submitted from inside a running job
            return
        while True:
            job = self._take()
            if job is None:
                return
            job.run_all()
            self._finish(job)

    def _schedule_async(self) -> None:
        if self._task is not None and not self._task.done():
            return  # the running task takes the new job next
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.mode = "sync"
            self._drain_inline()
            return
        self._task = loop.create_task(self._drive())

    async def _drive(self) -> None:
        while True:
            job = self._take()
            if job is None:
                return
            try:
                for _ in job.work(job):
                    if job.cancelled:
                        break
                    await asyncio.sleep(0)  # let the kernel read widget messages
            except Exception as exc:
                job.error = exc
            finally:
                job.done.set()
            self._finish(job)
