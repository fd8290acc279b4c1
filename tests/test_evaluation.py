"""The evaluation harness: loaders on hand-made files, known scores, and the CI quality gate."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import spacy

from conftest import SHARED, write
from dyad.config import load_settings
from dyad.evaluation import (
    NOT_BUILT,
    SetResult,
    check_floors,
    evaluate,
    load_baseline,
    write_baseline,
)
from dyad.evaluation.harness import baseline_path
from dyad.evaluation.sets import (
    load_geowebnews,
    load_newsmtsc,
    load_petrarch,
    score_geo,
    score_plover,
)

GWN = """<?xml version="1.0" ?>
<articles>
 <article file="0"><title>t</title><link>l</link>
  <text>Troops left Basra for Baghdad. Iraqi officials met in Paris.</text>
  <toponyms>
   <toponym><extractedName>Basra</extractedName><type>Literal</type><start>12</start><end>17</end>
     <latitude>30.5</latitude><longitude>47.8</longitude></toponym>
   <toponym><extractedName>Baghdad</extractedName><type>Literal</type><start>22</start><end>29</end>
     <latitude>33.3</latitude><longitude>44.4</longitude></toponym>
   <toponym><extractedName>Iraqi</extractedName><type>Non_Literal_Modifier</type><start>31</start><end>36</end>
     <latitude>33.0</latitude><longitude>44.0</longitude></toponym>
   <toponym><extractedName>officials</extractedName><type>Non_Toponym</type><start>37</start><end>46</end>
     <latitude></latitude><longitude></longitude></toponym>
  </toponyms>
 </article>
</articles>
"""


def ruler_nlp(patterns: list[dict]) -> spacy.language.Language:
    """A blank pipeline whose 'entities' are exactly the given patterns: known predictions."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    return nlp


def test_geowebnews_loader_keeps_toponyms_with_coordinates(tmp_path: Path) -> None:
    (article,) = load_geowebnews(write(tmp_path / "GWN.xml", GWN))
    assert [g["text"] for g in article["gold"]] == ["Basra", "Baghdad", "Iraqi"]
    assert article["text"][12:17] == "Basra"


def test_geo_scores_known_predictions(tmp_path: Path) -> None:
    nlp = ruler_nlp(
        [
            {"label": "GPE", "pattern": "Basra"},
            {"label": "GPE", "pattern": "Paris"},
            {"label": "GPE", "pattern": "Baghdad"},
        ]
    )
    result = score_geo(nlp, write(tmp_path / "GWN.xml", GWN))
    # predicted Basra, Baghdad, Paris; gold Basra, Baghdad, Iraqi -> tp 2, fp 1, fn 1
    assert result.metrics["toponym_precision"] == pytest.approx(2 / 3)
    assert result.metrics["toponym_recall"] == pytest.approx(2 / 3)
    assert result.metrics["accuracy_161km"] == NOT_BUILT


def test_plover_actor_recall_and_not_built_events(tmp_path: Path) -> None:
    records = [
        {
            "id": "1",
            "event": "DEMAND",
            "text": "France urged Germany to act.",
            "source": [{"actorText": "France", "code": "FRA"}],
            "target": [{"actorText": "Germany", "code": "DEU"}],
        },
        {
            "id": "2",
            "event": "AGREE",
            "text": "Kenyan officials agreed to talks.",
            "source": [{"actorText": "Kenyan officials", "code": "KEN"}],
            "target": "",
        },
    ]
    path = write(tmp_path / "dev.jsonl", "\n".join(json.dumps(r) for r in records))
    result = score_plover(
        ruler_nlp([{"label": "GPE", "pattern": "France"}, {"label": "NORP", "pattern": "Kenyan"}]),
        path,
    )
    assert result.metrics["actor_text_recall"] == pytest.approx(2 / 3)  # Germany missed
    assert result.metrics["event_type_accuracy"] == NOT_BUILT
    assert result.details["gold_types"] == {
        "AGREE": 1,
        "REQUEST": 1,
    }  # DEMAND mapped to PLOVER 2021


