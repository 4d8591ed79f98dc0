"""RESULTS.md from one run's records: the machine, the targets table, where the time goes,
the time-per-step table, one-off costs, the slider, import and course sections."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from harness_cases import IMPL, IMPLS, Case, Impl
from harness_measure import (
    MAX_ATTEMPTS,
    MAX_SPREAD,
    StepResults,
    fmt_ratio,
    fmt_time,
    steps_per_call,
)

# --- targets of issue 7 ------------------------------------------------------------------------
TINY_STEP_TARGET = 5e-6  # s per step on the tiny nets
TINY_RATIO_TARGET = 20.0  # × faster than PyTorch eager and micrograd
BIG_RATIO_TARGET = 1.2  # bpcore default ÷ NumPy reference, every case (issue 13 part 6)
NOISE = 0.1  # default ÷ train(fast=False) up to 1.1× counts as "not slower" (same path, noise)
SLIDER_TARGET = 0.050  # s, XOR retrained 10,000 epochs and rendered
IMPORT_TARGET = 0.15  # s


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


def _case(cases, key):
    return next((c for c in cases if c.key == key), None)


@dataclass
class Run:
    """One run's records, everything RESULTS.md is written from."""

    res: StepResults
    cases: list
    slider: list
    imports: dict | None
    course: dict | None
    info: dict
    breakdowns: dict
    args: argparse.Namespace
    loads: list


# =================================================================================================
# The targets
# =================================================================================================
@dataclass
class Verdict:
    target: str
    measured: str
    met: bool | None
    note: str = ""


def _miss(value, target):
    return "" if value < target else f"over by {value / target:.1f}× ({fmt_time(value - target)})"


def _at_most(target, label, a, b, limit, word="over"):
    """Verdict on a ÷ b ≤ limit, the measured figure as "r× (a vs b)"."""
    r = a / b
    note = "" if r <= limit else f"{word} by {r / limit if word == 'over' else r:.2f}×"
    return Verdict(target, f"{r:.2f}× ({fmt_time(a)} vs {fmt_time(b)})", r <= limit, note)


def _tiny_verdicts(res, case) -> list[Verdict]:
    fast = _t(res, case.key, "fast_step")
    if fast is None:
        return []
    out = [
        Verdict(
            f"{case.label}: a step < {fmt_time(TINY_STEP_TARGET)} (fast path)",
            fmt_time(fast),
            fast < TINY_STEP_TARGET,
            _miss(fast, TINY_STEP_TARGET),
        )
    ]
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
    return out


def _default_verdicts(res, case) -> list[Verdict]:
    """Issue 13 part 6: the default (fast="auto") against the reference and its NumPy path."""
    d, ref, numpy_path = (_t(res, case.key, k) for k in ("default", "numpy", "numpy_train"))
    out = []
    if d is not None and ref is not None:
        target = f"{case.label}: bpcore default ≤ {BIG_RATIO_TARGET}× the NumPy reference"
        out.append(_at_most(target, case.label, d, ref, BIG_RATIO_TARGET))
    if d is not None and numpy_path is not None:
        target = f"{case.label}: bpcore default never slower than its NumPy path"
        out.append(_at_most(target, case.label, d, numpy_path, 1.0 + NOISE, word="slower"))
    return out


def _latency_verdicts(run: Run) -> list[Verdict]:
    out = []
    one, big = run.res.extra.get("one_thread", {}), _case(run.cases, "784-64-10")
    if big is not None and "default" in one and "numpy" in one:
        target = (
            f"{big.label}, one BLAS thread: bpcore default ≤ {BIG_RATIO_TARGET}× the NumPy "
            "reference"
        )
        out.append(_at_most(target, big.label, one["default"], one["numpy"], BIG_RATIO_TARGET))
    for s in (s for s in run.slider if s["epochs"] == 10_000):
        out.append(
            Verdict(
                "slider: XOR retrained 10,000 epochs and rendered < 50 ms",
                fmt_time(s["full"]),
                s["full"] < SLIDER_TARGET,
                _miss(s["full"], SLIDER_TARGET),
            )
        )
    if run.imports:
        t = run.imports["bpcore"]["median"]
        out.append(
            Verdict(
                "import bpcore < 0.15 s", fmt_time(t), t < IMPORT_TARGET, _miss(t, IMPORT_TARGET)
            )
        )
    return out


