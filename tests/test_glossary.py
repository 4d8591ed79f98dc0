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
