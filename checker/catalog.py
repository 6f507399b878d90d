"""What `factcheck rules` and `factcheck explain` show: every rule's metadata, docs and example.

The docs live in one place per rule (a Python rule's docstring, a YAML rule's `docs`); nothing
here keeps a second copy.
"""

from __future__ import annotations

import re

from tabulate import tabulate

from checker.config import Config
from checker.models import Finding
from checker.rules.base import Rule, fix_safe

_EXAMPLE = re.compile(r"^#+\s*Example\s*\n+(.+?)(?:\n\s*\n|\n#|\Z)", re.MULTILINE | re.DOTALL)
# a docstring's "Example:" section, indented under its heading (Google style)
_INDENTED_EXAMPLE = re.compile(r"^Example:[ \t]*\n((?:[ \t]+\S.*(?:\n|\Z))+)", re.MULTILINE)
_QUOTES = "\"'“”‘’"


def rule_example(rule: Rule) -> str:
    """A text the rule fires on: its `example`, else the first paragraph of its Example docs."""
    given = getattr(rule, "example", "")
    if isinstance(given, str) and given.strip():
        return given.strip()
    m = _EXAMPLE.search(rule.docs or "")
    if m:
        return _unquote(" ".join(m.group(1).split()))
    m = _INDENTED_EXAMPLE.search(rule.docs or "")
    text = " ".join(m.group(1).split()) if m else ""
    return "" if "..." in text or "…" in text else text  # an excerpt is not a text to check


def _unquote(text: str) -> str:
    """The text inside the quotation marks that enclose it whole; a text that only ends with a
    quotation ('... considers a Russian attack “imminent.”') keeps its marks."""
    inner = text[1:-1]
    enclosed = len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES
    return inner.strip() if enclosed and not any(q in inner for q in _QUOTES) else text


def example_date(rule: Rule) -> str | None:
    """The publication date the example is checked at (a Python rule's `example_date`)."""
    value = getattr(rule, "example_date", None)
    return value if isinstance(value, str) else None


def example_config(rule: Rule, config: Config) -> Config:
    """`config` with only this rule selected and the settings its example needs."""
    settings = getattr(rule, "example_config", None)
    extra = dict(settings) if isinstance(settings, dict) else {}
    update = {"select": [rule.id], "extend_select": [], "ignore": [], **extra}
    return Config.model_validate({**config.model_dump(), **update})


def effective_severity(rule: Rule, config: Config) -> str:
    return config.severity_for(rule.id, rule.severity).value


def _runs(rule: Rule, config: Config) -> bool:
    return config.selects(rule.id) and config.enables_pack(rule.pack)


def rules_data(rules: list[Rule], config: Config) -> list[dict[str, object]]:
    """Every rule's metadata, for tools (an editor's rule picker, docs generators)."""
    return [
        {
            "id": r.id, "severity": effective_severity(r, config), "kind": r.kind, "pack": r.pack,
            "summary": r.summary, "enabled": _runs(r, config), "docs": r.docs,
            "example": rule_example(r), "link": getattr(r, "link", None),
            "fix_safe": fix_safe(r),
        }
        for r in sorted(rules, key=lambda r: r.id)
    ]  # fmt: skip


def rules_table(rules: list[Rule], config: Config) -> str:
    rows = [
        (
            r.id,
            effective_severity(r, config),
            r.kind,
            r.pack,
            "safe" if fix_safe(r) else "",
            r.summary,
            "" if _runs(r, config) else "off",
        )
        for r in sorted(rules, key=lambda r: r.id)
    ]
    headers = ("rule", "severity", "kind", "pack", "fix", "summary", "state")
    widths = [None, None, None, None, None, 64, None]
    return tabulate(rows, headers=headers, maxcolwidths=widths)


def find_rule(rules: list[Rule], rule_id: str) -> Rule | None:
    return next((r for r in rules if r.id == rule_id), None)


def close_ids(rules: list[Rule], rule_id: str) -> list[str]:
    from difflib import get_close_matches

    return get_close_matches(rule_id, [r.id for r in rules], n=3, cutoff=0.5)


def explanation(rule: Rule, config: Config, hits: list[Finding], example: str) -> str:
    """The rule's header, its docs, and the example with what the rule reports on it."""
    safe = ", safe fix" if fix_safe(rule) else ""
    head = f"{rule.id} ({effective_severity(rule, config)}, {rule.kind}, pack {rule.pack}{safe})"
    origin = getattr(rule, "origin", "") or getattr(type(rule), "__module__", "")
    parts = [f"{head}\n{'=' * len(head)}", (rule.docs or rule.summary).strip()]
    link = getattr(rule, "link", None)
    if link:
        parts.append(f"More: {link}")
    if example:
        shown = "\n".join(
            f"  {f.span.where}  {f.span.text!r}: {f.message}" + (f" ({f.suggestion})" if f.suggestion else "")
            for f in hits
        )  # fmt: skip
        parts.append(f"Example hit:\n  {example}\n{shown or '  (no finding on this example)'}")
    parts.append(f"Defined in: {origin}")
    return "\n\n".join(parts) + "\n"
