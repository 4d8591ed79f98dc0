"""The course notebooks: zh and en twins in step, executed, linked, and built from course/."""

import io
import json
import re
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NB = ROOT / "notebooks"
ZH = sorted(p.name for p in (NB / "zh").glob("*.ipynb"))
EN = sorted(p.name for p in (NB / "en").glob("*.ipynb"))
HAN = "\u4e00-\u9fff"


def cells(lang, name):
    return json.loads((NB / lang / name).read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def code_skeleton(text):
    """The code with comments dropped and every string literal replaced by a placeholder."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(text + "\n").readline):
        if tok.type == tokenize.COMMENT or tok.type in (tokenize.NL, tokenize.NEWLINE):
            continue
        if tok.type == tokenize.STRING or tok.type in _FSTRING:
            out.append("STR")
            continue
        out.append(tok.string)
    return " ".join(out)


_FSTRING = {
    getattr(tokenize, n)
    for n in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
    if hasattr(tokenize, n)
}


def test_course_exists_in_both_languages():
    assert ZH, "no notebooks in notebooks/zh"
    assert ZH == EN
    assert "00_start_here.ipynb" in ZH
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in ZH), ZH


@pytest.mark.parametrize("name", ZH)
def test_twins_have_the_same_structure_and_code(name):
    zh, en = cells("zh", name), cells("en", name)
    assert [c["cell_type"] for c in zh] == [c["cell_type"] for c in en]
    for a, b in zip(zh, en):
        if a["cell_type"] == "code":
            assert code_skeleton(source(a)) == code_skeleton(source(b)), source(a)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ZH)
def test_executed_without_errors_and_linked(lang, name):
    cs = cells(lang, name)
    code = [c for c in cs if c["cell_type"] == "code" and source(c).strip()]
    assert code and all(c["execution_count"] is not None for c in code), "not executed"
    for c in code:
        assert not any(o.get("output_type") == "error" for o in c["outputs"]), source(c)
        for o in c["outputs"]:
            assert "image/svg+xml" not in o.get("data", {}), "SVG output is compared by nbval"
    head = source(cs[0])
    other = "en" if lang == "zh" else "zh"
    assert (
        f"(../{other}/{name})" in head
        and "mybinder.org" in head
        and f"notebooks/{lang}/{name}" in head
    )


@pytest.mark.parametrize("name", ZH)
def test_lesson_has_goal_summary_and_exercises(name):
    if name == "00_start_here.ipynb":
        return
    zh = "\n".join(source(c) for c in cells("zh", name) if c["cell_type"] == "markdown")
    en = "\n".join(source(c) for c in cells("en", name) if c["cell_type"] == "markdown")
    for word in ("目标", "小结", "练习"):
        assert word in zh, (name, word)
    for word in ("Goal", "Summary", "Exercise"):
        assert word in en, (name, word)


def _prose(text):
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return text


@pytest.mark.parametrize("name", ZH)
def test_chinese_prose_style(name):
    """No spaces around Chinese characters; Chinese punctuation inside Chinese sentences."""
    for c in cells("zh", name):
        if c["cell_type"] != "markdown":
            continue
        text = _prose(source(c))
        for pattern in (rf"[{HAN}] +[A-Za-z0-9]", rf"[A-Za-z0-9] +[{HAN}]", rf"[{HAN}] +[{HAN}]"):
            bad = re.search(pattern, text)
            assert bad is None, f"{name}: space around Chinese in {bad.group(0)!r}"
        bad = re.search(rf"[{HAN}][,;:?!](?!\S*//)", text)
        assert bad is None, f"{name}: ASCII punctuation after Chinese in {bad.group(0)!r}"


def test_notebooks_are_built_from_the_course_sources():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_notebooks
    finally:
        sys.path.pop(0)
    sources = sorted(p.stem + ".ipynb" for p in (ROOT / "course").glob("[0-9][0-9]_*.py"))
    assert sources == ZH, "course/ and notebooks/ list different lessons"
    for path in sorted((ROOT / "course").glob("[0-9][0-9]_*.py")):
        for lang in ("zh", "en"):
            built = [source(c) for c in build_notebooks.build(path, lang).cells]
            committed = [source(c) for c in cells(lang, path.stem + ".ipynb")]
            assert built == committed, (
                f"{lang}/{path.stem}: run python scripts/build_notebooks.py {path.stem[:2]}"
            )


@pytest.mark.parametrize("lang, name", [("zh", n) for n in ZH] + [("en", n) for n in EN])
def test_no_paragraph_renders_as_an_indented_code_block(lang, name):
    """A paragraph after a blank line indented by 4+ spaces is a Markdown code block, not
    prose (it happens when a source string starts on the line of its opening quotes)."""
    for c in cells(lang, name):
        if c["cell_type"] != "markdown":
            continue
        lines = source(c).split("\n")
        fenced = False
        for before, line in zip(["", *lines], lines):
            if line.lstrip().startswith("```"):
                fenced = not fenced
            bad = not fenced and before.strip() == "" and re.match(r" {4,}\S", line)
            assert not bad, f"{lang}/{name}: indented paragraph {line.strip()[:40]!r}"
