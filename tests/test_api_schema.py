"""The JSON API keeps its OpenAPI contract: schemathesis makes requests from `/openapi.json`
(ones that fit the document and ones that do not) and checks every answer against it, on a
real uvicorn server on a loopback socket over a real database (the demo corpus plus a hostile
article). Beside it, each rule of the contract on its own, each with a case that breaks it."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core.failures import FailureGroup

from dyad.errors import DyadError
from dyad.events.ontology import MODALITIES, PLOVER_TYPES
from dyad.events.store import ISO_DATE_PATTERN, check_date
from test_web import get

#: examples schemathesis makes per operation and phase: bounded, so the test stays quick
EXAMPLES = 25


@pytest.fixture(scope="module")
def api_schema(server: str):
    return schemathesis.openapi.from_url(f"{server}/openapi.json", timeout=30)


contract = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(autouse=True)
def _node_id(request: pytest.FixtureRequest) -> None:
    # schemathesis (4.32) names each operation's subtest through `node._nodeid`, which pytest
    # 9.2 no longer has; give it the id it expects
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@pytest.mark.slow  # about 45 s on two busy cores: the network route computes each query anew
@contract.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))  # fmt: skip
def test_every_operation_keeps_its_contract(case) -> None:
    """Every default check: no 5xx, only documented status codes, bodies and content types
    as documented, a request that fits the document served and one that does not refused
    (400), a 405 with `Allow` for a method the document does not list."""
    case.call_and_validate()


def _failure(operation, server: str) -> str:
    """What the checks above say of ``operation``'s generated requests (an empty string when
    they all pass)."""

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.generate], report_multiple_bugs=False,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=operation.as_strategy())
    def run(case) -> None:
        case.call_and_validate(base_url=server)

    try:
        run()
    except FailureGroup as failures:
        return "\n".join(str(f) for f in failures.exceptions)
    return ""


def test_the_harness_catches_a_broken_contract(server: str) -> None:
    """The checks above can fail: a document that calls `kind` any string while the app
    serves only this database's kinds is caught (a schema-valid request rejected), and so is
    a document that leaves out the 404 of a lookup (an undocumented status code)."""
    spec = get(f"{server}/openapi.json")[1]
    schema = schemathesis.openapi.from_dict(spec)
    assert _failure(schema["/api/actors"]["GET"], server) == ""
    for p in spec["paths"]["/api/actors"]["get"]["parameters"]:
        if p["name"] == "kind":
            p["schema"] = {"type": "string"}
    del spec["paths"]["/api/events/{event_id}"]["get"]["responses"]["404"]
    broken = schemathesis.openapi.from_dict(spec)
    assert "Schema-valid request rejected" in _failure(broken["/api/actors"]["GET"], server)
    assert "Undocumented" in _failure(broken["/api/events/{event_id}"]["GET"], server)


def test_a_bad_parameter_is_a_400_everywhere_and_the_document_says_so(server: str) -> None:
    spec = get(f"{server}/openapi.json")[1]
    operations = [(path, op) for path, ops in spec["paths"].items() for op in ops.values()]
    assert len(operations) >= 16
    for path, op in operations:
        assert "422" not in op["responses"], path
        declared = op["responses"]["400"]["content"]["application/json"]["schema"]
        assert declared == {"$ref": "#/components/schemas/ErrorResponse"}, path
    schemas = spec["components"]["schemas"]
    assert set(schemas["ErrorResponse"]["properties"]) == {"error"}
    assert set(schemas["ErrorDetail"]["required"]) == {"status", "code", "message"}
    assert "HTTPValidationError" not in schemas
    for path in ("/api/events/{event_id}", "/api/actors/{actor_id}", "/api/predict"):
        assert "404" in spec["paths"][path]["get"]["responses"], path
    status, body, _ = get(f"{server}/api/events?limit=0")
    assert status == 400 and body["error"]["code"] == "bad_request"
    assert body["error"]["message"].startswith("limit:")


def _head(url: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


def test_head_answers_wherever_get_does(server: str) -> None:
    for path in ("/api/overview", "/api/events?limit=3", "/events", "/", "/static/dyad.js"):
        got, body, got_head = get(server + path)
        status, head_body, head = _head(server + path)
        assert got == status == 200, path
        assert head_body == b"" and body, path  # the headers of a GET, no body
        assert head["content-type"] == got_head["content-type"], path
        assert "script-src 'self'" in head["content-security-policy"], path
    assert _head(f"{server}/api/events/nope:0")[0] == 404
    assert _head(f"{server}/api/events?limit=0")[0] == 400


def test_a_405_says_which_methods_are_allowed(server: str) -> None:
    for path in ("/api/events", "/api/actors/mek", "/events", "/static/dyad.js"):
        for method in ("POST", "DELETE", "PUT"):
            status, _, head = get(server + path, method=method)
            assert status == 405, (method, path)
            assert {m.strip() for m in head["allow"].split(",")} == {"GET", "HEAD"}, path
    status, _, head = get(f"{server}/api/nothing", method="POST")
    assert status == 404 and "allow" not in head


def _values(spec: dict, path: str, name: str) -> dict:
    for p in spec["paths"][path]["get"]["parameters"]:
        if p["name"] == name:
            schema = p["schema"]
            return next((s for s in schema.get("anyOf", ()) if "type" in s and s["type"] != "null"),
                        schema)  # fmt: skip
    raise AssertionError(f"{path} has no parameter {name}")


def test_every_value_the_document_allows_is_served(server: str) -> None:
    """Types and modalities in any case (as on the command line), this database's kinds, the
    claim statuses: each one the document lists is a 200, each one it does not is a 400."""
    spec = get(f"{server}/openapi.json")[1]
    type_pattern = re.compile(_values(spec, "/api/events", "type")["pattern"])
    modality_pattern = re.compile(_values(spec, "/api/events", "modality")["pattern"])
    network_type = re.compile(_values(spec, "/api/network", "type")["items"]["pattern"])
    served = [("/api/events", "type", t) for t in PLOVER_TYPES]
    served += [("/api/events", "type", t.lower()) for t in PLOVER_TYPES[:3]]
    served += [("/api/events", "modality", m) for m in MODALITIES]
    served += [("/api/events", "modality", "Reported"), ("/api/events", "type", "")]
    served += [("/api/network", "modality", "HYPOTHETICAL"), ("/api/network", "type", "assault")]
    kinds = _values(spec, "/api/actors", "kind")["enum"]
    assert {"person", "state", "armed_group"} <= set(kinds)
    served += [("/api/actors", "kind", k) for k in kinds]
    served += [("/api/claims", "status", s) for s in ("agree", "conflict", "single")]
    for path, name, value in served:
        if name == "type":
            assert (network_type if path == "/api/network" else type_pattern).match(value)
        if name == "modality":
            assert modality_pattern.match(value)
        status, body, _ = get(f"{server}{path}?{urllib.parse.urlencode({name: value})}")
        assert status == 200, (path, name, value, body)
        if name == "kind":
            assert body["total"] > 0 and {a["kind"] for a in body["items"]} == {value}
    refused = [("/api/events", "type", "PARADE"), ("/api/events", "type", "ASSAULTS"),
               ("/api/events", "modality", "sarcastic"), ("/api/network", "type", "PARADE"),
               ("/api/network", "modality", "maybe"), ("/api/actors", "kind", "Person"),
               ("/api/actors", "kind", ""), ("/api/actors", "kind", "bicycle"),
               ("/api/claims", "status", "maybe")]  # fmt: skip
    assert not any(type_pattern.match(v) for _, n, v in refused if n == "type")
    assert "Person" not in kinds and "bicycle" not in kinds
    for path, name, value in refused:
        status, body, _ = get(f"{server}{path}?{urllib.parse.urlencode({name: value})}")
        assert status == 400 and body["error"]["message"], (path, name, value)


def test_an_empty_filter_is_no_filter(server: str) -> None:
    """A filter form's blank fields (the events page submits every field) filter nothing."""
    blank = "actor=&type=&modality=&date_from=&date_to=&source="
    everything = get(f"{server}/api/events?limit=1")[1]["total"]
    status, body, _ = get(f"{server}/api/events?limit=1&{blank}")
    assert status == 200 and body["total"] == everything > 0
    status, page, _ = get(f"{server}/events?{blank}")
    assert status == 200 and "<table" in page
    whole = get(f"{server}/api/network")[1]
    status, body, _ = get(f"{server}/api/network?type=&modality=&source=&date_from=")
    assert status == 200 and body["edges"] == whole["edges"]


