"""Fused training steps printed from the derived gradients: the engine's fast path.

From the :class:`~bpcore.fastpath.template.Template` of a concrete :class:`bpcore.NetSpec`
(the gradients of E_k derived by SymPy, after ``sympy.factor_terms`` and ``sympy.cse``)
this module writes plain Python source with :class:`~bpcore.fastpath.printer.FloatPrinter`:
the forward pass unit by unit, the CSE temporaries (the g_j / e_h of backpropagation), the
batch unrolled sample by sample (or looped for big batches), and the update. Only float
arithmetic and ``math.exp`` / ``math.tanh``: no NumPy, no lists in the hot path except the
returned parameter list.

Contract (docs/architecture.md)
-------------------------------
``make_step(spec, batch_size, *, train_offsets, reduction)`` returns
``step(p, x, y, eta) -> (new_p, loss)``:

* ``p``: list of floats in ``Network.flat()`` order (per layer W row-major, then offsets);
* ``x``: the batch's inputs flattened row-major (m·d floats), ``y`` its targets (m·l);
* ``loss``: the batch loss *before* the update, E = Σ_k E_k (``"sum"``) or (1/m) Σ_k E_k
  (``"mean"``) with E_k = ½ Σ_j (ŷ_j − y_j)²;
* ``new_p = p − η ∂E/∂p`` for every parameter (offsets unchanged when
  ``train_offsets=False``).

``make_epochs_runner`` runs whole epochs inside one generated function (see its docstring
for the exact order of samples and when losses are measured: the same as
:func:`bpcore.train`).

The sigmoid is computed as 1/(1 + e^(−z)); where ``math.exp`` overflows (it raises, it
does not return inf: z < −709) the whole call is redone with a twin that uses
e^z/(1 + e^z) for z < 0, so it never overflows. Non-finite parameters propagate as inf/nan
without raising.
"""

from __future__ import annotations

import functools
import linecache
import math
import sys

from ..errors import InputError
from ..symbolic.keys import spec_key
from . import shipped

__all__ = ["build_cost", "make_epochs_runner", "make_loss", "make_step", "source"]

REDUCTIONS = ("mean", "sum")


# SymPy is imported only when a source must be printed: a shipped runner needs neither.
def _template(key, train_offsets):
    from .template import template_for_key

    return template_for_key(key, train_offsets)


def _printer(names):
    from .printer import FloatPrinter

    return FloatPrinter(names)


def _sample_code(t, s, names_p, with_grads=True, safe=False):
    """Python lines computing sample s: forward, CSE temporaries and sq_s = Σ_j (ŷ_j − y_j)².

    With ``with_grads=False`` only the temporaries the loss needs are kept. ``safe`` picks
    the sigmoid that cannot overflow (a branch on the sign of z); the fast form
    1/(1 + e^(−z)) raises OverflowError for z < −709, and the callers then redo the whole
    call with the safe form.
    """
    net = t.net
    names = dict(names_p)
    for i, sym in enumerate(net.inputs):
        names[sym] = f"x{s}_{i}"
    for j, sym in enumerate(net.targets):
        names[sym] = f"y{s}_{j}"
    lines = []
    for k, (zs, outs, act) in enumerate(zip(net.z, net.out, net.activations)):
        for j, (z, o) in enumerate(zip(zs, outs)):
            oname = f"o{s}_{k}_{j}"
            zcode = _printer(names).doprint(z)
            if act == "sigmoid" and safe:
                lines.append(f"z = {zcode}")
                lines.append(
                    f"{oname} = 1.0/(1.0 + exp(-z)) if z >= 0.0 else (u := exp(z))/(1.0 + u)"
                )
            elif act == "sigmoid":
                lines.append(f"{oname} = 1.0/(1.0 + exp(-({zcode})))")
            elif act == "tanh":
                lines.append(f"{oname} = tanh({zcode})")
            elif act == "relu":
                lines.append(f"z = {zcode}")
                lines.append(f"{oname} = z if z > 0.0 else 0.0")
            else:  # identity
                lines.append(f"{oname} = {zcode}")
            names[o] = oname
    pr = _printer(names).doprint
    cse = t.cse if with_grads else t.needed_for_loss()
    for sym, e in cse:
        names[sym] = f"c{s}_{sym.name[2:]}"
        lines.append(f"{names[sym]} = {pr(e)}")
    lines.append(f"sq{s} = {pr(t.sq)}")
    return lines


