"""bpcore measured against a plain NumPy reference, PyTorch CPU eager and micrograd.

Run (from the repository's top folder)::

    python benchmarks/run.py                      # everything, writes RESULTS.md and results.png
    python benchmarks/run.py --quick --skip-course   # fewer repeats, no nbval run (~2 min)

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

Figures are printed and written to RESULTS.md and a chart; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import itertools
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from reference import NumpyReference  # noqa: E402

import bpcore  # noqa: E402
from bpcore import Network  # noqa: E402
from bpcore.network import batch_backward, batch_forward  # noqa: E402

# --- targets of issue 7 ------------------------------------------------------------------------
TINY_STEP_TARGET = 5e-6  # s per step on the tiny nets
TINY_RATIO_TARGET = 20.0  # × faster than PyTorch eager and micrograd
BIG_RATIO_TARGET = 1.2  # bpcore default ÷ NumPy reference, every case (issue 13 part 6)
NOISE = 0.1  # default ÷ train(fast=False) up to 1.1× counts as "not slower" (same path, noise)
SLIDER_TARGET = 0.050  # s, XOR retrained 10,000 epochs and rendered
IMPORT_TARGET = 0.15  # s
# The fast path writes one line of Python per parameter (and per unit): fine for the course's
# nets, not for 50,000 parameters (nor would SymPy derive them in useful time).
FAST_MAX_PARAMS = 1_000
# micrograd builds one Python object per scalar operation: ~10^8 for 784-64-10 on 1,000 samples.
MICROGRAD_MAX_WORK = 200_000  # parameters × samples


def have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# =================================================================================================
# The cases
# =================================================================================================
@dataclass
class Case:
    """One net, its data and its training settings (every case is one batch per epoch)."""

    key: str
    label: str
    net: Network
    X: np.ndarray
    Y: np.ndarray
    eta: float
    mode: str = "accumulated"
    reduction: str = "mean"
    train_offsets: bool = True
    tiny: bool = False
    source: str = ""

    @property
    def m(self) -> int:
        return self.X.shape[0]

    @property
    def spec(self):
        return self.net.spec

    def train_kwargs(self) -> dict:
        return dict(
            eta=self.eta, mode=self.mode, reduction=self.reduction, train_offsets=self.train_offsets
        )


def make_cases(small: bool = False) -> list[Case]:
    """The five benchmark cases; ``small=True`` shrinks the two big data sets (for tests)."""
    from bpcore import examples

    def example(name, key, label):
        ex = examples.get(name)
        net = getattr(ex.network, "network", ex.network)
        return Case(
            key,
            label,
            net,
            np.array(ex.X, float),
            np.array(ex.Y, float),
            float(ex.eta),
            ex.mode,
            ex.reduction or "mean",
            bool(ex.train_offsets),
            tiny=True,
            source=f"bpcore.examples '{name}'",
        )

    n = 12 if small else 1000
    rng = np.random.default_rng(7)
    # 2-16-1: points of the square [-1, 1]², label 1 inside the circle of radius 0.7.
    X2 = rng.uniform(-1.0, 1.0, size=(n, 2))
    Y2 = (np.sum(X2 * X2, axis=1) < 0.49).astype(float)[:, None]
    # 784-64-10: MNIST-shaped random data (pixels in [0, 1), one-hot labels); speed only.
    X7 = rng.uniform(0.0, 1.0, size=(n, 784))
    Y7 = np.eye(10)[rng.integers(0, 10, size=n)]
    xor_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    xor_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return [
        example("t004_222_frozen", "2-2-2", "2-2-2 (m=1)"),
        example("t000_batch_321", "3-2-1", "3-2-1 (m=3)"),
        Case(
            "xor",
            "XOR 2-3-1 (m=4)",
            Network.from_sizes((2, 3, 1), rng=1),
            xor_X,
            xor_Y,
            0.5,
            tiny=True,
            source="Network.from_sizes((2, 3, 1), rng=1), sigmoid, bias",
        ),
        Case(
            "2-16-1",
            f"2-16-1 (m={n:,})",
            Network.from_sizes((2, 16, 1), rng=2),
            X2,
            Y2,
            0.5,
            source="seeded points in [-1, 1]², inside a circle or not",
        ),
        Case(
            "784-64-10",
            f"784-64-10 (m={n:,})",
            Network.from_sizes((784, 64, 10), rng=3),
            X7,
            Y7,
            0.5,
            source="seeded random pixels, one-hot labels",
        ),
    ]


# =================================================================================================
# The implementations: each prepares a callable that runs `k` training steps
# =================================================================================================
@dataclass
class Prepared:
    """``call()`` runs ``steps`` training steps and returns the loss measured before the last
    update; ``flat()`` gives the current parameters in ``Network.flat()`` order."""

    call: Callable[[], float]
    steps: int
    flat: Callable[[], np.ndarray]
    build_seconds: float | None = None  # one-off cost of preparing (compiling), if any


@dataclass
class Impl:
    key: str
    label: str
    short: str
    prepare: Callable[[Case, int], Prepared]
    unavailable: Callable[[Case], str | None] = lambda case: None
    baseline: bool = False


def _default_train(case: Case, k: int, **kw) -> Prepared:
    """train(epochs=k) with the default fast="auto". As in a session that has trained this
    shape before, the compiled runner is built first where "auto" may pick it (P·B ≤ 512):
    a fresh process building it for only k epochs would (rightly) take the NumPy path."""
    if not kw and _fast_unavailable(case) is None:
        _runner(case)
    state = {"net": case.net.copy()}

    def call():
        h = bpcore.train(state["net"], case.X, case.Y, epochs=k, **kw, **case.train_kwargs())
        state["net"] = h.net
        return float(h.loss[-2])

    return Prepared(call, k, lambda: state["net"].flat())


def _default_internals(case: Case, k: int) -> Prepared:
    net, X, Y = case.net.copy(), case.X, case.Y
    eta, red, offs = case.eta, case.reduction, case.train_offsets

    def call():
        for _ in range(k):
            g = batch_backward(net, batch_forward(net, X), Y, red)
            net.step(g, eta, offs)
        return g.loss

    return Prepared(call, k, net.flat)


def _fast_unavailable(case: Case) -> str | None:
    if case.spec.n_params > FAST_MAX_PARAMS:
        return (
            f"{case.spec.n_params:,} parameters: the fast path writes Python source per "
            f"parameter and is meant for nets up to ~{FAST_MAX_PARAMS:,} parameters"
        )
    if not have("sympy"):
        return "SymPy not installed"
    return None


def _lists(case: Case):
    return case.net.flat().tolist(), case.X.ravel().tolist(), case.Y.ravel().tolist()


def _fast_step(case: Case, k: int) -> Prepared:
    from bpcore.fastpath import make_step

    t0 = time.perf_counter()
    step = make_step(case.spec, case.m, train_offsets=case.train_offsets, reduction=case.reduction)
    build = time.perf_counter() - t0
    p, x, y = _lists(case)
    state, eta = [p], case.eta

    def call():
        for _ in range(k):
            state[0], loss = step(state[0], x, y, eta)
        return loss

    return Prepared(call, k, lambda: np.array(state[0]), build)


def _runner(case: Case):
    from bpcore.fastpath import make_epochs_runner

    # record_batches=True: the runner train(fast=True) and the playground use (one build)
    return make_epochs_runner(
        case.spec,
        case.m,
        case.m,
        train_offsets=case.train_offsets,
        reduction=case.reduction,
        record_batches=True,
    )


def _fast_runner(case: Case, k: int) -> Prepared:
    t0 = time.perf_counter()
    run = _runner(case)
    build = time.perf_counter() - t0
    p, x, y = _lists(case)
    state, eta = [p], case.eta

    def call():
        state[0], losses, _ = run(state[0], x, y, eta, k)
        return losses[-2]

    return Prepared(call, k, lambda: np.array(state[0]), build)


def _fast_train(case: Case, k: int) -> Prepared:
    t0 = time.perf_counter()
    _runner(case)
    build = time.perf_counter() - t0
    state = {"net": case.net.copy()}

    def call():
        h = bpcore.train(state["net"], case.X, case.Y, epochs=k, fast=True, **case.train_kwargs())
        state["net"] = h.net
        return float(h.loss[-2])

    return Prepared(call, k, lambda: state["net"].flat(), build)


def _numpy_reference(case: Case, k: int) -> Prepared:
    ref = NumpyReference.from_network(
        case.net, train_offsets=case.train_offsets, reduction=case.reduction
    )
    X, Y, eta = case.X, case.Y, case.eta

    def call():
        for _ in range(k):
            loss = ref.step(X, Y, eta)
        return loss

    return Prepared(call, k, ref.flat)


def _torch(case: Case, k: int) -> Prepared:
    """nn.Linear + activation per layer, ½·sum-of-squares (MSE) loss, torch.optim.SGD; float64
    so that it computes bpcore's numbers (the comparison is of overhead, not of precision)."""
    import torch
    from torch import nn

    layers, linears = [], []
    for layer in case.net.layers:
        lin = nn.Linear(*layer.W.shape, dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(layer.W.T.copy()))
            # z = x·W + sign·offset: nn.Linear's bias is sign·offset (−θ for a threshold)
            lin.bias.copy_(torch.from_numpy(layer.sign * layer.offset))
        lin.bias.requires_grad_(case.train_offsets)
        linears.append((lin, layer.sign))
        layers.append(lin)
        act = {"sigmoid": nn.Sigmoid(), "identity": nn.Identity(), "tanh": nn.Tanh()}
        layers.append(act[layer.activation])
    model = nn.Sequential(*layers)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.SGD(params, lr=case.eta)
    mse = nn.MSELoss(reduction="sum")
    scale = 0.5 / case.m if case.reduction == "mean" else 0.5  # E = ½ Σ (ŷ − y)² [/ m]
    X, Y = torch.from_numpy(case.X), torch.from_numpy(case.Y)

    def call():
        for _ in range(k):
            opt.zero_grad()
            loss = scale * mse(model(X), Y)
            loss.backward()
            opt.step()
        return loss.item()

    def flat():
        with torch.no_grad():
            return np.concatenate(
                [
                    np.concatenate([lin.weight.numpy().T.ravel(), sign * lin.bias.numpy()])
                    for lin, sign in linears
                ]
            )

    return Prepared(call, k, flat)


