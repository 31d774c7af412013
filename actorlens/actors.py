"""The actors file: who to look for and by which names, read from YAML and validated.

Two formats are read. The actorlens format is a list under ``actors:`` (see
``seeds/actors.yml``). A quanteda-style dictionary (``key: [pattern, ...]``, patterns
may end in ``*``) is read too: each key becomes an actor whose names are the patterns.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from actorlens.text import fold

ACTOR_TYPES = ("person", "state", "bloc", "organisation")
ALIAS_FIELDS = ("names", "titles", "metonyms", "demonyms")
KNOWN_KEYS = {"id", "label", "type", "affiliation", "exclude", *ALIAS_FIELDS}


class ActorsFileError(Exception):
    """The actors file cannot be used; the message names the file, actor and field."""


@dataclass(frozen=True)
class Actor:
    """One actor and the words that refer to it."""

    id: str
    label: str
    type: str
    affiliation: str = ""
    names: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = field(default=())

    def aliases(self):
        """Yield ``(alias, kind)`` for every listed form (kind: name, title, metonym, demonym)."""
        for kind_field in ALIAS_FIELDS:
            for alias in getattr(self, kind_field):
                yield alias, kind_field.removesuffix("s")


def _string_list(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActorsFileError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _parse_actor(entry, path: Path, position: int) -> Actor:
    where = f"{path}: actor #{position}"
    if not isinstance(entry, dict):
        raise ActorsFileError(f"{where}: expected a mapping with id, label, type, names")
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise ActorsFileError(f"{where}: missing 'id'")
    where = f"{path}: actor '{actor_id}'"
    unknown = sorted(set(entry) - KNOWN_KEYS)
    if unknown:
        raise ActorsFileError(
            f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(KNOWN_KEYS))}"
        )
    actor_type = entry.get("type", "organisation")
    if actor_type not in ACTOR_TYPES:
        raise ActorsFileError(f"{where}, field 'type': '{actor_type}' is not one of {ACTOR_TYPES}")
    lists = {key: _string_list(entry.get(key), f"{where}, field '{key}'") for key in ALIAS_FIELDS}
    if not lists["names"]:
        raise ActorsFileError(f"{where}, field 'names': empty; give at least one name")
    return Actor(
        id=actor_id,
        label=str(entry.get("label") or actor_id),
        type=actor_type,
        affiliation=str(entry.get("affiliation") or ""),
        exclude=_string_list(entry.get("exclude"), f"{where}, field 'exclude'"),
        **lists,
    )


def _from_quanteda(spec: dict, path: Path) -> list[dict]:
    """Entries of the actorlens format from a quanteda-style dictionary."""
    entries = []
    for key, patterns in spec.items():
        if isinstance(patterns, dict):  # nested levels: flatten to their leaves
            entries.extend(_from_quanteda(patterns, path))
            continue
        entries.append({"id": str(key), "label": str(key), "names": patterns})
    return entries


def validate(actors: list[Actor], path: Path) -> None:
    """Raise :class:`ActorsFileError` for duplicate ids, shared aliases, unknown affiliations."""
    seen: dict[str, str] = {}
    for actor in actors:
        if actor.id in seen:
            raise ActorsFileError(f"{path}: actor id '{actor.id}' is used twice")
        seen[actor.id] = actor.id
    owners: dict[str, str] = {}
    for actor in actors:
        for alias, kind in actor.aliases():
            key = fold(alias)
            if key in owners and owners[key] != actor.id:
                raise ActorsFileError(
                    f"{path}: alias '{alias}' ({kind}s of '{actor.id}') is also claimed by "
                    f"actor '{owners[key]}'; an alias may belong to one actor only"
                )
            owners[key] = actor.id
    for actor in actors:
        if actor.affiliation and actor.affiliation not in seen:
            raise ActorsFileError(
                f"{path}: actor '{actor.id}', field 'affiliation': unknown actor "
                f"'{actor.affiliation}'"
            )


def load_actors(path: str | Path) -> list[Actor]:
    """Read and validate an actors file (actorlens or quanteda-style YAML)."""
    path = Path(path)
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ActorsFileError(f"{path}: cannot read the actors file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ActorsFileError(f"{path}: invalid YAML at {where}: {problem}") from exc
    if isinstance(spec, dict) and "actors" in spec:
        entries = spec["actors"]
        if not isinstance(entries, list):
            raise ActorsFileError(f"{path}: 'actors' must be a list")
    elif isinstance(spec, dict) and spec:
        entries = _from_quanteda(spec, path)
    else:
        raise ActorsFileError(f"{path}: expected 'actors:' with a list of actors")
    actors = [_parse_actor(entry, path, i) for i, entry in enumerate(entries, start=1)]
    validate(actors, path)
    return actors
