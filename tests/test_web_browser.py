"""The pages in real headless Chromium (Debian's ``chromium``, driven by Playwright) against a
real server. Every page is saved as a screenshot under test-artifacts/screenshots/ (docs/web.md
links there): the fast tests shoot each page as it loads, the slow ones the views they drive."""

from __future__ import annotations

import math
import os
import shutil
import urllib.parse
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import HOSTILE, REPO
from dyad.corpus import Corpus
from dyad.web.server import BackgroundServer

CHROMIUM = os.environ.get("DYAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` (`.ci/run` does) "
    "or set DYAD_CHROMIUM",
)

# flags for a sandboxed machine with no network: no sandbox (root), no GPU, no calls home
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def ids(web_db: Path) -> dict[str, str]:
    """Ids of real items to open: a copied document, the hostile one, an event."""
    with Corpus(web_db) as corpus:
        hostile = corpus.documents(source=HOSTILE["outlet"]).items[0]["doc_id"]
        pairs = corpus.reuse(limit=100).items
        demo = next(p for p in pairs if hostile not in (p["doc_a"], p["doc_b"])
                    and "Copy" not in (p["outlet_a"] or "") + (p["outlet_b"] or ""))  # fmt: skip
        mine = next(p for p in pairs if hostile in (p["doc_a"], p["doc_b"]))
        event = corpus.events(limit=1).items[0]["event_id"]
    return {"copied": demo["doc_a"], "copied_other": demo["doc_b"], "hostile": hostile,
            "hostile_copy": mine["doc_b"] if mine["doc_a"] == hostile else mine["doc_a"],
            "event": event}  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Visit:
    """A page with every console error, failed request and error response recorded."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed {r.url}"))
        self.page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}")
        )
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog {d.message}"), d.dismiss()))
        self.page.goto(url, wait_until="networkidle")

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *exc: object) -> None:
        self.page.close()


PAGES = {
    "overview": "/",
    "documents": "/documents",
    "document": "/documents/{copied}",
    "events": "/events?actor=mek",
    "event": "/events/{event}",
    "actors": "/actors",
    "actor": "/actors/mek",
    "network": "/network",
    "map": "/map",
    "timeline": "/timeline",
    "sources": "/sources",
    "api-docs": "/api-docs",
    # -- browsable tables and the interactive API docs --
    "places": "/places",
    "claims": "/claims",
    "reuse": "/reuse",
    "framing": "/framing?sort=sentiment",
    "search": "/documents?q=ashraf",
    "docs": "/docs",
    "compare": "/compare/{copied}/{copied_other}",
    "explore": "/explore",
}


def test_every_page_of_the_app_is_visited(web_db) -> None:
    """PAGES (each loaded and shot below) holds a path for every page route of the app, so
    a new page gets a screenshot; one of its values for a route with parameters."""
    from fastapi.routing import APIRoute

    from dyad.web.app import create_app

    app = create_app(web_db)
    pages = [r for r in app.routes if isinstance(r, APIRoute) and not r.include_in_schema
             and r.path != "/favicon.ico"]  # fmt: skip
    assert len(pages) > 15
    paths = [p.split("?")[0] for p in PAGES.values()]
    unvisited = [r.path for r in pages if not any(r.path_regex.match(p) for p in paths)]
    assert unvisited == []


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors(browser, server, ids, name) -> None:
    with Visit(
        browser, server + PAGES[name].format(**{k: quote(v) for k, v in ids.items()})
    ) as visit:
        if name in ("network", "map", "timeline", "actor", "explore"):
            visit.page.wait_for_selector(
                "[data-nodes], [data-markers], [data-items]", timeout=15000
            )
        if name == "docs":  # Swagger UI draws the operations from /openapi.json
            visit.page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
        visit.shot(name)
        assert visit.problems == []
        assert visit.page.locator("main h1").count() == 1
        assert "Error" not in visit.page.title()


def test_network_renders_and_clicks_through(browser, server) -> None:
    with Visit(browser, server + "/network") as visit:
        page = visit.page
        page.wait_for_selector("#cy[data-nodes]", timeout=15000)
        assert int(page.get_attribute("#cy", "data-nodes")) > 5
        assert int(page.get_attribute("#cy", "data-edges")) > 5
        assert page.locator("#cy canvas").count() > 0
        assert page.locator("#camps li").count() >= 2
        # an edge opens its evidence: the events behind it, linked
        page.evaluate("void window.dyadNetwork.edges()[0].emit('tap')")
        page.wait_for_selector("#evidence li a.event-type", timeout=10000)
        # a node opens the actor's page
        actor = page.evaluate("window.dyadNetwork.nodes().max(n => n.degree()).ele.id()")
        with page.expect_navigation():
            page.evaluate(f"void window.dyadNetwork.getElementById({actor!r}).emit('tap')")
        assert page.url.endswith(f"/actors/{quote(actor)}")
        assert visit.problems == []


def test_map_draws_outlines_and_markers(browser, server) -> None:
    with Visit(browser, server + "/map?actor=mek") as visit:
        page = visit.page
        page.wait_for_selector("#map[data-markers]", timeout=15000)
        assert int(page.get_attribute("#map", "data-markers")) > 0
        assert page.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane path").count() > 0
        assert visit.problems == []


def test_a_click_on_an_actor_opens_its_page(browser, server, ids) -> None:
    with Visit(browser, server + f"/documents/{quote(ids['copied'])}") as visit:
        page = visit.page
        link = page.locator("#text a.actor").first
        name = link.get_attribute("title")
        with page.expect_navigation():
            link.click()
        assert "/actors/" in page.url
        assert page.locator("main h1").inner_text() == name
        page.wait_for_selector("#timeline[data-items]", timeout=15000)
        assert visit.problems == []


def test_hostile_article_renders_as_text(browser, server, ids) -> None:
    pages = [
        f"/documents/{quote(ids['hostile'])}",
        f"/compare/{quote(ids['hostile'])}/{quote(ids['hostile_copy'])}",
        "/documents",
        "/documents?q=xss",
        f"/events?source={quote(HOSTILE['outlet'])}",
        "/",
        "/sources",
        "/actors",
        "/timeline",
        "/network",
        "/map",
    ]
    for path in pages:
        with Visit(browser, server + path) as visit:
            page = visit.page
            page.wait_for_timeout(300)
            assert page.evaluate("typeof window.__xss") == "undefined", path
            assert (
                page.locator(
                    "main script, main [onerror], main [onload], main [onmouseover]"
                ).count()
                == 0
            ), path
            assert visit.problems == [], path
            if path.startswith("/documents/"):
                visit.shot("hostile-document")
                text = page.locator("main").inner_text()
                assert "<script>window.__xss='text'</script>" in text
                assert HOSTILE["outlet"] in text
                assert page.locator("main h1").inner_text() == HOSTILE["title"]
            if path == "/documents?q=xss":  # the snippets: the markup as text, the hit marked
                visit.shot("search-hostile")
                marks = page.locator(".snippet mark").all_inner_texts()
                assert marks and {m.lower() for m in marks} == {"xss"}
                snippets = page.locator(".snippet").all_inner_texts()
                assert any("<script>window.__xss='text'</script>" in s for s in snippets)
                assert page.locator(".snippet *:not(mark)").count() == 0


def test_an_event_links_to_its_sentence(browser, server, ids) -> None:
    with Visit(browser, server + f"/events/{quote(ids['event'])}") as visit:
        page = visit.page
        with page.expect_navigation():
            page.locator("ul.mentions a").first.click()
        assert "/documents/" in page.url and "#c" in page.url
        assert page.locator("#text :target").count() == 1  # the anchor exists in the text
        assert visit.problems == []


SCREENSHOTS = ARTIFACTS
#: the colour of each sign in static/dyad.js, as the browser reports it
SIGN_COLOURS = {1: (46, 125, 50), -1: (192, 57, 43), 0: (156, 163, 175)}
COUNT_PIXELS = """(colours) => {
  // pixels of each edge colour on cytoscape's canvases: what was really painted
  const counts = colours.map(() => 0);
  for (const canvas of document.querySelectorAll("#cy canvas")) {
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach(([r, g, b], k) => {
        if (data[i + 3] > 0 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g)
            + Math.abs(data[i + 2] - b) < 12) counts[k] += 1;
      });
    }
  }
  return counts;
}"""


@pytest.mark.slow  # ~20 s a database; the fast suite loads the network page in test_page_loads
@pytest.mark.parametrize(
    "database", [pytest.param("web_db", id="demo"), pytest.param("seeds_db", id="seeds")]
)
def test_network_page_draws_one_signed_line_per_pair(browser, request, database) -> None:
    """/network on the demo corpus (the web suite's database: the demo articles and one
    hostile one) and on the reference corpus: the graph is drawn, one undirected line per
    pair relation, coloured by its sign, with no console error; screenshots are kept."""
    db = request.getfixturevalue(database)
    with Corpus(db) as corpus:
        network = corpus.network()
    signs = {frozenset((r["source"], r["target"])): r["sign"] for r in network["edges"]}
    with BackgroundServer(db) as url, Visit(browser, url + "/network") as visit:
        page = visit.page
        page.wait_for_selector("#cy[data-nodes]", timeout=15000)
        drawn = page.evaluate(
            """window.dyadNetwork.edges().map((e) => ({
                 pair: [e.data("source"), e.data("target")], sign: e.data("sign"),
                 colour: e.style("line-color"), arrow: e.style("target-arrow-shape") }))"""
        )
        n_nodes = page.evaluate("window.dyadNetwork.nodes().length")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = {"web_db": "demo", "seeds_db": "seeds"}[database]
        page.screenshot(path=str(SCREENSHOTS / f"network-{name}.png"), full_page=True)
        # the lines' own pixels: the sign colours painted with the edges, less those without
        colours = [list(SIGN_COLOURS[s]) for s in (1, -1)]
        with_edges = page.evaluate(COUNT_PIXELS, colours)
        page.evaluate("window.dyadNetwork.edges().style('display', 'none')")
        page.wait_for_timeout(500)
        without = page.evaluate(COUNT_PIXELS, colours)
        painted = [a - b for a, b in zip(with_edges, without, strict=True)]
        assert visit.problems == []
    assert n_nodes > 2 and drawn
    pairs = [frozenset(d["pair"]) for d in drawn]
    assert len(set(pairs)) == len(pairs)  # one line per pair, never one per direction
    if n_nodes == len(network["nodes"]):  # every actor shown: every relation drawn
        assert set(pairs) == set(signs)
    for d, pair in zip(drawn, pairs, strict=True):
        assert d["sign"] == signs[pair] and d["arrow"] == "none"
        colour = tuple(int(x) for x in d["colour"].strip("rgb()").split(","))
        assert colour == SIGN_COLOURS[d["sign"]]
    for sign, pixels in zip((1, -1), painted, strict=True):  # both colours really painted
        if any(d["sign"] == sign for d in drawn):
            assert pixels > 50, f"no {sign:+d} line painted"


# -- browsable tables (web/tables.py) and the interactive API docs (/docs) --------------------


@pytest.mark.slow
@pytest.mark.parametrize("table", ["events", "actors", "documents", "places", "claims",
                                   "framing"])  # fmt: skip
def test_a_facet_click_changes_the_rows(browser, server, table) -> None:
    with Visit(browser, f"{server}/{table}") as visit:
        page = visit.page
        before = page.locator("table tbody tr").count()
        total = page.locator("p.pager").inner_text()
        facet = page.locator("aside.facets a.facet-value").first
        value, count = (
            facet.inner_text(),
            int(facet.locator("xpath=..").locator(".count").inner_text()),
        )
        with page.expect_navigation():
            facet.click()
        page.wait_for_load_state("networkidle")
        assert page.locator("aside.facets .chosen").first.inner_text().startswith(value)
        assert f"of {count}" in page.locator("p.pager").inner_text() != total
        assert page.locator("table tbody tr").count() == min(count, 50) <= before
        # a sortable heading reorders them
        with page.expect_navigation():
            page.locator("thead a.sort").first.click()
        assert "sort=" in page.url and page.locator("thead a.sort.asc").count() == 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"table-{table}.png"), full_page=True)
        assert visit.problems == []


@pytest.mark.slow
def test_the_api_docs_page_performs_a_request(browser, server) -> None:
    with Visit(browser, f"{server}/docs") as visit:
        page = visit.page
        page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
        block = page.locator(".opblock", has=page.locator(".opblock-summary-path",
                                                         has_text="/api/overview")).first  # fmt: skip
        block.locator(".opblock-summary").click()
        block.locator("button.try-out__btn").click()
        block.locator("button.execute").click()
        status = block.locator(".live-responses-table tbody .response-col_status")
        status.first.wait_for(timeout=15000)
        assert status.first.inner_text().strip().startswith("200")
        assert (
            '"documents"' in block.locator(".live-responses-table .microlight").first.inner_text()
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "docs-request.png"), full_page=True)
        assert visit.problems == []


# -- reader, map and timeline for analysis (issue 27) ---------------------------------------


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


MARKS = """() => {
  // the computed marks of each actor and event link inside a copied passage, and of the text
  const plain = getComputedStyle(document.querySelector("#text")).color;
  const seen = (sel) => [...document.querySelectorAll(sel)].map((a) => {
    const own = getComputedStyle(a);
    const passage = getComputedStyle(a.closest(".copied"));
    return { colour: own.color, underline: own.textDecorationLine, border: own.borderBottomWidth,
             borderStyle: own.borderBottomStyle, background: passage.backgroundColor };
  });
  return { plain: plain, actors: seen("#text .copied a.actor"), events: seen("#text .copied a.event") };
}"""


@pytest.mark.slow
def test_reader_shows_actor_and_event_marks_inside_copied_passages(
    browser, server, ids, web_db
) -> None:
    with Visit(browser, server + f"/documents/{quote(ids['copied'])}") as visit:
        page = visit.page
        marks = page.evaluate(MARKS)
        _shot(page, "reader-copied")
        link = page.locator("#text a.copy-link").first
        title, href = link.get_attribute("title"), link.get_attribute("href")
        assert visit.problems == []
    assert marks["actors"] and marks["events"], marks  # the demo pair has both in its passage
    for actor in marks["actors"]:  # an actor: coloured and underlined, on the copied background
        assert "underline" in actor["underline"] and actor["colour"] != marks["plain"]
        assert actor["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    for event in marks["events"]:  # an event: its bottom border, on the same background
        assert event["borderStyle"] == "solid" and float(event["border"].rstrip("px")) >= 2
        assert event["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    other = href.split("/documents/")[1].split("#")[0]
    with Corpus(web_db) as corpus:
        fields = corpus.document_fields([other])[other]
    assert fields["title"] in title and fields["outlet"] in title  # named by title and outlet


@pytest.mark.slow
def test_map_clusters_sizes_and_hides_country_centres(browser, server) -> None:
    with Visit(browser, server + "/map") as visit:
        page = visit.page
        page.wait_for_selector("#map[data-markers]", timeout=15000)
        hidden_events = int(page.get_attribute("#map", "data-events"))
        clusters = page.locator(".marker-cluster").count()
        bounds = page.evaluate("window.dyadMap.getBounds().toBBoxString()")
        _shot(page, "map-clusters")
        page.check("#show-centroids")
        page.wait_for_timeout(300)
        all_events = int(page.get_attribute("#map", "data-events"))
        radii = page.evaluate(
            """() => { const r = []; window.dyadClusters.eachLayer((m) => r.push(
                 [m.options.events, m.getRadius()])); return r; }"""
        )
        _shot(page, "map-centroids")
        assert visit.problems == []
    assert clusters > 0  # cluster discs drawn
    assert hidden_events < all_events  # country centres are off until asked for
    west, south, east, north = map(float, bounds.split(","))
    assert east - west < 90 and north - south < 60  # the densest region, not the world
    by_count = sorted(radii)
    assert by_count[0][1] < by_count[-1][1]  # a place with more events draws larger


@pytest.mark.slow
def test_timeline_opens_on_the_densest_period(browser, server) -> None:
    with Visit(browser, server + "/timeline") as visit:
        page = visit.page
        page.wait_for_selector("#timeline[data-items]", timeout=15000)
        start = page.get_attribute("#timeline", "data-window-start")
        shown = page.evaluate(
            "(() => { const w = window.dyadTimeline.getWindow(); "
            "return [w.start.toISOString(), w.end.toISOString()]; })()"
        )
        clusters = page.locator("#timeline .vis-item.vis-cluster").count()
        titled = page.locator("#timeline .vis-item-content span[title]").count()
        _shot(page, "timeline-window")
        assert visit.problems == []
    with urlopen_json(server + "/api/timeline") as body:
        window = body["window"]
    assert start == window["start"]
    assert shown[0][:4] <= window["start"][:4] and shown[1][:4] >= window["end"][:4]
    assert shown[0][:4] > "1990"  # not the first event's year (1979): the dense part
    assert clusters > 0 and titled > 0  # crowded items clustered, labels with their whole text


class urlopen_json:
    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> dict:
        import json
        import urllib.request

        with urllib.request.urlopen(self.url) as response:
            return json.load(response)

    def __exit__(self, *exc: object) -> None:
        pass


# -- the network page's view: weight filter, search, layout, node size, evidence each way -----


@pytest.fixture(scope="module")
def network_data(web_db: Path) -> dict:
    with Corpus(web_db) as corpus:
        return corpus.network()


def open_network(browser, server: str, query: str = "") -> Visit:
    visit = Visit(browser, server + "/network" + query)
    visit.page.wait_for_selector("#cy[data-nodes]", timeout=15000)
    return visit


def drawn_state(page) -> dict:
    """What the page shows: its actors with size and place, and the lines it shows."""
    return page.evaluate(
        """(() => { const cy = window.dyadNetwork;
             return { width: cy.width(), height: cy.height(),
               nodes: cy.nodes().map((n) => ({ id: n.id(), name: n.data("label"),
                 shown: n.visible(), size: n.width(), x: n.position("x"), y: n.position("y"),
                 rx: n.renderedPosition("x"), ry: n.renderedPosition("y"),
                 selected: n.selected(), faded: n.hasClass("faded") })),
               edges: cy.edges(":visible").map((e) => [e.data("source"), e.data("target")]) }; })()"""
    )


def drawn_degrees(ids: set[str], network_data: dict) -> dict[str, int]:
    """Each drawn actor's number of lines to other drawn actors, from the API's relations."""
    degree = dict.fromkeys(ids, 0)
    for e in network_data["edges"]:
        if {e["source"], e["target"]} <= ids:
            degree[e["source"]] += 1
            degree[e["target"]] += 1
    return degree


@pytest.mark.slow
def test_a_minimum_weight_hides_lighter_lines_then_lone_actors(browser, server, network_data):
    with open_network(browser, server) as visit:
        page = visit.page
        ids = {n["id"] for n in drawn_state(page)["nodes"]}
        edges = [e for e in network_data["edges"] if {e["source"], e["target"]} <= ids]
        weights = sorted({e["weight"] for e in edges})
        assert len(weights) >= 3, "the demo network should have lines of several weights"
        cut = weights[len(weights) // 2]
        page.fill("input[name=min_weight]", str(cut))
        state = drawn_state(page)
        _shot(page, "network-min-weight")
        kept = {frozenset((e["source"], e["target"])) for e in edges if e["weight"] >= cut}
        assert {frozenset(e) for e in state["edges"]} == kept
        assert 0 < len(kept) < len(edges)
        assert {n["id"] for n in state["nodes"] if n["shown"]} == set().union(*kept)
        assert "min_weight=" in page.url  # the state is a permalink
        # the slider steps through the drawn weights: its last step keeps the heaviest lines
        page.evaluate(
            """(() => { const r = document.getElementById("min-weight-range");
                 r.value = r.max; r.dispatchEvent(new Event("input")); })()"""
        )
        assert float(page.input_value("input[name=min_weight]")) == weights[-1]
        heaviest = {
            frozenset((e["source"], e["target"])) for e in edges if e["weight"] == weights[-1]
        }
        assert {frozenset(e) for e in drawn_state(page)["edges"]} == heaviest
        # back to 0: every line and actor again
        page.fill("input[name=min_weight]", "0")
        state = drawn_state(page)
        assert len(state["edges"]) == len(edges) and all(n["shown"] for n in state["nodes"])
        assert visit.problems == []


@pytest.mark.slow
def test_the_search_selects_and_centres_the_actor(browser, server, network_data):
    with open_network(browser, server) as visit:
        page = visit.page
        state = drawn_state(page)
        ids = {n["id"] for n in state["nodes"]}
        degree = drawn_degrees(ids, network_data)
        names = [n["name"] for n in state["nodes"]]
        # an actor with a unique name, not the busiest one (the layout may centre that anyway)
        target = next(
            n
            for n in sorted(state["nodes"], key=lambda n: degree[n["id"]])
            if names.count(n["name"]) == 1 and degree[n["id"]] >= 1
        )
        page.fill("input[name=find]", target["name"].upper())  # any case
        page.press("input[name=find]", "Enter")
        found = drawn_state(page)
        _shot(page, "network-search")
        picked = [n for n in found["nodes"] if n["selected"]]
        assert [n["id"] for n in picked] == [target["id"]]
        assert abs(picked[0]["rx"] - found["width"] / 2) < 1
        assert abs(picked[0]["ry"] - found["height"] / 2) < 1
        neighbours = {e["source"] for e in network_data["edges"] if e["target"] == target["id"]}
        neighbours |= {e["target"] for e in network_data["edges"] if e["source"] == target["id"]}
        for n in found["nodes"]:  # its neighbours stay bright, the rest fade
            assert n["faded"] == (n["id"] not in neighbours | {target["id"]}), n["name"]
        assert target["name"] in page.text_content("#network-status")
        # a name no actor has selects nothing and says so
        page.fill("input[name=find]", "no such actor zzz")
        page.press("input[name=find]", "Enter")
        assert not any(n["selected"] or n["faded"] for n in drawn_state(page)["nodes"])
        assert "no actor drawn matches" in page.text_content("#network-status")
        assert visit.problems == []


@pytest.mark.slow
def test_the_layout_choice_moves_the_actors(browser, server):
    with open_network(browser, server) as visit:
        page = visit.page
        before = {n["id"]: (n["x"], n["y"]) for n in drawn_state(page)["nodes"]}
        page.select_option("select[name=layout]", "circle")
        after = {n["id"]: (n["x"], n["y"]) for n in drawn_state(page)["nodes"]}
        _shot(page, "network-layout-circle")
        moved = [i for i in before if math.dist(before[i], after[i]) > 1]
        assert len(moved) > len(before) / 2
        # on a circle: every actor at the same distance from their centre
        cx = sum(x for x, _ in after.values()) / len(after)
        cy = sum(y for _, y in after.values()) / len(after)
        radii = [math.dist((cx, cy), p) for p in after.values()]
        assert max(radii) - min(radii) < 0.02 * max(radii)
        # and the force-directed layout does not put them on one circle
        radii_before = [
            math.dist((sum(x for x, _ in before.values()) / len(before),
                       sum(y for _, y in before.values()) / len(before)), p)
            for p in before.values()
        ]  # fmt: skip
        assert max(radii_before) - min(radii_before) > 0.2 * max(radii_before)
        assert "layout=circle" in page.url
        assert visit.problems == []


@pytest.mark.slow
def test_node_size_follows_degree_or_the_measure_chosen(browser, server, network_data):
    with open_network(browser, server) as visit:
        page = visit.page
        state = drawn_state(page)
        ids = {n["id"] for n in state["nodes"]}
        degree = drawn_degrees(ids, network_data)
        events = {n["actor_id"]: n["n_events"] for n in network_data["nodes"]}

        def ordered_by(measure: dict, nodes: list) -> None:
            size = {n["id"]: n["size"] for n in nodes}
            assert len(set(size.values())) > 2  # sizes differ
            for a in ids:
                for b in ids:
                    if measure[a] > measure[b]:
                        assert size[a] > size[b], (a, b)
                    elif measure[a] == measure[b]:
                        assert size[a] == pytest.approx(size[b]), (a, b)

        ordered_by(degree, state["nodes"])
        # events order the actors otherwise: some pair's sizes must change with the choice
        assert any(degree[a] > degree[b] and events[a] <= events[b] for a in ids for b in ids)
        page.select_option("select[name=size]", "events")
        ordered_by(events, drawn_state(page)["nodes"])
        assert visit.problems == []


@pytest.mark.slow
def test_a_line_shows_its_evidence_in_each_direction(browser, server, network_data):
    both = next(e for e in network_data["edges"] if e["forward_n_events"] and e["reverse_n_events"])
    with open_network(browser, server) as visit:
        page = visit.page
        page.evaluate(
            f"void window.dyadNetwork.getElementById({'e:' + both['source'] + '|' + both['target']!r}).emit('tap')"
        )
        page.wait_for_selector("#evidence .directions li", timeout=10000)
        ways = page.locator("#evidence .directions li").all_text_contents()
        _shot(page, "network-evidence")
        assert len(ways) == 2
        for text, (side, a, b) in zip(
            ways,
            [("forward", both["source_name"], both["target_name"]),
             ("reverse", both["target_name"], both["source_name"])],
            strict=True,
        ):  # fmt: skip
            sign = {1: "+", -1: "−", 0: "±"}[both[side + "_sign"]]
            assert text == (
                f"{a} → {b}: {both[side + '_n_events']} events, {sign}{both[side + '_weight']:.2f}"
            )
        assert visit.problems == []


# -- linked views (/explore): one filter bar over the map, the timeline and the events -------


def _query_changes(page, query: str) -> None:
    """Wait until the page's link no longer holds ``query``: a click's filter is applied after
    the click returns, and the views read before it would be those it replaces (as the CI run
    of the twenty-fifth session did, under load). A click that filters nothing times out."""
    page.wait_for_function("(q) => window.location.search.slice(1) !== q", arg=query, timeout=20000)


def _settled(page) -> dict:
    """Once every view has drawn: the URL's query, the table's event ids and total, the map's
    places and events, the timeline's items."""
    page.wait_for_selector("body[data-explore=ready]", timeout=20000)
    return page.evaluate(
        """() => ({
             query: window.location.search.slice(1),
             ids: [...document.querySelectorAll("#explore-table tbody tr[data-event]")]
                    .map((tr) => tr.dataset.event),
             total: Number(document.getElementById("explore-table").dataset.total),
             markers: Number(document.getElementById("explore-map").dataset.markers),
             placed: Number(document.getElementById("explore-map").dataset.events),
             items: Number(document.getElementById("explore-timeline").dataset.items) })"""
    )


