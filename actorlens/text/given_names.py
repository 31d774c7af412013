"""Given names and the pronoun their bearers take (``resources/given_names.json``, derived
from nomquamgender's reference data by :mod:`actorlens.training.given_names`): "Paul Kagame" is
"he", "Margaret Beckett" "she"; a name whose first word is no clear given name takes neither."""

import json
from functools import cache
from importlib import resources

from actorlens.text.lexicon import TITLE_WORDS

GIVEN_NAMES_FILE = resources.files("actorlens.resources") / "given_names.json"


@cache
def _pronouns() -> dict[str, str]:
    table = json.loads(GIVEN_NAMES_FILE.read_text(encoding="utf-8"))
    return {name: pronoun for pronoun, names in table.items() for name in names}


def given_name_pronoun(name: str) -> str:
    """ "he" or "she" for a name of two words or more (titles and honorifics aside) whose
    first word is a given name of one gender, else ""."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in TITLE_WORDS]
    if len(words) < 2:
        return ""
    return _pronouns().get(words[0].lower(), "")


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of one gender ("Hugo", not "Venezuela")."""
    return word.lower() in _pronouns()
