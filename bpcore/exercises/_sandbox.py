"""Running a student's code so that nothing it does reaches the notebook as an exception.

A student's function may raise, loop forever, print, warn or return NaN. :func:`run` calls
it and returns an :class:`Outcome` instead; the checkers turn that into feedback.

The time limit works without threads and without signals (neither is available everywhere
a notebook runs: signals only in the main thread and not on Windows, threads cannot be
stopped). It is a **step budget** enforced by :func:`sys.settrace`: every frame the student's
code opens is traced opcode by opcode (``frame.f_trace_opcodes``, so even ``while True:
pass``, which emits no line events, is counted), and when the count passes ``steps`` the
tracer raises :class:`OutOfBudget` inside the traced frame. Every 2¹⁶ steps it also looks
at the clock, so a budget that runs long on a slow machine still ends after ``seconds``.
``OutOfBudget`` derives from ``BaseException``, so a student's ``except Exception`` does not
swallow it. Limits of the approach: time spent inside one C call (a huge ``np.ones``, a long
``time.sleep``) is not counted, and a bare ``except:`` inside the loop can catch the stop
(Python removes the tracer when it raises). The previous tracer (a debugger, coverage) is
put back afterwards.

Examples
--------
>>> def forever():
...     while True:
...         pass
>>> run(forever, steps=10_000).timed_out
True
>>> run(lambda: 1 / 0).error_name
'ZeroDivisionError'
>>> run(lambda x: x + 1, 1).value
2
"""

import contextlib
import io
import os
import sys
import time
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

#: Opcodes a student's call may run (a forward and backward pass of a small net takes a few
#: thousand; the checkers call a function a dozen times).
STEPS = 20_000_000
#: Wall-clock limit of one call, in seconds, checked every 2¹⁶ steps.
SECONDS = 10.0

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class OutOfBudget(BaseException):
    """Raised inside the student's frame when the step budget or the time is used up."""


@dataclass
class Outcome:
    """What happened when the student's code ran."""

    value: object = None
    error: BaseException = None
    timed_out: bool = False
    where: str = ""

    @property
    def ok(self):
        return self.error is None and not self.timed_out

    @property
    def missing(self):
        """The student has not written it yet (the stub's ``raise NotImplementedError``)."""
        return isinstance(self.error, NotImplementedError)

    @property
    def error_name(self):
        return type(self.error).__name__ if self.error is not None else ""

    @property
    def error_text(self):
        return str(self.error)[:200] if self.error is not None else ""


class _Budget:
    def __init__(self, steps, seconds):
        self.left = steps
        self.deadline = time.monotonic() + seconds

    def __call__(self, frame, event, arg):  # the global tracer: a new frame opens
        frame.f_trace_opcodes = True
        return self.local

    def local(self, frame, event, arg):
        self.left -= 1
        if self.left < 0 or (self.left & 0xFFFF == 0 and time.monotonic() > self.deadline):
            self.left = -1
            raise OutOfBudget
        return self.local


def _where(error):
    """``name, line n`` of the innermost frame outside bpcore and NumPy: the student's line."""
    frames = traceback.extract_tb(error.__traceback__)
    for fr in reversed(frames):
        path = os.path.abspath(fr.filename)
        if path.startswith(_PACKAGE) or f"{os.sep}numpy{os.sep}" in path:
            continue
        return f"{fr.name}, line {fr.lineno}" if fr.name != "<module>" else f"line {fr.lineno}"
    return ""


def run(fn, *args, steps=STEPS, seconds=SECONDS, **kwargs):
    """Call ``fn(*args, **kwargs)`` under a step budget, output and warnings suppressed.

    Parameters
    ----------
    fn : callable
    *args, **kwargs
        Passed on.
    steps : int
        The budget of traced opcodes.
    seconds : float
        The wall-clock limit.

    Returns
    -------
    Outcome
        ``value`` if it returned, else ``error`` (and ``where``, the student's line) or
        ``timed_out``. ``KeyboardInterrupt`` (the notebook's stop button) still interrupts.
    """
    budget = _Budget(steps, seconds)
    previous = sys.gettrace()
    sink = io.StringIO()
    try:
        with (
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
            warnings.catch_warnings(),
            np.errstate(all="ignore"),
        ):
            warnings.simplefilter("ignore")
            sys.settrace(budget)
            try:
                value = fn(*args, **kwargs)
            finally:
                sys.settrace(previous)
    except OutOfBudget:
        return Outcome(timed_out=True)
    except (Exception, SystemExit) as error:  # the student's error is feedback
        return Outcome(error=error, where=_where(error))
    return Outcome(value=value)
