"""One way to speak two languages (issue 15): scanned over the source of every bpcore module.

LANGS is defined once (in bpcore.i18n), every ``lang`` default is DEFAULT_LANG, every
InputError is a catalogue key with fields, and both languages are shown Chinese first.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest

import bpcore
from bpcore import i18n
from bpcore.errors import InputError
from bpcore.i18n import DEFAULT_LANG, LANGS, MESSAGES, Message, Text, both, placeholders

PACKAGE = Path(bpcore.__file__).resolve().parent
REPO = PACKAGE.parent
I18N = PACKAGE / "i18n" / "__init__.py"
MODULES = sorted(PACKAGE.rglob("*.py"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _trees():
    for path in MODULES:
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_input_error(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "InputError") or (
        isinstance(func, ast.Attribute) and func.attr in {"InputError", "from_key"}
    )


# --- LANGS and DEFAULT_LANG --------------------------------------------------------------
def test_langs_is_assigned_only_in_the_i18n_package():
    where = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                targets = [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            names |= {t.attr for t in targets if isinstance(t, ast.Attribute)}
            if "LANGS" in names:
                where.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert where == [f"{I18N.relative_to(REPO)}:{_line_of('LANGS', I18N)}"], where


def _line_of(name: str, path: Path) -> int:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
        if isinstance(target, ast.Name) and target.id == name:
            return node.lineno
    raise AssertionError(f"{name} is not assigned in {path}")


def test_one_order_chinese_first():
    assert LANGS == ("zh", "en") and DEFAULT_LANG == LANGS[0]
    assert both("btn.reset") == "重置 / Reset"


def _lang_defaults():
    """(where, default expression) of every ``lang`` parameter or dataclass field."""
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                a = node.args
                positional = a.posonlyargs + a.args
                pairs = list(zip(positional[len(positional) - len(a.defaults) :], a.defaults))
                pairs += [(k, d) for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
                for arg, default in pairs:
                    if arg.arg == "lang":
                        found.append((f"{path.relative_to(REPO)}:{default.lineno}", default))
            elif isinstance(node, ast.ClassDef):
                for st in node.body:
                    if (
                        isinstance(st, ast.AnnAssign)
                        and isinstance(st.target, ast.Name)
                        and st.target.id == "lang"
                        and st.value is not None
                    ):
                        found.append((f"{path.relative_to(REPO)}:{st.lineno}", st.value))
    return found


def test_no_lang_defaults_to_a_string_literal():
    defaults = _lang_defaults()
    assert len(defaults) >= 10  # the scan sees them (tables, ledger, trace, exercises, ...)
    literal = [w for w, d in defaults if isinstance(d, ast.Constant) and isinstance(d.value, str)]
    assert not literal, f"lang defaults to a literal (use DEFAULT_LANG) at {literal}"
    other = [
        w
        for w, d in defaults
        if not (isinstance(d, ast.Name) and d.id == "DEFAULT_LANG")
        and not (isinstance(d, ast.Constant) and d.value is None)
    ]
    assert not other, f"lang defaults to something other than DEFAULT_LANG or None at {other}"


def test_the_scan_would_catch_a_literal_default():
    tree = ast.parse("def f(x, lang='en'):\n    pass\n")
    default = tree.body[0].args.defaults[0]
    assert isinstance(default, ast.Constant) and default.value == "en"


# --- InputError: a key and fields --------------------------------------------------------
def test_every_input_error_is_a_catalogue_key_with_fields():
    calls, bad = 0, []
    for path, tree in _trees():
        if path == PACKAGE / "errors.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_input_error(node):
                calls += 1
                where = f"{path.relative_to(REPO)}:{node.lineno}"
                if len(node.args) != 1:
                    bad.append((where, "not one positional argument (the key)"))
                    continue
                key = node.args[0]
                if isinstance(key, ast.Constant):
                    if key.value not in MESSAGES:
                        bad.append((where, f"unknown key {key.value!r}"))
                        continue
                    wanted = placeholders(MESSAGES[key.value]["en"])
                    given = {k.arg for k in node.keywords}
                    if None not in given and wanted - given:
                        bad.append((where, f"fields missing: {sorted(wanted - given)}"))
                elif isinstance(key, ast.JoinedStr):  # f"err.x.{which}": the prefix must exist
                    prefix = key.values[0].value if isinstance(key.values[0], ast.Constant) else ""
                    if not any(k.startswith(prefix) for k in MESSAGES) or not prefix:
                        bad.append((where, f"no catalogue key starts with {prefix!r}"))
                elif not isinstance(key, ast.Name):  # a helper passing its own key through
                    bad.append((where, f"key is {ast.unparse(key)}"))
    assert calls >= 60  # every converted call site is seen
    assert not bad, bad


def test_input_error_renders_through_the_catalogue_chinese_line_first():
    err = InputError("err.validate.positive_number", name="eta", got="-1")
    zh, en = str(err).split("\n")
    assert (zh, en) == (err.zh, err.en)
    assert zh == MESSAGES["err.validate.positive_number"]["zh"].format(name="eta", got="-1")
    assert CJK.search(zh) and not CJK.search(en)
    assert err.message() == err.message(DEFAULT_LANG) == zh and err.message("en") == en
    assert err.key == "err.validate.positive_number" and err.fields == {"name": "eta", "got": "-1"}
    assert InputError.from_key("err.validate.positive_number", name="eta", got="-1").en == en
    assert isinstance(err, ValueError)


def test_input_error_refuses_an_unknown_key():
    with pytest.raises(KeyError, match=r"no\.such"):
        InputError("no.such.key")


def test_a_real_error_names_the_argument_in_both_languages():
    net = bpcore.Network.from_sizes((2, 2, 1), rng=0)
    with pytest.raises(InputError) as info:
        bpcore.train(net, [[0, 0]], [[0]], eta=-1, epochs=1)
    assert "eta" in info.value.zh and "eta" in info.value.en
    assert str(info.value).splitlines() == [info.value.zh, info.value.en]


# --- the text types ----------------------------------------------------------------------
def test_text_and_message_render_alike():
    label = Text("学习率", "learning rate")
    assert (label("zh"), label("en"), label()) == ("学习率", "learning rate", "学习率")
    assert label == Text("学习率", "learning rate") and hash(label) == hash(
        Text("学习率", "learning rate")
    )
    with pytest.raises(AttributeError):
        label.zh = "x"
    with pytest.raises(ValueError, match="fr"):
        label("fr")
    m = Message("err.option", name="mode", value="x", expected=Text("标准", "standard"))
    assert m("en") == "Invalid value 'x' for mode: expected standard."
    assert "标准" in m.zh and m.zh == m()


def test_bi_is_the_text_type_with_its_old_argument_order():
    from bpcore.tutorials.model import Bi

    b = Bi("loss", "损失")
    assert isinstance(b, Text) and (b.en, b.zh) == ("loss", "损失")


# --- the package: small modules, cheap to import, loadable by path ----------------------
def test_i18n_and_glossary_modules_are_at_most_600_lines():
    paths = [*sorted((PACKAGE / "i18n").rglob("*.py")), PACKAGE / "glossary.py"]
    paths.append(PACKAGE / "glossary_core.py")
    for path in paths:
        n = len(path.read_text(encoding="utf-8").splitlines())
        assert n <= 600, f"{path.relative_to(REPO)} has {n} lines"


def test_catalogue_domains_merge_into_one_dict_without_overlap():
    from bpcore.i18n import catalogue

    total = sum(len(domain.MESSAGES) for domain in catalogue.DOMAINS)
    assert total == len(MESSAGES)
    assert {k for d in catalogue.DOMAINS for k in d.MESSAGES} == set(MESSAGES)
    with pytest.raises(KeyError, match="twice"):
        catalogue.merge({"a.b": {"zh": "甲", "en": "a"}}, {"a.b": {"zh": "乙", "en": "b"}})
    assert any(k.startswith("cli.") for k in MESSAGES)  # the CLI's texts moved in
    assert any(k.startswith("ledger.table.") for k in MESSAGES)  # and the ledger's


def test_the_font_script_loads_the_catalogue_without_bpcore():
    spec = importlib.util.spec_from_file_location(
        "build_font_subset", REPO / "scripts" / "build_font_subset.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.catalogue_text() == i18n.catalogue_text()


def test_the_i18n_package_imports_only_the_standard_library():
    for path in sorted((PACKAGE / "i18n").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                assert node.level == 1, f"{path.name} imports from outside bpcore.i18n"
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                module = node.module if isinstance(node, ast.ImportFrom) else names[0]
                assert module.split(".")[0] in {"__future__", "string"}, (path.name, module)
