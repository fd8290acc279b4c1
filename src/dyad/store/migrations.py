"""Schema migrations, applied in order and recorded in ``_migrations``.

Each migration is a function registered with :func:`migration`; its name is its identity, so
never rename or reorder an applied one: add a new function instead.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

__all__ = ["MIGRATIONS", "applied_migrations", "apply_migrations", "migration"]

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def applied_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    con.execute(
        "create table if not exists _migrations (name varchar primary key, "
        "applied_at timestamp default current_timestamp)"
    )
    return [
        row[0]
        for row in con.execute("select name from _migrations order by applied_at, name").fetchall()
    ]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every registered migration not yet applied, each in its own transaction."""
    done = set(applied_migrations(con))
    newly = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        con.execute("begin transaction")
        try:
            fn(con)
            con.execute("insert into _migrations (name) values (?)", [name])
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
        newly.append(name)
    return newly


@migration
def m001_documents(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create table documents (
            doc_id varchar primary key,      -- first 16 hex digits of sha256
            sha256 varchar not null unique,  -- of the cleaned text
            origin varchar not null,         -- path#record; a new text at one origin is a new version
            version integer not null,
            supersedes varchar,              -- doc_id of the previous version
            is_current boolean not null,
            title varchar,
            author varchar,
            published varchar,               -- ISO 8601 at its precision
            outlet varchar,
            url varchar,
            path varchar not null,
            record varchar,
            format varchar not null,
            language varchar,
            n_words integer not null,
            text varchar not null,
            "references" varchar[],
            removed varchar[],
            notes varchar[],
            ingested_at timestamp not null,
            analysed_at timestamp,
            model varchar
        )""")
    con.execute("create index documents_origin on documents(origin)")
    con.execute("""
        create table runs (
            run_id integer primary key,
            command varchar not null,
            started_at timestamp not null,
            finished_at timestamp,
            stored integer default 0,
            duplicates integer default 0,
            skipped integer default 0,
            failed integer default 0,
            analysed integer default 0
        )""")
    con.execute("""
        create table problems (
            run_id integer not null,
            location varchar not null,
            code varchar not null,
            outcome varchar not null,        -- failed | skipped | note
            reason varchar not null
        )""")


@migration
def m002_annotations(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create table sentences (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            text varchar not null,
            primary key (doc_id, sent)
        )""")
    con.execute("""
        create table tokens (
            doc_id varchar not null,
            i integer not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            text varchar not null,
            lemma varchar,
            pos varchar,
            tag varchar,
            dep varchar,
            head integer,
            ent_iob varchar,
            ent_type varchar
        )""")
    con.execute("""
        create table entities (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            token_start integer not null,
            token_end integer not null,
            text varchar not null,
            label varchar not null
        )""")


@migration
def m003_actors(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create table actors (
            actor_id varchar primary key,
            name varchar not null,
            kind varchar not null,
            country varchar,                 -- ISO 3166 alpha-3
            sector varchar,                  -- default sector (GOV, MIL, REB, ...)
            code varchar,                    -- CAMEO-style code of the default sector
            source varchar not null,         -- dictionary file, countryinfo, text, or generic
            roles varchar                    -- JSON: [{"sector", "start", "end"}]
        )""")
    con.execute("""
        create table mentions (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            text varchar not null,
            actor_id varchar not null,
            label varchar not null,          -- name, acronym, short, metonym, nominal, demonym,
                                             -- reference (the actor acts); place, modifier (it does not)
            code varchar,                    -- the actor's code on the document's date
            confidence double not null
        )""")
    con.execute("create index mentions_actor on mentions(actor_id)")


@migration
def m004_events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create table events (
            event_id varchar primary key,    -- doc_id:trigger offset
            doc_id varchar not null,
            sent integer not null,
            type varchar not null,           -- PLOVER 2021 type
            mode varchar,                    -- PLOVER mode, where one applies
            cameo varchar not null,
            quad integer not null,           -- 1 verbal coop, 2 material coop, 3/4 conflict
            intensity double not null,       -- -10 (conflict) .. +10 (cooperation)
            modality varchar not null,       -- asserted, negated, hypothetical, question,
                                             -- future, reported
            trigger varchar not null,
            trigger_start integer not null,
            trigger_end integer not null,
            cue_start integer not null,      -- the trigger with the words that govern it
            cue_end integer not null,
            confidence double not null,
            pattern varchar not null,        -- the pattern-file row that fired
            date varchar,                    -- ISO 8601 at its precision (filled by dyad_time)
            date_precision varchar,
            date_start date,
            date_end date,
            place_name varchar,
            lat double,
            lon double,
            country varchar
        )""")
    con.execute("""
        create table event_actors (
            event_id varchar not null,
            doc_id varchar not null,
            role varchar not null,           -- source, target, reporter
            actor_id varchar,                -- null when the text names no known actor
            text varchar not null,
            char_start integer not null,
            char_end integer not null,
            code varchar
        )""")
    con.execute("create index event_actors_event on event_actors(event_id)")
    # documents analysed before events existed are analysed again on the next run
    con.execute("update documents set analysed_at = null")


