"""scripts/build_handout.py: the students' hand-out holds the notebooks and nothing else.

Checked against the repository itself: the same notebooks byte for byte, a requirements
line that pip reads as bpcore at this release's tag of pyproject's Repository, and a branch
whose commits follow each other (what nbgitpuller needs to merge a new release into a
student's copy; tests/browser/test_hub.py pulls such a branch through a real JupyterHub).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location(
        "build_handout", REPO / "scripts" / "build_handout.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


handout = _load()
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NOTEBOOKS = sorted(p.relative_to(REPO) for p in (REPO / "notebooks").glob("*/[0-9][0-9]_*.ipynb"))

pytestmark = pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks built yet")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return handout.build_tree(tmp_path_factory.mktemp("handout") / "bpcore")


def test_the_handout_is_the_notebooks_a_readme_requirements_and_the_licence(tree):
    expected = {*NOTEBOOKS, Path("README.md"), Path("requirements.txt"), Path("LICENSE")}
    assert set(handout.files(tree)) == expected
    for rel in NOTEBOOKS:
        assert (tree / rel).read_bytes() == (REPO / rel).read_bytes(), rel
    # Both languages, lesson for lesson.
    names = {lang: {p.name for p in NOTEBOOKS if p.parts[1] == lang} for lang in ("zh", "en")}
    assert names["zh"] == names["en"] and "00_start_here.ipynb" in names["zh"]


def test_requirements_pin_bpcore_to_this_release_tag_of_the_repository(tree):
    lines = [
        line
        for line in (tree / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == 1, lines
    req = Requirement(lines[0])
    assert req.name == "bpcore"
    assert req.url == f"git+{PROJECT['urls']['Repository']}@v{PROJECT['version']}"


def test_the_student_readme_names_both_start_pages_and_the_tag(tree):
    text = (tree / "README.md").read_text(encoding="utf-8")
    for lang in ("zh", "en"):
        assert f"notebooks/{lang}/00_start_here.ipynb" in text
        assert (tree / "notebooks" / lang / "00_start_here.ipynb").is_file()
    assert f"v{PROJECT['version']}" in text
    assert r".venv\Scripts\python -m pip install -r requirements.txt" in text


def test_a_tag_given_by_hand_is_the_one_pinned(tmp_path):
    tree = handout.build_tree(tmp_path / "h", tag="v9.9.9")
    assert "@v9.9.9\n" in (tree / "requirements.txt").read_text(encoding="utf-8")


def test_build_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit, match="not empty"):
        handout.build_tree(tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_the_zip_has_one_bpcore_folder_and_is_the_same_every_time(tmp_path, tree):
    first = handout.write_zip(tmp_path / "a.zip")
    second = handout.write_zip(tmp_path / "b.zip")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        names = zf.namelist()
        assert {n.split("/", 1)[0] for n in names} == {"bpcore"}
        assert sorted(Path(n).relative_to("bpcore") for n in names) == handout.files(tree)
        nb = NOTEBOOKS[0]
        assert zf.read(f"bpcore/{nb.as_posix()}") == (REPO / nb).read_bytes()


def test_branch_commits_follow_each_other_and_leave_the_checkout_alone(tmp_path, tree):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Teacher")
    git(repo, "config", "user.email", "teacher@example.invalid")
    (repo / "dev.txt").write_text("development file\n")
    git(repo, "add", "dev.txt")
    git(repo, "commit", "-q", "-m", "development")
    (repo / "dev.txt").write_text("uncommitted edit\n")
    status_before, head_before = git(repo, "status", "--porcelain"), git(repo, "rev-parse", "HEAD")

    first = handout.commit_handout(repo, "students", tag="v0.0.1")
    second = handout.commit_handout(repo, "students", tag="v0.0.2")

    # The checkout: same branch, same commit, same uncommitted edit, nothing staged.
    assert git(repo, "rev-parse", "HEAD") == head_before
    assert git(repo, "symbolic-ref", "--short", "HEAD") == "main"
    assert git(repo, "status", "--porcelain") == status_before
    # The branch: an orphan first commit, then one on top of it, tagged per release.
    assert git(repo, "rev-list", "students").split() == [second, first]
    assert git(repo, "rev-parse", "students-v0.0.1") == first
    assert git(repo, "rev-parse", "students-v0.0.2") == second
    listed = sorted(Path(p) for p in git(repo, "ls-tree", "-r", "--name-only", second).split())
    assert listed == handout.files(tree)
    assert "dev.txt" not in listed
    assert git(repo, "diff", "--name-only", first, second).split() == [
        "README.md",
        "requirements.txt",
    ]
    # What nbgitpuller does: clone the branch; the clone has the notebooks as committed.
    clone = tmp_path / "clone"
    git(
        tmp_path,
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "students",
        f"file://{repo}",
        str(clone),
    )
    assert (clone / NOTEBOOKS[0]).read_bytes() == (REPO / NOTEBOOKS[0]).read_bytes()


def test_command_line_writes_a_tree(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_handout.py"), "tree", str(tmp_path / "t")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t" / "requirements.txt").is_file()