def _torch_unavailable(case: Case) -> str | None:
    return None if have("torch") else "PyTorch not installed (pip install torch)"


def _torch_one_thread(case: Case, k: int) -> Prepared:
    """PyTorch with one intra-op thread: on a busy 2-core machine its thread pool competes
    with other processes (spinning workers descheduled), which can cost far more than it saves."""
    import torch

    prep = _torch(case, k)
    inner = prep.call

    def call():
        n = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            return inner()
        finally:
            torch.set_num_threads(n)

    return Prepared(call, k, prep.flat)


def _torch_one_thread_unavailable(case: Case) -> str | None:
    if case.tiny:
        return "not measured: tiny tensors run on one thread anyway"
    return _torch_unavailable(case)


def _micrograd(case: Case, k: int) -> Prepared:
    """micrograd's scalar autograd (Value objects), its training loop as in its README.

    micrograd 0.1.0 has no sigmoid (nor exp); it is added here as one more node type, written
    the way micrograd writes ReLU (a forward value and a closure for the backward step)."""
    from micrograd.engine import Value

    def sigmoid(v):
        z = v.data
        s = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        out = Value(s, (v,), "sigmoid")

        def _backward():
            v.grad += s * (1.0 - s) * out.grad

        out._backward = _backward
        return out

    acts = {"sigmoid": sigmoid, "identity": lambda v: v}
    Ws = [[[Value(float(w)) for w in row] for row in layer.W] for layer in case.net.layers]
    offs = [[Value(float(b)) for b in layer.offset] for layer in case.net.layers]
    signs = [layer.sign for layer in case.net.layers]
    fs = [acts[layer.activation] for layer in case.net.layers]
    params = [w for W in Ws for row in W for w in row]
    if case.train_offsets:
        params += [b for bs in offs for b in bs]
    everything = [w for W in Ws for row in W for w in row] + [b for bs in offs for b in bs]
    X, Y = case.X.tolist(), case.Y.tolist()
    scale = 0.5 / case.m if case.reduction == "mean" else 0.5
    # backward() sorts the graph recursively: the sum over 1,000 samples is ~1,000 deep
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))

    def loss_of_batch():
        total = 0.0
        for x, y in zip(X, Y):
            h = x
            for W, bs, sign, f in zip(Ws, offs, signs, fs):
                h = [
                    f(sum((W[i][j] * h[i] for i in range(len(h))), b * sign))
                    for j, b in enumerate(bs)
                ]
            total = total + sum((o - t) ** 2 for o, t in zip(h, y))
        return total * scale

    def call():
        for _ in range(k):
            for p in everything:
                p.grad = 0.0
            loss = loss_of_batch()
            loss.backward()
            for p in params:
                p.data -= case.eta * p.grad
        return loss.data

    def flat():
        return np.array(
            [w.data for W, bs in zip(Ws, offs) for w in [*(v for row in W for v in row), *bs]]
        )

    return Prepared(call, k, flat)


