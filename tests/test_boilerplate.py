"""boilerplate.web: a hit on the seed's sign-up lines, no hit on ordinary reporting about them."""

from __future__ import annotations


def findings(checker, text):
    return [f for f in checker.check_text(text).findings if f.rule_id == "boilerplate.web"]


def test_seed_boilerplate_is_an_error(seed_report):
    hits = [f for f in seed_report.findings if f.rule_id == "boilerplate.web"]
    assert [f.span.text for f in hits] == [
        "Sign up to receive our latest news!",
        "By submitting this form, I agree to the terms.",
    ]
    assert all(f.severity.value == "error" for f in hits)
    assert hits[0].span.line == 21 and hits[0].span.column == 1


def test_hit_inside_pasted_copy(checker):
    text = "Officials met on Monday. Subscribe to our newsletter The talks resume on Friday."
    assert [f.span.text for f in findings(checker, text)] == ["Subscribe to our newsletter"]


def test_near_miss_reporting_about_a_form(checker):
    text = (
        "Voters who signed up to receive the campaign's news said the form asked for their terms."
    )
    assert findings(checker, text) == []
