"""Name keys: exact (case- and punctuation-insensitive) and a transliteration-tolerant skeleton.

Arabic and Persian names reach English news in many spellings: Mojahedin, Mujahedin,
Mujahedeen, Mujahadeen; al-Sadr, Al-Sadr, as-Sadr; Nouri, Nuri. ``skeleton`` maps such
variants to one key by dropping vowels after the first letter, article particles and
doubled letters, and folding letters that transliterations swap (q/k, w/v, ph/f).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "FAMILY_FIRST", "PARTICLES", "TITLES", "TITLE_WORDS", "normalise", "skeleton", "strip_titles",
    "variant_key",
    "variant_of_skeleton",
]  # fmt: skip

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "–": "-", "—": "-", "‐": "-"}
)
#: connecting particles of transliterated names: al-, el-, e-, -e-, ud-, bin ...
PARTICLES = {
    "al",
    "el",
    "ul",
    "ol",
    "as",
    "ad",
    "ash",
    "at",
    "az",
    "an",
    "e",
    "ye",
    "i",
    "ud",
    "ud-din",
    "the",
    "of",
    "s",
}
#: words that precede a name without being part of it
TITLES = {
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "sec",
    "sec.",
    "senator",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "representative",
    "gen",
    "gen.",
    "general",
    "lt",
    "lt.",
    "col",
    "col.",
    "colonel",
    "capt",
    "capt.",
    "captain",
    "major",
    "maj",
    "maj.",
    "admiral",
    "commander",
    "chief",
    "leader",
    "supreme",
    "grand",
    "ayatollah",
    "sheikh",
    "shaikh",
    "sayyed",
    "sayyid",
    "imam",
    "mufti",
    "mullah",
    "cleric",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "king",
    "queen",
    "crown",
    "prince",
    "princess",
    "emir",
    "sultan",
    "governor",
    "gov",
    "gov.",
    "mayor",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "former",
    "late",
    "national",
    "security",
    "adviser",
    "advisor",
    "state",
    "deputy",
    "speaker",
    "judge",
    "justice",
    "attorney",
    "first",
    "lady",
    "pope",
    "cardinal",
    "bishop",
    "shah",
    "caliph",
    "premier",
    "sgt",
    "sgt.",
    "sergeant",
    "detective",
    "det",
    "det.",
    "inspector",
    "constable",
    "sheriff",
    "trooper",
    "corporal",
    "cpl",
    "cpl.",
    "alderman",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
}
#: the most letters of a family name written before the given name ("Ma", "Xi", "Kim",
#: "Moon", "Zhang"): a longer first word of a person's name is a given name, or a place's
#: the recogniser took for a person's ("Manchester Arena")
FAMILY_FIRST = 5
#: TITLES without abbreviation dots, to compare with a token's lowercase text
TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_THE = re.compile(r"^the\s+")
_POSSESSIVE_END = re.compile(r"\s*'s?$")


@lru_cache(maxsize=1 << 16)  # a news article names the same few actors again and again
def normalise(text: str) -> str:
    """Case-folded, accent-free, single-spaced; no leading "the", no trailing possessive."""
    text = " ".join(_fold(text).split()).casefold()
    text = _THE.sub("", text)
    text = _POSSESSIVE_END.sub("", text)
    return text.strip(" .,;:")


def strip_titles(text: str) -> str:
    """'Iraqi President Saddam Hussein' -> 'Saddam Hussein' (demonyms are removed by the caller)."""
    words = text.split()
    while len(words) > 1 and words[0].casefold().rstrip(",") in TITLES:
        words.pop(0)
    return " ".join(words)


_LETTER_FOLDS = [
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("q", "k"),
    ("w", "v"),
    ("c", "k"),
    ("z", "s"),
    ("dh", "d"),
    ("th", "t"),
]


_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"(\w)s?'s?(?=\s|$)")
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
_WORD_BREAKS = re.compile(r"[\s\-'.]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _skeleton_word(word: str) -> str:
    for a, b in _LETTER_FOLDS:
        word = word.replace(a, b)
    if not word:
        return ""
    head, rest = word[0], _VOWELS.sub("", word[1:])
    folded = head + rest
    return _REPEATS.sub(r"\1", folded)


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    """Transliteration-tolerant key: 'Mujahedeen-e Khalq' and 'Mojahedin-e-Khalq' -> 'mjhdn klk'."""
    # possessive spellings of one name: "Worker's", "Workers'", "Workers" -> "workers"
    text = _POSSESSIVE.sub(r"\1s", normalise(text))
    # an apostrophe inside a word marks an ayn or hamza some spellings write and others leave
    # out: "Qa'ida" = "Qaida", "Da'esh" = "Daesh", "Shi'ite" = "Shiite"
    text = _INNER_APOSTROPHE.sub("", text)
    words = _WORD_BREAKS.split(text)
    kept = [w for w in (_NOT_ALNUM.sub("", w) for w in words) if w and w not in PARTICLES]
    return " ".join(filter(None, (_skeleton_word(w) for w in kept)))


def thin_skeleton(text: str) -> bool:
    """Whether a word of four letters or more has a skeleton of one letter ("Dauda", "Didi":
    "d"), too little to tell it from other names by; a short word's ("Hee", "Xi") is no loss."""
    return any(len(w) >= 4 and len(_skeleton_word(w)) == 1 for w in _name_words(text))


