"""``PiiDetector``: Presidio's AnalyzerEngine with our recognizers, built once and shared by every request."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration

from gateway.paths import PROJECT_ROOT
from gateway.pii import entities, lexicon
from gateway.pii.analyzer import CachedRecognizerRegistry, GroupingAnalyzerEngine
from gateway.pii.candidates import Candidates, engine_version
from gateway.pii.chinese_ner import ChineseNer
from gateway.pii.context import WindowContextEnhancer
from gateway.pii.detection import Detection, resolve_overlaps
from gateway.pii.entities import SUPPORTED_ENTITIES
from gateway.pii.errors import PiiError
from gateway.pii.names import plausible_chinese_entity, repeated_names, without_titles
from gateway.pii.ner import WindowedSpacyNlpEngine, name_windows
from gateway.pii.normalise import normal_form
from gateway.pii.postal import place_postcodes, postal_blocks
from gateway.pii.recognizers import build_recognizers
from gateway.pii.recognizers.people import FilteredSpacyRecognizer
from gateway.pii.recognizers.places import with_definite_article
from gateway.pii.rules import PiiRules
from gateway.pii.transliterated import transliterated_names

Language = Literal["en", "zh"]

_CJK = regex.compile(r"[\p{Han}\u3040-\u30ff\u3000-\u303f\uff00-\uffef]")
_LATIN_WORD = regex.compile(r"[A-Za-z]{2,}")
_NER_ENTITIES = frozenset(FilteredSpacyRecognizer.ENTITIES)
_CN_NER_ENTITIES = frozenset({entities.PERSON, entities.LOCATION, entities.ORGANIZATION, entities.DATE})
_CN_NER_SCORE = 0.8
_HAN = regex.compile(r"\p{Han}")

DEFAULT_SPACY_MODEL = str(PROJECT_ROOT / "models" / "spacy" / "en_core_web_md-3.8.0")
"""The medium English model ``gateway models fetch`` unpacks (``Settings.spacy_model_name`` for other places)."""

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)


def ner_configuration() -> NerModelConfiguration:
    """spaCy NER labels mapped to our entity types; every other label is ignored."""
    return NerModelConfiguration(
        model_to_presidio_entity_mapping={
            "PERSON": "PERSON",
            "PER": "PERSON",
            "GPE": "LOCATION",
            "LOC": "LOCATION",
            "FAC": "LOCATION",
            "ORG": "ORGANIZATION",
            "NORP": "NRP",
            "DATE": "DATE",
        },
        labels_to_ignore=[
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
        low_score_entity_names=[],
    )


class PiiDetector:
    """Finds personal data in English, Chinese and mixed text. Build once with :meth:`create`; safe to share.

    English text is analysed in two passes: the rule recognizers first (through Presidio's ``AnalyzerEngine``),
    then spaCy NER only on the windows of the text the rules have not explained (``gateway.pii.ner``).

    spaCy does not promise that a pipeline may be called from several threads at once, so calls are serialised by a
    lock: sharing the detector is safe, running it concurrently is not possible. Request paths go through the one
    worker of ``gateway.pii.service.MaskingService``; ingestion (the subject index) waits for the lock like them.
    """

    def __init__(self, analyzer: AnalyzerEngine, nlp_engine: WindowedSpacyNlpEngine,
                 chinese_ner: ChineseNer | None = None, *, spacy_model: str = DEFAULT_SPACY_MODEL) -> None:
        self._analyzer = analyzer
        self.version = engine_version(spacy_model)
        """What stored candidates must have been found by to be used (``gateway.pii.candidates``)."""
        self._nlp_engine = nlp_engine
        self._chinese_ner = chinese_ner or ChineseNer()
        self._lock = threading.Lock()
        self._ner = next(r for r in analyzer.registry.recognizers if isinstance(r, FilteredSpacyRecognizer))

    @classmethod
    def create(cls, spacy_model: str = DEFAULT_SPACY_MODEL) -> PiiDetector:
        """Load the spaCy model (offline; only its NER pipe) and register our recognizers for en and zh."""
        nlp_engine = WindowedSpacyNlpEngine(spacy_model, ner_configuration())
        try:
            nlp_engine.load()
        except (OSError, ValueError) as exc:
            raise PiiError(f"cannot load spaCy model {spacy_model!r}") from exc
        registry = CachedRecognizerRegistry(supported_languages=["en", "zh"])
        for recognizer in build_recognizers("en", with_ner=True) + build_recognizers("zh", with_ner=False):
            registry.add_recognizer(recognizer)
        analyzer = GroupingAnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=["en", "zh"],
            context_aware_enhancer=WindowContextEnhancer(),
        )
        detector = cls(analyzer, nlp_engine, ChineseNer(), spacy_model=spacy_model)
        # The word lists are read on first use, and the first call loads tldextract's bundled suffix snapshot and
        # warms spaCy and the Chinese tagger: pay all of it at start-up, not on a staff member's first question.
        lexicon.load()
        detector.detect("Warm-up: mail a.b@example.com, call Anna Berg on +1 217 555 0143 in Leeds.", "en")
        detector.detect("客户张伟在北京市工作，电话13800138000。", "zh")
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
        return next(self._detect_many([text], language, rules or PiiRules.default()))

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

    def candidates(self, texts: Sequence[str], floor: float, batch_size: int = 64) -> list[Candidates]:
        """What any reader's rules could mask in each text, found once (``gateway.pii.candidates``): every type at
        ``floor``, no allow- or deny-list, NER over the windows the rules leave and over every window, overlaps left
        for :func:`~gateway.pii.candidates.reader_spans` to resolve per reader."""
        rules = PiiRules(score_threshold=floor)
        found: list[Candidates] = []
        for start in range(0, len(texts), batch_size):
            with self._lock:
                spans = self._detect_locked(list(texts[start:start + batch_size]), None, rules, widest=True)
            found.extend(Candidates(self.version, floor, tuple(sorted(set(s), key=lambda d: (d.start, d.end))))
                         for s in spans)
        return found

    def _detect_many(self, texts: list[str], language: Language | None, rules: PiiRules) -> Iterator[list[Detection]]:
        with self._lock:  # the whole batch at once, so no lock is held while the caller consumes results
            found = self._detect_locked(texts, language, rules)
        yield from found

    def _detect_locked(self, originals: list[str], language: Language | None, rules: PiiRules, *,
                       widest: bool = False) -> list[list[Detection]]:
        """Detections per text; ``widest``: candidates (NER over every window too, overlaps unresolved)."""
        for text in originals:
            if not isinstance(text, str):
                raise PiiError("text to analyse must be a string")
        forms = [normal_form(text) for text in originals]
        texts = [form.text for form in forms]
        chosen = [self.choose_language(text, language) for text in texts]
        found = [self._rule_pass(text, lang, rules) for text, lang in zip(texts, chosen, strict=True)]
        wanted_cn = [e for e in _CN_NER_ENTITIES if e in rules.entities_masked]
        if wanted_cn:
            try:
                for text, detections in zip(texts, found, strict=True):
                    if _HAN.search(text):
                        detections.extend(self._chinese(text, rules, wanted_cn))
            except Exception as exc:
                raise PiiError("PII detection failed") from exc
        wanted_ner = [e for e in _NER_ENTITIES if e in rules.entities_masked]
        english = [i for i, (text, lang) in enumerate(zip(texts, chosen, strict=True)) if lang == "en" and text.strip()]
        if wanted_ner and english:
            try:
                # NER runs on the windows the rules leave unexplained. Its output depends on the window, and a
                # reader whose rules explain less of a text gets wider ones: candidates also take NER over every
                # window of each text where the rules' spans changed the windows.
                passes = [[(i, [(d.start, d.end) for d in found[i]]) for i in english]]
                if widest:
                    passes.append([(i, []) for i, spans in passes[0]
                                   if spans and name_windows(texts[i], spans) != name_windows(texts[i], [])])
                for items in passes:
                    artifacts = self._nlp_engine.process_windows((texts[i], spans) for i, spans in items)
                    for (i, _), nlp_artifacts in zip(items, artifacts, strict=True):
                        results = self._ner.analyze(texts[i], wanted_ner, nlp_artifacts)
                        found[i].extend(self._accepted(texts[i], results, rules))
            except Exception as exc:  # never let a library message (which may quote the text) through
                raise PiiError("PII detection failed") from exc
        resolved: list[list[Detection]] = []
        for form, detections in zip(forms, found, strict=True):
            detections.extend(rules.deny_list_detections(form.text))
            if entities.POSTAL_CODE in rules.entities_masked:
                detections.extend(place_postcodes(form.text, detections))
            if entities.STREET_ADDRESS in rules.entities_masked:
                detections.extend(postal_blocks(form.text, detections))
            if entities.LOCATION in rules.entities_masked:
                detections = with_definite_article(form.text, detections)
            if entities.PERSON in rules.entities_masked:
                detections.extend(d for d in transliterated_names(form.text, detections)
                                  if d.score >= rules.threshold_for(d.entity_type)
                                  and not rules.is_allowed(form.text[d.start:d.end]))
                detections = without_titles(form.text, detections)
                detections.extend(repeated_names(form.text, detections))
            kept = detections if widest else resolve_overlaps(detections)
            resolved.append([Detection(d.entity_type, *form.span(d.start, d.end), d.score) for d in kept])
        return resolved

    def _chinese(self, text: str, rules: PiiRules, wanted: list[str]) -> list[Detection]:
        """LAC's people, places, organisations and dates in the Chinese parts of ``text``."""
        found = []
        for entity in self._chinese_ner.entities(text):
            if entity.entity_type not in wanted:
                continue
            value = text[entity.start:entity.end]
            if not plausible_chinese_entity(entity.entity_type, value):
                continue
            if rules.is_allowed(value) or rules.threshold_for(entity.entity_type) > _CN_NER_SCORE:
                continue
            found.append(Detection(entity.entity_type, entity.start, entity.end, _CN_NER_SCORE))
        return found

    def _rule_pass(self, text: str, language: Language, rules: PiiRules) -> list[Detection]:
        if not text.strip():
            return []
        wanted = [e for e in rules.entities_masked if e in SUPPORTED_ENTITIES]
        try:
            results: list[RecognizerResult] = self._analyzer.analyze(
                text=text,
                language=language,
                entities=wanted or None,
                nlp_artifacts=self._nlp_engine.empty_artifacts(language),
                score_threshold=min([rules.score_threshold, *rules.thresholds.values()]),
            )
        except Exception as exc:  # Presidio's messages can quote the text; never let them through.
            raise PiiError("PII detection failed") from exc
        return self._accepted(text, results, rules)

    @staticmethod
    def _accepted(text: str, results: Iterable[RecognizerResult], rules: PiiRules) -> list[Detection]:
        return [
            Detection(r.entity_type, r.start, r.end, round(float(r.score), 4))
            for r in results
            if r.entity_type in rules.entities_masked
            and r.score >= rules.threshold_for(r.entity_type)
            and not rules.is_allowed(text[r.start : r.end])
        ]
