"""Building blocks of a lesson source (see course/README.md).

A lesson is written once, with both languages side by side:

    TITLE = dict(zh="...", en="...")
    CELLS = [
        md(zh="...", en="..."),
        code('''
    # zh: 中文注释
    # en: an English comment
    h = bpcore.train(net, X, Y, eta=0.5, epochs=100)
    '''),
    ]

`scripts/build_notebooks.py` turns it into notebooks/zh/NN_slug.ipynb and
notebooks/en/NN_slug.ipynb: the same code cells, prose and comments in one language each.
"""

from dataclasses import dataclass, field
from textwrap import dedent


@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    zh: str
    en: str
    tags: tuple = field(default_factory=tuple)


def md(zh, en):
    """A prose cell, in Chinese and in English."""
    return Cell("markdown", dedent(zh).strip("\n"), dedent(en).strip("\n"))


def code(source, *, ignore_output=False, tags=()):
    """A code cell. Full-line comments starting ``# zh:`` or ``# en:`` go to one language only.

    ``ignore_output=True`` adds the ``# NBVAL_IGNORE_OUTPUT`` marker (widget reprs, timings).
    The token ``LANG`` on the right-hand side of ``LANG = LANG_VALUE`` is filled with the
    notebook's language.
    """
    text = dedent(source).strip("\n")
    if ignore_output:
        text = "# NBVAL_IGNORE_OUTPUT\n" + text
    return Cell("code", text, text, tuple(tags))
