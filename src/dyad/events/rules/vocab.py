"""The word lists and code tables the rule coder keeps in code (its patterns, heads, targets,
frames and modality words are data files in ``dyad/events/data``)."""

from __future__ import annotations

from ...actors.component import ACTING_LABELS, LOCATIVE_PREPS
from ..modality import modality_words
from ..patterns import Pattern, frame_words, head_words, target_words

#: the words of the rule coder's argument frames, by kind (data/frames.tsv)
_FRAMES = frame_words()
#: verbs of force whose object noun carries the event when it is a noun of force ("fought a
#: war against IS", "fought a fierce battle"); "fought the rebels", "vowed to fight the
#: threats" stay the verb's
COGNATE_VERBS = _FRAMES["cognate"]


#: verbs whose object noun carries the event only when it is a means of economic pressure
#: (data/targets.tsv restricting): "slapped tariffs on China"; "slapped a fine on the
#: tanker" and "slapped a protester" keep the verb's rows
RESTRICTING_LIGHT_VERBS = _FRAMES["restricting_light"]
#: verbs whose object noun carries the event ("carried out attacks", "imposed sanctions")
LIGHT_VERBS = _FRAMES["light"]
#: verbs whose object suffered the nominal event ("survived an attack")
SUFFER_VERBS = _FRAMES["suffer"]
#: verbs whose subject withstood the attack that is their object ("Iraqi forces repel IS
#: attack", "police foiled an assault"): the subject is the attack's target, as with "survive"
DEFENDING_VERBS = _FRAMES["defending"]
#: nouns of a contest both sides wage, whose modifier names where it is ("the Afghan war")
CONTESTS = _FRAMES["contest"]
#: nouns of a meeting whose "of" phrase names those who meet ("a meeting of foreign ministers")
ASSEMBLIES = _FRAMES["assembly"]
#: verbs of meeting that one body does alone when it sits ("parliament met on Thursday")
SITTING_VERBS = _FRAMES["sitting"]
#: verbs whose subject is given what their object names ("received weapons from China")
GETTING_VERBS = _FRAMES["getting"]
#: verbs whose subject, a town or ground, is taken by their "to" object ("fell to the Taliban")
FALLING_TO_VERBS = _FRAMES["falling_to"]
#: CAMEO roots of what is given (03 promises, 05 support, 06 cooperation, 07 aid): got, its
#: giver is the "from" phrase; a guest received (04) is the host's act
GIVEN_BY_ANOTHER = ("03", "05", "06", "07")
#: light verbs that hand the nominal event to someone ("gave the MEK shelter")
GIVING_VERBS = _FRAMES["giving"]
#: "stormed the camp with the help of X": X helped, X is not attacked
WITH_HELP = _FRAMES["with_help"]
#: verbs whose subject gets what the nominal event gives ("found refuge", "won support")
SEEK_VERBS = _FRAMES["seek"]
#: verbs whose subject answers the request that is their object ("considering Russia's
#: request", "rejected the demands"): the request is made of the subject (data/targets.tsv)
ANSWERING_VERBS = target_words()["answering"]
#: verbs whose subject undergoes, seeks or withstands the event noun that is their object
UNDERGOING_VERBS = SUFFER_VERBS | SEEK_VERBS | DEFENDING_VERBS
#: request verbs that mean "try" before an infinitive ("seeks to combine")
TRYING_VERBS = _FRAMES["trying"]
#: verbs whose subject is in the state a nominal event names ("was at war with", "remained
#: in conflict with")
STATE_VERBS = _FRAMES["state"]
#: verbs whose subject owns the nominal event after "for" ("took responsibility for the attack")
RESPONSIBILITY_VERBS = _FRAMES["responsibility"]
#: nouns of an agreement made ("agreed a trade deal": one made, 057)
PACT_NOUNS = _FRAMES["pact"]
#: verbs of a third party's help to an agreement or talks ("a ceasefire brokered by Egypt")
BROKERING_VERBS = _FRAMES["brokering"]
#: verbs whose subject is the doer of the act their object names ("prepared an attack")
PLANNING_VERBS = _FRAMES["planning"]
#: the types of the acts a planning verb's subject does: force and sanctions
PLANNED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: those expelled whose expulsion reduces relations (CAMEO 166) rather than coerces (174)
DIPLOMATIC_NOUNS = _FRAMES["diplomatic"]
#: nouns of those received as guests ("received a delegation", "received his counterpart")
GUEST_NOUNS = _FRAMES["guest"]
#: the sectors of private people, whom no one receives as a state's guest ("received 300
#: refugees", "the freed hostages were received by their families")
PRIVATE_SECTORS = frozenset({"CVL", "REF"})
#: the entity labels of a time ("on Thursday", "by Monday"), never a preposition's side
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: the kinds of the agents dictionary's nouns of people, not of a body ("government") nor of
#: an outlet ("website", media)
PEOPLE_KINDS = frozenset({"person", "group"})
#: nouns of the agents dictionary's people kinds that name a place or a craft ("a
#: kindergarten in Gaza" is where; the people are elsewhere)
NOT_PEOPLE = _FRAMES["not_people"]
#: kinds of actor that a host shelters (SUPPORT) rather than receives for a visit (CONSULT)
SHELTERED_KINDS = {"armed_group", "organisation", "party", "group", "movement"}
#: verbs whose subject suffered the event in whose course they happened ("wounded in an attack")
HARM_VERBS = _FRAMES["harm"]
#: prepositions of the act in whose course they happened ("wounded in an attack"), and of the
#: act an intransitive one followed from ("died after torture")
HARM_COURSE = _FRAMES["harm_course"]
HARM_CAUSE = _FRAMES["harm_cause"]
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
OBJECT_CONTROL = REQUEST_VERBS | _FRAMES["object_control"]
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
#: nouns of a body's own government or seat that "whose" makes the owner ("whose government")
OWNED_WHOLE = head_words()["owned_whole"]
#: nouns of those who speak or act for whom "for" names ("a spokesman for the army")
SPEAKING_FOR = head_words()["speaking_for"]
#: verbs whose subject holds, makes or sees the owned noun they have for object
HOLDING_VERBS = _MODALITY["holding"]
#: nouns of asking: their infinitive is asked of another ("Dominica's request to waive")
ASKING_NOUNS = _MODALITY["asking"]
HEDGES = _MODALITY["hedge"]
CONDITIONAL_MARKS = _MODALITY["conditional"]
PENDING_MARKS = _MODALITY["pending"]
ALLEGING = _MODALITY["alleging"]
HEARSAY = _MODALITY["hearsay"]
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
#: words that open a question of fact, not of yes or no ("asked why the army had not ...")
WH_QUESTIONS = frozenset({"why", "how", "what", "when", "where", "who"})
#: determiners of a phrase that refers back to something the text told before
DEFINITE = {"the", "this", "that", "these", "those"}
#: pronouns a verb of naming may name an act told before by ("called it a massacre")
ACT_PRONOUNS = ("it", "this", "that")
#: sub-clauses a pattern's extra words never come from
CLAUSAL = {"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "nsubj"}
PARTITIVES = _FRAMES["partitive"]
#: texts an actor issues, and the verbs it issues them with: "X issued a declaration
#: demanding ...", the declaration's demand is X's
DOCUMENT_NOUNS = _FRAMES["document"]
ISSUING_VERBS = _FRAMES["issuing"]
#: nouns that frame an event noun compounded with them ("a mediation effort")
FRAME_NOUNS = _FRAMES["frame"]
#: CAMEO roots of what a state does with its own envoys to another state: reduce relations
#: (16: recall, withdraw, close an embassy) or withdraw (08); a visit to one's own embassy
#: ("the President visited the Embassy of Armenia in the Holy See") is no act on the host
ENVOY_ROOTS = ("16", "08")
#: light verbs that ask for what their object names ("sought refuge": a request for asylum)
ASKING_VERBS = _FRAMES["asking"]
#: nouns whose "of" phrase names what they are about, not a participant: "the true nature of
#: the MKO" is not the MKO
ABSTRACT_HEADS = _FRAMES["abstract_head"]
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
REFLEXIVES = {"himself", "herself", "themselves", "itself"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "theirs"}
#: possessives that make a noun the speaker's or doer's own ("its diplomats", "their troops")
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
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
#: what a verb of naming says its object is: "called Assad a murderer" (oprd), "called the
#: decision unjustified", "declared the vote void"
PREDICATES = ("oprd", "acomp", "xcomp", "attr")
#: attack codes that say nothing of the weapon (assault, fight, conventional force)
GENERIC_ATTACKS = frozenset({"18", "180", "19", "190"})
#: the prepositions that aim a verb at its target with no object ("shot at", "fired on",
#: "called on"): a verb with an actor for its object is not that frame
AIMING_PREPS = frozenset({"at", "on", "upon"})
#: CAMEO's "employ aerial weapons", and the codes an aircraft's attack takes instead: small arms
#: (193), artillery and rockets (194), a killing (1823), property destroyed (1712)
AIR_ATTACK = "195"
AIRBORNE = frozenset({"193", "194", "1823", "1712"})
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
#: sectors of the bodies that arrest and detain, and the CAMEO codes of arresting and detaining
_LAW_ENFORCERS = frozenset({"COP", "JUD", "SPY"})
_ARRESTS = ("173",)
#: entity labels of places
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
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
JOINT_WORDS = _FRAMES["joint"]
#: verbs whose doers named together act on each other ("Indian and Chinese troops clashed"),
#: and words that say they acted together instead ("fought together")
RECIPROCAL_VERBS = _FRAMES["reciprocal"]
NOT_RECIPROCAL = _FRAMES["reciprocal_not"]
#: verbs of fighting whose doers named together fought each other only as a state and its
#: challenger or where "each other" says so; verbs that code a fight only with a force doing it
MUTUAL_ONLY = _FRAMES["reciprocal_mutual"]
FORCE_ONLY = _FRAMES["force_only"]
#: sectors of actors who attack with words: office holders, legislatures, courts, the press,
#: non-governmental and international bodies (not armies, police, rebels or criminals)
SPEAKING_SECTORS = frozenset({"GOV", "LEG", "JUD", "ELI", "MED", "NGO", "IGO"})
#: sectors whose persons attack with words, not their groups ("Awami League activists
#: attacked BNP supporters over the results": a fight)
PERSONS_SPEAKING = frozenset({"PTY", "OPP"})
#: sectors of actors whose attacks are force
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "CRM", "SPY", "INS"})
#: sectors of those who fight in the streets: armed sectors, and protesters (opposition)
FIGHTING_SECTORS = ARMED_SECTORS | {"OPP"}
#: nouns of time: "attacked the convoy for the second time", "over the weekend"
TIME_NOUNS = _FRAMES["time_noun"]
#: nouns a relative clause with no object says how or why of, no object of its verb ("the
#: reason Israel struck", "the way the army attacked")
GAP_NOT_OBJECT = frozenset({"reason", "way", "moment", "place", "extent", "manner"})
#: how far from neutral (dyad.framing.valence, -1 .. 1) a name must be to have a tone
LABEL_TONE_AT = 0.25
#: entities an object named must be or be owned by: who is named, or whose thing
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: CAMEO's "occupy territory"
OCCUPY = "192"
#: the codes of seizing things (1711) and capturing people (173) that seizing or capturing a
#: place is not
_TAKING = ("1711", "173")
#: CAMEO's "complain officially" (114): what a state's "protest" is
COMPLAIN = "114"
#: the words whose demonstrations (140) a state or its bodies make as official complaints
_PROTEST_WORDS = ("protest",)
#: a pattern's subject word that stands for any noun the patterns code as an event
EVENT_SUBJECT = "event"
#: a pattern's subject word that stands for a force's own noun an armed force's or armed
#: group's mention holds (one of ARMIES: "Soviet troops crossed into Afghanistan", "Islamic
#: State fighters pushed into Ramadi"; not refugees, the police, one soldier by his title or
#: name, nor a group by its name: dyad.events.rules.triggers)
ARMED_SUBJECT = "armed"
#: the sectors of armies and armed groups
ARMIES = frozenset({"MIL", "REB", "INS"})
#: currency signs that open a sum ("$100", "NZ$500,000", "€5bn")
_CURRENCY_SIGNS = ("$", "€", "£", "¥", "₹", "₽", "₦")
#: the CAMEO code of a denial of an act (REJECT: "rejects the accusation of it")
DENIAL = "120"
#: prepositions of a time or a circumstance an act of the clause took place in ("after a
#: siege", "during the raid")
_RESTATING = ("after", "during", "following", "amid", "in")
#: nouns of a stretch of time ("four days of fighting")
DURATIONS = _FRAMES["duration"]
#: the CAMEO code of signing an agreement, which an agreement noun codes
_PACT = "057"
#: prepositions whose object a verb acts on ("withdrew from", "reneged on", "abide by"; and
#: "pulled out of"), not those of a time or a circumstance ("after the agreement") nor "of" of
#: a noun ("rumours of a deal")
_ACTED_ON = frozenset({"from", "on", "to", "by", "with", "against"})
#: CAMEO codes of shooting or killing by hand: an office holder alone so killed is
#: assassinated (186); a bombing (183) keeps its code, a beating or a wounding too
SHOOTING_CODES = frozenset({"18", "180", "1823", "190", "193"})
#: sectors of a named person whose killing is an assassination (data/heads.tsv office)
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "PTY"})
#: words a count of people is written with besides its numbers ("at least 18", "some 25",
#: "another 12"), and nouns that count on their own ("dozens", "four others")
_COUNT_MODIFIERS = frozenset({"at", "least", "most", "about", "around", "some", "nearly",
                              "almost", "over", "more", "than", "up", "to", "another"})  # fmt: skip