def _micrograd_unavailable(case: Case) -> str | None:
    if not have("micrograd"):
        return "micrograd not installed (pip install micrograd)"
    work = case.spec.n_params * case.m
    if work > MICROGRAD_MAX_WORK:
        return f"not run: about {work:.0e} scalar graph nodes per step (parameters × samples)"
    return None


IMPLS = [
    Impl(
        "default",
        "bpcore default: train(epochs=K) ÷ K",
        "bpcore default",
        _default_train,
        baseline=True,
    ),
    Impl(
        "default_call",
        "bpcore default: train(epochs=1), one call",
        "train(epochs=1)",
        lambda case, k: _default_train(case, 1),
    ),
    Impl(
        "numpy_train",
        "bpcore NumPy path: train(fast=False, epochs=K) ÷ K",
        "train(fast=False)",
        lambda case, k: _default_train(case, k, fast=False),
    ),
    Impl(
        "internals",
        "bpcore default internals: batch_forward + batch_backward + step",
        "engine internals",
        _default_internals,
    ),
    Impl(
        "fast_step",
        "bpcore fast: make_step, one call per step",
        "bpcore fast (make_step)",
        _fast_step,
        _fast_unavailable,
    ),
    Impl(
        "fast_runner",
        "bpcore fast: make_epochs_runner(K epochs) ÷ K",
        "bpcore fast (epochs runner)",
        _fast_runner,
        _fast_unavailable,
    ),
    Impl(
        "fast_train",
        "bpcore fast: train(fast=True, epochs=K) ÷ K",
        "train(fast=True)",
        _fast_train,
        _fast_unavailable,
    ),
    Impl("numpy", "NumPy reference (benchmarks/reference.py)", "NumPy reference", _numpy_reference),
    Impl("torch", "PyTorch CPU eager, float64", "PyTorch eager", _torch, _torch_unavailable),
    Impl(
        "torch1",
        "PyTorch CPU eager, float64, 1 thread",
        "PyTorch eager, 1 thread",
        _torch_one_thread,
        _torch_one_thread_unavailable,
    ),
    Impl(
        "micrograd",
        "micrograd 0.1.0 (+ sigmoid node)",
        "micrograd",
        _micrograd,
        _micrograd_unavailable,
    ),
]
IMPL = {impl.key: impl for impl in IMPLS}


# =================================================================================================
# Timing
# =================================================================================================
@dataclass
class Timing:
    """Seconds per step: the median (and min, max) over `runs`, each of `number` calls."""

    runs: list
    number: int
    steps: int

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def best(self) -> float:
        return min(self.runs)


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


def measure(prep: Prepared, *, repeat: int, min_time: float, collect: bool = False) -> Timing:
    """Median of `repeat` runs; each run repeats ``prep.call`` until it lasts >= `min_time`."""
    number = calibrate(prep, min_time, collect)
    runs = [_timed(prep, number, collect) / (number * prep.steps) for _ in range(repeat)]
    return Timing(runs, number, prep.steps)


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


def benchmark_steps(cases, impls=IMPLS, *, repeat=7, min_time=0.2, quick=False, log=print):
    """Time every implementation on every case.

    The runs of one case are interleaved (run 1 of every path, then run 2, …), so a change
    in the machine's load during the measurement hits every path of that case alike.
    """
    res = StepResults()
    for case in cases:
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
        best = None
        for attempt in range(1, MAX_ATTEMPTS + 1):
            runs = {impl.key: [] for impl, _, _ in ready}
            for _ in range(repeat):
                for impl, prep, number in ready:
                    seconds = _timed(prep, number, impl.key == "micrograd")
                    runs[impl.key].append(seconds / (number * prep.steps))
            spread = max(max(v) / min(v) for v in runs.values())
            if best is None or spread < best[0]:
                best = (spread, runs)
            if spread <= MAX_SPREAD or repeat < 3:
                break
            log(
                f"  {case.label}: runs differ by {spread:.1f}× (another process?); "
                f"measuring again ({attempt + 1}/{MAX_ATTEMPTS})"
            )
        spread, runs = best
        res.spread[case.key] = (spread, attempt)
        for impl, prep, number in ready:
            t = res.timings[case.key, impl.key] = Timing(runs[impl.key], number, prep.steps)
            log(f"  {case.label:<20} {impl.label:<55} {fmt_time(t.median):>10}")
        del ready
        gc.collect()
    return res


