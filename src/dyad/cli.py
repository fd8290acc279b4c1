"""The ``dyad`` command: a thin skin over the Python API (dyad.pipeline, dyad.store, dyad.export).

Exit status: 0 all inputs used; 1 some inputs failed (the rest were stored); 2 the command could
not run (bad database, setting or argument, a full disk); 3 an internal error (rerun with
--debug); 130 interrupted by Ctrl+C, 143 by SIGTERM (committed batches are kept: run the same
command again to resume).
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from . import __version__
from .config import Settings, load_settings
from .errors import DiskFull, DyadError, InputError
from .pipeline import Reporter, RunReport

app = typer.Typer(
    name="dyad",
    help=(
        "Who did what to whom, when and where, and according to whom.\n\n"
        "dyad reads news articles (txt, html, jsonl, csv, warc), stores them in a DuckDB file and "
        "analyses them with spaCy. Start with `dyad demo`, then `dyad run YOUR_FOLDER`."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)


def _flags_without_type() -> None:
    """Typer (0.29) prints ``<bool>`` after every flag in --help, --help itself included:
    a flag takes no value, so its help shows none."""
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich


if hasattr(getattr(typer, "core", None), "TyperOption") and hasattr(
    typer.core.TyperOption, "display_type_rich"
):
    _flags_without_type()

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="DuckDB file to use, created if missing (default: the store.path "
        "setting, dyad.duckdb in the current directory).",
    ),
]
ReadDbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="DuckDB file to read; it must exist (default: the store.path setting, "
        "dyad.duckdb in the current directory).",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="A .cfg file overriding any subset of the settings (see `dyad config`).",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.", metavar="")
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log each committed batch.", metavar="")
]
ModelOption = Annotated[
    str | None, typer.Option("--model", help="Installed spaCy model to use (setting nlp.model).")
]
ProcessOption = Annotated[
    int | None,
    typer.Option(
        "--n-process", "-j", min=1, help="Worker processes for spaCy (setting nlp.n_process)."
    ),
]
BatchOption = Annotated[
    int | None,
    typer.Option(
        "--batch-size", min=1, help="Documents per committed batch (setting ingest.batch_size)."
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Analyse on Dask workers: local:N starts N local worker processes, tcp://HOST:PORT "
        "uses a running scheduler (pip install 'dyad[cluster]'; see docs/scale.md).",
    ),
]
ShardsOption = Annotated[
    Path | None,
    typer.Option(
        "--shards",
        help="Folder for the cluster's input and output shards; every worker must reach it "
        "(default: beside the database).",
    ),
]


FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Only events whose period ends on or after this ISO date (1990, 2016-09, "
        "2016-09-09); a date filter leaves undated events out.",
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help="Only events whose period starts on or before this ISO date."),
]


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a container stopping), handled as Ctrl+C is."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


class _Fail(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config, overrides)


def _guard(debug: bool, fn, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn``, turning dyad errors into one line and an exit status."""
    try:
        return fn(*args, **kwargs)
    except DyadError as error:
        if debug:
            raise
        # The message may quote input (a path, a field): escaped, it prints as it is.
        err.print(f"[bold red]error[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except BrokenPipeError:  # `dyad export ... -o - | head`: the reader has gone; so do we
        sys.stderr.close()
        raise typer.Exit(0) from None
    except KeyboardInterrupt as stop:
        how = " (SIGTERM)" if isinstance(stop, _Terminated) else ""
        err.print(
            f"[yellow]interrupted[/]{how}: committed batches are kept; run the same command "
            "again to resume"
        )
        raise typer.Exit(143 if how else 130) from None
    except Exception as error:
        if debug:
            raise
        from .store import write_error

        full = write_error(None, error)
        if isinstance(full, DiskFull):  # a full disk, writing an export
            err.print(f"[bold red]error[/] {escape(str(full))}", highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        err.print(
            f"[bold red]internal error[/] {type(error).__name__}: {escape(str(error))} "
            "(rerun with --debug for the traceback, and please report it)",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(3) from None


class _RichReporter(Reporter):
    """Progress bars on a terminal; one line per problem always."""

    def __init__(self) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        )
        self.tasks: dict[str, Any] = {}

    def problem(self, error: InputError) -> None:
        colour = "red" if error.outcome == "failed" else "yellow"
        label = "failed " if error.outcome == "failed" else "skipped"
        # Paths, fields and headers are input: escaped, "[/]" in a file name prints as it is.
        self.progress.console.print(
            f"[{colour}]{label}[/] {escape(error.where)}: {escape(error.reason)}",
            highlight=False,
            soft_wrap=True,
        )

    def note(self, where: str, message: str) -> None:
        self.progress.console.print(
            f"[cyan]note   [/] {escape(where)}: {escape(message)}", highlight=False, soft_wrap=True
        )

    def start(self, stage: str, total: int | None) -> None:
        if not self.tasks:
            self.progress.start()
        self.tasks[stage] = self.progress.add_task(stage, total=total)

    def advance(self, stage: str, n: int = 1) -> None:
        if stage in self.tasks:
            self.progress.advance(self.tasks[stage], n)

    def finish(self, stage: str) -> None:
        task = self.tasks.pop(stage, None)
        if task is not None:
            self.progress.remove_task(task)
        if not self.tasks:
            self.progress.stop()


def _logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)


def _db_path(db: Path | None, settings: Settings | None = None) -> Path:
    return db if db is not None else Path((settings or load_settings()).db_path)


def _run(
    paths: list[Path],
    db: Path,
    settings: Settings,
    *,
    command: str,
    analyse_now: bool,
    cluster: str | None = None,
    shards: Path | None = None,
) -> RunReport:
    import duckdb

    from .pipeline import run
    from .store import Store, write_error

    # a command that writes stops on SIGTERM as on Ctrl+C: the batch in flight rolls back
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        with Store(db) as store:
            report = run(
                store,
                paths,
                settings,
                _RichReporter(),
                command=command,
                analyse_now=analyse_now,
                cluster=cluster,
                shard_dir=shards,
            )
            stats = store.stats()
    except (OSError, duckdb.Error) as error:
        if (mapped := write_error(db, error)) is None:
            raise
        raise mapped from error
    _print_summary(report, stats, db)
    return report


def _print_summary(report: RunReport, stats: dict[str, Any], db: Path) -> None:
    table = Table(title="dyad run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row(
        "stored",
        f"{report.stored}"
        + (f" ({report.new_versions} new versions)" if report.new_versions else ""),
    )
    table.add_row("already stored", str(report.duplicates))
    table.add_row("skipped", str(report.skipped))
    table.add_row("failed", f"[red]{report.failed}[/]" if report.failed else "0")
    if report.analysed:
        rate = report.words_analysed / report.seconds if report.seconds else 0
        table.add_row(
            "analysed",
            f"{report.analysed} documents, {report.words_analysed:,} words "
            f"({rate:,.0f} words/s incl. model load)",
        )
    out.print(table)
    _print_store(stats, db)
    if report.failed:
        err.print(
            f"[red]{report.failed} input(s) failed[/]; the lines above say which and why. "
            "Everything else was stored."
        )


def _print_store(stats: dict[str, Any], db: Path) -> None:
    table = Table(title=f"store {escape(str(db))}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents", f"{stats['documents']} ({stats['analysed']} analysed)")
    if stats["old_versions"]:
        table.add_row("older versions", str(stats["old_versions"]))
    table.add_row("words", f"{stats['words']:,}")
    table.add_row("outlets", str(stats["outlets"]))
    if stats["first_published"]:
        table.add_row("published", f"{stats['first_published']} … {stats['last_published']}")
    table.add_row("sentences", f"{stats['sentences']:,}")
    table.add_row("actors", f"{stats['actors']:,} ({stats['mentions']:,} mentions)")
    if stats.get("events"):
        table.add_row(
            "events",
            f"{stats['events']:,} merged from {stats['event_mentions']:,} mentions  ("
            + ", ".join(f"{k} {v}" for k, v in list(stats.get("event_types", {}).items())[:6])
            + ")",
        )
    if stats.get("top_actors"):
        table.add_row(
            "most mentioned", escape(", ".join(f"{name} ({n})" for name, n in stats["top_actors"]))
        )
    table.add_row(
        "entities",
        f"{stats['entities']:,}"
        + (
            "  (" + ", ".join(f"{k} {v}" for k, v in list(stats["entity_labels"].items())[:6]) + ")"
            if stats["entity_labels"]
            else ""
        ),
    )
    out.print(table)


@app.command("run")
def run_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
    n_process: ProcessOption = None,
    batch_size: BatchOption = None,
    cluster: ClusterOption = None,
    shards: ShardsOption = None,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Ingest articles and analyse them: the main job.

    Reads every .txt, .html/.htm, .jsonl/.ndjson, .csv and .warc(.gz) file under PATHS, drops page
    chrome and reference lists, stores each article once (keyed by content hash) and runs the
    spaCy pipeline over what is new. Safe to interrupt: run it again and it resumes.

    Examples: `dyad run articles/ --db mek.duckdb -j 2`;
    on a Dask cluster: `dyad run articles/ --db mek.duckdb --cluster tcp://10.0.0.5:8786 --shards /nfs/dyad`
    """
    _logging(verbose)
    settings = _guard(
        debug,
        _settings,
        config,
        **{"nlp.model": model, "nlp.n_process": n_process, "ingest.batch_size": batch_size},
    )
    report = _guard(
        debug,
        _run,
        paths,
        db,
        settings,
        command="run",
        analyse_now=True,
        cluster=cluster,
        shards=shards,
    )
    shown = escape(str(db))
    out.print(
        f"Next: [bold]dyad stats --db {shown}[/] · [bold]dyad export documents --db {shown}[/]"
    )
    raise typer.Exit(0 if report.ok else 1)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = None,
    config: ConfigOption = None,
    batch_size: BatchOption = None,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Store articles without analysing them (fast); `dyad analyse` or `dyad run` analyses later.

    Example: `dyad ingest crawl/ --db mek.duckdb`, then `dyad analyse --db mek.duckdb -j 2`
    """
    _logging(verbose)
    settings = _guard(debug, _settings, config, **{"ingest.batch_size": batch_size})
    db = _db_path(db, settings)
    report = _guard(debug, _run, paths, db, settings, command="ingest", analyse_now=False)
    raise typer.Exit(0 if report.ok else 1)


@app.command("analyse")
def analyse_command(
    db: DbOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
    n_process: ProcessOption = None,
    cluster: ClusterOption = None,
    shards: ShardsOption = None,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Analyse every stored document not analysed yet (after `dyad ingest`, or a killed run).

    Example: `dyad analyse --db mek.duckdb -j 2`
    """
    _logging(verbose)
    settings = _guard(debug, _settings, config, **{"nlp.model": model, "nlp.n_process": n_process})
    db = _db_path(db, settings)
    _guard(
        debug,
        _run,
        [],
        db,
        settings,
        command="analyse",
        analyse_now=True,
        cluster=cluster,
        shards=shards,
    )


@app.command("demo")
def demo_command(
    db: DbOption = Path("dyad-demo.duckdb"),
    n_process: ProcessOption = None,
    debug: DebugOption = False,
) -> None:
    """Run dyad on its built-in demo corpus (articles about the MEK in Iraq, 1965-2018).

    The demo articles were written for dyad from checkable facts, by made-up outlets with opposite
    slants, in four formats, with copied paragraphs, conflicting dates and page chrome on purpose.
    Example: `dyad demo`, then `dyad serve --db dyad-demo.duckdb`
    """
    from .demo import demo_dir

    settings = _guard(debug, _settings, None, **{"nlp.n_process": n_process})
    db = _db_path(db, settings)
    folder = demo_dir()
    out.print(f"Demo corpus: {escape(str(folder))}")
    report = _guard(debug, _run, [folder], db, settings, command="demo", analyse_now=True)
    out.print(
        f"\nThe results are in [bold]{db}[/]. Look at them with:\n"
        f"  dyad actors --db {db}\n"
        f"  dyad actors --db {db} --name MEK\n"
        f"  dyad events --db {db} --actor mek\n"
        f"  dyad reuse --db {db} --passages\n"
        f"  dyad claims --db {db}\n"
        f"  dyad framing --db {db} --actor mek\n"
        f"  dyad network --db {db} --every decade\n"
        f"  dyad predict --db {db} usa iran\n"
        f"  dyad stats --db {db}\n"
        f"  dyad export documents --db {db} --format csv --output demo-documents.csv\n"
        f"  python -c \"import duckdb; print(duckdb.connect('{db}', read_only=True)"
        ".sql('select title, outlet, published from documents'))\""
    )
    out.print(
        f"\n[bold]Browse it in the web app:[/] dyad serve --db {db}\n"
        "then open http://127.0.0.1:8000 in a browser (Ctrl+C stops the server)."
    )
    raise typer.Exit(0 if report.ok else 1)


@app.command("serve")
def serve_command(
    db: ReadDbOption = None,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. The default serves this machine only; 0.0.0.0 "
            "lets anyone who can reach it read the database.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    tiles: Annotated[
        str | None,
        typer.Option(
            help="Map tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
            "(default: country outlines shipped with dyad, which work offline).",
        ),
    ] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Browse the database in a web browser: documents with highlights, events, actors,
    network, map, timeline and a source comparison; the JSON API is under /api.

    The app only reads (the database is opened read-only; only GET requests exist), and
    escapes all article text. Example: `dyad serve --db dyad-demo.duckdb`, then open
    http://127.0.0.1:8000. While it runs, `dyad run` on the same database stops at once with
    "database is in use" (error D202): stop the server, run, then serve again.
    """
    from .web.server import is_loopback, serve

    settings = _guard(debug, _settings, config)
    db = _db_path(db, settings)
    if tiles and not tiles.startswith(("https://", "http://")):
        _guard(debug, _fail, f"--tiles must be an http(s) URL template, not {tiles!r}")
    if not is_loopback(host):
        err.print(
            f"[yellow]warning[/] listening on {host}: anyone who can reach this machine on port "
            f"{port} can read the whole database",
            highlight=False,
        )
    out.print(f"Loading {escape(str(db))} ...")

    def ready(url: str) -> None:
        out.print(
            f"Serving {escape(str(db))} read-only at [bold]{url}[/] (Ctrl+C stops it)",
            highlight=False,
        )

    try:
        _guard(debug, serve, db, host=host, port=port, tiles=tiles, ready=ready,
               settings=settings)  # fmt: skip
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def _fail(message: str) -> None:
    raise DyadError(message)


@app.command("stats")
def stats_command(
    db: ReadDbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the counts as JSON.", metavar="")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Summarise what the database holds, and the problems of the last run.

    The counts are the ones the exports and the web app's overview give: documents and
    their rows are current versions only, actors are the actors export's rows, events are
    merged events (one however many sentences report it). Example: `dyad stats --db mek.duckdb`
    """
    from .output import dumps
    from .store import Store

    def stats() -> dict[str, Any]:
        if not db.is_file():
            _fail(f"database {db} does not exist; create it with `dyad run PATH --db {db}`")
        with Store(db, read_only=True) as store:
            return store.stats()

    db = _db_path(db)
    result = _guard(debug, stats)
    if as_json:
        print(dumps(result))
        return
    _print_store(result, db)
    if by_format := result.get("by_format"):
        out.print("formats: " + ", ".join(f"{k} {v}" for k, v in by_format.items()))
    if last := result.get("last_run"):
        out.print(
            f"last run #{last['run_id']} ({last['command']}, {last['started_at']:%Y-%m-%d %H:%M}): "
            f"{last['stored']} stored, {last['duplicates']} already stored, {last['skipped']} skipped, "
            f"{last['failed']} failed"
        )
        for location, code, outcome, reason in result.get("last_run_problems", []):
            out.print(f"  {outcome} [{code}] {location}: {reason}", highlight=False, markup=False)


@app.command("export")
def export_command(
    table: Annotated[
        str,
        typer.Argument(
            help="What to export: documents, sentences, entities, mentions, actors, events, "
            "places, times, reuse, claims, framing, network (edges; also whole as json, gexf "
            "or graphml) or network_nodes."
        ),
    ],
    db: ReadDbOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, csv or parquet; for the network also json, gexf, graphml; for the "
            "events also geojson (those with a place).",
        ),
    ] = "jsonl",
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="File to write; `-` for stdout. Default: TABLE.FORMAT here."
        ),
    ] = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Export a table following the data contract (docs/data-model.md).

    Example: `dyad export documents --format parquet --output docs.parquet`;
    `dyad export network --format gexf --output network.gexf` for Gephi (dated edges play on
    its timeline). The network follows the `[network]` settings (asserted events by default;
    change them with --config).
    """
    settings = _guard(debug, _settings, config)
    rows = _read(db, lambda c: c.export(table, fmt, output or f"{table}.{fmt}"), debug, settings)
    if output != "-":
        err.print(f"wrote {rows} {table} rows to {escape(str(output or f'{table}.{fmt}'))}")


# ---- read commands: each opens the read model (dyad.corpus.Corpus) and prints one of its answers

TableFlag = Annotated[
    bool, typer.Option("--table", help="Print a table (the default).", metavar="")
]
JsonFlag = Annotated[
    bool,
    typer.Option(
        "--json", help="Print the web API's JSON for the same filters (a page of items).",
        metavar="",
    ),
]  # fmt: skip
JsonlFlag = Annotated[bool, typer.Option("--jsonl", help="Print one JSON item a line.", metavar="")]
CsvFlag = Annotated[
    bool, typer.Option("--csv", help="Print CSV (lists and objects as JSON text).", metavar="")
]
LimitOption = Annotated[
    int, typer.Option("--limit", min=1, max=500, help="How many rows to print (1..500).")
]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip (paging).")]
EventSourceOption = Annotated[
    str | None,
    typer.Option(
        "--source", "-s", help="Only what this outlet, or document (id or its prefix), reports."
    ),
]


def _read(db: Path | None, ask: Any, debug: bool, settings: Settings | None = None) -> Any:
    """``ask(corpus)`` on the read model of ``db`` (with ``settings``, default dyad's),
    errors as one line."""
    from .corpus import Corpus

    def go() -> Any:
        with Corpus(_db_path(db, settings), settings=settings) as corpus:
            return ask(corpus)

    return _guard(debug, go)


def _print_page(fmt: str, page: Any, what: str, show: Any, hint: str, debug: bool = False) -> None:
    """A page in ``fmt``: the table printer ``show(items)`` and a paging line, or the data."""
    from .output import write

    if fmt != "table":
        _guard(debug, write, fmt, page.to_dict(), page.items)
        return
    if not page.items:
        out.print(f"no {what} match; {hint}", highlight=False, markup=False)
        return
    _guard(debug, show, page.items)  # a printer's failure is one line too, not a traceback
    last = page.offset + len(page.items)
    more = f"; --offset {last} for more" if page.next_offset is not None else ""
    err.print(f"{what} {page.offset + 1}–{last} of {page.total}{more}", highlight=False,
              markup=False)  # fmt: skip


def _text_table(title: str, columns: tuple[tuple[str, int], ...], **kwargs: Any) -> Table:
    table = Table(title=title, title_justify="left", **kwargs)
    for column, ratio in columns:
        table.add_column(column, overflow="fold", ratio=ratio)
    return table


@app.command("documents")
def documents_command(
    source: EventSourceOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only documents that mention this actor id.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Only titles containing this text.")
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """List the stored documents, oldest first: title, outlet, date, words, events found.

    Example: `dyad documents --source "Gulf Wire" --csv > gulf.csv`
    """
    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)
    page = _read(db, lambda c: c.documents(source=source, actor=actor, q=search, limit=limit,
                                            offset=offset), debug)  # fmt: skip

    def show(items: list[dict[str, Any]]) -> None:
        t = _text_table("documents", (("id", 1), ("published", 1), ("outlet", 2), ("title", 5),
                                      ("words", 1), ("events", 1)))  # fmt: skip
        for d in items:
            t.add_row(d["doc_id"][:8], str(d["published"] or "-"), escape(d["outlet"] or "-"),
                      escape(d["title"] or d["path"] or "-"), str(d["n_words"]),
                      str(d["n_events"]))  # fmt: skip
        out.print(t)

    _print_page(
        fmt,
        page,
        "documents",
        show,
        "run `dyad run PATH` first, or loosen the filters",
        debug=debug,
    )


def _choose(table: bool, as_json: bool, as_jsonl: bool, as_csv: bool) -> str:
    from .output import choose

    return choose(table=table, json=as_json, jsonl=as_jsonl, csv=as_csv)


@app.command("events")
def events_command(
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            "-a",
            help="Only events whose source or target is this actor (id, or part of a name).",
        ),
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option(
            "--type", "-t", help="Only this PLOVER type (ASSAULT, SUPPORT, REQUEST, ...)."
        ),
    ] = None,
    modality: Annotated[
        str | None,
        typer.Option(
            "--modality",
            "-m",
            help="Only events that some source reports as asserted, negated, hypothetical, "
            "question, future or reported.",
        ),
    ] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: EventSourceOption = None,
    quad: Annotated[
        int | None,
        typer.Option(
            "--quad",
            help="Only this quad class: 1 verbal cooperation, 2 material cooperation, "
            "3 verbal conflict, 4 material conflict.",
        ),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country", help="Only events placed in this country (ISO 3166 alpha-3: IRQ)."
        ),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", help="Only events an outlet (as stored) reports."),
    ] = None,
    precision: Annotated[
        str | None,
        typer.Option(
            "--precision",
            help="How finely placed: fine, centroid, not_centroid, placed, unplaced, or one of "
            "continent, region, country, admin1, city, facility, within, unknown.",
        ),
    ] = None,
    bbox: Annotated[
        str | None,
        typer.Option("--bbox", help="Only events placed inside west,south,east,north (degrees)."),
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """List who did what to whom: merged events with their date, place, modality, the
    documents that report them and a source sentence (dated events first, oldest first).

    Mentions of one event across sentences and documents are merged; `reported in` names
    the first document and counts the others that report it, and how many of all did not
    copy another. Filters mean the same as in the web app (docs/filters.md).
    Example: `dyad events --actor mek --type ASSAULT --from 2009 --to 2013`;
    `dyad events --modality hypothetical --json` lists what the articles only speculate about;
    `dyad events --quad 4 --country IRQ --precision fine` the material conflict placed below
    the country in Iraq, as the explorer page shows it.
    """
    from .corpus import EventFilter

    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)
    where = EventFilter(actor=actor, type=event_type, modality=modality, date_from=date_from,
                        date_to=date_to, source=source, quad=quad, country=country,
                        outlet=outlet, precision=precision, bbox=bbox)  # fmt: skip
    page = _read(db, lambda c: c.events(where, limit=limit, offset=offset), debug)

    def show(items: list[dict[str, Any]]) -> None:
        t = _text_table(
            "events",
            (("date", 2), ("who did what to whom", 5), ("modality", 2), ("place", 2),
             ("reported in", 2), ("sentence", 6)),
            show_lines=True,
        )  # fmt: skip
        for e in items:
            modality_text = ", ".join(e["modalities"])
            if e["reported_by_name"]:
                modality_text += f" (by {e['reported_by_name']})"
            first = e["mentions"][0] if e["mentions"] else {"doc_id": "", "text": ""}
            docs = f"{first['doc_id'][:8]}" + (
                f" +{e['n_sources'] - 1} ({e['n_independent_sources']} independent)"
                if e["n_sources"] > 1 else ""
            )  # fmt: skip
            who = (
                f"{', '.join(e['source_names']) or '?'} {e['type']} ({e['cameo']}) "
                f"{', '.join(e['target_names']) or '-'}"
            )
            t.add_row(
                e["date"] or "-",
                escape(who),
                escape(modality_text),
                escape(e["place_name"] or "-"),
                docs,
                escape(_clip(first["text"], 160)),
            )
        out.print(t)

    _print_page(
        fmt, page, "events", show, "run `dyad run PATH` first, or loosen the filters", debug=debug
    )


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command("actors")
def actors_command(
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            "-n",
            help="Only actors whose id, name or any alias contains this text; the table then "
            "shows each one's aliases, roles and documents.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", help="Only this kind (person, state, armed_group, party, military, igo, ...)."
        ),
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """List the actors found, most mentioned first, with their aliases and codes.

    Example: `dyad actors --name mojahedin` shows every name the MEK goes by, and where.
    """
    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)

    def ask(corpus: Any) -> tuple[Any, dict[str, dict[str, Any]]]:
        page = corpus.actors(q=name, kind=kind, limit=limit, offset=offset)
        wanted = {d for a in page.items for d in a["doc_ids"]} if name and fmt == "table" else ()
        return page, corpus.document_fields(sorted(wanted))

    page, docs = _read(db, ask, debug)

    def show(items: list[dict[str, Any]]) -> None:
        if name:
            for a in items:
                out.print(
                    f"[bold]{escape(a['name'])}[/]  ({a['kind']}, code {a['code'] or '-'} "
                    f"from {a['code_source']}, id {escape(a['actor_id'])})",
                    highlight=False,
                )
                aliases = ", ".join(f"{x['text']} ×{x['count']}" for x in a["alias_counts"])
                out.print(f"  aliases: {aliases}", highlight=False, markup=False)
                for role in a["roles"]:
                    out.print(f"  role: {_role(role)}", highlight=False, markup=False)
                for doc_id in a["doc_ids"]:
                    title = docs.get(doc_id, {}).get("title") or ""
                    out.print(f"  in {doc_id[:16]}  {title}", highlight=False, markup=False)
            return
        t = _text_table("actors", (("name", 3), ("kind", 1), ("code", 1), ("from", 1),
                                   ("roles", 2), ("mentions", 1), ("events", 1), ("docs", 1),
                                   ("aliases", 4)))  # fmt: skip
        for a in items:
            t.add_row(escape(a["name"]), a["kind"], a["code"] or "", a["code_source"],
                      escape("; ".join(_role(r) for r in a["roles"][:3])), str(a["n_mentions"]),
                      str(a["n_events"]), str(a["n_documents"]),
                      escape(", ".join(a["aliases"][:5])))  # fmt: skip
        out.print(t)

    _print_page(
        fmt, page, "actors", show, "run `dyad run PATH` first, or loosen the filters", debug=debug
    )


