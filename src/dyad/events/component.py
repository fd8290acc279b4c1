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
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.lang.en.lex_attrs import like_num
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from ..actors.component import (
    ACTING_LABELS,
    AFFILIATION,
    HOLDING,
    LOCATIVE_PREPS,
    MEMBER_NOUNS,
    ActorLinker,
    names_a_gathering,
)
from ..actors.context import FORCES
from ..errors import ConfigError
from ..nlp.words import (
    NAMING_VERBS,
    according_to,
    after_stance_prefix,
    entities_by_token,
    text_of,
)
from ..time.component import reference_date
from . import learned
from .anchor import anchor_events
from .attribution import (
    DEMONSTRATIVES,
    attribute_attacks,
    claims_responsibility,
    names_an_attack,
)
from .incident import headline_told_again, one_incident
from .modality import (
    accusation,
    alleged,
    claim_content,
    denial,
    denied_claim,
    denied_content,
    modality_words,
    negative_subject,
    quotations,
    unfounded,
)
from .ontology import (
    ATTACK_ROOTS,
    DETENTIONS,
    EXPULSIONS,
    JOINT,
    MODALITIES,
    STATE_SECTORS,
    cooperative,
    intended,
    intensity,
    plover_type,
    quad,
    refused,
    threatened,
)
from .patterns import (
    NO_EVENT,
    Pattern,
    PatternDictionary,
    attack_words,
    head_words,
    load_patterns,
    movement_words,
    target_words,
)
from .screen import load_screen, screen_features

__all__ = ["MODALITIES", "EventExtractor"]


#: verbs of force whose object noun carries the event when it is a noun of force ("fought a
#: war against IS", "fought a fierce battle"); "fought the rebels", "vowed to fight the
#: threats" stay the verb's
COGNATE_VERBS = frozenset({"fight"})
#: verbs whose object noun carries the event only when it is a means of economic pressure
#: (data/targets.tsv restricting): "slapped tariffs on China"; "slapped a fine on the
#: tanker" and "slapped a protester" keep the verb's rows
RESTRICTING_LIGHT_VERBS = frozenset({"slap"})
#: verbs whose object noun carries the event ("carried out attacks", "imposed sanctions")
LIGHT_VERBS = {
    "carry",
    "launch",
    "stage",
    "hold",
    "conduct",
    "mount",
    "make",
    "issue",
    "impose",
    "give",
    "provide",
    "offer",
    "extend",
    "grant",
    "sign",
    "reach",
    "conclude",
    # verbs of concluding a deal: "struck a deal", "sealed an accord" (their own senses,
    # "struck targets", stay the verb's when the object is no event noun)
    "strike",
    "seal",
    "clinch",
    "forge",
    "open",
    "take",
    "deliver",
    "level",
    "lodge",
    "file",
    # "presented evidence against Russia", "submitted a complaint to the UN"
    "present",
    "submit",
    "begin",
    "start",
    "continue",
    "resume",
    "wage",
    "perpetrate",
    "commit",
    "unleash",
    "send",
    "pay",
    "declare",
    "order",
    "step",
    "intensify",
    "escalate",
    "lead",
    "organize",
    "organise",
    "announce",
    "initiate",
    "undertake",
    "orchestrate",
    "institute",
    "introduce",
    "enforce",
    "implement",
    "plot",
    "coordinate",
    "call",
    "join",
    "do",
    "seek",
    "win",
    "express",
    "voice",
    "renew",
    "reiterate",
    "accept",
}
#: verbs whose object suffered the nominal event ("survived an attack")
SUFFER_VERBS = {
    "survive",
    "suffer",
    "escape",
    "endure",
    "face",
    "experience",
    "undergo",
    "receive",
    "get",
}
#: verbs whose subject withstood the attack that is their object ("Iraqi forces repel IS
#: attack", "police foiled an assault"): the subject is the attack's target, as with "survive"
DEFENDING_VERBS = {"repel", "repulse", "foil", "thwart", "withstand", "rebuff"}
#: light verbs that hand the nominal event to someone ("gave the MEK shelter")
GIVING_VERBS = {"give", "provide", "offer", "grant", "extend", "deliver", "send", "supply"}
#: "stormed the camp with the help of X": X helped, X is not attacked
WITH_HELP = {"help", "support", "backing", "assistance", "aid", "cooperation", "blessing",
             "approval", "consent", "permission", "participation"}  # fmt: skip
#: verbs whose subject gets what the nominal event gives ("found refuge", "won support")
SEEK_VERBS = {"find", "seek", "gain", "win", "enjoy", "obtain", "secure"}
#: verbs whose subject answers the request that is their object ("considering Russia's
#: request", "rejected the demands"): the request is made of the subject (data/targets.tsv)
ANSWERING_VERBS = target_words()["answering"]
#: verbs whose subject undergoes, seeks or withstands the event noun that is their object
UNDERGOING_VERBS = SUFFER_VERBS | SEEK_VERBS | DEFENDING_VERBS
#: request verbs that mean "try" before an infinitive ("seeks to combine")
TRYING_VERBS = {"seek"}
#: verbs whose subject is in the state a nominal event names ("was at war with", "remained
#: in conflict with")
STATE_VERBS = {"be", "remain", "stay"}
#: verbs whose subject owns the nominal event after "for" ("took responsibility for the attack")
RESPONSIBILITY_VERBS = {"take", "claim", "accept", "admit", "bear"}
#: those expelled whose expulsion reduces relations (CAMEO 166) rather than coerces (174)
DIPLOMATIC_NOUNS = {
    "diplomat",
    "ambassador",
    "envoy",
    "attache",
    "consul",
    "inspector",
    "peacekeeper",
    "observer",
    "monitor",
    "mission",
    "staff",
    "worker",
    "agency",
    "journalist",
    "correspondent",
}
#: the entity labels of a time ("on Thursday", "by Monday"), never a preposition's side
TIME_ENTITIES = frozenset({"DATE", "TIME"})

#: the kinds of the agents dictionary's nouns of people, not of a body ("government") nor of
#: an outlet ("website", media)
PEOPLE_KINDS = frozenset({"person", "group"})

#: nouns of the agents dictionary's people kinds that name a place or a craft ("a
#: kindergarten in Gaza" is where; the people are elsewhere)
NOT_PEOPLE = frozenset({"kindergarten", "preschool", "school", "college", "university",
                        "monastery", "settlement", "airliner", "jetliner"})  # fmt: skip
#: kinds of actor that a host shelters (SUPPORT) rather than receives for a visit (CONSULT)
SHELTERED_KINDS = {"armed_group", "organisation", "party", "group", "movement"}
#: verbs whose subject suffered the event in whose course they happened ("wounded in an attack")
HARM_VERBS = {"kill", "wound", "injure", "die", "hurt", "maim", "kidnap", "arrest", "detain"}
#: the word classes of modality (data/modality.tsv; dyad.events.modality)
_MODALITY = modality_words()
#: two-word marks of a clause told as what is not so ("as though")
COUNTERFACTUAL = _MODALITY["counterfactual"]
#: verbs (and adjectives) of intending: what they govern has not happened yet
INTENT_VERBS = _MODALITY["intent"]
#: verbs of intending that wish another's act ("hoped that China would cut tariffs")
WISH_VERBS = _MODALITY["wish"]
#: adjectives that make what they govern a forecast ("is likely to retaliate")
PREDICTED = _MODALITY["predicted"]
THREAT_VERBS = _MODALITY["threat"]
REFUSAL_VERBS = _MODALITY["refusal"]
#: verbs whose complement is asked of someone: the complement has not happened
REQUEST_VERBS = _MODALITY["request"]
#: governors whose object is the subject of their complement ("urged Iran to withdraw")
OBJECT_CONTROL = REQUEST_VERBS | {
    "force",
    "help",
    "allow",
    "permit",
    "persuade",
    "convince",
    "tell",
    "instruct",
    "lead",
    "compel",
    "oblige",
    "enable",
}
#: the prepositions that say where an act happened, not to whom (those that may name a
#: recipient, "to", "into", "toward", aside)
WHERE_PREPS = frozenset(LOCATIVE_PREPS - {"to", "into", "onto", "toward", "towards"})
#: the event types done together, whose two sides a hyphen pair names ("the Iran-Iraq talks")
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: the event types of two sides meeting or agreeing (not cooperating: "during the alliance's
#: exercises held in Norway")
VENUE_TYPES = frozenset({"CONSULT", "AGREE"})
#: prepositions of what talks are about ("talked about Syria", "talks on trade")
TOPIC_PREPS = frozenset({"about", "on", "over", "regarding", "concerning", "of"})
#: prepositions of a phrase that sets a clause in a meeting ("in a meeting with X, ...",
#: "during talks with Y", "on a visit to Z"; not "after talks with Hamas", which the clause's
#: doer need not have held)
SETTING_PREPS = frozenset({"in", "at", "during", "on"})
#: sectors of actors that act in a clause set in a meeting without taking part in it ("during
#: talks with Hamas, Israeli jets struck Gaza", "at a meeting, police arrested activists")
NOT_AT_MEETINGS = frozenset({"MIL", "COP", "CVL", "REF"})
#: the marks that join two sides before a noun ("the Iran-Iraq talks")
HYPHENS = frozenset({"-", "–", "—", "/"})
#: the prepositions that name whom a request is made of ("call on", "appeal to", "plead with")
ADDRESSEE_PREPS = ("on", "upon", "to", "with")
SPEECH_VERBS = _MODALITY["speech"]
HYPOTHETICAL_MODALS = _MODALITY["modal_hypothetical"]
#: the modals of an obligation ("said Iraq must expel ..."): a demand when reported
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
FUTURE_MODALS = _MODALITY["modal_future"]
#: verbs whose complement is what ought to happen, not what did
DEONTIC_VERBS = _MODALITY["deontic"]
#: adjectives and nouns of being able: their infinitive is what can happen
ABILITY_WORDS = _MODALITY["ability"]
#: nouns of being allowed to do something: their infinitive is what may happen
ENTITLEMENT_NOUNS = _MODALITY["entitlement"]
#: nouns of intending, refusing or being able: their infinitive is their owner's act, or no
#: one's named ("announced its intention to expel", "has the ability to")
INTENDING_NOUNS = INTENT_VERBS | REFUSAL_VERBS | ABILITY_WORDS
#: nouns whose infinitive is their owner's act (or the act of whoever has, makes or sees them)
OWNED_NOUNS = INTENDING_NOUNS | ENTITLEMENT_NOUNS | _MODALITY["owned"]
#: verbs whose subject holds, makes or sees the owned noun they have for object
HOLDING_VERBS = _MODALITY["holding"]
#: nouns of asking: their infinitive is asked of another ("Dominica's request to waive")
ASKING_NOUNS = _MODALITY["asking"]
HEDGES = _MODALITY["hedge"]
CONDITIONAL_MARKS = _MODALITY["conditional"]
PENDING_MARKS = _MODALITY["pending"]
ALLEGING = _MODALITY["alleging"]
#: where the target of a verb without an object or pattern preposition is, by PLOVER type
TARGET_PREPS = {
    "ASSAULT": ("against", "on", "at", "upon", "into"),
    "COERCE": ("against", "on", "upon"),
    "CONSULT": ("with", "to"),
    "AGREE": ("with", "to", "on"),
    "COOPERATE": ("with",),
    "SUPPORT": ("with", "for"),
    "PROTEST": ("against", "outside", "at"),
    "ACCUSE": ("against",),
    "REQUEST": ("to", "from", "on", "upon"),
    "SANCTION": ("on", "against", "from", "with"),
    "AID": ("to", "for"),
    "THREATEN": ("against", "with"),
    "REJECT": ("from",),
    "MOBILIZE": ("against", "to", "in"),
    "RETREAT": ("to", "from"),
    "CONCEDE": ("to",),
}
#: CAMEO codes of acts that are done when another refuses them: appeals and demands (02, 10),
#: disapproval and accusations (11), rejections (12), threats (13), cut relations (16) and
#: coercion (17) ("rejected the Palestinian demands", "British accusations", "new US
#: sanctions"); offers of talks, aid or mediation refused were never done
DONE_WHEN_REFUSED = ("02", "10", "11", "12", "13", "16", "17")
#: CAMEO roots of what one side gives or offers another (offers, support, cooperation, aid):
#: refused with the giver named before it ("rejected a NATO grant"), it was offered
GIVEN_WHEN_REFUSED = ("03", "04", "05", "06", "07")
#: where the target of a nominal event is
NOUN_TARGET_PREPS = ("on", "against", "at", "of", "with", "to", "into", "toward", "towards", "upon")
#: PLOVER types one noun of an act may refer back to either of ("the expulsion", 174 as a
#: noun, of "expelled two diplomats", 166)
_REFERRED_FAMILY = {"SANCTION": "COERCE"}
#: determiners of a phrase that refers back to something the text told before
DEFINITE = {"the", "this", "that", "these", "those"}
#: pronouns a verb of naming may name an act told before by ("called it a massacre")
ACT_PRONOUNS = ("it", "this", "that")
#: sub-clauses a pattern's extra words never come from
CLAUSAL = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "nsubj"}
PARTITIVES = {
    "some",
    "many",
    "most",
    "all",
    "several",
    "few",
    "part",
    "rest",
    "one",
    "none",
    "each",
    "tens",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "group",
    "number",
    "majority",
    "members",
    "member",
    # a body sent or gathered: "the first deployment of NATO peacekeeping troops", "the
    # batch of 200 peacekeepers", "a delegation of Iranian officials"
    "deployment",
    "contingent",
    "batch",
    "detachment",
    "team",
    "delegation",
}
#: texts an actor issues, and the verbs it issues them with: "X issued a declaration
#: demanding ...", the declaration's demand is X's
DOCUMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "report",
                  "resolution", "decree", "order", "note", "memorandum"}  # fmt: skip
ISSUING_VERBS = {"issue", "release", "publish", "send", "adopt", "sign", "deliver", "put", "pass"}
#: nouns that frame an event noun compounded with them ("a mediation effort")
FRAME_NOUNS = {
    "effort",
    "campaign",
    "operation",
    "bid",
    "attempt",
    "drive",
    "initiative",
    "mission",
    "round",
    "programme",
    "program",
    "process",
    "plan",
}
#: CAMEO roots of what a state does with its own envoys to another state: reduce relations
#: (16: recall, withdraw, close an embassy) or withdraw (08); a visit to one's own embassy
#: ("the President visited the Embassy of Armenia in the Holy See") is no act on the host
ENVOY_ROOTS = ("16", "08")
#: light verbs that ask for what their object names ("sought refuge": a request for asylum)
ASKING_VERBS = {"seek", "request", "ask", "demand", "want", "beg"}
#: nouns whose "of" phrase names what they are about, not a participant: "the true nature of
#: the MKO" is not the MKO
ABSTRACT_HEADS = {
    "nature",
    "role",
    "history",
    "image",
    "idea",
    "truth",
    "reality",
    "rhetoric",
    "ideology",
    "importance",
    "character",
}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "theirs"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
#: types of speech acts aimed at someone (a request, an accusation): with a clause for an
#: object and no one they are aimed at they only report speech
SPEECH_TYPES = ("REQUEST", "ACCUSE")
#: words that open a clause of what may or may not be ("if Iran was behind the attack")
CONDITIONS = frozenset({"if", "whether", "unless"})
#: what a mention must be labelled to count as an actor of an event
ARGUMENT_LABELS = ACTING_LABELS | {"modifier", "place"}
#: named entities that can stand as an event's target when no actor is found
TARGET_ENTITIES = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON"}


#: "pro-X" and "anti-X" before an actor: it supports (CAMEO 051, praise or endorse) or opposes
#: (110, disapprove) X
STANCE_PATTERNS = {
    "pro": Pattern("N", "pro", (), None, "051", None, "stance"),
    "anti": Pattern("N", "anti", (), None, "110", None, "stance"),
}
#: the types of "X-backed", "X-funded", "X-allied" descriptions
BACKING_TYPES = {"SUPPORT", "AID", "COOPERATE"}


@dataclass
class _Arg:
    token: Token
    mention: dict | None
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        m = self.mention or {}
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "actor": m.get("actor"),
            "name": m.get("name"),
            "code": m.get("code"),
            "country": m.get("country"),
            "sector": m.get("sector"),
        }


@dataclass
class _Event:
    trigger: Token
    pattern: Pattern
    cues: list[Token] = field(default_factory=list)
    sources: list[_Arg] = field(default_factory=list)
    targets: list[_Arg] = field(default_factory=list)
    cameo: str = ""
    modality: str = "asserted"
    reported_by: _Arg | None = None
    nominal: bool = False
    light: bool = False  # a nominal event carried by a light verb ("carried out attacks")
    unnamed: bool = False  # an attack by an instrument or an unnamed doer ("a bomb exploded")
    instrument: bool = False  # its doer stands as an instrument or an unnamed agent
    # a noun of attack kept only for the dead its sentence counts ("25 dead in Iraq violence")
    counted: bool = False
    # its sides were named as the two "between" whom it happened ("talks between A and B")
    between: bool = False
    sentence: int = 0  # index of its sentence in the document
    # the verb that denies it, where one does ("denied that its troops attacked")
    denier: Token | None = None


#: what the rule coder's reading of a Doc leaves on the extractor for the rest of its work
#: (EventExtractor._rule_events, _finish): a batch's Docs are read before any is finished
_DOC_STATE = ("_by_token", "_mentions", "_entity_of", "_questions", "_starts", "_scored")


