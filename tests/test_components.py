"""dyad's spaCy components, on hand-built Docs (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import dyad.nlp.components  # noqa: F401  (registers the factories)
from dyad.config import load_settings

#: the component's settings as default.cfg gives them (factory and placement left out)
PARAGRAPHS = {
    key: load_settings().value(f"nlp.components.dyad_paragraphs.{key}")
    for key in ("min_newlines", "max_sentence_tokens")
}


def forced_starts(doc: Doc) -> list[str]:
    """Tokens after the first whose sentence start was set (not left to the parser)."""
    return [t.text for t in doc[1:] if t.is_sent_start is True]


def test_paragraph_breaks_start_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dyad_paragraphs", config=PARAGRAPHS)
    doc = nlp("Headline Without A Stop\n\nThe body starts here. It goes on.\n\nA second paragraph")
    assert forced_starts(doc) == ["The", "A"]


def test_paragraph_breaks_leave_other_tokens_undecided() -> None:
    words = ["One", "sentence", "here", ".", "Two", "\n\n", "Three"]
    spaces = [True, True, False, True, False, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    doc = spacy.blank("en").add_pipe("dyad_paragraphs", config=PARAGRAPHS)(doc)
    assert doc[6].is_sent_start is True
    assert doc[4].is_sent_start is None  # left for the parser to decide


def test_a_paragraphs_first_word_is_no_sentence_of_its_own() -> None:
    # "Rebels attack town\n\nBoko | Haram fighters attacked ...": the parser cut after the
    # forced start; the word after it is set to continue the sentence
    def starts(words: list[str]) -> list:
        doc = Doc(spacy.blank("en").vocab, words=words, spaces=[False] * len(words))
        doc = spacy.blank("en").add_pipe("dyad_paragraphs", config=PARAGRAPHS)(doc)
        return [t.is_sent_start for t in doc]

    assert starts(["Head", "\n\n", "Boko", "Haram", "fighters"])[2:4] == [True, False]
    # negatives: a word and its stop ("Yes."), a one-word line, are left to the parser
    assert starts(["Head", "\n\n", "Yes", ".", "It"])[3:] == [None, None]
    assert starts(["Head", "\n\n", "Update", "\n\n", "It"])[3] is None


def test_the_parser_keeps_a_paragraphs_first_word_in_its_sentence(nlp) -> None:
    doc = nlp(
        "Rebels attack town\n\nBoko Haram fighters attacked the town of Dikwa in Borno State "
        "on Tuesday, killing 12 people, police said."
    )
    assert [s.text.strip()[:10] for s in doc.sents] == ["Rebels att", "Boko Haram"]


def test_min_newlines_setting() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dyad_paragraphs", config={**PARAGRAPHS, "min_newlines": 2})
    doc = nlp("Line one\nline two\n\nParagraph two")
    assert forced_starts(doc) == ["Paragraph"]


def test_parser_keeps_the_boundaries(nlp) -> None:
    assert nlp.pipe_names.index("dyad_paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp(
        "Iraqi Gov't: 'Remaining In Iraq Is Not An Option' For MEK\n\nYesterday, the Iraqi "
        "government announced its intention to expel the group."
    )
    first, second = list(doc.sents)[:2]
    assert first.text.strip().endswith("For MEK")
    assert second.text.startswith("Yesterday")


def test_text_of_is_the_docs_text_joined_once() -> None:
    import gc
    import weakref

    from dyad.nlp import words

    nlp = spacy.blank("en")
    doc = nlp("Iran accused Iraq.\n\nThe MEK denied it.  ")
    assert words.text_of(doc) == doc.text
    assert words.text_of(doc) is words.text_of(doc)  # joined once
    other = nlp("Egypt met Jordan.")
    assert words.text_of(other) == "Egypt met Jordan."  # each Doc its own
    alive = weakref.ref(doc)
    del doc
    gc.collect()
    # dropped with its Doc: the cache holds no Doc alive (counting the cache's entries
    # instead would depend on what other tests left for the collector)
    assert alive() is None
    assert words.text_of(other) == "Egypt met Jordan."


def _subjects(doc, verb: str) -> list[str]:
    return [c.text for t in doc if t.text == verb for c in t.children if c.dep_ == "nsubj"]


def test_a_sentence_rooted_on_its_subject_is_rooted_on_its_verb(nlp) -> None:
    # the parser reads "protested" as a participle describing Turkey, the sentence's root
    doc = nlp(
        "Turkey, which backs rebel groups, protested to Moscow and has accused Russia of "
        "bombing villages."
    )
    assert _subjects(doc, "protested") == ["Turkey"]
    assert [t.dep_ for t in doc if t.text == "protested"] == ["ROOT"]
    accused = next(e for e in doc._.dyad_events if e["trigger"] == "accused")
    assert [s["text"] for s in accused["sources"]] == ["Turkey"]
    # negatives: a participle with its agent describes the noun ("criticised by the
    # opposition"), and a sentence rooted on its verb is left as parsed
    doc = nlp("The minister, who spoke in Paris, criticised by the opposition.")
    assert _subjects(doc, "criticised") == []
    doc = nlp("Hamas, which runs Gaza, accused Israel of the attack.")
    assert _subjects(doc, "accused") == ["Hamas"]
    # nor is a caption's participle made the verb of the one it describes
    doc = nlp("Abu Bakr al-Baghdadi, who led Islamic State, killed in US raid in Syria.")
    assert _subjects(doc, "killed") == []


def test_a_second_subject_after_the_first_s_phrase_is_part_of_it(nlp) -> None:
    # the parser leaves "to" without an object and makes "Sen" a second subject of "forced"
    doc = nlp("Police forces loyal to Cambodian Prime Minister Hun Sen forced him out.")
    assert _subjects(doc, "forced") == ["forces"]
    assert [t.dep_ for t in doc if t.text == "Sen"] == ["pobj"]
    # the name after "the cleric" is the cleric, not a second subject of "clashed"
    doc = nlp("Militiamen loyal to the cleric Moqtada al-Sadr clashed with police.")
    assert _subjects(doc, "clashed") == ["Militiamen"]
    events = doc._.dyad_events
    assert [s["text"] for e in events for s in e["sources"]] == ["Militiamen"]
    # negatives: coordinated subjects are one subject and its conjunct, and a common noun
    # after a name (a headline run on into its text) is not made the name's apposition
    doc = nlp("Hamas and Israel agreed a truce.")
    assert _subjects(doc, "agreed") == ["Hamas"]
    doc = nlp("Shooting in Parkland Florida The controversy revolves around her remarks.")
    assert all(t.dep_ != "appos" for t in doc if t.text == "controversy")
    # nor is a name after a noun of no person made its apposition: Guaido is the leader
    doc = nlp("The leader of the opposition Juan Guaido urged the army to rebel.")
    (urged,) = [e for e in doc._.dyad_events if e["trigger"] == "urged"]
    assert [s["text"] for s in urged["sources"]] == ["Juan Guaido"]


def test_look_alike_apostrophes_between_letters_are_read_as_apostrophes(nlp) -> None:
    from dyad.nlp.apostrophes import read_apostrophes

    text = "Uribe defended Colombia´s actions and the Croatian governmentʼs request."
    assert read_apostrophes(text) == text.replace("´", "’").replace("ʼ", "’")
    assert len(read_apostrophes(text)) == len(text)  # one character for one: offsets kept
    doc = nlp(text)
    assert [t.text for t in doc[2:4]] == ["Colombia", "’s"]
    coded = {m["text"]: m["code"] for m in doc._.dyad_actors}
    assert coded["Colombia"] == "COLGOV"
    assert coded["the Croatian government"] == "HRVGOV"
    # negatives: an accent or a prime not between two letters stays ("5′", "´ alone")
    assert read_apostrophes("a 5′ gap, ´ alone") == "a 5′ gap, ´ alone"


def test_the_tokenizer_reading_apostrophes_survives_pickling(nlp) -> None:
    import pickle

    tokenizer = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in tokenizer("Iran´s navy")] == ["Iran", "’s", "navy"]


def test_a_headline_line_is_one_sentence(nlp) -> None:
    text = (
        "Army officer seizes Fiji's parliament, detains Prime Minister Bavadra and his cabinet"
        "\n\nSUVA (Reuters) - Soldiers burst into parliament on Thursday. They left at noon."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == (
        "Army officer seizes Fiji's parliament, detains Prime Minister Bavadra and his cabinet"
    )
    # negatives: a first line that holds sentence ends, or that is no paragraph of its own,
    # is cut as the parser cuts it
    sents = [s.text.strip() for s in nlp("Soldiers burst in. They left at noon.\n\nMore.").sents]
    assert sents[:2] == ["Soldiers burst in.", "They left at noon."]
    doc = spacy.blank("en")("One two three\nfour five")
    from dyad.nlp.components import _headline_end

    assert _headline_end(doc, 2, 100) == 0
    assert _headline_end(spacy.blank("en")("One two three\n\nfour five"), 2, 100) == 3
    assert _headline_end(spacy.blank("en")("One two three\n\nfour five"), 2, 2) == 0
