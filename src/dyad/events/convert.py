"""Convert the PETRARCH-2 CAMEO verb dictionary into dyad's packaged ``phoenix_verbs.tsv.gz``.

Run from a checkout (rerunnable; the output is deterministic for the same input)::

    python -m dyad.events.convert ../shared/data/phoenix

It reads ``CAMEO.verbpatterns.150430.txt`` with PETRARCH's own rules (``&NAME`` synonym sets
of ``+`` lines; ``--- NAME [CODE] ---`` verb blocks whose verbs, ``VERB {forms} [code]`` or
multiword ``+CLEAR_UP``/``WIRE_+TAP``, share the block's code unless they carry their own;
``- before * after [CODE]`` patterns, which PETRARCH applies to every verb of their block and
dyad to the verbs the pattern's comment names as where it was found (``# ABANDON <ab 10 Jul
2003>``), or to every verb of the block when it names none of them; ``$`` source,
``+`` target, ``^`` and ``%`` markers; ``{A B}`` noun phrases and ``(PREP NOUN)`` phrases;
``#`` comments) and writes rows in the format of ``patterns.tsv`` (pos, pattern, cameo): the
verb's lemma, then the words that must hang on it, then a preposition whose object is the
target. What does not map onto that model is dropped, counted and printed (and kept in the
file's header):

- null codes (``---``) and public statements (CAMEO 01, "say", "announce"): no event in dyad;
- patterns with words before the verb ("SAID WOULD NOT * ...") or a target before it: context
  or word order that dyad's patterns do not express;
- patterns whose target is marked inside a phrase ("* + TO JOIN"), or that name the source
  after the verb ("KILLED BY $"): a role dyad reads from the parse, not from the pattern;
- patterns with a function word (auxiliaries, negation, "to", "that") or a second verb: the
  clause around the verb, which dyad's modality and complement rules read instead;
- patterns with a stem or a non-word ("RESUM", "EAS"): dyad matches lemmas and words;
- patterns with more than :data:`MAX_WORDS` words besides the verb: one sentence's wording;
- the verbs of speech (a block or verb coded 01) with all their patterns: what they code is
  what was said, which dyad's reported-speech rules read ("said it will support" is no SUPPORT
  by "say");
- the verbs in :data:`GENERIC_VERBS` (very common verbs with many senses, "take", "give"),
  with all their patterns;
- a verb alone when its code's root is in :data:`PATTERN_ONLY_ROOTS` (PETRARCH's catch-all
  codes for WordNet synonym sets: "expand", "link", "head" as material cooperation, "consider",
  "hear", "collapse" as consultation); its patterns with words are kept;
- a pattern coded differently by two blocks (ambiguous).

The loader (:func:`dyad.events.patterns.load_patterns`) puts dyad's curated ``patterns.tsv``
on top: a verb (or noun) the curated file codes keeps only its curated rows.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..actors.convert import converter_arguments, write_gzipped
from .ontology import plover_type
from .patterns import PREPOSITIONS

__all__ = ["MAX_WORDS", "VERB_FILE", "Block", "convert", "main", "read_verb_blocks"]

VERB_FILE = "CAMEO.verbpatterns.150430.txt"
OUTPUT = "phoenix_verbs.tsv.gz"
SOURCE = "github openeventdata/petrarch2 676801c"
#: the most words a converted pattern has besides its verb (a preposition counts)
MAX_WORDS = 2
#: verbs whose rows are all dropped: the commonest English verbs, with many senses ("take",
#: "give", "hold", "go") and of moving ("head", "push", "pull"); their words hang on them from far ("Given the fact that ... with the
#: support of" is no "give support"), and dyad's light-verb rules read the nouns they carry
GENERIC_VERBS = frozenset({
    "be", "become", "bring", "come", "do", "get", "give", "go", "have", "head", "hold", "keep",
    "leave", "let", "make", "move", "need", "pull", "push", "put", "run", "see", "set", "show",
    "take", "turn", "use", "want",
})  # fmt: skip
#: roots whose verbs code an event only with the words of a pattern ("boost trade"): they are
#: PETRARCH's catch-all codes of WordNet synonym blocks, rarely an event between two actors when
#: the verb stands alone: material cooperation (06: manage, head, boost, link, grant, establish)
#: and consultation (04: go, depart, face, consider, hear, learn, collapse); dyad's curated file
#: has the verbs of meeting and cooperating
PATTERN_ONLY_ROOTS = frozenset(["04", "06"])
#: words that mark the clause around a verb (auxiliaries, negation, complementisers, pronouns)
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "to", "not", "no", "never", "nor", "n't", "that", "which", "who", "whom",
    "whose", "what", "whether", "if", "as", "than", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "is", "are", "am", "was", "were", "be", "been", "being",
    "has", "have", "had", "do", "does", "did", "it", "its", "it's", "they", "them", "their",
    "he", "him", "his", "she", "her", "we", "us", "our", "i", "me", "my", "you", "your", "this",
    "these", "those", "there", "here", "and", "or", "but", "so", "also", "very", "more", "most",
    "any", "some", "all", "each", "every", "other", "such", "only", "own", "same", "too", "just",
})  # fmt: skip
#: a verb block's header: "--- NAME [CODE] ---", or with no code "--- NAME  ###" (four blocks of
#: the 150430 file: DEFEND, REVOKE_, SEND, COLLAPSE), whose verbs alone code nothing
_BLOCK = re.compile(r"^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*(?:---|###)")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")


@dataclass
class Verb:
    """One verb of a block: its lemma, the words of a multiword verb, its own code."""

    lemma: str
    words: tuple[str, ...]
    code: str | None
    line: int


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    #: (text, code, verbs its comment names): "- * &CEASEFIRE [196]  # ABANDON <ab 10 Jul 2003>"
    patterns: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)


def _code(text: str) -> str | None:
    """A pattern's CAMEO code: the first of ``[190:190]``; None for the null code ``---``."""
    first = text.split(":")[0].strip()
    return first if first.isdigit() else None


