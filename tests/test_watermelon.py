"""西瓜数据集3.0 in bpcore.watermelon, against table 4.3 as REFERENCE.md prints it."""

import re
from pathlib import Path

import numpy as np
import pytest

from bpcore import watermelon

REFERENCE = Path("/work/shared/REFERENCE.md")

# Typed in from REFERENCE.md (西瓜数据集3.0 section): melons 1, 2, 10 and 17 in full.
SPOT = {
    1: (1, "青绿", "蜷缩", "浊响", "清晰", "凹陷", "硬滑", 0.697, 0.460, "是"),
    2: (2, "乌黑", "蜷缩", "沉闷", "清晰", "凹陷", "硬滑", 0.774, 0.376, "是"),
    10: (10, "青绿", "硬挺", "清脆", "清晰", "平坦", "软粘", 0.243, 0.267, "否"),
    17: (17, "青绿", "蜷缩", "沉闷", "稍糊", "稍凹", "硬滑", 0.719, 0.103, "否"),
}


def test_rows_typed_in_from_the_reference():
    rows = watermelon.rows()
    assert len(rows) == 17 and [r[0] for r in rows] == list(range(1, 18))
    for k, row in SPOT.items():
        assert rows[k - 1] == row
    assert sum(r[9] == "是" for r in rows) == 8  # melons 1-8 good, 9-17 not


@pytest.mark.skipif(not REFERENCE.exists(), reason="REFERENCE.md is not on this machine")
def test_every_row_equals_reference_md():
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("## 西瓜数据集3.0", 1)[1].split("```", 2)[1]
    lines = [ln for ln in section.splitlines() if re.match(r"^\d+,", ln)]
    assert lines == watermelon.TABLE.splitlines()


def test_one_hot_encoding():
    X, Y = watermelon.load()
    assert X.shape == (17, 19) and Y.shape == (17, 1)
    assert np.array_equal(Y[:, 0], [1.0] * 8 + [0.0] * 9)
    # each attribute group has exactly one 1 per melon
    start = 0
    for _, _, values in watermelon.ATTRIBUTES:
        group = X[:, start : start + len(values)]
        assert np.array_equal(group.sum(axis=1), np.ones(17))
        start += len(values)
    assert start == 17
    # melon 2: 乌黑 (colour 2nd), 蜷缩, 沉闷 (knock 2nd), 清晰, 凹陷, 硬滑, 0.774, 0.376
    names = watermelon.feature_names("zh")
    on = [names[i] for i in np.flatnonzero(X[1, :17])]
    assert on == ["色泽=乌黑", "根蒂=蜷缩", "敲声=沉闷", "纹理=清晰", "脐部=凹陷", "触感=硬滑"]
    assert X[1, 17:].tolist() == [0.774, 0.376]
    assert len(watermelon.feature_names("en")) == 19
