"""A fuzz campaign over every reader (issue 15): random bytes, and structured hostile
input (long tokens and lines, nested HTML and Markdown, front matter, MIME parts, marked
sections, stray charset bytes). Every input ends in a report or a one-line error for its
file: no crash, no hang, and output bounded by the input.

The suite runs a modest number of examples (conftest's "default" profile); a larger run:

    python -m pytest tests/test_fuzz.py --hypothesis-profile=long

Hang protection is counted, not timed: the inputs are at most a few thousand characters,
and the output is checked against a bound linear in that size."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from empathylint.checking import CheckOptions, check_paths
from empathylint.reporters import Run, render_text
from empathylint.rules import RULES
from tests.conftest import make_resolver

EXTENSIONS = (".txt", ".md", ".html", ".eml")
RESOLVER = make_resolver()
CONFIG = RESOLVER.root

words = st.sampled_from(
    ["Hi", "Maria", "thanks", "unfortunately", "basically", "we", "cannot", "sorry", "Best,", "Sam", "x" * 300]
)
markup = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<blockquote>",
        "<![if !mso]>",
        "<![endif]>",
        "<![",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F600;",
        "```",
        "> ",
        "# ",
        "* ",
        "[",
        "](http://x)",
        "{{first_name}}",
        "\n",
        "\n\n",
        " " * 200,
        "=C3=",
        "=\n",
    ]
)
pieces = st.lists(st.one_of(words, markup, st.text(max_size=20)), max_size=60).map(" ".join)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    fence = draw(st.sampled_from(["---", "+++"]))
    depth = draw(st.integers(min_value=0, max_value=200))
    value = "[" * depth + "]" * depth if fence == "+++" else draw(st.text(max_size=30))
    return f"{fence}\nprofile = {value}\ncustomer: {draw(st.text(max_size=10))}\n{fence}\n"


@st.composite
def email_message(draw: st.DrawFn) -> bytes:
    body = draw(pieces).encode("utf-8") + draw(st.binary(max_size=20))
    encoding = draw(st.sampled_from(["7bit", "8bit", "quoted-printable", "base64"]))
    if encoding == "base64":
        body = base64.encodebytes(body)
    charset = draw(st.sampled_from(["utf-8", "windows-1252", "iso-8859-1", "bogus"]))
    subtype = draw(st.sampled_from(["plain", "html"]))
    to = ", ".join(draw(st.lists(st.sampled_from(["Maria <m@x.com>", '"A, B" <a@b>', "<>", "x"]), max_size=50)))
    part = f"Content-Type: text/{subtype}; charset={charset}\nContent-Transfer-Encoding: {encoding}\n\n".encode() + body
    if draw(st.booleans()):
        part = b'Content-Type: multipart/alternative; boundary="b"\n\n--b\n' + part + b"\n--b--\n"
    return f"From: Sam <s@x.com>\nTo: {to}\nSubject: x\n".encode() + part


documents = st.one_of(
    st.binary(max_size=2_000),
    pieces.map(lambda text: text.encode("utf-8")),
    st.tuples(front_matter(), pieces).map(lambda parts: "".join(parts).encode("utf-8")),
    email_message(),
    st.integers(min_value=1, max_value=60).map(lambda depth: ("<div><p>" * depth + "Hi Maria").encode()),
    st.integers(min_value=1, max_value=60).map(lambda depth: ("> " * depth + "* " * depth + "Hi Maria").encode()),
)


def _checked(data: bytes, extension: str) -> tuple[int, int]:
    """Check the bytes as a file of that kind; its findings and the length of its JSON report."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{extension}"
        path.write_bytes(data)
        reports = [report for report, _source in check_paths([str(path)], RESOLVER, CheckOptions())]
    for report in reports:
        assert report.error is None or "\n" not in report.error
        assert not any(d.rule_id == "internal-error" for d in report.diagnostics), report.diagnostics
    findings = sum(len(report.diagnostics) for report in reports)
    return findings, len(render_text("json", reports, Run(CONFIG.fail_on, RULES, CONFIG.root)))


@given(data=documents, extension=st.sampled_from(EXTENSIONS))
def test_any_input_gives_a_report_or_an_error_line(data: bytes, extension: str) -> None:
    findings, size = _checked(data, extension)
    # Each finding quotes a bounded window of the input, so the report grows with the
    # findings (a few per word at most), never with the input squared.
    assert size <= 5_000 + 1_500 * findings + 3 * len(data)
