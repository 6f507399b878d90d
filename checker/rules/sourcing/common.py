"""What the sourcing rules share: the attributions that touch a stretch, named speakers."""

from __future__ import annotations

from checker.analysis import Analysis, AttributionRecord
from checker.models import SourceKind
from checker.sources import Speaker


def attributed(
    analysis: Analysis, start: int, end: int, reported: bool = False
) -> list[AttributionRecord]:
    """Attributions with a speaker whose cue or content touches [start, end); with `reported`,
    only those that report words or views (a stance or act vouches for no figure)."""
    hits = analysis.spoken.overlapping(start, end)
    return [r for r in hits if r.reporting_speaker] if reported else hits


def is_named(speaker: Speaker | None) -> bool:
    """A speaker a reader can hold to the words: a person, an outlet, or an organisation that
    is not a whole country or city standing for its government."""
    if speaker is None or speaker.kind in (SourceKind.anonymous, SourceKind.none):
        return False
    return not (speaker.kind == SourceKind.organisation and speaker.place)
