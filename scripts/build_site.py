"""The static HTML edition of the course: every saved notebook as a web page, both languages.

    python scripts/build_site.py [--output-dir _output/site]

Each lesson page is the notebook as committed (outputs included; figures are PNG outputs,
which nbconvert embeds as data: URIs, so a page is one self-contained file), with a bar on top
that opens the same lesson on Binder (pinned to the release tag) or through nbgitpuller on a
JupyterHub (the ``students`` branch). ``index.html`` lists the lessons in both languages.
The repository slug comes from pyproject.toml's [project.urls] Repository (the one place).
Nothing is executed. Needs the site extra (nbconvert, nbformat):
``python -m pip install -e ".[site]"``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import tomllib
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("zh", "en")
HUB = "https://hub.example.edu"  # the teacher's hub; replace in the built pages or here


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def launch_links(lang: str, name: str) -> dict[str, str]:
    """Binder and nbgitpuller links that open notebooks/LANG/NAME.ipynb."""
    project = _project()
    slug = project["urls"]["Repository"].removeprefix("https://github.com/")
    tag = "v" + project["version"]
    path = f"notebooks/{lang}/{name}.ipynb"
    repo = quote(f"https://github.com/{slug}", safe="")
    return {
        "binder": f"https://mybinder.org/v2/gh/{slug}/{tag}?labpath={path}",
        "hub": (
            f"{HUB}/hub/user-redirect/git-pull?repo={repo}&branch=students"
            f"&urlpath={quote('lab/tree/bpcore/' + path, safe='')}"
        ),
    }


def _title(nb: dict) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            m = re.search(r"^#\s+(.+)$", "".join(cell["source"]), re.M)
            if m:
                return m[1].strip()
    return "bpcore"


BAR = {
    "zh": "在Binder上运行 · 在JupyterHub上运行 · 课程目录",
    "en": "Run on Binder · Run on JupyterHub · Contents",
}


def build(out: Path) -> list[Path]:
    """Write the site into OUT; return the lesson pages written."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    pages = []
    rows = {lang: [] for lang in LANGS}
    for lang in LANGS:
        (out / lang).mkdir(parents=True, exist_ok=True)
        for src in sorted((ROOT / "notebooks" / lang).glob("*.ipynb")):
            nb = nbformat.read(src, as_version=4)
            body, _ = exporter.from_notebook_node(nb)
            links = launch_links(lang, src.stem)
            binder, hub, contents = BAR[lang].split(" · ")
            bar = (
                '<nav class="bpcore-launch" style="padding:.5em 1em;border-bottom:1px solid #ccc">'
                f'<a href="{html.escape(links["binder"])}">{binder}</a> · '
                f'<a href="{html.escape(links["hub"])}">{hub}</a> · '
                f'<a href="../index.html">{contents}</a></nav>'
            )
            m = re.search(r"<body[^>]*>", body)
            body = body[: m.end()] + bar + body[m.end() :]
            page = out / lang / f"{src.stem}.html"
            page.write_text(body, encoding="utf-8")
            pages.append(page)
            rows[lang].append((src.stem, _title(nb)))
    items = []
    for lang, heading in (("zh", "中文课程"), ("en", "English course")):
        lis = "".join(
            f'<li><a href="{lang}/{stem}.html">{html.escape(title)}</a></li>'
            for stem, title in rows[lang]
        )
        items.append(f"<h2>{heading}</h2><ol start=0>{lis}</ol>")
    (out / "index.html").write_text(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>bpcore</title></head><body><h1>bpcore</h1>" + "".join(items) + "</body></html>",
        encoding="utf-8",
    )
    (out / "pages.json").write_text(json.dumps([p.relative_to(out).as_posix() for p in pages]))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=ROOT / "_output" / "site")
    args = parser.parse_args()
    pages = build(args.output_dir)
    print(f"{len(pages)} pages and index.html in {args.output_dir}")


if __name__ == "__main__":
    main()
