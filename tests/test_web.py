"""The JSON API over real HTTP: a uvicorn server on a loopback socket, a real DuckDB file."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dyad.corpus import Corpus, EventFilter, segments
from dyad.errors import DyadError
from dyad.web.server import is_loopback


def get(
    url: str, *, method: str = "GET", headers: dict[str, str] | None = None
) -> tuple[int, Any, dict]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            status, head = response.status, dict(response.headers)
    except urllib.error.HTTPError as err:
        body, status, head = err.read(), err.code, dict(err.headers)
    if head.get("content-type", "").startswith("application/json"):
        return status, json.loads(body), head
    return status, body.decode("utf-8"), head


@pytest.fixture(scope="module")
def corpus(web_db: Path):
    with Corpus(web_db) as c:
        yield c


def all_events(web_db: Path) -> list[dict[str, Any]]:
    from dyad.export import table_rows
    from dyad.store import Store

    with Store(web_db, read_only=True) as store:
        return table_rows(store, "events")


def test_events_endpoint_mirrors_the_export(server, web_db) -> None:
    exported = all_events(web_db)
    seen, offset = [], 0
    while offset is not None:
        status, body, _ = get(f"{server}/api/events?limit=40&offset={offset}")
        assert status == 200
        assert body["total"] == len(exported)
        seen += body["items"]
        offset = body["next_offset"]
    assert sorted(e["event_id"] for e in seen) == sorted(e["event_id"] for e in exported)
    by_id = {e["event_id"]: e for e in exported}
    contract = ["event_id", "type", "mode", "cameo", "quad", "intensity", "source_ids", "target_ids",
                "source_names", "target_names", "date", "date_precision", "date_start", "date_end",
                "place_name", "lat", "lon", "country", "modality", "reported_by", "confidence",
                "mentions"]  # fmt: skip
    for e in seen:
        want = by_id[e["event_id"]]
        for key in contract:
            assert e[key] == json.loads(json.dumps(want[key], default=str)), key


def test_event_filters_agree_with_a_scan_of_the_export(server, web_db) -> None:
    exported = all_events(web_db)

    def ids(query: str) -> set[str]:
        status, body, _ = get(f"{server}/api/events?limit=500&{query}")
        assert status == 200, body
        assert body["total"] == len(body["items"])
        return {e["event_id"] for e in body["items"]}

    assert ids("actor=mek") == {
        e["event_id"] for e in exported if "mek" in e["source_ids"] + e["target_ids"]
        or any("mek" in n.lower() for n in e["source_names"] + e["target_names"])
    }  # fmt: skip
    assert ids("type=ASSAULT") == {e["event_id"] for e in exported if e["type"] == "ASSAULT"}
    hypothetical = {e["event_id"] for e in exported if "hypothetical" in e["modalities"]}
    assert hypothetical and ids("modality=hypothetical") == hypothetical
    in_2003 = {
        e["event_id"] for e in exported
        if e["date_start"] and str(e["date_start"]) <= "2003-12-31" and str(e["date_end"]) >= "2003"
    }  # fmt: skip
    assert in_2003 and ids("date_from=2003&date_to=2003") == in_2003
    outlet = "The Meridian Wire"
    docs = set(duckdb.connect(str(web_db), read_only=True).execute(
        "select doc_id from documents where outlet = ?", [outlet]).fetchall())  # fmt: skip
    from_outlet = {e["event_id"] for e in exported if {(d,) for d in e["doc_ids"]} & docs}
    assert from_outlet and ids("source=The%20Meridian%20Wire") == from_outlet


def test_hostile_filter_strings_are_values_not_sql(server) -> None:
    for text in ["' or 1=1 --", "%", "_%_zz", "mek'; drop table events; --", "\\"]:
        status, body, _ = get(f"{server}/api/events?actor={urllib.request.quote(text)}")
        assert status == 200 and body["total"] == 0, text
    status, body, _ = get(f"{server}/api/events")
    assert status == 200 and body["total"] > 0  # nothing was dropped


def test_errors_have_one_shape(server) -> None:
    cases = {
        "/api/events?limit=501": 400,
        "/api/events?limit=0": 400,
        "/api/events?offset=-1": 400,
        "/api/events?type=PARADE": 400,
        "/api/events?modality=sarcastic": 400,
        "/api/events?date_from=yesterday": 400,
        f"/api/events?actor={'x' * 201}": 400,
        "/api/actors/no-such-actor": 404,
        "/api/documents/0000000000000000": 404,
        "/api/events/nope:0": 404,
        "/api/no-such-route": 404,
        "/api/claims?status=maybe": 400,
    }
    for path, expected in cases.items():
        status, body, head = get(server + path)
        assert status == expected, path
        assert head["content-type"].startswith("application/json")
        assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == expected and body["error"]["message"]


def test_the_app_only_reads(server, web_db) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        status, body, _ = get(f"{server}/api/events", method=method)
        assert status == 405 and body["error"]["code"] == "method_not_allowed"
    # the database file stays writable by others only once the server is gone; the app itself
    # attached it read-only, so DuckDB refuses writes through the app's connection
    status, body, _ = get(f"{server}/api/overview")
    assert status == 200


def test_foreign_host_header_is_refused(server) -> None:
    status, body, _ = get(f"{server}/api/overview", headers={"Host": "attacker.example"})
    assert status == 400 and body["error"]["code"] == "bad_host"
    status, _, _ = get(f"{server}/api/overview", headers={"Host": "localhost:1234"})
    assert status == 200


def test_security_headers_on_every_response(server) -> None:
    for path in ("/", "/api/overview", "/static/dyad.js", "/api/nothing"):
        _, _, head = get(server + path)
        csp = head["content-security-policy"]
        assert (
            "script-src 'self'" in csp
            and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        )
        assert head["x-content-type-options"] == "nosniff"


def test_openapi_documents_every_api_route(server) -> None:
    status, spec, _ = get(f"{server}/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    for route in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
                  "/api/documents", "/api/documents/{doc_id}", "/api/network", "/api/map",
                  "/api/timeline", "/api/reuse", "/api/claims", "/api/framing", "/api/sources",
                  "/api/overview", "/api/claims/{claim_id}"):  # fmt: skip
        assert route in paths, route
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {
        "actor",
        "type",
        "modality",
        "date_from",
        "date_to",
        "source",
        "limit",
        "offset",
    } <= params
    assert not any(p.startswith(("/docs", "/redoc")) for p in paths)
    status, page, _ = get(f"{server}/api-docs")
    assert status == 200 and "/api/events" in page


def test_the_plain_api_reference_sets_quoted_words_as_code(server) -> None:
    """/api-docs renders the document's markdown quotes as <code>, escaped: no raw backtick
    shows, and the descriptions' own markup characters stay text."""
    from html.parser import HTMLParser

    from dyad.web.app import inline_code

    assert inline_code("sort key, `-` first") == "sort key, <code>-</code> first"
    assert inline_code("a ``<b>`` & `<i>x</i>`") == (
        "a <code>&lt;b&gt;</code> &amp; <code>&lt;i&gt;x&lt;/i&gt;</code>"
    )
    assert inline_code("no quotes <here>") == "no quotes &lt;here&gt;"  # nothing set as code
    assert inline_code("one ` alone") == "one ` alone"
    assert inline_code(None) == ""

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.text: list[str] = []
            self.codes: list[str] = []
            self._in_code = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self._in_code = tag == "code"

        def handle_endtag(self, tag: str) -> None:
            self._in_code = False

        def handle_data(self, data: str) -> None:
            self.text.append(data)
            if self._in_code:
                self.codes.append(data)

    status, page, _ = get(f"{server}/api-docs")
    assert status == 200
    parsed = Text()
    parsed.feed(page)
    assert "`" not in "".join(parsed.text)
    assert {"limit", "offset", "-", '{"error": {"status", "code", "message"}}'} <= set(parsed.codes)


