"""The event pattern dictionary: which verbs and nouns report which event.

One format for dyad's packaged files and users' files, read by :func:`load_patterns`; a later
row with the same part of speech and pattern replaces an earlier one, so a user file can recode
or add triggers. The packaged patterns are dyad's curated ``data/patterns.tsv`` over
``data/phoenix_verbs.tsv.gz``, converted from the PETRARCH-2 CAMEO verb dictionary by
``python -m dyad.events.convert``; see :func:`builtin_patterns` for which wins.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .ontology import plover_type

__all__ = [
    "HEAD_WORD_KINDS",
    "NO_EVENT",
    "NULL_CODE",
    "PREPOSITIONS",
    "Pattern",
    "PatternDictionary",
    "attack_words",
    "head_words",
    "load_patterns",
    "movement_words",
    "read_patterns",
    "target_words",
]

#: the converted PETRARCH-2 verb dictionary (dyad.events.convert), under the curated file
CONVERTED = "phoenix_verbs.tsv.gz"
#: a pattern's last word in this set, after a noun of the pattern, names the preposition whose
#: object is the target ("express concern over"); after the verb alone it is the verb's
#: particle ("hand over", "take over")
NOUN_PREPOSITIONS = frozenset({"over"})
#: a pattern's last word in this set names the preposition whose object is the target
PREPOSITIONS = frozenset(
    [
        "about",
        "against",
        "alongside",
        "at",
        "between",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "to",
        "toward",
        "towards",
        "upon",
        "with",
    ]
)


@dataclass(frozen=True)
class Pattern:
    pos: str  # "V" or "N"
    lemma: str  # the trigger word
    words: tuple[str, ...]  # other words that must hang on the trigger (particles, objects)
    prep: str | None  # the preposition that introduces the target, if the pattern names one
    cameo: str
    mode: str | None
    where: str  # file:line, for messages
    subject: str | None = None  # the word that must head a verb's subject ("subj:price")
    # the tone ("negative" or "positive") of what a verb of naming calls its object
    # ("label:negative": "called Assad a murderer")
    label: str | None = None
    # the verb takes no direct object ("obj:none": "teachers struck", not "struck a student")
    intransitive: bool = False
    # the verb's object is a place, named or a noun of ground ("obj:place": "rebels took
    # Sanaa", "troops overran the town"; not "took the wounded to hospital")
    ground: bool = False
    # the verb's object (a passive's subject) is a noun of an event ("obj:event": "recalled the
    # bombing" remembers it; "recalled its ambassador" withdraws him)
    eventful: bool = False
    # the event is what a speaker says of the verb's subject ("by:speaker": "officials said
    # Iran was behind the attack" accuses Iran; "said the killers would face revenge"
    # threatens them): the speaker is the source, the subject the target
    voiced: bool = False
    # the verb's object (a passive's subject) is a person or people received as guests
    # ("obj:person": "Mao received Nixon", "received a delegation"; not "received a letter")
    personal: bool = False

    @property
    def type(self) -> str:
        return plover_type(self.cameo) or ""

    @property
    def size(self) -> int:
        return (
            1
            + len(self.words)
            + (self.prep is not None)
            + (self.subject is not None)
            + (self.label is not None)
            + self.intransitive
            + self.ground
            + self.eventful
            + self.personal
        )

    @property
    def converted(self) -> bool:
        """A row of the converted PETRARCH dictionary, not one of dyad's own files."""
        return self.where.startswith(CONVERTED + ":")

    @property
    def converted_alone(self) -> bool:
        """A trigger of the converted PETRARCH dictionary with no other words: the verb alone."""
        return self.converted and self.size == 1


