"""The benchmarks compare like with like: every path computes the same training step.

Timings are never asserted (they live in benchmarks/RESULTS.md). What is checked: for each
benchmark case, one step of the NumPy reference, PyTorch, micrograd and bpcore's fast path
gives the loss and the new parameters of ``bpcore.train(..., epochs=1)``; the reference's
update is −η × a central-difference gradient of its own loss (an oracle independent of
bpcore's engine); and the harness (``python benchmarks/run.py --smoke``) runs every case once
and writes every section of RESULTS.md, the hand-pasted ones kept, and its chart.
"""

from __future__ import annotations

import importlib.util
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import bpcore
from bpcore import Network

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


run = _load("bpcore_benchmarks_run", BENCH / "run.py")
reference = sys.modules["reference"]  # imported by run.py from benchmarks/
run_report = sys.modules["harness_report"]

CASES = {case.key: case for case in run.make_cases(small=True)}
# Combinations the benchmark leaves out by design (not for a missing package).
BY_DESIGN = {("784-64-10", k) for k in ("fast_step", "fast_runner", "fast_train", "micrograd")}
BY_DESIGN |= {(key, "torch1") for key in ("2-2-2", "3-2-1", "xor")}


def _combos():
    for case in CASES:
        for impl in run.IMPLS:
            if (case, impl.key) not in BY_DESIGN and impl.key != "default":
                yield case, impl.key


@pytest.mark.parametrize(("case_key", "impl_key"), list(_combos()))
def test_one_step_equals_bpcore_train(case_key, impl_key):
    case, impl = CASES[case_key], run.IMPL[impl_key]
    reason = impl.unavailable(case)
    if reason:
        pytest.skip(reason)  # only when an optional package (PyTorch, micrograd) is absent
    expected = bpcore.train(case.net, case.X, case.Y, epochs=1, **case.train_kwargs())
    prep = impl.prepare(case, 1)
    loss = prep.call()
    assert loss == pytest.approx(expected.loss[0], rel=1e-12, abs=1e-15)
    new = prep.flat()
    assert new.shape == (case.spec.n_params,)
    np.testing.assert_allclose(new, expected.net.flat(), rtol=1e-12, atol=1e-15)
    # and the step really moved the parameters (a no-op would also "agree" on the loss)
    assert np.max(np.abs(new - case.net.flat())) > 1e-6


@pytest.mark.parametrize(("case_key", "impl_key"), sorted(BY_DESIGN))
def test_left_out_combinations_say_why(case_key, impl_key):
    reason = run.IMPL[impl_key].unavailable(CASES[case_key])
    assert isinstance(reason, str) and len(reason) > 20


@pytest.mark.parametrize(
    ("sizes", "activation", "offset_kind", "reduction", "train_offsets"),
    [
        ((2, 3, 1), "sigmoid", "bias", "mean", True),
        ((3, 4, 2), "tanh", "threshold", "sum", True),
        ((2, 3, 3, 2), "sigmoid", "threshold", "mean", False),
        ((3, 2, 1), "identity", "bias", "sum", True),
    ],
)
def test_reference_step_is_minus_eta_times_the_central_difference_gradient(
    sizes, activation, offset_kind, reduction, train_offsets
):
    rng = np.random.default_rng(sum(sizes))
    net = Network.from_sizes(
        sizes,
        activation=activation,
        output_activation="sigmoid",
        offset_kind=offset_kind,
        rng=rng,
        scale=1.0,
    )
    X, Y = rng.normal(size=(5, sizes[0])), rng.uniform(size=(5, sizes[-1]))
    ref = reference.NumpyReference.from_network(
        net, train_offsets=train_offsets, reduction=reduction
    )
    p0 = ref.flat()

    def loss(flat):
        return ref.with_flat(flat).loss(X, Y)

    eps = 1e-4
    grad = np.array(
        [(loss(p0 + eps * e) - loss(p0 - eps * e)) / (2 * eps) for e in np.eye(p0.size)]
    )
    eta = 0.3
    before = ref.step(X, Y, eta)
    assert before == pytest.approx(loss(p0), rel=1e-14)
    step = p0 - ref.flat()
    offsets = np.concatenate(
        [np.r_[np.zeros(W.size), np.ones(b.size)] for W, b in zip(ref.Ws, ref.offsets)]
    ).astype(bool)
    if not train_offsets:
        assert np.all(step[offsets] == 0.0)
        grad[offsets] = 0.0
    np.testing.assert_allclose(step, eta * grad, rtol=1e-7, atol=1e-10)


