"""The perceptron of tutorial 002 (Zhou Zhihua, *Machine Learning*, §5.2).

One M-P neuron with a step activation:

    ŷ = f(Σ_i w_i x_i − θ),   f(z) = 1 if z ≥ 0 else 0               (eq. 5.1 with the step)

The threshold θ is learned as one more weight: append a fixed dummy input x_{d+1} = −1 and
its weight w_{d+1} = θ, so that Σ_i w_i x_i − θ = w̃ · x̃. The learning rule (eqs. 5.1–5.2)

    w̃ ← w̃ + η (y − ŷ) x̃

then moves the weights and the threshold together (θ ← θ − η (y − ŷ), because x_{d+1} = −1).
Nothing changes on a sample the perceptron already gets right, so training stops after the
first epoch without a mistake. On linearly separable data (logical AND, OR, NOT) that epoch
comes after finitely many updates (the perceptron convergence theorem); on XOR it never does.

This is not backpropagation: the step has no useful derivative, which is why the multi-layer
network of :mod:`bpcore.network` uses the sigmoid.
"""

from dataclasses import dataclass

import numpy as np

from . import _validate as check
from .errors import InputError

#: Logical AND: the four inputs (x1, x2) and their targets y = x1 ∧ x2.
AND_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_Y = np.array([0.0, 0.0, 0.0, 1.0])
AND_X.setflags(write=False)
AND_Y.setflags(write=False)

MODES = ("standard", "batch")


def step(z):
    """The step activation f(z) = 1 if z ≥ 0 else 0.

    Parameters
    ----------
    z : float or array_like, any shape

    Returns
    -------
    ndarray of float, same shape as `z`, values 0.0 or 1.0

    Examples
    --------
    >>> step(np.array([-0.5, 0.0, 2.0]))
    array([0., 1., 1.])
    """
    return (np.asarray(z, dtype=float) >= 0.0).astype(float)


def with_dummy(X):
    """Append the dummy input x_{d+1} = −1 to every sample: x̃ = (x_1, …, x_d, −1).

    Parameters
    ----------
    X : ndarray, shape (m, d)

    Returns
    -------
    ndarray, shape (m, d + 1)

    Examples
    --------
    >>> with_dummy(np.array([[1.0, 0.0]]))
    array([[ 1.,  0., -1.]])
    """
    X = np.atleast_2d(check.as_array("X", X, float))
    return np.hstack([X, -np.ones((X.shape[0], 1))])


def predict(w, theta, X):
    """ŷ = f(Σ_i w_i x_i − θ) for every row of `X`.

    Parameters
    ----------
    w : array_like, shape (d,)
    theta : float
    X : array_like, shape (m, d)

    Returns
    -------
    ndarray, shape (m,), values 0.0 or 1.0

    Examples
    --------
    >>> predict([1.0, 1.0], 2.0, AND_X)    # the textbook's AND: w1 = w2 = 1, θ = 2
    array([0., 0., 0., 1.])
    """
    w_tilde = np.append(check.as_array("w", w, float), float(theta))
    return step(with_dummy(X) @ w_tilde)


@dataclass
class PerceptronHistory:
    """What :func:`train_perceptron` did, epoch by epoch.

    Attributes
    ----------
    w : ndarray, shape (epochs_run + 1, d)
        ``w[0]`` the initial weights, ``w[k]`` the weights after epoch k.
    theta : ndarray, shape (epochs_run + 1,)
        The threshold θ, likewise.
    mistakes : ndarray of int, shape (epochs_run + 1,)
        ``mistakes[k]`` = samples misclassified *during* epoch k (before each sample's own
        update); ``mistakes[0]`` counts the mistakes of the initial weights.
    converged : bool
        True when the last epoch made no mistake (so the weights classify every sample).
    eta : float
    mode : str
    """

    w: np.ndarray
    theta: np.ndarray
    mistakes: np.ndarray
    converged: bool
    eta: float
    mode: str

    @property
    def epochs_run(self):
        return len(self.theta) - 1

    @property
    def w_tilde(self):
        """The weights with θ appended, shape (epochs_run + 1, d + 1): the dummy input's view."""
        return np.hstack([self.w, self.theta[:, None]])

    def predict(self, X):
        """Predictions of the final weights, shape (m,)."""
        return predict(self.w[-1], self.theta[-1], X)


