"""Declarative rule kinds: what each finds, errors that name file and line, RE2's linear time."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.analysis import Analysis
from checker.catalog import rule_example
from checker.config import Config
from checker.load import load_text
from checker.packs import PackError, load_pack, load_packs
from checker.packs import matching as mt
from checker.packs.kinds import KINDS, PackRule
from checker.paths import rules_dir


def make(kind: str, **fields) -> PackRule:
    rule = KINDS[kind].model_validate({"id": "test.rule", "message": "{match}", **fields})
    rule.compile()
    return rule


def run(rule: PackRule, text: str) -> list:
    return list(rule.check(Analysis(document=load_text(text), config=Config())))


def spans(rule: PackRule, text: str) -> list[str]:
    return [f.span.text for f in run(rule, text)]


def write(tmp_path: Path, body: str, name: str = "house.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# --- kinds -------------------------------------------------------------------------------------


def test_existence_keeps_to_word_edges_in_any_script():
    rule = make("existence", tokens=["caf", "amid"])
    assert spans(rule, "A café amid the pyramids; amid.") == ["amid", "amid"]


def test_existence_offsets_survive_non_ascii_text():
    text = "Zelenskyy’s “résumé” — Kyiv’s mayor said the end result was clear."
    found = run(make("existence", tokens=["end result"]), text)
    assert [text[f.span.start : f.span.end] for f in found] == ["end result"]


def test_substitution_offers_a_fix_and_keeps_the_capital():
    rule = make("substitution", swap={"prior to": "before"}, message="{match} -> {replacement}")
    (finding,) = run(rule, "Prior to\nthe vote, officials met.")
    assert finding.span.text == "Prior to"
    assert finding.fixes[0].replacement == "Before" and finding.message == "Prior to -> Before"


def test_substitution_with_regex_keys():
    rule = make("substitution", regex=True, swap={r"Kiev(?:an)?": "Kyiv", r"Odessa": "Odesa"})
    found = run(rule, "From Kiev to Odessa.")
    assert [(f.span.text, f.fixes[0].replacement) for f in found] == [
        ("Kiev", "Kyiv"),
        ("Odessa", "Odesa"),
    ]


def test_repetition_stems_side_by_side_but_not_across_punctuation():
    rule = make("repetition", stem=True, min_length=4)
    assert spans(rule, "amid escalating escalation between them") == ["escalating escalation"]
    assert spans(rule, "a contested contest") == ["contested contest"]
    assert spans(rule, "escalating, escalation; police policies") == []


def test_repetition_doubled_word_with_exceptions():
    rule = make("repetition", exceptions=["had"])
    assert spans(rule, "angered by the the media; she had had enough") == ["the the"]


def test_repetition_within_a_sentence_points_at_the_second_use():
    rule = make("repetition", scope="sentence", tokens=["amid"], message="{word} also at {where}")
    (finding,) = run(rule, "Troops moved amid tension, amid fears.\n\nAmid talk, calm.")
    assert finding.span.start == 27 and finding.related[0].start == 13
    assert finding.message == "amid also at 1:14"


def test_occurrence_counts_per_scope():
    rule = make("occurrence", scope="paragraph", token=r"[\pL]+", max=3, message="{count} > {max}")
    found = run(rule, "One two three.\n\nOne two three four five.\n")
    assert [(f.span.text, f.message) for f in found] == [("One two three four five.", "5 > 3")]


def test_occurrence_needs_a_limit():
    with pytest.raises(ValueError, match="max or min"):
        make("occurrence", token="x")


def test_consistency_flags_the_minority_spelling_with_the_majority_as_fix():
    rule = make(
        "consistency", either=[["email", "e-mail"]], message="{match} vs {other} at {where}"
    )
    (finding,) = run(rule, "The email.\nAn e-mail.\nOne email more.")
    assert finding.span.text == "e-mail" and finding.fixes[0].replacement == "email"
    assert finding.message == "e-mail vs email at 1:5" and finding.related[0].start == 4


def test_consistency_tie_keeps_the_first_spelling_and_needs_both():
    rule = make("consistency", either=[["toward", "towards"]])
    assert spans(rule, "They moved toward the border, toward the sea.") == []
    assert spans(rule, "toward the town. towards the sea.") == ["towards"]


def test_skip_quotes_leaves_a_speakers_words_alone():
    rule = make("substitution", swap={"in order to": "to"}, skip_quotes=True)
    assert spans(rule, "“We acted in order to win,” he said, in order to explain.") == [
        "in order to"
    ]


def test_prefilter_skips_the_pattern_when_no_literal_is_present(monkeypatch):
    rule = make("existence", tokens=["level playing field"])
    monkeypatch.setattr(type(rule), "run", lambda self, analysis: pytest.fail("RE2 ran"))
    assert list(rule.check(Analysis(document=load_text("No such phrase."), config=Config()))) == []


def test_catastrophic_backtracking_pattern_is_linear_with_re2():
    # With Python's `re`, (a+)+b on a long run of a's never returns; RE2 answers at once.
    rule = make("existence", patterns=["(a+)+b"])
    assert run(rule, "a" * 100_000 + "!") == []
    assert spans(make("existence", patterns=["(a+)+b"], nonword=True), "a" * 30 + "b") == [
        "a" * 30 + "b"
    ]


@given(st.text(alphabet=st.sampled_from(list("ab éK\n“”iev")), max_size=80))
def test_every_finding_span_is_the_text_it_names(text):
    for rule in (make("substitution", swap={"a b": "x", "Kiev": "Kyiv"}), make("repetition")):
        for finding in run(rule, text):
            assert finding.span.text == text[finding.span.start : finding.span.end]


# --- loading: errors name file and line --------------------------------------------------------


HEAD = "rules:\n  - id: house.x\n"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("    kind: wordy\n    message: m\n", 2, "unknown rule kind"),
        (
            "    kind: existence\n    severity: fatal\n    message: m\n    tokens: [a]\n",
            4,
            "severity",
        ),
        ("    message: m\n    patterns:\n      - ok\n      - '(?<=a)b'\n", 6, "bad pattern"),
        ("    kind: substitution\n    message: '{nope}'\n    swap: {a: b}\n", 4, "{nope}"),
        ("    kind: existence\n    mesage: m\n    tokens: [a]\n", 4, "mesage"),
        ("    message: m\n    tokens: [a\n", 5, "invalid YAML"),
    ],
)
def test_malformed_pack_names_file_and_line(tmp_path, body, line, words):
    path = write(tmp_path, HEAD + body)
    with pytest.raises(PackError) as err:
        load_pack(path)
    assert str(err.value).startswith(f"{path}:{line}:"), str(err.value)
    assert words in str(err.value)


def test_a_malformed_id_is_named(tmp_path):
    path = write(tmp_path, "rules:\n  - id: House X\n    message: m\n    tokens: [a]\n")
    with pytest.raises(PackError, match=r"house.yaml:2: rule House X: id: String should match"):
        load_pack(path)


def test_a_broken_pack_is_reported_and_the_others_still_load(tmp_path):
    write(tmp_path, "rules: [{id: house.ok, kind: existence, message: m, tokens: [a]}]\n", "a.yaml")
    write(tmp_path, "rules: [{id: house.bad, kind: nope, message: m}]\n", "b.yaml")
    rules, errors = load_packs([tmp_path])
    assert [r.id for r in rules] == ["house.ok"] and len(errors) == 1 and "b.yaml:1" in errors[0]


def test_shipped_packs_load_cleanly_with_docs_and_examples():
    rules, errors = load_packs([rules_dir()])
    assert errors == []
    for rule in rules:
        assert rule.summary and rule_example(rule), rule.id
        for section in ("What it checks", "Why it matters", "Example", "Suggested fix"):
            assert f"## {section}\n" in rule.docs, (rule.id, section)


def test_each_shipped_rule_fires_on_its_own_example(checker):
    rules, _ = load_packs([rules_dir()])
    for rule in rules:
        found = [f for f in checker.check_text(rule_example(rule)).findings if f.rule_id == rule.id]
        assert found, f"{rule.id} does not fire on its example"


def test_might_match_is_case_insensitive():
    analysis = Analysis(document=load_text("LEVEL Playing Field"), config=Config())
    assert mt.might_match(analysis, ["playing"]) and not mt.might_match(analysis, ["storm"])
    assert mt.might_match(analysis, ["ing fi"])


@given(
    st.text(alphabet=st.sampled_from(list("Kiev's e-mail ’ßſK ")), max_size=40),
    st.sampled_from(["Kiev", "e-mail", "mail", "s", "'s", "ev's"]),
)
def test_prefilter_never_hides_a_match(text, phrase):
    rule = make("existence", tokens=[phrase])
    expected = [m.span() for m in mt.finditer(rule._regex, text)]
    for asked in (0, mt.VOCABULARY_AFTER):  # the substring test, then the word-set lookup
        analysis = Analysis(document=load_text(text), config=Config())
        analysis.layout.prefilter_asked = asked
        assert [(f.span.start, f.span.end) for f in rule.check(analysis)] == expected


def test_occurrence_counts_right_after_non_ascii_text():
    rule = make("occurrence", scope="paragraph", token=r"[\pL]+", max=2, message="{count}")
    found = run(rule, "Zelenskyy’s “résumé” était là.\n\nDeux mots.\n\nÉté, été, été.")
    assert [(f.span.text, f.message) for f in found] == [
        ("Zelenskyy’s “résumé” était là.", "5"),
        ("Été, été, été.", "3"),
    ]


def test_a_missing_pack_folder_is_reported(tmp_path):
    rules, errors = load_packs([rules_dir(), tmp_path / "house-styel"])
    assert rules and errors == [f"{tmp_path / 'house-styel'}: no such rule-pack folder or file"]


def test_substitution_capitalises_only_at_a_sentence_start():
    rule = make("substitution", swap={"Al Qaeda": "al-Qaida"})
    found = run(rule, "Strikes hit Al Qaeda. Al Qaeda said “Al Qaeda lives.”")
    assert [f.fixes[0].replacement for f in found] == ["al-Qaida", "Al-Qaida", "Al-Qaida"]


_KEYS = ["id", "kind", "message", "severity", "tokens", "swap", "either", "patterns", "token",
         "max", "scope", "stem", "regex", "docs", "nonword"]  # fmt: skip
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(
        ["house.x", "existence", "substitution", "repetition", "occurrence", "consistency",
         "error", "(", "a+", "{match}", "{x}", "sentence", ""]
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=4),
    max_leaves=8,
)  # fmt: skip


@given(st.lists(st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=6), max_size=3))
def test_any_pack_loads_or_fails_with_a_pack_error(tmp_path_factory, rules):
    import yaml

    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    path.write_text(yaml.safe_dump({"rules": rules}), encoding="utf-8")
    try:
        load_pack(path)
    except PackError as exc:
        assert str(exc).startswith(f"{path}:")


def test_a_recursive_yaml_alias_is_a_pack_error(tmp_path):
    path = write(tmp_path, "rules:\n  - &r {id: house.x, message: m, tokens: [*r]}\n")
    with pytest.raises(PackError, match="house.yaml:2"):
        load_pack(path)


def test_a_format_spec_that_cannot_apply_falls_back_to_the_template():
    rule = make("occurrence", scope="document", token="x", min=1, message="under {max:d}")
    assert [f.message for f in run(rule, "No match here.")] == ["under {max:d}"]


@given(st.text(alphabet=st.sampled_from(list("sſSkKK ßtrae\n")), max_size=30))
def test_substitution_never_fails_on_case_folding(text):
    rule = make("substitution", swap={"sk": "x", "strasse": "street", "tea": "coffee"})
    for finding in run(rule, text):
        assert finding.span.text == text[finding.span.start : finding.span.end]


def test_doubled_word_fix_keeps_the_capital_that_opens_a_sentence(checker):
    # "The the media ..." fixed to "the media ..." lost the sentence's capital
    found = [
        f
        for f in checker.check_text("The the media declared it over.").findings
        if f.rule_id == "style.doubled-word"
    ]
    assert [fix.replacement for fix in found[0].fixes] == ["The"]
    assert "keep one: 'The'" in (found[0].suggestion or "")


def test_redundancy_fix_capitalises_a_sentence_opening(checker):
    found = [
        f
        for f in checker.check_text("Escalating escalation worried NATO.").findings
        if f.rule_id == "style.redundancy"
    ]
    assert [fix.replacement for fix in found[0].fixes] == ["Escalation"]


def test_a_word_inside_a_hyphenated_compound_is_not_doubled(checker):
    # docs/ci.md: "Reports are kept in .factcheck_cache/ (or `--cache-dir DIR`; ...)"
    text = "Reports are kept in a folder (or --cache-dir DIR; --no-cache skips it)."
    assert not [f for f in checker.check_text(text).findings if f.rule_id == "style.doubled-word"]


def test_markdown_table_cells_are_not_one_run_of_words(checker):
    # docs/ci.md's format table: "| `sarif` | SARIF 2.1.0: ..." read as "sarif SARIF"
    text = "| format | what |\n|---|---|\n| `sarif` | SARIF 2.1.0 results |\n"
    assert not [
        f
        for f in checker.check_text(text, path="a.md").findings
        if f.rule_id == "style.doubled-word"
    ]
