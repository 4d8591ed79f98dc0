"""The classroom route, end to end: a real JupyterHub hands the course out with nbgitpuller.

What a teacher does (README, "Your own JupyterHub"): a hub with nbgitpuller, and one link
that pulls the students' hand-out (scripts/build_handout.py's ``students`` branch) into each
student's home and opens the Chinese start page.  Here the hub is PyPI's jupyterhub behind
npm's configurable-http-proxy on 127.0.0.1 (tests/browser/hubkit.py), the repository a
local ``file://`` one, and several students log in at once, each in a browser context of
their own, through the hub's login form:

* the pull: every student's ``~/bpcore`` is the hand-out, file for file and byte for byte,
  and JupyterLab shows the zh start page in Chinese;
* a later pull: each student types into the start page and saves; the teacher commits the
  next release (a changed English lesson and README); each student deletes one notebook
  (README's way to reset it) and follows the same link again.  The new release arrived,
  each student's own edit is still there, the deleted notebook is back as released;
* the playground (lesson 10) for every student at once: each runs the lesson in a kernel of
  their own (one process each, under their own server), then moves the learning-rate slider
  with the keyboard, student k by k steps, all at the same time; each sees a new run of their
  own η drawn to its last epoch and a finished status line, and each student's kernel (not a
  neighbour's) did the work.

No timing is asserted; ``benchmarks/bench_hub.py`` measures the kernels' CPU per slider move.
Marked ``browser`` and ``hub``: ``pytest -m hub`` runs this file alone.  Without
configurable-http-proxy, jupyterhub or nbgitpuller it skips with a hint (fails under CI=true).
"""

from __future__ import annotations

import json
import os
import re

import hubkit  # tests/browser is on sys.path (pytest's rootdir-relative import)
import pytest

from bpcore.i18n import MESSAGES, t

pytestmark = [pytest.mark.browser, pytest.mark.hub]

USERS = [f"student{k}" for k in range(1, int(os.environ.get("BPCORE_HUB_USERS", "3")) + 1)]
START = "notebooks/zh/00_start_here.ipynb"
PLAYGROUND = "notebooks/zh/10_playground.ipynb"
#: What the teacher changes in the next release, and what a student deletes to reset it.
CHANGED = "notebooks/en/01_gradient_descent.ipynb"
DELETED = "notebooks/zh/02_sigmoid.ipynb"
NEW_CELL = "New in the next release."
#: The first playground of lesson 10 (XOR 2-3-1) trains this many epochs per setting.
EPOCHS = 3000
#: What a finished run may report: done, or the honest verdicts (oscillating, no progress).
FINISHED = ("status.done", "status.oscillating", "status.no_progress")


@pytest.fixture(scope="module")
def tools(missing_tool, chromium_path):
    missing = hubkit.missing_python_tools()
    if missing:
        missing_tool(f"{', '.join(missing)} missing: python -m pip install -e '.[test]'")
    chp = hubkit.find_chp()
    if chp is None:
        missing_tool(hubkit.CHP_HINT)
    return chp


@pytest.fixture(scope="module")
def hub(tools, tmp_path_factory):
    root = tmp_path_factory.mktemp("hub")
    server = hubkit.Hub(root, tools)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return hubkit.course_repo(tmp_path_factory.mktemp("teacher"))


@pytest.fixture(scope="module")
def classroom(hub, repo, browser):
    """Every student logged in at once and sent through README's link; the pulls done."""
    link = hubkit.pull_link("", f"file://{repo}", START)
    students = []
    try:
        for name in USERS:
            hub.prepare_home(name)
            student = hubkit.Student(hub, browser, name)
            students.append(student)
            student.start_login(link)  # the hub spawns; the browser follows on its own
        for student in students:
            student.wait_notebook(START)
        yield students
    finally:
        for student in students:
            student.close()


def released(repo, relpath: str) -> bytes:
    return hubkit.git_show(repo, f"{hubkit.BRANCH}:{relpath}")


def test_every_student_gets_the_hand_out_and_the_chinese_start_page(hub, repo, classroom):
    listed = sorted(hubkit.git(repo, "ls-tree", "-r", "--name-only", hubkit.BRANCH).split())
    assert "notebooks/zh/00_start_here.ipynb" in listed and "tests" not in {
        p.split("/")[0] for p in listed
    }
    title = json.loads(released(repo, START))["cells"][0]["source"][0].lstrip("# ").strip()
    for student in classroom:
        home = hub.home(student.name) / "bpcore"
        got = sorted(
            p.relative_to(home).as_posix()
            for p in home.rglob("*")
            # not .git, nor the .ipynb_checkpoints JupyterLab makes when a notebook opens
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(home).parts)
        )
        assert got == listed, f"{student.name}: pulled {got}"
        for relpath in listed:
            assert (home / relpath).read_bytes() == released(repo, relpath), relpath
        tip = hubkit.git(repo, "rev-parse", hubkit.BRANCH)
        assert hubkit.git(home, "rev-parse", "HEAD") == tip, f"{student.name}: another commit"
        page = student.page
        heading = student.panel.locator(".jp-MarkdownOutput h1").first
        heading.wait_for(state="visible")
        assert heading.inner_text().strip().rstrip("¶").strip() == title
        menu = page.locator(".lm-MenuBar-itemLabel").first.inner_text().strip()
        assert menu == "文件", f"{student.name}: JupyterLab's first menu reads {menu!r}"
        assert student.js_errors == [], student.js_errors


