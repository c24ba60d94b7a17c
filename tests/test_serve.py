"""`empathylint serve`'s JSON API over plain HTTP, checked against `empathylint.api`: the
same findings, checklist and verdict, the same fixes as `check --fix`, and malformed requests
told why. The helpers here start the server for the other test_serve* modules."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from empathylint.api import check_text
from empathylint.serve.server import PageServer, start

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


# --- the API --------------------------------------------------------------------------------------


def test_check_answers_what_the_python_api_finds(page: PageServer) -> None:
    status, answer = post(page, "/api/check", draft(DRAFT))
    assert status == 200
    expected = check_text(DRAFT, profile="reply")
    assert [(f["rule"], f["start"], f["end"], f["message"]) for f in answer["findings"]] == [
        (d.rule_id, d.start, d.end, d.message) for d in expected.diagnostics
    ]
    assert {row["key"]: row["status"] for row in answer["checklist"]} == dict(expected.scorecard)
    # The doubled "the" blocks; "In order to" is info (light filler), reported but not blocking.
    assert answer["ready"] is False and answer["verdict"] == "1 thing to fix"
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
    assert fixed["verdict"] == "Ready to send"
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
