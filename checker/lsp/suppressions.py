"""The "suppress this finding" code action: a marker line above the finding's paragraph.

The marker is the one `checker.suppress` reads: `<!-- factcheck: ignore RULE -->` in Markdown and
HTML, `[factcheck: ignore RULE]` in plain text. It silences that rule in the paragraph after it
(a paragraph as `checker.layout` reads one), so it goes above the paragraph's first line.
"""

from __future__ import annotations

from pathlib import PurePath

from lsprotocol import types as lsp

from checker.layout import Layout
from checker.lsp.positions import Lines
from checker.models import Finding


def marker(rule_id: str, path: str) -> str:
    if PurePath(path).suffix.lower() in (".md", ".markdown", ".html", ".htm"):
        return f"<!-- factcheck: ignore {rule_id} -->"
    return f"[factcheck: ignore {rule_id}]"


def paragraph_line(lines: Lines, finding: Finding) -> int:
    """The 0-based line where the finding's paragraph starts in the source."""
    source = "\n".join(lines)
    row = min(max(finding.span.line - 1, 0), max(len(lines) - 1, 0))
    offset = sum(len(line) + 1 for line in lines[:row]) + max(finding.span.column - 1, 0)
    start, _ = Layout(source).paragraph_at(min(offset, len(source)))
    return source.count("\n", 0, start)


def suppress_action(
    finding: Finding, diagnostic: lsp.Diagnostic, uri: str, path: str, lines: Lines
) -> lsp.CodeAction:
    row = paragraph_line(lines, finding)
    text = lines[row] if row < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = lsp.Position(line=row, character=0)
    edit = lsp.TextEdit(
        range=lsp.Range(start=at, end=at), new_text=f"{indent}{marker(finding.rule_id, path)}\n"
    )
    return lsp.CodeAction(
        title=f"Suppress {finding.rule_id} in this paragraph",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
    )