def _role(role: dict[str, Any]) -> str:
    when = " … ".join(str(role.get(k) or "") for k in ("start", "end")).strip(" …")
    named = role.get("title") or role.get("code")
    return (
        f"{role.get('sector') or '-'}"
        + (f" ({named})" if named else "")
        + (f" {when}" if when else "")
    )


@app.command("reuse")
def reuse_command(
    doc: Annotated[
        str | None, typer.Option("--doc", "-d", help="Only pairs with this document (id prefix).")
    ] = None,
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share", min=0.0, max=1.0, help="Only pairs where a side copies this share."
        ),
    ] = 0.0,
    passages: Annotated[
        bool, typer.Option("--passages", "-p", help="Print each shared passage.", metavar="")
    ] = False,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """List documents that share text: copied or lightly edited passages, most copied first.

    `share a`/`share b` is the part of each text inside shared passages; `direction` says
    which was published first when both dates are known.
    Example: `dyad reuse --min-share 0.2 --passages`
    """
    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)

    def ask(corpus: Any) -> tuple[Any, dict[str, dict[str, Any]]]:
        page = corpus.reuse(doc=doc, min_share=min_share, limit=limit, offset=offset)
        ids = sorted({r["doc_a"] for r in page.items}) if passages and fmt == "table" else []
        return page, corpus.document_fields(ids, text=True)

    page, texts = _read(db, ask, debug)

    def show(items: list[dict[str, Any]]) -> None:
        t = _text_table("text reuse", (("document a", 3), ("document b", 3), ("share a", 1),
                                       ("share b", 1), ("passages", 1), ("words", 1),
                                       ("direction", 1)))  # fmt: skip
        for r in items:
            t.add_row(
                escape(f"{r['doc_a'][:8]} {r['title_a'] or ''}"),
                escape(f"{r['doc_b'][:8]} {r['title_b'] or ''}"),
                f"{r['share_a']:.0%}",
                f"{r['share_b']:.0%}",
                str(r["n_passages"]),
                str(r["words"]),
                {"a>b": "a first", "b>a": "b first"}.get(r["direction"], "unknown"),
            )
        out.print(t)
        for r in items if passages else []:
            out.print(f"\n[bold]{r['doc_a'][:8]} ↔ {r['doc_b'][:8]}[/]", highlight=False)
            for p in r["passages"]:
                text = texts[r["doc_a"]]["text"][p["a_start"] : p["a_end"]]
                out.print(
                    f"  a {p['a_start']}-{p['a_end']} · b {p['b_start']}-{p['b_end']} "
                    f"({p['words']} words): {_clip(text, 200)}",
                    highlight=False,
                    markup=False,
                )

    _print_page(fmt, page, "document pairs", show,
                "run `dyad run PATH` on more documents, or lower --min-share", debug=debug)  # fmt: skip


