"""The interactive training playground, in three parts.

* :mod:`~bpcore.playground.session`: settings, the current run, earlier runs and a cache, in
  pure Python (training is :func:`bpcore.train`; Step is the engine's forward, backward and
  update).
* :mod:`~bpcore.playground.runner`: where the work runs (a worker thread, cooperative asyncio
  chunks where threads do not exist, or inline).
* :mod:`~bpcore.playground.view`: the :class:`Playground` a lesson shows: what each control
  and button does, wired to the pieces below.

  * :mod:`~bpcore.playground.controls`: the widgets, their layout and their labels in the
    notebook's language.
  * :mod:`~bpcore.playground.livetrain`: the training job (chunks of ``train``, ~30 frames
    a second, the first chunk shown at once).
  * :mod:`~bpcore.playground.painter`: the session's numbers sent to the live panels of
    :mod:`~bpcore.playground.panels` (anywidget; ``live.js`` draws them in the browser).
  * :mod:`~bpcore.playground.snapshot`: static PNGs for saved notebooks (matplotlib).

``bpcore.widgets.playground(...)`` is the entry point the lessons call.
"""

from .session import ACTIVATION_CHOICES, AUTO_EPOCHS, ETA_EXPONENTS, Session
from .setup import ALIASES, Setup, example_names, setup_custom, setup_from_example
from .view import Playground, playground

__all__ = [
    "ACTIVATION_CHOICES",
    "ALIASES",
    "AUTO_EPOCHS",
    "ETA_EXPONENTS",
    "Playground",
    "Session",
    "Setup",
    "example_names",
    "playground",
    "setup_custom",
    "setup_from_example",
]
