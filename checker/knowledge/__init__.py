"""The knowledge base: people, offices, organisations and places the entity rules check against.

YAML packs (`rules/knowledge/` plus the folders in `Config.knowledge`) are validated, compiled
into a cached SQLite file and opened as one `KnowledgeBase` that the `Checker` shares with every
document as `analysis.kb`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from checker.knowledge.base import KnowledgeBase, PersonRecord, PlaceRecord, RoleRecord
from checker.knowledge.packs import KnowledgeError
from checker.knowledge.store import compiled
from checker.paths import rules_dir

if TYPE_CHECKING:
    from checker.config import Config

__all__ = [
    "KnowledgeBase",
    "KnowledgeError",
    "PersonRecord",
    "PlaceRecord",
    "RoleRecord",
    "knowledge_base",
    "knowledge_folders",
]  # fmt: skip


def knowledge_folders(config: Config) -> list[Path]:
    """The shipped packs (curated and imported) and the configured ones. With
    FACTCHECK_KNOWLEDGE_IMPORTS=0, only the curated starter packs are shipped: a small, quick
    knowledge base (each set of packs is compiled on its own, and the imports take ~40 s)."""
    shipped = rules_dir() / "knowledge"
    if os.environ.get("FACTCHECK_KNOWLEDGE_IMPORTS") == "0":
        return [*sorted(shipped.glob("*.yaml")), *(Path(p) for p in config.knowledge)]
    return [shipped, *(Path(p) for p in config.knowledge)]


def knowledge_base(config: Config) -> tuple[KnowledgeBase, list[str]]:
    """The compiled knowledge base for this configuration and one error line per bad pack."""
    kb = KnowledgeBase(compiled(knowledge_folders(config)))
    return kb, list(kb.errors)
