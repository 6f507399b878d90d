"""Every rule's docs follow the one dialect: a summary line, then the four sections in order."""

from __future__ import annotations

from checker.config import Config
from checker.registry import all_rules
from checker.rule_docs import SECTIONS, dialect_problems, split_docs


def test_every_rule_follows_the_docs_dialect():
    rules, errors = all_rules(Config())
    assert not errors
    broken = {r.id: dialect_problems(r.docs) for r in rules}
    broken = {rule_id: problems for rule_id, problems in broken.items() if problems}
    assert not broken, f"rule docs off the dialect (see checker/rule_docs.py): {broken}"


def test_the_dialect_check_names_what_is_wrong():
    google_style = "A summary.\n\nWhat it checks:\n    indented\n\nExample:\n    text"
    assert any("sections must be" in p for p in dialect_problems(google_style))
    out_of_order = "A summary.\n\n" + "\n\n".join(f"## {h}\ntext" for h in reversed(SECTIONS))
    assert any("in that order" in p for p in dialect_problems(out_of_order))
    assert "the first line must be a one-sentence summary" in dialect_problems("")
    good = "A summary.\n\n" + "\n\n".join(f"## {h}\n{h} text" for h in SECTIONS)
    assert dialect_problems(good) == []
    assert split_docs(good).sections["Example"] == "Example text"
