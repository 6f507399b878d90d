"""Safe fixes: `--diff` shows them, `--fix` writes them; only rules marked fix_safe, never in a
quotation or a suppressed paragraph, never a file without fixes."""

from __future__ import annotations

import os
import stat

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.fixes import Edit, applied, edits
from checker.load import load_text
from checker.models import DocumentReport, Fix
from checker.registry import all_rules
from checker.rules.base import fix_safe

runner = CliRunner()

# train/text/huff-post_2016-02-01_here-s-why-winning-iowa-could-br.txt
WORDY = "For the American voter prior to 2008, the only thing harder was the rest."
# train/text/politico_2016-07-02_sanders-california-supporters-ca.txt
DOUBLED = "Jahangir said she was angered by the the media declaring Clinton had enough delegates."
# train/text/west-journal_2015-12-21_revealed-what-isis-propaganda-vi.txt (a quotation)
QUOTED = "“They are going to people, showing videos of Donald Trump in order to recruit more.”"


def _story(tmp_path, text, name="story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_prints_the_safe_fixes_and_writes_nothing(tmp_path):
    path = _story(tmp_path, f"{WORDY}\n\n{DOUBLED}\n")
    before = path.read_bytes()
    result = runner.invoke(app, [str(path), "--isolated", "--diff"])
    assert result.exit_code == 1, result.output
    assert f"-{WORDY}" in result.stdout
    assert "+For the American voter before 2008," in result.stdout
    assert "+Jahangir said she was angered by the media declaring" in result.stdout
    assert path.read_bytes() == before


def test_diff_without_fixes_is_empty_and_exits_0(tmp_path):
    path = _story(tmp_path, "Jahangir said she was angered by the media.\n")
    result = runner.invoke(app, [str(path), "--isolated", "--diff"])
    assert result.exit_code == 0 and result.stdout == ""


def test_fix_writes_the_fixes_keeps_mode_and_reports_what_is_left(tmp_path):
    path = _story(tmp_path, f"{WORDY}\n\n{QUOTED}\n")
    os.chmod(path, 0o640)
    result = runner.invoke(
        app, [str(path), "--isolated", "--fix", "-q", "--fail-on", "info", "--select", "style"]
    )
    text = path.read_text(encoding="utf-8")
    assert text.startswith("For the American voter before 2008,")
    assert QUOTED in text  # a speaker's words are not edited
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert "fixed 1 finding in 1 file" in result.stderr
    assert "style.wordiness" not in result.stdout  # re-checked: the fixed finding is gone
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_findings_left_after_fix_decide_the_exit(tmp_path):
    fixed = _story(tmp_path, f"{WORDY}\n", "fixed.txt")
    result = runner.invoke(app, [str(fixed), "--isolated", "--fix", "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    left = _story(tmp_path, "Tensions soared. By submitting this form, I agree to the terms.\n")
    runner.invoke(app, [str(left), "--isolated", "--fix", "--fail-on", "info"])
    assert "By submitting" not in left.read_text(encoding="utf-8")
    # Feb. 2, 2015 was a Monday: a finding no fix may touch, so it is left and fails the run.
    dated = _story(tmp_path, f"{WORDY}\n\nThe vote was on Wednesday, Feb. 2, 2015.\n", "dated.txt")
    result = runner.invoke(app, [str(dated), "--isolated", "--fix", "--fail-on", "warning"])
    assert "prior to" not in dated.read_text(encoding="utf-8")
    assert result.exit_code == 1 and "date.weekday" in result.stdout, result.output


def test_file_without_fixes_is_never_touched(tmp_path):
    path = _story(tmp_path, "Jahangir said she was angered by the media.\n")
    os.utime(path, (1_000_000, 1_000_000))
    runner.invoke(app, [str(path), "--isolated", "--fix"])
    assert os.stat(path).st_mtime == 1_000_000


def test_no_flag_never_writes(tmp_path):
    path = _story(tmp_path, f"{WORDY}\n")
    runner.invoke(app, [str(path), "--isolated"])
    assert path.read_text(encoding="utf-8") == f"{WORDY}\n"


def test_suppressed_findings_are_not_fixed(tmp_path):
    path = _story(tmp_path, f"[factcheck: ignore style.wordiness]\n{WORDY}\n")
    runner.invoke(app, [str(path), "--isolated", "--fix"])
    assert WORDY in path.read_text(encoding="utf-8")


def test_markdown_fix_lands_on_the_source(tmp_path):
    path = _story(tmp_path, f"# Iowa\n\n*{WORDY}*\n", "story.md")
    runner.invoke(app, [str(path), "--isolated", "--fix"])
    assert (
        path.read_text(encoding="utf-8") == f"# Iowa\n\n*{WORDY.replace('prior to', 'before')}*\n"
    )


def test_stdin_cannot_be_fixed():
    result = runner.invoke(app, ["-", "--fix"], input=WORDY)
    assert result.exit_code == 2


def test_only_rewording_rules_are_fix_safe():
    rules, _ = all_rules()
    safe = {r.id for r in rules if fix_safe(r)}
    assert {"style.wordiness", "style.doubled-word", "boilerplate.web"} <= safe
    assert not any(r.startswith(("entity.", "place.", "date.", "sourcing.")) for r in safe)


def test_overlapping_fixes_keep_the_first(checker):
    doc = load_text(DOUBLED)
    report = checker.check_text(DOUBLED)
    assert isinstance(report, DocumentReport)
    (found,) = [f for f in report.findings if f.rule_id == "style.doubled-word"]
    wider = found.model_copy(
        update={"fixes": [Fix(span=doc.span(29, 40), replacement="by the")], "rule_id": "r.wide"}
    )
    report.findings = [wider, found]
    chosen = edits(doc, report, frozenset({"style.doubled-word", "r.wide"}))
    assert [(e.start, e.end, e.rule_id) for e in chosen] == [(29, 40, "r.wide")]
    assert edits(doc, report, frozenset({"style.doubled-word"}))[0].start == 33


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.integers(0, 5), st.text("xy", max_size=3)), max_size=6
    )
)
def test_applied_keeps_everything_outside_the_edits(raw):
    source = "abcdefghijklmnopqrstuvwxyz"
    chosen, at = [], 0
    for start, length, text in sorted(raw):
        if start >= at:
            chosen.append(Edit(start, start + length, text, "r"))
            at = start + length
    result = applied(source, chosen)
    assert len(result) == len(source) + sum(len(e.replacement) - (e.end - e.start) for e in chosen)
    assert result.endswith(source[at:])


