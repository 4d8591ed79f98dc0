"""The playground driven by hand in a real JupyterLab in Chromium, in zh and en.

``test_playground_by_hand`` runs lesson 10 (every cell), then works its first playground
(the 2-3-1 XOR net, η = 2, 3000 epochs) the way a student would: moves the learning-rate
slider with the keyboard and waits for a new loss curve; unticks "retrain when a setting
changes", types 1 000 000 epochs and presses Train, watching the curve grow while every
control stays usable; presses Pause (the curve stands still, the status says "paused") and
Reset.  The other tests open the same playground in a throwaway notebook: ten arrow-key
presses 33 ms apart (the last value is the one trained), typed numbers that must be refused
with a message beside the box in the page's language (not clamped), a kernel where
``threading.Thread.start`` raises (training runs in cooperative asyncio chunks, Pause still
works), and the bytes the kernel sends per frame of the live curve.  Every label is looked up
in bpcore's message catalogue in the notebook's language.  Screenshots land in
_output/screenshots/playground/<lang>_<phase>.png.

The panels are anywidget views drawn by bpcore/playground/live.js on a <canvas>; after each
drawing the element carries ``data-frames`` (a counter), ``data-run`` and ``data-epoch`` (the
run and the last epoch drawn) and the canvas ``bpLabels`` (the boxes of the texts drawn), so
a test reads what is on screen without decoding pixels.
"""

from __future__ import annotations

import json
import re
import string
import time
from pathlib import Path

import pytest

from bpcore.i18n import MESSAGES, t

pytestmark = pytest.mark.browser

#: Generous: CI runs this on two loaded cores.
TIMEOUT = 90.0
#: Epochs of the run that is paused: far more than can finish before Pause is pressed.
#: The field's maximum.
LONG_RUN = 1_000_000
#: Distinct drawings of the growing curve to see before pressing Pause.
FRAMES = 5
#: How long a paused curve must stand still.
STILL_SECONDS = 1.5
#: The issue's budget for one frame of the live curve on the websocket.
FRAME_BYTES = 2048

BUTTONS = (
    "train",
    "pause",
    "step_iteration",
    "step_epoch",
    "reset",
    "clear_runs",
    "show_code",
    "reset_weights",
    "randomise",
)
CONTROL_LABELS = ("eta", "epochs", "mode", "batch_size", "hidden_activation", "seed", "lang")
CHECKBOX_LABELS = ("train_offsets", "auto", "show_values")
MODES = ("standard", "accumulated", "minibatch")
#: Keys whose English text must not appear anywhere in the zh playground.
ENGLISH_CHECKED = (
    *(f"btn.{k}" for k in (*BUTTONS, "resume")),
    *(f"ui.{k}" for k in CONTROL_LABELS + CHECKBOX_LABELS),
    *(f"mode.{m}" for m in MODES),
    "ui.offset.threshold",
)
#: What a finished run may report (the verdict can be oscillation or slow progress).
FINISHED = ("status.done", "status.oscillating", "status.no_progress")

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
#: Lesson 10's first playground, in a throwaway notebook.
PLAYGROUND_CELLS = [
    "import bpcore\nfrom bpcore import examples\nxor = examples.get('t001_xor')",
    "bpcore.widgets.playground(sizes=(2, 3, 1), X=xor.X, Y=xor.Y, eta=2.0, epochs=3000,"
    " lang={lang!r})",
]
# Thread.start raises for every thread but the kernel's own transport (pyzmq, ipykernel):
# Pyodide's kernel has no zmq at all, while here pyzmq starts its garbage-collector thread on
# the first large zero-copy send; refusing that one broke the kernel's messages and hung the
# run (the cause of the earlier 15-minute hang, not the playground).
NO_THREADS = (
    "import threading\n\n_start = threading.Thread.start\n\n\n"
    "def _no_threads(self):\n"
    "    if type(self).__module__.split('.')[0] in ('zmq', 'ipykernel', 'jupyter_client'):\n"
    "        return _start(self)  # the kernel's transport, absent in Pyodide\n"
    '    raise RuntimeError("can\'t start new thread")\n\n\n'
    "threading.Thread.start = _no_threads  # as in Pyodide: no thread of ours can start"
)

