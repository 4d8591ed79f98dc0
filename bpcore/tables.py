"""Tables of numbers, one way for the terminal and the notebooks.

A :class:`Table` holds a title, column headers, rows of cells and notes.  It formats its
cells once, when it is made (:func:`cell`), and renders them two ways:

* :meth:`Table.markdown` (also ``str(table)`` and the notebook display, ``_repr_markdown_``);
* :meth:`Table.text`, columns aligned by *display* width for a terminal: a CJK character takes
  two columns (``unicodedata.east_asian_width`` "W" or "F"), a combining mark none.

Numbers are written with the minus sign U+2212 and a fixed number of decimals; a value that
is not finite is *undefined* (无定义), a missing one a dash.  The CLI (``python -m bpcore``),
:meth:`bpcore.examples.Section.markdown`, :meth:`bpcore.examples.StepTrace.markdown` and
:func:`bpcore.examples.ledger_table` are all built on this module.

The module needs NumPy only.

Examples
--------
>>> from bpcore.tables import Table
>>> t = Table(["量", "value"], [["E", 0.5], ["∂E/∂w", -1.25]], title="Loss", decimals=2)
>>> print(t.text())
Loss
量     value
-----  -----
E       0.50
∂E/∂w  −1.25
>>> print(t.markdown())
**Loss**
<BLANKLINE>
| 量 | value |
| --- | ---: |
| E | 0.50 |
| ∂E/∂w | −1.25 |
"""

import numbers
import unicodedata
from collections.abc import Sequence

from .i18n import DEFAULT_LANG

# Number formatting lives in bpcore.notation; re-exported here (tables.number is used widely).
from .notation import DASH, MINUS, number, whole_or  # noqa: F401


# ---------------------------------------------------------------------------------------
# Text in one language
# ---------------------------------------------------------------------------------------
def is_bilingual(c):
    """True for a text in both languages: an object with ``zh`` and ``en`` attributes that
    is called with the language (:class:`bpcore.examples.Bi`)."""
    return callable(c) and hasattr(c, "zh") and hasattr(c, "en")


def text_in(c, lang=DEFAULT_LANG):
    """`c` as a string in `lang`: a bilingual text is called with `lang`; None gives ``""``.

    Examples
    --------
    >>> from bpcore.examples import Bi
    >>> text_in(Bi("loss", "损失"), "zh"), text_in(None), text_in("E")
    ('损失', '', 'E')
    """
    if c is None:
        return ""
    if is_bilingual(c):
        return c(lang)
    return str(c)


class Code(str):
    """A cell shown as inline code in Markdown and as plain text in a terminal.

    Examples
    --------
    >>> print(Table(["engine"], [[Code("layers[1].W[0, 0]")]]).markdown())
    | engine |
    | --- |
    | `layers[1].W[0, 0]` |
    """

    __slots__ = ()


# ---------------------------------------------------------------------------------------
# Numbers and cells
# ---------------------------------------------------------------------------------------
def is_number(c):
    """True for a numeric cell: int, float, bool, a NumPy number (not a string or text)."""
    return isinstance(c, (numbers.Number, bool)) or (hasattr(c, "dtype") and not isinstance(c, str))


def cell(c, decimals=6, lang=DEFAULT_LANG):
    """One table cell as text.

    ====================  ===================================================
    cell                  shown as
    ====================  ===================================================
    None                  a dash ``—``
    bilingual text (Bi)   its text in `lang`
    :class:`Code`         itself (inline code in Markdown)
    bool                  ``True`` / ``False``
    int                   the integer, minus sign U+2212
    float, NumPy number   :func:`number` with `decimals`
    anything else         ``str(c)``
    ====================  ===================================================

    Examples
    --------
    >>> [cell(c, 3) for c in (None, True, -4, 0.12345, "w5")]
    ['—', 'True', '−4', '0.123', 'w5']
    """
    if c is None:
        return DASH
    if is_bilingual(c):
        return c(lang)
    if isinstance(c, bool):
        return str(c)
    if isinstance(c, numbers.Integral):
        return str(int(c)).replace("-", MINUS)
    if isinstance(c, numbers.Real) or hasattr(c, "dtype"):
        return number(float(c), decimals, lang)
    if isinstance(c, str):
        return c  # a Code cell stays one
    return str(c)


