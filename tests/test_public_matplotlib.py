"""bpcore uses matplotlib through its public API only (issue 11).

Private names of matplotlib (``FT2Font._layout``, ``Text._get_layout``, ``ContourSet._algorithm``
...) change without notice between releases.  The oracle here is bpcore's own source, parsed with
``ast``: an attribute ``x._name`` is allowed only when bpcore itself defines ``_name`` (a function,
class, method, or an attribute it assigns), and no object's ``__class__`` may be swapped.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bpcore

SOURCE = Path(bpcore.__file__).resolve().parent
FILES = sorted(SOURCE.rglob("*.py"))

# Private names used on purpose, each with its reason.  Ideally none.
ALLOWED: dict[str, str] = {
    # not matplotlib: SymPy's documented way for a custom printer's _print_<Class> method
    # to print a sub-expression (docs.sympy.org, "Printing", Printer._print)
    "_print": "sympy printer extension API (bpcore/symbolic)",
}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined_by_bpcore(trees) -> set[str]:
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
                names.add(node.attr)  # self._x = ..., obj._x = ...
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias) and node.asname:
                names.add(node.asname)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "setattr":
                if node.args[1:] and isinstance(node.args[1], ast.Constant):
                    names.add(str(node.args[1].value))
    return {name for name in names if _private(name)}


def _violations(trees) -> list[str]:
    own = _defined_by_bpcore(trees.values()) | set(ALLOWED)
    found = []
    for path, tree in trees.items():
        where = path.relative_to(SOURCE.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                if node.attr == "__class__" and isinstance(node.ctx, ast.Store):
                    found.append(f"{where}:{node.lineno}: __class__ swap")
                elif _private(node.attr) and node.attr not in own:
                    found.append(f"{where}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("matplotlib"):
                parts = [*node.module.split("."), *(alias.name for alias in node.names)]
                found += [f"{where}:{node.lineno}: import {p}" for p in parts if _private(p)]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "getattr",
                "hasattr",
            ):
                if node.args[1:] and isinstance(node.args[1], ast.Constant):
                    name = str(node.args[1].value)
                    if _private(name) and name not in own:
                        found.append(f"{where}:{node.lineno}: {node.func.id}(..., {name!r})")
    return found


def _parse(files):
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}


def test_bpcore_uses_no_private_matplotlib_name():
    assert FILES
    assert _violations(_parse(FILES)) == []


def test_the_check_catches_private_names(tmp_path):
    """The checker itself: each way of reaching into matplotlib that plots.py once used."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from matplotlib.font_manager import fontManager\n"
        "from matplotlib import _api\n"
        "def f(font, text, level, renderer, Fast):\n"
        "    font._layout('a')\n"
        "    fontManager._find_fonts_by_props(None)\n"
        "    level._algorithm\n"
        "    hasattr(font, '_render_glyph')\n"
        "    renderer.__class__ = Fast\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.py"
    good.write_text(
        "class A:\n    def __init__(self):\n        self._x = 1\n    def _y(self):\n"
        "        return self._x + self._y.__name__.__len__()\n",
        encoding="utf-8",
    )
    global SOURCE
    saved, SOURCE = SOURCE, tmp_path
    try:
        found = _violations(_parse([bad]))
        assert _violations(_parse([good])) == []
    finally:
        SOURCE = saved
    text = "\n".join(found)
    for name in ("_api", "._layout", "._find_fonts_by_props", "._algorithm", "_render_glyph"):
        assert name in text, (name, text)
    assert "__class__ swap" in text
