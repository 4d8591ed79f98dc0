"""Measuring: timed runs with the garbage collector off, calibrated to a minimum duration,
interleaved across paths and summarised by medians; the slider, import and course timings;
the machine and its load."""

from __future__ import annotations

import gc
import itertools
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from harness_cases import IMPL, IMPLS, Case, Prepared, have
from reference import NumpyReference

import bpcore
from bpcore.network import batch_backward, batch_forward

ROOT = Path(__file__).resolve().parents[1]


# =================================================================================================
# Timing
# =================================================================================================
@dataclass
class Timing:
    """Seconds per step of each of `runs` (each run `number` calls of `steps` steps)."""

    runs: list
    number: int
    steps: int

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def _timed(prep: Prepared, number: int, collect: bool = False) -> float:
    """Seconds for `number` calls of ``prep.call``, the garbage collector off (as in timeit);
    with `collect`, a full collection first (micrograd's graphs are reference cycles)."""
    call, it = prep.call, itertools.repeat(None, number)
    if collect:
        gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for _ in it:
            call()
        return time.perf_counter() - t0
    finally:
        gc.enable()


def calibrate(prep: Prepared, min_time: float, collect: bool = False) -> int:
    """How many calls make a run last >= `min_time` (the first calls also warm caches)."""
    number, spent = 1, _timed(prep, 1, collect)
    while spent < min_time:
        number = max(number * 2, math.ceil(number * 1.2 * min_time / max(spent, 1e-9)))
        spent = _timed(prep, number, collect)
    return number


# When the runs of a case differ by more than this (slowest ÷ fastest run of any path), another
# process most likely took the cores: the case is measured again, and the attempt with the
# smallest spread is kept (at most MAX_ATTEMPTS; RESULTS.md says how many were needed).
MAX_SPREAD = 1.5
MAX_ATTEMPTS = 4


def steps_per_call(case: Case, quick: bool) -> int:
    """K: steps per call of the train()/runner rows (amortises train()'s set-up)."""
    if case.tiny:
        return 100 if quick else 500
    return 5 if quick else 20


@dataclass
class StepResults:
    timings: dict = field(default_factory=dict)  # (case key, impl key) → Timing
    missing: dict = field(default_factory=dict)  # (case key, impl key) → reason
    builds: dict = field(default_factory=dict)  # (case key, impl key) → seconds
    extra: dict = field(default_factory=dict)  # diagnostics
    spread: dict = field(default_factory=dict)  # case key → (max/min of runs, attempts)


def _prepare(case, impls, res, *, min_time, quick):
    """Each available path prepared for `case` and its calls per run calibrated; the others
    recorded in ``res.missing`` with the reason, build times in ``res.builds``."""
    ready = []
    for impl in impls:
        reason = impl.unavailable(case)
        if reason:
            res.missing[case.key, impl.key] = reason
            continue
        prep = impl.prepare(case, steps_per_call(case, quick))
        if prep.build_seconds is not None:
            res.builds[case.key, impl.key] = prep.build_seconds
        collect = impl.key == "micrograd"
        # micrograd on 1,000 samples takes ~0.2 s a step: one call per run
        slow = collect and not case.tiny
        ready.append((impl, prep, calibrate(prep, 0.0 if slow else min_time, collect)))
    return ready


def _interleaved_runs(ready, repeat) -> dict:
    """Seconds per step of `repeat` runs of every path, run 1 of each path, then run 2, …"""
    runs = {impl.key: [] for impl, _, _ in ready}
    for _ in range(repeat):
        for impl, prep, number in ready:
            seconds = _timed(prep, number, impl.key == "micrograd")
            runs[impl.key].append(seconds / (number * prep.steps))
    return runs


def _steadiest_runs(case, ready, repeat, log):
    """Interleaved runs, measured again while the spread (slowest ÷ fastest run of any path)
    exceeds MAX_SPREAD; returns (spread, runs, attempts) of the steadiest attempt."""
    best = None
    for attempt in range(1, MAX_ATTEMPTS + 1):
        runs = _interleaved_runs(ready, repeat)
        spread = max(max(v) / min(v) for v in runs.values())
        if best is None or spread < best[0]:
            best = (spread, runs)
        if spread <= MAX_SPREAD or repeat < 3:
            break
        log(
            f"  {case.label}: runs differ by {spread:.1f}× (another process?); "
            f"measuring again ({attempt + 1}/{MAX_ATTEMPTS})"
        )
    return (*best, attempt)


