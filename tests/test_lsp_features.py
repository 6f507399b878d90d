"""The language server's parts on reports built by hand: diagnostics, quick fixes, hover with
constraints, and the debounced check that runs off the event loop (latest version wins)."""

from __future__ import annotations

import asyncio
import threading

from lsprotocol import types as lsp
from pygls.workspace import Workspace

from checker.analysis import Analysis
from checker.config import Config
from checker.document import Document
from checker.lsp.diagnostics import code_actions, diagnostics
from checker.lsp.hover import hover_markdown, quantity_at
from checker.lsp.positions import source_lines
from checker.lsp.server import FactcheckServer, build_server
from checker.models import (
    Constraint,
    DocumentReport,
    Finding,
    Fix,
    Quantity,
    Severity,
    Verdict,  # fmt: skip
)
from checker.packs import load_pack

URI = "file:///article.txt"
# Sentences after the seed (seeds/000_271244230b04580b.txt), set on two lines.
TEXT = (
    "Moscow insists it does not want a war with Kiev.\n"
    "Juan Kirby said 1,700 troops and 300 troops make up the 2,000 soldiers.\n"
)
DOC = Document(text=TEXT, source=TEXT)
LINES = source_lines(TEXT)


def span(phrase: str):
    start = TEXT.index(phrase)
    return DOC.span(start, start + len(phrase))


def finding(rule_id: str, phrase: str, replacement: str | None, **extra) -> Finding:
    fixes = [Fix(span=span(phrase), replacement=replacement)] if replacement is not None else []
    return Finding(rule_id=rule_id, severity=Severity.warning, span=span(phrase),
                   message=f"{phrase}?", fixes=fixes, **extra)  # fmt: skip


def quantity(qid: str, phrase: str, value: float, noun: str) -> Quantity:
    return Quantity(id=qid, span=span(phrase), value=value, low=value, high=value, noun=noun)


REPORT = DocumentReport(
    path="article.txt",
    findings=[
        finding("place.preferred-name", "Kiev", "Kyiv", suggestion="Use 'Kyiv'."),
        finding("entity.name", "Juan Kirby", "John Kirby", related=[span("Kirby said")]),
        finding("numbers.unsourced", "2,000", None),
    ],
    quantities=[
        quantity("Q1", "1,700", 1700, "troops"),
        quantity("Q2", "300", 300, "troops"),
        quantity("Q3", "2,000", 2000, "soldiers"),
    ],
    constraints=[
        Constraint(
            id="C1",
            kind="sum",
            cue="make up",
            cue_span=span("make up"),
            quantities=["Q1", "Q2", "Q3"],
            verdict=Verdict.holds,
            explanation="1,700 + 300 = 2,000",
        ),
        Constraint(
            id="C2",
            kind="range",
            cue="up to",
            quantities=["Q3"],
            verdict=Verdict.violated,
            explanation="2,000 is above the limit",
        ),
    ],
)


def everything() -> lsp.Range:
    return lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=9, character=0))


def test_diagnostics_carry_rule_id_severity_suggestion_and_related():
    found = diagnostics(REPORT, URI, LINES, lsp.PositionEncodingKind.Utf16)
    assert [d.code for d in found] == ["place.preferred-name", "entity.name", "numbers.unsourced"]
    kiev = found[0]
    assert kiev.source == "factcheck" and kiev.severity == lsp.DiagnosticSeverity.Warning
    assert kiev.message == "Kiev?\nUse 'Kyiv'."
    assert kiev.range.start == lsp.Position(line=0, character=TEXT.index("Kiev"))
    (related,) = found[1].related_information
    assert related.location.uri == URI and related.location.range.start.line == 1
    assert related.message == "cited: Kirby said"


def fixes_only(actions: list[lsp.CodeAction]) -> list[lsp.CodeAction]:
    return [a for a in actions if not a.title.startswith("Suppress ")]


def test_quick_fixes_replace_the_span_and_skip_findings_without_fixes():
    actions = fixes_only(
        code_actions(REPORT, URI, LINES, lsp.PositionEncodingKind.Utf16, everything())
    )
    assert [a.title for a in actions] == [
        "Replace 'Kiev' with 'Kyiv'",
        "Replace 'Juan Kirby' with 'John Kirby'",
    ]
    (edit,) = actions[1].edit.changes[URI]
    assert edit.new_text == "John Kirby"
    assert (edit.range.start, edit.range.end) == (
        lsp.Position(line=1, character=0),
        lsp.Position(line=1, character=10),
    )
    assert actions[1].kind == lsp.CodeActionKind.QuickFix and actions[1].is_preferred