class EventExtractor:
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

    # -- entry point ---------------------------------------------------------------------

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
        self, docs: list[Doc], read: list[tuple[list[_Event], set[int], dict]]
    ) -> None:
        """Encode the sentences of ``docs`` the learned coder will read (those holding two or
        more argument mentions whose events its scores can change: learned.needs_scores), in
        one call; each Doc keeps them (doc._.dyad_encoded), and its state (``read``: what
        :meth:`_rule_events` gave) which sentences they are."""
        kept: dict = {}
        texts = []
        for doc, (found, _, state) in zip(docs, read, strict=True):
            kept.update(doc._.dyad_encoded or {})
            mentions = state["_mentions"]
            sentences = list(doc.sents)
            text = text_of(doc)
            # as _revise sets them: the sentences read their rule pairs from the Doc's events
            doc._.dyad_events = [self._as_dict(text, e, sentences[e.sentence]) for e in found]
            state["_scored"] = learned.scored_sentences(
                doc, doc._.dyad_events, mentions, self.coder, self.thresholds
            )
            texts += [sentence.text for sentence, _ in state["_scored"]]
        learned.sharing_encode(kept, self.encode_layers)(texts)
        for doc in docs:
            doc._.dyad_encoded = kept

    def __call__(self, doc: Doc) -> Doc:
        return self._finish(doc, *self._rule_events(doc))

    def _rule_events(self, doc: Doc) -> tuple[list[_Event], set[int], dict]:
        """The rule coder's events of ``doc``, the sentences it repeats (their indices), and
        the state its reading left (the mentions by token ...) for :meth:`_finish`."""
        mentions = [m for m in (doc._.dyad_actors or []) if m["label"] in ARGUMENT_LABELS]
        self._by_token: dict[int, dict] = {}
        for m in mentions:
            for i in range(m["token_start"], m["token_end"]):
                self._by_token[i] = m
        self._mentions = mentions
        self._entity_of = entities_by_token(doc)
        self._questions: dict[int, bool] = {}
        starts = [m["token_start"] for m in mentions]
        # mentions come in text order; a pronoun looks back from its place among them
        self._starts = starts if all(a <= b for a, b in itertools.pairwise(starts)) else None
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
        # part of that event, not one of its own
        cue_tokens = {e.trigger.head.i for e in events if e.trigger.dep_ == "xcomp"}
        events = [
            e
            for e in events
            if e.trigger.i not in cue_tokens or e.pattern.type in ("REQUEST", "ACCUSE")
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
        self._scored = None  # the sentences to score, when _encode_ahead found them
        state = {name: getattr(self, name) for name in _DOC_STATE}
        return events, repeated, state

    def _finish(self, doc: Doc, events: list[_Event], repeated: set[int], state: dict) -> Doc:
        """``doc`` with its events (doc._.dyad_events): the rule coder's ``events`` revised by
        the learned coder (when one is set), less those of repeated sentences, with their
        quotations, sides, anchors and attributions."""
        for name, value in state.items():
            setattr(self, name, value)
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
            if _denies_a_part(event, targets):
                # "denied any involvement", "denied any link with the Taliban": aimed at the
                # accuser, not at whom the part is with
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

    # -- the learned coder ----------------------------------------------------------------

    def _revise(
        self, doc: Doc, events: list[_Event], sentences: list[Span], kept: dict
    ) -> list[_Event]:
        """The rule coder's events as the learned coder revises them (``coder`` "learned" or
        "hybrid"; dyad.events.learned.revise says how); ``kept``: the encodings at hand."""
        text = text_of(doc)
        doc._.dyad_events = [self._as_dict(text, e, sentences[e.sentence]) for e in events]
        revision = learned.revise(
            doc, doc._.dyad_events, self._mentions, self.learned, self.coder, self.thresholds,
            learned.sharing_encode(kept, self.encode_layers), self._scored,
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

    # -- stances -------------------------------------------------------------------------

    def _stances(self, doc: Doc, sentences: list[Span], used: set[int]) -> list[_Event]:
        """Relations stated as a description: "the pro-Iran government of Iraq" (Iraq supports
        Iran), "the anti-Iranian MEK" (the MEK opposes Iran), "Iran-backed militias" (Iran
        backs them). A description holds whatever the clause around it says, so the event is
        asserted; its pattern is named "stance"."""
        sent_index = {sent.start: i for i, sent in enumerate(sentences)}
        out = []
        for m in self._mentions:
            first, last = doc[m["token_start"]], doc[m["token_end"] - 1]
            if first.i in used:
                continue
            if after_stance_prefix(doc, first.i, stance_only=True):
                trigger, cues = doc[first.i - 2], [doc[first.i - 1], first]
                pattern = STANCE_PATTERNS[trigger.lower_]
                holder = self._stance_holder(last)
                sources, targets = holder, [_mention_arg(m, first)]
            elif (
                last.i + 2 < len(doc)
                and doc[last.i + 1].text == "-"
                and doc[last.i + 2].tag_ in ("VBN", "VBD")
            ):  # "Iran-backed", "US-allied"
                trigger, cues = doc[last.i + 2], [doc[last.i + 1], first]
                pattern = next(
                    (
                        p
                        for p in self.patterns.candidates("V", trigger.lemma_.lower())
                        if not p.words and p.type in BACKING_TYPES
                    ),
                    None,
                )
                holder = self._stance_holder(trigger)
                sources, targets = [_mention_arg(m, first)], holder
            else:
                continue
            if pattern is None or not holder or holder[0].mention["actor"] == m["actor"]:
                continue
            event = _Event(trigger, pattern, cues, sources, targets, cameo=pattern.cameo)
            event.sentence = sent_index[trigger.sent.start]
            used.update((trigger.i, *(c.i for c in cues)))
            out.append(event)
        return out

    def _stance_holder(self, word: Token) -> list[_Arg]:
        """The actor a stance word describes: the noun it modifies, or the name right after
        that noun ("the anti-Tehran cleric Muqtada al-Sadr")."""
        head = word.head
        if word.dep_ not in ("amod", "compound", "nmod", "npadvmod") or head.i <= word.i:
            return []
        m = self._by_token.get(head.i)
        if m is None and head.pos_ == "NOUN":
            m = next(
                (
                    self._by_token[i]
                    for i in range(head.i + 1, min(head.i + 3, len(head.doc)))
                    if i in self._by_token and self._by_token[i]["token_start"] == i
                ),
                None,
            )
        if m is None or m["label"] not in ACTING_LABELS:
            return []
        return [_mention_arg(m, head)]

    # -- triggers ------------------------------------------------------------------------

    def _match(
        self, token: Token, pos: str, lemma: str | None = None
    ) -> tuple[Pattern, list[Token]] | None:
        """The longest pattern the token's phrase realises (read as ``lemma`` where given);
        None where there is none or where it is a sense that codes no event ("signed a
        petition")."""
        found = self._sense(token, pos, lemma)
        return None if found is None or found[0].cameo == NO_EVENT else found

    def _sense(
        self, token: Token, pos: str, lemma: str | None = None
    ) -> tuple[Pattern, list[Token]] | None:
        """The longest pattern the token's phrase realises, a sense that codes no event
        included; None where there is none."""
        nears: dict = {}  # the words near the token, walked once per kind of pattern
        for pattern in self.patterns.candidates(pos, lemma or token.lemma_.lower()):
            cues = self._pattern_words(token, pattern, nears)
            if cues is not None:
                return pattern, cues
        return None

    def _named_modifier(self, noun: Token) -> Token | None:
        """An actor named as the word right before a noun ("a U.S. move", "the Chinese plan",
        "a Hamas bid"): the word, where it is an actor's mention and no place's."""
        for child in noun.lefts:
            # only the word right before the noun: "the Gaza ceasefire proposal" is a
            # proposal about Gaza, not Gaza's
            if child.dep_ not in ("compound", "amod", "nmod") or child.i != noun.i - 1:
                continue
            mention = self._by_token.get(child.i)
            if mention is not None and mention["label"] in ACTING_LABELS | {"modifier"}:
                return child
        return None

    def _light(self, verb: Token, noun: Token) -> bool:
        """Whether a verb is a light verb of the event noun it takes ("carried out attacks",
        "imposed sanctions"; a verb of force of its cognate object: "fought a war")."""
        lemma = verb.lemma_.lower()
        if lemma in LIGHT_VERBS:
            # "called a strike", not "called the arrest an abduction" nor "called the bombing
            # cowardly": a verb that names its object what it says it is does not do it
            return not _predicated(verb, noun)
        if lemma in RESTRICTING_LIGHT_VERBS:
            return noun.lemma_.lower() in target_words()["restricting"]
        if lemma not in COGNATE_VERBS or any(
            c.dep_ == "prt" or c.lower_ in ("off", "back") for c in verb.children
        ):
            return False  # "fought off an attack": the attack is fought off, the verb's own
        match = self._match(noun, "N")
        return match is not None and match[0].cameo[:2] in ATTACK_ROOTS

    def _no_event_sense(self, noun: Token) -> bool:
        """Whether a noun is used in a sense that codes no event (a "none" row of
        patterns.tsv: "a trade war", "the war of words")."""
        found = self._sense(noun, "N")
        return found is not None and found[0].cameo == NO_EVENT

    def _pattern_words(self, token: Token, pattern: Pattern, nears: dict | None = None):
        """The tokens that realise the pattern's extra words, or None when one is missing.
        ``nears`` keeps the words near ``token`` for the next pattern of the same kind; a
        subject written ``subj:event`` is any noun that names an event (_event_noun)."""
        key = (pattern.pos == "N", pattern.cameo == NO_EVENT)
        near = None if nears is None else nears.get(key)
        if near is None:
            near = [(t, t.lemma_.lower(), t.lower_) for t in EventExtractor._near(token, pattern)]
            if nears is not None:
                nears[key] = near
        if pattern.subject is not None:
            # "prices declined": the word heads the verb's subject, or the noun a relative
            # pronoun subject stands for ("tariffs that have targeted China"), or the noun an
            # active participle describes ("teachers striking in West Virginia")
            heads = [
                token.head if c.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl" else c
                for c in token.children
                if c.dep_ in ("nsubj", "nsubjpass")
            ]
            if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ == "NOUN":
                heads.append(token.head)
            # "thousands of nurses struck", "some of the workers": the people counted
            heads += [
                o
                for h in heads
                if h.pos_ == "NUM" or h.lower_ in PARTITIVES
                for p in h.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            if pattern.subject == EVENT_SUBJECT:
                # "the mutiny ends in a bargain", "the decision leaves Nigeria suspended": an
                # event noun as the subject of a verb of outcome, no act of anyone's
                if not any(h.pos_ == "NOUN" and _event_noun(h, self.patterns) for h in heads):
                    return None
            elif not any(pattern.subject in (h.lemma_.lower(), h.lower_) for h in heads):
                return None
        if (
            pattern.pos == "V"
            and pattern.label is None
            and token.lemma_.lower() in NAMING_VERBS
            and any(
                c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") for c in token.children
            )
        ):
            # "what they called the Cooperation Council for the Arab States": a verb that
            # names its object something names it (the rows of its tone code the naming),
            # whatever preposition the parser hangs on it (not a day the parser took for the
            # name: "called Thursday on Arabs to unite")
            return None
        if pattern.intransitive and any(
            c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass")
            or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            for c in token.children
        ):
            # (a passive's object is its subject: "was driven from its bases"; a gerund is the
            # object: "stopped selling munitions to the Saudis")
            return None
        if pattern.eventful:
            # "recalled the 1992 bombing", "the rallies were met by counter-rallies": what the
            # verb takes (a passive's subject) is a happening, no one acted on
            taken = next((c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass")),
                         None)  # fmt: skip
            if taken is None or not _event_noun(taken, self.patterns):
                return None
        if pattern.ground:
            # "took the wounded to hospital", "took control of the company": no place taken
            held = _prep_object(token, pattern.prep, deep=True) if pattern.prep else None
            if not (_ground(held) if held is not None else _takes_a_place(token)):
                return None
        cues = []
        if pattern.label is not None:
            # "called Assad a murderer": what the verb names its object, of the row's tone
            named = _named_as(token)
            if named is None or _tone(named) != pattern.label:
                return None
            if _pronoun_object(token) and not self._names_an_act(named):
                return None  # "called it a terrorist group": "it" is no act, and whose it is
                # the pronoun alone does not say surely enough
            cues.append(named)
        for word in pattern.words:
            found = next((t for t, lemma, lower in near if word in (lemma, lower)), None)
            if found is None:
                return None
            cues.append(found)
        if pattern.prep is not None:
            prep = _pattern_object(token, pattern.prep, deep=pattern.pos == "V")
            if (
                prep is None
                and pattern.pos == "N"
                and token.dep_ in ("dobj", "obj")
                and token.head.lemma_.lower() in LIGHT_VERBS | RESTRICTING_LIGHT_VERBS
            ):
                # the light verb's phrase holds it ("imposed 25 percent duties on China")
                prep = _pattern_object(token.head, pattern.prep, deep=False)
            if prep is None:
                return None
            if (
                pattern.pos == "V"
                and not pattern.words
                and pattern.cameo != NO_EVENT
                and pattern.prep in AIMING_PREPS
                and any(
                    c.dep_ in ("dobj", "obj")
                    and (m := self._by_token.get(c.i)) is not None
                    and m["label"] != "place"
                    for c in token.children
                )
            ):
                # "shot Bhutto at a rally", "called Biden on Monday": a verb with an actor for
                # its object is not the frame whose preposition aims it ("shot at", "called
                # on"); the object is the target, the phrase says where or when (not a place
                # taken "from" a side, nor a topic discussed "with" a partner)
                return None
        return cues

    @staticmethod
    def _near(token: Token, pattern: Pattern) -> list[Token]:
        """The words that may realise a pattern's extra words: for a noun, its modifiers
        before it; for a verb, its phrase and the head of a clause it governs."""
        if pattern.pos == "N":
            # modifiers before the head: "bomb attack", "hunger strike"
            near = [t for t in token.children if t.i < token.i]
            if pattern.cameo == NO_EVENT:
                # a sense that codes nothing may also be read on the verb or preposition the
                # noun depends on and on what it is "of" ("suffered a seizure", "died of a
                # seizure", "on duty", "the release of its report"; not on a noun it hangs on:
                # "at the heart of the attack on the parliament" is no heart attack)
                near += [
                    h
                    for h in (token.head, token.head.head)
                    if h.i != token.i and h.pos_ in ("VERB", "AUX", "ADP")
                ]
                of = _prep_object(token, "of")
                near += [of] if of is not None else []
        else:
            # the verb's own phrase, and the head of a clause it governs ("declared the MEK
            # protected persons")
            near = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd")]
            # and the head of an infinitive after it or its object ("gave the envoy 72 hours
            # to leave", parsed as a clause of the verb's or of "hours")
            near += [
                c
                for t in (
                    token,
                    *(c for c in token.children if c.dep_ in ("dobj", "obj", "npadvmod")),
                )
                for c in t.children
                if c.dep_ in ("advcl", "relcl", "acl")
                and c.i > t.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ]
            if token.dep_ == "acl" and token.tag_ == "VBN" and pattern.cameo == NO_EVENT:
                # "the motion tabled by X": a sense that codes nothing may be read on the noun
                # the participle describes (the converted rows' words, PETRARCH's synonym
                # sets, would recognise too much there: "diplomats based in")
                near.append(token.head)
            # a sense that codes nothing is not read on a possessor ("released the report's
            # authors" releases people)
            skip = CLAUSAL | {"poss"} if pattern.cameo == NO_EVENT else CLAUSAL
            stack = [c for c in token.children if c.dep_ not in skip]
            while stack:
                t = stack.pop()
                near.append(t)
                # (a noun joined to the verb's object is of the phrase: "launched drones and
                # missiles at Israel"; a verb joined to the verb is a clause of its own, and
                # a noun joined to one deeper in a phrase is that phrase's)
                stack.extend(
                    c
                    for c in t.children
                    if c.dep_ not in skip
                    or (
                        c.dep_ == "conj"
                        and t.dep_ in ("dobj", "obj")
                        and t.head.i == token.i
                        and t.pos_ == c.pos_ == "NOUN"
                    )
                )
        return near

    def _verb_event(self, token: Token) -> _Event | None:
        if (
            token.pos_ not in ("VERB",)
            and not token.tag_.startswith("VB")
            and not _tagged_noun_heading_a_subject(token)
            and not attack_verb_read_as_noun(token)
        ):
            return None
        if token.dep_ == "amod":  # "protected persons", "the banned group": a description
            return None
        if _describes_a_source(token):
            return None  # "according to officials briefed on the meeting": who says it
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and attack_verb_read_as_noun(subject):
            return None  # "IS shells recaptured areas": "recaptured" describes the areas
        if token.lemma_.lower() in LIGHT_VERBS | COGNATE_VERBS | RESTRICTING_LIGHT_VERBS and (
            (obj := self._event_object(token)) is not None
            and self._light(token, obj)
            and not self._answers(token, obj)
        ):
            return None  # the object noun carries the event
        if claims_responsibility(token, self.attack_nouns):
            return None  # "ISIL claimed responsibility": the attack's attribution, no event
        match = self._match(token, "V")
        if match is None:
            return None
        pattern, cues = match
        if pattern.cameo[:2] in ATTACK_ROOTS and any(
            self._no_event_sense(noun) for noun in _objects(token)
        ):
            return None  # "fought a trade war", "engaged in a war of words": no fighting
        if pattern.type == "PROTEST" and any(c.dep_ == "ccomp" for c in token.children):
            return None  # "this coalition demonstrates that ...": showing, not protesting
        if (
            pattern.type == "REQUEST"
            and token.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "ccomp" and _told_as_a_fact(c) for c in token.children)
        ):
            # "suggested the rebels were to blame", "hinted that Iran was behind it": a verb of
            # saying that puts forward a fact reports it, no appeal ("suggested that Iran
            # withdraw" asks)
            return None
        if token.lemma_.lower() in TRYING_VERBS and any(c.dep_ == "xcomp" for c in token.children):
            return None  # "its ideology seeks to combine ...": trying, not asking
        event = _Event(token, pattern, cues, cameo=pattern.cameo)
        if pattern.cameo[:2] == "16":
            # what is cut, suspended or ended is this act's object, no event of its own
            # ("suspended aid to Yemen": no aid given; "ended talks with Iran": no talks); a
            # span of time ended is what it was of ("ended two years of fighting": the
            # fighting), and a span of no act ("ending three decades of rule", "14 years in
            # power") is the end of a time, no act on anyone
            objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
            spans = [c for c in objects if c.lemma_.lower() in DURATIONS | {"century", "era"}]
            if spans and len(spans) == len(objects):
                objects = [o for c in spans if (o := _prep_object(c, "of")) is not None]
                if not any(c.lemma_.lower() in self.nouns for c in objects):
                    return None
            stopped = [
                (c, found[0])
                for c in objects
                if c.lemma_.lower() in self.nouns and (found := self._match(c, "N")) is not None
            ]
            event.cues += [c for c, _ in stopped]
            if event.cameo in ("160", "162") and stopped:
                # CAMEO's codes of what is stopped: aid 162, mediation 165, talks 164; a
                # hostile act stopped eases it ("ended sanctions on Sudan" 085, "the siege"
                # 0872, "halted its airstrikes" 087, "suspended the deportations" 081)
                code = stopped[0][1].cameo
                event.cameo = next(
                    (to for what, to in STOPPED_CODES if code.startswith(what)), event.cameo
                )
        subject, passive = self._subject(token)
        passive = passive or self._elided_passive(token, subject, pattern)
        doer = None if passive else subject
        agent = _prep_object(token, "by") if passive else None
        if passive:
            event.sources = self._args(agent) if agent is not None else []
            event.targets = self._args(subject, dig=True) if subject is not None else []
            # a pattern's preposition names the target in the passive too ("Fallujah
            # liberated from IS": the side it was taken from; "missiles were fired at Israel")
            # (dyad's own rows only: a converted row's "in" or "for" is no target, "the cars
            # are assembled in Mexico")
            curated = pattern.prep and not pattern.converted
            aimed = _prep_object(token, pattern.prep) if curated else None
            found = self._args(aimed) if aimed is not None else []
            if any(a.mention for a in found):
                event.targets = found
            # "Five killed in Iraq attacks", "three soldiers were wounded": victims counted,
            # their attacker not named
            # "West Mosul shelled", "the village was shelled": an attack whose doer is not
            # named (see _reports_a_passive)
            event.unnamed = (
                agent is None
                and bool(event.targets)
                and (_casualty(token) or (event.cameo[:2] in ATTACK_ROOTS
                                          and _reports_a_passive(token, subject)))
            )  # fmt: skip
        else:
            event.sources = self._args(subject) if subject is not None else []
            event.targets = self._verb_targets(token, pattern, _actor_ids(event.sources))
            if not event.targets:  # "declared the MEK protected persons"
                for cue in cues:
                    if cue.dep_ in ("ccomp", "xcomp", "oprd"):
                        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
                        event.targets = self._args(subject)
            if attack_verb_read_as_noun(token):  # the object of the participle after it
                obj = next(c for c in token.head.children if c.dep_ in ("dobj", "obj"))
                event.targets = self._args(obj, _actor_ids(event.sources), dig=True)
            own = self._own_forces(event)
            if own:
                # "Russia deployed troops to Syria": the forces sent are the doer's own, the
                # target is where or whom they are sent against
                event.targets = self._clause_target(token, pattern, [*event.sources, *own])
            reacted = pattern.type in ("ACCUSE", "REJECT") and any(
                self._force_noun(a.token) for a in event.targets
            )  # "condemned the attack on the embassy": aimed at its doers, whom _finish finds
            if (
                not reacted
                and not any(self._names(a) for a in event.targets)
                and not ((_casualty(token) and _victims(event.targets)) or _located(event.targets))
            ):  # "kills 12 shepherds in Anbar": the shepherds, not Anbar; "attacked aid
                # workers in Kabul": people acted on are the target, not where they were;
                # nor is the place of a building struck ("a building in Damascus")
                event.targets = (
                    self._clause_target(token, pattern, event.sources,
                                        people=self._people(event.targets))
                    or event.targets
                )  # fmt: skip
            # a casualty verb of a clause of its own ("..., killing 12", "shot and killed")
            # whose victims are counted or named and whose clause gives it no subject at all
            # ("Car bombs rock Baghdad, killing 12", where "rock" was read as a noun; "A
            # sniper shot and killed a captain", where "sniper shot" was): an attack whose doer
            # the parse does not give. A gerund after a preposition ("arrested for killing
            # civilians") is what someone is accused of, not a report of its own
            event.unnamed = (
                doer is None
                and token.dep_ in ("ROOT", "advcl", "conj")
                and _casualty(token)
                and any(_victim(a.token) or (a.mention or {}).get("kind") == "person"
                        for a in event.targets)
            )  # fmt: skip
        if (
            event.cameo == "1711"
            and event.targets
            and all(
                (a.mention or {}).get("label") not in ("metonym", "place")  # "seized Goma"
                and (
                    (
                        (
                            (a.mention or {}).get("kind") == "group"
                            or (
                                (a.mention or {}).get("kind") == "person"
                                and a.token.pos_ == "PROPN"
                            )
                        )
                        # the people themselves, not the owners of what was seized ("the passports
                        # of two activists")
                        and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
                    )
                    # people no actor names or a body's people: "seized two engineers",
                    # "seized five Chevron workers"
                    or self._people_noun(a.token)
                )
                for a in event.targets
            )
        ):  # (not "the newspaper Zaman", a paper its name was read as a person's)
            # people seized are taken, no property confiscated: held by the authorities
            # ("police seized three suspects": an arrest), else abducted ("students seized
            # dozens of Americans", "gunmen seized two engineers")
            event.cameo = "173" if any(_authority(a.mention) for a in event.sources) else "181"
        if _explosion_verb(token):
            return event if self._explosion(event) else None
        if pattern.type == "ASSAULT":  # "a suicide bomber attacked": the doer is unknown
            event.cameo = _weapon_code(doer, event.cameo)
            self._drop_unnamed(event)
        return event

    @staticmethod
    def _elided_passive(verb: Token, subject: Token | None, pattern: Pattern) -> bool:
        """A verb with its "was" or "were" left out, which the parser reads as active: a
        past form with a subject, no object and no auxiliary, and either
        - a casualty verb whose subject counts victims (a number, "people", "soldiers"), not
          one that names a doer ("At least 40 killed in Syria"), or
        - in a headline (a sentence with no closing stop, which tells past events in the
          present tense: "Iraq strikes Islamic State"), a verb of coercion or violence that
          takes its victim as object, aimed at no one by a preposition ("West Mosul shelled as
          Iraq steps up fight", "Islamic State leadership targeted in air strike": the
          subject is what was attacked); a fight "with" someone or an explosion has no
          victim object to lose ("Rebels clashed with troops")."""
        if subject is None or verb.tag_ not in ("VBD", "VBN"):
            return False
        if any(
            c.dep_ in ("dobj", "obj", "attr", "oprd")
            and not _gerund(c)
            and not (c.dep_ == "oprd" and c.lower_ == "dead")  # "X shot dead by Y"
            for c in verb.children
        ):  # a gerund read as its object says what they were doing ("killed fighting X")
            return False
        words = attack_words()
        if _casualty(verb):
            return (
                subject.like_num
                or subject.pos_ == "NUM"
                or subject.lemma_.lower() in (words["count_head"] | words["victim"])
            )
        if (pattern.cameo or "")[:2] not in _VICTIM_ROOTS or _explosion_verb(verb):
            return False
        if any(
            c.dep_ == "aux"
            or (c.dep_ == "prep" and (c.lower_ in words["target_prep"] or c.lower_ == "with"))
            for c in verb.children
        ):
            return False
        return _headline(verb.sent)

    def _drop_unnamed(self, event: _Event) -> None:
        """An attack's instrument or unnamed agent is no source, nor an act of force or a
        thing named as its doer ("The Russian-backed offensive has killed hundreds", "Mass
        deportation targets non-criminals": an event noun of force or an abstract noun of
        data/targets.tsv, no actor standing for it). An attack done by an act stays, by
        someone unnamed; one a thing is said to do is no sign of an attack."""
        abstract = target_words()["abstract"]
        # a thing is no doer, nor a sign of an attack ("Vote fails, killing the bill")
        event.sources = [
            a for a in event.sources if a.mention or a.token.lemma_.lower() not in abstract
        ]
        named = [
            a
            for a in event.sources
            if not _unnamed(a)
            and not (a.mention is None and a.token.lemma_.lower() in self.attack_nouns)
            # an act of force, not a group ("the alliance bombed", "a patrol shot")
        ]  # an act is an attack by someone unnamed ("the offensive has killed 20 civilians")
        event.instrument = event.instrument or len(named) < len(event.sources)
        event.unnamed = event.unnamed or event.instrument
        event.sources = named

    def _explosion(self, event: _Event) -> bool:
        """A charge going off (data/attack_words.tsv): "a car bomb exploded near a patrol",
        "a suicide bomber blew himself up", "X detonated a bomb targeting a bus". The
        instrument or an unnamed agent is never the source nor the target; the target is what
        "targeting" or a target preposition names; a suicide bombing is CAMEO 1831. False when
        the verb reports no explosion ("the president exploded with anger")."""
        token, words = event.trigger, attack_words()
        subject, passive = self._subject(token)
        agent = _prep_object(token, "by") if passive else None
        obj = next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)
        # where the target is named: on the verb, or on the instrument it set off ("detonated
        # four devices targeting the home")
        heads = [token, *(h for h in (obj, subject) if h is not None and _instrument(h))]
        aiming = next(
            (
                c
                for head in heads
                for c in head.children
                if c.lemma_.lower() in words["targeting"] and c.pos_ == "VERB"
            ),
            None,
        )
        if obj is not None and obj.lower_ not in REFLEXIVES and not _instrument(obj):
            if aiming is None:  # "militants blew up a bridge": the object is the target
                self._drop_unnamed(event)
                return True
            obj = None  # "a vehicle detonated targeting a bus carrying Shia pilgrims"
        if agent is not None:  # "a bomb was detonated by militants"
            sources = self._args(agent)
        elif obj is None or obj.lower_ in REFLEXIVES:  # "a car bomb exploded"
            if subject is None or not _instrument(subject):
                return False
            sources = self._args(subject)
        else:  # "militants detonated a car bomb"
            sources = self._args(subject) if subject is not None else []
        event.sources = sources
        self._drop_unnamed(event)
        exclude = _actor_ids(event.sources)
        targets: list[_Arg] = []
        if aiming is not None:  # "detonated targeting a bus": one event
            event.cues.append(aiming)
            aim = next((c for c in aiming.children if c.dep_ in ("dobj", "obj")), None)
            targets = self._args(aim, exclude)
        for child in (c for head in heads for c in head.children):
            if targets:
                break
            if child.dep_ == "prep" and child.lower_ in words["target_prep"]:
                aim = next((c for c in child.children if c.dep_ == "pobj"), None)
                if aim is not None and aim.ent_type_ in TIME_ENTITIES:
                    continue  # "exploded on Monday": a time, not what was hit
                targets = self._args(aim, exclude)  # the thing attacked, not its town
        event.targets = [a for a in targets if not _unnamed(a)]
        phrases = [t for head in (subject, obj) if head is not None for t in head.subtree]
        suicide = any(t.lower_ in words["suicide"] for t in phrases)
        event.cameo = "1831" if suicide else event.cameo
        event.unnamed = event.instrument = True  # a bomb that went off is an attack
        return True

    def _hyphen_pair(self, noun: Token) -> tuple[_Arg, _Arg] | None:
        """The two actors a hyphen joins before ``noun`` ("Iran-Iraq talks": Iran, Iraq),
        each a mention that acts, the first ending right before the hyphen and the second
        starting right after it; None where there are no such two, or where the noun names
        an event by its name ("during the Iran-Iraq War", "The Iran-Iraq War" of a book)."""
        doc = noun.doc
        if noun.ent_type_ == "EVENT":  # "the Iran-Iraq War": a name of a past event, a time
            return None
        for child in noun.children:
            second = self._by_token.get(child.i)
            if child.dep_ != "compound" or child.i > noun.i or second is None:
                continue
            start = second["token_start"]
            if start < 2 or doc[start - 1].text not in HYPHENS:
                continue
            first = self._by_token.get(start - 2)
            if (
                first is not None
                and first["token_end"] == start - 1
                and first["actor"] != second["actor"]
                and first["label"] in ACTING_LABELS
                and second["label"] in ACTING_LABELS
            ):
                return _mention_arg(first, doc[start - 2]), _mention_arg(second, child)
        return None

    def _modified_by_actors(self, noun: Token) -> tuple[list[_Arg], list[_Arg]]:
        """Actors named in the modifiers of ``noun`` and of nouns joined to it ("his Saudi
        allies and his American patrons"): those of the adjectives and compounds (Saudi,
        American), and those of the possessives (his)."""
        kinds: tuple[list[_Arg], list[_Arg]] = ([], [])
        for head in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
            for child in head.children:
                if child.dep_ in ("amod", "compound", "nmod") and child.i in self._by_token:
                    kinds[0].extend(self._args(child))
                elif child.dep_ == "poss":
                    kinds[1].extend(self._args(child))
        return _one_each(kinds[0]), _one_each(kinds[1])

    def _whole(self, arg: _Arg) -> _Arg:
        """The argument of a modifier word inside a longer mention as the whole mention
        ("Islamic" of "Islamic State attack" is "Islamic State")."""
        mention = self._by_token.get(arg.token.i)
        if mention is not arg.mention or (
            arg.start <= mention["start"] and arg.end >= mention["end"]
        ):
            return arg
        return _mention_arg(mention, arg.token)

    def _complement_subject(self, verb: Token, exclude: frozenset[str]) -> list[_Arg]:
        """Who a verb's complement clause is about: "allowed X to take part", "demanded that
        the U.S. disband the MEK", "its demand that Israel ease restrictions"."""
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp", "acl") and clause.i > verb.i:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subject is None and _subjunctive_read_as_noun(clause):
                    # "demanded that Netanyahu resign", parsed as a noun "Netanyahu resign":
                    # the name before the verb is its subject
                    subject = max(
                        (c for c in clause.lefts if c.dep_ == "compound" and c.tag_ == "NNP"),
                        key=lambda c: c.i,
                    )  # the name nearest the verb ("that Prime Minister Netanyahu resign")
                if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                    found = [a for a in self._args(subject, exclude) if self._names(a)]
                    if found:
                        return found
        return []

    def _people(self, args: list[_Arg]) -> bool:
        """Whether an argument with no actor of its own is headed by a noun of people."""
        return any(a.mention is None and self._people_noun(a.token) for a in args)

    def _people_noun(self, token: Token) -> bool:
        """Whether ``token`` is a common noun of people: one of the victim nouns
        (data/attack_words.tsv) or a noun of people of the agents dictionary ("workers",
        "students"), alone or after the word before it ("aid workers")."""
        if token.pos_ != "NOUN":
            return False
        lemma = token.lemma_.lower()
        before = token.doc[token.i - 1] if token.i else None
        pair = f"{before.lemma_.lower()} {lemma}" if before is not None else ""
        return (
            lemma in attack_words()["victim"]
            or lemma in self.people_nouns
            or pair in self.people_nouns
        )

    def _thing(self, event: _Event, arg: _Arg) -> bool:
        """Whether a target is a thing an act that is no force is about, not whom it is done
        to: "dismissed the idea", "condemned the misconduct", "called for a free-trade zone",
        "welcomed the improvement" (a common noun naming no actor, no people, no body of the
        agents dictionary and no entity).
        Whom such an act is aimed at the words do not say: no target. Force is done to things
        too ("blew up power lines", "smashed the door": CAMEO 17-20 keep them)."""
        return event.cameo[:2] not in _VICTIM_ROOTS and self._a_thing(arg)

    def _named_act(self, event: _Event) -> _Arg | None:
        """The pronoun that stands for an act told before, as an argument: one a verb of
        naming names an act ("called it a massacre", "described this as a violation",
        "called that unacceptable": a name of data/targets.tsv, act_label, happening or
        referring, a noun the patterns code, or an adjective), or the object of a verbal
        accusation or rejection ("condemned it", "rejected this"). None for other events and
        names ("called it a terrorist group" codes nothing: _match)."""
        verb = event.trigger
        if not _pronoun_object(verb):
            return None
        pronoun = next(c for c in verb.children if c.dep_ in ("dobj", "obj"))
        if event.pattern.label is None:
            # "Buhari condemned it", "Russia rejected it": a verbal reaction aimed at what
            # was done before, whoever did it (none told: the pronoun's antecedent stands)
            if event.nominal or plover_type(event.cameo) not in ("ACCUSE", "REJECT"):
                return None
            return _Arg(pronoun, None, pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)
        named = _named_as(verb)
        if named is None or not self._names_an_act(named):
            return None
        return _Arg(pronoun, None, pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)

    def _names_an_act(self, named: Token) -> bool:
        """Whether a name given to something names an act: a noun of data/targets.tsv
        (act_label, happening, referring) or one the patterns code ("a massacre", "a
        violation", "a tragic mistake"), or an adjective ("unacceptable")."""
        if named.pos_ == "NOUN":
            lemma = named.lemma_.lower()
            words = target_words()
            return lemma in words["act_label"] | words["happening"] | words["referring"] or any(
                plover_type(p.cameo) for p in self.patterns.candidates("N", lemma)
            )
        return named.pos_ in ("ADJ", "ADV")

    def _maker_of(self, event: _Event, arg: _Arg, events: list[_Event]) -> list[_Arg] | None:
        """The doers of the act a definite noun of ``referring`` (data/targets.tsv) refers
        back to, as the target of a verbal reaction to it ("Turkey condemned the decision"
        after "the United States imposed sanctions"). The act is an earlier asserted event of
        this sentence or the three before: of the noun's own code where it is an event noun of
        the patterns ("the attack" 19, "the accusation" 112: "blamed", not "condemned"),
        failing that of its type ("the expulsion", 174, of "expelled diplomats", 166); of
        those the nearest sentence's, its main clause's first. An attack ("the attack",
        "Saturday's bombing", "the violence") is the story's own: the first asserted or
        reported however far back, of another side than the one condemning or rejecting it,
        but the nearest where a demonstrative points back ("this attack"), as an attribution's
        is (attribution.py); a telling of it that names no doer ("The attack took place on
        Thursday") gives way to the next that does. Its doers are the target when
        they are actors of a country (or an organisation) other than the reacting side's;
        when the act is the reacting side's own ("Russia expelled ... Moscow defended the
        move") there is none: None, where an empty list says no doer is known. An empty list
        too when the phrase names an owner, says what the act was (not whom or where an act
        of force was done to: "the shelling of Kharkiv" refers back) or is not definite ("a
        decision"); "it", "this" and "that" refer back as a definite noun does."""
        head = arg.token
        lemma = head.lemma_.lower()
        # a day's ("Saturday's attack") is no owner: it says which act, as "the" does
        owned = any(c.dep_ == "poss" and not _a_day(c) for c in head.children)
        # (whom or where an act of force was done says which act, not what it was: "the
        # crackdown on protesters", "the shelling of Kharkiv" refer back as "the attack" does)
        told = any(
            c.dep_ in ("prep", "acl", "relcl")
            and c.i > head.i
            and not (self._force_noun(head) and c.lower_ in _VICTIM_PREPS)
            for c in head.children
        )
        if lemma in target_words()["ruling"]:
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
            return self._court_before(event) if definite and not owned and not told else []
        if not (_refers_back(head) or head.lower_ in ACT_PRONOUNS) or owned or told:
            return []  # "a decision", "its decision", "the decision to withdraw"
        codes = {  # "190" refers to any 19x, "100" to 10x, not to every code opening "1"
            _code_family(p.cameo)
            for p in self.patterns.candidates("N", lemma)
            if p.size == 1 and plover_type(p.cameo)
        }
        kinds = {_REFERRED_FAMILY.get(k, k) for c in codes if (k := plover_type(c.ljust(3, "0")))}
        # the states reacting: an act of a state's own bodies is the state's ("Russia expelled
        # ... Moscow defended the move"); one of its state on its opposition or people is not
        # theirs ("police arrested Khan ... his party condemned the arrest")
        own, states = _actors_and_states(event.sources)

        def theirs(before: _Event) -> bool:
            """Whether an act is the reacting side's own."""
            return any(
                a.mention["actor"] in own
                or (a.mention.get("country") in states and _of_state(a.mention))
                for a in before.sources
                if a.mention is not None
            )

        # an attack told without a demonstrative is the story's own, the first told however
        # far back (as an attribution's, attribution.py), "this attack" the nearest; one
        # condemned or rejected is another side's, the first of theirs
        story = kinds == {"ASSAULT"} and not any(
            c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in head.children
        )
        hostile = plover_type(event.cameo) in ("ACCUSE", "REJECT")

        def rank(before: _Event) -> tuple[int, int, int, int] | None:
            if before.trigger.i >= event.trigger.i or before.modality not in (
                ("asserted", "reported") if story else ("asserted",)
            ):
                return None
            distance = event.sentence - before.sentence
            if not 0 <= distance <= 3 and not story:
                return None
            kind = plover_type(before.cameo)
            if codes and not before.cameo.startswith(tuple(codes)):
                if _REFERRED_FAMILY.get(kind, kind) not in kinds:
                    return None
                tier = 1
            else:
                tier = 0
            if story:
                if hostile and theirs(before):
                    return None
                return tier, -distance, 0, before.trigger.i
            main = before.trigger.dep_ == "ROOT" or (
                before.trigger.dep_ == "conj" and before.trigger.head.dep_ == "ROOT"
            )
            return tier, distance, 0 if main else 1, -before.trigger.i

        ranked = sorted((r, k) for k, e in enumerate(events) if (r := rank(e)) is not None)
        retold = False
        for _, k in ranked:
            referred = events[k]
            if retold and (referred.sentence >= event.sentence or referred.modality != "asserted"):
                continue  # past a telling with no doer, only an earlier sentence's plain account
            if theirs(referred):
                return None  # the reacting side's own act
            doers = [a for a in referred.sources if a.mention is not None]
            if doers or not story:
                return [
                    a for a in doers if a.mention.get("country") or a.mention.get("sector") == "IGO"
                ]
            # the story's attack told again with no doer ("The attack took place on
            # Thursday"): the next telling of it may name them ("who have accused Karimov of
            # crushing dissent, condemned the bombings" names no bomber)
            retold = True
        return []

    def _court_before(self, event: _Event) -> list[_Arg]:
        """The court the text names last before a reaction to "the ruling" (data/targets.tsv,
        ruling), in the reaction's sentence or the three before: a mention of sector JUD
        other than the reacting side."""
        doc = event.trigger.doc
        sentences = list(doc.sents)  # (a reaction to a ruling is rare: read once for it)
        first = sentences[max(0, min(event.sentence, len(sentences) - 1) - 3)].start
        own = _actor_ids(event.sources)
        for i in range(event.trigger.i - 1, first - 1, -1):
            mention = self._by_token.get(i)
            if (
                mention is not None
                and mention.get("sector") == "JUD"
                and mention["actor"] not in own
                and mention["label"] in ACTING_LABELS
            ):
                return [_mention_arg(mention, doc[i])]
        return []

    def _doers(self, event: _Event) -> list[_Arg]:
        """The event's sources, less the things among them: a thing does nothing ("a contract
        to sell", "The election results ... imprisoned", "efforts to oust"). A thing's owner
        or maker named as an actor ("Iran's statement condemned", "efforts by the government
        to negotiate") is the doer in its place; otherwise the doer is unknown."""
        if event.cameo[:2] in ATTACK_ROOTS:
            return event.sources  # an attack's doer is read apart (_drop_unnamed)
        doers: list[_Arg] = []
        for arg in event.sources:
            if not self._inert(arg):
                doers.append(arg)
                continue
            owners = [c for c in arg.token.children if c.dep_ == "poss"]
            owners += [by] if (by := _prep_object(arg.token, "by")) is not None else []
            for owner in owners:
                mention = self._by_token.get(owner.i)
                if mention is not None and mention["label"] in ACTING_LABELS:
                    doers.append(_mention_arg(mention, owner))
        return doers

    def _inert(self, arg: _Arg) -> bool:
        """Whether a source is a thing (data/targets.tsv: an abstract noun, or a noun of
        `inert`), naming no actor and no entity: "a contract", "the election results", "this
        stance", "The resolution condemned Israel". Nouns of bodies and people, listed or not
        ("the church", "the committee"), stay doers."""
        head = arg.token
        if arg.mention is not None or head.pos_ != "NOUN":
            return False
        words = target_words()
        if not {head.lemma_.lower(), head.lower_} & (words["abstract"] | words["inert"]):
            return False
        span = head.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and not any(t.ent_type_ in TARGET_ENTITIES for t in span)

    def _a_thing(self, arg: _Arg) -> bool:
        """Whether an argument is headed by a common noun naming no actor, no people, no body
        (of the agents dictionary or `acting` in data/targets.tsv) and no entity; one with a
        possessive noun is its owner's ("several universities' programs")."""
        if arg.mention is not None:
            return False
        head = arg.token
        if _a_sum(head):
            return True  # "pledged NZ$500,000", "will provide 105 million euros"
        if head.pos_ != "NOUN" or head.lemma_.lower() in self.role_nouns:
            return False  # "convicted the party": a body, not a thing
        if (
            self._people_noun(head)
            or _victim(head)
            or head.lemma_.lower() in target_words()["acting"]
        ):
            return False  # people, or a body no table gives a role ("the committee")
        if any(
            c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and not _a_day(c)
            for c in head.children
        ):
            return False  # "indicting several universities' programs": the owner's, coarsely
        span = head.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and not any(t.ent_type_ in TARGET_ENTITIES for t in span)

    def _names(self, arg: _Arg) -> bool:
        """Whether an argument names an actor or a place, not just a thing ("a ban")."""
        if arg.mention is not None:
            return True
        span = arg.token.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ in TARGET_ENTITIES for t in span)

    def _clause_target(
        self, verb: Token, pattern: Pattern, sources: list[_Arg], people: bool = False
    ) -> list[_Arg]:
        """The target of a verb whose object names no actor, from the rest of its clause:
        whom a threat is made against ("... unless Baghdad accepted"), then the nearest actor
        or named place in its complement ("threatened to institute a curfew in Algiers"), its
        prepositional phrases ("reservists for a war against Iraq") or purpose clause. Where
        the object names ``people``, neither it nor a phrase that says where ("in Kabul") is
        read for a place: the people are the target ("returned the prisoners to Egypt" still
        reads "to", not a demonym of a thing: "expelled migrants to the Libyan border")."""
        exclude = _actor_ids(sources)
        # the owner of the pattern's own noun, where a preposition names the target, is the
        # doer's side ("expressed Moscow's concern over the situation": Moscow voices it, it
        # is not aimed at Moscow; not "summoned Niger's ambassador", whose noun is the target)
        exclude |= {
            mention["actor"]
            for d in verb.children
            if pattern.prep is not None and d.dep_ == "dobj" and _is_cue(d, pattern)
            for c in d.children
            if c.dep_ == "poss" and (mention := self._by_token.get(c.i)) is not None
        }
        taken = {a.token.i for a in sources}
        # a condition names whom a threat is aimed at; it may hang on the governing verb
        # or on the complement: "threatened to halt the talks unless Baghdad ..."
        clauses = [*verb.children, *(verb.head.children if verb.dep_ == "xcomp" else ())]
        clauses += [c for x in verb.children if x.dep_ == "xcomp" for c in x.children]
        for clause in clauses:
            marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & {"if", "unless"} and clause.i > verb.i:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                found = [a for a in self._args(subject, exclude) if self._names(a)]
                if found:
                    return found
        # a particle can carry the phrase: "kidnapped up to 16 Russian advisers"
        near = [c for c in verb.children if c.dep_ != "prt"]
        near += [c for p in verb.children if p.dep_ == "prt" for c in p.children]
        places = [c for c in near if c.dep_ == "xcomp"]
        relatives = head_words()["relative"]
        places += [
            c
            for c in near
            if c.dep_ in ("prep", "dobj")
            and c.lower_ not in ("by", "as")  # "condemned the strikes as a violation of X"
            and not _with_help(c)
            and c.lemma_.lower() not in relatives  # "arrested a son of X": not X
            # "protected the villagers from the rebels": the danger, not whom
            and not (c.lower_ == "from" and verb.lemma_.lower() in target_words()["shielding"])
            and not (people and (c.dep_ == "dobj" or c.lower_ in WHERE_PREPS))
            # a setting put before the verb ("At a rally in West Virginia, the president
            # called for ..."): where, not whom
            and not (c.dep_ == "prep" and c.i < verb.i and c.lower_ in WHERE_PREPS)
            # where two sides meet or sign together is their venue ("Putin and Xi met at the
            # Kremlin", "signed a declaration at the White House"), not whom
            and not (
                c.dep_ == "prep"
                and c.lower_ in WHERE_PREPS
                and pattern.cameo.startswith(JOINT)
                and len(exclude) > 1
            )
            # what talks are about is their topic, not whom they are with ("talked about
            # the crisis in Syria", "talks on Iran's nuclear programme"), unless whom they
            # are with hangs in it ("met on the sidelines with Putin")
            and not (
                pattern.type == "CONSULT"
                and c.dep_ == "prep"
                and c.lower_ in TOPIC_PREPS
                and not any(t.lower_ == "with" for t in c.subtree)
            )
        ]
        # a purpose clause ("... to punish Iran"), not one in the passive ("to be labeled a
        # terrorist organisation by Washington"), whose named actor is its doer
        places += [
            c
            for c in near
            if c.dep_ == "advcl"
            and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
            and not any(a.dep_ == "auxpass" for a in c.children)
        ]
        own = {a.mention.get("country") for a in sources if _for_the_state(a.mention)} - {None}
        for place in places:
            mention, entity = self._nearest_inside(place, exclude, steps=6, participles=True)
            if mention is not None and _own_state_owning(mention, own, place.doc):
                # "Maduro closed Venezuela's borders with Colombia": the doer's own state,
                # owning what is acted on, is no target; read on
                skipped = mention
                mention, entity = self._nearest_inside(
                    place, exclude | {mention["actor"]}, steps=6, participles=True
                )
                if entity is not None and entity.start < skipped["token_end"] <= entity.end:
                    entity = None
            if people and mention is not None and mention["label"] == "modifier":
                # people sent "to the Libyan border": where, by a demonym of a thing, not
                # to whom; the people stay the target
                continue
            if mention is not None and mention["token_start"] not in taken:
                # with the demonyms joined before its noun ("a force of Ethiopian, Mozambican
                # and South African troops": each country's troops)
                root = place.doc[mention["token_end"] - 1]
                joined = [
                    a
                    for a in self._coordinated_modifiers(root, exclude)
                    if a.mention["actor"] != mention["actor"]
                ]
                return [*joined, _mention_arg(mention, place)]
            if entity is not None:
                return [_Arg(place, None, entity.start_char, entity.end_char, entity.text)]
        return []

    def _verb_targets(self, token: Token, pattern: Pattern, exclude: frozenset[str]) -> list[_Arg]:
        if pattern.prep is not None:
            obj = _pattern_object(token, pattern.prep, deep=True)
            return self._args(obj, exclude, dig=True) if obj is not None else []
        fallback: list[_Arg] = []
        for child in token.children:
            if child.dep_ in ("dobj", "dative", "obj", "iobj") and not _is_cue(child, pattern):
                if child.pos_ == "ADP":  # a dative preposition: "promised punishment for X"
                    child = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if child is None:
                        continue
                found = self._args(child, exclude)
                if pattern.type in ("ACCUSE", "REJECT") and self._force_noun(child):
                    # "condemned the attack on the Turkish embassy", "the shelling of Kharkiv":
                    # the victims or the place named inside the act are not whom it is aimed
                    # at; its doers are ("Israel's attack", "attacks by Russian forces"), or,
                    # for an act told before, the doers _maker_of finds
                    doers = [a for a in found if _names_the_doer(child, a)]
                    by = _prep_object(child, "by")
                    if by is None and not any(c.dep_ in PASSIVE_DEPS for c in token.children):
                        by = _prep_object(token, "by")  # (the parser hung it on the verb)
                    if not doers and by is not None:
                        doers = [a for a in self._args(by, exclude) if a.mention]
                    return doers or [_noun_arg(child)]
                if any(a.mention for a in found):
                    return found
                fallback = fallback or found
        for prep in TARGET_PREPS.get(pattern.type, ()):
            obj = _prep_object(token, prep)
            if obj is not None and not _with_help(obj.head):
                found = self._args(obj, exclude, dig=True)
                if any(
                    a.mention
                    and (a.mention["label"] != "place" or _recipient(pattern, prep, a.mention))
                    for a in found
                ):
                    return found
        if fallback:  # an object naming no actor itself: "action against Russia"
            return self._args(fallback[0].token, exclude, dig=True)
        # a name the parser compounded into a word of the pattern ("declared U.S. Ambassador
        # Philip Goldberg persona non grata": "Goldberg" a compound of "persona")
        for cue in token.children:
            if cue.dep_ in ("dobj", "obj", "ccomp", "oprd") and _is_cue(cue, pattern):
                named = [
                    c
                    for c in cue.children
                    if c.dep_ == "compound" and c.i < cue.i and c.pos_ == "PROPN"
                ]
                if named:
                    return self._args(named[-1], exclude)
        # a complement clause's subject: "demanded that the U.S. disband the MEK"
        return self._complement_subject(token, exclude)

    def _force_noun(self, noun: Token) -> bool:
        """Whether a noun names an act of force or coercion the patterns code (CAMEO 17-20:
        "attack", "killing", "crackdown", "shelling")."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() in self.attack_nouns

    def _given_to_another(self, noun: Token) -> bool:
        """Whether a noun of giving names its own receiver, an actor ("Turkish military aid to
        the Kurds", "Iranian funding of the Taliban"; not "a grant for border security", "an
        offer of help"): refused by someone else, it was given, not offered to him."""
        # "to" may hang on the verb that refuses it ("rejected Russian aid to Syria")
        preps = [*noun.children, *(c for c in noun.head.children if c.lower_ == "to")]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "for", "of"):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if any(
                    (m := self._by_token.get(t.i)) is not None
                    and (m["label"] in ACTING_LABELS or m.get("kind") == "state")
                    for t in obj.subtree
                ):
                    return True
        return False

    def _met_with(self, noun: Token) -> bool:
        """Whether a noun of meeting names whom it is with or who is visited: an actor (not
        a place) after its "with" ("a meeting with Yang"), or the state or place after "to"
        ("a visit to Russia", as a visit is coded)."""
        for prep in ("with", "to"):
            obj = _prep_object(noun, prep)
            if obj is not None and any(
                a.mention is not None and (prep == "to" or a.mention["label"] != "place")
                for a in self._args(obj)
            ):
                return True
        return False

    def _event_object(self, verb: Token) -> Token | None:
        for child in verb.children:
            if (
                child.dep_ in ("dobj", "obj", "attr")
                and child.lemma_.lower() in self.nouns
                and self._match(child, "N") is not None
            ):
                return child
        return None

    def _answers(self, verb: Token, noun: Token) -> bool:
        """Whether ``verb`` answers the request ``noun`` is ("accepted the protesters'
        demands", "granted their request"; `answering` in targets.tsv): the verb's is an
        event of its own (accepting, granting, refusing), not a light verb of the noun's."""
        if verb.lemma_.lower() not in ANSWERING_VERBS:
            return False
        match = self._match(noun, "N")
        return match is not None and match[0].type == "REQUEST"

    def _noun_verb(self, token: Token) -> bool:
        """Whether a word tagged a verb is an event noun no verb pattern knows, in either its
        form or its lemma ("75 dead in Iraq bloodshed": "bloodshed" read as a past verb)."""
        return (
            token.tag_.startswith("VB")
            and token.lower_ in self.nouns
            and not any(
                self.patterns.candidates("V", word) for word in (token.lower_, token.lemma_.lower())
            )
        )

    def _other_side(self, noun: Token, pattern: Pattern, targets: list[_Arg]) -> list[_Arg]:
        """The side that fights "with" another, named by no owner of the noun: the
        subject of the clause the noun's phrase sets the act in ("The RSF took Wad Madani
        after four days of fighting with the army", "the rebels withdrew after clashes with
        troops"), where that subject is an actor that does it (not victims: "Hundreds were
        killed in fighting with IS"). None otherwise."""
        if pattern.type != "ASSAULT":  # (talks: the setting a clause is put in, SETTING_PREPS)
            return []
        while (  # "after four days of fighting": the days' phrase
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lemma_.lower() in DURATIONS
        ):
            noun = noun.head.head
        if noun.dep_ != "pobj":
            return []
        prep = noun.head
        verb = prep.head
        if prep.lower_ not in _RESTATING or verb.pos_ != "VERB":
            return []
        subject, passive = self._subject(verb)
        if subject is None or passive:
            return []
        found = [a for a in self._args(subject, _actor_ids(targets)) if a.mention]
        return [a for a in found if not _victim(a.token) and not self._people_noun(a.token)]

    def _what_an_object_is_called(self, noun: Token) -> bool:
        """Whether a noun says what the object of a verb of judging or saying is, in an "as"
        phrase ("condemned the strikes as a violation of Yemen's sovereignty", "the move was
        denounced as an invasion", "described the vote as a sham"): a name given to an act,
        no act of its own. An act done "as" something is that act ("sent warships as a
        warning")."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.dep_ != "prep":
            return False
        verb = prep.head
        if verb.pos_ != "VERB" or not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children
        ):
            return False
        if verb.lemma_.lower() in SPEECH_VERBS | _MODALITY["judging"]:
            return True
        match = self._match(verb, "V")
        return match is not None and plover_type(match[0].cameo) in ("ACCUSE", "REJECT", "SUPPORT")

    def _noun_event(self, token: Token) -> _Event | None:
        if token.i in self._by_token:
            return None
        if _named_event(token):  # "during the Iran-Iraq War": a name, not a report
            return None
        if _describes_a_source(token):  # "according to diplomats briefed on the meeting"
            return None
        if self._what_an_object_is_called(token):  # "condemned the strikes as a violation"
            return None
        if token.pos_ in ("NOUN", "PROPN"):
            match = self._match(token, "N")
        elif self._noun_verb(token):
            match = self._match(token, "N", token.lower_)
        else:
            return None
        if match is None:
            return None
        pattern, cues = match
        event = _Event(token, pattern, cues, cameo=pattern.cameo, nominal=True)
        between = None
        place = token  # where the noun phrase sits in the clause
        if token.dep_ == "compound" and token.head.lemma_.lower() in FRAME_NOUNS:
            place = token.head  # "launched a mediation effort between ..."
            event.cues.append(place)
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in head_words()["measure"]
        ):
            place = token.head.head  # "carried out a series of attacks on ..."
            event.cues.append(place)
        head = place.head
        # the actor in the noun phrase: "an MEK attack", "Iran's sanctions"
        for child in token.children:
            if (
                child.i < token.i
                and child.dep_ in ("poss", "compound", "amod", "nmod")
                and not _is_cue(child, pattern)
                and not _setting(child)
            ):
                event.sources += [
                    self._whole(a)
                    for a in self._args(child)
                    if a.mention and not _names_a_gathering(a.token, a.mention)
                ]
        # one argument per actor: "Islamic State attack" names one doer, not one a word
        event.sources = _one_each(event.sources)
        of = _prep_object(token, "of")
        # "the expulsion of the MEK by Iraq" (the parser often hangs "by" on the object)
        agent = _prep_object(token, "by") or (_prep_object(of, "by") if of is not None else None)
        if of is None and _undergone(token):
            # "the journalist's arrest", "the tanker's release": the owner undergoes it; a
            # state's or its bodies' are theirs ("Iran's arrests"), not a person's ("the
            # president's arrest", "his poisoning")
            undergoing = [
                a
                for a in event.sources
                if not _authority(a.mention) or (a.mention or {}).get("kind") == "person"
            ]
            event.targets += undergoing
            event.sources = [a for a in event.sources if a not in undergoing]
        if agent is not None:
            event.sources = self._args(agent)
        if not event.sources and any(
            pattern.cameo.startswith(p) for p in target_words()["from_doer"]
        ):  # "a request from Russia", "criticism on the part of the EU"
            origin = _origin(token)
            event.sources = (
                [a for a in self._args(origin) if a.mention] if origin is not None else []
            )
        if (
            not event.sources
            and of is not None
            and not pattern.prep
            and any(pattern.cameo.startswith(p) for p in target_words()["of_doer"])
            # only in a phrase that sets another act ("made demands of Iran": of whom they
            # are made; "rejected the demands of Hamas": the rejection's target already)
            and token.dep_ == "pobj"
        ):  # "at the request of President Macron": who asks
            event.sources = [a for a in self._args(of) if a.mention]
            of = None if event.sources else of
        goods_from = _prep_object(token, "from")
        if goods_from is None or not _goods_origin(token, goods_from):
            goods_from = None
        received = event.sources and _received(token)
        between = _prep_object(token, "between") or _prep_object(token, "among")
        if between is not None:  # "talks between A and B"
            event.sources = self._args(between)
            event.between = True
        preps = (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS
        for prep in preps:
            obj = _prep_object(token, prep)
            if prep == "of" and of is None:
                continue  # its doer (above)
            if obj is not None and not _on_the_part(obj):
                event.targets = self._args(obj, _actor_ids(event.sources), dig=True)
                if prep == "with" and not event.sources and between is None:
                    event.sources = self._other_side(place, pattern, event.targets)
                break
        if goods_from is not None and not any(a.mention for a in event.targets):
            # "a tariff on goods from China": aimed at the goods' country
            event.targets = [a for a in self._args(goods_from) if a.mention]
        if received and not event.targets:
            # "the caravan has drawn criticism from Trump": who receives the act is its target;
            # an act that receives it ("the arrest of X drew criticism") is no one
            subject, _ = self._subject(token.head)
            if subject is not None and subject.lemma_.lower() not in self.nouns:
                event.targets = self._args(subject, _actor_ids(event.sources))
        pair = self._hyphen_pair(token)
        if pair is not None and not event.targets and between is None:
            if pattern.type in MUTUAL_TYPES:
                # "the Iran-Iraq talks", "the DPRK-U.S. summit": the two named sides of the
                # noun, one each side of the hyphen
                event.sources, event.targets = [pair[0]], [pair[1]]
            else:  # "Saudi-UAE airstrikes hit Yemen": two doers, not one against the other
                event.sources = list(pair)
        if place.i != token.i:
            for prep in ("between", "among"):
                if (obj := _prep_object(place, prep)) is not None:
                    between = obj
                    event.sources = self._args(obj)
                    event.between = True
            for prep in (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS:
                obj = _prep_object(place, prep)
                if not event.targets and obj is not None and obj.i != token.i:
                    # (the "of" of "a series of attacks" is the event noun itself)
                    event.targets = self._args(obj, _actor_ids(event.sources))
        defender = next((c for c in token.children if c.dep_ == "compound"
                         and DEFENDING_VERBS & {c.lemma_.lower(), c.lower_.removesuffix("s")}),
                        None)  # fmt: skip
        if defender is not None and not any(
            a.mention and a.mention["label"] != "place" for a in event.targets
        ):
            # "Iraqi forces repel IS attack (at X)": a headline's verb the parser read as a
            # word of the attack's name; its subject withstood the attack, whatever place the
            # attack was at
            subject, passive = self._subject(defender)
            if subject is not None and not passive:
                event.targets = self._args(subject)
                defending = {t.i for t in defender.subtree}
            else:  # "Iraqi army repels IS attack", read as one name: the words before the verb
                before = [c for c in (*token.children, *defender.children) if c.i < defender.i]
                defending = {t.i for c in before for t in c.subtree} | {defender.i}
                event.targets = _one_each([a for c in before for a in self._args(c) if a.mention])
            # the defenders are not the attackers
            event.sources = [a for a in event.sources if a.token.i not in defending]
        if event.pattern.type == "REQUEST" and not event.targets:
            # "its demand that Israel ease restrictions": who is asked is the clause's subject
            event.targets = self._complement_subject(token, _actor_ids(event.sources))
        # the light verb's object, or its subject in the passive ("the attack was carried
        # out by X", "sanctions were imposed on Iran by the EU"), whose doer is the "by" agent
        passive_light = (
            place.dep_ == "nsubjpass"
            # not a verb with its preposition left behind ("the ban was called for by X":
            # asked for, not imposed)
            and not any(c.dep_ == "prep" and not list(c.children) for c in head.children)
        )
        if (
            self._light(head, token)
            and (place.dep_ in ("dobj", "obj", "attr") or passive_light)
            and not self._answers(head, token)
        ):
            event.cues.append(head)
            event.light = True
            if head.lemma_.lower() in ASKING_VERBS:
                event.cameo = "020"
            if passive_light:
                agent = _prep_object(head, "by")
                actors = self._args(agent) if agent is not None else []
                parties = _prep_object(head, "between") or _prep_object(head, "among")
                if not actors and parties is not None and between is None:
                    # "no agreement was reached between Ethiopia and Egypt": both sides, and
                    # no other target (as "Ethiopia and Egypt reached no agreement")
                    between = parties
                    event.sources = self._args(parties)
                    event.between = True
                    event.cues.append(parties)
            else:
                subject, passive = self._subject(head)
                actors = self._args(subject) if subject is not None and not passive else []
            if actors and between is not None:
                # "launched a mediation effort between A and B": A and B are the targets
                event.targets, event.sources = event.sources, actors
            elif (
                head.lemma_.lower() in ASKING_VERBS
                and event.sources
                and _actor_ids(actors) - _actor_ids(event.sources)
            ):
                # "Iraq sought American help": the subject asks, the noun's actor is asked
                event.targets, event.sources = event.sources, actors
            elif (
                head.lemma_.lower() in GIVING_VERBS
                and event.sources
                and not event.targets
                and not any(c.dep_ == "poss" for c in token.children)
                and _actor_ids(actors) - _actor_ids(event.sources)
            ):
                # "Iraq gave the MEK aid": the parser reads "the MEK aid" as one noun phrase;
                # the actor in it is the recipient, the subject the giver
                event.targets, event.sources = event.sources, actors
            elif actors and not event.sources:
                event.sources = actors
            if not event.targets:
                for prep in (pattern.prep,) if pattern.prep else NOUN_TARGET_PREPS:
                    obj = _prep_object(head, prep)
                    if obj is not None:
                        event.targets = self._args(obj)
                        break
            if not any(a.mention for a in event.targets):
                # "gave Tanzania a grant of 580 million shillings": the one given to, not what
                # the grant is of
                dative = next((c for c in head.children if c.dep_ == "dative"), None)
                if dative is not None and dative.pos_ == "ADP":
                    dative = next((g for g in dative.children if g.dep_ == "pobj"), None)
                found = self._args(dative) if dative is not None else []
                if any(a.mention for a in found) or not event.targets:
                    event.targets = found
            if not event.targets:
                event.targets = [
                    a for a in self._args(place, _actor_ids(event.sources), dig=True) if a.token
                ]
                event.targets = [
                    a
                    for a in event.targets
                    if a.start >= place.idx + len(place) and not a.start <= token.idx < a.end
                ]  # after the noun phrase's head, and not the event noun ("a series of attacks")
            if not any(self._names(a) for a in event.targets):
                # "reiterated its demand that Israel ...", "sought refuge in Germany",
                # "continued their hunger strike to demand the resignation of X"
                event.targets = (
                    (
                        self._complement_subject(head, _actor_ids(event.sources))
                        if event.pattern.type == "REQUEST"
                        else []
                    )
                    or self._clause_target(head, pattern, event.sources)
                    or event.targets
                )
            if passive_light and between is not None:
                event.targets = []  # both sides act, as in the active "A and B reached a deal"
        elif (
            place.dep_ == "pobj"
            and head.lower_ == "for"
            and head.head.lemma_.lower() == "responsibility"
            and head.head.head.lemma_.lower() in RESPONSIBILITY_VERBS
        ):
            # "the group ... took responsibility for the attack on ...": it was theirs
            subject, _ = self._subject(head.head.head)
            if subject is not None:
                event.sources = self._args(subject)
                event.cues.append(head.head.head)
        elif place.dep_ in ("dobj", "obj") and head.lemma_.lower() in UNDERGOING_VERBS:
            subject, _ = self._subject(head)
            if subject is not None and not event.targets:
                event.targets = self._args(subject)
            if event.cameo == "075" and not event.sources:
                # "the group receives shelter in Albania": the country gives it
                where = _prep_object(token, "in") or _prep_object(head, "in")
                if where is not None:
                    event.sources = [a for a in self._args(where) if a.mention]
        elif (
            place.dep_ in ("dobj", "obj")
            and event.pattern.type == "REQUEST"
            and head.lemma_.lower() in ANSWERING_VERBS
        ):
            # "Britain is considering Russia's request", "rejected the union's demands": a
            # request is made of whoever answers it
            subject, passive = self._subject(head)
            if subject is not None and not passive and not any(a.mention for a in event.targets):
                found = [a for a in self._args(subject, _actor_ids(event.sources)) if a.mention]
                event.targets = found or event.targets
        elif (
            head.lower_ == "with"
            and place.dep_ == "pobj"
            and event.pattern.type in ("SUPPORT", "AID", "COOPERATE")
            and of is not None
        ):
            # "with the support of his Saudi allies": "of" names who gives it ("his" allies
            # support him), and the clause says to whom
            givers, owners = self._modified_by_actors(of)
            if givers:
                event.sources = givers
                event.targets = owners
            else:
                event.sources = [a for a in self._args(of, dig=True) if a.mention]
                event.targets = [t for t in event.targets if t.token.i != of.i and t.mention]
            if not event.targets:
                subject, _ = self._subject(head.head)
                if subject is not None:
                    event.targets = self._args(subject, _actor_ids(event.sources))
        elif (
            place.dep_ == "pobj"
            and head.lower_ in ("at", "in", "on")
            and head.head.lemma_.lower() in STATE_VERBS
            and not event.sources
        ):
            # "Iraq was at war with Iran": the subject is a party to the war
            subject, _ = self._subject(head.head)
            if subject is not None:
                event.sources = self._args(subject, _actor_ids(event.targets))
                event.cues.append(head.head)
        elif (
            place.dep_ == "pobj"
            and head.lower_ == "for"
            and _moving(head.head)
            and not event.sources
        ):
            # "Merkel flew to Washington for talks with Trump": who goes for it takes part
            subject, _ = self._subject(head.head)
            if subject is not None:
                event.sources = self._args(subject, _actor_ids(event.targets))
        elif (
            place.dep_ == "pobj"
            and head.lower_ in SETTING_PREPS
            and head.head.pos_ in ("VERB", "AUX")
            and event.pattern.type in VENUE_TYPES
            and not event.sources
            and of is None  # "following the visit of the head of state to X": his
            and not any(c.dep_ == "poss" for c in token.children)
            and self._met_with(token)
            and not any(c.dep_ == "neg" for c in head.head.children)
        ):
            # "In a meeting with Yang, Moon said ...", "during talks with Iran, the minister
            # agreed", "on a visit to Russia, X said": who acts in the clause took part in
            # the meeting with someone it is set in (not in one whose side is not named:
            # "police detained activists at a meeting"; not the armed forces or the police:
            # NOT_AT_MEETINGS)
            subject, passive = self._subject(head.head)
            if subject is not None and not passive:
                found = self._args(subject, _actor_ids(event.targets))
                event.sources = [
                    a for a in found if a.mention and a.mention.get("sector") not in NOT_AT_MEETINGS
                ]
        elif place.dep_ == "pobj" and head.head.lemma_.lower() in HARM_VERBS:
            subject, passive = self._subject(head.head)
            if subject is not None and not event.targets:
                event.targets = self._args(subject)
        if (
            event.cameo[:2] in ATTACK_ROOTS
            and not event.sources
            and not any(a.mention for a in event.targets)
            and not _mishap(token)
            and _counts_dead(token.sent)
        ):
            # "25 dead in Iraq violence", "Baghdad blast leaves seven dead", "Toll from Iraq
            # carnage rises to 73": an attack whose dead are counted, its doer not named
            event.unnamed = event.counted = True
        elif (
            event.cameo[:2] in ATTACK_ROOTS
            and not event.sources
            and not any(a.mention for a in event.targets)
            and not _mishap(token)
            and _occurs(token)
        ):
            # "Clashes erupted in Tripoli", "Heavy fighting broke out": violence happened,
            # its sides not named; the verb that says so is in its clause ("bombings tore
            # through a rally on Saturday": Saturday's)
            event.unnamed = True
            event.cues.append(token.head)
        return event

    # -- arguments -----------------------------------------------------------------------

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The verb's subject (its own or one it shares) and whether the verb is passive."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # "with dozens of shoppers held hostage inside": an absolute past participle after
        # "with" (read as a clause of its own) says what was done to its subject
        passive = passive or (
            verb.dep_ == "pcomp"
            and verb.head.lower_ == "with"
            and verb.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        )
        if (
            verb.dep_ == "xcomp"
            and verb.head.lemma_ == "be"
            and verb.lemma_.lower() in _MODALITY["answerable"]
            and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
        ):  # "the rebels were to blame": blamed, not blaming ("is to blame Israel" plans)
            subject, _ = self._subject(verb.head, depth + 1)
            return subject, True
        # "saw a young man shot", "found him beaten": a bare past participle completing a
        # verb of seeing is told of its subject, the one acted on (a participle joined to
        # the first, too: "saw shopkeepers dragged into the street and beaten", the first
        # read as a past tense)
        first = verb
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        passive = passive or (
            verb.tag_ == "VBN"
            and first.dep_ in ("ccomp", "xcomp", "oprd")
            and first.head.lemma_.lower() in _MODALITY["perceiving"]
            and not any(
                c.dep_ in ("aux", "auxpass", "mark") for c in (*verb.children, *first.children)
            )
            # only an act done to someone: "saw troops withdrawn", "saw supporters assembled"
            # tell of the troops and the supporters doing it
            and (found := self._match(verb, "V")) is not None
            and found[0].type in ("ASSAULT", "COERCE")
        )
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if not subjects:
            # "In a farewell speech Taylor, 55, accused ...": an opening phrase with no comma
            # after it, the name read as in apposition to its noun: the name is the subject
            subjects = [
                a
                for p in verb.lefts
                if p.dep_ == "prep"
                for o in p.children
                if o.dep_ == "pobj"
                for a in o.children
                if a.dep_ == "appos" and a.i in self._by_token and a.i < verb.i
            ][:1]
        if not subjects and (verb.tag_.startswith("VB") or attack_verb_read_as_noun(verb)):
            # a verb the parser took for the head of a noun phrase ("Turkey bombs Kurdish
            # rebels", "bombs" a verb with "Turkey" its compound): the name before it is its
            # subject
            subjects = [c for c in verb.children
                        if c.dep_ == "compound" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN")]  # fmt: skip
        # a misparse can give two subjects ("the terrorists, a group called X, took"): the
        # one that names an actor wins; a list the parser split ("Brazil's Lula, Chile's Boric
        # and Mexico's Lopez Obrador condemned") is its last member's, with the others listed
        # before it (_listed_before)
        subjects.sort(key=lambda c: self._specific(c))
        listed = _split_list(subjects)
        if listed is not None:
            return self._named_aside(verb, listed), passive
        for child in subjects:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                if child.lower_ in ("who", "whom"):
                    return _person_over_place(verb.head), passive
                return verb.head, passive
            return self._named_aside(verb, child), passive
        # a headline the parser reads as a noun compound ("Turkey shells Syrian city",
        # "Iran slams sanctions"): a verb has no compound, the word before it is its subject
        compound = next((c for c in verb.lefts if c.dep_ == "compound"), None)
        if compound is not None and verb.tag_.startswith("VB"):
            return compound, passive
        # "a day after Azerbaijan launched an offensive" parsed with "Azerbaijan" the object
        # of "after", a subordinator read as a preposition: the subject of its clause
        for mark in (c for c in verb.lefts if c.dep_ == "mark"):
            misread = next((c for c in mark.children if c.dep_ == "pobj"), None)
            if misread is not None and verb.tag_ in ("VBD", "VBZ", "VBP"):
                return misread, passive
        if depth > 4 or verb.head.i == verb.i:
            return None, passive
        head = verb.head
        if (
            verb.dep_ in ("acl", "xcomp")
            and head.lemma_.lower() in OWNED_NOUNS
            and head.pos_ == "NOUN"  # "announced its intention to expel", "has the ability to"
        ):
            # the noun's owner ("Boko Haram's capacity to launch", "Israel's plan to strike"),
            # else whoever has or announces it
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            owner = owner or self._named_modifier(head)  # "the Russian bid to annex"
            intending = head.lemma_.lower() in INTENDING_NOUNS
            if owner is None and not intending:
                owner = _prep_object(head, "by")  # "the move by Israel to annex"
            if owner is None and head.dep_ in ("dobj", "obj"):
                # "gave the force a mandate to protect": the one it is given to
                given = next((c for c in head.head.children if c.dep_ == "dative"), None)
                if given is not None:
                    return given, passive
                if intending or head.head.lemma_.lower() in HOLDING_VERBS:
                    # "made the decision to", "has the right to", "sees no need to"; not
                    # "criticized the decision to expel": the critic does not expel
                    subject, _ = self._subject(head.head, depth + 1)
                    return subject, passive
                return None, passive
            if owner is not None or intending:
                return owner, passive
            # ("efforts by the Iraqi government to negotiate", "in an attempt to meet X, Y
            # flew": the rules below read them)
        controller = self._controller(verb)
        if controller is not None:  # "urged Israel to halt", "called on Turkey to withdraw"
            return controller, passive
        if verb.dep_ == "xcomp" or (verb.dep_ in ("dobj", "obj") and _gerund(verb)):
            # "wants to leave"; "stopped fighting the Taliban", "killed fighting X": the
            # gerund's doer is the subject of the verb it hangs on
            subject, _ = self._subject(head, depth + 1)
            return subject, passive
        if verb.dep_ == "acomp":  # "it is willing to withdraw"
            return self._subject(head, depth + 1)
        if verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS and verb.i < head.i:
            # what a speaker says before "said" is not his act where the parse gives it no
            # subject ("Gunmen killed 132 civilians, the government said", its subject lost)
            return None, passive
        if verb.dep_ in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            subject, head_passive = self._subject(head, depth + 1)
            # a bare past participle put before or after a clause ("Arrested in 2019, the
            # journalist ...", "Backed by Russia, Syrian troops ...", "when asked about it,
            # Biden said") is passive: the clause's subject is the one acted on
            participle = (
                verb.dep_ == "advcl"
                and verb.tag_ in ("VBN", "VBD")  # (a finite verb has a subject of its own)
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
                # a past verb with an object and no agent is active, hung on the wrong head
                # ("Israeli troops flown to Uganda stormed the terminal", "stormed" read as
                # a clause of "flown"): its subject is the doer
                and not (
                    any(c.dep_ in ("dobj", "obj") for c in verb.children)
                    and not any(c.dep_ == "agent" for c in verb.children)
                )
            )
            return subject, (
                passive or participle or (verb.dep_ == "conj" and head_passive and not passive)
            )
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and head.lemma_.lower() in DOCUMENT_NOUNS
            and head.dep_ in ("dobj", "obj")
            and head.head.lemma_.lower() in ISSUING_VERBS
            and head.i not in self._by_token
        ):
            # "the PKK issued a declaration demanding ...", "the U.S. had released a joint
            # statement criticising ...": who issued the text says what it says
            subject, _ = self._subject(head.head, depth + 1)
            if subject is not None:
                return subject, False
        if (
            verb.dep_ == "acl"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and head.i not in self._by_token
        ):
            # "his haste to withdraw", "the UN's plan to send troops": the noun's owner
            # is who would do it; a request's owner asks another to do it ("Dominica's
            # request to the OAS to waive the fees"), whom only its addressee names
            if head.lemma_.lower() in ASKING_NOUNS:
                for prep in ADDRESSEE_PREPS:
                    addressee = _prep_object(head, prep)
                    if addressee is not None and addressee.i < verb.i:
                        return addressee, passive
                return None, passive
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is None:
                owner = self._named_modifier(head)  # "a U.S. move to slap tariffs"
            if owner is not None:
                return owner, passive
            governor = (
                head.head.head
                if head.dep_ == "pobj"
                and head.head.lower_ == "in"
                and head.lemma_.lower() in _MODALITY["aim"]
                else None
            )
            if governor is not None and governor.pos_ in ("VERB", "AUX"):
                # "In an attempt to meet Boric, Morales flew to Santiago": the aim is the
                # doer's of the clause it is put in
                subject, _ = self._subject(governor, depth + 1)
                return subject, passive
        if verb.dep_ in ("relcl", "acl"):
            return head, passive or verb.tag_ == "VBN"
        clause = _clause_of_gerund(verb)
        if clause is not None:
            # "By recalling its ambassador, Slovenia made ...", "After meeting X, Zarif
            # criticised ...": the gerund's doer is the subject of the clause it modifies,
            # when that names someone ("After meeting X, the motive of the rebels became
            # clear": the writer met X, not the motive's owner)
            subject, _ = self._subject(clause, depth + 1)
            if (
                subject is not None
                and (
                    subject.i in self._by_token
                    or subject.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS
                )
                and not _beyond_a_complement(clause, subject)
            ):
                return subject, passive
            return None, passive
        if (
            verb.dep_ == "pcomp"
            and head.lower_ == "in"
            and head.dep_ == "prep"
            and head.head.pos_ == "NOUN"
        ):
            # "the government's decision in recalling its ambassador": the noun's owner (not
            # "its conditions for ending the war": what they are for is no one's act yet)
            owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, passive
        if verb.dep_ == "acl" or verb.dep_ == "pcomp":
            return self._subject(head, depth + 1)
        return None, passive

    def _controller(self, verb: Token) -> Token | None:
        """Who is to do what an infinitive says, when the verb it hangs on names it: the
        object of a verb of object control ("urged Israel to halt", "forced them to leave"),
        or whom a request is made of by its preposition ("called on Turkey to withdraw",
        "appealed to Russia to release", "pleaded with Erdogan to free"; the parser may hang
        the infinitive as a purpose clause)."""
        head = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i:
            return None
        if verb.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to"
                                            for c in verb.children):  # fmt: skip
            return None
        lemma = head.lemma_.lower()
        if lemma in OBJECT_CONTROL and verb.dep_ == "xcomp":  # not a purpose clause: "called
            # Morrison to congratulate him" is who called
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if lemma in REQUEST_VERBS:
            for prep in ADDRESSEE_PREPS:
                obj = _prep_object(head, prep)
                mention = self._by_token.get(obj.i) if obj is not None else None
                if (
                    mention is not None
                    and obj.i < verb.i
                    and (
                        mention["label"] in ACTING_LABELS
                        or (mention["kind"] == "state" and mention["text"] == mention["name"])
                    )
                ):  # whom, a state by its name, not where ("invited Iraq to Tehran to discuss")
                    return obj
        return None

    def _named_aside(self, verb: Token, subject: Token) -> Token:
        """'The terrorists, a group called X, attacked ...', which the parser often reads as a
        clause beside the verb: a subject naming only a kind of actor is X."""
        mention = self._by_token.get(subject.i)
        if mention is not None and not _generic(mention):
            return subject
        for child in verb.children:
            if child.dep_ in ("parataxis", "appos") and child.lemma_.lower() in NAMING_VERBS:
                for t in child.subtree:
                    m = self._by_token.get(t.i)
                    if m is not None and m["label"] == "name" and t.i == m["token_end"] - 1:
                        return t
        return subject

    def _specific(self, token: Token) -> int:
        """0 when the phrase headed by ``token`` names one actor, 1 otherwise (for sorting)."""
        for t in token.subtree:
            m = self._by_token.get(t.i)
            if m is not None and m["label"] in ("name", "acronym") and not _generic(m):
                return 0
        return 1

    def _the_two(self, token: Token, exclude: frozenset[str]) -> list[_Arg]:
        """The two actors "the two" (or "both", standing alone) refers back to: the last two
        named before it, in its sentence or the one before, each of them a person, a state or
        a body by its name ("Morrison raised it with Macron when the two met": Morrison and
        Macron); none where fewer than two are named."""
        if token.lower_ not in ("two", "both") or token.dep_ not in ("nsubj", "nsubjpass"):
            return []  # (first: every argument passes here)
        kids = list(token.children)
        if (
            any(c.dep_ in ("prep", "amod", "compound") for c in kids)
            or (
                token.lower_ == "two"
                and not any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
            )
            or token.head.pos_ not in ("VERB", "AUX")
        ):
            return []
        doc = token.doc
        start = token.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        found: list[dict] = []
        for m in reversed(self._mentions):
            if not start <= m["token_start"] < token.i or m["actor"] in exclude:
                continue
            if m["label"] not in ("name", "acronym", "short", "metonym") or _generic(m):
                continue
            if m["actor"] not in {f["actor"] for f in found}:
                found.append(m)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        return [_mention_arg(m, token) for m in reversed(found)]

    def _args(
        self, token: Token | None, exclude: frozenset[str] = frozenset(), dig: bool = False
    ) -> list[_Arg]:
        """The actors ``token`` and the words coordinated with it name; ``dig`` (for targets)
        also looks inside a phrase that names none itself."""
        if token is None:
            return []
        pair = self._the_two(token, exclude)
        if pair:  # "Obama called Putin, and the two agreed ...": both of them
            return pair
        out = []
        for head in [*_listed_before(token), token, *token.conjuncts, *_listed_after(token)]:
            arg = self._arg(head, exclude, dig)
            out.append(arg)
            if arg.mention is None:
                continue
            root = head.doc[arg.mention["token_start"] : arg.mention["token_end"]].root
            # in the text's order: "French" before "German officials"; "Afghan and NATO
            # forces", whose noun no mention holds: each joined modifier's actor
            if root.i == head.i or (
                root.head.i == head.i and root.i < head.i and root.dep_ in ("amod", "compound")
            ):
                out[-1:-1] = self._coordinated_modifiers(head, exclude)
            referred = head.lower_ in PLURAL_PRONOUNS and root.i < head.i
            inside = root.i != head.i and head.i < root.i <= head.right_edge.i
            if referred or inside:
                # "Iran and Iraq met. They agreed ...": "they" is each of the actors joined;
                # "condemned attacks on Syria and Iraq", "the support of Russia and China":
                # an actor found inside the phrase, with those joined to it
                out += [
                    _mention_arg(self._by_token[c.i], head)
                    for c in root.conjuncts
                    if c.i in self._by_token
                    and self._by_token[c.i]["label"] in ACTING_LABELS
                    and self._by_token[c.i]["actor"] not in exclude
                ]
                if inside:  # "a force of Ethiopian, Mozambican and South African troops"
                    out[-1:-1] = self._coordinated_modifiers(root, exclude)
        # one actor once
        seen: set[str] = set()
        unique = []
        for a in out:
            key = a.mention["actor"] if a.mention else f"text:{a.start}"
            if key not in seen:
                seen.add(key)
                unique.append(a)
        return unique

    @staticmethod
    def _own_forces(event: _Event) -> list[_Arg]:
        """The targets of a show of force (MOBILIZE) or a military withdrawal (CAMEO 087)
        that are only the doer's own forces sent or pulled back: soldiers or police of no
        country but the doer's ("deployed troops", "sent 3,000 soldiers", "is willing to
        withdraw its troops"); none where a target is anyone else."""
        if not _sends_forces(event.pattern) or not event.sources or not event.targets:
            return []
        countries = {a.mention.get("country") for a in event.sources if a.mention}
        own = [
            a
            for a in event.targets
            if a.mention
            and a.mention.get("sector") in ("MIL", "COP")
            and a.mention.get("country") in countries | {None}
        ]
        return own if len(own) == len(event.targets) else []

    def _forces_sent(self, event: _Event) -> None:
        """An event of sending or pulling back the doer's own forces, as a noun or with one
        ("the deployment of 230 troops to Liberia", "completed its withdrawal of troops from
        Iraq"), is aimed where they go or leave, not at them (:meth:`_own_forces`); forces an
        event noun names with no one sending them ("the deployment of Russian troops to
        Syria") are its doer."""
        sent = _prep_object(event.trigger, "of") if event.nominal else None
        # the phrase may hang on the noun, on the forces, or on a light verb ("announced the
        # deployment of 300 troops to Mali"); the verb's "in" or "on" says where it was said
        forces = [event.trigger, *(a.token for a in event.targets)]
        if (
            _sends_forces(event.pattern)
            and not event.sources
            and sent is not None
            and event.targets
            and all(
                a.mention and a.mention.get("sector") in ("MIL", "COP") and a.token.i == sent.i
                for a in event.targets
            )
        ):
            event.sources, event.targets = event.targets, []
        elif not self._own_forces(event):
            return
        exclude = _actor_ids(event.sources)
        for prep, holder in itertools.chain(
            itertools.product(("to", "into", "against", "on", "from", "in"), forces),
            itertools.product(("to", "into", "against", "from"), event.cues),
        ):
            obj = _prep_object(holder, prep)
            found = [a for a in self._args(obj, exclude) if a.mention] if obj is not None else []
            if found:
                event.targets = found
                return
        event.targets = []

    def _mission_host(self, event: _Event) -> None:
        """What is given or sent to a force or mission serving in a state ("sending troops to
        the UN peacekeeping force in South Sudan", "ready to contribute troops to the
        NATO-led force in Afghanistan"; data/heads.tsv mission) goes to that state too: it is
        a second target."""
        if not (event.pattern.type in ("AID", "MOBILIZE") or event.cameo.startswith("033")):
            return
        missions = head_words()["mission"]
        hosts = []
        for arg in event.targets:
            if arg.token.lemma_.lower() not in missions or not _international(arg):
                continue
            where = _prep_object(arg.token, "in")
            found = self._args(where, _actor_ids(event.sources)) if where is not None else []
            hosts += [a for a in found if a.mention and a.mention.get("kind") == "state"]
        known = _actor_ids(event.targets)
        event.targets += [a for a in hosts if a.mention["actor"] not in known]

    def _expelled_from(self, event: _Event) -> None:
        """The state people are expelled or deported "from" is who expels them, where the
        clause names no one else ("60 diplomats were expelled from Russia", "their expulsion
        from Britain"): a state's name only ("expelled from the camp" names no one)."""
        if event.sources or event.cameo[:3] not in EXPULSIONS:
            return
        # only "from" on the trigger: in "the expulsion of 45 diplomats from Russia" the
        # diplomats may be Russia's
        origin = _prep_object(event.trigger, "from")
        if origin is None:
            return
        states = [
            a
            for a in self._args(origin)
            if a.mention is not None and a.mention.get("kind") == "state"
        ]
        if states:
            _state_does_it(event, states)

    def _posted_to(self, event: _Event) -> None:
        """A state's own envoys are no target of what it does with them when it recalls or
        withdraws them (ENVOY_ROOTS): the state they are posted to is ("Slovenia recalled its
        ambassador to Moscow": Russia; "Qatar withdrew its envoy from Cairo"; data/heads.tsv
        envoy). An envoy of another country stays the target ("expelled the Canadian
        ambassador")."""
        if not event.sources or not event.targets or event.cameo[:2] not in ENVOY_ROOTS:
            return
        countries = {a.mention.get("country") for a in event.sources if a.mention}
        countries.discard(None)
        posted = []
        for arg in event.targets:
            head = arg.token
            if head.lemma_.lower() not in head_words()["envoy"]:
                return
            owner = arg.mention.get("country") if arg.mention else None
            if owner not in countries | {None}:
                return  # another state's envoy
            if owner is None and not any(c.dep_ == "poss" for c in head.children):
                return  # "an envoy": whose, the text does not say
            for prep in ("to", "from", "in", "at"):
                where = _prep_object(head, prep) or _prep_object(event.trigger, prep)
                hosts = [
                    a
                    for a in (self._args(where) if where is not None else [])
                    if a.mention is not None and a.mention.get("country") not in countries | {None}
                ]  # "its ambassadors to Ireland, Norway and Spain": each
                if hosts:
                    posted += hosts
                    break
            else:
                return
        event.targets = posted

    def _held_in(self, event: _Event) -> None:
        """An arrest, detention or imprisonment no one is named doing, in a state its clause
        names, is that state's ("a missionary was arrested in Lebanon", "ten journalists are
        imprisoned in Azerbaijan", "arrested in Britain"): a state holds people where it rules.
        Only a passive or a participle (an active verb's subject is read as ever), and only
        a state named by one of its names or its capital ("in a camp" names no one, nor "in
        Mosul", nor "in Iraqi Kurdistan")."""
        if event.sources or event.nominal or event.cameo[:3] not in DETENTIONS:
            return
        verb = event.trigger
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
        )
        if not passive or _prep_object(verb, "by") is not None:
            return
        where = _prep_object(verb, "in")
        mention = self._by_token.get(where.i) if where is not None else None
        if mention is None or mention.get("kind") != "state":
            return
        if mention["label"] not in ("name", "metonym", "acronym", "place"):
            return  # "in Iraqi Kurdistan": a region, not the state by name
        _state_does_it(event, [_mention_arg(mention, where)])

    def _coordinated_modifiers(self, head: Token, exclude: frozenset[str]) -> list[_Arg]:
        """The actors of modifiers joined before a noun, each a mention of its own: "French"
        of "French and German officials" (the noun's mention is the German officials'),
        "Russian" and "Turkish" of "Russian, Turkish and Iranian leaders"."""
        out = []
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
        own = self._by_token.get(head.i)
        # "Russian, Turkish and Iranian leaders": "Russian" a modifier of its own, beside the
        # joined "Turkish and Iranian"
        separate = [
            c
            for c in modifiers
            if c.ent_type_ in ("NORP", "GPE")  # a demonym or a state, not a group's name
            and (m := self._by_token.get(c.i)) is not None
            and m is not own
        ]
        for child in modifiers:
            if not child.conjuncts and not (len(separate) > 1 and child in separate):
                continue
            for word in (child, *child.conjuncts):
                m = self._by_token.get(word.i)
                if m is not None and m["label"] in ACTING_LABELS and m["actor"] not in exclude:
                    out.append(_mention_arg(m, head))
        return out

    def _arg(self, head: Token, exclude: frozenset[str] = frozenset(), dig: bool = False) -> _Arg:
        doc = head.doc
        noun = _relative_antecedent(head)
        if noun is not None:  # "the detainees whom MSF teams met": the detainees
            return self._arg(noun, exclude, dig)
        if head.i not in self._by_token and (head.pos_ == "NUM" or head.lower_ in PARTITIVES):
            of = _prep_object(head, "of")
            if of is not None:  # "two of the group's camps"
                return self._arg(of, exclude, dig)
        left = min([head.i, *(t.i for t in head.lefts for t in t.subtree)])
        span = doc[left : head.i + 1]
        mention = self._by_token.get(head.i)
        if mention is None and head.lower_ in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
            mention = self._antecedent(head, exclude)
            if mention is not None:  # the pronoun stands for the mention it refers back to
                return _mention_arg(mention, head)
        if mention is None:  # "a group called X"
            for child in head.children:
                if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                    mention = self._named_in(child, ("name",))
        # "his father", "the brother of the MEK leader": a relative is someone else than the
        # one he is related to, so neither the possessor nor the "of" phrase is the side
        relative = mention is None and head.lemma_.lower() in head_words()["relative"]
        # "his captors", "her attackers": the possessor is whom they acted on
        doers_of = mention is None and head.lemma_.lower() in head_words()["doer_of"]
        described = False  # the actor is a modifier of a common noun ("a US ally")
        owner = None  # the token of a named owner of a thing ("Janša's assessment")
        if mention is None and not relative:
            modifiers = list(head.children)
            if head.tag_ in ("NNS", "NNPS") and any(c.dep_ == "poss" for c in modifiers):
                # people with an owner and a group's name of their own before them are the
                # group's ("his Houthi allies": the Houthis); the owner is whom they stand by
                # ("Sadr's followers" alone are Sadr's side; a state's word is no such name:
                # "Turkey's Syrian proxies" are not Syria's state)
                modifiers.sort(
                    key=lambda c: (
                        c.dep_ == "poss"
                        or (self._by_token.get(c.i) or {}).get("kind") in (None, "state"),
                        c.i,
                    )
                )
            for child in modifiers:
                if (
                    child.i < head.i
                    and child.dep_ in ("poss", "compound", "amod", "nmod", "nummod")
                    and not _setting(child)  # "Iraq violence": where, not who
                    and not (doers_of and child.dep_ == "poss")
                ):
                    mention = self._by_token.get(child.i) or (
                        self._antecedent(child, exclude)
                        if child.lower_ in GROUP_PRONOUNS | PERSONAL_PRONOUNS
                        else None
                    )
                    if mention is None and child.lower_ in HOLDING:
                        mention = self._named_in(child, ACTING_LABELS)  # "rebel-held Idlib"
                    elif mention is None and child.lower_ in AFFILIATION:
                        # "Al-Qaeda-linked militants": the group they belong to (a state
                        # before it backs them: "Iran-linked militias" are not Iran)
                        mention = self._named_in(child, ("name", "acronym"), states=False)
                    if mention is not None and _a_town_before(mention, head):
                        mention = None  # "a Sanaa funeral hall": where it is, not whose
                        continue
                    if mention is not None:
                        described = True
                        if child.dep_ == "poss" and child.i in self._by_token:
                            owner = child
                        break
        if mention is None and not relative and head.lemma_.lower() not in ABSTRACT_HEADS:
            of = _prep_object(head, "of")
            if of is not None:
                mention = self._by_token.get(of.i)
                if mention is not None:
                    span = doc[left : of.i + 1]
        # "the terrorists, a group called X"; "a fellow US ally in the Gulf, Qatar": a name
        # in apposition to a common noun is whom the noun describes
        if mention is None or _generic(mention) or described:
            for child in head.children:
                if child.dep_ == "appos" and child.i > head.i:
                    # (not a name the apposition only describes by a phrase: "miners in
                    # Silesia, the home region of party leader Edward Gierek")
                    people = (
                        child.tag_ in ("NNS", "NNPS")
                        or child.lemma_.lower() in MEMBER_NOUNS
                        or self._people_noun(child)
                    )
                    inside = [
                        self._by_token[t.i]
                        for t in child.subtree
                        if t.i in self._by_token
                        and self._by_token[t.i]["label"] in ACTING_LABELS
                        and not _generic(self._by_token[t.i])
                        and not _through_a_phrase(t, child, people)
                    ]
                    named = [m for m in inside if m["label"] in ("name", "acronym")]
                    if described:  # "the American pastor Andrew Brunson": not for less
                        named = [m for m in named if m.get("country")]
                    if named or (inside and not described):
                        mention = (named or inside)[0]
                        break
        if mention is not None and mention["label"] == "place" and head.i not in self._by_token:
            mention = None  # "its camps in Diyala": the place is not the actor
        if mention is None and dig and head.ent_type_ in TARGET_ENTITIES:
            entity = self._entity_of[head.i]  # "Camp Liberty"
            return _Arg(head, None, entity.start_char, entity.end_char, entity.text)
        if mention is None and dig and not relative and head.lemma_.lower() not in ABSTRACT_HEADS:
            mention, entity = self._nearest_inside(head, exclude)
            # "killed 12 shepherds in Anbar": the victims counted, not the place they were in
            victims = (head.pos_ in ("NOUN", "NUM") and _victim(head)) or self._people_noun(head)
            if head.lemma_.lower() in target_words()["located"] and (
                mention is None
                or mention["label"] in ("place", "modifier", "metonym")
                or _a_town_before(mention, head)
            ):
                # "the children's hospital in Kyiv", "a concert hall near the Russian capital":
                # where the thing is, not whom the act is aimed at (data/targets.tsv: located)
                mention = entity = None
            if mention is not None and not (victims and mention["label"] == "place"):
                return _mention_arg(mention, head)  # "an appeal from President X": X
            if entity is not None and not victims:  # no actor stands for: "in East Jerusalem"
                return _Arg(head, None, entity.start_char, entity.end_char, entity.text)
            if victims:  # "kill 10 people in Iraq": the people, not the state they were in
                mention = None
        if (
            owner is not None
            and mention is not None
            and head.lemma_.lower() in target_words()["abstract"]
        ):
            # "rejected Janša's assessment", "would fight the administration's latest
            # threats": the side is the owner of the thing, named as the text names it
            return _mention_arg(mention, owner)
        return _Arg(head, mention, span.start_char, span.end_char, span.text)

    def _named_in(
        self, phrase: Token, labels: tuple[str, ...] | frozenset[str], states: bool = True
    ) -> dict | None:
        """The first mention inside ``phrase`` with one of ``labels`` (not a state's, unless
        ``states``)."""
        return next(
            (
                m
                for t in phrase.subtree
                if (m := self._by_token.get(t.i)) is not None
                and m["label"] in labels
                and (states or m["kind"] != "state")
            ),
            None,
        )

    def _nearest_inside(
        self, head: Token, exclude: frozenset[str], steps: int = 4, participles: bool = False
    ) -> tuple[dict | None, Span | None]:
        """The mention closest (in the parse) to ``head`` within its phrase, clauses aside:
        "further action against Russia", "an Indian proposal"; failing that, the closest named
        place or entity ("a curfew in Algiers")."""
        frontier, seen = [head], {head.i}
        entity = None
        for _ in range(steps):
            following = []
            for token in frontier:
                for child in token.children:
                    if child.i in seen or child.dep_ in {"appos", "punct", "cc"}:
                        continue
                    if child.dep_ in CLAUSAL and not (
                        participles and child.dep_ == "acl" and child.tag_ in ("VBG", "VBN")
                    ):  # "power lines leading into Kabul" when asked for
                        continue
                    if child.dep_ == "pcomp" and token.head.pos_ in ("NOUN", "PROPN"):
                        # "accused Western governments of flooding Ukraine": what a gerund
                        # after a noun's preposition acts on is its own object, not the
                        # noun's ("signed off on selling arms to X": a verb's, still read)
                        continue
                    seen.add(child.i)
                    m = self._by_token.get(child.i)
                    if m is not None and _names_a_gathering(child, m):
                        m = None  # "the Minsk agreements": the place names the pact
                    if m is not None and m["actor"] not in exclude:
                        return m, None
                    if entity is None and child.ent_type_ in TARGET_ENTITIES:
                        entity = self._entity_of[child.i]
                    following.append(child)
            frontier = following
        return None, entity

    def _antecedent(self, pronoun: Token, exclude: frozenset[str]) -> dict | None:
        """The actor a pronoun refers back to: among the fitting mentions in this sentence
        or the two before it (outside the pronoun's own clause subject when that is itself),
        for a personal pronoun that is a subject the latest clause subject, else the latest
        one; "she" and "he" keep to the persons whose first name agrees, where any does
        ("Putin met Merkel. She accused ...": Merkel).
        A name that only modifies a noun ("the Iran-Iraq border") is no noun phrase to refer
        back to; "they" refers to no one country named alone ("fled Iraq ... they would
        murder him"), only to several ("Iran and Iraq ... they agreed")."""
        persons = pronoun.lower_ in PERSONAL_PRONOUNS
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        # "it" and "its" are no common noun in the plural ("gunmen killed 12 worshippers ...
        # Buhari condemned it"); a plural name is one body ("the United States ... its")
        single = pronoun.lower_ in ("it", "its", "itself")
        doc = pronoun.doc
        exclude = exclude | self._bound_away(pronoun)
        sent_start = pronoun.sent.start
        earliest = max(0, sent_start - 80)
        before = self._mentions
        if self._starts is not None:  # only the mentions from `earliest` up to the pronoun
            lo = bisect.bisect_left(self._starts, earliest)
            before = before[lo : bisect.bisect_left(self._starts, pronoun.i, lo)]
        # "the rebels said they had captured ...": the subject of the verb that reports the
        # pronoun's clause is whom the pronoun stands for, even a generic actor
        clause = pronoun.head
        speaker = (
            next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            if clause.dep_ == "ccomp"
            and clause.head.lemma_.lower() in SPEECH_VERBS
            and clause.head.i < pronoun.i
            else None
        )
        speakers = {speaker.i, *(c.i for c in speaker.conjuncts)} if speaker is not None else set()
        fitting = []
        for m in reversed(before):
            if m["token_start"] >= pronoun.i or m["token_start"] < earliest:
                continue
            root = doc[m["token_start"] : m["token_end"]].root
            if m["label"] not in ACTING_LABELS or m["actor"] in exclude:
                continue
            if _generic(m) and not (plural and root.i in speakers):
                continue
            if root.dep_ in ("compound", "amod") and root.head.i >= m["token_end"]:
                continue
            if single and root.tag_ == "NNS":
                continue
            if (
                plural
                and m["kind"] == "state"
                and m["label"] != "nominal"  # "the Iraqi government said they ..."
                and root.dep_ not in ("nsubj", "nsubjpass")
                and not root.conjuncts
                and not m["text"].lower().endswith("s")  # "the United States", "Philippines"
            ):
                continue  # "they" is no one country named by the way ("fled Iraq ... they")
            if persons == (m["kind"] == "person") or (
                plural and root.conjuncts and root.i in speakers
            ):  # "Obama and Putin said they will ...": persons named together are "they"
                fitting.append((m, root))
        if persons and len(fitting) > 1:
            # "she" and "her" refer to a woman, "he" and "him" to no known woman, when the
            # text names one that fits (data/heads.tsv, female: first words of names)
            female = pronoun.lower_ in ("she", "her", "hers")
            women = head_words()["female"]
            agree = [
                (m, root)
                for m, root in fitting
                if (((m.get("name") or m["text"]).split() or [""])[0].lower() in women) == female
            ]
            fitting = agree or fitting
        if pronoun.dep_ in ("nsubj", "nsubjpass") and len(fitting) > 1:
            # "he" as a subject continues the latest clause subject before it ("López Obrador
            # met Trump. He said ...": López Obrador), not the nearest name; "it" only in a
            # clause joined to that subject's ("Russia did not attack Ukraine, nor did it
            # threaten Poland": Russia; "Israel bombed Hamas after it fired rockets": Hamas)
            # (a person a speaker reports on is not the one "he" continues: "Natalegawa
            # announced that Ambassador Kesoema had been called home. He said ...":
            # Natalegawa, the speaker)
            speakers = {root.i for _, root in fitting if root.dep_ == "nsubj"}
            subject = next(
                (
                    m
                    for m, root in fitting
                    if root.dep_ in ("nsubj", "nsubjpass")
                    and (
                        persons
                        or (pronoun.head.dep_ == "conj" and pronoun.head.head.i == root.head.i)
                    )
                    and not (persons and _reported_on_by(root, speakers))
                ),
                None,
            )
            if subject is not None:
                return subject
        if not fitting:
            return self._cataphor(pronoun, exclude, persons)
        return fitting[0][0]

    def _bound_away(self, pronoun: Token) -> frozenset[str]:
        """The actors a pronoun cannot stand for, by where they are named around it: a subject
        pronoun is none named after it in its own clause ("He hailed President Buhari", "He
        said Buhari erred": not Buhari; one named in an adverbial clause with a subject of its
        own may be), an object pronoun not its clause's subject ("Buhari
        praised him": not Buhari). A possessive may be either ("His aides praised Buhari")."""
        clause = pronoun.head
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            # after the pronoun only: a phrase put ahead of the subject may name its antecedent
            # ("As part of the deal to rehabilitate al-Sadr, he would have to comply"); nor in
            # an adverbial clause of a subject of its own, which the parser often hangs on the
            # wrong verb ("Tokyo said it would lift controls, while Seoul said it would
            # withdraw a complaint against Japan": Tokyo)
            aside = {
                t.i
                for c in clause.children
                if c.dep_ == "advcl" and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
                for t in c.subtree
            }
            tokens = [t.i for t in clause.subtree if t.i > pronoun.i and t.i not in aside]
        elif pronoun.dep_ in ("dobj", "obj"):
            tokens = [
                t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            ]
        else:
            return frozenset()
        found = (self._by_token.get(i) for i in tokens)
        # only actors: a place is no one the pronoun could be ("it would deny entry to the
        # United States" is the United States)
        return frozenset(
            m["actor"]
            for m in found
            if m is not None and m.get("actor") and m["label"] in ACTING_LABELS
        )

    def _cataphor(self, pronoun: Token, exclude: frozenset[str], persons: bool) -> dict | None:
        """The subject of the main clause a pronoun comes before, in a phrase put ahead of it,
        where nothing before fits: "In his haste to withdraw, Trump stands alone"."""
        root = pronoun.sent.root
        subject = next(
            (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i),
            None,
        )
        if subject is None or subject.left_edge.i <= pronoun.i:  # "His aides said": inside it
            return None
        m = self._by_token.get(subject.i)
        if (
            m is None
            or m["label"] not in ACTING_LABELS
            or m["actor"] in exclude
            or persons != (m["kind"] == "person")
        ):
            return None
        return m

    def _leaders(self, sources: list[_Arg]) -> list[_Arg]:
        """'a delegation, led by Senator McCain, met ...': the leader acts too."""
        out = []
        for a in sources:
            for child in a.token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head"):
                    agent = _prep_object(child, "by")
                    out += [x for x in self._args(agent) if x.mention]
        return out

    # -- modality ------------------------------------------------------------------------

    def _modality(self, event: _Event, sent) -> None:
        denied = claim_content(event.trigger)
        if denied:  # "rejected claims that Iraq attacked the MEK" rejects no MEK
            starts = {event.trigger.doc[i].idx for i in denied}
            event.targets = [a for a in event.targets if a.start not in starts]
        chain = _governors(event.trigger)
        flags: set[str] = set()
        negated = stopped = False
        direct = True  # still within the trigger's own clause (or what it complements)
        sibling = False  # reached through a coordinated verb
        others = False  # reached through another's plan or intent ("Israel's plan to")
        clause = event.trigger
        for verb, relation in chain:
            kids = list(verb.children)
            lemma = verb.lemma_.lower()
            particle = next((k.lower_ for k in kids if k.dep_ == "prt"), None)
            if particle and f"{lemma} {particle}" in _MODALITY["phrasal"]:
                lemma = f"{lemma} {particle}"  # "was sworn in": no vow
            if relation in ("ccomp", "advcl", "relcl", "acl", "pcomp"):
                direct = False
            if relation == "conj":
                direct = False
            if direct and any(k.dep_ == "neg" or k.lower_ == "never" for k in kids):
                negated = True
            if (
                direct
                and verb.i != event.trigger.i
                and relation in ("dobj", "obj", "xcomp")
                and lemma in _MODALITY["cessation"]
                and _gerund(clause)
            ):
                stopped = True  # "stopped fighting the army": no longer fighting
            if direct and _neither_nor(verb):
                negated = True  # "has given no order, nor offered a timetable"
            if not sibling and _not_taken(verb):
                negated = True  # "rather than negotiate", "instead of attacking Kyiv"
            # a speaker's own modal is about the saying, not what is said: "the ministry must
            # confirm that X was killed" orders no killing ("said X must leave" does)
            speaking = lemma in SPEECH_VERBS and relation == "ccomp"
            for k in kids:
                if k.dep_ == "aux" and k.lower_ in FUTURE_MODALS:
                    flags.add("future")
                elif k.dep_ == "aux" and k.lower_ in HYPOTHETICAL_MODALS:
                    if speaking and k.lower_ in OBLIGATION_MODALS:
                        continue
                    flags.add("modal:" + k.lower_)
                elif (k.dep_ == "advmod" and k.lower_ in HEDGES) or (
                    k.dep_ == "mark"
                    and (
                        k.lower_ in CONDITIONAL_MARKS
                        or (k.lower_ in PENDING_MARKS and _pending(verb))
                        # "as though the voters had marched on the police": as they did not
                        or (k.i and f"{k.doc[k.i - 1].lower_} {k.lower_}" in COUNTERFACTUAL)
                    )
                ):
                    flags.add("hypothetical")
                elif k.dep_ == "advmod" and k.lower_ in ALLEGING:
                    flags.add("reported")  # "allegedly attacked": others say so
            if relation == "xcomp" and (
                verb.lower_ == "going"
                or (
                    verb.lemma_ == "be"
                    and self._actor_subject(verb)
                    and not (
                        clause.lemma_.lower() in _MODALITY["answerable"]
                        and not any(c.dep_ in ("dobj", "obj") for c in clause.children)
                    )
                )
            ):
                # "is going to sign", "the governments are to agree"; not "Israel's response
                # was to bomb Gaza", whose subject is no actor
                flags.add("future")
            if relation == "nsubjpass" and lemma in _MODALITY["scheduling"]:
                flags.add("future")  # "the talks are scheduled for May"
            if _purpose_predicate(verb):
                flags.add("hypothetical")  # "its purpose was supporting X": an aim
            if lemma in DEONTIC_VERBS and relation == "xcomp" and verb.i != event.trigger.i:
                flags.add("hypothetical")  # "the leaders need to be cooperating": not a fact
            able = (
                lemma in ABILITY_WORDS
                or (verb.pos_ == "NOUN" and lemma in ENTITLEMENT_NOUNS)
                or (
                    lemma == "be"
                    and any(c.dep_ == "acomp" and c.lemma_.lower() in ABILITY_WORDS for c in kids)
                )
            )  # "it is possible to talk"
            if (
                able
                and relation in ("xcomp", "acl", "advcl", "ccomp")
                and verb.i != event.trigger.i
                and not sibling
            ):
                flags.add("hypothetical")  # "their capacity to launch attacks": what can be
            if relation in ("conj", "advcl"):
                if not sibling and lemma in REQUEST_VERBS and _for_to_clause(clause):
                    flags.add("requested")  # "called for the EPA chief to resign": asked for
                if relation == "conj" and verb.dep_ == "xcomp" and not sibling:
                    # "urged Iraq to release X and lift Y", "refused to meet or call": a
                    # joined infinitive shares the first one's governor, not its meaning
                    clause = verb
                    continue
                sibling = True
                continue  # "refused X, urging Y": a coordinated or adverbial verb lends no meaning
            if not sibling:
                self._negative_scope(event, verb, relation, flags)
            # a light verb carrying a nominal event ("sought refuge") lends it no intent
            light = relation in ("dobj", "obj") and lemma in LIGHT_VERBS - INTENT_VERBS
            # another's act that a verb of refusal takes as object ("rejected Russia's
            # request"; named before it, a demand or an accusation: "the Palestinian demands",
            # "US allegations") was done: the refusal is its subject's own event (what is
            # demanded, "demanded the MEK's surrender", or planned stays undone)
            refusing = event.nominal and relation in ("dobj", "obj") and lemma in REFUSAL_VERBS
            # a gift or offer named with its giver ("rejected US humanitarian aid"): given
            # where it names its own receiver ("Turkish military aid to the Kurds"), whoever
            # objects to it, else offered to whoever refused it
            gift = refusing and event.cameo.startswith(GIVEN_WHEN_REFUSED) and _named_before(event)
            given = gift and self._given_to_another(event.trigger)
            owned = refusing and (
                any(c.dep_ == "poss" for c in event.trigger.children)
                or (
                    event.cameo.startswith(DONE_WHEN_REFUSED)
                    and self._named_modifier(event.trigger) is not None
                )
                or _prep_object(event.trigger, "by") is not None
                or (
                    event.pattern.type == "REQUEST"
                    and _prep_object(event.trigger, "from") is not None
                )
                or given
            )
            if verb.i != event.trigger.i and not sibling and not light and not owned:
                if lemma in WISH_VERBS and verb.pos_ == "VERB" and _another_doer(verb, clause):
                    flags.add("hypothetical")  # another's act wished for, not his intent
                    event.cues.append(verb)
                elif lemma in PREDICTED or (
                    lemma in WISH_VERBS and any(c.dep_ == "auxpass" for c in verb.children)
                ):
                    # "was expected to return", "is likely to retaliate": what others expect
                    # of the subject, a forecast, not the subject's intent nor a fact
                    flags.add("hypothetical")
                    event.cues.append(verb)
                elif lemma in THREAT_VERBS or lemma in INTENT_VERBS:
                    flags.add("threat" if lemma in THREAT_VERBS else "intent")
                    event.cues.append(verb)
                    # another's plan ("rejected Israel's plan to attack"): a refusal above
                    # refuses the plan, not the act
                    others = others or (
                        verb.pos_ == "NOUN"
                        and (
                            any(c.dep_ == "poss" for c in verb.children)
                            or self._named_modifier(verb) is not None  # "a US offer to host"
                        )
                    )
                elif lemma in REFUSAL_VERBS and others:
                    pass
                elif gift:
                    # "rejected a NATO grant", "declined NATO offers of help": what the owner
                    # offered was refused (the refusal is the verb's own event): the owner's
                    # offer to whoever refused it, not the owner refusing
                    flags.add("offered")
                    event.cues.append(verb)
                    subject, passive = self._subject(verb)
                    refuser = self._args(subject, _actor_ids(event.sources)) if subject else []
                    if not passive and any(a.mention for a in refuser):
                        event.targets = [a for a in refuser if a.mention]
                elif lemma in REFUSAL_VERBS:
                    flags.add("refusal")
                    event.cues.append(verb)
                elif (
                    lemma in REQUEST_VERBS
                    and (
                        relation in ("xcomp", "ccomp")
                        or (event.nominal and relation in ("dobj", "obj", "for"))
                        or (relation == "acl" and lemma in ASKING_NOUNS)
                    )
                ) or (lemma in SPEECH_VERBS and relation == "xcomp"):
                    # "urged Iraq to expel", "demanded its surrender", "Dominica's request to
                    # waive the fees", and a verb of saying with an infinitive: an order
                    # ("told the IAEA to leave")
                    flags.add("requested")
            # what a speaker said reaches every clause below it ("said ... were killed when
            # police beat them")
            if (
                lemma in SPEECH_VERBS
                and relation == "ccomp"
                and event.reported_by is None
                and not negative_subject(verb)  # "Nothing suggests that ...": no one says so
            ):
                event.reported_by = self._speaker(verb)
                flags.add("reported")
            clause = verb
        deep = False  # said, but deeper than the verbs above reach
        if event.reported_by is None and "reported" not in flags:
            # deeper in what someone says than the verbs above reach ("stated that Russia
            # secured the exit of civilians besieged by terrorists", an event noun inside a
            # quotation "..., said the spokeswoman"): the speaker's report all the same, but
            # no demand of the speaker's ("said that X instructed Y to hold that Z should")
            speaking = _speech_above(event.trigger)
            if speaking is not None:
                event.reported_by = self._speaker(speaking)
                flags.add("reported")
                deep = True
        if event.nominal:
            for k in event.trigger.children:
                if k.dep_ == "det" and k.lower_ == "no":
                    negated = True
            if _absent(event.trigger):  # "the lack of talks", "the absence of an attack"
                negated = True
            if _ahead(event.trigger):  # "paves the way for talks", "a hurdle to the deployment"
                flags.add("hypothetical")
            before = {c.lower_ for c in event.trigger.children if c.dep_ == "amod"}
            if before & _MODALITY["prospective"]:  # "the upcoming summit"
                flags.add("future")
            if before & _MODALITY["doubtful"]:  # "a possible attack", "the proposed deal"
                flags.add("hypothetical")
            if alleged(event.trigger):
                flags.add("reported")  # "the alleged attack", "a suspected strike"
            denier = denied_content(event.trigger)  # "dismissed reports of an attack"
            if denier is not None:
                self._denied_by(event, denier, flags)
        # a stop that is only asked for, intended or possible ("urged Russia to stop
        # shelling", "agreed to stop fighting") leaves the act as it is
        if (
            stopped
            and not any(f.startswith("modal:") for f in flags)
            and not flags & {"requested", "intent", "threat", "refusal", "future", "hypothetical"}
        ):
            negated = True
        top, relation = chain[-1]
        if relation == "pcomp" and top.dep_ == "prep" and not sibling and unfounded(top.head):
            flags.add("unfounded")  # "no intention of expelling"
        if not event.nominal and _purpose(event.trigger):
            # "sent troops to stop migrants": the stopping is the writer's account of an aim,
            # not a stated intent (CAMEO's 03x/13x) nor a fact
            flags.add("hypothetical")
        self._accused(event, flags)
        if (
            not event.sources
            and event.reported_by is not None
            and event.trigger.dep_ == "xcomp"
            and event.trigger.lemma_.lower() in _MODALITY["answerable"]
        ):
            # "the army said the rebels were to blame": the one who says so blames them, an
            # act of his own
            event.sources = [event.reported_by]
            flags.discard("reported")
        according = according_to(clause)
        if according is not None and event.reported_by is None:
            found = self._args(according)
            event.reported_by = found[0] if found else None
            flags.add("reported")
        within_speech = "reported" in flags
        modals = {f.split(":")[1] for f in flags if f.startswith("modal:")}
        if "would" in modals and within_speech:
            modals.discard("would")
            flags.add("future")
        if modals & OBLIGATION_MODALS and within_speech and not deep:
            flags.add("obligation")
            modals -= OBLIGATION_MODALS
        if flags & {"intent", "threat", "refusal"}:
            modals -= {"should", "would", "will", "must", "could"}  # "agreed they should"
        if modals - {"can"}:
            flags.add("hypothetical")
        if sent.start not in self._questions:  # a sentence's text is made anew on each call
            self._questions[sent.start] = _is_question(sent)
        question = self._questions[sent.start]
        if flags & {"unfounded", "denied"}:
            negated = True  # what did not happen was neither intended nor refused
        elif "obligation" in flags and self._obligation(event):
            flags.discard("future")
        elif "refusal" in flags or (negated and "future" in flags and cooperative(event.cameo)):
            event.cameo = refused(event.cameo)
            negated = False
        elif "threat" in flags and not negated and not question:
            event.cameo = threatened(event.cameo)
        elif "offered" in flags:
            event.cameo = intended(event.cameo)  # an offer of aid (033), of talks (036) ...
        elif (
            flags & {"intent", "future"}
            and not negated
            and not question
            and "hypothetical" not in flags
        ):
            event.cameo = intended(event.cameo)
        if question:
            event.modality = "question"
        elif negated:
            event.modality = "negated"
        elif "hypothetical" in flags or "requested" in flags:
            event.modality = "hypothetical"
        elif flags & {"future", "intent", "threat"}:
            event.modality = "future"
        elif "reported" in flags:
            event.modality = "reported"
        else:
            event.modality = "asserted"

    def _actor_subject(self, verb: Token) -> bool:
        """Whether the verb's subject is an actor or a pronoun ("the governments are to")."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and (
            subject.i in self._by_token
            or subject.pos_ == "PRON"
            or subject.lemma_.lower() in self.role_nouns
            or self._people_noun(subject)
        )

    def _negative_scope(self, event: _Event, verb: Token, relation: str, flags: set[str]) -> None:
        """A step of the walk up from the trigger that says the event did not happen: a
        negative subject ("Nobody met", "Neither Russia nor China recognised"), a noun with
        "no" the clause hangs on ("no evidence that", "no need to", "nothing to suggest"), a
        denial ("denied that X attacked", "denied attacking", "rejected claims that ...")."""
        if negative_subject(verb) or (verb.i != event.trigger.i and unfounded(verb)):
            flags.add("unfounded")
        if verb.i == event.trigger.i:
            return
        verbal = not (event.nominal and relation in ("dobj", "obj"))  # "denied the request"
        denies_an_act = verbal and denial(verb, relation)
        denier = verb if denies_an_act else denied_claim(verb)
        if denier is not None:
            self._denied_by(event, denier, flags)
            if denies_an_act and event.denier is None:
                event.denier = verb  # (not a claim denied: "rejected claims that X attacked")

    def _denied_by(self, event: _Event, denier: Token, flags: set[str]) -> None:
        """The event is what ``denier`` denies: negated, reported by the denier's subject."""
        flags.add("denied")
        if event.reported_by is None:
            event.reported_by = self._speaker(denier)

    def _speaker(self, verb: Token) -> _Arg | None:
        """Who says what ``verb`` reports: the first actor of its subject, if any."""
        speaker, _ = self._subject(verb)
        found = self._args(speaker)
        return found[0] if found else None

    def _accused(self, event: _Event, flags: set[str]) -> None:
        """'Iran accused Iraq of attacking the MEK': the attack is Iran's report (the ACCUSE
        event is asserted on its own), and Iraq its source when the clause names none."""
        verb = accusation(event.trigger)
        if verb is None:
            return
        flags.add("reported")
        kids = list(verb.children)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
        accused_dep = ("nsubjpass",) if passive else ("dobj", "obj")
        accused = next((c for c in kids if c.dep_ in accused_dep), None)
        if passive:
            agent = next((c for c in kids if c.dep_ == "agent"), None)
            accuser = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        else:
            accuser, _ = self._subject(verb)
        if event.reported_by is None:
            found = self._args(accuser)
            event.reported_by = found[0] if found else None
        if not any(a.mention for a in event.sources):
            found = [a for a in self._args(accused) if a.mention]
            event.sources = found or event.sources

    def _quoted(self, doc: Doc, events: list[_Event]) -> None:
        """A quotation is its speaker's report also in the sentences the parse cannot link to
        the speech verb: those of a quote that runs over sentences ('"Iraq attacked our camp.
        Iran helped them," the spokesman said') and a quote that continues the one before it
        in a sentence of its own. Within the speech verb's own sentence the parse decides."""
        inside: set[int] = set()
        quotes = quotations(doc)
        for start, end in quotes:
            inside.update(range(start, end))
        speaker: _Arg | None = None
        said: Token | None = None  # the speech verb of the quote before, while it continues
        previous_end = -1
        for start, end in quotes:
            near = [t for t in doc[end].sent if t.i > end] if end < len(doc) else []
            near += [t for t in doc[start - 1].sent if t.i < start - 1] if start else []
            verb = next(
                (
                    t
                    for t in near
                    if t.i not in inside
                    and t.pos_ in ("VERB", "AUX")
                    and t.lemma_.lower() in SPEECH_VERBS
                ),
                None,
            )
            if verb is not None:
                subject, _ = self._subject(verb)
                found = self._args(subject)
                speaker, said = (found[0] if found else None), verb
            elif previous_end < 0 or doc[start - 1].sent.start > doc[previous_end].sent.end:
                speaker = said = None  # no speaker, and no quote just before to continue
            previous_end = end
            if speaker is None or said is None:
                continue
            for event in events:
                trigger = event.trigger
                if not start <= trigger.i < end or trigger.sent.start == said.sent.start:
                    continue
                if event.reported_by is None:
                    event.reported_by = speaker
                if event.modality == "asserted":
                    event.modality = "reported"

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

    # -- output --------------------------------------------------------------------------

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
            return False  # "returned the Sinai to Egypt", "left the talks": no movement
        # ("left an election rally in Rawalpindi": an event attended, left as a place is)
        # the mover may be named inside its phrase ("a delegation of Iranian officials")
        movers = _actor_ids(event.sources) | {
            m["actor"]
            for a in event.sources
            for t in a.token.subtree
            if (m := self._by_token.get(t.i)) is not None and m["label"] in ACTING_LABELS
        }
        hosts = [
            a
            for a in event.targets
            if a.mention
            and a.mention["actor"] not in movers
            and not ({a.token.lemma_.lower(), a.token.head.lemma_.lower()} & words["premises"])
        ]
        return not movers or not hosts

    def _place(self, token: Token) -> bool:
        """Whether ``token`` heads a place: a place name, a building or grounds."""
        mention = self._by_token.get(token.i)
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