class PatternDictionary:
    """Patterns indexed by part of speech and trigger lemma, longest pattern first."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], Pattern] = {}
        self._index: dict[tuple[str, str], list[Pattern]] | None = None

    def add(self, pattern: Pattern) -> None:
        """Add a pattern, replacing one of the same words; a row of the null code removes it."""
        key = " ".join((pattern.lemma, *pattern.words, pattern.prep or "",
                        SUBJECT + (pattern.subject or ""), LABEL + (pattern.label or ""),
                        NO_OBJECT if pattern.intransitive else "",
                        EVENT_OBJECT if pattern.eventful else "",
                        PERSON_OBJECT if pattern.personal else ""))  # fmt: skip
        if pattern.cameo == NULL_CODE:
            self._by_key.pop((pattern.pos, key), None)
        else:
            self._by_key[(pattern.pos, key)] = pattern
        self._index = None

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self):
        return iter(self._by_key.values())

    def candidates(self, pos: str, lemma: str) -> list[Pattern]:
        if self._index is None:
            index: dict[tuple[str, str], list[Pattern]] = {}
            for p in self._by_key.values():
                index.setdefault((p.pos, p.lemma), []).append(p)
            for found in index.values():
                # the longest first; of two as long, a sense that codes no event ("trade
                # war" before "war with": "his trade war with China")
                found.sort(key=lambda p: (-p.size, p.cameo != NO_EVENT))
            self._index = index
        return self._index.get((pos, lemma), [])


#: a verb pattern's word written with this prefix must head the verb's subject
SUBJECT = "subj:"
#: a verb pattern's word written with this prefix is the tone of what the verb names its
#: object ("V call label:negative 111": "called Assad a murderer"; the tone is the framing
#: lexicon's, dyad.framing.valence)
LABEL = "label:"
#: a verb pattern's word that says the verb takes no direct object ("V strike subj:teacher
#: obj:none 143": "teachers struck", not "a teacher struck a student")
NO_OBJECT = "obj:none"
#: a verb pattern's word that says the verb's object is a place, named or a noun of ground
#: ("V take obj:place 192": "rebels took Sanaa", not "took the wounded to hospital")
PLACE_OBJECT = "obj:place"
#: a verb pattern's word that says the verb's object (a passive's subject) is a noun of an
#: event ("V recall obj:event none": "recalled the 1992 bombing" remembers it)
EVENT_OBJECT = "obj:event"
#: a verb pattern's word that says the verb's object (a passive's subject) is a person, an
#: official by title or a guest noun (frames.tsv guest): "V receive obj:person 043": "Mao
#: received Nixon", not "received a letter". Such a row hides none of the verb's converted
#: rows ("received weapons" stays theirs)
PERSON_OBJECT = "obj:person"
#: a verb pattern's word that says the event is what the speaker of its clause says of the
#: verb's subject ("V be behind by:speaker 112": "officials said Iran was behind the attack")
SPEAKER = "by:speaker"
LABEL_TONES = ("negative", "positive")
#: the code of a row that codes nothing: it removes the same words' row loaded before it
NULL_CODE = "---"
#: the code of a row that matches like any other and then codes no event: a sense of the
#: trigger that is no interaction ("signed a petition", "beat X by a margin"); being longer,
#: it is tried before the trigger's shorter rows
NO_EVENT = "none"


def read_patterns(
    name: str, text: str, skip: frozenset[tuple[str, str]] = frozenset()
) -> list[Pattern]:
    """Rows of one pattern file; a malformed row raises ConfigError naming file and line. Rows
    whose (pos, trigger) is in ``skip`` are left out."""
    out = []
    valid: set[str] = set()  # CAMEO codes already checked
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line[0] == "#" or not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 3 or fields[0] not in ("V", "N") or not fields[1]:
            raise ConfigError(
                f"{name}:{number}: expected 'V|N <tab> pattern <tab> cameo [<tab> mode]', "
                f"got {line!r}"
            )
        words = fields[1].lower().split()
        subjects = [w.removeprefix(SUBJECT) for w in words if w.startswith(SUBJECT)]
        labels = [w.removeprefix(LABEL) for w in words if w.startswith(LABEL)]
        intransitive = NO_OBJECT in words
        ground = PLACE_OBJECT in words
        eventful = EVENT_OBJECT in words
        voiced = SPEAKER in words
        personal = PERSON_OBJECT in words
        for flag, there in ((NO_OBJECT, intransitive), (PLACE_OBJECT, ground),
                            (EVENT_OBJECT, eventful), (SPEAKER, voiced),
                            (PERSON_OBJECT, personal)):  # fmt: skip
            if there and fields[0] != "V":
                raise ConfigError(f"{name}:{number}: {flag!r} is a verb's, got {line!r}")
        words = [
            w
            for w in words
            if not w.startswith((SUBJECT, LABEL))
            and w not in (NO_OBJECT, PLACE_OBJECT, EVENT_OBJECT, SPEAKER, PERSON_OBJECT)
        ]
        subject = subjects[0] if subjects else None
        label = labels[0] if labels else None
        if labels and (fields[0] != "V" or len(labels) > 1 or label not in LABEL_TONES):
            raise ConfigError(
                f"{name}:{number}: {LABEL!r} names the tone, one of {', '.join(LABEL_TONES)}, "
                f"of what a verb calls its object ('V <tab> call {LABEL}negative <tab> 111'), "
                f"got {line!r}"
            )
        if subjects and (fields[0] != "V" or len(subjects) > 1 or not subject or not words):
            raise ConfigError(
                f"{name}:{number}: {SUBJECT!r} names the one word that heads a verb's subject "
                f"('V <tab> decline {SUBJECT}price <tab> none'), got {line!r}"
            )
        prep = (
            words.pop()
            if len(words) > 1
            and (
                words[-1] in PREPOSITIONS
                # (in curated rows only: the converted "ask hand over" ends in a particle)
                or (words[-1] in NOUN_PREPOSITIONS and len(words) > 2 and name != CONVERTED)
            )
            else None
        )
        # a verb comes first ("kick out"); a noun comes last ("bomb attack")
        head = words.pop(0) if fields[0] == "V" else words.pop()
        if skip and (fields[0], head) in skip:
            continue
        cameo = fields[2]
        if cameo not in valid and cameo not in (NULL_CODE, NO_EVENT):
            if not (cameo.isdigit() and 2 <= len(cameo) <= 4) or plover_type(cameo) is None:
                raise ConfigError(
                    f"{name}:{number}: {cameo!r} is not a CAMEO code of an event (02-20), "
                    f"{NULL_CODE!r} or {NO_EVENT!r}"
                )
            valid.add(cameo)
        mode = fields[3] if len(fields) > 3 and fields[3] else None
        out.append(Pattern(fields[0], head, tuple(words), prep, cameo, mode, f"{name}:{number}",
                           subject, label, intransitive, ground, eventful, voiced,
                           personal))  # fmt: skip
    return out


@cache
def builtin_patterns() -> tuple[Pattern, ...]:
    """The packaged patterns: the converted PETRARCH rows whose trigger the curated file does
    not have, then the curated rows.

    A curated trigger keeps only its curated rows: the converted patterns of a verb match their
    words anywhere in its phrase ("attack accord" would take "attacked ..., according to Iran"
    as verbal conflict), and dyad's rules join a curated verb to the noun events it governs
    ("called for an investigation into X" accuses X)."""
    data = resources.files("dyad.events").joinpath("data")
    curated = read_patterns("patterns.tsv", data.joinpath("patterns.tsv").read_text("utf-8"))
    # a null row removes one converted row, not the trigger's others ("carry" alone codes
    # nothing; "carry out air strike" still does)
    # and a sense that codes no event leaves the trigger's converted rows as they are
    # (nor does a row of what a speaker says of someone: "pay price by:speaker" leaves the
    # converted "pay compensation", "face charges" as they are), nor a row of a person
    # received ("receive obj:person": "received weapons" stays the converted row's)
    triggers = frozenset(
        (p.pos, p.lemma)
        for p in curated
        if p.cameo not in (NULL_CODE, NO_EVENT) and not p.voiced and not p.personal
    )
    converted = gzip.decompress(data.joinpath(CONVERTED).read_bytes()).decode("utf-8")
    kept = read_patterns(CONVERTED, converted, skip=triggers)
    return (*kept, *curated)


def load_patterns(extra_files: tuple[str, ...] = (), use_builtin: bool = True) -> PatternDictionary:
    """The packaged patterns (unless ``use_builtin`` is false), then ``extra_files`` in order."""
    patterns = PatternDictionary()
    if use_builtin:
        for p in builtin_patterns():
            patterns.add(p)
    for extra in extra_files:
        path = Path(extra)
        if not path.is_file():
            raise ConfigError(
                f"event pattern file {path} does not exist; fix "
                "nlp.components.dyad_events.patterns in your config"
            )
        for p in read_patterns(str(path), path.read_text(encoding="utf-8")):
            patterns.add(p)
    return patterns


#: the kinds of row data/attack_words.tsv holds
ATTACK_WORD_KINDS = frozenset(
    [
        "explode",
        "instrument",
        "agent",
        "setting",
        "suicide",
        "target_prep",
        "targeting",
        "casualty",
        "illness",
        "count_head",
        "victim",
        "explosive",
        "projectile",
        "aircraft",
        "homograph",
        "weapon",
        "dead",
        "toll",
        "mishap",
        "accident",
        "occur",
        "lasting",
    ]
)


def _word_kinds(name: str, kinds: frozenset[str]) -> dict[str, frozenset[str]]:
    """Kind -> words (lowercased, spaces single) of the packaged ``data/NAME``, whose rows are
    ``kind <tab> words``; a bad row raises ConfigError naming the file and line."""
    text = resources.files("dyad.events").joinpath("data", name).read_text("utf-8")
    out: dict[str, set[str]] = {kind: set() for kind in kinds}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[0] not in kinds or not fields[1].strip():
            raise ConfigError(f"{name}:{number}: expected 'kind <tab> word', got {line!r}")
        out[fields[0]].add(" ".join(fields[1].lower().split()))
    return {kind: frozenset(words) for kind, words in out.items()}


@cache
def attack_words() -> dict[str, frozenset[str]]:
    """Kind -> words of data/attack_words.tsv (explosion verbs, instruments, unnamed agents,
    casualty verbs); a verb with a particle is kept as "go off"."""
    return _word_kinds("attack_words.tsv", ATTACK_WORD_KINDS)


#: the kinds of row data/heads.tsv holds
HEAD_WORD_KINDS = frozenset(
    [
        "relative",
        "beside",
        "female",
        "measure",
        "count",
        "envoy",
        "mission",
        "office",
        "withdrawn_peacekeepers",
        "withdrawn_observers",
        "withdrawn_pact",
        "withdrawn_body",
        "doer_of",
        "exercise",
        "party_to",
        "commemorating",
        "pair_person",
        "pair_state",
        "pair_body",
        "owned_whole",
        "speaking_for",
        "local_body",
        "force_member",
        "motive",
    ]
)


@cache
def head_words() -> dict[str, frozenset[str]]:
    """Kind -> nouns of data/heads.tsv (head nouns of an event's sides read by kind)."""
    return _word_kinds("heads.tsv", HEAD_WORD_KINDS)


#: the kinds of row data/movement.tsv holds
MOVEMENT_WORD_KINDS = frozenset(
    ["moving", "visiting", "departing", "premises", "hosting", "gathering", "journey"]
)


@cache
def movement_words() -> dict[str, frozenset[str]]:
    """Kind -> words of data/movement.tsv (verbs of moving, nouns of buildings and grounds)."""
    return _word_kinds("movement.tsv", MOVEMENT_WORD_KINDS)


#: the kinds of row data/targets.tsv holds
TARGET_WORD_KINDS = frozenset(
    [
        "actor_only",
        "abstract",
        "terms",
        "contest",
        "answering",
        "acting",
        "audience",
        "criticised",
        "criticising",
        "from_doer",
        "of_doer",
        "shielding",
        "removing",
        "post",
        "located",
        "named_after",
        "means",
        "money",
        "part",
        "receiving",
        "taking",
        "territory",
        "counted_territory",
        "referring",
        "inert",
        "restricting",
        "undergone",
        "partner",
        "border",
        "ruling",
        "happening",
        "act_label",
    ]
)


#: the kinds of row data/frames.tsv holds
FRAME_WORD_KINDS = frozenset(
    [
        "cognate",
        "falling_to",
        "restricting_light",
        "light",
        "suffer",
        "defending",
        "giving",
        "getting",
        "sitting",
        "contest",
        "assembly",
        "with_help",
        "seek",
        "trying",
        "state",
        "responsibility",
        "diplomatic",
        "guest",
        "not_people",
        "harm",
        "harm_course",
        "harm_cause",
        "object_control",
        "partitive",
        "document",
        "issuing",
        "frame",
        "asking",
        "abstract_head",
        "joint",
        "reciprocal",
        "reciprocal_not",
        "reciprocal_mutual",
        "force_only",
        "time_noun",
        "day_part",
        "duration",
        "signing",
        "who_did_it",
        "planning",
        "brokering",
        "pact",
        "other_word",
    ]
)


@cache
def frame_words() -> dict[str, frozenset[str]]:
    """Kind -> words of data/frames.tsv: the verbs and nouns of the rule coder's argument
    frames (light verbs, verbs of suffering, giving, seeking, documents issued ...)."""
    return _word_kinds("frames.tsv", FRAME_WORD_KINDS)


@cache
def target_words() -> dict[str, frozenset[str]]:
    """Kind -> words of data/targets.tsv: the CAMEO code prefixes of acts done to an actor
    (``actor_only``) and the head nouns of targets that name none (``abstract``)."""
    return _word_kinds("targets.tsv", TARGET_WORD_KINDS)
