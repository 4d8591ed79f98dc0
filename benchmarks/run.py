"""bpcore measured against a plain NumPy reference, PyTorch CPU eager and micrograd.

Run (from the repository's top folder)::

    python benchmarks/run.py                      # everything, writes RESULTS.md and results.png
    python benchmarks/run.py --quick --skip-course   # fewer repeats, no nbval run (~2 min)
    python benchmarks/run.py --smoke --out /tmp/RESULTS.md   # seconds: proves the harness only

What one run measures (details and caveats in benchmarks/README.md):

1. One full training step (forward, backward, update, loss recorded) on five nets: the 2-2-2
   example (1 sample), the 3-2-1 example (3 samples), XOR 2-3-1 (4 samples), 2-16-1 on 1,000
   points and 784-64-10 on 1,000 samples, for bpcore's default (NumPy) path, bpcore's fast
   (compiled) path, the vectorised NumPy reference of ``benchmarks/reference.py``, PyTorch CPU
   eager and micrograd (the last two when installed). Every case is full batch, so one step is
   one epoch. Median of several runs, each long enough (>= 0.2 s) for perf_counter.
2. The playground's learning-rate slider: η changed → XOR 2-3-1 retrained from scratch for
   5,000 and 10,000 epochs → every panel re-rendered (the method of bench_slider.py).
3. ``import bpcore`` in a fresh interpreter, and the whole course under nbval.

The harness is four modules, measure → records → one writer: ``harness_cases`` (the cases and
the paths), ``harness_measure`` (timed runs, interleaved, medians, GC off; the machine and its
load), ``harness_report`` (the :class:`~harness_report.Run` record and RESULTS.md, one
function per section) and ``harness_chart`` (results.png). Figures are printed and written to
RESULTS.md and the chart; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _threads_arg(argv) -> str | None:
    for k, a in enumerate(argv):
        if a == "--threads" and k + 1 < len(argv):
            return argv[k + 1]
        if a.startswith("--threads="):
            return a.split("=", 1)[1]
    return None


if __name__ == "__main__":
    # BLAS reads its thread count when NumPy is imported: set it, then start again.
    _n = _threads_arg(sys.argv[1:])
    if _n and any(os.environ.get(v) != _n for v in THREAD_VARS):
        os.environ.update(dict.fromkeys(THREAD_VARS, _n))
        os.execv(sys.executable, [sys.executable, *sys.argv])

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

# The harness's public names, importable from run.py as before (tests/test_benchmarks.py).
from harness_cases import IMPL, IMPLS, Case, Impl, Prepared, have, make_cases  # noqa: E402, F401
from harness_chart import chart  # noqa: E402
from harness_measure import (  # noqa: E402, F401
    StepResults,
    Timing,
    benchmark_steps,
    default_breakdown,
    fmt_time,
    load,
    machine,
    measure_course,
    measure_import,
    measure_slider,
    micrograd_with_gc,
)
from harness_report import Run, markdown, steps_table, verdicts  # noqa: E402

ONE_THREAD_PATHS = ("default", "internals", "numpy", "torch")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="one short run of everything on small data, no course, no subprocess run "
        "(seconds; proves the harness and the writer, its figures mean nothing)",
    )
    parser.add_argument("--skip-course", action="store_true", help="do not run the nbval course")
    parser.add_argument(
        "--out",
        type=Path,
        default=HERE / "RESULTS.md",
        help="where to write the Markdown results (default benchmarks/RESULTS.md)",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        default=None,
        help="the PNG chart (default: results.png next to --out)",
    )
    parser.add_argument(
        "--cases", default=None, help="comma-separated subset of: 2-2-2,3-2-1,xor,2-16-1,784-64-10"
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="threads for BLAS (NumPy) and PyTorch"
    )
    parser.add_argument("--steps-json", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.quick = args.skip_course = True
    args.repeat = 1 if args.smoke else 3 if args.quick else 7
    args.min_time = 0.0 if args.smoke else 0.05 if args.quick else 0.2
    args.import_repeat = 1 if args.smoke else 5 if args.quick else 15
    args.slider_epochs = (60, 120) if args.smoke else (5_000, 10_000)
    args.slider_repeat = 1 if args.smoke else 7 if args.quick else 15
    return args


def _steps_json(args) -> int:
    """Internal (--steps-json): the one-thread comparison, run in a subprocess."""
    cases = [c for c in make_cases() if c.key in set(args.cases.split(","))]
    res = benchmark_steps(
        cases,
        [IMPL[k] for k in ONE_THREAD_PATHS],
        repeat=args.repeat,
        min_time=args.min_time,
        quick=args.quick,
        log=lambda *a: None,
    )
    args.steps_json.write_text(json.dumps({impl: t.median for (_, impl), t in res.timings.items()}))
    return 0


def one_thread_big(args) -> dict:
    """Medians for 784-64-10 with BLAS and PyTorch on one thread, in a fresh process.

    On a shared 2-core machine two BLAS threads are only faster while nobody else wants a
    core; one thread gives the comparison that does not depend on the neighbours."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "steps.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--threads", "1"]
        cmd += ["--cases", "784-64-10", "--steps-json", str(out)]
        subprocess.run(cmd + (["--quick"] if args.quick else []), check=True, cwd=ROOT)
        return json.loads(out.read_text())


