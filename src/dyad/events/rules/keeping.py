"""Which events are kept, and how they are written out."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...actors.component import ACTING_LABELS, STATE_REFERENCES
from ..attribution import names_an_attack
from ..ontology import ATTACK_ROOTS, intensity, plover_type, quad
from ..patterns import movement_words
from .frame import _Event
from .grammar import _concurring, _depth, _describing
from .mentions import _acting, _actor_ids
from .readings import _ground, _moving
from .vocab import CONDITIONS, SITTING_VERBS, SPEECH_TYPES, WH_QUESTIONS


class Keeping:
    """Which events are kept, and the plain dict each becomes."""

    def _voiced(self, event: _Event) -> bool:
        """Make an event of a pattern marked by:speaker what its speaker says of the verb's
        subject: "officials said Iran was behind the attack" (the officials accuse Iran),
        "Khamenei said the killers would face revenge" (he threatens them). The subject is
        the target, the speaker the source, and the speaking happened (asserted). False,
        no event, where no actor speaks, the speech is negated, a question or a guess, the
        subject is no actor or the speaker himself, an accusation names no act of force
        after "behind" or "for" ("responsible for security"), or a threat is not of what
        will be ("Iraqis paid a heavy price": they suffered)."""
        speaker = event.reported_by
        if (
            speaker is None
            or speaker.mention is None
            or speaker.mention["label"] not in ACTING_LABELS
            or event.modality in ("negated", "question")
        ):
            return False
        if event.pattern.type == "THREATEN" and event.modality != "future":
            return False
        if event.modality == "hypothetical" and (
            event.pattern.type != "ACCUSE"
            or any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in event.trigger.children)
        ):
            # a suspicion hedged is voiced all the same ("Russia was highly likely
            # responsible"); one in a condition or a question is not ("if Iran was behind")
            return False
        if event.pattern.type == "ACCUSE" and not self._blames_an_act(event):
            return False
        said_of = [a for a in event.sources if a.mention is not None]
        if not said_of or any(a.mention["actor"] == speaker.mention["actor"] for a in said_of):
            return False
        event.sources, event.targets = [speaker], said_of
        event.modality, event.reported_by = "asserted", None
        return True

    def _blames_an_act(self, event: _Event) -> bool:
        """Whether a voiced accusation names an act of force after "behind" or "for"
        ("was behind the attack", "responsible for the killing of ...")."""
        for word in (event.trigger, *event.cues):
            for prep in word.children:
                if prep.dep_ == "prep" and prep.lower_ in ("behind", "for"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None and names_an_attack(
                        word.doc[obj.left_edge.i : obj.right_edge.i + 1], self.attack_nouns
                    ):
                        return True
        return False

    def _obligation(self, event: _Event) -> bool:
        """'X said Y must do Z': X demands that Y do Z."""
        if event.reported_by is None or event.reported_by.mention is None:
            return False
        event.targets = [a for a in event.sources if a.mention] or event.targets
        event.sources = [event.reported_by]
        event.cameo = "100"
        return True

    @staticmethod
    def _worth_keeping(event: _Event) -> bool:
        if not plover_type(event.cameo):
            return False
        if event.unnamed:  # an attack whose doer the text does not name
            return True
        if not event.nominal and _describing(event.trigger):
            return False
        if not event.nominal and _concurring(event.trigger):
            return False
        if (
            event.pattern.type in SPEECH_TYPES
            and not event.targets
            and any(c.dep_ == "ccomp" for c in event.trigger.children)
        ):
            # "Peskov asked why the women stayed quiet", "the Centre claimed that notifying
            # the scheme would ...": speech with a clause and no one it is aimed at
            return False
        if event.pattern.type == "REQUEST" and any(
            c.dep_ == "ccomp"
            and c.left_edge.lower_ in WH_QUESTIONS  # the clause opens with "why", "how" ...
            and all(c.left_edge.i <= a.token.i <= c.right_edge.i for a in event.targets)
            for c in event.trigger.children
        ):
            # "asked why the army had not tried harder": a question about the army, asked of
            # no one named, is no request of it (audit 42)
            return False
        if (
            not event.nominal
            and event.trigger.lemma_.lower() in SITTING_VERBS
            and not event.targets
            and len(event.sources) == 1
            and event.sources[0].token.tag_ not in ("NNS", "NNPS")
            and (event.sources[0].mention or {}).get("kind") != "person"
        ):
            # "the Security Council met in emergency session", "parliament met late on
            # Thursday": one body sitting, meeting no one (people meeting, "Russia and
            # Turkey's foreign ministers met", met each other, whom the parse may not give)
            return False
        resolved = [a for a in event.sources + event.targets if _acting(a)]
        if event.nominal and not event.light:
            return bool(resolved)
        # a verb whose sides name no actor ("the deadline ended", "what helps people", "I'm
        # not opposed") codes no interaction; an attack by someone unnamed ("a man attacked
        # the car") is still an attack
        return bool(resolved) or (bool(event.sources) and event.cameo[:2] in ATTACK_ROOTS)

    def _movement_without_host(self, event: _Event) -> bool:
        """Whether a verb of moving (data/movement.tsv) with no object but a place reports
        only a movement: "travelled to the UK", "left the embassy", "tourists visit Spain". Its
        visit, return or withdrawal is an event only with an actor that moves and a host, an
        actor other than the mover that no building names ("Putin travelled to China", "US
        troops left Iraq")."""
        trigger, words = event.trigger, movement_words()
        lemma = trigger.lemma_.lower()
        if event.nominal or not _moving(trigger) or event.pattern.words:
            return False  # a phrasal verb ("went off", "came under fire") is no movement
        obj = next((c for c in trigger.children if c.dep_ in ("dobj", "obj")), None)
        attended = obj is not None and obj.lemma_.lower() in words["gathering"]
        if obj is not None and (lemma in words["moving"] or not (self._place(obj) or attended)):
            # "returned the Sinai to Egypt", "left the talks": no movement
            return self._person_departing(event, obj)  # (but "left the country")
        # ("left an election rally in Rawalpindi": an event attended, left as a place is)
        # the mover may be named inside its phrase ("a delegation of Iranian officials")
        movers = _actor_ids(event.sources) | {
            m["actor"]
            for a in event.sources
            for t in a.token.subtree
            if (m := self._reading.by_token.get(t.i)) is not None and m["label"] in ACTING_LABELS
        }
        hosts = [
            a
            for a in event.targets
            if a.mention
            and a.mention["actor"] not in movers
            and not ({a.token.lemma_.lower(), a.token.head.lemma_.lower()} & words["premises"])
        ]
        if self._person_departing(event, obj):
            return True  # "Ford left Washington": a journey
        return not movers or not hosts

    def _person_departing(self, event: _Event, obj: Token | None) -> bool:
        """Whether a person leaves a place (data/movement.tsv departing): "the Shah left the
        country", "Ford left Washington" are a journey or an exile, no withdrawal; forces and
        groups leaving withdraw ("US troops left Iraq", "the MEK left Iraq")."""
        trigger = event.trigger
        if trigger.lemma_.lower() not in movement_words()["departing"]:
            return False
        named = self._reading.by_token.get(obj.i) if obj is not None else None
        if obj is not None and not (
            self._place(obj)
            or _ground(obj)
            or obj.lemma_.lower() in STATE_REFERENCES
            # "left Kiev", "left Mali": a state by its name or its capital (not "left the
            # cabinet", a body of the state)
            or (named is not None and named.get("kind") == "state" and obj.pos_ == "PROPN")
        ):
            return False  # "left the talks", "left command to X"
        if any(p.dep_ == "prep" and p.lower_ == "with" for p in trigger.children):
            return False  # "Arafat left Beirut with thousands of PLO fighters": a force leaves
        return bool(event.sources) and all(
            (a.mention or {}).get("kind") == "person" or a.token.lower_ in ("he", "she")
            for a in event.sources
        )

    def _place(self, token: Token) -> bool:
        """Whether ``token`` heads a place: a place name, a building or grounds."""
        mention = self._reading.by_token.get(token.i)
        return (
            (mention is not None and mention["label"] == "place")
            or token.ent_type_ in ("GPE", "LOC", "FAC")
            or token.lemma_.lower() in movement_words()["premises"]
        )

    @staticmethod
    def _as_dict(text: str, event: _Event, sent: Span) -> dict:
        """The event as the store keeps it; ``text`` is the document's text and ``sent`` the
        event's sentence (both passed in: each is costly to find again per event)."""
        trigger = event.trigger
        words = [trigger, *event.cues]
        start = min(t.idx for t in words)
        end = max(t.idx + len(t) for t in words)
        event_type = plover_type(event.cameo) or ""
        sources = [a.as_dict() for a in event.sources]
        source_ids = {s["actor"] for s in sources if s["actor"]}
        targets = [a.as_dict() for a in event.targets]
        for t in targets:
            if t["actor"] in source_ids:  # an actor does not act on itself
                t.update(actor=None, name=None, code=None, country=None, sector=None)
        confidence = 0.35
        confidence += 0.25 if any(s["actor"] for s in sources) else 0.0
        confidence += 0.2 if any(t["actor"] for t in targets) else 0.0
        confidence += 0.1 if not event.nominal else 0.0
        confidence += 0.05 if event.pattern.size > 1 else 0.0
        return {
            "type": event_type,
            "mode": event.pattern.mode if event.cameo == event.pattern.cameo else None,
            "cameo": event.cameo,
            "quad": quad(event_type),
            "intensity": intensity(event.cameo),
            "modality": event.modality,
            "trigger": text[start:end] if end - start <= 80 else trigger.text,
            "trigger_start": trigger.idx,
            "trigger_end": trigger.idx + len(trigger),
            "cue_start": start,
            "cue_end": end,
            "sentence": event.sentence,
            "sentence_start": sent.start_char,
            "sentence_end": sent.end_char,
            "sources": sources,
            "targets": targets,
            "reported_by": event.reported_by.as_dict() if event.reported_by else None,
            "confidence": round(min(confidence, 0.95), 2),
            "pattern": event.pattern.where,
            "nominal": event.nominal,
            "depth": min(_depth(t) for t in words),
        }
