"""`empathylint serve` over plain HTTP (no browser): the page's files, the JSON API checked
against `empathylint.api`, and the guard: other hosts, other origins, oversized or malformed
requests are refused; a draft is never logged or written anywhere."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.api import check_text
from empathylint.cli import app
from empathylint.serve.guard import MAX_REQUEST_BYTES, refusal
from empathylint.serve.server import STATIC_FILES, PageServer, start

DRAFT = (
    "Hi Maria,\n\nThanks for writing. In order to reset the the password, open Settings and choose Reset.\n\n"
    "Best,\nSam\n"
)
READY = "Hi Maria,\n\nThanks for writing. To reset the password, open Settings and choose Reset.\n\nBest,\nSam\n"


@contextmanager
def running_page(folder: Path) -> Iterator[PageServer]:
    """The page's server on a free port, serving from a thread until the block ends."""
    server = start(folder, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=60)


@pytest.fixture
def page(tmp_path: Path) -> Iterator[PageServer]:
    with running_page(tmp_path) as server:
        yield server


def request(
    server: PageServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request; the Host and Content-Type a browser on the page would send unless `headers` say."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=120)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": server.bound, **({"Content-Type": "application/json"} if body is not None else {})}
        sent.update(headers or {})
        if body is not None and "Content-Length" not in sent:
            sent["Content-Length"] = str(len(body))
        for name, value in sent.items():
            if value:
                connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def post(server: PageServer, path: str, payload: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    status, _headers, body = request(server, "POST", path, json.dumps(payload).encode("utf-8"), headers)
    return status, json.loads(body)


def draft(text: str, **more: Any) -> dict[str, Any]:
    return {"text": text, "profile": "reply", "channel": "email", **more}


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


# --- the API --------------------------------------------------------------------------------------


def test_check_answers_what_the_python_api_finds(page: PageServer) -> None:
    status, answer = post(page, "/api/check", draft(DRAFT))
    assert status == 200
    expected = check_text(DRAFT, profile="reply")
    assert [(f["rule"], f["start"], f["end"], f["message"]) for f in answer["findings"]] == [
        (d.rule_id, d.start, d.end, d.message) for d in expected.diagnostics
    ]
    assert {row["key"]: row["status"] for row in answer["checklist"]} == dict(expected.scorecard)
    assert answer["ready"] is False and answer["verdict"] == "2 things to fix"
    repeated = next(f for f in answer["findings"] if f["rule"] == "proofread.repeated-word")
    assert repeated["fix"] == {"safe": True, "edits": [{"original": " the", "replacement": ""}]}


def test_a_clean_draft_is_ready_to_send(page: PageServer) -> None:
    status, answer = post(page, "/api/check", draft(READY))
    assert status == 200
    assert answer["ready"] is True and answer["verdict"] == "Ready to send" and answer["blocking"] == 0


def test_the_profile_and_the_customer_message_are_used(page: PageServer) -> None:
    upset = "This is the THIRD time I am asking!! I am furious and I want my money back."
    _status, as_reply = post(page, "/api/check", draft(READY, customer_message=upset))
    expected = check_text(READY, profile="reply", customer_message=upset)
    assert [f["rule"] for f in as_reply["findings"]] == [d.rule_id for d in expected.diagnostics]
    _status, as_doc = post(page, "/api/check", draft(READY, profile="doc"))
    assert as_doc["profile"] == "doc" and as_doc["verdict"].startswith(("Ready to publish", "1 thing", "2 things"))
    assert [f["rule"] for f in as_doc["findings"]] == [d.rule_id for d in check_text(READY, profile="doc").diagnostics]


def test_the_names_given_are_the_names_used(page: PageServer) -> None:
    text = READY.replace("Maria", "Mario")
    _status, answer = post(page, "/api/check", draft(text, customer_name=" Maria ", agent_name="Alex"))
    expected = check_text(text, customer_name="Maria", agent_name="Alex")
    assert [f["rule"] for f in answer["findings"]] == [d.rule_id for d in expected.diagnostics]
    assert {"use-their-name.misspelt-name", "use-your-name.wrong-name"} <= {f["rule"] for f in answer["findings"]}
    _status, unnamed = post(page, "/api/check", draft(text, customer_name="", agent_name=None))
    assert unnamed["ready"] is True


def test_offsets_count_utf16_units_as_javascript_does(page: PageServer) -> None:
    text = "Hi Maria 👋,\n\nThanks for writing. Check the the box.\n\nBest,\nSam\n"
    _status, answer = post(page, "/api/check", draft(text))
    repeated = next(f for f in answer["findings"] if f["rule"] == "proofread.repeated-word")
    [in_python] = [d for d in check_text(text).diagnostics if d.rule_id == "proofread.repeated-word"]
    # After the emoji (one code point, two UTF-16 units) every offset is one more.
    assert (repeated["start"], repeated["end"]) == (in_python.start + 1, in_python.end + 1)
    as_javascript = text.encode("utf-16-le")
    assert (
        as_javascript[repeated["start"] * 2 : repeated["end"] * 2].decode("utf-16-le")
        == text[in_python.start : in_python.end]
    )


def test_fixing_one_finding_applies_its_edit_and_checks_again(page: PageServer) -> None:
    _status, answer = post(page, "/api/check", draft(DRAFT))
    repeated = next(f for f in answer["findings"] if f["rule"] == "proofread.repeated-word")
    finding = {key: repeated[key] for key in ("rule", "start", "end")}
    status, fixed = post(page, "/api/fix", draft(DRAFT, finding=finding))
    assert status == 200
    assert fixed["text"] == DRAFT.replace("the the", "the") and fixed["applied"] == 1
    assert fixed["verdict"] == "1 thing to fix"
    assert {row["key"]: row["status"] for row in fixed["checklist"]}["proofread"] == "met"
    # The same finding again, on the fixed text: it is gone.
    status, stale = post(page, "/api/fix", draft(fixed["text"], finding=finding))
    assert status == 409 and "no longer" in stale["error"]


def test_fixing_all_applies_what_check_fix_applies(page: PageServer) -> None:
    status, fixed = post(page, "/api/fix", draft(DRAFT, all=True))
    assert status == 200
    assert fixed["text"] == check_text(DRAFT, profile="reply").apply_fixes().text == READY
    assert fixed["ready"] is True and fixed["applied"] == 2


def test_a_finding_without_a_fix_cannot_be_applied(page: PageServer) -> None:
    text = "Hi there,\n\nThanks for writing. Open Settings.\n\nBest,\nSam\n"
    _status, answer = post(page, "/api/check", draft(text))
    greeting = next(f for f in answer["findings"] if f["rule"] == "use-their-name.generic-greeting")
    assert greeting["fix"] is None
    finding = {key: greeting[key] for key in ("rule", "start", "end")}
    status, refused = post(page, "/api/fix", draft(text, finding=finding))
    assert status == 409 and "no fix" in refused["error"]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ([], 400),
        ({"profile": "reply", "channel": "email"}, 400),
        (draft("Hi", profile="letter"), 400),
        (draft("Hi", channel="fax"), 400),
        (draft("Hi", customer_message=3), 400),
        (draft("Hi", customer_name=["Maria"]), 400),
        (draft("   \n"), 422),
        (draft(DRAFT, finding={"rule": "x"}), 400),
        (draft("Hi \ud800 there"), 400),
    ],
)
def test_malformed_requests_are_told_why(page: PageServer, payload: Any, status: int) -> None:
    path = "/api/fix" if isinstance(payload, dict) and "finding" in payload else "/api/check"
    got, answer = post(page, path, payload)
    assert got == status
    assert answer["error"]