def test_one_run_times_every_case_once_and_each_section_writes_its_figures(tmp_path):
    cases = run.make_cases(small=True)
    res = run.benchmark_steps(cases, repeat=1, min_time=0.0, quick=True, log=lambda *a: None)
    for case in cases:
        for impl in run.IMPLS:
            key = (case.key, impl.key)
            assert (key in res.timings) != (key in res.missing), key
            if key in res.timings:
                t = res.timings[key]
                assert len(t.runs) == 1 and math.isfinite(t.median) and t.median > 0
    breakdowns = {c.key: run.default_breakdown(c, repeat=1, min_time=0.0) for c in cases[:1]}
    slider = [run.measure_slider(60, repeat=1)]
    assert slider[0]["ok"] and slider[0]["full"] >= slider[0]["parts"]["train"] > 0
    args = run.parse_args(["--smoke"])
    imports = {m: {"median": 0.1, "min": 0.1, "heavy": ""} for m in ("numpy", "bpcore")}
    record = run.Run(res, cases, slider, imports, None, run.machine(), breakdowns, args, ["0", "0"])
    previous = "# Benchmark results\n\n## Machine\n\nold\n\n## Sweep (pasted)\n\n| a |\n"
    text = run.markdown(record, previous)
    assert "| **bpcore default: train(epochs=K) ÷ K** |" in text
    assert all(case.label in text for case in cases)
    # the sections of RESULTS.md in their order, the hand-pasted one carried over at the end
    headings = [ln for ln in text.splitlines() if ln.startswith("## ")]
    assert headings == [*run_report.GENERATED, "## Sweep (pasted)"]
    assert "\nold\n" not in text and text.endswith("| a |")
    verdicts = run.verdicts(record)
    assert any("import bpcore" in v.target and v.met for v in verdicts)
    png = tmp_path / "chart.png"
    run.chart(record, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_import_is_timed_in_fresh_interpreters_and_loads_numpy_only():
    imports = run.measure_import(repeat=1)
    assert imports["bpcore"]["heavy"] == ""  # import bpcore loads NumPy only
    assert all(math.isfinite(imports[m]["median"]) for m in ("numpy", "bpcore"))


@pytest.mark.slow
def test_smoke_mode_runs_the_whole_harness_and_writes_results_and_chart(tmp_path, capsys):
    out = tmp_path / "RESULTS.md"
    out.write_text("## Machine\n\nold\n\n## Live playground (pasted)\n\nkept\n")
    assert run.main(["--smoke", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results\n") and "`python benchmarks/run.py --smoke`" in text
    for heading in (*run_report.GENERATED, "### Where the time goes", "## Live playground"):
        assert heading in text, heading
    assert text.rstrip().endswith("kept") and "\nold\n" not in text  # the stale section is gone
    assert "![Time per training step" in text
    assert (tmp_path / "results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "wrote " in capsys.readouterr().out


def test_harness_modules_stay_small_and_simple():
    # issue 15: no file over ~600 lines, no function over cyclomatic complexity 10
    files = [BENCH / "run.py", *sorted(BENCH.glob("harness_*.py"))]
    assert all(len(p.read_text(encoding="utf-8").splitlines()) <= 600 for p in files)
    rules = ["--select", "C901", "--config", "lint.mccabe.max-complexity = 10"]
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *rules, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ruff.returncode == 0, ruff.stdout[-2000:]
