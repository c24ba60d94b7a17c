"""A deterministic corpus of our own support writing for the speed benchmark (issue 8).

Every text is assembled from the phrase banks below by a seeded `random.Random`, so the same
seed gives byte-identical files on every machine and the before/after runs of an optimisation
compare like with like. The banks are written to give the linters work the way real drafts
do: greetings with names and helpdesk placeholders, sign-offs, negative framing, filler,
jargon, a few typos, Markdown lists and links; help articles in Markdown and HTML.

    python bench/corpus.py            # writes bench/.corpus/ (ignored by git) and prints its summary
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Bump when the generator changes, so a stale corpus on disk is regenerated, not reused.
CORPUS_VERSION = 5
DEFAULT_SEED = 8
CORPUS_DIR = Path(__file__).resolve().parent / ".corpus"

EMPTY_CHECKLIST = "# The generated corpus is checked with empathylint's defaults.\n"

REPLY_COUNT = 5_000
ARTICLE_COUNT = 500
# The linearity case: the big file is twenty times the small one.
SMALL_DOC_BYTES = 512 * 1024
BIG_DOC_BYTES = 10 * 1024 * 1024

CUSTOMER_NAMES = (
    "Maria",
    "José",
    "Zoë",
    "Nguyễn",
    "Siobhán",
    "Anne-Marie",
    "Mr O'Brien",
    "Priya",
    "Kwame",
    "Björn",
    "Aiko",
    "Fatima",
    "Łukasz",
    "Chloé",
    "Dmitri",
    "Ngozi",
    "Mateo",
    "Ayşe",
    "Tomás",
    "Hannah",
    "Ravi",
    "Mei",
    "Olu",
    "Giulia",
    "Sean",
    "Dr Okafor",
    "Ms Lindqvist",
    "François",
)
AGENT_NAMES = ("Sam", "Lena", "Jordan", "Ines", "Theo", "Nadia", "Kofi", "Marta", "Ollie", "Yuki")
CUSTOMER_PLACEHOLDERS = (
    "{{ticket.requester.first_name}}",
    "{{customer.first_name}}",
    "{{contact.firstname}}",
    "FIRST_NAME",
)
AGENT_PLACEHOLDERS = ("{{current_user.first_name}}", "{{agent.name}}", "AGENT_NAME")

PRODUCTS = ("Acorn Books", "Brightdesk", "Parcelly", "Tallyhome", "Lumo Fit", "Quayside Pay")
FEATURES = (
    "invoice export",
    "two-factor login",
    "shared inbox",
    "calendar sync",
    "mobile app",
    "bank feed",
    "recurring order",
    "team workspace",
    "CSV import",
    "password reset email",
    "order tracking page",
    "gift card balance",
    "subscription renewal",
    "delivery slot picker",
)
ARTICLE_TASKS = (
    "export your invoices",
    "set up two-factor login",
    "connect your bank feed",
    "invite your team",
    "change your delivery address",
    "cancel or pause a subscription",
    "import contacts from a CSV file",
    "reset your password",
    "sync your calendar",
    "track an order",
    "request a refund",
    "update your billing details",
    "merge duplicate accounts",
    "set up a shared inbox",
)
EVENTS = (
    "your month-end close",
    "the weekend",
    "your trip",
    "a big launch",
    "payroll day",
    "the holidays",
    "your team's review",
    "the school run",
)
TIMEFRAMES = (
    "within 24 hours",
    "by the end of the day",
    "in three to five working days",
    "by Friday",
    "early next week",
    "within the hour",
    "before your next billing date",
)
MENU_PATHS = (
    "Settings → Billing",
    "Account → Security",
    "Orders → Recent",
    "Team → Members",
    "Integrations → Calendar",
    "Settings → Notifications",
    "Profile → Password",
)
TYPOS = {
    "receive": "recieve",
    "separate": "seperate",
    "definitely": "definately",
    "until": "untill",
    "accommodate": "accomodate",
    "the": "teh",
    "occurred": "occured",
    "address": "adress",
}

GREETINGS = (
    "Hi {name},",
    "Hello {name},",
    "Hey {name}!",
    "Dear {name},",
    "Good morning {name},",
    "Hi {name} 👋",
    "Hi there,",
    "Hello,",
    "Hi {name}, hope you're well.",
    "Dear Customer,",
    "Hiya {name},",
)
OPENERS = (
    "Thanks for reaching out!",
    "Thank you for getting in touch about the {feature}.",
    "Thanks so much for your patience while we looked into this.",
    "Thanks for the screenshots, they really helped.",
    "Thank you for flagging this, {name_or_you}.",
    "Appreciate you letting us know.",
    "Thanks for writing in, and sorry for the slow reply.",
    "Great question!",
)
EMPATHY = (
    "I'm sorry the {feature} stopped working right before {event}.",
    "I can see how frustrating it is to be locked out of the {feature} when you need it.",
    "That sounds really annoying, and I'd feel the same.",
    "I completely understand why you'd want this sorted before {event}.",
    "I know it's been a long wait and I'm sorry about that.",
    "You're right that the {feature} should have worked first time.",
)
BODY = (
    "I've checked your account and the {feature} is switched on again.",
    "Unfortunately, we can't change the {feature} for you from our side.",
    "You failed to confirm the email we sent, so the {feature} was never activated.",
    "Please note that the {feature} is only available on the annual plan.",
    "In order to fix this, go to **{menu}** and choose *Reconnect*.",
    "It's basically just a caching issue, so it should actually clear itself {timeframe}.",
    "Our engineers have reproduced the bug and a fix is going out {timeframe}.",
    "You'll see the refund on your statement {timeframe}.",
    "At this point in time we are unable to offer a discount on the {feature}.",
    "The SSO token didn't propagate to the {feature}, so the API returned a 401.",
    "I've gone ahead and refunded the duplicate charge on your {product} account.",
    "Could you send me a screenshot of what you see under **{menu}**?",
    "If you clear your browser cache with `Ctrl+Shift+R`, the page should load properly.",
    "There's a step-by-step guide in our [help article](https://help.example.com/articles/{article_id}).",
    "We definitely don't want you to lose any data, so I've made a backup first.",
    "I have escalated this to our billing team, who will get back to you {timeframe}.",
    "It is not possible to merge two accounts, but I can move your orders over by hand.",
    "Obviously this isn't the experience we want you to have with {product}.",
    "The {feature} should just work now, but do let me know if it doesn't.",
    "You will receive a confirmation email once the change has gone through.",
    "We have to wait until the payment provider releases the hold, which usually happens {timeframe}.",
    "I've added a note to your account so whoever picks this up next has the full picture.",
    "Your order was split into separate parcels because one item ships from our partner's warehouse.",
    "Sadly the courier marked the parcel as delivered to the wrong address.",
    "The issue occurred because the {feature} was still pointing at your old email address.",
    "I'm afraid we can't accommodate a delivery slot on Sundays yet.",
    "To be honest, the {feature} is a bit fiddly on older phones.",
    "Kindly revert back with the order number at your earliest convenience.",
)
STEPS = (
    "Open **{menu}**.",
    "Click *Reconnect* next to the {feature}.",
    "Sign out and back in again.",
    "Choose the account you want to keep.",
    "Confirm with the code we text you.",
    "Wait a minute, then refresh the page.",
    "Tick **Send me a copy** and press *Save*.",
)
CLOSINGS = (
    "Let me know if there's anything else I can do!",
    "Is there anything else I can help with today?",
    "Have a great weekend! 😊",
    "Just reply to this email if it happens again.",
    "Hope this helps!",
    "Feel free to reach out if you have any further questions.",
    "I'll keep an eye on it and update you {timeframe}.",
    "Thanks again for your patience.",
)
SIGN_OFFS = (
    "Best,\n{agent}",
    "Cheers,\n{agent} 🙂",
    "Kind regards,\n{agent}\nCustomer Support",
    "Thanks,\n{agent}",
    "Warmly,\n{agent} | Support Team",
    "All the best,\n{agent}",
    "Regards,\nThe Support Team",
    "Thanks!",
    "Speak soon,\n{agent} from {product}",
)

ARTICLE_INTROS = (
    "This guide shows you how to {task} in {product}. It takes about five minutes.",
    "You can {task} yourself from the web app; you don't need to contact us.",
    "If you're new to {product}, start here: we'll walk you through how to {task}.",
    "You'll usually only need to {task} once, when you first set up your account.",
)
ARTICLE_SECTIONS = (
    "Before you start",
    "Step by step",
    "If something goes wrong",
    "On the mobile app",
    "Frequently asked questions",
    "What happens next",
    "Permissions",
    "Limits",
)
ARTICLE_SENTENCES = (
    "You'll need to be an account owner or admin to {task}.",
    "The {feature} is available on every plan, including the free one.",
    "Changes take effect straight away, but the mobile app may take a minute to catch up.",
    "If you utilise single sign-on, your identity provider must allow the {product} app first.",
    "Please note that you cannot undo this action once it has been completed.",
    "We recommend doing this outside working hours, as your team will be signed out.",
    "In the event that the {feature} is greyed out, your admin has turned it off.",
    "It is important to note that exports include archived records by default.",
    "Simply click **Save** and you're done.",
    "You must not share your recovery codes with anyone, including our support team.",
    "The API rate limit is 600 requests per minute per workspace, after which requests return HTTP 429.",
    "Failure to verify your email address will result in the {feature} being disabled.",
    "Go to **{menu}** and look for the {feature} section.",
    "Each workspace can hold up to 50,000 records; larger imports are split automatically.",
    "If the page looks out of date, refresh it or clear your browser's cache.",
    "You will receive an email confirming the change {timeframe}.",
    "It's really very easy to {task} once you know where to look.",
    "Utilize the search bar at the top of the page to find a specific order.",
    "Note: the {feature} does not support files larger than 25 MB.",
    "Your data is encrypted at rest and in transit, and only your team can see it.",
)


@dataclass(frozen=True)
class CorpusFile:
    """One generated file: where it goes under the corpus folder and what it holds."""

    relative_path: str
    text: str


def _fill(template: str, chance: random.Random, **known: str) -> str:
    """Fill a template's slots, drawing any slot not given from the banks."""
    slots = {
        "feature": chance.choice(FEATURES),
        "event": chance.choice(EVENTS),
        "timeframe": chance.choice(TIMEFRAMES),
        "menu": chance.choice(MENU_PATHS),
        "product": chance.choice(PRODUCTS),
        "task": chance.choice(ARTICLE_TASKS),
        "article_id": str(chance.randrange(100, 9999)),
        "name_or_you": "you",
    }
    slots.update(known)
    return template.format(**slots)


