"""Where the compiled step stops paying: train(fast=True) against train(fast=False), full
batch, per epoch, for nets and batch sizes around the ``fast="auto"`` rule (parameters ×
batch size ≤ 512, see bpcore/train.py).

Run: ``python3 benchmarks/bench_pathchoice.py``. Medians of 5 repeats of 2,000 epochs each
(the compiled step built beforehand, so its build time is left out); prints the load.
Figures are printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpcore import Network, train  # noqa: E402
from bpcore.train import AUTO_MAX_WORK  # noqa: E402

CASES = [((2, 3, 1), 4), ((2, 3, 1), 32), ((2, 3, 1), 64), ((2, 16, 1), 4), ((2, 16, 1), 8),
         ((2, 16, 1), 16), ((2, 16, 1), 64), ((2, 16, 1), 1000)]  # fmt: skip


def per_epoch(net, X, Y, fast, epochs, repeat):
    train(net, X, Y, eta=0.5, epochs=1, fast=fast)  # build / warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        train(net, X, Y, eta=0.5, epochs=epochs, fast=fast)
        times.append((time.perf_counter() - t0) / epochs)
    return statistics.median(times)


def main(epochs=2000, repeat=5, cases=CASES):
    rows = []
    for sizes, m in cases:
        rng = np.random.default_rng(m)
        X = rng.uniform(-1, 1, size=(m, sizes[0]))
        Y = ((X**2).sum(axis=1, keepdims=True) < 0.5).astype(float)
        net = Network.from_sizes(sizes, rng=2)
        P = net.spec.n_params
        k = max(epochs * 4 // max(m, 4), 20)
        numpy_t = per_epoch(net, X, Y, False, k, repeat)
        fast_t = per_epoch(net, X, Y, True, k, repeat)
        rows.append((sizes, m, P, numpy_t, fast_t))
        auto = "compiled" if P * m <= AUTO_MAX_WORK else "NumPy"
        print(
            f"{'-'.join(map(str, sizes))} m={m}: P×B = {P * m:,}; NumPy {numpy_t * 1e6:.1f} µs, "
            f"compiled {fast_t * 1e6:.1f} µs an epoch ({fast_t / numpy_t:.2f}×); auto: {auto}"
        )
    print("load average: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    return rows


if __name__ == "__main__":
    main()
