"""What the sourcing rules share: paragraphs, attributions per stretch, named speakers."""

from __future__ import annotations

from checker.analysis import Analysis
from checker.models import SourceKind
from checker.sources import Speaker, speaker_for


def reporting_speaker(analysis: Analysis, index: int) -> Speaker | None:
    """The speaker of an attribution that reports words or views; None for a stance or an act
    ("members who voted against", "Berlin backed off"), which sources nothing
    (models.Attribution.reported)."""
    return speaker_for(analysis, index) if analysis.attributions[index].reported else None


def attributed(analysis: Analysis, start: int, end: int, reported: bool = False) -> list[int]:
    """Indexes of attributions with a speaker whose cue or content touches [start, end); with
    `reported`, only those that report words or views (a stance or act vouches for no figure)."""
    speaker = reporting_speaker if reported else speaker_for
    hits = []
    for i, a in enumerate(analysis.attributions):
        if speaker(analysis, i) is None:
            continue
        spans = [a.cue] + ([a.content] if a.content else [])
        if any(s.start < end and start < s.end for s in spans):
            hits.append(i)
    return hits


def is_named(speaker: Speaker | None) -> bool:
    """A speaker a reader can hold to the words: a person, an outlet, or an organisation that
    is not a whole country or city standing for its government."""
    if speaker is None or speaker.kind in (SourceKind.anonymous, SourceKind.none):
        return False
    return not (speaker.kind == SourceKind.organisation and speaker.place)
