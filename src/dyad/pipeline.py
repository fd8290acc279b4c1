"""Ingest and analyse: files → store → spaCy pipeline → store, in atomic batches.

A run can be killed at any moment: each batch of documents (and each batch of analyses)
commits in one transaction, documents are keyed by content hash, and a rerun skips what is
stored and analyses what is pending, so it resumes where the killed run stopped. The corpus
steps after analysis (``CORPUS_STEPS``: actor resolution, text reuse, claims, event merging)
each commit a done-marker with their results; storing or analysing a document clears the
markers, and a run does every step whose marker is missing, even when no document is pending,
so a run killed between two steps is finished by the next one.

Test hook: with the environment variable ``DYAD_TEST_KILL_AT=STAGE:N`` the process kills
itself (SIGKILL) right after the N-th commit of STAGE, one of ``ingest`` and ``analyse`` (a
batch), ``reuse-batch`` (a batch of the reuse index), or a corpus step (``actors``, ``reuse``,
``claims``, ``events``: the step committed). Only tests/test_resume.py sets it.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .errors import AnalysisFailed, DyadError, InputError
from .ingest import Article, iter_articles
from .store import Store

__all__ = [
    "Reporter",
    "RunReport",
    "analyse",
    "annotation_tables",
    "compare_sources",
    "ingest",
    "limit_store",
    "model_name",
    "run",
]

log = logging.getLogger("dyad")

_commits: dict[str, int] = {}


def _checkpoint(stage: str) -> None:
    """A stage boundary: something of ``stage`` has just committed. The test hook
    ``DYAD_TEST_KILL_AT=STAGE:N`` (see the module docstring) kills the process here."""
    _commits[stage] = n = _commits.get(stage, 0) + 1
    if os.environ.get("DYAD_TEST_KILL_AT") == f"{stage}:{n}":
        os.kill(os.getpid(), signal.SIGKILL)


class Reporter:
    """Receives progress. The default does nothing; the CLI draws progress bars."""

    def problem(self, error: InputError) -> None:
        """One input could not be used."""

    def note(self, where: str, message: str) -> None:
        """Something worth knowing about one input that was still used."""

    def start(self, stage: str, total: int | None) -> None:
        """A stage ("reading", "analysing") begins; ``total`` may be unknown."""

    def advance(self, stage: str, n: int = 1) -> None:
        """``n`` more items of ``stage`` are done."""

    def finish(self, stage: str) -> None:
        """A stage ends."""


@dataclass
class RunReport:
    """What one command did, for the summary and the exit status."""

    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0
    skipped: int = 0
    failed: int = 0
    analysed: int = 0
    words_analysed: int = 0
    events: int = 0
    actors_merged: int = 0
    reuse_pairs: int = 0
    merged_events: int = 0
    claims: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    problems: list[InputError] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input failed (skipped inputs, such as non-English ones, are fine)."""
        return self.failed == 0

    def merge(self, other: RunReport) -> None:
        for name in (
            "stored",
            "duplicates",
            "new_versions",
            "skipped",
            "failed",
            "analysed",
            "words_analysed",
            "events",
            "actors_merged",
            "reuse_pairs",
            "merged_events",
            "seconds",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for status, n in other.claims.items():
            self.claims[status] = self.claims.get(status, 0) + n
        self.problems += other.problems
        self.notes += other.notes


def ingest(
    store: Store, paths: Iterable[str | Path], settings: Settings, reporter: Reporter | None = None
) -> RunReport:
    """Read ``paths`` and store every usable article, ``ingest.batch_size`` per transaction."""
    from .ingest.language import use_language_settings

    use_language_settings(settings)
    reporter = reporter or Reporter()
    report = RunReport()
    limit_store(store, settings)
    started = time.perf_counter()
    batch: list[Article] = []

    def commit() -> None:
        result = store.add_documents(batch)
        report.stored += result.stored
        report.duplicates += result.duplicates
        report.new_versions += result.new_versions
        log.info(
            "batch committed: %d documents (%d new, %d already stored)",
            len(batch),
            result.stored,
            result.duplicates,
        )
        reporter.advance("reading", len(batch))
        batch.clear()
        _checkpoint("ingest")

    reporter.start("reading", None)
    for item in iter_articles(paths, settings):
        if isinstance(item, InputError):
            if item.outcome == "failed":
                report.failed += 1
            else:
                report.skipped += 1
            report.problems.append(item)
            reporter.problem(item)
            continue
        for note in item.notes:
            report.notes.append((item.where, note))
            reporter.note(item.where, note)
        batch.append(item)
        if len(batch) >= settings.ingest_batch_size:
            commit()
    if batch:
        commit()
    reporter.finish("reading")
    report.seconds = time.perf_counter() - started
    return report


def model_name(nlp) -> str:
    """How the store records the pipeline that analysed a document."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def annotation_tables(nlp, batch: list[tuple[str, object]]) -> tuple[dict, list[dict]]:
    """The store's rows for a batch of parsed documents: Arrow tables by table name, and the
    actors they name. The same code serves one process and the workers of a cluster."""
    from .actors.store import mention_table
    from .claims.store import claim_tables
    from .events.store import event_tables
    from .framing.store import framing_tables
    from .nlp import doc_tables
    from .places.store import place_tables

    names = nlp.pipe_names
    tables = doc_tables(batch)
    actors: dict = {}
    if "dyad_actors" in names:
        dictionary = nlp.get_pipe("dyad_actors").dictionary
        tables["mentions"], actors = mention_table(batch, dictionary)
    if "dyad_places" in names and "dyad_time" in names:
        tables.update(place_tables(batch))
    if "dyad_events" in names:
        tables.update(event_tables(batch))
    if "dyad_claims" in names:
        tables.update(claim_tables(batch))
    if "dyad_framing" in names:
        tables.update(framing_tables(batch))
    return tables, list(actors.values())


def count_words(doc) -> int:
    return sum(1 for t in doc if not t.is_space and not t.is_punct)


def analyse(
    store: Store, settings: Settings, reporter: Reporter | None = None, nlp=None
) -> RunReport:
    """Run the spaCy pipeline (``nlp``, or the one ``settings`` describe) over every stored
    document not yet analysed, then resolve actors across the corpus (unless done since
    documents last changed, so a run killed after its last batch is completed here)."""
    from .nlp import load_pipeline, parse

    reporter = reporter or Reporter()
    report = RunReport()
    limit_store(store, settings)
    pending = store.pending_ids()
    if not pending:
        resolve_actors(store, settings, report)
        return report
    started = time.perf_counter()
    nlp = nlp or load_pipeline(settings)
    model = model_name(nlp)
    reporter.start("analysing", len(pending))
    batch: list[tuple[str, object]] = []

    def commit() -> None:
        ids = [doc_id for doc_id, _ in batch]
        tables, actors = annotation_tables(nlp, batch)
        store.save_annotations(ids, tables, model=model, actors=actors)
        report.analysed += len(batch)
        report.events += tables["events"].num_rows if "events" in tables else 0
        report.words_analysed += sum(count_words(doc) for _, doc in batch)
        log.info("batch committed: %d documents analysed", len(batch))
        reporter.advance("analysing", len(batch))
        batch.clear()
        _checkpoint("analyse")

    texts = store.iter_texts(pending, with_published=True)
    try:
        for doc_id, doc in parse(nlp, texts, settings):
            batch.append((doc_id, doc))
            if len(batch) >= settings.ingest_batch_size:
                commit()
    except DyadError:
        raise  # the store or the settings: nothing one document did
    except Exception:  # a fault of dyad's on some document, which one the stream cannot say
        log.debug("analysis stopped; the pending documents are analysed one by one", exc_info=True)
        batch.clear()  # (analysed again below: the batch the fault came in may hold them)
        _analyse_one_by_one(store, nlp, settings, batch, commit, report, reporter)
    if batch:
        commit()
    reporter.finish("analysing")
    resolve_actors(store, settings, report, nlp)
    report.seconds = time.perf_counter() - started
    return report


def _analyse_one_by_one(
    store: Store,
    nlp,
    settings: Settings,
    batch: list[tuple[str, object]],
    commit,
    report: RunReport,
    reporter: Reporter,
) -> None:
    """Analyse the pending documents one at a time, in one process: a document the pipeline
    fails on is reported as a failed input naming its file, stays pending (a rerun tries it
    again) and costs no other document its analysis. (Slower than the batched stream: taken
    only after a fault, for the rest of that run.)"""
    from .nlp import parse

    alone = settings.with_overrides({"nlp.n_process": 1})
    for item in store.iter_texts(store.pending_ids(), with_published=True):
        try:
            batch.extend(parse(nlp, [item], alone))
        except DyadError:
            raise
        except Exception as error:
            log.info("analysis of %s failed", item[0], exc_info=True)  # (shown by --verbose)
            found = store.get_document(item[0]) or {}
            where = found.get("path") or item[0]
            if found.get("record"):
                where = f"{where}#{found['record']}"
            problem = AnalysisFailed(
                where,
                f"dyad could not analyse this document ({type(error).__name__}: {error}); "
                "the other documents were analysed. Please report it with the file "
                "(rerun with --verbose for the traceback)",
            )
            report.failed += 1
            report.problems.append(problem)
            reporter.problem(problem)
            continue
        if len(batch) >= settings.ingest_batch_size:
            commit()


def limit_store(store: Store, settings: Settings) -> None:
    """Cap what DuckDB's queries hold and the threads they run on (``store.memory_limit``,
    ``store.threads``)."""
    store.limit_memory(settings.value("store.memory_limit"))
    store.limit_threads(settings.value("store.threads"))


def _release_memory() -> None:
    """Hand back what analysis held before the corpus steps, whose peak otherwise comes on
    top of it: the pipeline and the last batch's documents are garbage once analysis returns,
    but they hold reference cycles (freed only by a collection), and glibc keeps freed memory
    in its arenas unless asked to trim them (Linux with glibc; elsewhere only the
    collection). 256 generated articles: 898 MB after analysis, 699 MB after this."""
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # a C library other than glibc (musl)
        return
    trim(0)


@contextmanager
def _step(store: Store, step: str) -> Iterator[bool]:
    """``with _step(store, "claims") as todo:`` does the step when ``todo`` (its marker is
    missing); the step's results and its done-marker commit in one transaction."""
    if step in store.steps_done():
        yield False
        return
    with store.transaction():
        yield True
        store.mark_step_done(step)
    _step_done(step)


