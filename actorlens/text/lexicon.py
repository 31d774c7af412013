"""The cue and name lexicon, ``resources/lexicon.yml``, read once at import: the reporting
verbs with what each cues, the name particles, honorifics, gendered nouns, title words,
capitalised words that are no names, abbreviations and the words that start a sentence
after one. The sentence splitter, the mention scanner, the direct-quote and the
reported-speech rules build their patterns and sets from it; none keeps a list of its own.
The position cue verbs are listed as lemmas; their inflected forms come from lemminflect's
tables. Imports nothing from the package but the safe YAML loader.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from lemminflect import getAllInflections

from actorlens.core import safe_yaml

LEXICON_FILE = Path(__file__).resolve().parents[1] / "resources" / "lexicon.yml"
OBJECT_LINKS = ("of", "for", "as", "to")  # "accused Y of Z", "described Y as Z", "urged Y to Z"
CLAUSES = ("say", "that", "told", "intend", "adverb", "name", *OBJECT_LINKS)
FLAGS = ("quote", "inverted", "passive", "hearsay")
VERB_KEYS = {"forms", "participle", "clause", "after_quote", "closes_quote", "base", *FLAGS}
SECTIONS = {"reporting_verbs", "name_particles", "honorifics", "gendered_nouns", "title_words",
            "place_and_body_words", "not_names", "abbreviations", "sentence_starters",
            "speaker_words", "description_words", "position_cues", "phrase_cues"}  # fmt: skip
PRONOUNS = ("she", "he", "unknown")
PHRASE_KINDS = ("titles", "name_suffixes", "places")  # abbreviations inside a speaker phrase
SPEAKER_WORD_KINDS = ("phrase_words", "descriptors", "not_person_words", "fillers", "coordinators",
                      "clause_openers", "not_sources", "prepositions", "body_nouns",
                      "statement_nouns", "issue_verbs", "object_prepositions", "question_cues",
                      "aspect_verbs", "subject_openers", "subject_boundaries", "not_in_subjects",
                      "auxiliaries", "made_by_nouns", "hearsay_nouns", "title_heads",
                      "people_words", "institution_words", "title_modifiers")  # fmt: skip
DESCRIPTION_WORD_KINDS = ("heads", "qualifiers")
POSITION_KINDS = ("mental", "stance", "attitude_verbs", "attitudes", "attitude_prepositions",
                  "call_verbs", "calls", "for_nouns", "predicates", "views", "holders", "backing", "judging",
                  "spoken_objects", "documents", "regarding", "gestures", "not_cues",
                  "predicate_nouns")  # fmt: skip
PHRASE_CUE_KINDS = ("verbs", "nouns")


class LexiconError(ValueError):
    """The lexicon file is malformed; the message names the section or entry and the fault."""


@dataclass(frozen=True)
class ReportingVerb:
    """One reporting verb: its forms and what it cues (see ``lexicon.yml``)."""

    lemma: str
    forms: tuple[str, ...]
    participle: str = ""
    quote: bool = False
    clause: str = ""
    inverted: bool = False
    after_quote: tuple[str, ...] = ()
    closes_quote: tuple[str, ...] = ()  # a quoted sentence's cue right after it, not before
    passive: bool = False
    hearsay: bool = False
    base: tuple[str, ...] = ()  # the plain form, a cue only before a that-clause

    @property
    def all_forms(self) -> tuple[str, ...]:
        """The forms and the participle."""
        return (*self.forms, self.participle) if self.participle else self.forms


@dataclass(frozen=True)
class Lexicon:
    """The lexicon file's lists, checked."""

    verbs: tuple[ReportingVerb, ...]
    name_particles: tuple[str, ...]
    honorifics: dict[str, tuple[str, ...]]
    gendered_nouns: dict[str, tuple[str, ...]]
    title_words: tuple[str, ...]
    place_and_body_words: tuple[str, ...]
    not_names: tuple[str, ...]
    sentence_starters: tuple[str, ...]
    abbreviations: dict[str, tuple[str, ...]]
    speaker_words: dict[str, tuple[str, ...]]
    description_words: dict[str, tuple[str, ...]]
    position_cues: dict[str, tuple[str, ...]]
    phrase_cues: dict[str, tuple[str, ...]]


