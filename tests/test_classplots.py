"""Classification figures: labels in the notebook's language, Chinese drawn without boxes,
what is drawn is what the arrays say."""

import warnings

import numpy as np
import pytest

from bpcore import classplots, plots


def _render_without_missing_glyphs(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" fails the test
        png = plots.to_png(fig)
    assert png[:4] == b"\x89PNG"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_renders_in_both_languages(lang):
    y = {"half_sse": [0.1, 0.2], "binary_cross_entropy": [0.1, 0.9]}
    g = {"half_sse": [-0.09, -0.1], "binary_cross_entropy": [-0.9, -0.1]}
    C = np.array([[5, 1], [0, 7]])
    figs = [
        classplots.saturation_figure(y, g, lang=lang),
        classplots.learning_curves_figure(
            ([2.3, 0.5], [2.3, 0.6]), ([0.1, 0.9], [0.1, 0.8]), lang=lang
        ),
        classplots.confusion_figure(C, lang=lang),
        classplots.digits_figure(np.zeros((3, 64)), [1, 2, 3], predicted=[1, 2, 8], lang=lang),
        classplots.weights_figure(np.linspace(-1, 1, 64 * 4).reshape(64, 4), lang=lang),
    ]
    for fig in figs:
        _render_without_missing_glyphs(fig)


def test_labels_follow_the_language():
    zh = classplots.confusion_figure([[1]], lang="zh").axes[0]
    en = classplots.confusion_figure([[1]], lang="en").axes[0]
    assert (zh.get_xlabel(), zh.get_ylabel()) == ("预测数字", "真实数字")
    assert (en.get_xlabel(), en.get_ylabel()) == ("predicted digit", "true digit")


def test_saturation_figure_draws_the_magnitude_of_the_gradient():
    fig = classplots.saturation_figure({"half_sse": [0.0, 0.5]}, {"half_sse": [-1e-3, -0.2]})
    line = fig.axes[1].lines[0]
    assert line.get_ydata().tolist() == [1e-3, 0.2]
    assert fig.axes[1].get_yscale() == "log"


def test_confusion_figure_writes_every_nonzero_count_in_its_cell():
    C = np.array([[3, 0, 1], [0, 4, 0], [2, 0, 5]])
    texts = classplots.confusion_figure(C).axes[0].texts
    cells = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in texts}
    assert cells == {(i, j): str(C[i, j]) for i in range(3) for j in range(3) if C[i, j]}


def test_weights_figure_shows_column_h_as_image_h_on_its_own_symmetric_scale():
    v = np.zeros((64, 2))
    v[:, 0] = 0.5 - np.arange(64) / 100
    v[:, 1] = np.arange(64) - 10.0
    fig = classplots.weights_figure(v)
    image = fig.axes[1].images[0]
    assert np.array_equal(image.get_array(), v[:, 1].reshape(8, 8))
    assert image.get_clim() == (-53.0, 53.0)  # the largest |v[i, 1]| is 53
    assert fig.axes[0].images[0].get_clim() == pytest.approx((-0.5, 0.5))


def test_digits_figure_titles_samples_and_mistakes():
    samples = classplots.digits_figure(np.zeros((1, 64)), [4], lang="en")
    mistakes = classplots.digits_figure(np.zeros((1, 64)), [4], predicted=[9], lang="en")
    assert samples.get_suptitle() == "Sample digits"
    assert mistakes.get_suptitle() == "Misread test digits"
    assert mistakes.axes[0].get_xlabel() == "label 4 → 9"
