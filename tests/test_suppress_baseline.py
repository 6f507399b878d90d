"""Suppression comments in Markdown, HTML and plain text; baseline fingerprints that survive edits."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import suppress
from checker.cli import app
from checker.load import LoadError, load_text
from checker.models import Report

runner = CliRunner()

PAR = "Troops moved to Europe amid escalating escalation between Russia and Ukraine."
OTHER = "Markets again fell on escalating escalation on Friday."


def hits(checker, text: str, path: str) -> list[str]:
    report = checker.check_text(text, path=path)
    return [f.rule_id for f in report.findings if f.rule_id.startswith("style.")]


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ("a.md", "<!-- factcheck: ignore style.redundancy -->"),
        ("a.md", "<!--factcheck:ignore style-->"),
        ("a.txt", "[factcheck: ignore style.redundancy]"),
        ("a.md", "[factcheck: ignore style.redundancy, style.doubled-word]"),
    ],
)
def test_marker_silences_the_next_paragraph_only(checker, path, marker):
    text = f"{marker}\n{PAR}\n\n{OTHER}\n"
    report = checker.check_text(text, path=path)
    found = [f for f in report.findings if f.rule_id == "style.redundancy"]
    assert [f.span.line for f in found] == [4]


def test_html_comment_between_paragraphs(checker):
    html = f"<p>Intro.</p>\n<!-- factcheck: ignore style.redundancy -->\n<p>{PAR}</p>\n<p>{OTHER}</p>\n"
    report = checker.check_text(html, path="a.html")
    found = [f for f in report.findings if f.rule_id == "style.redundancy"]
    assert len(found) == 1 and found[0].span.line == 4


def test_marker_for_another_rule_silences_nothing(checker):
    assert hits(checker, f"[factcheck: ignore style.cliche]\n{PAR}\n", "a.txt") == [
        "style.redundancy"
    ]


def test_ignore_file_and_bare_ignore(checker):
    text = f"{PAR}\n\n<!-- factcheck: ignore-file style.redundancy -->\n\n{OTHER}\n"
    assert hits(checker, text, "a.md") == []
    assert hits(checker, f"[factcheck: ignore]\n{PAR}\n\n{OTHER}\n", "a.txt") == [
        "style.redundancy"
    ]


def test_a_marker_inside_a_sentence_is_not_a_suppression():
    doc = load_text(f"He wrote [factcheck: ignore style] in the margin. {PAR}", path="a.txt")
    assert suppress.parse(doc) == []


def test_source_offsets_map_to_text_offsets_in_html():
    doc = load_text("<p>One.</p><!-- x --><p>Two.</p>", path="a.html")
    two = doc.source.index("Two")
    assert doc.text[suppress.text_offset(doc, two) :].startswith("Two")
    assert (
        doc.text[suppress.text_offset(doc, doc.source.index("<!--")) :].lstrip().startswith("Two")
    )


# --- baseline -----------------------------------------------------------------------------------


def test_fingerprints_survive_edits_elsewhere_but_not_to_the_sentence(checker):
    before = checker.check_text(f"{PAR}\n\n{OTHER}\n").findings
    after = checker.check_text(f"A new first paragraph.\n\n{PAR}\n\n{OTHER} More.\n").findings
    edited = checker.check_text(f"{PAR.replace('amid', 'during')}\n").findings
    prints = lambda fs: [f.fingerprint for f in fs if f.rule_id == "style.redundancy"]
    assert prints(before)[0] in prints(after) and all(prints(before))
    assert prints(edited)[0] not in prints(before)


def test_write_baseline_then_only_new_findings_fail(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(f"{PAR}\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    args = [str(article), "--fail-on", "warning", "--isolated"]
    assert runner.invoke(app, [*args, "--write-baseline", str(base)]).exit_code == 0
    data = json.loads(base.read_text())
    assert (
        data["findings"][0]["path"] == "story.txt"
        and data["findings"][0]["rule"] == "style.redundancy"
    )
    result = runner.invoke(app, [*args, "--baseline", str(base)])
    assert result.exit_code == 0 and "1 findings in baseline" in result.stderr
    article.write_text(f"An added first line.\n\n{PAR}\n\n{OTHER}\n", encoding="utf-8")
    result = runner.invoke(app, [*args, "--baseline", str(base), "-f", "json"])
    assert result.exit_code == 1
    found = [(f.rule_id, f.span.line) for f in Report.model_validate_json(result.stdout).findings]
    assert found == [("style.redundancy", 5)]


def test_a_repeated_finding_counts(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(f"{PAR}\n", encoding="utf-8")
    base = tmp_path / "b.json"
    runner.invoke(app, [str(article), "--isolated", "--write-baseline", str(base)])
    article.write_text(f"{PAR}\n\n{PAR}\n", encoding="utf-8")
    result = runner.invoke(
        app, [str(article), "--isolated", "--fail-on", "warning", "--baseline", str(base)]
    )
    assert result.exit_code == 1


def test_a_bad_baseline_is_a_usage_error(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(f"{PAR}\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json")
    result = runner.invoke(
        app, [str(article), "--isolated", "--baseline", str(tmp_path / "b.json")]
    )
    assert result.exit_code == 2 and "not a factcheck baseline" in result.stderr


@given(
    st.lists(
        st.sampled_from(
            ["<!-- factcheck: ignore style -->", "[factcheck: ignore-file]", "<p>", "</p>", "\n",
             "\n\n", "Kiev ", "é ", "<!--", "-->", "[factcheck: ignore a.b, c]\n", "# ", "&amp;",
             "<!-- factcheck: off style -->", "<!-- factcheck: on -->", "[factcheck: on a]\n",
             "[factcheck: off]\n", " [factcheck: ignore-line]\n", "```\n",
             "<!-- factcheck: ignore-next-line -->"]
        ),
        max_size=25,
    ),
    st.sampled_from(["a.md", "a.html", "a.txt"]),
)  # fmt: skip
def test_any_source_gives_suppressions_inside_the_text(parts, path):
    try:
        doc = load_text("".join(parts), path=path)
    except LoadError:
        return
    for s in suppress.parse(doc):
        assert 0 <= s.start <= s.end <= len(doc.text)


def test_unused_suppression_is_reported_only_when_its_rule_runs(checker):
    text = "<!-- factcheck: ignore-file style.cliche -->\nTroops moved to Europe.\n"
    (finding,) = [f for f in checker.check_text(text, path="a.md").findings]
    assert finding.rule_id == "suppression.unused" and finding.span.line == 1
    assert finding.message.endswith("no style.cliche finding in this document")
    from checker import Checker, Config

    quiet = Checker(Config(ignore=["suppression"])).check_text(text, path="a.md")
    assert quiet.findings == []


def test_plain_text_markers_are_markup_not_copy(checker):
    text = f"[factcheck: ignore style.redundancy]\n{PAR}\n"
    doc = load_text(text, path="a.txt")
    assert doc.source == text and len(doc.text) == len(text) and "factcheck" not in doc.text
    report = checker.check_text(text, path="a.txt")
    assert report.claims and all("factcheck" not in c.span.text for c in report.claims)


def test_an_unwritable_baseline_is_a_usage_error(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(f"{PAR}\n", encoding="utf-8")
    target = tmp_path / "missing-folder" / "b.json"
    result = runner.invoke(app, [str(article), "--isolated", "--write-baseline", str(target)])
    assert result.exit_code == 2 and "cannot write baseline" in result.stderr


def test_a_paragraph_added_after_a_finding_at_a_paragraph_end_keeps_it_known(checker):
    # the finding's last words end the paragraph: the next paragraph is not "around" it
    text = "Troops were sent amid escalating escalation.\n"
    prints = lambda t: [
        f.fingerprint for f in checker.check_text(t).findings if f.rule_id == "style.redundancy"
    ]
    assert prints(text) == prints(text + "\nA new typo here, written later.\n")
    assert prints(text) == prints("An earlier paragraph.\n\n" + text)


def test_a_marker_shown_inside_a_markdown_code_block_is_not_a_suppression(checker):
    # docs/suppressions-and-baseline.md documents the comment inside a ```markdown block: it is an example, not a marker
    source = "How to:\n\n```markdown\n<!-- factcheck: ignore place.spelling -->\n```\n\nKiev was the name.\n"
    found = checker.check_text(source, path="story.md").findings
    assert [f.rule_id for f in found if f.rule_id.startswith(("place", "suppression"))] == [
        "place.spelling"
    ]