# ---------------------------------------------------------------------------------------
# Display width
# ---------------------------------------------------------------------------------------
def display_width(text):
    """Terminal columns `text` occupies: 2 per wide (CJK) character, 0 per combining mark.

    Examples
    --------
    >>> display_width("abc"), display_width("一致"), display_width("x(1) 的 h1")
    (3, 4, 10)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text, width, align="<"):
    gap = " " * max(0, width - display_width(text))
    return gap + text if align == ">" else text + gap


def render_table(headers, rows, aligns=None):
    """Rows of strings as aligned lines, columns separated by two spaces.

    Parameters
    ----------
    headers : list of str
    rows : list of list of str
    aligns : list of {"<", ">"}, optional
        Per column; default left.

    Returns
    -------
    str

    Examples
    --------
    >>> print(render_table(["量", "value"], [["E", "0.5"], ["一致", "12"]], ["<", ">"]))
    量    value
    ----  -----
    E       0.5
    一致     12
    """
    aligns = aligns or ["<"] * len(headers)
    widths = [
        max(display_width(str(c)) for c in [h, *(r[k] for r in rows)])
        for k, h in enumerate(headers)
    ]
    lines = ["  ".join(_pad(h, w, a) for h, w, a in zip(headers, widths, aligns)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(_pad(str(c), w, a) for c, w, a in zip(r, widths, aligns)).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------
def _md_cell(text):
    # a pipe would end the cell; a line break would end the row
    escaped = text.replace("|", "\\|").replace("\n", " ")
    if isinstance(text, Code):
        return "`" + escaped.replace("`", "'") + "`"
    return escaped


def _md_note(text):
    # the lines of a note stay lines: a hard break (two spaces) at the end of each
    return "  \n".join(line.strip() for line in text.splitlines())


# ---------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------
class _Shown:
    """Displayed as Markdown in a notebook; ``str()`` is the Markdown, ``repr()`` the text."""

    def _repr_markdown_(self):
        return self.markdown()

    def __str__(self):
        return self.markdown()

    def __repr__(self):
        return self.text()


class Table(_Shown):
    """A table of cells in one language, shown as Markdown in a notebook or aligned text.

    Parameters
    ----------
    columns : sequence of str or Bi
        Column headers.
    rows : iterable of sequences
        One sequence of cells per row, as many as `columns`; a cell is anything
        :func:`cell` formats (str, Bi, int, float, NumPy number, bool, None).
    title : str or Bi, optional
        Shown above the table (bold in Markdown).
    notes : str, Bi or sequence of them, optional
        Paragraphs shown under the table; a paragraph keeps its line breaks.
    aligns : sequence of {"<", ">"}, optional
        Per column. By default a column is right-aligned when every cell in it is a number
        (or None) and left-aligned otherwise.
    decimals : int or sequence of int
        Decimals of float cells, for all columns or per column.
    lang : {"en", "zh"}
        Language of the bilingual cells, headers, title and notes.

    Attributes
    ----------
    title : str
    columns : list of str
    cells : list of list of str
        The formatted cells.
    aligns : list of {"<", ">"}
    notes : list of str

    Examples
    --------
    >>> t = Table(["x", "f(x)"], [[0.0, 0.5], [-2.0, 0.119203]], decimals=[1, 4])
    >>> t.cells
    [['0.0', '0.5000'], ['−2.0', '0.1192']]
    >>> print(t.text())
       x    f(x)
    ----  ------
     0.0  0.5000
    −2.0  0.1192
    """

    def __init__(
        self, columns, rows, *, title=None, notes=(), aligns=None, decimals=6, lang=DEFAULT_LANG
    ):
        self.lang = lang
        self.columns = [text_in(c, lang) for c in columns]
        n = len(self.columns)
        rows = [list(r) for r in rows]
        for k, r in enumerate(rows):
            if len(r) != n:
                raise ValueError(
                    f"row {k} has {len(r)} cells; the table has {n} columns / "
                    f"第 {k} 行有 {len(r)} 个单元格，而表格有 {n} 列"
                )
        per_column = [decimals] * n if isinstance(decimals, numbers.Integral) else list(decimals)
        if len(per_column) != n:
            raise ValueError(
                f"decimals gives {len(per_column)} values for {n} columns / "
                f"decimals 给出了 {len(per_column)} 个值，而表格有 {n} 列"
            )
        self.cells = [[cell(c, d, lang) for c, d in zip(r, per_column)] for r in rows]
        if aligns is None:
            aligns = [
                ">" if rows and all(c is None or is_number(c) for c in col) else "<"
                for col in (zip(*rows) if rows else [()] * n)
            ]
        self.aligns = list(aligns)
        self.title = text_in(title, lang)
        if isinstance(notes, str) or is_bilingual(notes):
            notes = [notes]
        self.notes = [text_in(x, lang) for x in notes if x is not None and text_in(x, lang)]

    def grid(self):
        """The rows aligned in columns by display width (header, rule, rows)."""
        return render_table(self.columns, self.cells, self.aligns)

    def text(self):
        """Title, aligned rows and notes, for a terminal.

        Returns
        -------
        str
        """
        return "\n".join([*([self.title] if self.title else []), self.grid(), *self.notes])

    def markdown(self):
        """The table as Markdown: the title in bold, numeric columns right-aligned.

        Returns
        -------
        str
        """
        rule = ["---:" if a == ">" else "---" for a in self.aligns]
        lines = [
            "| " + " | ".join(_md_cell(c) for c in self.columns) + " |",
            "| " + " | ".join(rule) + " |",
        ]
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in self.cells]
        parts = [f"**{self.title}**"] if self.title else []
        parts.append("\n".join(lines))
        parts += [_md_note(x) for x in self.notes]
        return "\n\n".join(parts)

    def __eq__(self, other):
        if not isinstance(other, Table):
            return NotImplemented
        return (self.title, self.columns, self.cells, self.aligns, self.notes) == (
            other.title,
            other.columns,
            other.cells,
            other.aligns,
            other.notes,
        )

    __hash__ = None


class Tables(_Shown):
    """Several tables under one title (e.g. every step of a trace).

    Parameters
    ----------
    tables : sequence of Table
    title : str, optional

    Examples
    --------
    >>> doc = Tables([Table(["a"], [[1]], title="One"), Table(["b"], [[2]], title="Two")], "Both")
    >>> print(doc.text())
    Both
    <BLANKLINE>
    ## One
    a
    -
    1
    <BLANKLINE>
    ## Two
    b
    -
    2
    """

    def __init__(self, tables: Sequence[Table], title=None):
        self.tables = list(tables)
        self.title = title or ""

    def __iter__(self):
        return iter(self.tables)

    def __len__(self):
        return len(self.tables)

    def __getitem__(self, k):
        return self.tables[k]

    def text(self):
        """The title, then each table under a ``## title`` heading, for a terminal."""
        out = [self.title] if self.title else []
        for table in self.tables:
            out += ["", f"## {table.title}", table.grid(), *table.notes]
        return "\n".join(out)

    def markdown(self):
        """The title in bold, then each table as in :meth:`Table.markdown`."""
        parts = [f"**{self.title}**"] if self.title else []
        parts += [table.markdown() for table in self.tables]
        return "\n\n".join(parts)
