"""Lesson 17's data and exercise checkers (bpcore.practice)."""

import numpy as np

from bpcore import practice
from bpcore.local_minima import acceptance_probability


def test_noisy_wave_is_seeded_and_follows_its_formula():
    X, Y = practice.noisy_wave(rng=3)
    X2, Y2 = practice.noisy_wave(rng=3)
    assert np.array_equal(X, X2) and np.array_equal(Y, Y2)
    assert X.min() >= 0 and X.max() <= 1
    # the noise is the residual of the formula: small, centred
    r = Y - (0.5 + 0.35 * np.sin(2 * np.pi * X))
    assert abs(r.mean()) < 0.05 and 0.03 < r.std() < 0.15


def test_decay_gradient_checker_accepts_the_derivative_and_refuses_others():
    # d/dw [λE + (1-λ)w²] = λ E' + 2(1-λ)w (differentiated by hand)
    right = practice.check_decay_gradient(lambda g, w, lam: lam * g + 2 * (1 - lam) * w)
    assert right.verdict == "right"
    wrong = practice.check_decay_gradient(lambda g, w, lam: lam * g + (1 - lam) * w)
    assert wrong.verdict != "right"
    assert practice.check_decay_gradient(None).verdict == "missing"


def test_decay_gradient_checker_matches_central_differences():
    lam, w, gE = 0.8, 0.7, -0.3  # E linear with slope gE around w
    eps = 1e-4

    def obj(x):
        return lam * gE * x + (1 - lam) * x**2

    numeric = (obj(w + eps) - obj(w - eps)) / (2 * eps)
    assert np.isclose(numeric, lam * gE + 2 * (1 - lam) * w, rtol=1e-8)


def test_acceptance_checker():
    def metropolis(dE, T):
        return np.where(dE <= 0, 1.0, np.exp(-dE / T))

    assert practice.check_acceptance(metropolis, lang="zh").verdict == "right"
    assert practice.check_acceptance(lambda dE, T: np.exp(-dE / T)).verdict != "right"
    assert practice.check_acceptance(lambda dE, T: 1 / 0).verdict != "right"
    assert np.isclose(acceptance_probability(0.5, 0.5), np.exp(-1.0))


def test_updates_checker():
    def updates(m, epochs, mode):  # standard: one update per sample; accumulated: per epoch
        return m * epochs if mode == "standard" else epochs

    assert practice.check_updates(updates).verdict == "right"
    assert practice.check_updates(lambda m, e, mode: m * e).verdict != "right"
    assert practice.check_updates(None).verdict == "missing"