def _grad_terms(t, s, names_p):
    """Per-sample gradient expressions of sample s, as code to inline in the update."""
    net = t.net
    names = dict(names_p)
    names.update({sym: f"x{s}_{i}" for i, sym in enumerate(net.inputs)})
    names.update({sym: f"y{s}_{j}" for j, sym in enumerate(net.targets)})
    for k, outs in enumerate(net.out):
        names.update({o: f"o{s}_{k}_{j}" for j, o in enumerate(outs)})
    names.update({sym: f"c{s}_{sym.name[2:]}" for sym, _ in t.cse})
    pr = _printer(names).doprint
    return [pr(g) for g in t.grads]


UNROLL = 16
"""Blocks of at most this many samples are unrolled; larger ones loop over the samples."""


def _block(t, names_p, samples, *, safe, with_grads, source=None):
    """Code for a block of samples: ``(lines, loss_code, grad_codes)``.

    ``loss_code`` is Σ_s Σ_j (ŷ_j − y_j)² over the block, ``grad_codes[n]`` Σ_s of the n-th
    trained parameter's (sign-folded) gradient. With ``source=None`` the samples are
    unrolled and their inputs must be bound to ``x{s}_{i}``, ``y{s}_{j}``; with
    ``source=(xs, ys)`` (names of flat lists) one loop body serves every sample.
    """
    n_grads = len(t.grads) if with_grads else 0
    if source is None:
        lines = []
        for s in samples:
            lines += _sample_code(t, s, names_p, with_grads, safe)
        loss = " + ".join(f"sq{s}" for s in samples)
        terms = [_grad_terms(t, s, names_p) for s in samples] if with_grads else []
        return lines, loss, [" + ".join(tt[n] for tt in terms) for n in range(n_grads)]
    net = t.net
    xs, ys = source
    names = [f"x0_{i}" for i in range(len(net.inputs))] + [
        f"y0_{j}" for j in range(len(net.targets))
    ]
    feeds = ["xi"] * len(net.inputs) + ["yi"] * len(net.targets)
    lines = [f"xi = iter({xs})", f"yi = iter({ys})", "S = 0.0"]
    if n_grads:
        lines.append(" = ".join(f"G{n}" for n in range(n_grads)) + " = 0.0")
    body = [*_sample_code(t, 0, names_p, with_grads, safe), "S += sq0"]
    if with_grads:
        body += [f"G{n} += {term}" for n, term in enumerate(_grad_terms(t, 0, names_p))]
    # zip(xi, xi, yi) takes d inputs and l targets per sample from the flat lists
    lines += [f"for {', '.join(names)} in zip({', '.join(feeds)}):", *_indent(body, 4)]
    return lines, "S", [f"G{n}" for n in range(n_grads)]


def _update_values(t, grads):
    """``(name, new value)`` per trained parameter: p − c·Σ ∂E/∂p (sign folded in)."""
    out = []
    for n, k in enumerate(t.trained):
        op = "+" if t.negated[n] else "-"
        g = grads[n] if grads[n].isidentifier() else f"({grads[n]})"
        out.append((f"p{k}", f"p{k} {op} c*{g}"))
    return out


def _param_names(net):
    return {p: f"p{k}" for k, p in enumerate(net.params)}


def _unpack(prefix, m, n, var):
    names = [f"{prefix}{s}_{i}" for s in range(m) for i in range(n)]
    return f"{', '.join(names)}, = {var}" if names else ""


def _check_args(key, train_offsets, reduction, batch_size, what="batch_size"):
    k = spec_key(key) if not isinstance(key, tuple) else key
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise InputError(
            "err.fastpath.codegen.check_args.positive", what=what, batch_size=batch_size
        )
    if reduction not in REDUCTIONS:
        raise InputError("err.fastpath.codegen.check_args.reduction", reduction=reduction)
    return k, bool(train_offsets)