def _step_done(step: str) -> None:
    log.info("corpus step done: %s", step)
    _checkpoint(step)


def resolve_actors(store: Store, settings: Settings, report: RunReport, nlp=None) -> None:
    """The corpus step of actor resolution, after documents are analysed (here or on a
    cluster): short text-made names join the one longer actor they belong to. Done unless
    done since documents last changed."""
    from .actors.store import resolve_corpus

    with _step(store, "actors") as todo:
        if not todo or "dyad_actors" not in settings.components:
            return
        if nlp is not None and "dyad_actors" in nlp.pipe_names:
            dictionary = nlp.get_pipe("dyad_actors").dictionary
        else:
            from .actors.dictionary import load_dictionary

            dictionary = load_dictionary(
                tuple(settings.value("nlp.components.dyad_actors.dictionaries")),
                settings.value("nlp.components.dyad_actors.use_builtin"),
            )
        report.actors_merged = resolve_corpus(store, dictionary)


def compare_sources(
    store: Store, settings: Settings, reporter: Reporter | None = None
) -> RunReport:
    """The corpus steps of "according to whom": text reuse (incremental: only documents not
    yet indexed are hashed and aligned), then claims compared and event mentions merged
    across documents (recomputed from the stored rows, which is cheap). Each step is done
    unless done since documents last changed."""
    from .claims.store import update_claims
    from .events.merge import merge_events
    from .reuse import ReuseParams
    from .reuse.store import pending_reuse, update_reuse

    reporter = reporter or Reporter()
    report = RunReport()
    limit_store(store, settings)
    started = time.perf_counter()
    reporter.start("comparing sources", len(pending_reuse(store)))

    def progress(n: int) -> None:
        reporter.advance("comparing sources", n)
        _checkpoint("reuse-batch")

    # reuse commits a batch at a time (a rerun goes on from the index), so its marker follows
    # its last batch; the others commit their results with their marker
    if "reuse" not in store.steps_done():
        report.reuse_pairs = update_reuse(
            store, ReuseParams.from_settings(settings), progress=progress
        )
        store.mark_step_done("reuse")
        _step_done("reuse")
    with _step(store, "claims") as todo:
        if todo:
            report.claims = update_claims(store)
    with _step(store, "events") as todo:
        if todo:
            report.merged_events = merge_events(
                store,
                settings.value("events.merge_window_days"),
                settings.value("events.merge_batch_mentions"),
            )
    reporter.finish("comparing sources")
    report.seconds = time.perf_counter() - started
    return report


