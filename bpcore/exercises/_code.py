"""Checking a function the student wrote: run it safely, compare, name the classic mistake.

:func:`attempt` runs the student's function in the sandbox and turns every way it can fail
(not written yet, an exception, the time limit, the wrong number of results, a wrong shape,
NaN) into a :class:`~bpcore.exercises.CheckResult`; :func:`diagnose` compares what it
returned with bpcore's answer and with the answers of known wrong versions ("mistakes"),
so the student reads which mistake they made, not only that the numbers differ.

Examples
--------
>>> def mine(z):
...     raise NotImplementedError()
>>> attempt(mine, (0.0,), "en").message[:15]
'Not answered ye'
>>> attempt(lambda z: 1 / 0, (0.0,), "en").message[:56]
'Your code raised ZeroDivisionError: division by zero (in'
>>> diagnose([np.array(2.0)], [np.array(2.0)], {}, "en", case="z = 0")
✔ Right!
"""

import numpy as np

from ._feedback import CheckResult, describe, joined, language, result, say
from ._sandbox import run


class Failed(Exception):
    """Carries the feedback of a failed attempt out of a checker (never reaches the student)."""

    def __init__(self, res):
        super().__init__(res.message)
        self.result = res


def attempt(fn, args, lang, *, n=None, shapes=None):
    """Call the student's ``fn(*args)``; the value, or :class:`Failed` with the feedback.

    Parameters
    ----------
    fn : callable
    args : tuple
        Copies are passed, so a function that changes its arguments in place changes nothing
        of the checker's.
    lang : {"zh", "en"}
    n : int, optional
        The number of values `fn` must return (a tuple or list); None: one value.
    shapes : sequence of tuple, optional
        The shape of each returned value; given, each value is converted to a float array.

    Returns
    -------
    object or CheckResult
        What `fn` returned (converted when `shapes` is given), or a CheckResult that is not
        ``ok`` when it failed.
    """
    if fn is None or fn is Ellipsis:
        return result("missing", "ex.missing_code", lang)
    if not callable(fn):
        return result("wrong", "ex.not_callable", lang, got=describe(fn))
    args = tuple(np.array(a, dtype=float) if isinstance(a, np.ndarray) else a for a in args)
    out = run(fn, *args)
    if out.missing:
        return result("missing", "ex.missing_code", lang)
    if out.timed_out:
        return result("wrong", "ex.timeout", lang)
    if not out.ok:
        where = out.where or getattr(fn, "__name__", "?")
        return result("wrong", "ex.raised", lang, error=_error(out), where=where)
    value = out.value
    if n is not None:
        if not isinstance(value, (tuple, list)) or len(value) != n:
            return result("wrong", "ex.returns", lang, n=n, got=describe(value))
    if shapes is None:
        return value
    values = value if n is not None else [value]
    arrays = []
    for k, (v, shape) in enumerate(zip(values, shapes)):
        try:
            a = np.asarray(v, dtype=float)
        except (TypeError, ValueError, OverflowError):
            return result("wrong", "ex.not_number", lang, got=describe(v))
        if a.shape != tuple(shape):
            return result("wrong", "ex.shape_of", lang, k=k + 1, want=tuple(shape), got=a.shape)
        if not np.all(np.isfinite(a)):
            return result("wrong", "ex.not_finite", lang, got=describe(v))
        arrays.append(a)
    return arrays if n is not None else arrays[0]


def _error(out):
    return f"{out.error_name}: {out.error_text}" if out.error_text else out.error_name


def close(got, want, rtol=1e-6, atol=1e-9):
    """Every array of `got` close to the one of `want` (lists of arrays, or two arrays)."""
    if isinstance(got, np.ndarray) or np.isscalar(got):
        got, want = [got], [want]
    return len(got) == len(want) and all(
        np.shape(g) == np.shape(w) and np.allclose(g, w, rtol=rtol, atol=atol)
        for g, w in zip(got, want)
    )


def diagnose(got, want, mistakes, lang, *, case, names=None, rtol=1e-6):
    """Right, or the named mistake whose answer `got` equals, or where it differs.

    Parameters
    ----------
    got, want : list of ndarray
        The student's values and bpcore's.
    mistakes : dict
        ``{hint key: list of ndarray}``: what each classic mistake returns on this case.
    lang : {"zh", "en"}
    case : dict
        ``{"zh": ..., "en": ...}``: names the inputs (shown when the answer is wrong).
    names : list of str, optional
        The names of the returned values, to say which one differs.
    """
    if close(got, want, rtol):
        return result("right", "ex.right", lang)
    for hint, values in mistakes.items():
        if close(got, values, rtol):
            return CheckResult("wrong", joined(lang, say("ex.mistake", lang), say(hint, lang)))
    names = names or [str(k + 1) for k in range(len(want))]
    bad = [n for n, g, w in zip(names, got, want) if not np.allclose(g, w, rtol=rtol, atol=1e-9)]
    case = case[language(lang)] if isinstance(case, dict) else case
    return result("wrong", "ex.code_wrong", lang, case=case, which=", ".join(bad))


def failed(value):
    """True when :func:`attempt` returned feedback instead of a value."""
    return isinstance(value, CheckResult)
