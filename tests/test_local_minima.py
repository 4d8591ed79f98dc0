"""Several starts and simulated annealing (西瓜书 §5.4), checked on functions whose minima
are known in closed form."""

import numpy as np
import pytest

import bpcore
from bpcore import InputError, Network
from bpcore.local_minima import acceptance_probability, anneal, anneal_network, multistart

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def double_well(x):
    """(x² − 1)² + 0.3 x: a local minimum near x = +0.96 and the global one near x = −1.04
    (roots of E'(x) = 4x³ − 4x + 0.3)."""
    return float((x[0] ** 2 - 1) ** 2 + 0.3 * x[0])


def test_metropolis_rule():
    assert acceptance_probability(-2.0, 1.0) == 1.0
    assert acceptance_probability(0.0, 1.0) == 1.0
    assert acceptance_probability(1.0, 2.0) == pytest.approx(np.exp(-0.5), rel=1e-15)
    assert acceptance_probability(1e-9, 0.0) == 0.0
    np.testing.assert_allclose(
        acceptance_probability(np.array([-1.0, 3.0]), 1.5), [1.0, np.exp(-2.0)], rtol=1e-15
    )
    with pytest.raises(InputError):
        acceptance_probability(1.0, -1.0)


def test_annealing_escapes_the_local_minimum_and_greedy_search_does_not():
    roots = np.roots([4.0, 0.0, -4.0, 0.3])
    global_min = float(min(roots.real))
    hot = anneal(double_well, [0.96], steps=3000, T0=1.0, cooling=0.997, scale=0.2, rng=0)
    cold = anneal(double_well, [0.96], steps=3000, T0=0.0, cooling=1.0, scale=0.2, rng=0)
    assert hot.x_best[0] == pytest.approx(global_min, abs=0.05)
    assert hot.x[0] == pytest.approx(global_min, abs=0.1)  # and it settles there
    assert cold.x_best[0] > 0  # only improvements: it never crosses the barrier at x ≈ 0.08
    assert not cold.accepted_worse.any()
    # worse moves are common while hot and rare once cold
    assert hot.worse_accepted_share(0, 300) > 0.2 > 0.05 > hot.worse_accepted_share(2700)


def test_annealing_is_seeded_and_its_records_agree():
    a = anneal(double_well, [0.5], steps=200, T0=0.5, cooling=0.99, scale=0.3, rng=7)
    b = anneal(double_well, [0.5], steps=200, T0=0.5, cooling=0.99, scale=0.3, rng=7)
    np.testing.assert_array_equal(a.energies, b.energies)
    np.testing.assert_allclose(a.temperatures, 0.5 * 0.99 ** np.arange(200), rtol=1e-12)
    assert a.E_best == pytest.approx(min(a.energies)) and a.E_best == double_well(a.x_best)
    assert a.energies[-1] == pytest.approx(double_well(a.x))
    moved = np.diff(a.energies) != 0
    assert np.array_equal(moved, a.accepted & moved)  # the energy changes only on a move


def test_anneal_network_lowers_the_error_and_keeps_the_kind():
    net = bpcore.TextbookNet([[0.1, -0.2], [0.3, 0.1]], [0.0, 0.1], [[0.2], [-0.1]], [0.0])
    run, best = anneal_network(
        net, XOR_X, XOR_Y, steps=400, T0=0.01, cooling=0.99, scale=0.3, rng=1
    )
    assert isinstance(best, bpcore.TextbookNet)
    assert best.network.loss(XOR_X, XOR_Y) == pytest.approx(run.E_best)
    assert run.E_best <= run.energies[0]


def test_multistart_keeps_the_least_error():
    runs = multistart(
        lambda s: Network.from_sizes((2, 2, 1), rng=s), XOR_X, XOR_Y, range(6), eta=2.0, epochs=400
    )
    finals = [
        bpcore.train(
            Network.from_sizes((2, 2, 1), rng=s), XOR_X, XOR_Y, eta=2.0, epochs=400
        ).final_loss
        for s in range(6)
    ]
    np.testing.assert_allclose(runs.final_losses, finals, rtol=1e-12)
    assert runs.best_seed == int(np.argmin(finals))
    assert runs.best.final_loss == min(finals)


@pytest.mark.parametrize(
    "kw, word",
    [
        (dict(cooling=0.0), "cooling"),
        (dict(cooling=1.5), "cooling"),
        (dict(T0=-1.0), "T0"),
        (dict(scale=0.0), "scale"),
        (dict(steps=0), "steps"),
    ],
)
def test_bad_settings_are_refused(kw, word):
    settings = dict(steps=10, T0=1.0, cooling=0.9, scale=0.1) | kw
    with pytest.raises(InputError, match=word):
        anneal(double_well, [0.0], **settings)


def test_multistart_bad_arguments():
    with pytest.raises(InputError, match="make_net"):
        multistart(None, XOR_X, XOR_Y, [0], eta=1.0, epochs=1)
    with pytest.raises(InputError, match="seeds"):
        multistart(lambda s: Network.from_sizes((2, 1), rng=s), XOR_X, XOR_Y, [], eta=1.0, epochs=1)