def test_quick_fixes_only_for_the_requested_range():
    cursor = lsp.Position(line=0, character=44)  # on "Kiev"
    line_one = lsp.Range(start=cursor, end=cursor)
    actions = code_actions(REPORT, URI, LINES, lsp.PositionEncodingKind.Utf16, line_one)
    assert [a.title for a in actions] == [
        "Replace 'Kiev' with 'Kyiv'",
        "Suppress place.preferred-name in this paragraph",
        "Suppress place.preferred-name on this line",
    ]


def test_removal_inside_a_line_takes_one_space_with_it():
    text = "Officials met. Share this article The talks resume.\n"
    doc = Document(text=text, source=text)
    start = text.index("Share")
    phrase = doc.span(start, start + len("Share this article"))
    report = DocumentReport(path="x.txt", findings=[Finding(
        rule_id="boilerplate.web", severity=Severity.error, span=phrase, message="boilerplate",
        fixes=[Fix(span=phrase, replacement="")],
    )])  # fmt: skip
    (action,) = fixes_only(code_actions(report, URI, source_lines(text), "utf-16", everything()))
    (edit,) = action.edit.changes[URI]
    assert action.title == "Remove 'Share this article'"
    after = text[: edit.range.start.character] + text[edit.range.end.character :]
    assert after == "Officials met. The talks resume.\n"


def test_hover_shows_the_quantity_and_its_constraints_with_verdicts():
    line, column = 2, TEXT.split("\n")[1].index("2,000") + 2
    q = quantity_at(REPORT, line, column)
    assert q is not None and q.id == "Q3"
    text = hover_markdown(REPORT, q)
    assert "**2,000**: cardinal 2,000" in text and "counts *soldiers*" in text
    assert "- sum ('make up' at 2:45): holds. 1,700 + 300 = 2,000" in text
    assert "- range ('up to'): **violated**. 2,000 is above the limit" in text


def test_hover_on_a_number_outside_any_constraint_and_on_a_word():
    q = quantity_at(REPORT, 2, TEXT.split("\n")[1].index("300") + 1)
    assert q is not None and "sum" in hover_markdown(REPORT, q)
    assert quantity_at(REPORT, 1, 3) is None