def _with_typo(sentence: str, chance: random.Random) -> str:
    """Misspell one word, as a hurried agent does now and then."""
    words = sentence.split(" ")
    candidates = [index for index, word in enumerate(words) if word.lower() in TYPOS]
    if not candidates:
        return sentence
    index = chance.choice(candidates)
    words[index] = TYPOS[words[index].lower()]
    return " ".join(words)


def _word_count(parts: list[str]) -> int:
    return sum(len(part.split()) for part in parts)


def reply(chance: random.Random) -> str:
    """A support reply of 50 to 200 words: greeting, thanks, empathy, body, closing, sign-off."""
    if chance.random() < 0.2:
        customer = chance.choice(CUSTOMER_PLACEHOLDERS)
        agent = chance.choice(AGENT_PLACEHOLDERS)
    else:
        customer = chance.choice(CUSTOMER_NAMES)
        agent = chance.choice(AGENT_NAMES)
    known = {"name_or_you": customer, "agent": agent, "product": chance.choice(PRODUCTS)}
    target_words = chance.randint(50, 200)

    greeting = _fill(chance.choice(GREETINGS), chance, name=customer, **known)
    opening = [_fill(chance.choice(OPENERS), chance, **known)] if chance.random() < 0.7 else []
    if chance.random() < 0.6:
        opening.append(_fill(chance.choice(EMPATHY), chance, **known))
    closing = _fill(chance.choice(CLOSINGS), chance, **known)
    sign_off = _fill(chance.choice(SIGN_OFFS), chance, **known)

    paragraphs: list[list[str]] = [opening] if opening else []
    body: list[str] = []
    steps: list[str] = []
    used = _word_count(opening) + len(greeting.split()) + len(closing.split()) + len(sign_off.split())
    while used < target_words:
        if not steps and chance.random() < 0.12:
            candidate = [
                f"{number}. {_fill(chance.choice(STEPS), chance, **known)}"
                for number in range(1, chance.randint(2, 4) + 1)
            ]
        else:
            candidate = [_fill(chance.choice(BODY), chance, **known)]
        if used >= 50 and used + _word_count(candidate) > 200:
            break
        used += _word_count(candidate)
        if len(candidate) > 1:
            steps = candidate
            continue
        sentence = _with_typo(candidate[0], chance) if chance.random() < 0.08 else candidate[0]
        body.append(sentence)
        if len(body) >= chance.randint(2, 4):
            paragraphs.append(body)
            body = []
    if body:
        paragraphs.append(body)

    blocks = [greeting, *(" ".join(paragraph) for paragraph in paragraphs)]
    if steps:
        blocks.insert(chance.randint(2, len(blocks)), "\n".join(steps))
    blocks += [closing, sign_off]
    return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class ArticleBlock:
    """One block of a help article, format-neutral so Markdown and HTML share the content."""

    kind: str  # "heading", "paragraph", "steps", "bullets", "note", "code", "table"
    text: str = ""
    items: tuple[str, ...] = ()


