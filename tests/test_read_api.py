"""One truth: the CLI's read commands, the web API, `dyad stats` and the exports give the same
answer to the same question, on a real database (the demo corpus plus a hostile article) served
by a real HTTP server."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.corpus import Corpus, EventFilter
from dyad.export import table_rows
from dyad.store import Store
from test_web import get

runner = CliRunner()


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


# (command and its options, the API route and its query): the same question asked twice
SAME_QUESTION = [
    (["documents"], "/api/documents", {}),
    (["documents", "--source", "Free Iran Observer", "--limit", "2"], "/api/documents",
     {"source": "Free Iran Observer", "limit": 2}),
    (["documents", "--search", "camp"], "/api/documents", {"q": "camp"}),
    (["actors", "--limit", "7", "--offset", "3"], "/api/actors", {"limit": 7, "offset": 3}),
    (["actors", "--name", "mojahedin"], "/api/actors", {"q": "mojahedin"}),
    (["actors", "--kind", "person"], "/api/actors", {"kind": "person"}),
    (["actors", "--name", "_"], "/api/actors", {"q": "_"}),
    (["events"], "/api/events", {}),
    (["events", "--actor", "mek", "--type", "assault"], "/api/events",
     {"actor": "mek", "type": "assault"}),
    (["events", "--from", "2016", "--to", "2016"], "/api/events",
     {"date_from": "2016", "date_to": "2016"}),
    (["events", "--modality", "reported"], "/api/events", {"modality": "reported"}),
    (["events", "--source", "Gulf Wire", "--limit", "5", "--offset", "1"], "/api/events",
     {"source": "Gulf Wire", "limit": 5, "offset": 1}),
    (["events", "--actor", "_"], "/api/events", {"actor": "_"}),
    (["events", "--quad", "4", "--country", "IRQ"], "/api/events", {"quad": "4", "country": "IRQ"}),
    (["events", "--outlet", "Free Iran Observer", "--precision", "fine"], "/api/events",
     {"outlet": "Free Iran Observer", "precision": "fine"}),
    (["events", "--bbox", "40,29,49,38"], "/api/events", {"bbox": "40,29,49,38"}),
    (["reuse"], "/api/reuse", {}),
    (["reuse", "--min-share", "0.25"], "/api/reuse", {"min_share": 0.25}),
    (["claims"], "/api/claims", {}),
    (["claims", "--status", "conflict", "--subject", "mek"], "/api/claims",
     {"status": "conflict", "subject": "mek"}),
    (["framing"], "/api/framing", {}),
    (["framing", "--actor", "mek"], "/api/framing", {"actor": "mek"}),
    (["framing", "--source", "Resistance Axis Daily", "--limit", "3"], "/api/framing",
     {"source": "Resistance Axis Daily", "limit": 3}),
    (["network"], "/api/network", {}),
    (["network", "-m", "asserted", "-m", "hypothetical", "--every", "decade", "--top", "3"],
     "/api/network", {"modality": ["asserted", "hypothetical"], "every": "decade", "top": 3}),
    (["network", "--source", "Free Iran Observer", "--source", "Gulf Wire", "--keep-generic",
      "--rollup", "--from", "2010"], "/api/network",
     {"source": ["Free Iran Observer", "Gulf Wire"], "keep_generic": "true", "rollup": "true",
      "date_from": "2010"}),
    (["predict", "usa", "iran"], "/api/predict", {"a": "usa", "b": "iran"}),
    (["predict", "sadr", "mek", "-t", "ASSAULT", "-t", "ACCUSE"], "/api/predict",
     {"a": "sadr", "b": "mek", "type": ["ASSAULT", "ACCUSE"]}),
]  # fmt: skip


@pytest.mark.parametrize(("args", "route", "query"), SAME_QUESTION,
                         ids=[" ".join(a) for a, _, _ in SAME_QUESTION])  # fmt: skip
def test_cli_json_equals_the_api_json(web_db: Path, server: str, args, route, query) -> None:
    code, stdout, stderr = cli(web_db, *args, "--json")
    assert code == 0, stderr
    status, body, _ = get(f"{server}{route}?{urlencode(query, doseq=True)}")
    assert status == 200, body
    assert json.loads(stdout) == body
    if "items" in body:  # a page says how to reach the rest
        assert body["total"] == len(body["items"]) or body["next_offset"] is not None


def test_the_same_questions_find_something(web_db: Path) -> None:
    """A guard on the test above: equal answers that are all empty would prove little."""
    with Corpus(web_db) as corpus:
        assert corpus.events(limit=1).total > 50
        assert corpus.actors(q="mojahedin").total >= 1
        assert corpus.claims(status="conflict", subject="mek").total >= 1
        assert corpus.reuse(min_share=0.25).total >= 1
        assert len(corpus.network()["edges"]) > 10
        assert len(corpus.network(every="decade")["over_time"]["windows"]) >= 2
        assert corpus.events(EventFilter(modality="reported")).total >= 1
        assert corpus.events(EventFilter(quad=4, country="IRQ")).total >= 1
        assert corpus.events(EventFilter(outlet="Free Iran Observer", precision="fine")).total >= 1
        inside = corpus.events(EventFilter(bbox="40,29,49,38")).total  # Iraq's box
        assert 1 <= inside < corpus.events().total
        # an underscore is a character, not LIKE's one-character wildcard
        assert corpus.actors(q="_").total == 0
        hits = corpus.events(EventFilter(actor="_"), limit=500).items
        assert all("_" in "".join(e["source_names"] + e["target_names"]) for e in hits)
        assert len(hits) < corpus.events().total


def test_jsonl_and_csv_carry_the_same_rows(web_db: Path) -> None:
    code, as_json, _ = cli(web_db, "events", "--limit", "20", "--json")
    assert code == 0
    items = json.loads(as_json)["items"]
    code, as_jsonl, _ = cli(web_db, "events", "--limit", "20", "--jsonl")
    assert code == 0 and [json.loads(line) for line in as_jsonl.splitlines()] == items
    code, as_csv, _ = cli(web_db, "events", "--limit", "20", "--csv")
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert code == 0 and [r["event_id"] for r in rows] == [e["event_id"] for e in items]
    assert [json.loads(r["source_ids"]) for r in rows] == [e["source_ids"] for e in items]


def test_one_output_format_at_a_time(web_db: Path) -> None:
    code, _, stderr = cli(web_db, "actors", "--json", "--csv")
    assert code == 2 and "--json or --csv" in stderr


@pytest.mark.parametrize(("args", "route", "query"), [
    (["events", "--from", "yesterday"], "/api/events", {"date_from": "yesterday"}),
    (["events", "--to", "2016-13"], "/api/events", {"date_to": "2016-13"}),
    (["events", "--type", "PARTY"], "/api/events", {"type": "PARTY"}),
    (["events", "--quad", "5"], "/api/events", {"quad": "5"}),
    (["events", "--country", "Iraq"], "/api/events", {"country": "Iraq"}),
    (["events", "--precision", "street"], "/api/events", {"precision": "street"}),
    (["events", "--bbox", "1,2,3"], "/api/events", {"bbox": "1,2,3"}),
    (["actors", "--kind", "bogus"], "/api/actors", {"kind": "bogus"}),
    (["claims", "--status", "maybe"], "/api/claims", {"status": "maybe"}),
    (["network", "-m", "maybe"], "/api/network", {"modality": "maybe"}),
    (["network", "--from", "last week"], "/api/network", {"date_from": "last week"}),
])  # fmt: skip
def test_a_bad_filter_is_refused_by_both(web_db: Path, server: str, args, route, query) -> None:
    code, stdout, stderr = cli(web_db, *args)
    assert code == 2 and stdout == "" and len(stderr.strip().splitlines()) == 1, stderr
    status, body, _ = get(f"{server}{route}?{urlencode(query)}")
    assert status == 400 and body["error"]["status"] == 400


def test_counts_mean_one_thing(web_db: Path, server: str) -> None:
    code, stdout, _ = cli(web_db, "stats", "--json")
    assert code == 0
    stats = json.loads(stdout)
    _, overview, _ = get(f"{server}/api/overview")
    with Store(web_db, read_only=True) as store:
        exported = {t: len(table_rows(store, t)) for t in ("documents", "actors", "events")}
        mentions = store.con.execute("select count(*) from events").fetchone()[0]
    for what in ("documents", "actors", "events"):
        assert stats[what] == overview[what] == exported[what], what
    # events are merged: fewer than their mentions on this corpus (copied passages repeat them)
    assert stats["events"] < stats["event_mentions"] == mentions


def test_every_actor_an_event_names_is_listed(web_db: Path) -> None:
    with Corpus(web_db) as corpus:
        listed = {a["actor_id"] for a in _every(corpus.actors)}
        named = {i for e in _every(corpus.events) for i in e["source_ids"] + e["target_ids"]}
    assert named and named <= listed


def _every(page_of) -> list[dict]:
    rows, offset = [], 0
    while offset is not None:
        page = page_of(limit=500, offset=offset)
        rows += page.items
        offset = page.next_offset
    return rows


def test_a_busy_port_is_one_line_and_exit_2(web_db: Path, dyad_cmd) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            [*dyad_cmd, "serve", "--db", str(web_db), "--port", str(port)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Serving" not in result.stdout
    (line,) = result.stderr.strip().splitlines()
    assert f"port {port}" in line and "in use" in line and "--port" in line


def test_read_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    for command in ("documents", "actors", "events", "reuse", "claims", "framing", "stats"):
        code, _, stderr = cli(tmp_path / "none.duckdb", command)
        assert code == 2 and "does not exist" in stderr and "dyad run" in stderr, command
    assert not (tmp_path / "none.duckdb").exists()


def test_every_command_has_an_example_and_no_type_noise() -> None:
    import typer

    commands = sorted(typer.main.get_command(app).commands)
    assert {"documents", "actors", "events", "reuse", "claims", "framing", "network"} <= set(
        commands
    )
    for name in commands:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, f"dyad {name} --help shows no example"
        assert "<bool>" not in result.stdout, name


def test_the_read_model_builds_only_what_a_question_needs(web_db: Path) -> None:
    with Corpus(web_db) as corpus:
        assert corpus.actors(limit=3).total > 3
        assert "x_actors" in corpus._built and "x_framing" not in corpus._built
        first = corpus.framing(limit=5).items
        assert "x_framing" in corpus._built
        corpus.prepare()
        assert corpus._built == set(corpus._statements)
        assert corpus.framing(limit=5).items == first  # building more changes no answer


def test_export_through_the_read_api_equals_the_store_export(web_db: Path, tmp_path: Path) -> None:
    with Corpus(web_db) as corpus:
        n = corpus.export("events", "jsonl", tmp_path / "events.jsonl")
        rows = corpus.table_rows("actors")
    with Store(web_db, read_only=True) as store:
        assert rows == table_rows(store, "actors")
        events = table_rows(store, "events")
    written = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert n == len(written) == len(events) > 50
    assert [e["event_id"] for e in written] == [e["event_id"] for e in events]
