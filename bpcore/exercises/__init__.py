"""Exercises checked in the notebook: numbers, functions the student writes, formulas.

A student's cell holds only the blank and a call to :func:`check` with the exercise's id;
the expected answers live here and are computed by bpcore when first needed:

    answer = None
    bpcore.exercises.check("01-1", answer, lang=LANG)

Every verdict is a :class:`CheckResult` (``right``, ``almost``, ``wrong`` or ``missing``)
with a message in the lesson's language; a checker never raises into the notebook (the
student's exceptions, endless loops, wrong shapes and NaN become messages, see
:mod:`bpcore.exercises._sandbox`).

Examples
--------
>>> check("02-1", None, lang="en")
… Not answered yet: set answer to your result and run this cell again.
>>> check("02-1", reference("02-1"), lang="en").ok
True
>>> print(check("02-1", -reference("02-1"), lang="zh").message)
差一点：符号反了。检查梯度下降的方向：Δw = −η ∂E/∂w。
"""

from ..i18n import DEFAULT_LANG
from ._feedback import CheckResult, compare
from ._registry import ID, get, grade, ids

__all__ = [
    "CheckResult",
    "check",
    "compare",
    "ids",
    "kind",
    "reference",
]


def check(exercise, answer=None, *args, lang=DEFAULT_LANG, **kwargs):
    """Check `answer` for the exercise `exercise` and explain what is wrong.

    Parameters
    ----------
    exercise : str
        The exercise's id, e.g. ``"01-1"`` (see :func:`ids`).
    answer : object
        The student's answer: a number or array, a function or class they wrote, or an
        expression (a SymPy expression or a string). ``None`` means not answered yet.
    lang : {"zh", "en"}
        The language of the message.

    Returns
    -------
    CheckResult

    Notes
    -----
    ``check(value, expected, ...)`` with a number first is the older form, kept for lesson
    sources written before the registry: it is :func:`compare`. It shows the expected value
    in the notebook, so new lessons register their exercises instead.
    """
    if isinstance(exercise, str) and ID.fullmatch(exercise):
        return grade(exercise, answer, lang)
    return compare(exercise, answer, *args, lang=lang, **kwargs)


def reference(id):
    """A right answer of exercise `id` (for tests and the teacher's edition)."""
    return get(id).reference()


def kind(id):
    """``"number"``, ``"code"`` or ``"expression"``."""
    return get(id).kind
