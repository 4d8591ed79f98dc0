"""A real JupyterHub on 127.0.0.1 for the hub test and the hub benchmark.

``Hub`` runs PyPI's ``jupyterhub`` behind npm's ``configurable-http-proxy`` on free loopback
ports, with JupyterHub's own ``DummyAuthenticator`` (one shared password) and
``SimpleLocalProcessSpawner`` (each student's server runs as this user, the home folder
under the hub's temporary folder), and nbgitpuller installed beside it.  ``course_repo``
makes the ``file://`` git repository the hub hands out: the students' hand-out of
``scripts/build_handout.py``, committed on its ``students`` branch as a release would be.
``Student`` is one browser context (its own cookies) that logs in, follows the nbgitpuller
link and works a notebook.

Every wait has a deadline.  Nothing here asserts a timing; the benchmark reads the clocks.
Used by tests/browser/test_hub.py and benchmarks/bench_hub.py (which puts this folder on
sys.path); it imports neither conftest.
"""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[2]
#: Where .ci/run installs configurable-http-proxy with npm (no global install needed).
LOCAL_CHP = REPO / "_output" / "npm" / "node_modules" / ".bin" / "configurable-http-proxy"
CHP_HINT = (
    "configurable-http-proxy (npm) is missing: `npm install --prefix _output/npm "
    "configurable-http-proxy` (what .ci/run does), `npm install -g configurable-http-proxy`, "
    "or point BPCORE_CHP at it"
)
#: The branch the hand-out is committed on (scripts/build_handout.py's default).
BRANCH = "students"
#: Seconds for the hub, a spawn, a pull or a notebook run; CI runs on two loaded cores.
TIMEOUT = float(os.environ.get("BPCORE_HUB_TIMEOUT", "300"))

# JupyterLab settings each student's server starts with (as the browser tests' lab fixture):
# a key for "run all cells" that needs no menu label, no autosave, every cell in the DOM,
# no news or update checks.
RUN_ALL_KEYS = "Alt+Shift+F9"
LAB_SETTINGS = {
    "@jupyterlab/shortcuts-extension/shortcuts": {
        "shortcuts": [
            {
                "command": "notebook:run-all-cells",
                "keys": ["Alt Shift F9"],
                "selector": ".jp-Notebook",
            }
        ]
    },
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/translation-extension/plugin": {"locale": "zh_CN"},
}
PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
#: The notebook in front: JupyterLab keeps every open notebook in the DOM and hides the others
#: (Lumino's lm-mod-hidden), and it may restore the start page's tab beside the playground.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def find_chp() -> str | None:
    env = os.environ.get("BPCORE_CHP")
    if env:
        return env if os.access(env, os.X_OK) else None
    if os.access(LOCAL_CHP, os.X_OK):
        return str(LOCAL_CHP)
    return shutil.which("configurable-http-proxy")


def missing_python_tools() -> list[str]:
    """The Python packages the hub needs that this environment lacks."""
    wanted = {"jupyterhub": "jupyterhub", "nbgitpuller": "nbgitpuller", "psutil": "psutil"}
    return [pkg for mod, pkg in wanted.items() if importlib.util.find_spec(mod) is None]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(probe, what: str, timeout: float = TIMEOUT, interval: float = 0.2):
    """Poll ``probe()`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            value = probe()
        except Exception as exc:  # a server still starting answers with errors
            value, last = None, exc
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {timeout:.0f} s (last error: {last!r})")
        time.sleep(interval)


# -- the course repository -------------------------------------------------------------------


def _load_handout():
    spec = importlib.util.spec_from_file_location(
        "build_handout", REPO / "scripts" / "build_handout.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


handout = _load_handout()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()


def git_show(repo: Path, spec: str) -> bytes:
    """The bytes of ``REV:PATH`` in ``repo``."""
    return subprocess.run(
        ["git", "-C", str(repo), "show", spec], capture_output=True, check=True, timeout=120
    ).stdout


def course_repo(where: Path) -> Path:
    """A git repository ``where/bpcore`` whose ``students`` branch is the hand-out.

    Named ``bpcore`` because nbgitpuller clones into a folder named after the repository,
    which is what README's link opens (``lab/tree/bpcore/notebooks/...``).
    """
    repo = where / "bpcore"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Teacher"), ("user.email", "teacher@example.invalid")):
        git(repo, "config", key, value)
    handout.commit_handout(repo, BRANCH)
    return repo


def release(repo: Path, change) -> str:
    """A new release of the hand-out: ``change(tree)`` edits a fresh hand-out, then commit."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        tree = handout.build_tree(Path(tmp) / "bpcore")
        change(tree)
        return handout.commit_tree(tree, repo, BRANCH, "the next release")


