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
