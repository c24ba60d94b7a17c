"""Who may talk to the page's server, and how much they may send.

The server listens on the loopback address only, yet a web page on another site can still
make the browser send requests to it: by a form or a fetch (its `Origin` names that site),
or by DNS rebinding, where the other site's own name is made to resolve to 127.0.0.1 (its
`Host` then names that site). Both are refused, so only the page this server serves can
read or post drafts."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus

# A long help article is ~50 kB; a draft and the customer's message in JSON stay far below.
MAX_REQUEST_BYTES = 1024 * 1024

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        # The page builds its DOM from text nodes only: no string ever becomes markup.
        "require-trusted-types-for 'script'",
    )
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    # Drafts are in the API's answers: no cache on disk may keep them.
    ("Cache-Control", "no-store"),
)


@dataclass(frozen=True)
class Refusal:
    status: HTTPStatus
    reason: str


def authority(host: str, port: int) -> str:
    """`host:port` as a browser writes it in the Host header."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def refusal(client_host: str, headers: Message, bound: str) -> Refusal | None:
    """Why a request may not be answered, or None. `bound` is the server's `host:port`."""
    try:
        local = ipaddress.ip_address(client_host.split("%", 1)[0]).is_loopback
    except ValueError:
        local = False
    if not local:
        return Refusal(HTTPStatus.FORBIDDEN, "only this computer may use the page")
    hosts = headers.get_all("Host") or []
    if len(hosts) != 1 or hosts[0].strip().lower() != bound:
        return Refusal(HTTPStatus.FORBIDDEN, f"the page is served at http://{bound}/ only")
    origins = headers.get_all("Origin") or []
    if len(origins) > 1 or (origins and origins[0].strip().lower() != f"http://{bound}"):
        return Refusal(HTTPStatus.FORBIDDEN, "requests from other sites are refused")
    return None


def body_length(headers: Message) -> int | Refusal:
    """The declared length of a request's body, within MAX_REQUEST_BYTES."""
    if headers.get("Transfer-Encoding") is not None:
        return Refusal(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
    declared = headers.get_all("Content-Length") or []
    if len(declared) != 1:
        return Refusal(HTTPStatus.LENGTH_REQUIRED, "send the body with one Content-Length")
    value = declared[0].strip()
    if not value.isdigit() or not value.isascii():
        return Refusal(HTTPStatus.BAD_REQUEST, "Content-Length is not a number")
    length = int(value)
    if length > MAX_REQUEST_BYTES:
        return Refusal(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a request may hold {MAX_REQUEST_BYTES // 1024} KB at most"
        )
    return length
