"""Capitalised names in a text: ``CAPITALISED_NAME`` finds acronyms and name words joined by
spaces and name particles ("de Villepin", "al-Assad"), in linear time. The mentions stage lists the names no actor
covers with it, the attribution rules find speaker names with it; both drop the words of
the lexicon's ``NOT_NAMES`` from what it finds.
"""

import re
from collections.abc import Iterator

from actorlens.text.lexicon import NAME_PARTICLES, alternation

# Pieces of the capitalised-name scanner (see ``_CapitalisedNames``).
_NAME_START = re.compile(r"\b[A-Z]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}\b")
_NAME_RUN = re.compile(r"[\w'’.-]*")  # a run of the characters a name word is made of
_TO_LAST_LOWER = re.compile(r"[\w'’.-]*[a-z]")  # up to the run's last lower-case letter
_NAME_TAIL = re.compile(r"[\w'-]*")
_NAME_GAP = re.compile(r"\s+")
# a name particle ("de Villepin"), or "of" inside an organisation's name ("Bank of England")
_PARTICLE = re.compile(rf"(?:{alternation((*NAME_PARTICLES, 'of'))})\s+")
# a particle joined to the next name word by a hyphen ("Bashar al-Assad")
_JOINED_PARTICLE = re.compile(rf"(?:{alternation(NAME_PARTICLES)})-(?=[A-Z])")
_SPAN = re.compile(r".+", re.DOTALL)


class _CapitalisedNames:
    r"""Capitalised names in a text: an acronym ("NATO", "G7") or name words joined by
    spaces and particles ("Jean-Claude Juncker", "Dominique de Villepin", "McCain's",
    "Bashar al-Assad").

    :meth:`finditer` gives exactly the matches of ``re.finditer`` with the pattern

        \b(?:[A-Z][A-Z0-9]{1,4}\b|W(?:\s+(?:P\s+)*(?:J-)?W)*)
        W = [A-Z][\w'’.-]*[a-z][\w'-]*
        P = a name particle of the lexicon, or "of"
        J = a name particle of the lexicon

    in linear time. That regex needs time quadratic in the length of a run of name
    characters without a lower-case letter ("A-A-A-..."): at every capital of the run, W
    reads to the run's end looking for a lower-case letter, then backs off. Here each
    run is read once: a name word starting at ``at`` inside a run exists if and only if
    the run has a lower-case letter after ``at``, and it always ends at the same place
    (the first ``’`` or ``.`` after the run's last lower-case letter, else the run's end),
    so both are found once per run and reused for every capital in it.
    """

    def finditer(self, text: str) -> Iterator[re.Match]:
        run_end = last_lower = word_end = -1  # of the run of the last word start looked at

        def word(at: int) -> int:
            """End of the name word W starting at the capital ``text[at]``, or -1."""
            nonlocal run_end, last_lower, word_end
            if at >= run_end:  # a new run (word starts come in increasing order)
                run_end = _NAME_RUN.match(text, at).end()
                lower = _TO_LAST_LOWER.match(text, at + 1, run_end)
                last_lower = lower.end() - 1 if lower else -1
                word_end = _NAME_TAIL.match(text, lower.end()).end() if lower else -1
            return word_end if last_lower > at else -1

        pos = 0
        while found := _NAME_START.search(text, pos):
            start = found.start()
            if acronym := _ACRONYM.match(text, start):
                end = acronym.end()
            elif (end := word(start)) < 0:
                pos = start + 1
                continue
            else:
                while gap := _NAME_GAP.match(text, end):  # more words: spaces, particles, W
                    at = gap.end()
                    while particle := _PARTICLE.match(text, at):
                        at = particle.end()
                    if joined := _JOINED_PARTICLE.match(text, at):
                        at = joined.end()
                    following = word(at) if "A" <= text[at : at + 1] <= "Z" else -1
                    if following < 0:
                        break
                    end = following
            yield _SPAN.match(text, start, end)
            pos = end


CAPITALISED_NAME = _CapitalisedNames()