def test_network_endpoint_matches_the_network_export(server, web_db) -> None:
    from dyad.export import table_rows
    from dyad.store import Store

    status, body, _ = get(f"{server}/api/network")
    assert status == 200
    with Store(web_db, read_only=True) as store:
        edges = table_rows(store, "network")
    key = lambda e: (e["source"], e["target"], e["sign"], round(e["weight"], 9))  # noqa: E731
    assert sorted(map(key, body["edges"])) == sorted(map(key, edges))
    assert {n["actor_id"] for n in body["nodes"]} == {e["source"] for e in edges} | {
        e["target"] for e in edges
    }
    assert any(n["camp"] is not None for n in body["nodes"])
    status, narrow, _ = get(f"{server}/api/network?date_to=1990")
    assert status == 200 and len(narrow["edges"]) < len(body["edges"])


def test_map_endpoint_is_geojson_of_placed_events(server) -> None:
    status, body, _ = get(f"{server}/api/map")
    assert status == 200 and body["type"] == "FeatureCollection" and body["features"]
    for f in body["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_corpus_document_segments_cover_the_text(corpus) -> None:
    doc_id = corpus.reuse(limit=1).items[0]["doc_a"]
    doc = corpus.document(doc_id)
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    assert any(s["copied"] for s in doc["segments"])  # the copied passage is marked
    for m in doc["mentions"]:
        covered = [s for s in doc["segments"] if m["start"] <= s["start"] < m["end"]]
        assert covered and all(s["actor_id"] for s in covered)


def test_segments_of_overlapping_highlights() -> None:
    text = "Iraq attacked Camp Ashraf."
    mentions = [{"start": 0, "end": 4, "actor_id": "irq", "actor_name": "Iraq"}]
    events = [{"trigger_start": 5, "trigger_end": 13, "event_id": "e1", "type": "ASSAULT"}]
    reuse = [{"other": "d2", "passages": [{"start": 0, "end": 13}]}]
    pieces = segments(text, mentions, events, reuse)
    assert [p["text"] for p in pieces] == ["Iraq", " ", "attacked", " Camp Ashraf."]
    assert [p["actor_id"] for p in pieces] == ["irq", None, None, None]
    assert [p["event_id"] for p in pieces] == [None, None, "e1", None]
    assert [p["copied"] for p in pieces] == [["d2"], ["d2"], ["d2"], []]


def test_corpus_refuses_bad_paging_and_names(corpus, tmp_path) -> None:
    with pytest.raises(DyadError, match="limit"):
        corpus.events(limit=10_000)
    with pytest.raises(DyadError, match="unknown type"):
        corpus.events(EventFilter(type="PARADE"))
    with pytest.raises(DyadError, match="does not exist"):
        Corpus(tmp_path / "missing.duckdb")


def test_loopback_names() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_actor_search_and_actor_view(server) -> None:
    status, body, _ = get(f"{server}/api/actors?q=mojahedin")
    assert status == 200 and body["items"][0]["actor_id"] == "mek"  # found by an alias
    status, body, _ = get(f"{server}/api/actors?q=PMOI")
    assert [a["actor_id"] for a in body["items"]] == ["mek"]
    status, mek, _ = get(f"{server}/api/actors/mek")
    assert status == 200 and mek["name"] and "MKO" in mek["aliases"]
    outlets = {f["outlet"] for f in mek["framing_by_outlet"]}
    assert {"Free Iran Observer", "Resistance Axis Daily"} <= outlets
    relations = {r["actor_id"]: r for r in mek["relations"]}
    assert relations["irn"]["conflict"] > 0  # Iran and the MEK fight in the demo articles
    assert sum(y["n"] for y in mek["by_year"]) <= mek["n_events"]


def test_documents_page_through_the_corpus(server, web_db) -> None:
    n = duckdb.connect(str(web_db), read_only=True).execute(
        "select count(*) from documents where is_current").fetchone()[0]  # fmt: skip
    first = get(f"{server}/api/documents?limit=4")[1]
    second = get(f"{server}/api/documents?limit=4&offset=4")[1]
    assert first["total"] == n and first["next_offset"] == 4
    assert not {d["doc_id"] for d in first["items"]} & {d["doc_id"] for d in second["items"]}
    published = [d["published"] for d in first["items"] + second["items"]]
    assert published == sorted(published)
    doc = get(f"{server}/api/documents/{first['items'][0]['doc_id']}")[1]
    assert (
        doc["text"]
        and doc["mentions"]
        and "".join(s["text"] for s in doc["segments"]) == doc["text"]
    )


def test_claim_detail_has_every_value(server) -> None:
    listed = get(f"{server}/api/claims?limit=500")[1]["items"]
    assert listed
    for c in listed:
        status, whole, _ = get(
            f"{server}/api/claims/{urllib.request.quote(c['claim_id'], safe='')}"
        )
        assert status == 200 and len(whole["values"]) == whole["n_values"] >= len(c["values"])


def test_no_parameter_value_breaks_a_route(server) -> None:
    """Any string in any query parameter of any API route: a 200 or an error the route
    declares (400, or 404 where a name may match nothing) in the one error shape, never a 500
    (hypothesis picks the strings)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    spec = get(f"{server}/openapi.json")[1]
    calls = [
        (route, p["name"])
        for route, ops in spec["paths"].items()
        if "{" not in route
        for p in ops["get"].get("parameters", [])
    ]
    declared = {
        route: {int(s) for s in ops["get"]["responses"]} for route, ops in spec["paths"].items()
    }
    assert len(calls) > 30

    @settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(st.sampled_from(calls), st.text(max_size=40))
    def check(call: tuple[str, str], value: str) -> None:
        route, name = call
        status, body, _ = get(f"{server}{route}?{urllib.parse.urlencode({name: value})}")
        assert status in declared[route], (route, name, value, body)
        if status != 200:
            assert set(body["error"]) == {"status", "code", "message"}

    check()


# -- browsable tables (dyad.browse, web/tables.py): sort, facets, downloads, search ---------


def _all_rows(server: str, table: str, query: str = "") -> list[dict[str, Any]]:
    rows, offset = [], 0
    while offset is not None:
        status, body, _ = get(f"{server}/api/tables/{table}?limit=100&offset={offset}&{query}")
        assert status == 200, body
        rows += body["items"]
        offset = body["next_offset"]
    return rows


def test_a_whitelisted_sort_key_orders_the_rows(server) -> None:
    unsorted = _all_rows(server, "actors")
    by_events = _all_rows(server, "actors", "sort=-n_events")
    assert sorted(a["actor_id"] for a in by_events) == sorted(a["actor_id"] for a in unsorted)
    counts = [a["n_events"] for a in by_events]
    assert counts == sorted(counts, reverse=True) and counts != [a["n_events"] for a in unsorted]
    names = [a["name"] for a in _all_rows(server, "actors", "sort=name")]
    assert names == sorted(names)
    dates = [e["date_start"] for e in _all_rows(server, "events", "sort=-date") if e["date_start"]]
    assert dates == sorted(dates, reverse=True)


def test_an_unknown_sort_key_is_a_400_not_sql(server, corpus) -> None:
    for sort in ("rn", "event_id; drop table x_events", "n_events desc", "-", "1", "--x"):
        status, body, _ = get(
            f"{server}/api/tables/actors?{urllib.parse.urlencode({'sort': sort})}"
        )
        assert status == 400 and body["error"]["message"].startswith("sort"), sort
        status, _, _ = get(f"{server}/actors?{urllib.parse.urlencode({'sort': sort})}")
        assert status == 400, sort
    # the read API refuses it too, whoever calls it
    with pytest.raises(DyadError, match="cannot sort by"):
        corpus.browse("actors", sort="n_events; drop table x_actors")
    with pytest.raises(DyadError, match="unknown filter"):
        corpus.browse("actors", {"name = name or 1": "x"})
    with pytest.raises(DyadError, match="no table"):
        corpus.browse("store.documents")
    assert get(f"{server}/api/tables/actors")[1]["total"] > 0  # nothing dropped


def test_facet_counts_equal_the_rows(server) -> None:
    """Each facet value's count is the number of rows that choosing it keeps, and the number
    of rows (read from the unfiltered download) that have the value."""
    from dyad.browse import VIEWS

    checked = 0
    for table, view in VIEWS.items():
        status, body, _ = get(f"{server}/api/tables/{table}/download?format=json")
        assert status == 200
        for name, facet in view.facets.items():
            for item in get(f"{server}/api/tables/{table}?limit=1")[1]["facets"][name][:4]:
                query = urllib.parse.urlencode({name: item["value"]})
                assert get(f"{server}/api/tables/{table}?limit=1&{query}")[1]["total"] == item["n"]
                column = facet.expr
                if column in body[0]:  # the column itself is in the download: count by hand
                    has = [
                        r for r in body
                        if (item["value"] in map(str, r[column] or []) if facet.is_list
                            else str(r[column]) == item["value"])
                    ]  # fmt: skip
                    assert len(has) == item["n"], (table, name, item)
                    checked += 1
    assert checked > 15
    # counts follow the other filters: ASSAULT events by quad sum to the ASSAULT events
    body = get(f"{server}/api/tables/events?type=ASSAULT&limit=1")[1]
    assert sum(i["n"] for i in body["facets"]["quad"]) == body["total"] > 0
    assert [i["value"] for i in body["facets"]["type"]] == ["ASSAULT"]


def test_downloads_are_the_filtered_rows(server, web_db) -> None:
    import csv
    import io

    import pyarrow.parquet as pq

    from dyad.export import table_rows
    from dyad.store import Store

    with Store(web_db, read_only=True) as store:
        exported = table_rows(store, "events")
    assault = [e for e in exported if e["type"] == "ASSAULT" and e["quad"] == 4]
    assert 0 < len(assault) < len(exported)
    query = "type=ASSAULT&quad=4&sort=-date"
    listed = [e["event_id"] for e in _all_rows(server, "events", query)]
    assert sorted(listed) == sorted(e["event_id"] for e in assault)

    def fetch(fmt: str) -> tuple[bytes, dict]:
        request = urllib.request.Request(
            f"{server}/api/tables/events/download?format={fmt}&{query}"
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read(), dict(response.headers)

    body, head = fetch("csv")
    assert (
        head["content-type"].startswith("text/csv") and "attachment" in head["content-disposition"]
    )
    from_csv = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    from_json = json.loads(fetch("json")[0])
    from_parquet = pq.read_table(io.BytesIO(fetch("parquet")[0])).to_pylist()
    from_jsonl = [json.loads(line) for line in fetch("jsonl")[0].decode().splitlines()]
    for rows in (from_csv, from_json, from_parquet, from_jsonl):
        assert [r["event_id"] for r in rows] == listed  # the same rows, in the same order
    by_id = {e["event_id"]: e for e in assault}
    for r in from_csv:  # CSV writes lists as JSON, as `dyad export` does
        assert json.loads(r["source_ids"]) == by_id[r["event_id"]]["source_ids"]
    for r in from_parquet:
        assert r["mentions"] == by_id[r["event_id"]]["mentions"]
    status, body, _ = get(f"{server}/api/tables/events/download?format=xlsx")
    assert status == 400 and body["error"]["message"].startswith("format")


def test_a_download_streams_the_same_file_in_pieces(corpus, monkeypatch) -> None:
    """A download is written a batch at a time (its first bytes go out before the last row
    is read): the pieces join into exactly the file the whole table makes (CSV, JSON,
    JSONL), or a Parquet file of the same rows in more row groups; no rows, a valid file."""
    import io

    import pyarrow.parquet as pq

    from dyad.browse import view
    from dyad.export import encode_table

    v = view("events")
    sql = f"select {v.download} from {v.source} where true order by date_start desc nulls last, rn"
    corpus.prepare()
    with corpus._cursor() as con:
        whole = con.sql(sql).to_arrow_table()
    assert whole.num_rows > 10
    small = corpus.settings.with_overrides(
        {"web.download_first_rows": 3, "web.download_batch_rows": 4}
    )
    monkeypatch.setattr(corpus, "_settings", small)
    for fmt in ("csv", "json", "jsonl"):
        chunks, n = corpus.download_stream("events", fmt, {}, sort="-date")
        pieces = list(chunks)
        assert n == whole.num_rows and len(pieces) > whole.num_rows // 4
        assert b"".join(pieces) == encode_table(whole, fmt), fmt
    chunks, n = corpus.download_stream("events", "parquet", {}, sort="-date")
    parquet = pq.ParquetFile(io.BytesIO(b"".join(chunks)))
    assert parquet.num_row_groups > 1
    assert parquet.read().to_pylist() == whole.to_pylist()
    empty = whole.schema.empty_table()
    for fmt in ("csv", "json", "jsonl"):
        chunks, n = corpus.download_stream("events", fmt, {"q": "zzqx nowhere"})
        assert n == 0 and b"".join(chunks) == encode_table(empty, fmt), fmt
    chunks, _ = corpus.download_stream("events", "parquet", {"q": "zzqx nowhere"})
    assert pq.read_table(io.BytesIO(b"".join(chunks))).schema == whole.schema


def _doc_texts(web_db) -> dict[str, str]:
    con = duckdb.connect(str(web_db), read_only=True)
    rows = con.execute(
        "select doc_id, coalesce(title, '') || chr(10) || coalesce(text, '') from documents "
        "where is_current"
    ).fetchall()
    return {doc_id: text.lower() for doc_id, text in rows}


def test_full_text_search_finds_words_in_the_text(server, web_db) -> None:
    texts = _doc_texts(web_db)

    def found(q: str) -> set[str]:
        rows = _all_rows(server, "documents", urllib.parse.urlencode({"q": q}))
        return {d["doc_id"] for d in rows}

    # a word from the body of one demo document (not its title), found by a scan of the texts
    for word in ("ashraf", "liberty", "tehran"):
        expected = {d for d, t in texts.items() if word in t}
        assert expected and found(word) == expected and found(word.upper()) == expected, word
    both = {d for d, t in texts.items() if "ashraf" in t and "tehran" in t}
    assert found("Ashraf Tehran") == both and both < {d for d, t in texts.items() if "ashraf" in t}
    # quotes and LIKE wildcards are characters, not syntax
    for q in ("%", "_", "people's", "' or 1=1 --", '"', "\\"):
        assert found(q) == {d for d, t in texts.items() if q in t}, q
    assert found("%") != set(texts) and found("_") != set(texts)
    assert found("zzqx nowhere") == set()


def test_a_snippet_marks_the_query_words_and_nothing_else() -> None:
    from dyad.browse import snippet

    text = "The raid on Camp Ashraf (camp.x) began at dawn; CAMP residents fled the camp."
    pieces = snippet(text, ["camp"], 200)
    assert "".join(p["text"] for p in pieces) == text  # short: the whole text, nothing cut
    assert [p["text"] for p in pieces if p["mark"]] == ["Camp", "camp", "CAMP", "camp"]
    assert all("camp" not in p["text"].lower() for p in pieces if not p["mark"])
    # words taken literally: a regex character is a character, and a word that is not in
    # the text marks nothing (the start of the text is shown)
    assert [p["text"] for p in snippet(text, ["p.x"], 200) if p["mark"]] == ["p.x"]
    assert [p["text"] for p in snippet(text, ["c.mp"], 200) if p["mark"]] == []
    assert snippet(text, ["tehran"], 20) == [{"text": "The raid on Camp …", "mark": False}]
    # a long text: a window around the first hit, cut at spaces, ellipses at the cut ends
    long = "filler words here " * 40 + "the Ashraf raid " + "more words after " * 40
    cut = snippet(long, ["ashraf"], 60)
    joined = "".join(p["text"] for p in cut)
    assert joined.startswith("… ") and joined.endswith(" …") and len(joined) <= 60 + 4
    assert joined.removeprefix("… ").removesuffix(" …") in long
    assert [p["text"] for p in cut if p["mark"]] == ["Ashraf"]
    assert snippet("", ["camp"], 60) == []


def test_search_hits_carry_a_snippet_of_the_text(server, web_db) -> None:
    texts = _doc_texts(web_db)
    rows = _all_rows(server, "documents", urllib.parse.urlencode({"q": "Ashraf Tehran"}))
    assert rows
    for row in rows:
        marked = [p["text"].lower() for p in row["snippet"] if p["mark"]]
        plain = " ".join(p["text"].lower() for p in row["snippet"] if not p["mark"])
        assert marked and set(marked) <= {"ashraf", "tehran"}, row["snippet"]
        assert "ashraf" not in plain and "tehran" not in plain  # every hit in it is marked
        assert len(set(plain.split()) - {"…"}) > 3  # other words, not marked
        excerpt = "".join(p["text"] for p in row["snippet"]).strip("… ").lower()
        assert excerpt in " ".join(texts[row["doc_id"]].split())
    # no search, no snippet
    assert {r["snippet"] for r in _all_rows(server, "documents")} == {None}


def test_a_hostile_snippet_is_text_on_the_page(server, web_db) -> None:
    """The hostile article's markup around a hit shows escaped; only the hit is marked."""
    from conftest import HOSTILE

    rows = _all_rows(server, "documents", "q=xss")
    hostile = next(r for r in rows if r["outlet"] == HOSTILE["outlet"])
    excerpt = "".join(p["text"] for p in hostile["snippet"])
    assert "<script>window.__xss='text'</script>" in excerpt  # the API gives the text as is
    status, html, _ = get(f"{server}/documents?q=xss")
    assert status == 200
    snippets = html.split('<p class="snippet">')[1:]
    assert len(snippets) == len(rows)
    assert all("<script" not in s.split("</p>")[0] for s in snippets)
    assert all("<img" not in s.split("</p>")[0] for s in snippets)
    assert "&lt;script&gt;window.__<mark>xss</mark>=&#39;text&#39;&lt;/script&gt;" in html
    marks = [m.split("</mark>")[0] for m in html.split("<mark>")[1:]]
    assert marks and set(marks) == {"xss"}


# -- reader, map and timeline for analysis (issue 27) ---------------------------------------


def _hostile_pair(corpus) -> tuple[str, str]:
    """The hostile article and its edited copy (conftest.HOSTILE_COPY): (original, copy)."""
    from conftest import HOSTILE

    original = corpus.documents(source=HOSTILE["outlet"]).items[0]["doc_id"]
    pairs = corpus.reuse(doc=original).items
    assert len(pairs) == 1, pairs  # the copy, found by the reuse detector
    pair = pairs[0]
    return original, pair["doc_b"] if pair["doc_a"] == original else pair["doc_a"]


def test_word_diff_marks_changed_words_only() -> None:
    from dyad.corpus import word_diff

    assert word_diff("Iraq attacked the camp", "Iraq raided the camp") == [
        {"op": "same", "text": "Iraq "},
        {"op": "a", "text": "attacked "},
        {"op": "b", "text": "raided "},
        {"op": "same", "text": "the camp"},
    ]
    assert word_diff("one two", "one two") == [{"op": "same", "text": "one two"}]
    # a line break for a space is no changed word, but each side keeps its own spacing
    runs = word_diff("one\ntwo", "one two")
    assert [r["op"] for r in runs] == ["same", "a", "b", "same"]
    assert "".join(r["text"] for r in runs if r["op"] != "b") == "one\ntwo"
    assert "".join(r["text"] for r in runs if r["op"] != "a") == "one two"
    assert word_diff("", "new words") == [{"op": "b", "text": "new words"}]


def test_compare_aligns_the_shared_passages_with_a_diff(server, corpus) -> None:
    original, copy = _hostile_pair(corpus)
    status, body, _ = get(f"{server}/api/compare/{original}/{copy}")
    assert status == 200, body
    assert body["a"]["doc_id"] == original and body["b"]["doc_id"] == copy
    _, doc_a, _ = get(f"{server}/api/documents/{original}")
    _, doc_b, _ = get(f"{server}/api/documents/{copy}")
    assert body["passages"]
    for p in body["passages"]:  # each side is the passage of its own document
        assert p["text_a"] == doc_a["text"][p["a_start"] : p["a_end"]]
        assert p["text_b"] == doc_b["text"][p["b_start"] : p["b_end"]]
        assert "".join(r["text"] for r in p["diff"] if r["op"] != "b") == p["text_a"]
        assert "".join(r["text"] for r in p["diff"] if r["op"] != "a") == p["text_b"]
    changed = [
        (r["op"], r["text"]) for p in body["passages"] for r in p["diff"] if r["op"] != "same"
    ]
    # the copy's edit (conftest.HOSTILE_COPY: "on Friday" -> "on Saturday <b ...>night</b>")
    assert any(op == "a" and "Friday" in text for op, text in changed), changed
    assert any(op == "b" and "Saturday" in text and "<b onclick" in text for op, text in changed)
    assert not any("Camp Ashraf" in text for _, text in changed)  # unchanged words are the same
    # the other way round: the sides swap
    _, swapped, _ = get(f"{server}/api/compare/{copy}/{original}")
    assert [p["text_a"] for p in swapped["passages"]] == [p["text_b"] for p in body["passages"]]
    assert (swapped["share_a"], swapped["share_b"]) == (body["share_b"], body["share_a"])
    # documents that share nothing, and a document that is not there: 404 with a next step
    unrelated = next(d["doc_id"] for d in corpus.documents(limit=100).items
                     if d["doc_id"] not in (original, copy) and not corpus.reuse(doc=d["doc_id"]).items)  # fmt: skip
    status, body, _ = get(f"{server}/api/compare/{original}/{unrelated}")
    assert status == 404 and "share no passage" in body["error"]["message"]
    status, body, _ = get(f"{server}/api/compare/{original}/0000000000000000")
    assert status == 404 and "no document" in body["error"]["message"]


def test_compare_page_escapes_both_versions(server, corpus) -> None:
    from markupsafe import escape

    original, copy = _hostile_pair(corpus)
    status, page, _ = get(f"{server}/compare/{original}/{copy}")
    assert status == 200
    for raw in ("<b onclick", "<script>window.__xss", "<img src=x", "<i onmouseover"):
        assert raw not in page
    assert (
        "<ins>Saturday &lt;b onclick=&#34;window.__xss=&#39;diff&#39;&#34;&gt;night&lt;/b&gt;, </ins>"
        in page
    )
    assert "<del>Friday, </del>" in page
    assert (
        str(escape("<script>window.__xss = 'title'</script>Hostile")) in page
    )  # the titles, as text
    status, _, _ = get(f"{server}/compare/{original}/0000000000000000")
    assert status == 404


def test_reader_names_and_links_the_other_copy(server, corpus) -> None:
    original, copy = _hostile_pair(corpus)
    doc = corpus.document(original)
    copied = [s for s in doc["segments"] if s["copied"]]
    assert copied and all(s["copies"][0]["doc_id"] == copy for s in copied)
    first = [c for s in copied for c in s["copies"] if c["first"]]
    assert len(first) == len(doc["reuse"][0]["passages"])  # one link per passage
    other = corpus.document(copy)
    for c in first:  # the link lands on the same passage's first piece in the other document
        assert any(
            s["start"] == c["start"] and s["copied"] == [original] for s in other["segments"]
        )
    _, page, _ = get(f"{server}/documents/{original}")
    assert f'href="/documents/{copy}#c{first[0]["start"]}"' in page
    assert f'href="/compare/{original}/{copy}"' in page
    assert "Copy&lt;/i&gt; Desk" in page and "<i onmouseover" not in page  # outlet named, escaped


def test_map_points_carry_their_place_precision(server, web_db) -> None:
    status, body, _ = get(f"{server}/api/map")
    assert status == 200
    con = duckdb.connect(str(web_db), read_only=True)
    features = {}
    for lat, lon, feature in con.execute(
        "select lat, lon, feature from places where lat is not null"
    ).fetchall():
        features.setdefault((round(lat, 5), round(lon, 5)), set()).add(feature)
    precisions = set()
    for f in body["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        precisions.add(p["precision"])
        assert p["centroid"] == (p["precision"] in ("continent", "region", "country"))
        if p["precision"] not in ("within", "unknown"):  # a toponym of that feature lies there
            assert p["precision"] in features[(round(lat, 5), round(lon, 5))], p
    assert {"country", "city"} <= precisions  # the demo has both
    # the focus: inside the points' box, the fine one leaves the country centres out
    lats = [f["geometry"]["coordinates"][1] for f in body["features"]]
    (s, w), (n, e) = body["focus"]["all"]
    assert min(lats) <= s <= n <= max(lats)
    fine = [f for f in body["features"] if not f["properties"]["centroid"]]
    (s, w), (n, e) = body["focus"]["fine"]
    inside = [f for f in fine if s <= f["geometry"]["coordinates"][1] <= n
              and w <= f["geometry"]["coordinates"][0] <= e]  # fmt: skip
    assert len(inside) >= 0.8 * len(fine)


def test_focus_box_leaves_out_a_far_point() -> None:
    from dyad.corpus import focus_box

    iraq = [(33.3, 44.4), (33.4, 44.3), (36.3, 43.1), (32.6, 44.0), (30.5, 47.8)] * 2
    far = [(38.9, -77.0)]  # Washington
    box = focus_box(iraq + far, 0.8)
    assert box is not None and box[0][1] > 40  # the west edge stays in Iraq
    assert focus_box(iraq + far, 1.0)[0][1] == -77.0  # everything: the far point too
    assert focus_box([], 0.8) is None
    with pytest.raises(DyadError, match="map_focus_share"):
        focus_box(iraq, 0.0)


def test_timeline_window_is_the_densest_period(server, web_db) -> None:
    import math
    from datetime import date

    def densest(starts: list[date]) -> tuple[str, str]:  # brute force, every window
        k = math.ceil(0.8 * len(starts))
        spans = [(starts[i + k - 1] - starts[i], starts[i]) for i in range(len(starts) - k + 1)]
        span, first = min(spans)
        return str(first), str(first + span)

    exported = all_events(web_db)
    starts = sorted(
        date.fromisoformat(str(e["date_start"])[:10]) for e in exported if e["date_start"]
    )
    status, body, _ = get(f"{server}/api/timeline")
    assert status == 200
    window = body["window"]
    assert (window["start"], window["end"]) == densest(starts)
    assert window["total"] == len(starts) and window["n"] == math.ceil(0.8 * len(starts))
    assert window["start"] > str(starts[0])  # not the first event: the dense part only
    _, by_id, _ = get(f"{server}/api/timeline?actor=mek")
    # a filter narrows the window to its own events (actor=mek also matches names: take the
    # events route's rows, held equal to a scan of the export above)
    _, rows, _ = get(f"{server}/api/events?actor=mek&limit=500")
    mek = sorted(date.fromisoformat(e["date_start"][:10]) for e in rows["items"] if e["date_start"])
    assert (by_id["window"]["start"], by_id["window"]["end"]) == densest(mek)
    _, none, _ = get(f"{server}/api/timeline?date_from=2090")
    assert none["window"] == {"start": None, "end": None, "n": 0, "total": 0}


# -- linked views (/explore): the filters its controls add -----------------------------------


def _event_ids(server: str, route: str, query: str) -> list[str]:
    """Every event id ``route`` lists for ``query``, page by page, in order: ``/api/events``,
    ``/api/tables/events`` or the events table page ``/events`` (its rows' links)."""
    import re

    ids, offset = [], 0
    while offset is not None:
        status, body, _ = get(f"{server}{route}?{query}&offset={offset}"
                              + ("" if route == "/events" else "&limit=50"))  # fmt: skip
        assert status == 200, (route, query, body)
        if route == "/events":
            rows = re.findall(r'<a class="event-type[^"]*" href="/events/([^"]+)"', body)
            ids += [urllib.parse.unquote(r) for r in rows]
            more = re.search(r'rel="next" href="[^"]*offset=(\d+)', body)
            offset = int(more.group(1)) if more else None
        else:
            ids += [e["event_id"] for e in body["items"]]
            offset = body["next_offset"]
    return ids


def _map_points(server: str) -> dict[str, dict[str, Any]]:
    status, body, _ = get(f"{server}/api/map")
    assert status == 200 and body["total"] == len(body["features"])
    return {f["id"]: {**f["properties"], "lon": f["geometry"]["coordinates"][0],
                      "lat": f["geometry"]["coordinates"][1]} for f in body["features"]}  # fmt: skip


def test_explorer_filters_keep_what_a_scan_keeps_on_every_route(server, web_db) -> None:
    """quad, country, outlet, precision and bbox: each keeps exactly the events a scan of the
    export (or of the map's points) keeps, and /api/events, the events table's API and its
    page list the same rows in the same order: one truth for the explorer and the table."""
    exported = all_events(web_db)
    points = _map_points(server)
    con = duckdb.connect(str(web_db), read_only=True)
    outlet_of = dict(con.execute("select doc_id, outlet from documents").fetchall())
    lat, lon = next((p["lat"], p["lon"]) for p in points.values() if not p["centroid"])
    box = (lon - 2.0, lat - 2.0, lon + 2.0, lat + 2.0)

    def inside(e: dict, w: float, s: float, east: float, n: float) -> bool:
        return e["lat"] is not None and s <= e["lat"] <= n and w <= e["lon"] <= east

    expected = {
        "quad=4": {e["event_id"] for e in exported if e["quad"] == 4},
        "type=assault&modality=ASSERTED": {  # any case, as on the command line, everywhere
            e["event_id"] for e in exported
            if e["type"] == "ASSAULT" and "asserted" in e["modalities"]
        },
        "country=IRN": {e["event_id"] for e in exported if e["country"] == "IRN"},
        "outlet=Free%20Iran%20Observer": {
            e["event_id"] for e in exported
            if "Free Iran Observer" in {outlet_of[d] for d in e["doc_ids"]}
        },
        "precision=centroid": {i for i, p in points.items() if p["centroid"]},
        "precision=fine": {i for i, p in points.items() if not p["centroid"]},
        "precision=not_centroid": {e["event_id"] for e in exported
                                   if not points.get(e["event_id"], {}).get("centroid")},
        "precision=unplaced": {e["event_id"] for e in exported if e["lat"] is None},
        "precision=city": {i for i, p in points.items() if p["precision"] == "city"},
        "bbox=" + ",".join(map(str, box)): {e["event_id"] for e in exported if inside(e, *box)},
        f"bbox={lon},{lat},{lon},{lat}": {e["event_id"] for e in exported
                                          if (e["lat"], e["lon"]) == (lat, lon)},
        "quad=3&precision=fine&type=ACCUSE": {
            i for i, p in points.items() if p["quad"] == 3 and not p["centroid"]
            and p["type"] == "ACCUSE"
        },
    }  # fmt: skip
    for query, want in expected.items():
        assert 0 < len(want) < len(exported), query  # each filter keeps some rows, not all
        api = _event_ids(server, "/api/events", query)
        assert set(api) == want and len(api) == len(want), query
        assert _event_ids(server, "/api/tables/events", query) == api, query
        assert _event_ids(server, "/events", query) == api, query
        _, mapped, _ = get(f"{server}/api/map?{query}")  # the map and timeline filter alike
        assert {f["id"] for f in mapped["features"]} == want & set(points), query
        _, counts, _ = get(f"{server}/api/timeline?{query}")
        dated = {e["event_id"] for e in exported if e["date_start"]}
        assert sum(c["n"] for c in counts["counts"]) == len(want & dated), query


def test_explorer_filters_refuse_bad_values_with_a_400(server, corpus) -> None:
    bad = ["quad=5", "quad=0", "quad=x", "country=irn", "country=IRAN", "precision=nearby",
           "precision=CITY", "bbox=1,2,3", "bbox=a,b,c,d", "bbox=1,2,3,4,5", "bbox=1,2,3,nan",
           "bbox=1,2,3,4%3B%20drop%20table%20events"]  # fmt: skip
    for query in bad:
        for route in ("/api/events", "/api/map", "/api/timeline", "/api/tables/events"):
            status, body, _ = get(f"{server}{route}?{query}")
            assert status == 400, (route, query, body)
            assert body["error"]["code"] == "bad_request" and body["error"]["message"]
        status, _, head = get(f"{server}/events?{query}")  # the table page: an error page
        assert status == 400 and head["content-type"].startswith("text/html"), query
    for where in (
        EventFilter(quad=7),
        EventFilter(precision="near"),
        EventFilter(bbox="1,2"),
    ):  # the read API refuses them too
        with pytest.raises(DyadError):
            corpus.events(where)
    # empty values (a form's blank field) are no filter; an inverted box holds nothing
    _, everything, _ = get(f"{server}/api/events?limit=1")
    _, blank, _ = get(f"{server}/api/events?limit=1&quad=&country=&outlet=&precision=&bbox=")
    assert blank["total"] == everything["total"] > 0
    _, inverted, _ = get(f"{server}/api/events?bbox=50,30,40,40")
    assert inverted["total"] == 0
    # a number beyond a float is an edge beyond every place, not an error (the API's pattern
    # admits it): the whole world, or a box that holds nothing
    _, world, _ = get(f"{server}/api/events?bbox=-1e999,-1e999,1e999,1e999&limit=1")
    _, placed, _ = get(f"{server}/api/events?bbox=-180,-90,180,90&limit=1")
    assert world["total"] == placed["total"] > 0
    status, none, _ = get(f"{server}/api/events?bbox=1e999,0,0,0")
    assert status == 200 and none["total"] == 0
    _, unknown, _ = get(f"{server}/api/events?outlet=No%20Such%20Outlet")
    assert unknown["total"] == 0  # an outlet is free text, as the source filter is


def test_every_place_precision_is_a_filter_value() -> None:
    from dyad.corpus import CENTROID_FEATURES, PRECISIONS
    from dyad.places.gazetteer import FEATURES

    assert set(FEATURES) | {"within", "unknown"} | set(CENTROID_FEATURES) <= set(PRECISIONS)


def test_explore_page_offers_the_corpus_values_escaped(server, corpus) -> None:
    status, page, head = get(f"{server}/explore")
    assert status == 200 and "script-src 'self'" in head["content-security-policy"]
    choices = corpus.event_choices()
    assert choices["span"]["start"] <= choices["span"]["end"]
    assert f'data-span-start="{choices["span"]["start"]}"' in page
    for country in choices["countries"]:
        assert f'<option value="{country["value"]}">' in page
    assert "&lt;b onmouseover" in page and "<b onmouseover" not in page  # a hostile outlet
    assert '<script src="/static/explore.js"></script>' in page and "<script>" not in page
    assert 'href="/explore"' in get(f"{server}/")[1]  # in the navigation
    # the counts beside each choice are the rows the filter keeps
    for country in choices["countries"][:3]:
        assert corpus.events(EventFilter(country=country["value"])).total == country["n"]
    for outlet in choices["outlets"][:3]:
        assert corpus.events(EventFilter(outlet=outlet["value"])).total == outlet["n"]
    for quad, n in choices["quads"].items():
        assert corpus.events(EventFilter(quad=quad)).total == n


def test_the_framing_page_lists_quoted_speakers_as_the_api_does(server) -> None:
    import html

    from dyad.web.tables import PAGE_SIZE

    # the page's first rows are the table API's first rows, in the same order
    rows = get(f"{server}/api/tables/framing?limit={PAGE_SIZE}")[1]["items"]
    quoting = [r for r in rows if r["according_to"]]
    assert quoting, "the demo's outlets quote others"
    status, page, _ = get(f"{server}/framing")
    assert status == 200 and "According to" in page
    speaker = quoting[0]["according_to"][0]["speaker"]
    assert html.escape(speaker) in page
    # one speaker mark for each speaker of each row: a row quoting no one shows none
    assert page.count('class="speaker"') == sum(len(r["according_to"]) for r in rows)
