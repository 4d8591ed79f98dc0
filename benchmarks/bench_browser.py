"""The live playground in Chromium: slider → new curve, all panels, live frames/s, bytes/frame.

Drives the real lesson-10 page (notebooks/en/10_playground.ipynb, every cell run) in JupyterLab
through Debian's Chromium with Playwright, reusing the browser tests' fixtures
(tests/browser/conftest.py) and their ``Driver`` / ``open_playground``
(tests/browser/test_playground.py).  Not part of the test command: pyproject's testpaths are
tests/ and notebooks/, so nothing here is collected.  Run it by hand::

    python benchmarks/bench_browser.py [--repeats 10] [--lang en]

It runs pytest on this file (the fixtures are pytest fixtures) and prints every figure.

What is timed, in the page (``performance.now()``, so the polling of Playwright does not count):

(a) a keydown on the η slider's handle (ArrowRight: one step of 0.01 in log10 η, a new η each
    time, so nothing is cached) until the loss panel first draws the new run (its first
    chunk), until it draws the finished run (``data-run`` changed, ``data-epoch`` equals the
    epochs) and until after that paint, at 3,000 and 10,000 XOR epochs; and where that time
    goes: key → the websocket message out (page), the kernel's own account sent with the
    finished curve (``data-kernel``: message in → job start, → empty new run sent, training,
    making live frames, → finished curve sent), the rest (wire both ways, JupyterLab, the
    animation frame, drawing) and drawn → after the paint;
(b) the same keydown until the last drawing of every panel (loss, network, boundary) for that
    run (each must have drawn since the key; read after 0.6 s of quiet);
(c) 1,000,000-epoch runs started with Train: loss-panel drawings per second over one-second
    windows of a running run (when a run ends, a new η and Train start another), the kernel
    process's CPU time per drawn frame (``/proc/<pid>/stat``, training included), the
    websocket bytes the page received per curve frame (``"tail"`` message), and the kernel's
    own time for making each live frame;
(d) time to usable: a fresh kernel, Run All on lesson 10, a key on the first playground's η
    slider as soon as it has drawn, until the new curve is drawn; from the moment Run All
    reached the playground's cell (the cell before it got its number) and from the Run All key.

Medians and min–max over ``--repeats`` (≥ 10); the load (``uptime``) before and after.
Nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_root_conftest = _load("_bp_tests_conftest", REPO / "tests" / "conftest.py")
_browser_conftest = _load("_bp_browser_conftest", REPO / "tests" / "browser" / "conftest.py")
_hubkit = _load("_bp_hubkit", REPO / "tests" / "browser" / "hubkit.py")
_playground = _load("_bp_test_playground", REPO / "tests" / "browser" / "test_playground.py")

# The fixtures, visible to pytest in this module.
missing_tool = _root_conftest.missing_tool
chromium_path = _browser_conftest.chromium_path
browser = _browser_conftest.browser
lab_root = _browser_conftest.lab_root
lab = _browser_conftest.lab
Driver = _playground.Driver
open_playground = _playground.open_playground
LONG_RUN = _playground.LONG_RUN

#: Every wait in the page has this deadline (ms).
DEADLINE_MS = 120_000
QUIET_MS = 600

# In the page: watch the three panels; stamp the next keydown (capture phase) as t0.
ARM = """([root, epochs]) => {
    const panels = [...root.querySelectorAll('.bpcore-live')];
    const loss = root.querySelector('.bpcore-live-loss');
    const st = { t0: null, tSend: null, tFirst: null, tLoss: null, tPaint: null, kernel: "",
                 last: {}, runBefore: loss.dataset.run, epochs };
    // the first websocket message out after the key: the slider's new value to the kernel
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (...args) {
        if (st.t0 !== null && st.tSend === null) st.tSend = performance.now();
        return send.apply(this, args);
    };
    const obs = new MutationObserver(records => {
        if (st.t0 === null) return;
        const now = performance.now();
        for (const r of records) {
            const el = r.target;
            if (r.attributeName !== 'data-frames') continue;
            const kind = [...el.classList].find(c => c.startsWith('bpcore-live-')).slice(12);
            st.last[kind] = now;
            // the kernel's account of the run comes with its finished curve (maybe after a
            // last live frame already showed the final epoch)
            if (kind === 'loss' && el.dataset.run !== st.runBefore && el.dataset.kernel)
                st.kernel = el.dataset.kernel;
            if (kind === 'loss' && st.tFirst === null && el.dataset.run !== st.runBefore
                && Number(el.dataset.epoch) > 0) st.tFirst = now;
            if (kind === 'loss' && st.tLoss === null && el.dataset.run !== st.runBefore
                && Number(el.dataset.epoch) === st.epochs) {
                st.tLoss = now;
                // drawn inside an animation frame; the paint follows that frame's callbacks
                setTimeout(() => { st.tPaint = performance.now(); }, 0);
            }
        }
    });
    for (const p of panels) obs.observe(p, { attributes: true, attributeFilter: ['data-frames'] });
    const onKey = () => { if (st.t0 === null) st.t0 = performance.now(); };
    document.addEventListener('keydown', onKey, { capture: true, once: true });
    st.kinds = panels.map(p => [...p.classList].find(c => c.startsWith('bpcore-live-')).slice(12));
    st.stop = () => { obs.disconnect(); WebSocket.prototype.send = send; };
    window.__bpBench = st;
    return st.kinds;
}"""

# In the page: true once the loss panel showed the run and every panel has been quiet a while.
SETTLED = """quiet => {
    const st = window.__bpBench;
    if (st.tLoss === null || st.tPaint === null || !st.kernel) return false;
    const lastAny = Math.max(...Object.values(st.last));
    return performance.now() - lastAny > quiet && st.kinds.every(k => k in st.last);
}"""

READ = """() => {
    const st = window.__bpBench; st.stop();
    return { loss: st.tLoss - st.t0, all: Math.max(...Object.values(st.last)) - st.t0,
             send: st.tSend - st.t0, paint: st.tPaint - st.t0, first: st.tFirst - st.t0,
             kernel: st.kernel ? JSON.parse(st.kernel) : null };
}"""

# In the page: loss-panel drawings over `ms` milliseconds.
COUNT_FRAMES = """([root, ms]) => new Promise(resolve => {
    const loss = root.querySelector('.bpcore-live-loss');
    const f0 = Number(loss.dataset.frames || 0), t0 = performance.now();
    setTimeout(() => resolve({
        frames: Number(loss.dataset.frames || 0) - f0, ms: performance.now() - t0,
        epoch: Number(loss.dataset.epoch || 0) }), ms);
})"""


# In the page (time to usable): stamp Run All's key, the moment Run All reaches the first
# playground's cell (the code cell before it gets its number) and the playground's first drawing.
ARM_RUN_ALL = """() => {
    const st = { tRun: null, tReach: null, tShown: null, tDone: null };
    const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
    const last = cells[cells.length - 1].querySelector('.jp-InputArea-prompt');
    const k = cells.findIndex(c => c.querySelector('.jp-InputArea-editor')
        .textContent.includes('widgets.playground('));
    const before = cells[k - 1].querySelector('.jp-InputArea-prompt');
    const target = cells[k];
    const onKey = () => { if (st.tRun === null) st.tRun = performance.now(); };
    document.addEventListener('keydown', onKey, { capture: true, once: true });
    const tick = () => {
        if (st.tReach === null && /\\d/.test(before.textContent)) st.tReach = performance.now();
        const loss = target.querySelector('.bpcore-live-loss');
        if (st.tShown === null && loss && loss.dataset.frames) st.tShown = performance.now();
        // Run All has ended when the last code cell has its number
        if (st.tDone === null && /\\d/.test(last.textContent)) st.tDone = performance.now();
        if (st.tShown === null || st.tDone === null) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__bpRunAll = st;
    return k;
}"""


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def summary(values: list[float], unit: str = "ms") -> str:
    return (
        f"median {statistics.median(values):.0f} {unit}, "
        f"min–max {min(values):.0f}–{max(values):.0f} {unit} (n = {len(values)})"
    )


def kernel_pid(kernel_id: str) -> int:
    """The kernel's process: the one whose command line names its connection file."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if f"kernel-{kernel_id}.json".encode() in cmd:
                return int(entry.name)
    raise AssertionError(f"no process for kernel {kernel_id}")


def cpu_ms(pid: int) -> float:
    """CPU time of a process so far (ms): hubkit's reader (nanosecond schedstat, else ticks)."""
    return 1000 * _hubkit.cpu_seconds(pid)


def slider_once(pg: Driver, handle, epochs: int) -> dict:
    root = pg.root.element_handle()
    pg.page.evaluate(ARM, [root, epochs])
    handle.press("ArrowRight")
    pg.page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=DEADLINE_MS, polling=50)
    return pg.page.evaluate(READ)


