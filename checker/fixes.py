"""Safe fixes: the edits `factcheck --diff` shows and `factcheck --fix` writes.

Only a rule that declares `fix_safe` (it rewords: wordiness, doubled words, boilerplate; never a
name, title or number) may fix. A fix is left out when it sits in a quotation (a speaker's words
are not edited), when the source under it is not exactly the text the rule read (markup in
between), when it would change a figure, or when it spans a paragraph break. Suppressed findings never reach the report, so they are never fixed. Of overlapping
fixes the first is applied and the rest wait for the next run. A file is written only when it
has a fix: through a temporary file in its own folder and `os.replace`, keeping its mode.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checker.document import Document
from checker.layout import Layout
from checker.load import kind_for, load_text
from checker.models import DocumentReport

_DIGITS = re.compile(r"\d+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Edit:
    start: int  # source offsets
    end: int
    replacement: str
    rule_id: str


@dataclass
class FileFix:
    path: str
    before: str
    after: str
    edits: list[Edit]
    bom: bool = False

    def diff(self) -> str:
        """A unified diff `patch -p1` applies (a/ and b/ before a relative path)."""
        relative = not Path(self.path).is_absolute()
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}" if relative else self.path,
            tofile=f"b/{self.path}" if relative else self.path,
        )
        return "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in lines
        )


def edits(document: Document, report: DocumentReport, safe: frozenset[str]) -> list[Edit]:
    """The safe fixes of the report's findings as non-overlapping source edits, in order."""
    layout = Layout(document.text)
    found = []
    for finding in report.findings:
        if finding.rule_id not in safe:
            continue
        for fix in finding.fixes:
            span = fix.span
            if layout.in_quotation(span.start) or (
                span.end > span.start and layout.in_quotation(span.end - 1)
            ):
                continue
            start = document.source_offset(span.start)
            end = document.source_end(span.end) if span.end > span.start else start
            if document.source[start:end] != span.text or span.text == fix.replacement:
                continue
            if _DIGITS.findall(span.text) != _DIGITS.findall(fix.replacement):
                continue  # never a number: "NORWAY 14 14 97" in a table is two figures
            if _PARAGRAPH_BREAK.search(span.text):
                continue  # a headline's last word and the body's first are not one doubled word
            found.append(Edit(start, end, fix.replacement, finding.rule_id))
    chosen: list[Edit] = []
    for edit in sorted(found, key=lambda e: (e.start, e.end)):
        if not chosen or edit.start >= chosen[-1].end:
            chosen.append(edit)
    return chosen


def applied(source: str, chosen: list[Edit]) -> str:
    pieces, at = [], 0
    for edit in chosen:
        pieces += [source[at : edit.start], edit.replacement]
        at = edit.end
    return "".join(pieces) + source[at:]


def plan_file(
    report: DocumentReport, safe: frozenset[str], max_bytes: int | None = None
) -> FileFix | None:
    """The fixes for one checked file, or None when it has none or cannot be fixed safely (a
    file cut to max_bytes, one that changed since it was checked, or not UTF-8)."""
    if not safe or not any(f.rule_id in safe and f.fixes for f in report.findings):
        return None
    try:
        if not stat.S_ISREG(os.stat(report.path).st_mode):
            return None
        data = Path(report.path).read_bytes()  # read once: what is checked here is what is written
    except OSError:
        return None
    if max_bytes is not None and len(data) > max_bytes:
        return None  # the check read a cut copy; a fix must see the whole file
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        source = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # UTF-16/32 or undecodable: written back as UTF-8 it would change encoding
    document = load_text(source, path=str(report.path), kind=kind_for(report.path))
    chosen = edits(document, report, safe)
    if not chosen:
        return None
    return FileFix(report.path, document.source, applied(document.source, chosen), chosen, bom)


def write(fix: FileFix) -> None:
    """Replace the file with its fixed text atomically, keeping its mode."""
    target = Path(fix.path).resolve()  # through a symbolic link, never replacing it
    mode = stat.S_IMODE(os.stat(target).st_mode)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write((codecs.BOM_UTF8 if fix.bom else b"") + fix.after.encode("utf-8"))
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
