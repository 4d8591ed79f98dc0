"""The handwritten digits shipped in bpcore: the same numbers as scikit-learn's, read without
scikit-learn, inside the wheel; the split, one-hot targets and the classification counts."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from bpcore import digits
from bpcore.errors import InputError

REPO = Path(__file__).resolve().parents[1]


def test_shapes_values_and_scaling():
    X, labels = digits.load_digits()
    raw, same = digits.load_digits(scale=False)
    assert X.shape == (1797, 64) and labels.shape == (1797,)
    assert np.array_equal(labels, same) and set(labels.tolist()) == set(range(10))
    assert raw.min() == 0 and raw.max() == 16 and np.array_equal(raw, np.round(raw))
    assert np.array_equal(X, raw / 16)


def test_equals_scikit_learns_copy():
    datasets = pytest.importorskip("sklearn.datasets")
    ref = datasets.load_digits()
    raw, labels = digits.load_digits(scale=False)
    assert np.array_equal(raw, ref.data)  # ref.data is images.reshape(1797, 64)
    assert np.array_equal(raw.reshape(-1, 8, 8), ref.images)
    assert np.array_equal(labels, ref.target)


def test_loads_without_scikit_learn():
    # sys.modules[name] = None makes any import of scikit-learn fail
    code = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['scipy'] = None\n"
        "from bpcore.digits import load_digits; X, y = load_digits(); print(X.shape, y.max())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(1797, 64) 9"


def test_readme_states_the_files_size_and_licence():
    text = (REPO / "bpcore" / "data" / "README.md").read_text(encoding="utf-8")
    size = (REPO / "bpcore" / "data" / "digits.npz").stat().st_size
    assert f"{size:,} bytes" in text
    assert f"about {round(size / 1000)} KB" in text
    assert "CC BY 4.0" in text and "10.24432/C50P49" in text


def test_split_is_seeded_disjoint_and_complete():
    train, test = digits.train_test_split(1797, 0.25, rng=0)
    again = digits.train_test_split(1797, 0.25, rng=0)
    other = digits.train_test_split(1797, 0.25, rng=1)
    assert np.array_equal(train, again[0]) and np.array_equal(test, again[1])
    assert not np.array_equal(test, other[1])
    assert len(test) == round(1797 * 0.25) and len(train) + len(test) == 1797
    assert np.array_equal(np.sort(np.concatenate([train, test])), np.arange(1797))


@pytest.mark.parametrize("fraction", [0, 1, 1.5, -0.1])
def test_split_refuses_a_fraction_outside_0_1(fraction):
    with pytest.raises(InputError, match="test_fraction"):
        digits.train_test_split(10, fraction)


def test_one_hot():
    assert digits.one_hot([2, 0, 1], 3).tolist() == [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
    with pytest.raises(InputError, match="labels") as err:
        digits.one_hot([0, 3], 3)
    assert "0 到 2" in str(err.value)
    with pytest.raises(InputError, match="labels"):
        digits.one_hot([0.5], 3)


def test_accuracy_and_confusion_matrix_against_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(15)
    labels, predicted = rng.integers(0, 10, 300), rng.integers(0, 10, 300)
    predicted[:150] = labels[:150]
    assert digits.accuracy(predicted, labels) == metrics.accuracy_score(labels, predicted)
    C = digits.confusion_matrix(labels, predicted, 10)
    assert np.array_equal(C, metrics.confusion_matrix(labels, predicted, labels=range(10)))
    assert C.sum() == 300 and np.trace(C) == np.sum(predicted == labels)


def test_predicted_class_takes_the_largest_output():
    out = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3], [0.4, 0.4, 0.2]])
    assert digits.predicted_class(out).tolist() == [1, 0, 0]  # a tie goes to the first


@pytest.mark.slow
def test_the_wheel_holds_the_data_file(tmp_path):
    """pyproject's package-data puts bpcore/data/ into the wheel (built offline)."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / "bpcore", src / "bpcore", ignore=shutil.ignore_patterns("__pycache__"))
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    out = subprocess.run(
        [*cmd, "-w", str(tmp_path / "dist"), str(src)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("bpcore-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        data = zf.read("bpcore/data/digits.npz")
    assert "bpcore/data/README.md" in names
    assert data == (REPO / "bpcore" / "data" / "digits.npz").read_bytes()
    assert not any(re.search(r"__pycache__", n) for n in names)