def breakdown(results: list[dict]) -> str:
    """Medians of each leg of key → curve on screen (ms)."""
    legs = {
        "key→message out": [r["send"] for r in results],
        "kernel: message in→job starts": [r["kernel"]["queue"] for r in results],
        "kernel: message in→new run begun (empty curve sent)": [
            r["kernel"]["start"] for r in results
        ],
        "kernel: training": [r["kernel"]["train"] for r in results],
        "kernel: making live frames": [r["kernel"]["framing"] for r in results],
        "kernel: message in→finished curve sent": [r["kernel"]["done"] for r in results],
        "wire + browser (message out→drawn, less the kernel)": [
            r["loss"] - r["send"] - r["kernel"]["done"] for r in results
        ],
        "drawn→after paint": [r["paint"] - r["loss"] for r in results],
    }
    frames = statistics.median(r["kernel"]["frames"] for r in results)
    return "; ".join(f"{k} {statistics.median(v):.1f}" for k, v in legs.items()) + (
        f"; intermediate frames {frames:.0f}"
    )


def time_to_usable(lab, relpath: str, lang: str) -> dict:
    """Open the lesson, Run All, press → on the first playground's η slider as soon as it is
    drawn; until its loss panel draws the new run (ms from Run All, and from the moment Run All
    reached the playground's cell)."""
    page = lab.open(relpath, lab.locale_for(lang))
    try:
        lab.wait_for_kernel(relpath)
        page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
        page.keyboard.press("Escape")
        page.evaluate(ARM_RUN_ALL)
        page.keyboard.press(_browser_conftest.RUN_ALL_KEYS)
        page.wait_for_function(
            "() => window.__bpRunAll.tShown !== null", timeout=DEADLINE_MS, polling="raf"
        )
        pg = Driver(page, lang)
        epochs = 3000  # lesson 10's first playground: XOR 2-3-1, 3000 epochs, auto retrain
        root = pg.root.element_handle()
        page.evaluate(ARM, [root, epochs])
        pg.control("eta").get_by_role("slider").press("ArrowRight")
        page.wait_for_function(
            "() => window.__bpBench.tLoss !== null", timeout=DEADLINE_MS, polling=50
        )
        st = page.evaluate(
            "() => { const a = window.__bpRunAll, b = window.__bpBench;"
            " return { run: a.tRun, reach: a.tReach, shown: a.tShown, key: b.t0,"
            " drawn: b.tLoss, done: a.tDone, kernel: b.kernel }; }"
        )
        if st["done"] is None:  # the key's run ended before Run All did
            page.wait_for_function(
                "() => window.__bpRunAll.tDone !== null", timeout=DEADLINE_MS, polling="raf"
            )
            st["done"] = page.evaluate("() => window.__bpRunAll.tDone")
    finally:
        page.close()
        lab.shutdown_all_sessions()
    return {
        "from_reach": st["drawn"] - st["reach"],
        "from_run_all": st["drawn"] - st["run"],
        "shown_after_reach": st["shown"] - st["reach"],
        "key_to_drawn": st["drawn"] - st["key"],
        "done_after_reach": st["done"] - st["reach"],
        "kernel": json.loads(st["kernel"]) if st["kernel"] else None,
    }


