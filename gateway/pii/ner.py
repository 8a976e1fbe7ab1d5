"""English NER run only where a name or place can be: windows around the words that could start one.

spaCy's NER costs about 0.1 ms per token on a CPU core, which is most of a request's detection time. Most of a
bank or clinical query is identifiers, numbers and lower-case prose that NER never tags, or names the rule
recognizers have already found ("patient Maria Lopez", an address block). So the detector runs the rules first and
gives this engine their spans; NER then runs, in one ``nlp.pipe`` batch, only on windows of a few words around

- capitalised words that are not stop words, acronyms, common sentence openers or words the NER filter drops
  anyway (``NOT_NAMES``: bank, clinical and calendar words), outside the rule spans,
- a lower-case word after a name cue ("dear john", "mr. smith", "name: anna"),
- and on the whole text when it has no capital letter at all (lower-cased chat).

The model looks a few tokens either side of a word, so a window of ``WINDOW_WORDS`` words each side gives the same
entities as the whole text (``tests/pii/test_ner.py`` checks it on the fixture sets).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex
import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gateway.pii.lexicon import fold, major_places
from gateway.pii.vocabulary import ACRONYMS, NOT_NAMES, SENTENCE_WORDS, STOP_WORDS

WINDOW_WORDS = 4
"""Words of context kept on each side of a trigger word."""

# Words for windowing: runs of anything but spaces and Chinese (a Chinese sentence has no spaces, and spaCy's
# English model finds nothing in it), so a window around "Passport No.: G2002 Name: GAO Liang" stays that long.
_WORD = regex.compile(r"[^\s\p{Han}\u3000-\u303f]+")
# Letter runs, Chinese and Japanese excluded: "客户John" yields "John".
_LETTERS = regex.compile(r"[^\W\d_\p{Han}\u3040-\u30ff]+(?:['’][^\W\d_\p{Han}\u3040-\u30ff]+)?")
_HAN = regex.compile(r"\p{Han}")
# The parts of a Chinese text between its Chinese characters and punctuation, stripped of spaces at their ends.
_LATIN_PART = regex.compile(r"[^\s\p{Han}\u3000-\u303f\uff00-\uffef](?:[^\p{Han}\u3000-\u303f\uff00-\uffef]*"
                            r"[^\s\p{Han}\u3000-\u303f\uff00-\uffef])?")
# A NOT_NAMES word alone is never kept (``FilteredSpacyRecognizer`` drops it), and one inside a longer name sits
# next to that name's other words, which open the window themselves.
_NOT_TRIGGERS: frozenset[str] = frozenset(STOP_WORDS) | ACRONYMS | SENTENCE_WORDS | NOT_NAMES
_LOWERCASE_NAME_CUE = regex.compile(
    r"(?i:(?<![\p{L}])(?:mr|mrs|ms|miss|mx|dr|prof)\.?|(?<![\p{L}])(?:dear|hi|hello|hey|patient|customer|client|"
    r"named|called|name(?: is)?:?|i am|i'm|address:?))[ \t]+(?=(\p{Ll}[\p{L}'’\-]*))"
)
# Pipes NER never needs; excluded at load so they are neither run nor held in memory.
_UNUSED_PIPES = ["tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "morphologizer", "trainable_lemmatizer"]


@dataclass(frozen=True, slots=True)
class NerEntity:
    """An NER entity in the original text's offsets, shaped like the ``Span`` fields Presidio's recognizer reads."""

    label_: str
    start_char: int
    end_char: int


_SHOUTED = regex.compile(r"(?<![\p{L}\d])\p{Lu}{4,}(?![\p{L}\d])")


def _title_case_shouting(text: str) -> str:
    """ALL-CAPS words of four letters or more in title case, same length: the small English model was trained
    on mixed case and misses "in CHISHOLM" or "MARIA LOPEZ" that it finds as "Chisholm", "Maria Lopez"."""

    def title(match: regex.Match[str]) -> str:
        word = match.group()
        titled = word.capitalize()
        return titled if len(titled) == len(word) and word.lower() not in _NOT_TRIGGERS else word

    return _SHOUTED.sub(title, text)


def _bare(word: str) -> str:
    """The word as the vocabularies list it: lower case, without a possessive ("Crohn's" → "crohn")."""
    return word.lower().removesuffix("'s").removesuffix("’s")


def name_windows(text: str, explained: Sequence[tuple[int, int]], width: int = WINDOW_WORDS) -> list[tuple[int, int]]:
    """Character ranges of ``text`` worth running NER on; ``explained`` are spans rules have already found."""
    words = list(_WORD.finditer(text))
    if not words:
        return []
    starts = [w.start() for w in words]
    if not any(ch.isupper() for ch in text):
        if not _HAN.search(text):
            return [(0, len(text))] if any(ch.isalpha() for ch in text) else []
        # Lower-case Latin words inside Chinese text ("pls帮我check一下"): the English model can find a name only in
        # the Latin parts, so it reads those parts, not the whole text (a third of a Chinese query's time went on it).
        return [(m.start(), m.end()) for m in _LATIN_PART.finditer(text)
                if any(len(w.group()) > 1 and _bare(w.group()) not in _NOT_TRIGGERS
                       and not any(s <= m.start() + w.start() and m.start() + w.end() <= e for s, e in explained)
                       for w in _LETTERS.finditer(m.group()))]
    triggers: set[int] = set()
    for match in _LETTERS.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if (
            len(word) > 1
            and word[0].isupper()
            and (_bare(word) not in _NOT_TRIGGERS or fold(word) in major_places())  # "Glasgow" is a place too
            # letters glued to digits ("SpO2", "HbA1c", "4B") are codes and units, never names
            and not (text[start - 1 : start].isdigit() or text[end : end + 1].isdigit())
            and not any(s <= start and end <= e for s, e in explained)
        ):
            triggers.add(bisect.bisect_right(starts, start) - 1)
    for match in _LOWERCASE_NAME_CUE.finditer(text):
        if _bare(match.group(1)) not in _NOT_TRIGGERS:  # "name is Anna", "address for": no lower-case name here
            triggers.add(bisect.bisect_right(starts, match.end()) - 1)
    merged: list[list[int]] = []
    for index in sorted(triggers):
        first, last = max(0, index - width), min(len(words) - 1, index + width)
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(last, merged[-1][1])
        else:
            merged.append([first, last])
    return [(words[first].start(), words[last].end()) for first, last in merged]


class WindowedSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading NER only and running it on :func:`name_windows` instead of whole texts."""

    def __init__(self, model_name: str, ner_model_configuration: NerModelConfiguration) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}], ner_model_configuration=ner_model_configuration
        )
        self._empty_doc = Doc(Vocab(), words=[])

    def load(self) -> None:
        """Load the English model offline with only its NER pipe (and ``tok2vec`` if NER listens to it)."""
        model_name = self.models[0]["model_name"]
        english = spacy.load(model_name, exclude=_UNUSED_PIPES)
        if "tok2vec" in english.pipe_names and not english.get_pipe("tok2vec").listening_components:
            english.remove_pipe("tok2vec")
        self.nlp = {"en": english}

    def empty_artifacts(self, language: str) -> NlpArtifacts:
        """Artifacts with no tokens or entities: what rule recognizers and our context enhancer get."""
        return NlpArtifacts(
            entities=[],
            tokens=self._empty_doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self,
            language=language,
            scores=[],
        )

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """NER over the windows of ``text`` when nothing is known about it yet."""
        return next(iter(self.process_windows([(text, ())])))

    def process_windows(self, items: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> list[NlpArtifacts]:
        """NER for many (text, explained spans) pairs, every window of every text in one ``nlp.pipe`` batch."""
        items = list(items)
        windows = [name_windows(text, explained) for text, explained in items]
        pieces = [
            _title_case_shouting(text[s:e]) for (text, _), ranges in zip(items, windows, strict=True) for s, e in ranges
        ]
        docs = iter(self.nlp["en"].pipe(pieces, batch_size=max(len(pieces), 1)))  # type: ignore[index]
        config = self.ner_model_configuration
        mapping, ignored, score = (
            config.model_to_presidio_entity_mapping,
            set(config.labels_to_ignore),
            config.default_score,
        )
        out = []
        for ranges in windows:
            found = []
            for offset, _ in ranges:
                for ent in next(docs).ents:
                    label = mapping.get(ent.label_)
                    if label is not None and ent.label_ not in ignored:
                        found.append(NerEntity(label, offset + ent.start_char, offset + ent.end_char))
            artifacts = self.empty_artifacts("en")
            artifacts.entities = found  # type: ignore[assignment]
            artifacts.scores = [score] * len(found)
            out.append(artifacts)
        return out
