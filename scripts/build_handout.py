"""The students' hand-out: the notebooks and nothing of the development repository.

    python scripts/build_handout.py tree DIR            # write the hand-out into DIR
    python scripts/build_handout.py zip FILE.zip        # the same as one archive (folder bpcore/)
    python scripts/build_handout.py branch [students]   # one new commit on that branch, here

The hand-out holds ``notebooks/`` (both languages, with their outputs, as committed), a
``requirements.txt`` that pins bpcore to the release tag of this checkout (``v`` + the
version in pyproject.toml, or ``--tag``), a bilingual README for students and the licence.
No tests, benchmarks, CI, course sources or scripts.

``branch`` adds one commit to the branch (creating it as an orphan the first time) whose
tree is exactly the hand-out; each release adds a commit on top of the last one, so
nbgitpuller, which merges what it pulls into the student's copy, keeps the students' own
edits across releases (``tests/browser/test_hub.py`` checks that with a real JupyterHub).
The commit is made with git plumbing on a temporary index: the working tree, the index and
the current branch of this checkout are not touched.  Push it with
``git push origin students`` (and ``git push origin students-vX.Y.Z`` for its tag).

Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BRANCH = "students"
#: Top-level folder of the archive, and the folder nbgitpuller clones into ("bpcore").
FOLDER = "bpcore"

#: The students' README; {tag} and {url} are filled in.
STUDENT_README = Path(__file__).with_name("handout_README.md")


def project(root: Path = ROOT) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def release_tag(root: Path = ROOT) -> str:
    """The git tag of this checkout's release: ``v`` + pyproject's version."""
    return "v" + project(root)["version"]


def repository_url(root: Path = ROOT) -> str:
    """The GitHub repository, from pyproject's ``[project.urls] Repository`` (one place)."""
    return project(root)["urls"]["Repository"]


def requirements(tag: str, root: Path = ROOT) -> str:
    """A requirements.txt installing bpcore (and so the course's dependencies) at ``tag``."""
    return (
        f"# The bpcore release these notebooks were built with ({tag}); pip installs its\n"
        "# dependencies (NumPy, SymPy, matplotlib, ipywidgets, JupyterLab) with it.\n"
        f"bpcore @ git+{repository_url(root)}@{tag}\n"
    )


def build_tree(dest: Path, *, tag: str | None = None, root: Path = ROOT) -> Path:
    """Write the hand-out into ``dest`` (which must not exist or be empty); return ``dest``."""
    tag = tag or release_tag(root)
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest} is not empty")
    notebooks = sorted((root / "notebooks").glob("*/[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise SystemExit(f"no notebooks under {root / 'notebooks'}: build them first")
    for nb in notebooks:
        target = dest / nb.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(nb, target)
    (dest / "requirements.txt").write_text(requirements(tag, root), encoding="utf-8")
    readme = STUDENT_README.read_text(encoding="utf-8").format(tag=tag, url=repository_url(root))
    (dest / "README.md").write_text(readme, encoding="utf-8")
    shutil.copyfile(root / "LICENSE", dest / "LICENSE")
    return dest


def files(tree: Path) -> list[Path]:
    """The hand-out's files, relative to ``tree``, sorted."""
    return sorted(p.relative_to(tree) for p in Path(tree).rglob("*") if p.is_file())


def write_zip(target: Path, *, tag: str | None = None, root: Path = ROOT) -> Path:
    """The hand-out as a zip archive whose single top folder is ``bpcore/``."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = build_tree(Path(tmp) / FOLDER, tag=tag, root=root)
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel in files(tree):
                # A fixed date: the same notebooks give the same archive.
                info = zipfile.ZipInfo(f"{FOLDER}/{rel.as_posix()}", (2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, (tree / rel).read_bytes())
    return target


def _git(repo: Path, *args: str, env: dict | None = None, stdin: str | None = None) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if result.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout.strip()


def commit_tree(tree: Path, repo: Path, branch: str, message: str) -> str:
    """One new commit on ``branch`` of ``repo`` whose content is exactly ``tree``.

    The parent is the branch's current tip (none the first time: an orphan branch), so a
    clone that follows the branch only ever fast-forwards.  Returns the commit's hash.
    """
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "GIT_INDEX_FILE": str(Path(tmp) / "index"),
            "GIT_WORK_TREE": str(Path(tree).resolve()),
        }
        # Who commits: the repository's own identity when set, a neutral one otherwise.
        for key, var in (("user.name", "GIT_AUTHOR_NAME"), ("user.email", "GIT_AUTHOR_EMAIL")):
            have = subprocess.run(
                ["git", "-C", str(repo), "config", key], capture_output=True, text=True
            ).stdout.strip()
            fallback = "bpcore hand-out" if key == "user.name" else "handout@bpcore.invalid"
            env.setdefault(var, have or fallback)
            env.setdefault(var.replace("AUTHOR", "COMMITTER"), have or fallback)
        _git(repo, "add", "--all", "--force", ".", env=env)
        tree_id = _git(repo, "write-tree", env=env)
        parent = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        args = ["commit-tree", tree_id, "-m", message] + (["-p", parent] if parent else [])
        commit = _git(repo, *args, env=env)
        update = ["update-ref", f"refs/heads/{branch}", commit] + ([parent] if parent else [])
        _git(repo, *update)
    return commit


def commit_handout(
    repo: Path = ROOT, branch: str = DEFAULT_BRANCH, *, tag: str | None = None, root: Path = ROOT
) -> str:
    """Build the hand-out of ``root`` and commit it onto ``branch`` of ``repo``; tag it."""
    tag = tag or release_tag(root)
    with tempfile.TemporaryDirectory() as tmp:
        tree = build_tree(Path(tmp) / FOLDER, tag=tag, root=root)
        commit = commit_tree(tree, repo, branch, f"Students' hand-out of bpcore {tag}")
    _git(repo, "tag", "--force", f"{branch}-{tag}", commit)
    return commit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tag", help="bpcore tag to pin (default: v + pyproject's version)")
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("tree", help="write the hand-out into a folder").add_argument("dir", type=Path)
    sub.add_parser("zip", help="write the hand-out as a zip").add_argument("file", type=Path)
    br = sub.add_parser("branch", help="commit the hand-out onto a branch of this repository")
    br.add_argument("name", nargs="?", default=DEFAULT_BRANCH)
    args = parser.parse_args(argv)
    if args.what == "tree":
        print(build_tree(args.dir, tag=args.tag))
    elif args.what == "zip":
        print(write_zip(args.file, tag=args.tag))
    else:
        commit = commit_handout(ROOT, args.name, tag=args.tag)
        tag = args.tag or release_tag()
        print(f"{args.name} -> {commit} (tag {args.name}-{tag}); push with:")
        print(f"  git push origin {args.name} {args.name}-{tag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
