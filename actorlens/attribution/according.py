"""The "according to X" constructions of reported speech: where the source phrase stands
and where the clause begins (read by :func:`actorlens.attribution.reported.find_reported`).

* ``According to X, CLAUSE`` (also after a quote), ``According to a description, Jo Holm,
  CLAUSE`` (the name after the description);
* ``CLAUSE, according to X, ...`` in the middle of a sentence;
* ``According to JTAC those who ...``: a name with no comma, then a clause of five words or
  more; ``According to the union they will ...``: a short description, then a clause that
  opens with a pronoun or "the".
"""

import re

ACCORDING_MIDDLE = re.compile(r",\s*(?P<cue>according to)\s+(?P<a>[^,;:]{1,80}?),\s*")
# "According to a representative of X, Jo Holm, ...": the name after a description
DESCRIPTION_FIRST = (
    r"(?:(?:an?|the)\s+[a-z][^,;:]{0,60}?,\s*(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+,))?"
)
ACCORDING_FIRST = re.compile(rf"\b[Aa]ccording to\s+{DESCRIPTION_FIRST}(?P<a>[^,;:]{{1,80}}?),\s*")
CAPITAL_ACCORDING = re.compile(rf"\bAccording to\s+{DESCRIPTION_FIRST}(?P<a>[^,;:]{{1,80}}?),\s*")
# "According to JTAC those who ...", "According to the Energy Agency (RosAtom) work will ...":
# a name with no comma after it, the clause (five words or more) opening with a small word or
# a name and a verb.
ACCORDING_BARE = re.compile(
    r"[Aa]ccording to\s+(?P<a>(?:the )?[A-Z][\w’'.&-]*(?: (?:of |the )*[A-Z][\w’'.&-]*)*)"
    r"(?:\s*\([A-Z][\w.&-]{0,15}\))?\s+(?=(?:[a-z]|[A-Z][a-z]+ [a-z])\S*(?:\s+\S+){4})"
)
# "According to the union they will ...": a description of a word or two, no comma, then a
# clause opening with a pronoun or "the" and four words more.
ACCORDING_DESCRIBED = re.compile(
    r"[Aa]ccording to\s+(?P<a>(?:the|a|an|his|her|its|their)\s+[a-z][\w-]*"
    r"(?:\s+(?!(?:of|in|for|at|from|with|on|to|by)\b)[a-z][\w-]*)?)"
    r"\s+(?=(?:he|she|it|they|we|there|the)\s+\S+(?:\s+\S+){3})"
)
ACCORDING_WORD = re.compile(r"\bAccording to\b")


def opening_according(sentence: str, lead: int) -> re.Match | None:
    """The "according to X" that opens ``sentence`` (from ``lead``, or after a quote), in any
    of its forms; its group ``a`` is the source phrase, its end the clause's start."""
    return (ACCORDING_FIRST.match(sentence, lead) or CAPITAL_ACCORDING.search(sentence)
            or ACCORDING_BARE.match(sentence, lead)
            or ACCORDING_DESCRIBED.match(sentence, lead))  # fmt: skip
