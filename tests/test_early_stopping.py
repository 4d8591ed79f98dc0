"""Early stopping (西瓜书 §5.3): a seeded hold-out split, the validation error after every
epoch, the best epoch's parameters returned, patience."""

import numpy as np
import pytest

import bpcore
from bpcore import InputError, Network, TextbookNet
from bpcore.early_stopping import holdout_split, train_early_stopping

X = np.linspace(0.0, 1.0, 20).reshape(-1, 1)
Y = 0.5 + 0.3 * np.sin(6.0 * X) + 0.05 * np.random.default_rng(0).standard_normal(X.shape)


def test_split_is_seeded_disjoint_and_complete():
    a, b = holdout_split(X, Y, validation=0.3, rng=1), holdout_split(X, Y, validation=0.3, rng=1)
    c = holdout_split(X, Y, validation=0.3, rng=2)
    np.testing.assert_array_equal(a.val_index, b.val_index)
    assert not np.array_equal(a.val_index, c.val_index)
    assert len(a.val_index) == 6 and len(a.train_index) == 14
    assert sorted([*a.val_index, *a.train_index]) == list(range(20))
    np.testing.assert_array_equal(a.X_val, X[a.val_index])
    np.testing.assert_array_equal(a.Y_train, Y[a.train_index])


def test_stratified_split_keeps_the_class_shares():
    labels = np.array([1.0] * 8 + [0.0] * 9)  # the melons: 8 good, 9 not
    s = holdout_split(np.arange(17.0).reshape(-1, 1), labels, validation=0.25, rng=0, stratify=True)
    assert int(s.Y_val.sum()) == 2 and int((s.Y_val == 0).sum()) == 2  # round(8/4), round(9/4)


def _val_losses_by_hand(net, split, eta, epochs):
    """Train epoch by epoch and measure the validation error of each epoch's network."""
    losses, current = [net.loss(split.X_val, split.Y_val)], net
    for _ in range(epochs):
        current = bpcore.train(current, split.X_train, split.Y_train, eta=eta, epochs=1).net
        losses.append(current.loss(split.X_val, split.Y_val))
    return np.array(losses)


def test_returns_the_epoch_and_parameters_of_least_validation_error():
    split = holdout_split(X, Y, validation=0.3, rng=0)
    net = Network.from_sizes((1, 8, 1), rng=0)
    r = train_early_stopping(net, split, eta=3.0, epochs=60)
    by_hand = _val_losses_by_hand(net, split, 3.0, 60)
    np.testing.assert_allclose(r.val_loss, by_hand, rtol=1e-12)
    assert r.best_epoch == int(np.argmin(by_hand))
    again = bpcore.train(net, split.X_train, split.Y_train, eta=3.0, epochs=r.best_epoch)
    np.testing.assert_allclose(r.best_net.flat(), again.net.flat(), rtol=0, atol=1e-13)
    assert r.best_val_loss == pytest.approx(by_hand.min(), rel=1e-12)
    assert r.stopped_at is None and r.history.epochs_run == 60


def test_patience_stops_after_that_many_epochs_without_improvement():
    # a learning rate so large that the validation error first falls, then wanders
    split = holdout_split(X, Y, validation=0.3, rng=0)
    net = Network.from_sizes((1, 8, 1), rng=0)
    full = train_early_stopping(net, split, eta=3.0, epochs=600)
    r = train_early_stopping(net, split, eta=3.0, epochs=600, patience=20)
    v = full.val_loss
    # the first epoch k with 20 epochs after the best-so-far and no new best among them
    best, stop = 0, None
    for k in range(1, len(v)):
        if v[k] < v[best]:
            best = k
        if k - best >= 20:
            stop = k
            break
    assert stop is not None and r.stopped_at == stop and r.history.epochs_run == stop
    assert r.best_epoch == best > 0 and len(r.val_loss) == stop + 1
    np.testing.assert_array_equal(r.val_loss, v[: stop + 1])


def test_textbook_net_in_textbook_net_out_and_train_kwargs_pass_through():
    rng = np.random.default_rng(3)
    net = TextbookNet(
        rng.normal(size=(1, 4)), rng.normal(size=4), rng.normal(size=(4, 1)), rng.normal(size=1)
    )
    split = holdout_split(X, Y, validation=0.25, rng=0)
    r = train_early_stopping(net, split, eta=1.0, epochs=20, mode="standard", lam=0.99)
    assert isinstance(r.best_net, TextbookNet)
    assert r.history.settings["mode"] == "standard" and r.history.settings["lam"] == 0.99


@pytest.mark.parametrize("share", [0, 1, 1.2, -0.5, "0.3"])
def test_bad_share_is_refused(share):
    with pytest.raises(InputError, match="validation"):
        holdout_split(X, Y, validation=share)


def test_callback_is_reserved_and_split_must_be_a_split():
    split = holdout_split(X, Y, rng=0)
    net = Network.from_sizes((1, 2, 1), rng=0)
    with pytest.raises(InputError, match="callback"):
        train_early_stopping(net, split, eta=1.0, epochs=2, callback=lambda *a: None)
    with pytest.raises(InputError, match="holdout_split"):
        train_early_stopping(net, (X, Y), eta=1.0, epochs=2)