@app.command("claims")
def claims_command(
    status: Annotated[
        str | None,
        typer.Option(
            "--status", "-s", help="Only claims with this status: conflict, agree or single."
        ),
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject", "-a", help="Only claims about this actor (id, or part of a name)."
        ),
    ] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """Compare checkable claims across sources: when a group was founded, left or moved to a
    place, how many members or dead. Conflicts come first.

    Values are compared at their precision: "1965" agrees with "the 1960s", "2013" and
    "September 2016" conflict. Example: `dyad claims --status conflict`
    """
    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)
    page = _read(db, lambda c: c.claims(status=status, subject=subject, limit=limit,
                                         offset=offset), debug)  # fmt: skip

    def show(items: list[dict[str, Any]]) -> None:
        t = _text_table("claims", (("subject", 2), ("claim", 2), ("status", 1), ("values", 6)),
                        show_lines=True)  # fmt: skip
        for r in items:
            values = "\n".join(
                f"{v['value']} ({v['precision']}) in {v['doc_id'][:8]}: {_clip(v['sentence'], 110)}"
                for v in r["values"]
            )
            t.add_row(escape(r["subject_name"]), escape(r["attribute"]), r["status"],
                      escape(values))  # fmt: skip
        out.print(t)

    _print_page(
        fmt, page, "claims", show, "run `dyad run PATH` first, or loosen the filters", debug=debug
    )


