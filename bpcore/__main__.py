"""Command line: ``python -m bpcore ledger | trace NAME | list`` (also the ``bpcore`` script).

Tables are aligned by *display* width: a CJK character takes two terminal columns
(``unicodedata.east_asian_width`` "W" or "F"), a combining mark none.

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
import math
import re
import sys
import unicodedata

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
    # ledger table
    "col.n": {"en": "#", "zh": "#"},
    "col.example": {"en": "example", "zh": "例子"},
    "col.quantity": {"en": "quantity", "zh": "量"},
    "col.published": {"en": "published", "zh": "公布值"},
    "col.recomputed": {"en": "recomputed", "zh": "重算值"},
    "col.alternative": {"en": "alternative", "zh": "另一种算法"},
    "col.verdict": {"en": "verdict", "zh": "结论"},
    "agrees": {"en": "agrees", "zh": "一致"},
    "differs": {"en": "differs", "zh": "不符"},
    "undefined": {"en": "undefined", "zh": "无定义"},
    "ledger.title": {
        "en": "Ledger: every published number of the tutorials, recomputed by bpcore",
        "zh": "核对表：教程公布的每个数值，由 bpcore 重新计算",
    },
    "ledger.summary": {
        "en": "{n} numbers: {agree} agree, {differ} differ at the published precision.",
        "zh": "共 {n} 个数值：在公布精度下 {agree} 个一致，{differ} 个不符。",
    },
    "ledger.reasons": {"en": "Why they differ", "zh": "不符的原因"},
    "ledger.alternative": {"en": "alternative", "zh": "另一种算法"},
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
# Display width
# ---------------------------------------------------------------------------------------
def display_width(text):
    """Terminal columns `text` occupies: 2 per wide (CJK) character, 0 per combining mark.

    Examples
    --------
    >>> display_width("abc"), display_width("一致"), display_width("x(1) 的 h1")
    (3, 4, 10)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text, width, align="<"):
    gap = " " * max(0, width - display_width(text))
    return gap + text if align == ">" else text + gap


