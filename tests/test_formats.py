"""Format readers: only prose is checked, positions point into the original file, the
customer's quoted words are context, directives suppress, encodings and newlines hold."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from empathylint.cli import app
from empathylint.document import OBJECT
from empathylint.files import InputError, decode
from empathylint.formats import ReadOptions, format_for, read_document
from empathylint.formats.layout import find_quoted, looks_personal
from tests.conftest import lint_text, make_config

NEGATIVE = ("negative-language",)


def positions(report: Any, rule_prefix: str = "") -> list[tuple[str, int, int]]:
    return [(d.rule_id, d.line, d.column) for d in report.diagnostics if d.rule_id.startswith(rule_prefix)]


def read(text: str, path: str, profile: str = "reply", **options: Any) -> Any:
    config = make_config()
    read_options = ReadOptions(profile=profile, vocabulary=config.vocabulary, **options)  # type: ignore[arg-type]
    return read_document(text, path, read_options)


def sentences(document: Any) -> list[str]:
    return [document.slice(span) for span in document.sentences]


def source_of(document: Any, start: int, end: int) -> str:
    source_start, source_end = document.source_span(start, end)
    return str(document.source[source_start:source_end])


# --- choosing the reader -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a.md", "markdown"), ("A.MARKDOWN", "markdown"), ("kb/b.html", "html"), ("c.htm", "html"),
     ("d.eml", "email"), ("e.txt", "plain"), ("no-extension", "plain")],
)  # fmt: skip
def test_the_extension_picks_the_format(path: str, expected: str) -> None:
    assert format_for(path) == expected
    assert format_for(path, "plain") == "plain"


# --- Markdown ----------------------------------------------------------------------------

MARKDOWN_DOC = """\
---
title: Exporting your invoices
---
# Exporting your invoices

Unfortunately the export button is hidden on phones.

