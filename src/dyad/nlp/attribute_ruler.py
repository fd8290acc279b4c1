"""spaCy's attribute_ruler, matched by index instead of by spaCy's Matcher: the same matches,
so the same POS, morphology and lemmas, in a third to a tenth of the time.

The English models' attribute_ruler holds 180 token patterns (tag → POS and morphology,
"n't" → "not", "gon na" → "go to", ...). spaCy's Matcher starts every pattern at every token,
so it tries 180 patterns per token: on real news (205 articles) that was 1.6 s of CPU, 5% of
dyad's run, about as much as the lemmatizer. Almost every pattern names the exact word or tag of its
first token, so here each pattern waits under that word or tag and a token tries only the few
that can match it. The matches are handed to the ruler's own ``set_annotations`` in the order
its ``match`` gives them (by rule), so the ruler writes exactly what it would have written.

A pattern of another form (an operator such as ``OP``, another attribute, a predicate other
than equality, IN, NOT_IN, REGEX) leaves the ruler to spaCy's Matcher, unchanged.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc

__all__ = ["index_attribute_ruler"]

#: the token attributes the index reads, as columns of Doc.to_array
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [LOWER, TAG, DEP, IS_SPACE]
#: the first token's attributes a pattern may wait under, the most selective first
_ANCHORS = ("LOWER", "TAG", "DEP")


class _Unsupported(ValueError):
    """A pattern the index cannot match exactly as spaCy's Matcher does."""


class IndexedMatch:
    """A drop-in for ``AttributeRuler.match``: the same (rule, match id, start, end) list.

    Whether a token starts a match depends only on its word, tag, dependency and whether it
    is space, so the rules that a token of those four values matches alone (and the longer
    patterns whose first token it passes) are worked out once and remembered: news repeats
    the same few thousand combinations."""

    #: combinations remembered at most (then forgotten all at once and relearnt)
    MEMO_SIZE = 200_000

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.by_value: list[dict[int, list]] = [{} for _ in _ANCHORS]
        self.everywhere: list = []  # patterns with no anchor: tried at every token
        for rule, group in enumerate(ruler.patterns):
            match_id = strings[str(rule)]
            for pattern in group["patterns"]:
                tests = [_token_tests(token, strings) for token in pattern]
                entry = (rule, match_id, tests)
                anchor = _anchor(pattern[0], strings)
                if anchor is None:
                    self.everywhere.append(entry)
                else:
                    column, values = anchor
                    for value in values:
                        self.by_value[column].setdefault(value, []).append(entry)
        self.memo: dict[tuple, tuple[list, list]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(_ARRAY).tolist() if len(doc) else []
        memo = self.memo
        found: list[tuple[int, int, int, int]] = []
        add = found.append
        for start, key in enumerate(map(tuple, rows)):
            known = memo.get(key)
            if known is None:
                if len(memo) >= self.MEMO_SIZE:
                    memo.clear()
                known = memo[key] = self._first_token(key)
            alone, longer = known
            for rule, match_id in alone:
                add((rule, match_id, start, start + 1))
            if longer:
                for rule, match_id, tests in longer:
                    end = start + len(tests)
                    if end <= len(rows) and all(
                        self._passes(tests[k], rows[start + k]) for k in range(1, len(tests))
                    ):
                        add((rule, match_id, start, end))
        return sorted(set(found))

    def _first_token(self, row: tuple[int, ...]) -> tuple[list, list]:
        """The rules a token of this row matches alone, and the longer patterns whose first
        token it passes."""
        candidates = list(self.everywhere)
        for column, index in enumerate(self.by_value):
            candidates += index.get(row[column], ())
        alone, longer = set(), []
        for rule, match_id, tests in candidates:
            if self._passes(tests[0], row):
                if len(tests) == 1:
                    alone.add((rule, match_id))
                else:
                    longer.append((rule, match_id, tests))
        return sorted(alone), longer

    def _passes(self, tests, row) -> bool:
        for column, kind, value in tests:
            have = row[column]
            if kind == "eq":
                if have != value:
                    return False
            elif kind == "in":
                if have not in value:
                    return False
            elif kind == "not_in":
                if have in value:
                    return False
            elif value.search(self.strings[have]) is None:  # regex, on the string
                return False
        return True


def _token_tests(token: dict, strings) -> list[tuple[int, str, object]]:
    """One pattern token as (column, kind, value) tests on Doc.to_array's hashes."""
    tests = []
    for attr, spec in token.items():
        if attr not in _COLUMNS:
            raise _Unsupported(attr)
        column = _COLUMNS[attr]
        if attr == "IS_SPACE":
            if not isinstance(spec, bool):
                raise _Unsupported(attr)
            tests.append((column, "eq", int(spec)))
        elif isinstance(spec, str):
            tests.append((column, "eq", strings.add(spec)))
        elif isinstance(spec, dict) and len(spec) == 1:
            (kind, value), = spec.items()  # fmt: skip
            if kind in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
                tests.append((column, kind.lower(), frozenset(strings.add(v) for v in value)))
            elif kind == "REGEX" and isinstance(value, str):
                tests.append((column, "regex", re.compile(value)))
            else:
                raise _Unsupported(f"{attr} {kind}")
        else:
            raise _Unsupported(attr)
    return tests


def _anchor(token: dict, strings) -> tuple[int, list[int]] | None:
    """The first of _ANCHORS the token needs to equal one of a few values, as (index into
    IndexedMatch.by_value, the values' hashes)."""
    for column, attr in enumerate(_ANCHORS):
        spec = token.get(attr)
        if isinstance(spec, str):
            return column, [strings.add(spec)]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return column, [strings.add(v) for v in spec["IN"]]
    return None


def index_attribute_ruler(nlp) -> bool:
    """Match ``nlp``'s attribute_ruler by index (see the module's docstring); False, and the
    ruler left as it is, when the model has none or one of its patterns is of another form."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = IndexedMatch(ruler)
    except _Unsupported:
        return False
    return True
