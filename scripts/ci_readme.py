"""README helpers shared by .ci/run, the tests and the maintainers.

    python3 scripts/ci_readme.py command test     # print the README's test command
    python3 scripts/ci_readme.py command course   # print the README's course command
    python3 scripts/ci_readme.py lessons          # rewrite the lesson tables of both READMEs
    python3 scripts/ci_readme.py lessons --check  # exit 1 if a table is out of date

A set-up command is the single line of the fenced block that follows an HTML comment
``<!-- command:NAME -->``. The lesson tables sit between ``<!-- lessons:begin -->`` and
``<!-- lessons:end -->`` and are generated from notebooks/<lang>/NN_slug.ipynb, the title
being each notebook's first Markdown heading. Standard library only: .ci/run calls this
before any virtual environment exists.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
READMES = {"en": ROOT / "README.md", "zh": ROOT / "README.zh-CN.md"}

COMMAND_RE = re.compile(
    r"<!--\s*command:(?P<name>[\w-]+)\s*-->\s*\n```[\w-]*\n(?P<body>.*?)\n```", re.DOTALL
)
LESSONS_RE = re.compile(r"(<!-- lessons:begin -->\n)(.*?)(<!-- lessons:end -->)", re.DOTALL)
MD_LINK_RE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK_RE = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
FENCE_RE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)


def commands(text: str) -> dict[str, list[str]]:
    """Every ``<!-- command:NAME -->`` block: NAME -> list of bodies (one per occurrence)."""
    found: dict[str, list[str]] = {}
    for m in COMMAND_RE.finditer(text):
        found.setdefault(m["name"], []).append(m["body"].strip())
    return found


def command(name: str, text: str | None = None) -> str:
    """The one command called NAME; raises ValueError unless it is exactly one line, once."""
    text = READMES["en"].read_text(encoding="utf-8") if text is None else text
    bodies = commands(text).get(name, [])
    if len(bodies) != 1:
        raise ValueError(
            f"README must hold exactly one `command:{name}` block, found {len(bodies)}"
        )
    if "\n" in bodies[0]:
        raise ValueError(f"`command:{name}` must be a single line, got:\n{bodies[0]}")
    return bodies[0]


def links(text: str) -> list[str]:
    """Targets of Markdown and HTML links/images outside fenced code blocks."""
    text = FENCE_RE.sub("", text)
    return MD_LINK_RE.findall(text) + HTML_LINK_RE.findall(text)


def relative_links(text: str) -> list[str]:
    """Links to files of this repository: no scheme, no pure #anchor; query/anchor dropped."""
    out = []
    for target in links(text):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        out.append(unquote(parts.path))
    return out


def notebook_title(path: Path) -> str:
    """The first Markdown heading of a notebook, without the #'s."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        src = cell.get("source", "")
        for line in ("".join(src) if isinstance(src, list) else src).splitlines():
            if line.lstrip().startswith("#"):
                # The table's first column already gives the number: drop a leading "08 ".
                return re.sub(r"^\d+\s*[.:、]?\s+", "", line.lstrip().lstrip("#").strip())
    return path.stem


def lessons(root: Path = ROOT) -> dict[str, dict[str, Path]]:
    """lesson number NN -> {lang: path} for notebooks/<lang>/NN_*.ipynb."""
    table: dict[str, dict[str, Path]] = {}
    for lang in ("zh", "en"):
        for nb in sorted((root / "notebooks" / lang).glob("[0-9][0-9]_*.ipynb")):
            table.setdefault(nb.name[:2], {})[lang] = nb
    return dict(sorted(table.items()))


def _cell(path: Path | None, root: Path) -> str:
    if path is None:
        return "—"
    title = notebook_title(path).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
    return f"[{title}]({path.relative_to(root).as_posix()})"


def lesson_table(readme_lang: str, root: Path = ROOT) -> str:
    rows = lessons(root)
    order = ("en", "zh") if readme_lang == "en" else ("zh", "en")
    header = {"en": "English", "zh": "中文"}
    if not rows:
        return "_(no lessons yet)_\n" if readme_lang == "en" else "_（暂无课程）_\n"
    lines = [
        f"| # | {header[order[0]]} | {header[order[1]]} |",
        "|---|---|---|",
    ]
    for nn, by_lang in rows.items():
        lines.append(
            f"| {nn} | {_cell(by_lang.get(order[0]), root)} | "
            f"{_cell(by_lang.get(order[1]), root)} |"
        )
    return "\n".join(lines) + "\n"


def update_lessons(check: bool = False, root: Path = ROOT) -> list[str]:
    """Rewrite (or, with check, just compare) both READMEs' tables; return stale files."""
    stale = []
    for lang, readme in READMES.items():
        text = readme.read_text(encoding="utf-8")
        if not LESSONS_RE.search(text):
            raise ValueError(f"{readme.name}: no <!-- lessons:begin --> … end block")
        table = lesson_table(lang, root)
        new = LESSONS_RE.sub(lambda m, table=table: m[1] + table + m[3], text)
        if new != text:
            stale.append(readme.name)
            if not check:
                readme.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "command":
        print(command(argv[1]))
        return 0
    if argv and argv[0] == "lessons":
        check = "--check" in argv[1:]
        stale = update_lessons(check=check)
        verb = "out of date" if check else "updated"
        for name in stale:
            print(f"{name}: lesson table {verb}")
        return 1 if (check and stale) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