- Open **Billing** and pick [Invoices](https://example.com/unfortunatly-misspelt "Unfortunately").
- Tap `unfortunately --export` and wait.
  Unfortunately this continuation line counts too.

| Plan | What happens |
|------|--------------|
| Basic | Unfortunately exports are monthly. |

```sh
# unfortunately, a comment inside code
export --all
```

    unfortunately indented code

<div>Unfortunately raw HTML</div>

Visit <https://example.com/unfortunately> or ![Unfortunately blurry](shot.png).
"""


def test_markdown_findings_point_into_list_items_and_table_cells() -> None:
    report = lint_text(MARKDOWN_DOC, path="docs/export.md", select=NEGATIVE, profile="doc")
    found = positions(report, "negative-language.framing")
    assert found == [
        ("negative-language.framing", 6, 1),  # a paragraph
        ("negative-language.framing", 10, 3),  # a list item's continuation line
        ("negative-language.framing", 14, 11),  # a table cell
        ("negative-language.framing", 23, 6),  # the text of an HTML block (a callout) is prose
        ("negative-language.framing", 25, 48),  # image alt text is prose
    ]


def test_markdown_code_urls_html_and_front_matter_stay_silent() -> None:
    document = read(MARKDOWN_DOC, "docs/export.md", profile="doc")
    checked = document.text.lower()
    assert checked.count("unfortunately") == 5
    assert "unfortunatly" not in checked  # the link's URL
    assert "export --all" not in checked and "indented code" not in checked
    assert "raw html" in checked and "<div>" not in checked  # an HTML block's text, not its tags
    assert "title:" not in checked and checked.count("exporting your invoices") == 2  # the title's value is read
    assert OBJECT in document.text  # inline code and the autolink are masked, not deleted


def test_markdown_markup_vanishes_so_sentences_read_as_written() -> None:
    document = read(MARKDOWN_DOC, "docs/export.md", profile="doc")
    found = sentences(document)
    assert found[0] == "Exporting your invoices"  # a heading is its own sentence
    assert "Open Billing and pick Invoices." in found
    assert "Plan" in found and "Basic" in found  # each cell ends a sentence
    span = next(s for s in document.sentences if document.slice(s) == "Open Billing and pick Invoices.")
    assert source_of(document, span.start, span.end).startswith("Open **Billing** and pick [Invoices]")


def test_markdown_entities_and_escapes_map_back() -> None:
    document = read("We can&rsquo;t do \\*that\\* yet.\n", "docs/a.md", profile="doc")
    assert sentences(document) == ["We can’t do *that* yet."]
    apostrophe = document.text.index("’")
    assert document.source_span(apostrophe, apostrophe + 1)[0] == document.source.index("&rsquo;")
    assert not document.is_verbatim(apostrophe - 3, apostrophe + 2)


def test_a_markdown_reply_keeps_its_greeting_and_sign_off_and_quotes_the_customer() -> None:
    draft = (
        "Hi Zoë,\n\nThanks for writing in. I refunded the order.\n\nCheers,\nSam\n\n"
        "On Mon, 2 Mar 2026 at 09:12, Zoë Martin <zoe@example.com> wrote:\n"
        "> Unfortunately your app is USELESS!!!\n"
    )
    document = read(draft, "replies/refund.md")
    assert document.slice(document.greeting) == "Hi Zoë,"
    assert document.slice(document.sign_off_name) == "Sam"
    assert "USELESS" not in document.text
    assert document.customer_message is not None and "USELESS" in document.customer_message
    assert document.customer_name == "Zoë Martin"
    assert positions(lint_text(draft, path="replies/refund.md", select=NEGATIVE)) == []


def test_a_markdown_blockquote_is_a_callout_in_a_help_article() -> None:
    document = read("> **Note:** unfortunately exports take a day.\n", "docs/a.md", profile="doc")
    assert sentences(document) == ["Note: unfortunately exports take a day."]


def test_an_mkdocs_admonitions_indented_text_is_prose_not_code() -> None:
    draft = (
        '# Leaving\n\n!!! warn ""\n\n    If you own the workspace, you cannot\n    close your account first.\n\n'
        "    Ask an admin.\n\n??? tip\n\n\tKeep a backup.\n\nRun this:\n\n    indented code after a paragraph\n"
    )
    document = read(draft, "docs/a.md", profile="doc")
    assert sentences(document) == [
        "Leaving",
        "If you own the workspace, you cannot\nclose your account first.",
        "Ask an admin.",
        "Keep a backup.",
        "Run this:",
    ]
    found = positions(lint_text(draft, path="docs/a.md", select=NEGATIVE), "negative-language")
    assert found == [("negative-language.product-limit", 5, 31)]


def test_front_matter_sets_profile_and_names_unless_the_command_line_does() -> None:
    draft = '---\nprofile: template\ncustomer: "Anne-Marie"\nagent: Nguyễn\n---\nHi {{ticket.requester.first_name}},\n'
    document = read(draft, "a.md")
    assert (document.profile, document.customer_name, document.agent_name) == ("template", "Anne-Marie", "Nguyễn")
    forced = read(draft, "a.md", profile="reply", profile_forced=True, customer_name="José")
    assert (forced.profile, forced.customer_name) == ("reply", "José")
    toml = read('+++\nprofile = "doc"\n+++\n# Title\n', "a.md")
    assert toml.profile == "doc"


def test_front_matter_with_an_unknown_profile_is_an_input_error() -> None:
    with pytest.raises(InputError, match="front matter profile 'letter'"):
        read("---\nprofile: letter\n---\nHi Maria,\n", "a.md")


# --- HTML --------------------------------------------------------------------------------

HTML_ARTICLE = """\
<!DOCTYPE html>
<html><head><title>Unfortunately a title</title><style>p::before { content: "unfortunately"; }</style></head>
<body>
<h1>Changing your plan</h1>
<p>You can&rsquo;t downgrade mid-cycle &mdash; unfortunately it waits for renewal.</p>
<table>
  <tr><th>Plan</th><th>Note</th></tr>
  <tr><td>Team</td><td>Unfortunately seats are billed yearly.</td></tr>
</table>
<p>Run <code>plan --unfortunately</code>, press <kbd>Unfortunately</kbd>, or see
<a href="https://example.com/unfortunatly" title="unfortunately">the pricing page</a>.</p>
<pre>unfortunately preformatted</pre>
<script>var unfortunately = 1;</script>
</body></html>
"""


def test_html_findings_point_at_the_source_line_and_column() -> None:
    report = lint_text(HTML_ARTICLE, path="docs/plan.html", select=NEGATIVE, profile="doc")
    framing = positions(report, "negative-language.framing")
    assert ("negative-language.framing", 5, 48) in framing  # after an entity on the same line
    assert ("negative-language.framing", 8, 24) in framing  # a table cell
    assert all(line in (5, 8) for _rule, line, _column in framing)


def test_html_code_attributes_head_and_scripts_stay_silent() -> None:
    document = read(HTML_ARTICLE, "docs/plan.html", profile="doc")
    assert document.text.lower().count("unfortunately") == 2
    assert "unfortunatly" not in document.text and "pricing page" in document.text
    found = sentences(document)
    assert found[0] == "Changing your plan"
    assert "You can’t downgrade mid-cycle — unfortunately it waits for renewal." in found
    assert "Team" in found


def test_html_reply_blockquote_is_the_customers_message() -> None:
    reply = (
        '<div dir="ltr"><p>Hi Zoë,</p><p>Thanks for your patience. I&#39;ve refunded it.</p>'
        "<p>Cheers,<br>Sam</p></div>\n"
        '<div class="gmail_quote"><div class="gmail_attr">On Mon, Zoë Martin &lt;zoe@example.com&gt; wrote:</div>'
        "<blockquote>Unfortunately you are hopeless.</blockquote></div>\n"
    )
    document = read(reply, "reply.html")
    assert sentences(document) == ["Hi Zoë,", "Thanks for your patience.", "I've refunded it.", "Cheers,\nSam"]
    assert document.customer_message is not None and "hopeless" in document.customer_message
    assert document.customer_name == "Zoë Martin"
    assert document.slice(document.sign_off_name) == "Sam"


# --- email -------------------------------------------------------------------------------

EML_QUOTED_PRINTABLE = (
    "From: Sam Okafor <sam@acme.example>\r\n"
    'To: "Zoë Martin" <zoe@example.com>\r\n'
    "Subject: Re: my refund\r\n"
    "MIME-Version: 1.0\r\n"
    'Content-Type: multipart/alternative; boundary="b1"\r\n'
    "\r\n"
    "--b1\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Hi Zo=C3=AB,\r\n"
    "\r\n"
    "Thanks for your patience. Unfortunately the refund takes a few days, and this =\r\n"
    "line is wrapped. Unfortunately twice.\r\n"
    "\r\n"
    "Best,\r\n"
    "Sam\r\n"
    "\r\n"
    "On Mon, 2 Mar 2026 at 09:12, Zo=C3=AB Martin <zoe@example.com> wrote:\r\n"
    "> Unfortunately I am FURIOUS.\r\n"
    "--b1\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "\r\n"
    "<p>Hi Zo&euml;,</p>\r\n"
    "--b1--\r\n"
)


def test_email_quoted_printable_findings_point_into_the_raw_file() -> None:
    report = lint_text(EML_QUOTED_PRINTABLE, path="draft.eml", select=NEGATIVE)
    assert positions(report, "negative-language.framing") == [
        ("negative-language.framing", 13, 27),
        ("negative-language.framing", 14, 18),  # after a soft line break
    ]


def test_email_headers_name_the_people_and_the_quote_is_context() -> None:
    document = read(EML_QUOTED_PRINTABLE, "draft.eml")
    assert (document.customer_name, document.agent_name) == ("Zoë Martin", "Sam Okafor")
    assert document.slice(document.greeting) == "Hi Zoë,"
    assert source_of(document, document.greeting.start, document.greeting.end) == "Hi Zo=C3=AB,"
    assert "FURIOUS" not in document.text
    assert document.customer_message is not None and "FURIOUS" in document.customer_message
    flags = read(EML_QUOTED_PRINTABLE, "draft.eml", customer_name="Zoe", agent_name="Samuel")
    assert (flags.customer_name, flags.agent_name) == ("Zoe", "Samuel")


def test_email_base64_findings_point_at_their_encoded_words_and_lose_their_fixes() -> None:
    body = base64.b64encode("Hi José,\n\nUnfortunately it is late.\n\nBest,\nAnne-Marie\n".encode()).decode()
    message = (
        "From: Acme Support <help@acme.example>\nTo: jose@example.com\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + body + "\n"
    )
    document = read(message, "draft.eml")
    assert document.agent_name is None  # "Acme Support" names a team, not a person
    assert sentences(document)[1] == "Unfortunately it is late."
    report = lint_text(message, path="draft.eml", select=NEGATIVE)
    # "Unfortunately" is byte 11 of the body: the base64 characters of bytes 9-11 start at 12.
    assert positions(report, "negative-language.framing") == [("negative-language.framing", 6, 15)]
    assert all(d.fix is None for d in report.diagnostics)


def test_email_html_only_part_goes_through_the_html_reader() -> None:
    message = (
        "From: Sam <sam@acme.example>\nTo: Nguyễn Văn An <an@example.com>\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "<p>Hi An,</p><p>I can=E2=80=99t see it &mdash; unfortunately.</p>\n"
        "<blockquote>Unfortunately nothing works</blockquote>\n"
    )
    document = read(message, "draft.eml")
    assert sentences(document) == ["Hi An,", "I can’t see it — unfortunately."]
    assert document.customer_message == "Unfortunately nothing works"
    report = lint_text(message, path="draft.eml", select=NEGATIVE)
    assert [(line, column) for _rule, line, column in positions(report)][-1] == (6, 48)


def test_an_email_without_a_text_part_is_a_one_line_error(tmp_path: Path) -> None:
    message = (
        'From: a@example.com\nContent-Type: multipart/mixed; boundary="x"\n\n--x\n'
        "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--x--\n"
    )
    (tmp_path / "scan.eml").write_text(message, encoding="utf-8")
    (tmp_path / "reply.txt").write_text("Hi there,\n", encoding="utf-8")
    result = _run(str(tmp_path))
    assert result.exit_code == 2
    assert "scan.eml: the email has no text/plain or text/html part to check" in result.output
    assert "reply.txt:1:1" in result.output


def test_an_eml_without_headers_is_read_as_plain_text() -> None:
    document = read("Hi Maria,\n\nThanks for writing.\n\nBest,\nSam\n", "draft.eml")
    assert document.slice(document.sign_off_name) == "Sam"


# --- plain text and the quoted customer --------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [
        "-----Original Message-----\nFrom: Seán O'Brien <sean@example.com>\nSent: Monday\n\nUnfortunately, rubbish.\n",
        "From: Seán O'Brien <sean@example.com>\nSent: Monday, 2 March 2026 09:12\nTo: Support\n\nUnfortunately!\n",
        "On Mon, 2 Mar 2026, Seán O'Brien <sean@example.com> wrote:\nUnfortunately, rubbish.\n",
    ],
)
def test_outlook_and_gmail_history_is_the_customers_message(history: str) -> None:
    draft = "Hi Seán,\n\nThanks for the details.\n\nBest,\nSam\n\n" + history
    report = lint_text(draft, select=NEGATIVE)
    assert positions(report) == []
    assert report.document is not None
    assert report.document.customer_name == "Seán O'Brien"
    assert "Unfortunately" in (report.document.customer_message or "")


def test_interleaved_quotes_leave_the_reply_after_them_checked() -> None:
    draft = "On Mon, Maria <m@example.com> wrote:\n> Where is it?\n\nUnfortunately it is late.\n"
    report = lint_text(draft, select=NEGATIVE)
    assert positions(report, "negative-language.framing") == [("negative-language.framing", 4, 1)]


def test_who_counts_as_a_person() -> None:
    assert looks_personal("María José") and looks_personal("Seán O'Brien")
    assert not looks_personal("Acme Support") and not looks_personal("no-reply") and not looks_personal("")
    assert find_quoted("plain words\n").spans == []


# --- suppressions ------------------------------------------------------------------------


def test_markdown_disable_enable_and_disable_next_line() -> None:
    draft = (
        "Unfortunately one.\n\n"
        "<!-- empathylint: disable=negative-language.framing -->\n"
        "Unfortunately two.\n\n"
        "<!-- empathylint: enable -->\n"
        "Unfortunately three.\n\n"
        "<!-- empathylint: disable-next-line=negative-language -->\n\n"
        "Unfortunately four.\n"
        "Unfortunately five.\n"
    )
    report = lint_text(draft, path="docs/a.md", select=NEGATIVE, profile="doc")
    assert [line for _rule, line, _column in positions(report)] == [1, 7, 12]


def test_a_directive_shown_in_a_code_block_does_nothing() -> None:
    draft = "```\n<!-- empathylint: disable -->\n```\n\nUnfortunately not.\n"
    report = lint_text(draft, path="docs/a.md", select=NEGATIVE, profile="doc")
    assert [line for _rule, line, _column in positions(report)] == [5]


def test_html_and_plain_text_directives() -> None:
    article = (
        "<p>Unfortunately one.</p>\n<!-- empathylint: disable-next-line=negative-language -->\n<p>Unfortunately.</p>\n"
    )
    html_report = lint_text(article, path="docs/a.html", select=NEGATIVE, profile="doc")
    assert [line for _rule, line, _column in positions(html_report)] == [1]
    reply = "Unfortunately one.\nempathylint: disable=negative-language\nUnfortunately two.\n"
    plain = lint_text(reply, select=NEGATIVE)
    assert [line for _rule, line, _column in positions(plain)] == [1]
    assert "empathylint" not in (plain.document.text if plain.document else "")


def test_unknown_ids_and_actions_in_directives_are_reported_where_they_stand() -> None:
    draft = "Fine.\n\n<!-- empathylint: disable=negative-langauge -->\n\n<!-- empathylint: disabel=jargon -->\n"
    report = lint_text(draft, path="docs/a.md", profile="doc")
    unknown = [(d.line, d.column, d.message) for d in report.diagnostics if d.rule_id == "unknown-directive"]
    assert [(line, column) for line, column, _ in unknown] == [(3, 1), (5, 1)]
    assert "'negative-langauge'" in unknown[0][2] and "'disabel'" in unknown[1][2]


def test_per_file_ignores_by_glob() -> None:
    overrides = {"per-file-ignores": {"legal/**": ["negative-language"]}}
    draft = "Unfortunately not.\n"
    assert positions(lint_text(draft, path="legal/terms.md", select=NEGATIVE, overrides=overrides, profile="doc")) == []
    assert positions(lint_text(draft, path="docs/terms.md", select=NEGATIVE, overrides=overrides, profile="doc"))


# --- encodings and newlines --------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_files_report_the_same_positions(newline: str) -> None:
    draft = "Hi Maria,\n\nThanks for asking. Sadly, unfortunately no.\n\n- Unfortunately this item.\n"
    expected = positions(lint_text(draft, path="docs/a.md", select=NEGATIVE, profile="doc"))
    assert expected
    converted = draft.replace("\n", newline)
    assert positions(lint_text(converted, path="docs/a.md", select=NEGATIVE, profile="doc")) == expected
    assert positions(lint_text(converted, path="a.txt", select=NEGATIVE, profile="doc")) == positions(
        lint_text(draft, path="a.txt", select=NEGATIVE, profile="doc")
    )


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ("Hi Zoë".encode(), "utf-8", False),
        (b"\xef\xbb\xbf" + "Hi Zoë".encode(), "utf-8", True),
        (b"\xff\xfe" + "Hi Zoë".encode("utf-16-le"), "utf-16-le", True),
        (b"\xfe\xff" + "Hi Zoë".encode("utf-16-be"), "utf-16-be", True),
    ],
)
def test_decoding(data: bytes, encoding: str, bom: bool) -> None:
    assert decode(data, "a.txt") == ("Hi Zoë", encoding, bom)


# --- the command line --------------------------------------------------------------------


def _run(*arguments: str, input_text: str | None = None) -> Any:
    return CliRunner().invoke(app, ["check", "--isolated", "--output-format", "concise", *arguments], input=input_text)


def test_an_undecodable_file_is_one_line_and_exit_2_while_others_are_checked(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Hi Jos\xe9,\n")
    (tmp_path / "good.md").write_text("Hi there,\n\nUnfortunately no.\n", encoding="utf-8")
    result = _run(str(tmp_path))
    assert result.exit_code == 2
    assert "bad.txt: not valid UTF-8 (byte 0xe9 on line 1)" in result.output
    assert "good.md:1:1" in result.output


def test_stdin_with_a_filename_picks_format_and_profile(tmp_path: Path) -> None:
    result = _run(
        "-", "--stdin-filename", "docs/help.md", "--select", "negative-language", input_text="`unfortunately`\n"
    )
    assert result.exit_code == 0, result.output
    result = _run(
        "-", "--stdin-filename", "docs/help.md", "--select", "negative-language", input_text="Unfortunately.\n"
    )
    assert result.exit_code == 1 and "docs/help.md:1:1" in result.output


def test_customer_message_option_and_sibling_file(tmp_path: Path) -> None:
    from empathylint.checking import sibling_customer_message

    draft = tmp_path / "refund.md"
    draft.write_text("Hi Maria,\n\nThanks.\n", encoding="utf-8")
    assert sibling_customer_message(str(draft)) is None
    (tmp_path / "refund.customer.txt").write_text("Where is my REFUND?!\n", encoding="utf-8")
    assert sibling_customer_message(str(draft)) == "Where is my REFUND?!\n"
    result = _run(str(tmp_path))
    assert "refund.customer.txt" not in result.output  # context, not a draft
    missing = _run(str(draft), "--customer-message", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and "--customer-message" in missing.output


def test_a_named_context_file_beside_its_draft_is_not_checked(tmp_path: Path) -> None:
    """pre-commit and shell globs name the customer's message next to the draft."""
    draft = tmp_path / "refund.md"
    draft.write_text("Hi Maria,\n\nThanks for writing! Your refund is on its way.\n\nBest,\nSam\n", encoding="utf-8")
    context = tmp_path / "refund.customer.txt"
    context.write_text("where is my refund i am fed up\n", encoding="utf-8")
    both = _run(str(draft), str(context))
    assert "refund.customer.txt" not in both.stdout and "refund.md" in both.stdout
    assert "refund.customer.txt: not checked: the customer's message for refund.md" in both.stderr
    draft.unlink()
    alone = _run(str(context))
    assert "refund.customer.txt" in alone.output  # with no draft beside it, it is a draft itself


def test_a_folder_walk_honours_gitignore(tmp_path: Path) -> None:
    if subprocess.run(["git", "--version"], capture_output=True, check=False).returncode != 0:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\nscratch.md\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "old.md").write_text("Hi there,\n", encoding="utf-8")
    (tmp_path / "scratch.md").write_text("Hi there,\n", encoding="utf-8")
    (tmp_path / "reply.md").write_text("Hi there,\n", encoding="utf-8")
    result = _run(str(tmp_path))
    assert "reply.md" in result.output
    assert "old.md" not in result.output and "scratch.md" not in result.output


