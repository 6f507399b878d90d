"""The rule registry: built-in Python rules, YAML pack rules and third-party entry points.

Built-ins are an explicit tuple (no registration by import side effect); plugins register through
the `factcheck.rules` entry-point group, each entry point naming a Rule class or a callable that
returns an iterable of rules.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from checker.config import Config
from checker.packs import load_packs
from checker.paths import rules_dir
from checker.rules.base import PythonRule, Rule
from checker.rules.sourcing.anonymous import Anonymous
from checker.rules.sourcing.quote_without_speaker import QuoteWithoutSpeaker
from checker.rules.sourcing.second_hand import SecondHand
from checker.rules.sourcing.surname_first import SurnameFirst
from checker.rules.sourcing.unsourced_number import UnsourcedNumber

ENTRY_POINT_GROUP = "factcheck.rules"


def builtin_rules() -> list[Rule]:
    """Every built-in Python rule, in a fixed order."""
    classes: tuple[type[PythonRule], ...] = (
        UnsourcedNumber,
        QuoteWithoutSpeaker,
        SecondHand,
        Anonymous,
        SurnameFirst,
    )
    return [cls() for cls in classes]


def plugin_rules() -> tuple[list[Rule], list[str]]:
    rules: list[Rule] = []
    errors: list[str] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
            made = obj() if callable(obj) else obj
            for rule in [made] if isinstance(made, Rule) else list(made):
                if not isinstance(rule, Rule):
                    raise TypeError(f"{rule!r} is not a rule")
                rules.append(rule)
        except Exception as exc:  # a broken plugin must not stop the run
            errors.append(f"plugin {ep.name} ({ep.value}): {exc}")
    return rules, errors


def all_rules(config: Config | None = None) -> tuple[list[Rule], list[str]]:
    """Every available rule (before selection) and one error line per broken pack or plugin."""
    config = config or Config()
    pack_rules, errors = load_packs([rules_dir(), *(Path(p) for p in config.packs)])
    plugins, plugin_errors = plugin_rules()
    rules: list[Rule] = [*builtin_rules(), *pack_rules, *plugins]
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            errors.append(f"rule {rule.id} defined twice; the later one ({rule.pack}) wins")
        seen[rule.id] = rule
    return list(seen.values()), errors + plugin_errors


def selected_rules(config: Config) -> tuple[list[Rule], list[str]]:
    rules, errors = all_rules(config)
    return [r for r in rules if config.selects(r.id)], errors