def test_the_body_must_be_json(page: PageServer) -> None:
    status, _headers, _body = request(page, "POST", "/api/check", b"text=hello", {"Content-Type": "text/plain"})
    assert status == 415
    status, _headers, _body = request(page, "POST", "/api/check", b"{not json")
    assert status == 400


def test_the_settings_in_force_come_from_the_folder_it_was_started_in(tmp_path: Path) -> None:
    (tmp_path / "checklist.toml").write_text('fail-on = "error"\nchannel = "chat"\n', encoding="utf-8")
    with running_page(tmp_path) as server:
        status, _headers, body = request(server, "GET", "/api/settings")
        settings = json.loads(body)
        assert status == 200
        assert settings["sources"][-1] == str(tmp_path / "checklist.toml")
        assert settings["channel"] == "chat" and settings["profile"] == "reply"
        assert 'fail-on = "error"' in settings["settings"]
        # Warnings only: with fail-on = "error" the draft may go.
        _status, answer = post(server, "/api/check", draft(DRAFT, channel="chat"))
        assert answer["ready"] is True and answer["findings"]


def test_every_rule_is_explained(page: PageServer) -> None:
    from empathylint.rules import RULES

    status, _headers, body = request(page, "GET", "/api/rules")
    explained = json.loads(body)
    assert status == 200 and set(explained) == {rule.group for rule in RULES}
    for group, parts in explained.items():
        assert parts["title"] and parts["what"] and parts["why"] and parts["example"] and parts["instead"], group
        assert "Why it matters" not in parts["why"]