def _words(value, where: str) -> tuple[str, ...]:
    """``value`` as a tuple of words; a YAML ``no`` or ``on`` unquoted reads as a boolean."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"{where}: expected a list of words (quote yes, no, on, off)")
    return tuple(value)


def _verb(lemma: str, entry, where: str) -> ReportingVerb:
    where = f"{where}: reporting_verbs: {lemma}"
    if not isinstance(entry, dict) or "forms" not in entry or not set(entry) <= VERB_KEYS:
        raise LexiconError(f"{where}: expected forms and only {', '.join(sorted(VERB_KEYS))}")
    if entry.get("clause", "") not in ("", *CLAUSES):
        raise LexiconError(f"{where}: clause must be one of {', '.join(CLAUSES)}")
    flags = {key: entry.get(key, False) for key in FLAGS}
    if not all(isinstance(flag, bool) for flag in flags.values()):
        raise LexiconError(f"{where}: {', '.join(FLAGS)} are true or false")
    participle = entry.get("participle", "")
    if not isinstance(participle, str):
        raise LexiconError(f"{where}: participle must be one word")
    forms = _words(entry["forms"], f"{where}: forms")
    after_quote = _words(entry.get("after_quote", []), f"{where}: after_quote")
    closes_quote = _words(entry.get("closes_quote", []), f"{where}: closes_quote")
    base = _words(entry.get("base", []), f"{where}: base")
    if not set(after_quote) | set(closes_quote) <= set(forms):
        raise LexiconError(f"{where}: after_quote lists a word that is not one of its forms")
    return ReportingVerb(lemma, forms, participle, clause=entry.get("clause", ""),
                         after_quote=after_quote, closes_quote=closes_quote, base=base,
                         **flags)  # fmt: skip


def verb_forms(phrases: tuple[str, ...], not_cues=frozenset()) -> tuple[str, ...]:
    """Each phrase with its first word, a verb lemma, in every inflected form ("call for":
    "call for", "calls for", "called for", "calling for"), in the order given; a first word
    that is no lemma ("reported") stands for itself, and no form in ``not_cues`` is given."""
    forms = {}
    for phrase in phrases:
        lemma, _, rest = phrase.partition(" ")
        table = getAllInflections(lemma, upos="VERB")
        for form in (lemma, *(f for fs in table.values() for f in fs)):
            if form not in not_cues:
                forms[f"{form} {rest}".strip()] = None
    return tuple(forms)


def _lists(section, where: str, allowed=None, required=()) -> dict[str, tuple[str, ...]]:
    """A mapping of word lists, its keys among ``allowed`` (any when None), ``required`` there."""
    if (
        not isinstance(section, dict)
        or not set(required) <= set(section)
        or (allowed is not None and not set(section) <= set(allowed))
    ):
        names = ", ".join(allowed or required)
        raise LexiconError(f"{where}: expected a mapping of word lists ({names})")
    return {key: _words(words, f"{where}: {key}") for key, words in section.items()}


def read_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The lexicon in ``path``; :class:`LexiconError` when a section or entry is malformed."""
    data = safe_yaml.load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != SECTIONS:
        raise LexiconError(f"{path}: expected the sections {', '.join(sorted(SECTIONS))}")
    verbs = data["reporting_verbs"]
    if not isinstance(verbs, dict):
        raise LexiconError(f"{path}: reporting_verbs: expected a mapping of verbs")
    return Lexicon(
        verbs=tuple(_verb(lemma, entry, str(path)) for lemma, entry in verbs.items()),
        name_particles=_words(data["name_particles"], f"{path}: name_particles"),
        honorifics=_lists(data["honorifics"], f"{path}: honorifics", PRONOUNS),
        gendered_nouns=_lists(data["gendered_nouns"], f"{path}: gendered_nouns", PRONOUNS),
        title_words=_words(data["title_words"], f"{path}: title_words"),
        place_and_body_words=_words(data["place_and_body_words"], f"{path}: place_and_body_words"),
        not_names=_words(data["not_names"], f"{path}: not_names"),
        sentence_starters=_words(data["sentence_starters"], f"{path}: sentence_starters"),
        abbreviations=_lists(
            data["abbreviations"], f"{path}: abbreviations", required=PHRASE_KINDS
        ),
        speaker_words=_lists(
            data["speaker_words"], f"{path}: speaker_words", SPEAKER_WORD_KINDS, SPEAKER_WORD_KINDS
        ),
        description_words=_lists(
            data["description_words"],
            f"{path}: description_words",
            DESCRIPTION_WORD_KINDS,
            DESCRIPTION_WORD_KINDS,
        ),
        position_cues=_lists(
            data["position_cues"], f"{path}: position_cues", POSITION_KINDS, POSITION_KINDS
        ),
        phrase_cues=_lists(
            data["phrase_cues"], f"{path}: phrase_cues", PHRASE_CUE_KINDS, PHRASE_CUE_KINDS
        ),
    )


