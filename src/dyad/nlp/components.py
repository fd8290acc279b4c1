"""dyad's spaCy components. Each is registered by name and configured from ``default.cfg``.

Components annotate the ``Doc`` only; they never touch the store.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .words import text_of

__all__ = ["HeadlineCase", "ParagraphBreaks", "dateline_spans", "opening_dateline_end"]

#: characters that end a sentence: a run of tokens without one is a single sentence, as far as
#: the cap on a sentence's length is concerned
_SENTENCE_ENDS = frozenset(".!?…")
#: where an overlong run is best cut: after the last of these in its second half
_SOFT_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "--"})


class ParagraphBreaks:
    """Start a sentence after every paragraph break, and never inside a run of newlines; cut
    a run-on sentence into sentences of at most ``max_sentence_tokens`` tokens.

    dyad stores articles as paragraphs separated by blank lines. A headline has no final stop,
    so without this the parser glues it to the first sentence of the body ("... For MEK
    Yesterday, the Iraqi government announced ...") and every later step sees one long
    sentence. Must run before the parser, which keeps boundaries already set.

    The cap is a guard: the parse of one sentence is a tree that dyad's components walk from
    each mention and each verb, so their cost grows faster than a sentence's length, and a
    100,000-character text without a full stop (a list, a scraped table) would stall a run.
    A run of more tokens than the cap with no sentence end (. ! ? …) or line break in it gets
    a sentence start after the last comma, semicolon, colon or dash in the second half of each
    ``max_sentence_tokens`` tokens (after exactly that many when there is none). News sentences
    are far shorter than the cap and are never cut.
    """

    def __init__(self, min_newlines: int, max_sentence_tokens: int) -> None:
        self.min_newlines = min_newlines
        self.max_sentence_tokens = max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        run_start = 0  # the first token of the current run without a sentence end
        soft = -1  # the last soft break in the current run
        cap = self.max_sentence_tokens
        for token in doc[1 : _headline_end(doc, self.min_newlines, cap)]:
            token.is_sent_start = False  # a headline is one sentence, stop or none
        for start in _after_slugs(doc) + [end for _, end in dateline_spans(doc)]:
            doc[start].is_sent_start = True
            if start + 1 < len(doc) and not doc[start].is_punct:
                # nor does its first word make a sentence of its own ("OUAGADOUGOU, June 5 -
                # Gunmen killed ...", which the parser cut after "Gunmen")
                doc[start + 1].is_sent_start = False
        for token in doc[:-1]:
            i = token.i
            if token.is_space and token.text.count("\n") >= self.min_newlines:
                doc[i + 1].is_sent_start = True
                _keep_first_word(doc, i + 1)
                run_start, soft = i + 1, -1
            elif _ends_sentence(token):
                run_start, soft = i + 1, -1
            elif token.text in _SOFT_BREAKS:
                soft = i
            if i + 1 - run_start >= cap:  # the run holds `cap` tokens: the next one starts anew
                cut = soft + 1 if soft >= run_start + cap // 2 else i + 1
                doc[cut].is_sent_start = True
                run_start, soft = cut, -1
        return doc


def _headline_end(doc: Doc, min_newlines: int, cap: int) -> int:
    """The token after a headline opening the text: a first line of at most ``cap`` tokens,
    a paragraph of its own, with no sentence end (. ! ? …) but maybe a last one. The parser
    cuts such a line where it reads a verb's subject after "and" ("Army officer seizes Fiji's
    parliament, detains Prime Minister Bavadra and | his cabinet"), and every later step then
    reads two sentences. 0 for a text opening with anything else."""
    end = 0
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if (
        end < 2
        or end > cap
        or end >= len(doc)
        or doc[end].text.count("\n") < min_newlines
        or any(_ends_sentence(t) for t in doc[: end - 1])
    ):
        return 0
    return end


def _keep_first_word(doc: Doc, start: int) -> None:
    """The word opening a paragraph at ``start`` is no sentence of its own when a word follows
    it on its line: the parser, seeing a forced start, sometimes cuts again after it ("Boko |
    Haram fighters attacked ...", as after a dateline). A one-word line, or a word with a stop
    after it ("Yes."), is left alone."""
    if start + 1 >= len(doc):
        return
    first, second = doc[start], doc[start + 1]
    if first.is_alpha and not (second.is_space or second.is_punct):
        second.is_sent_start = False


def _after_slugs(doc: Doc) -> list[int]:
    """The first token after a wire slug that opens a line ("UPDATE 1-Iraqi forces ...",
    which ingesting a file removes but a text given as is keeps): the headline starts there,
    so the slug is no part of its sentence."""
    from ..ingest.clean import _WIRE_SLUG

    starts = []
    for line in re.finditer(r"^[^\n]+", text_of(doc), re.MULTILINE):
        slug = _WIRE_SLUG.match(line.group())
        if slug is None or slug.end() >= len(line.group().rstrip()):
            continue
        span = doc.char_span(line.start() + slug.end(), line.end(), alignment_mode="expand")
        if span is not None and span.start > 0:
            starts.append(span.start)
    return starts


def dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """(first token, first token after) of each wire dateline opening a line ("BAGHDAD
    (Reuters) -": ``dyad.ingest.clean.WIRE_DATELINE``) with text after it, and of a dateline
    with no agency ("TORONTO — ": ``PLAIN_DATELINE``) or a place not in capitals ("Hanoi
    (VNA) –": ``AGENCY_DATELINE``) opening one of the first two lines with text, a sentence
    in lower case after it (not a headline in capitals): the story starts a
    sentence there, and the dateline's place and agency are no actors of the story."""
    spans = []
    lines = (m for m in re.finditer(r"^[^\n]+", text_of(doc), re.MULTILINE) if m.group().strip())
    for number, line in enumerate(lines):
        span = _dateline_span(doc, line, number)
        if span is not None:
            spans.append(span)
    return spans


def opening_dateline_end(doc: Doc) -> int:
    """The token after a dateline opening the text (:func:`dateline_spans`, read on its first
    line only); 0 when the text opens with none."""
    first = re.match(r"[^\n]+", text_of(doc))
    span = _dateline_span(doc, first, 0) if first is not None and first.group().strip() else None
    return span[1] if span is not None and span[0] == 0 else 0


def _dateline_span(doc: Doc, line: re.Match[str], number: int) -> tuple[int, int] | None:
    """The tokens of the dateline opening ``line``, the ``number``-th line with text."""
    from ..ingest.clean import AGENCY_DATELINE, PLAIN_DATELINE, SHORT_DATELINE, WIRE_DATELINE

    text = line.group()
    found = WIRE_DATELINE.match(text)
    if found is None and number < 2:
        found = PLAIN_DATELINE.match(text) or AGENCY_DATELINE.match(text)
        if found is None and (short := SHORT_DATELINE.match(text)) is not None:
            # "OSLO —", not "PKK —": a state's capital, or a place as the recogniser reads it
            from ..actors.dictionary import capital_names, state_names
            from ..actors.names import normalise

            word = doc.char_span(line.start(), line.start() + 4, alignment_mode="expand")
            region = short.group().split(",")[1].strip(" -—–") if "," in short.group() else ""
            if not re.search("--|—|–", short.group()):
                # a spaced hyphen: only a town of four letters its state's name follows ("TYRE,
                # Lebanon -"), no body or state of its own ("NATO, Russia -", "UAE, Israel -")
                place = (
                    word is not None
                    and len(word[0].text) == 4
                    and word[0].ent_type_ not in ("ORG", "NORP", "PERSON")
                    and normalise(word[0].text) not in state_names()
                    and normalise(region) in state_names()
                )
            else:
                place = word is not None and (
                    word[0].ent_type_ in ("GPE", "LOC")
                    or normalise(word[0].text) in capital_names()
                )
            found = short if place else None
        if found is not None and not any(c.islower() for c in text[found.end() :]):
            found = None
    if found is None or found.end() >= len(text.rstrip()):
        return None
    head = doc.char_span(line.start(), line.start() + found.end(), alignment_mode="expand")
    return (head.start, head.end) if head is not None and head.end < len(doc) else None


def _line_end(doc: Doc, start: int) -> int:
    """Where the headline starting at token ``start`` ends (the token after its last): at the
    end of its line or after its first closing stop."""
    end = start
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
        if _ends_sentence(doc[end - 1]):
            break
    return end


def _ends_sentence(token: Token) -> bool:
    return token.is_punct and not _SENTENCE_ENDS.isdisjoint(token.text)


@Language.factory(
    "dyad_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraph_breaks(
    nlp: Language, name: str, min_newlines: int, max_sentence_tokens: int
) -> ParagraphBreaks:
    return ParagraphBreaks(min_newlines=min_newlines, max_sentence_tokens=max_sentence_tokens)


class HeadlineCase:
    """Parse a headline written in Title Case as if written in sentence case.

    The tagger and parser learnt from text where capitals mark names, so "Turkish Air Force
    Kills 6 PKK Militants" reads as one long name with no verb. A sentence with no closing
    stop (a headline) whose words of ``min_letters`` letters or more all begin with a capital,
    at least ``min_words`` of them capitalised words (not acronyms), is tagged and parsed again
    with those words after its first in lower case ("Turkish air force kills 6 PKK
    militants"); its tags, heads and dependencies replace the first parse. The text, and so
    the entities the NER finds later, are untouched. A headline after a wire slug ("UPDATE
    1-Gunmen kill five policemen") is parsed again alone too: the slug's words mislead the
    tagger and parser even in a sentence of their own; so is the sentence after a dateline
    ("RIYADH (Wire) - Drones struck ...": "Drones" a name). Must run right after the parser.
    """

    def __init__(
        self, nlp: Language, min_words: int, min_letters: int, stand_in_verbs: dict[str, str]
    ) -> None:
        self.nlp = nlp
        self.min_words = min_words
        self.min_letters = min_letters
        self.stand_in_verbs = stand_in_verbs

    def title_case(self, sent: Span) -> bool:
        last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote)), None)
        if last is None or (last.is_punct and not _SENTENCE_ENDS.isdisjoint(last.text)):
            return False
        long = [t.text for t in sent if t.is_alpha and len(t.text) >= self.min_letters]
        titled = [w for w in long if w.istitle()]
        return len(titled) >= self.min_words and all(w[0].isupper() for w in long)

    def __call__(self, doc: Doc) -> Doc:
        # a headline after a slug runs to the end of its line (or its first stop), whatever
        # sentences the parser cut it into
        lines = [doc[start : _line_end(doc, start)] for start in _after_slugs(doc)]
        sents = [(s, self.title_case(s), False) for s in lines]
        # the sentence after a dateline is parsed again alone too when its first word was
        # read as a name that alone it is not: after "RIYADH (Wire) -" the tagger reads
        # "Drones", "Gunmen" as NNP ("Belarusian riot police" keeps the first parse)
        opened = {end for _, end in dateline_spans(doc)}
        for s in doc.sents:
            if any(u.start <= s.start < u.end for u in lines):
                continue
            title = self.title_case(s)
            if title or s.start in opened:
                sents.append((s, title, not title))
        if sents:
            columns = [TAG, HEAD, DEP]
            array = doc.to_array(columns)
            for sent, title, named_first in sents:
                if named_first and sent[0].tag_ not in ("NNP", "NNPS"):
                    continue  # read as no name: nothing to mend, and no second parse paid for
                words = [t.text.lower() if title and k and t.text.istitle() else t.text
                         for k, t in enumerate(sent)]  # fmt: skip
                shadow = self._parse(sent, words)
                if named_first and shadow[0].tag_ not in ("NN", "NNS"):
                    continue  # alone a name too: the first parse stands
                # heads are stored relative to the token, so a sentence's rows move as they are
                array[sent.start : sent.end] = shadow.to_array(columns)
            doc.from_array(columns, array)
        return self._verb_read_as_a_noun(doc)

    def _parse(self, sent: Span, words: list[str]) -> Doc:
        shadow = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for name in ("tok2vec", "tagger", "parser"):
            if name in self.nlp.pipe_names:
                shadow = self.nlp.get_pipe(name)(shadow)
        return shadow

    def _verb_read_as_a_noun(self, doc: Doc) -> Doc:
        """A headline the parser rooted on a noun, with its verb read as a word of a noun
        phrase ("Pakistan arrests Taliban leader in Karachi": "arrests" a modifier of
        "leader"), is parsed again with that word replaced by a verb the parser does not read
        as a noun (``stand_in_verbs``: one for the third person singular, one for the
        plural), and the second parse is kept where it reads the word as the headline's verb,
        with a subject before it and an object after it that a name or a number opens
        ("Taliban leader", "30 villagers"; not "Russia sanctions tracker"); the word keeps its
        own text. The word: the first after the headline's first that the tagger read as a
        verb in the present tense, or as a plural noun in lower case right after a name."""
        columns = [TAG, HEAD, DEP]
        array = None
        for sent in doc.sents:
            last = next((t for t in reversed(sent) if not (t.is_space or t.is_quote)), None)
            if (
                last is None
                or not _SENTENCE_ENDS.isdisjoint(last.text)
                or sent.root.tag_.startswith("VB")
                or len(sent) < 3
            ):
                continue
            verb = next(
                (
                    t
                    for t in sent[1:-1]
                    if t.tag_ in ("VBZ", "VBP")
                    or (t.tag_ == "NNS" and t.is_lower and doc[t.i - 1].tag_ in ("NNP", "NNPS"))
                ),
                None,
            )
            if verb is None:
                continue
            form = "VBZ" if verb.lower_.endswith("s") else "VBP"
            k = verb.i - sent.start
            words = [t.text for t in sent]
            words[k] = self.stand_in_verbs[form]
            shadow = self._parse(sent, words)
            read = shadow[k]
            obj = next((c for c in read.children if c.dep_ == "dobj" and c.i > k), None)
            if not (
                read.dep_ == "ROOT"
                and any(c.dep_ == "nsubj" and c.i < k for c in read.children)
                and obj is not None
                # an object that names someone or counts them ("Taliban leader", "30
                # villagers"), not a thing of a noun phrase ("Russia sanctions tracker",
                # "US sanctions relief for Venezuela")
                and any(t.tag_ in ("NNP", "NNPS", "CD") for t in shadow[obj.left_edge.i : obj.i])
            ):
                continue
            if array is None:
                array = doc.to_array(columns)
            rows = shadow.to_array(columns)
            rows[k, 0] = doc.vocab.strings[form]
            array[sent.start : sent.end] = rows
        if array is not None:
            doc.from_array(columns, array)
        return doc


@Language.factory(
    "dyad_headline_case",
    assigns=["token.tag", "token.head", "token.dep"],
)
def make_headline_case(
    nlp: Language, name: str, min_words: int, min_letters: int, stand_in_verbs: dict[str, str]
) -> HeadlineCase:
    return HeadlineCase(
        nlp, min_words=min_words, min_letters=min_letters, stand_in_verbs=stand_in_verbs
    )


#: nominal subjects: a verb has one (coordinated subjects hang on the first as conj)
_SUBJECTS = ("nsubj", "nsubjpass")


class DanglingPrepositions:
    """Give the first subject of a verb the noun phrase the parser made its second subject.

    The small parser often reads "Forces loyal to Prime Minister Hun Sen forced him out" with
    "to" left empty and "Hun Sen" a second subject of "forced", or "Militiamen loyal to the
    cleric Moqtada al-Sadr clashed" with "Moqtada al-Sadr" a second subject. A verb has one
    nominal subject (coordinated ones hang on the first), so a second subject that follows
    the first's phrase word for word belongs to that phrase: the object of a preposition left
    without one ("to"), else, a name after a role noun of a person (the agents table's), in
    apposition to it ("the cleric"). The verb's subject is then "Forces", "Militiamen", whose
    allegiance says whose they are. It also roots on its verb a sentence the parser rooted
    on its subject ("Turkey, which backs rebel groups, protested to Moscow": _rooted_on_a_noun).
    Runs after the parser (and after dyad_headline_case, which may parse again).
    """

    def __init__(self, person_nouns: frozenset[str]) -> None:
        self.person_nouns = person_nouns

    def __call__(self, doc: Doc) -> Doc:
        repairs = []
        for verb in doc:
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if len(subjects) < 2:
                continue
            first, second = subjects[0], subjects[1]
            edge = first.right_edge
            if second.left_edge.i != edge.i + 1 or edge.i >= second.i:
                continue
            if edge.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in edge.children):
                repairs.append((second.i, edge.i, "pobj"))
            elif (
                edge.lower_ in self.person_nouns
                and second.tag_.startswith("NNP")
                and edge.i != first.i
            ):
                # a name after a noun of a person ("the cleric Moqtada al-Sadr"); not after
                # another noun ("the leader of the opposition Juan Guaido urged": Guaido is
                # the leader) nor a common noun (a headline run on into the text: "in Florida
                # The controversy")
                repairs.append((second.i, edge.i, "appos"))
        repairs += _rooted_on_a_noun(doc)
        if not repairs:
            return doc
        columns = [HEAD, DEP]
        array = doc.to_array(columns)
        for child, head, dep in repairs:
            # heads are stored relative to the token, as unsigned 64-bit integers
            array[child, 0] = (head - child) % 2**64
            array[child, 1] = doc.vocab.strings[dep]
        doc.from_array(columns, array)
        return doc


