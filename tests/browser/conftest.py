"""A real JupyterLab, driven through Debian's Chromium with Playwright.

The session fixture ``lab`` starts JupyterLab on 127.0.0.1 (free port, random token) over a
temporary copy of notebooks/ whose outputs are stripped, so every output the tests see was
produced by this run and the repository is never written to. ``lab.run_notebook(relpath)``
opens one notebook, runs all cells, saves it, and returns a ``NotebookRun`` that lists what
went wrong. Playwright's own browser download is never used: we launch an installed
Chromium through ``executable_path``.

Without Chromium (or Playwright) the browser tests skip with a hint, except under CI=true,
where they fail: CI must not pass by skipping them.
"""

from __future__ import annotations

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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the fixtures below skip (or fail under CI) with a hint

    class PlaywrightTimeout(Exception):
        pass


REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "_output" / "screenshots"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

CHROMIUM_CANDIDATES = [
    "/usr/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    # Last: on Ubuntu this is often only a stub that asks for the snap.
    "/usr/bin/chromium-browser",
]

INSTALL_HINT = (
    "install it with `sudo apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu), or point "
    "BPCORE_CHROMIUM at a Chromium/Chrome binary; Playwright's own browser download is not used"
)

# A key the course never needs, bound to "run all cells" in the temporary settings, so the
# tests do not depend on menu labels (which change with the UI language).
RUN_ALL_KEYS = "Alt+Shift+F9"
RUN_ALL_BINDING = "Alt Shift F9"

# Plugins that would reach the network or pop up over the notebook.
DISABLED_PLUGINS = {
    "@jupyterlab/apputils-extension:announcements": True,
}

