"""The page in a real browser: Debian's headless Chromium, driven by Playwright for Python.

Playwright is pointed at the system's /usr/bin/chromium (never `playwright install`, which
downloads a browser build): its auto-waiting locators wait for the debounced checks without
a sleep. The tests skip, saying why, only where no Chromium or no Playwright is installed."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_serve import DRAFT, running_page

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e '.[serve-test]')"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no Chromium installed (apt-get install chromium)", allow_module_level=True)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A real browser, an external tool like pre-commit: `-m "not slow"` leaves these out.
# One worker starts the browser once for the module (pytest-xdist groups them).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]
# Generous: the first check loads the word lists, on a machine that may be busy.
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module's tests (each gets a fresh context)."""
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, str, list[str]]]:
    """A fresh tab on the page (ready), its address, and every request it made elsewhere and
    every error or warning on its console."""
    with running_page(tmp_path) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            tab.set_default_timeout(WAIT_MS)
            sync_api.expect.set_options(timeout=WAIT_MS)
            problems: list[str] = []
            tab.on("request", lambda r: None if r.url.startswith(server.url) else problems.append(r.url))
            tab.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            tab.on("pageerror", lambda error: problems.append(str(error)))
            tab.goto(server.url)
            tab.wait_for_selector("body[data-ready=true]")
            yield tab, server.url, problems
        finally:
            context.close()


def test_type_see_the_marks_click_a_finding_apply_its_fix(
    browser_page: tuple[Any, str, list[str]], tmp_path: Path
) -> None:
    tab, _url, problems = browser_page
    expect = sync_api.expect
    draft = tab.locator("#draft")
    head, tail = DRAFT.split("choose", 1)
    draft.fill(head)
    draft.press_sequentially("choose" + tail)  # typed, key by key: the checks wait for a pause
    # The findings are marked in the text, under the words they are about.
    repeated = tab.locator("#backdrop mark", has_text=re.compile(r"^\s*the\s*$"))
    expect(repeated).to_have_count(1)
    expect(tab.locator("#backdrop mark", has_text="In order to")).to_have_count(1)
    expect(tab.locator("#verdict")).to_have_text("1 thing to fix")  # "In order to" is info: marked, not blocking
    expect(tab.locator('#checklist li[data-key="proofread"]')).to_have_class("not-met")

    # A click on the marked words in the draft shows that finding.
    box = repeated.bounding_box()
    assert box is not None
    tab.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    detail = tab.locator("#detail")
    expect(detail).to_be_visible()
    expect(tab.locator("#detail-message")).to_contain_text('"the" is typed twice')
    expect(tab.locator("#detail-why")).not_to_be_empty()
    expect(tab.locator("#draft")).to_be_focused()  # the writer's caret stays where it was

    # Picked from the list, then fixed: the text changes, and the checklist with it.
    tab.locator("#findings button", has_text="twice").click()
    expect(detail).to_be_focused()
    expect(tab.locator("#findings li", has_text="twice").locator("#detail")).to_be_visible()  # under it
    tab.locator("#apply-fix").click()
    expect(draft).to_have_value(DRAFT.replace("the the", "the"))
    expect(tab.locator('#checklist li[data-key="proofread"]')).to_have_class("met")
    expect(tab.locator("#verdict")).to_have_text("Ready to send (1 hint below)")
    expect(tab.locator("#status")).to_contain_text("Fixed")
    tab.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert (tmp_path / "page.png").stat().st_size > 0
    assert problems == []


def test_keyboard_only_reaches_and_fixes_a_finding_and_copies_the_reply(
    browser_page: tuple[Any, str, list[str]],
) -> None:
    tab, url, problems = browser_page
    expect = sync_api.expect
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
    tab.locator("#draft").fill(DRAFT.replace("the the", "the"))
    expect(tab.locator("#verdict")).to_have_text("Ready to send (1 hint below)")  # "In order to" is info
    # Tab from the draft until a finding has the focus: the findings are in the tab order.
    tab.locator("#draft").focus()
    for _ in range(12):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.matches('#findings button')"):
            break
    else:
        pytest.fail("no finding is reachable with Tab")
    # The focus is shown: a visible outline, not the browser's default none.
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # A check answered meanwhile rebuilds the list; the focus stays on the finding.
    tab.evaluate("document.activeElement.dataset.before = 'yes'")
    tab.evaluate("document.getElementById('channel').dispatchEvent(new Event('change'))")
    expect(tab.locator("#findings button[data-before]")).to_have_count(0)  # rebuilt
    expect(tab.locator("#findings button.finding").first).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab.locator("#detail")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(tab.locator("#apply-fix")).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab.locator("#verdict")).to_have_text("Ready to send")
    expect(tab.locator('#checklist li[data-key="concise"]')).to_have_class("met")
    tab.locator("#copy").focus()
    tab.keyboard.press("Enter")
    expect(tab.locator("#status")).to_have_text("Copied the reply.")
    assert tab.evaluate("navigator.clipboard.readText()") == tab.locator("#draft").input_value()
    assert problems == []


def test_readable_at_200_percent_zoom(browser_page: tuple[Any, str, list[str]]) -> None:
    """200% zoom on a 1280-pixel window is a 640-pixel viewport: one column, nothing cut or
    scrolled sideways, the marks still under their words."""
    tab, _url, problems = browser_page
    tab.set_viewport_size({"width": 640, "height": 900})
    tab.locator("#draft").fill(DRAFT)
    mark = tab.locator("#backdrop mark", has_text="In order to")
    sync_api.expect(mark).to_have_count(1)
    assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    draft_box = tab.locator("#draft").bounding_box()
    results_box = tab.locator("section.results").bounding_box()
    assert draft_box is not None and results_box is not None
    assert results_box["y"] >= draft_box["y"] + draft_box["height"]  # stacked, not squeezed
    # The textarea's own selection of the words lands on the mark: the mirror is aligned.
    start = DRAFT.index("In order to")
    tab.evaluate(f"document.getElementById('draft').setSelectionRange({start}, {start + len('In order to')})")
    mark_box = mark.bounding_box()
    caret_top = tab.evaluate(
        "(() => { const r = document.createRange(); const m = document.querySelector('#backdrop mark');"
        " r.selectNodeContents(m); return r.getBoundingClientRect().top; })()"
    )
    assert mark_box is not None and abs(mark_box["y"] - caret_top) < 4
    assert problems == []
