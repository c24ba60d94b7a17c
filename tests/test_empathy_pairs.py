"""Customer/reply pairs: the customer's mood is read right, and the empathy rules fire on
the replies a support lead would send back, and stay silent on the ones they would send.

Each pair is a customer's message and a draft reply (refunds, bugs, feature requests,
outages, billing, shipping), the mood we expect, and the empathy rule groups that must
fire; every other empathy group must stay silent."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from empathylint.config import Config
from empathylint.diagnostics import Severity
from empathylint.engine import FileReport, Status, lint
from empathylint.formats import ReadOptions, read_document
from empathylint.language.mood import read_mood
from tests.conftest import make_config

EMPATHY_GROUPS = frozenset(
    {
        "acknowledge-feelings",
        "hollow-empathy",
        "over-apology",
        "set-expectations",
        "say-no-with-why",
        "match-tone",
        "personalize-template",
        "ask-openly",
    }
)


@dataclass(frozen=True)
class Pair:
    topic: str
    customer: str
    reply: str
    mood: str
    fires: frozenset[str] = frozenset()


PAIRS = (
    Pair(
        "refund, angry, warm action-first reply",
        "This is the second time you've charged me for a plan I cancelled. Unacceptable. I want my money back.",
        "Hi Dana,\n\nThanks for telling us straight away. That sounds really frustrating, and you're right to "
        "expect better. I've refunded both "
        "charges; they'll be back on your card within 5 working days. Your plan stays cancelled.\n\nBest,\nSam\n",
        "upset",
    ),
    Pair(
        "refund, angry, three apologies and no promise",
        "Still no refund after THREE WEEKS. This is ridiculous.",
        "Hi Dana,\n\nI'm so sorry. I completely understand your frustration. We apologise for any inconvenience."
        "\n\nBest,\nSam\n",
        "upset",
        frozenset({"hollow-empathy", "over-apology"}),
    ),
    Pair(
        "refund, calm, refused without a why",
        "Hi, could I get a refund for the annual plan? I bought it by mistake.",
        "Hi Ana,\n\nThanks for asking about the annual plan. We're unable to refund it.\n\nCheers,\nSam\n",
        "neutral",
        frozenset({"say-no-with-why"}),
    ),
    Pair(
        "refund, calm, refused with a reason and an alternative",
        "Hi, could I get a refund for the annual plan? I bought it by mistake.",
        "Hi Ana,\n\nThanks for asking about the annual plan. We can't refund it after 30 days because the "
        "discount is paid up front. What I can do is switch you to monthly from your next renewal.\n\n"
        "Cheers,\nSam\n",
        "neutral",
    ),
    Pair(
        "bug, upset, reply that goes straight to the fix",
        "The app crashes EVERY TIME I open a photo. I'm so frustrated.",
        "Hi Zoë,\n\nPlease update to version 4.2 from the App Store; the photo crash is fixed there.\n\nBest,\nKai\n",
        "upset",
        frozenset({"acknowledge-feelings"}),
    ),
    Pair(
        "bug, upset, emoji and lol in the reply",
        "Your app deleted my notes again. I've lost a week of work. Furious.",
        "Hi Zoë,\n\nOh no, sorry about that lol 😅 I've restored your notes from last night's backup.\n\nBest,\nKai\n",
        "upset",
        frozenset({"match-tone"}),
    ),
    Pair(
        "bug, neutral, a string of yes/no questions",
        "The sync between my phone and laptop stopped working yesterday.",
        "Hi Nguyễn,\n\nThanks for letting me know about the sync. Is the app up to date? Did you sign out and in? "
        "Are both devices online?\n\nBest,\nLi\n",
        "neutral",
        frozenset({"ask-openly"}),
    ),
    Pair(
        "bug, neutral, one open question",
        "The sync between my phone and laptop stopped working yesterday.",
        "Hi Nguyễn,\n\nThanks for letting me know about the sync. Could you walk me through what you see on "
        "each device when you make a change?\n\nBest,\nLi\n",
        "neutral",
    ),
    Pair(
        "feature request, cheerful, short friendly reply",
        "Love the new dashboard!! 😍 Any chance of a dark mode? No rush, thanks so much!",
        "Hi Ana,\n\nThanks so much, glad you like the dashboard! Dark mode is on our list for the spring, and "
        "I've added your vote.\n\nCheers,\nSam\n",
        "cheerful",
    ),
    Pair(
        "feature request, cheerful, stiff form letter",
        "Love the new dashboard!! 😍 Any chance of a dark mode? No rush, thanks so much!",
        "Dear Sir or Madam,\n\nThank you for your feedback about the dashboard. Please be advised that dark mode "
        "is on our roadmap for the spring.\n\nRegards,\nSam\n",
        "cheerful",
        frozenset({"match-tone"}),
    ),
    Pair(
        "feature request, neutral, a bare no",
        "Do you plan to support exporting reports to Excel?",
        "Hi Mo,\n\nThanks for asking about Excel. We won't be adding Excel exports.\n\nBest,\nSam\n",
        "neutral",
        frozenset({"say-no-with-why"}),
    ),
    Pair(
        "outage, upset, looking into it with no when",
        "Your site has been down for two hours and I can't take orders. This is costing me money!!!",
        "Hi O'Brien,\n\nI'm sorry, I know how much two hours of lost orders hurts. Our engineers are looking into "
        "it and we'll get back to you.\n\nBest,\nSam\n",
        "upset",
        frozenset({"set-expectations"}),
    ),
    Pair(
        "outage, upset, update time promised",
        "Your site has been down for two hours and I can't take orders. This is costing me money!!!",
        "Hi O'Brien,\n\nI'm sorry, I know how much two hours of lost orders hurts. Our engineers found the cause "
        "and are restoring service now; I'll update you by 3pm either way.\n\nBest,\nSam\n",
        "upset",
    ),
    Pair(
        "outage, upset, 'escalated' and exclamation-heavy cheer",
        "Nothing loads. Third time this month. Seriously?!",
        "Hi O'Brien,\n\nSorry about this! I've escalated it to our team! Hang tight!\n\nBest,\nSam\n",
        "upset",
        frozenset({"match-tone", "set-expectations"}),
    ),
    Pair(
        "billing, neutral, a stock macro that ignores the question",
        "My invoice for March shows the wrong VAT number. Can you reissue it?",
        "Hello,\n\nThank you for contacting us. We have received your request and a member of our team will "
        "assist you.\n\nKind regards,\nSam\n",
        "neutral",
        frozenset({"personalize-template", "set-expectations"}),
    ),
    Pair(
        "billing, neutral, personal answer",
        "My invoice for March shows the wrong VAT number. Can you reissue it?",
        "Hi Anne-Marie,\n\nThanks for spotting that. I've reissued the March invoice with the right VAT number; "
        "it's attached to this email.\n\nBest,\nSam\n",
        "neutral",
    ),
    Pair(
        "billing, upset, 'sorry you feel that way'",
        "I'm disappointed you raised the price without telling me.",
        "Hi Mo,\n\nI'm sorry you feel that way. The new price is on the pricing page, and you can switch to the "
        "Lite plan any time.\n\nBest,\nSam\n",
        "upset",
        frozenset({"over-apology"}),
    ),
    Pair(
        "billing, calm customer says it is not a big deal",
        "Not a big deal and no rush, but my last receipt has my old address on it.",
        "Hi Mo,\n\nThanks for the heads-up about the receipt. I've updated your address and sent a fresh copy.\n\n"
        "Best,\nSam\n",
        "neutral",
    ),
    Pair(
        "shipping, upset, warm reply with a tracking link",
        "Where is my parcel?! It was due a week ago and nobody has answered my emails.",
        "Hi Siobhán,\n\nI'm sorry you've had to chase us for a week; that's not okay. Your parcel is with the "
        "courier and due on Thursday; you can follow it at https://track.example.com/48213.\n\nBest,\nSam\n",
        "upset",
    ),
    Pair(
        "shipping, upset, sympathy and nothing else",
        "Where is my parcel?! It was due a week ago and nobody has answered my emails.",
        "Hi Siobhán,\n\nThat sounds frustrating, and I'm sorry to hear it. Thanks for your patience.\n\nBest,\nSam\n",
        "upset",
        # Nobody answered their emails, and the reply takes up none of it: stock too.
        frozenset({"hollow-empathy", "personalize-template"}),
    ),
    Pair(
        "shipping, cheerful, thanks after delivery",
        "Parcel arrived today, thank you so much! 🎉",
        "Hi Ana,\n\nThat's great to hear, thanks for letting us know! Enjoy the new headphones.\n\nCheers,\nSam\n",
        "cheerful",
    ),
    Pair(
        "shipping, neutral, 'I can't' with a way forward",
        "Can you change the delivery address on order 48213?",
        "Hi Mo,\n\nThanks for asking. I can't change it now that order 48213 has shipped, but you can redirect "
        "it for free from the courier's page.\n\nBest,\nSam\n",
        "neutral",
    ),
)


def lint_pair(pair: Pair, config: Config) -> FileReport:
    options = ReadOptions(profile="reply", vocabulary=config.vocabulary, customer_message=pair.customer)
    document = read_document(pair.reply, "reply.txt", options)
    return lint(document, config.for_file(document.path, document.profile))


@pytest.fixture(scope="module")
def config() -> Config:
    return make_config()


def fired_groups(report: FileReport) -> set[str]:
    return {d.rule_id.split(".", 1)[0] for d in report.diagnostics} & EMPATHY_GROUPS


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.topic)
def test_mood_is_read_right(pair: Pair) -> None:
    assert read_mood(pair.customer).label == pair.mood, read_mood(pair.customer)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.topic)
def test_empathy_rules_fire_where_expected(pair: Pair, config: Config) -> None:
    report = lint_pair(pair, config)
    assert fired_groups(report) == set(pair.fires), [(d.rule_id, d.message) for d in report.diagnostics]


def test_pairs_cover_every_topic_and_rule() -> None:
    assert len(PAIRS) >= 20
    topics = {pair.topic.split(",", 1)[0] for pair in PAIRS}
    assert topics >= {"refund", "bug", "feature request", "outage", "billing", "shipping"}
    assert set().union(*(pair.fires for pair in PAIRS)) == EMPATHY_GROUPS


@pytest.mark.parametrize("index", [0, 8], ids=["angry customer, warm action-first reply", "cheerful, short friendly"])
def test_the_replies_the_guide_recommends_are_ready_to_send(index: int, config: Config) -> None:
    report = lint_pair(PAIRS[index], config)
    assert report.ready_to_send(config.fail_on), [(d.rule_id, d.message) for d in report.diagnostics]
    items = {entry.item: entry.status for entry in report.scorecard}
    assert items["action"] is Status.MET
    assert items["tone"] is Status.MET


def test_three_apologies_and_no_promise_fail_two_items(config: Config) -> None:
    report = lint_pair(PAIRS[1], config)
    items = {entry.item: entry.status for entry in report.scorecard}
    assert items["action"] is Status.NOT_MET
    assert items["one-apology"] is Status.NOT_MET
    assert any(d.severity >= Severity.WARNING for d in report.diagnostics)


def test_mood_rules_are_not_applicable_without_a_customer_message(config: Config) -> None:
    options = ReadOptions(profile="reply", vocabulary=config.vocabulary)
    document = read_document(PAIRS[0].reply, "reply.txt", options)
    report = lint(document, config.for_file(document.path, document.profile))
    items = {entry.item: entry.status for entry in report.scorecard}
    assert items["acknowledged"] is Status.NOT_APPLICABLE
    assert items["tone"] is Status.NOT_APPLICABLE
    assert items["action"] is Status.MET


def test_mood_reasons_name_the_words_found() -> None:
    mood = read_mood("I still can't log in. This is the THIRD TIME I've written. Unacceptable?!")
    assert mood.is_upset
    assert {"still can't", "third time", "unacceptable", "?!"} <= set(mood.reasons("upset"))
    assert any(reason.startswith("ALL CAPS") for reason in mood.reasons("upset"))


@pytest.mark.parametrize(
    ("message", "label"),
    [
        ("Not a big deal, no rush, whenever you get a chance.", "neutral"),
        ("I'm not angry, just curious how the export works.", "neutral"),
        ("I don't want to cancel, I just want to pause.", "neutral"),
        ("I'm not happy with this at all.", "upset"),
        ("I can't believe how frustrating this is.", "upset"),
        ("I still can't log in, third time this week.", "upset"),
        ("Thanks so much, you're awesome :)", "cheerful"),
        ("Can I get a refund for order 4412? Thanks.", "neutral"),
        ("The PDF and CSV exports look fine, the API too.", "neutral"),
    ],
)
def test_mood_is_negation_aware_and_needs_more_than_one_weak_cue(message: str, label: str) -> None:
    assert read_mood(message).label == label
