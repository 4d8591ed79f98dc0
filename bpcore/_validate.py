"""Argument checks. Each raises :class:`bpcore.InputError` naming the argument, what it got
and what was expected, in English and Chinese."""

import math
import numbers

import numpy as np

from .errors import InputError


def _describe(value):
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _row_lengths(value):
    """The lengths of a nested list's rows, for the ragged-input message (None if not nested)."""
    if not isinstance(value, (list, tuple)):
        return None
    lengths = [len(row) if hasattr(row, "__len__") else "·" for row in value]
    return ", ".join(str(n) for n in lengths[:8]) + (", ..." if len(lengths) > 8 else "")


def as_array(name, value, dtype=None):
    """``np.asarray(value, dtype)``, with every conversion failure turned into an InputError.

    This is the one place where user data becomes an array: NumPy's own messages
    ("setting an array element with a sequence", "could not convert string to float") do
    not say which argument was wrong nor what was expected.

    Examples
    --------
    >>> as_array("X", [[0, 0], [1, 1]]).shape
    (2, 2)
    >>> try:
    ...     as_array("X", [[0, 0], [1]])
    ... except InputError as err:
    ...     print(err.message("zh"))
    X 应为规整的数值数组，每一行长度相同；实际各行长度为 2, 1
    """
    if type(value) is np.ndarray and (dtype is None or value.dtype == dtype):
        return value  # the hot path (activations on every forward pass): nothing to convert
    try:
        return np.asarray(value, dtype=dtype)
    except (ValueError, TypeError) as exc:
        rows = _row_lengths(value)
        if rows is not None and ("sequence" in str(exc) or "inhomogeneous" in str(exc)):
            raise InputError(
                f"{name} must be a rectangular array of numbers, every row of the same "
                f"length; got rows of lengths {rows}",
                f"{name} 应为规整的数值数组，每一行长度相同；实际各行长度为 {rows}",
            ) from None
        raise InputError(
            f"{name} must be a number or an array of numbers; got {_describe(value)}",
            f"{name} 应为数或数值数组；实际为 {_describe(value)}",
        ) from None


def choice(name, value, options):
    """Return `value` if it is one of `options`."""
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(repr(o) for o in options)
    raise InputError(
        f"{name} must be one of {listed}; got {_describe(value)}",
        f"{name} 应为 {listed} 之一；实际为 {_describe(value)}",
    )


def positive_number(name, value):
    """A finite real number > 0 (a learning rate η, an ε)."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value <= 0:
        raise InputError(
            f"{name} must be a finite number greater than 0; got {_describe(value)}",
            f"{name} 应为大于 0 的有限实数；实际为 {_describe(value)}",
        )
    return float(value)


def count(name, value, *, minimum=1, maximum=None, what_max=None):
    """An integer in [minimum, maximum] (epochs, a batch size, a layer width)."""
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if ok and value >= minimum and (maximum is None or value <= maximum):
        return int(value)
    upper_en = f" and at most {maximum}" if maximum is not None else ""
    upper_zh = f"且不超过 {maximum}" if maximum is not None else ""
    if what_max:
        upper_en += f" ({what_max[0]})"
        upper_zh += f"（{what_max[1]}）"
    raise InputError(
        f"{name} must be an integer of at least {minimum}{upper_en}; got {_describe(value)}",
        f"{name} 应为不小于 {minimum} 的整数{upper_zh}；实际为 {_describe(value)}",
    )


def real_array(name, value, *, ndim=None, shape=None, allow_int=True):
    """A float64 copy of `value`, checked for dtype, dimension, shape, emptiness and finiteness.

    Parameters
    ----------
    ndim : int or tuple of int, optional
        Accepted numbers of dimensions.
    shape : tuple, optional
        Expected shape; ``None`` entries match any length.
    allow_int : bool
        Data may be written as integers (0/1 of XOR); parameters may not, because a weight
        array of integers would silently truncate every update.
    """
    arr = as_array(name, value)
    if (
        arr.dtype == bool
        or arr.dtype.kind not in ("f", "i", "u")
        or (not allow_int and arr.dtype.kind != "f")
    ):
        kind_en = "floating-point numbers" if not allow_int else "real numbers"
        kind_zh = "浮点数" if not allow_int else "实数"
        hint_en = " (write 1.0, not 1, or pass dtype=float)" if not allow_int else ""
        hint_zh = "（请写 1.0 而不是 1，或指定 dtype=float）" if not allow_int else ""
        raise InputError(
            f"{name} must be an array of {kind_en}{hint_en}; got {_describe(value)}",
            f"{name} 应为{kind_zh}数组{hint_zh}；实际为 {_describe(value)}",
        )
    arr = arr.astype(float)  # always a fresh copy: callers may keep and mutate theirs
    if ndim is not None:
        dims = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in dims:
            want = " or ".join(f"{d}-D" for d in dims)
            raise InputError(
                f"{name} must be {want}; got {_describe(value)}",
                f"{name} 应为 {want} 数组；实际为 {_describe(value)}",
            )
    if shape is not None and (
        arr.ndim != len(shape) or any(s is not None and s != a for s, a in zip(shape, arr.shape))
    ):
        parts = ["any" if s is None else str(s) for s in shape]
        want = "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        raise InputError(
            f"{name} must have shape {want}; got shape {arr.shape}",
            f"{name} 的形状应为 {want}；实际为 {arr.shape}",
        )
    if arr.size == 0:
        raise InputError(
            f"{name} must not be empty; got {_describe(value)}",
            f"{name} 不能为空；实际为 {_describe(value)}",
        )
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise InputError(
            f"{name} must contain only finite numbers; got {bad} NaN or infinite value(s)",
            f"{name} 只能包含有限数；其中有 {bad} 个 NaN 或无穷大",
        )
    return arr


def same_length(name_x, X, name_y, Y):
    """X and Y must hold the same number of samples."""
    if X.shape[0] != Y.shape[0]:
        raise InputError(
            f"{name_x} and {name_y} must have the same number of samples (rows); "
            f"got {X.shape[0]} and {Y.shape[0]}",
            f"{name_x} 与 {name_y} 的样本数（行数）应相同；实际为 {X.shape[0]} 和 {Y.shape[0]}",
        )
