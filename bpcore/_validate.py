"""Argument checks. Each raises :class:`bpcore.InputError` naming the argument, what it got
and what was expected, in English and Chinese."""

import math
import numbers

import numpy as np

from .errors import InputError
from .i18n import Text


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
            raise InputError("err.validate.as_array.rectangular", name=name, rows=rows) from None
        raise InputError("err.validate.as_array.number", name=name, got=_describe(value)) from None


def choice(name, value, options):
    """Return `value` if it is one of `options`."""
    if isinstance(value, str) and value in options:
        return value
    listed = ", ".join(repr(o) for o in options)
    raise InputError("err.validate.choice", name=name, listed=listed, got=_describe(value))


def positive_number(name, value):
    """A finite real number > 0 (a learning rate η, an ε)."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or value <= 0:
        raise InputError("err.validate.positive_number", name=name, got=_describe(value))
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
    upper = Text(upper_zh, upper_en)
    raise InputError(
        "err.validate.count", name=name, minimum=minimum, upper=upper, got=_describe(value)
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
        if allow_int:
            kind, hint = Text("实数", "real numbers"), ""
        else:
            kind = Text("浮点数", "floating-point numbers")
            hint = Text(
                "（请写 1.0 而不是 1，或指定 dtype=float）",
                " (write 1.0, not 1, or pass dtype=float)",
            )
        raise InputError(
            "err.validate.real_array.array", name=name, kind=kind, hint=hint, got=_describe(value)
        )
    arr = arr.astype(float)  # always a fresh copy: callers may keep and mutate theirs
    if ndim is not None:
        dims = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in dims:
            want = " or ".join(f"{d}-D" for d in dims)
            raise InputError(
                "err.validate.real_array.other", name=name, want=want, got=_describe(value)
            )
    if shape is not None and (
        arr.ndim != len(shape) or any(s is not None and s != a for s, a in zip(shape, arr.shape))
    ):
        parts = ["any" if s is None else str(s) for s in shape]
        want = "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        raise InputError("err.validate.real_array.have", name=name, want=want, arr_shape=arr.shape)
    if arr.size == 0:
        raise InputError("err.validate.real_array.empty", name=name, got=_describe(value))
    if not np.all(np.isfinite(arr)):
        bad = int(np.sum(~np.isfinite(arr)))
        raise InputError("err.validate.real_array.contain", name=name, bad=bad)
    return arr


def same_length(name_x, X, name_y, Y):
    """X and Y must hold the same number of samples."""
    if X.shape[0] != Y.shape[0]:
        raise InputError(
            "err.validate.same_length",
            name_x=name_x,
            name_y=name_y,
            X_shape_0=X.shape[0],
            Y_shape_0=Y.shape[0],
        )
