"""LSP positions count UTF-16 code units: astral characters (emoji) before a finding count twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol.types import Position, PositionEncodingKind, Range

from checker.lsp.diagnostics import code_actions, diagnostics
from checker.lsp.positions import from_position, source_lines, to_position, units

UTF8, UTF16, UTF32 = (PositionEncodingKind.Utf8, PositionEncodingKind.Utf16,
                      PositionEncodingKind.Utf32)  # fmt: skip


def test_units_per_encoding():
    assert [units("a👍é", e) for e in (UTF8, UTF16, UTF32)] == [7, 4, 3]


def test_emoji_before_a_finding_shift_the_utf16_range(checker):
    source = "Intro line\n🇺🇦 👍🏽 Sign up to receive our latest news! ✅\n"
    report = checker.check_text(source, path="emoji.txt")
    (finding,) = [f for f in report.findings if f.rule_id == "boilerplate.web"]
    assert (finding.span.line, finding.span.column) == (2, 7)  # characters: 4 astral + 2 spaces
    (diag,) = [
        d
        for d in diagnostics(report, "file:///emoji.txt", source_lines(source), UTF16)
        if d.code == "boilerplate.web"
    ]
    assert (diag.range.start.line, diag.range.start.character) == (1, 10)  # 4 x 2 units + 2
    assert diag.range.end.character == 10 + len("Sign up to receive our latest news!")
    utf32 = diagnostics(report, "file:///emoji.txt", source_lines(source), UTF32)
    assert [d.range.start.character for d in utf32 if d.code == "boilerplate.web"] == [6]


def test_a_position_inside_a_surrogate_pair_lands_after_the_character():
    assert from_position(["👍x"], Position(line=0, character=1)) == (1, 2)
    assert from_position(["👍x"], Position(line=0, character=99)) == (1, 3)


def test_positions_past_the_text_are_clamped():
    assert to_position(["ab"], 5, 9) == Position(line=0, character=2)
    assert from_position([], Position(line=3, character=3)) == (1, 1)


text_lines = st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"],
                                                     blacklist_characters="\n")),
                      min_size=1, max_size=4)  # fmt: skip


@given(text_lines, st.data(), st.sampled_from([UTF8, UTF16, UTF32]))
def test_round_trip_from_character_columns(lines, data, encoding):
    row = data.draw(st.integers(0, len(lines) - 1))
    column = data.draw(st.integers(1, len(lines[row]) + 1))
    position = to_position(lines, row + 1, column, encoding)
    assert position.character == units(lines[row][: column - 1], encoding)
    assert from_position(lines, position, encoding) == (row + 1, column)


def apply(source: str, start: Position, end: Position, new_text: str) -> str:
    """Apply an LSP edit the way an editor does: lines end at \\r\\n or \\n, columns in UTF-16."""
    starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def offset(p: Position) -> int:
        line_start = starts[p.line]
        seen, i = 0, line_start
        while seen < p.character:
            seen += units(source[i])
            i += 1
        return i

    return source[: offset(start)] + new_text + source[offset(end) :]


PHRASE = "Share this article"
pieces = st.sampled_from(["a", " ", "é", "👍", "🇺🇦", "\r\n", "\n", "."])
prose = st.lists(pieces, max_size=20).map("".join)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(prose, prose)
def test_the_removal_fix_removes_exactly_the_phrase_whatever_comes_before(checker, before, after):
    source = f"{before} {PHRASE} {after}"
    report = checker.check_text(source, path="x.txt")
    actions = code_actions(report, "file:///x.txt", source_lines(source), UTF16,
                           Range(start=Position(line=0, character=0),
                                 end=Position(line=len(source), character=0)))  # fmt: skip
    (action,) = [
        a for a in actions
        if a.diagnostics[0].code == "boilerplate.web" and not a.title.startswith("Suppress ")
    ]  # fmt: skip
    (edit,) = action.edit.changes["file:///x.txt"]
    fixed = apply(source, edit.range.start, edit.range.end, edit.new_text)
    assert fixed in (f"{before} {after}", whole_line_removed(before, after))


def whole_line_removed(before: str, after: str) -> str | None:
    """The text without the phrase's line, if nothing else is on it (the blank line goes too)."""
    line_start, line_end = before.rfind("\n") + 1, after.find("\n")
    if line_end < 0 or before[line_start:].strip() or after[:line_end].strip():
        return None
    return before[:line_start] + after[line_end + 1 :]
