"""Build the CJK font subset shipped in ``bpcore/fonts/``.

Why: no CJK font ships with matplotlib, and a student's machine (pip, conda, Binder,
JupyterLite) may have none, so Chinese plot text would render as boxes.  We ship a subset of
Noto Sans CJK SC (SIL Open Font License 1.1) under a private family name, so it never clashes
with a system copy and ``font.family = ["bpcore Sans SC", "DejaVu Sans"]`` picks it first.

Which characters (documented in ``bpcore/fonts/README.md``):

* the base set: GB 2312 level 1 (the 3,755 most common hanzi), generated reproducibly by
  decoding the GB 2312 byte ranges 0xB0A1–0xD7F9 with Python's ``gb2312`` codec, plus GB 2312
  rows 1–9 (punctuation, full-width forms, Greek, Cyrillic, pinyin, box drawing);
* every character of the message catalogue (``bpcore/i18n/``), of every notebook
  (``notebooks/**/*.ipynb``) and of ``README*.md``;
* ASCII, Latin-1 and Latin Extended-A (so ŷ and mixed zh/en labels use one face), Greek,
  general punctuation, super- and subscripts, arrows, mathematical operators, CJK symbols and
  punctuation (U+3000–303F) and half-/full-width forms (U+FF00–FFEF).

Characters the source font lacks are skipped (and listed).  Run it again whenever the
catalogue, a notebook or a README gains a character the subset lacks;
``tests/test_fonts.py`` fails until you do.

Usage::

    python scripts/build_font_subset.py [--source-dir /usr/share/fonts/opentype/noto]

Needs ``fonttools`` and the Noto Sans CJK collections (Debian/Ubuntu: ``apt-get install
fonts-noto-cjk``).  The output is byte-for-byte reproducible for the same inputs and the same
fontTools version (timestamps are kept from the source font).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT_DIR = ROOT / "bpcore" / "fonts"

#: The private family name; also hard-coded in bpcore/plots/style.py (FONT_FAMILY).
#: "Noto" is a Google trademark and "Source" an OFL Reserved Font Name of the source, so
#: the modified font uses neither.
FAMILY = "bpcore Sans SC"

#: (output file, source collection, style, usWeightClass) for each weight we ship.
WEIGHTS = (
    ("bpcoreSansSC-Regular.otf", "NotoSansCJK-Regular.ttc", "Regular", 400),
    ("bpcoreSansSC-Bold.otf", "NotoSansCJK-Bold.ttc", "Bold", 700),
)

#: Name of the Simplified Chinese face inside the .ttc collections.
SOURCE_FAMILY = "Noto Sans CJK SC"

#: Unicode blocks kept whole (those the font covers).
BLOCKS = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 supplement, Latin Extended-A (ŷ is U+0177)
    (0x0370, 0x03FF),  # Greek (η, γ, θ, α, β, Σ, ∂ is in math operators)
    (0x2000, 0x206F),  # general punctuation (– — ‘ ’ “ ” … ‧)
    (0x2070, 0x209F),  # superscripts and subscripts (x₁, x₂, ²)
    (0x2190, 0x21FF),  # arrows (→)
    (0x2200, 0x22FF),  # mathematical operators (∂ Σ − × ≈ ≤ ≥)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。《》「」【】)
    (0xFF00, 0xFFEF),  # half-width and full-width forms (，：；（）！？)
)


def gb2312_chars() -> set[str]:
    """GB 2312 rows 1–9 (symbols) and level 1 (rows 16–55, 3,755 hanzi), decoded by codec."""
    chars = set()
    rows = list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8))
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # unassigned code points in the symbol rows and at the end of row 55
    return chars


def catalogue_text() -> str:
    """The message catalogue's text, loading the bpcore/i18n package by path (no bpcore import)."""
    package = ROOT / "bpcore" / "i18n"
    spec = importlib.util.spec_from_file_location(
        "_bpcore_i18n", package / "__init__.py", submodule_search_locations=[str(package)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its relative imports (the catalogue) resolve through it
    try:
        spec.loader.exec_module(module)
        return module.catalogue_text()
    finally:
        for name in [n for n in sys.modules if n == spec.name or n.startswith(spec.name + ".")]:
            del sys.modules[name]


def notebook_text(path: Path) -> str:
    """All cell sources and text outputs of a notebook (what a reader may see drawn)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    parts = []
    for cell in nb.get("cells", []):
        parts.append("".join(cell.get("source", "")))
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append("".join(value))
    return "\n".join(parts)


def project_text(root: Path = ROOT) -> str:
    """Text of the catalogue, every notebook and every README*.md of the repository."""
    parts = [catalogue_text()]
    parts += [notebook_text(p) for p in sorted((root / "notebooks").glob("**/*.ipynb"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("README*.md"))]
    return "\n".join(parts)


def wanted_codepoints(text: str) -> set[int]:
    """Code points to keep: the base set, the blocks and every printable character of text."""
    chars = gb2312_chars() | {c for c in text if c.isprintable()}
    points = {ord(c) for c in chars}
    for lo, hi in BLOCKS:
        points.update(range(lo, hi + 1))
    return points


def load_source(path: Path):
    """The Simplified Chinese face of a Noto Sans CJK collection (.ttc) or a single .otf."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() == ".ttc":
        for number, face in enumerate(TTCollection(str(path), lazy=True).fonts):
            if face["name"].getDebugName(1) == SOURCE_FAMILY:
                return TTFont(str(path), fontNumber=number, recalcTimestamp=False)
        raise SystemExit(f"{path} holds no face named {SOURCE_FAMILY!r}")
    return TTFont(str(path), recalcTimestamp=False)


def rename(font, style: str, weight: int) -> None:
    """Give the subset its private names and say in the name table what it was made from."""
    ps_family = FAMILY.replace(" ", "")
    version = font["name"].getDebugName(5) or ""
    names = {
        1: FAMILY,
        2: style,
        3: f"{ps_family}-{style};bpcore subset of {SOURCE_FAMILY} {version}",
        4: f"{FAMILY} {style}" if style != "Regular" else FAMILY,
        6: f"{ps_family}-{style}",
        10: f"Subset of {SOURCE_FAMILY} made by bpcore's scripts/build_font_subset.py.",
        16: FAMILY,
        17: style,
    }
    table = font["name"]
    # Drop every localized or platform-specific record of the names we replace (the source
    # carries Japanese/Chinese family names that matplotlib could otherwise pick up).
    table.names = [n for n in table.names if n.nameID not in names]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English (US)
        table.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English
    # The CFF table carries its own PostScript name; keep it in step with name ID 6.
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [f"{ps_family}-{style}"]
    font["OS/2"].usWeightClass = weight


def build(source_dir: Path, out_dir: Path, text: str) -> list[tuple[Path, int, int]]:
    """Subset every weight; return (path, size in bytes, number of glyphs) for each."""
    from fontTools import subset

    wanted = wanted_codepoints(text)
    results = []
    for out_name, source_name, style, weight in WEIGHTS:
        font = load_source(source_dir / source_name)
        have = set(font.getBestCmap())
        missing = sorted(p for p in wanted if p not in have and chr(p) in text)
        if missing:
            print(
                f"{source_name}: the source lacks {len(missing)} character(s) of the project "
                f"text: {''.join(chr(p) for p in missing)!r}",
                file=sys.stderr,
            )
        options = subset.Options()
        # Default features minus vertical forms and locale variants (JP/KR/TC glyphs a horizontal
        # SC text never uses) keep the glyph count near the character count.
        options.layout_features = [
            f for f in options.layout_features if f not in {"locl", "vert", "vrt2", "vkrn"}
        ]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False  # Agg renders CJK unhinted anyway; saves a third of the size
        options.desubroutinize = False
        options.recalc_timestamp = False
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=sorted(wanted & have))
        subsetter.subset(font)
        rename(font, style, weight)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / out_name
        font.save(str(path))
        results.append((path, path.stat().st_size, len(font.getGlyphOrder())))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source-dir",
        type=Path,
        default=Path("/usr/share/fonts/opentype/noto"),
        help="folder holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc",
    )
    parser.add_argument("--out-dir", type=Path, default=FONT_DIR)
    args = parser.parse_args(argv)
    text = project_text()
    total = 0
    for path, size, glyphs in build(args.source_dir, args.out_dir, text):
        total += size
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{glyphs} glyphs, {size / 1e6:.2f} MB"
        )
    print(f"total {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