def _signed(value: float | None) -> str:
    """A sentiment as +0.12, or "-" where no mention of it was scored (labels only)."""
    return "-" if value is None else f"{value:+.2f}"


@app.command("framing")
def framing_command(
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            "-a",
            help="One actor (id, or part of a name): its sources, most hostile first.",
        ),
    ] = None,
    source: EventSourceOption = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: ReadDbOption = None,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    debug: DebugOption = False,
) -> None:
    """How each source labels and judges each actor: the labels it applies ("a terrorist
    cult", "the opposition group") and its sentiment toward the actor, -1 hostile .. +1
    favourable, in its own voice; what it quotes others saying is listed apart under
    "according to" (speaker, mentions, sentiment). Example: `dyad framing --actor mek`
    """
    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)
    page = _read(db, lambda c: c.framing(actor=actor, source=source, limit=limit,
                                          offset=offset), debug)  # fmt: skip

    def show(items: list[dict[str, Any]]) -> None:
        t = _text_table("framing", (("source", 3), ("actor", 2), ("sentiment", 1),
                                    ("mentions", 1), ("labels", 5),
                                    ("according to", 3)), show_lines=True)  # fmt: skip
        for r in items:
            where = r["outlet"] or r["title"] or r["doc_id"][:8]
            quoted = "; ".join(f"{q['speaker']} ({q['n_mentions']}, {_signed(q['sentiment'])})"
                               for q in r["according_to"])  # fmt: skip
            t.add_row(escape(f"{r['doc_id'][:8]} {where}"), escape(r["actor_name"]),
                      _signed(r['sentiment']), str(r["n_mentions"]),
                      escape("; ".join(r["labels"]) or "-"), escape(quoted or "-"))  # fmt: skip
        out.print(t)

    _print_page(fmt, page, "framing rows", show,
                "run `dyad run PATH` first, or check the actor with `dyad actors -n NAME`", debug=debug)  # fmt: skip


