"""The playground lesson (10_playground) driven by hand in a real JupyterLab, in zh and en.

After every cell has run without an error, the test works the first playground on the page
(the 2-3-1 XOR net, η = 2, 3000 epochs) the way a student would: it moves the learning-rate
slider with the keyboard and waits for a new loss curve; unticks "retrain when a setting
changes", types 1 000 000 epochs and presses Train, collecting distinct pictures of the
growing curve; presses Pause and checks that the picture stands still and the status line
says "paused"; presses Reset and checks the curve and the status go back.  Every label is
looked up in bpcore's message catalogue, in the notebook's language, so a missing or
untranslated label fails the test.  Screenshots of each phase land in
_output/screenshots/playground/<lang>_<phase>.png.

The loss curve is an ipywidgets Image (<img> with a blob: src); it is the picture beside the
settings column, and is found from the learning-rate slider's label.  A frame is identified
by a hash of the PNG bytes behind the src, read in the page.
"""

from __future__ import annotations

import re
import string
import time
from pathlib import Path

import pytest

from bpcore.i18n import MESSAGES, t

pytestmark = pytest.mark.browser

#: Generous: CI runs this on two loaded cores.
TIMEOUT = 90.0
#: Epochs of the run that is paused: far more than can finish before Pause is pressed
#: (the compiled path runs roughly 2·10⁵ XOR epochs a second here).  The field's maximum.
LONG_RUN = 1_000_000
#: Distinct pictures of the growing curve to see before pressing Pause.
FRAMES = 5
#: How long a paused curve must stand still.
STILL_SECONDS = 1.5

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

# In the page: the PNG bytes behind an <img> (blob: or data: src), as a short FNV-1a hash.
# An old blob URL is revoked when the next picture arrives; a failed read returns null and
# the caller reads again.
READ_FRAME = """async img => {
    const src = img.getAttribute('src') || '';
    if (!src) return null;
    try {
        const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
        let h = 0x811c9dc5;
        for (let i = 0; i < bytes.length; i++) {
            h ^= bytes[i];
            h = Math.imul(h, 0x01000193) >>> 0;
        }
        return `${bytes.length}:${h.toString(16)}`;
    } catch (e) {
        return null;
    }
}"""