def _bad_call(n_p, n_x, n_y, p, x, y):
    def size(a):
        try:
            return len(a)
        except TypeError:
            return repr(type(a).__name__)

    raise InputError(
        "err.fastpath.codegen.bad_call",
        n_p=n_p,
        n_x=n_x,
        n_y=n_y,
        size_p=size(p),
        size_x=size(x),
        size_y=size(y),
    )


def _compile(src, name, label):
    filename = f"<bpcore.fastpath {label}>"
    linecache.cache[filename] = (len(src), None, src.splitlines(True), filename)
    namespace = {"exp": math.exp, "tanh": math.tanh, "math": math, "_bad_call": _bad_call}
    exec(compile(src, filename, "exec"), namespace)
    fn = namespace[name]
    fn.source = src
    return fn


def _label(key, m, train_offsets, reduction):
    sizes, acts, offs = key
    return (
        f"{'-'.join(map(str, sizes))} {','.join(acts)} {','.join(offs)} m={m} "
        f"train_offsets={train_offsets} {reduction}"
    )


def _indent(lines, n):
    pad = " " * n
    return [pad + ln if ln else ln for ln in lines]


# --- the step ------------------------------------------------------------------------------


def _unpack_lines(n_p, m, d, l, unrolled=True):
    """Bind p0… (and x{s}_{i}, y{s}_{j} when unrolled); a wrong call gets a bilingual error."""
    check = [
        f"    {_unpack('x', m, d, 'x')}",
        f"    {_unpack('y', m, l, 'y')}",
    ]
    if not unrolled:  # zip would silently stop at the shorter list: check the lengths
        check = [f"    if len(x) != {m * d} or len(y) != {m * l}:", "        raise ValueError"]
    return [
        "try:",
        f"    {', '.join(f'p{k}' for k in range(n_p))}, = p",
        *check,
        "except (TypeError, ValueError):",
        f"    _bad_call({n_p}, {m * d}, {m * l}, p, x, y)",
    ]


def _with_fallback(name, args, make_body, uses_sigmoid):
    """``def name(args)`` whose fast body falls back to a safe twin on OverflowError."""
    if not uses_sigmoid:
        return f"def {name}({args}):\n" + "\n".join(_indent(make_body(True), 4)) + "\n"
    safe = f"def _{name}_safe({args}):\n" + "\n".join(_indent(make_body(True), 4)) + "\n"
    fast = (
        f"def {name}({args}):\n    try:\n"
        + "\n".join(_indent(make_body(False), 8))
        + "\n    except OverflowError:  # e^(-z) overflowed (z < -709): redo, overflow-free\n"
        + f"        return _{name}_safe({args})\n"
    )
    return safe + "\n\n" + fast


def _scale(reduction, m):
    return 1.0 / m if reduction == "mean" else 1.0


@functools.cache
def _step_source(key, m, train_offsets, reduction):
    t = _template(key, train_offsets)
    net = t.net
    d, l, n_p = key[0][0], key[0][-1], len(net.params)
    names_p = _param_names(net)
    scale = _scale(reduction, m)
    unrolled = m <= UNROLL

    def body(safe):
        lines = _unpack_lines(n_p, m, d, l, unrolled)
        block, loss, grads = _block(
            t, names_p, range(m), safe=safe, with_grads=True,
            source=None if unrolled else ("x", "y"),
        )  # fmt: skip
        lines += block
        lines.append("c = eta" if scale == 1.0 else f"c = eta * {scale!r}")
        new = [f"p{k}" for k in range(n_p)]
        for name, value in _update_values(t, grads):
            new[int(name[1:])] = value
        lines.append(f"loss = {0.5 * scale!r}*({loss})")
        lines.append("return [" + ", ".join(new) + "], loss")
        return lines

    return _with_fallback("step", "p, x, y, eta", body, "sigmoid" in key[1])


