"""Reading knowledge packs: YAML files validated by pydantic, errors naming file and line.

A malformed pack never stops a run: `read_packs` returns the good packs and one error line per
bad file. Line numbers come from a second, node-level parse done only when something is wrong,
so a large valid pack is read once, with the C loader when PyYAML has it.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.knowledge.models import Organisation, Pack, Person, Place, Record, Source, Title
from checker.paths import files_under


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that leaves dates as text: pydantic then parses them and a bad date
    ("2020-13-01") becomes an error with a line number instead of a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# JSON is YAML too, and parses twenty times faster; JSON lines (one record a line, gzipped or
# not) are read one record at a time: the format of the importers' output.
PACK_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".gz")
LINE_SUFFIXES = (".jsonl", ".jsonl.gz")
RECORD_KINDS: dict[str, type[Record]] = {
    "person": Person, "organisation": Organisation, "place": Place, "title": Title,
    "source": Source,
}  # fmt: skip


class KnowledgeError(Exception):
    """A malformed knowledge pack: the message names the file and line."""


def pack_files(folders: Iterable[Path]) -> list[Path]:
    """The pack files of each folder (recursively, sorted) or the file itself; a path that is
    neither is kept, so reading it fails with an error line: a misspelt folder must not pass
    unnoticed. Curated packs (YAML, JSON) come before JSON-lines imports: the first record of
    an id wins."""
    files = [
        p for p in files_under(folders, PACK_SUFFIXES, keep_missing=True)
        if p.suffix != ".gz" or is_lines(p)
    ]  # fmt: skip
    return sorted(files, key=is_lines)  # stable: curated first, each group in folder order


def is_lines(path: Path) -> bool:
    return path.name.endswith(LINE_SUFFIXES)


Line = tuple[int, str, Record | None, str | None]  # line, kind, record, or the error message


def read_lines(path: Path) -> Iterator[Line]:
    """Each record of a JSON-lines pack, validated on its own: a bad line is one error (with
    its number) and the rest of the file still loads. Lines are `{"person": {...}}` and the
    like (see RECORD_KINDS); blank lines and lines starting with # are skipped."""
    opener: Any = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="strict") as stream:
            for number, text in enumerate(stream, 1):
                if text.strip() and not text.lstrip().startswith("#"):
                    yield _line(number, text)
    except FileNotFoundError:
        yield 0, "", None, "no such knowledge folder or file"
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield 0, "", None, f"cannot read knowledge pack: {exc}"


def _line(number: int, text: str) -> Line:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return number, "", None, f"invalid JSON: {exc.msg}"
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in RECORD_KINDS:
        return number, "", None, f"a line is one of {{{', '.join(RECORD_KINDS)}: {{...}}}}"
    kind, body = next(iter(data.items()))
    try:
        return number, kind, RECORD_KINDS[kind].model_validate(body), None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"] if p != "in_")
        return number, kind, None, f"{kind}{'.' + where if where else ''}: {err['msg']}"


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


def line_of(text: str | Any, loc: Sequence[object]) -> int:
    """1-based line of the YAML node at `loc` (keys and list indexes), or of its nearest parent;
    `text` may be a node tree already composed (`compose`), so many lookups parse once."""
    node = compose(text) if isinstance(text, str) else text
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


def compose(text: str) -> Any:
    """The YAML node tree of a pack, or None when even that fails (then line 1 is reported)."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


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
