"""docs/rules/ holds one generated page per rule and an index, in step with the rules."""

from __future__ import annotations

from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.models import Severity
from checker.registry import all_rules
from checker.rule_pages import (
    CASES_DIR,
    COMMAND,
    load_cases,
    render_page,
    stale_pages,
    write_pages,
)
from checker.rules.base import PythonRule

from .conftest import ROOT

PAGES = ROOT / "docs" / "rules"
runner = CliRunner()


def rules():
    found, errors = all_rules(Config())
    assert not errors
    return found


def test_the_checked_in_pages_are_the_generated_ones(tmp_path):
    write_pages(rules(), tmp_path, CASES_DIR)
    fresh = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")}
    kept = {p.name: p.read_text(encoding="utf-8") for p in PAGES.glob("*.md")}
    missing = sorted(set(fresh) - set(kept))
    stale = sorted(name for name in set(fresh) & set(kept) if fresh[name] != kept[name])
    extra = sorted(set(kept) - set(fresh))
    assert not (missing or stale or extra), (
        f"docs/rules is out of date (missing: {missing}, stale: {stale}, no such rule: {extra}); "
        f"run `{COMMAND}`"
    )


def page(rule_id: str) -> str:
    rule = next(r for r in rules() if r.id == rule_id)
    return render_page(rule, load_cases(CASES_DIR, rule_id))


def test_a_python_rule_page_has_its_docs_hits_and_near_misses():
    text = page("place.spelling")
    assert text.splitlines()[2] == "# place.spelling"
    assert "Severity: **info** · kind: `python` · pack: `builtin`" in text
    assert "A place name is spelt in a form house style replaces" in text
    order = ["## What it checks", "## Why it matters", "## Example", "## Suggested fix",
             "## Examples from real copy", "## Near misses"]  # fmt: skip
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    hits = text.split("## Examples from real copy")[1].split("## Near misses")[0]
    assert "Flagged: **Kiev**" in hits and "seeds/000\\_271244230b04580b.txt" in hits
    assert "war over chicken Kiev" in text.split("## Near misses")[1]


def test_a_yaml_rule_page_has_its_docs_hits_and_near_misses():
    text = page("style.redundancy")
    assert "Severity: **warning** · kind: `repetition` · pack: `style`" in text
    assert "## What it checks\n\nAdjacent words that share a stem" in text
    assert "Flagged: **escalating escalation**" in text
    assert "Flagged: **contested contest**" in text and "from corpus train/text/" in text
    assert "Tensions have soared in the past month" in text.split("## Near misses")[1]


class Undocumented(PythonRule):
    """A rule of a plugin with no case file.

    ## What it checks
    Nothing.

    ## Why it matters
    It does not.

    ## Example
    None.

    ## Suggested fix
    None.
    """

    id = "house.nothing"
    severity = Severity.info


def test_a_rule_without_a_case_file_gets_its_docs_alone(tmp_path):
    text = render_page(Undocumented(), {})
    assert "## Suggested fix\n\nNone." in text and "real copy" not in text


def test_check_docs_names_missing_stale_and_left_over_pages(tmp_path):
    result = runner.invoke(app, ["rules", "--check-docs", str(tmp_path)])
    assert result.exit_code == 1 and f"{tmp_path / 'place.spelling.md'}: missing" in result.stdout
    assert f"factcheck rules --write-docs {tmp_path}" in result.stderr
    assert runner.invoke(app, ["rules", "--write-docs", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["rules", "--check-docs", str(tmp_path)]).exit_code == 0
    (tmp_path / "place.spelling.md").write_text("edited by hand\n", encoding="utf-8")
    gone = tmp_path / "house.gone.md"
    gone.write_text((tmp_path / "date.weekday.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not generated\n", encoding="utf-8")
    assert stale_pages(rules(), tmp_path, CASES_DIR) == [
        f"{tmp_path / 'place.spelling.md'}: stale",
        f"{gone}: no such rule",
    ]
    written = runner.invoke(app, ["rules", "--write-docs", str(tmp_path)]).stdout.split()
    assert written == [str(tmp_path / "place.spelling.md"), str(gone)] and not gone.exists()
    assert (tmp_path / "notes.md").exists()  # a page the generator did not write is kept
