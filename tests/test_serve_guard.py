"""The guard: only the page itself may talk to the server. Another host (DNS rebinding),
another origin, a remote client, an oversized or undeclared body are refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from empathylint.serve.guard import MAX_REQUEST_BYTES, refusal
from empathylint.serve.server import PageServer
from tests.test_serve import DRAFT, READY, draft, post, request, running_page


@pytest.fixture
def page(tmp_path: Path) -> Iterator[PageServer]:
    with running_page(tmp_path) as server:
        yield server


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
