"""Effective configuration: defaults, overridden by a config file, overridden by the CLI."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Severity

FAIL_LEVELS = ("error", "warning", "info", "never")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fail_on: str = Field("error", description="error, warning, info or never")
    select: list[str] = Field(default_factory=list, description="rule ids or prefixes; empty = all")
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict, description="per-rule overrides")
    packs: list[str] = Field(default_factory=list, description="extra rule-pack folders or files")
    knowledge: list[str] = Field(default_factory=list, description="extra knowledge folders")
    include: list[str] = Field(default_factory=list, description="file globs to check")
    exclude: list[str] = Field(default_factory=list, description="file globs to skip")
    date: str | None = Field(None, description="publication date when the article has none")
    max_bytes: int = Field(5_000_000, description="larger files are cut to this size")
    time_budget: float | None = Field(
        None, description="seconds per document; later stages and rules are skipped past it"
    )

    def selects(self, rule_id: str) -> bool:
        """ruff-style selection: the longest matching prefix wins, ignore beats select on a tie."""

        def best(prefixes: list[str]) -> int:
            return max(
                (len(p) for p in prefixes if rule_id == p or rule_id.startswith(p.rstrip(".") + ".")
                 or p in ("ALL", "")),
                default=-1,
            )

        chosen = best((self.select or ["ALL"]) + self.extend_select)
        return chosen >= 0 and chosen > best(self.ignore)

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return self.severity.get(rule_id, default)
