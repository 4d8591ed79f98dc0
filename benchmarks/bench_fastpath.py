"""How fast are the symbolic derivations and the compiled training step?

Run: ``python3 benchmarks/bench_fastpath.py`` (add ``--quick`` for fewer repeats).

Prints
  1. the cold time of deriving everything a lesson shows (fresh interpreter, SymPy import
     included), and of building one compiled step;
  2. one gradient-descent step on XOR 2-3-1 (batch of 4, mean loss) five ways: the engine
     (Network forward/backward/step), a hand-written NumPy step, SymPy ``lambdify`` with
     ``cse`` of the batch gradient (math module, scalar), the compiled step, and one epoch of
     the epochs runner; then 10,000 epochs in one runner call (the widget's slider);
  3. the compiled step on other shapes and batch sizes.

Figures are the minimum over repeats (the machine is shared; the minimum is the least
disturbed). They are printed, never asserted.
"""

from __future__ import annotations

import math
import subprocess
import sys
import time
import timeit
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bpcore  # noqa: E402
from bpcore import NetSpec, Network  # noqa: E402
from bpcore.network import batch_backward, batch_forward  # noqa: E402

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 7

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
XOR = NetSpec((2, 3, 1), ("sigmoid", "sigmoid"), ("bias", "bias"))


def best(fn, number):
    """Seconds per call: the minimum over REPEAT runs of `number` calls."""
    return min(timeit.repeat(fn, number=number, repeat=REPEAT)) / number


def cold(code: str) -> tuple[float, float]:
    """(time measured inside, wall time of the whole process) for `code` in a new interpreter."""
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return float(out.strip().splitlines()[-1]), time.perf_counter() - t0


def section(title):
    print(f"\n== {title} ==")


def derivations():
    section("cold derivations (fresh interpreter, SymPy import included)")
    inside, wall = cold(
        "import time; t = time.perf_counter()\n"
        "from bpcore.symbolic import derive_all, all_proofs\n"
        "r = derive_all(); assert all(p.difference == 0 for p in all_proofs(r))\n"
        "print(time.perf_counter() - t)"
    )
    print(f"derive_all() (every derivation and proof of the course): {inside:.2f} s "
          f"(process wall time {wall:.2f} s)")  # fmt: skip
    for name, call in [
        ("sympy import alone", "import sympy"),
        ("textbook at symbolic sizes", "from bpcore.symbolic import derive_textbook as f; f()"),
        ("make_step(XOR 2-3-1, batch 4)",
         "from bpcore import NetSpec; from bpcore.fastpath import make_step; "
         "make_step(NetSpec((2, 3, 1), ('sigmoid',)*2, ('bias',)*2), 4)"),
    ]:  # fmt: skip
        inside, _ = cold(
            f"import time; t = time.perf_counter()\n{call}\nprint(time.perf_counter() - t)"
        )
        print(f"{name}: {inside:.2f} s")


def numpy_step_factory(net):
    W1, b1 = net.layers[0].W.copy(), net.layers[0].offset.copy()
    W2, b2 = net.layers[1].W.copy(), net.layers[1].offset.copy()
    X, Y, m = XOR_X, XOR_Y, XOR_X.shape[0]

    def step(eta=0.5):
        # vectorised forward/backward, no checks, in place: what one would hand-write
        H = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
        O = 1.0 / (1.0 + np.exp(-(H @ W2 + b2)))
        d2 = (O - Y) * O * (1.0 - O) / m
        d1 = (d2 @ W2.T) * H * (1.0 - H)
        W2[...] -= eta * (H.T @ d2)
        b2[...] -= eta * d2.sum(axis=0)
        W1[...] -= eta * (X.T @ d1)
        b1[...] -= eta * d1.sum(axis=0)

    return step


