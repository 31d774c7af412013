"""The actors file: who to look for and by which names, read from YAML and validated.

Two formats are read. The actorlens format is a list under ``actors:`` (see
``seeds/actors.yml``). A quanteda-style dictionary (``key: [pattern, ...]``, patterns
may end in ``*``) is read too: each key becomes an actor whose names are the patterns.

Every alias (and ``exclude`` phrase) is checked as it is read: Unicode NFC, any run of
spaces as one space, a wildcard only as one trailing ``*`` after a letter or digit
(``putin*``: any word that begins so), and at least one letter or digit to match.
"""

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from actorlens.core.safe_yaml import BoundedLoader
from actorlens.text.spans import fold

ACTOR_TYPES = ("person", "state", "bloc", "organisation")
ALIAS_FIELDS = ("names", "titles", "metonyms", "demonyms")
PRONOUNS = ("he", "she", "they")
KNOWN_KEYS = {"id", "label", "type", "affiliation", "pronoun", "exclude", *ALIAS_FIELDS}


class ActorsFileError(Exception):
    """The actors file cannot be used; the message names the file, line, actor and field."""


class _Mapping(dict):
    """A YAML mapping that remembers its line and the line of each of its keys."""

    line: int | None = None
    lines: dict = {}


class _LineLoader(BoundedLoader):
    """The bounded safe YAML loader, building :class:`_Mapping` mappings."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode):
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    mapping.update(loader.construct_mapping(node))
    mapping.lines = {loader.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _at(path: Path, line: int | None) -> str:
    return f"{path}, line {line}" if line else str(path)


@dataclass(frozen=True)
class Actor:
    """One actor and the words that refer to it."""

    id: str
    label: str
    type: str
    affiliation: str = ""
    pronoun: str = ""  # he, she or they for a person ("" unknown): checks "he said"
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


def _alias_problem(alias: str) -> str:
    """What makes ``alias`` unusable ("" when nothing does)."""
    stem = fold(alias.removesuffix("*"))
    if not any(char.isalnum() for char in stem):
        return "has no letter or digit to match (only spaces, '*', punctuation or invisible marks)"
    if "*" in stem:
        return "has a '*' inside; a wildcard is one trailing '*' (putin*: any word that begins so)"
    if alias.endswith("*") and not stem[-1].isalnum():
        return "ends in a '*' after no word; the '*' must follow a letter or digit (putin*)"
    return ""


def _alias_list(value, where: str) -> tuple[str, ...]:
    """The aliases of one field, in Unicode NFC with each run of spaces as one space;
    :class:`ActorsFileError` for an alias that cannot match a word."""
    aliases = tuple(
        " ".join(unicodedata.normalize("NFC", alias).split())
        for alias in _string_list(value, where)
    )
    for alias in aliases:
        if problem := _alias_problem(alias):
            raise ActorsFileError(f"{where}: alias {alias!r} {problem}")
    return aliases


def _parse_actor(entry, path: Path, position: int, line: int | None) -> Actor:
    if not isinstance(entry, dict):
        raise ActorsFileError(
            f"{_at(path, line)}: actor #{position}: expected a mapping with id, label, type, names"
        )
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise ActorsFileError(f"{_at(path, line)}: actor #{position}: missing 'id'")
    key_lines = getattr(entry, "lines", {})

    def where(key: str) -> str:
        return f"{_at(path, key_lines.get(key, line))}: actor '{actor_id}', field '{key}'"

    unknown = sorted(set(entry) - KNOWN_KEYS, key=str)
    if unknown:
        raise ActorsFileError(
            f"{_at(path, key_lines.get(unknown[0], line))}: actor '{actor_id}': unknown key(s) "
            f"{', '.join(map(str, unknown))}; known: {', '.join(sorted(KNOWN_KEYS))}"
        )
    actor_type = entry.get("type", "organisation")
    if actor_type not in ACTOR_TYPES:
        raise ActorsFileError(f"{where('type')}: '{actor_type}' is not one of {ACTOR_TYPES}")
    pronoun = entry.get("pronoun") or ""
    if pronoun and (pronoun not in PRONOUNS or actor_type != "person"):
        raise ActorsFileError(
            f"{where('pronoun')}: a person's pronoun is one of {', '.join(PRONOUNS)}; "
            f"got {pronoun!r} for a {actor_type}"
        )
    lists = {key: _alias_list(entry.get(key), where(key)) for key in ALIAS_FIELDS}
    if not lists["names"]:
        raise ActorsFileError(f"{where('names')}: empty; give at least one name")
    return Actor(
        id=actor_id,
        label=str(entry.get("label") or actor_id),
        type=actor_type,
        affiliation=str(entry.get("affiliation") or ""),
        pronoun=pronoun,
        exclude=_alias_list(entry.get("exclude"), where("exclude")),
        **lists,
    )


def _from_quanteda(spec: dict) -> list[tuple[dict, int | None]]:
    """Entries of the actorlens format, with their lines, from a quanteda-style dictionary."""
    entries = []
    for key, patterns in spec.items():
        if isinstance(patterns, dict):  # nested levels: flatten to their leaves
            entries.extend(_from_quanteda(patterns))
            continue
        line = getattr(spec, "lines", {}).get(key)
        entries.append(({"id": str(key), "label": str(key), "names": patterns}, line))
    return entries


def validate(actors: list[Actor], path: Path, lines: list[int | None] | None = None) -> None:
    """Raise :class:`ActorsFileError` for duplicate ids, shared aliases, unknown affiliations;
    ``lines`` (one per actor) locates each actor in the file."""
    located = list(zip(actors, lines or [None] * len(actors), strict=True))
    seen: dict[str, int | None] = {}
    for actor, line in located:
        if actor.id in seen:
            first = f" (first at line {seen[actor.id]})" if seen[actor.id] else ""
            raise ActorsFileError(f"{_at(path, line)}: actor id '{actor.id}' is used twice{first}")
        seen[actor.id] = line
    owners: dict[str, str] = {}
    for actor, line in located:
        for alias, kind in actor.aliases():
            key = fold(alias).removesuffix("*")  # Putin and Putin* match the same word
            if key in owners and owners[key] != actor.id:
                raise ActorsFileError(
                    f"{_at(path, line)}: alias '{alias}' ({kind}s of '{actor.id}') is also "
                    f"claimed by actor '{owners[key]}'; an alias may belong to one actor only"
                )
            owners[key] = actor.id
    for actor, line in located:
        if actor.affiliation and actor.affiliation not in seen:
            raise ActorsFileError(
                f"{_at(path, line)}: actor '{actor.id}', field 'affiliation': unknown actor "
                f"'{actor.affiliation}'"
            )


def load_actors(path: str | Path) -> list[Actor]:
    """Read and validate an actors file (actorlens or quanteda-style YAML)."""
    path = Path(path)
    try:
        spec = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as exc:
        raise ActorsFileError(f"{path}: cannot read the actors file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ActorsFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        problem = getattr(exc, "problem", None) or str(exc)
        if context:
            problem += f" ({exc.context} at line {context.line + 1}, column {context.column + 1})"
        raise ActorsFileError(f"{path}: invalid YAML at {where}: {problem}") from exc
    if isinstance(spec, dict) and "actors" in spec:
        if not isinstance(spec["actors"], list):
            raise ActorsFileError(f"{_at(path, spec.lines['actors'])}: 'actors' must be a list")
        entries = [(entry, getattr(entry, "line", None)) for entry in spec["actors"]]
    elif isinstance(spec, dict) and spec:
        entries = _from_quanteda(spec)
    else:
        raise ActorsFileError(f"{path}: expected 'actors:' with a list of actors")
    actors = [_parse_actor(e, path, i, line) for i, (e, line) in enumerate(entries, start=1)]
    validate(actors, path, [line for _, line in entries])
    return actors
