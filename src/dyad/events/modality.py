"""Modality and negation scope: the word classes of ``data/modality.tsv`` and the parse rules
that read them, for ``dyad_events``.

The event component walks from an event's trigger up through the verbs (and nouns) whose
mood reaches it; these rules say what a step of that walk does to the event:

- a negative subject ("Nobody wants a war", "Neither Russia nor China recognised") or a noun
  with "no" that the event's clause hangs on ("no evidence that", "no need to", "no plans to",
  "there is nothing to suggest that") negates it, unless the noun affirms ("no doubt that");
- a denial ("denied that X attacked", "denied attacking", "rejected claims that X attacked")
  negates it, and the denier reports it;
- an accusation ("accused X of attacking Y") reports it: the accuser reports, the accused acts;
- "allegedly", "the alleged attack" report it without a reporter;
- a quotation that runs over several sentences is reported by its speaker in all of them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..errors import ConfigError

__all__ = [
    "MODALITY_WORD_KINDS",
    "accusation",
    "alleged",
    "claim_content",
    "denial",
    "denied_content",
    "modality_words",
    "negative_subject",
    "quotations",
    "unfounded",
]

MODALITY_WORD_KINDS = (
    "absence",
    "hearsay",
    "admission",
    "self_moving",
    "from_the_story",
    "experiencer",
    "same_day_as_the_story",
    "day_after_the_story",
    "day_before_the_story",
    "same_year_as_the_story",
    "year_after_the_story",
    "year_before_the_story",
    "same_month_as_the_story",
    "month_after_the_story",
    "judging",
    "paving",
    "cessation",
    "prevention",
    "supposing",
    "perpetrating",
    "inability",
    "not_yet",
    "aim",
    "operation",
    "purpose",
    "occurring",
    "scheduling",
    "prospective",
    "doubtful",
    "intent",
    "wish",
    "predicted",
    "durative",
    "threat",
    "refusal",
    "request",
    "speech",
    "modal_hypothetical",
    "modal_future",
    "deontic",
    "ability",
    "entitlement",
    "owned",
    "holding",
    "asking",
    "hedge",
    "conditional",
    "pending",
    "perceiving",
    "answerable",
    "alleging",
    "nobody",
    "affirming",
    "denial",
    "dismissal",
    "claim",
    "accusation",
    "adverbial",
    "means",
    "circumstance",
    "concurring",
    "phrasal",
    "alternative",
    "counterfactual",
    "purposive",
    "striving",
)
#: prepositions that hang what an accusation attributes on its verb ("accused X of")
ACCUSATION_PREPS = ("of", "with", "for")
#: prepositions that hang a claim's content on it ("reports of an attack", "rumours about")
CLAIM_PREPS = ("of", "about", "over")
#: quotation marks as spaCy tokenises them
QUOTE_MARKS = {'"', "“", "”", "``", "''", "„"}


@cache
def modality_words() -> dict[str, frozenset[str]]:
    """Kind -> words of data/modality.tsv."""
    text = resources.files("dyad.events").joinpath("data", "modality.tsv").read_text("utf-8")
    out: dict[str, set[str]] = {kind: set() for kind in MODALITY_WORD_KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[0] not in out or not fields[1].strip():
            raise ConfigError(f"modality.tsv:{number}: expected 'kind <tab> word', got {line!r}")
        out[fields[0]].add(fields[1].strip().lower())
    return {kind: frozenset(words) for kind, words in out.items()}


def _words(kind: str) -> frozenset[str]:
    return modality_words()[kind]


def _is_negative(token: Token) -> bool:
    """'nobody', 'nothing', 'none'; a noun with 'no' ('no official'); 'neither X nor Y'."""
    if token.lower_ in _words("nobody") and token.lower_ != "no":
        return True
    return any(
        c.dep_ in ("det", "preconj") and c.lower_ in _words("nobody") for c in token.children
    )


def negative_subject(verb: Token) -> bool:
    """Whether the clause of ``verb`` has a negative subject: "Nobody met", "No Iraqi official
    met", "Neither Russia nor China has recognised", "Nothing suggests that"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and _is_negative(c) for c in verb.children)


