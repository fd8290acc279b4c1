"""According to whom: text reuse, claims, framing and event merging (issue 7)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import write
from dyad.claims import number_value, status
from dyad.config import load_settings
from dyad.corpus import MAX_LIMIT, Corpus
from dyad.export import table_rows
from dyad.framing import labels_of, valence
from dyad.framing.target import load_head
from dyad.ingest.readers import Article
from dyad.pipeline import RunReport, compare_sources, run
from dyad.reuse import ReuseParams, align, band_keys, compare, direction, words
from dyad.reuse.store import REUSE_QUERY, update_reuse
from dyad.store import Store
from test_cli import dyad

# -- text reuse on strings ---------------------------------------------------------------------

SETTINGS = load_settings()
REUSE = ReuseParams.from_settings(SETTINGS)

SOURCE = (
    "Gunmen opened fire on a military parade in the southern city of Ahvaz on Saturday, killing "
    "at least twenty five people and wounding dozens more, state television reported. "
    "Officials blamed a separatist group backed by foreign governments for the assault. "
    "The parade marked the anniversary of the start of the war with Iraq in 1980. "
    "Witnesses described panic as soldiers crawled along the ground under fire from the attackers."
)
UNRELATED = (
    "The central bank raised interest rates by half a point on Thursday, citing inflation that "
    "has stayed above its target for two years, and said further increases were possible if "
    "prices kept rising faster than wages across the economy during the coming months."
)


def test_verbatim_copy_inside_other_text_is_one_passage() -> None:
    copy = "In other news today. " + SOURCE + " More unrelated closing words follow here."
    found = compare(SOURCE, copy, REUSE)
    assert len(found.passages) == 1
    p = found.passages[0]
    assert SOURCE[p.a_start : p.a_end] == copy[p.b_start : p.b_end]
    assert found.share_a > 0.95 and 0.5 < found.share_b < 0.95


def test_light_edits_keep_one_passage_and_a_dropped_sentence_splits_it() -> None:
    edited = SOURCE.replace("on Saturday", "recently").replace("dozens", "many")
    assert len(compare(SOURCE, edited, REUSE).passages) == 1
    dropped = SOURCE.replace(
        "Officials blamed a separatist group backed by foreign governments for the assault. ", ""
    )
    passages = compare(SOURCE, dropped, REUSE).passages
    assert len(passages) == 2 and passages[0].a_end < passages[1].a_start


def test_short_shared_phrases_and_unrelated_texts_are_not_reuse() -> None:
    assert compare(SOURCE, UNRELATED, REUSE).passages == []
    phrase = "state television reported on Saturday that officials blamed the group"
    assert compare(SOURCE, UNRELATED + " " + phrase, REUSE).passages == []  # under min_words
    assert align(words(""), words(SOURCE), REUSE) == []


def test_band_keys_meet_on_a_shared_stretch_of_ten_words() -> None:
    stretch = " ".join(SOURCE.split()[20:30])
    a, b = (
        band_keys(UNRELATED + " " + stretch, REUSE),
        band_keys(stretch + " " + UNRELATED[::-1], REUSE),
    )
    shared = {tuple(r) for r in a} & {tuple(r) for r in b}
    assert shared and {band for band, _ in shared} == set(range(REUSE.bands))
    assert not {tuple(r) for r in band_keys(SOURCE, REUSE)} & {
        tuple(r) for r in band_keys(UNRELATED, REUSE)
    }
    assert band_keys("", REUSE).shape == (0, 2)


def test_direction_needs_two_different_dates() -> None:
    assert direction("2016-09-13", "2016-09-20") == "a>b"
    assert direction("2016-09-20", "2016-09") is None  # equal at the shared precision
    assert direction("2017", "2016-09-20") == "b>a"
    assert direction(None, "2016") is None


# -- text reuse in the store, incrementally ------------------------------------------------------


def _article(i: int, text: str, published: str | None = None) -> Article:
    return Article(text=text, path=f"mem/{i}.txt", format="txt", published=published)


def test_update_reuse_is_incremental(tmp_path: Path) -> None:
    with Store(tmp_path / "r.duckdb") as store:
        store.add_documents(
            [_article(0, SOURCE, "2018-09-22"), _article(1, UNRELATED, "2018-09-23")]
        )
        assert update_reuse(store, REUSE) == 0
        keys = store.con.execute("select count(*) from reuse_keys").fetchone()[0]
        store.add_documents([_article(2, "Wire copy. " + SOURCE, "2018-09-24")])
        assert update_reuse(store, REUSE) == 1
        # only the new document was hashed
        assert store.con.execute("select count(*) from reuse_indexed").fetchone()[0] == 3
        assert store.con.execute("select count(*) from reuse_keys").fetchone()[0] > keys
        (pair,) = store.rows(f"select * from ({REUSE_QUERY})")
        assert pair["direction"] == "a>b" or pair["direction"] == "b>a"
        first = pair["doc_a"] if pair["direction"] == "a>b" else pair["doc_b"]
        assert store.get_document(first)["published"] == "2018-09-22"
        assert update_reuse(store, REUSE) == 0  # nothing new: nothing done
        rows = table_rows(store, "reuse")
    assert list(rows[0])[:5] == ["doc_a", "doc_b", "share_a", "share_b", "passages"]
    assert set(rows[0]["passages"][0]) >= {"a_start", "a_end", "b_start", "b_end"}


# -- claims --------------------------------------------------------------------------------------


def test_claim_status_compares_values_at_their_precision() -> None:
    year = {"doc_id": "a", "low": 717_881.0, "high": 718_245.0}  # 1965
    decade = {"doc_id": "b", "low": 717_516.0, "high": 721_168.0}  # the 1960s
    later = {"doc_id": "c", "low": 736_208.0, "high": 736_237.0}  # September 2016
    assert status([year, decade]) == "agree"
    assert status([year, later]) == "conflict"
    assert status([year, {**later, "doc_id": "a"}]) == "single"  # one source says both


@given(
    st.lists(
        st.tuples(st.sampled_from("abcd"), st.integers(0, 30), st.integers(0, 10)),
        min_size=1,
        max_size=12,
    )
)
def test_claim_status_equals_comparing_every_pair(found) -> None:
    values = [{"doc_id": d, "low": float(lo), "high": float(lo + w)} for d, lo, w in found]
    docs = {v["doc_id"] for v in values}
    clash = any(
        a["doc_id"] != b["doc_id"] and (a["high"] < b["low"] or b["high"] < a["low"])
        for a in values
        for b in values
    )
    expected = "single" if len(docs) < 2 else "conflict" if clash else "agree"
    assert status(values) == expected


def test_number_qualifiers_widen_the_interval(nlp) -> None:
    doc = nlp("About 3,000 members live there, more than 200 left and 17 died.")
    values = {t.text: number_value(t, about=0.15, at_least_factor=10) for t in doc if t.like_num}
    assert values["3,000"][1:] == (pytest.approx(2550.0), pytest.approx(3450.0), "about")
    assert values["200"][1] == 200 and values["200"][3] == "at least"
    assert values["17"] == (17.0, 17.0, 17.0, "exact")


def claims(nlp, text: str, published: str | None = None) -> set[tuple]:
    from dyad.time.component import make_doc

    doc = nlp(make_doc(nlp, text, published))
    return {(c["subject"], c["attribute"], c["value"], c["precision"]) for c in doc._.dyad_claims}


def test_founding_departure_and_arrival_claims(nlp) -> None:
    found = claims(
        nlp,
        "The People's Mojahedin Organization of Iran was founded in the 1960s. In 1986 the group "
        "moved to Iraq. In 2013 the government of Iraq expelled the group from the country.",
    )
    assert ("mek", "founded", "196X", "decade") in found
    assert ("mek", "moved to Iraq", "1986", "year") in found
    assert any(c[:3] == ("mek", "left Iraq", "2013") for c in found)


def test_a_mover_named_by_a_naming_clause(nlp) -> None:
    # "the movement better known as X", "a group called X": the name is the mover
    found = claims(nlp, "In 1986 the movement better known as the MEK moved to Iraq.")
    assert ("mek", "moved to Iraq", "1986", "year") in found
    found = claims(nlp, "In 2009 a group called the PMOI left Camp Ashraf for Baghdad.")
    assert any(c[0] == "mek" for c in found)
    # negative: "known for" names no one; the clause's own actor is not the mover
    found = claims(nlp, "In 1986 the movement, known for its ties to Iran, moved to Iraq.")
    assert not any(c[1] == "moved to Iraq" for c in found)


def test_departure_claims_read_the_right_phrase(nlp) -> None:
    # a wire dateline the parser takes for the subject; the group is nested in "of" phrases
    found = claims(
        nlp,
        "BAGHDAD – The final group of members of the People's Mojahedin Organization of Iran, "
        "the exiled opposition movement better known as the MEK, left Iraq yesterday, ending a "
        "presence in the country that began three decades ago, the U.S. State Department said.",
        "2016-09-10",
    )
    assert ("mek", "left Iraq", "2016-09-09", "day") in found
    # the place of the "from" phrase, not of the clause hanging from the date
    found = claims(
        nlp,
        "The Iraqi government expelled the MKO from Iraq in 2013, when Baghdad ordered the "
        "group out of Camp Ashraf.",
    )
    assert any(c[:3] == ("mek", "left Iraq", "2013") for c in found)
    assert not any(c[1] == "moved to Baghdad" for c in found)
    # "Iran" in the group's own name is no place it left
    assert not any(
        c[1] == "left Iran"
        for c in claims(
            nlp,
            "Hillary Clinton yesterday decided to remove the People's Mujahedin of Iran from the "
            "State Department's list of foreign terrorist organisations.",
            "2012-09-29",
        )
    )


def test_no_claim_without_a_date_or_for_speculation(nlp) -> None:
    assert claims(nlp, "The People's Mojahedin Organization of Iran left Iraq.") == set()
    assert (
        claims(nlp, "The People's Mojahedin Organization of Iran might leave Iraq in 2030.")
        == set()
    )


def test_membership_claim_needs_an_owner(nlp) -> None:
    found = claims(nlp, "The People's Mojahedin Organization of Iran has about 3,000 members.")
    assert ("mek", "members", "3000", "about") in found
    assert claims(nlp, "About 280 members left the camp in 2016.") == set()


# -- framing -------------------------------------------------------------------------------------


LABELS = {
    "max_words": SETTINGS.value("nlp.components.dyad_framing.max_label_words"),
    "max_modifier_words": SETTINGS.value("nlp.components.dyad_framing.max_modifier_words"),
}


def _labels(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    mek = [m for m in doc._.dyad_actors if m["actor"] == "mek"]
    return {pair for m in mek for pair in labels_of(doc, m, None, **LABELS)}


def test_labels_from_appositions_predicates_and_designations(nlp) -> None:
    assert ("terrorist cult", "apposition") in _labels(
        nlp, "Officials distrust the MEK, a terrorist cult, and say so."
    )
    assert ("leftist opposition group", "predicate") in _labels(
        nlp, "The MEK is a leftist opposition group."
    )
    found = _labels(nlp, "Washington designated the MEK a terrorist organization in 1997.")
    assert any(how == "designation" and "terrorist organization" in label for label, how in found)


def test_no_label_from_a_dateline_or_a_name_gloss(nlp) -> None:
    doc = nlp(
        "BAGHDAD – The final group of members of the People's Mojahedin Organization of Iran "
        "left Iraq. Troops stormed Camp Ashraf, the home of 3,400 members of the People's "
        "Mojahedin Organization of Iran (PMOI/MEK), at dawn. Iran's foreign minister spoke."
    )
    labels = {(r["actor"], r["label"]) for r in doc._.dyad_framing["labels"]}
    assert not any(actor == "irq" for actor, _ in labels)  # BAGHDAD heads no apposition
    assert not any(actor == "mek" and "members" in label for actor, label in labels)
    assert not any(label.startswith(("s ", "'s")) for _, label in labels)


def test_label_tone_and_sentiment_range(nlp) -> None:
    assert valence("terrorist cult") < -0.5 < valence("opposition group") == 0.0
    assert "cross-validated" in load_head().info
    doc = nlp(
        "The MEK, a violent terrorist cult, murdered civilians. The MEK praised the courageous rescuers."
    )
    scored = [s["sentiment"] for s in doc._.dyad_framing["sentiment"] if s["actor"] == "mek"]
    hostile, friendly = scored
    assert -1 <= hostile < 0 < friendly <= 1


# -- the corpus steps together, through the CLI-facing API ------------------------------------

HOSTILE = (
    "Exiles expelled\n\nThe People's Mojahedin Organization of Iran, a terrorist cult, was "
    "founded in 1965. In 2013 the government of Iraq expelled the group from the country after "
    "years of complaints from Baghdad about the violent cult and its brutal leaders."
)
NEUTRAL = (
    "Exiles depart\n\nThe People's Mojahedin Organization of Iran was formed in the 1960s as an "
    "opposition group. At the start of September 2016 the group left Iraq for Albania, "
    "officials said."
)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, RunReport]:
    """Three articles analysed: a hostile one, a neutral one, and a copy of the hostile one."""
    folder = tmp_path_factory.mktemp("small") / "in"
    write(folder / "a.txt", HOSTILE)
    write(folder / "b.txt", NEUTRAL)
    write(folder / "c.txt", "Copied wire story\n\nNews of the day. " + HOSTILE.split("\n\n")[1])
    db = folder.parent / "s.duckdb"
    with Store(db) as store:
        report = run(store, [folder], SETTINGS)
    return db, report


def test_corpus_steps_on_a_small_corpus(small: tuple[Path, RunReport]) -> None:
    db, report = small
    with Store(db) as store:
        assert report.reuse_pairs == 1 and report.claims.get("conflict", 0) >= 1
        doc_ids = {d["doc_id"] for d in store.documents()}
    with Corpus(db) as corpus:
        claims = corpus.claims(subject="mek", limit=MAX_LIMIT).items
        ranked = corpus.framing(actor="mek", limit=MAX_LIMIT).items  # most hostile first
    by_attr = {c["attribute"]: c for c in claims}
    assert by_attr["founded"]["status"] == "agree"
    assert by_attr["left Iraq"]["status"] == "conflict"
    assert {v["doc_id"] for v in by_attr["left Iraq"]["values"]} == doc_ids
    assert [r["sentiment"] for r in ranked] == sorted(r["sentiment"] for r in ranked)
    assert ranked[-1]["title"] == "Exiles depart"  # the neutral source is the least hostile
    assert any("terrorist cult" in r["labels"] for r in ranked)
    with Store(db) as store:
        # the copied sentence reports one event twice: two sources, one independent
        events = table_rows(store, "events")
        expelled = [e for e in events if e["date"] == "2013" and "mek" in e["target_ids"]]
        assert len(expelled) == 1
        assert expelled[0]["n_sources"] == 2 and expelled[0]["n_independent_sources"] == 1
        assert len(expelled[0]["mentions"]) == 2
        # a rerun changes nothing
        again = compare_sources(store, SETTINGS)
        assert again.reuse_pairs == 0
        assert len(table_rows(store, "events")) == len(events)
        for table in ("claims", "framing"):
            rows = table_rows(store, table)
            assert rows, table
        assert list(table_rows(store, "claims")[0])[:5] == [
            "claim_id", "subject", "attribute", "status", "values"
        ]  # fmt: skip
        assert list(table_rows(store, "framing")[0])[:4] == [
            "doc_id", "actor_id", "labels", "sentiment"
        ]  # fmt: skip


def test_cli_views(small: tuple[Path, RunReport], dyad_cmd) -> None:
    db = str(small[0])
    result = dyad(dyad_cmd, "claims", "--db", db, "--status", "conflict")
    assert result.returncode == 0 and "left Iraq" in result.stdout and "2016-09" in result.stdout
    result = dyad(dyad_cmd, "reuse", "--db", db, "--passages")
    assert result.returncode == 0 and "words" in result.stdout
    result = dyad(dyad_cmd, "framing", "--db", db, "--actor", "mek")
    assert result.returncode == 0 and "terrorist" in result.stdout  # the table folds cells
    result = dyad(dyad_cmd, "framing", "--db", db, "--actor", "mek", "--json")
    assert "terrorist cult" in {label for r in json.loads(result.stdout)["items"]
                                for label in r["labels"]}  # fmt: skip
    result = dyad(dyad_cmd, "claims", "--db", db, "--status", "maybe")
    assert result.returncode == 2 and "agree, conflict or single" in result.stderr
    result = dyad(dyad_cmd, "export", "claims", "--db", db, "-o", "-")
    assert result.returncode == 0
    assert {json.loads(line)["status"] for line in result.stdout.splitlines()} >= {"conflict"}


@pytest.mark.slow
def test_incremental_runs_equal_one_run(tmp_path: Path, settings) -> None:
    """Adding documents in several runs, and replacing one with a new version, ends in the
    same events, merged events, claims and reuse as one run over the final files."""
    from dyad.demo import demo_dir

    final = tmp_path / "final"
    shutil.copytree(demo_dir(), final)
    files = sorted(p for p in final.rglob("*") if p.is_file())
    growing = tmp_path / "growing"
    for k, batch in enumerate((files[: len(files) // 2], files[len(files) // 2 :])):
        for path in batch:
            copy = growing / path.relative_to(final)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, copy)
        if k == 0:  # an earlier version of one article, replaced in the second run
            changed = growing / batch[0].relative_to(final)
            changed.write_text(
                changed.read_text(encoding="utf-8").replace("Iraq", "Syria"), encoding="utf-8"
            )
        else:
            shutil.copy(files[0], growing / files[0].relative_to(final))
        with Store(tmp_path / "growing.duckdb") as store:
            run(store, [growing], settings)
    with Store(tmp_path / "one.duckdb") as store:
        run(store, [final], settings)
        expected = {t: table_rows(store, t) for t in ("events", "claims", "reuse")}
    with Store(tmp_path / "growing.duckdb") as store:
        assert store.stats()["old_versions"] >= 1
        for table, rows in expected.items():
            assert rows, table
            assert _without_paths(table_rows(store, table)) == _without_paths(rows), table


def _without_paths(rows: list[dict]) -> list[str]:
    kept = ({k: v for k, v in r.items() if "path" not in k} for r in rows)
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in kept)


@pytest.mark.slow
def test_merging_goes_on_from_stored_clusters_as_one_run_would(
    tmp_path: Path, settings, caplog
) -> None:
    """Later reports continue their blocks' stored clusters (and join stored copy families
    through what they copied); an earlier one (backfilled) makes its blocks cluster again.
    Three runs end where one run over everything ends."""
    from dyad.demo.synth import synthetic_records

    records = list(synthetic_records(42, seed=3))
    for k, record in enumerate(records[14:]):
        record["published"] = f"2031-{k // 28 + 1:02d}-{k % 28 + 1:02d}"  # after all the rest
    records[-1]["published"] = "2001-05-04"  # except the last: before all of them
    paths = [tmp_path / f"{k}.jsonl" for k in range(3)]
    for k, path in enumerate(paths):
        part = records[14 * k : 14 * (k + 1)]
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    with Store(tmp_path / "growing.duckdb") as store:
        with caplog.at_level("INFO", logger="dyad.events.merge"):
            for path in paths:
                run(store, [path], settings)
        growing = {t: table_rows(store, t) for t in ("events", "network")}
    counts = re.findall(r"(\d+) blocks continued, (\d+) clustered again", caplog.text)
    assert int(counts[1][0]) > 0 and int(counts[2][1]) > 0, caplog.text
    with Store(tmp_path / "one.duckdb") as store:
        run(store, paths, settings)
        for table, rows in growing.items():
            assert rows, table
            assert _without_paths(table_rows(store, table)) == _without_paths(rows), table


def test_labels_from_a_relative_designation_and_an_as_phrase(nlp) -> None:
    found = _labels(nlp, "The MEK, which many have described as a terrorist sex cult, left Iraq.")
    assert ("terrorist sex cult", "designation") in found
    found = _labels(nlp, "The MEK was formed in 1965 as a leftist opposition group.")
    assert any(how == "predicate" and "leftist opposition group" in lb for lb, how in found)
    # negatives: a relative clause that designates nothing, "as" before a name or a clause
    assert _labels(nlp, "The MEK, which was founded in 1965, left Iraq as the war ended.") == set()
    assert _labels(nlp, "The MEK is known as the Mojahedin-e Khalq.") == set()
    assert _labels(nlp, "The MEK rallied in Paris as well as in Berlin.") == set()


def test_labels_of_one_member_of_a_class(nlp) -> None:
    """'one of the N', 'among the N', 'N, one of which was X': X is an N (singular, without
    'other' or a count); written for this test."""
    assert ("oldest opposition group in Iran", "predicate") in _labels(
        nlp, "The MEK is one of the oldest opposition groups in Iran."
    )
    assert ("most feared armed group", "predicate") in _labels(
        nlp, "The MEK is among the most feared armed groups."
    )
    assert ("terrorist organization", "predicate") in _labels(
        nlp, "Saddam had ties to other terrorist organizations, one of which was the MEK."
    )
    assert ("exiled group", "apposition") in _labels(
        nlp, "The attack was claimed by the MEK, one of three exiled groups."
    )
    # negatives: "one of them" and "one of the first" name no class of nouns
    assert _labels(nlp, "The MEK was one of them.") == set()
    assert _labels(nlp, "The MEK was one of the first to arrive.") == set()


def _framing_labels(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return {(r["actor"], r["label"], r["how"]) for r in doc._.dyad_framing["labels"]}


def test_labels_applied_to_a_pronoun_for_the_last_subject(nlp) -> None:
    """A pronoun labelled ("it was designated a terrorist organisation") stands for the group
    or state named by the last subject before it in its sentence; an object raised to a
    passive designation ("led X to be branded a Y") is designated. Written for this test."""
    found = _framing_labels(
        nlp, "The PKK attacked the town, and it was later designated a terrorist organisation."
    )
    assert ("pkk", "terrorist organisation", "designation") in found
    found = _framing_labels(nlp, "The PKK bombed a bus, leading it to be branded as a cult.")
    assert ("pkk", "cult", "designation") in found
    found = _framing_labels(nlp, "Turkey led the PKK to be branded a terrorist group.")
    assert ("pkk", "terrorist group", "designation") in found
    # negatives: another subject between (the villagers), a subject that is no actor (the
    # war), a person ("he"/"it" is no person's), a passive with no designation
    assert not any(
        a == "pkk"
        for a, _, _ in _framing_labels(
            nlp, "The PKK attacked the town, but the villagers said they are a peaceful community."
        )
    )
    assert _framing_labels(nlp, "Hamas hopes the war will end, but it is a long war.") == set()
    assert not _framing_labels(nlp, "Turkey led the PKK to be welcomed in Ankara.")
