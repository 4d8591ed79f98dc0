"""Figures for classification: a saturated start under two losses, learning curves on a
training and a test set, a confusion matrix, small images (digits, first-layer weights).

Lessons 13 (cross-entropy) and 15 (the handwritten digits) draw with these. Plotting only:
the arrays come from the engine. Public matplotlib API, Chinese through the bundled font of
:mod:`bpcore.plots`; every text is a key of the catalogue :mod:`bpcore.i18n`. Each function
returns a ``Figure``; :func:`bpcore.plots.to_png` renders it.

Examples
--------
>>> fig = saturation_figure({"half_sse": [0.1, 0.1], "binary_cross_entropy": [0.1, 0.9]},
...                         {"half_sse": [0.09, 0.09], "binary_cross_entropy": [0.9, 0.1]},
...                         lang="en")
>>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
['squared error ½(ŷ − y)²', 'cross-entropy']
"""

import numpy as np

from .i18n import DEFAULT_LANG, check_lang, t
from .plots import RUN_COLOURS, font, new_figure, style_axes

#: The legend text of each loss the lessons compare.
LOSS_KEYS = {"half_sse": "plot.ce.sse", "binary_cross_entropy": "plot.ce.bce"}


def _panel(ax, series, *, title, ylabel, xlabel, logy=False, legend=True):
    """Curves against the epoch (``values[k]`` at epoch k) on one axes."""
    for k, (label, values) in enumerate(series):
        values = np.asarray(values, dtype=float)
        colour = RUN_COLOURS[k % len(RUN_COLOURS)]
        ax.plot(np.arange(len(values)), values, color=colour, lw=1.6, label=label)
    if logy:
        ax.set_yscale("log")
    ax.set_title(title, fontproperties=font(9.5, "bold"))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.margins(x=0)
    if legend:
        ax.legend(prop=font(8), frameon=False)
    style_axes(ax)


def saturation_figure(y_hat, grad, *, lang=DEFAULT_LANG, figsize=(9.0, 3.2)):
    """Two panels: the output ŷ and |∂E/∂β| per epoch, one curve per loss.

    Parameters
    ----------
    y_hat, grad : mapping of loss name to array_like
        ``"half_sse"`` and/or ``"binary_cross_entropy"`` → the value after each epoch
        (index 0: before training). ``grad`` is drawn on a log axis.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure
    """
    lang = check_lang(lang)
    fig = new_figure(figsize)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    epoch = t("plot.loss.xlabel", lang)
    _panel(
        left,
        [(t(LOSS_KEYS[name], lang), v) for name, v in y_hat.items()],
        title=t("plot.ce.saturated", lang),
        ylabel=t("plot.ce.y_hat", lang),
        xlabel=epoch,
    )
    left.set_ylim(-0.03, 1.03)
    _panel(
        right,
        [(t(LOSS_KEYS[name], lang), np.abs(np.asarray(v, float))) for name, v in grad.items()],
        title=t("plot.ce.grad_title", lang),
        ylabel=t("plot.ce.grad", lang),
        xlabel=epoch,
        logy=True,
        legend=False,
    )
    fig.tight_layout()
    return fig


def learning_curves_figure(loss, accuracy, *, lang=DEFAULT_LANG, figsize=(9.0, 3.2)):
    """Loss and accuracy per epoch on the training and the test set, two panels.

    Parameters
    ----------
    loss, accuracy : (array_like, array_like)
        (training set, test set), one value per epoch (index 0: before training).
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = learning_curves_figure(([2.3, 1.0], [2.3, 1.1]), ([0.1, 0.8], [0.1, 0.7]),
    ...                              lang="zh")
    >>> fig.axes[1].get_ylabel()
    '准确率'
    """
    lang = check_lang(lang)
    names = (t("plot.digits.train", lang), t("plot.digits.test", lang))
    fig = new_figure(figsize)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    epoch = t("plot.loss.xlabel", lang)
    title = t("plot.digits.curves", lang)
    _panel(
        left,
        list(zip(names, loss)),
        title=title,
        ylabel=t("plot.digits.loss", lang),
        xlabel=epoch,
        logy=True,
    )
    _panel(
        right,
        list(zip(names, accuracy)),
        title=title,
        ylabel=t("plot.digits.accuracy", lang),
        xlabel=epoch,
    )
    right.set_ylim(0, 1.02)
    fig.tight_layout()
    return fig