ModalityListOption = Annotated[
    list[str] | None,
    typer.Option(
        "--modality",
        "-m",
        help="Events of this modality make edges; repeat for several (setting "
        "network.modalities, default asserted). E.g. -m asserted -m hypothetical.",
    ),
]
SourceListOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        help="Only events reported by this document (id or its first characters) or outlet; "
        "repeat for several.",
    ),
]
TypeListOption = Annotated[
    list[str] | None,
    typer.Option("--type", "-t", help="Only this PLOVER type; repeat for several."),
]
RollupOption = Annotated[
    bool,
    typer.Option(
        "--rollup",
        help="Count the events of a state's officials, forces and government bodies for the "
        "state itself (a leader's only while in office).",
    ),
]

KeepGenericOption = Annotated[
    bool,
    typer.Option(
        "--keep-generic",
        help='Keep a country\'s unnamed forces and people ("U.S. forces", "Americans") as '
        "nodes of their own instead of counting them for the country (setting "
        "network.merge_generic).",
    ),
]


def _sign(value: int) -> str:
    return {1: "[green]+[/]", -1: "[red]−[/]"}.get(value, "0")


@app.command("network")
def network_command(
    db: ReadDbOption = None,
    modality: ModalityListOption = None,
    source: SourceListOption = None,
    event_type: TypeListOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    rollup: RollupOption = False,
    keep_generic: KeepGenericOption = False,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            help="Also slice the network by `year` or `decade` and show how camps and signs "
            "change from one window to the next.",
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", min=1, help="How many relations and triads to show.")
    ] = 10,
    table: TableFlag = False,
    as_json: JsonFlag = False,
    as_jsonl: JsonlFlag = False,
    as_csv: CsvFlag = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """The signed actor network and its structural balance: who is allied with whom, the
    camps, and the relations that do not fit ("the enemy of my enemy is my friend").

    A relation sums the merged events between two actors, both directions: cooperation
    positive, conflict negative, each event weighted by its intensity and its independent
    sources (copies count once). Each relation lists its events per direction and says when
    cooperative and hostile evidence are mixed.
    Example: `dyad network --every decade`; `dyad network -m asserted -m hypothetical`.
    Export it for Gephi with `dyad export network --format gexf -o network.gexf`.
    """
    from .output import write

    fmt = _guard(debug, _choose, table, as_json, as_jsonl, as_csv)
    settings = _guard(debug, _settings, config)
    choices = dict(
        modalities=tuple(modality or ()) or None, types=tuple(event_type or ()),
        date_from=date_from, date_to=date_to, sources=tuple(source or ()), rollup=rollup,
        merge_generic=False if keep_generic else None, top=top, every=every,
    )  # fmt: skip
    result = _read(db, lambda c: c.network(**choices), debug, settings)
    if fmt != "table":
        _guard(debug, write, fmt, result, result["edges"])
        return
    if not result["edges"]:
        out.print(
            "no signed relations: no events with a source and a target actor match; run "
            "`dyad run PATH` first, or widen the filters (e.g. -m asserted -m hypothetical)"
        )
        return
    _print_network(result["summary"], result["edges"], top, _db_path(db, settings))
    if result.get("over_time"):
        _print_slices(result["over_time"])