def _state_does_it(event: _Event, states: list[_Arg]) -> None:
    """Make the state that expels or holds people the event's doer, and no target of it."""
    ids = _actor_ids(states)
    event.sources = states
    event.targets = [a for a in event.targets if not (a.mention and a.mention["actor"] in ids)]


def _origin(noun: Token) -> Token | None:
    """Whom an event noun comes from: the object of its "from" or of "on the part of"."""
    holders = [noun]
    if _received(noun):
        holders.append(noun.head)  # "drew criticism from the US": hung on the verb
    for holder in holders:
        origin = _prep_object(holder, "from")
        part = _prep_object(holder, "on")
        if origin is None and _on_the_part(part):
            origin = _prep_object(part, "of")
        if origin is not None and origin.i > noun.i and not _goods_origin(holder, origin):
            return origin
    return None


def _goods_origin(noun: Token, origin: Token) -> bool:
    """Whether the "from" object the parser hung on an event noun says where what the noun's
    "on" object names comes from ("a tariff on goods from China", "duties on imports from
    Canada"): the goods' origin, not the doer. An "on" object that names someone ("sanctions
    on Iran from the EU") leaves the "from" object the doer."""
    on = _prep_object(noun, "on")
    return (
        on is not None
        and on.i < origin.i
        and on.pos_ == "NOUN"
        and not _on_the_part(on)
        and not on.ent_type_
    )


