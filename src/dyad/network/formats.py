"""The network as files other tools read: GEXF and GraphML (Gephi, Cytoscape, igraph) and
JSON nodes/edges (DESIGN §3). Nodes carry their camps; edges are the pair relations (one per
unordered pair, undirected), with their sign, weight, period and the evidence each way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from . import camps, frustration, two_camps
from .store import Network

__all__ = ["GRAPH_FORMATS", "network_document", "nodes_with_camps", "write_network"]

GRAPH_FORMATS = ("json", "gexf", "graphml")


def nodes_with_camps(network: Network, *, k_max: int = 4) -> list[dict[str, Any]]:
    """The nodes, each with ``camp`` (best partition into at most ``k_max`` camps) and
    ``two_camp`` (best split in two); actors with no signed edge have neither."""
    g = network.graph()
    split = frustration(g, weight="weight")
    two = two_camps(g, split).camp
    k = camps(g, k_max=k_max, start=split.camp).camp
    return [{**n, "camp": k.get(n["actor_id"]), "two_camp": two.get(n["actor_id"])}
            for n in network.nodes]  # fmt: skip


def network_document(network: Network, *, k_max: int = 4) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...]}`` in the export shape."""
    return {"nodes": nodes_with_camps(network, k_max=k_max), "edges": network.edges}


def _graph(network: Network, *, k_max: int, dynamic: bool) -> nx.Graph:
    """An undirected graph, one edge per pair relation, whose attributes are all scalars
    (GEXF and GraphML hold no lists: those become space-separated text)."""
    g = nx.Graph()
    for n in nodes_with_camps(network, k_max=k_max):
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


def write_network(network: Network, fmt: str, output: str | Path, *, k_max: int = 4) -> int:
    """Write ``network`` as JSON, GEXF (dated edges on Gephi's timeline) or GraphML; return
    the number of edges (pair relations). The file appears under its name only when complete."""
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if fmt == "json":
        tmp.write_text(
            json.dumps(network_document(network, k_max=k_max), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    elif fmt == "gexf":
        g = _graph(network, k_max=k_max, dynamic=True)
        g.graph["mode"] = "dynamic"
        nx.write_gexf(g, tmp)
    elif fmt == "graphml":
        nx.write_graphml(_graph(network, k_max=k_max, dynamic=False), tmp)
    else:
        raise ValueError(f"not a graph format: {fmt}")
    tmp.replace(path)
    return len(network.edges)
