"""The network as files other tools read: GEXF and GraphML (Gephi, Cytoscape, igraph) and
JSON nodes/edges (DESIGN §3). Nodes carry their camps; edges are the pair relations (one per
unordered pair, undirected), with their sign, weight, period and the evidence each way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from . import two_camps
from .store import Network, Solver

__all__ = ["GRAPH_FORMATS", "network_document", "nodes_with_camps", "write_network"]

GRAPH_FORMATS = ("json", "gexf", "graphml")


def nodes_with_camps(network: Network, solver: Solver) -> list[dict[str, Any]]:
    """The nodes, each with ``camp`` (best partition into at most ``solver.k_max`` camps) and
    ``two_camp`` (best split in two); actors with no signed edge have neither."""
    g = network.graph()
    split = solver.frustration(g)
    two = two_camps(g, split).camp
    k = solver.camps(g, start=split.camp).camp
    return [{**n, "camp": k.get(n["actor_id"]), "two_camp": two.get(n["actor_id"])}
            for n in network.nodes]  # fmt: skip


def network_document(network: Network, solver: Solver) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` in the export shape."""
    return {"nodes": nodes_with_camps(network, solver), "edges": network.edges}


def _graph(network: Network, solver: Solver, *, dynamic: bool) -> nx.Graph:
    """An undirected graph, one edge per pair relation, whose attributes are all scalars
    (GEXF and GraphML hold no lists: those become space-separated text)."""
    g = nx.Graph()
    for n in nodes_with_camps(network, solver):
        attrs = {k: v for k, v in n.items() if v is not None and k != "actor_id"}
        g.add_node(n["actor_id"], label=n["name"], **attrs)
    for e in network.edges:
        attrs = {
            "sign": e["sign"],
            "weight": e["weight"],
            "net": e["net"],
            "cooperation": e["cooperation"],
            "conflict": e["conflict"],
            "mixed": e["mixed"],
            "n_events": e["n_events"],
            "first": e["first"] or "",
            "last": e["last"] or "",
            "event_ids": " ".join(e["event_ids"]),
            "types": " ".join(f"{t['type']}:{t['n_events']}" for t in e["types"]),
        }
        for side in ("forward", "reverse"):  # forward: source → target; reverse: back
            attrs[f"{side}_sign"] = e[f"{side}_sign"]
            attrs[f"{side}_weight"] = e[f"{side}_weight"]
            attrs[f"{side}_n_events"] = e[f"{side}_n_events"]
            attrs[f"{side}_event_ids"] = " ".join(e[f"{side}_event_ids"])
        if dynamic and e["start"] and e["end"]:
            attrs["start"], attrs["end"] = e["start"], e["end"]
        g.add_edge(e["source"], e["target"], **attrs)
    return g


def write_network(network: Network, fmt: str, output: str | Path, solver: Solver) -> int:
    """Write ``network`` as JSON, GEXF (dated edges on Gephi's timeline) or GraphML; return
    the number of edges (pair relations). The file appears under its name only when complete."""
    from ..export import atomic_output, dumps

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"not a graph format: {fmt}")
    with atomic_output(output) as tmp:
        if fmt == "json":
            text = dumps(network_document(network, solver), indent=1)
            tmp.write_text(text, encoding="utf-8")
        elif fmt == "gexf":
            g = _graph(network, solver, dynamic=True)
            g.graph["mode"] = "dynamic"
            nx.write_gexf(g, tmp)
        else:
            nx.write_graphml(_graph(network, solver, dynamic=False), tmp)
    return len(network.edges)
