"""Write bpcore/data/digits.npz from scikit-learn's copy of the 8×8 handwritten digits.

    python scripts/build_digits.py

Needs scikit-learn (only here and in tests/test_digits.py; bpcore itself reads the file with
NumPy). The arrays are stored as they are, uint8, with ``numpy.savez_compressed``:
``images`` (1797, 8, 8) with values 0–16 and ``labels`` (1797,). See bpcore/data/README.md.
"""

from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "bpcore" / "data" / "digits.npz"


def main():
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = digits.images.astype(np.uint8)
    labels = digits.target.astype(np.uint8)
    assert np.array_equal(images, digits.images) and np.array_equal(labels, digits.target)
    np.savez_compressed(OUT, images=images, labels=labels)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