def test_petrarch_loader_reads_the_malformed_file_shape(tmp_path: Path) -> None:
    text = """<Validation><Sentences>
<Sentence category="AFP" date="20080804" id="A_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader
visited Beijing.
</Text>
<Parse>1	The</Parse>
</Sentence>
<Sentence id="A_2"/>
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentences></Validation>"""
    sentences = load_petrarch(write(tmp_path / "p.xml", text))
    assert sentences == [
        {
            "id": "A_1",
            "codings": [{"eventcode": "042", "sourcecode": "USA", "targetcode": "CHN"}],
            "text": "The US leader visited Beijing.",
        },
        {"id": "A_2", "codings": [], "text": "Nothing happened."},
    ]


def test_newsmtsc_loader_takes_the_primary_target(tmp_path: Path) -> None:
    line = {
        "primary_gid": "g2",
        "sentence_normalized": "Trump praised Obama.",
        "targets": [
            {"Input.gid": "g1", "from": 0, "to": 5, "mention": "Trump", "polarity": 4.0},
            {"Input.gid": "g2", "from": 14, "to": 19, "mention": "Obama", "polarity": 6.0},
        ],
    }
    (item,) = load_newsmtsc(write(tmp_path / "x.dev.jsonl", json.dumps(line) + "\n"))
    assert (item["start"], item["end"], item["label"]) == (14, 19, "positive")


def test_missing_data_is_skipped_with_a_reason(tmp_path: Path) -> None:
    (result,) = evaluate(["plover"], load_settings(), data_root=tmp_path)
    assert result.status == "skipped" and "not found" in result.reason


def test_the_seeds_corpus_is_read_from_the_data_root_given(tmp_path: Path) -> None:
    (result,) = evaluate(["seeds"], load_settings(), data_root=tmp_path)
    assert result.status == "skipped" and str(tmp_path / "corpus" / "seeds") in result.reason


def test_data_option_needs_one_set(tmp_path: Path) -> None:
    from dyad.errors import DyadError

    with pytest.raises(DyadError, match="exactly one set"):
        evaluate(["plover", "geo"], load_settings(), data=tmp_path / "x")


# -- the gate -------------------------------------------------------------------------------


def result(**metrics) -> SetResult:
    return SetResult("geo", "scored", n=1, metrics=metrics)


def test_gate_passes_within_tolerance_and_fails_below() -> None:
    baseline = {
        "tolerance": 0.01,
        "sets": {"geo": {"floors": {"toponym_f1": 0.62, "median_km": 40.0}}},
    }
    assert check_floors([result(toponym_f1=0.615, median_km=40.2)], baseline) == []
    lowered = check_floors([result(toponym_f1=0.50, median_km=40.0)], baseline)
    assert [str(r) for r in lowered] == ["geo.toponym_f1 = 0.5 breaks its pinned floor 0.62"]
    worse_error = check_floors([result(toponym_f1=0.62, median_km=90.0)], baseline)
    assert [r.metric for r in worse_error] == ["median_km"]


def test_gate_fails_when_a_pinned_capability_disappears() -> None:
    baseline = {"sets": {"geo": {"floors": {"accuracy_161km": 0.8}}}}
    assert len(check_floors([result(accuracy_161km=NOT_BUILT)], baseline)) == 1


def test_gate_ignores_skipped_sets() -> None:
    baseline = {"sets": {"geo": {"floors": {"toponym_f1": 0.9}}}}
    assert check_floors([SetResult("geo", "skipped", reason="no data")], baseline) == []


