"""The "suppress this finding" code actions: a marker line above the finding's paragraph, or
a marker at the end of the finding's line.

The markers are the ones `checker.suppress` reads: `<!-- factcheck: ignore RULE -->` in Markdown
and HTML, `[factcheck: ignore RULE]` in plain text, silence that rule in the paragraph after
them (a paragraph as `checker.layout` reads one), so they go above the paragraph's first line;
`ignore-line` in the same spellings silences it on its own line, so it goes at the line's end.
"""

from __future__ import annotations

from pathlib import PurePath

from lsprotocol import types as lsp

from checker.layout import Layout
from checker.lsp.positions import Lines, units
from checker.models import Finding


def marker(rule_id: str, path: str, verb: str = "ignore") -> str:
    if PurePath(path).suffix.lower() in (".md", ".markdown", ".html", ".htm"):
        return f"<!-- factcheck: {verb} {rule_id} -->"
    return f"[factcheck: {verb} {rule_id}]"


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


def line_suppress_action(
    finding: Finding, diagnostic: lsp.Diagnostic, uri: str, path: str, lines: Lines, encoding: str
) -> lsp.CodeAction | None:
    """`ignore-line RULE` at the end of the finding's first line; None on a line of no copy."""
    row = finding.span.line - 1
    if not 0 <= row < len(lines) or not lines[row].strip():
        return None
    text = lines[row].rstrip("\r")
    at = lsp.Position(line=row, character=units(text, encoding))
    new_text = " " + marker(finding.rule_id, path, "ignore-line")
    return lsp.CodeAction(
        title=f"Suppress {finding.rule_id} on this line",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(
            changes={uri: [lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text=new_text)]}
        ),
    )
