import re

from bpcore.glossary import TERMS, table

HAN = re.compile("[\u4e00-\u9fff]")


def test_one_term_per_concept_in_both_languages():
    zh = [t.zh for t in TERMS.values()]
    en = [t.en for t in TERMS.values()]
    assert len(set(zh)) == len(zh) and len(set(en)) == len(en)
    for key, t in TERMS.items():
        assert HAN.search(t.zh) and HAN.search(t.meaning_zh), key
        assert t.en and t.meaning_en and not HAN.search(t.en + t.meaning_en), key


def test_table_has_one_row_per_term_and_intact_cells():
    for lang in ("zh", "en"):
        rows = table(lang).splitlines()
        assert len(rows) == 2 + len(TERMS)
        for row in rows:
            # 4 columns: 5 unescaped pipes per row
            assert len(re.findall(r"(?<!\\)\|", row)) == 5, row


def test_hidden_layer_weight_and_backprop_name_the_textbooks_synonyms():
    assert TERMS["hidden_layer"].also == ("隐层",)
    assert TERMS["weight"].also == ("连接权",)
    assert TERMS["backprop"].also == ("误差逆传播",)
    for lang in ("zh", "en"):
        assert "隐藏层（西瓜书：隐层）" in table(lang)


def test_rounding_error_scales_with_the_loss_and_the_machine_precision():
    # the two losses E(w ± ε) each carry ≈ u·|E| of rounding; their difference over 2ε does
    # too: O(u·|E|/ε), not O(1/ε)
    assert TERMS["rounding_error"].symbol == "O(u·|E|/ε)"


# The course says one word where Chinese texts use several; d2l-zh's choices where they differ.
PREFERRED = {"批大小": "批量大小", "自动求导": "自动微分"}


def test_the_course_uses_the_preferred_chinese_terms():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    files = [*root.glob("course/*.py"), *root.glob("bpcore/**/*.py"), *root.glob("notebooks/zh/*")]
    files += [root / "README.zh-CN.md"]
    assert TERMS["batch_size"].zh == "批量大小" and TERMS["autograd"].zh == "自动微分"
    for path in files:
        text = path.read_text(encoding="utf-8")
        for old, new in PREFERRED.items():
            assert old not in text, f"{path.relative_to(root)}: {old} → {new}"
