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
    time, so nothing is cached) until the loss panel draws the finished new run (its
    ``data-run`` changed and ``data-epoch`` equals the epochs), at 3,000 and 10,000 XOR epochs;
(b) the same keydown until the last drawing of every panel (loss, network, boundary) for that
    run (each must have drawn since the key; read after 0.6 s of quiet);
(c) a 1,000,000-epoch run started with Train: loss-panel drawings per second over one-second
    windows, and the websocket bytes the page received per curve frame (``"tail"`` message).

Medians and min–max over ``--repeats`` (≥ 10); the load (``uptime``) before and after.
Nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
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
    const st = { t0: null, tLoss: null, last: {}, runBefore: loss.dataset.run, epochs };
    const obs = new MutationObserver(records => {
        if (st.t0 === null) return;
        const now = performance.now();
        for (const r of records) {
            const el = r.target;
            if (r.attributeName !== 'data-frames') continue;
            const kind = [...el.classList].find(c => c.startsWith('bpcore-live-')).slice(12);
            st.last[kind] = now;
            if (kind === 'loss' && st.tLoss === null && el.dataset.run !== st.runBefore
                && Number(el.dataset.epoch) === st.epochs) st.tLoss = now;
        }
    });
    for (const p of panels) obs.observe(p, { attributes: true, attributeFilter: ['data-frames'] });
    const onKey = () => { if (st.t0 === null) st.t0 = performance.now(); };
    document.addEventListener('keydown', onKey, { capture: true, once: true });
    st.kinds = panels.map(p => [...p.classList].find(c => c.startsWith('bpcore-live-')).slice(12));
    st.stop = () => obs.disconnect();
    window.__bpBench = st;
    return st.kinds;
}"""

# In the page: true once the loss panel showed the run and every panel has been quiet a while.
SETTLED = """quiet => {
    const st = window.__bpBench;
    if (st.tLoss === null) return false;
    const lastAny = Math.max(...Object.values(st.last));
    return performance.now() - lastAny > quiet && st.kinds.every(k => k in st.last);
}"""

READ = """() => {
    const st = window.__bpBench; st.stop();
    return { loss: st.tLoss - st.t0, all: Math.max(...Object.values(st.last)) - st.t0 };
}"""

# In the page: loss-panel drawings over `ms` milliseconds.
COUNT_FRAMES = """([root, ms]) => new Promise(resolve => {
    const loss = root.querySelector('.bpcore-live-loss');
    const f0 = Number(loss.dataset.frames || 0), t0 = performance.now();
    setTimeout(() => resolve({
        frames: Number(loss.dataset.frames || 0) - f0, ms: performance.now() - t0,
        epoch: Number(loss.dataset.epoch || 0) }), ms);
})"""


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def summary(values: list[float], unit: str = "ms") -> str:
    return (
        f"median {statistics.median(values):.0f} {unit}, "
        f"min–max {min(values):.0f}–{max(values):.0f} {unit} (n = {len(values)})"
    )


def slider_once(pg: Driver, handle, epochs: int) -> dict:
    root = pg.root.element_handle()
    pg.page.evaluate(ARM, [root, epochs])
    handle.press("ArrowRight")
    pg.page.wait_for_function(SETTLED, arg=QUIET_MS, timeout=DEADLINE_MS, polling=50)
    return pg.page.evaluate(READ)


def test_bench_browser(lab, pytestconfig):
    repeats = int(os.environ.get("BP_BENCH_REPEATS", "10"))
    lang = os.environ.get("BP_BENCH_LANG", "en")
    out = [f"load before: {load()}", f"lang {lang}, {repeats} repeats"]
    print("\n" + out[0], flush=True)
    relpath = f"notebooks/{lang}/10_playground.ipynb"
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
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
            out.append(f"(a) key → loss curve, {epochs} epochs: {summary(loss)}")
            out.append(f"(b) key → every panel, {epochs} epochs: {summary(every)}")
            print("\n".join(out[-2:]), flush=True)
        # (c) a long run: live frames per second, bytes per curve frame
        pg.checkbox("auto").uncheck()
        pg.type_into("epochs", str(LONG_RUN))
        pg.wait_status("status.ready")
        pg.button("train").click()
        pg.wait_status("status.running", epochs=LONG_RUN)
        page.wait_for_timeout(500)  # past the run's start
        log = page.ws_log = []
        # half-second windows: the fast path can finish 1,000,000 XOR epochs in ~10 s
        windows = [
            page.evaluate(COUNT_FRAMES, [pg.root.element_handle(), 500]) for _ in range(repeats)
        ]
        page.ws_log = None
        still_running = windows[-1]["epoch"] < LONG_RUN
        assert still_running, "the long run finished inside the windows: make them shorter"
        pg.button("pause").click()
        pg.wait_status(("status.paused", *_playground.FINISHED))
        fps = [w["frames"] * 1000 / w["ms"] for w in windows]
        tails = [size for size, text in log if '"tail"' in text]
        total = sum(size for size, _ in log)
        out.append(f"(c) live loss-panel drawings per second (0.5 s windows): {summary(fps, '/s')}")
        out.append(
            f"(c) websocket: {len(log)} frames, {total} bytes, {len(tails)} curve (tail) frames; "
            f"tail message {summary(tails, 'B')}; all traffic per curve frame "
            f"{total / max(len(tails), 1):.0f} B; "
            f"epoch reached at the last window's end {windows[-1]['epoch']}"
        )
        print("\n".join(out[-2:]), flush=True)
    out.append(f"load after: {load()}")
    print(out[-1], flush=True)
    target = Path(os.environ.get("BP_BENCH_OUT", REPO / "_output" / "bench_browser.txt"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    args = parser.parse_args()
    os.environ["BP_BENCH_REPEATS"] = str(max(args.repeats, 10))
    os.environ["BP_BENCH_LANG"] = args.lang
    import pytest

    return pytest.main(
        [__file__, "-s", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--rootdir", str(REPO)]
    )


if __name__ == "__main__":
    sys.exit(main())