def test_the_examples_of_each_format_read_cleanly() -> None:
    examples = Path(__file__).resolve().parent.parent / "examples"
    for name in ("docs/exporting-invoices.md", "docs/changing-your-plan.html", "refund-draft.eml", "late-order.txt"):
        report = lint_text((examples / name).read_text(encoding="utf-8"), path=f"examples/{name}")
        assert report.error is None, name
        assert report.diagnostics, f"{name} is a bad example on purpose and should have findings"


# --- markup is never prose, whatever the file is called (issue 18) -------------------------

MARKUP_CASES = [
    # (name, path, text, read as prose, never read as prose)
    (
        "YAML front matter: keys never, the title and description read",
        "help/a.md",
        '---\nlayout: article\npermalink: /x/\ntitle: "Resetting a pasword"\n'
        "description: Steps to follow.\n---\n\nBody.\n",
        ["Resetting a pasword", "Steps to follow."],
        ["permalink", "layout", "article", "title", "description"],
    ),
    (
        "TOML front matter",
        "help/a.md",
        '+++\nslug = "reset"\ntitle = "Reset it"\n+++\n\nBody.\n',
        ["Reset it"],
        ["slug", "reset\n"],
    ),
    (
        "front matter in a .txt that starts with it",
        "reply.txt",
        "---\npermalink: /x/\ntitle: Hello there\n---\nHi Maria,\n\nAll sorted.\n",
        ["Hello there", "All sorted."],
        ["permalink"],
    ),
    (
        "front matter in .mdx, with its imports, exports and expressions",
        "docs/a.mdx",
        "---\nsidebar_position: 2\n---\nimport Tabs from '@theme/Tabs';\n\n# Set it up\n\n"
        "<Tabs>\nOpen the app.\n</Tabs>\n\nYou have {props.count} seats.\n",
        ["Set it up", "Open the app.", "You have"],
        ["sidebar_position", "import", "Tabs", "props"],
    ),
    (
        "Lektor fields: keys and separators never, the title and the body read",
        "docs/a.md",
        "_model: question\n---\ntitle: What is a relay?\n---\nkey: 3\n---\ndescription:\n\nA relay forwards traffic.\n",
        ["What is a relay?", "A relay forwards traffic."],
        ["_model", "question", "key", "description"],
    ),
    (
        "inline HTML in plain text: tags, attributes and entities",
        "reply.txt",
        'Hi Maria,\n\nClick <a href="https://x.example/y" class="btn">here</a> &gt; then save &amp; close.\n',
        ["Click", "here", "then save", "close."],
        ["href", "class", "btn", "&gt;", "gt", "amp"],
    ),
    (
        "the text inside an HTML block in Markdown is prose, its tags are not",
        "docs/a.md",
        "# Title\n\n<details>\n<summary>Why?</summary>\nBecause it is safer.\n</details>\n\n"
        '<div class="callout">Back up first.</div>\n',
        ["Why?", "Because it is safer.", "Back up first."],
        ["details", "summary", "class", "callout"],
    ),
    (
        "Liquid, Jinja and Handlebars tags, also spanning lines",
        "docs/a.md",
        "{% callout info %}\nSave your key.\n{% endcallout %}\n\n"
        "{% include note.html\n   title='x' %}\n\n{# a comment #}\n",
        ["Save your key."],
        ["callout", "endcallout", "include", "comment"],
    ),
    (
        "Obsidian embeds and links",
        "docs/a.md",
        "See ![[diagram.png]] and [[Billing FAQ]] for more.\n",
        ["See", "and", "for more."],
        ["diagram", "Billing FAQ"],
    ),
    (
        "a callout marker is no shouting",
        "docs/a.md",
        "> [!NOTE]\n> Keep it safe.\n",
        ["Keep it safe."],
        ["NOTE"],
    ),
    (
        "bare domains, e-mail-like tokens, file names and paths",
        "reply.txt",
        "Hi Maria,\n\nGo to mysite.com/account or write to billing@acme, "
        "open report.xlsx and ~/.torrc or /etc/tor/torrc.\n",
        ["Go to", "or write to", "open", "and"],
        ["mysite", "billing", "acme", "report", "xlsx", "torrc", "etc"],
    ),
    (
        "command lines in a plain reply",
        "reply.txt",
        "Hi Maria,\n\nRun this:\n\nsudo apt install tor\n$ torify curl https://check.example.org\n\nThat fixes it.\n",
        ["Run this:", "That fixes it."],
        ["sudo", "apt", "torify"],
    ),
    (
        "a fenced block's info string",
        "docs/a.md",
        "Run it:\n\n```bash title=setup.sh\nnpm ci\n```\n",
        ["Run it:"],
        ["bash", "title", "setup"],
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "prose", "not_prose"),
    [pytest.param(*case[1:], id=case[0]) for case in MARKUP_CASES],
)
def test_markup_is_never_prose(path: str, text: str, prose: list[str], not_prose: list[str]) -> None:
    document = read(text, path, profile="doc")
    checked = document.text
    for words in prose:
        assert words in checked, words
    for words in not_prose:
        assert words not in checked, words


def test_front_matter_keys_and_html_are_never_spelling_findings() -> None:
    text = (
        "---\npermalink: /help/\nlayout: article\n---\n\n"
        '<p align="center"><img src="a.png" alt=""></p>\n\nRead the FAQ &mdash; it helps.\n'
    )
    report = lint_text(text, path="docs/a.md", select=("proofread",), profile="doc")
    assert [d.rule_id for d in report.diagnostics] == []


def test_mdx_is_read_as_markdown_and_included_by_default() -> None:
    from empathylint.config.sections import FileGlobs

    assert format_for("docs/page.mdx") == "markdown"
    assert "*.mdx" in FileGlobs().include


def test_deeply_nested_toml_front_matter_is_one_input_error() -> None:
    nested = "a = " + "[" * 3000 + "]" * 3000 + "\n"
    with pytest.raises(InputError, match="front matter"):
        read("+++\n" + nested + "+++\nBody.\n", "docs/a.md", profile="doc")