def train_perceptron(X, y, *, eta=0.5, w=None, theta=0.0, mode="standard", max_epochs=100):
    """Train a perceptron with w̃ ← w̃ + η (y − ŷ) x̃ until an epoch makes no mistake.

    Parameters
    ----------
    X : array_like, shape (m, d)
        Inputs.
    y : array_like, shape (m,)
        Targets, each 0 or 1.
    eta : float > 0
        Learning rate η. The default 0.5 is exact in binary floating point, so weights that
        land exactly on the step's edge z = 0 are not blurred by rounding.
    w : array_like, shape (d,), optional
        Initial weights (default zeros).
    theta : float
        Initial threshold θ.
    mode : {"standard", "batch"}
        ``"standard"`` updates after each sample (the textbook's rule); ``"batch"`` adds
        η Σ_k (y_k − ŷ_k) x̃_k once per epoch (the sum over D written in tutorial 002).
    max_epochs : int
        Give up (``converged=False``) after this many epochs, e.g. on XOR.

    Returns
    -------
    PerceptronHistory

    Examples
    --------
    >>> h = train_perceptron(AND_X, AND_Y)
    >>> h.converged, h.epochs_run
    (True, 6)
    >>> h.w[-1], float(h.theta[-1])
    (array([1. , 0.5]), 1.5)
    >>> h.mistakes.tolist()
    [3, 2, 3, 3, 2, 1, 0]
    >>> h.predict(AND_X)
    array([0., 0., 0., 1.])
    """
    X = check.real_array("X", X, ndim=2)
    y = check.real_array("y", y, ndim=1)
    check.same_length("X", X, "y", y)
    if not np.all((y == 0.0) | (y == 1.0)):
        raise InputError("err.perceptron.train_perceptron", labels=np.unique(y).tolist())
    eta = check.positive_number("eta", eta)
    mode = check.choice("mode", mode, MODES)
    max_epochs = check.count("max_epochs", max_epochs)
    d = X.shape[1]
    w0 = np.zeros(d) if w is None else check.real_array("w", w, shape=(d,))
    theta0 = float(check.real_array("theta", [theta], shape=(1,))[0])

    X_tilde = with_dummy(X)  # (m, d + 1): the threshold is the weight of the input −1
    w_tilde = np.append(w0, theta0)
    history = [w_tilde.copy()]
    mistakes = [int(np.sum(step(X_tilde @ w_tilde) != y))]
    for _ in range(max_epochs):
        wrong = 0
        if mode == "standard":
            for x_tilde, y_k in zip(X_tilde, y):
                y_hat = float(step(x_tilde @ w_tilde))
                w_tilde = w_tilde + eta * (y_k - y_hat) * x_tilde  # w̃ ← w̃ + η(y − ŷ)x̃
                wrong += int(y_hat != y_k)
        else:
            y_hat = step(X_tilde @ w_tilde)
            w_tilde = w_tilde + eta * (y - y_hat) @ X_tilde  # w̃ ← w̃ + η Σ_k (y_k − ŷ_k) x̃_k
            wrong = int(np.sum(y_hat != y))
        history.append(w_tilde.copy())
        mistakes.append(wrong)
        if wrong == 0:
            break
    W = np.array(history)
    return PerceptronHistory(
        w=W[:, :d],
        theta=W[:, d],
        mistakes=np.array(mistakes),
        converged=mistakes[-1] == 0,
        eta=eta,
        mode=mode,
    )
