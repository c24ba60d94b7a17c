"""`empathylint serve` as a command: it prints its address, opens the browser with --open,
keeps no draft on the terminal or the disk, says why it cannot start, and is never imported
by `check`."""

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
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from empathylint.serve.server import start
from tests.test_serve import draft

# --- the command ------------------------------------------------------------------------------------


def _hear_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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
        # As typed in a terminal: a shell that runs the tests in the background (as CI runners
        # may) starts them with Ctrl+C ignored, and the server would inherit that.
        preexec_fn=_hear_ctrl_c,
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