def _print_network(summary: dict[str, Any], edges: list[dict[str, Any]], top: int, db) -> None:
    f, c = summary["frustration"], summary["census"]
    loo = summary["leave_one_out"]
    facts = Table(title=f"signed actor network in {escape(str(db))}", title_justify="left",
                  show_header=False)  # fmt: skip
    facts.add_column("what", style="bold")
    facts.add_column("value")
    cancelled = f", {summary['unsigned']} cancelled out" if summary["unsigned"] else ""
    facts.add_row(
        "actors, relations",
        f"{summary['nodes']} actors, {summary['edges']} relations, one per pair "
        f"({summary['positive']} friendly, {summary['negative']} hostile{cancelled}; "
        f"{summary['mixed']} with mixed evidence), {summary['components']} connected groups",
    )
    if c["triads"]:
        facts.add_row(
            "triads",
            f"{c['triads']}: +++ {c['+++']}, +-- {c['+--']} (balanced); ++- {c['++-']}, "
            f"--- {c['---']} (unbalanced); {c['balance_ratio']:.0%} balanced",
        )
    bound = "" if f["exact"] else f" (heuristic; at least {f['lower_bound']:.0f})"
    facts.add_row(
        "frustration",
        f"{f['edges']:.0f} relation(s) must change sign for two camps to explain every "
        f"relation{bound}; balance index {f['balance_index']:.2f} (1 = fully balanced)",
    )
    if loo["accuracy"] is not None:
        facts.add_row(
            "triads predict signs",
            f"{loo['accuracy']:.0%} of {loo['covered']} known relations recovered with the "
            f"relation hidden (always-the-commoner-sign: {loo['baseline']:.0%})",
        )
    out.print(facts)
    camps = Table(title="camps (friends inside, enemies across)", title_justify="left")
    camps.add_column("camp", ratio=1)
    camps.add_column("actors, most connected first", ratio=8, overflow="fold")
    for i, members in enumerate(summary["camps"], 1):
        shown = ", ".join(members[:15]) + (
            f" … (+{len(members) - 15})" if len(members) > 15 else ""
        )
        camps.add_row(str(i), escape(shown))
    out.print(camps)
    strongest = Table(title=f"strongest relations (top {top})", title_justify="left")
    for column in ("actor", "sign", "actor", "weight", "events (→, ←)", "period"):
        strongest.add_column(column, overflow="fold")
    for e in edges[:top]:
        period = " … ".join(dict.fromkeys(x for x in (e["first"], e["last"]) if x)) or "-"
        ways = ", ".join(
            f"{e[f'{side}_n_events']} {arrow} {_sign(e[f'{side}_sign'])}"
            for side, arrow in (("forward", "→"), ("reverse", "←")) if e[f"{side}_n_events"]
        )  # fmt: skip
        strongest.add_row(
            escape(e["source_name"]), _sign(e["sign"]) + (" mixed" if e["mixed"] else ""),
            escape(e["target_name"]), f"{e['weight']:.2f}", f"{e['n_events']}: {ways}", period,
        )  # fmt: skip
    out.print(strongest)
    if summary["unbalanced_triads"]:
        triads = Table(title="most unbalanced triads", title_justify="left")
        for column in ("actors", "signs (ab, bc, ac)", "weakest edge"):
            triads.add_column(column, overflow="fold")
        for t in summary["unbalanced_triads"]:
            triads.add_row(
                escape(" · ".join(t["actors"])),
                " ".join(_sign(s) for s in t["signs"]),
                f"{t['weight']:.2f}",
            )
        out.print(triads)


def _print_slices(slices: dict[str, Any]) -> None:
    table = Table(title=f"network by {slices['every']}", title_justify="left", show_lines=True)
    for column in ("window", "actors", "relations", "friendly", "frustration", "camps"):
        table.add_column(column, overflow="fold")
    for w in slices["windows"]:
        table.add_row(
            w["window"], str(w["nodes"]), str(w["edges"]), str(w["positive"]),
            f"{w['frustration']:.2f}",
            escape(" | ".join(", ".join(m[:6]) for m in w["camps"])),
        )  # fmt: skip
    out.print(table)
    for change in slices["changes"]:
        a, b = change["pair"]
        out.print(
            f"{escape(a)} – {escape(b)}: {_sign(change['from'])} in {change['between'][0]}, "
            f"{_sign(change['to'])} in {change['between'][1]}"
        )


