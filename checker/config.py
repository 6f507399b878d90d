"""Effective configuration: defaults, overridden by a config file, overridden by the CLI.

The file is `.factcheck.toml` (top-level keys) or the `[tool.factcheck]` table of
`pyproject.toml`, whichever is found first walking up from the checked path (in one folder,
`.factcheck.toml` wins). Keys are written kebab-case in the file (`fail-on`, `extend-select`);
relative paths in it are relative to the file's folder. `extend = "PATH"` inherits another
file's settings, this file's own overriding them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fnmatch import fnmatch
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.limits import DEFAULT_MEGABYTES, DEFAULT_SECONDS
from checker.models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - 3.10
    import tomli as tomllib

FAIL_LEVELS = ("error", "warning", "info", "never")
CONFIG_NAMES = (".factcheck.toml", "pyproject.toml")
PATH_KEYS = ("packs", "knowledge")
PATH_KEY = ("baseline",)


class ConfigError(ValueError):
    """A config file that cannot be read or holds a bad value; the message names the file."""


def rule_page_url(docs_url: str | None, rule_id: str) -> str | None:
    """`<docs_url>/<rule_id>.md`, the page `factcheck rules --write-docs` writes; None without a
    base."""
    return f"{docs_url.rstrip('/')}/{rule_id}.md" if docs_url else None


def prefix_match(rule_id: str, prefix: str) -> int:
    """Length of `prefix` if it selects `rule_id` (ruff-style: an id or a dotted prefix), else -1."""
    if prefix in ("ALL", ""):
        return 0
    stem = prefix.rstrip(".")
    return len(stem) if rule_id == stem or rule_id.startswith(stem + ".") else -1


def iso_date(value: str) -> str:
    """`value` if it is a real day written YYYY-MM-DD: a wrong publication date would otherwise
    turn every date and role check off without a word."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fail_on: str = Field("error", description="error, warning, info or never")
    select: list[str] = Field(default_factory=list, description="rule ids or prefixes; empty = all")
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="per-rule (or prefix) severity overrides"
    )
    packs: list[str] = Field(default_factory=list, description="extra rule-pack folders or files")
    enabled_packs: list[str] = Field(
        default_factory=list, description="run only rules of these packs (empty = every pack)"
    )
    knowledge: list[str] = Field(default_factory=list, description="extra knowledge folders")
    include: list[str] = Field(default_factory=list, description="file globs to check")
    exclude: list[str] = Field(default_factory=list, description="file globs to skip")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="glob (relative to the config file's folder) = rule selectors not run there",
    )
    respect_gitignore: bool = Field(
        True, description="skip what the checkout's .gitignore files ignore when walking folders"
    )
    force_exclude: bool = Field(
        False, description="apply exclude (and .gitignore) to files named on the command line too"
    )
    baseline: str | None = Field(None, description="findings in this baseline file do not fail")
    date: str | None = Field(None, description="publication date when the article has none")
    reference_year: int | None = Field(
        None, ge=1000, le=9000,
        description="latest year an undated article may be from; default: the current year",
    )  # fmt: skip
    max_bytes: int = Field(5_000_000, description="larger files are cut to this size")
    config_file: str | None = Field(None, description="the file these settings came from")
    max_memory: int = Field(
        DEFAULT_MEGABYTES,
        ge=0,
        description="megabytes of address space for the CLI and each worker process (0: no"
        " limit); a document that needs more is reported as an input error",
    )
    time_budget: float | None = Field(
        DEFAULT_SECONDS,
        ge=0,
        description="seconds per document (0: no limit); past it the rest is skipped, and a step"
        " that overruns it is stopped (input.time-budget)",
    )
    docs_url: str | None = Field(
        None, description="where the rule pages (docs/rules) are published; links SARIF and LSP"
    )
    rule_options: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per rule id, the options it reads (its rule page)"
    )

    @field_validator("select", "ignore", "extend_select", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        """`--select style,place` and `select = ["style,place"]` name two selectors."""
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            return [part.strip() for item in value for part in str(item).split(",") if part.strip()]
        return value

    @field_validator("docs_url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        if value is not None and not urlsplit(value).scheme:
            raise ValueError(f"{value!r} is not an absolute URL (https://...)")
        return value

    @field_validator("date")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        return None if value is None else iso_date(value)

    @field_validator("rule_options", mode="before")
    @classmethod
    def _known_options(cls, value: object) -> object:
        from checker.rule_options import validate

        return validate(value) if isinstance(value, Mapping) else value

    @field_validator("fail_on")
    @classmethod
    def _fail_level(cls, value: str) -> str:
        if value not in FAIL_LEVELS:
            raise ValueError(f"{value!r} is not one of {', '.join(FAIL_LEVELS)}")
        return value

    def selects(self, rule_id: str) -> bool:
        """ruff-style selection: the longest matching prefix wins, ignore beats select on a tie."""

        def best(prefixes: list[str]) -> int:
            return max((prefix_match(rule_id, p) for p in prefixes), default=-1)

        chosen = best((self.select or ["ALL"]) + self.extend_select)
        return chosen >= 0 and chosen > best(self.ignore)

    def enables_pack(self, pack: str) -> bool:
        return not self.enabled_packs or pack in self.enabled_packs

    def rule_url(self, rule_id: str) -> str | None:
        """The rule's page, `<docs-url>/<rule-id>.md`; None without a docs-url: a missing link
        beats a wrong one."""
        return rule_page_url(self.docs_url, rule_id)

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        """The override of the longest id or prefix that matches, else the rule's own."""
        matches = [(prefix_match(rule_id, k), v) for k, v in self.severity.items()]
        best = max((m for m in matches if m[0] > 0), default=None, key=lambda m: m[0])
        return best[1] if best else default

    @property
    def root(self) -> Path:
        """The folder globs and relative paths are anchored to: the config file's, else cwd."""
        return Path(self.config_file).parent if self.config_file else Path.cwd()

    def wants(self, path: str) -> bool:
        """Whether a file found in a folder is checked under `include` and `exclude`."""
        if not self.include and not self.exclude:
            return True
        return (not self.include or self._hit(path, self.include)) and not self.excludes(path)

    def excludes(self, path: str) -> bool:
        """Whether `exclude` matches the file (what --force-exclude holds named files to)."""
        return bool(self.exclude) and self._hit(path, self.exclude)

    def ignored_in(self, path: str, rule_id: str) -> bool:
        """Whether `per-file-ignores` turns the rule off for this file."""
        return any(
            self._hit(path, [glob]) and any(prefix_match(rule_id, s) >= 0 for s in selectors)
            for glob, selectors in self.per_file_ignores.items()
        )

    def _hit(self, path: str, patterns: list[str]) -> bool:
        rel = _relative(Path(path), self.root)
        name = PurePath(rel).name
        return any(fnmatch(rel, p) or fnmatch(rel, f"*/{p}") or fnmatch(name, p) for p in patterns)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.as_posix()


def find_config_file(start: Path) -> Path | None:
    """The nearest `.factcheck.toml`, or `pyproject.toml` with a [tool.factcheck] table."""
    here = start.resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_table(path)):
                return path
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        return "factcheck" in _read_toml(pyproject).get("tool", {})
    except ConfigError:  # broken: ours to report only if it meant to configure factcheck
        return "tool.factcheck" in pyproject.read_text(encoding="utf-8", errors="replace")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def read_config_file(path: Path, chain: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The settings of one config file, keys in snake_case, paths made absolute. `extend =
    "PATH"` (relative to the file) reads that file first and lets this one override it: a
    key replaces the inherited value, a table (`severity`, `per-file-ignores`) adds to it."""
    own = _own_settings(path)
    target = own.pop("extend", None)
    if target is None:
        return own
    if not isinstance(target, str):
        raise ConfigError(f"{path}: extend: must be the path of a config file")
    base = (path.parent / target).resolve()
    here = (*chain, path.resolve())
    if base in here:
        cycle = " -> ".join(str(p) for p in (*here[here.index(base) :], base))
        raise ConfigError(f"{path}: extend: a cycle: {cycle}")
    if not base.is_file():
        raise ConfigError(f"{path}: extend: no such config file {base}")
    inherited = read_config_file(base, here)
    for key, value in own.items():
        old = inherited.get(key)
        inherited[key] = (
            {**old, **value} if isinstance(old, dict) and isinstance(value, dict) else value
        )
    return inherited


def _own_settings(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    settings = {str(k).replace("-", "_"): v for k, v in data.items()}
    allowed = {*Config.model_fields, "extend"}
    unknown = sorted(set(settings) - allowed | ({"config_file"} & set(settings)))
    if unknown:
        names = [*(k for k in Config.model_fields if k != "config_file"), "extend"]
        known = ", ".join(k.replace("_", "-") for k in names)
        raise ConfigError(f"{path}: unknown key {unknown[0].replace('_', '-')!r} (known: {known})")
    for key in PATH_KEYS:
        if isinstance(settings.get(key), list):
            settings[key] = [str(path.parent / str(p)) for p in settings[key]]
    for key in PATH_KEY:
        if isinstance(settings.get(key), str):
            settings[key] = str(path.parent / settings[key])
    if isinstance(settings.get("date"), date):  # TOML's own date type: date = 2022-02-02
        settings["date"] = settings["date"].isoformat()[:10]
    return settings


def load_config(
    paths: Sequence[str | Path] = (),
    overrides: Mapping[str, Any] | None = None,
    *,
    config_file: str | Path | None = None,
    isolated: bool = False,
) -> Config:
    """Defaults < the config file (given, or found upwards from the first path) < overrides.

    Overrides that are None (a CLI option not given) leave the file's value alone."""
    file = Path(config_file) if config_file else None
    if file is None and not isolated:
        file = find_config_file(Path(paths[0]) if paths else Path.cwd())
    if file is not None and not file.is_file():
        raise ConfigError(f"{file}: no such config file")
    settings = read_config_file(file) if file else {}
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    try:
        return Config.model_validate(
            {**settings, **given, "config_file": str(file) if file else None}
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]).replace("_", "-")
        where = f"{file}: " if file and err["loc"] and err["loc"][0] in settings else ""
        message = err["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{where}{key}: {message}") from None


def dump_toml(config: Config) -> str:
    """The effective settings as a `[tool.factcheck]` table (paste-able into pyproject.toml)."""
    lines = [
        f"# from {config.config_file or 'defaults (no config file found)'}",
        "[tool.factcheck]",
    ]
    tables = {"config_file", "severity", "per_file_ignores", "rule_options"}
    data = config.model_dump(mode="json", exclude=tables)
    lines += [f"{k.replace('_', '-')} = {_toml_value(v)}" for k, v in data.items() if v is not None]
    if config.severity:
        lines += ["", "[tool.factcheck.severity]"]
        lines += [f'"{k}" = "{v.value}"' for k, v in sorted(config.severity.items())]
    if config.per_file_ignores:
        lines += ["", "[tool.factcheck.per-file-ignores]"]
        lines += [
            f"{_toml_value(k)} = {_toml_value(v)}" for k, v in config.per_file_ignores.items()
        ]
    for rule_id, options in sorted(config.rule_options.items()):
        lines += ["", f"[tool.factcheck.rule-options.{_toml_value(rule_id)}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in sorted(options.items())]
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, Iterable):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(value)
