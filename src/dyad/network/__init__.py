"""Structural balance of a signed actor network: triads, frustration, camps, predicted signs.

The graph is an undirected ``networkx.Graph`` whose edges carry ``sign`` (+1 cooperation,
-1 conflict) and ``weight`` (> 0, the evidence behind the sign): one edge per unordered pair
of actors, both directions of their events summed (:func:`pair_relations`, the one definition
of a relation); :mod:`dyad.network.store` builds it from merged events. Everything here is pure and store-free, so it is tested on
random graphs with planted answers.

- A triad (three actors linked pairwise) is *balanced* when it has an even number of
  negative edges ("the enemy of my enemy is my friend"); under Davis's weak balance an
  all-negative triad is allowed too (three mutual enemies fit three camps).
- The *frustration index* is the least number (or weight) of edges whose sign must flip for
  the whole graph to be balanced, i.e. split into two camps with friends inside and enemies
  across. It is NP-hard in general; dyad solves it exactly as a 0/1 program (HiGHS through
  ``scipy.optimize.milp``, one connected component at a time) and falls back to the spectral
  partition improved by single-node moves where the solver runs out of time or the graph is
  larger than the configured limit, saying which it did and the best lower bound known.
- *k camps*: the partition into at most k camps minimising negative weight inside camps
  plus positive weight across them (Doreian and Mrvar's relocation search, started from the
  two-camp optimum and from seeded random partitions).
- *Sign prediction* for a pair with no edge: each common neighbour C gives a triad whose
  balance implies a sign (a friend of a friend, an enemy of an enemy, a friend of an enemy);
  the implied signs are summed, each weighted by its weaker edge. With no common neighbour the
  camps decide.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

__all__ = [
    "Camps",
    "Frustration",
    "Prediction",
    "Triad",
    "camps",
    "frustration",
    "leave_one_out",
    "pair_relations",
    "partition_cost",
    "predict_sign",
    "relation_graph",
    "signed_graph",
    "triad_census",
    "triads",
    "two_camps",
]

Node = Hashable


def pair_relations(edges: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One signed relation per unordered pair of actors, from directed edges: the one folding
    that the balance analysis, ``dyad network``, the exports and the web app all read.

    Each edge needs ``source``, ``target`` and ``net`` (cooperation minus conflict); the other
    keys are optional: ``cooperation``, ``conflict``, ``n_events``, ``event_ids``,
    ``first``/``last`` (dates at their precision), ``start``/``end`` (ISO days, which order
    them) and ``types`` (``{type, n_events, event_ids}``). Self-loops are dropped.

    A relation's ``source`` and ``target`` are the pair in sorted order. Its ``net`` sums both
    directions; ``sign`` is the sign of that sum (0 where the evidence cancels exactly) and
    ``weight`` its size. ``n_events`` counts distinct events (one event can run both ways),
    ``event_ids`` lists them, and ``first``/``last``/``start``/``end`` span both directions.
    ``mixed`` says both cooperative and hostile evidence lie behind it. The directed evidence
    stays in the record: ``forward_*`` for source→target and ``reverse_*`` for
    target→source, each with ``sign``, ``weight``, ``n_events`` and ``event_ids``.
    Relations come strongest first.
    """
    pairs: dict[tuple[Node, Node], dict[str, Any]] = {}
    for e in edges:
        a, b = e["source"], e["target"]
        if a == b:
            continue
        key = (a, b) if str(a) <= str(b) else (b, a)
        side = "forward" if key == (a, b) else "reverse"
        pair = pairs.setdefault(key, {"forward": [], "reverse": []})
        pair[side].append(e)
    relations = [_relation(a, b, p["forward"], p["reverse"]) for (a, b), p in pairs.items()]
    relations.sort(key=lambda r: (-r["weight"], str(r["source"]), str(r["target"])))
    return relations


def _sign(value: float) -> int:
    return 0 if abs(value) < 1e-9 else (1 if value > 0 else -1)


def _ids(edges: list[dict[str, Any]]) -> list[Any]:
    return sorted({i for e in edges for i in e.get("event_ids", ())}, key=str)


def _count(edges: list[dict[str, Any]]) -> int:
    """Distinct events where the edges list them, else the sum of their counts."""
    if all("event_ids" in e for e in edges):
        return len(_ids(edges))
    return sum(e.get("n_events", 1) for e in edges)


