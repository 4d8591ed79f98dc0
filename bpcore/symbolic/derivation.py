"""Steps, derivations and proofs: the objects a lesson displays.

A :class:`Step` is one line of a derivation, ``lhs = form_1 = form_2 = …``, with a label in
English and Chinese and, where the textbook numbers it, the equation number. A
:class:`Derivation` is an ordered list of steps plus the :class:`Proof` objects that back
them; it renders as Markdown with display math in JupyterLab (``_repr_markdown_``) in the
language it was built for, and as plain text everywhere else.

A :class:`Proof` carries the derived expression, the textbook's expression, and the
difference after simplification; the proof holds when that difference is exactly ``0``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import sympy as sp

from ..errors import InputError
from ..i18n import DEFAULT_LANG, LANGS

__all__ = ["Derivation", "Proof", "Shown", "Step", "in_order", "partial", "product", "render"]


@dataclass(frozen=True)
class Shown:
    """Notation that is not a SymPy expression, e.g. a named product of factors.

    Examples
    --------
    >>> Shown("∂E_k/∂ŷ_j", r"\\frac{\\partial E_{k}}{\\partial \\hat{y}_{j}}").text
    '∂E_k/∂ŷ_j'
    """

    text: str
    latex: str
    #: The SymPy value the notation stands for, when it has one (see :func:`in_order`).
    expr: object = None

    def __str__(self) -> str:
        return self.text


def in_order(expr) -> Shown:
    """An expression shown with its terms and factors in the order they were written.

    SymPy sorts the terms of a sum and the factors of a product when it builds them, so
    ŷ_j(1 − ŷ_j)(y_j − ŷ_j) comes out as (1 − ŷ_j)(−ŷ_j + y_j)ŷ_j. Build `expr` with
    ``evaluate=False`` (``sympy.Mul(a, b, evaluate=False)``) and this prints it as built
    (SymPy's ``order='none'``); ``.expr`` keeps the expression, so a test can check
    that the shown form equals SymPy's own result.

    Examples
    --------
    >>> import sympy
    >>> u = sympy.Symbol("u")
    >>> shown = in_order(sympy.Mul(u, sympy.Add(1, -u, evaluate=False), evaluate=False))
    >>> shown.text, sympy.expand(shown.expr - u * (1 - u))
    ('u*(1 - u)', 0)
    """
    return Shown(sp.sstr(expr, order="none"), sp.latex(expr, order="none"), expr)


def value(obj):
    """The SymPy value of a form: the expression itself, or a :class:`Shown`'s ``expr``."""
    return obj.expr if isinstance(obj, Shown) else obj


def render(obj) -> tuple[str, str]:
    """``(plain text, LaTeX)`` of a :class:`Shown` or a SymPy object."""
    if isinstance(obj, Shown):
        return obj.text, obj.latex
    return sp.sstr(obj), sp.latex(obj)


def partial(num, den) -> Shown:
    """∂num/∂den as book notation.

    Examples
    --------
    >>> from bpcore.symbolic.notation import E_k, y_hat, j
    >>> partial(E_k, y_hat[j]).text
    '∂E_k/∂ŷ_j'
    """
    nt, nl = render(num)
    dt, dl = render(den)
    return Shown(f"∂{nt}/∂{dt}", r"\frac{\partial " + nl + r"}{\partial " + dl + "}")


def product(*factors) -> Shown:
    """Factors (:class:`Shown` or SymPy) written side by side, ``a · b · c``, unmultiplied.

    Examples
    --------
    >>> import sympy
    >>> product(sympy.Symbol("a") + 1, sympy.Symbol("b")).text
    '(a + 1) · b'
    """
    texts, latexes = [], []
    values = [value(fac) for fac in factors]
    for n, fac in enumerate(factors):
        t, tex = render(fac)
        val = values[n]
        negative = isinstance(val, sp.Expr) and n > 0 and val.could_extract_minus_sign()
        if isinstance(val, sp.Add) or negative:
            t, tex = f"({t})", r"\left(" + tex + r"\right)"
        texts.append(t)
        latexes.append(tex)
    expr = None if any(v is None for v in values) else sp.Mul(*values, evaluate=False)
    return Shown(" · ".join(texts), r" \cdot ".join(latexes), expr)


@dataclass(frozen=True)
class Step:
    """One line ``lhs = forms[0] = forms[1] = …``; ``forms[-1]`` is the result.

    Parameters
    ----------
    key : str
        Name a lesson uses to fetch the step, e.g. ``"dE/dyhat"``.
    lhs : Shown or sympy.Basic
    forms : tuple of (Shown or sympy.Basic)
        Successive forms of the right-hand side, first the raw result of the operation,
        last the textbook form.
    en, zh : str
        What the step does, in English and Chinese.
    eq : str
        Textbook equation number such as ``"5.9"``, or ``""``.
    sympy_forms : tuple
        Where forms are shown in the book's order (:func:`in_order`), SymPy's own forms
        they replace, last to last; each equals its replacement (see the tests).
    """

    key: str
    lhs: object
    forms: tuple
    en: str
    zh: str
    eq: str = ""
    sympy_forms: tuple = ()

    @property
    def result(self):
        """The last form as a SymPy expression (a :class:`Shown` without a value as is)."""
        last = self.forms[-1]
        return last.expr if isinstance(last, Shown) and last.expr is not None else last

    def label(self, lang: str = DEFAULT_LANG) -> str:
        """The step's label in ``lang`` ("en" or "zh"), with the equation number if any."""
        text = _pick(lang, self.en, self.zh)
        if self.eq:
            text += f"（式 {self.eq}）" if lang == "zh" else f" (eq. {self.eq})"
        return text

    def text(self) -> str:
        """Plain text: ``lhs = form_1 = form_2``."""
        return " = ".join(render(p)[0] for p in (self.lhs, *self.forms))

    def latex(self) -> str:
        """LaTeX: ``lhs = form_1 = form_2`` (no surrounding ``$$``)."""
        body = " = ".join(render(p)[1] for p in (self.lhs, *self.forms))
        if self.eq:
            body += r" \qquad (" + self.eq + ")"
        return body

    def markdown(self, lang: str = DEFAULT_LANG) -> str:
        """Markdown that JupyterLab renders: the label, then the display equation."""
        return f"{self.label(lang)}\n\n$$\n{self.latex()}\n$$\n"

    def aligned_markdown(self, lang: str = DEFAULT_LANG) -> str:
        """Like :meth:`markdown`, one form per line, long sums split over lines.

        Each form starts a new ``&=`` line of an ``aligned`` block; a sum (or a product
        with one sum inside) puts each term on its own line; products show their
        factors with ``\\cdot``. For narrow notebooks: no horizontal scrolling.
        """
        rows = [render(self.lhs)[1] + " &= " + _split_latex(self.forms[0])]
        rows += ["&= " + _split_latex(form) for form in self.forms[1:]]
        if self.eq:
            rows[-1] += r" \qquad (" + self.eq + ")"
        body = " \\\\\n".join(rows)
        return f"{self.label(lang)}\n\n$$\n\\begin{{aligned}}\n{body}\n\\end{{aligned}}\n$$\n"

    def __str__(self) -> str:
        return self.text()


def _split_latex(form) -> str:
    """LaTeX of a form with the terms of a sum on separate ``aligned`` lines."""
    if isinstance(form, Shown) or not isinstance(form, sp.Expr):
        return render(form)[1]

    def tex(ex):
        return sp.latex(ex, mul_symbol="dot")

    def terms(add):
        parts = [tex(t) for t in sp.Add.make_args(add)]
        return parts[0] + "".join(
            r" \\ &\qquad " + (p if p.startswith("-") else "+ " + p) for p in parts[1:]
        )

    if isinstance(form, sp.Add):
        return terms(form)
    if isinstance(form, sp.Mul):
        long = [a for a in form.args if isinstance(a, sp.Add) and len(tex(a)) > 60]
        if len(long) == 1:
            rest = tex(sp.Mul(*(a for a in form.args if a is not long[0])))
            return rest + r" \cdot \Big(" + terms(long[0]) + r" \Big)"
    return tex(form)


@dataclass(frozen=True)
class Proof:
    """``derived − textbook`` simplified; the proof holds iff the difference is exactly 0.

    Attributes
    ----------
    name : str
        What is proven, in book notation, e.g. ``"Δw_hj"``.
    derived : sympy.Expr
        The expression the derivation produced.
    textbook : sympy.Expr
        The textbook's expression (it may use g_j, e_h; see ``textbook_expanded``).
    textbook_expanded : sympy.Expr
        The textbook's expression with its definitions substituted.
    difference : sympy.Expr
        The simplified ``derived − textbook_expanded``.
    method : str
        How the difference was reduced: ``"expand"`` (expanded, inside sums too, each
        sum split into coefficient × Σ monomial), ``"simplify"``, or ``"rational"``
        (exponentials replaced by independent symbols, numerator expanded over a common
        denominator). Each is exact: a 0 there is an exact 0 of the original.
    """

    name: str
    derived: sp.Expr
    textbook: sp.Expr
    textbook_expanded: sp.Expr
    difference: sp.Expr
    method: str = "simplify"

    @property
    def holds(self) -> bool:
        """True iff the simplified difference is exactly zero."""
        return self.difference == 0

    def text(self) -> str:
        """One line: ``name: derived = textbook  [0 = derived − textbook ✓]``."""
        mark = "✓" if self.holds else "✗"
        return (
            f"{self.name}: {sp.sstr(self.derived)} = {sp.sstr(self.textbook)}"
            f"   [derived − textbook = {sp.sstr(self.difference)} {mark}]"
        )

    def latex(self) -> str:
        """LaTeX line for the proof."""
        derived, textbook = sp.latex(self.derived), sp.latex(self.textbook)
        return derived + r" - \left(" + textbook + r"\right) = " + sp.latex(self.difference)

    def __str__(self) -> str:
        return self.text()


def _pick(lang: str, en: str, zh: str) -> str:
    if lang not in LANGS:
        raise InputError("err.symbolic.derivation.pick", lang=lang)
    return en if lang == "en" else zh


@dataclass(frozen=True)
class Derivation:
    """An ordered derivation, displayable in JupyterLab in one language.

    ``derivation["dE/dyhat"]`` fetches a step by key; ``derivation.in_language("zh")``
    gives the same derivation with Chinese labels.
    """

    key: str
    en: str
    zh: str
    steps: tuple = ()
    proofs: tuple = ()
    lang: str = DEFAULT_LANG
    notes: dict = field(default_factory=dict)

    def __getitem__(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(
            f"no step {key!r} in derivation {self.key!r}; steps are "
            f"{[s.key for s in self.steps]} / 推导 {self.key!r} 中没有步骤 {key!r}"
        )

    def keys(self) -> list[str]:
        """Keys of the steps, in order."""
        return [s.key for s in self.steps]

    @property
    def holds(self) -> bool:
        """True iff every attached proof holds."""
        return all(p.holds for p in self.proofs)

    def title(self, lang: str | None = None) -> str:
        """The title in ``lang`` (default: the derivation's language)."""
        return _pick(lang or self.lang, self.en, self.zh)

    def in_language(self, lang: str) -> Derivation:
        """The same derivation, rendered with labels in ``lang`` ("en" or "zh")."""
        _pick(lang, "", "")
        return dataclasses.replace(self, lang=lang)

    def markdown(self, lang: str | None = None) -> str:
        """Markdown with one display equation per step and per proof."""
        lang = lang or self.lang
        parts = [f"**{self.title(lang)}**\n"]
        parts += [s.markdown(lang) for s in self.steps]
        if self.proofs:
            parts.append(
                "证明（差化简为 0）：" if lang == "zh" else "Proofs (difference simplifies to 0):"
            )
            parts += [f"$$\n{p.latex()}\n$$\n" for p in self.proofs]
        return "\n".join(parts)

    def latex(self) -> str:
        """All steps as one ``aligned`` block (labels left out; use :meth:`markdown`)."""
        rows = []
        for s in self.steps:
            lhs, *rest = (render(p)[1] for p in (s.lhs, *s.forms))
            rows.append(lhs + " &= " + " = ".join(rest))
        return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"

    def text(self, lang: str | None = None) -> str:
        """Plain text, one step per line with its label."""
        lang = lang or self.lang
        lines = [self.title(lang)]
        for s in self.steps:
            lines.append(f"  [{s.label(lang)}] {s.text()}")
        lines += [f"  {p.text()}" for p in self.proofs]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()
