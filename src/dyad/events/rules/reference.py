"""Pronouns and phrases that refer to actors named elsewhere."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ...actors.component import ACTING_LABELS, BACK_REFERENCES
from ..patterns import head_words
from .frame import _Arg
from .grammar import _cleft_focus, _object_gap, _prep_object, _relative_antecedent
from .mentions import _generic
from .readings import _reported_on_by
from .vocab import PERSONAL_PRONOUNS, PLURAL_PRONOUNS, SPEECH_VERBS


class Reference:
    """What a pronoun or "the group" refers back (or forward) to."""

    def _antecedent(self, pronoun: Token, exclude: frozenset[str]) -> dict | None:
        """The actor a pronoun refers back to: among the fitting mentions in this sentence
        or the two before it (outside the pronoun's own clause subject when that is itself),
        for a personal pronoun that is a subject the latest clause subject, else the latest
        one; "she" and "he" keep to the persons whose first name agrees, where any does
        ("Putin met Merkel. She accused ...": Merkel).
        A name that only modifies a noun ("the Iran-Iraq border") is no noun phrase to refer
        back to; "they" refers to no one country named alone ("fled Iraq ... they would
        murder him"), only to several ("Iran and Iraq ... they agreed")."""
        said_by = _speaking_pronoun(pronoun)
        if said_by is not None and said_by.i < pronoun.i:
            if said_by.lower_ != "who":
                # "He said his movement recognised Urrutia": the speaker's own, as the speaker
                # "he" is
                return self._antecedent(said_by, exclude)
            # "Speight, who says he acted to defend ...": the one the clause is of, where an
            # actor names him
            noun = _relative_antecedent(said_by)
            found = self._reading.by_token.get(noun.i) if noun is not None else None
            if found is not None and found["kind"] == "person":
                return found
            if found is None and noun is not None and noun.pos_ == "PROPN":
                # a name no actor holds: the person named so in full before ("businessman
                # George Speight ... Speight, who says"), else no one else the text names
                return next(
                    (
                        m
                        for m in reversed(self._reading.mentions)
                        if m["token_start"] < noun.i
                        and m["kind"] == "person"
                        and m["text"].split()[-1] == noun.text
                    ),
                    None,
                )
        persons = pronoun.lower_ in PERSONAL_PRONOUNS
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        # "it" and "its" are no common noun in the plural ("gunmen killed 12 worshippers ...
        # Buhari condemned it"); a plural name is one body ("the United States ... its")
        single = pronoun.lower_ in ("it", "its", "itself")
        doc = pronoun.doc
        exclude = exclude | self._bound_away(pronoun)
        sent_start = pronoun.sent.start
        earliest = max(0, sent_start - 80)
        before = self._reading.mentions
        if self._reading.starts is not None:  # only the mentions from `earliest` up to the pronoun
            lo = bisect.bisect_left(self._reading.starts, earliest)
            before = before[lo : bisect.bisect_left(self._reading.starts, pronoun.i, lo)]
        # "the rebels said they had captured ...": the subject of the verb that reports the
        # pronoun's clause is whom the pronoun stands for, even a generic actor
        # (a second reported clause joined to the first is reported by the same verb: "the
        # Kremlin said the conflict was internal and that it would not send troops")
        clause = pronoun.head
        if clause.dep_ == "conj" and clause.head.dep_ == "ccomp":
            clause = clause.head
        speaker = (
            next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            if clause.dep_ == "ccomp"
            and clause.head.lemma_.lower() in SPEECH_VERBS
            and clause.head.i < pronoun.i
            else None
        )
        speakers = {speaker.i, *(c.i for c in speaker.conjuncts)} if speaker is not None else set()
        fitting = []
        for m in reversed(before):
            if m["token_start"] >= pronoun.i or m["token_start"] < earliest:
                continue
            root = doc[m["token_start"] : m["token_end"]].root
            if m["label"] not in ACTING_LABELS or m["actor"] in exclude:
                continue
            if _generic(m) and not (plural and root.i in speakers):
                continue
            if (
                root.dep_ in ("compound", "amod")
                and root.head.i >= m["token_end"]
                # (a name before a group's noun names the group: "the al Shabaab group")
                and root.head.lemma_.lower() not in BACK_REFERENCES
            ):
                continue
            if single and root.tag_ == "NNS":
                continue
            if plural and m["label"] == "reference" and root.tag_ == "NN" and not root.conjuncts:
                # "they" is no one thing a singular noun stands for, a person called by a
                # title above all ("the general had been killed ... They accused Ayombekov":
                # the officials who said it; review 53)
                continue
            if (
                plural
                and m["kind"] == "state"
                and m["label"] != "nominal"  # "the Iraqi government said they ..."
                and root.dep_ not in ("nsubj", "nsubjpass")
                and not root.conjuncts
                and not m["text"].lower().endswith("s")  # "the United States", "Philippines"
            ):
                continue  # "they" is no one country named by the way ("fled Iraq ... they")
            if persons == (m["kind"] == "person") or (
                plural and root.conjuncts and root.i in speakers
            ):  # "Obama and Putin said they will ...": persons named together are "they"
                fitting.append((m, root))
        if persons and len(fitting) > 1:
            # "she" and "her" refer to a woman, "he" and "him" to no known woman, when the
            # text names one that fits (data/heads.tsv, female: first words of names)
            female = pronoun.lower_ in ("she", "her", "hers")
            women = head_words()["female"]
            agree = [
                (m, root)
                for m, root in fitting
                if (((m.get("name") or m["text"]).split() or [""])[0].lower() in women) == female
            ]
            fitting = agree or fitting
        if (
            single
            and pronoun.dep_ in ("nsubj", "nsubjpass")
            and len(fitting) > 1
            and not any(root.head.i == clause.i and root.dep_ == "nsubj" for _, root in fitting)
        ):
            # "it" as the subject of a reported clause is its speaker, when the speaker is a
            # body that fits and the first clause it reports has no subject that fits ("the
            # Kremlin said the conflict was a matter for Kyrgyzstan and that it would not
            # send peacekeepers": the Kremlin; not "the IAEA said Iran had expanded
            # enrichment and that it had barred inspectors": Iran)
            said_by = next((m for m, root in fitting if root.i in speakers), None)
            if said_by is not None:
                return said_by
        if pronoun.dep_ in ("nsubj", "nsubjpass") and len(fitting) > 1:
            # "he" as a subject continues the latest clause subject before it ("López Obrador
            # met Trump. He said ...": López Obrador), not the nearest name; "it" only in a
            # clause joined to that subject's ("Russia did not attack Ukraine, nor did it
            # threaten Poland": Russia; "Israel bombed Hamas after it fired rockets": Hamas)
            # (a person a speaker reports on is not the one "he" continues: "Natalegawa
            # announced that Ambassador Kesoema had been called home. He said ...":
            # Natalegawa, the speaker)
            speakers = {root.i for _, root in fitting if root.dep_ == "nsubj"}
            subject = next(
                (
                    m
                    for m, root in fitting
                    if (
                        root.dep_ in ("nsubj", "nsubjpass")
                        or _cleft_focus(root)
                        # (a name in apposition to the subject: "the Prime Minister of
                        # Malaysia, Tunku Abdul Rahman, told parliament that he ...")
                        or (
                            root.dep_ == "appos"
                            and root.head.dep_ == "nsubj"
                            # (a speaker only in what he says: not "The Taliban's
                            # spokesman, Mujahid, said ... arrested Haqqani. He was freed")
                            and (
                                root.head.head.lemma_.lower() not in SPEECH_VERBS
                                or pronoun in root.head.head.subtree
                            )
                        )
                    )
                    and (
                        persons
                        or (pronoun.head.dep_ == "conj" and pronoun.head.head.i == root.head.i)
                    )
                    and not (persons and _reported_on_by(root, speakers))
                ),
                None,
            )
            if subject is not None:
                return subject
        if not fitting:
            return self._cataphor(pronoun, exclude, persons)
        return fitting[0][0]

    def _bound_away(self, pronoun: Token) -> frozenset[str]:
        """The actors a pronoun cannot stand for, by where they are named around it: a subject
        pronoun is none named after it in its own clause ("He hailed President Buhari", "He
        said Buhari erred": not Buhari; one named in an adverbial clause with a subject of its
        own may be), an object pronoun not its clause's subject ("Buhari
        praised him": not Buhari). A possessive may be either ("His aides praised Buhari")."""
        clause = pronoun.head
        gapped: frozenset[str] = frozenset()
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            # after the pronoun only: a phrase put ahead of the subject may name its antecedent
            # ("As part of the deal to rehabilitate al-Sadr, he would have to comply"); nor in
            # an adverbial clause of a subject of its own, which the parser often hangs on the
            # wrong verb ("Tokyo said it would lift controls, while Seoul said it would
            # withdraw a complaint against Japan": Tokyo)
            aside = {
                t.i
                for c in clause.children
                if c.dep_ == "advcl" and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children)
                for t in c.subtree
            }
            tokens = [t.i for t in clause.subtree if t.i > pronoun.i and t.i not in aside]
            if clause.dep_ == "relcl" and _object_gap(clause):
                # "a US diplomat it arrested": whatever the clause hangs on, not the diplomat
                gap = self._reading.by_token.get(clause.head.i)
                if gap is not None and gap.get("actor"):
                    gapped = frozenset({gap["actor"]})
        elif pronoun.dep_ in ("dobj", "obj"):
            tokens = [
                t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            ]
        else:
            return frozenset()
        found = (self._reading.by_token.get(i) for i in tokens)
        doc = pronoun.doc
        # only actors: a place is no one the pronoun could be ("it would deny entry to the
        # United States" is the United States); and not a bare role noun or a phrase that
        # refers back, which names a state's body, not the pronoun's own referent ("Austrian
        # officials said ..., and they stressed that the country would not join": the
        # officials, whose state "the country" is; "It said the Algerian government must
        # stop": not Algeria)
        return (
            gapped
            | frozenset(
                m["actor"]
                for m in found
                if m is not None
                and m.get("actor")
                and m["label"] in ACTING_LABELS
                and not (
                    m["label"] in ("nominal", "reference")
                    and m["kind"] != "person"  # ("He demanded that the prime minister resign")
                    and all(
                        t.is_lower or t.lower_ == "the"
                        for t in doc[m["token_start"] : m["token_end"]]
                    )
                )
            )
        )

    def _cataphor(self, pronoun: Token, exclude: frozenset[str], persons: bool) -> dict | None:
        """The subject of the main clause a pronoun comes before, in a phrase put ahead of it,
        where nothing before fits: "In his haste to withdraw, Trump stands alone"."""
        root = pronoun.sent.root
        subject = next(
            (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i),
            None,
        )
        if subject is None or subject.left_edge.i <= pronoun.i:  # "His aides said": inside it
            return None
        m = self._reading.by_token.get(subject.i)
        if (
            m is None
            or m["label"] not in ACTING_LABELS
            or m["actor"] in exclude
            or persons != (m["kind"] == "person")
        ):
            return None
        return m

    def _leaders(self, sources: list[_Arg]) -> list[_Arg]:
        """'a delegation, led by Senator McCain, met ...': the leader acts too."""
        out = []
        for a in sources:
            for child in a.token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head"):
                    agent = _prep_object(child, "by")
                    out += [x for x in self._args(agent) if x.mention]
        return out


#: pronouns of one person, one thing or several, by their subject form
_AGREEING = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
    **dict.fromkeys(("it", "its", "itself"), "it"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "they"),
}


def _speaking_pronoun(pronoun: Token) -> Token | None:
    """The pronoun subject of the verb of saying whose clause holds ``pronoun``, where the two
    agree ("He repeated that his movement recognised X", "She said she would resign"): the
    speaker speaks of itself, whoever else the clause names."""
    form = _AGREEING.get(pronoun.lower_)
    if form is None:
        return None
    for verb in pronoun.ancestors:
        if verb.i != pronoun.head.i and any(
            c.dep_ in ("nsubj", "nsubjpass")
            and c.pos_ in ("NOUN", "PROPN")
            and pronoun not in c.subtree  # ("his movement recognised": his own phrase)
            for c in verb.children
        ):
            return None  # a clause with a subject of its own between ("He said Putin knew he
            # could not invade": Putin's)
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS:
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (
                _AGREEING.get(subject.lower_) == form
                or (subject.lower_ == "who" and form in ("he", "she"))
            ):
                return subject
            return None
        if verb.dep_ in ("relcl", "advcl", "acl"):
            return None  # another clause's
    return None