@app.command("predict")
def predict_command(
    actor_a: Annotated[str, typer.Argument(help="One actor: id, name or alias.")],
    actor_b: Annotated[str, typer.Argument(help="The other actor.")],
    db: ReadDbOption = None,
    modality: ModalityListOption = None,
    source: SourceListOption = None,
    event_type: TypeListOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    rollup: RollupOption = False,
    keep_generic: KeepGenericOption = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the web API's JSON for the same question.")
    ] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Predict whether two actors are friends or enemies from the rest of the network, with
    the triads that justify it ("both are enemies of Iran").

    The pair's own events are left out of the prediction and shown beside it. With no shared
    neighbour, the camps decide. Example: `dyad predict sadr mek`
    """
    from .output import dumps

    settings = _guard(debug, _settings, config)
    choices = dict(
        modalities=tuple(modality or ()) or None, types=tuple(event_type or ()),
        date_from=date_from, date_to=date_to, sources=tuple(source or ()), rollup=rollup,
        merge_generic=False if keep_generic else None,
    )  # fmt: skip
    p = _read(db, lambda c: c.predict(actor_a, actor_b, **choices), debug, settings)
    if as_json:
        print(dumps(p))
        return
    a, b = escape(p["a"]["name"]), escape(p["b"]["name"])
    verdict = _verdict(p["sign"])
    out.print(f"[bold]{a}[/] and [bold]{b}[/]: predicted {verdict}, score {p['score']:+.2f} "
              f"(from {p['method']})")  # fmt: skip
    if p["observed"] is not None:
        r = p["relation"]
        mixed = f" (mixed: {r['cooperation']:.2f} cooperation, {r['conflict']:.2f} conflict)"
        out.print(f"their own events say: {_verdict(p['observed'])}{mixed if r['mixed'] else ''}")
    for r in p["reasons"]:
        out.print(
            f"  • {escape(r['explanation'])}"
            + (f" (weight {r['weight']:.2f})" if "weight" in r else "")
        )
    if p["method"] == "none":
        out.print("no shared neighbour and no camp links them; widen the network "
                  "(e.g. -m asserted -m hypothetical)")  # fmt: skip


def _verdict(sign: int) -> str:
    return {1: "friends (allies)", -1: "enemies", 0: "undecided"}[sign]


@app.command("eval")
def eval_command(
    sets: Annotated[
        list[str] | None,
        typer.Argument(
            help="Sets to score: plover, petrarch, geo, sentiment, seeds, plv-actors, plv, gtd, ucdp, no-event (default: all)."
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Score this file instead of the set's default data (one set only)."
        ),
    ] = None,
    data_root: Annotated[
        Path | None,
        typer.Option(
            "--data-root",
            help="Folder holding eval/ and corpus/ (default: $DYAD_SHARED, else ../shared).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    confusion: Annotated[
        bool,
        typer.Option("--confusion", help="Also print the event-type confusion matrix (plover)."),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="Pinned floors (default: tests/gold/baseline.json in the checkout)."
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Exit 1 if a score falls below its pinned floor (the CI gate)."
        ),
    ] = False,
    write: Annotated[
        bool,
        typer.Option(
            "--write-baseline",
            help="Pin the scores measured now as the floors (commit the file deliberately).",
        ),
    ] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Score the current pipeline on gold data; one table per set.

    Sets whose data is absent are skipped with the reason; capabilities not built yet are
    reported as "not built". See docs/evaluation.md for what each measure means.

    Example: `dyad eval geo seeds --check`
    """
    from .evaluation import SETS, check_floors, evaluate, load_baseline, write_baseline
    from .evaluation.harness import baseline_path

    settings = _guard(debug, _settings, config)
    names = sets or list(SETS)

    def run_sets():
        with err.status("scoring") as status:
            return evaluate(
                names,
                settings,
                data=data,
                data_root=data_root,
                progress=lambda name: status.update(f"scoring {name}"),
            )

    results = _guard(debug, run_sets)
    pinned_path = baseline or baseline_path()
    pinned = load_baseline(pinned_path)
    if as_json:
        from .output import dumps

        print(dumps([r.to_json() for r in results]))  # dates as ISO text, like every --json
    else:
        for result in results:
            _print_eval(
                result, pinned.get("sets", {}).get(result.name, {}).get("floors", {}), confusion
            )
    if write:
        write_baseline(pinned_path, results)
        err.print(f"pinned the scores above as floors in {pinned_path}")
    if check:
        regressions = check_floors(results, pinned)
        for regression in regressions:
            err.print(f"[red]regression[/] {regression}", highlight=False)
        if regressions:
            raise typer.Exit(1)
        err.print(f"all scores at or above their floors in {pinned_path}")


