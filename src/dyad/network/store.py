"""The signed actor network of a store: edges from merged events, sliced and analysed.

Each merged event adds, for every (source actor, target actor) pair it names, its intensity
on the −10..+10 scale divided by 10, times the weight of its type (``[network]
type_weights``), times its evidence: the number of independent sources reporting it, so a
copied report does not count twice. A directed edge sums its events, and a pair's relation
sums both directions (:func:`dyad.network.pair_relations`): the network's edges are these
relations, one per unordered pair, each listing the directed evidence behind it. The CLI,
the exports, the web app and the balance analysis all read them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import NotFound
from ..events.store import EVENTS_QUERY, overlaps
from ..store import Store
from . import (
    Camps,
    Frustration,
    Prediction,
    camps,
    frustration,
    leave_one_out,
    pair_relations,
    predict_sign,
    relation_graph,
    triad_census,
    triads,
    two_camps,
)

if TYPE_CHECKING:
    from ..config import Settings

__all__ = [
    "GENERIC_SECTORS",
    "STATE_SECTORS",
    "Network",
    "NetworkQuery",
    "Solver",
    "load_network",
    "network_over_time",
    "network_summary",
    "predict_pair",
    "relation_counts",
    "resolve_actor",
    "signed_network",
]

#: sectors whose actors act for their state when events roll up (``rollup=True``)
STATE_SECTORS = ("GOV", "MIL", "JUD", "LEG", "SPY", "COP")
#: sectors of the unnamed groups that count for their country by default (``merge_generic``)
GENERIC_SECTORS = (*STATE_SECTORS, "CVL")

_RULES_TYPE = 'struct(actor_id varchar, state varchar, "start" date, "end" date)[]'


@dataclass(frozen=True)
class NetworkQuery:
    """Which events make the network. Every value reaches SQL as a parameter."""

    modalities: tuple[str, ...] = ("asserted",)
    date_from: str | None = None  # events whose period overlaps [date_from, date_to]
    date_to: str | None = None
    within: tuple[str, str] | None = None  # events whose period lies inside (time slices)
    sources: tuple[str, ...] = ()  # document ids (or their first characters) or outlets
    types: tuple[str, ...] = ()  # PLOVER types; empty: all
    rollup: bool = False  # state officials' and forces' events count for their state
    # unnamed forces, officials and people of a country ("U.S. forces", "Americans") count
    # for the country; named bodies and people stay apart unless ``rollup``
    merge_generic: bool = True
    type_weights: dict[str, float] = field(default_factory=dict)  # missing types: 1.0

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> NetworkQuery:
        """The ``[network]`` settings, with command-line choices on top (None = setting)."""
        weights = settings.value("network.type_weights")
        base = cls(
            modalities=tuple(settings.value("network.modalities")),
            merge_generic=bool(settings.value("network.merge_generic")),
            type_weights={k.upper(): float(v) for k, v in weights.items()},
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class Solver:
    """How balance is solved: the ``[network]`` settings k_max, camp_restarts,
    exact_max_edges and time_limit (see default.cfg), given to every analysis."""

    k_max: int
    restarts: int
    exact_max_edges: int
    time_limit: float

    @classmethod
    def from_settings(cls, settings: Settings) -> Solver:
        return cls(
            k_max=int(settings.value("network.k_max")),
            restarts=int(settings.value("network.camp_restarts")),
            exact_max_edges=int(settings.value("network.exact_max_edges")),
            time_limit=float(settings.value("network.time_limit")),
        )

    def frustration(self, g: nx.Graph, weight: str | None = "weight") -> Frustration:
        return frustration(
            g, weight=weight, exact_max_edges=self.exact_max_edges, time_limit=self.time_limit
        )

    def camps(self, g: nx.Graph, start: dict[Any, int] | None = None) -> Camps:
        return camps(g, k_max=self.k_max, restarts=self.restarts, start=start)


@dataclass
class Network:
    """Nodes and edges in the export shape (DESIGN §3), and the signed graph. Each edge is
    the relation of one unordered pair (:func:`dyad.network.pair_relations`)."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    query: NetworkQuery

    def graph(self) -> nx.Graph:
        """The undirected signed graph of the relations that have a sign, node attributes
        from ``nodes``."""
        g = relation_graph(self.edges)
        for node in self.nodes:
            if node["actor_id"] in g:
                g.nodes[node["actor_id"]].update(node)
        return g