@migration
def m005_places_and_times(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create table places (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            text varchar not null,
            kind varchar not null,           -- name, adjective ("Iraqi"), embedded (in a name)
            place_name varchar,              -- null when the gazetteer knows no such place
            lat double,
            lon double,
            country varchar,                 -- ISO 3166 alpha-3
            feature varchar                  -- continent, region, country, admin1, city, facility
        )""")
    con.execute("""
        create table times (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            text varchar not null,
            value varchar not null,          -- ISO 8601 at its precision, 198X, or a/b ranges
            precision varchar not null,      -- day, month, year, decade, range
            date_start date not null,
            date_end date not null,
            relative boolean not null        -- resolved against the publication date
        )""")
    # where an event's date came from: its clause, or the publication date (news of the day)
    con.execute("alter table events add column date_source varchar")
    con.execute("alter table events add column place_text varchar")
    # documents analysed before places and times existed are analysed again on the next run
    con.execute("update documents set analysed_at = null")


@migration
def m006_according_to_whom(con: duckdb.DuckDBPyConnection) -> None:
    # text reuse: LSH band keys of each document's MinHash windows, and the aligned pairs
    con.execute("create table reuse_indexed (doc_id varchar primary key)")
    con.execute("""
        create table reuse_keys (
            doc_id varchar not null,
            band smallint not null,
            key bigint not null
        )""")
    con.execute("""
        create table reuse (
            doc_a varchar not null,          -- doc_a < doc_b
            doc_b varchar not null,
            share_a double not null,         -- share of doc_a's text inside shared passages
            share_b double not null,
            n_passages integer not null,
            words integer not null,
            direction varchar,               -- a>b: a published first; b>a; null: unknown
            primary key (doc_a, doc_b)
        )""")
    con.execute("""
        create table reuse_passages (
            doc_a varchar not null,
            doc_b varchar not null,
            a_start integer not null,
            a_end integer not null,
            b_start integer not null,
            b_end integer not null,
            words integer not null
        )""")
    # claims: each checkable value one document states
    con.execute("""
        create table claim_values (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            subject varchar not null,        -- actor id
            attribute varchar not null,      -- founded, left <place>, moved to <place>, killed ...
            value varchar not null,          -- ISO date at its precision, 198X, or a number
            precision varchar not null,      -- day, month, year, decade, range; exact, about, ...
            low double not null,             -- the value as an interval, for comparison
            high double not null,
            text varchar not null
        )""")
    con.execute("""
        create table claims (
            claim_id varchar primary key,
            subject varchar not null,
            attribute varchar not null,
            status varchar not null,         -- agree, conflict, single
            n_values integer not null,
            n_docs integer not null
        )""")
    # framing: labels applied to an actor, and sentiment toward it, per mention
    con.execute("""
        create table labels (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,
            char_end integer not null,
            actor_id varchar not null,
            label varchar not null,
            how varchar not null,            -- apposition, predicate, modifier, designation
            valence double not null          -- the label's words in the lexicon: -1 .. 1
        )""")
    con.execute("""
        create table actor_sentiment (
            doc_id varchar not null,
            sent integer not null,
            char_start integer not null,     -- the actor mention
            char_end integer not null,
            actor_id varchar not null,
            sentiment double not null        -- -1 (hostile) .. 1 (favourable)
        )""")
    # event merging: each event mention belongs to one merged event
    con.execute("""
        create table event_groups (
            event_id varchar primary key,    -- a mention (events.event_id)
            group_id varchar not null        -- the merged event: its first mention's id
        )""")
    con.execute("""
        create table merged_events (
            group_id varchar primary key,
            n_mentions integer not null,
            n_sources integer not null,      -- documents that report the event
            n_independent integer not null   -- of which not copied from one another
        )""")
    # documents analysed before claims and framing existed are analysed again on the next run
    con.execute("update documents set analysed_at = null")


@migration
def m007_incremental_merge(con: duckdb.DuckDBPyConnection) -> None:
    # each grouped mention keeps its merge block, so a run re-clusters only the blocks it
    # touches; the groups are rebuilt on the next run
    con.execute("delete from event_groups")
    con.execute("delete from merged_events")
    con.execute("alter table event_groups add column block varchar")


@migration
def m008_copy_roots(con: duckdb.DuckDBPyConnection) -> None:
    # each grouped mention keeps the document that stands for its copy family in the event,
    # so a run counts independent sources from the new documents' copied passages alone;
    # the groups are rebuilt on the next run
    con.execute("delete from event_groups")
    con.execute("delete from merged_events")
    con.execute("alter table event_groups add column copy_root varchar")


@migration
def m009_corpus_steps(con: duckdb.DuckDBPyConnection) -> None:
    # a done-marker per corpus step (actor resolution, reuse, claims, event merging), written
    # in the transaction of the step's results and cleared whenever documents are stored or
    # analysed: a run redoes every step without its marker, so a run killed between two steps
    # is repaired by the next one even when no document is pending. A store made before has no
    # markers, so its next run redoes each step once (each is idempotent). A later migration
    # that clears a step's results must clear its marker too.
    # each copy family is now stood for by its smallest doc_id (the same in every run): the
    # groups are rebuilt by the next run's event merging
    con.execute("delete from event_groups")
    con.execute("delete from merged_events")
    con.execute("""
        create table corpus_steps (
            step varchar primary key,        -- actors, reuse, claims, events
            done_at timestamp not null
        )""")


@migration
def m010_incident_merge(con: duckdb.DuckDBPyConnection) -> None:
    # mentions merge into incidents: blocks keyed by the CAMEO code too, a date window and
    # compatible places, undated mentions only within a document or a copy, independent
    # sources counted by outlet; the groups are rebuilt by the next run's event merging
    _merge_again(con)


def _merge_again(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the merged events so the next run's event merging rebuilds them from scratch."""
    con.execute("delete from event_groups")
    con.execute("delete from merged_events")
    steps = "select 1 from information_schema.tables where table_name = 'corpus_steps'"
    if con.execute(steps).fetchone():  # a store made before the step markers has none
        con.execute("delete from corpus_steps where step = 'events'")


@migration
def m011_casualties(con: duckdb.DuckDBPyConnection) -> None:
    # the killed and wounded counts of an attack event (DESIGN §3); documents analysed before
    # are analysed again on the next run, which clears the corpus steps' markers
    con.execute("alter table events add column if not exists killed integer")
    con.execute("alter table events add column if not exists wounded integer")
    con.execute("update documents set analysed_at = null")
    # their events are merged again from scratch (the groups of the old analysis go)
    con.execute("delete from event_groups")
    con.execute("delete from merged_events")


@migration
def m012_generic_sides(con: duckdb.DuckDBPyConnection) -> None:
    # mentions whose sides are only unnamed groups merge across documents only through a
    # copy, and a template shared by reports of different towns is no copy (events/merge.py):
    # blocks and links change, so the groups are rebuilt on the next run
    _merge_again(con)


@migration
def m013_code_source(con: duckdb.DuckDBPyConnection) -> None:
    # where each actor's and mention's code came from: dictionary, title, demonym, context or
    # none (#24). Rows written before are given it from what they hold, as the actor component
    # decides it for new ones: a dictionary actor's code is its entry's; a made actor's country
    # came from a demonym, a made person's sector from a title, other sectors from a role noun
    con.execute("alter table actors add column if not exists code_source varchar")
    con.execute("alter table mentions add column if not exists code_source varchar")
    con.execute("""
        update actors set code_source = case
            when coalesce(code, '') = '' then 'none'
            when source not in ('text', 'generic') then 'dictionary'
            when kind = 'person' and sector is not null then 'title'
            when country is not null then 'demonym'
            else 'dictionary' end
        where code_source is null""")
    con.execute("""
        update mentions m set code_source = case
            when coalesce(m.code, '') = '' then 'none'
            when a.code_source = 'title' or m.code = a.code then a.code_source
            else 'dictionary' end
        from actors a where a.actor_id = m.actor_id and m.code_source is null""")


@migration
def m014_quoted_speech(con: duckdb.DuckDBPyConnection) -> None:
    # who speaks the words of each label and sentiment row: the outlet itself ('own'), or a
    # speaker it quotes or reports (#29). Rows written before are the outlet's; documents are
    # analysed again on the next run, which finds the speakers
    for table in ("labels", "actor_sentiment"):
        con.execute(f"alter table {table} add column if not exists speaker varchar")
        con.execute(f"alter table {table} add column if not exists speaker_id varchar")
        con.execute(f"alter table {table} add column if not exists voice varchar default 'own'")
        con.execute(f"update {table} set voice = 'own' where voice is null")
    con.execute("update documents set analysed_at = null")
