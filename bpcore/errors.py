"""Exceptions raised by bpcore, with messages in English and Chinese."""


class InputError(ValueError):
    """An argument was not what was expected.

    The message names the argument, what it got and what was expected, first in English,
    then in Chinese (one line each), so the student sees it in either language.
    """

    def __init__(self, en, zh):
        self.en = en
        self.zh = zh
        super().__init__(f"{en}\n{zh}")

    def message(self, lang="en"):
        """The message in one language (``"en"`` or ``"zh"``)."""
        return self.zh if lang == "zh" else self.en


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
        super().__init__(
            f"training diverged at epoch {epoch}: the loss is no longer finite "
            f"(try a smaller learning rate eta)\n"
            f"训练发散：第 {epoch} 轮的损失不再是有限数（请尝试更小的学习率 η）"
        )