#: CAMEO roots of acts states do with each other somewhere (intents, consultations,
#: diplomatic and material cooperation): the town they do them in is no side ("agreed on a
#: ceasefire in Moscow"); force and coercion land on the place they are done in
_DONE_TOGETHER = ("03", "04", "05", "06")
#: the codes of agreements made or signed: where two actors or more made one is no side of
#: theirs, and two actors of one state making one are its two sides
_SIGNED_BETWEEN = ("03", "057")
#: CAMEO's bare agreement (030), and the root a joint act refused or not reached turns into
#: (12: "failed to reach agreement"): both are between the sides that agree or fail to
AGREED = "030"
REJECTED = "12"
#: CAMEO's violation of a ceasefire (196), an act against what two sides agreed
VIOLATED_TRUCE = "196"
#: verbs that make a ceasefire an agreement signed somewhere ("signed a ceasefire in Oslo"; a
#: ceasefire announced or declared "in Idlib" is where the fighting stops)
_SIGNING = _FRAMES["signing"]
#: pronouns a relative clause describes by an act ("those who carried out the attacks")
WHO_DID_IT = _FRAMES["who_did_it"]
#: CAMEO's ceasefire (declare a ceasefire)
CEASEFIRE = "0871"
#: the types of acts whose doer is the doer of the attack they are done "in" ("freed the
#: hostages in a raid", "killed 12 militants in air strikes", "arrested 30 in a raid")
_DONE_BY_MEANS = ("ASSAULT", "COERCE", "RETREAT")
#: the words that set a clause at a time of its own ("after", "since", "when")
_OWN_TIME_MARKS = frozenset({"after", "before", "since", "when", "while", "as", "until", "once"})