# Settings written into the temporary JUPYTERLAB_SETTINGS_DIR before start.
LAB_SETTINGS = {
    "@jupyterlab/shortcuts-extension/shortcuts": {
        "shortcuts": [
            {
                "command": "notebook:run-all-cells",
                "keys": [RUN_ALL_BINDING],
                "selector": ".jp-Notebook",
            }
        ]
    },
    # No autosave: the tests save when they mean to, and a save of their own is the only
    # write to a notebook while they read it.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # Keep every cell in the DOM so prompts and outputs of long notebooks can be read.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

LOCALES = {"zh": "zh_CN", "en": "en"}
# How long a save may take from Ctrl+S to a complete notebook on the server.
SAVE_TIMEOUT = float(os.environ.get("BPCORE_SAVE_TIMEOUT", "60"))
# The first menu of JupyterLab's menu bar in each UI language: proves the language pack works.
FILE_MENU_LABEL = {"zh_CN": "文件", "en": "File"}

# stderr text that is a defect in a student-facing notebook, not just noise.
STDERR_DEFECTS = ("Traceback", "Error", "Warning", "missing from font", "findfont")


def find_chromium() -> str | None:
    env = os.environ.get("BPCORE_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for candidate in CHROMIUM_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    for name in ("chromium", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def strip_outputs(path: Path) -> None:
    """Remove outputs and execution counts so only this run's outputs can appear."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def source_of(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def may_raise(cell: dict) -> bool:
    """Cells that demonstrate an exception on purpose (nbval's markers; JupyterLab's tag)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return "raises-exception" in tags or "NBVAL_RAISES_EXCEPTION" in source_of(cell)


def _is_contents_url(url: str, relpath: str) -> bool:
    """Whether ``url`` is the contents API's address of ``relpath`` (query ignored)."""
    return urlsplit(url).path.endswith("/api/contents/" + quote(relpath))


def widget_display_errors(page) -> list[str]:
    """Outputs where JupyterLab could not display a widget (its own error text)."""
    texts = page.eval_on_selector_all(
        ".jp-OutputArea-output",
        "els => els.map(e => e.textContent).filter(t => t.includes('Error displaying widget'))",
    )
    return [f"widget failed to display: {t.strip()[:200]}" for t in texts]


@dataclass
class NotebookRun:
    relpath: str
    screenshot: Path | None = None
    problems: list[str] = field(default_factory=list)
    stderr_notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cells_run: int = 0
    widgets_rendered: int = 0
    save_seconds: float = 0.0


class Lab:
    """A running JupyterLab plus a Chromium to drive it."""

    def __init__(self, base_url: str, token: str, root: Path, settings_dir: Path, browser):
        self.base_url = base_url
        self.token = token
        self.root = root
        self.settings_dir = settings_dir
        self.browser = browser
        self.timeout = float(os.environ.get("BPCORE_BROWSER_TIMEOUT", "900"))
        self.screenshots = SCREENSHOTS

    @staticmethod
    def locale_for(lang: str) -> str:
        """JupyterLab UI locale for a notebooks/<lang>/ folder."""
        return LOCALES.get(lang, "en")

    # -- REST --------------------------------------------------------------------------
    def api(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def kernel_for(self, relpath: str) -> str | None:
        for session in self.api("GET", "/api/sessions"):
            if session.get("path") == relpath and session.get("kernel"):
                return session["kernel"]["id"]
        return None

    def kernel_state(self, kernel_id: str) -> str:
        return self.api("GET", f"/api/kernels/{kernel_id}").get("execution_state", "")

    def shutdown_all_sessions(self) -> None:
        for session in self.api("GET", "/api/sessions"):
            try:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            except urllib.error.HTTPError:
                pass

    def set_locale(self, locale: str) -> None:
        target = self.settings_dir / "@jupyterlab" / "translation-extension"
        target.mkdir(parents=True, exist_ok=True)
        (target / "plugin.jupyterlab-settings").write_text(json.dumps({"locale": locale}))

    # -- browser -----------------------------------------------------------------------
    def open(self, relpath: str, locale: str = "en"):
        """Open ``relpath`` (relative to the server root) in a fresh workspace; return the page."""
        self.set_locale(locale)
        page = self.browser.new_page(viewport={"width": 1400, "height": 900}, locale="en-US")
        page.set_default_timeout(60_000)
        page.js_errors = []
        page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
        # A test that sets page.ws_log to a list collects (bytes, text) of every websocket
        # frame the page receives from then on (the kernel's messages); None: nothing kept.
        page.ws_log = None

        def on_frame(payload):
            if page.ws_log is not None:
                raw = payload if isinstance(payload, bytes) else payload.encode()
                page.ws_log.append((len(raw), raw.decode("utf-8", "replace")))

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        workspace = "t" + secrets.token_hex(4)
        page.goto(f"{self.base_url}/lab/workspaces/{workspace}/tree/{relpath}?token={self.token}")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", state="visible")
        return page

    def wait_for_kernel(self, relpath: str) -> str:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            kernel_id = self.kernel_for(relpath)
            if kernel_id and self.kernel_state(kernel_id) == "idle":
                return kernel_id
            time.sleep(0.5)
        raise AssertionError(f"{relpath}: the kernel did not become idle within 180 s")

    def run_notebook(self, relpath: str, *, locale: str = "en", shot: str | None = None):
        """Run every cell of ``relpath`` in JupyterLab; collect errors; save a screenshot."""
        with self.notebook(relpath, locale=locale, shot=shot) as (_page, run):
            pass
        return run

    @contextmanager
    def notebook(self, relpath: str, *, locale: str = "en", shot: str | None = None):
        """``run_notebook`` that keeps the page and its kernel open: yields ``(page, run)``.

        On entry every cell has run, the notebook is saved and ``run.problems`` is filled;
        the body can then drive the live widgets.  The page and the sessions are closed on
        exit, whatever happens in the body.
        """
        run = NotebookRun(relpath)
        cells = self.saved_notebook(relpath, since={}).get("cells", [])
        to_run = [c for c in cells if c.get("cell_type") == "code" and source_of(c).strip()]
        started = time.monotonic()
        page = self.open(relpath, locale)
        try:
            menu = page.locator(".lm-MenuBar-itemLabel").first.inner_text().strip()
            if menu != FILE_MENU_LABEL[locale]:
                run.problems.append(
                    f"UI language {locale}: first menu reads {menu!r}, "
                    f"expected {FILE_MENU_LABEL[locale]!r} (language pack missing?)"
                )
            kernel_id = self.wait_for_kernel(relpath)
            # Select a cell in command mode, then run all through the bound key.
            page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
            page.keyboard.press("Escape")
            page.keyboard.press(RUN_ALL_KEYS)
            self._wait_until_done(page, kernel_id, relpath, expect=len(to_run))
            prompts = page.eval_on_selector_all(
                ".jp-CodeCell .jp-InputArea-prompt", "els => els.map(e => e.textContent)"
            )
            run.cells_run = sum(1 for p in prompts if any(ch.isdigit() for ch in p))
            run.problems += widget_display_errors(page)
            run.widgets_rendered = page.locator(".jp-OutputArea-output > .jupyter-widgets").count()
            run.problems += [f"JavaScript error in the page: {e}" for e in page.js_errors]
            self.save_and_check(page, run)
            if run.cells_run < len(to_run) and not run.problems:
                run.problems.append(
                    f"only {run.cells_run} of {len(to_run)} code cells ran, and no error was shown"
                )
            if shot:
                run.screenshot = self._screenshot(page, SCREENSHOTS / f"{shot}.png")
            yield page, run
        finally:
            page.close()
            self.shutdown_all_sessions()
            run.seconds = time.monotonic() - started

    def _wait_until_done(self, page, kernel_id: str, relpath: str, expect: int) -> None:
        """Done = no cell queued or running ([*]), the kernel idle, twice in a row 0.5 s apart.

        Outputs were stripped before the server started, so numbered prompts can only come
        from this run; with nothing to run there is nothing to wait for.
        """
        if expect == 0:
            return
        deadline = time.monotonic() + self.timeout
        calm = 0
        while time.monotonic() < deadline:
            state = page.evaluate(
                """() => {
                    const p = Array.from(document.querySelectorAll(
                        '.jp-CodeCell .jp-InputArea-prompt')).map(e => e.textContent);
                    return {busy: p.some(t => t.includes('*')),
                            numbered: p.filter(t => /\\d/.test(t)).length};
                }"""
            )
            kernel = self.kernel_state(kernel_id)
            if kernel == "dead":
                raise AssertionError(f"{relpath}: the kernel died while running the cells")
            idle = kernel == "idle"
            calm = calm + 1 if (idle and not state["busy"] and state["numbered"] > 0) else 0
            if calm >= 2:
                return
            time.sleep(0.5)
        raise AssertionError(f"{relpath}: cells still running after {self.timeout:.0f} s")

    def check_again(self, page, relpath: str) -> NotebookRun:
        """For a notebook left open by ``notebook()``: what is wrong now, after the body's clicks
        (widgets that failed to display, JavaScript errors, errors in the saved outputs)."""
        run = NotebookRun(relpath)
        run.problems += widget_display_errors(page)
        run.problems += [f"JavaScript error in the page: {e}" for e in page.js_errors]
        self.save_and_check(page, run)
        return run

    def save_and_check(self, page, run: NotebookRun) -> None:
        """Save the open notebook (Ctrl+S) and add the errors its saved outputs show to ``run``."""
        # Command mode first: a focused widget input keeps the key from JupyterLab.
        page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
        page.keyboard.press("Escape")
        # The tab's dirty mark is UI state: it can clear while the server is still writing
        # the file (jupyter_server writes in place), and a test that then reads the file
        # can read it half-written. The server's answer to the save request is server state:
        # once the PUT has answered, the contents API returns what was saved.
        started = time.monotonic()
        try:
            with page.expect_response(
                lambda r: r.request.method == "PUT" and _is_contents_url(r.url, run.relpath),
                timeout=SAVE_TIMEOUT * 1000,
            ) as response:
                page.keyboard.press("Control+s")
        except PlaywrightTimeout:
            raise AssertionError(
                f"{run.relpath}: pressed Ctrl+S, but JupyterLab sent no save request to the "
                f"server within {SAVE_TIMEOUT:.0f} s"
            ) from None
        saved = response.value
        if not saved.ok:
            raise AssertionError(
                f"{run.relpath}: the server refused the save: HTTP {saved.status} {saved.text()}"
            )
        self._check_saved(self.saved_notebook(run.relpath, since=saved.json()), run)
        run.save_seconds = time.monotonic() - started

    def saved_notebook(self, relpath: str, *, since: dict, timeout: float = SAVE_TIMEOUT) -> dict:
        """The notebook as the server holds it after the save whose answer is ``since``.

        Read through the contents API (token-authenticated), never from the disk: the server
        parses the file and answers with an error while it is not a complete notebook.
        Polls with a deadline until the model parses and is not older than the save.
        """
        deadline = time.monotonic() + timeout
        last = "no answer yet"
        while True:
            try:
                model = self.api("GET", f"/api/contents/{quote(relpath)}?type=notebook&content=1")
                if model.get("last_modified", "") >= since.get("last_modified", ""):
                    return model["content"]
                last = (
                    f"the server still holds the version of {model.get('last_modified')}, "
                    f"older than the save at {since.get('last_modified')}"
                )
            except (urllib.error.HTTPError, json.JSONDecodeError, KeyError) as exc:
                last = f"the server could not read it as a notebook: {exc}"
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{relpath}: no complete saved notebook within {timeout:.0f} s ({last})"
                )
            time.sleep(0.2)

    @staticmethod
    def _screenshot(page, target: Path) -> Path:
        """The whole notebook in one picture: the viewport grows to the notebook's height."""
        height = page.evaluate(
            """() => {
                const scroller =
                    document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer') ||
                    document.querySelector('.jp-NotebookPanel .jp-Notebook');
                scroller.scrollTop = 0;
                return scroller.scrollHeight;
            }"""
        )
        page.set_viewport_size({"width": 1400, "height": max(900, min(height + 200, 30_000))})
        # Let JupyterLab lay out the taller window: the resize is handled before the next
        # frames are painted (a layout, not a fixed sleep).
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
        return target

    @staticmethod
    def _check_saved(notebook: dict, run: NotebookRun) -> None:
        """Read the outputs JupyterLab saved: the model, not the rendering, says what failed."""
        cells = notebook.get("cells", [])
        for index, cell in enumerate(cells):
            if cell.get("cell_type") != "code":
                continue
            for out in cell.get("outputs", []):
                kind = out.get("output_type")
                if kind == "error" and not may_raise(cell):
                    run.problems.append(
                        f"cell {index}: {out.get('ename')}: {out.get('evalue', '')[:300]}"
                    )
                elif kind == "stream" and out.get("name") == "stderr":
                    text = "".join(out.get("text", ""))
                    note = f"cell {index} wrote to stderr: {text.strip()[:300]}"
                    if any(word in text for word in STDERR_DEFECTS):
                        run.problems.append(note)
                    else:
                        run.stderr_notes.append(note)


@pytest.fixture(scope="session")
def chromium_path(missing_tool) -> str:
    path = find_chromium()
    if path is None:
        missing_tool(f"no Chromium found: {INSTALL_HINT}")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path, missing_tool):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("Playwright for Python is missing: python -m pip install -e '.[test]'")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def _write_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        target = settings_dir / package
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{name}.jupyterlab-settings").write_text(json.dumps(values))


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """The server's root: a stripped copy of notebooks/ plus room for throwaway notebooks."""
    root = tmp_path_factory.mktemp("lab-root")
    source = REPO / "notebooks"
    if source.is_dir():
        shutil.copytree(source, root / "notebooks", ignore=shutil.ignore_patterns(".*"))
        for nb in (root / "notebooks").rglob("*.ipynb"):
            strip_outputs(nb)
    return root


@pytest.fixture(scope="session")
def lab(browser, lab_root, tmp_path_factory):
    home = tmp_path_factory.mktemp("lab-home")
    config_dir, settings_dir = home / "config", home / "settings"
    (config_dir / "labconfig").mkdir(parents=True)
    (config_dir / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": DISABLED_PLUGINS})
    )
    _write_settings(settings_dir)
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(config_dir),
        JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        # Kernels resolve `python` to this interpreter's environment.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    env.pop("JUPYTER_PATH", None)
    port, token = free_port(), secrets.token_hex(24)
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={lab_root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI and containers run as root
    log_path = home / "jupyterlab.log"
    log = open(log_path, "wb")  # closed in the finally below
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=lab_root, start_new_session=True
    )
    base_url = f"http://127.0.0.1:{port}"
    server = Lab(base_url, token, lab_root, settings_dir, browser)
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}"
                )
            try:
                server.api("GET", "/api/status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not answer within 180 s:\n{log_path.read_text()[-3000:]}"
                    ) from None
                time.sleep(0.5)
        yield server
    finally:
        try:
            server.shutdown_all_sessions()
        except Exception:
            pass
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