# In the page: what the loss panel shows now.
READ_LOSS = """el => {
    const canvas = el.querySelector('canvas');
    return {
        frames: Number(el.dataset.frames || 0),
        run: el.dataset.run || '',
        epoch: Number(el.dataset.epoch || 0),
        labels: canvas && canvas.bpLabels ? canvas.bpLabels.map(b => b.text) : [],
        alt: canvas ? canvas.getAttribute('aria-label') || '' : '',
    };
}"""

# In the page: tag the status line of the playground `root` (the HTML widget showing the
# "ready" text) so later locators are plain CSS.
TAG_STATUS = """(root, readyPattern) => {
    const ready = new RegExp(readyPattern);
    const status = [...root.querySelectorAll('.widget-html > .widget-html-content')]
        .find(e => ready.test(e.textContent.trim()));
    if (status) status.setAttribute('data-bp-test', 'status');
    return !!status;
}"""

# In the page: the visible texts of the playground's labels, buttons and choices.
READ_LABELS = """root => {
    const text = e => e.textContent.replace(/\\u00a0/g, ' ').trim();
    const all = sel => [...root.querySelectorAll(sel)].map(text).filter(s => s);
    return {
        buttons: all('button.widget-button'),
        tips: Object.fromEntries([...root.querySelectorAll('button.widget-button')]
            .map(b => [text(b), b.getAttribute('title') || ''])),
        labels: all('.widget-label'),
        html: all('.widget-html-content'),
        options: all('option'),
        headers: all('.jupyter-widget-Collapse-header'),
    };
}"""


def template_regex(key: str, lang: str, **fixed) -> str:
    """A catalogue template as a regex: given fields literally, the others as named groups."""
    parts = []
    for literal, name, spec, _conv in string.Formatter().parse(MESSAGES[key][lang]):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in fixed:
            parts.append(re.escape(format(fixed[name], spec)))
        else:
            parts.append(f"(?P<{name}>.+?)")
    return "^" + "".join(parts) + "$"


def shot(lab, root, lang: str, phase: str) -> Path:
    target = lab.screenshots / "playground" / f"{lang}_{phase}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    root.screenshot(path=str(target))
    return target


