"""Whose voice: the outlet's own words, or speech it attributes to someone else.

An outlet that quotes a group's enemies ("Tehran said the MEK are terrorists") does not call
the group terrorists itself. Two constructions attribute words to a speaker:

- **direct quotation**: text inside quotation marks (straight or curly), whose speaker is the
  subject of a verb of saying outside the quotation in the same sentence (``“…,” the
  spokesman said``; ``She said: "…"``) or ``according to X``. A quotation that runs over
  several paragraphs (each paragraph opens with a mark, only the last one closes) is one
  quotation; a quotation in the sentence right after an attributed one, with no speaker of
  its own, continues it. A quoted word or short phrase with no verb in it (``the so-called
  "liberation army"``) is the outlet's own scare quote, not somebody's speech, unless it is
  at least ``min_quote_words`` words long;
- **reported speech**: the complement clause of a verb of saying (``Officials said that …``,
  ``Tehran claims the group …``) and what hangs on ``according to X``.

The verbs of saying are the ``speech`` words of the event coder's data
(``dyad/events/data/modality.tsv``), so events and framing agree on who reports what. A
subject in the first person ("we", "I") is the outlet itself; a negative subject ("nobody
says") reports nothing. A designation's labeller is the subject of the designating verb
("Washington designated the MEK a terrorist organisation": Washington's label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..events.modality import modality_words, negative_subject
from ..nlp.words import according_to, text_of

__all__ = ["Speaker", "Voices", "quote_spans", "quoted_speakers", "speaker_of_clause"]

_OPEN = {"“", "„", "«"}
_CLOSE = {"”", "»"}
_STRAIGHT = '"'
#: pronouns that make the outlet itself the speaker
_FIRST_PERSON = {"i", "we", "me", "us"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
#: verbs that apply a label to their object ("designated the MEK a terrorist organisation",
#: "regards the group as terrorists"): the label, and what the clause says of the object, are
#: the subject's
DESIGNATING = frozenset({
    "designate", "label", "brand", "call", "list", "consider", "describe", "dub", "term",
    "classify", "deem", "name", "denounce", "condemn", "regard", "view", "characterise",
    "characterize", "portray", "depict",
})  # fmt: skip


def designation_verb(root: Token) -> Token | None:
    """The designating verb whose object ``root`` is ("designated X a Y", "regards X as Y",
    "X was labelled a Y"), else None."""
    verb = root.head
    if root.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in DESIGNATING:
        return verb
    return raised_designation(root)


def raised_designation(root: Token) -> Token | None:
    """The passive designating verb of "led the group to be labelled as a terrorist
    organisation": an object followed by "to be" and a designating verb with no subject of
    its own (the object is what it designates), else None."""
    end = max(t.i for t in root.subtree) + 1
    if root.dep_ != "dobj" or end >= len(root.doc):
        return None
    to = root.doc[end]
    verb = to.head
    if (
        to.lower_ != "to"
        or to.dep_ != "aux"
        or verb.lemma_.lower() not in DESIGNATING
        or not any(c.dep_ == "auxpass" for c in verb.children)
        or any(c.dep_ in _SUBJECTS for c in verb.children)
    ):
        return None
    return verb


def _designates(verb: Token, root: Token) -> bool:
    """Whether ``verb`` gives its object ``root`` a predicate: "a Y", "as Y"."""
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp", "attr") or (child.dep_ == "dobj" and child.i != root.i):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
    return False


@dataclass(frozen=True)
class Speaker:
    """Who says the words a mention sits in: the speaker's words in the text, the actor they
    name (None when they name none) and how the words are attributed ("quote", "reported")."""

    text: str
    actor: str | None
    how: str


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Character ranges [start, end) inside quotation marks, in text order, each with whether
    it continues into the next range (a paragraph left open, the next one opening again).

    Curly marks and guillemets say which way they face. A mark at the start of a paragraph
    opens; otherwise a straight mark opens when no quotation is open and it does not stand
    after a word and before a space, and closes the open one else. A quotation open at a
    paragraph's end continues when the next paragraph opens with a mark; a closing mark with
    a paragraph break between it and its opening one pairs with nothing (the opening mark was
    unpaired), and a straight one opens instead."""
    out: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for match in re.finditer(r"[\"“”„«»]", text):
        i, mark = match.start(), match.group()
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        line_start = j < 0 or text[j] == "\n"
        if mark in _OPEN or line_start:
            opening = True
        elif mark in _CLOSE:
            opening = False
        elif opened is None:
            after = text[i + 1 : i + 2]
            opening = (
                text[i - 1].isspace()
                or text[i - 1] in "([{—–-/"
                or not (after == "" or after.isspace() or after in ".,;:!?)")
            )
        else:
            opening = "\n" in text[opened:i]  # unpaired before: this one opens
        if opening:
            if opened is not None and line_start:
                paragraph_end = text.find("\n", opened, i)
                if paragraph_end >= 0 and not text[paragraph_end:i].strip():
                    out.append((opened, paragraph_end, True))  # the quote goes on here
            opened = i + 1
        elif opened is not None:
            if "\n" not in text[opened:i]:
                out.append((opened, i, False))
            opened = None
    return out


