"""The words a lesson's code cell prints, read from the catalogue: no language switch in a cell.

A lesson notebook is built in two languages from one source (``course/NN_slug.py``), and its
code cells are the same in both.  A cell that prints a sentence or a table header therefore
asks for the words by key instead of spelling them in a ``{"zh": ..., "en": ...}[LANG]``
dictionary::

    say("01.converged", history.converged, lang=LANG)
    Table(columns("01.epoch_table", LANG), rows, lang=LANG)

The keys are the catalogue's ``lesson.NN.name`` entries (:data:`bpcore.i18n.MESSAGES`): the
two-digit lesson number, then a name.  A table header is one catalogue text whose columns
are separated by ``" | "``.

Imports only :mod:`bpcore.i18n` (the standard library), so ``import bpcore`` stays light.
"""

from __future__ import annotations

from .i18n import t

#: What separates the columns of a header in one catalogue text.
COLUMN_SEPARATOR = " | "


def text(key: str, lang: str, /, **fields: object) -> str:
    """The catalogue text ``lesson.<key>`` in `lang`, with `fields` filled in.

    Parameters
    ----------
    key : str
        ``"NN.name"``: the lesson number and the name of the text, e.g. ``"01.converged"``.
    lang : {"zh", "en"}
        The notebook's language.
    **fields
        Values for the template's placeholders.

    Returns
    -------
    str

    Examples
    --------
    >>> text("01.converged", "en"), text("01.converged", "zh")
    ('converged', '收敛')
    """
    return t(f"lesson.{key}", lang, **fields)


def say(key: str, /, *values: object, lang: str, **fields: object) -> None:
    """Print the text of `key` in `lang`, then `values`, as :func:`print` would.

    Parameters
    ----------
    key : str
        ``"NN.name"`` (see :func:`text`).
    *values
        Numbers or arrays printed after the text, separated by spaces.
    lang : {"zh", "en"}
        The notebook's language.
    **fields
        Values for the template's placeholders.

    Examples
    --------
    >>> say("01.converged", True, lang="en")
    converged True
    """
    print(text(key, lang, **fields), *values)


def columns(key: str, lang: str, /) -> list[str]:
    """The column headers of a table: the text of `key` split at ``" | "``.

    Parameters
    ----------
    key : str
        ``"NN.name"`` (see :func:`text`).
    lang : {"zh", "en"}
        The notebook's language.

    Returns
    -------
    list of str

    Examples
    --------
    >>> columns("01.epoch_table", "en")
    ['epoch', 'w1', 'w2', 'θ = w3', 'mistakes']
    """
    return text(key, lang).split(COLUMN_SEPARATOR)