def write_notebook(path: Path, sources: list[str]) -> None:
    """A throwaway notebook of code cells."""
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        "cells": [
            {
                "id": f"c{i}",
                "cell_type": "code",
                "metadata": {},
                "source": source,
                "outputs": [],
                "execution_count": None,
            }
            for i, source in enumerate(sources)
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")


def playground_notebook(lab, name: str, lang: str, before: tuple[str, ...] = ()) -> str:
    relpath = f"_playground/{name}_{lang}.ipynb"
    cells = [*before, *(c.format(lang=lang) for c in PLAYGROUND_CELLS)]
    write_notebook(lab.root / relpath, cells)
    return relpath


class Driver:
    """The first playground of an open notebook, read and worked through the page."""

    def __init__(self, page, lang: str):
        self.page, self.lang = page, lang
        train = t("btn.train", lang)
        self.root = (
            page.locator(".jp-OutputArea-output").filter(has=self.button_in(page, train)).first
        )
        self.root.wait_for(state="visible", timeout=TIMEOUT * 1000)
        self.loss = self.root.locator(".bpcore-live-loss").first
        self.loss.locator("canvas").wait_for(state="attached", timeout=TIMEOUT * 1000)
        ready = template_regex("status.ready", lang).replace("(?P<", "(?<")  # JS named groups
        assert self.root.evaluate(TAG_STATUS, ready), "the status line is not in the page"
        self.status_line = self.root.locator("[data-bp-test=status]")

    @staticmethod
    def button_in(scope, label: str):
        return scope.locator("button.widget-button").filter(
            has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
        )

    def button(self, key: str):
        return self.button_in(self.root, t(f"btn.{key}", self.lang))

    def control(self, key: str):
        """The slider, text box or dropdown whose label is the catalogue's ui.<key>."""
        label = self.page.locator(".widget-label").filter(
            has_text=re.compile(rf"^\s*{re.escape(t(f'ui.{key}', self.lang))}\s*$")
        )
        return self.root.locator(".widget-inline-hbox").filter(has=label).first

    def message(self, key: str):
        """The message beside the typed box ui.<key> (its row's alert)."""
        # the box and its message share a row: the message is the box's next sibling
        return self.control(key).locator("xpath=following-sibling::*[1]").locator("[role=alert]")

    def checkbox(self, key: str):
        """The checkbox beside the HTML label ui.<key> (the playground's label layout)."""
        text = t(f"ui.{key}", self.lang)
        label = self.page.locator(".widget-html-content").filter(
            has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")
        )
        # the innermost box holding the label: outer boxes come first in document order
        box = self.root.locator(".widget-hbox").filter(has=label).last
        return box.locator("input[type=checkbox]")

    def type_into(self, key: str, text: str) -> None:
        box = self.control(key).locator("input")
        box.fill(text)
        box.press("Enter")  # a text box sends its value on Enter (or when it loses focus)

    def status(self) -> str:
        return self.status_line.inner_text().strip()

    def shown(self) -> dict:
        return self.loss.evaluate(READ_LOSS)

    def poll(self, probe, what: str, timeout: float = TIMEOUT, interval: float = 0.05):
        """probe() until it returns something truthy; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = probe()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"[{self.lang}] waited {timeout:.0f} s for {what}; status: {self.status()!r}"
                )
            self.page.wait_for_timeout(interval * 1000)

    def match_status(self, keys, **fixed) -> re.Match | None:
        text = self.status()
        for key in (keys,) if isinstance(keys, str) else keys:
            m = re.match(template_regex(key, self.lang, **fixed), text)
            if m:
                return m
        return None

    def wait_status(self, keys, timeout: float = TIMEOUT, **fixed) -> re.Match:
        return self.poll(
            lambda: self.match_status(keys, **fixed),
            f"the status line to read {keys} {fixed}",
            timeout,
        )

    def wait_finished(self, epochs: int, timeout: float = TIMEOUT) -> dict:
        """A finished run of `epochs` epochs, drawn and reported."""

        def done():
            shown = self.shown()
            if shown["epoch"] != epochs:
                return None
            if self.match_status("status.done", epochs=epochs) or self.match_status(FINISHED[1:]):
                return shown
            return None

        return self.poll(done, f"a finished run of {epochs} epochs on screen", timeout)

    def current_label(self) -> str:
        """The legend text of the current run (the catalogue's "this run: ..." label)."""
        prefix = t("plot.loss.current", self.lang)
        texts = self.shown()["labels"]
        start = next((k for k, s in enumerate(texts) if s.startswith(prefix)), None)
        assert start is not None, f"no legend entry for the current run among {texts}"
        # a wrapped legend entry continues on the next lines, up to the next entry
        out = [texts[start]]
        for s in texts[start + 1 :]:
            if s.startswith(prefix) or "η" in s:
                break
            out.append(s)
        return "".join(out) if self.lang == "zh" else " ".join(out)

    def controls_enabled(self) -> list[str]:
        """Names of the controls that are disabled (none should be, ever)."""
        disabled = []
        for key in ("train", "step_iteration", "reset", "clear_runs"):
            if self.button(key).is_disabled():
                disabled.append(key)
        if self.control("eta").locator(".noUi-target[disabled], [disabled]").count():
            disabled.append("eta")
        if self.control("epochs").locator("input").is_disabled():
            disabled.append("epochs")
        return disabled


def check_labels(pg: Driver, lang: str) -> list[str]:
    """Every label of the playground, against the catalogue in ``lang`` and the other one."""
    other = "en" if lang == "zh" else "zh"
    seen = pg.root.evaluate(READ_LABELS)
    problems = []

    def expect(key: str, where: str, **fields):
        text = t(key, lang, **fields)
        if text not in seen[where]:
            problems.append(f"{key}: {text!r} not among the {where}: {seen[where]}")
        foreign = t(key, other, **fields)
        everywhere = [s for k, v in seen.items() if k != "tips" for s in v]
        if foreign != text and foreign in everywhere:
            problems.append(f"{key}: the {other} text {foreign!r} is shown in a {lang} notebook")

    for key in BUTTONS:
        expect(f"btn.{key}", "buttons")
        label, tip = t(f"btn.{key}", lang), t(f"tip.{key}", lang)
        if label in seen["tips"] and seen["tips"][label] != tip:
            problems.append(f"tooltip of {label!r} is {seen['tips'][label]!r}, expected {tip!r}")
    for key in CONTROL_LABELS:
        expect(f"ui.{key}", "labels")
    for key in CHECKBOX_LABELS:
        expect(f"ui.{key}", "html")
    for mode in MODES:
        expect(f"mode.{mode}", "options")
    expect("ui.weights", "headers", offset=t("ui.offset.threshold", lang))
    title = re.compile(template_regex("ui.title", lang))
    if not any(title.match(h) for h in seen["html"]):
        problems.append(f"no title matching {title.pattern!r} in {seen['html'][:3]}")
    # Nothing of the other language anywhere in the visible text, not even inside a longer
    # label; the language toggle's own "中文" / "English" is the one exception.  The texts
    # drawn on the canvases count as visible text.
    drawn = " ".join(pg.root.evaluate(
        "root => [...root.querySelectorAll('canvas')]"
        ".flatMap(c => (c.bpLabels || []).map(b => b.text))"
    ))  # fmt: skip
    text = pg.root.inner_text() + " " + drawn
    if lang == "en":
        cjk = sorted({c for c in text if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"})
        if set(cjk) - set("中文"):
            problems.append(f"Chinese characters in the en playground: {''.join(cjk)}")
    else:
        for key in ENGLISH_CHECKED:
            foreign = t(key, "en")
            if foreign != t(key, "zh") and foreign in text.replace("English", ""):
                problems.append(f"{key}: the English text {foreign!r} is in the zh playground")
    return problems


def overlapping_labels(pg: Driver) -> list[str]:
    """Pairs of texts drawn on any panel whose boxes overlap (names sit inside circles)."""
    return pg.root.evaluate(
        """root => {
            const out = [];
            for (const c of root.querySelectorAll('canvas')) {
                const boxes = (c.bpLabels || []).filter(b => b.kind !== 'unit');
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i], b = boxes[j];
                    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
                        out.push(`${a.text} / ${b.text}`);
                }
            }
            return out;
        }"""
    )


def open_playground(lab, relpath: str, lang: str):
    """``lab.notebook`` for a notebook whose cells must all run cleanly."""
    return lab.notebook(relpath, locale=lab.locale_for(lang))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_playground_by_hand(lab, lang):
    relpath = f"notebooks/{lang}/10_playground.ipynb"
    started = time.monotonic()
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        # Room for the whole playground, so each screenshot shows all of it.
        height = pg.root.evaluate("e => e.getBoundingClientRect().height")
        page.set_viewport_size({"width": 1400, "height": int(min(max(900, height + 300), 4000))})
        pg.root.scroll_into_view_if_needed()

        # --- labels, in the notebook's language; no drawn text covers another ----------
        problems = check_labels(pg, lang)
        assert problems == [], "\n".join(problems)
        ready = pg.wait_status("status.ready")
        first_status = ready.group(0)
        assert overlapping_labels(pg) == []
        shot(lab, pg.root, lang, "1_opened")

        # --- the learning-rate slider, moved with the keyboard ---------------------------
        before = pg.shown()
        handle = pg.control("eta").get_by_role("slider")
        old_eta = handle.get_attribute("aria-valuenow")
        handle.press("PageUp")  # focus the handle, one big step up (five steps of 0.01 in log η)
        pg.poll(
            lambda: handle.get_attribute("aria-valuenow") != old_eta,
            "the slider handle to move",
        )
        # "retrain when a setting changes" is on: a new run with the new η, 3000 epochs
        after_slider = pg.wait_finished(3000)
        assert after_slider["run"] != before["run"]
        assert overlapping_labels(pg) == []
        shot(lab, pg.root, lang, "2_slider")

        # --- a long run, started with Train ----------------------------------------------
        auto = pg.checkbox("auto")
        assert auto.is_checked()
        auto.uncheck()
        pg.type_into("epochs", str(LONG_RUN))
        # automatic retraining off: a new setting resets the run (the finished one stays as
        # a faded curve); nothing trains until Train
        pg.poll(
            lambda: pg.shown()["epoch"] == 0 and pg.shown()["run"] != after_slider["run"],
            "the reset curve after new epochs",
        )
        pg.wait_status("status.ready")

        pg.button("train").click()
        running = re.compile(template_regex("status.running", lang, epochs=LONG_RUN))
        frames: list[int] = []
        epochs_seen: list[int] = []
        deadline = time.monotonic() + TIMEOUT
        while len(frames) < FRAMES or len(epochs_seen) < 3:
            status = pg.status()
            m = running.match(status)
            if m and (not epochs_seen or int(m["epoch"]) != epochs_seen[-1]):
                epochs_seen.append(int(m["epoch"]))
            assert not pg.match_status("status.done", epochs=LONG_RUN), (
                f"{LONG_RUN} epochs finished before Pause could be tested: make the run longer"
            )
            shown = pg.shown()
            if shown["epoch"] > 0 and (not frames or shown["epoch"] != frames[-1]):
                frames.append(shown["epoch"])
            assert time.monotonic() < deadline, (
                f"[{lang}] curve epochs {frames} and status epochs {epochs_seen} "
                f"after {TIMEOUT:.0f} s of training; status {status!r}"
            )
            page.wait_for_timeout(50)
        assert frames == sorted(frames) and len(set(frames)) >= FRAMES, frames
        assert epochs_seen == sorted(epochs_seen) and len(set(epochs_seen)) >= 3, epochs_seen
        # nothing is locked while a run trains: a new value would cancel it and train
        assert pg.controls_enabled() == []
        assert pg.button("pause").is_enabled()
        shot(lab, pg.root, lang, "3_training")

        # --- Pause: the curve stands still -----------------------------------------------
        pg.button("pause").click()
        paused = pg.wait_status("status.paused")
        paused_at = int(paused["epoch"])
        assert epochs_seen[-1] <= paused_at < LONG_RUN
        still = pg.poll(
            lambda: (s := pg.shown())["epoch"] == paused_at and s, "the paused curve drawn"
        )
        watch_until = time.monotonic() + STILL_SECONDS
        while time.monotonic() < watch_until:
            page.wait_for_timeout(100)
            now = pg.shown()
            assert (now["frames"], now["epoch"]) == (still["frames"], still["epoch"]), (
                f"[{lang}] the loss curve changed while paused"
            )
            assert pg.status() == paused.group(0), pg.status()
        pg.button("resume").wait_for(state="visible")
        assert pg.button("resume").is_enabled() and pg.button("train").is_enabled()
        shot(lab, pg.root, lang, "4_paused")

        # --- Reset: back to the initial values -------------------------------------------
        pg.button("reset").click()
        pg.poll(lambda: pg.shown()["epoch"] == 0, "the curve to go back after Reset")
        assert pg.wait_status("status.ready").group(0) == first_status
        shot(lab, pg.root, lang, "5_reset")

        # --- nothing went wrong anywhere -------------------------------------------------
        assert not pg.match_status("status.error"), pg.status()
        after = lab.check_again(page, relpath)
        assert after.problems == [], "\n".join(after.problems)
        # Reset leaves nothing to resume: the pause button must not offer "Resume" any more.
        resume = pg.button("resume")
        assert resume.count() == 0 or resume.is_disabled(), (
            f"[{lang}] after Reset the pause button still reads {t('btn.resume', lang)!r} "
            "and is enabled, though there is no run to resume"
        )
    print(f"\n{lang}: {time.monotonic() - started:.1f} s, {len(frames)} training frames seen")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ten_keys_33_ms_apart_the_last_value_is_trained(lab, lang):
    relpath = playground_notebook(lab, "keys", lang)
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        pg.wait_status("status.ready")
        handle = pg.control("eta").get_by_role("slider")
        handle.focus()
        start = float(handle.get_attribute("aria-valuenow"))
        for _ in range(10):  # a student holding the key: one press every 33 ms
            handle.press("ArrowRight")
            page.wait_for_timeout(33)
        end = float(handle.get_attribute("aria-valuenow"))
        # each press is one step of 0.01 in log10 η: all ten reached the slider
        assert end - start == pytest.approx(0.10, abs=1e-9), (start, end)
        eta = 10**end
        # the run on screen is the last value's, complete: η in the legend (the kernel's
        # own label of the run it trained) and in the exact-η box, 3000 epochs drawn
        pg.wait_finished(3000)
        expected = t("plot.loss.run_full", lang, eta=eta, mode="", act="", epochs=3000)
        eta_text = expected.split("，" if lang == "zh" else ",")[0]
        pg.poll(lambda: eta_text in pg.current_label(), f"{eta_text!r} in the legend")
        box = float(pg.control("eta_text").locator("input").input_value())
        assert box == pytest.approx(eta, rel=1e-4)
        assert pg.controls_enabled() == []
        assert not pg.match_status("status.error"), pg.status()
        shot(lab, pg.root, lang, "6_keys")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_typed_numbers_are_refused_beside_the_box(lab, lang):
    relpath = playground_notebook(lab, "typed", lang)
    other = "en" if lang == "zh" else "zh"
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        ready = pg.wait_status("status.ready").group(0)
        run_id = pg.shown()["run"]
        label = t("ui.epochs", lang)
        cases = [
            ("epochs", "2.5", "input.not_integer"),
            ("epochs", "0", "input.range"),
            ("epochs", "-5", "input.range"),
            ("epochs", "abc", "input.not_number"),
            ("epochs", "99999999", "input.range"),
            ("seed", "-1", "input.range"),
        ]
        for key, typed, message_key in cases:
            pg.type_into(key, typed)
            name = t(f"ui.{key}", lang)
            pattern = template_regex(message_key, lang, name=name, text=typed)
            message = pg.message(key)
            # the message of the previous case stays until this one's arrives: wait for it
            text = pg.poll(
                lambda m=message, p=pattern: (
                    m.count() and re.match(p, s := m.first.inner_text().strip()) and s
                ),
                f"a message beside {key} for {typed!r} matching {pattern!r}",
            )
            assert t(f"ui.{key}", other) not in text
            # refused, not clamped: the box keeps what was typed, nothing retrained
            assert pg.control(key).locator("input").input_value() == typed
            assert pg.shown()["run"] == run_id and pg.status() == ready
        shot(lab, pg.root, lang, "7_typed")
        # a good value clears the message and is used at once (auto retrain, ≤ 20 000)
        pg.type_into("epochs", "500")
        pg.poll(lambda: pg.message("epochs").count() == 0, "the epochs message to clear")
        pg.wait_finished(500)
        assert label in pg.root.inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_threads_training_runs_in_asyncio_chunks(lab, lang):
    """Thread.start raises (as in Pyodide): the playground opens, trains, shows a live curve
    and pauses; the kernel stays responsive between chunks."""
    relpath = playground_notebook(lab, "nothreads", lang, before=(NO_THREADS,))
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        pg.wait_status("status.ready")
        handle = pg.control("eta").get_by_role("slider")
        handle.press("ArrowRight")
        pg.wait_finished(3000)
        pg.checkbox("auto").uncheck()
        pg.type_into("epochs", str(LONG_RUN))
        pg.wait_status("status.ready")
        pg.button("train").click()
        seen = set()
        pg.poll(
            lambda: seen.add(pg.shown()["epoch"]) or len(seen - {0}) >= 3,
            "three drawings of the live curve without threads",
        )
        pg.button("pause").click()  # handled between two chunks
        paused = pg.wait_status("status.paused")
        assert 0 < int(paused["epoch"]) < LONG_RUN
        assert not pg.match_status("status.error"), pg.status()
        shot(lab, pg.root, lang, "8_no_threads")


def live_frames(lab, lang: str, page_name: str, tails_wanted: int = 20):
    """Train a long run and log the websocket while ``tails_wanted`` curve frames arrive."""
    relpath = playground_notebook(lab, page_name, lang)
    with open_playground(lab, relpath, lang) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        pg.wait_status("status.ready")
        pg.checkbox("auto").uncheck()
        pg.type_into("epochs", str(LONG_RUN))
        pg.wait_status("status.ready")
        pg.button("train").click()
        pg.wait_status("status.running", epochs=LONG_RUN)
        log = page.ws_log = []  # from now on: every websocket frame the page receives
        pg.poll(
            lambda: sum('"tail"' in text for _, text in log) >= tails_wanted,
            f"{tails_wanted} frames of the live curve",
        )
        page.ws_log = None
        pg.button("pause").click()
        pg.wait_status("status.paused")
    tails = [size for size, text in log if '"tail"' in text]
    total = sum(size for size, _ in log)
    print(f"\n{lang}: {len(log)} websocket frames, {total} bytes, {len(tails)} curve frames")
    print(f"{lang}: {total / len(tails):.0f} bytes per curve frame (all), tail max {max(tails)}")
    return tails, total


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bytes_per_frame_of_the_live_curve(lab, lang):
    """One frame of the live curve (the tail message the kernel sends) stays within 2 KB."""
    tails, _total = live_frames(lab, lang, "bytes")
    assert max(tails) <= FRAME_BYTES, tails


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_all_traffic_per_frame_within_budget(lab, lang):
    """Everything the kernel sends while training, per frame of the live curve, within 2 KB."""
    tails, total = live_frames(lab, lang, "traffic")
    assert total / len(tails) <= FRAME_BYTES, f"{total / len(tails):.0f} bytes per frame"