def article_blocks(chance: random.Random, target_words: int) -> list[ArticleBlock]:
    """The content of one help article of about target_words words."""
    known = {"task": chance.choice(ARTICLE_TASKS), "product": chance.choice(PRODUCTS)}
    blocks = [
        ArticleBlock("title", f"How to {known['task']}"),
        ArticleBlock("paragraph", _fill(chance.choice(ARTICLE_INTROS), chance, **known)),
    ]
    words = 0
    while words < target_words:
        blocks.append(ArticleBlock("heading", chance.choice(ARTICLE_SECTIONS)))
        for _ in range(chance.randint(2, 5)):
            shape = chance.random()
            if shape < 0.6:
                sentences = [
                    _fill(chance.choice(ARTICLE_SENTENCES), chance, **known) for _ in range(chance.randint(2, 6))
                ]
                block = ArticleBlock("paragraph", " ".join(sentences))
            elif shape < 0.75:
                items = tuple(_fill(chance.choice(STEPS), chance, **known) for _ in range(chance.randint(3, 7)))
                block = ArticleBlock("steps", items=items)
            elif shape < 0.85:
                items = tuple(
                    _fill(chance.choice(ARTICLE_SENTENCES), chance, **known) for _ in range(chance.randint(2, 5))
                )
                block = ArticleBlock("bullets", items=items)
            elif shape < 0.93:
                block = ArticleBlock("note", _fill(chance.choice(ARTICLE_SENTENCES), chance, **known))
            elif shape < 0.97:
                block = ArticleBlock(
                    "code",
                    "curl -H 'Authorization: Bearer $TOKEN' "
                    f"https://api.example.com/v2/exports?limit={chance.randrange(10, 500)}",
                )
            else:
                rows = tuple(
                    f"{chance.choice(FEATURES)}|{chance.choice(('Free', 'Team', 'Business'))}" for _ in range(3)
                )
                block = ArticleBlock("table", items=rows)
            blocks.append(block)
            words += len(block.text.split()) + sum(len(item.split()) for item in block.items)
            if words >= target_words:
                break
    return blocks


