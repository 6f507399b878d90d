"""Sources: the speakers of a document's attributions, normalised into `Source` entities.

One source per speaker: "Department of Defense press secretary Juan Kirby", "Kirby" and "He"
are one person (pronouns and surnames resolve to the last full mention); "the Pentagon" and "the
U.S. Defense Department" are one organisation (aliases from `rules/knowledge/organisations.yaml`).
Each source gets a kind (person, organisation, publication, anonymous) and the claims it supports;
each claim gets its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.analysis import Analysis, AttributionRecord
from checker.knowledge.base import Organisation
from checker.layout import SpanIndex
from checker.models import Claim, Source, SourceKind, Span
from checker.nlp import entity_of
from checker.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.extract.attribution import Found

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
SPEAKER_PRONOUNS = {"i", "we", "me", "us"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
ANONYMOUS_HEADS = {
    "official", "source", "aide", "insider", "diplomat", "adviser", "advisor", "staffer",
    "spokesman", "spokeswoman", "spokesperson", "person", "people", "someone", "officer",
    "individual", "member", "employee", "witness", "resident",
}  # fmt: skip
PERSON_HEADS = {
    "president", "secretary", "minister", "governor", "senator", "spokesman", "spokeswoman",
    "leader", "chairman", "chair", "director", "chief", "general", "ambassador", "mayor",
    "candidate", "nominee", "prime", "premier", "king", "queen", "pope", "judge", "lawyer",
    "attorney", "professor", "analyst", "expert", "economist", "pollster", "commander",
}  # fmt: skip
OUTLET_WORDS = re.compile(
    r"\b(News|Times|Post|Journal|Magazine|Herald|Tribune|Gazette|Press|Daily|Radio|TV|"
    r"Television|Network|Wire|Telegraph|Guardian|Observer|Review|Reporter|Chronicle)\b"
)


def alias_key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().replace("’", "'"))
    return re.sub(r"^the ", "", name, flags=re.IGNORECASE).lower()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", alias_key(name)).strip("-") or "source"


@dataclass
class Speaker:
    """A normalised speaker before it becomes a `Source`."""

    id: str
    name: str
    kind: SourceKind
    place: bool = False  # a country or city standing for its government ("Moscow", "the U.S.")


class Resolver:
    """Turns source phrases into speakers, remembering the last full mentions for pronouns."""

    def __init__(self, analysis: Analysis) -> None:
        self.kb = analysis.kb
        self.text = analysis.text
        self.people: dict[str, Speaker] = {}  # surname -> last full mention
        self.last_person: Speaker | None = None
        self.last_group: Speaker | None = None
        self.full_names = _full_person_names(analysis)
        self.named_at = _first_full_mentions(analysis)
        self.bases = {id(doc): base for base, doc in analysis.docs}

    def _organisation(self, name: str) -> Organisation | None:
        """The organisation an alias names, through the knowledge base (user packs included)."""
        return self.kb.organisation(name) if self.kb else None

    def resolve(self, found: Found) -> Speaker | None:
        if found.source is None or found.source_token is None:
            return None
        head = found.source_token
        if head.lower_ in SPEAKER_PRONOUNS | {"you"}:
            return None  # the writer or the reader ("I agree to the terms"), not a source
        phrase = _phrase_text(head)
        speaker = self._pronoun(head, found) if head.pos_ == "PRON" else None
        if speaker is None and head.pos_ == "PRON" and head.lower_ in RELATIVE_PRONOUNS:
            antecedent = _antecedent(head)
            if antecedent is not None:
                phrase = _phrase_text(antecedent)
                head = antecedent
        if speaker is None:
            speaker = self._named(head, phrase)
        self._remember(speaker)
        return speaker

    def _pronoun(self, head: Token, found: Found) -> Speaker | None:
        word = head.lower_
        if word in PERSON_PRONOUNS:
            return self.last_person or Speaker(f"person:{word}", head.text, SourceKind.person)
        if word in GROUP_PRONOUNS:
            return (
                self.last_group
                or self.last_person
                or Speaker(f"group:{word}", head.text, SourceKind.organisation)
            )
        return None

    def _named(self, head: Token, phrase: str) -> Speaker:
        by_name = self._person_by_name(head)
        if by_name is not None:
            return by_name
        org = self._organisation(phrase) or self._entity_org(head)
        if org is not None:
            kind = SourceKind.publication if org.kind == "publication" else SourceKind.organisation
            return Speaker(
                org.id, _as_written(phrase, org), kind, place=head.ent_type_ in ("GPE", "LOC")
            )
        person = _entity_text(head, "PERSON")
        if person:
            return self._person(person)
        lemma = head.lemma_.lower()
        has_name = any(t.ent_type_ == "PERSON" for t in head.subtree)
        if lemma in ANONYMOUS_HEADS and not has_name:
            return Speaker(f"anonymous:{slug(phrase)}", phrase, SourceKind.anonymous)
        if head.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC") or head.pos_ == "PROPN":
            name = _entity_text(head, head.ent_type_) or phrase
            kind = SourceKind.publication if OUTLET_WORDS.search(name) else SourceKind.organisation
            if head.pos_ == "PROPN" and not head.ent_type_ and " " not in name:
                return self._person(name)  # an untagged single proper name: most often a person
            return Speaker(f"org:{slug(name)}", name, kind, place=head.ent_type_ in ("GPE", "LOC"))
        kind = SourceKind.person if lemma in PERSON_HEADS else SourceKind.organisation
        return Speaker(f"{kind.value}:{slug(phrase)}", phrase, kind)

    def _person_by_name(self, head: Token) -> Speaker | None:
        """A person whatever the tagger called the name: a bare surname the article gives in
        full elsewhere ("Keller said" after "Sarah Keller"), or a proper name after a person's
        title ("Tulsa police Chief Chuck Jordan", though "Jordan" is also a country)."""
        if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
            return None
        run = _name_run(head)
        at = self.named_at.get(head.lower_)
        if len(run) == 1 and at is not None and at < head.idx + self._base(head):
            return self._person(head.text)  # the full name came first
        last = head.right_edge  # a misparse can put the name under the place: "Tulsa ... Jordan"
        if last.i > head.i and last.pos_ == "PROPN":
            run = _name_run(last)
        before = head.doc[run[0].i - 1] if run[0].i > 0 else None
        if len(run) >= 2 and before is not None and before.lemma_.lower() in PERSON_HEADS:
            return self._person(" ".join(t.text for t in run))
        return None

    def _base(self, head: Token) -> int:
        return self.bases.get(id(head.doc), 0)

    def _entity_org(self, head: Token) -> Any:
        name = _entity_text(head, head.ent_type_) if head.ent_type_ else None
        return self._organisation(name) if name else None

    def _person(self, name: str) -> Speaker:
        parts = name.replace("’s", "").split()
        surname = parts[-1].lower() if parts else name.lower()
        if len(parts) == 1:
            known = self.people.get(surname)
            if known is not None:
                return known
            full = self.full_names.get(surname)
            if full is not None:  # introduced in full only later: still the same person
                return Speaker(f"person:{slug(full)}", full, SourceKind.person)
        speaker = Speaker(f"person:{slug(name)}", name, SourceKind.person)
        self.people[surname] = speaker
        return speaker

    def _remember(self, speaker: Speaker) -> None:
        if speaker.kind == SourceKind.person:
            self.last_person = speaker
            surname = speaker.name.split()[-1].lower() if speaker.name.split() else ""
            if " " in speaker.name and speaker.id.startswith("person:") and surname:
                self.people[surname] = speaker
        elif speaker.kind in (SourceKind.organisation, SourceKind.publication):
            self.last_group = speaker


def _as_written(phrase: str, org: Organisation) -> str:
    """A source's display name as the copy gives it: "The Pentagon" -> "the Pentagon", but an
    organisation whose own name is the phrase keeps its spelling ("The Hill")."""
    if alias_key(phrase) == alias_key(org.name):
        return org.name
    return re.sub(r"^The (?=[A-Z])", "the ", phrase.strip())


def _entity_text(tok: Token, label: str) -> str | None:
    """The text of the named entity (of `label`) that `tok` belongs to, found from the token's
    IOB tags (a walk over the entity itself, not over every entity of the document)."""
    ent = entity_of(tok) if label and tok.ent_type_ == label else None
    return re.sub(r"^(the|The) ", "", ent.text.replace("’s", "").strip()) if ent else None


def _name_run(head: Token) -> list[Token]:
    """The capitalised proper nouns that end at `head`: "Chuck Jordan" in "Chief Chuck Jordan"."""
    i = head.i
    while i > 0 and head.doc[i - 1].pos_ == "PROPN" and head.doc[i - 1].text[:1].isupper():
        if head.doc[i - 1].lemma_.lower() in PERSON_HEADS:
            break
        i -= 1
    return list(head.doc[i : head.i + 1])


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Caddell, who said" -> Caddell."""
    verb = tok.head
    if verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return None


