"""Incident datasets as gold: GTD summaries and UCDP GED headlines of attacks in Iraq.

Each row is an incident coded by others (perpetrator, date, place, deaths, attack type). Its
text goes through a temporary store, the whole pipeline (merging included) and the read API
(:class:`dyad.corpus.Corpus`), and each measure reads the exported events, as a user would.
"""

from __future__ import annotations

import csv
import math
import re
import statistics
import tempfile
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

__all__ = [
    "GTD_ROWS",
    "UCDP_ROWS",
    "attack_cameo",
    "gtd_documents",
    "gtd_group_names",
    "is_attack",
    "name_key",
    "score_gtd",
    "score_ucdp",
    "ucdp_documents",
    "ucdp_sides",
]

#: rows scored by default (None: the whole file; 800 dev rows take about a minute on one core,
#: so every row is scored); `--data` scores any file of the same columns
GTD_ROWS: int | None = None
UCDP_ROWS: int | None = None

_LEAD_DATE = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}\s*:\s*")
_NOT_ALNUM = re.compile(r"[^0-9a-z ]+")


def name_key(text: str) -> str:
    """A name compared loosely: case, apostrophes, hyphens, a leading "the" ignored."""
    text = _NOT_ALNUM.sub("", text.casefold().replace("-", "").replace("’", ""))
    return re.sub(r"^the ", "", " ".join(text.split()))


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("dyad.evaluation").joinpath("data", name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def attack_cameo() -> dict[str, set[str]]:
    """GTD attack type -> the CAMEO codes that code it (data/gtd_attack_types.tsv)."""
    return {row[0]: set(row[1].split("|")) for row in _data_rows("gtd_attack_types.tsv")}


def ucdp_sides() -> dict[str, dict[str, Any]]:
    """UCDP side -> {names, country, sectors} (data/ucdp_sides.tsv)."""
    sides = {}
    for row in _data_rows("ucdp_sides.tsv"):
        row += [""] * (4 - len(row))
        sides[row[0]] = {
            "names": {name_key(n) for n in row[1].split("|") if n},
            "country": row[2] or None,
            "sectors": {s for s in row[3].split("|") if s},
        }
    return sides


def is_attack(event: dict) -> bool:
    """An act of violence: CAMEO 18 (assault), 19 (fight) or 20 (mass violence)."""
    return str(event.get("cameo") or "")[:2] in {"18", "19", "20"}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _float(value: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _read(path: Path, limit: int | None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def gtd_documents(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """One document per GTD row: the summary without its leading "MM/DD/YYYY:"."""
    return [
        {"row": i, "text": _LEAD_DATE.sub("", r["summary"]).strip(), "published": r["date"]}
        for i, r in enumerate(rows)
        if r.get("summary", "").strip()
    ]


def ucdp_documents(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """One document per headline of a UCDP row (``source_headline`` joined by ';', dated by
    the matching ``source_date``, else ``date_start``); a headline repeated in a row once."""
    docs = []
    for i, r in enumerate(rows):
        headlines = [h.strip() for h in (r.get("source_headline") or "").split(";")]
        dates = [d.strip() for d in (r.get("source_date") or "").split(";")]
        seen = set()
        for j, headline in enumerate(headlines):
            published = dates[j] if j < len(dates) and dates[j] else r["date_start"]
            published = published[:10]
            if not headline or (headline, published) in seen:
                continue
            seen.add((headline, published))
            docs.append({"row": i, "text": headline, "published": published})
    return docs


def _run(nlp: Language, docs: list[dict[str, Any]], name: str) -> tuple[list[dict], dict]:
    """The exported events and each document's row, after a store run over ``docs``."""
    from ..config import load_settings
    from ..corpus import Corpus
    from ..ingest.readers import Article
    from ..pipeline import analyse, compare_sources
    from ..store import Store

    settings = load_settings()
    articles = [
        Article(
            text=d["text"],
            path=f"{name}/{d['row']:05d}-{k:03d}.txt",
            format="text",
            published=d["published"],
        )
        for k, d in enumerate(docs)
    ]
    with tempfile.TemporaryDirectory(prefix="dyad-eval-") as folder:
        db = Path(folder) / f"{name}.duckdb"
        with Store(db) as store:
            store.add_documents(articles)
            analyse(store, settings, nlp=nlp)
            compare_sources(store, settings)
            row_of = {
                doc_id: int(Path(path).name[:5])
                for doc_id, path in store.con.execute(
                    "select doc_id, path from documents where is_current"
                ).fetchall()
            }
        with Corpus(db, settings=settings) as corpus:
            actors = {a["actor_id"]: a for a in corpus.table_rows("actors")}
            events = corpus.table_rows("events")
    for event in events:  # each side: its named actors (with aliases), then its raw texts
        for side in ("source", "target"):
            event[f"{side}s"] = [
                {k: actors[a].get(k) for k in ("name", "aliases", "country", "sector", "kind")}
                for a in event.get(f"{side}_ids") or []
                if a in actors
            ] + [{"name": n} for n in event.get(f"{side}_names") or [] if n]
    return events, row_of


def _by_row(events: list[dict], row_of: dict) -> dict[int, list[tuple[int, dict]]]:
    """Each row's events, as (position of its first mention in that row's text, event)."""
    out: dict[int, list[tuple[int, dict]]] = {}
    for event in events:
        first: dict[int, int] = {}
        for m in event.get("mentions") or []:
            row = row_of.get(m["doc_id"])
            if row is not None:
                first[row] = min(first.get(row, 1 << 30), m["start"] or 0)
        for row, start in first.items():
            out.setdefault(row, []).append((start, event))
    for row in out:
        out[row].sort(key=lambda pair: pair[0])
    return out


def _false_merges(events: list[dict], row_of: dict) -> tuple[int, list[dict]]:
    bad = []
    for event in events:
        rows = {row_of.get(m["doc_id"]) for m in event.get("mentions") or []} - {None}
        if len(rows) > 1:
            bad.append({"event_id": event["event_id"], "rows": sorted(rows)[:10]})
    return len(bad), bad[:10]


def _names(actor: dict) -> set[str]:
    return {name_key(actor.get("name") or "")} | {name_key(a) for a in actor.get("aliases") or []}


def gtd_group_names(group: str) -> set[str]:
    """ "Islamic State of Iraq and the Levant (ISIL)" -> the name, the bracketed acronym and
    the other names data/gtd_groups.tsv gives it (compared as :func:`name_key`)."""
    names = {name_key(re.sub(r"\s*\([^)]*\)", "", group))}
    names |= {name_key(a) for a in re.findall(r"\(([^)]*)\)", group)}
    for row in _data_rows("gtd_groups.tsv"):
        if row[0] == group and len(row) > 1:
            names |= {name_key(n) for n in row[1].split("|")}
    return {n for n in names if n}


def _names_in(names: set[str], text: str) -> bool:
    """Whether ``text`` names one of ``names`` (two-letter acronyms aside: "IS" is a verb)."""
    padded = f" {name_key(text)} "
    return any(f" {n} " in padded for n in names if len(n) > 2)


def _within_a_day(event: dict, gold: str) -> bool:
    return _within(event, gold, gold)


def _within(event: dict, gold_start: str, gold_end: str | None) -> bool:
    """Whether the event's whole date interval lies in gold_start - 1 day .. gold_end + 1 day."""
    start, end = event.get("date_start"), event.get("date_end")
    if not start or not end:
        return False
    first_day = date.fromisoformat(gold_start[:10])
    last_day = date.fromisoformat((gold_end or gold_start)[:10])
    try:
        first, last = date.fromisoformat(str(start)[:10]), date.fromisoformat(str(end)[:10])
    except ValueError:
        return False
    return first_day - timedelta(days=1) <= first and last <= last_day + timedelta(days=1)


def _rate(hits: int, n: int) -> float:
    return hits / n if n else 0.0


def score_gtd(nlp: Language, path: Path, *, limit: int | None = GTD_ROWS) -> Any:
    """GTD summaries: perpetrator, date, place, killed and attack subtype of each incident's
    attack event, and merged events that join incidents (must be none)."""
    from .sets import SetResult

    rows = _read(path, limit)
    docs = gtd_documents(rows)
    events, row_of = _run(nlp, docs, "gtd")
    per_row = _by_row(events, row_of)
    cameo_of = attack_cameo()
    tally = {k: 0 for k in ("found", "perp", "perp_n", "unknown_group", "date", "place25",
                            "place161", "placed_n", "killed", "killed_n", "subtype",
                            "subtype_n", "unknown_type")}  # fmt: skip
    errors: dict[str, list] = {"perpetrator": [], "date": [], "killed": [], "subtype": []}
    kms = []
    by_type: dict[str, list[int]] = {}
    for doc in docs:
        gold = rows[doc["row"]]
        attacks = [e for _, e in per_row.get(doc["row"], []) if is_attack(e)]
        main = attacks[0] if attacks else None
        tally["found"] += main is not None
        group = gold.get("group_name", "").strip()
        if not group or group.casefold() == "unknown":
            tally["unknown_group"] += 1
        else:
            names = gtd_group_names(group)
            if _names_in(names, doc["text"]):  # the text names it
                tally["perp_n"] += 1
                hit = any(names & _names(a) for e in attacks for a in e["sources"])
                tally["perp"] += hit
                if not hit and len(errors["perpetrator"]) < 15:
                    errors["perpetrator"].append(
                        [group, [[a["name"] for a in e["sources"]] for e in attacks][:3]]
                    )
        ok = main is not None and _within_a_day(main, gold["date"])
        tally["date"] += ok
        if not ok and len(errors["date"]) < 10:
            errors["date"].append([gold["date"], main and [main["date_start"], main["date_end"]]])
        lat, lon = _float(gold.get("latitude")), _float(gold.get("longitude"))
        if lat is not None and lon is not None:
            tally["placed_n"] += 1
            if main is not None and main.get("lat") is not None:
                km = _km(lat, lon, main["lat"], main["lon"])
                kms.append(km)
                tally["place25"] += km <= 25
                tally["place161"] += km <= 161
        killed = _float(gold.get("killed"))
        if killed is not None:
            tally["killed_n"] += 1
            # GTD counts every death of the incident, the attackers' too ("volunteers repelled
            # the assault, killing 13 assailants"): the toll is the largest count any of the
            # report's violent events carries
            counts = [e["killed"] for e in attacks if e.get("killed") is not None]
            toll = max(counts) if counts else None
            ok = toll == int(killed)
            tally["killed"] += ok
            if not ok and len(errors["killed"]) < 10:
                errors["killed"].append([int(killed), toll])
        kind = gold.get("attack_type", "")
        if kind in cameo_of:
            tally["subtype_n"] += 1
            ok = main is not None and str(main.get("cameo")) in cameo_of[kind]
            tally["subtype"] += ok
            by_type.setdefault(kind, [0, 0])
            by_type[kind][0] += ok
            by_type[kind][1] += 1
            if not ok and len(errors["subtype"]) < 10:
                errors["subtype"].append([kind, main and main.get("cameo")])
        else:
            tally["unknown_type"] += 1
    merges, merged = _false_merges(events, row_of)
    n = len(docs)
    result = SetResult("gtd", "scored", str(path), n=n)
    result.metrics = {
        "attack_found": _rate(tally["found"], n),
        "perpetrator": _rate(tally["perp"], tally["perp_n"]),
        "date_within_day": _rate(tally["date"], n),
        "place_25km": _rate(tally["place25"], tally["placed_n"]),
        "place_161km": _rate(tally["place161"], tally["placed_n"]),
        "median_km": statistics.median(kms) if kms else None,
        "killed_right": _rate(tally["killed"], tally["killed_n"]),
        "subtype_right": _rate(tally["subtype"], tally["subtype_n"]),
        "false_merges": merges,
    }
    result.details = {
        "rows": n,
        "counts": tally,
        "subtype_by_type": {k: f"{a}/{b}" for k, (a, b) in sorted(by_type.items())},
        "merged_across_rows": merged,
        "errors": errors,
    }
    return result


def _side_matches(actor: dict, side: dict) -> bool:
    if side["names"] & _names(actor):
        return True
    if side["sectors"] and actor.get("sector") in side["sectors"]:
        return side["country"] is None or actor.get("country") == side["country"]
    return False


def score_ucdp(nlp: Language, path: Path, *, limit: int | None = UCDP_ROWS) -> Any:
    """UCDP GED headlines: both sides of the dyad in one event, its place, and the first dated
    event within a day of the row's date_start .. date_end."""
    from .sets import SetResult

    rows = _read(path, limit)
    docs = ucdp_documents(rows)
    events, row_of = _run(nlp, docs, "ucdp")
    per_row = _by_row(events, row_of)
    sides = ucdp_sides()
    dyads = placed = placed_n = placed_rows = known = dated = 0
    kms, misses = [], []
    scored_rows = sorted({d["row"] for d in docs})
    for row in scored_rows:
        gold = rows[row]
        found = [e for _, e in per_row.get(row, [])]
        a, b = sides.get(gold["side_a"]), sides.get(gold["side_b"])
        if a is not None and b is not None:
            known += 1
            actors = [[*e["sources"], *e["targets"]] for e in found]
            hit = any(
                any(_side_matches(x, a) for x in people)
                and any(_side_matches(x, b) for x in people)
                for people in actors
            )
            dyads += hit
            if not hit and len(misses) < 15:
                misses.append(
                    [gold["side_a"], gold["side_b"], [[x["name"] for x in p] for p in actors][:3]]
                )
        when = next((e for e in found if e.get("date_start")), None)
        dated += when is not None and _within(when, gold["date_start"], gold.get("date_end"))
        lat, lon = _float(gold.get("latitude")), _float(gold.get("longitude"))
        if lat is not None and lon is not None:
            placed_n += 1
            where = next((e for e in found if e.get("lat") is not None), None)
            if where is not None:
                placed_rows += 1
                km = _km(lat, lon, where["lat"], where["lon"])
                kms.append(km)
                placed += km <= 161
    merges, merged = _false_merges(events, row_of)
    result = SetResult("ucdp", "scored", str(path), n=len(scored_rows))
    result.metrics = {
        "dyad_both_sides": _rate(dyads, known),
        "place_161km": _rate(placed, placed_n),
        "median_km": statistics.median(kms) if kms else None,
        "date_within_day": _rate(dated, len(scored_rows)),
    }
    result.details = {
        "rows": len(scored_rows),
        "documents": len(docs),
        "rows_with_known_sides": known,
        "rows_with_a_placed_event": placed_rows,
        "merged_across_rows": merges,
        "merged_examples": merged,
        "dyad_misses": misses,
    }
    return result