def render_markdown(blocks: list[ArticleBlock]) -> str:
    out: list[str] = []
    for block in blocks:
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"## {block.text}")
        elif block.kind == "paragraph":
            out.append(block.text)
        elif block.kind == "steps":
            out.append("\n".join(f"{number}. {item}" for number, item in enumerate(block.items, start=1)))
        elif block.kind == "bullets":
            out.append("\n".join(f"- {item}" for item in block.items))
        elif block.kind == "note":
            out.append(f"> **Note:** {block.text}")
        elif block.kind == "code":
            out.append(f"```sh\n{block.text}\n```")
        elif block.kind == "table":
            rows = [row.split("|") for row in block.items]
            out.append("\n".join(["| Feature | Plan |", "| --- | --- |", *(f"| {a} | {b} |" for a, b in rows)]))
    return "\n\n".join(out) + "\n"


def _inline_html(markdown_text: str) -> str:
    """Bold, italics and code spans of the shared content, as HTML."""
    parts = html.escape(markdown_text, quote=False).split("**")
    text = "".join(f"<strong>{part}</strong>" if index % 2 else part for index, part in enumerate(parts))
    parts = text.split("`")
    text = "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))
    parts = text.split("*")
    return "".join(f"<em>{part}</em>" if index % 2 else part for index, part in enumerate(parts))