def pull_link(base_url: str, repo_url: str, target: str) -> str:
    """README's nbgitpuller link: pull ``repo_url``'s hand-out branch, then open ``target``."""
    query = urlencode(
        {"repo": repo_url, "branch": BRANCH, "urlpath": f"lab/tree/bpcore/{target}"},
        quote_via=quote,
        safe="",
    )
    return f"{base_url}/hub/user-redirect/git-pull?{query}"


# -- the hub ---------------------------------------------------------------------------------

HUB_CONFIG = """\
# Written by tests/browser/hubkit.py: a throwaway hub on 127.0.0.1.
import json
c = get_config()  # noqa
s = json.loads({settings!r})
c.JupyterHub.bind_url = s["bind_url"]
c.JupyterHub.hub_bind_url = s["hub_bind_url"]
c.ConfigurableHTTPProxy.api_url = s["proxy_api_url"]
c.ConfigurableHTTPProxy.command = [s["chp"]]
c.ConfigurableHTTPProxy.auth_token = s["proxy_token"]
c.JupyterHub.db_url = s["db_url"]
c.JupyterHub.cookie_secret_file = s["cookie_secret_file"]
c.JupyterHub.pid_file = s["pid_file"]
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = s["password"]
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = s["home_template"]
c.Spawner.cmd = [s["singleuser"]]
c.Spawner.args = s["args"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = s["environment"]
c.Spawner.start_timeout = int(s["timeout"])
c.Spawner.http_timeout = int(s["timeout"])
c.JupyterHub.services = [{{"name": "tester", "api_token": s["api_token"]}}]
c.JupyterHub.load_roles = [
    {{
        "name": "tester",
        "scopes": ["admin:users", "admin:servers", "access:servers"],
        "services": ["tester"],
    }}
]
c.JupyterHub.cleanup_servers = True
"""


