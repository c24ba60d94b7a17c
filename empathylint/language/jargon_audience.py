"""Who a draft is written for, from its own signs and its path: a file on one of the
`technical-paths`, code to run, an article's title that names a developer's tool
("Public API", "CLI Setup"), or a page filed for the people who set the service up for
others: its title, categories or description name an administrator's topic ("Login with
SSO FAQs", "learn how to set up an organization for you to administer"), or it carries a
notice that only administrators or owners can do what it describes ("admin-only"). An
article's title is its front matter's, else its top-level heading, else the heading a
section pasted on its own opens with ("## Authenticating API requests")."""

from __future__ import annotations

import fnmatch
import re
from pathlib import PurePath

from empathylint.document import Document
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.regex_on_use import LazyPattern

# An article's front matter, and in it the fields that say what the page is and whom it is
# for: its title, the categories it is filed under and its one-line description. Tags are
# left out: they list every word a search should find the page by.
_FRONT_MATTER = LazyPattern(r"\A(---|\+\+\+)[ \t]*\n")
_FIELD_LINE = LazyPattern(r"^(?P<name>title|categories|description)[ \t]*[:=][ \t]*(?P<value>.+)$", re.MULTILINE)
_FIRST_HEADING = LazyPattern(r"^#[ \t]+(?P<title>.+)$", re.MULTILINE)
# A section pasted on its own opens with its heading, at whatever level: that is its title.
_OPENING_HEADING = LazyPattern(r"\A\s*#{1,6}[ \t]+(?P<title>.+)$", re.MULTILINE)


def _front_matter(source: str) -> dict[str, str]:
    opening = _FRONT_MATTER.match(source)
    if opening is None:
        return {}
    closing = source.find("\n" + opening.group(1), opening.end())
    if closing < 0:
        return {}
    return {found.group("name"): found.group("value") for found in _FIELD_LINE.finditer(source, opening.end(), closing)}


def page_title(source: str) -> str | None:
    """An article's title: in its front matter, its first top-level heading, or the heading
    it opens with."""
    title = _front_matter(source).get("title")
    if title is not None:
        return title
    heading = _FIRST_HEADING.search(source) or _OPENING_HEADING.match(source)
    return heading.group("title") if heading is not None else None


def title_has(doc: Document, cues: PhraseTrie | None) -> bool:
    """Whether the article's title names one of the cues ("Public API", "CLI Setup")."""
    title = page_title(doc.source) if doc.profile == "doc" and cues is not None else None
    return title is not None and cues is not None and cues.search(title) is not None


def written_for_admins(doc: Document, topics: PhraseTrie | None, notices: PhraseTrie | None) -> bool:
    """Whether an article is written for the people who set the service up for others: its
    title, categories or description name an administrator's topic ("SSO", "enterprise",
    "administrators"), or its body says only administrators or owners can do what it
    describes ("admin-only"). They read the words of the set-up as a technical audience."""
    if doc.profile != "doc":
        return False
    if topics is not None:
        fields = _front_matter(doc.source)
        title = page_title(doc.source)
        heads = [*(value for name, value in fields.items() if name != "title"), *([title] if title else [])]
        if any(topics.search(head) for head in heads):
            return True
    return notices is not None and notices.search(doc.source) is not None


# A fenced or <pre> code block: a draft with code in it is written for someone who runs code.
_CODE_BLOCK = LazyPattern(r"^[ \t]*(?:```|~~~)|<pre[\s>]", re.MULTILINE | re.IGNORECASE)
# In an article, only a block that names its language ("```sh", "<code class="language-js">")
# is code to run; a bare block is as often an example address or a chat command.
_PROGRAM = LazyPattern(r"^[ \t]*(?:```|~~~)[ \t]*[a-z]|<code[^>]*language-", re.MULTILINE | re.IGNORECASE)


def on_a_technical_path(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether the file's name, or a folder it lies in, matches one of the globs."""
    parts = PurePath(path).parts
    if not patterns or not parts:
        return False
    folders, name = parts[:-1], parts[-1]
    for pattern in patterns:
        if pattern.endswith("/"):
            if any(fnmatch.fnmatchcase(folder, pattern[:-1]) for folder in folders):
                return True
        elif fnmatch.fnmatchcase(name, pattern):
            return True
    return False


def shows_code(doc: Document) -> bool:
    """Whether the draft shows code to run: a reply's code block, or an article's block that
    names its language."""
    return (_PROGRAM if doc.profile == "doc" else _CODE_BLOCK).search(doc.source) is not None
