"""Command line: ``python -m bpcore ledger | trace NAME | list`` (also the ``bpcore`` script).

Tables are aligned by *display* width (:mod:`bpcore.tables`): a CJK character takes two
terminal columns, a combining mark none.

Exit codes: 0 on success, 2 for bad arguments (the message is printed in English and
Chinese on stderr).

Examples
--------
>>> main(["trace", "t004_epochs", "--json"])  # doctest: +ELLIPSIS
{...}
0
"""

import argparse
import json
import re
import sys

from .tables import Table

LANGS = ("en", "zh")

_TEXT = {
    "description": {
        "en": "Backpropagation course engine: the tutorials' published numbers, recomputed.",
        "zh": "反向传播课程引擎：重算各教程公布的数值。",
    },
    "epilog": {
        "en": "Examples: python -m bpcore ledger --lang zh | python -m bpcore trace "
        "t000_batch_321 --json | python -m bpcore list",
        "zh": "示例：python -m bpcore ledger --lang zh | python -m bpcore trace "
        "t000_batch_321 --json | python -m bpcore list",
    },
    "lang": {
        "en": "output language: zh (Chinese) or en (English, the default)",
        "zh": "输出语言：zh（中文）或 en（英文，默认）",
    },
    "json": {
        "en": "print JSON instead of a table (both languages unless --lang is given)",
        "zh": "输出 JSON 而不是表格（未指定 --lang 时两种语言都输出）",
    },
    "ledger": {
        "en": "every published number: published, recomputed, verdict, reason",
        "zh": "每个公布的数值：公布值、重算值、结论、原因",
    },
    "example_opt": {"en": "only this example's rows", "zh": "只显示这个例子的行"},
    "trace": {
        "en": "one step of an example as tables, with the tutorial's own names",
        "zh": "以表格逐步展示一个例子，使用教程自己的记号",
    },
    "name": {
        "en": "example name (see: python -m bpcore list)",
        "zh": "例子名称（见 python -m bpcore list）",
    },
    "list": {"en": "list the examples", "zh": "列出所有例子"},
    "help": {"en": "show this help message and exit", "zh": "显示帮助并退出"},
    "commands": {"en": "commands", "zh": "命令"},
    "positionals": {"en": "positional arguments", "zh": "位置参数"},
    "options": {"en": "options", "zh": "选项"},
    "version": {"en": "show bpcore's version and exit", "zh": "显示bpcore的版本并退出"},
    # list
    "col.name": {"en": "name", "zh": "名称"},
    "col.tutorial": {"en": "tutorial", "zh": "教程"},
    "col.title": {"en": "title", "zh": "标题"},
    "col.published_n": {"en": "published numbers", "zh": "公布的数值"},
    # errors
    "err.usage": {
        "en": "bad arguments: {msg}. Run python -m bpcore --help for usage.",
        "zh": "参数有误：{msg}。运行 python -m bpcore --help 查看用法。",
    },
    "err.command": {
        "en": "a command is required: ledger, trace or list",
        "zh": "需要一个命令：ledger、trace 或 list",
    },
}


def _t(key, lang, **fields):
    return _TEXT[key][lang].format(**fields)


# ---------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------
def _ledger_text(rows, lang):
    from .examples import LEDGER_TEXT, ledger_table

    table = ledger_table(rows, lang, title=LEDGER_TEXT["title"])
    return "\n\n".join([table.title, table.grid(), *table.notes])


def _list_text(lang):
    from .examples import EXAMPLES

    rows = [
        [ex.name, ex.tutorial, ex.title(lang), str(len(ex.published))] for ex in EXAMPLES.values()
    ]
    headers = [_t(k, lang) for k in ("col.name", "col.tutorial", "col.title", "col.published_n")]
    return Table(headers, rows, aligns=["<", "<", "<", ">"]).grid()


# ---------------------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------------------
class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse with bilingual errors raised (not printed) so main() returns exit code 2."""

    def error(self, message):
        raise _UsageError(message)


def _help_lang(argv):
    """The language asked for with --lang, looked up before parsing so --help can use it."""
    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv) and argv[k + 1] in LANGS:
            return argv[k + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    return "en"


def _common_options(group, lang):
    """--lang and --json, in a subcommand's own (translated) options section."""
    group.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=_t("lang", lang))
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_t("json", lang)
    )


