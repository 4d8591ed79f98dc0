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

Not yet here: the playground (lesson 10) for every student at once and the kernels' CPU per
slider move (the slider-move wait is not reliable yet).
No timing is asserted; ``benchmarks/bench_hub.py`` measures the kernels' CPU per slider move.
Marked ``browser`` and ``hub``: ``pytest -m hub`` runs this file alone.  Without
configurable-http-proxy, jupyterhub or nbgitpuller it skips with a hint (fails under CI=true).
"""

from __future__ import annotations

import json
import os

import hubkit  # tests/browser is on sys.path (pytest's rootdir-relative import)
import pytest

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
