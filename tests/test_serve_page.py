"""The page's own files: shipped as package data, served with their types and a strict
policy, nothing else served, nothing loaded from elsewhere, colours with enough contrast."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from empathylint.serve.server import STATIC_FILES, PageServer
from tests.test_serve import request, running_page


@pytest.fixture
def page(tmp_path: Path) -> Iterator[PageServer]:
    with running_page(tmp_path) as server:
        yield server


# --- the page's files -------------------------------------------------------------------------


def test_the_page_files_ship_as_package_data() -> None:
    folder = resources.files("empathylint.serve").joinpath("static")
    for name, _content_type in STATIC_FILES.values():
        assert folder.joinpath(name).is_file(), name
        assert folder.joinpath(name).read_bytes().strip()


def test_the_page_loads_nothing_from_elsewhere() -> None:
    """No CDN, font or script from another site: every reference is one of our own files."""
    folder = resources.files("empathylint.serve").joinpath("static")
    html = folder.joinpath("index.html").read_text(encoding="utf-8")
    references = set(re.findall(r'(?:src|href)="([^"#]+)"', html))
    for name, content_type in STATIC_FILES.values():
        if content_type.startswith("text/javascript"):
            script = folder.joinpath(name).read_text(encoding="utf-8")
            references |= set(re.findall(r'^import .* from "([^"]+)";$', script, re.MULTILINE))
    assert "/page.js" in references and references <= set(STATIC_FILES)
    for name, _content_type in STATIC_FILES.values():
        text = folder.joinpath(name).read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)|@import|url\(", text), name


def test_static_files_are_served_with_their_type_and_a_strict_policy(page: PageServer) -> None:
    for route, (name, content_type) in STATIC_FILES.items():
        status, headers, body = request(page, "GET", route)
        assert status == 200
        assert headers["Content-Type"] == content_type
        assert body == resources.files("empathylint.serve").joinpath("static", name).read_bytes()
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "connect-src 'self'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/index.htm", "/static/", "/static/page.js", "/../pyproject.toml", "/%2e%2e/README.md", "/api/nothing"]
)
def test_only_the_known_files_are_served(page: PageServer, path: str) -> None:
    status, _headers, body = request(page, "GET", path)
    assert status == 404
    assert json.loads(body) == {"error": "no such page"}


def _colours() -> dict[str, str]:
    css = resources.files("empathylint.serve").joinpath("static", "page.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6});", css))


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# (foreground, background, minimum): text 4.5:1 (WCAG AA), marks, borders and focus 3:1.
COLOUR_PAIRS = [
    *[
        ("text", background, 4.5)
        for background in ("page", "panel", "error-bg", "warning-bg", "info-bg", "selected-bg")
    ],
    *[("muted", background, 4.5) for background in ("page", "panel", "verdict-bg", "code-bg")],
    ("text", "code-bg", 4.5),
    ("text", "verdict-bg", 4.5),
    ("on-accent", "accent", 4.5),
    ("ready-text", "ready-bg", 4.5),
    ("to-fix-text", "error-bg", 4.5),
    ("met", "panel", 4.5),
    ("error", "panel", 4.5),
    *[(severity, f"{severity}-bg", 3.0) for severity in ("error", "warning", "info")],
    *[(severity, "panel", 3.0) for severity in ("error", "warning", "info")],
    ("focus", "panel", 3.0),
    ("focus", "page", 3.0),
    ("line", "panel", 3.0),
]


@pytest.mark.parametrize(("foreground", "background", "minimum"), COLOUR_PAIRS)
def test_the_colours_have_enough_contrast(foreground: str, background: str, minimum: float) -> None:
    colours = _colours()
    assert contrast(colours[foreground], colours[background]) >= minimum