def _one_fix(checker, text, rule):
    doc = load_text(text)
    report = checker.check_text(text)
    assert [f for f in report.findings if f.rule_id == rule and f.fixes]  # the rule offers one
    return edits(doc, report, frozenset({rule}))


def test_a_fix_never_changes_a_figure(checker):
    # reut2-005/reuters_1987-03-13_5887.txt: a table row, two figures of 14
    assert (
        _one_fix(
            checker,
            "The figures were: NORWAY 14 14 97 130 ICELAND 44 52 10.\n",
            "style.doubled-word",
        )
        == []
    )
    # near miss: reut2-004/reuters_1987-03-13_4917.txt, a doubled word, no figure touched
    (edit,) = _one_fix(
        checker, "The FDA said said the recall affects 315,000 packages.\n", "style.doubled-word"
    )
    assert edit.replacement == "said"


def test_a_fix_never_spans_a_paragraph_break(checker):
    # reut2-012/reuters_1987-04-01_12134.txt: the headline ends with the body's first word
    text = "NIAGARA MOHAWK DEBT DOWNGRADED BY MOODY'S\n\nMoody's Investors Service Inc said it downgraded the debt.\n"
    assert _one_fix(checker, text, "style.doubled-word") == []


def test_the_diff_applies_with_patch_even_without_a_final_newline(tmp_path, monkeypatch):
    import shutil
    import subprocess

    path = _story(tmp_path, WORDY)  # no line break at the end
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["story.txt", "--isolated", "--diff"])
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert result.stdout.count("\\ No newline at end of file\n") == 2
    if shutil.which("patch"):
        subprocess.run(["patch", "-p1", "-s"], input=result.stdout, text=True, check=True)
        assert path.read_text(encoding="utf-8") == WORDY.replace("prior to", "before")


def test_a_file_cut_to_max_bytes_or_changed_since_the_check_is_not_fixed(tmp_path):
    from checker import Checker, Config
    from checker.fixes import plan_file

    safe = frozenset(r.id for r in all_rules()[0] if fix_safe(r))
    path = _story(tmp_path, f"{WORDY}\n\n{DOUBLED}\n")
    checker = Checker(Config(select=["style"]))
    report = checker.check_paths([path]).documents[0]
    assert plan_file(report, safe) is not None  # the near miss: the whole file, unchanged
    assert plan_file(report, safe, max_bytes=40) is None  # the check read a cut copy
    path.write_text(f"Edited.\n\n{WORDY}\n\n{DOUBLED}\n", encoding="utf-8")  # since the check
    assert plan_file(report, safe) is None
    path.write_bytes(f"{WORDY}\n".encode("utf-16"))  # UTF-8 written back would change it
    assert plan_file(checker.check_paths([path]).documents[0], safe) is None