def test_write_baseline_pins_floors_that_pass(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(
        path, [result(toponym_f1=0.123456, median_km=40.00001, accuracy_161km=NOT_BUILT)]
    )
    pinned = load_baseline(path)["sets"]["geo"]["floors"]
    assert pinned == {"toponym_f1": 0.1234, "median_km": 40.0001}
    assert (
        check_floors([result(toponym_f1=0.123456, median_km=40.00001)], load_baseline(path)) == []
    )


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "eval").is_dir(), reason=f"shared eval data not found at {SHARED}"
)
def test_current_scores_meet_the_pinned_floors() -> None:
    """The CI quality gate: every set scored now, against tests/gold/baseline.json."""
    from dyad.evaluation.sets import SETS

    results = evaluate(list(SETS), load_settings(), data_root=SHARED)
    assert {r.name for r in results} == set(load_baseline(baseline_path())["sets"])
    assert [r.name for r in results if r.status != "scored"] == []
    regressions = check_floors(results, load_baseline(baseline_path()))
    assert regressions == [], "\n".join(map(str, regressions))


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "corpus" / "seeds").is_dir(), reason=f"reference corpus not found at {SHARED}"
)
def test_eval_check_fails_the_build_when_a_floor_is_broken(tmp_path: Path, dyad_cmd) -> None:
    """Demonstration: raise one pinned floor above today's score (as a dropped score would be)."""
    baseline = tmp_path / "baseline.json"
    shutil.copy(baseline_path(), baseline)
    pinned = json.loads(baseline.read_text())
    pinned["sets"]["seeds"]["floors"]["alias_f1"] = (
        1.5  # above any score: today's score now "dropped"
    )
    baseline.write_text(json.dumps(pinned))
    run = subprocess.run(
        [*dyad_cmd, "eval", "seeds", "--check", "--baseline", str(baseline)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DYAD_SHARED": str(SHARED)},
    )
    assert run.returncode == 1
    assert "regression seeds.alias_f1" in run.stderr and "breaks its pinned floor 1.5" in run.stderr
    ok = subprocess.run(
        [*dyad_cmd, "eval", "seeds", "--check", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DYAD_SHARED": str(SHARED)},
    )
    assert ok.returncode == 0, ok.stderr
    scores = json.loads(ok.stdout)
    assert scores[0]["name"] == "seeds"
    assert 0.0 <= scores[0]["metrics"]["copied_pair_found"] <= 1.0


def _event(kind: str, start: int, end: int, depth: int, confidence: float, **sides) -> dict:
    return {
        "type": kind,
        "cameo": {"REQUEST": "020", "AGREE": "036", "ASSAULT": "190"}[kind],
        "cue_start": start,
        "cue_end": end,
        "trigger_start": start,
        "depth": depth,
        "confidence": confidence,
        "sources": sides.get("sources", []),
        "targets": sides.get("targets", []),
    }


def test_plover_event_scoring_on_hand_made_predictions() -> None:
    from dyad.evaluation.sets import _score_cameo, _score_plover_events, primary_event

    text = "France urged Germany to attack Spain."
    record = {
        "text": text,
        "textInfo": {"markup": "(SRC: France) (EVT: urged) (TAR: Germany) to attack Spain."},
        "source": [{"actorText": "France", "code": "FRA"}],
        "target": [{"actorText": "Germany", "code": "DEU"}],
    }
    urged = _event(
        "REQUEST", 7, 12, 0, 0.5,
        sources=[{"start": 0, "end": 6, "code": "FRAGOV"}],
        targets=[{"start": 13, "end": 20, "code": None}],
    )  # fmt: skip
    attack = _event("ASSAULT", 24, 30, 1, 0.9)
    # the event on the gold words wins over a more confident one elsewhere
    assert primary_event([attack, urged], [(7, 12)]) is urged
    # with no overlap, the main clause's event wins
    assert primary_event([attack, urged], [(99, 100)]) is urged
    assert primary_event([], [(7, 12)]) is None
    details: dict = {}
    scores = _score_plover_events(
        [record, {**record, "textInfo": {}}], ["REQUEST", "AGREE"], [[urged, attack], []], details
    )
    assert scores["event_type_accuracy"] == 0.5 and scores["triple_accuracy"] == 0.5
    assert scores["source_country_match"] == 0.5 and scores["target_text_overlap"] == 0.5
    assert details["confusion"] == {"REQUEST": {"REQUEST": 1}, "AGREE": {"NONE": 1}}
    sentences = [
        {"codings": [{"eventcode": "020", "sourcecode": "FRA", "targetcode": "DEUGOV"}]},
        {"codings": []},
    ]
    cameo = _score_cameo(sentences, [[urged, attack], [attack]])
    assert cameo["cameo_root_accuracy"] == 1.0 and cameo["cameo_root_precision"] == 0.5
    assert cameo["source_code_match"] == 1.0 and cameo["target_code_match"] == 0.0
    assert cameo["no_event_false_alarms"] == 1.0


# -- plv-actors -------------------------------------------------------------------------------


def test_marks_are_stripped_and_spans_point_into_the_plain_text() -> None:
    from dyad.evaluation.sets import parse_marked

    text, spans = parse_marked(
        "<s>Iraqi police </s>arrested <t>two men</t> near <t>Mosul</t>, officials said."
    )
    assert text == "Iraqi police arrested two men near Mosul, officials said."
    assert [(role, text[a:b]) for role, a, b in spans] == [
        ("source", "Iraqi police"),
        ("target", "two men"),
        ("target", "Mosul"),
    ]
    assert parse_marked("No marks here.") == ("No marks here.", [])


def test_span_evidence_reads_demonyms_and_state_names_only() -> None:
    from dyad.evaluation.sets import _SpanEvidence

    evidence = _SpanEvidence()
    assert evidence.countries("Iranian Foreign Minister Mohammad Javad Zarif") == {"IRN"}
    assert evidence.countries("Russia's foreign minister") == {"RUS"}
    assert evidence.countries("the U.S. and South Korean militaries") == {"USA", "KOR"}
    assert evidence.countries("The American Civil Liberties Union") == {"USA"}
    # no country named: counted apart, never scored for correctness
    assert evidence.countries("the opposition members") == set()
    assert evidence.countries("Hun Sen") == set()
    # the longest name first; a capital is no country name, unless it is the state's own
    assert evidence.countries("The Democratic Republic of Congo") == {"COD"}
    assert evidence.countries("Vice-President Hamilton Mourao") == set()
    assert evidence.countries("Singapore's prime minister") == {"SGP"}


def test_plv_actors_scores_a_written_file(tmp_path: Path, nlp) -> None:
    from dyad.evaluation.sets import load_plv, score_plv_actors

    rows = [
        "<s>Iraqi officials</s> criticised <t>Turkey</t> on Monday.",
        "<s>Mr Smith</s> met <t>the committee</t>.",
        "<t>Nobody</t> was there.",
        "No marks at all.",
    ]
    path = write(
        tmp_path / "plv.tsv",
        "\tsentence_id\tsentence\tmarked_sentence\n"
        + "".join(f"{i}\t{i}\tx\t{r}\n" for i, r in enumerate(rows)),
    )
    records = load_plv(path)
    assert len(records) == 3 and {r["half"] for r in records} <= {"A", "B"}
    result = score_plv_actors(nlp, path)
    counts = result.details["counts"]
    assert counts["spans"] == 5 and counts["evidenced"] == 2  # "Iraqi officials", "Turkey"
    assert result.metrics["country_right"] == 1.0
    assert result.metrics["no_country_in_span"] == 3 / 5
    assert result.metrics["actor_with_country"] <= 2 / 5
    assert result.metrics["actor_with_state"] <= result.metrics["actor_with_country"]


def test_plv_actors_counts_an_organisation_code_in_the_country_slot() -> None:
    """CAMEO puts IGO/NGO/IMG/MNC where a state actor has its country: the UN (IGOUN) fills
    the slot; a media outlet (MEDxxx) or a bare sector code does not; actor_with_state is the
    states-only count."""
    from dyad.evaluation.sets import _same_country, country_slot

    assert country_slot({"country": None, "code": "IGOUN"}) == "IGO"
    assert country_slot({"country": None, "code": "NGOAMNEST"}) == "NGO"
    assert country_slot({"country": None, "code": "IMGREB"}) == "IMG"
    assert country_slot({"country": "IRQ", "code": "IRQGOV"}) == "IRQ"
    assert country_slot({"country": None, "code": "GOV"}) is None  # a title alone
    assert country_slot({"country": None, "code": "MEDCNN"}) is None
    assert country_slot({"country": None, "code": ""}) is None
    assert country_slot(None) is None
    # the plover and petrarch scorers already credit an IGO code against gold IGO/IGOUNO
    assert _same_country("IGOUN", "IGOUNO") and _same_country("IGOUN", "IGO")
    assert not _same_country("IGOUN", "IRQ")


def test_plover_sector_match_reads_the_code_after_the_country() -> None:
    from dyad.evaluation.sets import _actors_match, _gold_sector

    text = "Iraqi troops shelled Kurdish rebels."
    troops = {"start": 0, "end": 12, "code": "IRQMIL"}
    assert _gold_sector({"sector": "REBkur"}) == "REB"
    assert _gold_sector({"sector": "***"}) is None  # the unknown sector is no sector
    assert _gold_sector({}) is None
    gold = [{"actorText": "Iraqi troops", "code": "IRQ", "sector": "MIL"}]
    assert _actors_match(text, gold, [troops]) == (True, True, True)
    # negative: the right country with another sector
    assert _actors_match(text, gold, [{**troops, "code": "IRQGOV"}]) == (True, True, False)


def test_a_gold_code_with_no_country_agrees_with_a_sector_only_code() -> None:
    """CAMEO gold writes a country-less actor as "---REB"; dyad writes it "REB". Their
    country slots agree (both empty); a code with a country does not agree with "---"."""
    from dyad.evaluation.sets import _actors_match, _code_sector, _same_country

    assert _same_country("REB", "---REB") and _same_country("MEDAP", "---MED")
    assert not _same_country("USALEG", "---LEG")  # a country where gold has none
    assert not _same_country("IGOUN", "---")  # an international body is not "no country"
    # the PLOVER gold's older spellings of three countries read as their ISO codes
    assert _same_country("JPNGOV", "JAP") and _same_country("ITAGOV", "ITL")
    assert _same_country("VNMMIL", "VTN")
    assert not _same_country("JAMGOV", "JAP") and not _same_country("ITL", "ITA")
    assert not _same_country(None, "---CVL") and not _same_country("", "---CVL")
    assert _code_sector("REB") == "REB" and _code_sector("MEDAP") == "MED"
    assert _code_sector("SYRREB") == "REB" and _code_sector("USA") == ""
    text = "Insurgents shelled the town."
    gold = [{"actorText": "Insurgents", "code": "SYR", "sector": "REB"}]
    insurgents = {"start": 0, "end": 10, "code": "REB"}
    # the sector of a country-less code is read from its first letters; the country is wrong
    assert _actors_match(text, gold, [insurgents]) == (True, False, True)


# -- no-event -----------------------------------------------------------------------------


def _coded(modality: str, source: str | None, target: str | None) -> dict:
    return {
        "modality": modality,
        "sources": [{"actor": source}] if source is not None else [],
        "targets": [{"actor": target}],
    }


def test_a_false_event_is_asserted_with_an_actor_on_each_side() -> None:
    from dyad.evaluation.sets import false_event

    assert false_event([_coded("asserted", "irq", "mek")])
    assert not false_event([_coded("negated", "irq", "mek")])
    assert not false_event([_coded("reported", "irq", "mek")])
    assert not false_event([_coded("asserted", "irq", None)])  # a target that is no actor
    assert not false_event([_coded("asserted", None, "mek")])
    assert not false_event([])


def test_no_event_scores_a_written_file(tmp_path: Path, nlp) -> None:
    from dyad.evaluation.sets import load_no_event, score_no_event

    path = write(
        tmp_path / "no_event.tsv",
        "# a comment\nid\tkind\tsentence\n"
        "x1\tasserted\tIraq expelled the MEK.\n"
        "x2\tnegated\tIraq did not expel the MEK.\n"
        "x3\tmembership\tKenya is a member of the African Union.\n",
    )
    records = load_no_event(path)
    assert [r["id"] for r in records] == ["x1", "x2", "x3"]
    assert {r["half"] for r in records} <= {"A", "B"}
    result = score_no_event(nlp, path)
    assert result.metrics["false_event_rate"] == pytest.approx(1 / 3)
    assert result.metrics["any_event_rate"] == pytest.approx(2 / 3)
    halves = result.details["halves"]
    assert halves["A"]["sentences"] + halves["B"]["sentences"] == 3
    # only half A's errors are listed: half B stays uninspected
    assert len(result.details["errors_half_a"]) == (records[0]["half"] == "A")


def test_the_packaged_no_event_set_and_its_ceiling(nlp) -> None:
    from dyad.evaluation.harness import resolve_path
    from dyad.evaluation.sets import LOWER_IS_BETTER, load_no_event, score_no_event

    path = resolve_path("no-event", None, None)
    assert path.is_file() and "Written for dyad" in path.read_text(encoding="utf-8")
    records = load_no_event(path)
    assert len(records) >= 120 and len({r["id"] for r in records}) == len(records)
    assert {r["half"] for r in records} == {"A", "B"}
    assert {"false_event_rate", "any_event_rate"} <= LOWER_IS_BETTER
    result = score_no_event(nlp, path)
    regressions = check_floors([result], load_baseline(baseline_path()))
    assert regressions == [], "\n".join(map(str, regressions))
    assert result.metrics["false_event_rate"] <= 0.10
