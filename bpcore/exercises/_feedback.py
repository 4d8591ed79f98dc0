"""Verdicts and messages: what a checker tells the student, in the lesson's language.

Every text is a ``ex.`` key of the catalogue (:mod:`bpcore.i18n`).

Examples
--------
>>> r = compare(0.2984, 0.298371109, lang="en", decimals=4)
>>> r.verdict
'right'
>>> compare(-0.25, 0.25, lang="en").verdict
'almost'
>>> print(compare(-0.25, 0.25, lang="zh").message)
差一点：符号反了。检查梯度下降的方向：Δw = −η ∂E/∂w。
>>> compare(None, 1.0, lang="en").verdict
'missing'
"""

from dataclasses import dataclass

import numpy as np

from ..i18n import DEFAULT_LANG, LANGS, t

VERDICTS = ("right", "almost", "wrong", "missing")
_MARK = {"right": "✔", "almost": "≈", "wrong": "✘", "missing": "…"}


@dataclass
class CheckResult:
    """The verdict (``"right"``, ``"almost"``, ``"wrong"``, ``"missing"``) and its message.

    Examples
    --------
    >>> CheckResult("right", "Right!")
    ✔ Right!
    >>> CheckResult("right", "Right!").ok
    True
    """

    verdict: str
    message: str

    @property
    def ok(self):
        """True only for the verdict ``"right"`` (what a grader's assert asks)."""
        return self.verdict == "right"

    def __repr__(self):
        return f"{_MARK[self.verdict]} {self.message}"

    def _repr_markdown_(self):
        return f"**{self!r}**"


def language(lang):
    """``lang`` if it is a course language, else English: a checker never raises over it."""
    return lang if lang in LANGS else "en"


def say(key, lang, **fields):
    """The catalogue text `key` (an ``ex.`` key) in ``lang``: :func:`bpcore.i18n.t`, with any
    unknown language read as English."""
    return t(key, language(lang), **fields)


def result(verdict, key, lang, **fields):
    """A :class:`CheckResult` whose message is ``say(key, lang, **fields)``."""
    return CheckResult(verdict, say(key, lang, **fields))


def add_hint(res, hint, lang):
    """`res` with the hint appended to its message: a catalogue key (``ex.hint.…``) or, as
    lessons 13 and 15 give it, a ``{"zh": ..., "en": ...}`` dict."""
    if hint is None:
        return res
    text = hint[language(lang)] if isinstance(hint, dict) else say(hint, lang)
    return CheckResult(res.verdict, joined(lang, res.message, text))


def joined(lang, *texts):
    """Texts as one message: Chinese without spaces between sentences, English with."""
    return ("" if language(lang) == "zh" else " ").join(texts)


def describe(value, limit=60):
    """A short repr of a student's value for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare(answer, expected, *, lang=DEFAULT_LANG, decimals=None, rtol=1e-6, hint=None):
    """Compare a number or array `answer` with `expected` and explain the difference.

    Parameters
    ----------
    answer : float, array_like or None
        What the student computed; ``None`` (or ``...``) means not answered yet.
    expected : float or array_like
        The value bpcore computed (never a hand-copied number).
    lang : {"zh", "en"}
    decimals : int, optional
        Compare after rounding both to this many decimals (for answers read off a table).
    rtol : float
        Relative tolerance when `decimals` is not given.
    hint : str or dict, optional
        A catalogue key (``ex.hint.…``) or ``{"zh": ..., "en": ...}``, added to a "wrong"
        verdict.

    Returns
    -------
    CheckResult
    """
    if answer is None or answer is Ellipsis:
        return result("missing", "ex.missing", lang)
    if isinstance(answer, (str, bytes)) or callable(answer):
        return result("wrong", "ex.not_number", lang, got=describe(answer))
    try:
        a = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return result("wrong", "ex.not_number", lang, got=describe(answer))
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        return result("wrong", "ex.shape", lang, want=e.shape, got=a.shape)
    if not np.all(np.isfinite(a)):
        return result("wrong", "ex.not_finite", lang, got=describe(answer))

    def same(x, y):
        if decimals is not None:
            return np.array_equal(np.round(x, decimals), np.round(y, decimals))
        return np.allclose(x, y, rtol=rtol, atol=1e-12)

    if same(a, e):
        return result("right", "ex.right", lang)
    if np.any(e != 0) and same(-a, e):
        return result("almost", "ex.sign", lang)
    if np.any(e != 0) and (same(2 * a, e) or same(a / 2, e)):
        return result("almost", "ex.half", lang)
    scale = np.maximum(np.abs(e), 1e-12)
    err = float(np.max(np.abs(a - e) / scale))
    if err < 1e-2:
        return result("almost", "ex.close", lang, err=err)
    return add_hint(result("wrong", "ex.wrong", lang), hint, lang)
