"""The interactive training playground: ``bpcore.widgets.playground(example="xor", lang="zh")``.

The code lives in :mod:`bpcore.playground` (a session, a runner and a view); this module is
the entry point the lessons call.

Examples
--------
>>> import numpy as np
>>> from bpcore.widgets import Playground
>>> X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
>>> Y = np.array([[0.0], [1.0], [1.0], [0.0]])
>>> pg = Playground(sizes=(2, 3, 1), X=X, Y=Y, eta=2.0, epochs=200, lang="en", sync=True)
>>> pg.train_button.click()
>>> pg.history.epochs_run
200
"""

from .i18n import LANGS
from .playground import (
    ACTIVATION_CHOICES,
    ETA_EXPONENTS,
    Playground,
    Setup,
    example_names,
    playground,
    setup_custom,
    setup_from_example,
)

__all__ = [
    "ACTIVATION_CHOICES",
    "ETA_EXPONENTS",
    "LANGS",
    "Playground",
    "Setup",
    "example_names",
    "playground",
    "setup_custom",
    "setup_from_example",
]