def _received(noun: Token) -> bool:
    """Whether an event noun is the object of a verb of receiving ("drew criticism")."""
    return noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in target_words()["receiving"]


def _on_the_part(token: Token | None) -> bool:
    """Whether ``token`` is the "part" of "on the part of X" (X does the act)."""
    return token is not None and token.lower_ == "part" and token.head.lower_ == "on"


def _mention_arg(mention: dict, token: Token) -> _Arg:
    """The argument a mention gives, anchored at ``token`` of the parse."""
    return _Arg(token, mention, mention["start"], mention["end"], mention["text"])


def _aimed_at_a_thing(event: _Event) -> bool:
    """Whether an act done to someone (data/targets.tsv: meeting, aiding, investigating,
    halting, coercing, attacking) is aimed only at an abstraction: "halted the clean-air rule",
    "investigating the deaths", "fight crime", "ended his sermon". Every target is then headed
    by an abstract noun and names no actor, only the source itself, or only a possessive
    pronoun, which refers to the doer ("released its data"); such an act is the source's
    dealing with a thing, not an interaction, and codes no event. An actor named inside the
    target ("the deaths of two Iranians", "halted talks with Iran") keeps the event, as do
    co-doers of a joint act whose object is its topic ("Erdogan and Putin discussed the
    situation": they talked with each other, _pair_joint_sides)."""
    words = target_words()
    if event.cameo.startswith(JOINT) and len(_states_of(event.sources)) > 1:
        return False
    code = event.pattern.cameo if event.pattern.cameo[:1].isdigit() else event.cameo
    if event.unnamed or not event.targets:
        return False  # an attack whose doer the text does not name counts its victims
    if not any(code.startswith(p) for p in words["actor_only"]):
        return False
    sources = _actor_ids(event.sources)

    def thing(arg: _Arg) -> bool:
        head = arg.token  # where the argument was found: its head, or a phrase it lies in
        inside = arg.start <= head.idx < arg.end
        if not inside or head.dep_ == "compound":  # "day labourers" are labourers
            return False
        if not {head.lemma_.lower(), head.lower_} & words["abstract"]:
            return False
        if arg.mention is None or arg.mention["actor"] in sources:
            return True
        own = arg.mention["token_start"] <= head.i < arg.mention["token_end"]
        return not own and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)

    return all(thing(a) for a in event.targets)


