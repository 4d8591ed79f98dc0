"""results.png: time per step by path and case (log scale), and the latency targets."""

from __future__ import annotations

from pathlib import Path

from harness_cases import IMPLS
from harness_report import IMPORT_TARGET, SLIDER_TARGET, TINY_STEP_TARGET, _t


def chart(run, path: Path) -> None:
    """Write results.png for one run (a :class:`harness_report.Run`)."""
    res, cases, slider, imports = run.res, run.cases, run.slider, run.imports
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
        if xs:  # a path with no figure (not installed, n/a) gets no legend entry
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