def render_table(headers, rows, aligns=None):
    """Rows of strings as aligned lines, columns separated by two spaces.

    Parameters
    ----------
    headers : list of str
    rows : list of list of str
    aligns : list of {"<", ">"}, optional
        Per column; default left.

    Returns
    -------
    str

    Examples
    --------
    >>> print(render_table(["量", "value"], [["E", "0.5"], ["一致", "12"]], ["<", ">"]))
    量    value
    ----  -----
    E       0.5
    一致     12
    """
    aligns = aligns or ["<"] * len(headers)
    widths = [
        max(display_width(str(c)) for c in [h, *(r[k] for r in rows)])
        for k, h in enumerate(headers)
    ]
    lines = ["  ".join(_pad(h, w, a) for h, w, a in zip(headers, widths, aligns)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(_pad(str(c), w, a) for c, w, a in zip(r, widths, aligns)).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Formatting numbers
# ---------------------------------------------------------------------------------------
def _num(x, decimals, lang):
    if x is None:
        return ""
    x = float(x)
    if not math.isfinite(x):
        return _t("undefined", lang)
    if decimals == 0 and x == int(x):
        return str(int(x)).replace("-", "−")
    return f"{x:.{decimals}f}".replace("-", "−")


def _shown(x, decimals):
    """Whole numbers (196, 4) print without decimals in the ledger."""
    if x is not None and math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return 0
    return decimals


def _cell(c, decimals, lang):
    from .examples import Bi

    if c is None:
        return "—"
    if isinstance(c, Bi):
        return c(lang)
    if isinstance(c, bool):
        return str(c)
    if isinstance(c, int):
        return str(c).replace("-", "−")
    if isinstance(c, float) or hasattr(c, "dtype"):
        return _num(float(c), decimals, lang)
    return str(c)


# ---------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------
def _ledger_text(rows, lang):
    out = [_t("ledger.title", lang), ""]
    table, reasons = [], []
    for n, r in enumerate(rows, start=1):
        shown = min(r.decimals + 3, 12)
        verdict = _t(r.verdict, lang)
        if r.reason is not None:
            reasons.append((n, r))
            verdict += f" [{n}]"
        table.append(
            [
                str(n),
                r.example,
                r.label(lang),
                r.published_text,
                _num(r.recomputed, _shown(r.recomputed, shown), lang),
                _num(r.alternative, _shown(r.alternative, shown), lang),
                verdict,
            ]
        )
    headers = [
        _t(k, lang)
        for k in (
            "col.n",
            "col.example",
            "col.quantity",
            "col.published",
            "col.recomputed",
            "col.alternative",
            "col.verdict",
        )
    ]
    out.append(render_table(headers, table, [">", "<", "<", ">", ">", ">", "<"]))
    differ = sum(r.verdict == "differs" for r in rows)
    out += ["", _t("ledger.summary", lang, n=len(rows), agree=len(rows) - differ, differ=differ)]
    if reasons:
        colon = "：" if lang == "zh" else ": "
        out += ["", _t("ledger.reasons", lang) + colon.strip()]
        for n, r in reasons:
            out.append(f"[{n}] {r.example} · {r.label(lang)}{colon}{r.reason(lang)}")
            if r.alternative_label is not None:
                out.append(
                    f"    {_t('ledger.alternative', lang)}{colon}{r.alternative_label(lang)}"
                )
    return "\n".join(out)


def _trace_text(tr, lang):
    out = [tr.title(lang)]
    for s in tr.sections:
        out += ["", f"## {s.title(lang)}"]
        rows = [[_cell(c, s.decimals, lang) for c in row] for row in s.rows]
        numeric = [
            all(not isinstance(row[k], str) and not _is_bi(row[k]) for row in s.rows)
            for k in range(len(s.columns))
        ]
        aligns = [">" if is_num else "<" for is_num in numeric]
        out.append(render_table([c(lang) for c in s.columns], rows, aligns))
        if s.note is not None:
            out.append(s.note(lang))
    return "\n".join(out)


def _is_bi(c):
    from .examples import Bi

    return isinstance(c, Bi)


def _list_text(lang):
    from .examples import EXAMPLES

    rows = [
        [ex.name, ex.tutorial, ex.title(lang), str(len(ex.published))] for ex in EXAMPLES.values()
    ]
    headers = [_t(k, lang) for k in ("col.name", "col.tutorial", "col.title", "col.published_n")]
    return render_table(headers, rows, ["<", "<", "<", ">"])


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


def _titles(parser, lang):
    # argparse's own section headings, in the help's language
    parser._positionals.title = _t("positionals", lang)
    parser._optionals.title = _t("options", lang)


def _build_parser(lang):
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=_t("lang", lang))
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=_t("json", lang)
    )

    parser = _Parser(
        prog="python -m bpcore",
        description=_t("description", lang),
        epilog=_t("epilog", lang),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=_t("help", lang))
    parser.add_argument("--lang", choices=LANGS, default=None, help=_t("lang", lang))
    _titles(parser, lang)
    sub = parser.add_subparsers(dest="command", title=_t("commands", lang), parser_class=_Parser)

    def add(name, help_key):
        p = sub.add_parser(
            name,
            help=_t(help_key, lang),
            description=_t(help_key, lang),
            parents=[common],
            add_help=False,
        )
        p.add_argument("-h", "--help", action="help", help=_t("help", lang))
        _titles(p, lang)
        return p

    ledger = add("ledger", "ledger")
    ledger.add_argument("--example", metavar="NAME", default=None, help=_t("example_opt", lang))
    trace = add("trace", "trace")
    trace.add_argument("name", metavar="NAME", help=_t("name", lang))
    add("list", "list")
    return parser


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
        return _trace_text(tr, lang)
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
