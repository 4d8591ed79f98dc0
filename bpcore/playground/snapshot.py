"""Static pictures of a playground, for places without widget state (GitHub, nbviewer).

Drawn by :mod:`bpcore.plots` (matplotlib, public API only; imported lazily by it).

Examples
--------
>>> from bpcore.playground.session import Session
>>> from bpcore.playground.setup import setup_from_example
>>> session = Session(setup_from_example("xor"), epochs=50)
>>> snapshot_png(session, "en").startswith(b"\\x89PNG")
True
"""

from __future__ import annotations

from .. import plots
from ..i18n import t

#: Epochs of the short real run behind a saved notebook's static picture (at most).
FALLBACK_EPOCHS = 2000


def snapshot_png(session, lang: str) -> bytes:
    """A static picture for places without widget state (GitHub, nbviewer): the loss
    curve and the network after a short real run with the current settings (or the
    current run, if one was trained), drawn by :mod:`bpcore.plots`."""
    s = session
    with s.lock:
        history = s.history if s.epochs_run > 0 else None
        settings = dict(s.run_settings or s.settings)
        previous = [(s.run_label(r.settings, lang), r.loss) for r in s.runs]
    if history is None:
        # on the live runs' path (compiled for small nets): the runner it builds is the one
        # the first slider move needs anyway, so a saved picture costs milliseconds
        epochs = min(settings["epochs"], FALLBACK_EPOCHS)
        history = s.trial_run(epochs)  # takes the session's lock itself
        settings["epochs"] = epochs
    label = s.run_label(settings, lang)
    loss = plots.to_png(
        plots.loss_figure(
            history,
            previous,
            lang=lang,
            label=label,
            title=t("plot.fallback", lang, epochs=history.epochs_run),
        )
    )
    network = plots.to_png(plots.network_figure(history.net, lang=lang))
    return plots.side_by_side([loss, network])


def panel_png(session, lang: str, panel: str = "network", show_values: bool = True) -> bytes:
    """A static PNG of one panel as it is now ("loss" or "network"), by bpcore.plots."""
    s = session
    with s.lock:
        if panel == "loss":
            previous = [(s.run_label(r.settings, lang), r.loss) for r in s.runs]
            label = s.run_label(s.run_settings or s.settings, lang)
            fig = plots.loss_figure(s.history, previous, lang=lang, label=label)
            return plots.to_png(fig)
        spec = s.net.spec
        plot = plots.NetworkPlot(spec.sizes, spec.offsets, lang)
        step = s.step
        weights = [layer.W for layer in s.net.layers]
        offsets = [layer.offset for layer in s.net.layers]
        show = bool(show_values)
        if step is None:
            plot.draw(weights, offsets, show_values=show)
        elif step["phase"] == "forward":
            k, trace = step["sample_shown"], step["trace"]
            units = [trace.X[k]] + [lt.out[k] for lt in trace.layers]
            plot.draw(weights, offsets, phase="forward", unit_values=units, show_values=show)
        elif step["phase"] == "backward":
            k, grads = step["sample_shown"], step["grads"]
            plot.draw(
                weights,
                offsets,
                phase="backward",
                edge_values=[g.W for g in grads.layers],
                offset_values=[g.offset for g in grads.layers],
                unit_values=[d[k] for d in step["deltas"]],
                show_values=show,
            )
        else:
            new = step["new"]
            plot.draw(
                weights,
                offsets,
                phase="update",
                edge_values=[layer.W for layer in new.layers],
                offset_values=[layer.offset for layer in new.layers],
                show_values=show,
            )
        return plots.to_png(plot.fig)
