"""The exercises by id: each knows how to grade an answer and what a right answer is.

An id is ``"NN-name"``: the lesson's number, then the exercise's number or name, e.g.
``"01-1"`` or ``"02-sigmoid"``. The expected answers are computed here, by bpcore, when a
checker first needs them; a student's notebook only holds ``answer = None`` and the call
``check("01-1", answer)``.
"""

import re
from dataclasses import dataclass, field
from importlib import import_module

from ._feedback import CheckResult, result

ID = re.compile(r"\d\d-[a-z0-9][a-z0-9_]*")
KINDS = ("number", "code", "expression")
# the modules that register exercises, imported on first use
_MODULES = ("numbers", "coding", "derivations")


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to grade it and a reference answer that passes.

    Attributes
    ----------
    id : str
    kind : {"number", "code", "expression"}
    grade : callable
        ``grade(answer, lang) -> CheckResult``.
    reference : callable
        ``reference() -> answer``: the value, function, class or expression that is right.
    """

    id: str
    kind: str
    grade: object = field(repr=False)
    reference: object = field(repr=False)


_REGISTRY = {}
_loaded = []


def register(id, kind, reference):
    """Decorator: register ``grade(answer, lang)`` as the checker of exercise `id`."""
    if not ID.fullmatch(id) or kind not in KINDS:
        raise ValueError(f"bad exercise id or kind: {id!r}, {kind!r}")

    def wrap(grade):
        if id in _REGISTRY:
            raise ValueError(f"exercise {id!r} is registered twice")
        _REGISTRY[id] = Exercise(id, kind, grade, reference)
        return grade

    return wrap


def _load():
    if not _loaded:
        _loaded.append(True)
        for name in _MODULES:
            import_module(f"{__package__}.{name}")


def get(id):
    """The :class:`Exercise` registered as `id` (``KeyError`` if none)."""
    _load()
    return _REGISTRY[id]


def ids():
    """Every registered exercise id, sorted."""
    _load()
    return sorted(_REGISTRY)


def grade(id, answer, lang):
    """Grade `answer` for exercise `id`; every failure, even the checker's own, is feedback."""
    _load()
    exercise = _REGISTRY.get(id)
    if exercise is None:
        return result("wrong", "ex.unknown", lang, id=id)
    try:
        res = exercise.grade(answer, lang)
    except Exception as error:  # a checker never raises into the notebook
        return result("wrong", "ex.internal", lang, error=f"{type(error).__name__}: {error}"[:120])
    assert isinstance(res, CheckResult)
    return res