def live_windows(pg: Driver, page, pid: int, repeats: int) -> tuple[list[dict], list]:
    """``repeats`` one-second windows of a running LONG_RUN: frames drawn, kernel CPU (/proc).
    A window counts only if the run was training from its start to its end; when the run
    finishes, a new η and Train start another (the fast path can do 10⁶ XOR epochs in ~10 s)."""
    windows: list[dict] = []
    log = page.ws_log = []
    deadline = time.monotonic() + DEADLINE_MS / 1000
    while len(windows) < repeats and time.monotonic() < deadline:
        before = pg.shown()
        if before["epoch"] >= LONG_RUN or not pg.match_status("status.running", epochs=LONG_RUN):
            page.ws_log = None
            # a new η first: the same settings again would come from the cache at once
            pg.control("eta").get_by_role("slider").press("ArrowRight")
            pg.button("train").click()
            pg.wait_status("status.running", epochs=LONG_RUN)
            page.ws_log = log
            continue
        c0 = cpu_ms(pid)
        w = page.evaluate(COUNT_FRAMES, [pg.root.element_handle(), 1000])
        w["cpu"] = cpu_ms(pid) - c0
        after = pg.shown()
        if after["run"] == before["run"] and w["epoch"] < LONG_RUN and w["frames"] > 0:
            windows.append(w)
    page.ws_log = None
    assert len(windows) >= repeats, f"only {len(windows)} windows of a running run"
    return windows, log