def _states_of(args: list[_Arg]) -> set[str]:
    """The countries (or codes, for an organisation of no country) of the actors ``args``
    name."""
    return {a.mention.get("country") or a.mention.get("code") for a in args if a.mention} - {
        None,
        "",
    }


def _generic(mention: dict) -> bool:
    """A mention of a kind of actor ("the terrorists", "police") rather than of one actor."""
    return mention["actor"].startswith("generic-")


def _occurring(verb: Token) -> bool:
    """Whether a verb says when the event noun that is its subject happens (data/modality.tsv,
    occurring: "take place", "begin", "resume", "be scheduled")."""
    lemma = verb.lemma_.lower()
    words = _MODALITY["occurring"]
    return lemma in words or any(
        f"{lemma} {c.lower_}" in words for c in verb.children if c.dep_ in ("prt", "dobj", "advmod")
    )


def _absent(noun: Token) -> bool:
    """Whether an event noun is the "of" object of a noun of absence (data/modality.tsv,
    absence: "the lack of talks", "the absence of an attack") or the object of a preposition
    of absence ("without warning")."""
    of = noun.head
    if noun.dep_ != "pobj":
        return False
    absence = _MODALITY["absence"]
    return of.lower_ in absence or (of.lower_ == "of" and of.head.lemma_.lower() in absence)


def _ahead(noun: Token) -> bool:
    """Whether an event noun is the "to", "for" or "toward" object of a noun of a way to it
    (data/modality.tsv, paving: "paves the way for talks", "clears a hurdle to the
    deployment", "a step toward the withdrawal"): an act still ahead."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("to", "for", "toward", "towards")
        and prep.head.lemma_.lower() in _MODALITY["paving"]
    )


def _describing(verb: Token) -> bool:
    """Whether a verb states what its noun does as a rule, in a relative clause in the simple
    present or of "to" ("IRENA, an organisation that supports countries", "a scheme under
    which councils provide housing", "deportation that increasingly targets non-criminals",
    "a way to protest Trump"): a description of the noun, no act the text reports. Not a
    past or perfect clause ("the group that kidnapped the workers"), nor the main verb of
    the noun the clause describes ("Hamas, which controls Gaza, fired rockets")."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "relcl":
        return False
    aux = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ == "to" for c in aux):
        return True  # "a way to protest Trump", "the first country to recognise X"
    return node.tag_ in ("VBZ", "VBP") and not aux