# --- the guard ------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "localhost:{port}", "127.0.0.1:1", ""])
def test_another_host_is_refused(page: PageServer, host: str) -> None:
    """DNS rebinding: another site's name that resolves to 127.0.0.1 is still its name."""
    sent = host.format(port=page.server_address[1])
    for method, path, body in (("GET", "/", None), ("POST", "/api/check", json.dumps(draft(DRAFT)).encode())):
        status, headers, answer = request(page, method, path, body, {"Host": sent})
        assert status == 403, (method, sent)
        assert "Content-Security-Policy" in headers
        assert b"Maria" not in answer


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "https://127.0.0.1:{port}", "null", "http://localhost:{port}"]
)
def test_another_origin_is_refused(page: PageServer, origin: str) -> None:
    sent = origin.format(port=page.server_address[1])
    status, answer = post(page, "/api/check", draft(DRAFT), {"Origin": sent})
    assert status == 403 and "other sites" in answer["error"]


def test_the_page_s_own_origin_is_answered(page: PageServer) -> None:
    status, _answer = post(page, "/api/check", draft(DRAFT), {"Origin": f"http://{page.bound}"})
    assert status == 200


def test_a_remote_client_is_refused() -> None:
    headers = Message()
    headers["Host"] = "127.0.0.1:8765"
    assert refusal("127.0.0.1", headers, "127.0.0.1:8765") is None
    assert refusal("::1", headers, "127.0.0.1:8765") is None
    remote = refusal("192.168.1.20", headers, "127.0.0.1:8765")
    assert remote is not None and remote.status == 403


def test_an_oversized_body_is_refused_unread(page: PageServer) -> None:
    # Only the headers are sent: the answer must come without the server waiting for the body.
    status, _headers, body = request(
        page,
        "POST",
        "/api/check",
        b"",
        {"Content-Length": str(MAX_REQUEST_BYTES + 1), "Content-Type": "application/json"},
    )
    assert status == 413 and json.loads(body)["error"]


def test_a_body_just_within_the_limit_is_read(page: PageServer) -> None:
    payload = json.dumps(draft(READY)).encode("utf-8")
    padded = payload[:-1] + b" " * (MAX_REQUEST_BYTES - len(payload)) + b"}"
    status, _headers, body = request(page, "POST", "/api/check", padded)
    assert status == 200 and json.loads(body)["ready"] is True


@pytest.mark.parametrize(
    ("headers", "status"),
    [({"Content-Length": ""}, 411), ({"Content-Length": "12x"}, 400), ({"Transfer-Encoding": "chunked"}, 411)],
)
def test_the_length_must_be_declared(page: PageServer, headers: dict[str, str], status: int) -> None:
    got, _headers, _body = request(page, "POST", "/api/check", b"", {"Content-Type": "application/json", **headers})
    assert got == status


# --- the command ------------------------------------------------------------------------------------


def test_serve_prints_its_address_and_keeps_no_draft(tmp_path: Path) -> None:
    """A real `empathylint serve --port 0`: the address printed answers; a draft posted to it
    shows nowhere on the terminal or the disk; Ctrl+C stops it cleanly."""
    marker = "Zyxwvut"
    environment = {**os.environ, "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp")}
    environment["EMPATHYLINT_CACHE_DIR"] = os.environ["EMPATHYLINT_CACHE_DIR"]
    for folder in ("home", "tmp", "work"):
        (tmp_path / folder).mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "empathylint", "serve", "--port", "0"],
        cwd=tmp_path / "work",
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", first_line)
        assert found, first_line
        connection = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=120)
        body = json.dumps(draft(f"Hi {marker},\n\nThanks for writing, {marker}.\n\nBest,\nSam\n")).encode()
        connection.request(
            "POST", "/api/check", body, {"Host": f"127.0.0.1:{found.group(1)}", "Content-Type": "application/json"}
        )
        response = connection.getresponse()
        assert response.status == 200 and marker in response.read().decode("utf-8")
        connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        output, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert marker not in first_line + output + errors
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path


def test_open_opens_the_browser_on_the_printed_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    from empathylint.serve.server import serve_until_stopped

    server = start(tmp_path, port=0)
    opened: list[str] = []

    def open_and_stop(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=server.shutdown, daemon=True).start()
        return True

    monkeypatch.setattr(webbrowser, "open", open_and_stop)
    said: list[str] = []
    serve_until_stopped(server, open_browser=True, say=said.append)
    assert opened == [server.url] and server.url in said[0]


def test_serve_says_when_the_port_is_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = CliRunner().invoke(app, ["serve", "--port", str(taken.getsockname()[1])])
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1" in result.output and "--port 0" in result.output


def test_serve_refuses_a_broken_checklist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checklist.toml").write_text("fail-on = \n", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 2 and "checklist.toml" in result.output


def test_the_server_is_not_imported_by_check() -> None:
    code = (
        "import sys; import empathylint.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('empathylint.serve') or m == 'http.server'))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
