"""Open a report in headless Chromium, as a reader would, and see what it shows.

Used by the tests (the report loads with no console error and no request beyond its own file) and
by `make screenshot` (the README's picture). Playwright drives the Chromium of the system
packages (Debian's `chromium`); it never downloads a browser of its own. Playwright is a test
dependency, so this module is imported only by those two, never by `write_report`.

    python -m pipeline.report.browser data/processed/report.html docs/report.png
"""

from __future__ import annotations

import argparse
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, Request, Route, sync_playwright

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CLOSED_PROXY = "127.0.0.1:9"
"""Every network request Chromium might still make goes to the discard port, where nothing listens."""

COUNTED = {"svg": "figure > svg", "h2": "h2", "h3": "h3", "rows": "tbody tr", "links": "a[href]"}
"""What a load counts: charts, headings, table rows, links."""

VIEWPORT = {"width": 1100, "height": 1500}


class NoChromiumError(RuntimeError):
    """No Chromium to drive: install the system package."""


@dataclass
class PageLoad:
    """What a report showed: its text, element counts, console errors, requests beyond itself, and
    the fonts Chromium drew the `<h1>` with (a CJK font, or the Chinese would be empty boxes)."""

    text: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    title_fonts: list[str] = field(default_factory=list)


def chromium_path() -> str:
    """The system Chromium: `$CHROMIUM`, else the first of CHROMIUM_NAMES on the PATH."""
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)
    if not found:
        raise NoChromiumError("no Chromium found: apt-get install chromium (or set CHROMIUM=/path/to/chrome)")
    return found


def load(report: Path, screenshot: Path | None = None) -> PageLoad:
    """Load `report` from disk, refusing every other request, and count what it rendered."""
    url = report.resolve().as_uri()
    seen = PageLoad()

    def route(route: Route, request: Request) -> None:
        if request.url.split("#")[0] == url:
            route.continue_()
        else:
            seen.requests.append(request.url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            seen.console_errors.append(f"{message.type}: {message.text}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=[f"--proxy-server={CLOSED_PROXY}", "--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.on("console", console)
            page.on("pageerror", lambda error: seen.console_errors.append(f"pageerror: {error}"))
            page.on("requestfailed", lambda request: request.url == url or seen.requests.append(request.url))
            page.route("**/*", route)
            page.goto(url, wait_until="load")
            seen.text = page.inner_text("body")
            seen.counts = {name: page.locator(selector).count() for name, selector in COUNTED.items()}
            seen.rows = page.eval_on_selector_all(
                "section",
                "sections => Object.fromEntries(sections.map(s => [s.id, s.querySelectorAll('tbody tr').length]))",
            )
            seen.title_fonts = _fonts_used(page, "h1")
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    seen.requests = sorted(set(seen.requests))
    return seen


def _fonts_used(page: Page, selector: str) -> list[str]:
    """The font families Chromium rendered the element's text with (DevTools protocol); none without it."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    if not node:  # no such element
        return []
    return [font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def main(argv: list[str] | None = None) -> None:
    """Save the first screen of a report as a PNG (the README's picture)."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("report", type=Path)
    parser.add_argument("image", type=Path)
    args = parser.parse_args(argv)
    shown = load(args.report, screenshot=args.image)
    if shown.console_errors or shown.requests:
        raise SystemExit(f"the report did not load cleanly: {shown.console_errors + shown.requests}")
    print(f"{args.image}: {shown.counts}")


if __name__ == "__main__":
    main()
