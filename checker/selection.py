"""Rule selectors checked against the registry: a gate that selects nothing must not pass.

`select`, `ignore`, `extend-select`, the `[severity]` keys and `[per-file-ignores]` name rule ids or prefixes
(`style`, `sourcing.unsourced-number`, `ALL`). A misspelt one (`styel`) or one no rule has
(`nosuch.rule`) is a usage error that names the closest ids, and so is a selection that leaves
no rule to run; the CLI exits 2 on either, as ruff does.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

from checker.config import Config, prefix_match
from checker.rules.base import Rule

CLOSE = 3  # suggestions per unknown selector


def known_prefixes(rules: Iterable[Rule]) -> list[str]:
    """Every rule id and every dotted prefix of one ("style", "sourcing", ...)."""
    found: set[str] = set()
    for rule in rules:
        parts = rule.id.split(".")
        found.update(".".join(parts[: n + 1]) for n in range(len(parts)))
    return sorted(found)


def problems(config: Config, rules: list[Rule]) -> list[str]:
    """One message per selector that names no rule, and one if nothing is selected."""
    prefixes = known_prefixes(rules)
    messages = []
    named = {
        "select": config.select,
        "extend-select": config.extend_select,
        "ignore": config.ignore,
        "severity": list(config.severity),
        "per-file-ignores": [
            s for selectors in config.per_file_ignores.values() for s in selectors
        ],
    }
    for where, selectors in named.items():
        for selector in selectors:
            if selector == "ALL" or any(prefix_match(r.id, selector) >= 0 for r in rules):
                continue
            close = get_close_matches(selector, prefixes, n=CLOSE, cutoff=0.6)
            hint = (
                f"; did you mean {', '.join(close)}?" if close else "; `factcheck rules` lists them"
            )
            messages.append(f"{where}: {selector!r} names no rule{hint}")
    if not messages and not any(
        config.selects(r.id) and config.enables_pack(r.pack) for r in rules
    ):
        messages.append("the selection leaves no rule to run (see select, ignore, enabled-packs)")
    return messages