@dataclass
class Hub:
    """A JupyterHub process tree; ``start()``, then ``stop()`` (always: use try/finally)."""

    root: Path
    chp: str
    base_url: str = ""
    password: str = field(default_factory=lambda: secrets.token_hex(8))
    api_token: str = field(default_factory=lambda: secrets.token_hex(24))
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    _pids: set = field(default_factory=set)

    def home(self, user: str) -> Path:
        return self.root / "home" / user

    def start(self) -> Hub:
        port, hub_port, api_port = free_port(), free_port(), free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        bindir = Path(sys.executable).parent
        args = ["--ServerApp.terminals_enabled=False"]
        args.append("--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")  # CI and containers run as root
        settings = {
            "bind_url": self.base_url,
            "hub_bind_url": f"http://127.0.0.1:{hub_port}",
            "proxy_api_url": f"http://127.0.0.1:{api_port}",
            "chp": self.chp,
            "proxy_token": secrets.token_hex(24),
            "db_url": f"sqlite:///{self.root / 'jupyterhub.sqlite'}",
            "cookie_secret_file": str(self.root / "cookie_secret"),
            "pid_file": str(self.root / "jupyterhub.pid"),
            "password": self.password,
            "home_template": str(self.root / "home" / "{username}"),
            "singleuser": str(bindir / "jupyterhub-singleuser"),
            "args": args,
            # Kernels and git resolve to this environment; no user site, no outside config.
            "environment": {
                "PATH": os.pathsep.join([str(bindir), os.environ.get("PATH", "")]),
                "PYTHONNOUSERSITE": "1",
            },
            "timeout": TIMEOUT,
            "api_token": self.api_token,
        }
        config = self.root / "jupyterhub_config.py"
        config.write_text(HUB_CONFIG.format(settings=json.dumps(settings)))
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        self.log_path = self.root / "jupyterhub.log"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [str(bindir / "jupyterhub"), "-f", str(config)],
                cwd=self.root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until(self._healthy, "answer from the hub's /hub/health")
        return self

    def _healthy(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"jupyterhub exited with {self.proc.returncode}:\n{self.log()}")
        with urllib.request.urlopen(f"{self.base_url}/hub/health", timeout=10) as r:
            return r.status == 200

    def log(self, tail: int = 6000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:] if self.log_path else ""

    def prepare_home(self, user: str) -> Path:
        """The student's home with the test's JupyterLab settings, before the first spawn."""
        home = self.home(user)
        settings = home / ".jupyter" / "lab" / "user-settings"
        for plugin, values in LAB_SETTINGS.items():
            package, name = plugin.rsplit("/", 1)
            (settings / package).mkdir(parents=True, exist_ok=True)
            (settings / package / f"{name}.jupyterlab-settings").write_text(json.dumps(values))
        (home / ".jupyter" / "labconfig").mkdir(parents=True, exist_ok=True)
        (home / ".jupyter" / "labconfig" / "page_config.json").write_text(json.dumps(PAGE_CONFIG))
        return home

    def api(self, method: str, path: str, body: dict | None = None):
        """The hub's REST API (``/hub/api/...``) or a user's server (``/user/NAME/api/...``)."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"Authorization": f"token {self.api_token}"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def processes(self):
        """Every process of the hub's tree now (hub, proxy, servers, kernels)."""
        import psutil

        top = psutil.Process(self.proc.pid)
        found = [top, *top.children(recursive=True)]
        self._pids.update(p.pid for p in found)
        return found

    def kernel_process(self, user: str, kernel_id: str):
        """The process of ``user``'s kernel ``kernel_id`` (its connection file names it)."""
        import psutil

        for p in self.processes():
            try:
                if any(f"kernel-{kernel_id}.json" in a for a in p.cmdline()):
                    return p
            except psutil.Error:
                continue
        raise AssertionError(f"no process for {user}'s kernel {kernel_id}")

    def server_process(self, user: str):
        """``user``'s single-user server (jupyterhub-singleuser)."""
        import psutil

        for p in self.processes():
            try:
                if "jupyterhub-singleuser" in " ".join(p.cmdline()):
                    if p.environ().get("JUPYTERHUB_USER") == user:
                        return p
            except psutil.Error:
                continue
        raise AssertionError(f"no single-user server process for {user}")

    def stop(self) -> None:
        """SIGTERM the hub (it stops the servers and the proxy), then end what is left."""
        import psutil

        if self.proc is None:
            return
        try:
            self.processes()
        except psutil.Error:
            pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        leftovers = []
        for pid in self._pids - {self.proc.pid}:
            try:
                p = psutil.Process(pid)
                p.terminate()
                leftovers.append(p)
            except psutil.Error:
                pass
        _gone, alive = psutil.wait_procs(leftovers, timeout=30)
        for p in alive:
            p.kill()


# -- one student in the browser --------------------------------------------------------------

# In the page: tag the first playground of the notebook in front (the output holding a live
# loss panel): its learning-rate slider (the slider row labelled ``etaLabel``), its loss panel
# and its status line (the HTML widget whose text matches ``pattern``).
TAG_PLAYGROUND = """([etaLabel, pattern]) => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return 'panel';
    const loss = panel.querySelector('.bpcore-live-loss');
    if (!loss) return 'loss panel';
    const root = loss.closest('.jp-OutputArea-output');
    const label = [...root.querySelectorAll('.widget-slider > .widget-label')]
        .find(l => l.textContent.trim() === etaLabel);
    if (!label) return 'slider';
    label.closest('.widget-slider').setAttribute('data-bp-hub', 'eta');
    loss.setAttribute('data-bp-hub', 'loss');
    const re = new RegExp(pattern);
    const status = [...root.querySelectorAll('.widget-html > .widget-html-content')]
        .find(e => re.test(e.textContent.trim()));
    if (!status) return 'status';
    status.setAttribute('data-bp-hub', 'status');
    return 'ok';
}"""

# In the page: what the tagged loss panel shows (bpcore/playground/live.js sets these after
# each drawing): the run drawn, its last epoch, how many drawings so far, the texts drawn.
READ_LOSS = """el => {
    const canvas = el.querySelector('canvas');
    return {run: el.dataset.run || '', epoch: Number(el.dataset.epoch || 0),
            frames: Number(el.dataset.frames || 0),
            labels: canvas && canvas.bpLabels ? canvas.bpLabels.map(b => b.text) : []};
}"""