def verdicts(run: Run) -> list[Verdict]:
    """Every target of issues 7 and 13, met or missed, with by how much."""
    out = [v for c in run.cases if c.tiny for v in _tiny_verdicts(run.res, c)]
    out += [v for c in run.cases for v in _default_verdicts(run.res, c)]
    return out + _latency_verdicts(run)


# =================================================================================================
# RESULTS.md, one section per function
# =================================================================================================
def _versions(info) -> str:
    extras = [f"SymPy {info['sympy']}"] if "sympy" in info else []
    extras.append(f"PyTorch {info['torch']}" if "torch" in info else "PyTorch not installed")
    extras.append(
        f"micrograd {info['micrograd']}" if "micrograd" in info else "micrograd not installed"
    )
    return f"Python {info['python']}, NumPy {info['numpy']}, bpcore {info['bpcore']}, " + ", ".join(
        extras
    )


def _attempts(res, cases) -> str:
    parts = []
    for c in (c for c in cases if c.key in res.spread):
        spread, n = res.spread[c.key]
        parts.append(f"{c.label} {n} attempt{'s' if n > 1 else ''} (spread {spread:.2f}×)")
    return ", ".join(parts)


def section_machine(run: Run) -> list[str]:
    info, args = run.info, run.args
    shown = ("smoke",) if getattr(args, "smoke", False) else ("quick", "skip_course")
    flags = "".join(f" --{k.replace('_', '-')}" for k in shown if getattr(args, k))
    threads = str(info["threads"]) if info.get("threads") else "their defaults"
    return [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/run.py{flags}` — edit nothing here by hand; rerun it. "
        "What is measured and how: [README.md](README.md).",
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cores']} cores; {info['os']}; BLAS and PyTorch threads: "
        + threads,
        f"- bpcore at commit {info.get('commit', 'unknown')}",
        f"- {_versions(info)}",
        f"- Load average (1/5/15 min) at start: {run.loads[0]}; at end: {run.loads[1]}. The "
        "machine is shared: other processes ran during the measurement, so medians are used and "
        "figures can move by ±20 %.",
        f"- {args.repeat} runs per figure, each ≥ {args.min_time:g} s (micrograd on the "
        "2-16-1 net: single steps), interleaved across the paths of a case; the table shows "
        f"medians. A case whose runs differed by more than {MAX_SPREAD}× was measured again "
        f"(up to {MAX_ATTEMPTS} times, the steadiest attempt kept): "
        + _attempts(run.res, run.cases)
        + ".",
        "",
        "![Time per training step, and the latency targets](results.png)",
        "",
    ]


def section_targets(run: Run) -> list[str]:
    rows = [
        f"| {v.target} | {v.measured} | {'yes' if v.met else '**no**'} | {v.note} |"
        for v in verdicts(run)
    ]
    head = ["## Targets (issue 7)", "", "| target | measured (median) | met? | by how much |"]
    return [*head, "|---|---|---|---|", *rows, ""]


def _missing_notes(res, cases) -> list[str]:
    notes = {}  # reason → (paths, cases), each in first-seen order
    for (case_key, impl_key), reason in res.missing.items():
        paths, labels = notes.setdefault(reason, ({}, {}))
        paths[IMPL[impl_key].short] = None
        labels[_case(cases, case_key).label] = None
    if not notes:
        return []
    lines = [f"- {', '.join(p)} on {', '.join(c)}: {reason}." for reason, (p, c) in notes.items()]
    return ["n/a:", "", *lines, ""]


def _micrograd_scale(res, cases) -> list[str]:
    mg = _t(res, "2-16-1", "micrograd")
    big, small = _case(cases, "784-64-10"), _case(cases, "2-16-1")
    if mg is None or big is None:
        return []
    scale = big.spec.n_params / small.spec.n_params
    return [
        f"For scale: micrograd's cost grows with parameters × samples; from its 2-16-1 "
        f"figure, a 784-64-10 step on {big.m:,} samples would take about "
        f"{fmt_time(mg * scale)} (an extrapolation, not a measurement).",
        "",
    ]


def _one_thread(res, cases) -> list[str]:
    one, big = res.extra.get("one_thread"), _case(cases, "784-64-10")
    if not one or big is None:
        return []
    ratio = "."
    if "default" in one and "numpy" in one:
        ratio = f"; bpcore default ÷ NumPy reference = {one['default'] / one['numpy']:.2f}×."
    figures = ", ".join(f"{IMPL[k].short} {fmt_time(v)}" for k, v in one.items())
    return [
        f"{big.label} again with one BLAS and PyTorch thread (`--threads 1`, a separate "
        "process; the two-thread figures above depend on what else the machine runs): "
        + figures
        + ratio,
        "",
    ]


def _gc_and_threads(res, info) -> list[str]:
    out = []
    if "micrograd_gc" in res.extra:
        out += [
            f"Timed runs have the garbage collector off (as `timeit` does). With it on, as in a "
            f"plain session, one micrograd step on the 2-16-1 net took "
            f"{fmt_time(res.extra['micrograd_gc'])}: each full collection walks every live "
            "graph node.",
            "",
        ]
    torch_d, torch_1 = _t(res, "784-64-10", "torch"), _t(res, "784-64-10", "torch1")
    if torch_d is not None and torch_1 is not None and torch_1 < 0.8 * torch_d:
        threads = info.get("torch", "").split("(")[-1].rstrip(")")
        out += [
            f"PyTorch with its default {threads} was slower than with one ({fmt_time(torch_d)} "
            f"vs {fmt_time(torch_1)} a step on 784-64-10): on a shared 2-core machine its "
            "worker threads wait for cores other processes hold.",
            "",
        ]
    return out


def _case_line(c: Case) -> str:
    acts = f"{c.net.spec.activations[0]}/{c.net.spec.activations[-1]}"
    frozen = "" if c.train_offsets else ", offsets frozen"
    return f"{c.label}: {c.source}, {acts}, η = {c.eta:g}, {c.reduction} loss{frozen}"


def section_steps(run: Run) -> list[str]:
    res, cases, quick = run.res, run.cases, run.args.quick
    intro = (
        "Time per step (forward, backward, update, batch loss recorded); in brackets the time "
        "relative to **bpcore's default path** (train(epochs=K) ÷ K; below 1× = faster). Every "
        "case trains on its whole data set each step (one step = one epoch); "
        f"K = {steps_per_call(cases[0], quick)} for the tiny nets, "
        f"{steps_per_call(cases[-1], quick)} for the big ones."
    )
    out = ["## One training step", "", intro, "", *steps_table(res, cases), ""]
    out += _missing_notes(res, cases) + _micrograd_scale(res, cases) + _one_thread(res, cases)
    out += _gc_and_threads(res, run.info)
    return [*out, "Cases: " + "; ".join(_case_line(c) for c in cases) + ".", ""]


def section_one_off(run: Run) -> list[str]:
    builds = [
        f"{k[0]} {IMPL[k[1]].short}: {fmt_time(v)}" for k, v in run.res.builds.items() if v > 1e-3
    ]
    if not builds:  # nothing built, or every shape already compiled in this process
        return []
    return [
        "One-off cost of the fast path (SymPy derivation + code generation + compile, first "
        "use of a shape in a process; later uses are cached): " + ", ".join(builds) + ".",
        "",
    ]


def _breakdown_row(run: Run, case) -> str:
    b = run.breakdowns[case.key]
    cells = [
        _t(run.res, case.key, "default"),
        *(b[k] for k in ("forward", "backward", "step", "half_sse")),
    ]
    sig = f"{fmt_time(b['sigmoid_bpcore'])} / {fmt_time(b['sigmoid_plain'])}"
    rest = f"{fmt_time(b['input_grad'])} | {fmt_time(b['reference_step'])}"
    return f"| {case.label} | " + " | ".join(fmt_time(v) for v in cells) + f" | {sig} | {rest} |"


def section_breakdown(run: Run) -> list[str]:
    if not run.breakdowns:
        return []
    rows = [_breakdown_row(run, c) for c in run.cases if run.breakdowns.get(c.key)]
    return [
        "## Where the default path's time goes",
        "",
        "One epoch of `train()` on a full batch runs `batch_backward` (its batch loss is the "
        "epoch's loss, already measured on the same forward pass), `step`, then "
        "`batch_forward` and `half_sse` for the epoch's loss. Medians of the pieces on "
        "their own:",
        "",
        "| case | train() per epoch | batch_forward | batch_backward | step | half_sse | "
        "bpcore sigmoid / plain | unused ∂E/∂X of layer 1 | NumPy reference step |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]


def _slider_row(s) -> str:
    p = s["parts"]
    parts = " | ".join(fmt_time(p[k]) for k in ("train", "loss", "network", "boundary", "table"))
    ok = "yes" if s["ok"] else "**no** (an error, or a run diverged)"
    return (
        f"| {s['epochs']:,} | {fmt_time(s['first'])} | **{fmt_time(s['full'])}** | "
        f"{fmt_time(s['full_min'])} – {fmt_time(s['full_max'])} | {parts} | {ok} |"
    )


def section_slider(run: Run) -> list[str]:
    if not run.slider:
        return []
    first = run.slider[0]
    return [
        "## Learning-rate slider",
        "",
        "η set on the playground's slider → XOR 2-3-1 (tutorial 001's net with sigmoid "
        "hidden units and identity output, seeded random start, full batch) retrained "
        "from scratch in the playground's background thread → "
        "every panel's data replaced (kernel side; the browser draws it). Each η is new "
        f"(no cache hit); {first['repeat']} changes per row; fast path in use: "
        f"{'yes' if first['fast'] else 'no'}.",
        "",
        "| epochs | loss curve new | every panel new (median) | min – max | training | "
        "loss data | network data | boundary data | table | every run complete |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *(_slider_row(s) for s in run.slider),
        "",
    ]


def section_import(run: Run) -> list[str]:
    if not run.imports:
        return []
    b, n = run.imports["bpcore"], run.imports["numpy"]
    return [
        "## import bpcore",
        "",
        f"Time inside `import` in a fresh interpreter (median of {run.args.import_repeat}): "
        f"`import bpcore` {fmt_time(b['median'])} (NumPy included), `import numpy` alone "
        f"{fmt_time(n['median'])}. Heavy modules loaded by `import bpcore`: "
        f"{b['heavy'] or 'none'}.",
        "",
    ]


def section_course(run: Run) -> list[str]:
    c = run.course
    text = "Not measured in this run (`--skip-course`)."
    if c:
        text = (
            f"`{c['command']}` ({c['notebooks']} notebooks, the project's pytest "
            f"settings: --nbval, 2 xdist workers): {fmt_time(c['wall'])} wall time; "
            f"result: {c['summary'] or 'see output'} (exit code {c['returncode']})."
        )
    return ["## The course under nbval", "", text, ""]


# =================================================================================================
# Where the time of each missed target goes, from this run's own measurements
# =================================================================================================
def _big_ratios(run: Run) -> list[float]:
    d, ref = _t(run.res, "784-64-10", "default"), _t(run.res, "784-64-10", "numpy")
    one = run.res.extra.get("one_thread", {})
    ratios = [d / ref] if d and ref else []
    if "default" in one and "numpy" in one:
        ratios.append(one["default"] / one["numpy"])
    return ratios


def _why_big(run: Run) -> list[str]:
    big, b = _case(run.cases, "784-64-10"), run.breakdowns.get("784-64-10")
    ratios = _big_ratios(run) if big is not None else []
    if not (b and ratios and max(ratios) > BIG_RATIO_TARGET):
        return []
    return [
        f"- **784-64-10, default vs NumPy reference "
        f"({' and '.join(f'{r:.2f}×' for r in ratios)}).** A default epoch is "
        f"`batch_backward` {fmt_time(b['backward'])} + `batch_forward` {fmt_time(b['forward'])} "
        f"+ `step` {fmt_time(b['step'])} + `half_sse` {fmt_time(b['half_sse'])}; the reference "
        f"step takes {fmt_time(b['reference_step'])}. `Layer.backward` also computes "
        f"∂E/∂inputs for the first layer, whose inputs are the data (δ·Wᵀ, "
        f"({big.m}, 64)·(64, 784): {fmt_time(b['input_grad'])}, never used), and the "
        f"overflow-safe sigmoid costs {fmt_time(b['sigmoid_bpcore'])} against "
        f"{fmt_time(b['sigmoid_plain'])} for 1/(1 + e^(−z)) on the ({big.m}, 64) hidden layer."
    ]


def _why_slider(run: Run) -> list[str]:
    s10 = next((s for s in run.slider if s["epochs"] == 10_000), None)
    if not s10 or s10["full"] < SLIDER_TARGET:
        return []
    p, pc = s10["parts"], s10.get("panels", {})
    render = p["loss"] + p["network"] + p["boundary"] + p["table"]

    def costs(name):
        c = pc.get(name, {})
        return f"; {c['bytes']:,} bytes of JSON" if "bytes" in c else ""

    return [
        f"- **Slider, 10,000 epochs ({fmt_time(s10['full'])}; the loss curve alone is new "
        f"after {fmt_time(s10['first'])}).** Training in the compiled epochs runner takes "
        f"{fmt_time(p['train'])} ({fmt_time(p['train'] / 10_000)} an epoch); re-rendering "
        f"takes {fmt_time(render)}: the network panel's numbers {fmt_time(p['network'])}"
        f"{costs('network')}, the loss curve's {fmt_time(p['loss'])}{costs('loss')}, the "
        f"decision boundary's {fmt_time(p['boundary'])}{costs('boundary')}. The rest, "
        f"{fmt_time(s10['full'] - p['train'] - render)}, is thread start-up, widget "
        "updates and status text."
    ]


def _why_import(run: Run) -> list[str]:
    if not run.imports or run.imports["bpcore"]["median"] < IMPORT_TARGET:
        return []
    bi, ni = run.imports["bpcore"]["median"], run.imports["numpy"]["median"]
    return [
        f"- **import bpcore ({fmt_time(bi)}).** NumPy alone took {fmt_time(ni)} in this "
        f"run; bpcore's own modules add {fmt_time(bi - ni)}. The machine's load inflates both."
    ]


def _why_tiny(run: Run) -> list[str]:
    tiny = [c for c in run.cases if c.tiny and (c.key, "numpy_train") in run.res.timings]
    if not tiny or not all(c.key in run.breakdowns for c in tiny):
        return []
    c = tiny[-1]
    bd, d = run.breakdowns[c.key], _t(run.res, c.key, "numpy_train")
    return [
        f"- **No target, but worth knowing: the NumPy path on the tiny nets** (the default "
        f"takes the compiled step there; `train(fast=False)` {fmt_time(d)} a step on "
        f"{c.label}, {d / _t(run.res, c.key, 'numpy'):.1f}× the NumPy reference). "
        f"Each piece is a handful of small NumPy calls at ~1 µs each plus Python objects: "
        f"`batch_forward` {fmt_time(bd['forward'])}, `batch_backward` "
        f"{fmt_time(bd['backward'])}, `step` {fmt_time(bd['step'])}, `half_sse` "
        f"{fmt_time(bd['half_sse'])}; the overflow-safe sigmoid alone "
        f"{fmt_time(bd['sigmoid_bpcore'])} against {fmt_time(bd['sigmoid_plain'])}."
    ]


def why(run: Run) -> list[str]:
    """Where the time of each missed target goes ("### Where the time goes")."""
    out = _why_big(run) + _why_slider(run) + _why_import(run) + _why_tiny(run)
    return ["### Where the time goes", "", *out, ""] if out else []


SECTIONS = (
    section_machine,
    section_targets,
    why,
    section_steps,
    section_one_off,
    section_breakdown,
    section_slider,
    section_import,
    section_course,
)
# The "## " headings the section functions write; any other section of RESULTS.md was pasted
# by hand (bench_sweep.py, bench_pathchoice.py, bench_browser.py) and is carried over.
GENERATED = (
    "## Machine",
    "## Targets (issue 7)",
    "## One training step",
    "## Where the default path's time goes",
    "## Learning-rate slider",
    "## import bpcore",
    "## The course under nbval",
)


def pasted_sections(previous: str) -> list[str]:
    r"""The "## " sections of an earlier RESULTS.md that no section function writes, as they were.

    Examples
    --------
    >>> pasted_sections("# R\n## Machine\nx\n## Sweep\ny\n## import bpcore\nz")
    ['## Sweep', 'y']
    """
    kept, keep = [], False
    for line in previous.splitlines():
        if line.startswith("## "):
            keep = line not in GENERATED
        if keep:
            kept.append(line)
    return kept


def markdown(run: Run, previous: str = "") -> str:
    """RESULTS.md: every section in order from the records of one run, then the sections of
    the `previous` file's text that were pasted by hand."""
    lines = [line for section in SECTIONS for line in section(run)]
    return "\n".join(lines + pasted_sections(previous)).rstrip("\n")