def _build_parser(lang):
    # Every argument goes into a group titled in the help's language; argparse's own
    # default groups stay empty, and empty sections are not printed.
    parser = _Parser(
        prog="python -m bpcore",
        description=_t("description", lang),
        epilog=_t("epilog", lang),
        add_help=False,
    )
    options = parser.add_argument_group(_t("options", lang))
    options.add_argument("-h", "--help", action="help", help=_t("help", lang))
    options.add_argument(
        "--version", action="version", version=f"bpcore {version()}", help=_t("version", lang)
    )
    options.add_argument("--lang", choices=LANGS, default=None, help=_t("lang", lang))
    sub = parser.add_subparsers(dest="command", title=_t("commands", lang), parser_class=_Parser)

    def add(name, help_key):
        p = sub.add_parser(
            name, help=_t(help_key, lang), description=_t(help_key, lang), add_help=False
        )
        group = p.add_argument_group(_t("options", lang))
        group.add_argument("-h", "--help", action="help", help=_t("help", lang))
        _common_options(group, lang)
        return p, group

    _ledger, ledger_options = add("ledger", "ledger")
    ledger_options.add_argument(
        "--example", metavar="NAME", default=None, help=_t("example_opt", lang)
    )
    trace, _ = add("trace", "trace")
    trace.add_argument_group(_t("positionals", lang)).add_argument(
        "name", metavar="NAME", help=_t("name", lang)
    )
    add("list", "list")
    return parser


def version():
    """bpcore's version, from the installed package's metadata (pyproject.toml is the source)."""
    from . import __version__

    return __version__


# argparse words its errors in English; these patterns give the Chinese line its own words.
_ARGPARSE_ZH = (
    (
        re.compile(r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)"),
        "参数 {0} 的取值 {1} 无效（可选：{2}）",
    ),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 需要一个取值"),
)


def _zh_argparse(message):
    if message == _t("err.command", "en"):
        return _t("err.command", "zh")
    for pattern, template in _ARGPARSE_ZH:
        m = pattern.fullmatch(message)
        if m:
            return template.format(*m.groups())
    return message


def _bilingual_usage_error(message):
    return "\n".join(
        [
            "python -m bpcore: " + _t("err.usage", "en", msg=message),
            "python -m bpcore：" + _t("err.usage", "zh", msg=_zh_argparse(message)),
        ]
    )


def main(argv=None):
    """Run the command line; returns the exit code (0 ok, 2 bad arguments)."""
    from .errors import InputError

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser(_help_lang(argv))
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise _UsageError(_t("err.command", "en"))
    except _UsageError as e:
        print(parser.format_usage().rstrip(), file=sys.stderr)
        print(_bilingual_usage_error(str(e)), file=sys.stderr)
        return 2

    lang_given = getattr(args, "lang", None)
    lang = lang_given or "en"
    as_json = getattr(args, "json", False)
    try:
        text = _run(args, lang, lang_given, as_json)
    except InputError as e:
        print(f"python -m bpcore: {e.en}\npython -m bpcore：{e.zh}", file=sys.stderr)
        return 2
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    return 0


def _run(args, lang, lang_given, as_json):
    from . import examples

    if args.command == "ledger":
        rows = examples.ledger(args.example)
        if as_json:
            return json.dumps([r.to_dict(lang_given) for r in rows], ensure_ascii=False, indent=1)
        return _ledger_text(rows, lang)
    if args.command == "trace":
        tr = examples.trace(args.name)
        if as_json:
            return json.dumps(tr.to_dict(lang_given), ensure_ascii=False, indent=1)
        return tr.markdown(lang).text()
    # list
    if as_json:
        data = [
            {
                "name": ex.name,
                "tutorial": ex.tutorial,
                "title": ex.title(lang_given)
                if lang_given
                else {"en": ex.title.en, "zh": ex.title.zh},
                "published": len(ex.published),
            }
            for ex in examples.EXAMPLES.values()
        ]
        return json.dumps(data, ensure_ascii=False, indent=1)
    return _list_text(lang)


if __name__ == "__main__":
    sys.exit(main())
