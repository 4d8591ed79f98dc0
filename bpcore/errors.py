"""Exceptions raised by bpcore, with messages from the catalogue in Chinese and English."""

from .i18n import DEFAULT_LANG, LANGS, Message, t


class InputError(ValueError):
    """An argument was not what was expected.

    It carries a catalogue key (:mod:`bpcore.i18n.catalogue.errors`) and the fields of its
    template; the message names the argument, what it got and what was expected. ``str()``
    shows both languages, Chinese first, one line each (the order of
    :data:`bpcore.i18n.LANGS`); :meth:`message` one of them.

    Parameters
    ----------
    key : str
        A key of :data:`bpcore.i18n.MESSAGES`, e.g. ``"err.validate.choice"``.
    **fields
        Values for the template's placeholders.

    Examples
    --------
    >>> err = InputError("err.validate.positive_number", name="eta", got="-1")
    >>> print(err)
    eta 应为大于 0 的有限实数；实际为 -1
    eta must be a finite number greater than 0; got -1
    >>> err.message("en")
    'eta must be a finite number greater than 0; got -1'
    """

    def __init__(self, key, /, **fields):
        self.text = Message(key, **fields)
        super().__init__(f"{self.text.zh}\n{self.text.en}")

    @classmethod
    def from_key(cls, key, /, **fields):
        """The same as ``InputError(key, **fields)``, spelled out."""
        return cls(key, **fields)

    @property
    def key(self):
        """The catalogue key of the message."""
        return self.text.key

    @property
    def fields(self):
        """The values filled into the message's template."""
        return self.text.fields

    @property
    def zh(self):
        """The message in Chinese."""
        return self.text.zh

    @property
    def en(self):
        """The message in English."""
        return self.text.en

    def message(self, lang=DEFAULT_LANG):
        """The message in one language (``"zh"`` or ``"en"``)."""
        return self.text(lang)


class DivergenceError(ArithmeticError):
    """Training produced a non-finite loss.

    Attributes
    ----------
    epoch : int
        The epoch (1-based) during which the loss stopped being finite.
    history : bpcore.History
        The history up to the last finite epoch, so nothing is lost.
    """

    def __init__(self, epoch, history):
        self.epoch = epoch
        self.history = history
        super().__init__("\n".join(t("err.diverged", lang, epoch=epoch) for lang in LANGS))