ONE_THREAD_PATHS = ("default", "internals", "numpy", "torch")


def _steps_json(args) -> int:
    import json

    cases = [c for c in make_cases() if c.key in set(args.cases.split(","))]
    impls = [IMPL[k] for k in ONE_THREAD_PATHS]
    res = benchmark_steps(
        cases,
        impls,
        repeat=args.repeat,
        min_time=args.min_time,
        quick=args.quick,
        log=lambda *a: None,
    )
    out = {impl: t.median for (_, impl), t in res.timings.items()}
    args.steps_json.write_text(json.dumps(out))
    return 0


def one_thread_big(args) -> dict:
    """Medians for 784-64-10 with BLAS and PyTorch on one thread, in a fresh process.

    On a shared 2-core machine two BLAS threads are only faster while nobody else wants a
    core; one thread gives the comparison that does not depend on the neighbours."""
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "steps.json"
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--threads",
            "1",
            "--cases",
            "784-64-10",
            "--steps-json",
            str(out),
        ] + (["--quick"] if args.quick else [])
        subprocess.run(cmd, check=True, cwd=ROOT)
        return json.loads(out.read_text())


def micrograd_with_gc(case: Case) -> float:
    """Seconds of one micrograd step with the garbage collector on, as in a plain session.

    CPython's collector runs a full pass every so many allocations and each pass walks every
    live graph node, so with 10^5 nodes per step the cost grows faster than the graph."""
    prep = _micrograd(case, 1)
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


def cell(res: StepResults, case: Case, impl: Impl) -> str:
    key = (case.key, impl.key)
    if key in res.missing:
        return "n/a"
    t = res.timings[key].median
    base = res.timings.get((case.key, "default"))
    if base is None or impl.baseline:
        return fmt_time(t)
    return f"{fmt_time(t)} ({fmt_ratio(t / base.median)})"


def steps_table(res: StepResults, cases) -> list[str]:
    head = "| path | " + " | ".join(c.label for c in cases) + " |"
    rows = [head, "|" + "---|" * (len(cases) + 1)]
    for impl in IMPLS:
        if not any((c.key, impl.key) in res.timings for c in cases):
            continue
        cells = [cell(res, c, impl) for c in cases]
        label = f"**{impl.label}**" if impl.baseline else impl.label
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def _t(res, case_key, impl_key):
    t = res.timings.get((case_key, impl_key))
    return None if t is None else t.median


@dataclass
class Verdict:
    target: str
    measured: str
    met: bool | None
    note: str = ""


def verdicts(res, cases, slider, imports) -> list[Verdict]:
    out = []
    for case in (c for c in cases if c.tiny):
        fast = _t(res, case.key, "fast_step")
        if fast is None:
            continue
        out.append(
            Verdict(
                f"{case.label}: a step < {fmt_time(TINY_STEP_TARGET)} (fast path)",
                fmt_time(fast),
                fast < TINY_STEP_TARGET,
                _miss(fast, TINY_STEP_TARGET),
            )
        )
        for other in ("torch", "micrograd"):
            t = _t(res, case.key, other)
            if t is None:
                continue
            r = t / fast
            out.append(
                Verdict(
                    f"{case.label}: fast path ≥ {TINY_RATIO_TARGET:.0f}× faster than "
                    f"{IMPL[other].short}",
                    f"{r:.0f}× ({fmt_time(t)})",
                    r >= TINY_RATIO_TARGET,
                    "" if r >= TINY_RATIO_TARGET else f"short by {TINY_RATIO_TARGET / r:.2f}×",
                )
            )
    big = next((c for c in cases if c.key == "784-64-10"), None)
    for case in cases:  # issue 13 part 6: the default (fast="auto") on every case
        d, ref = _t(res, case.key, "default"), _t(res, case.key, "numpy")
        if d is not None and ref is not None:
            r = d / ref
            out.append(
                Verdict(
                    f"{case.label}: bpcore default ≤ {BIG_RATIO_TARGET}× the NumPy reference",
                    f"{r:.2f}× ({fmt_time(d)} vs {fmt_time(ref)})",
                    r <= BIG_RATIO_TARGET,
                    "" if r <= BIG_RATIO_TARGET else f"over by {r / BIG_RATIO_TARGET:.2f}×",
                )
            )
        numpy_path = _t(res, case.key, "numpy_train")
        if d is not None and numpy_path is not None:
            r = d / numpy_path
            out.append(
                Verdict(
                    f"{case.label}: bpcore default never slower than its NumPy path",
                    f"{r:.2f}× ({fmt_time(d)} vs {fmt_time(numpy_path)})",
                    r <= 1.0 + NOISE,
                    "" if r <= 1.0 + NOISE else f"slower by {r:.2f}×",
                )
            )
    one = res.extra.get("one_thread", {})
    if big is not None and "default" in one and "numpy" in one:
        r = one["default"] / one["numpy"]
        out.append(
            Verdict(
                f"{big.label}, one BLAS thread: bpcore default ≤ "
                f"{BIG_RATIO_TARGET}× the NumPy reference",
                f"{r:.2f}× ({fmt_time(one['default'])} vs {fmt_time(one['numpy'])})",
                r <= BIG_RATIO_TARGET,
                "" if r <= BIG_RATIO_TARGET else f"over by {r / BIG_RATIO_TARGET:.2f}×",
            )
        )
    for s in slider:
        if s["epochs"] == 10_000:
            out.append(
                Verdict(
                    "slider: XOR retrained 10,000 epochs and rendered < 50 ms",
                    fmt_time(s["full"]),
                    s["full"] < SLIDER_TARGET,
                    _miss(s["full"], SLIDER_TARGET),
                )
            )
    if imports:
        t = imports["bpcore"]["median"]
        out.append(
            Verdict(
                "import bpcore < 0.15 s", fmt_time(t), t < IMPORT_TARGET, _miss(t, IMPORT_TARGET)
            )
        )
    return out