def _relation(
    a: Node, b: Node, forward: list[dict[str, Any]], reverse: list[dict[str, Any]]
) -> dict[str, Any]:
    both = forward + reverse
    # fsum: exactly rounded whatever order the edges come in (a plain sum's last digits
    # follow the order, which differs between processes)
    net = math.fsum(e["net"] for e in both)
    cooperation = math.fsum(e.get("cooperation", max(e["net"], 0.0)) for e in both)
    conflict = math.fsum(e.get("conflict", max(-e["net"], 0.0)) for e in both)
    dated = [e for e in both if e.get("first")]
    first = min(dated, key=lambda e: e.get("start") or e["first"], default=None)
    dated = [e for e in both if e.get("last")]
    last = max(dated, key=lambda e: e.get("end") or e["last"], default=None)
    types: dict[str, list[dict[str, Any]]] = {}
    for e in both:
        for t in e.get("types", ()):
            types.setdefault(t["type"], []).append(t)
    relation = {  # the contract's keys first (DESIGN §3), then the parts of the weight
        "source": a,
        "target": b,
        "sign": _sign(net),
        "weight": abs(net),
        "n_events": _count(both),
        "first": first["first"] if first else None,
        "last": last["last"] if last else None,
        "event_ids": _ids(both),
        "net": net,
        "cooperation": cooperation,
        "conflict": conflict,
        "start": min((e["start"] for e in both if e.get("start")), default=None),
        "end": max((e["end"] for e in both if e.get("end")), default=None),
        "types": [{"type": t, "n_events": _count(ts)} for t, ts in sorted(types.items())],
        "mixed": cooperation > 1e-9 and conflict > 1e-9,
    }
    for side, side_edges in (("forward", forward), ("reverse", reverse)):
        side_net = math.fsum(e["net"] for e in side_edges)
        relation[f"{side}_sign"] = _sign(side_net)
        relation[f"{side}_weight"] = abs(side_net)
        relation[f"{side}_n_events"] = _count(side_edges) if side_edges else 0
        relation[f"{side}_event_ids"] = _ids(side_edges)
    return relation


#: what the balance analysis keeps of a relation on each graph edge
_GRAPH_KEYS = ("sign", "weight", "net", "n_events", "event_ids", "first", "last", "mixed")


def relation_graph(relations: Iterable[dict[str, Any]]) -> nx.Graph:
    """The undirected signed graph of pair relations (:func:`pair_relations`): one edge per
    relation that has a sign; a relation whose evidence cancels out has none."""
    g = nx.Graph()
    # edges (and so nodes and each node's neighbours) added in one order whatever order the
    # relations come in: the camp search breaks its ties by that order, so the same question
    # gets the same camps in every process (the CLI's, the web app's)
    signed = sorted(
        (r for r in relations if r["sign"] != 0),
        key=lambda r: sorted((str(r["source"]), str(r["target"]))),
    )
    for r in signed:
        g.add_edge(r["source"], r["target"], **{k: r[k] for k in _GRAPH_KEYS})
    return g


def signed_graph(edges: Iterable[dict[str, Any]]) -> nx.Graph:
    """The undirected signed graph of directed edges (``source``, ``target``, ``net``): their
    :func:`pair_relations`, each signed one an edge carrying ``sign`` and ``weight``."""
    return relation_graph(pair_relations(edges))


# ---------------------------------------------------------------- triads


@dataclass(frozen=True)
class Triad:
    """Three actors linked pairwise; ``signs`` follow the pairs (a,b), (b,c), (a,c)."""

    nodes: tuple[Node, Node, Node]
    signs: tuple[int, int, int]
    weight: float  # the weakest of the three edges: how well attested the triad is

    @property
    def kind(self) -> str:
        """'+++', '++-', '+--' or '---' (number of negative edges, order ignored)."""
        negatives = sum(s < 0 for s in self.signs)
        return "+" * (3 - negatives) + "-" * negatives

    @property
    def balanced(self) -> bool:
        """Even number of negative edges."""
        return self.kind in ("+++", "+--")

    @property
    def weakly_balanced(self) -> bool:
        """Balanced, or three mutual enemies (which fit three camps)."""
        return self.kind != "++-"


