"""The box of 西瓜书 图5.8 as code (bpcore.algorithm) against the engine (bpcore.train), and
the two visiting orders: the fixed cyclic order of standard BP and shuffled SGD."""

import numpy as np
import pytest

import bpcore
from bpcore import algorithm

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def test_line_1_draws_every_weight_and_threshold_in_0_1_from_the_seed():
    a, b = algorithm.initial_net(19, 5, 1, rng=3), algorithm.initial_net(19, 5, 1, rng=3)
    p = a.network.flat()
    assert p.size == (19 + 1 + 1) * 5 + 1 == a.n_params
    assert ((p > 0) & (p < 1)).all()
    np.testing.assert_array_equal(p, b.network.flat())
    gen = np.random.default_rng(3)  # the order of the draws: v, γ, w, θ
    np.testing.assert_array_equal(a.v, gen.uniform(0, 1, size=(19, 5)))


@pytest.mark.parametrize(
    "box, mode", [(algorithm.standard_bp, "standard"), (algorithm.accumulated_bp, "accumulated")]
)
def test_the_box_is_the_engine(box, mode):
    net = algorithm.initial_net(2, 3, 1, rng=0)
    run = box(XOR_X, XOR_Y, q=3, eta=0.8, epochs=40, net=net)
    h = bpcore.train(net, XOR_X, XOR_Y, eta=0.8, epochs=40, mode=mode)
    np.testing.assert_allclose(run.net.network.flat(), h.net.network.flat(), rtol=0, atol=1e-13)
    np.testing.assert_allclose(run.E, h.loss, rtol=0, atol=1e-15)
    np.testing.assert_array_equal(
        net.network.flat(), algorithm.initial_net(2, 3, 1, 0).network.flat()
    )


def test_standard_box_is_one_textbook_update_per_sample_in_order():
    net = algorithm.initial_net(2, 2, 1, rng=1)
    run = algorithm.standard_bp(XOR_X, XOR_Y, q=2, eta=0.5, epochs=2, net=net)
    manual = net
    for _ in range(2):
        for x, y in zip(XOR_X, XOR_Y):
            manual = manual.updated(x, y, 0.5)  # eqs. 5.11–5.14 from TextbookNet.updates
    np.testing.assert_allclose(run.net.network.flat(), manual.network.flat(), atol=1e-14)


def test_line_9_stops_at_the_target_error():
    run = algorithm.standard_bp(XOR_X, XOR_Y, q=3, eta=2.0, epochs=5000, rng=0, target=0.1)
    assert run.E[-1] <= 0.1 < run.E[-2]
    assert run.epochs_run < 5000
    assert algorithm.accumulated_error(run.net, XOR_X, XOR_Y) == run.E[-1]


def test_fixed_order_has_no_randomness_and_shuffled_sgd_is_seeded():
    fixed = bpcore.visit_orders(5, 3)
    assert (fixed == np.arange(5)).all()
    a = bpcore.visit_orders(5, 3, shuffle=True, rng=11)
    gen = np.random.default_rng(11)
    np.testing.assert_array_equal(a, [gen.permutation(5) for _ in range(3)])
    assert all(sorted(row) == list(range(5)) for row in a)


def test_train_visits_the_samples_in_visit_orders():
    net = bpcore.TextbookNet([[0.3, -0.2], [0.1, 0.4]], [0.1, -0.1], [[0.5], [-0.3]], [0.2])
    orders = bpcore.visit_orders(4, 3, shuffle=True, rng=5)
    h = bpcore.train(net, XOR_X, XOR_Y, eta=0.9, epochs=3, mode="standard", shuffle=True, rng=5)
    manual = net
    for order in orders:
        for k in order:
            manual = manual.updated(XOR_X[k], XOR_Y[k], 0.9)
    np.testing.assert_allclose(h.net.network.flat(), manual.network.flat(), atol=1e-14)
    assert h.settings["order"] == "shuffled"
    fixed = bpcore.train(net, XOR_X, XOR_Y, eta=0.9, epochs=3, mode="standard")
    assert fixed.settings["order"] == "fixed"
    assert not np.allclose(fixed.net.network.flat(), h.net.network.flat())
