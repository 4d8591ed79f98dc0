"""The ledger's reason catalogue (bpcore.tutorials.text) and the tutorials package layout."""

import math
import re
from pathlib import Path

import pytest

from bpcore import examples, tutorials
from bpcore.i18n import LANGS, placeholders
from bpcore.tutorials.text import MESSAGES, Message

CJK = re.compile(r"[\u4e00-\u9fff]")
PACKAGE = Path(tutorials.__file__).parent


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_reason_has_both_languages_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert placeholders(entry["zh"]) == placeholders(entry["en"])
    assert CJK.search(entry["zh"]) and not CJK.search(entry["en"])


def test_every_reason_of_the_ledger_is_a_filled_catalogue_template():
    differing = [r for r in tutorials.ledger() if r.verdict == "differs"]
    assert differing and all(isinstance(r.reason, Message) for r in differing)
    used = {r.reason.key for r in differing}
    # every reason template is used by some row (the Mazur fix text is a field of others)
    assert used | {"ledger.mazur.fix"} == set(MESSAGES)
    for r in differing:
        for lang in LANGS:
            text = r.reason(lang)
            assert "{" not in text and "}" not in text  # every field filled
            if math.isfinite(r.recomputed):  # the recomputed value is written into it
                assert f"{r.recomputed:.4f}"[:5] in text


def test_reason_fields_are_the_numbers_not_the_prose():
    row = next(r for r in tutorials.ledger("t000_batch_321") if r.quantity == "dE_dw1")
    assert row.reason.fields["grad"] == pytest.approx(row.recomputed)
    assert row.reason.fields["averaged"] == pytest.approx(row.alternative)
    assert f"{row.recomputed:.4f}" in row.reason("zh") and f"{row.recomputed:.4f}" in row.reason.en


def test_a_field_that_is_a_message_renders_in_the_same_language():
    row = next(r for r in tutorials.ledger("t004_222_frozen") if r.quantity == "E_after_1")
    assert "4b6faac" in row.reason("en") and "才改为使用原来的权重" in row.reason("zh")
    assert not CJK.search(row.reason("en"))


def test_examples_is_the_same_registry_and_functions():
    assert examples.EXAMPLES is tutorials.EXAMPLES
    assert examples.ledger is tutorials.ledger and examples.trace is tutorials.trace
    assert set(examples.__all__) <= set(dir(examples))


def test_every_tutorials_module_is_at_most_600_lines():
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name