def unfounded(noun: Token) -> bool:
    """Whether ``noun``, which an event's clause hangs on, says the clause did not happen:
    "no evidence that", "no need to", "no plans to", "no intention of", "nothing to suggest",
    "did not find any evidence that"; "no doubt that" affirms."""
    if noun.pos_ not in ("NOUN", "PRON", "PROPN"):
        return False
    if noun.lemma_.lower() in _words("affirming") or noun.lower_ in _words("affirming"):
        return False
    if _is_negative(noun):
        return True
    anyone = any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children)
    return anyone and any(c.dep_ == "neg" for c in noun.head.children)


def _verb_words(verb: Token) -> set[str]:
    """The verb's lemma, and with each particle or adverb on it ("shoot down", "brush aside")."""
    lemma = verb.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod")}


def denial(verb: Token, relation: str, kinds: tuple[str, ...] = ("denial",)) -> bool:
    """Whether ``verb``, reached from a verbal event by ``relation``, denies it: "denied that X
    attacked", "denied attacking" (a denial that is itself negated denies nothing)."""
    if not any(_verb_words(verb) & _words(kind) for kind in kinds):
        return False
    if relation not in ("ccomp", "xcomp", "dobj", "obj", "pcomp"):
        return False
    return not any(c.dep_ == "neg" for c in verb.children)


def denied_claim(noun: Token) -> Token | None:
    """The verb that denies ``noun``, a claim an event's clause hangs on ("rejected claims that
    X attacked", "dismissed reports that"), else None."""
    if noun.lemma_.lower() not in _words("claim") or noun.dep_ not in ("dobj", "obj"):
        return None
    verb = noun.head
    return verb if denial(verb, "dobj", ("denial", "dismissal")) else None


def denied_content(noun: Token) -> Token | None:
    """The verb that denies a claim whose phrase ``noun`` stands in ("dismissed reports of an
    Iranian attack", "shot down rumours of a deal between X and Y"), else None; a claim's owner
    ("claims by Iran") is no content."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in CLAIM_PREPS:
        return None
    return denied_claim(prep.head)


def claim_content(verb: Token) -> set[int]:
    """The tokens of what a claim denied by ``verb`` says ("rejected claims that Iraq attacked
    the MEK", "dismissed reports of Iranian arms for the Houthis"): its actors are what was
    denied, not whom the denial is aimed at (the claim's owner, "Iran's claims", is)."""
    if not _verb_words(verb) & (_words("denial") | _words("dismissal")):
        return set()
    out: set[int] = set()
    for noun in verb.children:
        if noun.dep_ not in ("dobj", "obj") or noun.lemma_.lower() not in _words("claim"):
            continue
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                continue  # "claims by Iran": the claim's owner, whom the denial is aimed at
            if child.dep_ in ("acl", "ccomp", "relcl", "prep"):
                out.update(t.i for t in child.subtree)
    return out


#: verbs whose infinitive is the act an accusation names ("accused X of trying to kill Y")
_TRYING = frozenset({"try", "attempt", "seek", "plot", "plan", "conspire", "scheme"})


def accusation(trigger: Token) -> Token | None:
    """The verb that accuses someone of the act ``trigger`` heads: "accused Iraq of attacking",
    "charged them with smuggling", "Iraq is suspected of arming", "accused Gulen of
    attempting to kill the president", else None."""
    if (
        trigger.dep_ == "xcomp"
        and trigger.head.dep_ == "pcomp"
        and trigger.head.lemma_.lower() in _TRYING
    ):
        trigger = trigger.head  # (the act tried, plotted or planned is the accused's too)
    prep = trigger.head
    if trigger.dep_ != "pcomp" or prep.lower_ not in ACCUSATION_PREPS:
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _words("accusation") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb


def alleged(trigger: Token) -> bool:
    """Whether an event noun is qualified as alleged ("the alleged attack", "a suspected
    strike"); adverbs ("allegedly attacked") are read on each verb of the walk."""
    return any(c.dep_ == "amod" and c.lower_ in _words("alleging") for c in trigger.children)


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) inside paired quotation marks, in text order: straight marks
    pair up in turn, a curly opening mark with the next closing one."""
    marks = [t.i for t in doc if t.text in QUOTE_MARKS]
    out, i = [], 0
    while i + 1 < len(marks):
        start, end = marks[i], marks[i + 1]
        if doc[start].text == "”":  # a stray closing mark opens nothing
            i += 1
            continue
        out.append((start + 1, end))
        i += 2
    return out
