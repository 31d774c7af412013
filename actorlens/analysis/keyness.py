"""Distinctive words: per actor, the words around its mentions that set the last period
apart from the first (keyness, as quanteda's ``textstat_keyness``).

The window is the sentence of a mention (one sentence counted once per actor however
many mentions it holds). Its words are lowercased letter-only tokens of two letters or
more, less scikit-learn's English stopwords (NLTK's need data not shipped offline), the past
tense of the lexicon's say- and tell-type reporting verbs ("said", "added", "told": they frame
speech, not what it is about; "accused" or "praised" stay, and so does "states", a noun too) and the words of the actor's own names (its id and every surface of its mentions). Per word
the 2x2 table is target period (the ``to`` end) against reference period (the ``from``
end) by this word against every other kept word; its chi-squared statistic has Yates'
continuity correction, exactly as ``scipy.stats.chi2_contingency(correction=True)``
(vectorised here). ``sign`` says where the word is more frequent than expected: ``last``
or ``first``. Words seen fewer than ``min_count`` times at the two ends together are not
tested; q-values are Benjamini-Hochberg within each actor. Per actor the table keeps the
``top`` words by chi-squared among those with q below ``level``; when none passes, the
``top`` words by chi-squared all the same, with ``significant`` false (a word whose
corrected chi-squared is 0, within half a count of its expected counts, never). An actor without
a mention at either end has no rows. ``sentences`` lists the ``doc_id:sent_id`` of every
window sentence the word occurs in, at both ends.
"""

import re

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from actorlens.analysis.evidence import href
from actorlens.analysis.resampling import q_values
from actorlens.core.tables import SCHEMAS, frame
from actorlens.text.lexicon import LEXICON

WORD = re.compile(r"[^\W\d_]{2,}")
TOP_WORDS = 10
MIN_COUNT = 3
REPORTING_WORDS = frozenset(
    verb.forms[0] for verb in LEXICON.verbs if verb.clause in ("say", "told")
)
LEVEL = 0.05


def words(text: str) -> list[str]:
    """Lowercased tokens of two letters or more that hold no digit."""
    return [token for token in re.findall(r"\w+", str(text).lower()) if WORD.fullmatch(token)]


def yates_chi2(target: np.ndarray, reference: np.ndarray, n_target: int, n_reference: int):
    """Chi-squared with Yates' correction, its p-value and the expected counts of each
    word at the target and the reference end, for the 2x2 tables word vs other words by
    target vs reference (``chi2_contingency(correction=True)``, vectorised)."""
    total = n_target + n_reference
    word_total = target + reference
    expected_target = word_total * n_target / total
    expected_reference = word_total * n_reference / total
    expected = np.stack([expected_target, n_target - expected_target,
                         expected_reference, n_reference - expected_reference])  # fmt: skip
    gap = np.maximum(np.abs(target - expected_target) - 0.5, 0.0)
    chi2 = (gap**2 / expected).sum(axis=0)
    return chi2, stats.chi2.sf(chi2, 1), expected_target, expected_reference


def name_words(actor_id: str, surfaces) -> set[str]:
    """The words of an actor's id and of the surfaces of its mentions."""
    return set(words(actor_id.replace("_", " "))).union(*(words(s) for s in surfaces))


def actor_keyness(windows: pd.DataFrame, actor_id: str, from_label: str, to_label: str,
                  excluded: set[str], min_count: int, top: int, level: float):  # fmt: skip
    """The rows of one actor, from its window sentences (doc_id, sent_id, period, text)."""
    tokens = windows.assign(word=windows["text"].fillna("").map(words)).explode("word").dropna(
        subset=["word"])  # fmt: skip
    tokens = tokens[~tokens["word"].isin(excluded)]
    counts = pd.crosstab(tokens["word"], tokens["period"]).reindex(
        columns=[from_label, to_label], fill_value=0)  # fmt: skip
    n_reference, n_target = int(counts[from_label].sum()), int(counts[to_label].sum())
    counts = counts[counts.sum(axis=1) >= min_count]
    if counts.empty or not n_reference or not n_target:
        return []
    target, reference = counts[to_label].to_numpy(float), counts[from_label].to_numpy(float)
    chi2, p, expected_target, expected_reference = yates_chi2(target, reference, n_target,
                                                               n_reference)  # fmt: skip
    q = q_values(p)
    found = pd.DataFrame({"word": counts.index, "n_first": reference.astype(int),
                          "expected_first": expected_reference, "n_last": target.astype(int),
                          "expected_last": expected_target, "chi2": chi2, "p_value": p,
                          "q_value": q, "significant": q < level})  # fmt: skip
    found = found[found["chi2"] > 0].sort_values(["chi2", "word"], ascending=[False, True])
    chosen = found[found["significant"]] if found["significant"].any() else found
    chosen = chosen.head(top)
    places = tokens[tokens["word"].isin(chosen["word"])].assign(
        place=lambda t: t["doc_id"] + ":" + t["sent_id"].astype(str))  # fmt: skip
    sentences = places.groupby("word")["place"].agg(lambda p: ";".join(dict.fromkeys(p)))
    return [(actor_id, w.word, "last" if w.n_last > w.expected_last else "first", from_label,
             to_label, w.n_first, round(w.expected_first, 4), w.n_last,
             round(w.expected_last, 4), round(w.chi2, 4), w.p_value, w.q_value,
             bool(w.significant), sentences[w.word])
            for w in chosen.itertuples(index=False)]  # fmt: skip


def keyness(mentions: pd.DataFrame, sentences: pd.DataFrame, periods: pd.DataFrame,
            from_label: str, to_label: str, min_count: int = MIN_COUNT, top: int = TOP_WORDS,
            level: float = LEVEL) -> pd.DataFrame:  # fmt: skip
    """Table ``keyness``: per actor the ``top`` words of its mentions' sentences that set
    the ``to_label`` period apart from the ``from_label`` one (see the module)."""
    if from_label == to_label:
        return frame("keyness")
    ends = periods[periods["period"].isin([from_label, to_label])][["doc_id", "period"]]
    located = mentions[["doc_id", "sent_id", "actor_id"]].merge(ends, on="doc_id")
    windows = located.drop_duplicates(["doc_id", "sent_id", "actor_id"]).merge(
        sentences[["doc_id", "sent_id", "text"]], on=["doc_id", "sent_id"])  # fmt: skip
    surfaces = mentions.groupby("actor_id")["surface"].unique()
    rows = []
    for actor_id, mine in windows.groupby("actor_id", sort=True):
        if mine["period"].nunique() < 2:
            continue
        excluded = (
            set(ENGLISH_STOP_WORDS) | REPORTING_WORDS | name_words(actor_id, surfaces[actor_id])
        )
        rows += actor_keyness(mine, actor_id, from_label, to_label, excluded, min_count, top,
                              level)  # fmt: skip
    return frame("keyness", rows)[SCHEMAS["keyness"].names]


def linked_words(table: pd.DataFrame, actors, per_actor: int = 3):
    """For each of ``actors`` with rows in ``table`` (in that order): whether its words are
    significant and its first ``per_actor`` words, each as (word, sign, link to the actor's
    portrayal evidence in the period where the word is more frequent,
    :func:`actorlens.analysis.evidence.href`)."""
    linked = []
    for actor_id in actors:
        mine = table[table["actor_id"] == actor_id].head(per_actor)
        if len(mine):
            linked.append((actor_id, bool(mine["significant"].all()), [
                (w.word, w.sign, href(actor_id, "portrayal",
                                      w.to_period if w.sign == "last" else w.from_period))
                for w in mine.itertuples(index=False)]))  # fmt: skip
    return linked