def _joined(figures: dict) -> str:
    return ", ".join(f"{k} {fmt_time(v)}" for k, v in figures.items())


def measure_steps(args, cases) -> StepResults:
    """The step table's figures, then the extras its notes use (one thread, GC on)."""
    print("\n== one training step ==")
    res = benchmark_steps(cases, repeat=args.repeat, min_time=args.min_time, quick=args.quick)
    if not (args.threads or args.smoke) and any(c.key == "784-64-10" for c in cases):
        res.extra["one_thread"] = one_thread_big(args)
        print("  784-64-10, one BLAS/PyTorch thread: " + _joined(res.extra["one_thread"]))
    small = next((c for c in cases if c.key == "2-16-1"), None)
    if small is not None and have("micrograd"):
        res.extra["micrograd_gc"] = micrograd_with_gc(small)
        print(f"  micrograd 2-16-1, garbage collector on: {fmt_time(res.extra['micrograd_gc'])}")
    return res


def measure_latencies(args) -> tuple[list, dict]:
    """The slider at two lengths of training, and ``import bpcore`` in fresh interpreters."""
    print("\n== learning-rate slider ==")
    slider = []
    for epochs in args.slider_epochs:
        slider.append(measure_slider(epochs, repeat=args.slider_repeat))
        s = slider[-1]
        print(
            f"  {epochs:>6,} epochs: every panel new {fmt_time(s['full'])}; " + _joined(s["parts"])
        )
    print("\n== import bpcore ==")
    imports = measure_import(args.import_repeat)
    b = imports["bpcore"]
    print(f"  import bpcore {fmt_time(b['median'])}; heavy modules: {b['heavy'] or 'none'}")
    return slider, imports


def measure_all(args) -> Run:
    """Every measurement of one run, in order, gathered into the record the writer reads."""
    info = machine() | {"threads": args.threads}
    loads = [load()]
    print(f"{info['cpu']}, {info['cores']} cores; Python {info['python']}; load {loads[0]}")
    cases = make_cases(small=args.smoke)
    if args.cases:
        cases = [c for c in cases if c.key in set(args.cases.split(","))]
    res = measure_steps(args, cases)
    print("\n== where the default path's time goes ==")
    breakdowns, min_time = {}, 0.0 if args.smoke else 0.05
    for case in cases:
        breakdowns[case.key] = default_breakdown(case, repeat=args.repeat, min_time=min_time)
        print(f"  {case.label:<20} " + _joined(breakdowns[case.key]))
    slider, imports = measure_latencies(args)
    course = None
    if not args.skip_course:
        print("\n== the course under nbval (python -m pytest notebooks -q) ==")
        course = measure_course()
        print(f"  {fmt_time(course['wall'])}: {course['summary']}")
    return Run(res, cases, slider, imports, course, info, breakdowns, args, [*loads, load()])


def write(run: Run, out: Path, chart_path: Path) -> None:
    """The table and the verdicts on the terminal; RESULTS.md (its hand-pasted sections kept)
    and results.png on disk."""
    print("\n== results ==", *steps_table(run.res, run.cases), "", sep="\n")
    for v in verdicts(run):
        print(f"{'met   ' if v.met else 'MISSED'}  {v.target}: {v.measured} {v.note}")
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown(run, previous) + "\n", encoding="utf-8")
    chart(run, chart_path)
    print(f"\nwrote {out} and {chart_path}")


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    if args.threads and have("torch"):
        import torch

        torch.set_num_threads(args.threads)
    if args.steps_json:
        return _steps_json(args)
    for module in ("torch", "micrograd"):
        if not have(module):
            print(f"note: {module} is not installed; its rows are skipped")
    write(measure_all(args), args.out, args.chart or args.out.with_name("results.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