def _concurring(verb: Token) -> bool:
    """Whether a verb of cooperation shares a view rather than a course of action: "agree" or
    "concur" (data/modality.tsv concurring) with a clause for complement and neither an
    infinitive nor an object ("agreed that there was a need to act", "agrees with the mayor
    that the force should ..."; not "agreed to withdraw", "agreed a deal")."""
    if verb.lemma_.lower() not in _MODALITY["concurring"]:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "dobj", "obj") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in kids):
        return False  # "agreed on a truce", "agreed to the plan"
    return any(c.dep_ == "ccomp" for c in kids)


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("whom" of "the detainees whom MSF teams
    met", "which" of "the deal which Iran signed"): the noun its relative clause hangs on;
    None for any other word, or where the pronoun opens no relative clause."""
    if token.lower_ not in RELATIVE_PRONOUNS - {"whose"}:
        return None
    node = token
    for _ in range(3):
        if node.dep_ == "relcl":
            noun = node.head
            if token.lower_ in ("who", "whom"):
                noun = _person_over_place(noun)
            return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and noun.i < token.i else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _clause_of_gerund(verb: Token) -> Token | None:
    """The verb of the clause a gerund is put on by an adverbial preposition
    (data/modality.tsv adverbial: "By recalling its ambassador, Slovenia made ...": made);
    None for any other word."""
    prep = verb.head
    if (
        verb.dep_ == "pcomp"
        and prep.dep_ == "prep"
        and prep.lower_ in _MODALITY["adverbial"]
        and prep.head.pos_ in ("VERB", "AUX")
    ):
        return prep.head
    return None


def _beyond_a_complement(verb: Token, subject: Token) -> bool:
    """Whether ``subject`` is found above a clausal complement of ``verb``'s: the speaker of
    what the clause says ('Najib is cheating ... by terrorizing his opponents," he told'), not
    who does what the clause says."""
    node, crossed = verb, False
    for _ in range(8):
        if node.head.i == node.i:
            return False
        crossed = crossed or node.dep_ == "ccomp"
        node = node.head
        if subject.head.i == node.i:
            return crossed
    return False


def _person_over_place(noun: Token) -> Token:
    """Whom "who" stands for when the parse hangs its clause on a place: the noun the place
    is said of, or the name that noun is in apposition to ("Kader Masthan, a Muslim from
    Vanni, who signed": Kader Masthan, not Vanni).
    A place is no one; any other noun is returned as it is."""
    if noun.ent_type_ not in ("GPE", "LOC", "FAC"):
        return noun
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN"):
        said_of = prep.head
        # "Kader Masthan, a Muslim from Vanni": the Muslim is Kader Masthan
        return said_of.head if said_of.dep_ == "appos" else said_of
    return noun


#: what a verb of naming says its object is: "called Assad a murderer" (oprd), "called the
#: decision unjustified", "declared the vote void"
PREDICATES = ("oprd", "acomp", "xcomp", "attr")


def _of_state(mention: dict) -> bool:
    """Whether a mention is a state's own body (a state named alone is its government)."""
    return (mention.get("sector") or "GOV") in STATE_SECTORS


def _located(targets: list) -> bool:
    """Whether the targets are a building, site or vehicle a place in their phrase only
    locates (data/targets.tsv: located)."""
    return bool(targets) and all(
        a.mention is None and a.token.lemma_.lower() in target_words()["located"] for a in targets
    )


def _predicated(verb: Token, noun: Token) -> bool:
    """Whether ``verb`` says what its object ``noun`` is, with a predicate after it ("called
    the arrest an abduction", "called the bombing cowardly", "declared the vote void")."""
    return noun.dep_ in ("dobj", "obj") and any(
        c.i > noun.i and (c.dep_ in PREDICATES or _toned_adverb(c)) for c in verb.children
    )


def _toned_adverb(token: Token) -> bool:
    """Whether a word the parser hung on the verb as an adverb is a judgement of the object
    ("called the bombing cowardly"), not a manner or a time ("called a strike immediately")."""
    return token.dep_ == "advmod" and token.pos_ in ("ADV", "ADJ") and _tone(token) is not None


def _named_event(token: Token) -> bool:
    """Whether an event noun is the capitalised word of an event's name ("the Iran-Iraq
    War", "the Gulf War", "the Six-Day War"): a past event named as a time or a topic, not
    one the sentence reports (a sentence's first word is capitalised anyway)."""
    return token.ent_type_ == "EVENT" and token.text[:1].isupper() and token.i > token.sent.start


def _tagged_noun_heading_a_subject(token: Token) -> bool:
    """Whether a word tagged a noun is the verb of its clause: the parse gives it a subject
    ("Bombings in Iraqi capital kill at least 32 people", "Suicide bombings in eastern Mosul
    kill 5", where a headline's missing article misleads the tagger). A noun heads no
    subject of its own ("the kill was swift": the subject is the copula's)."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("det", "poss", "case") for c in token.children)
        and any(c.dep_ == "nsubj" for c in token.children)
    )


def attack_verb_read_as_noun(token: Token) -> bool:
    """Whether a plural noun of attack is a headline's verb in its -s form, which the parser
    made the subject of the participle after it ("Islamic State shells recaptured areas in
    west Mosul": "shells" the verb, "recaptured" describing the areas): in a headline (past
    events told in the present tense), the noun, right before a past form that has an object,
    with a name before it (the doer) and no determiner."""
    head = token.head
    return (
        token.tag_ == "NNS"
        and token.dep_ == "nsubj"
        and token.lower_ in attack_words()["homograph"]
        and head.i == token.i + 1
        and head.tag_ in ("VBD", "VBN")
        and any(c.dep_ in ("dobj", "obj") for c in head.children)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
        and any(c.i < token.i and c.pos_ == "PROPN" for c in token.children)
        and _headline(token.sent)
    )


def _describes_a_source(token: Token) -> bool:
    """Whether a verb (or a noun inside its phrase) describes whom a report is attributed to
    ("according to officials briefed on the meeting", "according to people familiar with the
    talks"): a participle on the object of "according to", which says who the source is, not
    an event; a relative clause may report an act ("according to the ministry, which blamed
    Iran")."""
    node = token
    for _ in range(6):
        if node.dep_ not in ("acl", "prep", "pobj"):
            return False
        head = node.head
        if (
            node.dep_ == "acl"
            and node.tag_ in ("VBN", "VBG")
            and head.dep_ == "pobj"
            and head.head.lower_ == "to"
            and head.head.head.lower_ == "according"
        ):
            return True
        node = head
    return False


def _neither_nor(verb: Token) -> bool:
    """Whether a verb is joined by "nor" or opened by "neither": "has given no order, nor
    offered a timetable", "Iran neither confirmed nor denied the report"."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("cc", "preconj") and c.lower_ == "nor" and c.i < verb.i
        for c in verb.head.children
    )


def _gerund(token: Token) -> bool:
    """Whether ``token`` is a gerund heading a clause (a VBG the parser made an object):
    "fighting" of "killed fighting IS", "stopped fighting the rebels"."""
    return token.tag_ == "VBG" and token.pos_ == "VERB"


def _occurs(noun: Token) -> bool:
    """Whether ``noun`` is the subject of a verb that says it happened somewhere
    (data/attack_words.tsv, occur: "clashes erupted in Tripoli", "fighting broke out near
    Aleppo", "the attack took place in Kabul"): an incident, placed by a place's name in its
    clause ("violence continued for years" is none), by a noun of an incident (not of a war
    that lasts: data/attack_words.tsv, lasting), said of the past or present, not hoped or
    feared ("clashes could erupt in Tripoli")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return False
    if noun.lemma_.lower() in attack_words()["lasting"]:
        return False
    verbs, lemma = attack_words()["occur"], verb.lemma_.lower()
    if lemma not in verbs and not any(f"{lemma} {c.lower_}" in verbs for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children):
        return False  # "if fighting breaks out in Tripoli"
    return any(t.ent_type_ in _PLACE_ENTITIES for t in verb.subtree)


def _explosion_verb(token: Token) -> bool:
    """Whether ``token`` is a verb of a charge going off ("exploded", "went off")."""
    verbs, lemma = attack_words()["explode"], token.lemma_.lower()
    return lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in token.children)


#: attack codes that say nothing of the weapon (assault, fight, conventional force)
GENERIC_ATTACKS = frozenset({"18", "180", "19", "190"})
#: the prepositions that aim a verb at its target with no object ("shot at", "fired on",
#: "called on"): a verb with an actor for its object is not that frame
AIMING_PREPS = frozenset({"at", "on", "upon"})
#: CAMEO's "employ aerial weapons", and the codes an aircraft's attack takes instead: small arms
#: (193), artillery and rockets (194), a killing (1823), property destroyed (1712)
AIR_ATTACK = "195"
AIRBORNE = frozenset({"193", "194", "1823", "1712"})


def _weapon_code(doer: Token | None, cameo: str) -> str:
    """How a generic attack (CAMEO 18, 190) was made, from the weapon in its doer's phrase
    (data/attack_words.tsv): "suicide bombers attacked a base" is a suicide bombing (1831),
    "assailants equipped with explosives-laden vehicles raided the town" a bombing (183), "a
    rocket struck the village" rocket or artillery fire (194). What a relative clause of the
    doer says ("gunmen, who had planted bombs before, attacked") and a noun that only names
    the doer ("the bomb squad") are not the weapon."""
    if doer is None:
        return cameo
    words = attack_words()
    if (
        cameo in GENERIC_ATTACKS | AIRBORNE
        and {doer.lemma_.lower(), doer.lower_} & words["aircraft"]
    ):
        return AIR_ATTACK  # "jets fired rockets into the palace", "a drone killed X"
    if cameo not in GENERIC_ATTACKS:
        return cameo
    clauses = [c for c in doer.children if c.dep_ == "relcl"]
    inside = {t.i for c in clauses for t in c.subtree}
    weapon = words["explosive"] | words["instrument"]
    phrase = [
        t
        for t in doer.subtree
        if t.i not in inside  # "the bomb squad": a bomb names the squad, it is no weapon
        and not (t.dep_ == "compound" and t.head.lemma_.lower() not in weapon)
    ]
    lemmas = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
    if lemmas & words["explosive"]:
        return "1831" if lemmas & words["suicide"] else "183"
    compounds = [c for c in doer.children if c.dep_ == "compound"]  # "mortar shells"
    heads = {t.lemma_.lower() for t in (doer, *compounds)}
    return "194" if heads & words["projectile"] else cameo


def _instrument(token: Token) -> bool:
    """Whether ``token`` heads an instrument ("a car bomb", "an explosives-laden bus": a thing
    an adjective says carries one) or an agent the text does not identify ("a suicide
    bomber", "assailants"); "the bomb squad" is neither."""
    words = attack_words()
    kinds = words["instrument"] | words["agent"]
    if {token.lemma_.lower(), token.lower_} & kinds:
        return True
    return any(
        t.head.dep_ == "amod" and t.head.i != token.i and t.lemma_.lower() in words["instrument"]
        for left in token.lefts
        for t in left.subtree
    )


def _unnamed(arg: _Arg) -> bool:
    """An instrument, a weapon ("a nerve agent"), an unnamed agent or violence no one is named
    doing ("Iraq violence"), no actor standing for it: never an attack's source."""
    words = attack_words()
    return arg.mention is None and (
        _instrument(arg.token)
        or arg.token.lemma_.lower() in words["setting"]
        or arg.token.lemma_.lower() in words["weapon"]
    )


def _setting(token: Token) -> bool:
    """A place name compounding a noun of violence no one is named doing: where it happened
    ("Iraq violence", "Baghdad bombings"), not its doer (data/attack_words.tsv, setting). A
    noun with a target of its own ("the Russia attack on Kyiv", "a US bombing of Raqqa") is
    done by the place's state."""
    return (
        token.dep_ == "compound"
        and token.ent_type_ in ("GPE", "LOC", "FAC")
        and token.head.lemma_.lower() in attack_words()["setting"]
        and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "of", "against") for c in token.head.children
        )
    )


def _victims(args: list[_Arg]) -> bool:
    """Whether the arguments count or name victims ("12 shepherds", "20", "a policeman")."""
    return any(_victim(a.token) for a in args)


def _victim(token: Token) -> bool:
    """Whether ``token`` heads a phrase that counts or names victims (data/attack_words.tsv,
    victim and count_head): "12 shepherds", "20", "a policeman"."""
    words = attack_words()
    return (
        token.like_num
        or any(c.dep_ == "nummod" for c in token.children)
        or token.lemma_.lower() in words["victim"] | words["count_head"]
    )


def _pronoun_object(verb: Token) -> bool:
    """Whether a verb's object is a pronoun that may stand for an act ("called it ...")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.lower_ in ACT_PRONOUNS and obj.pos_ != "NOUN"


def _names_the_doer(noun: Token, arg: _Arg) -> bool:
    """Whether an argument found for a noun of force names its doer: a mention owning or
    modifying the noun ("Israel's attack", "the Belarusian crackdown", "Russian shelling") or
    its "by" agent ("attacks by Russian forces"), not its victim or place ("the attack on the
    embassy", "the killing of aid workers in Mali")."""
    if arg.mention is None:
        return False
    doers = [
        c for c in noun.children if c.i < noun.i and c.dep_ in ("poss", "amod", "compound", "nmod")
    ]
    doers += [c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    words = {t.i for c in doers for t in c.subtree}
    doc = noun.doc
    return any(
        i in words or (doc[i].dep_ == "pobj" and doc[i].head.lower_ == "by")
        for i in range(arg.mention["token_start"], arg.mention["token_end"])
    )  # (a "by" the parser hung on the verb: "condemned attacks by Russian forces on X")


def _noun_arg(noun: Token) -> _Arg:
    """A noun's own phrase up to the noun ("the attack" of "the attack on the embassy"), as an
    argument naming no actor."""
    first = min((c.i for c in noun.children if c.dep_ == "det" and c.i < noun.i), default=noun.i)
    span = noun.doc[first : noun.i + 1]
    return _Arg(noun, None, span.start_char, span.end_char, span.text)


def _reported_on_by(subject: Token, speakers: set[int]) -> bool:
    """Whether ``subject`` is the subject of a clause that a verb of saying reports, whose own
    subject is one of ``speakers`` (token indices): "Natalegawa announced that Kesoema had
    been called home" reports on Kesoema."""
    clause = subject.head
    return (
        clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SPEECH_VERBS
        and any(c.dep_ == "nsubj" and c.i in speakers for c in clause.head.children)
    )


def _listed_before(subject: Token) -> list[Token]:
    """The nouns a headline lists before a verb's subject with a comma for "and", which the
    parser hangs on the verb as a loose dependent ("Iraqi special forces, tribesmen assault
    militants": the forces too), or as subjects of their own before the list's last member
    ("Lula, Boric and Lopez Obrador condemned": _split_list); a time ("Yesterday, soldiers
    killed", "That evening, soldiers fired") is none."""
    if subject.dep_ != "nsubj":
        return []
    siblings = [c for c in subject.head.children if c.dep_ == "nsubj"]
    if _split_list(siblings) == subject:
        return [c for c in siblings if c.i < subject.i]
    comma = subject.left_edge.i - 1
    if comma < 1 or subject.doc[comma].text != ",":
        return []
    return [
        c
        for c in subject.head.children
        if c.dep_ in ("dep", "npadvmod") and c.right_edge.i == comma - 1
        and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")
        # ("That night, police arrested": a time the recogniser did not tag)
        and c.lemma_.lower() not in target_words()["abstract"]
    ]  # fmt: skip


def _listed_after(token: Token) -> list[Token]:
    """The nouns of a list the parser hung on its first member as an apposition ("Saudi
    Arabia, UAE, Egypt and Bahrain cut ties": "UAE" an apposition of "Arabia", "Egypt" and
    "Bahrain" its conjuncts): an apposition that opens a coordination closed by "and" or
    "or" names more members, not the first one again."""
    for child in token.children:
        if child.dep_ != "appos" or child.i < token.i:
            continue
        members = list(child.conjuncts)
        names = all(t.pos_ == "PROPN" for t in (token, child, *members))
        closed = any(c.dep_ == "cc" for t in (child, *members) for c in t.children)
        if members and names and closed:
            # (names only: "Abbas, the Palestinian president and Fatah leader," describes
            # one man)
            return [child, *members]
    return []


def _split_list(subjects: list[Token]) -> Token | None:
    """The last of the subjects a parser split a list into, joined by commas, whose own
    conjunct closes the list with "and" ("Lula, Boric and Lopez Obrador condemned": "Lula"
    and "Boric" are both subjects, "and Lopez Obrador" hangs on "Boric": Boric); None for one
    subject, or subjects that are no such list (an apposition, "the terrorists, a group
    called X,")."""
    heads = sorted((s for s in subjects if s.dep_ == "nsubj"), key=lambda s: s.i)
    if len(heads) < 2 or len(heads) != len(subjects):
        return None
    last = heads[-1]
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in last.children):
        return None
    doc = last.doc
    for a, b in itertools.pairwise(heads):
        if (
            b.left_edge.i < 1
            or doc[b.left_edge.i - 1].text != ","
            or a.right_edge.i >= b.left_edge.i
        ):
            return None
    return last


def _reports_a_passive(verb: Token, subject: Token | None) -> bool:
    """Whether a passive verb states that its subject underwent the act: the subject is its
    own ("the village was shelled", "West Mosul shelled"), or a headline made of a noun and
    its participle ("Rebel commander targeted in drone strike"); a participle describing a
    noun in a sentence ("a regional trip aimed at a ceasefire") states nothing."""
    if subject is None:
        return False
    if subject.head.i == verb.i:
        return True
    return verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _headline(verb.sent)


#: CAMEO roots of acts done to a victim (coerce, assault, fight, mass violence)
_VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
#: CAMEO codes of expelling someone: diplomats (166) or others (174)
EXPULSION_CODES = frozenset({"166", "174"})
#: dependencies that make a verb passive
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
#: prepositions after a noun of force of whom or where it was done to ("the attack on the
#: embassy", "the killing of aid workers", "the crackdown against protesters in Minsk")
_VICTIM_PREPS = frozenset({"on", "of", "against", "in", "at", "near"})
#: what closes a sentence that is not a headline
_CLOSING = frozenset(".!?…")


def _headline(sent: Span) -> bool:
    """Whether a sentence is written as a headline: no closing stop (quotes and brackets
    aside)."""
    last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote or t.is_bracket)),
                None)  # fmt: skip
    return last is not None and _CLOSING.isdisjoint(last.text)


def _dated(doc: Doc) -> set[int]:
    """The tokens of the doc's dates and times: its DATE and TIME entities and the times
    dyad_time read (a month name it resolved where the model saw no entity)."""
    dated = {t.i for e in doc.ents if e.label_ in ("DATE", "TIME") for t in e}
    times = (doc._.dyad_times if doc.has_extension("dyad_times") else None) or []
    for time in times:
        dated.update(range(time["token_start"], time["token_end"]))
    return dated


def _casualty(token: Token) -> bool:
    """A verb that reports the dead or wounded (data/attack_words.tsv, casualty)."""
    return token.lemma_.lower() in attack_words()["casualty"]


#: sectors of the bodies that arrest and detain, and the CAMEO codes of arresting and detaining
_LAW_ENFORCERS = frozenset({"COP", "JUD", "SPY"})
_ARRESTS = ("173",)


def _arrested_by_the_reporter(event: _Event) -> None:
    """An arrest told in the passive with no agent ("a man was arrested", "two suspects were
    detained") that police, a court or a security service report ("..., police said") was
    made by them: the reporter becomes its source, as a coder reads it. Not an attack or any
    other act ("two men were killed, police said": police report the killing, they did not
    kill), nor a report by anyone else ("witnesses said a man was arrested")."""
    reporter = event.reported_by
    if event.sources or reporter is None or not event.cameo.startswith(_ARRESTS):
        return
    sector = (reporter.mention or {}).get("sector")
    if sector in _LAW_ENFORCERS or reporter.token.lemma_.lower() == "police":
        event.sources = [reporter]


def _accidental(event: _Event) -> bool:
    """Whether a casualty verb with no named doer gives an accident or a disaster as the
    cause ("five killed in road accident", "killed by the earthquake", "killed by the Turkish
    earthquake"; data/attack_words.tsv, accident): no one acted on the victims, so it
    reports no attack."""
    verb = event.trigger
    if not _casualty(verb):
        return False
    accidents = attack_words()["accident"]
    causes = [
        o
        for c in verb.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "after", "during", "from")
        for o in c.children
        if o.dep_ == "pobj" and o.lemma_.lower() in accidents
    ]
    # a named doer acted, whatever else the clause says; one named in the accident's own
    # phrase did not ("killed by the Malaysia Airlines flight MH17 crash")
    inside = {t.i for o in causes for t in o.subtree}
    return bool(causes) and all(a.mention is None or a.token.i in inside for a in event.sources)


def _without_tolls(events: list[_Event], kept: Callable[[_Event], bool]) -> list[_Event]:
    """Casualty verbs without a doer ("eight people were killed", "and 10 injured") report
    the toll of the document's attack (the claims give its counts), not an attack on the
    victims: dropped where the document reports another attack that is ``kept`` (not one the
    coder drops later: "At least 22 killed as bombs tear through cafes", whose "tear"
    through, a converted verb between no coded actors, goes; "Four people were killed when
    Tom Baker stabbed Jim Dole", a stabbing between uncoded persons), kept where they are the
    only report of one ("Three policemen killed in Mosul")."""
    words = attack_words()

    def toll(event: _Event) -> bool:
        if event.nominal or event.trigger.lemma_.lower() not in words["casualty"]:
            return False
        if _new_unnamed_doer(event.trigger):
            return False  # "On Friday a gunman killed 38 tourists": an attack told anew
        return all(
            a.mention is None
            and (a.token.pos_ == "NUM" or a.token.lemma_.lower() in words["count_head"])
            for a in event.sources
        )

    def attack(event: _Event) -> bool:
        return event.cameo[:2] in ATTACK_ROOTS and not toll(event) and kept(event)

    if not any(attack(e) for e in events):
        return events
    return [e for e in events if not toll(e)]


def _new_unnamed_doer(verb: Token) -> bool:
    """Whether an active verb's subject is an instrument or an unnamed agent the text brings
    in for the first time ("a gunman killed 38 tourists", "two suicide bombers killed 27",
    "gunmen killed five"): an indefinite phrase tells an attack of its own, where a definite
    one ("the bomber killed 20", "the blast killed 12") tells again one told before."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.pos_ not in ("NOUN", "PROPN") or not _instrument(subject):
            continue
        determiners = [c for c in subject.children if c.dep_ in ("det", "poss")]
        if not any(d.dep_ == "poss" or d.lower_ in DEFINITE for d in determiners):
            return True
    return False


def _counted_alone(events: list[_Event]) -> list[_Event]:
    """Nouns of attack kept for the dead their sentence counts (``_Event.counted``) report
    the document's attack only where it reports no other one; of such nouns compounded ("bomb
    blast") the head stands for the attack."""
    counted = {e.trigger.i for e in events if e.counted}
    if not counted:
        return events
    if any(e.cameo[:2] in ATTACK_ROOTS and not e.counted for e in events):
        return [e for e in events if not e.counted]
    return [
        e
        for e in events
        if not (e.counted and e.trigger.dep_ == "compound" and e.trigger.head.i in counted)
    ]


def _counted(token: Token | None) -> bool:
    """Whether ``token`` is a number or a noun a number counts ("25", "eight people")."""
    return token is not None and (token.like_num or any(c.dep_ == "nummod" for c in token.children))


def _counts_dead(sent: Span) -> bool:
    """Whether a sentence counts the dead (data/attack_words.tsv, dead and toll): "25 dead",
    "At least 75 dead", "leaves seven dead", "eight people were dead", "the toll rose to 73";
    not "the dead", "the Dead Sea", "a dead heat"."""
    words = attack_words()
    for token in sent:
        if token.pos_ in ("ADJ", "NOUN") and token.lower_ in words["dead"]:
            if _counted(token) or (token.dep_ == "amod" and _counted(token.head)):
                return True
            if token.dep_ in ("oprd", "acomp") and any(
                c.dep_ in ("dobj", "obj", "nsubj") and _counted(c) for c in token.head.children
            ):
                return True
        if token.pos_ == "NOUN" and token.lemma_.lower() in words["toll"]:
            heads = [token, token.head] if token.dep_ in ("nsubj", "nsubjpass") else [token]
            if any(
                _counted(obj)
                for head in heads
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in ("to", "at", "of")
                for obj in prep.children
                if obj.dep_ == "pobj"
            ):
                return True
    return False


def _mishap(noun: Token) -> bool:
    """Whether a modifier makes the noun an accident, no attack ("gas explosion", "factory
    blast"; data/attack_words.tsv, mishap)."""
    mishap = attack_words()["mishap"]
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in mishap for c in noun.children
    )


#: entity labels of places
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _all_of(noun: _Event) -> bool:
    """Whether an attack noun has targets and each lies in its "of" phrase whose noun names
    no place ("strikes of the coalition", "of the Syrian army"; not "the shelling of Mosul",
    "the bombing of Syria", where the place or state is what was struck)."""
    ofs = [
        c
        for c in noun.trigger.children
        if c.dep_ == "prep" and c.lower_ == "of"
        and not any(o.dep_ == "pobj" and o.ent_type_ in _PLACE_ENTITIES for o in c.children)
    ]  # fmt: skip
    return bool(noun.targets) and all(
        any(a.token.i in {t.i for t in o.subtree} for o in ofs) for a in noun.targets
    )


def _with_noun_doers(events: list[_Event]) -> list[_Event]:
    """A casualty verb whose subject is an attack coded as an event of its own ("Islamic
    State attack kills 10 soldiers", "Baghdad bombings kill 20 people") reports that attack's
    victims, not a second attack done by the attack: the noun's event takes the verb's
    targets (and, as an attack of the sentence, its counts), and the verb's event is dropped.
    The doer stays the noun's own (its modifier, possessive or "by" actor), or unknown."""
    casualty = attack_words()["casualty"]
    attacks = {e.trigger.i: e for e in events if e.nominal and e.cameo[:2] in ATTACK_ROOTS}
    merged: set[int] = set()
    for event in events:
        # the verb's doers, or its subject where that was no source (an attack noun no one
        # is named doing: "Recent attacks have killed eight")
        doers = [a.token.i for a in event.sources] or [
            c.i for c in event.trigger.children if c.dep_ in ("nsubj", "csubj")
        ]
        if (
            event.nominal
            or event.trigger.lemma_.lower() not in casualty
            or not doers
            or not all(i in attacks for i in doers)
        ):
            continue
        for i in doers:
            noun = attacks[i]
            if event.targets and not noun.sources and _all_of(noun):
                # "Airstrikes of the US-led coalition kill 40 fighters": the verb names the
                # victims, so the noun's "of" names who struck, not what was struck
                noun.sources, noun.targets = noun.targets, []
            if not noun.targets:
                noun.targets = list(event.targets)
            noun.cues.append(event.trigger)
        merged.add(event.trigger.i)
    return [e for e in events if e.trigger.i not in merged]


def _experiencer_first(event: _Event) -> None:
    """A verb of feeling (data/modality.tsv, experiencer: "disturbed", "shocked", "dismayed")
    disapproves the other way round from its grammar: the one who feels it is the source,
    what caused it the target ("Washington was deeply disturbed by the strike", "the strike
    shocked Washington": Washington disapproves of the strike)."""
    if (
        not event.nominal
        and plover_type(event.cameo) == "ACCUSE"
        and event.trigger.lemma_.lower() in _MODALITY["experiencer"]
    ):
        event.sources, event.targets = event.targets, event.sources


def _recode(event: _Event) -> None:
    """Codes that depend on who the target is."""
    # (a title before a name counts: "ordered U.S. Ambassador Heather Hodges to leave")
    heads = [
        w.lemma_.lower()
        for a in event.targets
        for w in (a.token, *(c for c in a.token.children if c.dep_ == "compound"))
    ]
    kinds = [(a.mention or {}).get("kind") for a in event.targets]
    if event.cameo == "174" and any(h in DIPLOMATIC_NOUNS for h in heads):
        event.cameo = "166"  # expelling diplomats or inspectors reduces relations
    elif (
        event.cameo == "100"
        and any(
            (c.dep_ == "xcomp" and c.lemma_ == "leave")
            or (c.dep_ in ("prt", "advmod") and c.lower_ == "out")
            for c in event.trigger.children
        )
        and any(h in DIPLOMATIC_NOUNS for h in heads)
        and not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
            for a in event.targets
            for c in a.token.children
        )  # ("ordered its ambassador to leave Tehran": its own, recalled)
    ):
        # "ordered the French ambassador to leave within 72 hours", "orders Iranian diplomats
        # out": an expulsion; not an order to the doer's own people ("ordered its nationals
        # to leave Iran")
        event.cameo = "166"
    elif (
        event.cameo == "1711"
        and event.targets
        and all(
            (a.mention or {}).get("kind") == "person"
            and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
            for a in event.targets
        )
    ):  # (the person named is what was seized, not the owner of it: "the assets of X")
        # "Ouattara forces seize Gbagbo": a person seized is detained, not property taken
        event.cameo = "173"
    elif event.cameo == "043" and any(k in SHELTERED_KINDS for k in kinds):
        event.cameo = "050"  # hosting a group is sheltering it, not receiving a visit
    elif (
        _a_killing(event)
        and _one_office_holder(event.targets)
        and not any((a.mention or {}).get("sector") in ("MIL", "COP") for a in event.sources)
    ):
        # "gunmen shot dead the governor": an assassination; not an officer killed by an
        # army or a police force ("troops killed a general in fighting")
        event.cameo = "186"
    elif event.cameo == "062" and _exercise_alone(event):
        event.cameo = "150"  # "China held military drills near Taiwan": a show of force
    elif event.cameo.startswith("087") and (code := _withdrawn_mission(event.trigger)):
        event.cameo = code  # "Qatar withdrew its peacekeepers from the border"
    elif event.cameo[:2] in ("18", "19") and _in_words_only(event):
        event.cameo = "111"  # "Critics attacked Trump's deportation policy"
    elif event.cameo[:2] in ("18", "19") and (means := _restrictions(event.trigger)):
        event.cameo = "163"  # "China hit back with tariffs on US goods"
        event.cues += means  # the tariffs are this act, no event of their own


