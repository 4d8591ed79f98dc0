"""The command line (``python -m bpcore``): help, column headers, usage errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.description": {
        "zh": "反向传播课程引擎：重算各教程公布的数值。",
        "en": "Backpropagation course engine: the tutorials' published numbers, recomputed.",
    },
    "cli.epilog": {
        "zh": "示例：python -m bpcore ledger --lang zh | python -m bpcore trace t000_batch_321 --"
        "json | python -m bpcore list",
        "en": "Examples: python -m bpcore ledger --lang zh | python -m bpcore trace "
        "t000_batch_321 --json | python -m bpcore list",
    },
    "cli.lang": {
        "zh": "输出语言：zh（中文）或 en（英文，默认）",
        "en": "output language: zh (Chinese) or en (English, the default)",
    },
    "cli.json": {
        "zh": "输出 JSON 而不是表格（未指定 --lang 时两种语言都输出）",
        "en": "print JSON instead of a table (both languages unless --lang is given)",
    },
    "cli.ledger": {
        "zh": "每个公布的数值：公布值、重算值、结论、原因",
        "en": "every published number: published, recomputed, verdict, reason",
    },
    "cli.example_opt": {"zh": "只显示这个例子的行", "en": "only this example's rows"},
    "cli.trace": {
        "zh": "以表格逐步展示一个例子，使用教程自己的记号",
        "en": "one step of an example as tables, with the tutorial's own names",
    },
    "cli.name": {
        "zh": "例子名称（见 python -m bpcore list）",
        "en": "example name (see: python -m bpcore list)",
    },
    "cli.list": {"zh": "列出所有例子", "en": "list the examples"},
    "cli.help": {"zh": "显示帮助并退出", "en": "show this help message and exit"},
    "cli.commands": {"zh": "命令", "en": "commands"},
    "cli.positionals": {"zh": "位置参数", "en": "positional arguments"},
    "cli.options": {"zh": "选项", "en": "options"},
    "cli.version": {"zh": "显示bpcore的版本并退出", "en": "show bpcore's version and exit"},
    "cli.col.name": {"zh": "名称", "en": "name"},
    "cli.col.tutorial": {"zh": "教程", "en": "tutorial"},
    "cli.col.title": {"zh": "标题", "en": "title"},
    "cli.col.published_n": {"zh": "公布的数值", "en": "published numbers"},
    "cli.err.usage": {
        "zh": "参数有误：{msg}。运行 python -m bpcore --help 查看用法。",
        "en": "bad arguments: {msg}. Run python -m bpcore --help for usage.",
    },
    "cli.err.command": {
        "zh": "需要一个命令：ledger、trace 或 list",
        "en": "a command is required: ledger, trace or list",
    },
    # python -m bpcore.lab (README's course command) when run as root
    "lab.root": {
        "zh": "bpcore.lab：当前是root用户（例如在Docker容器里），Jupyter默认拒绝以root运行，"
        "所以已自动加上--allow-root。最好改用普通用户运行。",
        "en": "bpcore.lab: running as root (in a Docker container, say), which Jupyter refuses "
        "by default, so --allow-root was added. Better: run it as an ordinary user.",
    },
}
