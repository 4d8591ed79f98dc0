"""bpcore.gradcheck.step_valley: the floor of an ε sweep, robust to rounding noise.

Lesson 11's exercise 2 asks for the best step ε of a sweep on a grid 1.78× apart. Near the
floor the errors of neighbouring steps differ by less than the rounding noise (1.536e-9 at
5.62e-5 against 1.557e-9 at 3.16e-5 on this machine), so the argmin moves from one CPU to the
next; any ε on the floor must count.
"""

import numpy as np
import pytest

import bpcore
from bpcore import InputError, examples
from bpcore.gradcheck import step_valley


def lesson_11_sweep():
    ex = examples.get("t002_textbook")
    net = ex.network.network
    analytic, p0 = net.gradients(ex.X, ex.Y).flat(), net.flat()

    def loss_at(p):
        return net.with_flat(p).loss(ex.X, ex.Y)

    eps = np.logspace(-1, -12, 45)
    errors = [
        bpcore.relative_error(analytic, bpcore.numeric_gradient(loss_at, p0, eps=e)).max()
        for e in eps
    ]
    return eps, np.array(errors)


def test_a_toy_valley():
    # errors 1e-9 (argmin) and 1.1e-9 form the floor; 1e-7 is 100× above; half a decade
    # (√10) is added on each side
    low, high = step_valley([1e-2, 1e-3, 1e-4, 1e-5, 1e-6], [1e-5, 1e-7, 1.1e-9, 1e-9, 1e-7])
    assert low == pytest.approx(1e-5 / np.sqrt(10)) and high == pytest.approx(1e-4 * np.sqrt(10))


def test_the_floor_of_lesson_11_survives_rounding_noise():
    eps, errors = lesson_11_sweep()
    rng = np.random.default_rng(11)
    rounding = eps < 2e-4  # where rounding error is no longer negligible
    for _ in range(200):
        # another CPU: the rounding-dominated errors may come out up to 1.5× either way
        noisy = errors * np.where(rounding, rng.uniform(1 / 1.5, 1.5, len(eps)), 1.0)
        low, high = step_valley(eps, noisy)
        for read_off in (3e-5, 5e-5, 1e-4):  # read off the plot at the valley's floor
            assert low <= read_off <= high, (low, high)
        for off_floor in (1e-6, 1e-3):
            assert not low <= off_floor <= high


def test_bad_input():
    with pytest.raises(InputError, match="same length"):
        step_valley([1e-3, 1e-4], [1.0])
    with pytest.raises(InputError, match="factor"):
        step_valley([1e-3, 1e-4], [1.0, 2.0], factor=1.0)
