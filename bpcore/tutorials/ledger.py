"""The ledger: every published number of the tutorials recomputed by the engine, with a
verdict, the tutorial's own arithmetic where it departs from its stated method, and why.

Each tutorial module registers ``findings(example)`` in :data:`~.model.FINDINGS`; this
module turns them into :class:`LedgerRow` s and tables.
"""

import math
from dataclasses import dataclass

from ..errors import InputError
from ..i18n import DEFAULT_LANG, Message, t
from ..tables import Table, number, whole_or
from .model import EXAMPLES, FINDINGS, Bi, get


@dataclass
class Finding:
    """What the engine finds for one published number (see :func:`ledger`)."""

    value: float
    alternative: float | None = None
    alternative_label: Bi | None = None
    reason: Bi | None = None  # shown when the verdict is "differs"
    note: Bi | None = None  # shown either way
    method: Bi | None = None


@dataclass(frozen=True)
class LedgerRow:
    """One published number, recomputed.

    Attributes
    ----------
    example, tutorial, quantity : str
    label : Bi
    published : float
    published_text : str
        As printed.
    decimals : int
        Decimals printed; the verdict compares at this precision.
    recomputed : float
        Computed now by the engine, following the tutorial's stated method (NaN when the
        stated method gives no number).
    verdict : {"agrees", "differs"}
        ``round(recomputed, decimals) == published``.
    method : Bi
        How `recomputed` was obtained.
    alternative : float or None
        What the tutorial's own arithmetic gives, where it departs from its stated method
        (e.g. tutorial 000's separately averaged factors).
    alternative_label : Bi or None
    alternative_agrees : bool or None
        Whether `alternative` reproduces the published figure.
    reason : Bi or None
        Why the published figure differs (only when ``verdict == "differs"``).
    note : Bi or None
    """

    example: str
    tutorial: str
    quantity: str
    label: Bi
    published: float
    published_text: str
    decimals: int
    recomputed: float
    verdict: str
    method: Bi
    alternative: float | None
    alternative_label: Bi | None
    alternative_agrees: bool | None
    reason: Bi | None
    note: Bi | None

    def to_dict(self, lang=None):
        """Plain data for JSON: texts in `lang`, or both as {"en", "zh"}; NaN becomes None."""

        def text(b):
            if b is None:
                return None
            return b(lang) if lang else {"en": b.en, "zh": b.zh}

        def num(x):
            return None if x is None or not math.isfinite(x) else float(x)

        return {
            "example": self.example,
            "tutorial": self.tutorial,
            "quantity": self.quantity,
            "label": text(self.label),
            "published": self.published,
            "published_text": self.published_text,
            "decimals": self.decimals,
            "recomputed": num(self.recomputed),
            "verdict": self.verdict,
            "method": text(self.method),
            "alternative": num(self.alternative),
            "alternative_label": text(self.alternative_label),
            "alternative_agrees": self.alternative_agrees,
            "reason": text(self.reason),
            "note": text(self.note),
        }


_FORWARD = Bi("engine forward pass", "引擎前向计算")


def ledger(name=None):
    """Every published number, recomputed by the engine now, with a verdict.

    Parameters
    ----------
    name : str, optional
        Only this example's rows.

    Returns
    -------
    list of LedgerRow
        One row per published number, in the order of the tutorials. A row ``"agrees"``
        when the recomputed value rounded to the printed decimals equals the printed value;
        otherwise it ``"differs"`` and carries a reason in zh and en.

    Examples
    --------
    >>> row = next(r for r in ledger("t000_batch_321") if r.quantity == "dE_dw1")
    >>> row.verdict, round(row.recomputed, 4), round(row.alternative, 3)
    ('differs', 0.0593, 0.067)
    """
    selected = [get(name)] if name is not None else list(EXAMPLES.values())
    rows = []
    for ex in selected:
        if not ex.published:
            continue
        findings = FINDINGS[ex.name](ex)
        for pub in ex.published:
            f = findings[pub.quantity]
            agrees = pub.agrees(f.value)
            rows.append(
                LedgerRow(
                    example=ex.name,
                    tutorial=pub.source,
                    quantity=pub.quantity,
                    label=pub.label,
                    published=pub.value,
                    published_text=pub.text,
                    decimals=pub.decimals,
                    recomputed=f.value,
                    verdict="agrees" if agrees else "differs",
                    method=f.method or _FORWARD,
                    alternative=f.alternative,
                    alternative_label=f.alternative_label,
                    alternative_agrees=None if f.alternative is None else pub.agrees(f.alternative),
                    reason=None if agrees else f.reason,
                    note=f.note,
                )
            )
    return rows


#: Words of the ledger's table (the catalogue's ``ledger.table.`` keys without fields).
_TABLE_WORDS = ("title", "title_some", "reasons", "alternative", "agrees", "differs", "stated")
LEDGER_TEXT = {k: Message(f"ledger.table.{k}") for k in (*_TABLE_WORDS, "nothing")}

