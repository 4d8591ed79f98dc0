"""Runners shipped with the course: the printed sources of the shapes its lessons train.

Printing a runner needs SymPy (about 0.35 s to import on the course's 2-core machine) and
0.05–0.5 s of derivation and simplification per shape. For the runners the notebooks build
when run from top to bottom, the printed source ships in ``bpcore/data/runners.json``, so a
fresh kernel trains them at once and without SymPy; every other shape is derived as before.

``python scripts/build_runners.py`` writes the file from the list of runners in it;
``tests/test_shipped_runners.py`` checks that every entry is exactly what a fresh derivation
prints, so a change to the code generator cannot leave a stale source behind.

Examples
--------
Lesson 10's first playground (XOR 2-3-1, the textbook's thresholds, the whole batch) ships;
the same net with biases does not:

>>> key = ((2, 3, 1), ("sigmoid", "sigmoid"), ("threshold", "threshold"))
>>> name(key, 4, 4, True, "mean", True)
'2-3-1 sigmoid,sigmoid threshold,threshold n=4 B=4 train_offsets=True mean record_batches=True'
>>> source(key, 4, 4, True, "mean", True).startswith("def _run_safe(")
True
>>> source(((2, 3, 1), key[1], ("bias", "bias")), 4, 4, True, "mean", True) is None
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources

__all__ = ["name", "names", "source"]

#: Where the sources live, inside the package (bpcore/data is package data).
FILE = "data/runners.json"


def name(key, n, B, train_offsets, reduction, record_batches) -> str:
    """The entry's name: the runner's shape and arguments, as ``make_epochs_runner`` takes them."""
    sizes, acts, offs = key
    return (
        f"{'-'.join(map(str, sizes))} {','.join(acts)} {','.join(offs)} n={n} B={B} "
        f"train_offsets={bool(train_offsets)} {reduction} record_batches={bool(record_batches)}"
    )


@functools.cache
def _table() -> dict:
    text = resources.files("bpcore").joinpath(FILE).read_text(encoding="utf-8")
    return {entry["name"]: entry["source"] for entry in json.loads(text)["runners"]}


def names() -> list[str]:
    """Every shipped runner's name."""
    return list(_table())


def source(key, n, B, train_offsets, reduction, record_batches) -> str | None:
    """The shipped source of this runner, or ``None`` when it must be derived."""
    return _table().get(name(key, n, B, train_offsets, reduction, record_batches))