def triads(g: nx.Graph) -> list[Triad]:
    """Every triangle of ``g`` once, nodes in a stable order."""
    order = {n: i for i, n in enumerate(sorted(g, key=str))}
    found = []
    for a in g:
        higher = sorted((n for n in g[a] if order[n] > order[a]), key=order.__getitem__)
        for i, b in enumerate(higher):
            for c in higher[i + 1 :]:
                if g.has_edge(b, c):
                    ab, bc, ac = g.edges[a, b], g.edges[b, c], g.edges[a, c]
                    found.append(
                        Triad(
                            (a, b, c),
                            (ab["sign"], bc["sign"], ac["sign"]),
                            min(ab["weight"], bc["weight"], ac["weight"]),
                        )
                    )
    return found


def triad_census(g: nx.Graph) -> dict[str, Any]:
    """Counts of each signed triad kind, and the shares that are (weakly) balanced."""
    found = triads(g)
    counts = Counter(t.kind for t in found)
    n = len(found)
    balanced = counts["+++"] + counts["+--"]
    return {
        "triads": n,
        **{kind: counts[kind] for kind in ("+++", "++-", "+--", "---")},
        "balanced": balanced,
        "unbalanced": n - balanced,
        "balance_ratio": balanced / n if n else None,
        "weak_balance_ratio": (n - counts["++-"]) / n if n else None,
    }


# ---------------------------------------------------------------- frustration


@dataclass
class Frustration:
    """The least number (or weight) of edges to flip for two-camp balance, and the camps."""

    value: float  # frustrated edges (weighted: their total weight) under ``camp``
    lower_bound: float  # no partition can do better than this
    exact: bool  # value == lower_bound, proved
    method: str  # "milp" or "spectral+moves"
    camp: dict[Node, int]  # node -> 0 or 1
    frustrated: list[tuple[Node, Node]] = field(default_factory=list)
    n_edges: int = 0

    @property
    def index(self) -> float:
        """Normalised balance, 1 - 2·L/m: 1 for a balanced graph, 0 for the worst case."""
        return 1 - 2 * self.value / self.n_edges if self.n_edges else 1.0


def _frustrated(g: nx.Graph, camp: dict[Node, int]) -> list[tuple[Node, Node]]:
    return [(a, b) for a, b, d in g.edges(data=True) if (camp[a] == camp[b]) != (d["sign"] > 0)]


def _cost(g: nx.Graph, edges: Sequence[tuple[Node, Node]], weight: str | None) -> float:
    return float(sum(g.edges[e][weight] if weight else 1 for e in edges))


def frustration(
    g: nx.Graph,
    *,
    weight: str | None = None,
    exact_max_edges: int,
    time_limit: float,
) -> Frustration:
    """The frustration index of ``g`` and a two-camp partition that attains it.

    ``weight=None`` counts edges (the classic index); ``weight="weight"`` weighs each by its
    evidence, which is what the camps should follow. The index is the sum over the graph's
    biconnected blocks (a cycle never leaves its block, and the blocks' splits are aligned at
    the cut vertices they share), so each block is solved alone: exactly where it has at most
    ``exact_max_edges`` edges and the solver finishes within the ``time_limit`` seconds left
    for the whole call, else by the heuristic, and then ``exact`` is False. Both come from the
    ``[network]`` settings (:class:`dyad.network.store.Solver`).
    """
    import scipy.optimize  # noqa: F401  (loading the solver is not solving: outside the budget)

    deadline = time.monotonic() + time_limit
    camp: dict[Node, int] = {}
    lower = 0.0
    exact = True
    methods: set[str] = set()
    for nodes in sorted(nx.connected_components(g), key=lambda c: (-len(c), min(map(str, c)))):
        placed: dict[Node, int] = {}
        pending = sorted(
            (set(edges) for edges in nx.biconnected_component_edges(_ordered_graph(g, nodes))),
            key=lambda b: (-len(b), sorted(map(_edge_key, b))),
        )
        while pending:
            # the next block of the block-cut tree: one that meets the placed nodes
            i = next((k for k, b in enumerate(pending) if _ends(b) & placed.keys()), 0)
            block = _ordered_graph(g, _ends(pending.pop(i)))
            part, bound, proved, method = _solve_block(block, weight, exact_max_edges, deadline)
            methods.add(method)
            shared = sorted(set(block) & placed.keys(), key=str)
            if shared and part[shared[0]] != placed[shared[0]]:
                part = {n: 1 - c for n, c in part.items()}
            placed.update(part)
            lower += bound
            exact &= proved
        camp.update(_canonical(placed or dict.fromkeys(nodes, 0)))
    frustrated = _frustrated(g, camp)
    methods.discard("trivial")
    return Frustration(
        value=_cost(g, frustrated, weight),
        lower_bound=lower,
        exact=exact,
        method="+".join(sorted(methods)) or "trivial",
        camp=camp,
        frustrated=frustrated,
        n_edges=g.number_of_edges(),
    )