def run(
    store: Store,
    paths: Iterable[str | Path],
    settings: Settings,
    reporter: Reporter | None = None,
    *,
    command: str = "run",
    analyse_now: bool = True,
    cluster: str | None = None,
    shard_dir: str | Path | None = None,
) -> RunReport:
    """Ingest ``paths``, then (unless ``analyse_now`` is false) analyse everything pending:
    in this process, or with ``cluster`` (``local:N`` or ``tcp://HOST:PORT``) on Dask workers
    (see :mod:`dyad.cluster`).

    The run and its problems are recorded in the store, for ``dyad stats``.
    """
    run_id = store.start_run(command)
    report = ingest(store, paths, settings, reporter)
    store.record_problems(run_id, report.problems, report.notes)
    if analyse_now:
        if cluster:
            from .cluster import analyse_on_cluster, cluster_client

            with cluster_client(cluster) as client:
                report.merge(analyse_on_cluster(store, settings, client, reporter, shard_dir))
        else:
            report.merge(analyse(store, settings, reporter))
        _release_memory()
        report.merge(compare_sources(store, settings, reporter))
    store.finish_run(
        run_id,
        stored=report.stored,
        duplicates=report.duplicates,
        skipped=report.skipped,
        failed=report.failed,
        analysed=report.analysed,
    )
    return report
