"""The page's HTTP server: Python's own `http.server`, threaded.

The standard library is enough for one person's browser on one computer, adds no
dependency, and runs with the network off. Every request passes the guard (loopback only,
the right Host and Origin, a bounded body); only the page's own files and the API answer;
nothing is logged, so a draft never reaches the terminal or a file."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from empathylint.serve.desk import Desk, RequestError
from empathylint.serve.guard import SECURITY_HEADERS, Refusal, authority, body_length, refusal

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class StaticFile:
    body: bytes
    content_type: str


# The only files served: no folder is ever listed or read from a request's path.
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
    "/mirror.js": ("mirror.js", "text/javascript; charset=utf-8"),
    "/results.js": ("results.js", "text/javascript; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}


def load_static() -> dict[str, StaticFile]:
    """The page's files, read once from the package's data."""
    folder = resources.files("empathylint.serve").joinpath("static")
    return {
        route: StaticFile(folder.joinpath(name).read_bytes(), content_type)
        for route, (name, content_type) in STATIC_FILES.items()
    }


class PageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, desk: Desk, static: Mapping[str, StaticFile]) -> None:
        super().__init__((LOOPBACK, port), PageHandler)
        self.desk = desk
        self.static = static
        host, bound_port = self.server_address[:2]
        self.bound = authority(str(host), int(bound_port))

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closed its tab mid-answer is no error; anything else is told in
        one line (a traceback could quote the draft)."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(f"empathylint: internal error: {type(error).__name__} (please report it)", file=sys.stderr)

    @property
    def url(self) -> str:
        return f"http://{self.bound}/"


class PageHandler(BaseHTTPRequestHandler):
    server: PageServer
    protocol_version = "HTTP/1.1"
    # A client that stops sending mid-request (or leaves a connection idle) frees its thread.
    timeout = 60

    def version_string(self) -> str:
        return "empathylint"

    def do_GET(self) -> None:
        if self._refused():
            return
        path = urlsplit(self.path).path
        static = self.server.static.get(path)
        if static is not None:
            self._send(HTTPStatus.OK, static.body, static.content_type)
        elif path == "/api/settings":
            self._send_json(HTTPStatus.OK, self.server.desk.describe())
        elif path == "/api/rules":
            self._send_json(HTTPStatus.OK, self.server.desk.rules())
        else:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "no such page"})

    def do_POST(self) -> None:
        if self._refused():
            return
        routes: dict[str, Callable[[object], dict[str, Any]]] = {
            "/api/check": self.server.desk.check,
            "/api/fix": self.server.desk.fix,
        }
        route = routes.get(urlsplit(self.path).path)
        if route is None:
            self._refuse(Refusal(HTTPStatus.NOT_FOUND, "no such page"))
            return
        length = body_length(self.headers)
        if isinstance(length, Refusal):
            self._refuse(length)
            return
        content_type = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        if content_type != "application/json":
            # A form from another page cannot send JSON without asking first (CORS), and
            # this server never says yes.
            self._refuse(Refusal(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send JSON (Content-Type: application/json)"))
            return
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._send_json(HTTPStatus.BAD_REQUEST, {"error": "the body is not JSON in UTF-8"})
            return
        try:
            status, answer = HTTPStatus.OK, route(payload)
        except RequestError as error:
            status, answer = error.status, {"error": error.message}
        except Exception as error:  # a bug: one line on the terminal, never the draft
            print(f"empathylint: internal error: {type(error).__name__} (please report it)", file=sys.stderr)
            status, answer = HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "internal error; see the terminal"}
        self._send_json(status, answer)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors http.server finds itself (a bad request line, an unknown method), with the
        same headers as every other answer."""
        self.close_connection = True
        self._send_json(HTTPStatus(code), {"error": message or HTTPStatus(code).phrase})

    def log_message(self, format: str, *args: Any) -> None:
        """Nothing is logged: a quiet terminal, and no draft ever written anywhere."""

    def _refused(self) -> bool:
        found = refusal(self.client_address[0], self.headers, self.server.bound)
        if found is not None:
            self._refuse(found)
        return found is not None

    def _refuse(self, found: Refusal) -> None:
        # The body of a refused request is never read: the connection closes instead.
        self.close_connection = True
        self._send_json(found.status, {"error": found.reason})

    def _send_json(self, status: HTTPStatus, answer: Mapping[str, Any]) -> None:
        self._send(status, json.dumps(answer, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def start(folder: Path, *, config_file: Path | None = None, port: int) -> PageServer:
    """A server bound and ready (not yet serving), with the configuration of `folder`
    resolved once. Raises ConfigError for a bad checklist.toml, OSError when the port is taken."""
    return PageServer(port, Desk(folder, config_file), load_static())


def serve_until_stopped(server: PageServer, *, open_browser: bool, say: Callable[[str], None]) -> None:
    """Serve until Ctrl+C."""
    # The word lists load while the browser fetches the page, not on the first keystroke.
    warming = threading.Thread(target=server.desk.warm_up, daemon=True)
    warming.start()
    say(f"empathylint: the page is at {server.url}  (Ctrl+C to stop; drafts never leave this computer)")
    if open_browser:
        import webbrowser

        if not webbrowser.open(server.url):
            say("empathylint: no web browser could be opened here; open the address above in yours")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        say("empathylint: stopped")
    finally:
        server.server_close()
        warming.join()  # a check half done is not left running as the process ends