def _chains(doc: Doc) -> list[list[tuple[int, int]]]:
    """Quotations as token ranges [start, end), the pieces of one multi-paragraph quotation
    in one list."""
    chains: list[list[tuple[int, int]]] = []
    going_on = False
    for start, end, continues in quote_spans(text_of(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        piece = (span.start, span.end)
        if going_on and chains:
            chains[-1].append(piece)
        else:
            chains.append([piece])
        going_on = continues
    return chains


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is coordinated with."""
    for _ in range(4):
        found = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if found is not None and found.tag_ == "WDT" and verb.dep_ == "relcl":
            return verb.head  # "Iran, which regards the group as ...": Iran
        if found is not None:
            return found
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "relcl":
            return verb.head
        else:
            return None
    return None


#: the speaker of a quotation the outlet attributes to itself
_OWN = Speaker("", None, "own")


class _Speakers:
    """The speakers of one document, reading its actor mentions to name them."""

    def __init__(self, doc: Doc, mentions: list[dict], max_speaker_words: int) -> None:
        self.doc = doc
        self.max_words = max_speaker_words
        self.actor_at: dict[int, str] = {}
        for m in mentions:
            if m.get("actor"):
                for i in range(m["token_start"], m["token_end"]):
                    self.actor_at.setdefault(i, m["actor"])
        self.speech = modality_words()["speech"]
        self._sentences: list[Span] | None = None
        self._sentence_of: list[int] = []
        self._verbs: dict[int, list[Token]] = {}

    def speaking(self, verb: Token) -> bool:
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in self.speech

    def sentence(self, i: int) -> Span:
        """The sentence of token ``i`` (Token.sent walks the sentence each time it is read)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
            self._sentence_of = [0] * len(self.doc)
            for k, sent in enumerate(self._sentences):
                self._sentence_of[sent.start : sent.end] = [k] * len(sent)
        return self._sentences[self._sentence_of[i]]

    def speaking_verbs(self, sent: Span) -> list[Token]:
        """The verbs of saying of ``sent``, found once per sentence."""
        if sent.start not in self._verbs:
            self._verbs[sent.start] = [t for t in sent if self.speaking(t)]
        return self._verbs[sent.start]

    def of(self, subject: Token | None, how: str) -> Speaker | None:
        """The speaker a subject names; None for the outlet itself or no one."""
        if subject is None or subject.lower_ in _FIRST_PERSON or subject.lower_ == "it":
            return None
        if negative_subject(subject) if subject.dep_ in _SUBJECTS else False:
            return None
        # the subject's words without its clauses and appositions ("Iran, which ...")
        aside = {t.i for c in subject.children if c.dep_ in ("relcl", "acl", "appos")
                 for t in c.subtree}  # fmt: skip
        words = [t for t in subject.subtree if t.i not in aside]
        actor = next((self.actor_at[t.i] for t in subject.subtree if t.i in self.actor_at), None)
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        if end - start > self.max_words:
            start, end = subject.i, subject.i + 1
        text = self.doc[start:end].text.strip(" ,")
        return Speaker(text, actor, how)


def speaker_of_clause(token: Token, finder: _Speakers) -> Speaker | None:
    """The speaker of the clause ``token`` sits in, through the verbs above it: the subject of a
    verb of saying whose complement holds it, or X of "according to X". Stops at the first
    verb of saying (what a speaker says another said is the nearer speaker's)."""
    current = token
    for _ in range(12):
        head = current.head
        according = according_to(current)
        if according is not None and according.i != token.i:
            return finder.of(according, "reported")
        if head.i == current.i:
            return None
        if current.dep_ == "ccomp" and finder.speaking(head):
            subject = _subject(head)
            if subject is not None and token.i in {t.i for t in subject.subtree}:
                return None
            return finder.of(subject, "reported")
        current = head
    return None


def _quote_speaker(doc: Doc, pieces: list[tuple[int, int]], inside: set[int],
                   finder: _Speakers) -> Speaker | None:  # fmt: skip
    """The speaker of a quotation: a verb of saying outside quotation marks in the sentence of
    any of its pieces' ends, nearest first, or "according to X" there."""
    candidates: list[tuple[int, Token]] = []
    for start, end in pieces:
        sentences: list[Span] = [finder.sentence(start), finder.sentence(end - 1)]
        if end < len(doc):
            sentences.append(finder.sentence(end))
        if start:
            sentences.append(finder.sentence(start - 1))
        for sent in dict.fromkeys(sentences):
            for t in finder.speaking_verbs(sent):
                if t.i not in inside:
                    candidates.append((min(abs(t.i - start), abs(t.i - end)), t))
    for _, verb in sorted(candidates, key=lambda c: c[0]):
        subject = _subject(verb)
        if subject is None or any(t.i in inside for t in subject.subtree):
            continue  # the quoted words are the subject ("the 'cult' said"), not its speech
        return finder.of(subject, "quote") or _OWN  # "'...,' we said": the outlet's own
    for start, _ in pieces:
        for t in finder.sentence(start):
            according = according_to(t) if t.i not in inside else None
            if according is not None:
                return finder.of(according, "quote")
    return None


def _is_speech(doc: Doc, pieces: list[tuple[int, int]], min_words: int) -> bool:
    """A quotation holds speech when it has a verb or is at least ``min_words`` words long:
    a quoted word or two without a verb is a scare quote."""
    tokens = [t for start, end in pieces for t in doc[start:end]]
    words = [t for t in tokens if not t.is_punct]
    return len(words) >= min_words or any(t.pos_ in ("VERB", "AUX") for t in tokens)


def quoted_speakers(doc: Doc, finder: _Speakers, min_quote_words: int) -> dict[int, Speaker]:
    """Token index -> the speaker of the quotation it sits in (tokens of quotations that are
    no one's speech, and of the outlet's own quotations, are absent)."""
    chains = _chains(doc)
    inside = {i for chain in chains for start, end in chain for i in range(start, end)}
    out: dict[int, Speaker] = {}
    previous: tuple[int, Speaker | None] | None = None  # the last quotation's end and speaker
    for chain in chains:
        if not _is_speech(doc, chain, min_quote_words):
            continue
        speaker = _quote_speaker(doc, chain, inside, finder)
        first = doc[chain[0][0]]
        if speaker is None and previous is not None:
            end, before = previous
            # a quotation in the sentence after the last attributed one continues it
            if before is not None and first.sent.start <= doc[end].sent.end:
                speaker = before
        previous = (chain[-1][1] - 1, speaker)
        if speaker is None or speaker is _OWN:
            continue
        for start, end in chain:
            for i in range(start, end):
                out[i] = speaker
    return out


class Voices:
    """Who speaks where in one document: :meth:`of_mention` for the words a mention sits in,
    :meth:`of_designation` for the labeller of a designation."""

    def __init__(
        self, doc: Doc, mentions: list[dict], *, min_quote_words: int, max_speaker_words: int
    ) -> None:
        self.doc = doc
        self.finder = _Speakers(doc, mentions, max_speaker_words)
        self.quoted = quoted_speakers(doc, self.finder, min_quote_words)

    def of_mention(self, mention: dict) -> Speaker | None:
        """The quotation's speaker, else the speaker whose reported clause holds the mention,
        else None: the outlet's own voice."""
        found = self.quoted.get(mention["token_start"])
        if found is not None:
            return found
        root = self.doc[mention["token_start"] : mention["token_end"]].root
        verb = designation_verb(root)
        if verb is not None and _designates(verb, root):
            found = self._designator(root, verb)
            if found is not None:
                return found
        return speaker_of_clause(root, self.finder)

    def _designator(self, root: Token, verb: Token) -> Speaker | None:
        if root.dep_ == "nsubjpass" or verb.i != root.head.i:  # passive; raised object
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        else:
            subject = _subject(verb)
        return self.finder.of(subject, "designation") if subject is not None else None

    def of_designation(self, mention: dict) -> Speaker | None:
        """Who applies a designation to the mention ("Washington designated the MEK a ...",
        "was labelled a cult by Tehran"): the designating verb's subject or agent; else the
        speaker of the words around it (the outlet's own: "we call it a cult")."""
        root = self.doc[mention["token_start"] : mention["token_end"]].root
        found = None
        for clause in root.children:  # "the group which many have described as a cult"
            if clause.dep_ == "relcl" and clause.lemma_.lower() in DESIGNATING:
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.tag_ != "WDT":
                    found = self.finder.of(subject, "designation")
        verb = designation_verb(root)
        if found is None and verb is not None and _designates(verb, root):
            found = self._designator(root, verb)
        return found or self.of_mention(mention)
