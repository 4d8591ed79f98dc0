"""One way to speak two languages: the text types, the message catalogue, t() and both().

Everything a student reads is either a key of :data:`MESSAGES` (a :meth:`str.format`
template per language, the same placeholders in both; ``tests/test_i18n.py`` checks this)
or, for a short text written where it is used (a table cell, a header), a :class:`Text`.
A :class:`Message` is a catalogue key with the values of its fields: it renders like a
:class:`Text`, and :class:`bpcore.InputError` is built on it.

* :data:`LANGS` is defined here and nowhere else; :data:`DEFAULT_LANG` is the default of
  every ``lang=`` argument of bpcore.
* One order for two languages: **Chinese first, then English** -- the order of
  :data:`LANGS`, of :func:`both`, of :class:`Text`'s arguments and of an error's two lines.
  The course is written first in Chinese and Chinese is its default language, so the
  language a student sees by default comes first wherever both are shown.

The catalogue is split by domain (:mod:`bpcore.i18n.catalogue`: playground, plots,
exercises, errors, tutorials, cli); the modules are plain dicts merged into one
:data:`MESSAGES`. The package imports nothing outside the standard library, so the font
build script (``scripts/build_font_subset.py``) can load it without importing ``bpcore``.

Examples
--------
>>> from bpcore.i18n import t
>>> t("status.diverged", "zh", epoch=12)
'训练发散：第 12 轮的损失不再是有限数。'
>>> t("status.diverged", "en", epoch=12)
'Training diverged at epoch 12: the loss is no longer a finite number.'
"""

from __future__ import annotations

import string

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "MESSAGES",
    "Message",
    "Text",
    "both",
    "catalogue_text",
    "check_lang",
    "placeholders",
    "t",
]

#: The languages of the course, in the order they are shown (the one definition in bpcore).
LANGS: tuple[str, ...] = ("zh", "en")

#: Language used when none is given: the course is written first in Chinese.
DEFAULT_LANG = "zh"


def _messages() -> dict[str, dict[str, str]]:
    """The merged catalogue, loaded on first use (``import bpcore`` does not read it)."""
    from .catalogue import MESSAGES

    return MESSAGES


def __getattr__(name: str):
    # MESSAGES (key -> {"zh": ..., "en": ...}) is read from the catalogue when first asked for.
    if name == "MESSAGES":
        return _messages()
    raise AttributeError(f"module 'bpcore.i18n' has no attribute {name!r}")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`LANGS`, else raise a bilingual ``ValueError``.

    Parameters
    ----------
    lang : str
        ``"zh"`` or ``"en"``.

    Returns
    -------
    str
        The same language code.

    Examples
    --------
    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(both("err.lang", lang=lang))
    return lang


def t(key: str, lang: str = DEFAULT_LANG, /, **fields: object) -> str:
    """The text of catalogue entry ``key`` in ``lang``, with ``fields`` filled in.

    Parameters
    ----------
    key : str
        A key of :data:`MESSAGES`, e.g. ``"btn.train"``.
    lang : {"zh", "en"}
        The language.
    **fields
        Values for the template's placeholders.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If ``key`` is not in the catalogue (the message says so in both languages).
    ValueError
        If ``lang`` is not supported.

    Examples
    --------
    >>> t("btn.train", "zh"), t("btn.train", "en")
    ('训练', 'Train')
    """
    check_lang(lang)
    try:
        entry = _messages()[key]
    except KeyError:
        raise KeyError(both("err.key", key=key)) from None
    return entry[lang].format(**fields)


def both(key: str, /, **fields: object) -> str:
    """Both languages of ``key`` on one line, Chinese first: the form used for errors.

    Examples
    --------
    >>> both("btn.reset")
    '重置 / Reset'
    """
    return " / ".join(_messages()[key][lang].format(**fields) for lang in LANGS)


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` of a format template (used by the sync test).

    Examples
    --------
    >>> sorted(placeholders("第 {epoch} 轮，损失 {loss:.4g}"))
    ['epoch', 'loss']
    """
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_text() -> str:
    """Every catalogue text of every language joined: what the CJK font subset must cover."""
    return "\n".join(text for entry in _messages().values() for text in entry.values())


class Text:
    """A short text written inline in both languages (a table cell, a header, a title).

    Chinese first, as everywhere in bpcore. Called with a language it returns that
    language's text; ``.zh`` and ``.en`` are the two texts.

    Parameters
    ----------
    zh, en : str
        The Chinese and the English text.

    Examples
    --------
    >>> label = Text("学习率", "learning rate")
    >>> label("en"), label.zh
    ('learning rate', '学习率')
    """

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str):
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)

    def __setattr__(self, name, value):
        raise AttributeError("Text is immutable / Text 不可修改")

    def __call__(self, lang: str = DEFAULT_LANG) -> str:
        return getattr(self, check_lang(lang))

    def __eq__(self, other):
        if not isinstance(other, Text):
            return NotImplemented
        return (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self):
        return hash((self.zh, self.en))

    def __repr__(self):
        return f"Text({self.zh!r}, {self.en!r})"


class Message:
    """A key of :data:`MESSAGES` with the values of its template's fields.

    It renders like a :class:`Text`: called with a language, or through ``.zh`` and
    ``.en``. A field that is itself a :class:`Text` or :class:`Message` is rendered in the
    same language, so a message can quote another.

    Parameters
    ----------
    key : str
        A catalogue key, e.g. ``"err.lang"``.
    **fields
        Values for the template's placeholders.

    Examples
    --------
    >>> m = Message("status.diverged", epoch=3)
    >>> m("en")
    'Training diverged at epoch 3: the loss is no longer a finite number.'
    """

    __slots__ = ("fields", "key")

    def __init__(self, key: str, /, **fields: object):
        if key not in _messages():
            raise KeyError(both("err.key", key=key))
        self.key = key
        self.fields = fields

    def __call__(self, lang: str = DEFAULT_LANG) -> str:
        check_lang(lang)
        values = {
            k: v(lang) if isinstance(v, (Text, Message)) else v for k, v in self.fields.items()
        }
        return _messages()[self.key][lang].format(**values)

    @property
    def zh(self) -> str:
        return self("zh")

    @property
    def en(self) -> str:
        return self("en")

    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, self.fields) == (other.key, other.fields)

    __hash__ = None

    def __repr__(self):
        fields = "".join(f", {k}={v!r}" for k, v in self.fields.items())
        return f"Message({self.key!r}{fields})"
