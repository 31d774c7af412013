"""Stance: where each speaker stands on a target, from what they are reported to say.

A **target** is a name and its term patterns (the ``target_terms`` parameter: "talks":
talks, negotiat*, summit, ...; a trailing * matches any ending), or an actor id (stance
toward that actor). An attribution (:mod:`actorlens.attribution.extract`, direct and reported
speech, and positions) is **about** a target when its content or its sentence names the
target (a term, or a mention of the actor), or, speech only, when it continues the same
speaker's previous speech of the paragraph that was about it.

Its **stance** is read in the attribution's content with its cue ("X welcomed ...", "X
rejected ...") and, for a reported attribution, the rest of its sentence, by one of two
readers. The ``minilm`` reader (:mod:`actorlens.scoring.minilm`) reads the portrayal of each
occurrence of a topic target's terms there, the term marked, and averages them; a score
within the model's neutral band is 0. Where no term occurs there (a continued attribution,
an actor target) it falls back to the lexicon. The ``lexicon`` reader sums the cue lexicon
(``resources/stance_lexicon.yml``: words and phrases of support and opposition, each with a
value from -2 to +2 and its reason); a negation in the three words before a cue flips it;
the score is ``sum / (|sum| + 1)`` in (-1, 1). Tone is not stance: "impossible to solve the
issues without more trust" holds no opposition to the talks. The label is favour above 0,
against below, neutral-or-unclear at 0; the evidence is the cues or the terms read.
"""

import bisect
import re
from pathlib import Path

import numpy as np
import pandas as pd

from actorlens.core import config, safe_yaml
from actorlens.core.tables import SCHEMAS, frame
from actorlens.scoring.minilm import MiniLM
from actorlens.text.sentences import sentence_starts

DEFAULT_LEXICON = config.RESOURCES_DIR / "stance_lexicon.yml"
READERS = ("minilm", "lexicon")
MAX_ACTORS = 2
ACT_REACH = 60  # characters between an acting actor and the first cue of its sentence
NEGATOR = re.compile(r"\b(?:not|no|never|nor|cannot)\b|\Bn['’]t\b", re.IGNORECASE)  # "didn't"
NEGATION_WORDS = 3
CONTINUATION_SENTENCES = 2


class StanceLexiconError(Exception):
    """The stance lexicon cannot be used; the message names the file and the entry."""


def load_lexicon(path: str | Path = DEFAULT_LEXICON) -> list[tuple[re.Pattern, float, str]]:
    """(pattern, value, phrase) per entry of a stance lexicon file."""
    path = Path(path)
    try:
        entries = (safe_yaml.load(path.read_text(encoding="utf-8")) or {}).get("entries")
    except (OSError, UnicodeDecodeError, AttributeError) as exc:
        raise StanceLexiconError(f"{path}: cannot read the stance lexicon: {exc}") from exc
    if not isinstance(entries, list):
        raise StanceLexiconError(f"{path}: expected a list under 'entries:'")
    cues = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(entry) != {"phrase", "value", "reason"}:
            raise StanceLexiconError(f"{path}: entry #{number}: expected phrase, value and reason")
        phrase, value = str(entry["phrase"]).strip(), entry["value"]
        if not phrase or not isinstance(value, int | float) or not -2 <= value <= 2:
            raise StanceLexiconError(
                f"{path}: entry #{number} ({phrase}): value must be in [-2, 2]"
            )
        cues.append((term_pattern([phrase]), float(value), phrase))
    return cues


def term_pattern(terms) -> re.Pattern:
    """Whole-word, case-insensitive pattern of terms; a trailing * matches any ending."""
    parts = [re.escape(t.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if t.endswith("*") else "")
             for t in terms]  # fmt: skip
    return re.compile(rf"\b(?:{'|'.join(parts)})\b", re.IGNORECASE)


def score_text(text: str, cues) -> tuple[float, list[str]]:
    """The summed cue values of ``text`` (negated cues flipped) and the cues found."""
    total, found, taken = 0.0, [], []
    for pattern, value, _ in cues:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # a longer phrase already holds these words ("not accept")
            taken.append(match.span())
            before = text[: match.start()].split()[-NEGATION_WORDS:]
            negated = value > 0 and bool(NEGATOR.search(" ".join(before)))
            total += -value if negated else value
            found.append(("not " if negated else "") + match.group().lower())
    return total, found


class StanceReaderError(ValueError):
    """The ``stance_scorer`` parameter names no stance reader."""


def stance_reader(name: str):
    """The model of the ``minilm`` reader; None for the ``lexicon`` reader."""
    if name not in READERS:
        raise StanceReaderError(f"unknown stance_scorer {name!r}; choose from {', '.join(READERS)}")
    return MiniLM() if name == "minilm" else None


