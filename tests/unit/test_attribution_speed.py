"""The attribution patterns' cheap tests and first-letter prefixes change nothing found."""

import re

from actorlens.attribution import phrases


def test_phrase_stops_are_those_of_the_plain_pattern():
    plain = re.compile(rf"(?!{phrases.ABBREVIATION_DOT})[,.;:!?\n“”\"]")
    text = "Mr. J. Smith, the U.S. envoy; said: “No.” Dr. Who? Gen. Lee!\nEnd."
    expected = [m.start() for m in plain.finditer(text)]
    assert [m.start() for m in phrases.PHRASE_STOP.finditer(text)] == expected
    # no stop after Mr, J, U.S., Dr, Gen
    assert expected == [12, 28, 34, 36, 39, 40, 49, 59, 60, 64]
