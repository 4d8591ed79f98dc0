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


def test_rounding_error_scales_with_the_loss_and_the_unit_roundoff():
    # A central difference divides the rounding of E (about u·|E|) by 2ε: O(u·|E|/ε), not O(1/ε).
    assert TERMS["rounding_error"].symbol == "O(u·|E|/ε)"
    assert TERMS["truncation_error"].symbol == "O(ε²)"


def test_the_textbooks_synonyms_are_given():
    # 西瓜书 says 隐层, 连接权 and 误差逆传播 where the course says 隐藏层, 权重 and 反向传播.
    synonyms = (("hidden_layer", "隐层"), ("weight", "连接权"), ("backprop", "误差逆传播"))
    for key, synonym in synonyms:
        assert synonym in TERMS[key].meaning_zh, key
