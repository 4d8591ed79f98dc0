"""bpcore's default path against the plain NumPy reference, case by case (issue 13, part 6).

For each of run.py's five benchmark cases, interleaved in one process (run 1 of every path,
then run 2, …, so a change in load hits all alike): ``train(epochs=K) ÷ K`` with the default
``fast="auto"`` (the compiled runner built beforehand where auto may pick it, as run.py does),
``train(fast=False, epochs=K) ÷ K`` (the NumPy path), the engine's internals
(batch_forward + batch_backward + step) and one step of benchmarks/reference.py.

Each run is timed twice: wall time (``perf_counter``, as run.py) and the CPU time of the
timing thread (``thread_time``: not the time other processes hold the cores, so on a loaded
machine it shows what the code itself costs; BLAS worker threads are not counted, which
matters on 784-64-10 only).

Run: ``python3 benchmarks/bench_defaultpath.py [--repeat 9] [--cases 2-16-1,xor]``. Prints
medians, the ratios to the reference and the load average; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


class _Harness:
    """run.py's cases and preparations (benchmarks/harness_cases.py) and its calibration and
    formatting (harness_measure.py) under one name."""

    def __init__(self):
        if str(HERE) not in sys.path:
            sys.path.insert(0, str(HERE))
        import harness_cases
        import harness_measure

        self.make_cases = harness_cases.make_cases
        self._default_train = harness_cases._default_train
        self._default_internals = harness_cases._default_internals
        self._numpy_reference = harness_cases._numpy_reference
        self.steps_per_call = harness_measure.steps_per_call
        self.calibrate = harness_measure.calibrate
        self.fmt_time = harness_measure.fmt_time


def _timed(call, number):
    """(wall seconds, CPU seconds) for `number` calls, the garbage collector off."""
    gc.disable()
    try:
        w0, c0 = time.perf_counter(), time.thread_time()
        for _ in range(number):
            call()
        return time.perf_counter() - w0, time.thread_time() - c0
    finally:
        gc.enable()


def measure(run, case, repeat, min_time):
    """Median seconds per step of each path on `case` (wall, CPU), runs interleaved."""
    k = run.steps_per_call(case, quick=False)
    preps = {
        "default": run._default_train(case, k),
        "numpy": run._default_train(case, k, fast=False),
        "internals": run._default_internals(case, k),
        "reference": run._numpy_reference(case, k),
    }
    numbers = {key: run.calibrate(p, min_time) for key, p in preps.items()}
    runs = {key: ([], []) for key in preps}
    for _ in range(repeat):
        for key, p in preps.items():
            wall, cpu = _timed(p.call, numbers[key])
            runs[key][0].append(wall / (numbers[key] * p.steps))
            runs[key][1].append(cpu / (numbers[key] * p.steps))
    med = {key: tuple(statistics.median(v) for v in pair) for key, pair in runs.items()}
    return med, runs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--min-time", type=float, default=0.2)
    parser.add_argument("--cases", default=None, help="comma-separated keys, e.g. 2-16-1,xor")
    args = parser.parse_args(argv)
    run = _Harness()
    cases = run.make_cases()
    if args.cases:
        cases = [c for c in cases if c.key in set(args.cases.split(","))]
    print("load average at start: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    print("| case | clock | default | train(fast=False) | internals | NumPy reference "
          "| default ÷ reference | fast=False ÷ reference | spread |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    rows = {}
    for case in cases:
        med, runs = measure(run, case, args.repeat, args.min_time)
        rows[case.key] = med
        for i, clock in enumerate(("wall", "CPU")):
            m = {key: v[i] for key, v in med.items()}
            spread = max(max(v[i]) / min(v[i]) for v in runs.values())
            ref = m["reference"]
            print(
                f"| {case.label} | {clock} | {run.fmt_time(m['default'])} "
                f"| {run.fmt_time(m['numpy'])} | {run.fmt_time(m['internals'])} "
                f"| {run.fmt_time(ref)} | {m['default'] / ref:.2f}× | {m['numpy'] / ref:.2f}× "
                f"| {spread:.2f} |"
            )
    print("load average at end: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    return rows


if __name__ == "__main__":
    main()
