"""The learning-rate sweep: 256 learning rates × XOR 2-3-1 × 2,000 epochs, trained at once.

Run: ``python3 benchmarks/bench_sweep.py`` (``--quick``: 3 repeats; ``--runs R --epochs E``
for another size). Prints the load (``os.getloadavg``), every repeat, the median and the
minimum of :func:`bpcore.sweep.sweep`, the same work done one η at a time by
``bpcore.train`` (a few η, scaled to R), and how many runs converged / oscillated / diverged.
Target (issue 13): median ≤ 0.2 s. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpcore import Network, train  # noqa: E402
from bpcore.sweep import sweep  # noqa: E402

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
TARGET = 0.2  # s for 256 × 2,000


def measure(runs=256, epochs=2000, repeat=9, one_by_one=4):
    """Timings of one sweep (seconds, every repeat) and of ``one_by_one`` train() calls."""
    net = Network.from_sizes((2, 3, 1), rng=1)
    etas = np.geomspace(0.01, 100.0, runs)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = sweep(net, XOR_X, XOR_Y, etas, epochs=epochs)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    for eta in etas[:: max(runs // one_by_one, 1)][:one_by_one]:
        train(net, XOR_X, XOR_Y, eta=float(eta), epochs=epochs, on_divergence="stop")
    serial = (time.perf_counter() - t0) / one_by_one * runs
    return dict(
        times=times,
        median=statistics.median(times),
        best=min(times),
        serial=serial,
        status=dict(Counter(str(s) for s in result.status)),
        load=os.getloadavg(),
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=2000)
    args = parser.parse_args(argv)
    r = measure(args.runs, args.epochs, repeat=3 if args.quick else 9)
    load = ", ".join(f"{v:.2f}" for v in r["load"])
    print(f"load average (1, 5, 15 min) after the runs: {load}")
    print("sweep repeats (s): " + ", ".join(f"{t:.3f}" for t in r["times"]))
    print(
        f"{args.runs} learning rates × XOR 2-3-1 × {args.epochs:,} epochs: median "
        f"{r['median']:.3f} s, min {r['best']:.3f} s (target ≤ {TARGET} s for 256 × 2,000); "
        f"one η at a time with train(): ≈ {r['serial']:.2f} s"
    )
    print(f"status: {r['status']}")
    return r


if __name__ == "__main__":
    main()