def _pairs(events_sql: str) -> str:
    """CTEs ending in ``st``: one row per event and (source, target) actor pair, each side
    renamed to its state where a rule covers the event's dates (parameters: the modalities,
    then the rules). An event naming both a state and its forces counts once for the state;
    a pair the renaming makes one actor is dropped."""
    state_of = """coalesce((select r.state from r where r.actor_id = {side}
        and (r."start" is null or ds >= r."start") and (r."end" is null or de <= r."end")
        order by r."start" nulls first limit 1), {side})"""
    return f"""
    with ev as (
        select x.event_id, x.type, x.intensity, x.source_ids, x.target_ids, x.date,
               x.n_independent_sources as evidence, x.doc_ids,
               x.date_start as ds, x.date_end as de
        from ({events_sql}) x
        where len(list_intersect(x.modalities, ?)) > 0  -- one asserting source is enough
    ), r as (select unnest(cast(? as {_RULES_TYPE}), recursive := true)),
    s as (select *, unnest(source_ids) as src0 from ev),
    st0 as (select *, unnest(target_ids) as tgt0 from s where src0 is not null),
    st as (
        select distinct on (event_id, src, tgt) * exclude (src0, tgt0) from (
            select *, {state_of.format(side="src0")} as src, {state_of.format(side="tgt0")} as tgt
            from st0 where tgt0 is not null
        ) where src <> tgt
    )
"""