def _phrase_text(head: Token) -> str:
    """The words up to the head of a noun phrase: "longtime pollster Pat Caddell"."""
    return head.doc[head.left_edge.i : head.i + 1].text


def _full_person_names(analysis: Analysis) -> dict[str, str]:
    """Surname -> the first multi-word PERSON name the document gives for it."""
    names: dict[str, str] = {}
    for _, doc in analysis.docs:
        for ent in doc.ents:
            parts = ent.text.replace("’s", "").split()
            if ent.label_ == "PERSON" and len(parts) >= 2:
                names.setdefault(parts[-1].lower(), " ".join(parts))
    return names


def _first_full_mentions(analysis: Analysis) -> dict[str, int]:
    """Surname -> where the document first names that person in full (a PERSON of two words
    or more)."""
    found: dict[str, int] = {}
    for base, doc in analysis.docs:
        for ent in doc.ents:
            parts = ent.text.replace("’s", "").split()
            if ent.label_ == "PERSON" and len(parts) >= 2:
                found.setdefault(parts[-1].lower(), base + ent.start_char)
    return found


@stage(requires=("docs", "claims", "attributions"), assigns=("sources", "spoken"))
def resolve(analysis: Analysis) -> None:
    """Stage: normalise the attributions' speakers into `Source`s and give each claim its source."""
    resolver = Resolver(analysis)
    sources: dict[str, Source] = {}
    for record in analysis.attributions:
        speaker = record.speaker = resolver.resolve(record.found)
        if speaker is None:
            continue
        attribution = record.attribution
        attribution.source_id = speaker.id
        source = sources.setdefault(
            speaker.id, Source(id=speaker.id, name=speaker.name, kind=speaker.kind)
        )
        if attribution.source is not None:
            source.mentions.append(attribution.source)
        if attribution.cue_type not in source.cue_types:
            source.cue_types.append(attribution.cue_type)
    spoken = [r for r in analysis.attributions if r.speaker is not None]
    analysis.spoken = SpanIndex(spoken, _stretches)
    contents = SpanIndex(spoken, lambda r: [_stretch(c)] if (c := r.attribution.content) else [])
    cues = [r.attribution.cue.start for r in analysis.attributions]  # in text order
    for claim in analysis.claims:
        _attach(analysis, claim, sources, cues, contents)
    analysis.sources = list(sources.values())


