"""A field far longer than anyone writes is judged on its start and its end, with the same
verdict a reader would give; a text of ordinary length is read whole."""

from __future__ import annotations

from app.checker import substance
from app.checker.text import flatten


def test_ordinary_text_is_read_whole() -> None:
    text = "We rota a second person onto the desk at lunchtime. " * 300
    assert len(text) < substance.READ_LIMIT
    assert substance.readable(text) == text


def test_a_long_text_is_read_at_its_start_and_its_end_without_cutting_words() -> None:
    words = [f"word{n}" for n in range(20_000)]
    text = " ".join(words)
    read = substance.readable(text)
    assert len(read) <= substance.READ_LIMIT + 1
    tokens = substance.tokens(text)
    assert tokens[0] == "word0" and tokens[-1] == "word19999"
    assert set(tokens) <= set(words)  # no word cut in two at either seam


def test_a_pasted_sentence_is_still_padding_when_megabytes_long() -> None:
    sentence = "The queue at the returns desk was too long on Saturday morning."
    padded = " ".join([sentence] * 20_000)
    assert substance.judge(padded, "what done").code == "padding"
    varied = " ".join(f"On day {n} we moved a till to the returns desk." for n in range(20_000))
    assert substance.judge(varied, "what done").counts


def test_a_snippet_of_a_long_text_is_its_start() -> None:
    text = "Customers\twaited   far too long. " * 50_000
    assert flatten(text, 30) == flatten(text[:200], 30) == "Customers waited far too long…"
    assert flatten("Short one", 30) == "Short one"