def read_verb_blocks(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (name -> phrases, lower case, words space-separated) and verb blocks."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _BLOCK.match(raw.strip())
        if header:
            blocks.append(Block(header.group(1), _code(header.group(2) or "---")))
            current_set = None
            continue
        line, _, comment = (part.strip() for part in raw.partition("#"))
        if not line or line.startswith("~"):
            continue
        if line.startswith("&"):
            current_set = synsets.setdefault(line[1:].strip().rstrip("_").upper(), [])
            continue
        if current_set is not None and not blocks:
            if line.startswith("+"):
                current_set.append(" ".join(line[1:].replace("_", " ").lower().split()))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            code = _CODE.search(line)
            if code is not None:
                named = tuple(
                    m.group(1).replace("_", " ").lstrip("+").lower()
                    for m in re.finditer(r"(?:^|,)\s*([A-Z][A-Z_+-]*)\b", comment)
                )
                block.patterns.append((line[1 : code.start()].strip(), code.group(1), named))
            continue
        verb = _read_verb(line, number)
        if verb is not None:
            block.verbs.append(verb)
    return synsets, blocks


def _read_verb(line: str, number: int) -> Verb | None:
    # (three verb lines end in a note after ";", not "#": "OVERTHROW {...};oy 29 Nov 2005"
    # was the verb "overthrow" needing the words ";oy 29 nov 2005", so never matched)
    line = line.split(";", 1)[0].strip()
    code = _CODE.search(line)
    own = _code(code.group(1)) if code else None
    if code is not None and own is None:  # "LOCK [---]": the isolated verb codes nothing
        own = "---"
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", line).strip()
    if not head:
        return None
    parts = head.replace("_", " ").split()
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    at = marked[0] if marked else 0
    words = [p.lstrip("+").lower() for p in parts]
    verb = words.pop(at)
    return Verb(verb, tuple(w for w in words if w), own, number)


def _tokens(text: str) -> list[str]:
    """A pattern's tokens with ``{A B}`` and ``(PREP NOUN)`` groups opened into words."""
    return text.replace("{", " ").replace("}", " ").replace("(", " ").replace(")", " ").split()


@dataclass(frozen=True)
class Row:
    lemma: str
    words: tuple[str, ...]
    prep: str | None
    cameo: str

    @property
    def key(self) -> tuple[str, ...]:
        return (self.lemma, *self.words, self.prep or "")

    def text(self) -> str:
        return " ".join((self.lemma, *self.words, *((self.prep,) if self.prep else ())))


def _expand(tokens: list[str], synsets: dict[str, list[str]]) -> Iterator[list[str]] | None:
    """Every reading of the tokens with each ``&SET`` replaced by one of its phrases; None when a
    set is undefined (PETRARCH ignores such a pattern)."""
    readings: list[list[str]] = [[]]
    for token in tokens:
        if token.startswith("&"):
            name = token[1:].rstrip("_").upper()
            if name not in synsets:
                return None
            readings = [r + phrase.split() for r in readings for phrase in synsets[name]]
        else:
            readings = [r + token.replace("_", " ").lower().split() for r in readings]
    return iter(readings)


def _pattern_rows(
    text: str, synsets: dict[str, list[str]], known: Callable[[str], str | None], counts: Counter
) -> list[tuple[tuple[str, ...], str | None]]:
    """(words, prep) readings of one pattern's text, or [] with the reason counted."""
    before, star, after = text.partition("*")
    if not star:
        counts["patterns without a verb (*)"] += 1
        return []
    before_tokens = _tokens(before)
    if any(t not in ("$", "^", "%") for t in before_tokens):
        counts["patterns with words or a target before the verb"] += 1
        return []
    tokens = [t for t in _tokens(after.replace("*", " ")) if t not in ("^", "%")]
    if "$" in tokens:
        counts["patterns naming the source after the verb"] += 1
        return []
    prep = None
    if "+" in tokens:
        at = tokens.index("+")
        if tokens.count("+") == 1 and at == len(tokens) - 1 and at > 0:
            word = tokens[at - 1].lower()
            if word in PREPOSITIONS:
                prep = word
                tokens = tokens[: at - 1]
            else:
                counts["patterns whose target is marked inside a phrase"] += 1
                return []
        elif tokens.count("+") == 1 and at == 0:
            tokens = tokens[1:]  # "* + ...": the target is the object, as dyad reads it anyway
            if any(t.lower() in PREPOSITIONS for t in tokens):
                counts["patterns whose target is marked inside a phrase"] += 1
                return []
        else:
            counts["patterns whose target is marked inside a phrase"] += 1
            return []
    readings = _expand(tokens, synsets)
    if readings is None:
        counts["patterns with an undefined synonym set"] += 1
        return []
    out, reasons = [], Counter()
    for words in readings:
        if not words and prep is None:
            reasons["patterns with no words (the verb alone)"] += 1
            continue
        if len(words) + (prep is not None) > MAX_WORDS:
            reasons[f"patterns of more than {MAX_WORDS} words besides the verb"] += 1
            continue
        if any(w in FUNCTION_WORDS for w in words):
            reasons["patterns with a function word (auxiliary, negation, 'to')"] += 1
            continue
        lemmas = [known(w) for w in words]
        if any(lemma is None for lemma in lemmas):
            reasons["patterns with a stem, a name or a second verb"] += 1
            continue
        out.append((tuple(lemma for lemma in lemmas if lemma), prep))
    if not out and reasons:  # a pattern is dropped for the reason of its first reading
        counts[next(iter(reasons))] += 1
    return out


def convert(
    text: str,
    known: Callable[[str], str | None],
    verb_lemma: Callable[[str], str],
) -> tuple[list[Row], Counter]:
    """Rows of dyad patterns from a PETRARCH verb dictionary's text.

    ``known(word)`` gives a pattern word's lemma (a noun's, adjective's or particle's), or None
    for a word dyad cannot match (a stem, a name, a word that is only a verb);
    ``verb_lemma(word)`` gives a verb's lemma."""
    counts: Counter = Counter()
    synsets, blocks = read_verb_blocks(text)
    counts["synonym sets read"] = len(synsets)
    counts["verb blocks read"] = len(blocks)
    found: dict[tuple[str, ...], Row] = {}
    ambiguous: set[tuple[str, ...]] = set()

    def add(row: Row) -> None:
        if row.key in ambiguous:
            return
        if row.key in found and found[row.key].cameo[:2] != row.cameo[:2]:
            ambiguous.add(row.key)
            del found[row.key]
            counts["patterns coded with two event roots by two blocks (ambiguous)"] += 1
        else:
            found.setdefault(row.key, row)

    for block in blocks:
        verbs = []
        for verb in block.verbs:
            counts["verbs read"] += 1
            lemma = verb_lemma(verb.lemma)
            words = [known(w) for w in verb.words]
            if lemma in GENERIC_VERBS:
                counts["generic verbs (with all their patterns)"] += 1
                continue
            if any(w in FUNCTION_WORDS or known(w) is None for w in verb.words):
                counts["multiword verbs with a function word or a non-word"] += 1
                continue
            code = verb.code or block.code
            if code is not None and code != "---" and plover_type(code) is None:
                # a verb of speech ("say", "announce"): what it codes is what was said, the
                # clause dyad's reported-speech rules read, so none of its patterns is kept
                counts["verbs of public statements (CAMEO 01), with their patterns"] += 1
                continue
            verbs.append((lemma, tuple(w for w in words if w)))
            if code is None or code == "---":
                counts["verbs that code nothing alone (null code)"] += 1
            elif code[:2] in PATTERN_ONLY_ROOTS:
                counts["verbs alone coded with a catch-all root (04, 06)"] += 1
            else:
                add(Row(lemma, tuple(w for w in words if w), None, code))
        for text_, code_text, named in block.patterns:
            counts["patterns read"] += 1
            code = _code(code_text)
            if code is None:
                counts["patterns with the null code (---)"] += 1
                continue
            if plover_type(code) is None:
                counts["patterns of public statements (CAMEO 01)"] += 1
                continue
            # the verbs the comment names as where the pattern was found, if the block has them
            names = {_verb_name(n, verb_lemma) for n in named}
            attested = [v for v in verbs if " ".join((v[0], *v[1])) in names] or verbs
            for words, prep in _pattern_rows(text_, synsets, known, counts):
                counts["pattern readings kept"] += 1
                for lemma, verb_words in attested:
                    if len(verb_words) + len(words) + (prep is not None) <= MAX_WORDS + 1:
                        add(Row(lemma, (*verb_words, *words), prep, code))
    rows = sorted(found.values(), key=lambda r: r.key)
    counts["rows written"] = len(rows)
    return rows, counts


def _verb_name(name: str, verb_lemma: Callable[[str], str]) -> str:
    """A verb as a comment names it ("SHELLED", "FIGHT BACK") in the form of a block's verb."""
    first, _, rest = name.partition(" ")
    return " ".join(w for w in (verb_lemma(first), rest) if w)


def spacy_lemmas() -> tuple[Callable[[str], str | None], Callable[[str], str]]:
    """``known`` and ``verb_lemma`` for :func:`convert`, from the spaCy model's lemmatizer
    (rules, exceptions and the WordNet index of lemmas)."""
    import spacy
    from spacy.tokens import Doc

    from ..config import load_settings

    nlp = spacy.load(load_settings().model)
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    nouns = set(index.get("noun", [])) | set(index.get("adj", [])) | set(index.get("adv", []))
    verbs = set(index.get("verb", []))

    def lemma(word: str, pos: str) -> str:
        doc = Doc(nlp.vocab, words=[word])
        doc[0].pos_ = pos
        return lemmatizer.rule_lemmatize(doc[0])[0]

    def known(word: str) -> str | None:
        if word in PREPOSITIONS or word in ("up", "down", "off", "out", "over", "back", "away"):
            return word
        for pos in ("NOUN", "ADJ"):
            found = lemma(word, pos)
            if found in nouns:
                return found
        return None  # a stem, a name, or a word that is only a verb

    def verb_lemma(word: str) -> str:
        found = lemma(word, "VERB")
        return found if found in verbs else word

    return known, verb_lemma


def write_rows(path: Path, rows: list[Row], counts: Counter, source: str) -> None:
    header = [
        "# Converted by `python -m dyad.events.convert` from the PETRARCH-2 CAMEO verb dictionary",
        f"# ({VERB_FILE}, {source}); Copyright (c) 2015 Open Event Data Alliance,",
        "# MIT licence: see PHOENIX-LICENSE beside this file. Format of patterns.tsv (pos, pattern,",
        "# cameo); patterns.tsv (curated) wins: a verb it codes keeps only its rows there.",
        *(f"# {n:>7}  {what}" for what, n in sorted(counts.items())),
    ]
    write_gzipped(path, [*header, *(f"V\t{r.text()}\t{r.cameo}" for r in rows)])


def main(argv: list[str] | None = None) -> int:
    args = converter_arguments(
        argv, "dyad.events.convert", __doc__, "the PETRARCH-2 verb dictionary", OUTPUT
    )
    missing = [f for f in (VERB_FILE, "LICENSE") if not (args.source / f).is_file()]
    if missing:
        print(f"{args.source} lacks {', '.join(missing)}; pass the Phoenix dictionary folder",
              file=sys.stderr)  # fmt: skip
        return 2
    text = (args.source / VERB_FILE).read_text(encoding="utf-8", errors="replace")
    known, verb_lemma = spacy_lemmas()
    rows, counts = convert(text, known, verb_lemma)
    args.out.mkdir(parents=True, exist_ok=True)
    write_rows(args.out / OUTPUT, rows, counts, SOURCE)
    license_text = (args.source / "LICENSE").read_text(encoding="utf-8")
    (args.out / "PHOENIX-LICENSE").write_text(license_text, encoding="utf-8")
    for what, n in sorted(counts.items()):
        print(f"{n:>7}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
