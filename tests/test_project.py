"""The project's own promises: README commands, links, dependency lists, Binder, CI, imports."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
README_ZH = REPO / "README.zh-CN.md"


def _load_ci_readme():
    spec = importlib.util.spec_from_file_location("ci_readme", REPO / "scripts" / "ci_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ci_readme = _load_ci_readme()


def _tool(name: str) -> str | None:
    """A command-line tool, preferably the one installed beside this Python."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


# conda-forge names that differ from PyPI's (PyPI name on the right).
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
# Modules `import bpcore` must not load (brief: NumPy only, the rest lazily).
HEAVY_MODULES = ("sympy", "matplotlib", "ipywidgets")


# -- README: the two commands ---------------------------------------------------------------


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_readme_has_exactly_the_two_setup_commands(readme):
    found = ci_readme.commands(readme.read_text(encoding="utf-8"))
    assert sorted(found) == ["course", "test"], found
    for name, bodies in found.items():
        assert len(bodies) == 1, f"{name} appears {len(bodies)} times"
        assert "\n" not in bodies[0], f"{name} must be one line"


def test_both_readmes_carry_the_same_commands():
    en = ci_readme.commands(README.read_text(encoding="utf-8"))
    zh = ci_readme.commands(README_ZH.read_text(encoding="utf-8"))
    assert en == zh


def test_course_command_installs_and_opens_jupyterlab_on_localhost_with_a_token():
    cmd = ci_readme.command("course")
    assert cmd.startswith("python3 -m venv .venv && ")
    assert ".venv/bin/python -m pip install -e . " in cmd
    # JupyterLab through bpcore's launcher (it allows root only for root: see below)
    assert re.search(r"\.venv/bin/python -m bpcore\.lab .*--ip=127\.0\.0\.1", cmd)
    assert cmd.rstrip().endswith("notebooks/")
    # The token stays on: nothing may switch authentication off.
    assert not re.search(r"token\s*=\s*(''|\"\"|\s|$)|--no-token|disable_check_xsrf", cmd)


def test_test_command_installs_the_test_extra_and_runs_pytest():
    cmd = ci_readme.command("test")
    assert cmd.startswith("python3 -m venv .venv && ")
    assert '.venv/bin/python -m pip install -e ".[test]"' in cmd
    assert cmd.endswith(".venv/bin/python -m pytest")


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_windows_section_has_the_same_two_commands_in_windows_form(readme):
    blocks = re.findall(r"^```bat\n(.*?)\n```$", readme.read_text(encoding="utf-8"), re.M | re.S)

    def windows(cmd: str) -> str:
        return cmd.replace("python3 -m venv", "py -m venv").replace(
            ".venv/bin/", ".venv\\Scripts\\"
        )

    assert blocks == [windows(ci_readme.command("course")), windows(ci_readme.command("test"))]


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_readme_says_what_to_do_as_root_and_how_to_reset_a_notebook(readme):
    text = readme.read_text(encoding="utf-8")
    # Jupyter refuses to run as root without --allow-root: the launcher adds it for root only,
    # so the course command itself never carries it; README says so.
    assert "--allow-root" in text and "--allow-root" not in ci_readme.command("course")
    assert "bpcore.lab" in text
    assert "git checkout -- notebooks/" in text  # a local copy
    assert "build_handout.py tree" in text and "origin/students:notebooks/" in text  # teachers


def test_the_launcher_allows_root_for_root_only_and_says_why():
    from bpcore import i18n
    from bpcore.lab import lab_arguments

    argv = ["--ip=127.0.0.1", "notebooks/"]
    for euid in (1000, 501, None):  # an ordinary user (Linux, macOS), Windows (no euid)
        assert lab_arguments(argv, euid) == (argv, None)
    args, note = lab_arguments(argv, 0)
    assert args == ["--allow-root", *argv]
    # the note: both languages, each naming the option it added
    assert note.splitlines() == [i18n.t("lab.root", "zh"), i18n.t("lab.root", "en")]
    assert all("--allow-root" in line for line in note.splitlines())
    # a root user who allowed root already gets nothing added and no note
    for given in ("--allow-root", "--ServerApp.allow_root=True"):
        assert lab_arguments([given, *argv], 0) == ([given, *argv], None)