# In the page: note (window.__bpRunStarted) when a prompt of the notebook in front shows [*].
WATCH_BUSY = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    window.__bpRunStarted = false;
    const busy = () => [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
        .some(e => e.textContent.includes('*'));
    const watcher = new MutationObserver(() => {
        if (busy()) { window.__bpRunStarted = true; watcher.disconnect(); }
    });
    watcher.observe(panel, {subtree: true, childList: true, characterData: true});
}"""

# In the page: the prompts and stderr outputs of the notebook in front.
RUN_STATE = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const p = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
        .map(e => e.textContent);
    return {started: window.__bpRunStarted === true,
            busy: p.some(t => t.includes('*')),
            cells: p.length,
            numbered: p.filter(t => /\\d/.test(t)).length,
            errors: panel.querySelectorAll(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
            ).length};
}"""


class Student:
    """One student: a browser context of their own, logged in to the hub."""

    def __init__(self, hub: Hub, browser, name: str):
        self.hub, self.name = hub, name
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.set_default_timeout(TIMEOUT * 1000)
        self.page = self.context.new_page()
        self.js_errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.js_errors.append(str(exc)))

    @property
    def panel(self):
        """The notebook in front (a Playwright locator)."""
        return self.page.locator(PANEL)

    @property
    def server(self) -> str:
        return f"/user/{self.name}"

    def start_login(self, next_url: str) -> None:
        """Log in through the hub's form; the hub then spawns and follows ``next_url``."""
        page = self.page
        page.goto(f"{self.hub.base_url}/hub/login?next={quote(next_url, safe='')}")
        page.fill("input[name=username]", self.name)
        page.fill("input[name=password]", self.hub.password)
        page.click("[type=submit]", no_wait_after=True)

    def start_goto(self, url: str) -> None:
        self.page.goto(url, wait_until="commit")

    def wait_notebook(self, relpath: str) -> None:
        """Until JupyterLab shows ``relpath`` (under ~/bpcore) with its cells."""
        # Not page.wait_for_url: JupyterLab rewrites the address to follow the file browser
        # (…/lab/tree/bpcore/notebooks/zh), so the notebook's own URL may be gone by the time
        # this student is waited for.  The tab in front and its cells say what is open.
        tab = self.page.locator(".lm-TabBar-tab.jp-mod-current .lm-TabBar-tabLabel").first

        def shown():
            # location.href, not page.url: the sync API's page.url lags behind navigations
            # made by the page itself (spawn-pending → git-pull → lab) until it is called.
            url = self.page.evaluate("() => location.href")
            if f"{self.server}/lab" not in url:
                return False
            if tab.count() == 0 or tab.inner_text().strip() != Path(relpath).name:
                return False
            return self.panel.locator(".jp-Notebook .jp-Cell").count() > 0

        wait_until(shown, f"{self.name}: JupyterLab showing {relpath} (page at {self.page.url})")
        self.page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", state="visible")

    def open_notebook(self, relpath: str) -> None:
        self.start_goto(f"{self.hub.base_url}{self.server}/lab/tree/bpcore/{relpath}")
        self.wait_notebook(relpath)

    def session_kernel(self, relpath: str) -> str | None:
        for s in self.hub.api("GET", f"{self.server}/api/sessions"):
            if s.get("path") == f"bpcore/{relpath}" and s.get("kernel"):
                return s["kernel"]["id"]
        return None

    def kernel_state(self, kernel_id: str) -> str:
        return self.hub.api("GET", f"{self.server}/api/kernels/{kernel_id}")["execution_state"]

    def wait_kernel_idle(self, relpath: str) -> str:
        def idle():
            kid = self.session_kernel(relpath)
            return kid if kid and self.kernel_state(kid) == "idle" else None

        return wait_until(idle, f"{self.name}: an idle kernel for {relpath}", interval=0.5)

    def command_mode(self) -> None:
        self.panel.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")

    def start_run_all(self) -> None:
        """Press Run All.  The released notebooks carry their outputs and prompt numbers, so
        "done" cannot be read from numbered prompts alone: an observer notes the moment any
        prompt of the notebook in front turns to ``[*]`` (JupyterLab queues every cell at once)."""
        self.command_mode()
        self.page.evaluate(WATCH_BUSY)
        self.page.keyboard.press(RUN_ALL_KEYS)

    def run_state(self) -> dict:
        return self.page.evaluate(RUN_STATE)

    def wait_run_done(self, kernel_id: str) -> dict:
        """Run All is done: it started, nothing is queued or running, every code cell has a
        number and the kernel is idle, twice in a row."""
        calm = {"n": 0}

        def done():
            state = self.run_state()
            kernel = self.kernel_state(kernel_id)
            if kernel == "dead":
                raise AssertionError(f"{self.name}: the kernel died")
            ok = (
                kernel == "idle"
                and state["started"]
                and not state["busy"]
                and state["numbered"] == state["cells"] > 0
            )
            calm["n"] = calm["n"] + 1 if ok else 0
            return state if calm["n"] >= 2 else None

        return wait_until(done, f"{self.name}: Run All to finish", interval=0.5)

    def save(self, relpath: str) -> None:
        """Ctrl+S in command mode; returns once the server has answered the save."""
        self.command_mode()
        with self.page.expect_response(
            lambda r: r.request.method == "PUT" and r.url.split("?")[0].endswith(quote(relpath)),
            timeout=TIMEOUT * 1000,
        ) as response:
            self.page.keyboard.press("Control+s")
        assert response.value.ok, f"{self.name}: save refused: HTTP {response.value.status}"

    def type_into_first_code_cell(self, text: str) -> None:
        editor = self.panel.locator(".jp-Notebook .jp-CodeCell .cm-content").first
        editor.click()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.type(text)

    def close(self) -> None:
        self.context.close()


