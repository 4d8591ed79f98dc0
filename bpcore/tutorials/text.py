"""The ledger's reasons: a :class:`~bpcore.i18n.Message` of the catalogue's ``ledger.`` keys.

The templates live in :mod:`bpcore.i18n.catalogue.tutorials`, with the same placeholders in
zh and en (``tests/test_i18n.py`` checks every catalogue key); a ledger row carries the
key and the numbers, not a finished essay. A field may itself be a :class:`Message`,
rendered in the same language.

Examples
--------
>>> m = reason("mazur.fix", code="repo", commit="abc")
>>> m("en")[:36]
"the post's code (repo) first updated"
"""

from ..i18n import MESSAGES as _ALL
from ..i18n import Message

__all__ = ["MESSAGES", "Message", "reason"]

#: The reason templates (the catalogue's ``ledger.`` keys but the table's words).
MESSAGES = {
    k: v for k, v in _ALL.items() if k.startswith("ledger.") and not k.startswith("ledger.table.")
}


def reason(key, **fields):
    """The :class:`Message` ``ledger.<key>`` with `fields`: a ledger row's reason."""
    return Message(f"ledger.{key}", **fields)