LEXICON = read_lexicon()
_ACTIVE = [verb for verb in LEXICON.verbs if not verb.passive]

# Direct quotes: every form of a quote verb; the passive ones ("was quoted") apart.
QUOTE_CUES = tuple(form for verb in _ACTIVE if verb.quote for form in verb.all_forms)
QUOTE_PARTICIPLES = frozenset(v.participle for v in _ACTIVE if v.quote and v.participle)
PASSIVE_QUOTE_CUES = tuple(form for verb in LEXICON.verbs if verb.passive for form in verb.forms)
# Reported speech: every form of a verb that takes a clause -> what it takes.
CLAUSE_CUES = {form: verb.clause for verb in _ACTIVE if verb.clause for form in verb.all_forms}
BASE_CUES = frozenset(form for verb in _ACTIVE for form in verb.base)
CLAUSE_CUES |= dict.fromkeys(BASE_CUES, "that")  # "critics argue that"
CLAUSE_PARTICIPLES = frozenset(v.participle for v in _ACTIVE if v.clause and v.participle)
# "X is said to ...": the forms that cue speech of no named source in the passive.
HEARSAY_CUES = frozenset(form for verb in _ACTIVE if verb.hearsay for form in verb.forms)
# "CLAUSE, SOURCE said.", "CLAUSE, SOURCE told reporters.": the forms of the verbs that take
# any clause, and those of a verb told someone that also follow a quote ("“...,” X told Y").
CLOSING_CUES = tuple(
    form
    for verb in _ACTIVE
    for form in (
        verb.forms if verb.clause == "say" else verb.after_quote if verb.clause == "told" else ()
    )
)
INVERTED_CUES = tuple(form for verb in _ACTIVE if verb.inverted for form in verb.forms)
# The cues that take a clause without "that" even where the source is found by its place only
# ("The party has said it ...", "..., saying the fees ..."): the verbs of saying and telling.
PLAIN_CLAUSE_CUES = frozenset(
    form for verb in _ACTIVE if verb.inverted or verb.clause == "told" for form in verb.all_forms
)
AFTER_QUOTE_CUES = tuple(form for verb in _ACTIVE for form in verb.after_quote)
# "“...,” the Post reported": forms of a verb that cues no quote before it, only after a quoted
# sentence (before a quote, "reported “consternation”" is a scare quote).
CLOSING_QUOTE_CUES = tuple(form for verb in _ACTIVE for form in verb.closes_quote)

NAME_PARTICLES = LEXICON.name_particles
NOT_NAMES = frozenset(LEXICON.not_names)
SENTENCE_STARTERS = frozenset(LEXICON.sentence_starters)
PRONOUN_WORDS = {word: pronoun for section in (LEXICON.honorifics, LEXICON.gendered_nouns)
                 for pronoun, words in section.items() if pronoun != "unknown"
                 for word in words}  # fmt: skip
