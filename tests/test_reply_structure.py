"""The parts of a reply as real replies shape them: the mark after an opening @handle, a
last line that is only an address, a signature above an appended block."""

from __future__ import annotations

from typing import Any

import pytest

from empathylint.formats import ReadOptions, read_document
from tests.conftest import make_config


def read(text: str, channel: str = "social") -> Any:
    config = make_config()
    options = ReadOptions(profile="reply", vocabulary=config.vocabulary, channel=channel)  # type: ignore[arg-type]
    return read_document(text, "draft.txt", options)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("@maria_k, we have found your parcel. It ships today. ^DL\n", "we have found your parcel."),
        ("@maria_k: we have found your parcel. ^DL\n", "we have found your parcel."),
        ("@maria_k - We have found your parcel. ^DL\n", "We have found your parcel."),
        ("@maria_k … the parcel is with the courier now. ^DL\n", "the parcel is with the courier now."),
        ("@maria_k We have found your parcel. ^DL\n", "We have found your parcel."),
    ],
)
def test_the_first_sentence_after_an_opening_handle_starts_at_its_first_word(text: str, first: str) -> None:
    document = read(text)
    assert document.slice(document.body_sentences[0]) == first


def test_a_bare_domain_under_the_closing_is_no_name() -> None:
    document = read("Hi Lena,\n\nYour refund is on its way.\n\nThanks,\nhelp.example.com\n", channel="email")
    assert document.sign_off is not None
    assert document.sign_off_name is None


def test_a_social_signature_above_an_appended_block_is_the_sign_off() -> None:
    text = "@lena_m Your refund is on its way. ^RB\n---\nHow did we do? Rate this reply at https://example.com/rate\n"
    document = read(text)
    assert document.sign_off is not None
    assert document.slice(document.sign_off_name) == "RB"
    assert document.slice(document.sign_off).endswith("\n---\nHow did we do? Rate this reply at " + "\ufffc" * 24)