def test_the_date_pattern_is_the_calendar() -> None:
    """The document's date pattern accepts exactly the dates the filters accept: a year, a
    month, or a day that exists (leap years by the Gregorian rule), year 0001 on."""
    pattern = re.compile(ISO_DATE_PATTERN)
    years = ["0000", "0001", "0004", "0100", "0400", "1900", "1996", "2000", "2015", "2016",
             "2100", "2400", "9999"]  # fmt: skip
    leap = {"0004", "0400", "1996", "2000", "2016", "2400"}
    for year in years:
        assert pattern.match(year), year
        for month in range(0, 14):
            text = f"{year}-{month:02d}"
            assert bool(pattern.match(text)) == (1 <= month <= 12 and year != "0000"), text
            for day in range(0, 33):
                text = f"{year}-{month:02d}-{day:02d}"
                length = {2: 29 if year in leap else 28, 4: 30, 6: 30, 9: 30, 11: 30}
                real = year != "0000" and 1 <= month <= 12 and 1 <= day <= length.get(month, 31)
                assert bool(pattern.match(text)) == real, text
                try:
                    check_date(text)
                    accepted = True
                except DyadError:
                    accepted = False
                assert accepted == real, text
    for text in ("20160", "2016-1", "2016-01-1", "١٩٩٠-01", "2016-01-01T00", "2016/01", ""):
        assert not pattern.match(text), text