@functools.cache
def _make_step(key, m, train_offsets, reduction):
    src = _step_source(key, m, train_offsets, reduction)
    return _compile(src, "step", _label(key, m, train_offsets, reduction))


def make_step(spec, batch_size, *, train_offsets=True, reduction="mean"):
    """A compiled gradient-descent step for batches of `batch_size` samples.

    Parameters
    ----------
    spec : bpcore.NetSpec
        Any depth; sigmoid, identity, tanh or relu; bias or threshold offsets. Meant for
        small nets (up to a few dozen parameters; building a 3-4-2 step takes well under a
        second, a 4-8-3 one a few seconds).
    batch_size : int
        m, the number of samples in each call. Up to ``UNROLL`` (16) samples are unrolled;
        larger batches loop over the samples in the generated code.
    train_offsets : bool
        False leaves biases / thresholds unchanged.
    reduction : {"mean", "sum"}
        E = (1/m) Σ_k E_k or Σ_k E_k, with E_k = ½ Σ_j (ŷ_j − y_j)².

    Returns
    -------
    callable
        ``step(p, x, y, eta) -> (new_p, loss)``; see the module docstring. ``step.source``
        holds the generated Python. Steps are cached per (spec, batch_size, flags).

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> spec = NetSpec((1, 1, 1), ("sigmoid", "sigmoid"), ("bias", "bias"))
    >>> step = make_step(spec, 1)
    >>> new_p, loss = step([0.0, 0.0, 0.0, 0.0], [1.0], [0.0], 1.0)
    >>> loss, [round(v, 6) for v in new_p]
    (0.125, [0.0, 0.0, -0.0625, -0.125])
    """
    key, train_offsets = _check_args(spec, train_offsets, reduction, batch_size)
    return _make_step(key, batch_size, train_offsets, reduction)


def source(spec, batch_size, *, train_offsets=True, reduction="mean") -> str:
    """The generated source of :func:`make_step` (for a lesson to show).

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> print(source(NetSpec((1, 1), ("identity",), ("bias",)), 1))
    def step(p, x, y, eta):
        try:
            p0, p1, = p
            x0_0, = x
            y0_0, = y
        except (TypeError, ValueError):
            _bad_call(2, 1, 1, p, x, y)
        o0_0_0 = p0*x0_0 + p1
        c0_0 = o0_0_0 - y0_0
        sq0 = (c0_0*c0_0)
        c = eta
        loss = 0.5*(sq0)
        return [p0 - c*(c0_0*x0_0), p1 - c*c0_0], loss
    <BLANKLINE>
    """
    key, train_offsets = _check_args(spec, train_offsets, reduction, batch_size)
    return _step_source(key, batch_size, train_offsets, reduction)


# --- loss only ----------------------------------------------------------------------------


def _loss_lines(t, n, names_p, reduction, safe, target, source):
    """Lines setting `target` to the loss over n samples (unrolled when source is None)."""
    block, loss, _ = _block(t, names_p, range(n), safe=safe, with_grads=False, source=source)
    scale = 0.5 * _scale(reduction, n)
    return [*block, f"{target} = {scale!r}*({loss})"]


@functools.cache
def _make_loss(key, n, reduction):
    t = _template(key, True)
    d, l, n_p = key[0][0], key[0][-1], len(t.net.params)
    names_p = _param_names(t.net)
    unrolled = n <= UNROLL

    def body(safe):
        lines = _unpack_lines(n_p, n, d, l, unrolled)
        lines += _loss_lines(t, n, names_p, reduction, safe, "L", None if unrolled else ("x", "y"))
        return [*lines, "return L"]

    src = _with_fallback("loss", "p, x, y", body, "sigmoid" in key[1])
    return _compile(src, "loss", _label(key, n, None, reduction) + " loss")