def render_html(blocks: list[ArticleBlock]) -> str:
    title = blocks[0].text
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '  <meta charset="utf-8">',
        f"  <title>{html.escape(title)}</title>",
        "</head>",
        "<body>",
        "<article>",
    ]
    for block in blocks:
        if block.kind == "title":
            out.append(f"<h1>{html.escape(block.text)}</h1>")
        elif block.kind == "heading":
            out.append(f"<h2>{html.escape(block.text)}</h2>")
        elif block.kind == "paragraph":
            out.append(f"<p>{_inline_html(block.text)}</p>")
        elif block.kind in ("steps", "bullets"):
            tag = "ol" if block.kind == "steps" else "ul"
            out.append(
                f"<{tag}>\n" + "\n".join(f"  <li>{_inline_html(item)}</li>" for item in block.items) + f"\n</{tag}>"
            )
        elif block.kind == "note":
            out.append(f'<div class="callout"><p><strong>Note:</strong> {_inline_html(block.text)}</p></div>')
        elif block.kind == "code":
            out.append(f"<pre><code>{html.escape(block.text)}</code></pre>")
        elif block.kind == "table":
            rows = "\n".join(
                f"  <tr><td>{html.escape(a)}</td><td>{b}</td></tr>" for a, b in (row.split("|") for row in block.items)
            )
            out.append(f"<table>\n  <tr><th>Feature</th><th>Plan</th></tr>\n{rows}\n</table>")
    out += ["</article>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _help_center_dump(chance: random.Random, size_bytes: int) -> str:
    """One big Markdown file, as a help centre exported to a single page: articles until size_bytes."""
    articles: list[str] = []
    size = 0
    while size < size_bytes:
        article = render_markdown(article_blocks(chance, chance.randint(500, 3000)))
        articles.append(article)
        size += len(article.encode("utf-8")) + 1
    text = "\n".join(articles)
    # Trim at a paragraph break so the size is close to the target and the file still ends cleanly.
    cut = text.encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore").rfind("\n\n")
    return text[:cut] + "\n"


def generate(seed: int = DEFAULT_SEED) -> Iterator[CorpusFile]:
    """Every corpus file, in a fixed order; each family has its own stream so adding one keeps the others."""
    replies = random.Random(f"{seed}-replies")
    for number in range(1, REPLY_COUNT + 1):
        extension = ".txt" if replies.random() < 0.2 else ".md"
        yield CorpusFile(f"replies/reply-{number:05d}{extension}", reply(replies))
    articles = random.Random(f"{seed}-articles")
    for number in range(1, ARTICLE_COUNT + 1):
        blocks = article_blocks(articles, articles.randint(500, 2700))
        if articles.random() < 0.35:
            yield CorpusFile(f"articles/article-{number:04d}.html", render_html(blocks))
        else:
            yield CorpusFile(f"articles/article-{number:04d}.md", render_markdown(blocks))
    yield CorpusFile(
        "big/help-center-0.5mb.md", _help_center_dump(random.Random(f"{seed}-small-dump"), SMALL_DOC_BYTES)
    )
    yield CorpusFile("big/help-center-10mb.md", _help_center_dump(random.Random(f"{seed}-big-dump"), BIG_DOC_BYTES))


@dataclass(frozen=True)
class Corpus:
    """The corpus on disk, with the file lists each benchmark case uses."""

    root: Path
    replies: tuple[Path, ...]
    articles: tuple[Path, ...]
    small_doc: Path
    big_doc: Path
    digest: str


def _manifest(root: Path) -> dict[str, object]:
    try:
        loaded = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def ensure_corpus(seed: int = DEFAULT_SEED, root: Path = CORPUS_DIR, log: Callable[[str], None] = print) -> Corpus:
    """The corpus for this seed, generated only when missing or made by another version or seed."""
    manifest = _manifest(root)
    if manifest.get("version") != CORPUS_VERSION or manifest.get("seed") != seed:
        log(f"Generating the corpus in {root} (seed {seed}) ...")
        if root.exists():
            shutil.rmtree(root)
        digest = hashlib.sha256()
        for corpus_file in generate(seed):
            path = root / corpus_file.relative_path
            path.parent.mkdir(parents=True, exist_ok=True)
            data = corpus_file.text.encode("utf-8")
            path.write_bytes(data)
            digest.update(corpus_file.relative_path.encode("utf-8") + b"\0" + data)
        # The corpus sits inside the repository, so without a checklist.toml of its own every
        # tool would read the repository's. Empty, it means the defaults in code (which the
        # repository's equals, tests/test_defaults.py), and an older empathylint compared with
        # --compare-with reads settings it knows instead of stopping on a newer key.
        (root / "checklist.toml").write_text(EMPTY_CHECKLIST, encoding="utf-8")
        manifest = {"version": CORPUS_VERSION, "seed": seed, "sha256": digest.hexdigest()}
        (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Corpus(
        root=root,
        replies=tuple(sorted((root / "replies").iterdir())),
        articles=tuple(sorted((root / "articles").iterdir())),
        small_doc=root / "big" / "help-center-0.5mb.md",
        big_doc=root / "big" / "help-center-10mb.md",
        digest=str(manifest["sha256"]),
    )


def describe(corpus: Corpus) -> str:
    """One line per family: how many files, how many words and bytes."""

    def summary(label: str, paths: tuple[Path, ...]) -> str:
        texts = [path.read_text(encoding="utf-8") for path in paths]
        words = [len(text.split()) for text in texts]
        size = sum(len(text.encode("utf-8")) for text in texts)
        return (
            f"{label:<10} {len(paths):>5} files  {min(words)}–{max(words)} words each  {size / 1_048_576:.1f} MB in all"
        )

    return "\n".join(
        [
            summary("replies", corpus.replies),
            summary("articles", corpus.articles),
            summary("0.5 MB doc", (corpus.small_doc,)),
            summary("10 MB doc", (corpus.big_doc,)),
            f"sha256 {corpus.digest[:16]} (same seed, same files)",
        ]
    )


@dataclass(frozen=True)
class RealCorpus:
    """The shared corpus of real support writing (its README says what it holds), read in
    place: never copied into this repository."""

    root: Path
    replies: tuple[Path, ...]
    docs: tuple[Path, ...]


def real_corpus(root: Path) -> RealCorpus | None:
    """The real corpus at `root`: the agents' replies (without the customers' messages
    beside them, which empathylint reads as context) and the help articles; None when absent."""
    replies_folder, docs_folder = root / "replies", root / "docs"
    if not replies_folder.is_dir() or not docs_folder.is_dir():
        return None
    replies = tuple(sorted(path for path in replies_folder.iterdir() if not path.name.endswith(".customer.txt")))
    docs = tuple(sorted(path for path in docs_folder.rglob("*") if path.is_file()))
    return RealCorpus(root.resolve(), replies, docs)


def describe_real(corpus: RealCorpus, shown_as: str) -> str:
    """One line per family; `shown_as` names the corpus folder (relative, not this machine's path)."""

    def summary(label: str, paths: tuple[Path, ...]) -> str:
        sizes = [path.stat().st_size for path in paths]
        return f"{label:<10} {len(paths):>5} files  {sum(sizes) / 1_048_576:.2f} MB in all"

    return "\n".join([f"real corpus {shown_as}", summary("replies", corpus.replies), summary("docs", corpus.docs)])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SEED
    print(describe(ensure_corpus(seed)))
