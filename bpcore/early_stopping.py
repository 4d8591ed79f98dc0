"""Early stopping on a held-out validation set (西瓜书 §5.3, the first remedy for overfitting).

The book's recipe: split the data into a training set and a validation set; the training
set computes the gradients and updates the weights and thresholds, the validation set only
estimates the error; when the training error keeps falling while the validation error
rises, stop, and return the weights and thresholds that had the *smallest validation
error*. Two functions do it:

* :func:`holdout_split` — a seeded split of (X, Y) into training and validation rows;
* :func:`train_early_stopping` — :func:`bpcore.train` on the training rows, the validation
  error measured after every epoch, the best epoch's parameters kept; training stops when
  the validation error has not improved for `patience` epochs (``patience=None`` runs every
  epoch and still returns the best).

Examples
--------
>>> import numpy as np
>>> from bpcore import Network
>>> X = np.linspace(0, 1, 12).reshape(-1, 1)
>>> Y = 0.5 + 0.3 * np.sin(6 * X)
>>> split = holdout_split(X, Y, validation=0.25, rng=0)
>>> split.X_train.shape, split.X_val.shape
((9, 1), (3, 1))
>>> r = train_early_stopping(Network.from_sizes((1, 4, 1), rng=0), split, eta=2.0, epochs=300)
>>> bool(r.val_loss[r.best_epoch] == r.val_loss.min())
True
"""

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from .train import train


@dataclass
class Split:
    """Training and validation rows of a data set, and where each row came from.

    Attributes
    ----------
    X_train, Y_train : ndarray, shapes (m_train, d), (m_train, l)
    X_val, Y_val : ndarray, shapes (m_val, d), (m_val, l)
    train_index, val_index : ndarray of int
        Row numbers in the original X, Y (sorted).
    """

    X_train: np.ndarray
    Y_train: np.ndarray
    X_val: np.ndarray
    Y_val: np.ndarray
    train_index: np.ndarray
    val_index: np.ndarray


def holdout_split(X, Y, *, validation=0.25, rng=0, stratify=False):
    """Hold out a seeded random share of the rows as a validation set.

    Parameters
    ----------
    X : array_like, shape (N, d)
    Y : array_like, shape (N, l) or (N,)
    validation : float in (0, 1)
        Share of the rows held out, rounded to the nearest whole row (at least one row on
        each side).
    rng : int or numpy.random.Generator
        Seed of ``numpy.random.default_rng``: the same seed gives the same split.
    stratify : bool
        Split each class separately (the class of a row is its row of Y), so both sets keep
        the classes' proportions (the book's stratified sampling, §2.2.1).

    Returns
    -------
    Split
    """
    X = check.real_array("X", X, ndim=2)
    Y = check.real_array("Y", Y, ndim=(1, 2))
    Y = Y.reshape(-1, 1) if Y.ndim == 1 else Y
    check.same_length("X", X, "Y", Y)
    share = validation
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 < share < 1:
        raise check.InputError("err.early_stopping.holdout_split.validation", share=share)
    gen = np.random.default_rng(rng)
    if stratify:
        _, groups = np.unique(Y, axis=0, return_inverse=True)
        groups = np.asarray(groups).reshape(-1)
        held = []
        for g in range(groups.max() + 1):
            rows = np.flatnonzero(groups == g)
            held.extend(gen.permutation(rows)[: _held_out(len(rows), share, allow_all=True)])
        val = np.sort(np.array(held, dtype=int))
    else:
        val = np.sort(gen.permutation(len(X))[: _held_out(len(X), share)])
    if len(val) == 0 or len(val) == len(X):
        raise check.InputError(
            "err.early_stopping.holdout_split.validation_leaves", share=share, len_X=len(X)
        )
    rest = np.setdiff1d(np.arange(len(X)), val)
    return Split(X[rest], Y[rest], X[val], Y[val], rest, val)


def _held_out(n, share, allow_all=False):
    k = math.floor(n * share + 0.5)
    return min(k, n) if allow_all else min(max(k, 1), n - 1)


@dataclass
class EarlyStopping:
    """What :func:`train_early_stopping` found.

    Attributes
    ----------
    best_epoch : int
        The epoch after which the validation error was smallest (0: before training).
    best_net : Network or TextbookNet
        The parameters of that epoch (same kind as the network passed in).
    val_loss : ndarray, shape (epochs_run + 1,)
        Validation error before training and after every epoch.
    history : bpcore.History
        The training run; ``history.loss`` is the training error, ``history.net`` the
        network after the *last* epoch run (not the best one).
    stopped_at : int or None
        The epoch after which training stopped for lack of improvement (None: it ran
        every epoch).
    patience : int or None
    split : Split
    """

    best_epoch: int
    best_net: object
    val_loss: np.ndarray
    history: object
    stopped_at: int | None
    patience: int | None
    split: Split

    @property
    def train_loss(self):
        """Training error before training and after every epoch run."""
        return self.history.loss

    @property
    def best_val_loss(self):
        return float(self.val_loss[self.best_epoch])


def train_early_stopping(net, split, *, eta, epochs, patience=None, **train_kwargs):
    """Train on ``split``'s training rows; keep the parameters with the least validation error.

    Parameters
    ----------
    net : Network or TextbookNet
        Not modified.
    split : Split
        From :func:`holdout_split`.
    eta : float
    epochs : int
        The most epochs to run.
    patience : int, optional
        Stop once the validation error has not fallen below its best for this many epochs
        in a row. ``patience=1`` is the book's rule read literally (stop at the first
        epoch that does not improve); a larger value rides out the small wiggles of the
        validation curve. None: run all `epochs`.
    **train_kwargs
        Passed to :func:`bpcore.train` (``mode``, ``reduction``, ``lam``, ``loss``, …). The
        validation error uses the same ``loss`` and ``reduction``.

    Returns
    -------
    EarlyStopping
    """
    if not isinstance(split, Split):
        raise check.InputError(
            "err.early_stopping.train_early_stopping.split", got_type=type(split).__name__
        )
    if patience is not None:
        patience = check.count("patience", patience)
    for key in ("callback", "callback_every"):
        if key in train_kwargs:
            raise check.InputError("err.early_stopping.train_early_stopping.train", key=key)
    reduction = train_kwargs.get("reduction", "mean")
    loss = train_kwargs.get("loss", "half_sse")
    network = getattr(net, "network", net)
    val = [network.loss(split.X_val, split.Y_val, reduction, loss)]
    best = {"epoch": 0, "flat": network.flat()}

    def watch(epoch, history, current):
        val.append(current.loss(split.X_val, split.Y_val, reduction, loss))
        if val[-1] < val[best["epoch"]]:
            best.update(epoch=epoch, flat=current.flat())
        return not (patience is not None and epoch - best["epoch"] >= patience)

    history = train(
        net,
        split.X_train,
        split.Y_train,
        eta=eta,
        epochs=epochs,
        callback=watch,
        callback_every=1,
        **train_kwargs,
    )
    best_net = network.with_flat(best["flat"])
    if getattr(net, "network", None) is not None:
        best_net = type(net).from_network(best_net)
    return EarlyStopping(
        best_epoch=best["epoch"],
        best_net=best_net,
        val_loss=np.array(val[: history.epochs_run + 1]),
        history=history,
        stopped_at=history.stopped_at,
        patience=patience,
        split=split,
    )