def benchmark_steps(cases, impls=IMPLS, *, repeat=7, min_time=0.2, quick=False, log=print):
    """Time every implementation on every case.

    The runs of one case are interleaved (run 1 of every path, then run 2, …), so a change
    in the machine's load during the measurement hits every path of that case alike.
    """
    res = StepResults()
    for case in cases:
        ready = _prepare(case, impls, res, min_time=min_time, quick=quick)
        spread, runs, attempts = _steadiest_runs(case, ready, repeat, log)
        res.spread[case.key] = (spread, attempts)
        for impl, prep, number in ready:
            t = res.timings[case.key, impl.key] = Timing(runs[impl.key], number, prep.steps)
            log(f"  {case.label:<20} {impl.label:<55} {fmt_time(t.median):>10}")
        del ready
        gc.collect()
    return res


def micrograd_with_gc(case: Case) -> float:
    """Seconds of one micrograd step with the garbage collector on, as in a plain session.

    CPython's collector runs a full pass every so many allocations and each pass walks every
    live graph node, so with 10^5 nodes per step the cost grows faster than the graph."""
    prep = IMPL["micrograd"].prepare(case, 1)
    prep.call()
    gc.collect()
    t0 = time.perf_counter()
    prep.call()
    return time.perf_counter() - t0


# =================================================================================================
# Where the default path's time goes (diagnostics for the notes)
# =================================================================================================
def interleaved(fns: dict, repeat=7, min_time=0.05) -> dict:
    """Median seconds per call of each function, their runs interleaved (load hits all alike)."""
    preps = {k: Prepared(fn, 1, lambda: None) for k, fn in fns.items()}
    numbers = {k: calibrate(p, min_time) for k, p in preps.items()}
    runs = {k: [] for k in fns}
    for _ in range(repeat):
        for k, p in preps.items():
            runs[k].append(_timed(p, numbers[k]) / numbers[k])
    return {k: statistics.median(v) for k, v in runs.items()}


def default_breakdown(case: Case, repeat=7, min_time=0.05) -> dict:
    """Seconds per call of the pieces one epoch of the default path runs, and for comparison
    the plain sigmoid, the unused input gradient of the first layer and the reference step."""
    from bpcore.activations import sigmoid
    from bpcore.losses import half_sse

    net = case.net.copy()
    X, Y, red = case.X, case.Y, case.reduction
    trace = batch_forward(net, X)
    grads = batch_backward(net, trace, Y, red)
    frozen = net.copy()
    ref = NumpyReference.from_network(case.net, train_offsets=case.train_offsets, reduction=red)
    z = X @ net.layers[0].W
    d0, W0 = grads.layers[0].delta, net.layers[0].W
    return interleaved(
        {
            "forward": lambda: batch_forward(net, X),
            "backward": lambda: batch_backward(net, trace, Y, red),
            "half_sse": lambda: half_sse(trace.output, Y, red),
            "step": lambda: frozen.step(grads, 0.0, case.train_offsets),
            "sigmoid_bpcore": lambda: sigmoid(z),
            "sigmoid_plain": lambda: 1.0 / (1.0 + np.exp(-z)),
            "input_grad": lambda: d0 @ W0.T,  # what Layer.backward computes for layer 1, unused
            "reference_step": lambda: ref.step(X, Y, 0.0),
        },
        repeat,
        min_time,
    )


# =================================================================================================
# The learning-rate slider (the method of benchmarks/bench_slider.py)
# =================================================================================================
def slider_playground(epochs: int):
    """The playground of bench_slider.py: XOR 2-3-1, sigmoid hidden units, seeded random start."""
    from bpcore.widgets import Playground

    pg = Playground("xor", lang="zh", epochs=epochs, hidden_activation="sigmoid", eta=0.5, seed=0)
    pg.wait()
    pg.randomise()  # all-ones weights are symmetric; a seeded random start learns XOR
    pg.wait()
    return pg


