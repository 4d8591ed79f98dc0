"""Building blocks of a lesson source (see course/README.md).

A lesson is written once, with both languages side by side:

    TITLE = dict(zh="...", en="...")
    CELLS = [
        md(zh="...", en="..."),
        code('''
    # zh: 中文注释
    # en: an English comment
    h = bpcore.train(net, X, Y, eta=0.5, epochs=100)
    '''),
    ]

`scripts/build_notebooks.py` turns it into notebooks/zh/NN_slug.ipynb and
notebooks/en/NN_slug.ipynb: the same code cells, prose and comments in one language each.
"""

from dataclasses import dataclass, field
from textwrap import dedent


@dataclass
class Cell:
    kind: str  # "markdown" or "code"
    zh: str
    en: str
    tags: tuple = field(default_factory=tuple)
    # exercise cells (see exercise()): the id, "answer" or "check", the student's stub
    exercise: str = ""
    role: str = ""
    stub: str = ""
    points: int = 0
    hidden: str = ""


def md(zh, en):
    """A prose cell, in Chinese and in English."""
    return Cell("markdown", dedent(zh).strip("\n"), dedent(en).strip("\n"))


def code(source, *, ignore_output=False, tags=()):
    """A code cell. Full-line comments starting ``# zh:`` or ``# en:`` go to one language only.

    ``ignore_output=True`` adds the ``# NBVAL_IGNORE_OUTPUT`` marker (widget reprs, timings).
    The token ``LANG`` on the right-hand side of ``LANG = LANG_VALUE`` is filled with the
    notebook's language.
    """
    text = dedent(source).strip("\n")
    if ignore_output:
        text = "# NBVAL_IGNORE_OUTPUT\n" + text
    return Cell("code", text, text, tuple(tags))


#: The solution markers of nbgrader's source notebooks (the teacher's edition keeps them).
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
#: What replaces a solution region in the student's edition unless `stub` says otherwise.
CODE_STUB = """# zh: 在这里写你的代码
# en: YOUR CODE HERE
raise NotImplementedError()"""


def exercise(id, solution=None, *, answer="answer", source=None, stub=None, points=1):
    """The two cells of an exercise checked by ``bpcore.exercises.check(id, ...)``.

    Use as ``*exercise("01-1", "descend(0.5, steps=1)[1]")`` inside ``CELLS``.

    - The **answer cell** (nbgrader: an autograded answer). For a number or an expression
      give `solution`, the right-hand side of ``answer = ...``: the student's edition shows
      ``answer = None``. For code give `source`, the cell with its solution between
      ``### BEGIN SOLUTION`` and ``### END SOLUTION``: the student's edition replaces each
      such region by `stub` (default: ``raise NotImplementedError()``, indented like the
      region, as nbgrader does).
    - The **check cell** (nbgrader: autograder tests, `points`): ``check(id, answer)``.
      The teacher's edition adds nbgrader's hidden test, an ``assert`` that the check passed.

    `answer` names what is checked: ``"answer"`` or the function or class the student
    writes. The expected answer is never in the notebook: bpcore computes it.
    """
    if (solution is None) == (source is None):
        raise ValueError(f"exercise {id}: give either solution or source")
    if source is None:
        source = f"{BEGIN_SOLUTION}\n{answer} = {solution}\n{END_SOLUTION}"
        stub = f"{answer} = None" if stub is None else stub
    text = dedent(source).strip("\n")
    if BEGIN_SOLUTION not in text:
        raise ValueError(f"exercise {id}: the answer cell has no {BEGIN_SOLUTION}")
    call = f'bpcore.exercises.check("{id}", {answer}, lang=LANG)'
    hidden = f"_result = {call}\nassert _result.ok, _result.message"
    stub = CODE_STUB if stub is None else stub
    return (
        Cell("code", text, text, exercise=id, role="answer", stub=stub),
        Cell("code", call, call, exercise=id, role="check", points=points, hidden=hidden),
    )