def _miss(value, target):
    return "" if value < target else f"over by {value / target:.1f}× ({fmt_time(value - target)})"


# =================================================================================================
# RESULTS.md and the chart
# =================================================================================================
def markdown(res, cases, slider, imports, course, info, breakdowns, args, loads) -> str:
    L = []
    add = L.append
    add("# Benchmark results")
    add("")
    add(
        "Written by `python benchmarks/run.py"
        + (" --quick" if args.quick else "")
        + (" --skip-course" if args.skip_course else "")
        + "` — edit nothing here by hand; "
        "rerun it. What is measured and how: [README.md](README.md)."
    )
    add("")
    add("## Machine")
    add("")
    add(
        f"- CPU: {info['cpu']}, {info['cores']} cores; {info['os']}; BLAS and PyTorch threads: "
        + (str(info["threads"]) if info.get("threads") else "their defaults")
    )
    add(f"- bpcore at commit {info.get('commit', 'unknown')}")
    add(
        f"- Python {info['python']}, NumPy {info['numpy']}, bpcore {info['bpcore']}"
        + (f", SymPy {info['sympy']}" if "sympy" in info else "")
        + (f", PyTorch {info['torch']}" if "torch" in info else ", PyTorch not installed")
        + (
            f", micrograd {info['micrograd']}"
            if "micrograd" in info
            else ", micrograd not installed"
        )
    )
    add(
        f"- Load average (1/5/15 min) at start: {loads[0]}; at end: {loads[1]}. The machine "
        "is shared: other processes ran during the measurement, so medians are used and "
        "figures can move by ±20 %."
    )
    add(
        f"- {args.repeat} runs per figure, each ≥ {args.min_time:g} s (micrograd on the "
        "2-16-1 net: single steps), interleaved across the paths of a case; the table shows "
        f"medians. A case whose runs differed by more than {MAX_SPREAD}× was measured again "
        f"(up to {MAX_ATTEMPTS} times, the steadiest attempt kept): "
        + ", ".join(
            f"{c.label} {res.spread[c.key][1]} attempt"
            + ("s" if res.spread[c.key][1] > 1 else "")
            + f" (spread {res.spread[c.key][0]:.2f}×)"
            for c in cases
            if c.key in res.spread
        )
        + "."
    )
    add("")
    add("![Time per training step, and the latency targets](results.png)")
    add("")
    add("## Targets (issue 7)")
    add("")
    add("| target | measured (median) | met? | by how much |")
    add("|---|---|---|---|")
    for v in verdicts(res, cases, slider, imports):
        add(f"| {v.target} | {v.measured} | {'yes' if v.met else '**no**'} | {v.note} |")
    add("")
    L += why(res, cases, slider, imports, breakdowns)
    add("## One training step")
    add("")
    add(
        "Time per step (forward, backward, update, batch loss recorded); in brackets the time "
        "relative to **bpcore's default path** (train(epochs=K) ÷ K; below 1× = faster). Every "
        "case trains on its whole data set each step (one step = one epoch); "
        f"K = {steps_per_call(cases[0], args.quick)} for the tiny nets, "
        f"{steps_per_call(cases[-1], args.quick)} for the big ones."
    )
    add("")
    L += steps_table(res, cases)
    add("")
    notes = {}  # reason → (paths, cases)
    for (case_key, impl_key), reason in res.missing.items():
        paths, labels = notes.setdefault(reason, ([], []))
        for items, item in (
            (paths, IMPL[impl_key].short),
            (labels, next(c.label for c in cases if c.key == case_key)),
        ):
            if item not in items:
                items.append(item)
    if notes:
        add("n/a:")
        add("")
        for reason, (paths, labels) in notes.items():
            add(f"- {', '.join(paths)} on {', '.join(labels)}: {reason}.")
        add("")
    mg = _t(res, "2-16-1", "micrograd")
    big = next((c for c in cases if c.key == "784-64-10"), None)
    if mg is not None and big is not None:
        scale = big.spec.n_params / next(c for c in cases if c.key == "2-16-1").spec.n_params
        add(
            f"For scale: micrograd's cost grows with parameters × samples; from its 2-16-1 "
            f"figure, a 784-64-10 step on {big.m:,} samples would take about "
            f"{fmt_time(mg * scale)} (an extrapolation, not a measurement)."
        )
        add("")
    one = res.extra.get("one_thread")
    if one and big is not None:
        add(
            f"{big.label} again with one BLAS and PyTorch thread (`--threads 1`, a separate "
            "process; the two-thread figures above depend on what else the machine runs): "
            + ", ".join(f"{IMPL[k].short} {fmt_time(v)}" for k, v in one.items())
            + (
                f"; bpcore default ÷ NumPy reference = {one['default'] / one['numpy']:.2f}×."
                if "default" in one and "numpy" in one
                else "."
            )
        )
        add("")
    if "micrograd_gc" in res.extra:
        add(
            f"Timed runs have the garbage collector off (as `timeit` does). With it on, as in a "
            f"plain session, one micrograd step on the 2-16-1 net took "
            f"{fmt_time(res.extra['micrograd_gc'])}: each full collection walks every live "
            "graph node."
        )
        add("")
    torch_d, torch_1 = _t(res, "784-64-10", "torch"), _t(res, "784-64-10", "torch1")
    if torch_d is not None and torch_1 is not None and torch_1 < 0.8 * torch_d:
        add(
            f"PyTorch with its default {info.get('torch', '').split('(')[-1].rstrip(')')} was "
            f"slower than with one ({fmt_time(torch_d)} vs {fmt_time(torch_1)} a step on "
            "784-64-10): on a shared 2-core machine its worker threads wait for cores other "
            "processes hold."
        )
        add("")
    add(
        "Cases: "
        + "; ".join(
            f"{c.label}: {c.source}, {c.net.spec.activations[0]}/"
            f"{c.net.spec.activations[-1]}, η = {c.eta:g}, "
            f"{c.reduction} loss" + ("" if c.train_offsets else ", offsets frozen")
            for c in cases
        )
        + "."
    )
    add("")
    if res.builds:
        add(
            "One-off cost of the fast path (SymPy derivation + code generation + compile, first "
            "use of a shape in a process; later uses are cached): "
            + ", ".join(
                f"{k[0]} {IMPL[k[1]].short}: {fmt_time(v)}"
                for k, v in res.builds.items()
                if v > 1e-3
            )
            + "."
        )
        add("")
    if breakdowns:
        add("## Where the default path's time goes")
        add("")
        add(
            "One epoch of `train()` on a full batch runs `batch_backward` (its batch loss is the "
            "epoch's loss, already measured on the same forward pass), `step`, then "
            "`batch_forward` and `half_sse` for the epoch's loss. Medians of the pieces on "
            "their own:"
        )
        add("")
        add(
            "| case | train() per epoch | batch_forward | batch_backward | step | half_sse | "
            "bpcore sigmoid / plain | unused ∂E/∂X of layer 1 | NumPy reference step |"
        )
        add("|---|---|---|---|---|---|---|---|---|")
        for case in cases:
            b = breakdowns.get(case.key)
            if not b:
                continue
            add(
                f"| {case.label} | {fmt_time(_t(res, case.key, 'default'))} | "
                f"{fmt_time(b['forward'])} | {fmt_time(b['backward'])} | {fmt_time(b['step'])} | "
                f"{fmt_time(b['half_sse'])} | {fmt_time(b['sigmoid_bpcore'])} / "
                f"{fmt_time(b['sigmoid_plain'])} | {fmt_time(b['input_grad'])} | "
                f"{fmt_time(b['reference_step'])} |"
            )
        add("")
    if slider:
        add("## Learning-rate slider")
        add("")
        add(
            "η set on the playground's slider → XOR 2-3-1 (tutorial 001's net with sigmoid "
            "hidden units and identity output, seeded random start, full batch) retrained "
            "from scratch in the playground's background thread → "
            "every panel's data replaced (kernel side; the browser draws it). Each η is new "
            "(no cache hit); "
            f"{slider[0]['repeat']} changes per row; fast path in use: "
            f"{'yes' if slider[0]['fast'] else 'no'}."
        )
        add("")
        add(
            "| epochs | loss curve new | every panel new (median) | min – max | training | "
            "loss data | network data | boundary data | table | every run complete |"
        )
        add("|---|---|---|---|---|---|---|---|---|---|")
        for s in slider:
            p = s["parts"]
            add(
                f"| {s['epochs']:,} | {fmt_time(s['first'])} | **{fmt_time(s['full'])}** | "
                f"{fmt_time(s['full_min'])} – {fmt_time(s['full_max'])} | "
                f"{fmt_time(p['train'])} | {fmt_time(p['loss'])} | {fmt_time(p['network'])} | "
                f"{fmt_time(p['boundary'])} | {fmt_time(p['table'])} | "
                + ("yes |" if s["ok"] else "**no** (an error, or a run diverged) |")
            )
        add("")
    if imports:
        add("## import bpcore")
        add("")
        b, n = imports["bpcore"], imports["numpy"]
        add(
            f"Time inside `import` in a fresh interpreter (median of {args.import_repeat}): "
            f"`import bpcore` {fmt_time(b['median'])} (NumPy included), `import numpy` alone "
            f"{fmt_time(n['median'])}. Heavy modules loaded by `import bpcore`: "
            f"{b['heavy'] or 'none'}."
        )
        add("")
    add("## The course under nbval")
    add("")
    if course:
        add(
            f"`{course['command']}` ({course['notebooks']} notebooks, the project's pytest "
            f"settings: --nbval, 2 xdist workers): {fmt_time(course['wall'])} wall time; "
            f"result: {course['summary'] or 'see output'} (exit code {course['returncode']})."
        )
    else:
        add("Not measured in this run (`--skip-course`).")
    add("")
    return "\n".join(L)