@dataclass
class PlaygroundHandle:
    """The first playground of an open lesson 10, tagged in the page."""

    student: Student

    def tag(self, eta_label: str, status_pattern: str) -> None:
        """Find the slider, loss panel and status line; ``status_pattern`` is a JS regex."""
        page = self.student.page
        wait_until(
            lambda: page.evaluate(TAG_PLAYGROUND, [eta_label, status_pattern]) == "ok",
            f"{self.student.name}: the playground's slider, loss panel and status line",
        )

    @property
    def slider(self):
        return self.student.page.locator("[data-bp-hub=eta]").get_by_role("slider")

    def shown(self) -> dict:
        """``{"run", "epoch", "frames", "labels"}`` of the loss panel as drawn."""
        return self.student.page.locator("[data-bp-hub=loss]").evaluate(READ_LOSS)

    def status(self) -> str:
        return self.student.page.locator("[data-bp-hub=status]").inner_text().strip()

    def eta(self) -> str:
        """The slider's value as the page states it (aria-valuenow)."""
        return self.slider.get_attribute("aria-valuenow")

    def readout(self) -> str:
        """The η the slider's readout shows (the widget's own formatting)."""
        row = self.student.page.locator("[data-bp-hub=eta]")
        return row.locator(".widget-readout").inner_text().strip()


def cpu_seconds(pid: int) -> float:
    """CPU time process ``pid`` has used so far, in seconds, read from ``/proc`` (Linux).

    The sum over its threads of ``/proc/PID/task/TID/schedstat``'s first field (time on a CPU,
    in nanoseconds); where the kernel keeps no schedstat, ``/proc/PID/stat``'s utime + stime
    (fields 14 and 15, in clock ticks of usually 10 ms, counted after the command name's
    closing parenthesis because the name may contain spaces).
    """
    tasks = sorted(Path(f"/proc/{pid}/task").glob("*/schedstat"))
    try:
        return sum(int(p.read_text().split()[0]) for p in tasks) / 1e9 if tasks else _stat(pid)
    except (FileNotFoundError, ProcessLookupError):  # a thread ended while being read
        return _stat(pid)


def _stat(pid: int) -> float:
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14, 15 of the whole line
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def template_regex(template: str, **fixed) -> str:
    """A catalogue template as a regex: given fields literally, the others as named groups."""
    import re
    import string

    parts = []
    for literal, name, spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in fixed:
            parts.append(re.escape(format(fixed[name], spec)))
        else:
            parts.append(f"(?P<{name}>.+?)")
    return "^" + "".join(parts) + "$"
