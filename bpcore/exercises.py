"""Checking a student's answer: right, almost, or wrong, with a hint, in the lesson's language.

Examples
--------
>>> r = check(0.2984, 0.298371109, lang="en", decimals=4)
>>> r.verdict
'right'
>>> check(-0.25, 0.25, lang="en").verdict
'almost'
>>> print(check(-0.25, 0.25, lang="zh").message)
差一点：符号反了。检查梯度下降的方向：Δw = −η ∂E/∂w。
>>> check(None, 1.0, lang="en").verdict
'missing'
"""

from dataclasses import dataclass

import numpy as np

_TEXT = {
    "right": {"zh": "正确！", "en": "Right!"},
    "missing": {
        "zh": "还没有作答：把 answer 设为你的结果，再运行本单元。",
        "en": "Not answered yet: set answer to your result and run this cell again.",
    },
    "shape": {
        "zh": "形状不对：期望 {want}，得到 {got}。",
        "en": "Wrong shape: expected {want}, got {got}.",
    },
    "not_number": {
        "zh": "答案应为数字或数组，得到的是 {got}。",
        "en": "The answer should be a number or an array; got {got}.",
    },
    "sign": {
        "zh": "差一点：符号反了。检查梯度下降的方向：Δw = −η ∂E/∂w。",
        "en": "Almost: the sign is flipped. Check the direction of descent: Δw = −η ∂E/∂w.",
    },
    "half": {
        "zh": "差一点：差了 2 倍。检查损失里的 ½ 或求导时的系数 2。",
        "en": "Almost: off by a factor of 2. Check the ½ in the loss or the 2 from the square.",
    },
    "close": {
        "zh": "差一点：相对误差 {err:.1e}。是不是中间结果四舍五入得太早了？",
        "en": "Almost: relative error {err:.1e}. Did you round an intermediate value?",
    },
    "wrong": {"zh": "还不对。", "en": "Not yet."},
    "outside": {
        "zh": "还不对：{answer:.3g} 不在 {low:.3g} 到 {high:.3g} 之间。",
        "en": "Not yet: {answer:.3g} is not between {low:.3g} and {high:.3g}.",
    },
}


@dataclass
class CheckResult:
    """The verdict (``"right"``, ``"almost"``, ``"wrong"``, ``"missing"``) and its message."""

    verdict: str
    message: str

    @property
    def ok(self):
        return self.verdict == "right"

    def __repr__(self):
        mark = {"right": "✔", "almost": "≈", "wrong": "✘", "missing": "…"}[self.verdict]
        return f"{mark} {self.message}"

    def _repr_markdown_(self):
        return f"**{self!r}**"


def _say(key, lang, **kw):
    return _TEXT[key]["zh" if lang == "zh" else "en"].format(**kw)


def check(answer, expected, *, lang="en", decimals=None, rtol=1e-6, hint=None):
    """Compare `answer` with `expected` and explain the difference.

    Parameters
    ----------
    answer : float, array_like or None
        What the student computed; ``None`` (or ``...``) means not answered yet.
    expected : float or array_like
        The value bpcore computed (never a hand-copied number).
    lang : {"zh", "en"}
    decimals : int, optional
        Compare after rounding both to this many decimals (for answers read off a table).
    rtol : float
        Relative tolerance when `decimals` is not given.
    hint : dict, optional
        ``{"zh": ..., "en": ...}`` added to a "wrong" verdict.

    Returns
    -------
    CheckResult
    """
    if answer is None or answer is Ellipsis:
        return CheckResult("missing", _say("missing", lang))
    try:
        a = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return CheckResult("wrong", _say("not_number", lang, got=repr(answer)[:40]))
    e = np.asarray(expected, dtype=float)
    if a.shape != e.shape:
        return CheckResult("wrong", _say("shape", lang, want=e.shape, got=a.shape))

    def same(x, y):
        if decimals is not None:
            return np.array_equal(np.round(x, decimals), np.round(y, decimals))
        return np.allclose(x, y, rtol=rtol, atol=1e-12)

    if same(a, e):
        return CheckResult("right", _say("right", lang))
    if np.any(e != 0) and same(-a, e):
        return CheckResult("almost", _say("sign", lang))
    if np.any(e != 0) and (same(2 * a, e) or same(a / 2, e)):
        return CheckResult("almost", _say("half", lang))
    scale = np.maximum(np.abs(e), 1e-12)
    err = float(np.max(np.abs(a - e) / scale))
    if err < 1e-2:
        return CheckResult("almost", _say("close", lang, err=err))
    extra = f" {hint['zh' if lang == 'zh' else 'en']}" if hint else ""
    return CheckResult("wrong", _say("wrong", lang) + extra)


def check_between(answer, low, high, *, lang="en", hint=None):
    """Right when `answer` lies in [low, high]: for a quantity read off a plot, or one whose
    exact value depends on rounding noise (the best step of a gradient-check sweep).

    Examples
    --------
    >>> check_between(5e-5, 1.3e-5, 1.3e-4, lang="en").verdict
    'right'
    >>> print(check_between(1e-6, 1.3e-5, 1.3e-4, lang="en").message)
    Not yet: 1e-06 is not between 1.3e-05 and 0.00013.
    """
    if answer is None or answer is Ellipsis:
        return CheckResult("missing", _say("missing", lang))
    try:
        a = float(answer)
    except (TypeError, ValueError):
        return CheckResult("wrong", _say("not_number", lang, got=repr(answer)[:40]))
    if low <= a <= high:
        return CheckResult("right", _say("right", lang))
    extra = f" {hint['zh' if lang == 'zh' else 'en']}" if hint else ""
    return CheckResult("wrong", _say("outside", lang, answer=a, low=low, high=high) + extra)