class FakeChecker:
    """Records each check and the thread it ran on; `gate` holds a check until released."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.gate = threading.Event()
        self.gate.set()

    def check_text(self, text: str, *, path: str | None = None) -> DocumentReport:
        self.calls.append((text, threading.current_thread().name))
        assert self.gate.wait(10)
        return DocumentReport(path=path or "<text>")

    def warm_up(self) -> FakeChecker:
        return self


def fake_server() -> tuple[FactcheckServer, FakeChecker, list[int | None]]:
    server = FactcheckServer(debounce=0.05)
    server.protocol._workspace = Workspace(None)
    server.checker = fake = FakeChecker()  # type: ignore[assignment]
    published: list[int | None] = []
    server.publish = lambda _uri, checked: published.append(checked.version)  # type: ignore
    return server, fake, published


def edit(server: FactcheckServer, version: int, text: str, delay: float) -> None:
    item = lsp.TextDocumentItem(uri=URI, language_id="plaintext", version=version, text=text)
    server.workspace.put_text_document(item)
    server.schedule(URI, delay)


def test_quick_edits_are_checked_once_off_the_event_loop():
    server, fake, published = fake_server()

    async def session() -> None:
        for version in (1, 2, 3):
            edit(server, version, f"version {version}", server.debounce)
        await asyncio.wait_for(server.pending[URI], 10)

    asyncio.run(session())
    assert [text for text, _ in fake.calls] == ["version 3"]
    assert fake.calls[0][1].startswith("factcheck-check")
    assert published == [3]


def test_a_slow_check_of_an_old_version_is_never_published():
    server, fake, published = fake_server()
    fake.gate.clear()

    async def session() -> None:
        edit(server, 1, "version 1", 0)
        for _ in range(1000):  # until the worker holds version 1
            if fake.calls:
                break
            await asyncio.sleep(0.01)
        edit(server, 2, "version 2", 0)
        fake.gate.set()
        await asyncio.wait_for(server.pending[URI], 10)

    asyncio.run(session())
    assert [text for text, _ in fake.calls] == ["version 1", "version 2"]
    assert published == [2]


def test_only_text_markdown_and_html_documents_are_checked():
    server, _, _ = fake_server()
    server.languages["file:///notes"] = "markdown"
    assert server.path_for("file:///a/story.md") == "/a/story.md"
    assert server.path_for("file:///notes") == "/notes.md"
    assert server.path_for("file:///a/script.py") is None


def test_initialization_options_configure_the_checker():
    server, _, _ = fake_server()
    server.configure({"date": "2022-02-02", "ignore": ["boilerplate"]})
    assert server.checker.config.date == "2022-02-02"
    assert not server.checker.config.selects("boilerplate.web")


def test_boilerplate_findings_carry_a_removal_fix(seed_report):
    hits = [f for f in seed_report.findings if f.rule_id == "boilerplate.web"]
    assert [(fix.span, fix.replacement) for f in hits for fix in f.fixes] == [
        (f.span, "") for f in hits
    ]


def test_an_existence_rule_with_a_replacement_offers_that_fix(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: house.cliche\n"
        "    message: \"Cliché: '{match}'\"\n"
        "    tokens: [at this point in time]\n"
        "    replacement: now\n"
    )
    (rule,) = load_pack(pack)
    text = "Officials said at this point in time no troops would move."
    analysis = Analysis(document=Document(text=text, source=text), config=Config())
    (found,) = rule.check(analysis)
    assert [(fix.span.text, fix.replacement) for fix in found.fixes] == [
        ("at this point in time", "now")
    ]


def test_a_checker_that_cannot_start_is_reported_once():
    server = build_server()
    shown: list[str] = []
    server.window_show_message = lambda params: shown.append(params.message)  # type: ignore

    class Broken(FakeChecker):
        def warm_up(self) -> FakeChecker:
            raise RuntimeError("no English spaCy pipeline installed")

    server.checker = Broken()  # type: ignore[assignment]
    initialized = server.protocol.fm.features[lsp.INITIALIZED]
    asyncio.run(initialized(lsp.InitializedParams()))
    assert shown == ["factcheck cannot start: no English spaCy pipeline installed"]


def test_the_negotiated_encoding_is_used_by_name():
    server, _, _ = fake_server()
    assert server.encoding == "utf-16"
    server.protocol._workspace = Workspace(None, position_encoding=lsp.PositionEncodingKind.Utf32)
    assert server.encoding == "utf-32"


def test_bad_initialization_options_are_reported_and_ignored():
    server, fake, _ = fake_server()
    shown: list[str] = []
    server.window_show_message = lambda params: shown.append(params.message)  # type: ignore
    server.configure({"fail_on": "warning", "colour": "red"})
    assert server.checker is fake
    assert shown and shown[0].startswith("factcheck: ignoring initializationOptions")


def _apply(source: str, edit: lsp.TextEdit) -> str:
    lines = source.split("\n")
    row = edit.range.start.line
    lines.insert(row, edit.new_text.rstrip("\n"))
    return "\n".join(lines)


def test_the_suppress_action_silences_its_finding_and_only_it(checker, seed_text):
    # seeds/000_271244230b04580b.txt: "escalating escalation" (style.redundancy), paragraph 1
    for path in ("seed.txt", "seed.md"):
        report = checker.check_text(seed_text, path=path, date="2022-02-02")
        (target,) = [f for f in report.findings if f.rule_id == "style.redundancy"]
        cursor = lsp.Position(line=target.span.line - 1, character=target.span.column)
        actions = code_actions(report, URI, source_lines(seed_text), "utf-16",
                               lsp.Range(start=cursor, end=cursor))  # fmt: skip
        (suppress,) = [
            a for a in actions if a.title == "Suppress style.redundancy in this paragraph"
        ]
        (edit,) = suppress.edit.changes[URI]
        again = checker.check_text(_apply(seed_text, edit), path=path, date="2022-02-02")
        assert not [f for f in again.findings if f.rule_id == "style.redundancy"]
        assert not [f for f in again.findings if f.rule_id == "suppression.unused"]
        others = {f.rule_id for f in report.findings} - {"style.redundancy"}
        assert others == {f.rule_id for f in again.findings}


def test_the_line_suppress_action_silences_its_finding_on_that_line_only(checker, seed_text):
    # seeds/000_271244230b04580b.txt: "escalating escalation" (style.redundancy) on line 1, which
    # ends with a no-break space: the marker after it must still be read
    for path in ("seed.txt", "seed.md", "seed.html"):
        source = seed_text if not path.endswith("html") else f"<p>{seed_text.splitlines()[0]}</p>\n"
        report = checker.check_text(source, path=path, date="2022-02-02")
        (target,) = [f for f in report.findings if f.rule_id == "style.redundancy"]
        cursor = lsp.Position(line=target.span.line - 1, character=target.span.column)
        actions = code_actions(report, URI, source_lines(source), "utf-16",
                               lsp.Range(start=cursor, end=cursor))  # fmt: skip
        (on_line,) = [a for a in actions if a.title == "Suppress style.redundancy on this line"]
        (edit,) = on_line.edit.changes[URI]
        lines = source_lines(source)
        row, col = edit.range.start.line, edit.range.start.character
        lines[row] = lines[row][:col] + edit.new_text + lines[row][col:]
        again = checker.check_text("\n".join(lines), path=path, date="2022-02-02")
        assert not [
            f for f in again.findings if f.rule_id in ("style.redundancy", "suppression.unused")
        ]
        others = {f.rule_id for f in report.findings} - {"style.redundancy"}
        assert others == {f.rule_id for f in again.findings}, path
