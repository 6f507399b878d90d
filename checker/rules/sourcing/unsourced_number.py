from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checker.analysis import Analysis
from checker.extract.quantities import noun_key
from checker.models import Finding, Quantity, Severity
from checker.rule_options import RuleOption, options_for
from checker.rules.base import PythonRule, make_finding
from checker.rules.sourcing.coverage import LEAD_SENTENCES, NEIGHBOURS, Coverage
from checker.rules.sourcing.figures import (
    SMALL_COUNT,
    FigureContext,
    is_figure,
    needs_source,
    outlets_voice,
)
from checker.rules.sourcing.kinds import claim_kind
from checker.rules.sourcing.record import counts_nothing, is_public_record
from checker.rules.sourcing.tally import EVENT_COUNT, event_count, owned_by_body, unit_noun

LEVELS: dict[str, Severity | None] = {
    "off": None,
    "info": Severity.info,
    "warning": Severity.warning,
}


class UnsourcedNumber(PythonRule):
    """A figure an editor must source that no source near it covers.

    ## What it checks
    Sentences that state a tally or an estimate (a count of a thousand or more, or a hedged
    one: "more than 100 lawmakers"), a percentage or a sum of money (not a year, a date, an
    ordinal, a string of digits such as a tweet id, or an exact count of the news event's
    things such as "three children", "195 countries", "a summit of 27 leaders", which the
    article's reporting covers) when no attribution covers it: none in its sentence or its paragraph, none
    in the paragraphs either side that give figures of the same kind (a percentage, a sum, a
    count of the same noun), and no source stated for the article in its lead ("new Labor
    Department data released Friday showed ...", "X said" by a body or a person; a lead that
    relays another outlet states no source for the rest). Cues that vouch without a speaker
    count as sources: a document that shows or finds ("county records show", "figures from
    the ministry show", "the agency's review found"), "cited by", "compiled by", and a body's
    own acts ("The Commerce Department revised its estimate to 2.9%", "The group unveiled a
    $10 million ad campaign"), and a figure a named body owns ("the alliance's recommended 2
    percent", "a $9.1 million loan from the State of Virginia"). A number already given earlier by a source (the same value,
    restated) is not flagged, and a figure (value and counted noun) is flagged once per
    article. Not figures to source: durations and ages ("for 30 years", "Crutcher, 40",
    "those 26 to 34"), times ("0900 GMT"), ranks and names ("top 20", "number 12", "the Big
    12", "Boeing 757"), measures ("734 feet"), "half a dozen", addresses and phone numbers,
    list markers and lines with no verb, numbers inside quotation marks (the speaker is
    their source) or in a Q&A interview, the headline, an "Editor's note:", the writer's own
    first-person account (an opinion piece's "we"), and figures the sentence reads from a poll
    or report it names.
    Public record (market prices and closes, exchange rates, official statistics, a
    company's reported results, election returns and scores: "she lost the state 36 percent
    to 51 percent", a figure set against the last period's: "sold 14.74 mln tonnes against
    14.52 mln tonnes in 1985", holdings and trading: "11 pct of that company's stock", "on
    volume of 1.9 mln shares", price moves and quotes: "up 1.50 dlrs", "up 12.5 cents at
    6.705 dlrs", "at 111.75 stg per tonne", populations: "the bloc of 500
    million citizens", and tolls: "left 14 people dead") is at most info: the rule option
    `public-record` (default `off`: not reported) reports it at info for desks that want it.
    A warning is kept for what an editor must send back: an estimate or a forecast ("is
    estimated to have", "by one estimate", a rough count of thousands: "more than 80,000
    troops") and a survey result ("85 percent support", "above 80 percent in some polls").
    Any other unsourced figure, stated as fact ("2 million accounts"), is most often the
    article's own reporting or a matter of record (on the review set such infos were right
    about one time in five): it is left out unless the rule option `stated-figure` is set to
    `info` or `warning` (default `off`).

    ## Why it matters
    Figures are what readers quote and what corrections are made of. A number with no
    source reads as the outlet's own finding; the editor must know who counted.

    ## Example
    Tensions have soared in the past month over the concentration of more than 100,000
    Russian troops on the Ukrainian border.

    ## Suggested fix
    Name the source of the figure ("..., according to U.S. intelligence estimates") or
    cut the number.
    """

    id = "sourcing.unsourced-number"
    severity = Severity.warning
    requires = ("quantities", "claims", "attributions", "sources", "spoken")

    options: ClassVar[tuple[RuleOption, ...]] = (
        RuleOption(
            "public-record",
            "figures that are public record: `off` leaves them out, `info` reports them at info",
            "off",
            choices=("off", "info"),
        ),
        RuleOption(
            "stated-figure",
            "an unsourced figure stated as fact, not an estimate, a forecast or a survey result"
            " (“2 million accounts”): `off`, `info` or `warning`",
            "off",
            choices=tuple(LEVELS),
        ),
        RuleOption(
            "small-count",
            "counts below this are checked by eye, not sourced",
            SMALL_COUNT,
            minimum=1,
        ),
        RuleOption(
            "event-count",
            "an exact count of things below this (“195 countries”, “27 leaders”) is the news"
            " event's, which the article's reporting covers; a hedged count (“more than 100”)"
            " is a tally",
            EVENT_COUNT,
            minimum=0,
        ),
        RuleOption(
            "neighbours",
            "paragraphs either side whose source covers figures of the same kind",
            NEIGHBOURS,
            minimum=0,
        ),
        RuleOption(
            "lead-sentences",
            "opening sentences (after the headline) that can state the article's source",
            LEAD_SENTENCES,
            minimum=0,
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        options = options_for(self, analysis.config.rule_options)
        small, tally = options["small-count"], options["event-count"]
        public_record = Severity.info if options["public-record"] == "info" else None
        stated_figure = LEVELS[options["stated-figure"]]
        by_id = {q.id: q for q in analysis.quantities}
        context = FigureContext(analysis)
        coverage = Coverage(
            analysis, context.headline_end, options["neighbours"], options["lead-sentences"]
        )
        stated: set[float] = set()  # values a source gave
        flagged: set[tuple[float, str]] = set()  # a figure is reported once per article
        for claim in analysis.claims:
            numbers = [
                by_id[i] for i in claim.quantities if i in by_id and is_figure(by_id[i], small)
            ]
            if claim.source_id:
                stated.update(q.value for q in numbers)
                continue
            sent = analysis.sentence_at(claim.span.start)
            fresh = [
                q
                for q in numbers
                if q.value not in stated
                and _key(q) not in flagged
                and not event_count(q, tally)
                and needs_source(context, sent, q)
                and not counts_nothing(q, tokens := context.tokens(q), analysis.text)
                and not owned_by_body(tokens)
            ]
            if not fresh or sent is None or outlets_voice(analysis, sent):
                continue
            if coverage.covers(claim.span.start, fresh):
                stated.update(q.value for q in numbers)
                continue
            flagged.update(_key(q) for q in fresh)
            severity: Severity | None = self.severity
            record = [is_public_record(sent, q, context.tokens(q)) for q in fresh]
            if all(record):
                severity = public_record
            elif not any(claim_kind(sent, q) for q, known in zip(fresh, record) if not known):
                severity = stated_figure
            if severity is None:
                continue
            figures = ", ".join(f"“{q.span.text}”" for q in fresh)
            yield make_finding(
                analysis,
                self.id,
                severity,
                claim.span.start,
                claim.span.end,
                f"{figures} stated with no source in the sentence or its paragraph",
                suggestion="say who gives the figure, e.g. “…, according to <source>”",
            )


def _key(q: Quantity) -> tuple[float, str]:
    """The same figure: "2,383 delegates" twice, "500 mln dlr euroloan" then "The 500 mln dlr
    credit" (one sum in one unit, whatever noun it is read with); "100 degrees" and "100 people"
    are two (with no unit and no counted noun a value alone says too little)."""
    if unit_noun(q):
        return q.value, q.unit or ""
    return q.value, noun_key(q.noun) or q.id