def make_loss(spec, n_samples, *, reduction="mean"):
    """A compiled ``loss(p, x, y) -> float``: E over `n_samples` samples, no gradients.

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> spec = NetSpec((1, 1, 1), ("sigmoid", "sigmoid"), ("bias", "bias"))
    >>> make_loss(spec, 2, reduction="sum")([0.0, 0.0, 0.0, 0.0], [1.0, 2.0], [0.0, 1.0])
    0.25
    """
    key, _ = _check_args(spec, True, reduction, n_samples, "n_samples")
    return _make_loss(key, n_samples, reduction)


# --- many epochs in one call ----------------------------------------------------------------


@functools.cache
def _runner_source(key, n, B, train_offsets, reduction, record_batches):
    t = _template(key, train_offsets)
    net = t.net
    d, l, n_p = key[0][0], key[0][-1], len(net.params)
    names_p = _param_names(net)
    starts = list(range(0, n, B))
    single = len(starts) == 1
    unrolled = n <= UNROLL
    whole = None if unrolled else ("x", "y")
    diverged = ["    break"]

    def batch(safe, s0, m, source):
        """One batch: gradients, its loss Lb (before the update), the update."""
        scale = _scale(reduction, m)
        lines, loss, grads = _block(
            t, names_p, range(s0, s0 + m), safe=safe, with_grads=True, source=source
        )
        if unrolled or single:
            lines.append(f"Lb = {0.5 * scale!r}*({loss})")
            c = "c = eta" if scale == 1.0 else f"c = eta * {scale!r}"
        else:  # looped batches carry their own scale (the last one may be shorter)
            lines.append(f"Lb = half*{loss}")
            c = "c = eta * scale"
        if single:
            # One batch = the whole data set: its loss before the update is the loss
            # after the previous epoch (for the first epoch: the initial loss).
            lines += ["append(Lb)", "if Lb - Lb != 0.0:  # inf or nan: diverged", *diverged]
        if record_batches:
            lines.append("bappend(Lb)")
        ups = _update_values(t, grads)
        lines += [c, ", ".join(u[0] for u in ups) + " = " + ", ".join(u[1] for u in ups)]
        return lines

    def body(safe):
        lines = [*_unpack_lines(n_p, n, d, l, unrolled), "losses = []", "append = losses.append"]
        if record_batches:
            lines += ["batch_losses = []", "bappend = batch_losses.append"]
        full = _loss_lines(t, n, names_p, reduction, safe, "L", whole)
        if single:
            loop = batch(safe, 0, n, whole)
            lines += ["for _ in range(epochs):", *_indent(loop, 4)]
            lines += ["else:", *_indent([*full, "append(L)"], 4)]
        else:
            if unrolled:
                loop = []
                for s0 in starts:
                    m = min(B, n - s0)
                    loop += [f"# batch of samples {s0 + 1}..{s0 + m}", *batch(safe, s0, m, None)]
            else:
                lines.append(
                    f"batches = [(x[s * {d}:(s + {B}) * {d}], y[s * {l}:(s + {B}) * {l}], "
                    + ("1.0 / min(" + f"{B}, {n} - s)" if reduction == "mean" else "1.0")
                    + f") for s in range(0, {n}, {B})]"
                )
                inner = ["half = 0.5 * scale", *batch(safe, 0, B, ("xb", "yb"))]
                loop = ["for xb, yb, scale in batches:", *_indent(inner, 4)]
            loop += [*full, "append(L)", "if L - L != 0.0:  # inf or nan: diverged", *diverged]
            lines += [*full, "append(L)", "if L - L == 0.0:"]
            lines += _indent(["for _ in range(epochs):", *_indent(loop, 4)], 4)
        result = "[" + ", ".join(f"p{k}" for k in range(n_p)) + "], losses"
        return [*lines, f"return {result}" + (", batch_losses" if record_batches else "")]

    return _with_fallback("run", "p, x, y, eta, epochs", body, "sigmoid" in key[1])


@functools.cache
def _make_runner(key, n, B, train_offsets, reduction, record_batches):
    args = (key, n, B, train_offsets, reduction, record_batches)
    src = shipped.source(*args) or _runner_source(*args)
    label = _label(key, B, train_offsets, reduction) + f" n={n} runner"
    _BUILT.add(args)
    return _compile(src, "run", label)