def measure_slider(epochs: int, repeat: int = 15) -> dict:
    """η changed → retrained from scratch for `epochs` epochs → every panel new (seconds).

    As in a kernel: setting the slider's value runs its observer, training runs on the
    playground's runner (its worker thread), the clock stops when the job is done (every
    panel's data set) and, for "first", when the loss panel's curve is replaced. Every η is
    new, so no run is served from the playground's cache. The parts are timed by wrapping the
    session's training chunk, the view's panel methods and the step table on this instance.
    This is the kernel side only; benchmarks/bench_browser.py times the page in Chromium.
    """
    import json

    from bpcore.playground import view

    pg = slider_playground(epochs)
    parts = {"train": [], "loss": [], "network": [], "boundary": [], "table": []}
    current = {}

    def wrap(owner, name, part):
        method = getattr(owner, name)

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                current[part] = current.get(part, 0.0) + time.perf_counter() - t0

        setattr(owner, name, timed)

    wrap(pg.session, "train_chunk", "train")
    for name, part in [
        ("_render_loss", "loss"),
        ("_render_network", "network"),
        ("_render_boundary", "boundary"),
    ]:
        wrap(pg, name, part)
    real_table = view.step_table_html
    wrap(view, "step_table_html", "table")
    stamps = {}
    pg.loss_panel.observe(
        lambda change: stamps.setdefault("loss", time.perf_counter()), names="curve"
    )
    first, full, runs_ok = [], [], True
    # new η values each time (geometric, as a slider's log scale), one warm-up first
    # (the output unit is tutorial 001's identity: η much above 1.5 diverges, runs end early)
    etas = np.geomspace(0.2, 1.2, repeat + 1)
    try:
        for n, eta in enumerate(etas):
            stamps.clear()
            current.clear()
            t0 = time.perf_counter()
            pg.eta_slider.value = float(eta)
            pg.wait()
            t1 = time.perf_counter()
            if pg.last_error is not None or pg.history.epochs_run != epochs:
                runs_ok = False
            if n == 0:
                continue
            first.append(stamps.get("loss", t1) - t0)
            full.append(t1 - t0)
            for part in parts:
                parts[part].append(current.get(part, 0.0))
    finally:
        view.step_table_html = real_table
    med = {part: statistics.median(v) for part, v in parts.items()}
    # what each panel's numbers weigh as JSON (the browser draws them)
    panels = {
        "loss": {"curve": pg.loss_panel.curve, "runs": pg.loss_panel.runs},
        "network": pg.network_panel.shown(),
    }
    if pg.has_boundary:
        panels["boundary"] = pg.boundary_panel.shown()
    return {
        "panels": {name: {"bytes": len(json.dumps(d))} for name, d in panels.items()},
        "epochs": epochs,
        "first": statistics.median(first),
        "full": statistics.median(full),
        "full_min": min(full),
        "full_max": max(full),
        "parts": med,
        "ok": runs_ok,
        "fast": pg.session.fast,
        "repeat": repeat,
    }


# =================================================================================================
# import bpcore, and the course under nbval
# =================================================================================================
def measure_import(repeat: int = 9) -> dict:
    """Seconds spent in ``import X`` in fresh interpreters (median), for bpcore and NumPy."""
    code = (
        "import sys, time; t = time.perf_counter(); import {m}; "
        "print(time.perf_counter() - t); "
        "print(','.join(n for n in ('sympy', 'matplotlib', 'ipywidgets') "
        "if n in sys.modules))"
    )
    out = {}
    for module in ("numpy", "bpcore"):
        times, heavy = [], ""
        for _ in range(repeat + 1):  # the first run warms the file cache
            lines = subprocess.run(
                [sys.executable, "-c", code.format(m=module)],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout.splitlines()
            times.append(float(lines[0]))
            heavy = lines[1] if len(lines) > 1 else ""
        out[module] = {
            "median": statistics.median(times[1:]),
            "min": min(times[1:]),
            "heavy": heavy,
        }
    return out


def measure_course() -> dict:
    """Wall time of ``python -m pytest notebooks -q`` (the project's nbval set-up)."""
    cmd = [sys.executable, "-m", "pytest", "notebooks", "-q", "-p", "no:cacheprovider"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    tail = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    summary = next(
        (ln.strip("= ") for ln in reversed(tail) if re.search(r"\d+ (passed|failed)", ln)), ""
    )
    n_notebooks = len(list((ROOT / "notebooks").rglob("*.ipynb")))
    return {
        "wall": wall,
        "summary": summary,
        "returncode": proc.returncode,
        "notebooks": n_notebooks,
        "command": "python -m pytest notebooks -q",
    }


# =================================================================================================
# The machine
# =================================================================================================
def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "bpcore": bpcore.__version__,
        "os": f"{platform.system()} {platform.release()}",
    }
    try:
        git = ["git", "-C", str(ROOT)]
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", "bpcore"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        info["commit"] = head + (" (with uncommitted changes in bpcore/)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        info["commit"] = "unknown"
    if have("torch"):
        import torch

        info["torch"] = f"{torch.__version__} ({torch.get_num_threads()} threads)"
    if have("micrograd"):
        from importlib.metadata import version

        info["micrograd"] = version("micrograd")
    if have("sympy"):
        from importlib.metadata import version

        info["sympy"] = version("sympy")
    return info


def load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


# =================================================================================================
# Formatting
# =================================================================================================
def fmt_time(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:.2f} µs" if s < 1e-4 else f"{s * 1e6:.0f} µs"
    if s < 1.0:
        return f"{s * 1e3:.2f} ms" if s < 1e-1 else f"{s * 1e3:.0f} ms"
    return f"{s:.2f} s"


def fmt_ratio(r: float) -> str:
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"