#: CAMEO codes (by prefix) of an act a verb of stopping takes as object, and the code of
#: stopping it: aid (070-073) 162, mediation (045) 165, talks (04) 164; sanctions (163)
#: eased 085, a blockade or an occupation (191, 192) eased 0872, force (18-20) de-escalated
#: 087, coercion (17) eased 081
STOPPED_CODES = (
    ("070", "162"), ("071", "162"), ("072", "162"), ("073", "162"),
    ("045", "165"), ("04", "164"),
    ("163", "085"), ("191", "0872"), ("192", "0872"),
    ("18", "087"), ("19", "087"), ("20", "087"), ("17", "081"),
)  # fmt: skip
#: words that make an exercise one held with others ("joint exercises")
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})


def _exercise_alone(event: _Event) -> bool:
    """Whether a military exercise (data/heads.tsv exercise) is held by one side with no
    partner: not "joint" or "with" another, nor by several ("the US and South Korea held
    exercises"), nor a "war game" "staged by A and B"."""
    trigger = event.trigger
    if trigger.lemma_.lower() not in head_words()["exercise"] or len(event.sources) > 1:
        return False
    words = {c.lower_ for c in trigger.subtree if c.i < trigger.i}
    if words & JOINT_WORDS:
        return False
    places = (trigger, trigger.head) if trigger.dep_ in ("dobj", "obj") else (trigger,)
    return not any(
        _prep_object(t, prep) is not None for t in places for prep in ("with", "alongside")
    ) and not any(c.lower_ == "along" for t in places for c in t.children)  # "along with"


def _withdrawn_mission(trigger: Token) -> str | None:
    """The CAMEO code of withdrawing those a verb of military withdrawal takes (data/heads.tsv):
    peacekeepers 1661 ("withdrew its peacekeepers", "the batch of 200 peacekeepers", "the
    peacekeeping force"), inspectors or observers 1662; from a pact 161 ("the withdrawal from
    the nuclear agreement", "pulled out of the treaty"); None for troops of one's own war."""
    words = head_words()
    left = [o for p in ("from", "of") if (o := _prep_object(trigger, p)) is not None]
    left += [o for t in trigger.children if t.lower_ == "out" if (o := _prep_object(t, "of"))]
    if any(o.lemma_.lower() in words["withdrawn_pact"] for o in left):
        return "161"
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    objects += [o for obj in objects if (o := _prep_object(obj, "of")) is not None]
    for obj in objects:
        lemmas = {obj.lemma_.lower(), obj.lower_} | {
            c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")
        }
        if lemmas & words["withdrawn_peacekeepers"]:
            return "1661"
        if lemmas & words["withdrawn_observers"]:
            return "1662"
    return None


def _in_words_only(event: _Event) -> bool:
    """Whether an act of force with a sense of criticism (data/targets.tsv criticising:
    "attack", "assail", "hit") is aimed at what only words can hit (criticised: a policy, a
    ruling, remarks), named as the target or owned by it ("Trump's deportation policy", "the
    policy of the government", "the DEA law")."""
    words = target_words()
    if any(c.dep_ == "prt" for c in event.trigger.children):
        return False  # a particle makes another verb ("hammer out a deal", "hit back")
    if event.pattern.lemma not in words["criticising"] or any(
        (a.mention or {}).get("sector") in ARMED_SECTORS for a in event.sources
    ):
        return False  # an army or a gunman attacks with force
    if _for_what_was_said(event):
        return True
    heads = [  # what the trigger's own phrase aims at ("the attack on the proceedings")
        o
        for p in event.trigger.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for arg in event.targets:
        token = arg.token
        heads.append(token)
        if token.dep_ in ("poss", "compound"):
            heads.append(token.head)  # the owner of the thing: "Trump's policy"
        elif token.dep_ == "pobj" and token.head.lower_ == "of":
            heads.append(token.head.head)  # "the policy of the government"
    return any(
        h.pos_ == "NOUN" and {h.lemma_.lower(), h.lower_} & words["criticised"] for h in heads
    )


#: sectors of actors who attack with words: office holders, legislatures, courts, the press,
#: non-governmental and international bodies (not armies, police, rebels or criminals)
SPEAKING_SECTORS = frozenset({"GOV", "LEG", "JUD", "ELI", "MED", "NGO", "IGO"})
#: sectors whose persons attack with words, not their groups ("Awami League activists
#: attacked BNP supporters over the results": a fight)
PERSONS_SPEAKING = frozenset({"PTY", "OPP"})
#: sectors of actors whose attacks are force
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "CRM", "SPY", "INS"})
#: nouns of time: "attacked the convoy for the second time", "over the weekend"
TIME_NOUNS = frozenset(
    [
        "time",
        "day",
        "week",
        "weekend",
        "month",
        "year",
        "hour",
        "minute",
        "night",
        "decade",
        "period",
        "season",
    ]
)


def _for_what_was_said(event: _Event) -> bool:
    """Whether an actor who attacks with words (SPEAKING_SECTORS, not a state by its name; an
    opposition figure too) attacks another who bears no arms "over" or "for" what was said or decided ("attacked
    the government over rising prices", "attacked the senator for his remarks", "for
    failing to act"). A mob, a gunman or an army attacking someone over a dispute attacks
    with force."""
    doers = [a.mention for a in event.sources if a.mention is not None]
    if not doers or not all(
        # a state named as the doer ("Israel attacked Lebanon for harbouring X") uses force
        (
            m.get("sector") in SPEAKING_SECTORS
            and (m.get("kind"), m.get("label")) != ("state", "name")
        )
        # a party's or the opposition's people speak one by one; their crowds fight
        or (m.get("sector") in PERSONS_SPEAKING and m.get("kind") == "person")
        for m in doers
    ):
        return False
    targets = [a.mention for a in event.targets]
    if not targets or any(
        m is None or m.get("sector") in ARMED_SECTORS or m.get("label") == "place" for m in targets
    ):
        return False
    words = target_words()
    reasons = words["criticised"] | words["abstract"]
    trigger = event.trigger
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    for prep in (c for t in (trigger, *objects) for c in t.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("over", "for"):
            continue
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG" and prep.lower_ == "for":
                return True  # "for failing to act"
            if obj.dep_ == "pobj" and lemma in reasons and lemma not in TIME_NOUNS:
                return True
    return False


#: how far from neutral (dyad.framing.valence, -1 .. 1) a name must be to have a tone
LABEL_TONE_AT = 0.25


#: entities an object named must be or be owned by: who is named, or whose thing
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_as(verb: Token) -> Token | None:
    """What a verb of naming calls its object, where the object is an actor or an actor's
    thing (an entity, or owned by one): a predicate after the object ("called Assad a
    murderer", "called the Iran deal a disaster", parsed as a second object) or after "as"
    ("described Hamas as a terrorist group"); a proper noun is a name, not what is said of
    the object ("called him John", "called the Tianjin Detention Centre"). None where there
    is none."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objects and (read := _object_read_into_predicate(verb)) is not None:
        return read
    if not objects or not (
        any(
            t.ent_type_ in NAMED_ENTITIES
            for t in (objects[0], *objects[0].children)
            if t.i == objects[0].i or t.dep_ in ("poss", "compound", "nmod", "amod")
        )
        or _refers_back(objects[0])
        or objects[0].lower_ in ACT_PRONOUNS  # "called it a massacre": see _named_act
    ):
        return None
    for child in verb.children:
        if child.dep_ in PREDICATES and child.pos_ in ("NOUN", "ADJ"):
            return child
        if child.i > objects[0].i and _toned_adverb(child):
            return child  # "called the bombing cowardly"
        if child.dep_ in ("dobj", "obj") and child.i != objects[0].i and child.pos_ == "NOUN":
            return child
    for head in (verb, *objects):
        if (named := _prep_object(head, "as")) is not None:
            return named
    return None


def _object_read_into_predicate(verb: Token) -> Token | None:
    """What a verb of naming calls its object where the parser read the two as one phrase
    headed by the predicate ("called the British action hostile": "the British action
    hostile", with "action" a compound of "hostile" and "the" its determiner): the predicate,
    where the words before it name an actor (an entity: "British"); None otherwise (the
    words name no one's: "called the situation complex")."""
    for child in verb.children:
        if child.dep_ != "oprd" or child.pos_ not in ("ADJ", "NOUN"):
            continue
        lefts = list(child.lefts)
        if not any(t.dep_ == "det" for t in lefts) or not any(
            t.dep_ in ("compound", "amod") and t.pos_ == "NOUN" for t in lefts
        ):
            continue
        if any(t.ent_type_ in NAMED_ENTITIES for left in lefts for t in left.subtree):
            return child
    return None


#: CAMEO's "occupy territory"
OCCUPY = "192"
#: the codes of seizing things (1711) and capturing people (173) that seizing or capturing a
#: place is not
_TAKING = ("1711", "173")


def _takes_ground(event: _Event) -> bool:
    """Whether a seizure or a capture is of a place ("M23 rebels seized Goma", "captured the
    town of Kidal", "seized a military base"): CAMEO's occupation of territory (192), not a
    confiscation (1711) or an arrest (173). The place is a named one, or a noun of ground
    (data/targets.tsv, territory)."""
    verb = event.trigger
    if event.cameo not in _TAKING or event.nominal:
        return False
    if verb.lemma_.lower() not in target_words()["taking"]:
        return False
    return _takes_a_place(verb)


#: CAMEO's "complain officially" (114): what a state's "protest" is
COMPLAIN = "114"
#: the words whose demonstrations (140) a state or its bodies make as official complaints
_PROTEST_WORDS = ("protest",)


def _official_protest(event: _Event) -> bool:
    """Whether a protest (140) is a state's official complaint: every doer a state or its
    government ("Turkey protested", "the foreign ministry lodged a protest"), not people in
    the street ("students protested") nor office holders ("judges", "lawmakers protested")."""
    if event.cameo != "140" or event.trigger.lemma_.lower() not in _PROTEST_WORDS:
        return False
    # (the doer's own words name the state: not "Opponents of Rwanda's Senate protested";
    # and no people, whatever their office: "judges protested", "lawmakers protested")
    return bool(event.sources) and all(
        a.mention is not None
        and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
        and (
            a.mention.get("kind") == "state"
            or (
                a.mention.get("sector") == "GOV"
                and a.mention.get("kind") != "person"
                and a.token.tag_ not in ("NNS", "NNPS")
            )
        )
        for a in event.sources
    )


#: a pattern's subject word that stands for any noun the patterns code as an event
EVENT_SUBJECT = "event"


def _event_noun(noun: Token, patterns: PatternDictionary) -> bool:
    """Whether a noun names an event: one the patterns code as violence or protest ("strike",
    "offensive"), or a noun of a happening (data/targets.tsv, happening: "mutiny",
    "decision")."""
    lemma = noun.lemma_.lower()
    # (of the patterns' nouns, those of violence and protest only: "the alliance", "the
    # patrol", "the mission" that end something are bodies acting)
    return lemma in target_words()["happening"] or any(
        p.cameo[:2] in (*ATTACK_ROOTS, "14") for p in patterns.candidates("N", lemma)
    )


def _takes_a_place(verb: Token) -> bool:
    """Whether a verb's object (a passive's subject) is a named place or a noun of ground
    (data/targets.tsv, territory)."""
    taken = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    return taken is not None and _ground(taken)


def _ground(taken: Token) -> bool:
    """Whether ``taken`` (or the noun a count of it counts) is a named place or a noun of
    ground (data/targets.tsv, territory)."""
    if taken.pos_ == "NUM" or taken.lower_ in PARTITIVES:  # "two of the villages"
        taken = _prep_object(taken, "of") or taken
    places = taken.doc._.dyad_places if taken.doc.has_extension("dyad_places") else None
    return (
        taken.ent_type_ in ("GPE", "LOC", "FAC")
        or taken.lemma_.lower() in target_words()["territory"]
        or any(
            p["kind"] == "name" and p["token_start"] <= taken.i < p["token_end"]
            for p in places or ()
        )
    )


#: currency signs that open a sum ("$100", "NZ$500,000", "€5bn")
_CURRENCY_SIGNS = ("$", "€", "£", "¥", "₹", "₽", "₦")


def _a_sum(head: Token) -> bool:
    """Whether a phrase's head is a sum of money: a currency noun (data/targets.tsv, money)
    or a number written with a currency sign."""
    words = [head, *(c for c in head.children if c.dep_ in ("nummod", "compound", "quantmod"))]
    return head.lemma_.lower() in target_words()["money"] or any(
        any(sign in w.text for sign in _CURRENCY_SIGNS) for w in words
    )


def _a_town_before(mention: dict, head: Token) -> bool:
    """Whether a mention before a located noun (data/targets.tsv, located) is the name of the
    town it stands in ("a Sanaa funeral hall", "Nairobi's Westgate mall", where "Sanaa" and
    "Nairobi" stand for their states' governments elsewhere): where the thing is, not whom
    the act is aimed at. A state's own name ("Israel's hospital") is its owner."""
    if head.lemma_.lower() not in target_words()["located"]:
        return False
    if mention.get("label") in ("place", "metonym"):
        return True
    doc = head.doc
    places = (doc._.dyad_places if doc.has_extension("dyad_places") else None) or []
    return mention.get("kind") == "state" and any(
        p["token_start"] == mention["token_start"] and p.get("feature") == "city" for p in places
    )


def _refers_back(noun: Token) -> bool:
    """Whether a noun is a definite act told before ("the arrest", "the verdict": a noun of
    ``referring`` in data/targets.tsv), whose doers a reaction to it is aimed at. A day's
    ("Saturday's attack", "last week's arrests") makes it definite as "the" does."""
    return noun.lemma_.lower() in target_words()["referring"] and any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "poss" and _a_day(c))
        for c in noun.children
    )


def _referring_cue(event: _Event) -> _Arg | None:
    """A noun of a verbal rejection's or accusation's own pattern words that refers back to
    an act told before ("denied the charge", "rejected the claims": data/targets.tsv,
    referring), as an argument."""
    if plover_type(event.cameo) not in ("ACCUSE", "REJECT"):
        return None
    for word in event.cues:
        if word.i != event.trigger.i and word.pos_ == "NOUN" and _refers_back(word):
            return _Arg(word, None, word.idx, word.idx + len(word.text), word.text)
    return None


def _denies_a_part(event: _Event, targets: list[_Arg]) -> bool:
    """Whether a rejection is aimed at one's part in an act ("denied any involvement", a
    word of its pattern; "rejected any responsibility", its object: data/targets.tsv,
    part)."""
    words = [*event.cues, *(a.token for a in targets[:1])]
    part = target_words()["part"]
    return plover_type(event.cameo) == "REJECT" and any(w.lemma_.lower() in part for w in words)


def _actors_and_states(sides: list[_Arg]) -> tuple[set[str], set[str]]:
    """The actors of a side, and the countries of those of them that are a state or its
    bodies."""
    actors = {a.mention["actor"] for a in sides if a.mention}
    states = {a.mention.get("country") for a in sides if a.mention and _of_state(a.mention)}
    return actors, states - {None}


def _removal_from_office(event: _Event) -> bool:
    """Whether a verb of removing (data/targets.tsv removing) removes its object from a post:
    the object is the actor itself (not the owner of a thing: "dismissed an appeal from X"),
    and it is an office holder ("sacked the defence minister") or an "as", "from" or "of"
    phrase names an office or a post ("dismissed General X as intelligence chief", "fired
    him from his post"); "dismissed Navalny as a CIA agent" rejects him."""
    trigger = event.trigger
    if event.nominal or trigger.lemma_.lower() not in target_words()["removing"]:
        return False
    objects = [
        a
        for a in event.targets
        if a.mention is not None
        and a.mention["token_start"] <= a.token.i < a.mention["token_end"]
        and a.token.head.i == trigger.i
        and a.token.dep_ in ("dobj", "obj", "nsubjpass")
    ]
    if not objects or len(objects) != len(event.targets):
        return False
    posts = head_words()["office"] | target_words()["post"]
    named = any(
        o.lemma_.lower() in posts
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("as", "from", "of")
        for o in p.children
        if o.dep_ == "pobj"
    )
    return named or all(a.token.lemma_.lower() in head_words()["office"] for a in objects)


#: the CAMEO code of a denial of an act (REJECT: "rejects the accusation of it")
DENIAL = "120"


def _denials(events: list[_Event]) -> list[_Event]:
    """The denials of the ``events`` someone denies of himself or his own side ("Iran denied
    that its forces attacked the tanker", "Hanoi denied sending troops"): besides the denied
    act (negated, the denier its reporter) the denier rejects the accusation of it, as
    careful coders code it (audits 17, 19 and 38), aimed at the accuser where one is named near
    it (_accusers_of); one a verb, none where the verb codes an event of its own ("denied any
    involvement"), and none for another's act denied ("Iran denied that Saudi Arabia had
    attacked its embassy": no accusation of Iran)."""
    triggers = {e.trigger.i for e in events}
    out: list[_Event] = []
    for event in events:
        verb, speaker = event.denier, event.reported_by
        if verb is None or speaker is None or speaker.mention is None or verb.i in triggers:
            continue
        doers = [a.mention for a in event.sources if a.mention]
        if doers and not any(
            m["actor"] == speaker.mention["actor"]
            or (m.get("country") and m.get("country") == speaker.mention.get("country"))
            for m in doers
        ):
            continue  # "Iran denied that Saudi Arabia had attacked": no accusation of Iran
        triggers.add(verb.i)
        pattern = Pattern("V", verb.lemma_.lower(), (), None, DENIAL, None, "denial of an act")
        denial = _Event(verb, pattern, cameo=DENIAL, sources=[speaker], sentence=event.sentence)
        denial.targets = _accusers_of(denial, events)
        out.append(denial)
    return out


def _accusers_of(event: _Event, events: list[_Event]) -> list[_Arg]:
    """Whom a denial of one's part in an act answers: the doers of the nearest accusation
    (an asserted or reported ACCUSE event) of the denier, or of a body of the denier's state,
    in the denial's sentence or the three before or after it, earlier ones first ("Britain
    accused Russia of the poisoning. Moscow denied any involvement": Britain). None where
    no one accused the denier."""
    deniers, states = _actors_and_states(event.sources)

    def accused(before: _Event) -> bool:
        return any(
            a.mention["actor"] in deniers or a.mention.get("country") in states
            for a in before.targets
            if a.mention is not None
        )

    ranked = sorted(
        (before.trigger.i > event.trigger.i, abs(before.sentence - event.sentence), k)
        for k, before in enumerate(events)
        if before is not event
        and plover_type(before.cameo) == "ACCUSE"
        and before.modality in ("asserted", "reported")
        and abs(before.sentence - event.sentence) <= 3
        and accused(before)
    )
    if not ranked:
        return []
    accusers = [a for a in events[ranked[0][2]].sources if a.mention is not None]
    return [a for a in accusers if a.mention["actor"] not in deniers]


def _names_a_gathering(token: Token, mention: dict) -> bool:
    """Whether a place's word names the pact or meeting it modifies ("the Minsk agreements"):
    no side of what is done to or with it."""
    return mention["label"] == "place" and names_a_gathering(token)


def _a_day(token: Token) -> bool:
    """Whether a word is a time expression ("Saturday" of "Saturday's attack")."""
    return token.ent_type_ in ("DATE", "TIME")


def _tone(named: Token) -> str | None:
    """The tone of a name given to someone, by the framing lexicon (VADER's words and dyad's
    political ones): "negative" ("a murderer", "an abuse of power"), "positive" ("a hero",
    "a true friend") or None."""
    from ..framing import valence  # (dyad.framing reads events' modules: import when used)

    # (the name itself, not a clause or an apposition that describes it: "a barbaric act that
    # could never be forgiven" is no praise for its "forgiven", nor for "the foundation of
    # democracy" the parser hangs on it)
    clauses = {
        t.i for c in named.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree
    }
    words = [
        t.text
        for t in named.subtree
        if t.dep_ not in ("det", "poss", "punct") and t.i not in clauses
    ]
    value = valence(" ".join(words))
    if value <= -LABEL_TONE_AT:
        return "negative"
    return "positive" if value >= LABEL_TONE_AT else None


def _subjunctive_read_as_noun(clause: Token) -> bool:
    """Whether a "that" clause is a verb in the subjunctive the parser read as the last word
    of a noun compound ("demanded that Netanyahu resign": "Netanyahu resign", a noun): the
    clause opens with "that", its head is a common noun in the singular and a proper noun
    stands before it as a compound."""
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "NN"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        and any(c.dep_ == "compound" and c.tag_ == "NNP" for c in clause.lefts)
    )


def _without_purposes_of_the_same_act(events: list[_Event]) -> list[_Event]:
    """Events less those that restate an act in its own type, by its own doers: its
    purpose ("France summoned the Chinese ambassador to complain about the tweets" is one
    protest, the summons, whose target is named) or a verb joined to it that names no other
    target ("welcomed and supported the decision", "was convicted and found guilty")."""
    by_trigger = {e.trigger.i: e for e in events}
    same = set()
    for e in events:
        act = by_trigger.get(e.trigger.head.i)
        if (
            act is None
            or act is e
            or id(act) in same
            or act.pattern.type != e.pattern.type
            or _actor_ids(act.sources) != _actor_ids(e.sources)
        ):
            continue
        purpose = e.trigger.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in e.trigger.children
        )
        # one object shared by two verbs of one code ("welcomed and supported the decision"),
        # not two acts on two objects ("release the prisoners and lift the curfew")
        joined = (
            e.trigger.dep_ == "conj"
            and e.trigger.pos_ == act.trigger.pos_
            and act.cameo == e.cameo
            and act.modality == e.modality
            and not any(c.dep_ in ("dobj", "obj") for c in act.trigger.children)
        )
        targets = _actor_ids(e.targets)
        if joined and targets and not act.targets:
            act.targets = e.targets  # "welcomed and supported the decision": one object
        if (purpose and (not targets or targets == _actor_ids(act.targets))) or (
            joined and (not targets or targets == _actor_ids(act.targets))
        ):
            same.add(id(e))
    return [e for e in events if id(e) not in same]


def _code_family(cameo: str) -> str:
    """A CAMEO code less the zeros closing it, down to its root: "190" -> "19", "1121" ->
    "1121", "100" -> "10", "030" -> "03"."""
    while len(cameo) > 2 and cameo.endswith("0"):
        cameo = cameo[:-1]
    return cameo


#: prepositions of a time or a circumstance an act of the clause took place in ("after a
#: siege", "during the raid")
_RESTATING = ("after", "during", "following", "amid", "in")
#: nouns of a stretch of time ("four days of fighting")
DURATIONS = frozenset({"hour", "day", "night", "week", "month", "year", "decade"})


def _without_nouns_restating_a_verb(events: list[_Event]) -> list[_Event]:
    """Events less a noun of the same act a verb of its sentence reports, named after a
    preposition of time or circumstance: "besieged the dormitory and killed four attackers
    after a siege that lasted 15 hours" is one siege (the noun's sides are what the verb
    says, and the parse gives it none or the wrong ones). Not a noun with a doer of its own
    other than the verb's ("after a Hamas raid": another act), nor one of another code."""
    verbs = [e for e in events if not e.nominal]
    same = set()
    for e in events:
        if not e.nominal or e.trigger.dep_ != "pobj" or e.trigger.head.lower_ not in _RESTATING:
            continue
        doers = _actor_ids(e.sources)
        for verb in verbs:
            if (
                verb.sentence == e.sentence
                and verb.cameo[:3] == e.cameo[:3]
                and doers <= _actor_ids(verb.sources)
            ):
                same.add(id(e))
                break
    return [e for e in events if id(e) not in same]


#: the CAMEO code of signing an agreement, which an agreement noun codes
_PACT = "057"
#: prepositions whose object a verb acts on ("withdrew from", "reneged on", "abide by"; and
#: "pulled out of"), not those of a time or a circumstance ("after the agreement") nor "of" of
#: a noun ("rumours of a deal")
_ACTED_ON = frozenset({"from", "on", "to", "by", "with", "against"})


def _without_pacts_acted_on(events: list[_Event]) -> list[_Event]:
    """Events less an agreement noun (057) another event of its sentence acts on, or one an act
    is done under: a pact already made ("withdrew from the treaty with Russia", "violated the
    nuclear agreement", "sanctions were lifted under the agreement"), not one signed then.
    Not a noun a verb of making heads ("signed an agreement", "reached a deal"), which is that
    verb's own event, nor one that names both its parties ("praised the peace deal between
    Ethiopia and Eritrea"), the record of their pact."""
    acts = {t.i for e in events if e.cameo[:3] != _PACT for t in (e.trigger, *e.cues)}
    kept = []
    for e in events:
        noun = e.trigger
        if (
            e.nominal
            and e.cameo == _PACT
            and noun.dep_ in ("dobj", "obj", "pobj")
            and not (e.sources and e.targets)  # "praised the deal between Ethiopia and Eritrea"
        ):
            governor = noun.head
            if noun.dep_ == "pobj" and governor.dep_ == "prep":
                if governor.lower_ == "under":
                    continue  # "under the agreement": the pact in force
                out_of = governor.lower_ == "of" and governor.head.lower_ == "out"
                if governor.lower_ not in _ACTED_ON and not out_of:
                    kept.append(e)  # "called off the strike after the agreement": one made
                    continue
                governor = governor.head
                if governor.lower_ == "out":  # "pulled out of the accord"
                    governor = governor.head
            if governor.i in acts:
                continue
        kept.append(e)
    return kept


def _without_results_of_an_attack(events: list[_Event]) -> list[_Event]:
    """Events less the casualties an attack's participle or joined verb tells ("launched
    missiles at Kyiv, killing at least 36 people", "opened fire on a bus, killing five and
    wounding 12", "Taliban gunmen stormed a school and killed 141 people"): one attack,
    whose victims they are, as event datasets record it (two careful coders, audits 16 and
    19, counted such lines as duplicates). The casualty verb hangs on the attack's verb, has
    no doer of its own other than the attack's and the same modality; where the attack
    names no actor it acts on, the victims become its target. Not a casualty verb with a
    subject of its own ("Gunmen attacked the town and soldiers killed five")."""
    by_trigger = {e.trigger.i: e for e in events if not e.nominal}
    results = set()
    for e in events:
        verb = e.trigger
        if e.nominal or not _casualty(verb):
            continue
        if verb.tag_ != "VBG":
            # "stormed a school and killed 141": joined to the attack, sharing its subject
            joined = verb.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
            )
            if not joined:
                continue
        elif verb.dep_ == "conj" and verb.head.tag_ == "VBG" and _casualty(verb.head):
            verb = verb.head  # "killing five and wounding 12": both the attack's
        if verb.dep_ not in ("advcl", "conj"):
            continue
        attack = by_trigger.get(verb.head.i)
        if (
            attack is None
            or attack is e
            or attack.cameo[:2] not in ATTACK_ROOTS
            or plover_type(attack.cameo) != "ASSAULT"  # a siege (191) is no attack's toll
            or attack.modality != e.modality
            or not _actor_ids(e.sources) <= _actor_ids(attack.sources)
        ):
            continue
        results.add(id(e))
        if not any(a.mention for a in attack.targets) and any(a.mention for a in e.targets):
            attack.targets = e.targets
    return [e for e in events if id(e) not in results]


def _another_doer(verb: Token, clause: Token) -> bool:
    """Whether the clause a verb of wishing governs has a doer of its own, other than the
    verb's subject: a that-clause's named subject ("hoped that China would cut tariffs"), or
    the verb's object before an infinitive ("wants the US to lift sanctions"); not a
    pronoun, which may be the wisher ("Iran hopes it will sign")."""
    if clause.dep_ == "ccomp":
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in clause.children)
    if clause.dep_ == "xcomp":
        return any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in verb.children) or any(
            c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children
        )
    return False


def _without_words_of_a_longer_trigger(events: list[_Event]) -> list[_Event]:
    """Events less those whose trigger is a word of another event's trigger phrase (its cues)
    with the same sides: one act, coded once, by the longer phrase ("threatened" of
    "threatened to slap tariffs on China", "proposed" of "proposed to impose a tariff", the
    "charges" of "charges against Zuma were dropped"); the phrase keeps its own modality (an
    intention is future, as PLOVER codes "agreed to", "threatened to"). Sides that differ are
    two acts ("urged Iran to release the prisoners": the release is Iran's)."""
    part = set()
    for whole in events:
        if id(whole) in part:
            continue
        for e in events:
            if (
                e is not whole
                and e.trigger.i != whole.trigger.i
                and any(c.i == e.trigger.i for c in whole.cues)
                and _actor_ids(e.sources) == _actor_ids(whole.sources)
                and _actor_ids(e.targets) == _actor_ids(whole.targets)
            ):
                part.add(id(e))
    return [e for e in events if id(e) not in part]