def _stretch(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _stretches(record: AttributionRecord) -> list[tuple[int, int]]:
    a = record.attribution
    return [_stretch(a.cue)] + ([_stretch(a.content)] if a.content else [])


def _attach(
    analysis: Analysis,
    claim: Claim,
    sources: dict[str, Source],
    cues: list[int],
    contents: SpanIndex[AttributionRecord],
) -> None:
    # Only a report vouches for a claim: "Berlin backed off, replacing the levy with 1.6 billion
    # euros" is Berlin's act, not Berlin's word for the figure (models.Attribution.reported).
    lo, hi = bisect_left(cues, claim.span.start), bisect_left(cues, claim.span.end)
    records = [r for r in analysis.attributions[lo:hi] if r.reporting_speaker]
    if not records:
        records = _quoting(contents, claim)
    if not records:
        return
    # The teller comes first: a speaker relayed "according to" an outlet keeps the outlet as "via".
    direct = [r for r in records if r.attribution.cue_type != "according_to"]
    direct.sort(key=lambda r: r.found.cue_token.dep_ != "ROOT")
    chosen = direct or records
    main = chosen[0].speaker
    assert main is not None
    others = _names(sources, (r.speaker for r in chosen[1:]))
    relays = _names(sources, (r.speaker for r in records if r not in direct))
    name = sources[main.id].name
    claim.source_id = main.id
    claim.source_kind = main.kind
    claim.source = name + "".join(f"; {n}" for n in others if n != name)
    claim.source += "".join(f" via {n}" for n in relays if n != name and n not in others)
    for record in records:
        speaker = record.speaker
        if speaker is not None and claim.id not in sources[speaker.id].claims:
            sources[speaker.id].claims.append(claim.id)


def _quoting(contents: SpanIndex[AttributionRecord], claim: Claim) -> list[AttributionRecord]:
    """The attribution whose content holds this claim when the claim has no cue of its own:
    the second sentence of a quotation, a quotation introduced by "X said:"."""
    return [
        r for r in contents.overlapping(claim.span.start, claim.span.end)
        if r.reporting_speaker and (a := r.attribution).content is not None
        and a.content.start <= claim.span.start and claim.span.end <= a.content.end
    ][:1]  # fmt: skip


def _names(sources: dict[str, Source], speakers: Iterable[Speaker | None]) -> list[str]:
    """Display names (each source's first name in the copy), once each, in order."""
    names: list[str] = []
    for speaker in speakers:
        if speaker is not None and sources[speaker.id].name not in names:
            names.append(sources[speaker.id].name)
    return names