def confusion_figure(C, *, lang=DEFAULT_LANG, figsize=(4.4, 4.0)):
    """A confusion matrix C[i, j] (label i predicted as j) as a grid of counts.

    Parameters
    ----------
    C : array_like of int, shape (n, n)
        From :func:`bpcore.digits.confusion_matrix`.
    lang : {"zh", "en"}

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = confusion_figure([[3, 1], [0, 4]], lang="en")
    >>> sorted(text.get_text() for text in fig.axes[0].texts)
    ['1', '3', '4']
    """
    lang = check_lang(lang)
    C = np.asarray(C)
    n = C.shape[0]
    fig = new_figure(figsize)
    ax = fig.add_subplot(1, 1, 1)
    ax.imshow(C, cmap="Blues")
    top = C.max() if C.size else 0
    for i in range(n):
        for j in range(n):
            if C[i, j]:
                colour = "white" if C[i, j] > top / 2 else "black"
                ax.text(
                    j,
                    i,
                    str(C[i, j]),
                    ha="center",
                    va="center",
                    color=colour,
                    fontproperties=font(7.5),
                )
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xlabel(t("plot.digits.predicted", lang))
    ax.set_ylabel(t("plot.digits.true", lang))
    ax.set_title(t("plot.digits.confusion", lang), fontproperties=font(9.5, "bold"))
    style_axes(ax)
    fig.tight_layout()
    return fig


def _images(images, title, captions, cols, cmap, symmetric):
    images = np.asarray(images, dtype=float)
    n = len(images)
    rows = -(-n // cols)
    fig = new_figure((cols * 0.8, rows * 0.95 + 0.45))
    for k in range(n):
        ax = fig.add_subplot(rows, cols, k + 1)
        if symmetric:
            # each image on its own scale, centred at 0: white is 0, the darkest is its max |.|
            limit = float(np.max(np.abs(images[k]))) or 1.0
            ax.imshow(images[k], cmap=cmap, vmin=-limit, vmax=limit)
        else:
            ax.imshow(images[k], cmap=cmap)
        ax.set_xticks([])
        ax.set_yticks([])
        if captions is not None:
            ax.set_xlabel(captions[k], fontproperties=font(7), labelpad=2)
    fig.suptitle(title, fontproperties=font(9.5, "bold"))
    fig.tight_layout()
    return fig


def digits_figure(X, labels, *, predicted=None, lang=DEFAULT_LANG, cols=10):
    """Handwritten digits as 8×8 images with their labels (and predictions) underneath.

    Parameters
    ----------
    X : array_like, shape (n, 64)
        One image per row (:func:`bpcore.digits.load_digits`).
    labels : array_like of int, shape (n,)
    predicted : array_like of int, shape (n,), optional
        Shown as "label → predicted", under the title "Misread test digits".
    lang : {"zh", "en"}
    cols : int

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = digits_figure(np.zeros((2, 64)), [3, 5], predicted=[3, 8], lang="zh")
    >>> fig.axes[1].get_xlabel()
    '标签 5 → 8'
    """
    lang = check_lang(lang)
    X = np.asarray(X, dtype=float)
    captions = [t("plot.digits.label", lang, k=int(y)) for y in labels]
    if predicted is not None:
        captions = [f"{c} → {int(p)}" for c, p in zip(captions, predicted)]
    images = X.reshape(len(X), 8, 8)
    title = t("plot.digits.mistakes" if predicted is not None else "plot.digits.samples", lang)
    return _images(images, title, captions, cols, "gray_r", False)


def weights_figure(v, *, lang=DEFAULT_LANG, cols=8):
    """The first layer's weights v[i, h] as one 8×8 image per hidden unit h.

    Red is a positive weight, blue a negative one; each image has its own colour scale,
    centred at 0 (white) and reaching its largest |v[i, h]|, so units with small weights
    still show their pattern.

    Parameters
    ----------
    v : array_like, shape (64, q)
        ``Network.layers[0].W`` of a network on 8×8 images.
    lang : {"zh", "en"}
    cols : int

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> len(weights_figure(np.ones((64, 3)), lang="en").axes)
    3
    """
    lang = check_lang(lang)
    v = np.asarray(v, dtype=float)
    images = v.T.reshape(v.shape[1], 8, 8)
    captions = [f"h = {h + 1}" for h in range(v.shape[1])]
    return _images(images, t("plot.digits.weights", lang), captions, cols, "RdBu_r", True)
