"""The bundled CJK font subset: licence, private name, coverage, and Chinese plots without boxes.

The rendering tests turn warnings into errors: matplotlib warns "Glyph … missing from font(s)"
for every character it has to draw as a box, so a passing test means no box was drawn.
"""

from __future__ import annotations

import importlib.util
import os
import re
import string
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from bpcore import plots
from bpcore.i18n import LANGS, MESSAGES

REPO = Path(__file__).resolve().parents[1]
FONT_DIR = REPO / "bpcore" / "fonts"
REGULAR = FONT_DIR / "bpcoreSansSC-Regular.otf"
BOLD = FONT_DIR / "bpcoreSansSC-Bold.otf"
# What the subset must draw itself: hanzi, CJK punctuation, full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_font_subset", REPO / "scripts" / "build_font_subset.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cmap(path: Path) -> set[str]:
    with TTFont(str(path), lazy=True) as font:
        return {chr(c) for c in font.getBestCmap()}


def _sample_texts() -> list[str]:
    """Every catalogue text in both languages, placeholders filled with typical values."""
    fields = dict(
        name="异或 XOR",
        offset="阈值",
        n_in=2,
        n_out=3,
        symbols="v₁₁, γ₁",
        symbol="w₂₁",
        loss=0.0123,
        epoch=12,
        epochs=5000,
        iteration=3,
        samples="1, 2",
        phase="前向",
        error="η −1",
        seed=7,
        eta=0.5,
        mode="累积",
        batch_size=2,
        y=1.0,
        m=4,
        lang="fr",
        key="x.y",
        names="t001_xor",
        value=-1,
        expected="η > 0",
        text="2.5",
        low=1,
        high=1000000,
        first=0.25,
        last=0.2499,
        act="双曲正切",
        runs=3,
        sizes="2-3-1",
        target=0.01,  # lesson 16's sweep figure
        answer=0.1,  # exercise 11-2: outside the valley floor
        # bpcore.exercises' verdicts
        err=0.001,
        id="01-1",
        want=(2,),
        got="(3,)",
        where="step, line 3",
        n=4,
        k=1,
        case="随机网络1",
        which="W1",
        wrong="(1, 1) → 0.90",
        what="delta",  # lesson 12's backward step
        like="a",
        L=3,
        l=2,
        l1=3,
        lam=0.999,  # lesson 17's weight-decay figure
        converged=True,  # bpcore.lessons: lesson code cells
        verdict="合适：很快到达",
        x="1",
        w="0",
        b="0",
        method="重算",
        label="∂E/∂w₁",
        published="0.1",
        reason="四舍五入",
        shape="(1797, 64)",
    )
    # Error messages have many fields of their own: any other field shows a typical number.
    fill = _Typical(fields)
    return [
        string.Formatter().vformat(MESSAGES[key][lang], (), fill)
        for key in sorted(MESSAGES)
        for lang in LANGS
    ]


class _Typical(dict):
    """The sample fields, and 0.5 (formatted by any spec, shown by !r) for every other name."""

    def __missing__(self, name):
        return 0.5


def _render(texts, families, weight="normal") -> None:
    from matplotlib.font_manager import FontProperties

    fig = plots.new_figure((6, 1), 50)
    props = FontProperties(family=families, size=9, weight=weight)
    for text in texts:
        fig.text(0.01, 0.5, text, fontproperties=props)
    fig.canvas.draw()


# --- the files ---------------------------------------------------------------------------------
def test_files_licence_and_readme():
    assert REGULAR.is_file() and BOLD.is_file()
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence and "Reserved Font Name" in licence
    readme = (FONT_DIR / "README.md").read_text(encoding="utf-8")
    assert "build_font_subset.py" in readme and "GB 2312" in readme


def test_small_enough_to_ship():
    total = REGULAR.stat().st_size + BOLD.stat().st_size
    assert total < 4_000_000, f"the subset is {total / 1e6:.2f} MB; keep it to a few MB"


@pytest.mark.parametrize(
    ("path", "style", "weight"), [(REGULAR, "Regular", 400), (BOLD, "Bold", 700)]
)
def test_private_family_name(path, style, weight):
    with TTFont(str(path)) as font:
        name = font["name"]
        weight_class = font["OS/2"].usWeightClass
    assert name.getDebugName(1) == plots.FONT_FAMILY == "bpcore Sans SC"
    assert name.getDebugName(16) == plots.FONT_FAMILY
    assert name.getDebugName(2) == style
    assert weight_class == weight
    for record in name.names:
        if record.nameID in (1, 3, 4, 6, 16, 17):
            text = record.toUnicode()
            # "Source" is a Reserved Font Name of the original, "Noto" a trademark
            assert "Noto" not in text.split(";")[0] and "Source" not in text, text
    # matplotlib sees the private family, with the right weight
    from matplotlib.font_manager import FontEntry, ttfFontProperty
    from matplotlib.ft2font import FT2Font

    entry = ttfFontProperty(FT2Font(str(path)))
    assert isinstance(entry, FontEntry)
    assert entry.name == plots.FONT_FAMILY and entry.weight == weight


