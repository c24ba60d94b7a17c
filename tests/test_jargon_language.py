"""Finding jargon terms in running text, and the ways a text explains them."""

from __future__ import annotations

import pytest

from empathylint.document import Span
from empathylint.language.explanations import explained_names, is_explained, spells_out
from empathylint.language.jargon_terms import Term, find_terms, inflections, term_regex


def _found(text: str, *terms: str) -> list[str]:
    listed = tuple(Term(term, "", "test") for term in terms)
    return [match.group() for match, _ in find_terms(text, Span(0, len(text)), listed)]


@pytest.mark.parametrize(
    ("text", "term", "written"),
    [
        ("Two pull requests are open.", "pull request", "pull requests"),
        ("We are forking it.", "fork", "forking"),
        ("Both proxies failed.", "proxy", "proxies"),
        ("It was logged twice.", "log", "logged"),
        ("The user-agent string.", "user agent", "user-agent"),
        ("Runs client side only.", "client-side", "client side"),
        ("Two APIs and one API's key.", "API", "APIs"),
    ],
)
def test_a_term_is_found_in_its_inflections_and_spellings(text: str, term: str, written: str) -> None:
    assert written in _found(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("See example.com/changelog for news.", "changelog"),
        ("The api is lower case, so not the acronym.", "API"),
        ("A web-cache-like store.", "cache"),
    ],
)
def test_a_term_is_not_found_inside_a_path_another_case_or_a_longer_word(text: str, term: str) -> None:
    assert _found(text, term) == []


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("the DNS-based check", "DNS"),
        ("a DNS-Server name", "DNS"),
        ("open api.example.com/docs", "api"),
        ("TLS/SSL both", "SSL"),
        ("see docs/webhooks now", "webhook"),
        ("she pickedx it", "pick"),
        ("cherry picks-up here", "cherry pick"),
        ("the user’s agent", "user agent"),
        ("an API's key and APIs", "API"),
        ("\u212a/forks and s/forks", "fork"),
    ],
)
def test_a_term_is_read_in_parts_as_its_whole_pattern_matches(text: str, term: str) -> None:
    # find_terms reads a term's words and the conditions around them apart (compiled once for
    # all terms): at every word, what it finds is what the term's whole pattern matches there.
    listed = (Term(term, "", "test"),)
    found = {match.span() for match, _ in find_terms(text, Span(0, len(text)), listed)}
    whole = {m.span() for m in (term_regex(term).match(text, at) for at in range(len(text))) if m}
    assert found == whole


def test_the_longest_term_at_a_word_wins() -> None:
    assert _found("Please clear your browser's cache now.", "cache", "clear your browser's cache") == [
        "clear your browser's cache"
    ]


def test_inflections_double_a_final_consonant_and_turn_y_into_ies() -> None:
    assert {"logged", "logging"} <= inflections("log")
    assert {"proxies", "proxied"} <= inflections("proxy")
    assert "APIs" in inflections("API")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Turn on single sign-on (SSO) for the team.", "SSO"),
        ("SSO (single sign-on) is on.", "SSO"),
        ("Single sign-on, or SSO, is on.", "SSO"),
        ("I updated your DNS, the internet's address book.", "DNS"),
        ("We keep a copy, called a cache, on your phone.", "cache"),
        ("Latency means the delay you see.", "latency"),
        ("A proxy is a server between you and the site.", "proxy"),
        ("We are a zero-knowledge service. This means nobody here can read it.", "zero-knowledge"),
        ("- Short-lived: it is deleted after a week.", "short-lived"),
        ("Pay on a webpage for Stripe, our payment company.", "Stripe"),
    ],
)
def test_the_ways_a_text_explains_a_term(text: str, term: str) -> None:
    assert is_explained(explained_names(text), term, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Your token expired, which is why it stopped.", "token"),
        ("Export it as JSON (.json) today.", "JSON"),
        ("Bypass interception (used by the WebRequests API) for speed.", "API"),
    ],
)
def test_what_explains_nothing(text: str, term: str) -> None:
    assert not is_explained(explained_names(text), term, term)


def test_an_acronym_s_words_written_out_explain_it() -> None:
    text = "Are you using Google Tag Manager? Then read our GTM guide."
    assert spells_out("GTM", text, text.index("GTM"))
    nearby = "Turn on two-factor authentication: 2FA keeps others out."
    assert spells_out("2FA", nearby, nearby.index("2FA"))
    titled = "Time-based One-Time Password codes refresh each minute. " + "x " * 200 + "TOTP"
    assert spells_out("TOTP", titled, titled.index("TOTP"))


def test_lower_case_initials_far_from_the_acronym_are_chance() -> None:
    text = "Please reply when you can. " + "x " * 200 + "Send the PR."
    assert not spells_out("PR", text, text.index("PR"))
