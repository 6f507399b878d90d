"""A baseline: today's findings, written once, so that later runs fail only on new ones.

A finding's fingerprint is its rule id, its span text and a few words on either side within its
paragraph (whitespace folded), hashed. Offsets are left out, so edits elsewhere in the file keep
the fingerprint; an edit to the sentence itself makes the finding new. Equal fingerprints are counted: if the
baseline holds two and the file now has three, one of them is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from checker.document import Document
from checker.models import DocumentReport, Finding

VERSION = 1
CONTEXT_WORDS = 4
# the context stops at a blank line: a paragraph added or edited next to a finding's is elsewhere
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def fingerprint(document: Document, finding: Finding) -> str:
    text = document.text
    before = _PARAGRAPH_BREAK.split(text[max(0, finding.span.start - 200) : finding.span.start])[-1]
    after = _PARAGRAPH_BREAK.split(text[finding.span.end : finding.span.end + 200])[0]
    before, after = before.split()[-CONTEXT_WORDS:], after.split()[:CONTEXT_WORDS]
    key = "\x1f".join(
        (finding.rule_id, " ".join(before), " ".join(finding.span.text.split()), " ".join(after))
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def stamp(document: Document, findings: Iterable[Finding]) -> None:
    """Give every finding of a document its fingerprint."""
    for finding in findings:
        finding.fingerprint = fingerprint(document, finding)


def _key(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def entries(doc: DocumentReport, base: Path) -> list[dict[str, str]]:
    """The baseline entries of one document's findings, paths relative to `base`."""
    key = _key(doc.path, base)
    return [
        {"path": key, "rule": f.rule_id, "fingerprint": f.fingerprint, "text": f.span.text}
        for f in doc.findings
        if f.fingerprint
    ]


def write_entries(found: list[dict[str, str]], path: Path) -> int:
    """Write baseline entries to a file; the number written."""
    data = {"version": VERSION, "tool": "factcheck", "findings": found}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(found)


def read(path: Path) -> Counter[tuple[str, str]]:
    """(path, fingerprint) counts from a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = data["findings"]
        return Counter((str(e["path"]), str(e["fingerprint"])) for e in found)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise BaselineError(
            f"{path}: not a factcheck baseline ({type(exc).__name__}: {exc})"
        ) from None


class Baseline:
    """A read baseline that drops known findings one document at a time (for streamed runs)."""

    def __init__(self, path: Path) -> None:
        self.known = read(path)
        self.base = path.parent
        self.dropped = 0

    def filter(self, doc: DocumentReport) -> None:
        """Drop from `doc` the findings the baseline holds (each entry excuses one finding)."""
        key = _key(doc.path, self.base)
        kept = []
        for f in doc.findings:
            if f.fingerprint and self.known[(key, f.fingerprint)] > 0:
                self.known[(key, f.fingerprint)] -= 1
                self.dropped += 1
            else:
                kept.append(f)
        doc.findings = kept
