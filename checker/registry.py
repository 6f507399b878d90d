"""The rule registry: built-in Python rules, YAML pack rules and third-party entry points.

Built-ins are an explicit tuple (no registration by import side effect); plugins register through
the `factcheck.rules` entry-point group, each entry point naming a Rule class or a callable that
returns an iterable of rules.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Config
from checker.models import CheckError
from checker.packs import load_packs
from checker.paths import rules_dir
from checker.rules.base import PythonRule, Rule
from checker.rules.date.impossible import ImpossibleDate
from checker.rules.date.publication import WeekdayVsPublication
from checker.rules.date.relative import RelativeDate
from checker.rules.date.weekday import WeekdayDate
from checker.rules.entity.name_consistency import NameConsistency
from checker.rules.entity.name_role import NameRole
from checker.rules.entity.title import Title
from checker.rules.entity.unnamed_official import UnnamedOfficial
from checker.rules.input import SentenceCut, SolverLimit, TimeBudget, Truncated
from checker.rules.numbers import ConstraintViolated
from checker.rules.place.containment import Containment
from checker.rules.place.destination import Destination
from checker.rules.place.spelling import Spelling
from checker.rules.sourcing.anonymous import Anonymous
from checker.rules.sourcing.quote_without_speaker import QuoteWithoutSpeaker
from checker.rules.sourcing.second_hand import SecondHand
from checker.rules.sourcing.surname_first import SurnameFirst
from checker.rules.sourcing.unsourced_number import UnsourcedNumber
from checker.rules.suppression import UnusedSuppression

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.models import Finding

ENTRY_POINT_GROUP = "factcheck.rules"


def builtin_rules() -> list[Rule]:
    """Every built-in Python rule, in a fixed order."""
    classes: tuple[type[PythonRule], ...] = (
        WeekdayDate,
        RelativeDate,
        WeekdayVsPublication,
        ImpossibleDate,
        ConstraintViolated,
        Truncated,
        TimeBudget,
        SentenceCut,
        SolverLimit,
        UnusedSuppression,
        NameRole,
        Title,
        NameConsistency,
        UnnamedOfficial,
        Containment,
        Spelling,
        Destination,
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
                if getattr(rule, "pack", "builtin") == "builtin" and ep.dist is not None:
                    _set_pack(rule, ep.dist.name)
                rules.append(rule)
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the run
            errors.append(f"plugin {ep.name} ({ep.value}): {exc}")
    return rules, errors


def _set_pack(rule: Rule, name: str) -> None:
    """List a plugin's rules under its distribution's name, where the rule object allows it."""
    try:
        rule.pack = name  # type: ignore[misc]  # read-only in the protocol; set where allowed
    except (AttributeError, TypeError, ValueError):
        pass


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


def run_rule(rule: Rule, analysis: Analysis) -> list[Finding]:
    """A rule's findings; a rule that fails (a plugin's bug) costs its own findings on this
    document and one `CheckError` in its report (the run then exits 2), not the whole run."""
    try:
        return list(rule.check(analysis))
    except Exception as exc:  # noqa: BLE001 - third-party code; reported, not swallowed
        message = f"rule {rule.id} failed on {analysis.document.path}: {type(exc).__name__}: {exc}"
        analysis.errors.append(CheckError(origin="rule", rule_id=rule.id, message=message))
        return []


def requirements(rule: Rule) -> tuple[str, ...]:
    """The layers and conditions a rule declares it needs (none for a plugin that says nothing)."""
    needs = getattr(rule, "requires", ())
    return tuple(needs) if isinstance(needs, (tuple, list)) else ()


def selected_rules(config: Config) -> tuple[list[Rule], list[str]]:
    rules, errors = all_rules(config)
    return [r for r in rules if config.selects(r.id) and config.enables_pack(r.pack)], errors
