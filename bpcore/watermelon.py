"""西瓜数据集3.0 (Zhou Zhihua, *Machine Learning*, table 4.3): the 17 melons of exercise 5.5.

Six categorical attributes (色泽, 根蒂, 敲声, 纹理, 脐部, 触感), two continuous ones (密度
density, 含糖率 sugar content) and the label 好瓜 (good melon: 是 yes / 否 no). For a network
the categorical attributes are one-hot encoded (17 columns) and density and sugar kept as
they are (both already in (0, 1)): X has 19 columns, Y one (1 = good melon).

Examples
--------
>>> X, Y = load()
>>> X.shape, Y.shape, int(Y.sum())
((17, 19), (17, 1), 8)
>>> feature_names("en")[:3]
['colour=green', 'colour=dark', 'colour=light']
"""

import numpy as np

from . import _validate as check
from .i18n import DEFAULT_LANG

#: The table as the book prints it (copies with typos circulate, e.g. 0.744 for melon 2's
#: density; this is table 4.3): 编号, 色泽, 根蒂, 敲声, 纹理, 脐部, 触感, 密度, 含糖率, 好瓜.
TABLE = """\
1,青绿,蜷缩,浊响,清晰,凹陷,硬滑,0.697,0.460,是
2,乌黑,蜷缩,沉闷,清晰,凹陷,硬滑,0.774,0.376,是
3,乌黑,蜷缩,浊响,清晰,凹陷,硬滑,0.634,0.264,是
4,青绿,蜷缩,沉闷,清晰,凹陷,硬滑,0.608,0.318,是
5,浅白,蜷缩,浊响,清晰,凹陷,硬滑,0.556,0.215,是
6,青绿,稍蜷,浊响,清晰,稍凹,软粘,0.403,0.237,是
7,乌黑,稍蜷,浊响,稍糊,稍凹,软粘,0.481,0.149,是
8,乌黑,稍蜷,浊响,清晰,稍凹,硬滑,0.437,0.211,是
9,乌黑,稍蜷,沉闷,稍糊,稍凹,硬滑,0.666,0.091,否
10,青绿,硬挺,清脆,清晰,平坦,软粘,0.243,0.267,否
11,浅白,硬挺,清脆,模糊,平坦,硬滑,0.245,0.057,否
12,浅白,蜷缩,浊响,模糊,平坦,软粘,0.343,0.099,否
13,青绿,稍蜷,浊响,稍糊,凹陷,硬滑,0.639,0.161,否
14,浅白,稍蜷,沉闷,稍糊,凹陷,硬滑,0.657,0.198,否
15,乌黑,稍蜷,浊响,清晰,稍凹,软粘,0.360,0.370,否
16,浅白,蜷缩,浊响,模糊,平坦,硬滑,0.593,0.042,否
17,青绿,蜷缩,沉闷,稍糊,稍凹,硬滑,0.719,0.103,否
"""

#: The categorical attributes: (zh name, en name, [(zh value, en value), ...]).
ATTRIBUTES = (
    ("色泽", "colour", [("青绿", "green"), ("乌黑", "dark"), ("浅白", "light")]),
    ("根蒂", "root", [("蜷缩", "curled"), ("稍蜷", "slightly curled"), ("硬挺", "stiff")]),
    ("敲声", "knock", [("浊响", "muffled"), ("沉闷", "dull"), ("清脆", "crisp")]),
    ("纹理", "texture", [("清晰", "clear"), ("稍糊", "slightly blurred"), ("模糊", "blurred")]),
    ("脐部", "navel", [("凹陷", "sunken"), ("稍凹", "slightly sunken"), ("平坦", "flat")]),
    ("触感", "touch", [("硬滑", "hard-smooth"), ("软粘", "soft-sticky")]),
)
CONTINUOUS = (("密度", "density"), ("含糖率", "sugar"))


def rows():
    """The table as tuples: (编号 int, six attribute values str, density, sugar, 好瓜 str)."""
    out = []
    for line in TABLE.splitlines():
        f = line.split(",")
        out.append((int(f[0]), *f[1:7], float(f[7]), float(f[8]), f[9]))
    return out


def feature_names(lang=DEFAULT_LANG):
    """Names of X's 19 columns, ``attribute=value`` then density and sugar."""
    lang = check.choice("lang", lang, ("zh", "en"))
    i = 0 if lang == "zh" else 1
    names = [f"{a[i]}={v[i]}" for a in ATTRIBUTES for v in a[2]]
    return names + [c[i] for c in CONTINUOUS]


def load():
    """X (17, 19): one-hot attributes, density, sugar; Y (17, 1): 1.0 for a good melon.

    Returns
    -------
    X, Y : ndarray
    """
    X, Y = [], []
    for r in rows():
        x = []
        for value, (_, _, values) in zip(r[1:7], ATTRIBUTES):
            x.extend(1.0 if value == v[0] else 0.0 for v in values)
        X.append([*x, r[7], r[8]])
        Y.append([1.0 if r[9] == "是" else 0.0])
    return np.array(X), np.array(Y)