def _where(query: NetworkQuery, doc_ids: list[str] | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if query.types:
        sql += " and list_contains(?, type)"
        params.append([t.upper() for t in query.types])
    window, window_params = overlaps("ds", "de", query.date_from, query.date_to)
    sql += window
    params += window_params
    if query.within:
        sql += " and ds >= cast(? as date) and de <= cast(? as date)"
        params += list(query.within)
    if doc_ids is not None:
        sql += " and len(list_intersect(doc_ids, ?)) > 0"
        params.append(doc_ids)
    return sql, params


def _documents(store: Store, sources: tuple[str, ...]) -> list[str] | None:
    if not sources:
        return None
    found = store.rows(
        """select doc_id from documents where is_current and (list_contains(?, outlet)
           or len(list_filter(?, lambda p: starts_with(doc_id, p))) > 0)""",
        [list(sources), list(sources)],
    )
    if not found:
        raise NotFound(
            f"no document or outlet matches {', '.join(sources)}; "
            "list them with `dyad export documents -o -`"
        )
    return [r["doc_id"] for r in found]


def _state_rules(store: Store, query: NetworkQuery) -> list[dict[str, Any]]:
    """(actor, state, start, end): the actor's events dated within start..end count for the
    state (no dates: all its events). Unnamed groups of a country's state sectors or people
    with ``merge_generic``; every state-sector actor, and people while in a state role, with
    ``rollup``."""
    if not (query.rollup or query.merge_generic):
        return []
    rules = []
    for actor_id, country, sector, roles, source in store.con.execute(
        """select actor_id, country, sector, roles, source from actors
           where country is not null and kind <> 'state' order by actor_id"""
    ).fetchall():
        state = country.lower()
        generic = source == "generic" and sector in GENERIC_SECTORS
        if generic or (query.rollup and sector in STATE_SECTORS):
            rules.append({"actor_id": actor_id, "state": state, "start": None, "end": None})
            continue
        if not query.rollup:
            continue
        for role in json.loads(roles) if roles else []:
            if role.get("sector") in STATE_SECTORS:
                rules.append(
                    {"actor_id": actor_id, "state": state,
                     "start": role.get("start"), "end": role.get("end")}
                )  # fmt: skip
    return rules


def load_network(
    store: Store,
    query: NetworkQuery | None = None,
    *,
    events_sql: str = EVENTS_QUERY,
    rules: list[dict[str, Any]] | None = None,
) -> Network:
    """The pair relations and their nodes for ``query`` (default: asserted events, all time).

    ``events_sql`` is a query or table in the events export shape (the web app passes its
    materialised copy). ``rules`` are the query's renamings to states, when the caller has
    read them already (one read for many time windows)."""
    query = query or NetworkQuery()
    doc_ids = _documents(store, query.sources)
    where, params = _where(query, doc_ids)
    evidence = "evidence"
    if doc_ids is not None:  # one source's view: each selected document counts once
        evidence = "least(evidence, len(list_intersect(doc_ids, ?)))"
        params = [doc_ids, *params]
    sql = f"""{_pairs(events_sql)}
        select src, tgt, type, count(distinct event_id) as n_events,
               -- rounded: a parallel sum's last digits follow the order rows come in
               round(sum(intensity / 10 * {evidence}), 9) as value,
               list(distinct event_id order by event_id) as event_ids,
               min(ds) as first_ds, arg_min(date, ds) as first,
               max(de) as last_de, arg_max(date, de) as last
        from st where true {where}
        group by src, tgt, type
        order by src, tgt, type
    """
    if rules is None:
        rules = _state_rules(store, query)
    rows = store.rows(sql, [list(query.modalities), rules, *params])
    edges = pair_relations(_directed(rows, query.type_weights))
    nodes = _nodes(store, edges)
    names = {n["actor_id"]: n["name"] for n in nodes}
    for e in edges:
        e["source_name"], e["target_name"] = names[e["source"]], names[e["target"]]
    return Network(nodes, edges, query)


def _directed(rows: list[dict[str, Any]], type_weights: dict[str, float]) -> list[dict[str, Any]]:
    """The directed edges (source actor → target actor) that :func:`pair_relations` folds."""
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        w = type_weights.get(r["type"], 1.0)
        if w == 0 or r["src"] == r["tgt"]:
            continue
        e = grouped.setdefault(
            (r["src"], r["tgt"]),
            {"source": r["src"], "target": r["tgt"], "net": 0.0, "cooperation": 0.0,
             "conflict": 0.0, "event_ids": set(), "types": [],
             "first": None, "first_ds": None, "last": None, "last_de": None},
        )  # fmt: skip
        value = w * (r["value"] or 0.0)
        e["net"] += value
        e["cooperation" if value > 0 else "conflict"] += abs(value)
        e["event_ids"].update(r["event_ids"])
        e["types"].append({"type": r["type"], "event_ids": list(r["event_ids"])})
        if r["first_ds"] is not None and (e["first_ds"] is None or r["first_ds"] < e["first_ds"]):
            e["first"], e["first_ds"] = r["first"], r["first_ds"]
        if r["last_de"] is not None and (e["last_de"] is None or r["last_de"] > e["last_de"]):
            e["last"], e["last_de"] = r["last"], r["last_de"]
    for e in grouped.values():
        e["event_ids"] = sorted(e["event_ids"])
        e["n_events"] = len(e["event_ids"])
        # the whole period as ISO days, for tools that want dates (Gephi's timeline)
        first_ds, last_de = e.pop("first_ds"), e.pop("last_de")
        e["start"] = first_ds.isoformat() if first_ds else None
        e["end"] = last_de.isoformat() if last_de else None
    return list(grouped.values())


def relation_counts(edges: list[dict[str, Any]]) -> dict[str, int]:
    """How many relations, friendly, hostile, cancelled out (no sign) and mixed (both
    cooperative and hostile evidence): the counts every view of the network reports."""
    return {
        "relations": len(edges),
        "positive": sum(e["sign"] > 0 for e in edges),
        "negative": sum(e["sign"] < 0 for e in edges),
        "unsigned": sum(e["sign"] == 0 for e in edges),
        "mixed": sum(bool(e["mixed"]) for e in edges),
    }


def _nodes(store: Store, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    known = {
        r["actor_id"]: r
        for r in store.rows(
            "select actor_id, name, kind, country, code from actors where list_contains(?, actor_id)",
            [ids],
        )
    }
    n_events: dict[str, int] = defaultdict(int)
    for e in edges:
        n_events[e["source"]] += e["n_events"]
        n_events[e["target"]] += e["n_events"]
    return [
        {
            **known.get(
                i,
                {
                    "actor_id": i,
                    "name": i.upper(),
                    "kind": "state",
                    "country": i.upper(),
                    "code": i.upper(),
                },
            ),
            "n_events": n_events[i],
        }
        for i in ids
    ]


def resolve_actor(store: Store, text: str) -> dict[str, Any]:
    """The actor an id, a name or an alias names (the most mentioned when several match)."""
    from ..actors.store import ACTORS_QUERY

    exact = store.rows("select actor_id, name from actors where actor_id = ?", [text])
    if exact:
        return exact[0]
    found = store.rows(
        f"""select actor_id, name, aliases from ({ACTORS_QUERY})
            where contains(lower(name), ?) or contains(lower(actor_id), ?)
               or len(list_filter(aliases, lambda a: contains(lower(a), ?))) > 0
            order by n_mentions desc, name""",
        [text.lower()] * 3,
    )
    if not found:
        raise NotFound(f"no actor matches {text!r}; find its id with `dyad actors -n {text}`")
    wanted = text.casefold()
    # a whole name or alias beats a part of one ("Iran" is not the "... of Iran" group)
    whole = [
        a
        for a in found
        if wanted == a["name"].casefold() or wanted in (x.casefold() for x in a["aliases"])
    ]
    best = (whole or found)[0]
    return {"actor_id": best["actor_id"], "name": best["name"]}


def network_summary(network: Network, solver: Solver, *, top: int = 10) -> dict[str, Any]:
    """Balance analysis of a network: census, frustration, two and k camps, the most
    unbalanced triads, and how well triads predict the signs that are known."""
    g = network.graph()
    names = {n["actor_id"]: n["name"] for n in network.nodes}
    census = triad_census(g)
    classic = solver.frustration(g, weight=None)
    weighted = solver.frustration(g)
    k = solver.camps(g, start=weighted.camp)
    two = two_camps(g, weighted)
    unbalanced = sorted((t for t in triads(g) if not t.balanced), key=lambda t: -t.weight)
    counts = relation_counts(network.edges)
    return {  # "edges" counts the pair relations, as the exports and the web app do
        "nodes": len(network.nodes),
        "edges": counts.pop("relations"),
        **counts,
        "components": nx.number_connected_components(g),
        "census": census,
        "frustration": {
            "edges": classic.value,
            "lower_bound": classic.lower_bound,
            "exact": classic.exact,
            "method": classic.method,
            "balance_index": classic.index,
            "weighted": weighted.value,
            "weighted_exact": weighted.exact,
            "frustrated_edges": [
                [names.get(a, a), names.get(b, b)] for a, b in weighted.frustrated
            ],
        },
        "two_camps": _named(two.members, names),
        "two_camps_ids": two.members,
        "camps": _named(k.members, names),
        "camps_ids": k.members,
        "camps_cost": k.cost,
        "unbalanced_triads": [
            {
                "actors": [names.get(n, n) for n in t.nodes],
                "actor_ids": list(t.nodes),
                "signs": list(t.signs),
                "kind": t.kind,
                "weight": t.weight,
            }
            for t in unbalanced[:top]
        ],
        "leave_one_out": leave_one_out(g),
    }


def _named(members: list[list[Any]], names: dict[str, str]) -> list[list[str]]:
    return [[names.get(n, n) for n in m] for m in members]


def signed_network(
    store: Store, query: NetworkQuery | None, solver: Solver, *, events_sql: str = EVENTS_QUERY
) -> tuple[Network, nx.Graph, dict[str, int]]:
    """The query's network, its signed graph and the camps ``solver`` finds in it: what
    :func:`predict_pair` predicts from."""
    network = load_network(store, query, events_sql=events_sql)
    g = network.graph()
    return network, g, solver.frustration(g).camp


def predict_pair(
    store: Store,
    a: str,
    b: str,
    query: NetworkQuery | None,
    solver: Solver,
    *,
    events_sql: str = EVENTS_QUERY,
    signed: tuple[Network, nx.Graph, dict[str, int]] | None = None,
) -> dict:
    """The sign balance predicts between two actors, with its justifying triads (or camps);
    ``events_sql`` as for :func:`load_network`. ``signed`` is the query's
    :func:`signed_network`, for a caller that keeps it (it is found here otherwise)."""
    network, g, camp = signed or signed_network(store, query, solver, events_sql=events_sql)
    actor_a, actor_b = resolve_actor(store, a), resolve_actor(store, b)
    ia, ib = actor_a["actor_id"], actor_b["actor_id"]
    for actor in (actor_a, actor_b):
        if actor["actor_id"] not in g:
            raise NotFound(
                f"{actor['name']} ({actor['actor_id']}) has no signed relation in this network; "
                "widen it (e.g. --modality hypothetical) or check `dyad events -a "
                f"{actor['actor_id']}`"
            )
    p: Prediction = predict_sign(g, ia, ib, camp=camp)
    names = {n["actor_id"]: n["name"] for n in network.nodes}
    for r in p.reasons:
        if "via" in r:
            r["via_name"] = names.get(r["via"], r["via"])
            r["explanation"] = _explain(actor_a["name"], actor_b["name"], r)
        else:
            r["explanation"] = (
                f"{actor_a['name']} and {actor_b['name']} are in "
                f"{'the same camp' if r['camp_a'] == r['camp_b'] else 'opposite camps'}"
            )
    pair = (ia, ib) if ia <= ib else (ib, ia)
    return {
        "a": actor_a,
        "b": actor_b,
        "sign": p.sign,
        "score": p.score,
        "method": p.method,
        "observed": p.observed,
        # the pair's own relation (left out of the prediction), with its directed evidence
        "relation": next((e for e in network.edges if (e["source"], e["target"]) == pair), None),
        "reasons": p.reasons,
    }


def _explain(a: str, b: str, r: dict[str, Any]) -> str:
    c = r["via_name"]
    role = {1: "friend", -1: "enemy"}
    if r["sign_a"] == r["sign_b"]:
        return f"{a} and {b} share the {role[r['sign_a']]} {c}"
    if r["sign_a"] > 0:
        return f"{_possessive(a)} friend {c} is {_possessive(b)} enemy"
    return f"{_possessive(a)} enemy {c} is {_possessive(b)} friend"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def network_over_time(
    store: Store,
    query: NetworkQuery | None,
    solver: Solver,
    *,
    every: str = "decade",
    events_sql: str = EVENTS_QUERY,
) -> dict[str, Any]:
    """The network in consecutive windows (``year`` or ``decade``): size, balance, camps,
    and the pairs whose sign changed from one window to the next (``events_sql`` as for
    :func:`load_network`).

    An event belongs to a window when its whole period lies inside it, so "the 1990s" counts
    in the decade slices and in no single year; the events too vague for the windows are
    counted, not guessed.
    """
    query = query or NetworkQuery()
    rules = _state_rules(store, query)  # read once for every window
    span = store.rows(
        f"""{_pairs(events_sql)} select min(ds) as lo, max(de) as hi, count(distinct event_id) as n
            from st""",
        [list(query.modalities), rules],
    )[0]
    if span["lo"] is None:
        return {"every": every, "windows": [], "changes": []}
    step = {"year": 1, "decade": 10}[every]
    start = span["lo"].year - span["lo"].year % step
    windows, changes, previous = [], [], None
    for year in range(start, span["hi"].year + 1, step):
        window = (f"{year:04d}-01-01", f"{year + step - 1:04d}-12-31")
        network = load_network(
            store, replace(query, within=window), events_sql=events_sql, rules=rules
        )
        if not network.edges:
            continue
        g = network.graph()
        census = triad_census(g)
        split = solver.frustration(g)
        names = {n["actor_id"]: n["name"] for n in network.nodes}
        signs = {(e["source"], e["target"]): e["sign"] for e in network.edges if e["sign"]}
        label = str(year) if step == 1 else f"{year}s"
        if previous is not None:
            for pair, sign in sorted(signs.items()):
                before = previous[1].get(pair)
                if before is not None and before != sign:
                    changes.append(
                        {"pair": [names.get(p, p) for p in pair], "pair_ids": list(pair),
                         "from": before, "to": sign, "between": [previous[0], label]}
                    )  # fmt: skip
        windows.append(
            {
                "window": label,
                "start": window[0],
                "end": window[1],
                "nodes": len(network.nodes),
                "edges": len(network.edges),
                "positive": sum(s > 0 for s in signs.values()),
                "balance_ratio": census["balance_ratio"],
                "frustration": split.value,
                "camps": _named(two_camps(g, split).members, names),
            }
        )
        previous = (label, signs)
    return {"every": every, "windows": windows, "changes": changes}
