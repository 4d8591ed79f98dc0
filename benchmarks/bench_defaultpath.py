"""bpcore's default path against the plain NumPy reference, case by case (issue 13, part 6).

For each of run.py's five benchmark cases, interleaved in one process (run 1 of every path,
then run 2, …, so a change in load hits all alike): ``train(epochs=K) ÷ K`` with the default
``fast="auto"`` (the compiled runner built beforehand where auto may pick it, as run.py does),
``train(fast=False, epochs=K) ÷ K`` (the NumPy path), the engine's internals
(batch_forward + batch_backward + step) and one step of benchmarks/reference.py.

Run: ``python3 benchmarks/bench_defaultpath.py [--repeat 9] [--cases 2-16-1,xor]``. Prints
medians, the ratios to the reference and the load average; nothing is asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run_module():
    spec = importlib.util.spec_from_file_location("bpcore_benchmarks_run", HERE / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def measure(run, case, repeat, min_time):
    """Median seconds per step of each path on `case`, runs interleaved."""
    k = run.steps_per_call(case, quick=False)
    preps = {
        "default": run._default_train(case, k),
        "numpy": run._default_train(case, k, fast=False),
        "internals": run._default_internals(case, k),
        "reference": run._numpy_reference(case, k),
    }
    numbers = {key: run.calibrate(p, min_time) for key, p in preps.items()}
    runs = {key: [] for key in preps}
    for _ in range(repeat):
        for key, p in preps.items():
            runs[key].append(run._timed(p, numbers[key]) / (numbers[key] * p.steps))
    return {key: statistics.median(v) for key, v in runs.items()}, runs


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--min-time", type=float, default=0.2)
    parser.add_argument("--cases", default=None, help="comma-separated keys, e.g. 2-16-1,xor")
    args = parser.parse_args(argv)
    run = _run_module()
    cases = run.make_cases()
    if args.cases:
        cases = [c for c in cases if c.key in set(args.cases.split(","))]
    print("load average at start: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    print("| case | default | train(fast=False) | internals | NumPy reference "
          "| default ÷ reference | fast=False ÷ reference | spread |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    rows = {}
    for case in cases:
        med, runs = measure(run, case, args.repeat, args.min_time)
        rows[case.key] = med
        spread = max(max(v) / min(v) for v in runs.values())
        ref = med["reference"]
        print(
            f"| {case.label} | {run.fmt_time(med['default'])} | {run.fmt_time(med['numpy'])} "
            f"| {run.fmt_time(med['internals'])} | {run.fmt_time(ref)} "
            f"| {med['default'] / ref:.2f}× | {med['numpy'] / ref:.2f}× | {spread:.2f} |"
        )
    print("load average at end: " + ", ".join(f"{v:.2f}" for v in os.getloadavg()))
    return rows


if __name__ == "__main__":
    main()