_BUILT: set = set()  # the runners built in this process (the keys of _make_runner's cache)


def build_cost(spec, n_samples, batch_size, *, train_offsets=True, reduction="mean"):
    """What :func:`make_epochs_runner` (``record_batches=True``) still has to build.

    Returns
    -------
    {"none", "runner", "derivation"}
        ``"none"``: the runner is built in this process already (free); ``"runner"``: the
        derived gradients are cached, or the runner ships with the course
        (:mod:`~bpcore.fastpath.shipped`), and only its source is written and compiled
        (milliseconds); ``"derivation"``: SymPy derives and simplifies the gradients first
        (about 0.05–1 s, growing with the parameter count).

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> spec = NetSpec((1, 1), ("identity",), ("bias",))
    >>> _ = make_epochs_runner(spec, 3, record_batches=True)
    >>> build_cost(spec, 3, 3), build_cost(spec, 4, 4)
    ('none', 'runner')
    """
    key, offs = _check_args(spec, train_offsets, reduction, batch_size)
    args = (key, n_samples, batch_size, offs, reduction, True)
    if args in _BUILT:
        return "none"
    if shipped.source(*args) is not None:
        return "runner"
    template = sys.modules.get(f"{__package__}.template")  # not imported: nothing derived
    return "runner" if template is not None and template.is_derived(key, offs) else "derivation"


def make_epochs_runner(
    spec,
    n_samples,
    batch_size=None,
    *,
    train_offsets=True,
    reduction="mean",
    record_batches=False,
):
    """Train for many epochs inside one generated function.

    Parameters
    ----------
    spec : bpcore.NetSpec
    n_samples : int
        N, the size of the data set passed to every call. Up to ``UNROLL`` (16) samples
        the whole epoch is unrolled; larger data sets loop over batches and samples.
    batch_size : int, optional
        B (default N: full batch, the textbook's accumulated BP). Batches are consecutive
        slices of the data in the order given, ``[0:B], [B:2B], …``; the last holds the
        N − (⌈N/B⌉ − 1)·B samples that are left. No shuffling.
    train_offsets : bool
    reduction : {"mean", "sum"}
        Used both for each batch's loss (and its gradient) and for the data-set loss.
    record_batches : bool
        Also return the loss of every batch, measured before its update.

    Returns
    -------
    callable
        ``run(p, x, y, eta, epochs) -> (new_p, losses)`` (``+ batch_losses`` when
        `record_batches`). ``x`` is the whole data set flattened row-major (N·d floats),
        ``y`` (N·l). ``losses[0]`` is the loss on the whole data set before training and
        ``losses[k]`` the loss on the whole data set with the parameters at the end of
        epoch k, exactly as :func:`bpcore.train` records ``History.loss``; so
        ``len(losses) == epochs + 1``. If a loss is not finite, training stops there:
        ``losses`` ends with that value (shorter than ``epochs + 1``) and ``new_p`` are
        the parameters that produced it.

    Examples
    --------
    >>> from bpcore import NetSpec
    >>> spec = NetSpec((2, 3, 1), ("sigmoid", "sigmoid"), ("bias", "bias"))
    >>> run = make_epochs_runner(spec, 4)
    >>> p0 = [0.5, -0.4, 0.3, 0.2, 0.6, -0.7, 0.1, -0.1, 0.2, 0.8, -0.9, 0.4, 0.0]
    >>> x, y = [0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 1.0, 0.0]
    >>> p, losses = run(p0, x, y, 2.0, 5000)
    >>> len(losses), losses[-1] < 0.01 < losses[0]
    (5001, True)
    """
    if batch_size is None:
        batch_size = n_samples
    key, train_offsets = _check_args(spec, train_offsets, reduction, n_samples, "n_samples")
    _check_args(key, train_offsets, reduction, batch_size)
    if batch_size > n_samples:
        raise InputError(
            "err.fastpath.codegen.make_epochs_runner", n_samples=n_samples, batch_size=batch_size
        )
    return _make_runner(key, n_samples, batch_size, train_offsets, reduction, bool(record_batches))