def _objects(verb: Token) -> list[Token]:
    """A verb's object and what it is "in" ("fought a war", "engaged in a war")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return out + [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def _restrictions(trigger: Token) -> list[Token]:
    """The means of economic pressure (data/targets.tsv restricting) a verb of force is done
    "with" ("hit back with tariffs", "struck with sanctions"); none for any other means."""
    restricting = target_words()["restricting"]
    return [
        o
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj" and (o.lemma_.lower() in restricting or o.lower_ in restricting)
    ]


#: CAMEO codes of shooting or killing by hand: an office holder alone so killed is
#: assassinated (186); a bombing (183) keeps its code, a beating or a wounding too
SHOOTING_CODES = frozenset({"18", "180", "1823", "190", "193"})
#: sectors of a named person whose killing is an assassination (data/heads.tsv office)
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY"})


def _a_killing(event: _Event) -> bool:
    """Whether an attack kills: "kill" itself (1823), or shooting "dead" ("shot dead")."""
    if event.cameo not in SHOOTING_CODES:
        return False
    words = {event.trigger.lemma_.lower(), *(c.lower_ for c in event.trigger.children)}
    return event.cameo == "1823" or bool(words & {"kill", "dead"})


def _attributed_to_no_one(event: _Event) -> bool:
    """Whether an attribution accuses no one: a deed attributed to something no actor stands
    for ("police attributed the death to natural causes"), or words a participle says are
    someone's ("remarks attributed to the emir": whose they are, no blame)."""
    return event.pattern.lemma == "attribute" and (
        event.trigger.dep_ == "acl" or not any(a.mention for a in event.targets)
    )


def _to_an_audience(event: _Event) -> bool:
    """Whether talks are only someone speaking to an audience: reporters or a news outlet,
    an assembly, the nation (data/targets.tsv, audience: "Trudeau, speaking to reporters",
    "officials spoke to The Associated Press", "Zelensky spoke to the UN General Assembly"):
    a statement, no consultation with them."""
    audience = target_words()["audience"]
    return (
        event.cameo.startswith("04")
        and event.trigger.lemma_.lower() in ("speak", "talk")
        and bool(event.targets)
        and all(
            (a.mention or {}).get("sector") == "MED"
            or a.token.lemma_.lower() in audience
            # ("the UN General Assembly": the name's last word)
            or (a.mention is not None and a.mention["text"].split()[-1].lower() in audience)
            for a in event.targets
        )
    )


def _deployed_at_home(event: _Event, force_nouns: frozenset[str]) -> None:
    """Forces sent with no one to receive them, or into their own state ("Abiy sent troops
    into Tigray", "Correa sent troops to the northern border"), are a deployment (MOBILIZE
    154), not military aid (072), which needs a recipient ("Japan is sending troops to the UN
    force in South Sudan")."""
    if not event.cameo.startswith("072") or not any(
        c.lemma_.lower() in force_nouns for c in event.cues
    ):
        return
    own = _states_of(event.sources)
    if own and _states_of(event.targets) <= own:
        event.cameo = "154"


def _sends_forces(pattern: Pattern) -> bool:
    """Whether a pattern sends or pulls back forces: a show of force (MOBILIZE) or a
    military withdrawal (CAMEO 087)."""
    return pattern.type == "MOBILIZE" or pattern.cameo.startswith("087")


def _for_the_state(mention: dict | None) -> bool:
    """Whether a mention acts for its state: the state or its government, leaders, army,
    police, legislature or courts (not its rebels or its opposition)."""
    mention = mention or {}
    return mention.get("kind") == "state" or mention.get("sector") in (
        "GOV", "ELI", "MIL", "COP", "LEG", "JUD"
    )  # fmt: skip


def _international(arg: _Arg) -> bool:
    """Whether a force or a mission is an international one: an organisation's ("the UN
    force", IGO codes), one led by it ("the NATO-led force") or a peacekeeping one; not a
    state's or a group's own forces ("the Kurdish forces in Iraq")."""
    if ((arg.mention or {}).get("code") or "").startswith("IGO"):
        return True
    return any(
        c.lower_.endswith("-led") or c.lemma_.lower() in ("peacekeeping", "peace-keeping")
        for c in arg.token.subtree
        if c.i < arg.token.i
    )


def _undergone(noun: Token) -> bool:
    """Whether the owner of an event noun undergoes its act (targets.tsv undergone): one act
    ("the journalist's arrest", "Park's conviction"), or acts on several owners ("the
    journalists' arrests"); acts in the plural owned by one are its doings ("Trump's
    deportations")."""
    if noun.lemma_.lower() not in target_words()["undergone"]:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return noun.tag_ == "NN" or any(c.tag_ in ("NNS", "NNPS") for c in owners)


def _authority(mention: dict | None) -> bool:
    """Whether a mention is a state or one of its authorities (government, courts, police,
    army), which arrest, release or expel others ("Iran's arrests")."""
    mention = mention or {}
    return mention.get("kind") == "state" or mention.get("sector") in ("GOV", "JUD", "COP", "MIL")


def _one_office_holder(targets: list[_Arg]) -> bool:
    """Whether an attack's targets are one holder of an office or a command: a named person
    of a state's, a party's or an army's sector ("Colonel Ahmed Jabr"), or one role noun of
    an office in such a sector (data/heads.tsv office: "the governor", "a police chief"), not
    several, nor an armed group's ("the rebel commander")."""
    named = [a for a in targets if a.mention]
    if len(named) != 1:
        return False
    arg, mention = named[0], named[0].mention
    if mention.get("kind") == "person" and mention.get("label") == "name":
        return mention.get("sector") in OFFICE_SECTORS
    if mention.get("sector") not in OFFICE_SECTORS:
        return False  # "the rebel commander": a fighter, killed in a fight
    span = arg.token.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    head = span.root if span is not None and len(span) else arg.token
    return (
        head.tag_ == "NN"
        and head.lemma_.lower() in head_words()["office"]
        and not any(c.dep_ == "nummod" for c in head.children)
    )


def _calls_for_scrutiny(events: list[_Event]) -> list[_Event]:
    """ "McCain called for an investigation into the MKO": whoever demands that X be
    investigated accuses X (CAMEO 112), and the call is not a request made *to* X. The
    investigation event takes the caller as its source and the call's modality; the call
    is dropped when X is the only one it was addressed to."""
    calls = {e.trigger.i: e for e in events if e.pattern.type == "REQUEST" and not e.nominal}
    dropped: set[int] = set()
    for event in events:
        if not (event.nominal and event.cameo.startswith("09")):
            continue
        call = calls.get(_requesting_verb(event.trigger))
        if call is None:
            continue
        event.cameo = "112"
        event.sources = event.sources or list(call.sources)
        event.modality = call.modality
        event.reported_by = event.reported_by or call.reported_by
        called = _actor_ids(call.targets)
        if not called or called <= _actor_ids(event.targets):
            dropped.add(id(call))
    return [e for e in events if id(e) not in dropped]


def _requesting_verb(noun: Token) -> int | None:
    """The verb that asks for ``noun``: "called for an inquiry", "demanded an inquiry"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return noun.head.head.i
    if noun.dep_ in ("dobj", "obj"):
        return noun.head.i
    return None


def _one_each(args: list[_Arg]) -> list[_Arg]:
    """The first argument of each actor (arguments naming no actor are left out)."""
    first: dict[str, _Arg] = {}
    for arg in args:
        if arg.mention:
            first.setdefault(arg.mention["actor"], arg)
    return list(first.values())


def _with_help(prep: Token) -> bool:
    """ "with the help of X", "with the support of X": who helps, not whom the act is upon."""
    return prep.lower_ == "with" and any(
        c.dep_ == "pobj" and c.lemma_.lower() in WITH_HELP for c in prep.children
    )


def _offset(event: _Event) -> int:
    return event.trigger.i


def _depth(token: Token) -> int:
    """How many heads lie between the token and its sentence's root."""
    n = 0
    while token.head.i != token.i and n < 50:
        token, n = token.head, n + 1
    return n


#: words a count of people is written with besides its numbers ("at least 18", "some 25",
#: "another 12"), and nouns that count on their own ("dozens", "four others")
_COUNT_MODIFIERS = frozenset({"at", "least", "most", "about", "around", "some", "nearly",
                              "almost", "over", "more", "than", "up", "to", "another"})  # fmt: skip


def _count_only(arg: _Arg) -> bool:
    """Whether a side is a count or a share and nothing else ("18" of "Bombs kill 18", "About
    25", "four others", "Dozens", "Many", "94%"; data/heads.tsv, count): the number of victims (the
    claims keep it as the killed or wounded count), never an actor; "18 soldiers", "two of
    the group's camps" name who."""
    if arg.mention is not None:
        return False
    words = [w.removesuffix("%") or w for w in arg.text.lower().split()]  # "94%"
    counting = head_words()["count"]
    counts = [w for w in words if like_num(w) or w in counting]
    return bool(counts) and all(w in counts or w in _COUNT_MODIFIERS for w in words)


def _coded_or_unnamed(event: _Event) -> bool:
    """Whether an event has a side that is a coded actor (a country or a sector), or names
    no actor at all: an event between unknown persons, firms or teams ("Okafor beat the
    Rovers", "the club will honour Jane Doyle") is none that PETRARCH or ICEWS would code, as
    they code only actors their dictionaries know. An attack whose doer goes unnamed ("a
    bomber struck the Vehicle Licensing Office", "the attack on the Smiths") is an incident on
    its own account and is kept."""
    # (civilians coded only by their document's country count as unnamed people here)
    named = [a.mention for a in (*event.sources, *event.targets) if _acting(a)]
    if not named or any(_coded(m) for m in named):
        return True
    return event.cameo[:2] in ATTACK_ROOTS and (
        event.unnamed or event.instrument or not event.sources
    )


def _acting(arg: _Arg) -> bool:
    """Whether a side names an actor that can make an event one: any actor mention but a
    civilian coded only as one of the country its document is about ("a man", a person no
    title nor dictionary describes: dyad_actor_context), which codes its side but is no
    actor a dictionary knows."""
    mention = arg.mention
    return mention is not None and not (
        mention.get("context") == "document" and mention.get("sector") == "CVL"
    )


def _coded_both(event: _Event) -> bool:
    """Whether both sides of an event name a coded actor."""
    return all(
        any(_acting(a) and _coded(a.mention) for a in side)
        for side in (event.sources, event.targets)
    )


def _coded(mention: dict) -> bool:
    """Whether a mention is of a coded actor: one with a country or a sector."""
    return bool(mention.get("country") or mention.get("sector"))


def _own_state_owning(mention: dict, countries: set[str], doc: Doc) -> bool:
    """Whether ``mention`` is a state of one of ``countries`` (the doer's) named as the owner
    of a noun ("Venezuela's borders")."""
    if mention.get("kind") != "state" or mention.get("country") not in countries:
        return False
    last = doc[mention["token_end"] - 1]
    return last.dep_ == "poss" or any(c.dep_ == "case" for c in last.children)


#: CAMEO roots of acts states do with each other somewhere (intents, consultations,
#: diplomatic and material cooperation): the town they do them in is no side ("agreed on a
#: ceasefire in Moscow"); force and coercion land on the place they are done in
_DONE_TOGETHER = ("03", "04", "05", "06")
#: the codes of agreements made or signed: where two actors or more made one is no side of
#: theirs, and two actors of one state making one are its two sides
_SIGNED_BETWEEN = ("03", "057")
#: verbs that make a ceasefire an agreement signed somewhere ("signed a ceasefire in Oslo"; a
#: ceasefire announced or declared "in Idlib" is where the fighting stops)
_SIGNING = frozenset({"sign", "agree", "reach", "negotiate", "conclude"})
#: CAMEO's ceasefire (declare a ceasefire)
CEASEFIRE = "0871"


def _pair_joint_sides(event: _Event) -> None:
    """Actors named together as the doers of an event with no target are its two sides, the
    first its source and the others its targets, where they did it with each other: named
    "between" ("talks between Iran and Iraq", "clashes between A and B") or doing a joint act
    (ontology.JOINT: "Jordan and Britain agreed to hold joint exercises", "the US and South
    Korea held talks"), as PLOVER and CAMEO code a dyad. Co-doers of an act on a third party
    or on no one ("Britain and France sent aid", "Hamas and Islamic Jihad fired rockets") stay
    together."""
    # where two states or more agreed, met or signed, or where an agreement no one is named
    # making was made, is no side ("Armenia and Azerbaijan agreed on a ceasefire in Moscow",
    # "signed an agreement in Minsk", "held talks in Geneva"): a town after a preposition of
    # place, or the act's own noun
    own = {event.trigger.i, *(c.i for c in event.cues)}

    def where(arg: _Arg) -> bool:
        town = arg.token if arg.mention is None else arg.token.doc[arg.mention["token_start"]]
        placed = town.dep_ == "pobj" and town.head.lower_ in WHERE_PREPS
        if arg.mention is None:  # the act's own noun ("held talks in Geneva"), or a town no
            # actor stands for ("signed an agreement in Christchurch")
            return town.i in own or (placed and town.ent_type_ in _PLACE_ENTITIES)
        return placed and arg.mention.get("label") in ("place", "metonym")

    # the doers, each once, and their countries (an organisation of no country counts as one
    # of its own: NATO with Tunisia pairs)
    order = list(dict.fromkeys(a.mention["actor"] for a in event.sources if a.mention))
    states = _states_of(event.sources)
    signed = event.cameo.startswith(_SIGNED_BETWEEN) or (
        event.cameo == CEASEFIRE
        and not _SIGNING.isdisjoint(t.lemma_.lower() for t in (event.trigger, *event.cues))
    )
    if (
        (event.cameo[:2] in _DONE_TOGETHER or signed)
        and event.targets
        and all(where(a) for a in event.targets)
        and (len(states) > 1 or not event.sources or (signed and len(order) > 1))
    ):
        # (nor where an act no one is named doing was done, "talks were held in Geneva", nor
        # where two of one state's people or more signed or reached an agreement or a
        # ceasefire, "Kibaki and Odinga signed an agreement in Nairobi", "the government and
        # the rebels signed an agreement in Christchurch"; one state's envoy
        # "held talks in Beijing" held them with his host, and PLOVER's coders take a
        # state's own country for the target of what one of its people does for it there:
        # "steps to promote tolerance in Sudan", "attends a Cabinet meeting in Washington")
        event.targets = []
    # (the act's own code: "offered to mediate" is an intent to meet, 036, of a mediation,
    # 045, which co-mediators do on others, not with each other)
    done = event.pattern.cameo
    if event.targets or not (
        event.between or (event.cameo.startswith(JOINT) and done.startswith(JOINT))
    ):
        return
    verbs = [event.trigger, *([event.trigger.head] if event.trigger.dep_ == "xcomp" else [])]
    if any(c.dep_ == "prep" and c.lower_ in ("with", "to") for v in verbs for c in v.children):
        return  # "Iran and Russia agreed with Syria": the party is named, if missed
    if len(order) < 2 or (
        len(states) == 1 and not (done.startswith(_SIGNED_BETWEEN) and len(order) == 2)
    ):
        # "Putin and Lavrov held talks": one state's people, together; but an agreement two
        # of them (two, no more) sign or reach with no one else is between them ("Kibaki and
        # Odinga sign power-sharing deal", review 41)
        return
    first = order[0]
    sources = [a for a in event.sources if a.mention and a.mention["actor"] == first]
    event.targets = [a for a in event.sources if a.mention and a.mention["actor"] != first]
    event.sources = sources


#: the types of acts whose doer is the doer of the attack they are done "in" ("freed the
#: hostages in a raid", "killed 12 militants in air strikes", "arrested 30 in a raid")
_DONE_BY_MEANS = ("ASSAULT", "COERCE", "RETREAT")


def _doer_of_the_means(events: list[_Event]) -> None:
    """An attack named as the means of another act ("Turkish jets killed 12 militants in air
    strikes on Iraq", "Police arrested 30 people in a raid on a mosque") and naming no doer
    of its own is done by that act's doer: the noun is the object of "in" hung on a verb of
    force, detention or release whose event has a source (not a passive that names none:
    "Twelve soldiers were killed in an ambush"; nor a protest one arrests people "during"; nor
    an attack on the doer's own state's forces: "Afghan troops killed 20 Taliban fighters in an
    attack on a police post" tells the Taliban's attack)."""
    by_trigger = {e.trigger.i: e for e in events if not e.nominal}
    for event in events:
        noun = event.trigger
        if not event.nominal or event.sources or plover_type(event.cameo) != "ASSAULT":
            continue
        if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.dep_ != "prep":
            continue
        holder = noun.head.head
        if holder.dep_ in ("dobj", "obj"):  # (hung on the act's object: "killed 12 in strikes")
            holder = holder.head
        act = by_trigger.get(holder.i)
        if (
            act is None
            or plover_type(act.cameo) not in _DONE_BY_MEANS
            or act.modality != event.modality
        ):
            continue
        doers = [a for a in act.sources if a.mention]
        states = {a.mention.get("country") for a in doers} - {None}
        own = any(
            (m := a.mention) is not None
            and m["label"] != "place"
            and m.get("country") in states
            and m.get("sector") in ("GOV", "MIL", "COP")
            for a in event.targets
        )  # "Afghan troops killed 20 Taliban in an attack on a police post": the Taliban's
        if doers and not own and not _actor_ids(doers) & _actor_ids(event.targets):
            event.sources = list(doers)


def _complete_sides(events: list[_Event]) -> None:
    """A mention that leaves out one side of an event its document names in full elsewhere
    takes that side, so that the store merges the two as one event: "Turkey has shelled a
    city in Syria ... Syria was shelled again" (the same CAMEO code, the same class of
    modality, the same actors on the side both name), from a mention before it, or after it
    for a headline; not "Zuma appeared in court to face charges" from a critic's "accused
    Zuma of corruption" (112, not 1121) later on. Only where the document names one
    actor for the missing side; never an attack whose doer stands as an instrument or an
    unnamed agent ("a bomb exploded", "gunmen attacked"), which the attribution of claims
    completes; a passive that names no doer ("Ukraine was attacked again") is completed."""

    def kind(event: _Event) -> tuple:
        fact = event.modality in ("asserted", "reported")
        return event.cameo, "fact" if fact else event.modality

    for event in events:
        if event.instrument or bool(event.sources) == bool(event.targets):
            continue
        known, missing = ("targets", "sources") if event.targets else ("sources", "targets")
        ids = _actor_ids(getattr(event, known))
        if not ids:
            continue
        fills = {
            _actor_ids(getattr(other, missing)): other
            for other in events
            if other is not event
            # named in full before, or after a headline that leaves a side out
            and (_offset(other) < _offset(event) or _headline(event.trigger.sent))
            and kind(other) == kind(event)
            and _actor_ids(getattr(other, known)) == ids
            and _actor_ids(getattr(other, missing))
            and not _actor_ids(getattr(other, missing)) & ids
        }
        if len(fills) == 1:
            (other,) = fills.values()
            setattr(event, missing, [a for a in getattr(other, missing) if a.mention])


def _moving(verb: Token) -> bool:
    """A verb of moving (data/movement.tsv: "travel", "return", "leave", "visit")."""
    words, lemma = movement_words(), verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and (lemma in words["moving"] or lemma in words["visiting"])


def _actor_ids(args: list[_Arg]) -> frozenset[str]:
    return frozenset(a.mention["actor"] for a in args if a.mention)


def _is_question(sent) -> bool:
    return sent.text.rstrip().rstrip("\"'”’").endswith("?")


def _is_cue(token: Token, pattern: Pattern) -> bool:
    return token.lemma_.lower() in pattern.words or token.lower_ in pattern.words


def _named_before(event: _Event) -> bool:
    """Whether a noun event's doers are all named inside its noun phrase, before the noun
    ("US humanitarian aid", "a NATO grant", "Egyptian mediation")."""
    noun = event.trigger
    return bool(event.sources) and all(
        a.mention is not None and noun.left_edge.i <= a.token.i < noun.i for a in event.sources
    )


def _purpose_predicate(verb: Token) -> bool:
    """Whether ``verb`` is "be" (as the copula or the auxiliary of its clause) with a noun of
    aim for its subject ("its main purpose was supporting X", "the aim is to train")."""
    be = verb.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    return be and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _MODALITY["purpose"] for c in verb.children
    )


def _recipient(pattern: Pattern, prep: str, mention: dict) -> bool:
    """Whether a country after "to" is who is given to, not a place: "providing aerial
    photographs to Macedonia", "sending aid to Afghanistan" (a giving event's "to")."""
    return pattern.type == "AID" and prep == "to" and mention.get("kind") == "state"


def _for_to_clause(clause: Token) -> bool:
    """Whether ``clause`` is a "for X to do" clause ("called for the chief to resign")."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _pattern_object(token: Token, prep: str, deep: bool = False) -> Token | None:
    """The object of a pattern's preposition (:func:`_prep_object`), or the subject of a "for
    X to do" clause after "for" ("called for the EPA chief to resign": whom it is asked of)."""
    obj = _prep_object(token, prep, deep)
    if obj is None and prep == "for":
        clause = next((c for c in token.children if _for_to_clause(c)), None)
        obj = (
            next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if clause is not None
            else None
        )
    return obj


def _means(noun: Token) -> bool:
    """Whether the object of "by" says how something was done (data/targets.tsv, means): a
    bare singular noun of means, or one another such noun modifies ("by telephone", "by
    force", "by video link"); not a body ("killed by security forces")."""
    means = target_words()["means"]
    return (
        noun.lemma_.lower() in means
        and noun.tag_ in ("NN", "NNP")
        and all(c.dep_ == "compound" and c.lemma_.lower() in means for c in noun.children)
    )


def _prep_object(token: Token, prep: str, deep: bool = False) -> Token | None:
    """The object of the preposition ``prep`` on ``token`` (or, if ``deep``, on its object).
    A time is no object here: "called the centre on Thursday" calls on no one, "by Monday"
    names no doer."""
    heads = [token]
    if deep:
        heads += [c for c in token.children if c.dep_ in ("dobj", "obj", "prt", "advmod")]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and obj.ent_type_ not in TIME_ENTITIES:
                    if prep == "by" and _means(obj):
                        continue  # "talks by telephone": how, not who
                    return obj
    return None


def _purpose(token: Token) -> bool:
    """Whether a verb states the aim of another's act, not an act ("sent the Guard to the
    border to stop migrants", "in order to protect civilians", through "to help stop"): a
    subjectless infinitive hung on a verb as an adverbial clause, on a noun of aim after
    "in" ("in order to", "in a bid to", "in his haste to withdraw"; modality.tsv, aim), or
    on a verb of getting or using its object for it ("hired mercenaries to crush")."""
    current = token
    for _ in range(4):  # up through the infinitives it complements ("to help [to] stop")
        if current.dep_ != "xcomp" or current.head.i == current.i:
            break
        if _purposive(current):
            return True
        current = current.head
    kids = list(current.children)
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in kids) or not any(
        k.dep_ == "aux" and k.tag_ == "TO" for k in kids
    ):
        return False
    head = current.head
    return current.dep_ == "advcl" or (
        current.dep_ == "acl"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and head.lemma_.lower() in _MODALITY["aim"]
    )


def _purposive(infinitive: Token) -> bool:
    """Whether a subjectless infinitive says what the object of the verb it hangs on was got,
    sent or used for ("hired mercenaries to crush the rebels"; modality.tsv, purposive)."""
    head = infinitive.head
    return (
        head.lemma_.lower() in _MODALITY["purposive"]
        and head.i < infinitive.i
        and any(k.dep_ == "aux" and k.tag_ == "TO" for k in infinitive.children)
        and not any(k.dep_ in ("nsubj", "nsubjpass") for k in infinitive.children)
        and any(c.dep_ in ("dobj", "obj") and c.i < infinitive.i for c in head.children)
    )


def _supposed(noun: Token, verb: Token) -> bool:
    """Whether an event noun with an indefinite article is the subject of a verb with a modal
    of possibility ("A deal between them could reshape the region", "an attack on Iran would
    trigger a war": a supposed event); "the attack could trigger a war" was one."""
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any", "another") for c in noun.children
    ) and (
        any(
            c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may")
            for c in verb.children
        )
        # "an Israeli strike could have killed dozens" speaks of one that happened
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


def _speech_above(token: Token) -> Token | None:
    """The verb of saying whose reported clause ``token`` stands in, at any depth ("said that
    ... the exit of civilians besieged by ..."), where its subject is someone ("Nothing
    suggests that ...": no one says so)."""
    for node in token.ancestors:
        head = node.head
        if (
            node.dep_ == "ccomp"
            and head.lemma_.lower() in SPEECH_VERBS
            and head.pos_ in ("VERB", "AUX")
            and not negative_subject(head)
        ):
            return head
    return None


#: the words that set a clause at a time of its own ("after", "since", "when")
_OWN_TIME_MARKS = frozenset({"after", "before", "since", "when", "while", "as", "until", "once"})


def _told_in_its_own_time(verb: Token) -> bool:
    """Whether a clause states in the past what happened at a time of its own ("a day after
    gunmen killed 26 people", "since the army seized power"): the mood of the clause it is
    put in does not reach it."""
    return (
        verb.tag_ == "VBD"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ in _OWN_TIME_MARKS for c in verb.children)
    )


def _through_a_phrase(token: Token, top: Token, people: bool) -> bool:
    """Whether ``token`` hangs on ``top`` through a prepositional phrase ("the home region of
    X": X), not as its name or a name's word ("the group, Hamas", "a group called X") nor, where
    ``top`` names people (``people``), as the body they are of ("a member of the Islamist
    Hamas movement", "fighters of the PKK")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "pobj" and not (
            people and token.head.lower_ == "of" and token.head.head.i == top.i
        ):
            return True
        token = token.head
    return False


def _not_taken(verb: Token) -> bool:
    """Whether a clause is the course not taken (data/modality.tsv alternative): a verb joined
    by "rather than" ("bombed Gaza rather than negotiate"), opened by it ("Rather than attack
    Iran, Israel imposed sanctions") or after "instead of" ("instead of attacking Kyiv")."""
    words = _MODALITY["alternative"]

    def marked(than: Token) -> bool:
        return any(c.lower_ in words for c in than.children) or (
            than.i > 0 and than.doc[than.i - 1].lower_ in words
        )

    if verb.dep_ == "conj":
        return any(
            c.dep_ == "cc" and c.lower_ == "than" and c.i < verb.i and marked(c)
            for c in verb.head.children
        )
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "of":
        return marked(verb.head)
    return any(c.dep_ == "mark" and c.lower_ == "than" and marked(c) for c in verb.children)


def _pending(verb: Token) -> bool:
    """Whether a clause of a time to come ("until", "before", "once") bounds a clause that
    will be ("will stay until Hezbollah disarms") or would not be ("would not be released
    until Washington handed over"), naming no day of its own: a condition. A narrative's
    "could" or "would" tells what was ("could not leave until the army lifted the curfew on
    Tuesday", "the truce would last until Hamas fired rockets")."""
    if verb.dep_ != "advcl" or any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return False
    kids = list(verb.head.children)
    modals = {c.lower_ for c in kids if c.dep_ == "aux" and c.tag_ == "MD"}
    negated = any(c.dep_ == "neg" for c in kids)
    return bool(modals & {"will", "shall", "'ll"}) or ("would" in modals and negated)


def _told_as_a_fact(verb: Token) -> bool:
    """Whether a clause's verb tells what is or was ("Iran was behind it", "the rebels had
    killed them"), not what should be ("that Iran withdraw", "that talks should resume")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.tag_ in ("VBD", "VBZ", "VBP") for c in aux)


def _governors(token: Token) -> list[tuple[Token, str]]:
    """The trigger and the verbs (and intent nouns) above it whose mood reaches it."""
    chain = [(token, "self")]
    current = token
    first = token  # the first of the nouns the trigger is joined to, which stands for it
    for _ in range(6):
        relation = current.dep_
        head = current.head
        if head.i == current.i:
            break
        if relation == "conj" and current.i == first.i and current.pos_ == head.pos_ == "NOUN":
            # "demanded an end to the war and the withdrawal of troops": a noun joined to
            # another stands where the first one does
            first = current = head
            continue
        clause = _clause_of_gerund(current)
        if clause is not None:
            # a gerund on the clause: a means ("would have to comply by helping", "has not
            # responded by expelling", "threatened to respond by striking") shares the
            # clause's mood as its complement would; a time ("after meeting") its modals
            chain.append((clause, "xcomp" if head.lower_ in _MODALITY["means"] else "advcl"))
            current = clause
            continue
        if relation == "advcl" and _told_in_its_own_time(current):
            break  # "would close the border, a day after gunmen killed 26": they did
        if (
            relation in ("xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "relcl")
            or (
                relation in ("dobj", "obj", "attr", "nsubjpass")
                and (current.i == first.i or current.lemma_.lower() in INTENT_VERBS | REFUSAL_VERBS)
            )
            or (relation == "nsubj" and current.i == first.i and _occurring(head))
        ):
            # "the summit will take place in April": the verb that times an event noun
            chain.append((head, relation))
        elif relation == "nsubj" and current.i == token.i and _supposed(token, head):
            # "an attack on Iran would trigger a war": one that would, not one that did
            chain.append((head, "advcl"))
        elif relation == "pobj" and head.dep_ == "prep":
            current = head
            continue
        elif (
            relation == "prep"
            and current.lower_ == "for"
            and chain[-1][0].i == token.i
            and first.head.i == current.i
            and head.lemma_.lower() in REQUEST_VERBS
        ):
            # "called for the withdrawal", "pressed for talks": the event noun asked for, as
            # "demanded the withdrawal" asks for its object
            chain.append((head, "for"))
        elif (
            relation == "prep"
            and current.lower_ in _MODALITY["circumstance"]
            and chain[-1][1] != "relcl"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "pobj" and c.i in {t.i for t, _ in chain} for c in current.children)
        ):
            # "said hundreds of rebels were killed in the offensive": an event noun that is
            # the occasion of a verb is in that verb's moods as an adverbial clause is (a
            # modal, a speaker), not its negation ("no one was killed in the attack"); not
            # one the verb deals with ("collaborating with Trump's deportations", "retaliate
            # against countries that expelled ...")
            chain.append((head, "advcl"))
        else:
            break
        if relation in ("relcl", "conj") and current.i != token.i:
            break
        current = head
    return chain


if not Doc.has_extension("dyad_events"):
    Doc.set_extension("dyad_events", default=None)


@Language.factory(
    "dyad_events",
    assigns=["doc._.dyad_events"],
    requires=["doc._.dyad_actors", "token.dep", "token.lemma"],
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
