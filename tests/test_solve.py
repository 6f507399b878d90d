"""The solver against exact arithmetic: random partitions, perturbations and hedged intervals."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import solve
from checker.constraints.context import Relation
from checker.models import Quantity, Span, Verdict
from checker.solve import conflicts, verdict

SPAN = Span(start=0, end=1, text="1", line=1, column=1, end_line=1, end_column=2)


def figure(qid: str, value: float, low: float | None = None, high: float | None = None) -> Quantity:
    low = value if low is None else low
    high = value if high is None else high
    return Quantity(id=qid, span=SPAN, value=value, low=low, high=high, noun="troops")


def partition(total: float, parts: list[float]) -> Relation:
    qs = [figure("Q0", total)] + [figure(f"Q{i + 1}", p) for i, p in enumerate(parts)]
    return Relation("sum", "the remaining", 0, 1, qs)


counts = st.integers(min_value=0, max_value=10**7)


@given(parts=st.lists(counts, min_size=2, max_size=5), delta=st.integers(-1000, 1000))
def test_sum_verdict_is_exact_arithmetic(parts, delta):
    total = sum(parts) + delta
    expected = Verdict.holds if delta == 0 else Verdict.violated
    assert verdict(partition(total, parts)) == expected


@given(
    parts=st.lists(st.tuples(counts, st.integers(0, 500)), min_size=2, max_size=4),
    total=counts,
    slack=st.integers(0, 500),
)
def test_hedged_sum_is_interval_arithmetic(parts, total, slack):
    qs = [figure("Q0", total, total - slack, total + slack)]
    qs += [figure(f"Q{i + 1}", v, v - t, v + t) for i, (v, t) in enumerate(parts)]
    low = sum(v - t for v, t in parts)
    high = sum(v + t for v, t in parts)
    overlaps = low <= total + slack and total - slack <= high
    got = verdict(Relation("sum", "in all", 0, 1, qs))
    assert got == (Verdict.holds if overlaps else Verdict.violated)


@given(a=counts, b=counts)
def test_same_referent_and_range(a, b):
    pair = [figure("Q0", a), figure("Q1", b)]
    assert (verdict(Relation("same_referent", "the", 0, 1, pair)) == Verdict.holds) == (a == b)
    assert (verdict(Relation("range", "between", 0, 1, pair)) == Verdict.holds) == (a <= b)


@given(part=st.integers(0, 10**5), whole=st.integers(1, 10**5), pct=st.integers(0, 100))
def test_percent_of_is_exact_with_rounding(part, whole, pct):
    qs = [figure("Q0", part), figure("Q1", pct, pct - 0.5, pct + 0.5), figure("Q2", whole)]
    share = Fraction(part * 100, whole)
    expected = Fraction(2 * pct - 1, 2) <= share <= Fraction(2 * pct + 1, 2)
    assert (verdict(Relation("percent_of", "or", 0, 1, qs)) == Verdict.holds) == expected


@given(old=st.integers(1, 10**6), new=st.integers(1, 10**6))
def test_change_direction(old, new):
    qs = [figure("Q0", old), figure("Q1", new)]
    rel = Relation("change", "rose", 0, 1, qs, direction=1)
    assert (verdict(rel) == Verdict.holds) == (new > old)


@given(parts=st.lists(counts, min_size=2, max_size=4), delta=st.integers(1, 1000))
def test_unsat_core_names_only_the_broken_constraint(parts, delta):
    broken = partition(sum(parts) + delta, parts)
    fine = Relation("same_referent", "the", 0, 1, [figure("Q9", 5), figure("Q8", 5)])
    assert conflicts({"K1": fine, "K2": broken}) == ([["K2"]], [])


def test_linked_constraints_are_solved_together_and_unlinked_ones_apart():
    # "Of the 10, 6 ... the remaining 5" breaks; a restatement of the 10 shares its figure
    whole, again = figure("Q1", 10), figure("Q4", 10)
    broken = Relation("sum", "of the", 0, 1, [whole, figure("Q2", 6), figure("Q3", 5)])
    same = Relation("same_referent", "the", 0, 1, [whole, again])
    apart = Relation("same_referent", "the", 0, 1, [figure("Q8", 5), figure("Q9", 5)])
    relations = {"K1": broken, "K2": same, "K3": apart}
    assert conflicts(relations) == ([["K1"]], [])
    assert [sorted(g) for g in solve._connected(relations)] == [["K1", "K2"], ["K3"]]


def test_a_set_of_linked_constraints_over_the_limit_is_reported_not_solved(monkeypatch):
    monkeypatch.setattr(solve, "MAX_JOINT", 1)
    whole = figure("Q1", 10)
    broken = Relation("sum", "of the", 0, 1, [whole, figure("Q2", 6), figure("Q3", 5)])
    same = Relation("same_referent", "the", 0, 1, [whole, figure("Q4", 10)])
    assert conflicts({"K1": broken, "K2": same}) == ([], ["K1", "K2"])


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=st.integers(1, 5000), b=st.integers(1, 5000), delta=st.sampled_from([0, 0, 1, -7, 250]))
def test_end_to_end_partition(checker, a, b, delta):
    text = (
        f"Of the {a + b + delta:,} soldiers from Fort Hood, {a:,} will go to Poland, "
        f"while the remaining {b:,} will be sent to Germany."
    )
    report = checker.check_text(text)
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert [k.kind for k in report.constraints] == ["sum"]
    assert len(errors) == (delta != 0)


@given(old=st.integers(1, 10**6), new=st.integers(1, 3 * 10**6))
def test_doubled_allows_ten_percent(old, new):
    rel = Relation("change", "doubled", 0, 1, [figure("Q0", old), figure("Q1", new)], factor=2.0)
    expected = Fraction(18, 10) * old <= new <= Fraction(22, 10) * old
    assert (verdict(rel) == Verdict.holds) == expected


def test_open_ended_figures_leave_a_sum_undetermined():
    from checker.extract.quantities import UNBOUNDED

    qs = [figure("Q0", 3000), figure("Q1", 1000, 1000, UNBOUNDED), figure("Q2", 1500)]
    assert verdict(Relation("sum", "in all", 0, 1, qs)) == Verdict.undetermined
    qs[1] = figure("Q1", 2000, 2000, UNBOUNDED)
    assert verdict(Relation("sum", "in all", 0, 1, qs)) == Verdict.violated


WORDS = st.sampled_from(
    [
        "Of",
        "the",
        "another",
        "remaining",
        "total",
        "of",
        "in",
        "all",
        "including",
        "between",
        "and",
        "or",
        "rose",
        "from",
        "to",
        "up",
        "doubled",
        "halved",
        "the",
        "3,000",
        "1,700",
        "300",
        "2,000",
        "$1.2",
        "million",
        "45%",
        "percent",
        "approximately",
        "more",
        "than",
        "troops",
        ",",
        ".",
        "\n\n",
        "Feb.",
        "2",
        "82nd",
        "2016",
        "6",
        "in",
        "10",
        "a",
        "dozen",
        "two-thirds",
        "separate",
        "from",
        "these",
    ]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(WORDS, min_size=1, max_size=40))
def test_any_jumble_of_cues_and_figures_is_checked_without_error(checker, words):
    report = checker.check_text(" ".join(words))
    ids = {q.id for q in report.quantities}
    for k in report.constraints:
        assert set(k.quantities) <= ids and k.explanation
    for f in report.findings:
        assert f.span.text == " ".join(words)[f.span.start : f.span.end]