def model_score(text: str, pattern: re.Pattern, model) -> tuple[float, list[str]] | None:
    """The model's mean score toward each occurrence of ``pattern`` in ``text`` (0 within
    its neutral band) and the terms read; None when no term occurs."""
    found = list(pattern.finditer(text))
    if not found:
        return None
    scores = model.score([text] * len(found), [m.start() for m in found], [m.end() for m in found])
    mean = float(np.mean(scores))
    return (mean if abs(mean) >= model.neutral_band else 0.0), [m.group().lower() for m in found]


def read_stance(text: str, pattern: re.Pattern | None, cues, model) -> tuple[float, list[str]]:
    """The stance of ``text`` toward a target: the model's reading of the target's terms
    when there is a model and a term occurs, else the cue lexicon's."""
    read = model_score(text, pattern, model) if model is not None and pattern else None
    return read if read is not None else lexicon_score(text, cues)


def lexicon_score(text: str, cues) -> tuple[float, list[str]]:
    """The cue lexicon's stance of ``text``: its summed cue values ``sum`` as
    ``sum / (|sum| + 1)``, in (-1, 1), and the cues found."""
    total, found = score_text(text, cues)
    return total / (abs(total) + 1), found


def stance_of(attributions: pd.DataFrame, texts: pd.DataFrame, sentences: pd.DataFrame,
              mentions: pd.DataFrame, targets: dict, cues=None, model=None) -> pd.DataFrame:  # fmt: skip
    """One row per (attribution with a known speaker, target it is about), and per
    (acting actor, sentence) of the narrative that reports an actor acting for or against
    a topic target ("Zelenskyy objected to talks held without Ukraine"): the label, score
    and evidence (see the module docstring), the attribution's id (empty for an act) and
    the sentence. ``targets`` maps a name to its term list; an empty list makes the name an
    actor id (stance toward that actor). ``mentions`` with a ``role`` column limits the
    acting actors to the narrative's own mentions. With a ``model`` (the ``minilm``
    reader) the stance of a topic target is the model's reading of its terms."""
    cues = load_lexicon() if cues is None else cues
    patterns = {name: term_pattern(terms) for name, terms in targets.items() if terms}
    starts = sentence_starts(sentences)
    text_of = dict(zip(texts["doc_id"], texts["text"], strict=True))
    mentioned = mentions.groupby(["doc_id", "actor_id"])["start"].apply(list).to_dict()
    narrative = mentions[mentions["role"] == "portrayal"] if "role" in mentions else mentions
    acting = {doc_id: list(zip(g["start"], g["actor_id"], strict=True))
              for doc_id, g in narrative.sort_values("start").groupby("doc_id")}  # fmt: skip
    spans = {doc_id: list(zip(g["start"], g["end"], strict=True))
             for doc_id, g in attributions.groupby("doc_id")}  # fmt: skip
    rows = []
    known = (attributions["speaker_id"] != "") | (attributions["speaker_name"] != "")
    spoken = attributions[known].sort_values(["doc_id", "start"])
    by_doc = dict(list(spoken.groupby("doc_id", sort=True)))
    for doc_id in sorted(set(by_doc) | set(acting)):
        text = text_of.get(doc_id, "")
        bounds = [*starts.get(doc_id, []), len(text)]
        said = _attribution_rows(by_doc.get(doc_id, spoken.iloc[:0]), text, bounds, targets,
                                 patterns, mentioned, cues, model)  # fmt: skip
        rows += said
        rows += _act_rows(doc_id, text, bounds, patterns, acting.get(doc_id, []),
                          spans.get(doc_id, []), cues, {(r[2], r[4], r[8]) for r in said},
                          model)  # fmt: skip
    return frame("stance", rows)


def _attribution_rows(group, text, bounds, targets, patterns, mentioned, cues, model):
    """Stance rows of one document's attributions."""
    rows = []
    previous: dict[tuple[str, str], int] = {}  # (speaker, target) -> sentence index
    for a in group.itertuples(index=False):
        speaker = a.speaker_id or a.speaker_name
        first, last = _sentence(bounds, a.start), _sentence(bounds, max(a.start, a.end - 1))
        sentence = text[bounds[first] : bounds[last + 1]] if len(bounds) > 1 else a.text
        for target in targets:
            about = _is_about(
                target, patterns, mentioned, a.doc_id, a, sentence, bounds, first, last
            )
            continued = previous.get((speaker, target), -99) >= first - CONTINUATION_SENTENCES
            if a.kind == "position":  # a view held toward what it names: no continuation
                if not about:
                    continue
            elif about or (continued and not _names_other(a, targets, target)):
                previous[(speaker, target)] = last
            else:
                continue
            scope = f"{a.cue} {a.text}" if a.kind == "direct" else sentence
            score, found = read_stance(scope, patterns.get(target), cues, model)
            rows.append(_row(a.doc_id, a.attr_id, a.speaker_id, a.speaker_name, target, score,
                             found, first))  # fmt: skip
    return rows