def _api_view(server: str, query: str) -> dict:
    """What the API answers for the explorer's query: the first page of event ids, the total,
    the placed events and the dated ones (the timeline's items)."""
    from urllib.parse import parse_qsl, urlencode

    filters = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                         if k != "offset"])  # fmt: skip
    offset = dict(parse_qsl(query)).get("offset", "0")
    with urlopen_json(f"{server}/api/events?{filters}&limit=50&offset={offset}") as page:
        ids, total = [e["event_id"] for e in page["items"]], page["total"]
    with urlopen_json(f"{server}/api/map?{filters}") as points:
        placed = len(points["features"])
    with urlopen_json(f"{server}/api/timeline?{filters}") as counts:
        dated = sum(c["n"] for c in counts["counts"])
    return {"ids": ids, "total": total, "placed": placed, "dated": dated}


def _agrees(server: str, seen: dict) -> dict:
    want = _api_view(server, seen["query"])
    assert seen["ids"] == want["ids"] and seen["total"] == want["total"], seen["query"]
    assert seen["placed"] == want["placed"] and seen["items"] == want["dated"], seen["query"]
    return want


@pytest.mark.slow
def test_a_filter_changes_the_table_the_map_and_the_timeline(browser, server) -> None:
    with Visit(browser, server + "/explore") as visit:
        page = visit.page
        first = _settled(page)
        assert "precision=not_centroid" in first["query"]  # country centres off by default
        _agrees(server, first)
        page.select_option("#explore-filters select[name=type]", "ASSAULT")
        _query_changes(page, first["query"])
        by_type = _settled(page)
        assert "type=ASSAULT" in by_type["query"]
        _agrees(server, by_type)
        assert by_type["total"] < first["total"] and by_type["placed"] < first["placed"]
        assert by_type["items"] < first["items"] and by_type["markers"] <= first["markers"]
        # a brush across the years under the timeline sets the period
        bars = page.locator("#histogram .year")
        years = [int(y) for y in bars.evaluate_all("(bars) => bars.map((b) => b.dataset.year)")]
        a, b = bars.nth(len(years) // 3).bounding_box(), bars.nth(len(years) - 2).bounding_box()
        page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] - 4)
        page.mouse.down()
        page.mouse.move(b["x"] + b["width"] / 2, b["y"] + b["height"] - 4, steps=6)
        page.mouse.up()
        _query_changes(page, by_type["query"])
        dated = _settled(page)
        period = (years[len(years) // 3], years[-2])
        assert f"date_from={period[0]}&date_to={period[1]}" in dated["query"]
        _agrees(server, dated)
        assert dated["total"] < by_type["total"]
        slider = page.evaluate("[document.getElementById('from-range').value,"
                               " document.getElementById('to-range').value]")  # fmt: skip
        assert 0 < int(slider[0]) < int(slider[1])  # the sliders follow the brush
        # the date sliders are a filter too: the start handle back to the first month
        page.evaluate("""() => { const r = document.getElementById("from-range"); r.value = "0";
                         r.dispatchEvent(new Event("input")); r.dispatchEvent(new Event("change")); }""")
        _query_changes(page, dated["query"])
        opened = _settled(page)
        assert "date_from" not in opened["query"] and f"date_to={period[1]}" in opened["query"]
        _agrees(server, opened)
        page.wait_for_selector("#explore-timeline .vis-item", state="visible", timeout=5000)
        _shot(page, "explore")
        assert visit.problems == []


@pytest.mark.slow
def test_a_permalink_restores_the_explorer(browser, server) -> None:
    query = "type=ASSAULT&quad=4&precision=fine&date_from=2009&date_to=2014-06"
    with Visit(browser, f"{server}/explore?{query}") as visit:
        page = visit.page
        seen = _settled(page)
        values = page.evaluate(
            """() => Object.fromEntries(["type", "quad", "precision", "date_from", "date_to",
                 "country", "bbox"].map((n) => [n, document.getElementById("explore-filters")
                 .elements.namedItem(n).value]))"""
        )
        assert visit.problems == []
    assert values == {"type": "ASSAULT", "quad": "4", "precision": "fine", "date_from": "2009",
                      "date_to": "2014-06", "country": "", "bbox": ""}  # fmt: skip
    assert seen["query"] == query  # the URL kept as given
    want = _agrees(server, seen)
    assert want["total"] > 0 and seen["markers"] > 0
    with Visit(browser, f"{server}/explore?precision=") as visit:  # any place: centres too
        everything = _settled(visit.page)
        assert visit.page.evaluate(
            "document.querySelector('select[name=precision]').value") == ""  # fmt: skip
        assert visit.problems == []
    _agrees(server, everything)
    with urlopen_json(f"{server}/api/events?limit=1") as unfiltered:
        assert everything["total"] == unfiltered["total"]


VISIBLE_MARKERS = """() => {
  const out = [];
  window.dyadClusters.eachLayer((m) => {
    if (!window.dyadMap.hasLayer(m)) return; // inside a cluster: not drawn itself
    const p = window.dyadMap.latLngToContainerPoint(m.getLatLng());
    out.push({ x: p.x, y: p.y, lat: m.getLatLng().lat, lon: m.getLatLng().lng,
               events: m.options.events });
  });
  return out;
}"""


@pytest.mark.slow
def test_a_click_on_the_map_filters_the_table_and_timeline(browser, server) -> None:
    with Visit(browser, f"{server}/explore?type=&precision=fine") as visit:
        page = visit.page
        before = _settled(page)
        # no zoom or cluster animation under way: the clusters stand where the click goes
        page.wait_for_function(
            """() => !document.querySelector(
            "#explore-map.leaflet-zoom-anim, #explore-map .leaflet-cluster-anim")""",
            timeout=20000,
        )
        # a cluster: its events' box
        centre = page.evaluate("""() => {
            const map = document.getElementById("explore-map").getBoundingClientRect();
            for (const c of document.querySelectorAll("#explore-map .marker-cluster")) {
              const r = c.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (x > map.left + 40 && x < map.right - 20 && y > map.top + 70 && y < map.bottom - 20)
                return [x, y];
            }
            return null; }""")
        assert centre, "no cluster drawn inside the map"
        page.mouse.click(*centre)
        _query_changes(page, before["query"])
        clustered = _settled(page)
        assert "bbox=" in clustered["query"]
        _agrees(server, clustered)
        assert 0 < clustered["total"] < before["total"]
        assert not page.locator("#place-chip").is_hidden()
        # a circle: the events at that point, with a real click on the map's canvas
        page.evaluate("""() => { const m = window.dyadClusters.getLayers()[0];
                         window.dyadMap.setView(m.getLatLng(), window.dyadMap.getMaxZoom(),
                                                { animate: false }); }""")
        page.wait_for_timeout(500)
        size = page.evaluate("[window.dyadMap.getSize().x, window.dyadMap.getSize().y]")
        markers = [m for m in page.evaluate(VISIBLE_MARKERS)
                   if 20 < m["x"] < size[0] - 20 and 60 < m["y"] < size[1] - 20]  # fmt: skip
        assert markers, "no circle drawn outside a cluster"
        box = page.locator("#explore-map").bounding_box()
        marker = markers[0]
        page.mouse.click(box["x"] + marker["x"], box["y"] + marker["y"])
        _query_changes(page, clustered["query"])
        point = _settled(page)
        want = _agrees(server, point)
        assert f"bbox={marker['lon']},{marker['lat']},{marker['lon']},{marker['lat']}" in (
            urllib.parse.unquote(point["query"])
        )
        assert point["total"] == point["placed"] == marker["events"] == want["total"]
        # the chip's x lets go of the place
        page.click("#clear-place")
        _query_changes(page, point["query"])
        again = _settled(page)
        assert "bbox" not in again["query"] or "bbox=&" in again["query"] + "&"
        assert again["total"] == before["total"]
        assert visit.problems == []
