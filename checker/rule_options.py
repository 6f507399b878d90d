"""Rule options: settings one rule reads, given in the `[rule-options."RULE"]` table of the
config file (`[tool.factcheck.rule-options."RULE"]` in pyproject.toml), keys kebab-case.

A rule declares its options in `options` (a tuple of `RuleOption`); `factcheck` checks the
table when it loads the settings: an unknown rule, a rule with no options, an unknown option
or a value out of range is a configuration error (exit 2) that names the closest spelling.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

CLOSE = 3  # spellings offered for a misspelt rule or option


@dataclass(frozen=True)
class RuleOption:
    """One option: its kebab-case name, what it does, its default, and either the values it
    may take (`choices`) or the least integer it may be (`minimum`)."""

    name: str
    description: str
    default: Any
    choices: tuple[str, ...] = ()
    minimum: int | None = None

    def check(self, value: Any) -> str | None:
        """Why `value` is not one this option takes (None: it is)."""
        if self.choices:
            if value not in self.choices:
                return f"{value!r} is not one of {', '.join(map(repr, self.choices))}"
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{value!r} is not a whole number"
        if self.minimum is not None and value < self.minimum:
            return f"{value} is less than {self.minimum}"
        return None

    def describe(self) -> str:
        """One line of a rule page: `name` (default): what it does; the values it takes."""
        values = ", ".join(f"`{c}`" for c in self.choices) if self.choices else "a whole number"
        if not self.choices and self.minimum is not None:
            values += f" from {self.minimum}"
        return f"- `{self.name}` (default `{self.default}`; {values}): {self.description}"


def _hint(name: str, known: list[str]) -> str:
    close = get_close_matches(name, known, n=CLOSE, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else f" (known: {', '.join(known)})"


def validate(table: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The `rule-options` table checked against the rules' declared options (ValueError on an
    unknown rule or option or a bad value), option names kept kebab-case."""
    from checker.registry import builtin_rules  # the registry reads the config module

    declared = {
        r.id: {o.name: o for o in getattr(r, "options", ())}
        for r in builtin_rules()
        if getattr(r, "options", ())
    }
    checked: dict[str, dict[str, Any]] = {}
    for rule_id, settings in table.items():
        if rule_id not in declared:
            raise ValueError(f"no rule with options {rule_id!r}{_hint(rule_id, sorted(declared))}")
        if not isinstance(settings, Mapping):
            raise ValueError(f"{rule_id!r} must be a table of options")  # noqa: TRY004 (pydantic reports ValueError)
        options = declared[rule_id]
        for key, value in settings.items():
            name = str(key).replace("_", "-")
            if name not in options:
                raise ValueError(
                    f"{rule_id}: unknown option {name!r}{_hint(name, sorted(options))}"
                )
            problem = options[name].check(value)
            if problem:
                raise ValueError(f"{rule_id}: {name}: {problem}")
            checked.setdefault(rule_id, {})[name] = value
    return checked


def options_for(rule: Any, given: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """A rule's options: each declared option's configured value, else its default."""
    mine = given.get(rule.id, {})
    return {o.name: mine.get(o.name, o.default) for o in getattr(rule, "options", ())}