#: The ledger's columns: key → header.
LEDGER_COLUMNS = {
    "n": Bi("#", "#"),
    "example": Bi("example", "例子"),
    "tutorial": Bi("tutorial", "教程"),
    "quantity": Bi("quantity", "量"),
    "published": Bi("published", "公布值"),
    "recomputed": Bi("recomputed", "重算值"),
    "alternative": Bi("alternative", "另一种算法"),
    "verdict": Bi("verdict", "结论"),
    "method": Bi("method", "方法"),
    "reproduced": Bi("reproduced by", "能复现公布值的是"),
}

_LEDGER_DEFAULT = ("n", "example", "quantity", "published", "recomputed", "alternative", "verdict")
_LEFT = {"example", "tutorial", "quantity", "verdict", "method", "reproduced"}


def _shown(x, decimals, lang):
    return number(x, whole_or(x, decimals), lang)


def ledger_table(
    rows=None, lang=DEFAULT_LANG, example=None, *, columns=None, notes=True, title=None
):
    """The ledger as a table: published and recomputed numbers side by side, with reasons.

    Parameters
    ----------
    rows : list of LedgerRow, optional
        Default: :func:`ledger` of `example` (or of every example).
    lang : {"en", "zh"}
    example : str, optional
        Only this example's rows.
    columns : sequence of str, optional
        Keys of :data:`LEDGER_COLUMNS`, in order. Default: ``("n", "example", "quantity",
        "published", "recomputed", "alternative", "verdict")``, as ``python -m bpcore
        ledger`` prints it.
    notes : bool
        Add the summary (how many agree) and, for every row that differs, why (the row's
        verdict then ends in ``[n]``).
    title : str or Bi, optional
        Default: "Ledger: every published number …" for the whole ledger, "Ledger: published
        numbers …" for some of its rows.

    Returns
    -------
    bpcore.tables.Table
        Displays as Markdown in a notebook; ``.text()`` aligns it for a terminal. A number
        that differs is marked ``[n]``, n its row, and its reason is note ``[n]``.
        Recomputed values show three more decimals than were published (at most 12).

    Examples
    --------
    >>> columns = ("quantity", "published", "verdict")
    >>> t = ledger_table(example="t001_xor", columns=columns, lang="en")
    >>> t.columns, t.cells[1]
    (['quantity', 'published', 'verdict'], ['cost for input (0, 0)', '−4', 'differs [2]'])
    >>> t.notes[0]
    '2 numbers: 1 agree, 1 differ at the published precision.'
    """
    if title is None:
        whole = rows is None and example is None
        title = LEDGER_TEXT["title" if whole else "title_some"]
    if rows is None:
        rows = ledger(example)
    elif example is not None:
        get(example)  # a clear error for an unknown name
        rows = [r for r in rows if r.example == example]
    columns = tuple(_LEDGER_DEFAULT if columns is None else columns)
    unknown = [c for c in columns if c not in LEDGER_COLUMNS]
    if unknown:
        raise InputError(
            "err.tutorials.ledger.ledger_table",
            unknown=unknown,
            columns=list(LEDGER_COLUMNS),
        )
    text = {k: b(lang) for k, b in LEDGER_TEXT.items()}
    cells, reasons = [], []
    for n, r in enumerate(rows, start=1):
        shown = min(r.decimals + 3, 12)
        verdict = text[r.verdict]
        if r.reason is not None and notes:  # [n] points at the reason under the table
            reasons.append((n, r))
            verdict += f" [{n}]"
        if r.verdict == "agrees":
            reproduced = text["stated"]
        elif r.alternative_agrees:
            reproduced = r.alternative_label(lang)
        else:
            reproduced = text["nothing"]
        value = {
            "n": str(n),
            "example": r.example,
            "tutorial": r.tutorial,
            "quantity": r.label(lang),
            "published": r.published_text,
            "recomputed": _shown(r.recomputed, shown, lang),
            "alternative": _shown(r.alternative, shown, lang),
            "verdict": verdict,
            "method": r.method(lang),
            "reproduced": reproduced,
        }
        cells.append([value[c] for c in columns])
    paragraphs = []
    if notes:
        differ = sum(r.verdict == "differs" for r in rows)
        if len(rows) == 1:
            summary = t("ledger.table.summary_one", lang, verdict=text[rows[0].verdict])
        else:
            n, agree = len(rows), len(rows) - differ
            summary = t("ledger.table.summary", lang, n=n, agree=agree, differ=differ)
        paragraphs.append(summary)
        if reasons:
            colon = "：" if lang == "zh" else ": "
            lines = [text["reasons"] + colon.strip()]
            for n, r in reasons:
                lines.append(f"[{n}] {r.example} · {r.label(lang)}{colon}{r.reason(lang)}")
                if r.alternative_label is not None:
                    lines.append(f"    {text['alternative']}{colon}{r.alternative_label(lang)}")
            paragraphs.append("\n".join(lines))
    return Table(
        [LEDGER_COLUMNS[c] for c in columns],
        cells,
        title=title,
        notes=paragraphs,
        aligns=["<" if c in _LEFT else ">" for c in columns],
        lang=lang,
    )