def why(res, cases, slider, imports, breakdowns) -> list[str]:
    """Where the time of each missed target goes, from this run's own measurements."""
    out = []
    big = next((c for c in cases if c.key == "784-64-10"), None)
    b = breakdowns.get("784-64-10") if big is not None else None
    d, ref = (_t(res, "784-64-10", "default"), _t(res, "784-64-10", "numpy")) if big else (0, 0)
    one = res.extra.get("one_thread", {})
    ratios = [
        r
        for r in (
            d / ref if d and ref else None,
            one["default"] / one["numpy"] if "default" in one and "numpy" in one else None,
        )
        if r is not None
    ]
    if b and ratios and max(ratios) > BIG_RATIO_TARGET:
        out.append(
            f"- **784-64-10, default vs NumPy reference "
            f"({' and '.join(f'{r:.2f}×' for r in ratios)}).** A default epoch is "
            f"`batch_backward` {fmt_time(b['backward'])} + "
            f"`batch_forward` {fmt_time(b['forward'])} + "
            f"`step` {fmt_time(b['step'])} + `half_sse` {fmt_time(b['half_sse'])}; the reference "
            f"step takes {fmt_time(b['reference_step'])}. `Layer.backward` also computes "
            f"∂E/∂inputs for the first layer, whose inputs are the data (δ·Wᵀ, "
            f"({big.m}, 64)·(64, 784): {fmt_time(b['input_grad'])}, never used), and the "
            f"overflow-safe sigmoid costs {fmt_time(b['sigmoid_bpcore'])} against "
            f"{fmt_time(b['sigmoid_plain'])} for 1/(1 + e^(−z)) on the ({big.m}, 64) hidden "
            "layer."
        )
    s10 = next((s for s in slider if s["epochs"] == 10_000), None)
    if s10 and s10["full"] >= SLIDER_TARGET:
        p, pc = s10["parts"], s10.get("panels", {})
        render = p["loss"] + p["network"] + p["boundary"] + p["table"]

        def costs(name):
            c = pc.get(name, {})
            return f"; {c['bytes']:,} bytes of JSON" if "bytes" in c else ""

        out.append(
            f"- **Slider, 10,000 epochs ({fmt_time(s10['full'])}; the loss curve alone is new "
            f"after {fmt_time(s10['first'])}).** Training in the compiled epochs runner takes "
            f"{fmt_time(p['train'])} ({fmt_time(p['train'] / 10_000)} an epoch); re-rendering "
            f"takes {fmt_time(render)}: the network panel's numbers {fmt_time(p['network'])}"
            f"{costs('network')}, the loss curve's {fmt_time(p['loss'])}{costs('loss')}, the "
            f"decision boundary's {fmt_time(p['boundary'])}{costs('boundary')}. The rest, "
            f"{fmt_time(s10['full'] - p['train'] - render)}, is thread start-up, widget "
            "updates and status text."
        )
    if imports and imports["bpcore"]["median"] >= IMPORT_TARGET:
        bi, ni = imports["bpcore"]["median"], imports["numpy"]["median"]
        out.append(
            f"- **import bpcore ({fmt_time(bi)}).** NumPy alone took {fmt_time(ni)} in this "
            f"run; bpcore's own modules add {fmt_time(bi - ni)}. The machine's load inflates "
            "both."
        )
    mid, bm = next((c for c in cases if c.key == "2-16-1"), None), breakdowns.get("2-16-1")
    if mid is not None and bm and _t(res, mid.key, "default") and _t(res, mid.key, "numpy"):
        r = _t(res, mid.key, "default") / _t(res, mid.key, "numpy")
        out.append(
            f"- **{mid.label}, default (the NumPy path) vs NumPy reference ({r:.2f}×).** A "
            f"default epoch is `batch_forward` {fmt_time(bm['forward'])} + `batch_backward` "
            f"{fmt_time(bm['backward'])} + `step` {fmt_time(bm['step'])} + `half_sse` "
            f"{fmt_time(bm['half_sse'])}; the reference step takes "
            f"{fmt_time(bm['reference_step'])}. The overflow-safe sigmoid (bit for bit "
            f"`readable_sigmoid`) costs {fmt_time(bm['sigmoid_bpcore'])} against "
            f"{fmt_time(bm['sigmoid_plain'])} for 1/(1 + e^(−z)) on the ({mid.m}, 16) hidden layer."
        )
    tiny = [c for c in cases if c.tiny and (c.key, "numpy_train") in res.timings]
    if tiny and all(k in breakdowns for k in (c.key for c in tiny)):
        c = tiny[-1]
        bd = breakdowns[c.key]
        out.append(
            f"- **No target, but worth knowing: the NumPy path on the tiny nets** (the default "
            f"takes the compiled step there; `train(fast=False)` "
            f"{fmt_time(_t(res, c.key, 'numpy_train'))} a step on {c.label}, "
            f"{_t(res, c.key, 'numpy_train') / _t(res, c.key, 'numpy'):.1f}× the NumPy "
            f"reference). Each piece is a handful of small NumPy calls at ~1 µs each plus Python "
            f"objects: `batch_forward` {fmt_time(bd['forward'])}, `batch_backward` "
            f"{fmt_time(bd['backward'])}, `step` {fmt_time(bd['step'])}, `half_sse` "
            f"{fmt_time(bd['half_sse'])}; the overflow-safe sigmoid alone "
            f"{fmt_time(bd['sigmoid_bpcore'])} against {fmt_time(bd['sigmoid_plain'])}."
        )
    if out:
        out = ["### Where the time goes", "", *out, ""]
    return out


