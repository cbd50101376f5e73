"""A small trained text classifier for crisis language (M-5): one extra, explainable signal.

TF-IDF over word 1-2-grams and character 3-5-grams (within words), then a logistic regression
with balanced class weights, trained on the development split of
moderation/evaluation/posts.jsonl (crisis against everything else). It is trained once per
process, on first use, from the file shipped in the repository: no network, no pickled model,
no randomness (fixed random_state); about 0.8 s, plus about 0.6 s to import scikit-learn.

A linear model can say why: each n-gram in the post adds weight × TF-IDF to the score.
`assess` spreads the character n-grams over the words they came from, adds the word n-grams,
and names the runs of adjacent words that pushed the score up most ("no point", "goodbye").

What it cannot do: it learned from 2,568 posts written for SHaRON by the people who wrote
the rules and by AI assistants briefed to write in many voices, so it knows their wording, not
every member's. The held-out figures printed by `manage.py
evaluate_checks`, not the development ones (which it was trained on), say how it does on posts
it has not seen. Until sittings d11 to d14 no ordinary post in the set was longer than 26 words;
trained without them it made two of the 54 longer, ordinary demo posts urgent (a
congratulations reply and a post about a dog that died); trained with them, none. Read its
cues before trusting it.
"""

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent / "evaluation" / "posts.jsonl"
TRAINING_SPLIT = "dev"
POSITIVE_LABELS = frozenset({"crisis"})
RANDOM_STATE = 0
C = 4.0
TOKEN = r"(?u)\b\w[\w']*\b"
MAX_CUES = 3
MAX_CUE_WORDS = 4
JOINING = frozenset({"and", "but", "or", "so", "then", "the", "a", "an", "of", "to"})
CUE_SHARE = 0.15  # a word joins a cue when it adds at least this share of the strongest word


@dataclass(frozen=True)
class Assessment:
    probability: float
    cues: tuple[str, ...]  # the phrases that raised the probability most, strongest first


def normalise(text: str) -> str:
    """The same normalised text the rules read (lower case, obfuscation undone)."""
    # Imported here: moderation.checks imports this module.
    from moderation.checks import deobfuscate, plain

    return deobfuscate(plain(text))


class CrisisModel:
    def __init__(self, texts: list[str], labels: list[int]):
        # Imported here so that processes which never check a post do not load scikit-learn.
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion

        self._stop_words = ENGLISH_STOP_WORDS
        self.features = FeatureUnion(
            [
                (
                    "word",
                    TfidfVectorizer(
                        ngram_range=(1, 2), token_pattern=TOKEN, sublinear_tf=True, min_df=1
                    ),
                ),
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                    ),
                ),
            ]
        )
        matrix = self.features.fit_transform([normalise(t) for t in texts])
        self.regression = LogisticRegression(
            C=C, class_weight="balanced", solver="liblinear", random_state=RANDOM_STATE
        ).fit(matrix, labels)
        word, char = (vectorizer for _, vectorizer in self.features.transformer_list)
        self._n_word = len(word.vocabulary_)
        self._names = np.concatenate([word.get_feature_names_out(), char.get_feature_names_out()])
        self._coef = self.regression.coef_[0]

    def probability(self, text: str) -> float:
        return self.assess(text, cues=0).probability

    def assess(self, text: str, cues: int = MAX_CUES) -> Assessment:
        words = normalise(text)
        row = self.features.transform([words])
        probability = float(self.regression.predict_proba(row)[0, 1])
        if not cues:
            return Assessment(probability, ())
        return Assessment(probability, self._cues(words, row, cues))

    def _cues(self, words: str, row, limit: int) -> tuple[str, ...]:
        """Runs of adjacent words whose n-grams raised the score, strongest run first."""
        tokens = list(re.finditer(TOKEN, words))
        if not tokens:
            return ()
        lowered = [t.group() for t in tokens]
        chunks = [
            (
                f" {c.group()} ",
                [i for i, t in enumerate(tokens) if c.start() <= t.start() < c.end()],
            )
            for c in re.finditer(r"\S+", words)
        ]
        score = np.zeros(len(tokens))
        row = row.tocoo()
        for column, value in zip(row.col, row.data, strict=True):
            contribution = value * self._coef[column]
            name = self._names[column]
            if column < self._n_word:
                # A word n-gram: shared by the words that make it up, wherever it occurs.
                parts = name.split()
                starts = [
                    i
                    for i in range(len(lowered) - len(parts) + 1)
                    if lowered[i : i + len(parts)] == parts
                ]
                for i in starts:
                    score[i : i + len(parts)] += contribution / (len(parts) * len(starts))
            else:
                # A character n-gram: shared by the space-separated chunks it was cut from
                # (padded with spaces, as char_wb does), then by the words in those chunks.
                owners = [inside for chunk, inside in chunks if name in chunk and inside]
                for inside in owners:
                    score[inside] += contribution / (len(owners) * len(inside))
        strongest = score.max()
        if strongest <= 0:
            return ()
        # Runs of adjacent words that each add at least CUE_SHARE of the strongest word, not
        # across punctuation, without leading or trailing joining words.
        strong = score >= CUE_SHARE * strongest
        runs: list[tuple[float, int, int]] = []
        i = 0
        while i < len(tokens):
            if not strong[i]:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(tokens)
                and strong[j + 1]
                and not re.search(r"[.!?,;:()]", words[tokens[j].end() : tokens[j + 1].start()])
            ):
                j += 1
            a, b = i, j
            while a <= b and lowered[a] in JOINING:
                a += 1
            while b >= a and lowered[b] in JOINING:
                b -= 1
            if a <= b and not all(w in self._stop_words for w in lowered[a : b + 1]):
                # Keep the strongest window of at most MAX_CUE_WORDS words of a long run.
                width = min(MAX_CUE_WORDS, b - a + 1)
                start = max(range(a, b - width + 2), key=lambda s: score[s : s + width].sum())
                runs.append((score[start : start + width].sum(), start, start + width - 1))
            i = j + 1
        runs.sort(key=lambda r: -r[0])
        return tuple(words[tokens[a].start() : tokens[b].end()] for _, a, b in runs[:limit])


def training_examples(split: str = TRAINING_SPLIT) -> tuple[list[str], list[int]]:
    """The texts and 0/1 labels (crisis or not) of one split of the labelled set."""
    texts, labels = [], []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["split"] == split:
                texts.append(row["text"])
                labels.append(int(row["label"] in POSITIVE_LABELS))
    return texts, labels


_model: CrisisModel | None = None
_lock = threading.Lock()
training_seconds: float | None = None


def model() -> CrisisModel:
    """The model trained on the development split, trained on first use in this process."""
    global _model, training_seconds
    if _model is None:
        with _lock:
            if _model is None:
                started = time.perf_counter()
                _model = CrisisModel(*training_examples())
                training_seconds = time.perf_counter() - started
    return _model


@contextmanager
def using(replacement) -> Iterator[None]:
    """Use another trained model (anything with `assess`) for a while: for cross-validation."""
    global _model
    with _lock:
        previous, _model = _model, replacement
    try:
        yield
    finally:
        with _lock:
            _model = previous


def crisis_probability(text: str) -> float:
    """How likely the model thinks it is that the text is crisis language, 0 to 1."""
    return model().probability(text)


def assess(text: str) -> Assessment:
    """The probability and the phrases that contributed most to it."""
    return model().assess(text)