def live_part(lab, relpath: str, lang: str, repeats: int, out: list[str]) -> None:
    """(a)–(c) on one open lesson: slider keys, every panel, a long live run."""
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pid = kernel_pid(lab.kernel_for(relpath))
        pg = Driver(page, lang)
        page.set_viewport_size({"width": 1400, "height": 2400})
        pg.root.scroll_into_view_if_needed()
        pg.wait_status("status.ready")
        handle = pg.control("eta").get_by_role("slider")
        for epochs in (3000, 10_000):
            if epochs != 3000:
                pg.type_into("epochs", str(epochs))
                pg.wait_finished(epochs, timeout=DEADLINE_MS / 1000)
            slider_once(pg, handle, epochs)  # warm-up, not counted
            results = [slider_once(pg, handle, epochs) for _ in range(repeats)]
            loss = [r["loss"] for r in results]
            every = [r["all"] for r in results]
            first = [r["first"] for r in results]
            out.append(f"(a) key → first picture of the new run, {epochs}: {summary(first)}")
            out.append(f"(a) key → loss curve, {epochs} epochs: {summary(loss)}")
            paint = [r["paint"] for r in results]
            out.append(f"(a) key → after the paint, {epochs} epochs: {summary(paint)}")
            out.append(f"(a) where the time goes (medians, ms), {epochs}: {breakdown(results)}")
            out.append(f"(b) key → every panel, {epochs} epochs: {summary(every)}")
            print("\n".join(out[-5:]), flush=True)
        # (c) a long run: live frames per second, bytes and kernel CPU per curve frame
        pg.checkbox("auto").uncheck()
        pg.type_into("epochs", str(LONG_RUN))
        pg.wait_status("status.ready")
        pg.button("train").click()
        pg.wait_status("status.running", epochs=LONG_RUN)
        page.wait_for_timeout(500)  # past the run's start
        windows, log = live_windows(pg, page, pid, repeats)
        fps = [w["frames"] * 1000 / w["ms"] for w in windows]
        cpu = [w["cpu"] / w["frames"] for w in windows]
        tails = [size for size, text in log if '"tail"' in text]
        total = sum(size for size, _ in log)
        out.append(f"(c) live loss-panel drawings per second (1 s windows): {summary(fps, '/s')}")
        out.append(
            f"(c) kernel CPU per drawn frame (/proc/{pid}/stat, training included): "
            f"{summary(cpu)}; "
            f"{statistics.median(w['cpu'] / w['ms'] for w in windows):.0%} of a core"
        )
        out.append(
            f"(c) websocket: {len(log)} frames, {total} bytes, {len(tails)} curve (tail) frames; "
            f"tail message {summary(tails, 'B')}; all traffic per curve frame "
            f"{total / max(len(tails), 1):.0f} B"
        )
        pg.wait_finished(LONG_RUN, timeout=DEADLINE_MS / 1000)
        timing = json.loads(pg.loss.get_attribute("data-kernel") or "null")
        if timing:
            out.append(
                f"(c) the last full run: {timing['frames']} frames, making them took "
                f"{timing['framing'] / max(timing['frames'], 1):.2f} ms each in the kernel "
                f"(training {timing['train'] / 1000:.2f} s in all)"
            )
        print("\n".join(out[-4:]), flush=True)


def test_bench_browser(lab, pytestconfig):
    repeats = int(os.environ.get("BP_BENCH_REPEATS", "10"))
    lang = os.environ.get("BP_BENCH_LANG", "en")
    out = [f"load before: {load()}", f"lang {lang}, {repeats} repeats"]
    print("\n" + out[0], flush=True)
    relpath = f"notebooks/{lang}/10_playground.ipynb"
    if os.environ.get("BP_BENCH_ONLY") != "usable":
        live_part(lab, relpath, lang, repeats, out)
    # (d) time to usable after Run All: a fresh kernel each time
    usable = [time_to_usable(lab, relpath, lang) for _ in range(repeats)]
    out.append(
        "(d) Run All reaches the playground → its first drawing: "
        f"{summary([u['shown_after_reach'] for u in usable])}"
    )
    out.append(
        "(d) Run All reaches the playground → a key on η drew a new curve: "
        f"{summary([u['from_reach'] for u in usable])}; "
        f"from the Run All key {summary([u['from_run_all'] for u in usable])}; "
        f"the key alone {summary([u['key_to_drawn'] for u in usable])}"
    )
    out.append(
        "(d) Run All reaches the playground → Run All done (the last cell numbered): "
        f"{summary([u['done_after_reach'] for u in usable])}"
    )
    accounts = [u["kernel"] for u in usable if u["kernel"]]
    if accounts:
        out.append(
            "(d) the key's run in the kernel (medians, ms): "
            + "; ".join(
                f"{leg} {statistics.median(a[leg] for a in accounts):.0f}"
                for leg in ("queue", "start", "train", "done")
            )
        )
    print("\n".join(out[-4:]), flush=True)
    out.append(f"load after: {load()}")
    print(out[-1], flush=True)
    target = Path(os.environ.get("BP_BENCH_OUT", REPO / "_output" / "bench_browser.txt"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    parser.add_argument(
        "--only", choices=("all", "usable"), default="all", help="usable: only (d), Run All"
    )
    args = parser.parse_args()
    os.environ["BP_BENCH_ONLY"] = args.only
    os.environ["BP_BENCH_REPEATS"] = str(max(args.repeats, 10))
    os.environ["BP_BENCH_LANG"] = args.lang
    import pytest

    return pytest.main(
        [__file__, "-s", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir", str(REPO)]
    )


if __name__ == "__main__":
    sys.exit(main())
