"""An event the rule coder reads, and its sides, while it reads them."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..patterns import Pattern


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


@dataclass
class Reading:
    """What the rule coder knows of the Doc it reads: its argument mentions (in text order),
    the mention of each token, the named entity of each token, and what it has found out on
    the way; the component reads a Doc into one, keeps it while the batch's other Docs are
    read, and finishes the Doc's events with it."""

    mentions: list[dict]
    by_token: dict[int, dict]
    entity_of: dict
    #: the mentions' first tokens, where they come in text order (a pronoun looks back from
    #: its place among them), else None
    starts: list[int] | None
    #: whether the sentence starting at a token is a question, as asked so far
    questions: dict[int, bool] = field(default_factory=dict)
    #: the sentences the learned coder scores, when the batch's encoding found them
    scored: list | None = None
