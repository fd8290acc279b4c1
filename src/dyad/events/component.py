"""The ``dyad_events`` spaCy component: who did what to whom, from the dependency parse.

For every verb or noun the pattern dictionary knows, the component finds its arguments in the
parse and links them to the actor mentions ``dyad_actors`` found:

- active clauses: the subject is the source, the object (or the object of the pattern's
  preposition: "fired missiles *at* ...") the target; passive clauses swap them ("were driven
  out *by* ..."); coordinated subjects and objects give several actors;
- verbs without a subject of their own take it from the verb they are coordinated with, the
  verb whose complement they are ("agreed to withdraw"; "urged Iran to withdraw" takes the
  object), or the noun a relative clause or participle hangs on;
- nominal events ("an MEK bomb attack", "the expulsion of the MEK", "attacks against the
  camp"), also as objects of light verbs ("carried out attacks on", "imposed sanctions on"),
  and as what a target suffered ("survived an attack");
- pronouns and "the group" resolve to the actor they refer back to.

Modality comes from the clause and the verbs above it: negation, modal verbs and conditionals
(hypothetical), headline questions, future tense and announced intentions (which make the
event an intent: AGREE for cooperation, THREATEN for conflict, as PLOVER codes them),
refusals (REJECT), and speech verbs, whose subject is the event's ``reported_by``.

Events are stored on ``doc._.dyad_events`` as plain dicts, sorted by offset.

The rule coder's parts live in ``dyad.events.rules``: mixins for triggers, verbal and nominal
events, subjects, targets, parties, arguments, reference and modality scope, and which events
are kept; they ask their questions of a parse (``grammar``, ``readings``, ``mentions``) and of
events (``judgements``, ``filters``). This module reads a batch, runs the rules and the
learned coder, and finishes each Doc's events.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..actors.component import ActorLinker
from ..actors.context import FORCES
from ..errors import ConfigError
from ..nlp.words import entities_by_token, text_of
from ..time.component import reference_date
from . import learned
from .anchor import anchor_events
from .attribution import attribute_attacks
from .incident import headline_told_again, one_incident
from .patterns import NO_EVENT, Pattern, PatternDictionary, load_patterns
from .rules.arguments import Arguments
from .rules.filters import (
    _calls_for_scrutiny,
    _complete_sides,
    _counted_alone,
    _denials,
    _doer_of_the_means,
    _with_noun_doers,
    _without_nouns_restating_a_verb,
    _without_pacts_acted_on,
    _without_purposes_of_the_same_act,
    _without_results_of_an_attack,
    _without_tolls,
    _without_words_of_a_longer_trigger,
)
from .rules.frame import Reading, _Arg, _Event
from .rules.grammar import _dated, _headline, join_hyphenated
from .rules.judgements import (
    _accidental,
    _accusers_of,
    _aimed_at_a_thing,
    _arrested_by_the_reporter,
    _attributed_to_no_one,
    _coded_both,
    _coded_or_unnamed,
    _denies_a_part,
    _deployed_at_home,
    _experiencer_first,
    _official_protest,
    _offset,
    _pair_joint_sides,
    _recode,
    _referring_cue,
    _rejects_a_claim,
    _removal_from_office,
    _takes_ground,
    _to_an_audience,
)
from .rules.keeping import Keeping
from .rules.mentions import _count_only, _mention_arg
from .rules.nominal import NounEvents
from .rules.parties import Parties
from .rules.reference import Reference
from .rules.scope import Scope
from .rules.subjects import Subjects
from .rules.targets import Targets
from .rules.triggers import Triggers
from .rules.verbal import VerbEvents
from .rules.vocab import (
    _VICTIM_ROOTS,
    ARGUMENT_LABELS,
    COMPLAIN,
    EXPULSION_CODES,
    NOT_PEOPLE,
    OCCUPY,
    PEOPLE_KINDS,
    PRIVATE_SECTORS,
)
from .screen import load_screen, screen_features

__all__ = ["EventExtractor", "make_event_extractor"]


class EventExtractor(
    Triggers,
    VerbEvents,
    Parties,
    Targets,
    NounEvents,
    Subjects,
    Arguments,
    Reference,
    Scope,
    Keeping,
):
    def __init__(
        self,
        nlp: Language,
        patterns: list[str],
        use_builtin: bool,
        stances: bool,
        uncoded_sides: bool,
        converted_alone: bool,
        coder: str,
        learned_model: str,
        thresholds: learned.Thresholds,
        screen_model: str,
        screen_below: float,
        attribution_sentences: int,
        news_day_lag: int,
        headline_lead_sentences: int,
        dateline_other_towns: int,
    ) -> None:
        self.patterns: PatternDictionary = load_patterns(tuple(patterns), use_builtin)
        linker = next((p for _, p in nlp.pipeline if isinstance(p, ActorLinker)), None)
        if linker is None:
            raise ConfigError(
                "dyad_events reads the actors of dyad_actors and its agents dictionary; add "
                "the dyad_actors component before it (default.cfg has both)"
            )
        #: the nouns of people of the actors' agents dictionary ("workers", "students",
        #: "journalists"; not of a body: "the state" of "a state of emergency in X"): a side
        #: headed by one names people, whatever place its clause names
        agents = linker.dictionary.agents
        places = linker.dictionary.facilities
        self.people_nouns = frozenset(
            noun
            for noun, (_, kind) in agents.items()
            if kind in PEOPLE_KINDS and noun not in places and noun not in NOT_PEOPLE
        )
        #: nouns of one person in a role who is no private person ("minister", "president",
        #: "official"; not "refugee", "hostage"): one a state may receive as its guest
        self.office_nouns = frozenset(
            noun
            for noun, (sector, kind) in agents.items()
            if kind == "person" and sector not in PRIVATE_SECTORS
        )
        #: nouns of private people ("crowd", "refugee"), who host no state's guest
        self.private_nouns = frozenset(
            noun for noun, (sector, _) in agents.items() if sector in PRIVATE_SECTORS
        )
        #: every role noun of the agents dictionary, of people or of a body ("the party")
        self.role_nouns = frozenset(agents)
        #: role nouns of armed forces and police ("troop", "soldier", "police")
        self.force_nouns = frozenset(n for n, (sector, _) in agents.items() if sector in FORCES)
        self.stances = stances
        self.uncoded_sides = uncoded_sides
        self.converted_alone = converted_alone
        if attribution_sentences < 0:
            raise ConfigError(
                "nlp.components.dyad_events.attribution_sentences is "
                f"{attribution_sentences}; set it to 0 or more"
            )
        self.attribution_sentences = attribution_sentences
        if headline_lead_sentences < 0:
            raise ConfigError(
                "nlp.components.dyad_events.headline_lead_sentences is "
                f"{headline_lead_sentences}; set it to 0 or more"
            )
        self.headline_lead_sentences = headline_lead_sentences
        if news_day_lag < 0:
            raise ConfigError(
                f"nlp.components.dyad_events.news_day_lag is {news_day_lag}; set it to 0 or "
                "more (0: undated news always takes the publication day)"
            )
        self.news_day_lag = news_day_lag
        if dateline_other_towns < 0:
            raise ConfigError(
                "nlp.components.dyad_events.dateline_other_towns is "
                f"{dateline_other_towns}; set it to 0 or more"
            )
        self.dateline_other_towns = dateline_other_towns
        self.nouns = {p.lemma for p in self.patterns if p.pos == "N" and p.cameo != NO_EVENT}
        #: the words of the patterns, for reading a word the tokenizer split at its hyphen
        self.pattern_words = frozenset(
            w for p in self.patterns for w in (p.lemma, *p.words) if w.isalpha() or "-" in w
        )
        #: the event nouns of force ("kidnapping", "raid"): what an attribution may be for
        self.attack_nouns = frozenset(
            p.lemma for p in self.patterns if p.pos == "N" and p.cameo[:2] in _VICTIM_ROOTS
        )
        if coder not in learned.CODERS:
            raise ConfigError(
                f"nlp.components.dyad_events.coder is {coder!r}; set it to one of "
                + ", ".join(f'"{c}"' for c in learned.CODERS)
            )
        self.coder = coder
        self.learned = learned.load_coder(learned_model) if coder != "rules" else None
        self.thresholds = thresholds
        if not 0.0 <= screen_below <= 1.0:
            raise ConfigError(
                f"nlp.components.dyad_events.screen_below is {screen_below}; set it between 0 "
                "(no screen) and 1"
            )
        #: the event screen (dyad.events.screen): events it scores below ``screen_below`` go
        self.screen = load_screen(screen_model) if screen_below > 0 else None
        self.screen_below = screen_below
        #: the encoder layers the learned coder and the screen read; what it encodes and whether
        #: it keeps the encodings for a later reader (set by load_pipeline: learned.share_encoder)
        self.encoder_layers: tuple[int, ...] = tuple(sorted(
            {*((learned.LAYERS,) if self.learned else ()), *(self.screen.layers if self.screen else ())}
        ))  # fmt: skip
        self.encode_layers = self.encoder_layers
        self.keep_encodings = False

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """Each Doc as :meth:`__call__` leaves it. With the learned coder, the rule coder first
        reads the ``batch_size`` Docs, then the sentences whose events the learned coder's
        scores can change go to the encoder together (it batches them by length across the
        Docs), then the learned coder revises each Doc's events."""
        for batch in minibatch(docs, size=batch_size or 1):
            if self.learned is None:
                yield from (self(doc) for doc in batch)
                continue
            read = [self._rule_events(doc) for doc in batch]
            self._encode_ahead(batch, read)
            yield from (self._finish(doc, *found) for doc, found in zip(batch, read, strict=True))

    def _encode_ahead(
        self, docs: list[Doc], read: list[tuple[list[_Event], set[int], Reading]]
    ) -> None:
        """Encode the sentences of ``docs`` the learned coder will read (those holding two or
        more argument mentions whose events its scores can change: learned.needs_scores), in
        one call; each Doc keeps them (doc._.dyad_encoded), and its reading (``read``: what
        :meth:`_rule_events` gave) which sentences they are."""
        kept: dict = {}
        texts = []
        for doc, (found, _, reading) in zip(docs, read, strict=True):
            kept.update(doc._.dyad_encoded or {})
            mentions = reading.mentions
            sentences = list(doc.sents)
            text = text_of(doc)
            # as _revise sets them: the sentences read their rule pairs from the Doc's events
            doc._.dyad_events = [self._as_dict(text, e, sentences[e.sentence]) for e in found]
            reading.scored = learned.scored_sentences(
                doc, doc._.dyad_events, mentions, self.coder, self.thresholds
            )
            texts += [sentence.text for sentence, _ in reading.scored]
        learned.sharing_encode(kept, self.encode_layers)(texts)
        for doc in docs:
            doc._.dyad_encoded = kept

    def __call__(self, doc: Doc) -> Doc:
        return self._finish(doc, *self._rule_events(doc))

    def _rule_events(self, doc: Doc) -> tuple[list[_Event], set[int], Reading]:
        """The rule coder's events of ``doc``, the sentences it repeats (their indices), and
        its reading of the Doc (the mentions by token ...) for :meth:`_finish`."""
        join_hyphenated(doc, self.pattern_words)
        mentions = [m for m in (doc._.dyad_actors or []) if m["label"] in ARGUMENT_LABELS]
        by_token: dict[int, dict] = {}
        for m in mentions:
            for i in range(m["token_start"], m["token_end"]):
                by_token[i] = m
        starts = [m["token_start"] for m in mentions]
        # mentions come in text order; a pronoun looks back from its place among them
        in_order = all(a <= b for a, b in itertools.pairwise(starts))
        self._reading = Reading(
            mentions, by_token, entities_by_token(doc), starts if in_order else None
        )
        events: list[_Event] = []
        # a word of a date or a time is no trigger ("since March", "on 3 March": a month, not
        # a march)
        used: set[int] = _dated(doc)
        sentences = list(doc.sents)
        # a sentence a page repeats word for word (a caption, a pull quote, a scraped
        # paragraph twice) reports nothing new: its events are read once, where it first stands
        first_at: dict[str, int] = {}
        repeated = {
            i for i, sent in enumerate(sentences) if first_at.setdefault(sent.text.strip(), i) != i
        }
        for sent_index, sent in enumerate(sentences):
            if sent_index in repeated:
                continue
            for token in sent:
                if token.i in used:
                    continue
                event = self._verb_event(token) or self._noun_event(token)
                if event is None:
                    continue
                _recode(event)
                _experiencer_first(event)
                self._expelled_from(event)
                self._held_in(event)
                self._posted_to(event)
                self._forces_sent(event)
                _deployed_at_home(event, self.force_nouns)
                self._mission_host(event)
                event.sources += self._leaders(event.sources)
                used.add(token.i)
                used.update(c.i for c in event.cues)
                self._modality(event, sent)
                if event.pattern.voiced and not self._voiced(event):
                    continue
                _arrested_by_the_reporter(event)
                if (
                    self._worth_keeping(event)
                    and not _aimed_at_a_thing(event)
                    and not _accidental(event)
                    and not _to_an_audience(event)
                    and not _attributed_to_no_one(event)
                ):
                    events.append(event)
                    event.sentence = sent_index
        # the "targeting" an explosion took as part of itself ("a device targeting X
        # detonated") is no event of its own, though it came first
        taken = {c.i for e in events if e.unnamed for c in e.cues}
        events = _without_tolls(
            _with_noun_doers([e for e in events if e.trigger.i not in taken]),
            lambda e: (
                (self.uncoded_sides or _coded_or_unnamed(e))
                and (self.converted_alone or not e.pattern.converted_alone or _coded_both(e))
            ),
        )
        events = _counted_alone(events)
        if self.stances:
            events += self._stances(doc, sentences, used)
        # a governing verb whose complement carries the event ("refused to hand over") is
        # part of that event, not one of its own; a meeting or a call is one ("King Fahd
        # telephoned Clinton to condemn the bombing": the call and the condemnation; review 59)
        cue_tokens = {e.trigger.head.i for e in events if e.trigger.dep_ == "xcomp"}
        events = [
            e
            for e in events
            if e.trigger.i not in cue_tokens
            or e.pattern.type in ("REQUEST", "ACCUSE")
            or (e.pattern.type == "CONSULT" and e.targets)  # (not "telephoned to condemn")
        ]
        # the leaving an expulsion orders is the expulsion's ("ordered Bolivia's ambassador to
        # leave Washington"), no withdrawal of the one expelled
        expelling = {e.trigger.i for e in events if e.cameo in EXPULSION_CODES}
        events = [
            e for e in events if not (e.trigger.dep_ == "xcomp" and e.trigger.head.i in expelling)
        ]
        events = _without_purposes_of_the_same_act(events)
        events = _without_nouns_restating_a_verb(events)
        events = _without_pacts_acted_on(events)
        events = _without_results_of_an_attack(events)
        events = _without_words_of_a_longer_trigger(events)
        # movement with no host is no event, nor is the verb it complements ("encouraged the
        # refugees to return home")
        events = [e for e in events if not self._movement_without_host(e)]
        events = _calls_for_scrutiny(events)
        return events, repeated, self._reading

    def _finish(self, doc: Doc, events: list[_Event], repeated: set[int], reading: Reading) -> Doc:
        """``doc`` with its events (doc._.dyad_events): the rule coder's ``events`` revised by
        the learned coder (when one is set), less those of repeated sentences, with their
        quotations, sides, anchors and attributions."""
        self._reading = reading
        sentences = list(doc.sents)
        # encodings an earlier reader kept, and those of the learned coder and the screen,
        # for a later reader (dyad_framing's sentiment head) when it reads them too
        kept = doc._.dyad_encoded if doc._.dyad_encoded is not None else {}
        if self.learned is not None:
            events = self._revise(doc, events, sentences, kept)
        events = [e for e in events if e.sentence not in repeated]
        own: set[int] = set()  # names given to one's own act
        for event in events:  # a count is nobody: "Bombs kill 18", "Dozens killed"
            event.sources = [a for a in self._doers(event) if not _count_only(a)]
            targets = [a for a in event.targets if not _count_only(a)]
            event.targets = [a for a in targets if not self._thing(event, a)]
            if (act := self._named_act(event)) is not None:
                # "He called it a massacre": aimed at the doers of the act "it" is; a name
                # given to one's own act ("NATO called it a tragic mistake") accuses no one
                makers = self._maker_of(event, act, events)
                if makers is None and event.pattern.label is not None:
                    own.add(id(event))
                if makers or event.pattern.label is not None:
                    event.targets = makers or []
            elif not event.targets and targets:
                event.targets = self._maker_of(event, targets[0], events) or []
            elif not targets and (named := _referring_cue(event)) is not None:
                # "Rwanda denied the charge": the act a pattern's own noun refers back to
                # ("deny charge") is aimed at as the object's would be
                event.targets = self._maker_of(event, named, events) or []
            if _denies_a_part(event, targets) or (
                not event.targets and _rejects_a_claim(event, targets)
            ):
                # "denied any involvement", "denied any link with the Taliban": aimed at the
                # accuser, not at whom the part is with; "rejected any suggestion that it was
                # involved": at whoever suggested it
                event.targets = _accusers_of(event, events)
            if _takes_ground(event):
                event.cameo = OCCUPY  # "rebels seized Goma", "captured the town of Kidal"
            elif _official_protest(event):
                event.cameo = COMPLAIN  # "Turkey protested to Moscow": a state's, no march
        events = [e for e in events if id(e) not in own and not _removal_from_office(e)]
        events += _denials(events)
        self._quoted(doc, events)
        for event in events:
            _pair_joint_sides(event)
        _doer_of_the_means(events)
        _complete_sides(events)
        if not self.uncoded_sides:
            events = [e for e in events if _coded_or_unnamed(e)]
        if not self.converted_alone:
            events = [e for e in events if not e.pattern.converted_alone or _coded_both(e)]
        events.sort(key=_offset)
        text = text_of(doc)
        doc._.dyad_events = [self._as_dict(text, e, sentences[e.sentence]) for e in events]
        anchor_events(
            doc,
            doc._.dyad_events,
            [(e.trigger, e.cues) for e in events],
            self.news_day_lag,
            self.dateline_other_towns,
        )
        doc._.dyad_events = attribute_attacks(
            doc, doc._.dyad_events, self.attack_nouns, self.attribution_sentences
        )
        for event in doc._.dyad_events:
            # no one is the target of his own act: a side read on both ends is a misreading
            # ("Al Shabaab claimed responsibility, saying ... to fight the group": not an
            # attack on al-Shabaab; "South Africa warned South Africa")
            doers = {a["actor"] for a in event["sources"] if a.get("actor")}
            event["targets"] = [a for a in event["targets"] if a.get("actor") not in doers]
            # nor is the noun that opens the act's own phrase before its verb, naming no
            # actor, its target ("Three rockets were fired": the rockets are what was fired,
            # not at whom; not "placed the governor under house arrest", whom the phrase holds
            # after it, nor "a bomb targeting a council member detonated")
            event["targets"] = [
                a
                for a in event["targets"]
                if a.get("actor")
                or not (a["start"] <= event["cue_start"] < a["end"] <= event["trigger_start"])
            ]
        if self.screen is not None and doc._.dyad_events:
            doc._.dyad_events = self._screened(text, doc._.dyad_events, kept)
        # a headline's attack and the lead's, an attack told again without its doer: one
        headlines = {0} if len(sentences) > 1 and _headline(sentences[0]) else set()
        published = reference_date(doc) if doc.has_extension("dyad_published") else None
        news = (published, self.news_day_lag) if published is not None else None
        doc._.dyad_events = one_incident(doc._.dyad_events, headlines, text, news)
        # a headline's other news and the lead's: one
        doc._.dyad_events = headline_told_again(
            doc._.dyad_events, headlines, self.headline_lead_sentences
        )
        if self.encoder_layers:
            doc._.dyad_encoded = kept if self.keep_encodings else None
        return doc

    def _revise(
        self, doc: Doc, events: list[_Event], sentences: list[Span], kept: dict
    ) -> list[_Event]:
        """The rule coder's events as the learned coder revises them (``coder`` "learned" or
        "hybrid"; dyad.events.learned.revise says how); ``kept``: the encodings at hand."""
        text = text_of(doc)
        doc._.dyad_events = [self._as_dict(text, e, sentences[e.sentence]) for e in events]
        revision = learned.revise(
            doc, doc._.dyad_events, self._reading.mentions, self.learned, self.coder, self.thresholds,
            learned.sharing_encode(kept, self.encode_layers), self._reading.scored,
        )  # fmt: skip

        def arg(mention: dict) -> list[_Arg]:
            return [_mention_arg(mention, doc[mention["token_start"] : mention["token_end"]].root)]

        for i, (source, target) in revision.repair.items():
            events[i].sources, events[i].targets = arg(source), arg(target)
        for i, kind in revision.retype.items():
            events[i].cameo = learned.CAMEO_ROOT[kind]
        kept = [e for i, e in enumerate(events) if i not in revision.drop]
        sentence_of = {sent.start_char: k for k, sent in enumerate(sentences)}
        for added in revision.add:
            trigger = doc[added.trigger]
            cameo = learned.CAMEO_ROOT[added.type]
            verb = trigger.pos_ == "VERB"
            pattern = Pattern("V" if verb else "N", trigger.lemma_.lower(), (), None, cameo, None,
                              "learned")  # fmt: skip
            event = _Event(trigger, pattern, [], arg(added.source), arg(added.target), cameo,
                           nominal=not verb, sentence=sentence_of[added.sentence_start])  # fmt: skip
            self._modality(event, sentences[event.sentence])
            kept.append(event)
        kept.sort(key=_offset)
        return kept

    @contextlib.contextmanager
    def unscreened(self) -> Iterator[None]:
        """The extractor with no event screen for a while: the rule coder's events as the
        learned coder and the screen's own training read them."""
        screen, self.screen = self.screen, None
        try:
            yield
        finally:
            self.screen = screen

    def _screened(self, text: str, coded: list[dict], kept: dict) -> list[dict]:
        """The events of ``coded`` the screen keeps (its probability that the trigger is used in
        an event's sense is at least ``screen_below``); their sentences are encoded once
        (``kept`` keeps them)."""
        assert self.screen is not None
        x = screen_features(
            coded,
            lambda e: (text[e["sentence_start"] : e["sentence_end"]], e["sentence_start"]),
            learned.sharing_encode(kept, self.encode_layers),
            self.screen.layers,
        )
        p = self.screen.probabilities_of(x)
        return [e for e, q in zip(coded, p, strict=True) if q >= self.screen_below]


