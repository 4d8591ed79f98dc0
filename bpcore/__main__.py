"""Command line: ``python -m bpcore ledger | trace NAME | list`` (also the ``bpcore`` script).

Tables are aligned by *display* width (:mod:`bpcore.tables`): a CJK character takes two
terminal columns, a combining mark none.

Exit codes: 0 on success, 2 for bad arguments (the message is printed in Chinese and
English on stderr, in the order of :data:`bpcore.i18n.LANGS`). Texts are the catalogue's
``cli.`` keys (:mod:`bpcore.i18n.catalogue.cli`).

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

from .i18n import LANGS, t
from .tables import Table

#: The command line speaks English unless --lang says otherwise: a terminal's help and
#: errors are read where a CJK font may be missing (the course itself defaults to Chinese).
CLI_LANG = "en"


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
    keys = ("cli.col.name", "cli.col.tutorial", "cli.col.title", "cli.col.published_n")
    headers = [t(k, lang) for k in keys]
    return Table(headers, rows, aligns=["<", "<", "<", ">"], lang=lang).grid()


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
    return CLI_LANG


def _common_options(group, lang):
    """--lang and --json, in a subcommand's own (translated) options section."""
    group.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli.lang", lang))
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=t("cli.json", lang)
    )


def _build_parser(lang):
    # Every argument goes into a group titled in the help's language; argparse's own
    # default groups stay empty, and empty sections are not printed.
    parser = _Parser(
        prog="python -m bpcore",
        description=t("cli.description", lang),
        epilog=t("cli.epilog", lang),
        add_help=False,
    )
    options = parser.add_argument_group(t("cli.options", lang))
    options.add_argument("-h", "--help", action="help", help=t("cli.help", lang))
    options.add_argument(
        "--version", action="version", version=f"bpcore {version()}", help=t("cli.version", lang)
    )
    options.add_argument("--lang", choices=LANGS, default=None, help=t("cli.lang", lang))
    sub = parser.add_subparsers(dest="command", title=t("cli.commands", lang), parser_class=_Parser)

    def add(name, help_key):
        p = sub.add_parser(
            name, help=t(help_key, lang), description=t(help_key, lang), add_help=False
        )
        group = p.add_argument_group(t("cli.options", lang))
        group.add_argument("-h", "--help", action="help", help=t("cli.help", lang))
        _common_options(group, lang)
        return p, group

    _ledger, ledger_options = add("ledger", "cli.ledger")
    ledger_options.add_argument(
        "--example", metavar="NAME", default=None, help=t("cli.example_opt", lang)
    )
    trace, _ = add("trace", "cli.trace")
    trace.add_argument_group(t("cli.positionals", lang)).add_argument(
        "name", metavar="NAME", help=t("cli.name", lang)
    )
    add("list", "cli.list")
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
    if message == t("cli.err.command", "en"):
        return t("cli.err.command", "zh")
    for pattern, template in _ARGPARSE_ZH:
        m = pattern.fullmatch(message)
        if m:
            return template.format(*m.groups())
    return message


#: The program's name before a message, with each language's colon.
_PROG = {"zh": "python -m bpcore：", "en": "python -m bpcore: "}


def _bilingual_usage_error(message):
    msg = {"zh": _zh_argparse(message), "en": message}
    return "\n".join(_PROG[lang] + t("cli.err.usage", lang, msg=msg[lang]) for lang in LANGS)


def main(argv=None):
    """Run the command line; returns the exit code (0 ok, 2 bad arguments)."""
    from .errors import InputError

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser(_help_lang(argv))
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise _UsageError(t("cli.err.command", "en"))
    except _UsageError as e:
        print(parser.format_usage().rstrip(), file=sys.stderr)
        print(_bilingual_usage_error(str(e)), file=sys.stderr)
        return 2

    lang_given = getattr(args, "lang", None)
    lang = lang_given or CLI_LANG
    as_json = getattr(args, "json", False)
    try:
        text = _run(args, lang, lang_given, as_json)
    except InputError as e:
        print("\n".join(_PROG[lang] + e.message(lang) for lang in LANGS), file=sys.stderr)
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