def _ends(edges: set[tuple[Node, Node]]) -> set[Node]:
    return {n for e in edges for n in e}


def _solve_block(
    g: nx.Graph, weight: str | None, exact_max_edges: int, deadline: float
) -> tuple[dict[Node, int], float, bool, str]:
    """(partition, lower bound, proved optimal, method) for one biconnected block."""
    heuristic = _spectral_moves(g, weight)
    cost = _cost(g, _frustrated(g, heuristic), weight)
    if cost == 0:  # no frustrated edge: optimal whatever found it
        return heuristic, 0.0, True, "trivial"
    left = deadline - time.monotonic()
    if g.number_of_edges() <= exact_max_edges and left > 0.05:
        solved = _milp(g, weight, left)
        if solved is not None:
            part, bound, proved = solved
            if _cost(g, _frustrated(g, part), weight) <= cost:
                return part, bound, proved, "milp"
            return heuristic, bound, False, "milp+spectral+moves"
    return heuristic, 0.0, False, "spectral+moves"


def _edge_key(edge: tuple) -> tuple[str, str]:
    a, b = sorted(map(str, edge[:2]))
    return a, b


def _ordered_graph(g: nx.Graph, nodes: Iterable[Node]) -> nx.Graph:
    """The subgraph of ``g`` induced by ``nodes``, its nodes and edges added in sorted order: a
    networkx view of a node set iterates in the set's order, which changes from one process to
    the next (string hashing), and the solvers break ties by iteration order."""
    keep = sorted(set(nodes), key=str)
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    inside = set(keep)
    edges = [(a, b) for a in keep for b in g[a] if b in inside and str(a) < str(b)]
    for a, b in sorted(edges, key=_edge_key):
        sub.add_edge(a, b, **g[a][b])
    return sub


def _canonical(camp: dict[Node, int]) -> dict[Node, int]:
    """Camp 0 is the larger one (then the one holding the first node), so results are stable."""
    sizes = Counter(camp.values())
    first = min(camp, key=str)
    flip = sizes[1] > sizes[0] or (sizes[1] == sizes[0] and camp[first] == 1)
    return {n: 1 - c if flip else c for n, c in camp.items()}