def test_a_later_pull_brings_the_release_and_keeps_the_students_edits(hub, repo, classroom):
    notes = {}
    for student in classroom:
        notes[student.name] = f"# 我的笔记 {student.name}"
        student.type_into_first_code_cell("\n" + notes[student.name])
        student.save(f"bpcore/{START}")
        saved = (hub.home(student.name) / "bpcore" / START).read_text(encoding="utf-8")
        assert notes[student.name] in saved

    def change(tree):
        nb_path = tree / CHANGED
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": [NEW_CELL]})
        nb_path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", "utf-8")
        readme = tree / "README.md"
        readme.write_text(readme.read_text(encoding="utf-8") + "\nRelease 2.\n", "utf-8")

    hubkit.release(repo, change)
    for student in classroom:
        (hub.home(student.name) / "bpcore" / DELETED).unlink()
    link = hubkit.pull_link(hub.base_url, f"file://{repo}", START)
    for student in classroom:  # all at once again
        student.start_goto(link)
    for student in classroom:
        student.wait_notebook(START)
    for student in classroom:
        home = hub.home(student.name) / "bpcore"
        assert NEW_CELL in (home / CHANGED).read_text(encoding="utf-8"), student.name
        assert (home / "README.md").read_bytes() == released(repo, "README.md")
        assert (home / DELETED).read_bytes() == released(repo, DELETED), "not restored"
        mine = (home / START).read_text(encoding="utf-8")
        assert notes[student.name] in mine, f"{student.name}'s edit was lost by the pull"
        others = [n for k, n in notes.items() if k != student.name]
        assert not any(n in mine for n in others), "students share a file"
        # And JupyterLab shows the edited start page, not the released one.
        editor = student.panel.locator(".jp-Notebook .jp-CodeCell .cm-content").first
        hubkit.wait_until(
            lambda ed=editor, n=notes[student.name]: n in ed.inner_text(),
            f"{student.name}'s note in the reopened start page",
        )


def status_pattern(keys=("status.ready", "status.running", *FINISHED)) -> str:
    """The zh status lines ``keys`` as one JavaScript-compatible regex (no named groups)."""
    alts = [hubkit.template_regex(MESSAGES[k]["zh"])[1:-1] for k in keys]
    return "^(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(", a) for a in alts) + ")$"


def finished(text: str) -> bool:
    return any(
        re.match(hubkit.template_regex(MESSAGES[k]["zh"], **fixed), text)
        for k, fixed in zip(FINISHED, ({"epochs": EPOCHS}, {}, {}))
    )


def calm(text: str) -> bool:
    """Ready or finished: nothing is training."""
    return finished(text) or bool(
        re.match(hubkit.template_regex(MESSAGES["status.ready"]["zh"]), text)
    )


def test_the_playground_answers_every_student_at_once(hub, classroom):
    kernels = {}
    for student in classroom:
        student.open_notebook(PLAYGROUND)
    for student in classroom:
        kernels[student.name] = student.wait_kernel_idle(PLAYGROUND)
        student.start_run_all()  # the lessons run at the same time
    for student in classroom:
        state = student.wait_run_done(kernels[student.name])
        assert state["errors"] == 0, f"{student.name}: {state['errors']} stderr outputs"
        errors = student.panel.locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
        )
        assert errors.count() == 0, errors.first.inner_text()[:500]
    handles = {s.name: hubkit.PlaygroundHandle(s) for s in classroom}
    for handle in handles.values():
        handle.tag(t("ui.eta", "zh"), status_pattern())
    # Each student's kernel is a process of its own, under that student's server.
    procs = {name: hub.kernel_process(name, kid) for name, kid in kernels.items()}
    assert len({p.pid for p in procs.values()}) == len(classroom)
    for name, proc in procs.items():
        server = hub.server_process(name)
        assert server.pid in {p.pid for p in proc.parents()}, f"{name}'s kernel is not theirs"
    before = {}
    for name, handle in handles.items():
        hubkit.wait_until(lambda h=handle: calm(h.status()), f"{name}: a calm playground")
        before[name] = (handle.shown(), handle.readout(), hubkit.cpu_seconds(procs[name].pid))
    for k, handle in enumerate(handles.values(), start=1):
        for _ in range(k):  # student k moves η k steps up: everyone a different η
            handle.slider.press("ArrowRight")  # focuses the handle, then the key
    after = {}
    for name, handle in handles.items():
        shown, eta, _cpu = before[name]

        def drawn(h=handle, s=shown, e=eta):
            # The run of the η the slider now reads: its legend says that η (the slider's
            # readout and the legend both format η with .3g), drawn to its last epoch.
            now, new_eta = h.shown(), h.readout()
            own = any(f"η = {new_eta}" in text for text in now["labels"])
            done = now["run"] not in ("", s["run"]) and now["epoch"] == EPOCHS
            return now if new_eta != e and own and done and finished(h.status()) else None

        hubkit.wait_until(drawn, f"{name}: a new run of their η drawn to epoch {EPOCHS}")
        after[name] = (handle.readout(), handle.status(), hubkit.cpu_seconds(procs[name].pid))
    etas = [float(a[0]) for a in after.values()]
    assert etas == sorted(etas) and len(set(etas)) == len(etas), f"η per student: {etas}"
    for name, (eta, status, cpu) in after.items():
        assert float(eta) > float(before[name][1]), f"{name}: η did not go up"
        # the student's own kernel trained the run (3000 epochs are more than nothing)
        assert cpu > before[name][2], f"{name}: their kernel did no work for {status!r}"
    statuses = [a[1] for a in after.values()]
    assert len(set(statuses)) == len(statuses), f"students see the same status: {statuses}"
    for student in classroom:
        assert student.js_errors == [], student.js_errors