@pytest.mark.parametrize("euid", [0, 1000])
def test_the_launcher_hands_the_arguments_to_jupyterlab(euid, capsys):
    from bpcore.lab import main

    got = []
    assert main(["--ip=127.0.0.1", "notebooks/"], euid=euid, launch=got.append) == 0
    err = capsys.readouterr().err
    assert got == [["--allow-root"] * (euid == 0) + ["--ip=127.0.0.1", "notebooks/"]]
    assert ("--allow-root" in err) == (euid == 0)


def test_the_launcher_runs_jupyterlab_itself():
    # The real route (this process's user, root or not): JupyterLab answers --version.
    import jupyterlab

    out = subprocess.run(
        [sys.executable, "-m", "bpcore.lab", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == jupyterlab.__version__
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    assert ("--allow-root" in out.stderr) == as_root, out.stderr


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_readme_students_per_core_is_the_measured_figure(readme):
    # README rounds benchmarks/bench_hub.py's figures (RESULTS.md's marked hub section):
    # the headline within 10 % of the measured "counting everything" students per core.
    results = (REPO / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    section = results.split("<!-- bench_hub:start -->", 1)[1].split("<!-- bench_hub:end -->")[0]
    measured = [int(n) for n in re.findall(r"\*\*(\d+)(?: students)?\*\*", section)]
    assert len(measured) == 2, measured  # kernels alone, then everything
    text = readme.read_text(encoding="utf-8")
    shown = re.search(r"\*\*(\d+)\s*(?:students|名学生)\*\*", text)
    assert shown, "README's teacher section states the students one core serves"
    assert abs(int(shown[1]) - measured[1]) <= 0.1 * measured[1], (shown[1], measured)
    assert "benchmarks/RESULTS.md" in text and "bench_hub.py" in text


def test_command_extraction_rejects_a_missing_or_doubled_block():
    block = "<!-- command:test -->\n```bash\necho hi\n```\n"
    assert ci_readme.command("test", block) == "echo hi"
    with pytest.raises(ValueError, match="exactly one"):
        ci_readme.command("test", block * 2)
    with pytest.raises(ValueError, match="exactly one"):
        ci_readme.command("course", block)
    with pytest.raises(ValueError, match="single line"):
        ci_readme.command("test", "<!-- command:test -->\n```bash\na\nb\n```\n")


def test_ci_run_runs_exactly_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text()
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    out = subprocess.run(
        ["bash", str(REPO / ".ci" / "run")],
        env={**os.environ, "BPCORE_CI_DRY_RUN": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert out.strip() == ci_readme.command("test")
    # And it is executed with bash, its status (pytest's 5 included) becoming .ci/run's.
    assert 'bash -c "$test_command"' in script
    assert 'exit "$status"' in script


def test_github_workflow_runs_the_readme_command_on_311_and_312_and_the_conda_route():
    wf = (REPO / ".github" / "workflows" / "ci.yml").read_text()
    assert "scripts/ci_readme.py command test" in wf
    assert re.search(r'python:\s*\["3\.11",\s*"3\.12"\]', wf)
    assert "apt-get install -y -q chromium fonts-noto-cjk" in wf
    assert "mamba-org/setup-micromamba" in wf and "environment-file: environment.yml" in wf


def test_every_workflow_job_has_a_timeout_and_windows_and_macos_run_the_unit_tests():
    wf = (REPO / ".github" / "workflows" / "ci.yml").read_text()
    body = wf.split("\njobs:\n", 1)[1]
    jobs = re.findall(r"^  ([\w-]+):\n(.*?)(?=^  [\w-]+:\n|\Z)", body, re.M | re.S)
    assert len(jobs) >= 3
    untimed = [
        name for name, text in jobs if not re.search(r"^    timeout-minutes: \d+$", text, re.M)
    ]
    assert untimed == [], f"jobs without timeout-minutes: {untimed}"
    assert re.search(r"os: \[windows-latest, macos-latest\]", wf)
    assert '-m "not browser and not slow"' in dict(jobs)["unit-windows-macos"]


# -- README: links and lessons ----------------------------------------------------------------


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_every_relative_link_in_the_readme_resolves(readme):
    targets = ci_readme.relative_links(readme.read_text(encoding="utf-8"))
    assert targets, "no relative links found: the link parser is broken"
    missing = [t for t in targets if not (readme.parent / t).exists()]
    assert missing == [], f"{readme.name} links to missing files: {missing}"


def test_the_readmes_link_each_other():
    assert "README.zh-CN.md" in ci_readme.relative_links(README.read_text(encoding="utf-8"))
    assert "README.md" in ci_readme.relative_links(README_ZH.read_text(encoding="utf-8"))


def test_link_parser_sees_markdown_html_and_images_but_not_code():
    text = (
        "[a](docs/x.md) ![i](img/p.png \"t\") <a href='y.txt'>y</a> [w](https://e.org/z)\n"
        "[anchor](#top) [q](n/b.ipynb?x=1#h)\n```bash\n[c](in/code.md)\n```\n"
    )
    assert ci_readme.relative_links(text) == ["docs/x.md", "img/p.png", "n/b.ipynb", "y.txt"]


def _course_notebooks() -> list[Path]:
    return sorted((REPO / "notebooks").glob("*/*.ipynb"))


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_every_notebook_is_listed_in_the_readme_lesson_table(readme):
    listed = set(ci_readme.relative_links(readme.read_text(encoding="utf-8")))
    unlisted = [
        p.relative_to(REPO).as_posix()
        for p in _course_notebooks()
        if p.relative_to(REPO).as_posix() not in listed
    ]
    assert unlisted == [], (
        f"{readme.name} does not list {unlisted}: run `python3 scripts/ci_readme.py lessons`"
    )


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_binder_and_nbgitpuller_links_open_existing_start_pages(readme):
    text = readme.read_text(encoding="utf-8")
    labpaths = re.findall(r"labpath=([^)\s&]+)", text)
    urlpaths = re.findall(r"urlpath=lab%2Ftree%2Fbpcore%2F([^&\s]+)", text)
    assert {"notebooks/zh/00_start_here.ipynb", "notebooks/en/00_start_here.ipynb"} <= set(labpaths)
    targets = set(labpaths) | {p.replace("%2F", "/") for p in urlpaths}
    if not _course_notebooks():
        pytest.skip("no notebooks yet: the start pages cannot be checked")
    missing = sorted(t for t in targets if not (REPO / t).is_file())
    assert missing == [], f"Binder/nbgitpuller links open missing notebooks: {missing}"


def _slug() -> str:
    """OWNER/NAME of the GitHub repository, from pyproject's [project.urls] (one place)."""
    url = _pyproject()["project"]["urls"]["Repository"]
    m = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+)", url)
    assert m, f"Repository URL is not a GitHub one: {url}"
    return m[1]


@pytest.mark.parametrize("readme", [README, README_ZH], ids=["en", "zh"])
def test_readme_links_name_the_repository_of_pyproject(readme):
    text = readme.read_text(encoding="utf-8")
    slugs = re.findall(r"(?:/v2/gh/|github\.com(?:/|%2F))([\w.-]+(?:/|%2F)[\w.-]+)", text)
    slugs = {s.replace("%2F", "/") for s in slugs} - {"jupyterhub/nbgitpuller"}
    assert slugs == {_slug()}


def test_notebook_binder_links_name_the_repository_of_pyproject():
    slugs = {}
    for nb in _course_notebooks():
        for slug in re.findall(r"mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/", nb.read_text("utf-8")):
            slugs.setdefault(slug, []).append(nb.relative_to(REPO).as_posix())
    wrong = {s: f"{len(f)} notebooks, e.g. {f[0]}" for s, f in slugs.items() if s != _slug()}
    assert wrong == {}, f"pyproject.toml's Repository is {_slug()}; these differ: {wrong}"


def test_lesson_table_is_built_from_titles_and_pairs_languages(tmp_path):
    import json

    for lang, title in (("zh", "从这里开始"), ("en", "Start | here")):
        folder = tmp_path / "notebooks" / lang
        folder.mkdir(parents=True)
        nb = {"cells": [{"cell_type": "markdown", "source": ["intro\n", f"# {title}\n"]}]}
        (folder / "00_start_here.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (tmp_path / "notebooks" / "en" / "01_only_en.ipynb").write_text(
        json.dumps({"cells": []}), encoding="utf-8"
    )
    table = ci_readme.lesson_table("en", tmp_path)
    assert (
        "| 00 | [Start \\| here](notebooks/en/00_start_here.ipynb) | "
        "[从这里开始](notebooks/zh/00_start_here.ipynb) |" in table
    )
    assert "| 01 | [01_only_en](notebooks/en/01_only_en.ipynb) | — |" in table
    assert ci_readme.lesson_table("zh", tmp_path).splitlines()[0] == "| # | 中文 | English |"


# -- dependencies: pyproject.toml <-> environment.yml -----------------------------------------


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(lines) -> dict[str, str]:
    reqs = {}
    for line in lines:
        r = Requirement(line)
        reqs[canonicalize_name(r.name)] = str(r.specifier)
    return reqs


def _environment(path: str = "environment.yml") -> tuple[dict[str, str], list[str]]:
    """A conda environment file's dependencies as {pypi-name: specifier}, and its raw lines."""
    lines = (REPO / path).read_text(encoding="utf-8").splitlines()
    deps, raw, inside = {}, [], False
    for line in lines:
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped:
            continue
        if not line.startswith(" ") and not line.startswith("-"):
            inside = stripped == "dependencies:"
            continue
        if inside:
            item = stripped.strip()
            assert item.startswith("- "), f"unexpected line in dependencies: {line!r}"
            item = item[2:].strip()
            raw.append(item)
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(.*)", item)
            name, spec = m[1], m[2].replace(" ", "")
            name = CONDA_TO_PYPI.get(name, name)
            deps[canonicalize_name(name)] = spec
    return deps, raw


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = _pyproject()["project"]
    runtime = _requirements(project["dependencies"])
    env, _ = _environment()
    python_spec = env.pop("python")
    assert env.pop("pip") == ""
    # Exactly the runtime dependencies with the same bounds: no test tool reaches students.
    assert env == runtime, (
        f"only in environment.yml: {sorted(set(env) - set(runtime))}; "
        f"only in pyproject.toml: {sorted(set(runtime) - set(env))}; "
        f"different bounds: {[k for k in env.keys() & runtime.keys() if env[k] != runtime[k]]}"
    )
    assert python_spec.startswith("=")


def test_binder_environment_pins_every_dependency_exactly_inside_pyprojects_bounds():
    from packaging.specifiers import SpecifierSet

    runtime = _requirements(_pyproject()["project"]["dependencies"])
    pinned, _ = _environment("binder/environment.yml")
    assert pinned.pop("python") == _environment()[0]["python"]
    assert pinned.pop("pip") == ""
    assert set(pinned) == set(runtime), "binder/environment.yml must name what pyproject names"
    loose = {k: v for k, v in pinned.items() if not re.fullmatch(r"=\d[\w.]*", v)}
    assert loose == {}, f"pin these exactly (name=X.Y.Z) in binder/environment.yml: {loose}"
    outside = {
        k: (v, runtime[k]) for k, v in pinned.items() if v[1:] not in SpecifierSet(runtime[k])
    }
    assert outside == {}, f"binder pins outside pyproject's bounds: {outside}"


def test_binder_pins_are_releases_no_newer_than_the_tested_environment():
    # conda-forge cannot be reached from the machines that build and test this project, so no
    # test can ask it whether a pin exists (scripts/check_binder_pins.py asked PyPI when the
    # pins were renewed; binder/environment.yml's header records the result).  What can be
    # checked offline: each pin is a plain release number, and no pin is ahead of what pip
    # installed here from pyproject's bounds (it installs the newest release): a pin newer
    # than every installable release, such as a typo numpy=24.6, fails.  In the workflow's
    # conda job (environment.yml from conda-forge) the same check reads conda-forge's newest
    # builds: a pin conda-forge does not have yet fails there, as Binder's build would.
    # Renew the pins from the tested environment (`pip list` in the test venv).
    import importlib.metadata

    from packaging.version import Version

    pinned, _ = _environment("binder/environment.yml")
    pinned.pop("python"), pinned.pop("pip")
    ahead = {}
    for name, spec in pinned.items():
        pin = Version(spec.lstrip("="))
        assert not (pin.is_prerelease or pin.is_devrelease or pin.local), f"{name}={pin}"
        installed = Version(importlib.metadata.version(name))
        if pin > installed:
            ahead[name] = (str(pin), str(installed))
    assert ahead == {}, f"binder pins newer than the tested environment (pin, installed): {ahead}"


def test_test_tools_are_not_runtime_and_the_lite_kernel_has_its_own_extra():
    extras = _pyproject()["project"]["optional-dependencies"]
    test, lite = _requirements(extras["test"]), _requirements(extras["lite"])
    runtime = _requirements(_pyproject()["project"]["dependencies"])
    assert {"pytest", "nbval", "pytest-xdist", "ruff", "playwright"} <= set(test)
    assert not set(test) & set(runtime)
    # The Pyodide kernel registers itself with any JupyterLab in the same environment: the
    # test extra (installed beside the teaching lab) must not bring it.
    assert {"jupyterlite-core", "jupyterlite-pyodide-kernel"} <= set(lite)
    assert not {n for n in test if n.startswith("jupyterlite")}


def _third_party_imports(path: Path) -> set[str]:
    """Top-level modules ``path`` imports that are neither the standard library nor bpcore."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "bpcore"}


def test_the_site_builder_declares_what_it_imports_in_the_site_extra():
    import importlib.metadata

    extras = _pyproject()["project"]["optional-dependencies"]
    site, test = _requirements(extras["site"]), _requirements(extras["test"])
    runtime = _requirements(_pyproject()["project"]["dependencies"])
    imported = _third_party_imports(REPO / "scripts" / "build_site.py")
    assert {"nbconvert", "nbformat"} <= imported, imported  # the parser sees the lazy imports
    dists = importlib.metadata.packages_distributions()
    needed = {canonicalize_name(dists.get(m, [m])[0]) for m in imported}
    # Declared, not borrowed from JupyterLab's own dependencies; not a student's runtime need.
    assert needed <= set(site), f"scripts/build_site.py imports undeclared {needed - set(site)}"
    assert not set(site) & set(runtime)
    env, _ = _environment()
    assert not set(site) & set(env), "the site builder is not a student's need"
    # tests/test_site.py runs the builder: the test extra carries the same bounds.
    assert {k: test.get(k) for k in site} == site


def test_environment_pins_a_python_that_pyproject_accepts():
    env, _ = _environment()
    pinned = env["python"].lstrip("=")
    assert re.fullmatch(r"3\.\d+", pinned), "pin python to a minor version, e.g. python=3.12"
    from packaging.specifiers import SpecifierSet

    assert pinned in SpecifierSet(_pyproject()["project"]["requires-python"])


def test_environment_yml_does_not_install_the_repository_itself():
    for name in ("environment.yml", "binder/environment.yml"):
        text = (REPO / name).read_text(encoding="utf-8")
        body = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        # A local path here stops repo2docker from building the environment before the copy.
        assert not re.search(r"-e\s|\s\.\s*$|file:|-r\s", body, re.MULTILINE), name


def test_postbuild_installs_bpcore_without_dependencies():
    post = REPO / "binder" / "postBuild"
    assert os.access(post, os.X_OK), "postBuild must be executable"
    text = post.read_text()
    assert text.startswith("#!/bin/bash")
    assert "set -euo pipefail" in text
    assert re.search(r"^python -m pip install --no-deps (--no-cache-dir )?\.$", text, re.M)


@pytest.mark.slow
def test_repo2docker_builds_the_environment_before_copying_the_repository(tmp_path, missing_tool):
    exe = _tool("jupyter-repo2docker")
    if exe is None:
        missing_tool("jupyter-repo2docker not installed: python -m pip install -e '.[test]'")
    # A copy of just the files repo2docker reads, so the check does not depend on the rest.
    (tmp_path / "binder").mkdir()
    for name in ("binder/environment.yml", "binder/postBuild", "environment.yml", "pyproject.toml"):
        shutil.copy2(REPO / name, tmp_path / name)
    result = subprocess.run(
        [exe, "--no-build", "--debug", "--no-run", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    dockerfile = result.stdout
    pinned = _environment("binder/environment.yml")[0]["python"].lstrip("=")
    assert f"Building conda environment for python={pinned}" in result.stderr
    # The base environment's lock file is named after the Python version; repo2docker
    # escapes the path ("." -> "-2e"), so decode it before looking.
    lock = re.search(r"build_script_files/(\S+) /tmp/env/environment\.lock", dockerfile)
    assert lock, "no base environment lock file in the Dockerfile"
    decoded = re.sub(r"-([0-9a-f]{2})", lambda m: chr(int(m[1], 16)), lock[1])
    assert f"environment.py-{pinned}-linux-64.lock" in decoded, decoded
    env_copy = dockerfile.index("src/binder/environment.yml ${REPO_DIR}/binder/environment.yml")
    env_install = dockerfile.index(
        'env update -p ${NB_PYTHON_PREFIX} --file "binder/environment.yml"'
    )
    repo_copy = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    post_build = dockerfile.index("RUN ./binder/postBuild")
    assert env_copy < env_install < repo_copy < post_build


# -- pytest and nbval configuration -----------------------------------------------------------


def test_pytest_runs_unit_tests_and_every_notebook_strictly():
    ini = _pyproject()["tool"]["pytest"]["ini_options"]
    assert ini["testpaths"] == ["tests", "notebooks"]
    opts = ini["addopts"].split()
    assert "--nbval" in opts and "--nbval-lax" not in opts
    assert "--nbval-sanitize-with=nbval_sanitize.cfg" in opts
    # xdist must keep a notebook's cells (one kernel) together.
    assert "--dist" in opts and opts[opts.index("--dist") + 1] == "loadfile"
    assert {"browser", "slow"} <= {m.split(":")[0] for m in ini["markers"]}


def _sanitize(text: str) -> str:
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(REPO / "nbval_sanitize.cfg", encoding="utf-8")
    for section in cfg.sections():
        text = re.sub(cfg[section]["regex"], cfg[section]["replace"], text)
    return text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<Figure at 0x7f3a2c1d9e50>", "<Figure at 0xADDRESS>"),
        ("saved to /tmp/pytest-of-root/pytest-3/x0/plot.png.", "saved to TEMPPATH."),
        ("cache /private/var/folders/ab/T/tmpq1w2e3r4 ok", "cache TEMPPATH ok"),
        ("Wall time: 1.23 s", "Wall time: ELAPSED"),
        ("a step takes 12.5 µs, 300 epochs 0.8 ms", "a step takes ELAPSED, 300 epochs ELAPSED"),
        ("训练用时 0.52 秒", "训练用时 ELAPSED"),
    ],
)
def test_sanitizer_hides_what_differs_between_runs(raw, clean):
    assert _sanitize(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "outputs (0.7514, 0.7729), loss 0.2984",
        "w1: 0.8 → 0.766; E = 0.234 after 1 update",
        "196 batches per epoch, 1,960 iterations in 10 epochs, 50000 samples",
        "w5 = 0.35891648, eta = 0.5, shape (3, 2), 4 samples",
        "v[0, 1] = 0x1 is not an address; 10 steps; 3 sigmoid units",
    ],
)
def test_sanitizer_leaves_the_lessons_numbers_alone(text):
    assert _sanitize(text) == text


# -- the package --------------------------------------------------------------------------------


def test_import_bpcore_loads_numpy_but_not_sympy_matplotlib_or_ipywidgets():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import bpcore"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "bpcore" in imported, "importtime output not understood"
    assert sorted(set(HEAVY_MODULES) & imported) == []


def _readme_cli_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.DOTALL)
    lines = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("python -m bpcore ")]


def test_readme_shows_the_command_line_interface():
    assert any(" ledger" in line for line in _readme_cli_lines())
    assert any(" trace " in line for line in _readme_cli_lines())


@pytest.mark.parametrize("line", _readme_cli_lines())
def test_readme_command_line_examples_run(line):
    args = line.split()[1:]  # "python" -> this interpreter
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip(), f"{line} printed nothing"


def test_code_is_ruff_clean(missing_tool):
    ruff = _tool("ruff")
    if ruff is None:
        missing_tool("ruff not installed: python -m pip install -e '.[test]'")
    targets = [
        p
        for p in ("bpcore", "tests", "scripts", "benchmarks", "conftest.py")
        if (REPO / p).exists()
    ]
    result = subprocess.run(
        [ruff, "check", "--no-cache", *targets],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-1000:]


def test_gitignore_keeps_artefacts_and_environments_out():
    ignored = (REPO / ".gitignore").read_text().split()
    for entry in (".venv/", "_output/", "__pycache__/", ".ipynb_checkpoints/"):
        assert entry in ignored


def test_licence_metadata_is_an_spdx_expression_with_its_files():
    project = _pyproject()["project"]
    assert project["license"] == "MIT AND OFL-1.1 AND CC-BY-4.0"  # PEP 639: code, font, digits data
    for name in project["license-files"]:
        assert (REPO / name).is_file(), name