# In the page: tag the loss image and the status line of the playground `root` so later
# locators are plain CSS.  The loss image is the <img> nearest to the learning-rate slider
# (it sits beside the settings column); the status line is the HTML widget showing the
# "ready" text.  Returns what was found, for the error message.
TAG_PARTS = """(root, [etaLabel, readyPattern]) => {
    const label = [...root.querySelectorAll('.widget-slider > .widget-label')]
        .find(l => l.textContent.trim() === etaLabel);
    let box = label ? label.closest('.widget-slider') : null;
    while (box && box !== root && !box.querySelector('img')) box = box.parentElement;
    const img = box ? box.querySelector('img') : null;
    if (img) img.setAttribute('data-bp-test', 'loss');
    const ready = new RegExp(readyPattern);
    const status = [...root.querySelectorAll('.widget-html > .widget-html-content')]
        .find(e => ready.test(e.textContent.trim()));
    if (status) status.setAttribute('data-bp-test', 'status');
    return {slider: !!label, loss: !!img, status: !!status};
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


class Driver:
    """The first playground of an open notebook, read and worked through the page."""

    def __init__(self, page, lang: str):
        self.page, self.lang = page, lang
        train = t("btn.train", lang)
        self.root = (
            page.locator(".jp-OutputArea-output").filter(has=self.button_in(page, train)).first
        )
        self.root.wait_for(state="visible", timeout=TIMEOUT * 1000)
        found = self.root.evaluate(
            # JavaScript spells named groups (?<name>...)
            TAG_PARTS,
            [t("ui.eta", lang), template_regex("status.ready", lang).replace("(?P<", "(?<")],
        )
        assert all(found.values()), f"playground parts not found in the page: {found}"
        self.loss = self.root.locator("img[data-bp-test=loss]")
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

    def checkbox(self, key: str):
        """The checkbox beside the HTML label ui.<key> (the playground's label layout)."""
        text = t(f"ui.{key}", self.lang)
        label = self.page.locator(".widget-html-content").filter(
            has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")
        )
        # the innermost box holding the label: outer boxes come first in document order
        box = self.root.locator(".widget-hbox").filter(has=label).last
        return box.locator("input[type=checkbox]")

    def status(self) -> str:
        return self.status_line.inner_text().strip()

    def frame(self) -> str | None:
        return self.loss.evaluate(READ_FRAME)

    def wait_frame(self, timeout: float = TIMEOUT) -> str:
        return self.poll(self.frame, "the loss image to be readable", timeout)

    def poll(self, probe, what: str, timeout: float = TIMEOUT, interval: float = 0.1):
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

    def wait_status(self, key: str, timeout: float = TIMEOUT, **fixed) -> re.Match:
        pattern = re.compile(template_regex(key, self.lang, **fixed))
        return self.poll(
            lambda: pattern.match(self.status()), f"the status line to read {key} {fixed}", timeout
        )

    def wait_new_frame(self, old: str, what: str, timeout: float = TIMEOUT) -> str:
        return self.poll(lambda: (f := self.frame()) and f != old and f, what, timeout)


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
    # label; the language toggle's own "中文" / "English" is the one exception.
    text = pg.root.inner_text()
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_playground_by_hand(lab, lang):
    relpath = f"notebooks/{lang}/10_playground.ipynb"
    started = time.monotonic()
    with lab.notebook(relpath, locale=lab.locale_for(lang)) as (page, run):
        assert run.problems == [], "\n".join(run.problems)
        pg = Driver(page, lang)
        # Room for the whole playground, so each screenshot shows all of it.
        height = pg.root.evaluate("e => e.getBoundingClientRect().height")
        page.set_viewport_size({"width": 1400, "height": int(min(max(900, height + 300), 4000))})
        pg.root.scroll_into_view_if_needed()

        # --- labels, in the notebook's language ------------------------------------------
        problems = check_labels(pg, lang)
        assert problems == [], "\n".join(problems)
        ready = pg.wait_status("status.ready")
        first_status = ready.group(0)
        shot(lab, pg.root, lang, "1_opened")

        # --- the learning-rate slider, moved with the keyboard ---------------------------
        before = pg.wait_frame()
        handle = pg.control("eta").get_by_role("slider")
        old_eta = handle.get_attribute("aria-valuenow")
        handle.press("PageUp")  # focus the handle, one big step up (five steps of 0.01 in log η)
        pg.poll(
            lambda: handle.get_attribute("aria-valuenow") != old_eta,
            "the slider handle to move",
        )
        # "retrain when a setting changes" is on: a new run with the new η, 3000 epochs
        pg.wait_new_frame(before, "a new loss curve after moving the η slider")
        pg.wait_status("status.done", epochs=3000)
        after_slider = pg.wait_frame()
        assert after_slider != before
        shot(lab, pg.root, lang, "2_slider")

        # --- a long run, started with Train ----------------------------------------------
        auto = pg.checkbox("auto")
        assert auto.is_checked()
        auto.uncheck()
        epochs = pg.control("epochs").locator("input")
        epochs.fill(str(LONG_RUN))
        epochs.press("Tab")  # the text box sends its value when it loses focus
        # with automatic retraining off, a new setting only resets the run (and keeps the
        # finished one as a faded curve): a picture changes, nothing trains
        reset_picture = pg.wait_new_frame(after_slider, "the faded curve after new epochs")
        pg.wait_status("status.ready")

        pg.button("train").click()
        running = re.compile(template_regex("status.running", lang, epochs=LONG_RUN))
        frames: list[str] = []
        epochs_seen: list[int] = []
        deadline = time.monotonic() + TIMEOUT
        while len(frames) < FRAMES or len(epochs_seen) < 3:
            status = pg.status()
            m = running.match(status)
            if m and (not epochs_seen or int(m["epoch"]) != epochs_seen[-1]):
                epochs_seen.append(int(m["epoch"]))
            assert not re.match(template_regex("status.done", lang, epochs=LONG_RUN), status), (
                f"{LONG_RUN} epochs finished before Pause could be tested: make the run longer"
            )
            f = pg.frame()
            if f and f != reset_picture and (not frames or f != frames[-1]):
                frames.append(f)
            assert time.monotonic() < deadline, (
                f"[{lang}] {len(frames)} loss pictures and epochs {epochs_seen} "
                f"after {TIMEOUT:.0f} s of training; status {status!r}"
            )
            page.wait_for_timeout(50)
        assert len(set(frames)) >= FRAMES, frames
        assert epochs_seen == sorted(epochs_seen) and len(set(epochs_seen)) >= 3, epochs_seen
        assert pg.button("pause").is_enabled()
        assert pg.button("train").is_disabled()  # controls rest while a run is in progress
        shot(lab, pg.root, lang, "3_training")

        # --- Pause: the curve stands still -----------------------------------------------
        pg.button("pause").click()
        paused = pg.wait_status("status.paused")
        paused_at = int(paused["epoch"])
        assert epochs_seen[-1] <= paused_at < LONG_RUN
        still = pg.wait_frame()
        assert still not in (reset_picture, after_slider)
        watch_until = time.monotonic() + STILL_SECONDS
        while time.monotonic() < watch_until:
            page.wait_for_timeout(100)
            f = pg.frame()
            assert f in (None, still), f"[{lang}] the loss image changed while paused"
            assert pg.status() == paused.group(0), pg.status()
        pg.button("resume").wait_for(state="visible")
        assert pg.button("resume").is_enabled()
        assert pg.button("train").is_enabled()
        shot(lab, pg.root, lang, "4_paused")

        # --- Reset: back to the initial values -------------------------------------------
        pg.button("reset").click()
        pg.wait_new_frame(still, "the loss image to change after Reset")
        assert pg.wait_status("status.ready").group(0) == first_status
        back = pg.wait_frame()
        assert back not in (still, *frames)
        shot(lab, pg.root, lang, "5_reset")

        # --- nothing went wrong anywhere -------------------------------------------------
        error = re.compile(template_regex("status.error", lang))
        assert not error.match(pg.status()), pg.status()
        after = lab.check_again(page, relpath)
        assert after.problems == [], "\n".join(after.problems)
        # Reset leaves nothing to resume: the pause button must not offer "Resume" any more.
        resume = pg.button("resume")
        assert resume.count() == 0 or resume.is_disabled(), (
            f"[{lang}] after Reset the pause button still reads {t('btn.resume', lang)!r} "
            "and is enabled, though there is no run to resume"
        )
    print(f"\n{lang}: {time.monotonic() - started:.1f} s, {len(frames)} training frames seen")
