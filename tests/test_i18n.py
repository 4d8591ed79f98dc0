"""The message catalogue: every key in both languages, the same placeholders, every key used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bpcore import i18n
from bpcore.i18n import LANGS, MESSAGES, both, check_lang, placeholders, t

PACKAGE = Path(i18n.__file__).resolve().parents[1]
CJK = re.compile(r"[\u3400-\u9fff]")
# Chinese text: hanzi, or at least Chinese (full-width) punctuation, as in "η = 0.5，累积"
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")

# Keys whose Chinese text may equal the English one: names of functions, kept as written.
SAME_IN_BOTH = {"act.tanh", "act.relu"}


def test_languages():
    assert LANGS == ("zh", "en")
    assert i18n.DEFAULT_LANG in LANGS


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_both_languages(key):
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    for lang in LANGS:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}[{lang}] is empty"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_same_placeholders(key):
    zh, en = (placeholders(MESSAGES[key][lang]) for lang in LANGS)
    assert zh == en, f"{key}: zh uses {sorted(zh)}, en uses {sorted(en)}"


@pytest.mark.parametrize("key", sorted(set(MESSAGES) - SAME_IN_BOTH))
def test_translated(key):
    zh, en = MESSAGES[key]["zh"], MESSAGES[key]["en"]
    assert zh != en, f"{key}: the Chinese text is a copy of the English"
    if key not in {"act.sigmoid"}:  # "Sigmoid" is what Chinese textbooks write too
        assert CHINESE.search(zh), f"{key}: the Chinese text has nothing Chinese: {zh!r}"
    assert not CJK.search(en), f"{key}: the English text contains Chinese: {en!r}"


def test_t_fills_placeholders():
    assert t("status.diverged", "zh", epoch=7) == "训练发散：第 7 轮的损失不再是有限数。"
    assert t("status.diverged", "en", epoch=7).startswith("Training diverged at epoch 7")
    assert t("status.running", "en", epoch=3, epochs=10, loss=0.125) == (
        "Training… epoch 3 / 10, loss 0.125"
    )


def test_unknown_key_and_language_are_explained_in_both_languages():
    with pytest.raises(KeyError) as err:
        t("no.such.key", "en")
    assert "no.such.key" in str(err.value) and "消息目录" in str(err.value)
    with pytest.raises(ValueError) as err:
        t("btn.train", "fr")
    assert "'fr'" in str(err.value) and "不支持" in str(err.value) and "zh" in str(err.value)
    assert check_lang("zh") == "zh"


def test_both_puts_chinese_first():
    assert both("btn.reset") == "重置 / Reset"


def _used_keys() -> tuple[set[str], list[str]]:
    """Literal keys passed to t()/both() in the package, and f-string key prefixes."""
    literal, prefixes = set(), []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        literal |= set(re.findall(r"""\b(?:t|both)\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""", text))
        if "catalogue" in path.relative_to(PACKAGE).parts:  # the catalogue's keys are not uses
            continue
        prefixes += re.findall(r"""f["']([a-z_]+(?:\.[a-z_]+)*\.)\{""", text)
        # keys chosen from a table of literals, e.g. {"forward": "plot.net.title_forward"}
        literal |= {
            k for k in re.findall(r"""["']([a-z_]+(?:\.[a-z_]+)+)["']""", text) if k in MESSAGES
        }
    return literal, prefixes


def test_every_key_used_in_the_code_exists():
    literal, _ = _used_keys()
    path_like = {
        k
        for k in literal
        if k.split(".")[0]
        in {"ui", "btn", "tip", "mode", "act", "phase", "status", "plot", "table", "err", "ex"}
    }
    missing = sorted(path_like - set(MESSAGES))
    assert not missing, f"keys used but not in the catalogue: {missing}"


def test_dynamic_key_families_are_complete():
    from bpcore.plots import PHASES
    from bpcore.train import MODES
    from bpcore.widgets import ACTIVATION_CHOICES

    for mode in MODES:
        assert f"mode.{mode}" in MESSAGES and f"mode.short.{mode}" in MESSAGES
    for act in ACTIVATION_CHOICES:
        assert f"act.{act}" in MESSAGES
    for phase in PHASES:
        assert f"phase.{phase}" in MESSAGES
    for kind in ("bias", "threshold"):
        assert f"ui.offset.{kind}" in MESSAGES


def test_no_key_is_unused():
    literal, prefixes = _used_keys()
    unused = sorted(
        k for k in MESSAGES if k not in literal and not any(k.startswith(p) for p in prefixes)
    )
    assert not unused, f"catalogue keys nothing uses (remove them or use them): {unused}"


def test_catalogue_text_holds_every_text():
    text = i18n.catalogue_text()
    for entry in MESSAGES.values():
        for value in entry.values():
            assert value in text
