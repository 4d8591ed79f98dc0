"""What one gradient costs, timed: backpropagation against central differences (lesson 12).

Run: ``python3 benchmarks/bench_backprop_cost.py`` (``--quick``: fewer nets, 2 repeats).
For 4-h-h-1 sigmoid nets and a batch of m samples it prints the load (``os.getloadavg``), the
seconds of one forward pass, of one backprop gradient (:func:`bpcore.matrix_form.gradient`)
and of one central-difference gradient (:func:`bpcore.backprop_cost.central_differences`,
timed only up to ``--max-central`` parameters; above that only 2n × one forward pass is
printed, marked as an estimate), each as a multiple of one forward pass. The exact counts
that the lesson and the tests rely on are :func:`bpcore.backprop_cost.count_costs`; these
figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpcore import backprop_cost, matrix_form  # noqa: E402
from bpcore.backprop_cost import _best, _problem  # noqa: E402


def measure(widths, m, repeats, max_central):
    """One row per width: n, forward, backprop and central seconds (central None if skipped)."""
    rows = []
    for h in widths:
        net, X, Y = _problem((4, h, h, 1), m, 0)
        n = net.spec.n_params
        forward = _best(lambda net=net, X=X: matrix_form.forward(net, X), repeats)
        backprop = _best(lambda net=net, X=X, Y=Y: matrix_form.gradient(net, X, Y), repeats)
        central = None
        if n <= max_central:
            central = _best(
                lambda net=net, X=X, Y=Y: backprop_cost.central_differences(net, X, Y), 1
            )
        rows.append((h, n, forward, backprop, central))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--m", type=int, default=256, help="batch size (default 256)")
    parser.add_argument("--max-central", type=int, default=1500)
    args = parser.parse_args(argv)
    widths = (4, 16, 64) if args.quick else (4, 8, 16, 32, 64, 128, 256, 512)
    repeats = 2 if args.quick else 7
    print(f"load {os.getloadavg()}; 4-h-h-1 sigmoid, m = {args.m}; best of {repeats}")
    print("| net | n | forward | backprop | backprop ÷ forward | central | central ÷ forward |")
    print("|---|---|---|---|---|---|---|")
    for h, n, fwd, bp, cd in measure(widths, args.m, repeats, args.max_central):
        central = f"{cd:.3g} s | {cd / fwd:.0f}" if cd else f"– | (2n = {2 * n}, estimate)"
        print(f"| 4-{h}-{h}-1 | {n} | {fwd:.3g} s | {bp:.3g} s | {bp / fwd:.2f} | {central} |")
    print(f"load {os.getloadavg()}")


if __name__ == "__main__":
    main()