def _shown(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _print_eval(result: Any, floors: dict[str, float], confusion: bool = False) -> None:
    if result.status != "scored":
        out.print(f"[yellow]{result.name}: skipped[/] ({result.reason})", highlight=False)
        return
    table = Table(
        title=f"{result.name}  ({result.n} items, {result.seconds:.1f} s)", title_justify="left"
    )
    table.add_column("measure")
    table.add_column("score", justify="right")
    table.add_column("floor", justify="right", style="dim")
    for name, value in result.metrics.items():
        shown = (
            f"{value:.3f}"
            if isinstance(value, float)
            else ("[dim]not built[/]" if value == "not built" else str(value))
        )
        table.add_row(name, shown, "" if name not in floors else f"{floors[name]:.3f}")
    out.print(table)
    by_file = result.details.get("by_file")
    if by_file:  # sentiment: the same measures for each file scored, one column a file
        per = Table(title=f"{result.name} by file", title_justify="left")
        per.add_column("measure")
        for name in by_file:
            per.add_column(name, justify="right", overflow="fold")
        for measure in next(iter(by_file.values())):
            per.add_row(measure, *[_shown(row[measure]) for row in by_file.values()])
        out.print(per)
    if confusion and result.name == "plover":
        matrix = result.details.get("confusion")
        if matrix is None:
            out.print("confusion matrix: not built (needs event extraction)")
        else:
            _print_confusion(matrix)


def _print_confusion(matrix: dict[str, dict[str, int]]) -> None:
    predicted = sorted({p for row in matrix.values() for p in row})
    table = Table(title="gold (rows) × predicted (columns)", title_justify="left")
    table.add_column("gold")
    for label in predicted:
        table.add_column(label[:4], justify="right")  # four letters keep 17 columns narrow
    for gold in sorted(matrix):
        table.add_row(gold, *[str(matrix[gold].get(p, "")) for p in predicted])
    out.print(table)


train_app = typer.Typer(
    help="Retrain dyad's learned parts from labelled data.\n\n"
    "Examples: dyad train events --data my_sentences.tsv --out models/events.npz; "
    "dyad train sentiment --out models/sentiment.npz",
    no_args_is_help=True,
)
app.add_typer(train_app, name="train")


@train_app.command("events")
def train_events_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Your labelled sentences, added to the shared ones: a PLV-style .tsv "
            "(marked_sentence with <s>…</s> and <t>…</t>, gold_root) or PLOVER .jsonl.",
        ),
    ] = None,
    data_root: Annotated[
        Path | None,
        typer.Option(
            "--data-root",
            help="Folder holding eval/plv, eval/aw (default: $DYAD_SHARED, else ../shared).",
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--out", help="Where to write the model (.npz)."),
    ] = Path("learned_coder.npz"),
    with_plover: Annotated[
        bool,
        typer.Option(
            "--with-plover",
            help="Also train on eval/plover-gsr/dev.jsonl (then the plover "
            "set no longer measures the learned coder on unseen sentences).",
        ),
    ] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Retrain the learned event coder and print its 5-fold cross-validated PLV scores.

    Reads eval/plv/PLV_train.tsv and eval/aw/AW_train.tsv under the data root with your own
    file, writes the model, and prints pair found, type right when found and triple for the
    learned coder and for the rule coder on the same sentences (docs/events.md).

    Example: `dyad train events --data my_sentences.tsv --out models/events.npz`
    """
    from .evaluation.harness import default_data_root
    from .events.training import FitSettings, train
    from .nlp import load_pipeline

    settings = _guard(debug, _settings, config)

    def run():
        with err.status("training") as status:
            nlp = load_pipeline(settings)
            return train(
                nlp,
                data_root or default_data_root(),
                output,
                extra=data,
                with_plover=with_plover,
                settings=FitSettings.from_settings(settings),
                progress=status.update,
            )

    _print_training(_guard(debug, run), "5-fold cross-validated on PLV")
    err.print(f"wrote {output} (dyad.events.learned.LearnedCoder.load reads it)")


@train_app.command("sentiment")
def train_sentiment_command(
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="NewsMTSC-style .jsonl file (or folder of them) to train on (default: "
            "eval/newsmtsc/newsmtsc.train.jsonl under the data root).",
        ),
    ] = None,
    data_root: Annotated[
        Path | None,
        typer.Option(
            "--data-root",
            help="Folder holding eval/newsmtsc (default: $DYAD_SHARED, else ../shared).",
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--out", help="Where to write the model (.npz)."),
    ] = Path("sentiment_head.npz"),
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Retrain the target-sentiment model and print its cross-validated scores.

    Reads NewsMTSC records (a sentence, its targets' character offsets and their polarity 2, 4
    or 6), encodes each target with MiniLM, prints accuracy, macro-F1 and each class's F1
    cross-validated by sentence on that file, then fits on all of it and writes the model. The
    fitting settings are [train.sentiment] of the configuration; with the defaults and
    ../shared this reproduces the shipped dyad/framing/data/sentiment_head.npz. Use a model
    with the setting nlp.components.dyad_framing.sentiment_model.

    Example: `dyad train sentiment --out models/sentiment.npz`
    """
    from .evaluation.harness import default_data_root
    from .events.learned import use_encoder_settings
    from .framing.train import TRAIN_PATH, FitSettings, train

    settings = _guard(debug, _settings, config)
    use_encoder_settings(settings)  # the encoder the pipeline will run (nlp.encoder_*)
    path = data or (data_root or default_data_root()) / TRAIN_PATH

    def run():
        with err.status("training") as status:
            return train(
                path, output, settings=FitSettings.from_settings(settings), progress=status.update
            )

    fit = FitSettings.from_settings(settings)
    _print_training(
        _guard(debug, run), f"{fit.folds}-fold cross-validated on {path.name} (folds by sentence)"
    )
    err.print(f"wrote {output} (dyad.framing.target.SentimentHead.load reads it)")


@train_app.command("screen")
def train_screen_command(
    labels: Annotated[
        Path | None,
        typer.Option(
            "--labels",
            help="Verdicts on the rule coder's events (corpus<TAB>item<TAB>key<TAB>verdict; "
            "default: training/event_screen_labels.tsv of the dyad checkout).",
        ),
    ] = None,
    test_labels: Annotated[
        Path | None,
        typer.Option(
            "--test-labels",
            help="Verdicts on the events of other texts, never trained on, to score the screen "
            "(default: training/event_screen_test_labels.tsv of the dyad checkout).",
        ),
    ] = None,
    data_root: Annotated[
        Path | None,
        typer.Option(
            "--data-root",
            help="Folder holding the labelled texts: eval/geowebnews, eval/newsmtsc, "
            "eval/gtd-iraq, eval/ucdp-iraq (default: $DYAD_SHARED, else ../shared).",
        ),
    ] = None,
    output: Annotated[
        Path,
        typer.Option("--out", help="Where to write the model (.npz)."),
    ] = Path("event_screen.npz"),
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Retrain the event screen and print its cross-validated scores.

    Runs the rule coder (screen off) over the texts the labels name (GeoWebNews articles,
    NewsMTSC sentences, GTD summaries, UCDP headlines), matches the labelled events (a careful
    coder's verdict: correct, partial, sense or noevent), prints how a screen cross-validated by
    text does at nlp.components.dyad_events.screen_below, fits on every example, prints how it
    does on the test labels (test_ rows) and writes the model. The fitting settings are
    [train.screen]; with the defaults and ../shared this reproduces the shipped
    dyad/events/data/event_screen.npz.

    Example: `dyad train screen --out models/screen.npz`
    """
    from .evaluation.harness import default_data_root
    from .events.screen_train import LABELS_PATH, TEST_LABELS_PATH, FitSettings, train
    from .nlp import load_pipeline

    settings = _guard(debug, _settings, config)
    fit = _guard(debug, FitSettings.from_settings, settings)
    below = float(settings.value("nlp.components.dyad_events.screen_below"))

    def run():
        with err.status("training") as status:
            # the rule coder's events as the labels judged them: no screen, no learned coder
            nlp = load_pipeline(
                settings.with_overrides({"nlp.components.dyad_events.screen_below": 0.0,
                                         "nlp.components.dyad_events.coder": "rules"})
            )  # fmt: skip
            return train(
                nlp, data_root or default_data_root(), output, labels_path=labels or LABELS_PATH,
                test_labels_path=test_labels or TEST_LABELS_PATH, below=below, settings=fit,
                progress=status.update,
            )  # fmt: skip

    _print_training(
        _guard(debug, run),
        f"{fit.folds}-fold cross-validated by text (test_: the test labels), screen_below {below}",
    )
    err.print(f"wrote {output} (dyad.events.screen.EventScreen.load reads it)")


def _print_training(scores: dict[str, Any], title: str) -> None:
    """A `dyad train` command's scores, one row a measure."""
    table = Table(title=title, title_justify="left")
    table.add_column("measure")
    table.add_column("score", justify="right")
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)


@app.command("config")
def config_command(config: ConfigOption = None, debug: DebugOption = False) -> None:
    """Print the effective settings (packaged defaults merged with --config).

    Example: `dyad config > my.cfg`, edit a few values, then `dyad run articles/ -c my.cfg`
    """
    from confection import Config

    settings = _guard(debug, _settings, config)
    out.print(Config(settings.raw).to_str(), markup=False, highlight=False)


def _version(value: bool) -> None:
    if value:
        out.print(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Who did what to whom, when and where, and according to whom."""


def main() -> None:
    app()
