"""results.png: time per step by path and case (log scale), and the latency targets."""

from __future__ import annotations

from pathlib import Path

from harness_cases import IMPLS
from harness_report import IMPORT_TARGET, SLIDER_TARGET, TINY_STEP_TARGET, _t

# The paths drawn (the other rows of the table are variants of bpcore default) and colours.
COLOURS = {
    "default": "#1a1a1a",
    "fast_step": "#c0392b",
    "fast_runner": "#e69f00",
    "numpy": "#2166ac",
    "torch": "#009e73",
    "torch1": "#999999",
    "micrograd": "#cc79a7",
}


def _steps_panel(ax, run, fam) -> None:
    """Bars of seconds per step, one group per case, one bar per path that has a figure."""
    shown = [impl for impl in IMPLS if impl.key in COLOURS]
    width = 0.8 / len(shown)
    for n, impl in enumerate(shown):
        points = [
            (c_i - 0.4 + (n + 0.5) * width, t * 1e6)
            for c_i, case in enumerate(run.cases)
            if (t := _t(run.res, case.key, impl.key)) is not None
        ]
        if points:  # a path with no figure (not installed, n/a) gets no legend entry
            xs, ys = zip(*points)
            ax.bar(xs, ys, width, color=COLOURS[impl.key], label=impl.short)
    ax.set_yscale("log")
    target = "5 µs 目标 target (tiny nets)"
    ax.axhline(TINY_STEP_TARGET * 1e6, color="#c0392b", lw=0.8, ls="--", label=target)
    ax.set_xticks(range(len(run.cases)))
    ax.set_xticklabels([c.label for c in run.cases], fontsize=8, family=fam)
    ax.set_ylabel("每步耗时 time per step (µs, log)", fontsize=9, family=fam)
    title = "一个训练步：越短越好  One training step: lower is better"
    ax.set_title(title, fontsize=10, family=fam)
    ax.legend(fontsize=7, ncol=2, prop={"family": fam, "size": 7}, frameon=False)
    ax.grid(axis="y", alpha=0.3, which="both")


def _latencies(run) -> list[tuple[str, float, float | None]]:
    """(label, milliseconds, target in ms or None) for the slider rows and the imports."""
    bars = [
        (
            f"η 滑块 slider\n{s['epochs']:,} 轮\nepochs",
            s["full"] * 1e3,
            SLIDER_TARGET * 1e3 if s["epochs"] == 10_000 else None,
        )
        for s in run.slider
    ]
    if run.imports:
        bars.append(
            ("import\nbpcore\n ", run.imports["bpcore"]["median"] * 1e3, IMPORT_TARGET * 1e3)
        )
        bars.append(("import\nnumpy\n ", run.imports["numpy"]["median"] * 1e3, None))
    return bars


def _latency_panel(ax, run, fam) -> None:
    bars = _latencies(run)
    ax.bar(range(len(bars)), [ms for _, ms, _ in bars], 0.6, color="#56b4e9")
    for x, (_, _, target) in enumerate(bars):
        if target is not None:
            ax.plot([x - 0.4, x + 0.4], [target, target], color="#c0392b", lw=1.2, ls="--")
    ax.set_xticks(range(len(bars)))
    ax.set_xticklabels([name for name, _, _ in bars], fontsize=7, family=fam)
    ax.set_ylabel("毫秒 ms (虚线 = 目标 dashed = target)", fontsize=8, family=fam)
    ax.set_title("延迟 Latency", fontsize=10, family=fam)
    ax.grid(axis="y", alpha=0.3)


def chart(run, path: Path) -> None:
    """Write results.png for one run (a :class:`harness_report.Run`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bpcore import plots

    plots.register_font()
    fam = plots.FAMILIES
    fig = Figure(figsize=(11.0, 4.4), dpi=110)
    FigureCanvasAgg(fig)
    gs = fig.add_gridspec(1, 2, width_ratios=[3.0, 1.25], wspace=0.22)
    axes = fig.add_subplot(gs[0, 0]), fig.add_subplot(gs[0, 1])
    _steps_panel(axes[0], run, fam)
    _latency_panel(axes[1], run, fam)
    for ax in axes:
        for lab in ax.get_yticklabels():
            lab.set_family(fam)
    fig.subplots_adjust(left=0.065, right=0.99, bottom=0.15, top=0.92)
    fig.savefig(path, format="png")