def _rooted_on_a_noun(doc: Doc) -> list[tuple[int, int, str]]:
    """Repairs of a sentence the parser rooted on its subject: "Turkey, which backs rebel
    groups, protested to Moscow" read as a noun with a relative clause and a past participle
    describing it ("Turkey ... protested to"), where the participle is the sentence's verb and
    the noun its subject. Only a proper noun or noun at the root, a relative clause set off by
    commas after it, then a comma and a past form with no subject of its own (a past
    participle only with an object or an active verb joined to it)."""
    out = []
    for sent in doc.sents:
        noun = sent.root
        if not noun.tag_.startswith("NN"):  # (the tagger's tags: no part of speech yet)
            continue
        relative = next((c for c in noun.children if c.dep_ == "relcl"), None)
        if relative is None:
            continue
        verb = next(
            (
                c
                for c in noun.children
                if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > relative.right_edge.i
            ),
            None,
        )
        if (
            verb is None
            or doc[verb.i - 1].text != ","
            or any(c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in verb.children)
        ):
            continue
        if verb.tag_ == "VBN" and not any(
            c.dep_ == "dobj" or (c.dep_ == "conj" and any(a.dep_ == "aux" for a in c.children))
            for c in verb.children
        ):
            # a participle may describe the noun in a caption ("X, who led Islamic State,
            # killed in US raid"): a verb only with an object of its own or an active verb
            # joined to it ("protested to Moscow and has accused Russia")
            continue
        out += [(verb.i, verb.i, "ROOT"), (noun.i, verb.i, "nsubj")]
    return out


@Language.factory("dyad_dangling_prepositions", assigns=["token.head", "token.dep"])
def make_dangling_prepositions(nlp: Language, name: str) -> DanglingPrepositions:
    from ..actors.dictionary import person_role_nouns

    return DanglingPrepositions(person_role_nouns())