HONORIFICS = frozenset(word for words in LEXICON.honorifics.values() for word in words)
TITLE_WORDS = frozenset(
    (*LEXICON.title_words, *LEXICON.abbreviations["titles"],
     *(word for words in LEXICON.honorifics.values() for word in words))
)  # fmt: skip
ABBREVIATIONS = frozenset(word for words in LEXICON.abbreviations.values() for word in words)
# The abbreviations that may stand inside a speaker phrase ("Rep. Smith", "St. Louis Mayor").
PHRASE_ABBREVIATIONS = tuple(word for kind in PHRASE_KINDS for word in LEXICON.abbreviations[kind])
# Who speaks: the words the attribution rules read around a cue (``speaker_words``).
PHRASE_WORDS = frozenset(LEXICON.speaker_words["phrase_words"])
DESCRIPTORS = frozenset(LEXICON.speaker_words["descriptors"])
# Capitalised words that make a name no person's (an organisation, a place, an event).
NOT_PERSON_WORDS = frozenset(
    (*LEXICON.speaker_words["not_person_words"], *LEXICON.place_and_body_words)
)
FILLERS = LEXICON.speaker_words["fillers"]
HEARSAY_NOUNS = frozenset(LEXICON.speaker_words["hearsay_nouns"])
TITLE_HEADS = LEXICON.speaker_words["title_heads"]
PEOPLE_WORDS = frozenset(LEXICON.speaker_words["people_words"])
INSTITUTION_WORDS = frozenset(LEXICON.speaker_words["institution_words"])
TITLE_MODIFIERS = frozenset(LEXICON.speaker_words["title_modifiers"])
COORDINATORS = frozenset(LEXICON.speaker_words["coordinators"])
CLAUSE_OPENERS = LEXICON.speaker_words["clause_openers"]
NOT_SOURCES = frozenset(LEXICON.speaker_words["not_sources"])
PREPOSITIONS = LEXICON.speaker_words["prepositions"]
BODY_NOUNS = LEXICON.speaker_words["body_nouns"]
STATEMENT_NOUNS = LEXICON.speaker_words["statement_nouns"]
ISSUE_VERBS = LEXICON.speaker_words["issue_verbs"]
OBJECT_PREPOSITIONS = frozenset(LEXICON.speaker_words["object_prepositions"])
QUESTION_CUES = frozenset(LEXICON.speaker_words["question_cues"])
ASPECT_VERBS = frozenset(LEXICON.speaker_words["aspect_verbs"])
MADE_BY_NOUNS = LEXICON.speaker_words["made_by_nouns"]
SUBJECT_OPENERS = LEXICON.speaker_words["subject_openers"]
SUBJECT_BOUNDARIES = LEXICON.speaker_words["subject_boundaries"]
NOT_IN_SUBJECTS = frozenset(LEXICON.speaker_words["not_in_subjects"])
AUXILIARIES = LEXICON.speaker_words["auxiliaries"]
# Descriptions of a person ("the Liberal Democrat leader"): the nouns they end in, and the
# words that make someone else of the holder ("the vice president" is not "the president").
DESCRIPTION_HEADS = LEXICON.description_words["heads"]
DESCRIPTION_QUALIFIERS = frozenset(LEXICON.description_words["qualifiers"])


# Positions: the words that give a source a view (``position_cues``).
def _cue_verbs(kind: str) -> tuple[str, ...]:
    """The forms of one position cue list of verb lemmas."""
    return verb_forms(LEXICON.position_cues[kind], frozenset(LEXICON.position_cues["not_cues"]))


MENTAL_CUES = _cue_verbs("mental")
STANCE_CUES = _cue_verbs("stance")
# the plain forms of the stance verbs ("support"), not a listed form ("reported") nor one
# that is its own past tense ("hit out at": "The mayor hit out at" is a verb)
STANCE_LEMMAS = frozenset(
    word
    for word in (cue.split()[0] for cue in LEXICON.position_cues["stance"])
    if getAllInflections(word, upos="VERB")
    and word not in getAllInflections(word, upos="VERB").get("VBD", ())
)
ATTITUDE_VERBS = _cue_verbs("attitude_verbs")
ATTITUDES = LEXICON.position_cues["attitudes"]
ATTITUDE_PREPOSITIONS = LEXICON.position_cues["attitude_prepositions"]
CALL_VERBS = _cue_verbs("call_verbs")
CALLS = LEXICON.position_cues["calls"]
FOR_NOUNS = frozenset(LEXICON.position_cues["for_nouns"])
STANCE_PREDICATES = LEXICON.position_cues["predicates"]
PREDICATE_NOUNS = LEXICON.position_cues["predicate_nouns"]
VIEW_WORDS = LEXICON.position_cues["views"]
# Reported speech as a verb and a noun before "that" ("expressed concern that").
PHRASE_VERBS = LEXICON.phrase_cues["verbs"]
PHRASE_NOUNS = LEXICON.phrase_cues["nouns"]
HOLDERS = LEXICON.position_cues["holders"]
BACKING = LEXICON.position_cues["backing"]
JUDGING = frozenset(_cue_verbs("judging"))
SPOKEN_OBJECTS = frozenset(_cue_verbs("spoken_objects"))
DOCUMENTS = LEXICON.position_cues["documents"]
REGARDING = frozenset(_cue_verbs("regarding"))
GESTURES = LEXICON.position_cues["gestures"]


SPACE_OR_ADVERB = r"\s+(?:\w+ly\s+)?"  # a space of trie_alternation: "disagreed openly with"


def alternation(words) -> str:
    """A regular-expression alternation of ``words``, escaped, the longest first (so no
    word loses to a shorter one it starts with)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def trie_alternation(words, space: str = SPACE_OR_ADVERB) -> str:
    """A regular-expression alternation of ``words`` as a trie ("b(?:ack(?:ed|s)|...)"): the
    same matches as :func:`alternation`, longest first, but each place in the text tries one
    branch per letter, not one per word. A space between two words is ``space``: by default
    it may hold an adverb ("disagreed openly with")."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(space if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]  # fmt: skip
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