def lambdified_batch_gradient(spec, m):
    """SymPy lambdify(cse=True) of the mean batch gradient, scalar math: the plain baseline."""
    import sympy as sp

    from bpcore.symbolic.netexpr import symbolic_net

    net = symbolic_net(spec)
    per = [net.expand_outputs(net.E), *(net.expand_outputs(g) for g in net.gradients)]
    xs = [[sp.Symbol(f"x{s}_{i}") for i in range(len(net.inputs))] for s in range(m)]
    ys = [[sp.Symbol(f"y{s}_{j}") for j in range(len(net.targets))] for s in range(m)]
    total = [0] * len(per)
    for s in range(m):
        sub = dict(zip(net.inputs, xs[s])) | dict(zip(net.targets, ys[s]))
        total = [t + e.xreplace(sub) for t, e in zip(total, per)]
    ps = [sp.Symbol(f"p{k}") for k in range(len(net.params))]
    total = [(t / m).xreplace(dict(zip(net.params, ps))) for t in total]
    fn = sp.lambdify(
        [ps, [a for row in xs for a in row], [a for row in ys for a in row]],
        total,
        modules=[{"Sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z))}, "math"],
        cse=True,
    )

    def step(p, x, y, eta):
        loss, *g = fn(p, x, y)
        return [a - eta * b for a, b in zip(p, g)], loss

    return step


def xor_step():
    from bpcore.fastpath import make_epochs_runner, make_step

    section("one step, XOR 2-3-1, batch of 4, mean loss")
    net = Network.from_sizes((2, 3, 1), rng=1)
    p = net.flat().tolist()
    x, y = XOR_X.ravel().tolist(), XOR_Y.ravel().tolist()
    n = 2000 if QUICK else 20000

    engine = net.copy()

    def engine_step():
        engine.step(batch_backward(engine, batch_forward(engine, XOR_X), XOR_Y, "mean"), 0.5)

    t_engine = best(engine_step, n // 10)
    t_numpy = best(numpy_step_factory(net), n // 10)
    lam = lambdified_batch_gradient(XOR, 4)
    t_lam = best(lambda: lam(p, x, y, 0.5), n)
    step = make_step(XOR, 4)
    t_step = best(lambda: step(p, x, y, 0.5), n)
    run = make_epochs_runner(XOR, 4)
    t_epoch = best(lambda: run(p, x, y, 0.5, 1000), 3 if QUICK else 10) / 1000
    t_10k = best(lambda: run(p, x, y, 2.0, 10_000), 3)
    np.testing.assert_allclose(lam(p, x, y, 0.5)[0], step(p, x, y, 0.5)[0], atol=1e-12)

    rows = [
        ("engine: batch_forward/batch_backward/step (NumPy)", t_engine),
        ("hand-written NumPy step (vectorised, in place)", t_numpy),
        ("sympy.lambdify(cse=True) of the batch gradient", t_lam),
        ("compiled step (bpcore.fastpath.make_step)", t_step),
        ("one epoch inside make_epochs_runner", t_epoch),
    ]
    for label, t in rows:
        print(f"{label:<55} {t * 1e6:8.2f} µs   ({t_numpy / t:5.1f}× the NumPy step)")
    print(f"{'10,000 epochs in one make_epochs_runner call':<55} {t_10k * 1e3:8.2f} ms")


def other_shapes():
    from bpcore.fastpath import make_step

    section("compiled step on other shapes (µs per call; mean loss)")
    cases = [
        (NetSpec((2, 2, 1), ("sigmoid",) * 2, ("threshold",) * 2), (1, 4)),
        (XOR, (1, 4, 8)),
        (NetSpec((3, 4, 2), ("sigmoid",) * 2, ("bias",) * 2), (1, 4, 8)),
        (NetSpec((2, 3, 1), ("identity",) * 2, ("bias",) * 2), (4,)),
        (NetSpec((2, 3, 1), ("tanh", "sigmoid"), ("bias",) * 2), (4,)),
    ]
    rng = np.random.default_rng(0)
    n = 2000 if QUICK else 20000
    for spec, sizes in cases:
        p = rng.normal(size=spec.n_params).tolist()
        cells = []
        for m in sizes:
            step = make_step(spec, m)
            x = rng.normal(size=m * spec.sizes[0]).tolist()
            y = rng.uniform(size=m * spec.sizes[-1]).tolist()
            t = best(lambda s=step, p=p, x=x, y=y: s(p, x, y, 0.1), n)
            cells.append(f"m={m}: {t * 1e6:6.2f}")
        label = f"{'-'.join(map(str, spec.sizes))} {'/'.join(spec.activations)} {spec.offsets[0]}"
        print(f"{label:<36} " + "   ".join(cells))


if __name__ == "__main__":
    print(f"bpcore {bpcore.__version__}, Python {sys.version.split()[0]}, NumPy {np.__version__}")
    derivations()
    xor_step()
    other_shapes()
