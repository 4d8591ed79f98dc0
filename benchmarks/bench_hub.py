"""Students per core: the playground through a real JupyterHub, several students at once.

A throwaway JupyterHub on 127.0.0.1 (tests/browser/hubkit.py: PyPI's jupyterhub behind npm's
configurable-http-proxy, nbgitpuller handing out the ``students`` branch) and one Chromium
(headless) with a browser context per student.  Every student logs in, follows README's link,
opens notebooks/zh/10_playground.ipynb and runs all its cells in a kernel of their own.  Then,
for each class size N of ``--users`` (the first N students), ``--moves`` times: the N students
press ArrowRight on the first playground's η slider (XOR 2-3-1, 3,000 epochs, "retrain when a
setting changes" on; one step of 0.01 in log10 η, so every press is a new η and nothing is
cached) at the same moment, and the script waits until each one's loss panel has drawn the
new run to its last epoch with a finished status line, then for one quiet second.

Measured per student and move, from ``/proc`` (hubkit.cpu_seconds: every thread's time on a
CPU from ``/proc/PID/task/*/schedstat``, in nanoseconds):

* the CPU time of the student's kernel process over the move (the training and the frames);
* the CPU time of the student's single-user server (it relays the kernel's messages);
* wall time from the key press to the finished drawing, as seen by polling the page
  (every 0.05 s, so ±0.05 s; the browser's own timing is in bench_browser.py).

From the median CPU per move, the students one core serves at one slider move every
``--interval`` seconds per student: ``interval / cpu_per_move`` (kernel alone, and kernel plus
server, plus a share of the hub and proxy), taken from the row with the most students at
once.  The CPU of the hub and the proxy, shared by everyone, is reported per move too.
Medians and min–max; the load (``uptime``) before and after.  Nothing is asserted.

    python benchmarks/bench_hub.py [--users 1,2,4] [--moves 10] [--interval 5] [--write]

``--write`` replaces the marked hub section of benchmarks/RESULTS.md (between
``<!-- bench_hub:start -->`` and ``<!-- bench_hub:end -->``).  Needs what tests/browser/test_hub.py
needs (Chromium, jupyterhub, nbgitpuller, psutil, configurable-http-proxy); ~2–4 min.
Not collected by pytest (testpaths are tests/ and notebooks/).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

import hubkit  # noqa: E402

from bpcore.i18n import MESSAGES, t  # noqa: E402

PLAYGROUND = "notebooks/zh/10_playground.ipynb"
START = "notebooks/zh/00_start_here.ipynb"
EPOCHS = 3000
FINISHED = ("status.done", "status.oscillating", "status.no_progress")
RESULTS = REPO / "benchmarks" / "RESULTS.md"
BEGIN, END = "<!-- bench_hub:start -->", "<!-- bench_hub:end -->"
#: One quiet second after the last drawing: the kernel's last frames and the idle loop count.
SETTLE = 1.0


def _conftest():
    spec = importlib.util.spec_from_file_location(
        "_bp_browser_conftest", REPO / "tests" / "browser" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def uptime() -> str:
    out = subprocess.run(["uptime"], capture_output=True, text=True, timeout=10).stdout
    m = re.search(r"load averages?:\s*(.+)$", out.strip())
    return m[1] if m else out.strip()


def _regex(key: str, **fixed) -> re.Pattern:
    return re.compile(hubkit.template_regex(MESSAGES[key]["zh"], **fixed))


DONE = [_regex(k, **({"epochs": EPOCHS} if k == "status.done" else {})) for k in FINISHED]
READY = _regex("status.ready")


def status_pattern() -> str:
    """Ready, running or finished (zh) as one JavaScript regex (no named groups)."""
    keys = ("status.ready", "status.running", *FINISHED)
    alts = [
        re.sub(r"\(\?P<\w+>", "(", hubkit.template_regex(MESSAGES[k]["zh"])[1:-1]) for k in keys
    ]
    return "^(?:" + "|".join(alts) + ")$"


def finished(text: str) -> bool:
    return any(r.match(text) for r in DONE)


def median_range(values, unit: str, scale: float = 1.0, fmt: str = ".0f") -> str:
    v = [x * scale for x in values]
    return f"{statistics.median(v):{fmt}} {unit} ({min(v):{fmt}} – {max(v):{fmt}})"


def shared_pids(hub) -> list[int]:
    """The hub and the proxy: the processes every student shares."""
    out = []
    for p in hub.processes():
        cmd = " ".join(p.cmdline())
        if p.pid == hub.proc.pid or "configurable-http-proxy" in cmd:
            out.append(p.pid)
    return out


def measure(args) -> dict:
    conftest = _conftest()
    chromium = conftest.find_chromium()
    chp = hubkit.find_chp()
    missing = hubkit.missing_python_tools()
    if chromium is None or chp is None or missing:
        sys.exit(f"needs Chromium, configurable-http-proxy and {missing or 'nothing else'}")
    from playwright.sync_api import sync_playwright

    users = sorted(set(args.users))
    names = [f"student{k}" for k in range(1, max(users) + 1)]
    load_before = uptime()
    rows = {}
    with tempfile.TemporaryDirectory(prefix="bench_hub_") as tmp, sync_playwright() as pw:
        tmp = Path(tmp)
        repo = hubkit.course_repo(tmp / "teacher")
        hub = hubkit.Hub(tmp / "hub", chp)
        (tmp / "hub").mkdir()
        browser = pw.chromium.launch(
            executable_path=chromium, args=conftest.CHROMIUM_ARGS, headless=True
        )
        students = []
        try:
            hub.start()
            link = hubkit.pull_link("", f"file://{repo}", START)
            for name in names:
                hub.prepare_home(name)
                student = hubkit.Student(hub, browser, name)
                students.append(student)
                student.start_login(link)
            for s in students:
                s.wait_notebook(START)
            kernels = {}
            for s in students:
                s.open_notebook(PLAYGROUND)
            for s in students:
                kernels[s.name] = s.wait_kernel_idle(PLAYGROUND)
                s.start_run_all()
            for s in students:
                s.wait_run_done(kernels[s.name])
            print(f"{len(students)} students logged in, lesson 10 run", flush=True)
            handles = {s.name: hubkit.PlaygroundHandle(s) for s in students}
            for h in handles.values():
                h.tag(t("ui.eta", "zh"), status_pattern())
            kpid = {n: hub.kernel_process(n, k).pid for n, k in kernels.items()}
            spid = {n: hub.server_process(n).pid for n in names}
            common = shared_pids(hub)
            # Idle first: what a student who moves nothing costs per second (kernel, server),
            # and the hub + proxy per second, everyone logged in.
            time.sleep(SETTLE)
            t0 = time.monotonic()
            k0 = {n: hubkit.cpu_seconds(kpid[n]) for n in names}
            s0 = {n: hubkit.cpu_seconds(spid[n]) for n in names}
            c0 = sum(hubkit.cpu_seconds(p) for p in common)
            time.sleep(args.idle)
            span = time.monotonic() - t0
            idle = {
                "kernel": statistics.median(
                    (hubkit.cpu_seconds(kpid[n]) - k0[n]) / span for n in names
                ),
                "server": statistics.median(
                    (hubkit.cpu_seconds(spid[n]) - s0[n]) / span for n in names
                ),
                "shared": (sum(hubkit.cpu_seconds(p) for p in common) - c0) / span,
            }
            print(f"idle per second: {idle}", flush=True)
            for n_users in users:
                group = names[:n_users]
                kernel_cpu, server_cpu, wall, shared_cpu = [], [], [], []
                for move in range(args.moves + 1):  # move 0 warms up, not counted
                    for n in group:
                        hubkit.wait_until(
                            lambda h=handles[n]: finished(h.status()) or READY.match(h.status()),
                            f"{n}: a calm playground",
                        )
                    time.sleep(SETTLE)
                    before = {
                        n: (
                            handles[n].shown()["run"],
                            handles[n].readout(),
                            hubkit.cpu_seconds(kpid[n]),
                            hubkit.cpu_seconds(spid[n]),
                        )
                        for n in group
                    }
                    common_before = sum(hubkit.cpu_seconds(p) for p in common)
                    started = time.monotonic()
                    pressed = {}
                    for n in group:
                        handles[n].slider.press("ArrowRight")
                        pressed[n] = time.monotonic()
                    took = {}
                    deadline = time.monotonic() + hubkit.TIMEOUT
                    while len(took) < len(group):
                        for n in group:
                            if n in took:
                                continue
                            h, (run, eta, _k, _s) = handles[n], before[n]
                            now = h.shown()
                            if (
                                h.readout() != eta
                                and now["run"] not in ("", run)
                                and now["epoch"] == EPOCHS
                                and finished(h.status())
                            ):
                                took[n] = time.monotonic() - pressed[n]
                        if time.monotonic() > deadline:
                            raise AssertionError(f"moves unfinished after {hubkit.TIMEOUT} s")
                        time.sleep(0.05)
                    time.sleep(SETTLE)
                    if move == 0:
                        continue
                    # The move's own cost: the window's CPU less what idling costs over it.
                    window = time.monotonic() - started
                    for n in group:
                        k = hubkit.cpu_seconds(kpid[n]) - before[n][2]
                        kernel_cpu.append(k - idle["kernel"] * window)
                        srv = hubkit.cpu_seconds(spid[n]) - before[n][3]
                        server_cpu.append(srv - idle["server"] * window)
                        wall.append(took[n])
                    common_after = sum(hubkit.cpu_seconds(p) for p in common)
                    shared = common_after - common_before - idle["shared"] * window
                    shared_cpu.extend([shared / n_users] * n_users)  # one per student, as above
                rows[n_users] = {
                    "kernel": kernel_cpu,
                    "server": server_cpu,
                    "wall": wall,
                    "shared": shared_cpu,
                }
                print(
                    f"{n_users} users: kernel {median_range(kernel_cpu, 'ms', 1e3)}, "
                    f"server {median_range(server_cpu, 'ms', 1e3)}, "
                    f"wall {median_range(wall, 'ms', 1e3)}",
                    flush=True,
                )
        finally:
            for s in students:
                s.close()
            browser.close()
            hub.stop()
    return {
        "rows": rows,
        "load_before": load_before,
        "load_after": uptime(),
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "moves": args.moves,
        "idle": idle,
        "idle_seconds": args.idle,
        "students": len(names),
        "interval": args.interval,
    }


def report(res: dict) -> str:
    """The RESULTS.md section (between the markers), Markdown wrapped at 100 columns."""
    import textwrap

    P, idle, n_all = res["interval"], res["idle"], res["students"]

    def para(text: str) -> str:
        return textwrap.fill(text, 100, break_on_hyphens=False, break_long_words=False)

    intro = (
        "Written by `python benchmarks/bench_hub.py --write` (`run.py` does not produce it). "
        "A JupyterHub on 127.0.0.1 (tests/browser/hubkit.py: jupyterhub, "
        "configurable-http-proxy, nbgitpuller handing out the `students` branch); "
        f"{n_all} students, each a Chromium context (headless) with a single-user server and "
        "a kernel of their own, all with lesson 10 (zh) run. N of them press ArrowRight on "
        f"the first playground's η slider at the same moment (XOR 2-3-1, {EPOCHS:,} epochs, "
        f"a new η each press), {res['moves']} moves after one warm-up. CPU = every thread's "
        "time on a CPU (`/proc/PID/task/*/schedstat`), from the key press to one quiet "
        "second after the finished drawing, less the idle cost over that window (measured "
        f"first over {res['idle_seconds']:g} s with everyone logged in: kernel "
        f"{idle['kernel'] * 1e3:.2f} ms/s, server {idle['server'] * 1e3:.2f} ms/s per student, "
        f"hub + proxy {idle['shared'] * 1e3:.2f} ms/s in all). Wall = key press to the "
        "finished drawing, polled every 0.05 s. "
        f"Load (`uptime`): {res['load_before']} before, {res['load_after']} after, "
        f"{res['when']} (other helpers' work shares the 2 cores)."
    )
    lines = [
        BEGIN,
        "## Students per core on a JupyterHub (issue 16): `bench_hub.py`",
        "",
        para(intro),
        "",
        "| students at once | kernel CPU per move | server CPU per move "
        "| hub + proxy CPU per move, per student | wall, key → finished drawing |",
        "|---|---|---|---|---|",
    ]
    for n, r in res["rows"].items():
        lines.append(
            f"| {n} | **{median_range(r['kernel'], 'ms', 1e3)}** | "
            f"{median_range(r['server'], 'ms', 1e3)} | {median_range(r['shared'], 'ms', 1e3)} | "
            f"{median_range(r['wall'], 'ms', 1e3)} |"
        )
    # The headline: the row with the most students moving at once (the busiest the hub was).
    n_max = max(res["rows"])
    top = res["rows"][n_max]
    kernel = statistics.median(top["kernel"]) + idle["kernel"] * P
    total = (
        statistics.median(
            [k + s + c for k, s, c in zip(top["kernel"], top["server"], top["shared"])]
        )
        + (idle["kernel"] + idle["server"] + idle["shared"] / n_all) * P
    )
    res["per_core"] = (P / kernel, P / total)
    lines += [
        "",
        para(
            "Medians (min – max) over students × moves. Assumption: each student moves a "
            f"slider once every {P:g} s (a class busy with the playground), and idles in "
            f"between. Per student and {P:g} s, one move plus {P:g} s of idling costs the "
            f"kernel {kernel * 1e3:.0f} ms, and {total * 1e3:.0f} ms with the student's "
            "server and their share of the hub and proxy (medians with "
            f"{n_max} students at once). One core then serves **{P / kernel:.0f} students** "
            f"counting the kernels alone, **{P / total:.0f}** counting everything on the hub "
            "(memory aside: each kernel is its own Python process). The browser draws the "
            "panels, so the hub's cores do not."
        ),
        END,
    ]
    return "\n".join(lines) + "\n"


def write(section: str, path: Path = RESULTS) -> None:
    text = path.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2, 4])
    ap.add_argument("--moves", type=int, default=10)
    ap.add_argument("--idle", type=float, default=10.0, help="seconds of idle measured first")
    ap.add_argument("--interval", type=float, default=5.0, help="seconds between moves")
    ap.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    res = measure(args)
    section = report(res)
    print(section)
    if args.write:
        write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
