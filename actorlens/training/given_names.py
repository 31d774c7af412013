"""Deriving the given-name table (``actorlens/resources/given_names.json``): the first names
whose bearers are almost all of one gender in nomquamgender's reference data (MIT; Van Buskirk,
Clauset and Larremore, "An open-source cultural consensus approach to name-based gender
classification", ICWSM 2023), which pools name-gender counts from 36 sources.

A name is kept when at least :data:`MIN_SOURCES` sources count at least :data:`MIN_PEOPLE`
bearers and the share of one gender is at least :data:`MIN_SHARE`. The table lets a pronoun
agree with a named person the actors file says nothing about ("Paul Kagame": he). Run in
``.venv/train`` (``make given-names``): ``python -m actorlens.training.given_names``.
"""

import json
import re
from pathlib import Path

from actorlens.text.given_names import GIVEN_NAMES_FILE

MIN_SOURCES = 5
MIN_PEOPLE = 500
MIN_SHARE = 0.94
NAME = re.compile(r"[a-z]+(?:[-'][a-z]+)?")


def given_names(reference: dict[str, list]) -> dict[str, list[str]]:
    """``{"he": [...], "she": [...]}`` from nomquamgender's ``{name: [sources, people,
    p(female), ...]}``, each list sorted."""
    table: dict[str, list[str]] = {"he": [], "she": []}
    for name, (sources, people, female, *_) in reference.items():
        if sources < MIN_SOURCES or people < MIN_PEOPLE or not NAME.fullmatch(name):
            continue
        if female >= MIN_SHARE:
            table["she"].append(name)
        elif female <= 1 - MIN_SHARE:
            table["he"].append(name)
    return {pronoun: sorted(names) for pronoun, names in table.items()}


def main(out: Path = GIVEN_NAMES_FILE) -> None:
    from nomquamgender import nomquamgender

    table = given_names(nomquamgender.name_data)
    out.write_text(json.dumps(table, indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {len(table['he'])} he, {len(table['she'])} she")


if __name__ == "__main__":
    main()