def chart(res, cases, slider, imports, path: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bpcore import plots

    plots.register_font()
    fam = plots.FAMILIES
    fig = Figure(figsize=(11.0, 4.4), dpi=110)
    FigureCanvasAgg(fig)
    gs = fig.add_gridspec(1, 2, width_ratios=[3.0, 1.25], wspace=0.22)
    ax = fig.add_subplot(gs[0, 0])
    shown = [
        i for i in IMPLS if i.key not in ("default_call", "numpy_train", "internals", "fast_train")
    ]
    colours = {
        "default": "#1a1a1a",
        "fast_step": "#c0392b",
        "fast_runner": "#e69f00",
        "numpy": "#2166ac",
        "torch": "#009e73",
        "micrograd": "#cc79a7",
    }
    width = 0.8 / len(shown)
    for n, impl in enumerate(shown):
        xs, ys = [], []
        for c_i, case in enumerate(cases):
            t = _t(res, case.key, impl.key)
            if t is not None:
                xs.append(c_i - 0.4 + (n + 0.5) * width)
                ys.append(t * 1e6)
        ax.bar(xs, ys, width, color=colours.get(impl.key, "#999999"), label=impl.short)
    ax.set_yscale("log")
    ax.axhline(
        TINY_STEP_TARGET * 1e6,
        color="#c0392b",
        lw=0.8,
        ls="--",
        label="5 µs 目标 target (tiny nets)",
    )
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels([c.label for c in cases], fontsize=8, family=fam)
    ax.set_ylabel("每步耗时 time per step (µs, log)", fontsize=9, family=fam)
    ax.set_title(
        "一个训练步：越短越好  One training step: lower is better", fontsize=10, family=fam
    )
    ax.legend(fontsize=7, ncol=2, prop={"family": fam, "size": 7}, frameon=False)
    ax.grid(axis="y", alpha=0.3, which="both")
    ax2 = fig.add_subplot(gs[0, 1])
    names, vals, targets = [], [], []
    for s in slider:
        names.append(f"η 滑块 slider\n{s['epochs']:,} 轮\nepochs")
        vals.append(s["full"] * 1e3)
        targets.append(SLIDER_TARGET * 1e3 if s["epochs"] == 10_000 else None)
    if imports:
        names.append("import\nbpcore\n ")
        vals.append(imports["bpcore"]["median"] * 1e3)
        targets.append(IMPORT_TARGET * 1e3)
        names.append("import\nnumpy\n ")
        vals.append(imports["numpy"]["median"] * 1e3)
        targets.append(None)
    ax2.bar(range(len(vals)), vals, 0.6, color="#56b4e9")
    for x, target in enumerate(targets):
        if target is not None:
            ax2.plot([x - 0.4, x + 0.4], [target, target], color="#c0392b", lw=1.2, ls="--")
    ax2.set_xticks(range(len(vals)))
    ax2.set_xticklabels(names, fontsize=7, family=fam)
    ax2.set_ylabel("毫秒 ms (虚线 = 目标 dashed = target)", fontsize=8, family=fam)
    ax2.set_title("延迟 Latency", fontsize=10, family=fam)
    ax2.grid(axis="y", alpha=0.3)
    for a in (ax, ax2):
        for lab in a.get_yticklabels():
            lab.set_family(fam)
    fig.subplots_adjust(left=0.065, right=0.99, bottom=0.15, top=0.92)
    fig.savefig(path, format="png")


# =================================================================================================
# Main
# =================================================================================================
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
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
        "--threads",
        type=int,
        default=None,
        help="threads for BLAS (NumPy) and PyTorch (default: theirs)",
    )
    parser.add_argument("--steps-json", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.repeat = 3 if args.quick else 7
    args.min_time = 0.05 if args.quick else 0.2
    args.import_repeat = 5 if args.quick else 15
    chart_path = args.chart or args.out.with_name("results.png")
    os.environ.setdefault("MPLBACKEND", "Agg")

    if args.threads and have("torch"):
        import torch

        torch.set_num_threads(args.threads)
    if args.steps_json:  # internal: the one-thread comparison run in a subprocess
        return _steps_json(args)
    info = machine()
    info["threads"] = args.threads
    loads = [load()]
    print(
        f"{info['cpu']}, {info['cores']} cores; Python {info['python']}, NumPy "
        f"{info['numpy']}, PyTorch {info.get('torch', 'absent')}, micrograd "
        f"{info.get('micrograd', 'absent')}; load {loads[0]}"
    )
    for module in ("torch", "micrograd"):
        if not have(module):
            print(f"note: {module} is not installed; its rows are skipped")
    cases = make_cases()
    if args.cases:
        wanted = set(args.cases.split(","))
        cases = [c for c in cases if c.key in wanted]

    print("\n== one training step ==")
    res = benchmark_steps(cases, repeat=args.repeat, min_time=args.min_time, quick=args.quick)
    if not args.threads and any(c.key == "784-64-10" for c in cases):
        res.extra["one_thread"] = one_thread_big(args)
        print(
            "  784-64-10 with one BLAS/PyTorch thread (subprocess): "
            + ", ".join(
                f"{IMPL[k].short} {fmt_time(v)}" for k, v in res.extra["one_thread"].items()
            )
        )
    small = next((c for c in cases if c.key == "2-16-1"), None)
    if small is not None and have("micrograd"):
        res.extra["micrograd_gc"] = micrograd_with_gc(small)
        print(
            f"  micrograd 2-16-1 with the garbage collector on: "
            f"{fmt_time(res.extra['micrograd_gc'])}"
        )
    print("\n== where the default path's time goes ==")
    breakdowns = {}
    for case in cases:
        breakdowns[case.key] = default_breakdown(case, repeat=args.repeat)
        b = breakdowns[case.key]
        print(f"  {case.label:<20} " + ", ".join(f"{k} {fmt_time(v)}" for k, v in b.items()))

    print("\n== learning-rate slider ==")
    slider = []
    for epochs in (5_000, 10_000):
        s = measure_slider(epochs, repeat=7 if args.quick else 15)
        slider.append(s)
        print(
            f"  {epochs:>6,} epochs: every panel new {fmt_time(s['full'])} (loss curve "
            f"{fmt_time(s['first'])}); parts "
            + ", ".join(f"{k} {fmt_time(v)}" for k, v in s["parts"].items())
        )

    print("\n== import bpcore ==")
    imports = measure_import(args.import_repeat)
    print(
        f"  import bpcore {fmt_time(imports['bpcore']['median'])}, import numpy "
        f"{fmt_time(imports['numpy']['median'])}; heavy modules: "
        f"{imports['bpcore']['heavy'] or 'none'}"
    )

    course = None
    if not args.skip_course:
        print("\n== the course under nbval (python -m pytest notebooks -q) ==")
        course = measure_course()
        print(f"  {fmt_time(course['wall'])}: {course['summary']}")
    loads.append(load())

    print("\n== results ==")
    for line in steps_table(res, cases):
        print(line)
    print()
    for v in verdicts(res, cases, slider, imports):
        print(f"{'met   ' if v.met else 'MISSED'}  {v.target}: {v.measured} {v.note}")
    text = markdown(res, cases, slider, imports, course, info, breakdowns, args, loads)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    chart(res, cases, slider, imports, chart_path)
    print(f"\nwrote {args.out} and {chart_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