# --- coverage ----------------------------------------------------------------------------------
def test_covers_gb2312_level_1_and_symbols():
    have = _cmap(REGULAR)
    script = _build_script()
    level1 = {
        bytes([r, c]).decode("gb2312")
        for r in range(0xB0, 0xD8)
        for c in range(0xA1, 0xFF)
        if not (r == 0xD7 and c > 0xF9)
    }
    assert len(level1) == 3755
    assert not sorted(level1 - have)[:20]
    assert set("，。：；（）！？、《》“”…—·η−→∂Σ×≈") <= have
    assert script.gb2312_chars() - have <= set(), "a GB 2312 symbol the source has is missing"


def test_both_weights_cover_the_same_characters():
    assert _cmap(REGULAR) == _cmap(BOLD)


def test_covers_every_chinese_character_of_the_project():
    """Catalogue, notebooks and READMEs: rerun scripts/build_font_subset.py when this fails."""
    text = _build_script().project_text(REPO)
    need = set(CJK.findall(text))
    missing = "".join(sorted(need - _cmap(REGULAR)))
    assert not missing, (
        f"the font subset lacks {len(missing)} character(s) the project uses: {missing!r}; "
        "run `python scripts/build_font_subset.py` and commit bpcore/fonts/"
    )


# --- rendering ---------------------------------------------------------------------------------
@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_every_catalogue_string_renders_without_missing_glyphs(weight):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _render(_sample_texts(), plots.FAMILIES, weight)


def test_missing_glyphs_would_be_caught():
    """The check above can fail: DejaVu Sans alone has no hanzi and matplotlib warns."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(UserWarning, match="missing from font"):
            _render(["训练损失"], ["DejaVu Sans"])


def test_chinese_glyphs_come_from_the_subset():
    import matplotlib.font_manager as fm
    from matplotlib.ft2font import LoadFlags

    plots.register_font()
    for weight, path in (("normal", REGULAR), ("bold", BOLD)):
        paths = fm.fontManager._find_fonts_by_props(plots.font(9, weight))
        assert Path(paths[0]).resolve() == path.resolve()
        assert "DejaVuSans" in Path(paths[1]).name
    chars = "".join(sorted(set(CJK.findall("".join(_sample_texts())))))
    assert len(chars) > 200
    have = _cmap(REGULAR)
    assert set(chars) <= have
    font = fm.get_font(fm.fontManager._find_fonts_by_props(plots.font(9)))
    if not hasattr(font, "_layout"):  # matplotlib < 3.11: the cmap and the order suffice
        return
    used = {
        item.char: Path(item.ft_object.fname).resolve()
        for item in font._layout(chars, LoadFlags.NO_HINTING)
    }
    assert set(used) == set(chars)
    assert set(used.values()) == {REGULAR.resolve()}


def test_plots_without_any_system_font(tmp_path):
    """A bare pip install: matplotlib knows only its own fonts; no CJK font on the system."""
    code = r"""
import warnings
import matplotlib
from matplotlib import font_manager as fm
bundled = matplotlib.get_data_path()
fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if f.fname.startswith(bundled)]
assert not [f for f in fm.fontManager.ttflist if "CJK" in f.name or "Noto" in f.name]
warnings.simplefilter("error")
import numpy as np
from bpcore import plots
fig = plots.loss_figure(np.exp(-np.arange(30) / 9.0), [("η = 0.1，累积", np.ones(30))], lang="zh")
png = plots.to_png(fig)
paths = fm.fontManager._find_fonts_by_props(plots.font(9))
assert paths[0].endswith("bpcoreSansSC-Regular.otf"), paths
print("ok", len(png))
"""
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path), MPLBACKEND="Agg")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("ok")


def test_registering_does_not_touch_rcparams():
    import matplotlib

    before = dict(matplotlib.rcParams)
    plots.register_font()
    plots.to_png(plots.loss_figure([1.0, 0.5], lang="zh"))
    assert dict(matplotlib.rcParams) == before


# --- the build ------------------------------------------------------------------------------
SOURCE = Path("/usr/share/fonts/opentype/noto")


@pytest.mark.slow
@pytest.mark.skipif(
    not (SOURCE / "NotoSansCJK-Regular.ttc").is_file(),
    reason="the Noto Sans CJK source (apt-get install fonts-noto-cjk) is absent",
)
def test_the_script_rebuilds_the_shipped_subset(tmp_path):
    script = _build_script()
    results = script.build(SOURCE, tmp_path, script.project_text(REPO))
    for path, size, glyphs in results:
        shipped = FONT_DIR / path.name
        assert _cmap(path) == _cmap(shipped), f"{path.name}: rerun the build script"
        assert glyphs > 3755 and size < 2_000_000
