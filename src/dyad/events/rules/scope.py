"""Modality and reported speech."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp.words import according_to
from ..modality import (
    accusation,
    alleged,
    claim_content,
    denial,
    denied_claim,
    denied_content,
    negative_subject,
    quotations,
    unfounded,
)
from ..ontology import ATTACK_ROOTS, cooperative, intended, refused, threatened
from .frame import _Arg, _Event
from .grammar import (
    _absent,
    _ahead,
    _another_doer,
    _by_the_terms,
    _for_to_clause,
    _gerund,
    _governors,
    _is_question,
    _neither_nor,
    _not_taken,
    _pending,
    _prep_object,
    _purpose,
    _purpose_predicate,
    _speech_above,
)
from .judgements import _named_before
from .mentions import _actor_ids
from .vocab import (
    _MODALITY,
    ABILITY_WORDS,
    ALLEGING,
    ASKING_NOUNS,
    CONDITIONAL_MARKS,
    COUNTERFACTUAL,
    DEONTIC_VERBS,
    DONE_WHEN_REFUSED,
    ENTITLEMENT_NOUNS,
    FUTURE_MODALS,
    GIVEN_WHEN_REFUSED,
    HEARSAY,
    HEDGES,
    HYPOTHETICAL_MODALS,
    INTENT_VERBS,
    LIGHT_VERBS,
    OBLIGATION_MODALS,
    PENDING_MARKS,
    PREDICTED,
    REFUSAL_VERBS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    THREAT_VERBS,
    WISH_VERBS,
)


def _kept_from(verb: Token) -> bool:
    """Whether a verb of prevention ("prevented him from accepting") is told as done, so that
    what it keeps from is not: not negated or in doubt ("has not stopped", "hardly deterred",
    "could prevent"), nor only tried, failed or done little toward ("failed to prevent",
    "tried to stop", "has done little to deter", "powerless to stop")."""
    kids = list(verb.children)
    if any(
        k.dep_ == "neg"
        or k.lower_ in ("never", "hardly", "barely", "scarcely")
        or (k.dep_ == "aux" and k.lower_ in HYPOTHETICAL_MODALS | FUTURE_MODALS)
        for k in kids
    ):
        return False
    # an infinitive the verb completes, or one of the "done little to" kind: tried, failed
    return verb.dep_ != "xcomp" and not any(
        c.lower_ in ("little", "nothing") for c in verb.head.children if verb.dep_ == "advcl"
    )


class Scope:
    """An event's modality from the words above it, and who reports it."""

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
        step = event.trigger
        for verb, relation in chain:
            below, step = step, verb  # (the verb of the step before this one)
            kids = list(verb.children)
            lemma = verb.lemma_.lower()
            particle = next((k.lower_ for k in kids if k.dep_ == "prt"), None)
            if particle and f"{lemma} {particle}" in _MODALITY["phrasal"]:
                lemma = f"{lemma} {particle}"  # "was sworn in": no vow
            if relation in ("ccomp", "advcl", "relcl", "acl", "pcomp", "from"):
                direct = False
            if relation == "from" and _kept_from(verb):
                # "prevented him from accepting": kept from it ("has not stopped the group
                # from committing attacks", "failed to prevent militants from attacking":
                # they did)
                flags.add("hypothetical")
            if relation == "ccomp" and lemma in _MODALITY["supposing"] and not sibling:
                # "assumed that China would not fight": supposed; "investigators presume the
                # plane was shot down": what they take to have happened, reported
                ahead = any(
                    c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | HYPOTHETICAL_MODALS
                    for c in below.children
                )
                flags.add("hypothetical" if ahead else "reported")
            if (
                relation == "conj"
                and direct
                and below.tag_ == verb.tag_
                and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg")
                    for c in below.children
                )
                and any(k.dep_ == "neg" and k.lower_ in ("not", "n't") for k in kids)
            ):
                # a verb joined to a negated one, in its form and with no subject or
                # auxiliary of its own, shares its "not" ("did not arrest or charge them",
                # "have not been paid or fed": review 53); not "did not arrest them and
                # released them", a verb of its own tense, nor what follows a "never" ("never
                # surrendered and fought to the end": second read)
                negated = True
            if relation == "conj":
                direct = False
            if direct and any(k.dep_ == "neg" or k.lower_ == "never" for k in kids):
                if verb.i != event.trigger.i and lemma in _MODALITY["admission"]:
                    # "has never admitted arming the rebels", "did not confirm that its
                    # troops crossed": not owned, not denied; others say it
                    flags.add("reported")
                else:
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
            if _purpose_predicate(verb) and relation != "conj":
                # "its purpose was supporting X": an aim (not a clause joined to it: "its
                # objective is to take over Iran but this has not stopped it from ...")
                flags.add("hypothetical")
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
            unable = lemma in _MODALITY["inability"] or (
                lemma == "be"
                and any(
                    c.dep_ == "acomp" and c.lemma_.lower() in _MODALITY["inability"] for c in kids
                )
            )
            # "has yet to approve", "is yet to respond": not (yet) done
            not_yet = lemma in ("have", "be") and any(
                c.dep_ == "advmod" and c.lower_ in _MODALITY["not_yet"] for c in kids
            )
            if (unable or not_yet) and relation == "xcomp" and verb.i != event.trigger.i and direct:
                # "police were unable to stop the looting": they did not (not what a clause
                # below tells: "unable to confirm that Israeli jets struck the convoy")
                negated = True
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
            # (or a verb of intending whose object is an act of force done: "committing
            # attacks"; not "committed to talks", "committed military aid to Ukraine")
            light = light or (
                relation in ("dobj", "obj")
                and lemma in _MODALITY["perpetrating"]
                and event.cameo[:2] in ("17", "18", "19", "20")
            )
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
                # a request refused was made by others than whoever refuses it ("rejected
                # appeals against the demolition", "refused repeated requests for interviews"):
                # the request stays a request, the refusal is the verb's own event
                or event.pattern.type == "REQUEST"
                or given
            )
            if (
                refusing
                and event.pattern.type == "REQUEST"
                and not any(c.dep_ == "poss" for c in event.trigger.children)
                and self._named_modifier(event.trigger) is None
                and _prep_object(event.trigger, "by") is None
                and _prep_object(event.trigger, "from") is None
            ):
                # "Israel rejected calls for a ceasefire with Hamas": a request whose maker
                # is not named was made to whoever refuses it, not to one named inside it
                subject, passive = self._subject(verb)
                refuser = self._args(subject) if subject is not None and not passive else []
                if any(a.mention for a in refuser):
                    event.targets = [a for a in refuser if a.mention]
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
                    lemma in HEARSAY
                    and relation == "xcomp"
                    and any(c.dep_ == "auxpass" for c in kids)
                ):
                    flags.add("reported")  # "was reported killed", "is said to have fled"
                elif (
                    lemma in REQUEST_VERBS
                    and (
                        relation in ("xcomp", "ccomp")
                        or (event.nominal and relation in ("dobj", "obj", "for"))
                        or (relation == "acl" and lemma in ASKING_NOUNS)
                    )
                ) or (
                    lemma in SPEECH_VERBS
                    and relation == "xcomp"
                    and not (lemma in _MODALITY["admission"] and clause.tag_ == "VBG")
                ):
                    # "urged Iraq to expel", "demanded its surrender", "Dominica's request to
                    # waive the fees", and a verb of saying with an infinitive: an order
                    # ("told the IAEA to leave"); not what one admits having done ("admitted
                    # arming the rebels": reported by the one who admits it)
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
        # ("withdrew according to the agreement": the terms, no teller)
        according = None if _by_the_terms(clause) else according_to(clause)
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
        if sent.start not in self._reading.questions:  # a sentence's text is made anew on each call
            self._reading.questions[sent.start] = _is_question(sent)
        question = self._reading.questions[sent.start]
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
            if stopped and event.cameo[:2] in ("18", "19", "20"):
                # "agreed to stop shelling the city", "would stop attacking": an intent to
                # ease the fighting (087's intent, 0356), no threat of it
                event.cameo = "087"
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
            # an attack its doer says it did is claimed ("Islamic Jihad said it had carried
            # out the bombing"): a claim of responsibility, as "claimed responsibility" is
            event.modality = "claimed" if _claimed_by_its_doer(event) else "reported"
        else:
            event.modality = "asserted"

    def _actor_subject(self, verb: Token) -> bool:
        """Whether the verb's subject is an actor or a pronoun ("the governments are to")."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and (
            subject.i in self._reading.by_token
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


def _claimed_by_its_doer(event: _Event) -> bool:
    """Whether an act of force is told by one of its doers, the same actor ("Islamic Jihad said
    it had carried out the bombing", "Iraqi forces say killed 45 fighters")."""
    speaker = event.reported_by
    if speaker is None or speaker.mention is None or event.cameo[:2] not in ATTACK_ROOTS:
        return False
    if speaker.mention.get("code_from") == "context":
        return False  # ("according to diplomats": whose, only the sentence guessed)
    return any(
        a.mention is not None and a.mention["actor"] == speaker.mention["actor"]
        for a in event.sources
    )
