"""bpcore.exercises: the numeric comparison, the registry's verdicts, messages in both languages."""

import numpy as np
import pytest

from bpcore import exercises
from bpcore.exercises import check, compare
from bpcore.i18n import MESSAGES


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verdicts(lang):
    assert compare(0.75, 0.75, lang=lang).verdict == "right"
    assert compare(None, 0.75, lang=lang).verdict == "missing"
    assert compare(-0.75, 0.75, lang=lang).verdict == "almost"
    assert compare(1.5, 0.75, lang=lang).verdict == "almost"
    assert compare(0.7501, 0.75, lang=lang).verdict == "almost"
    assert compare(3.0, 0.75, lang=lang).verdict == "wrong"
    assert compare("abc", 0.75, lang=lang).verdict == "wrong"
    assert compare([1.0, 2.0], [1.0, 2.0, 3.0], lang=lang).verdict == "wrong"
    assert compare(float("nan"), 0.75, lang=lang).verdict == "wrong"
    assert compare(lambda: 1, 0.75, lang=lang).verdict == "wrong"


def test_decimals_compare_published_precision():
    assert compare(0.7514, 0.75136507, decimals=4).ok
    assert not compare(0.7513, 0.75136507, decimals=4).ok


def test_arrays_and_hints_in_both_languages():
    assert compare(np.array([0.1, 0.2]), [0.1, 0.2]).ok
    r = compare(9.0, 1.0, lang="zh", hint="ex.hint.chain_x")
    assert MESSAGES["ex.hint.chain_x"]["zh"] in r.message and r.verdict == "wrong"
    assert MESSAGES["ex.hint.chain_x"]["en"] in compare(9.0, 1.0, hint="ex.hint.chain_x").message


def test_the_older_call_with_a_value_first_still_compares():
    assert check(0.75, 0.75, lang="en").ok
    assert check(None, 0.75, lang="zh").verdict == "missing"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_registry_messages(lang):
    r = check("01-1", None, lang=lang)
    assert r.verdict == "missing" and r.message == MESSAGES["ex.missing"][lang]
    assert check("01-1", exercises.reference("01-1"), lang=lang).ok
    r = check("99-nothing", 1.0, lang=lang)
    assert r.verdict == "wrong" and "99-nothing" in r.message
    # a language the course does not have falls back to English instead of raising
    assert check("01-1", None, lang="fr").message == MESSAGES["ex.missing"]["en"]


def test_a_checker_that_fails_reports_instead_of_raising(monkeypatch):
    from bpcore.exercises import _registry

    def broken(answer, lang):
        raise RuntimeError("boom")

    exercise = _registry.get("01-1")
    monkeypatch.setitem(_registry._REGISTRY, "01-1", exercise.__class__("01-1", "number", broken, None))
    r = check("01-1", 1.0, lang="zh")
    assert r.verdict == "wrong" and "boom" in r.message and "老师" in r.message


def test_ids_are_well_formed_and_kinds_known():
    ids = exercises.ids()
    assert len(ids) == len(set(ids)) >= 33
    for i in ids:
        assert exercises.ID.fullmatch(i)
        assert exercises.kind(i) in ("number", "code", "expression")


def test_result_renders_with_a_mark():
    r = check("01-1", exercises.reference("01-1"), lang="en")
    assert repr(r) == "✔ Right!" and r._repr_markdown_() == "**✔ Right!**"
