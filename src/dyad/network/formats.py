"""The network as files other tools read: GEXF and GraphML (Gephi, Cytoscape, igraph) and
JSON nodes/edges (DESIGN §3). Nodes carry their camps; edges their sign, weight and period."""

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


def _digraph(network: Network, solver: Solver, *, dynamic: bool) -> nx.DiGraph:
    """A directed graph whose attributes are all scalars (GEXF and GraphML hold no lists)."""
    g = nx.DiGraph()
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
            "n_events": e["n_events"],
            "first": e["first"] or "",
            "last": e["last"] or "",
            "event_ids": " ".join(e["event_ids"]),
            "types": " ".join(f"{t['type']}:{t['n_events']}" for t in e["types"]),
        }
        if dynamic and e["start"] and e["end"]:
            attrs["start"], attrs["end"] = e["start"], e["end"]
        g.add_edge(e["source"], e["target"], **attrs)
    return g


def write_network(network: Network, fmt: str, output: str | Path, solver: Solver) -> int:
    """Write ``network`` as JSON, GEXF (dated edges on Gephi's timeline) or GraphML; return
    the number of edges. The file appears under its name only when complete."""
    from ..export import atomic_output, dumps

    if fmt not in GRAPH_FORMATS:
        raise ValueError(f"not a graph format: {fmt}")
    with atomic_output(output) as tmp:
        if fmt == "json":
            text = dumps(network_document(network, solver), indent=1)
            tmp.write_text(text, encoding="utf-8")
        elif fmt == "gexf":
            g = _digraph(network, solver, dynamic=True)
            g.graph["mode"] = "dynamic"
            nx.write_gexf(g, tmp)
        else:
            nx.write_graphml(_digraph(network, solver, dynamic=False), tmp)
    return len(network.edges)
