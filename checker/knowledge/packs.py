"""Reading knowledge packs: YAML files validated by pydantic, errors naming file and line.

A malformed pack never stops a run: `read_packs` returns the good packs and one error line per
bad file. Line numbers come from a second, node-level parse done only when something is wrong,
so a large valid pack is read once, with the C loader when PyYAML has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml
from pydantic import ValidationError

from checker.knowledge.models import Pack
from checker.paths import files_under


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that leaves dates as text: pydantic then parses them and a bad date
    ("2020-13-01") becomes an error with a line number instead of a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# JSON is YAML too, and parses twenty times faster: the format for very large imported rosters.
PACK_SUFFIXES = (".yaml", ".yml", ".json")


class KnowledgeError(Exception):
    """A malformed knowledge pack: the message names the file and line."""


def pack_files(folders: Iterable[Path]) -> list[Path]:
    """The pack files of each folder (recursively, sorted) or the file itself; a path that is
    neither is kept, so reading it fails with an error line: a misspelt folder must not pass
    unnoticed."""
    return files_under(folders, PACK_SUFFIXES, keep_missing=True)


def read_pack(path: Path) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_Loader)
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    except FileNotFoundError:
        raise KnowledgeError(f"{path}: no such knowledge folder or file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge pack: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise KnowledgeError(
            f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}"
        ) from None
    except (ValueError, TypeError) as exc:  # a value PyYAML itself cannot build
        raise KnowledgeError(f"{path}: invalid value: {exc}") from None
    if data is None:
        return Pack()
    if not isinstance(data, dict):
        raise KnowledgeError(
            f"{path}:1: a knowledge pack is a mapping of people, organisations, places, titles"
        )
    try:
        return Pack.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [p for p in err["loc"] if p != "in_"]
        where = ".".join(str(p) for p in loc)
        line = line_of(text, loc)
        raise KnowledgeError(f"{path}:{line}: {where}: {err['msg']}") from None


def line_of(text: str, loc: Sequence[object]) -> int:
    """1-based line of the YAML node at `loc` (keys and list indexes), or of its nearest parent."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    line = 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def read_packs(folders: Iterable[Path]) -> tuple[list[tuple[Path, Pack]], list[str]]:
    """Every readable pack under the folders, and one error line per malformed one."""
    packs: list[tuple[Path, Pack]] = []
    errors: list[str] = []
    for path in pack_files(folders):
        try:
            packs.append((path, read_pack(path)))
        except KnowledgeError as exc:
            errors.append(str(exc))
    return packs, errors