def _milp(
    g: nx.Graph, weight: str | None, time_limit: float
) -> tuple[dict[Node, int], float, bool] | None:
    """Exact two-camp partition: x_i in {0,1} per node, f_e >= |x_i - x_j| for a positive
    edge and >= |x_i + x_j - 1| for a negative one; minimise the (weighted) sum of f_e."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    nodes = list(g)
    index = {n: i for i, n in enumerate(nodes)}
    n, m = len(nodes), g.number_of_edges()
    rows, cols, vals, upper = [], [], [], []
    cost = np.zeros(n + m)
    for k, (a, b, d) in enumerate(g.edges(data=True)):
        i, j, f = index[a], index[b], n + k
        cost[f] = d[weight] if weight else 1.0
        r = 2 * k
        if d["sign"] > 0:  # x_i - x_j - f <= 0 and x_j - x_i - f <= 0
            rows += [r, r, r, r + 1, r + 1, r + 1]
            cols += [i, j, f, i, j, f]
            vals += [1, -1, -1, -1, 1, -1]
            upper += [0, 0]
        else:  # x_i + x_j - f <= 1 and -x_i - x_j - f <= -1
            rows += [r, r, r, r + 1, r + 1, r + 1]
            cols += [i, j, f, i, j, f]
            vals += [1, 1, -1, -1, -1, -1]
            upper += [1, -1]
    # every unbalanced triangle has at least one frustrated edge: a cut that tightens the
    # relaxation a great deal on dense graphs
    edge_var = {frozenset((a, b)): n + k for k, (a, b) in enumerate(g.edges())}
    r = 2 * m
    for t in triads(g):
        if not t.balanced:
            a, b, c = t.nodes
            for pair in ((a, b), (b, c), (a, c)):
                rows.append(r)
                cols.append(edge_var[frozenset(pair)])
                vals.append(-1)
            upper.append(-1)
            r += 1
    matrix = coo_array((vals, (rows, cols)), shape=(r, n + m)).tocsr()
    lower_x = np.zeros(n + m)
    upper_x = np.ones(n + m)
    upper_x[0] = 0  # the first node's camp is fixed: the mirror partition is the same answer
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    result = milp(
        cost,
        constraints=LinearConstraint(matrix, -np.inf, np.array(upper, dtype=float)),
        integrality=integrality,
        bounds=Bounds(lower_x, upper_x),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None:
        return None
    part = {node: round(result.x[index[node]]) for node in nodes}
    proved = result.status == 0
    bound = float(getattr(result, "mip_dual_bound", None) or 0.0)
    return part, (result.fun if proved else max(bound, 0.0)), proved


def _spectral_moves(g: nx.Graph, weight: str | None) -> dict[Node, int]:
    """The signs of the leading eigenvector of the signed adjacency matrix, then single-node
    moves while any move lowers the frustration (a local optimum)."""
    nodes = list(g)
    if len(nodes) <= 2:
        start = {nodes[0]: 0}
        if len(nodes) == 2:
            start[nodes[1]] = 0 if g.edges[nodes[0], nodes[1]]["sign"] > 0 else 1
        return start
    index = {n: i for i, n in enumerate(nodes)}
    matrix = np.zeros((len(nodes), len(nodes)))
    for a, b, d in g.edges(data=True):
        w = d["sign"] * (d[weight] if weight else 1.0)
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = w
    if len(nodes) <= 2000:
        _, vectors = np.linalg.eigh(matrix)
        leading = vectors[:, -1]
    else:
        from scipy.sparse import csr_array
        from scipy.sparse.linalg import eigsh

        leading = eigsh(csr_array(matrix), k=1, which="LA")[1][:, 0]
    camp = {n: int(leading[index[n]] < 0) for n in nodes}
    return _improve(g, camp, weight)


def _improve(g: nx.Graph, camp: dict[Node, int], weight: str | None) -> dict[Node, int]:
    """Move single nodes to the other camp while that lowers the frustrated weight."""
    camp = dict(camp)

    def gain(n: Node) -> float:  # frustrated weight removed by moving n
        total = 0.0
        for other, d in g[n].items():
            w = d[weight] if weight else 1.0
            agrees = (camp[n] == camp[other]) == (d["sign"] > 0)
            total += -w if agrees else w
        return total

    improved = True
    while improved:
        improved = False
        for n in sorted(g, key=lambda n: -gain(n)):
            if gain(n) > 1e-12:
                camp[n] = 1 - camp[n]
                improved = True
    return camp


# ---------------------------------------------------------------- k camps


@dataclass
class Camps:
    """A partition into camps, best first by size, and its cost."""

    camp: dict[Node, int]
    cost: float  # negative weight inside camps + positive weight across them
    members: list[list[Node]]


def partition_cost(g: nx.Graph, camp: dict[Node, int], weight: str | None = "weight") -> float:
    """Negative weight inside camps plus positive weight across them."""
    return _cost(g, _frustrated(g, camp), weight)


def camps(
    g: nx.Graph,
    *,
    k_max: int,
    restarts: int,
    weight: str | None = "weight",
    seed: int = 0,
    start: dict[Node, int] | None = None,
) -> Camps:
    """The partition into at most ``k_max`` camps with the least cost; among equal costs the
    one with fewest camps. ``start`` (e.g. the two-camp optimum) is always one of the starts,
    then the all-in-one partition, then ``restarts`` random ones (``seed`` makes them the same
    on every run)."""
    rng = random.Random(seed)
    nodes = sorted(g, key=str)
    if not nodes:
        return Camps({}, 0.0, [])
    starts = [start] if start else []
    starts.append(dict.fromkeys(nodes, 0))
    for _ in range(restarts):
        starts.append({n: rng.randrange(k_max) for n in nodes})
    best: tuple[float, int, dict[Node, int]] | None = None
    for s in starts:
        part = _relocate(g, {n: s.get(n, 0) % k_max for n in nodes}, k_max, weight, rng)
        key = (round(partition_cost(g, part, weight), 9), len(set(part.values())))
        if best is None or key < best[:2]:
            best = (*key, part)
    assert best is not None
    return _ordered(g, best[2], best[0])


def two_camps(g: nx.Graph, split: Frustration) -> Camps:
    """The two-camp split of ``split`` (a weighted frustration result), improved by node moves
    where the split was heuristic, camps ordered largest first."""
    return camps(g, k_max=2, start=split.camp, restarts=0)


def _relocate(
    g: nx.Graph, camp: dict[Node, int], k: int, weight: str | None, rng: random.Random
) -> dict[Node, int]:
    """Move each node to the camp where it frustrates least, until nothing moves."""
    order = list(camp)
    moved = True
    while moved:
        moved = False
        rng.shuffle(order)
        for n in order:
            cost = [0.0] * k  # frustrated weight at n if n were in camp c
            for other, d in g[n].items():
                w = d[weight] if weight else 1.0
                for c in range(k):
                    if (c == camp[other]) != (d["sign"] > 0):
                        cost[c] += w
            target = min(range(k), key=lambda c: (cost[c], c != camp[n]))
            if cost[target] < cost[camp[n]] - 1e-12:
                camp[n] = target
                moved = True
    return camp


def _ordered(g: nx.Graph, camp: dict[Node, int], cost: float) -> Camps:
    groups: dict[int, list[Node]] = {}
    for n, c in camp.items():
        groups.setdefault(c, []).append(n)

    def strength(n: Node) -> float:
        return sum(d["weight"] for d in g[n].values())

    members = sorted(
        (sorted(m, key=lambda n: (-strength(n), str(n))) for m in groups.values()),
        key=lambda m: (-len(m), str(m[0])),
    )
    renumbered = {n: i for i, m in enumerate(members) for n in m}
    return Camps(renumbered, cost, members)


# ---------------------------------------------------------------- prediction


@dataclass
class Prediction:
    """The predicted sign of a pair, how sure, and the triads (or camps) behind it."""

    a: Node
    b: Node
    sign: int  # +1, -1, or 0 when the evidence is missing or cancels out
    score: float  # -1 .. 1: weighted share of the evidence for the sign
    method: str  # "triads", "camps" or "none"
    reasons: list[dict[str, Any]] = field(default_factory=list)
    observed: int | None = None  # the sign of the edge itself, when there is one


def predict_sign(
    g: nx.Graph,
    a: Node,
    b: Node,
    *,
    camp: dict[Node, int] | None = None,
    max_reasons: int = 10,
) -> Prediction:
    """The sign balance implies for the pair (a, b), with the triads that justify it.

    The edge (a, b) itself, if any, is ignored for the prediction and returned as
    ``observed``; so the same call scores a method by hiding known edges.
    """
    observed = g.edges[a, b]["sign"] if g.has_edge(a, b) else None
    reasons = []
    if a in g and b in g:
        for c in set(g[a]) & set(g[b]):
            ac, cb = g.edges[a, c], g.edges[c, b]
            reasons.append(
                {
                    "via": c,
                    "sign_a": ac["sign"],
                    "sign_b": cb["sign"],
                    "implies": ac["sign"] * cb["sign"],
                    "weight": min(ac["weight"], cb["weight"]),
                }
            )
    if reasons:
        total = sum(r["weight"] for r in reasons)
        score = sum(r["implies"] * r["weight"] for r in reasons) / total
        reasons.sort(key=lambda r: (-r["weight"], str(r["via"])))
        sign = 0 if abs(score) < 1e-9 else (1 if score > 0 else -1)
        return Prediction(a, b, sign, score, "triads", reasons[:max_reasons], observed)
    if camp and a in camp and b in camp and nx.has_path(g, a, b):
        same = camp[a] == camp[b]
        return Prediction(
            a,
            b,
            1 if same else -1,
            0.5 if same else -0.5,  # a camp is weaker evidence than a shared neighbour
            "camps",
            [{"camp_a": camp[a], "camp_b": camp[b]}],
            observed,
        )
    return Prediction(a, b, 0, 0.0, "none", [], observed)


def leave_one_out(g: nx.Graph) -> dict[str, Any]:
    """Hide each edge in turn and predict its sign from the triads around it.

    ``accuracy`` is over the edges that have a common neighbour (``coverage`` of all edges);
    ``baseline`` is the accuracy of always predicting the commoner sign, for comparison.
    """
    hits = covered = 0
    for a, b, d in g.edges(data=True):
        p = predict_sign(g, a, b)
        if p.method == "triads" and p.sign != 0:
            covered += 1
            hits += p.sign == d["sign"]
    m = g.number_of_edges()
    positives = sum(d["sign"] > 0 for _, _, d in g.edges(data=True))
    return {
        "edges": m,
        "covered": covered,
        "coverage": covered / m if m else 0.0,
        "accuracy": hits / covered if covered else None,
        "baseline": max(positives, m - positives) / m if m else None,
    }
