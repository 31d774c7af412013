"""VADER's valence of a sentence's words, in context: one pass per sentence
(:class:`SentenceValences`) summarised over any span (:func:`summarise_valences`), as the
default ``vader`` scorer and the trained scorer's features read it; and the lexicon cues
toward a target (:func:`lexicon_cues`). Words of multi-word names carry no valence.
"""

import math
import re
from bisect import bisect_left
from types import SimpleNamespace

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentiText

QUOTES = '"“”'  # the quotation marks that open or close a quote
_WORD = re.compile(r"\S+")
_NEGATIONS = frozenset(NEGATE)
_SENTENCE_OPENERS = frozenset('.!?"“')
_NAME_OPENERS = QUOTES + "'("
_PRONOUNS = frozenset("he her hers him his she their theirs them they".split())


def name_words(words: list[str]) -> set[int]:
    """Positions of the words that are part of a multi-word name ("United" of "the United
    States", "Security Council"): capitalised, not opening a sentence, next to another
    capitalised word. They carry no VADER valence: a name is not a judgement."""
    capitalised = [word.lstrip(_NAME_OPENERS)[:1].isupper() for word in words]
    return {
        i
        for i in range(1, len(words))
        if capitalised[i]
        and (capitalised[i - 1] or capitalised[i + 1 : i + 2] == [True])
        and words[i - 1][-1:] not in ".!?:"  # not opening a sentence
        and words[i][:1] not in _SENTENCE_OPENERS
    }


def is_negator(token: str) -> bool:
    """VADER's negation test for one lower-cased token."""
    return token in _NEGATIONS or token.endswith("n't")


def other_mentions(words: list[str], target: int) -> list[int]:
    """Positions of other likely actor mentions: mid-sentence capitalised words and pronouns."""
    return [
        i
        for i, word in enumerate(words)
        if i != target
        and (
            word.lower() in _PRONOUNS
            or (word[:1].isupper() and i > 0 and words[i - 1] not in _SENTENCE_OPENERS)
        )
    ]


def lexicon_cues(words, target, others, analyzer) -> dict:
    """Counts of VADER lexicon hits by polarity (flipped by a negator in the 3 tokens before, as
    VADER does), strength, side, distance band and whether the target is the nearest mention;
    words of multi-word names are left out."""
    cues, names = {}, name_words(words)
    tokens = [word.lower() for word in words]
    for i, token in enumerate(tokens):
        valence = analyzer.lexicon.get(token)
        if valence is None or i == target or i in names:
            continue
        negated = any(is_negator(t) for t in tokens[max(0, i - 3) : i])
        polarity = "P" if (valence > 0) != negated else "N"
        magnitude = "2" if abs(valence) >= 2 else "1"
        side = "L" if i < target else "R"
        distance = abs(i - target)
        band = "near" if distance <= 3 else ("mid" if distance <= 8 else "far")
        owner = (
            "own" if distance <= min((abs(i - j) for j in others), default=distance) else "other"
        )
        for key in (
            polarity + magnitude,
            f"{polarity}{magnitude}_{side}_{band}",
            f"{polarity}_{band}",
            f"{owner}_{polarity}",
            f"{owner}_{polarity}_{side}",
        ):
            cues[key] = cues.get(key, 0) + 1
    return cues


class SentenceValences:
    """VADER's valence of every word of a sentence, in context, from one pass.

    The valences are those :meth:`SentimentIntensityAnalyzer.polarity_scores` sums
    (boosters, negation, "but"), kept per whitespace word with its start offset, so
    any span of the sentence can be summarised without re-running VADER on it.
    """

    def __init__(self, sentence: str, analyzer):
        sentitext = SentiText(sentence)
        words = sentitext.words_and_emoticons
        lexicon = analyzer.lexicon
        names = name_words(sentence.split())
        # VADER reads at most 3 words before and 2 after the scored one, but lower-cases
        # the whole sentence several times per lexicon word; it is handed that window.
        window = SimpleNamespace(is_cap_diff=sentitext.is_cap_diff)
        valences = []
        for i, item in enumerate(words):
            lower = item.lower()
            if (
                lower not in lexicon
                or i in names
                or lower in BOOSTER_DICT
                or (lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of")
            ):
                valences.append(0)
                continue
            first = max(0, i - 3)
            window.words_and_emoticons = words[first : i + 3]
            valences = analyzer.sentiment_valence(0, window, item, i - first, valences)
        self.sentence = sentence
        self.valences = analyzer._but_check(words, valences)
        self.starts = [match.start() for match in _WORD.finditer(sentence)]
        self._analyzer = analyzer

    def between(self, *ranges: tuple[int, int]) -> list[float]:
        """Valences of the words starting inside any of the character ranges [a, b)."""
        picked = []
        for a, b in ranges:
            picked.extend(self.valences[bisect_left(self.starts, a) : bisect_left(self.starts, b)])
        return picked

    def whole(self) -> dict:
        """VADER's scores of the whole sentence (as ``polarity_scores`` without emoji)."""
        return self._analyzer.score_valence(self.valences, self.sentence)


def summarise_valences(valences: list[float]) -> tuple[float, float, float, float]:
    """compound, pos, neg and neu of a list of word valences, as VADER scores a text."""
    if not valences:
        return 0.0, 0.0, 0.0, 0.0
    total = float(sum(valences))
    pos = sum(v + 1 for v in valences if v > 0)
    neg = sum(1 - v for v in valences if v < 0)
    neu = sum(1 for v in valences if v == 0)
    weight = pos + neg + neu
    return total / math.sqrt(total * total + 15), pos / weight, neg / weight, neu / weight
