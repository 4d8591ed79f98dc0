"""The message catalogue, one module per domain, merged into one :data:`MESSAGES`.

Each module holds a plain dict ``key → {"zh": template, "en": template}`` and nothing else,
so a domain's texts can be read (and translated) on their own. A key lives in exactly one
module; :func:`merge` refuses a key defined twice.
"""

from . import cli, errors, exercises, lessons, playground, plots, tutorials

#: The domains, in the order their keys are merged.
DOMAINS = (playground, plots, exercises, errors, tutorials, cli, lessons)


def merge(*catalogues: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """One dict of every key of `catalogues`; a key found twice is an error (not overwritten).

    Examples
    --------
    >>> merge({"a.b": {"zh": "甲", "en": "a"}}, {"c.d": {"zh": "乙", "en": "c"}})["c.d"]["en"]
    'c'
    """
    merged: dict[str, dict[str, str]] = {}
    for catalogue in catalogues:
        twice = merged.keys() & catalogue.keys()
        if twice:
            raise KeyError(f"catalogue keys defined twice / 消息键重复定义: {sorted(twice)}")
        merged.update(catalogue)
    return merged


MESSAGES: dict[str, dict[str, str]] = merge(*(domain.MESSAGES for domain in DOMAINS))
