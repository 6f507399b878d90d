"""Declarative rule packs: YAML files of rules, validated on load, compiled once.

A pack file holds `pack: NAME` and `rules: [...]`; each rule has an `id`, a `kind`, a
`severity`, a `message` template and `docs`. Patterns compile with RE2 (linear time), so no user
pattern can hang the checker. A malformed pack is reported with its file and line and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.packs.kinds import KINDS, PackRule
from checker.packs.matching import PatternError
from checker.paths import files_under


class PackError(Exception):
    """A malformed pack: the message names the file and line."""


def load_pack(path: Path) -> list[PackRule]:
    """All rules of one YAML pack file; raises `PackError` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {_one_line(exc)}") from None
    return parse_pack(text, path)


def parse_pack(text: str, path: Path) -> list[PackRule]:
    """The rules of a pack given as text (`path` names it in messages); raises `PackError`."""
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise PackError(f"{path}{where}: invalid YAML: {_one_line(problem)}") from None
    except RecursionError:
        raise PackError(f"{path}: invalid YAML: nested too deeply") from None
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}:1: a rule pack is a mapping with a 'rules' list")
    name = data.get("pack")
    pack = name if isinstance(name, str) and name else path.stem  # never str() a YAML structure
    items = _rule_nodes(node)
    rules: list[PackRule] = []
    for i, raw in enumerate(data["rules"]):
        line = items[i].start_mark.line + 1 if i < len(items) else 1
        if not isinstance(raw, dict):
            raise PackError(f"{path}:{line}: each rule is a mapping")
        kind = raw.get("kind", "existence")
        model = KINDS.get(kind) if isinstance(kind, str) else None
        if model is None:
            shown = repr(kind) if isinstance(kind, str) else f"of type {type(kind).__name__}"
            raise PackError(f"{path}:{line}: unknown rule kind {shown} (one of {', '.join(KINDS)})")
        try:
            rule = model.model_validate({**raw, "pack": pack, "origin": f"{path}:{line}"})
            rule.compile()
        except (ValidationError, ValueError, RecursionError) as exc:
            at = _field_line(items[i], exc) if i < len(items) else line
            raise PackError(f"{path}:{at}: rule {raw.get('id', '?')}: {_one_line(exc)}") from None
        rules.append(rule)
    return rules


def _rule_nodes(node: yaml.Node | None) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if getattr(key, "value", None) == "rules" and isinstance(value, yaml.SequenceNode):
                return list(value.value)
    return []


def _field_line(rule: yaml.Node, exc: Exception) -> int:
    """The line of the field an error is about (the rule's first line if none is named)."""
    if isinstance(exc, PatternError):
        for node in _scalars(rule):
            if node.value == exc.pattern:
                return node.start_mark.line + 1
    if isinstance(exc, ValidationError) and _first_error(exc)["loc"]:
        wanted = {str(_first_error(exc)["loc"][0])}
    elif "message uses" in str(exc):
        wanted = {"message"}
    else:
        wanted = {"patterns", "swap", "either", "token", "tokens"}
    if isinstance(rule, yaml.MappingNode):
        for key, value in rule.value:
            if getattr(key, "value", None) in wanted:
                return value.start_mark.line + 1
    return rule.start_mark.line + 1


def _scalars(root: yaml.Node) -> list[yaml.ScalarNode]:
    """Every scalar under a node, each node visited once (YAML aliases may form cycles)."""
    found, seen, todo = [], set(), [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.append(node)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            todo.extend(n for pair in reversed(node.value) for n in reversed(pair))
    return found


def _first_error(exc: ValidationError) -> Any:
    """A misspelt key explains the missing one, so unknown keys are reported first."""
    return min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = _first_error(exc)
        loc = ".".join(str(p) for p in err["loc"])
        return f"{loc}: {err['msg']}" if loc else err["msg"]
    return " ".join(str(exc).split())


def pack_files(folders: Iterable[Path]) -> list[Path]:
    """The YAML rule packs under the folders (knowledge data lives beside them, not in them)."""
    return files_under(folders, (".yaml", ".yml"), skip="knowledge")


def load_packs(folders: Iterable[Path]) -> tuple[list[PackRule], list[str]]:
    """Rules from every pack under the folders, and one error line per malformed pack."""
    folders = list(folders)
    rules: list[PackRule] = []
    errors = [f"{f}: no such rule-pack folder or file" for f in folders if not f.exists()]
    for path in pack_files(folders):
        try:
            rules.extend(load_pack(path))
        except PackError as exc:
            errors.append(str(exc))
    return rules, errors
