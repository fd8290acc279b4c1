"""The CLI as a user runs it: real processes, real files, exit codes and one-line errors."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ARTICLE, lock_held, write

DOCUMENT_KEYS = [
    "doc_id",
    "title",
    "author",
    "published",
    "outlet",
    "url",
    "path",
    "n_words",
    "sha256",
]


def dyad(cmd: list[str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    import sys

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = dyad([sys.executable, "-m", "dyad"], "demo", "--db", str(db))
    return db, result


def test_demo_ends_with_a_summary_and_next_steps(demo_db) -> None:
    db, result = demo_db
    assert result.returncode == 0, result.stderr
    assert "stored" in result.stdout and "10" in result.stdout
    assert "outlets" in result.stdout
    assert f"dyad stats --db {db}" in " ".join(result.stdout.split())
    assert result.stderr.count("failed") == 0


def test_demo_corpus_has_the_promised_variety(demo_db) -> None:
    import duckdb

    db, _ = demo_db
    con = duckdb.connect(str(db), read_only=True)
    formats = dict(con.execute("select format, count(*) from documents group by 1").fetchall())
    assert set(formats) == {"txt", "html", "jsonl", "csv"}
    assert con.execute("select count(distinct outlet) from documents").fetchone()[0] >= 3
    assert con.execute("select count(*) from documents where published is null").fetchone()[0] == 0
    titles = [r[0] for r in con.execute("select title from documents").fetchall()]
    assert any(t.endswith("?") for t in titles)  # a headline question
    assert (
        con.execute('select count(*) from documents where len("references") > 0').fetchone()[0] >= 1
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_documents(demo_db, dyad_cmd, tmp_path: Path, fmt: str) -> None:
    db, _ = demo_db
    out = tmp_path / f"docs.{fmt}"
    result = dyad(
        dyad_cmd, "export", "documents", "--db", str(db), "--format", fmt, "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 10
    assert list(rows[0])[: len(DOCUMENT_KEYS)] == DOCUMENT_KEYS
    assert all(len(r["sha256"]) == 64 for r in rows)


def test_export_to_stdout_and_wrong_formats(demo_db, dyad_cmd) -> None:
    db, _ = demo_db
    result = dyad(dyad_cmd, "export", "documents", "--db", str(db), "-o", "-")
    assert len(result.stdout.splitlines()) == 10
    result = dyad(dyad_cmd, "export", "network", "--db", str(db), "-f", "gexf", "-o", "-")
    assert result.returncode == 2 and "--output FILE" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = dyad(dyad_cmd, "export", "network", "--db", str(db), "-o", "-")
    edges = [json.loads(line) for line in result.stdout.splitlines()]
    assert edges and {e["sign"] for e in edges} == {-1, 1}
    result = dyad(dyad_cmd, "export", "events", "--db", str(db), "-f", "geojson", "-o", "-")
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and feature["properties"]["type"]
    result = dyad(dyad_cmd, "export", "actors", "--db", str(db), "-f", "geojson", "-o", "-")
    assert result.returncode == 2 and "GeoJSON holds the events" in result.stderr


def test_stats(demo_db, dyad_cmd) -> None:
    db, _ = demo_db
    result = dyad(dyad_cmd, "stats", "--db", str(db))
    assert (
        result.returncode == 0
        and "documents" in result.stdout
        and "last run #1 (demo" in result.stdout
    )


def test_bad_inputs_one_line_each_rest_stored(tmp_path: Path, dyad_cmd) -> None:
    folder = tmp_path / "in"
    write(folder / "good.txt", ARTICLE)
    write(folder / "binary.txt", b"%PDF-1.4\n\x00\x01\x02")
    write(folder / "empty.html", "")
    write(folder / "lines.jsonl", '{"text": "' + "word " * 30 + '"}\nnot json\n')
    db = tmp_path / "t.duckdb"
    result = dyad(dyad_cmd, "run", str(folder), str(tmp_path / "missing"), "--db", str(db))
    assert result.returncode == 1
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("failed", "skipped"))
    ]
    assert len(problems) == 4, result.stderr
    assert any("binary.txt" in p and "PDF" in p for p in problems)
    assert any("lines.jsonl:2" in p and "malformed JSON" in p for p in problems)
    assert any("missing" in p and "does not exist" in p for p in problems)
    assert any("empty.html" in p and "empty file" in p for p in problems)
    assert "Traceback" not in result.stderr
    assert "stored" in result.stdout


def test_not_a_database(tmp_path: Path, dyad_cmd) -> None:
    db = write(tmp_path / "notes.duckdb", "my notes")
    result = dyad(dyad_cmd, "run", str(write(tmp_path / "a.txt", ARTICLE)), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error [D201] {db} exists but is not a DuckDB database; choose another file with --db"
    ]


def test_unknown_setting_in_config_file(tmp_path: Path, dyad_cmd) -> None:
    cfg = write(tmp_path / "my.cfg", '[nlp]\nmodle = "en_core_web_sm"\n')
    result = dyad(dyad_cmd, "config", "--config", str(cfg))
    assert result.returncode == 2 and "unknown setting 'nlp.modle'" in result.stderr


def test_missing_model_says_how_to_fix(tmp_path: Path, dyad_cmd) -> None:
    result = dyad(
        dyad_cmd,
        "run",
        str(write(tmp_path / "a.txt", ARTICLE)),
        "--db",
        str(tmp_path / "t.duckdb"),
        "--model",
        "en_core_web_nonexistent",
    )
    assert (
        result.returncode == 2
        and "is not installed" in result.stderr
        and "pip install" in result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        "run",
        "ingest",
        "analyse",
        "demo",
        "stats",
        "export",
        "config",
        "reuse",
        "claims",
        "framing",
        "network",
        "predict",
    ],
)
def test_every_command_has_help(dyad_cmd, command: str) -> None:
    result = dyad(dyad_cmd, command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout and "--debug" in result.stdout


def test_database_locked_by_another_process(tmp_path: Path, dyad_cmd) -> None:
    db = tmp_path / "busy.duckdb"
    with lock_held(db) as pid:
        result = dyad(dyad_cmd, "run", str(write(tmp_path / "a.txt", ARTICLE)), "--db", str(db))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error [D202]") and f"process {pid}" in line


def test_default_database_is_the_store_path_setting(tmp_path: Path, dyad_cmd) -> None:
    result = dyad(dyad_cmd, "ingest", str(write(tmp_path / "in" / "a.txt", ARTICLE)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dyad.duckdb").exists()
    cfg = write(tmp_path / "my.cfg", '[store]\npath = "elsewhere.duckdb"\n')
    result = dyad(dyad_cmd, "ingest", str(tmp_path / "in"), "--config", str(cfg), cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "elsewhere.duckdb").exists()


def test_demo_contradiction_is_flagged(demo_db) -> None:
    """The demo corpus dates the MEK's departure from Iraq twice (ABOUT.md): Resistance Axis
    says Iraq expelled it in 2013, the Meridian Wire that its last members left on 9 September
    2016. The claims must flag that, and only that, as a conflict."""
    import duckdb

    db, _ = demo_db
    con = duckdb.connect(str(db), read_only=True)
    conflicts = con.execute(
        "select subject, attribute from claims where status = 'conflict'"
    ).fetchall()
    assert conflicts == [("mek", "left Iraq")]
    values = {r[0] for r in con.execute(
        "select value from claim_values where subject = 'mek' and attribute = 'left Iraq'"
    ).fetchall()}  # fmt: skip
    assert values == {"2013", "2016-09-09"}


def test_demo_says_how_to_open_the_app_and_serve_serves_it(demo_db, dyad_cmd) -> None:
    import json
    import time
    import urllib.request

    from dyad.web.server import free_port

    db, result = demo_db
    assert f"dyad serve --db {db}" in " ".join(result.stdout.split())
    port = free_port()
    server = subprocess.Popen(
        [*dyad_cmd, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview") as r:
                    body = json.load(r)
            except OSError:
                time.sleep(0.3)
        assert body is not None, server.stderr.read() if server.poll() is not None else "no answer"
        assert body["documents"] == 10 and body["events"] > 50 and body["conflicts"] >= 1
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"read-only at http://127.0.0.1:{port}" in " ".join(out.split())


def test_framing_lists_quoted_speakers_apart_from_the_outlets_voice(demo_db, dyad_cmd) -> None:
    import json

    db, _ = demo_db
    result = dyad(dyad_cmd, "framing", "--db", str(db), "--actor", "mek", "--json")
    rows = json.loads(result.stdout)["items"]
    quoting = [r for r in rows if r["according_to"]]
    assert quoting, "the demo's outlets quote others on the MEK"
    for r in rows:  # each speaker's mentions are the row's quoted ones
        assert sum(q["n_mentions"] for q in r["according_to"]) == r["n_quoted"]
    table = dyad(dyad_cmd, "framing", "--db", str(db), "--actor", "mek", "--table").stdout
    flat = " ".join(table.split())
    assert "according" in flat
    first = quoting[0]["according_to"][0]["speaker"].split()[-1]
    assert first in flat


def test_the_demo_outlets_read_the_way_they_were_written(demo_db) -> None:
    """Issue #29: among the demo's outlets, the one written to defend the MEK is the least
    negative toward it and the one written for Tehran the most, in their own voice (mean
    sentiment by outlet, as the actor view and the sources page show it). The sentiment model
    is trained on NewsMTSC only, never on the demo's articles."""
    from dyad.config import load_settings
    from dyad.corpus import Corpus

    db, _ = demo_db
    with Corpus(db, settings=load_settings()) as corpus:
        by_outlet = {f["outlet"]: f["sentiment"] for f in corpus.actor("mek")["framing_by_outlet"]}
    assert min(by_outlet, key=by_outlet.get) == "Resistance Axis Daily", by_outlet
    assert max(by_outlet, key=by_outlet.get) == "Free Iran Observer", by_outlet
