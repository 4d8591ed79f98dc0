"""The step table: every number of one iteration, forward, backward and update, as HTML."""

from __future__ import annotations

from .. import plots
from ..i18n import t


def step_table_html(session, names, lang) -> str:
    """The step table: every number of the iteration being stepped (HTML)."""
    step = session.step
    if step is None:
        return f"<p><i>{_escape(t('table.empty', lang))}</i></p>"
    trace = step["trace"]
    samples = ", ".join(str(r + 1) for r in step["rows"])
    caption = t(
        "table.caption",
        lang,
        iteration=step["iteration"],
        samples=samples,
        eta=session.settings["eta"],
    )
    parts = [f"<p><b>{_escape(caption)}</b></p>"]
    # forward: one row per sample
    head = [t("table.sample", lang)] + names["units"][0]
    for k in range(len(trace.layers)):
        head += names["sum"][k] + names["units"][k + 1]
    head += [f"y{plots.sub(j + 1)}" for j in range(step["Y"].shape[1])]
    rows = []
    for r, row in enumerate(step["rows"]):
        cells = [str(row + 1)] + [plots.fmt(v) for v in trace.X[r]]
        for lt in trace.layers:
            cells += [plots.fmt(v) for v in lt.a[r]] + [plots.fmt(v) for v in lt.out[r]]
        cells += [plots.fmt(v) for v in step["Y"][r]]
        rows.append(cells)
    parts.append(_html_table(t("table.forward", lang), head, rows))
    if step["phase"] in ("backward", "update"):
        head = [t("table.sample", lang)]
        for k in reversed(range(len(trace.layers))):
            head += names["delta"][k]
        rows = []
        for r, row in enumerate(step["rows"]):
            cells = [str(row + 1)]
            for k in reversed(range(len(trace.layers))):
                cells += [plots.fmt(v) for v in step["deltas"][k][r]]
            rows.append(cells)
        parts.append(_html_table(t("table.backward", lang), head, rows))
        grads = step["grads"]
        eta, frozen = session.settings["eta"], not session.settings["train_offsets"]
        head = [
            t("table.parameter", lang),
            t("table.old", lang),
            t("table.gradient", lang),
            t("table.delta", lang),
            t("table.new", lang),
        ]
        rows = []
        new = step.get("new")
        old = session.net if new is None else step["old"]
        for k, (layer, g) in enumerate(zip(old.layers, grads.layers)):
            n_in, n_out = layer.W.shape
            for i in range(n_in):
                for j in range(n_out):
                    delta = -eta * g.W[i, j]
                    rows.append(
                        [
                            names["W"][k][i][j],
                            plots.fmt(layer.W[i, j]),
                            plots.fmt(g.W[i, j]),
                            plots.fmt(delta),
                            plots.fmt(new.layers[k].W[i, j]) if new else "…",
                        ]
                    )
            for j in range(n_out):
                delta = 0.0 if frozen else -eta * g.offset[j]
                rows.append(
                    [
                        names["offset"][k][j],
                        plots.fmt(layer.offset[j]),
                        plots.fmt(g.offset[j]),
                        plots.fmt(delta),
                        plots.fmt(new.layers[k].offset[j]) if new else "…",
                    ]
                )
        parts.append(_html_table(t("table.update", lang), head, rows))
        parts.append(f"<p>{_escape(t('table.loss', lang))}: {plots.fmt(grads.loss, 6)}</p>")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _html_table(caption: str, head: list, rows: list) -> str:
    th = "".join(f"<th style='padding:2px 6px'>{_escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f"<td style='padding:2px 6px;text-align:right'>{_escape(c)}</td>" for c in row)
        + "</tr>"
        for row in rows
    )
    return (
        f"<table style='border-collapse:collapse;font-size:90%'>"
        f"<caption style='text-align:left'><b>{_escape(caption)}</b></caption>"
        f"<thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    )
