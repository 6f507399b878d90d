"""Findings as LSP diagnostics, and their fixes as quick-fix code actions."""

from __future__ import annotations

from lsprotocol import types as lsp

from checker.config import rule_page_url
from checker.lsp.positions import Lines, to_range
from checker.lsp.suppressions import line_suppress_action, suppress_action
from checker.models import DocumentReport, Finding, Fix, Severity

SOURCE = "factcheck"

SEVERITIES = {
    Severity.error: lsp.DiagnosticSeverity.Error,
    Severity.warning: lsp.DiagnosticSeverity.Warning,
    Severity.info: lsp.DiagnosticSeverity.Information,
}


def diagnostic(
    finding: Finding, uri: str, lines: Lines, encoding: str, docs_url: str | None = None
) -> lsp.Diagnostic:
    """One finding: code = rule id, message plus the suggestion, the cited places as related;
    with a `docs_url` (the config's docs-url), a link to the rule's page."""
    message = finding.message
    if finding.suggestion:
        message += f"\n{finding.suggestion}"
    related = [
        lsp.DiagnosticRelatedInformation(
            location=lsp.Location(uri=uri, range=to_range(lines, span, encoding)),
            message=f"cited: {span.text}" if span.text else "cited here",
        )
        for span in finding.related
    ]
    href = rule_page_url(docs_url, finding.rule_id)
    return lsp.Diagnostic(
        range=to_range(lines, finding.span, encoding),
        message=message,
        severity=SEVERITIES.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
    )


def diagnostics(
    report: DocumentReport, uri: str, lines: Lines, encoding: str, docs_url: str | None = None
) -> list[lsp.Diagnostic]:
    return [diagnostic(f, uri, lines, encoding, docs_url) for f in report.findings]


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    """Whether two ranges share a position (touching counts: a cursor at a finding's edge)."""

    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def code_actions(
    report: DocumentReport,
    uri: str,
    lines: Lines,
    encoding: str,
    wanted: lsp.Range,
    docs_url: str | None = None,
) -> list[lsp.CodeAction]:
    """A quick fix for every fix of every finding whose range meets the requested range, then
    per such finding an action that suppresses its rule in the paragraph and one on its line."""
    actions: list[lsp.CodeAction] = []
    suppressions: list[lsp.CodeAction] = []
    for finding in report.findings:
        diag = diagnostic(finding, uri, lines, encoding, docs_url)
        if not overlaps(diag.range, wanted):
            continue
        suppressions.append(suppress_action(finding, diag, uri, report.path, lines))
        on_line = line_suppress_action(finding, diag, uri, report.path, lines, encoding)
        if on_line is not None:
            suppressions.append(on_line)
        for fix in finding.fixes:
            edit = lsp.TextEdit(range=edit_range(lines, fix, encoding), new_text=fix.replacement)
            actions.append(
                lsp.CodeAction(
                    title=title(fix),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=len(finding.fixes) == 1,
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
    return actions + suppressions


def title(fix: Fix) -> str:
    if not fix.replacement:
        return f"Remove '{_short(fix.span.text)}'"
    return f"Replace '{_short(fix.span.text)}' with '{_short(fix.replacement)}'"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def edit_range(lines: Lines, fix: Fix, encoding: str) -> lsp.Range:
    """The fix's span; a removal also takes the line it leaves blank, or one space beside it, so
    removing a phrase does not leave an empty line or a double space behind."""
    span = fix.span
    rng = to_range(lines, span, encoding)
    if fix.replacement or span.line != span.end_line or not 0 < span.line <= len(lines):
        return rng
    text = lines[span.line - 1]
    before, after = text[: span.column - 1], text[span.end_column - 1 :]
    if not before.strip() and not after.strip() and span.line < len(lines):
        return lsp.Range(start=lsp.Position(line=span.line - 1, character=0),
                         end=lsp.Position(line=span.line, character=0))  # fmt: skip
    if after.startswith(" ") and (not before or before.endswith(" ")):
        rng.end = lsp.Position(line=rng.end.line, character=rng.end.character + 1)
    elif before.endswith(" ") and not after.strip():
        rng.start = lsp.Position(line=rng.start.line, character=rng.start.character - 1)
    return rng
