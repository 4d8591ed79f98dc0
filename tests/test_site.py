"""scripts/build_site.py: the static HTML edition, built into a temporary directory."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("build_site", REPO / "scripts" / "build_site.py")
build_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_site)


@pytest.mark.slow
def test_site_has_every_lesson_with_its_figures_and_launch_links(tmp_path):
    pages = build_site.build(tmp_path)
    notebooks = sorted((REPO / "notebooks").glob("*/*.ipynb"))
    assert notebooks, "no notebooks to build"
    expected = {f"{nb.parent.name}/{nb.stem}.html" for nb in notebooks}
    assert {p.relative_to(tmp_path).as_posix() for p in pages} == expected
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'href="([^"]+\.html)"', index)) == expected
    slug = build_site._project()["urls"]["Repository"].removeprefix("https://github.com/")
    for nb in notebooks:
        page = (tmp_path / nb.parent.name / f"{nb.stem}.html").read_text(encoding="utf-8")
        # Every PNG the saved notebook shows is embedded in the page (no external files).
        pngs = sum(
            "image/png" in out.get("data", {})
            for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]
            for out in cell.get("outputs", [])
        )
        assert page.count('src="data:image/png;base64,') >= pngs, nb.name
        assert not re.search(r'<img[^>]+src="(?!data:)', page), nb.name
        path = f"notebooks/{nb.parent.name}/{nb.name}"
        assert f"mybinder.org/v2/gh/{slug}/v" in page and f"labpath={path}" in page, nb.name
        assert "branch=students" in page and 'href="../index.html"' in page, nb.name


def test_launch_links_open_the_lesson_on_binder_and_the_hub():
    links = build_site.launch_links("zh", "09_xor")
    version = build_site._project()["version"]
    assert links["binder"].endswith(f"/v{version}?labpath=notebooks/zh/09_xor.ipynb")
    assert "urlpath=lab%2Ftree%2Fbpcore%2Fnotebooks%2Fzh%2F09_xor.ipynb" in links["hub"]
