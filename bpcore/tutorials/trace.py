"""Step traces: one step of an example laid out as tables with the tutorial's own names.

Each tutorial module registers ``steps(example)`` in :data:`~.model.STEPS`; :func:`trace`
wraps them in a :class:`StepTrace`.
"""

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..i18n import DEFAULT_LANG
from ..tables import Table, Tables
from .model import STEPS, Bi, get


@dataclass
class Section:
    """One table of a trace.

    ``columns`` are :class:`Bi` headers; each row is a list of cells: str, :class:`Bi`,
    float, int or None. ``decimals`` is a display hint for float cells.
    """

    key: str
    title: Bi
    columns: list
    rows: list
    decimals: int = 6
    note: Bi | None = None

    def markdown(self, lang=DEFAULT_LANG):
        """The section as a :class:`bpcore.tables.Table` in `lang`.

        It displays as Markdown in a notebook (``str()`` is the Markdown text) and
        ``.text()`` aligns it for a terminal; floats get :attr:`decimals` decimals.

        Examples
        --------
        >>> table = trace("t004_222_frozen").section("output").markdown("zh")
        >>> table.columns[0], table.cells[0][0], table.cells[0][-1]
        ('权重', 'w5', '0.358916480')
        """
        return Table(
            self.columns,
            self.rows,
            title=self.title,
            notes=self.note or (),
            decimals=self.decimals,
            lang=lang,
        )

    def to_dict(self, lang=None):
        return {
            "key": self.key,
            "title": _cell(self.title, lang),
            "columns": [_cell(c, lang) for c in self.columns],
            "rows": [[_cell(c, lang) for c in row] for row in self.rows],
            "decimals": self.decimals,
            "note": _cell(self.note, lang),
        }


@dataclass
class StepTrace:
    """The tables of one step of an example (see :func:`trace`)."""

    example: str
    title: Bi
    sections: list

    def section(self, key):
        """The section called `key` (e.g. ``"forward"``)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise InputError(
            "err.tutorials.trace.section",
            self_example=self.example,
            key=key,
            sections=", ".join(s.key for s in self.sections),
        )

    def markdown(self, lang=DEFAULT_LANG):
        """Every section as tables under the trace's title (:class:`bpcore.tables.Tables`).

        Displays as Markdown in a notebook; ``.text()`` is what ``python -m bpcore trace``
        prints.

        Examples
        --------
        >>> doc = trace("t004_epochs").markdown("en")
        >>> doc.title, len(doc) == len(trace("t004_epochs").sections)
        ('Tutorial 004: epochs, batches and iterations', True)
        """
        return Tables([s.markdown(lang) for s in self.sections], self.title(lang))

    def to_dict(self, lang=None):
        """Plain data for JSON: texts in `lang` (or both), NaN as None."""
        return {
            "example": self.example,
            "title": _cell(self.title, lang),
            "sections": [s.to_dict(lang) for s in self.sections],
        }


def _cell(c, lang):
    if isinstance(c, Bi):
        return c(lang) if lang else {"en": c.en, "zh": c.zh}
    if isinstance(c, (float, np.floating)):
        return float(c) if math.isfinite(c) else None
    if isinstance(c, np.integer):
        return int(c)
    return c


_B = Bi  # short alias for the many headers below


def trace(name):
    """One step of example `name`, as tables with the tutorial's own names.

    Parameters
    ----------
    name : str
        An example name (see :func:`names`).

    Returns
    -------
    StepTrace
        ``sections`` in order (forward values, gradients, updates, …); render them with
        ``python -m bpcore trace NAME`` or read ``trace.to_dict("zh")``.

    Examples
    --------
    >>> t = trace("t004_222_frozen")
    >>> [s.key for s in t.sections]
    ['forward', 'loss', 'output', 'hidden', 'biases', 'after']
    >>> t.section("output").rows[0][0], round(t.section("output").rows[0][-1], 8)
    ('w5', 0.35891648)
    """
    ex = get(name)
    return StepTrace(ex.name, ex.title, STEPS[ex.name](ex))
