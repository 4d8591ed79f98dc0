"""Lesson 17's data and exercises: BP in practice (西瓜书 §5.3–5.4).

:func:`noisy_wave` is a small seeded regression set on which a wide network overfits;
the ``check_*`` functions grade the lesson's exercises, their expected answers computed here
(by :mod:`bpcore.decay` and :mod:`bpcore.local_minima`), not in the notebook.

Examples
--------
>>> X, Y = noisy_wave()
>>> X.shape, Y.shape
((24, 1), (24, 1))
>>> check_decay_gradient(lambda grad_E, w, lam: lam * grad_E + 2 * (1 - lam) * w).verdict
'right'
"""

import numpy as np

from . import _validate as check
from . import exercises
from .local_minima import acceptance_probability
from .xent_exercises import _call

_HINTS = {
    "decay": {
        "zh": "提示：对式5.17求导：λ乘误差的梯度，加上(1−λ)·w²的导数2(1−λ)w。",
        "en": "Hint: differentiate eq. 5.17: λ times the error's gradient, plus the "
        "derivative 2(1 − λ)w of (1 − λ)·w².",
    },
    "accept": {
        "zh": "提示：ΔE≤0时一定接受（概率1）；否则概率为exp(−ΔE/T)。可用np.where。",
        "en": "Hint: ΔE ≤ 0 is always accepted (probability 1); otherwise exp(−ΔE/T). "
        "np.where helps.",
    },
    "updates": {
        "zh": "提示：标准BP每个样本更新一次，累积BP每轮只更新一次。",
        "en": "Hint: standard BP updates once per sample, accumulated BP once per epoch.",
    },
}


def _result(answer, expected, lang, hint):
    if isinstance(answer, str):  # the student's function raised: say so
        return exercises.check(answer, expected, lang=lang, hint=_HINTS[hint])
    return exercises.check(answer, expected, lang=lang, rtol=1e-9, hint=_HINTS[hint])


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


def check_decay_gradient(func, *, lang="en", seed=17):
    """Lesson 17: ``func(grad_E, w, lam)`` should be the gradient of eq. 5.17,
    ∂/∂w [λ·E + (1 − λ)·Σ w²] = λ·∂E/∂w + 2(1 − λ)·w, on seeded random arrays."""
    gen = np.random.default_rng(seed)
    grad_E, w = gen.normal(size=(2, 30))
    lam = gen.uniform(0.5, 1.0, size=30)
    expected = lam * grad_E + 2.0 * (1.0 - lam) * w
    return _result(_call(func, grad_E, w, lam), expected, lang, "decay")


def check_acceptance(func, *, lang="en", seed=18):
    """Lesson 17: ``func(delta_E, T)`` should be simulated annealing's acceptance
    probability (Metropolis), compared with :func:`bpcore.local_minima.acceptance_probability`."""
    gen = np.random.default_rng(seed)
    delta_E = gen.normal(size=40)
    T = gen.uniform(0.1, 2.0, size=40)
    expected = [acceptance_probability(float(d), float(t)) for d, t in zip(delta_E, T)]
    return _result(_call(func, delta_E, T), expected, lang, "accept")


def check_updates(func, *, lang="en"):
    """Lesson 18: ``func(m, epochs, mode)`` should be how many parameter updates
    ``bpcore.train`` makes: m per epoch for mode "standard", 1 for "accumulated"."""
    from .train import iterations_per_epoch

    modes = ("standard", "accumulated")
    cases = [(m, e, mode) for m in (1, 4, 17, 50) for e in (1, 3, 10) for mode in modes]
    expected = [iterations_per_epoch(m, 1 if mo == "standard" else m) * e for m, e, mo in cases]
    if func is None or func is Ellipsis:
        return _result(None, expected, lang, "updates")
    answer = []
    for case in cases:
        value = _call(func, *case)
        if isinstance(value, str):
            return _result(value, expected, lang, "updates")
        answer.append(value)
    return _result(np.asarray(answer, dtype=float).reshape(-1), expected, lang, "updates")
