"""Place names: every place name or spelling the knowledge base knows, in text order."""

from __future__ import annotations

from checker.analysis import Analysis
from checker.pipeline import stage


@stage(assigns=("places",))
def extract(analysis: Analysis) -> None:
    """(start, end, name as written) of each place named; none without a knowledge base."""
    regex = analysis.kb.place_regex if analysis.kb else None
    analysis.places = (
        []
        if regex is None
        else [(m.start(1), m.end(1), m.group(1)) for m in regex.finditer(analysis.text)]
    )
