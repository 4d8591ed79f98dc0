"""Lesson 17's data: BP in practice (西瓜书 §5.3–5.4).

:func:`noisy_wave` is a small seeded regression set on which a wide network overfits (the
lesson's exercises are graded by :mod:`bpcore.exercises`, ids ``17-…`` and ``18-…``).

Examples
--------
>>> X, Y = noisy_wave()
>>> X.shape, Y.shape
((24, 1), (24, 1))
"""

import numpy as np

from . import _validate as check


def noisy_wave(m=24, *, noise=0.08, rng=0):
    """m points x ~ U(0, 1), y = 0.5 + 0.35·sin(2πx) + N(0, noise²), seeded.

    Returns
    -------
    X, Y : ndarray, shapes (m, 1), (m, 1)
    """
    m = check.count("m", m)
    gen = np.random.default_rng(rng)
    X = gen.uniform(0.0, 1.0, size=(m, 1))
    Y = 0.5 + 0.35 * np.sin(2 * np.pi * X) + gen.normal(0.0, noise, size=X.shape)
    return X, Y