def short_vowels(text: str) -> tuple[str, ...]:
    """The first vowel after the first letter of each word of four letters or more whose
    skeleton is two letters: what tells such words apart that the skeleton drops ("Hani" and
    "Huhne" are both "hn"; review 51 found Chris Hani as Chris Huhne), while spellings of one
    such word keep it ("Qaida", "Qaeda": "a")."""
    found = []
    for word in _name_words(text):
        if len(word) >= 4 and len(_skeleton_word(word)) == 2:
            vowels = _VOWELS.findall(word[1:])
            found.append(_VOWEL_CLASS.get(vowels[0][0], "") if vowels else "")
    return tuple(found)


#: vowels transliterations swap, as one class each: "Musa" and "Moussa", "Aziz" and "Azeez"
#: keep theirs; "Hani" and "Huhne" do not (second read)
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


def _name_words(text: str) -> list[str]:
    text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub(r"\1s", normalise(text)))
    words = (_NOT_ALNUM.sub("", w) for w in _WORD_BREAKS.split(text))
    return [w for w in words if w and w not in PARTICLES]


#: "Abdel", "Abdul", "Abdal" (skeleton "abdl"; "Abd al-" is "abd", its particle dropped)
_ABD = re.compile(r"^abdl")
#: first letters transliterations swap: Ibrahim/Ebrahim, Omar/Umar
_FIRST_VOWELS = str.maketrans("eo", "iu")


def variant_key(text: str) -> str:
    """A looser key than :func:`skeleton` for Arabic-origin personal names, for a look-up that
    has failed on both: "Abd al-Fattah" = "Abdel Fattah" = "Abdelfattah", "Abdul Aziz" =
    "Abdelaziz", "Ibrahim" = "Ebrahim", "ibn" = "bin". An "abd(e/u)l" word or prefix is "abd",
    joined to the next word ("abd" + "fth", its first vowel dropped); a word's first e/o is
    i/u. Words stay words: "Cui Tiankai" is not "Kakuei Tanaka"."""
    return variant_of_skeleton(skeleton(text))


def variant_of_skeleton(key: str) -> str:
    """:func:`variant_key` of a name whose :func:`skeleton` is ``key``."""
    joined: list[str] = []
    for word in key.split():
        word = _ABD.sub("abd", word)
        word = "bn" if word == "ibn" else word[0].translate(_FIRST_VOWELS) + word[1:]
        if joined and joined[-1] == "abd":
            joined[-1] += word[1:] if word[0] in "aeiu" else word
        else:
            joined.append(word)
    return " ".join(re.sub(r"(.)\1+", r"\1", w) for w in joined)