def _act_rows(doc_id, text, bounds, patterns, acting, spans, cues, taken, model):
    """Stance rows of the narrative's reports of actors acting on a topic target: a
    sentence naming the target outside any attribution, with a stance there (stance cues;
    with a model, its non-neutral reading of the terms); the actors it mentions within
    ``ACT_REACH`` characters before the first cue (with a model, the first term) act (at
    most ``MAX_ACTORS``)."""
    rows = []
    for index in range(len(bounds) - 1):
        low, high = bounds[index], bounds[index + 1]
        chars = list(text[low:high])
        for start, end in spans:  # blank what others are reported to say
            for i in range(max(start, low), min(end, high)):
                chars[i - low] = " "
        narrated = "".join(chars)
        for target, pattern in patterns.items():
            if not pattern.search(narrated):
                continue
            if model is not None:
                score, found = model_score(narrated, pattern, model)
                first_cue = pattern.search(narrated).start()
            else:
                score, found = lexicon_score(narrated, cues)
            if not score:
                continue
            if model is None:
                first_cue = min(m.start() for p, _, _ in cues for m in p.finditer(narrated))
            actors = list(dict.fromkeys(a for at, a in acting
                                        if low + first_cue - ACT_REACH <= at < low + first_cue
                                        and at >= low))  # fmt: skip
            for actor in actors[:MAX_ACTORS]:
                if (actor, target, index) not in taken:
                    rows.append(_row(doc_id, "", actor, "", target, score, found, index))
    return rows


def _row(doc_id, attr_id, speaker_id, speaker_name, target, score, found, sentence) -> tuple:
    label = "favour" if score > 0 else "against" if score < 0 else "neutral"
    return (doc_id, attr_id, speaker_id, speaker_name, target, label, round(score, 4),
            "; ".join(found), sentence, "")  # fmt: skip


def through_affiliation(table: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``table`` with, for each row of a person whose actors-file affiliation is a state,
    bloc or organisation, the same stance for that affiliation (``through`` = the person):
    a state speaks through its officials ("Lavrov said ..." is also Russia's stance),
    unless the affiliation has its own row for the same attribution or sentence."""
    kinds = dict(zip(actors["id"], actors["type"], strict=True))
    parent = {a: f for a, f in zip(actors["id"], actors["affiliation"].fillna(""), strict=True)
              if kinds.get(a) == "person" and kinds.get(f) in ("state", "bloc", "organisation")}  # fmt: skip
    mine = table[table["speaker_id"].isin(parent)]
    derived = mine.assign(speaker_id=mine["speaker_id"].map(parent), through=mine["speaker_id"])
    own = set(zip(table["doc_id"], table["attr_id"], table["sent_id"], table["speaker_id"],
                  table["target"], strict=True))  # fmt: skip
    derived = derived[[key not in own for key in zip(derived["doc_id"], derived["attr_id"],
                       derived["sent_id"], derived["speaker_id"], derived["target"], strict=True)]]  # fmt: skip
    derived = derived.drop_duplicates(["doc_id", "attr_id", "sent_id", "speaker_id", "target"])
    return pd.concat([table, derived], ignore_index=True)[SCHEMAS["stance"].names]


def _sentence(bounds: list[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (``bounds``: sentence starts, then the end)."""
    return min(max(bisect.bisect_right(bounds, offset) - 1, 0), max(len(bounds) - 2, 0))


def _is_about(target, patterns, mentioned, doc_id, a, sentence, bounds, first, last) -> bool:
    """Whether the attribution's content or sentence names the target."""
    if target in patterns:
        return bool(patterns[target].search(sentence) or patterns[target].search(a.text))
    low, high = bounds[first], bounds[last + 1]
    return target != a.speaker_id and any(
        low <= start < high for start in mentioned.get((doc_id, target), [])
    )


def _names_other(a, targets, target) -> bool:
    """Whether the attribution names an actor target other than ``target`` (then it does
    not simply continue the talk about ``target``)."""
    about = set(str(a.about).split(";")) - {""}
    return bool(about & {t for t, terms in targets.items() if not terms and t != target})
