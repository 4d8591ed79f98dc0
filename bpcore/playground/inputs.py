"""Numbers typed into the playground's text boxes: read exactly, or refused with a reason.

A typed value is never clamped or half-read: ``"2.5"`` epochs is refused (not read as 25),
``"1e3"`` is read as 1000 (it is a whole number), ``"0"``, ``"-5"`` and ``"abc"`` are refused,
and so is anything past the allowed range.  The reason is an :class:`bpcore.InputError`
whose text names the setting, in both languages, for the message beside the box.

Examples
--------
>>> read_integer("1e3", "epochs", 1, 1_000_000)
1000
>>> read_integer("2.5", "epochs", 1, 1_000_000)
Traceback (most recent call last):
...
bpcore.errors.InputError: epochs：“2.5”不是整数，未采用（应为 1 到 1000000 的整数）。
epochs: “2.5” is not a whole number; not used (expected 1 to 1000000).
>>> read_number("0.25", "η", 1e-3, 31.6)
0.25
"""

from __future__ import annotations

import math

from ..errors import InputError

#: Characters people type inside numbers that carry no value: thin and ordinary spaces and
#: Python's digit separator.  A comma is refused: "1,5" means 1.5 in much of the world.
_SEPARATORS = ("_", " ", "\u2009", "\u202f", "\u00a0")
_MINUS = ("\u2212", "\uff0d")  # the minus sign and the full-width hyphen-minus


def _error(key: str, **fields) -> InputError:
    return InputError(key, **fields)


def _clean(text) -> str:
    text = str(text).strip()
    for sep in _SEPARATORS:
        text = text.replace(sep, "")
    for minus in _MINUS:
        text = text.replace(minus, "-")
    return text


def _parse(text, name: str) -> float:
    raw = str(text).strip()
    cleaned = _clean(text)
    if not cleaned:
        raise _error("input.empty", name=name)
    try:
        value = float(cleaned)  # also reads full-width digits such as "３０００"
    except ValueError:
        raise _error("input.not_number", name=name, text=raw) from None
    if not math.isfinite(value):
        raise _error("input.not_number", name=name, text=raw)
    return value


def read_integer(text, name: str, low: int, high: int) -> int:
    """The whole number typed in ``text``, if it lies in ``[low, high]``.

    Parameters
    ----------
    text : str
        What was typed (``"3000"``, ``"1e3"``, ``"1_000"``, ``"３０００"``).
    name : str
        The setting's label, for the message.
    low, high : int
        The allowed range (inclusive).

    Returns
    -------
    int

    Raises
    ------
    bpcore.InputError
        Not a number, not whole, or outside ``[low, high]``.
    """
    raw = str(text).strip()
    value = _parse(text, name)
    if value != math.floor(value):
        raise _error("input.not_integer", name=name, text=raw, low=low, high=high)
    if not low <= value <= high:
        raise _error("input.range", name=name, text=raw, low=low, high=high)
    return int(value)


def read_number(text, name: str, low: float, high: float) -> float:
    """The real number typed in ``text``, if it lies in ``[low, high]`` (no clamping).

    Examples
    --------
    >>> read_number("1e-2", "η", 1e-3, 10.0)
    0.01
    """
    raw = str(text).strip()
    value = _parse(text, name)
    if not low <= value <= high:
        raise _error("input.range", name=name, text=raw, low=f"{low:g}", high=f"{high:g}")
    return value
