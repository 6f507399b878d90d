"""The seed article's constraints (the table in DESIGN.md) and the four mutations of issue 3."""

from __future__ import annotations

import pytest

from checker.models import Verdict


def _summary(report):
    qs = {q.id: q for q in report.quantities}
    return [(k.kind, tuple(qs[i].span.text for i in k.quantities)) for k in report.constraints]


def test_seed_constraints_are_the_design_table(checker, seed_text):
    report = checker.check_text(seed_text)
    assert _summary(report) == [
        ("sum", ("3,000", "1,000", "2,000")),
        ("sum", ("2,000", "1,700", "300")),
        ("same_referent", ("2,000", "2,000")),
        ("same_referent", ("1,000", "1,000")),
        ("disjoint", ("3,000", "8,500")),
        ("derived", ("3,000", "8,500")),
    ]
    assert all(k.verdict == Verdict.holds for k in report.constraints)
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]
    text = {k.kind + k.cue: k.explanation for k in report.constraints}
    assert text["sumanother"] == "1,000 + 2,000 = 3,000 ✓"
    assert (
        "approx. 1,700 (1,650-1,750) + 300 = 1,950-2,050"
        in text["sumof the 2,000 ... the remaining"]
    )
    assert text["derivedseparate from"] == "3,000 + 8,500 = 11,500 troops in all"


def test_seed_constraints_name_claims_and_quantity_ids(checker, seed_text):
    report = checker.check_text(seed_text)
    ids = {q.id for q in report.quantities}
    claims = {c.id for c in report.claims}
    for k in report.constraints:
        assert set(k.quantities) <= ids and k.claims and set(k.claims) <= claims
        assert k.cue_span is not None and k.cue_span.text.lower().startswith(k.cue.split()[0])


MUTATIONS = [
    # (old, new, count, expected claim lines, where the finding points)
    ("the remaining 300", "the remaining 400", 1, [7], "400"),
    ("1,000 U.S. troops will", "1,500 U.S. troops will", 1, [1, 3, 9], "1,500"),
    ("The 1,000 U.S. troops", "The 1,500 U.S. troops", 1, [3, 9], "1,500"),
    ("another 2,000", "another 2,500", 1, [1, 3], "2,500"),
    ("approximately 1,700", "approximately 1,900", 1, [7], "300"),  # the last figure of the set
]


@pytest.mark.parametrize(("old", "new", "count", "lines", "at"), MUTATIONS)
def test_mutations_give_one_error_naming_the_claims(checker, seed_text, old, new, count, lines, at):
    assert seed_text.count(old) == count
    report = checker.check_text(seed_text.replace(old, new))
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1, [f.message for f in errors]
    (error,) = errors
    assert error.span.text == at and error.severity.value == "error"
    named = [c for c in report.claims if f"{c.id} at {c.span.where}" in error.message]
    assert sorted(c.span.line for c in named) == lines
    assert error.related


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("approximately 1,700", "approximately 1,720"),
        ("approximately 1,700", "approximately 1,680"),
        ("approximately 1,700", "about 1,690"),
        ("approximately 1,700", "roughly 1,730"),
    ],
)
def test_hedged_figures_within_tolerance_do_not_fire(checker, seed_text, old, new):
    report = checker.check_text(seed_text.replace(old, new))
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]


def test_text_report_has_a_constraints_table(seed_report):
    from checker.formats import text

    out = text.render(seed_report)
    assert "Constraints:" in out and "1,000 + 2,000 = 3,000 ✓" in out and "sum" in out


def test_json_report_has_constraints(seed_report):
    data = seed_report.model_dump(mode="json")
    kinds = [k["kind"] for k in data["documents"][0]["constraints"]]
    assert kinds.count("same_referent") == 2 and "derived" in kinds


def test_another_joins_only_a_total_it_could_break_down(checker):
    text = "The U.S. has 8,500 troops on alert. It sent 1,000 troops to Poland and another 500 to Latvia."
    assert checker.check_text(text).constraints == []
    text = "The U.S. sent 3,000 troops. It sent 1,000 troops to Poland and another 2,500 to Latvia."
    (k,) = checker.check_text(text).constraints
    assert (k.kind, k.verdict) == ("sum", Verdict.violated)


def test_same_referent_needs_a_close_figure_when_only_the_place_matches(checker):
    first = "The U.S. will send 1,000 troops to Romania. "
    assert (
        checker.check_text(first + "The 300 troops going to Romania will arrive first.").constraints
        == []
    )
    (k,) = checker.check_text(
        first + "The 1,500 troops going to Romania will arrive first."
    ).constraints
    assert (k.kind, k.verdict) == ("same_referent", Verdict.violated)


def test_hard_wrapped_copy_gives_the_same_constraints(checker, seed_text):
    # wire copy and e-mail are often wrapped at 72 columns: a line break inside a sentence used
    # to cut it in two, and "another 2,000", "the remaining 300", "separate from" were lost
    import textwrap

    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs) + "\n"
    kinds = lambda text: [(k.kind, k.verdict) for k in checker.check_text(text).constraints]
    assert kinds(wrapped) == kinds(seed_text)
    read = lambda text: [(q.hedge, q.attributes) for q in checker.check_text(text).quantities]
    assert read(wrapped) == read(seed_text)  # "more than\n100,000", "2nd Cavalry\nRegiment"
    rules = lambda text: sorted(f.rule_id for f in checker.check_text(text).findings)
    assert rules(wrapped) == rules(seed_text)  # "the Pentagon said" two lines below the 8,500
