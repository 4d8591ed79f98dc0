import numpy as np
import pytest

from bpcore.exercises import _TEXT, check


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verdicts(lang):
    assert check(0.75, 0.75, lang=lang).verdict == "right"
    assert check(None, 0.75, lang=lang).verdict == "missing"
    assert check(-0.75, 0.75, lang=lang).verdict == "almost"
    assert check(1.5, 0.75, lang=lang).verdict == "almost"
    assert check(0.7501, 0.75, lang=lang).verdict == "almost"
    assert check(3.0, 0.75, lang=lang).verdict == "wrong"
    assert check("abc", 0.75, lang=lang).verdict == "wrong"
    assert check([1.0, 2.0], [1.0, 2.0, 3.0], lang=lang).verdict == "wrong"


def test_decimals_compare_published_precision():
    assert check(0.7514, 0.75136507, decimals=4).ok
    assert not check(0.7513, 0.75136507, decimals=4).ok


def test_arrays_and_hints_in_both_languages():
    assert check(np.array([0.1, 0.2]), [0.1, 0.2]).ok
    r = check(9.0, 1.0, lang="zh", hint={"zh": "回顾链式法则。", "en": "Revisit the chain rule."})
    assert "回顾链式法则" in r.message and r.verdict == "wrong"
    assert "Revisit" in check(9.0, 1.0, lang="en", hint={"zh": "回顾", "en": "Revisit"}).message


def test_every_message_exists_in_both_languages():
    for key, text in _TEXT.items():
        assert set(text) == {"zh", "en"}, key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text["zh"]), key


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_between(lang):
    from bpcore.exercises import check_between

    assert check_between(5e-5, 1e-5, 1e-4, lang=lang).ok
    assert check_between(1e-4, 1e-5, 1e-4, lang=lang).ok  # the ends count
    assert check_between(None, 1e-5, 1e-4, lang=lang).verdict == "missing"
    assert check_between("x", 1e-5, 1e-4, lang=lang).verdict == "wrong"
    r = check_between(
        1e-3, 1e-5, 1e-4, lang=lang, hint={"zh": "看谷底。", "en": "Look at the floor."}
    )
    assert r.verdict == "wrong" and "0.001" in r.message
    assert ("看谷底" if lang == "zh" else "Look at the floor") in r.message