if not Doc.has_extension("dyad_events"):
    Doc.set_extension("dyad_events", default=None)


@Language.factory(
    "dyad_events",
    assigns=["doc._.dyad_events", "doc._.dyad_encoded"],
    # and doc._.dyad_published, which make_doc sets before any component runs
    requires=[
        "doc._.dyad_actors",
        "doc._.dyad_times",
        "doc._.dyad_places",
        "doc._.dyad_filed_from",
        "token.dep",
        "token.lemma",
    ],
)
def make_event_extractor(
    nlp: Language,
    name: str,
    patterns: list[str],
    use_builtin: bool,
    stances: bool,
    uncoded_sides: bool,
    converted_alone: bool,
    coder: str,
    learned_model: str,
    learned_add_above: float,
    learned_drop_below: float,
    learned_repair_below: float,
    learned_repair_above: float,
    learned_top_above: float,
    screen_model: str,
    screen_below: float,
    attribution_sentences: int,
    news_day_lag: int,
    headline_lead_sentences: int,
    dateline_other_towns: int,
) -> EventExtractor:
    thresholds = learned.Thresholds(
        learned_add_above,
        learned_drop_below,
        learned_repair_below,
        learned_repair_above,
        learned_top_above,
    )
    return EventExtractor(
        nlp, patterns, use_builtin, stances, uncoded_sides, converted_alone, coder, learned_model,
        thresholds, screen_model, screen_below, attribution_sentences, news_day_lag,
        headline_lead_sentences, dateline_other_towns,
    )  # fmt: skip
