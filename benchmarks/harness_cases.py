"""The benchmark's subjects: five cases (a net, its data, its settings) and the paths that
train them, each prepared as a callable running K steps (bpcore's default, NumPy, fast paths,
the NumPy reference, PyTorch, micrograd)."""

from __future__ import annotations

import importlib.util
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from reference import NumpyReference

import bpcore
from bpcore import Network
from bpcore.network import batch_backward, batch_forward

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


def _micrograd_sigmoid(v):
    """σ(v) as one more micrograd node, written the way micrograd writes ReLU (a forward
    value and a closure for the backward step); micrograd 0.1.0 has no sigmoid nor exp."""
    from micrograd.engine import Value

    z = v.data
    s = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
    out = Value(s, (v,), "sigmoid")

    def _backward():
        v.grad += s * (1.0 - s) * out.grad

    out._backward = _backward
    return out


def _micrograd_params(case: Case):
    """The net as micrograd Values: weights, offsets, and the list gradient descent updates."""
    from micrograd.engine import Value

    Ws = [[[Value(float(w)) for w in row] for row in layer.W] for layer in case.net.layers]
    offs = [[Value(float(b)) for b in layer.offset] for layer in case.net.layers]
    weights = [w for W in Ws for row in W for w in row]
    offsets = [b for bs in offs for b in bs]
    return Ws, offs, weights + offsets, weights + (offsets if case.train_offsets else [])


def _micrograd(case: Case, k: int) -> Prepared:
    """micrograd's scalar autograd (Value objects), its training loop as in its README."""
    acts = {"sigmoid": _micrograd_sigmoid, "identity": lambda v: v}
    Ws, offs, everything, params = _micrograd_params(case)
    signs = [layer.sign for layer in case.net.layers]
    fs = [acts[layer.activation] for layer in case.net.layers]
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
