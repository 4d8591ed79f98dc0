"""The 8×8 handwritten digits shipped inside bpcore, and the classification tools of lesson 15.

1,797 images of the digits 0–9, 8×8 pixels with values 0–16: the UCI *optdigits* test set
(Alpaydin and Kaynak, 1998; CC BY 4.0, see ``bpcore/data/README.md``), the same numbers as
scikit-learn's ``load_digits``. Shipping the 45 KB file keeps Binder free of scikit-learn and
SciPy and needs no download at run time.

Examples
--------
>>> X, labels = load_digits()
>>> X.shape, labels.shape, float(X.max())
((1797, 64), (1797,), 1.0)
>>> one_hot(np.array([2, 0]), 3).tolist()
[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]
"""

from pathlib import Path

import numpy as np

from . import _validate as check

DATA = Path(__file__).resolve().parent / "data" / "digits.npz"


def load_digits(scale=True):
    """The digits as (inputs, labels).

    Parameters
    ----------
    scale : bool
        Divide the pixel values 0–16 by 16, so the inputs lie in [0, 1].

    Returns
    -------
    X : ndarray of float, shape (1797, 64)
        One image per row, pixels row-major (``X[k].reshape(8, 8)`` is the image).
    labels : ndarray of int, shape (1797,)
        The digit 0–9 of each image.
    """
    with np.load(DATA) as data:
        images, labels = data["images"], data["labels"]
    X = images.reshape(len(images), -1).astype(float)
    return (X / 16.0 if scale else X), labels.astype(int)


def one_hot(labels, n_classes):
    """Targets for a softmax output: row k is 1 in column labels[k], 0 elsewhere, (m, n_classes).

    Examples
    --------
    >>> one_hot([1], 2)
    array([[0., 1.]])
    """
    n_classes = check.count("n_classes", n_classes)
    labels = check.real_array("labels", labels, ndim=1)
    if np.any(labels != np.round(labels)) or np.any(labels < 0) or np.any(labels >= n_classes):
        raise check.InputError(
            "err.digits.one_hot",
            largest=n_classes - 1,
            labels_min=labels.min(),
            labels_max=labels.max(),
        )
    return np.eye(n_classes)[labels.astype(int)]


def train_test_split(n, test_fraction=0.25, rng=None):
    """Indices of a seeded random split of n samples: (train, test), both sorted.

    Examples
    --------
    >>> tr, te = train_test_split(8, 0.25, rng=0)
    >>> len(tr), len(te), sorted({*tr, *te}) == list(range(8))
    (6, 2, True)
    """
    n = check.count("n", n)
    test_fraction = check.positive_number("test_fraction", test_fraction)
    if not test_fraction < 1:
        raise check.InputError("err.digits.train_test_split", test_fraction=test_fraction)
    order = np.random.default_rng(rng).permutation(n)
    k = round(n * test_fraction)
    return np.sort(order[k:]), np.sort(order[:k])


def predicted_class(outputs):
    """The class with the largest output in each row (ties: the first)."""
    return np.argmax(outputs, axis=1)


def accuracy(predicted, labels):
    """The fraction of samples whose predicted class equals the label.

    Examples
    --------
    >>> accuracy(np.array([1, 2, 3, 4]), np.array([1, 2, 0, 4]))
    0.75
    """
    predicted, labels = np.asarray(predicted), np.asarray(labels)
    return float(np.mean(predicted == labels))


def confusion_matrix(labels, predicted, n_classes):
    """Counts C[i, j] of samples with label i predicted as j, shape (n_classes, n_classes).

    The diagonal holds the correct answers; C.sum() is the number of samples.

    Examples
    --------
    >>> confusion_matrix([0, 1, 1], [0, 0, 1], 2).tolist()
    [[1, 0], [1, 1]]
    """
    C = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(C, (np.asarray(labels, int), np.asarray(predicted, int)), 1)
    return C
