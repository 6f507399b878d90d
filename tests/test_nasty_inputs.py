"""A corpus of hostile files, generated at test time: each gets a clear one-line message or a
cut, the run ends, no other file's result is lost, and no input is modified.

Run times are bounded by construction (size caps, linear loaders), not asserted; a SIGALRM guard
turns a hang into a failure instead of a stuck CI job.
"""

from __future__ import annotations

import builtins
import codecs
import hashlib
import os
import re
import signal
from pathlib import Path

import pytest

from checker import Checker, Config, InputError
from checker.load import load_path, load_text
from checker.packs import PackError, load_pack

from .conftest import SEED

HANG_GUARD_SECONDS = 600


@pytest.fixture(autouse=True)
def hang_guard():
    def fail(*_):
        raise TimeoutError(f"no result after {HANG_GUARD_SECONDS}s: a hang")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(HANG_GUARD_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_corpus(folder: Path) -> dict[str, Path]:
    """The nasty files; the big ones are written in pieces to keep the test's memory small."""
    seed = SEED.read_text(encoding="utf-8")
    files = {
        "good.txt": seed.encode(),
        "utf16.txt": codecs.BOM_UTF16_LE + seed.encode("utf-16-le"),
        "binary.txt": bytes(range(256)) * 8,
        "latin1.txt": "Le café coûte 3 €, dit le ministre.".encode("latin-1", "replace"),
        "invalid.txt": b"The Pentagon said \xc3\x28 3,000 troops \xff\xfe.",
        "deep.html": b"<div>" * 3_000 + b"<p>Deep 3,000 troops.</p>" + b"</div>" * 3_000,
        "unclosed.html": b"<p>Start.</p>" + b"<a b='x " * 50_000,
        "comments.md": b"Open <!-- and never close. " * 20_000,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["big.txt"] = folder / "big.txt"  # 50 MB of paragraphs
    block = (seed.split("\n\n")[0] + "\n\n").encode() * 1_000
    with paths["big.txt"].open("wb") as handle:
        for _ in range(50_000_000 // len(block) + 1):
            handle.write(block)
    paths["line.txt"] = folder / "line.txt"  # one 5 MB line, no sentence end
    paths["line.txt"].write_bytes(b"troops " * (5_000_000 // 7 + 1))
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.mkfifo(folder / "fifo.txt")  # reading it would block forever
    (folder / "folder.txt").mkdir()  # a folder where a file is expected: walked, holds nothing
    return paths


EXPECTED_ERRORS = {
    "binary.txt": "binary file",
    "latin1.txt": "not valid UTF-8 at byte",
    "invalid.txt": "not valid UTF-8 at byte 18 (line 1)",
    "loop-a.txt": "Too many levels of symbolic links",
    "loop-b.txt": "Too many levels of symbolic links",
    "fifo.txt": "not a regular file",
    "unreadable.txt": "Permission denied",
}


def test_nasty_corpus(tmp_path, monkeypatch):
    paths = write_corpus(tmp_path)
    # Tests run as root, where chmod 000 stops nothing: unreadability is simulated by making
    # the loader's `open` refuse this one file, as the kernel would for another user.
    unreadable = tmp_path / "unreadable.txt"
    unreadable.write_text("Secret 3,000 troops.")
    paths["unreadable.txt"] = unreadable

    def guarded_open(file, *args, **kwargs):
        if Path(file) == unreadable:
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr("checker.load.open", guarded_open, raising=False)
    before = {name: digest(p) for name, p in paths.items()}

    checker = Checker(Config(max_bytes=20_000))
    report = checker.check_paths([tmp_path, tmp_path / "missing.txt"])

    errors = {Path(e.path).name: e.message for e in report.errors}
    for name, words in EXPECTED_ERRORS.items():
        assert words in errors.get(name, ""), (name, errors)
    assert "no such file" in errors["missing.txt"]
    assert all("\n" not in message and len(message) < 200 for message in errors.values())
    assert len(errors) == len(EXPECTED_ERRORS) + 1, errors

    docs = {Path(d.path).name: d for d in report.documents}
    assert sorted(docs) == sorted(
        [
            "good.txt",
            "utf16.txt",
            "deep.html",
            "unclosed.html",
            "comments.md",
            "big.txt",
            "line.txt",
        ]
    )
    alone = Checker().check_paths([paths["good.txt"]]).documents[0]
    assert docs["good.txt"] == alone  # nothing lost or changed by its neighbours
    assert docs["utf16.txt"].claims == alone.claims
    assert any(q.span.text == "3,000" for q in docs["deep.html"].quantities)
    for name in ("big.txt", "line.txt"):
        cut = [f for f in docs[name].findings if f.rule_id == "input.truncated"]
        assert len(cut) == 1 and "only the first 20,000 were read" in cut[0].message, name
    assert any(
        re.match(r"document is 5\d,\d{3},\d{3} bytes", f.message) for f in docs["big.txt"].findings
    )
    assert {name: digest(p) for name, p in paths.items()} == before  # inputs never modified


def test_deeply_nested_html_loads_without_recursion(tmp_path):
    deep = tmp_path / "deep.html"
    depth = 50_000  # far past Python's recursion limit: the parser must not recurse
    deep.write_bytes(
        b"<div><span>" * depth + b"<p>Deep 3,000 troops.</p>" + b"</span></div>" * depth
    )
    doc = load_path(deep, max_bytes=10_000_000)
    start = doc.text.index("3,000")
    assert doc.span(start, start + 5).column == depth * len("<div><span>") + len("<p>Deep ") + 1


@pytest.mark.parametrize(
    "source",
    [
        "<p>a</p><![octype x> b",
        "<p>a<![x",
        "<p>a<![1 b> cd</p>",
        "<p>Kyiv<![if !IE]> said 3,000.<![endif]></p>",
    ],
)
def test_marked_sections_htmlparser_rejects_are_skipped(tmp_path, source):
    """Found by the fuzzer: `<![junk` made HTMLParser raise, so the whole file was lost."""
    page = tmp_path / "page.html"
    page.write_text(source)
    doc = load_path(page)
    assert doc.text.startswith(("a", "Kyiv said 3,000."))
    for start, char in enumerate(doc.text):  # one-line sources: every column points at its char
        if not char.isspace():
            assert source[doc.span(start, start + 1).column - 1] == char


def test_unclosed_marked_sections_are_linear():
    """Each `<![CDATA[` without `]]>` made HTMLParser search to the end of the input."""
    doc = load_text("<p>Kyiv.</p>" + "<![CDATA[x>" * 20_000, path="a.html")
    assert doc.text.startswith("Kyiv.")


def test_alias_bomb_in_front_matter_is_not_expanded(tmp_path):
    page = tmp_path / "bomb.md"
    page.write_text("---\n" + _BOMB + "title: *i\n---\n# Head\n\nText.\n")
    doc = load_path(page)  # expanded, the title would be 2 GB of text
    assert doc.title == "Head" and doc.text.strip().endswith("Text.")


def test_big_file_is_read_only_up_to_the_cap(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Paragraph one has words.\n\n" * 400_000)  # 10 MB
    doc = load_path(big, max_bytes=1_000)
    assert doc.truncated_from == big.stat().st_size
    assert len(doc.text.encode()) <= 1_000 and doc.text.endswith("\n\n")


def test_multibyte_character_at_the_cap_is_dropped_not_an_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Київ " * 1_000, encoding="utf-8")  # 9 bytes a word: cap lands mid-letter
    doc = load_path(article, max_bytes=1_000)
    assert doc.text and set(doc.text.split()) == {"Київ"}


def test_utf16_cut_at_the_cap_keeps_whole_characters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes("Kyiv said 300 troops. ".encode("utf-16") * 200)
    doc = load_path(article, max_bytes=1_001)
    assert doc.text.startswith("Kyiv said") and doc.text.endswith(". ")


# YAML aliases nesting 9 lists 9 deep: cheap to parse, 2 GB if anything prints `*i`.
_BOMB = "".join(
    [f"a: &a [{', '.join('x' * 9)}]\n"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)]
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n\t- id: a.b\n", ":2: invalid YAML"),
        ("rules: " + "[" * 2_000 + "]" * 2_000, "nested too deeply"),
        ("rules:\n- {id: a.b, message: m, kind: [1]}\n", ":2: unknown rule kind"),
        (
            "rules:\n- {id: a.b, message: '{nope}', tokens: [x]}\n",
            ":2: rule a.b: message uses {nope}",
        ),
        (
            "rules:\n- {id: a.b, message: m, patterns: ['((a{1000}){1000}){1000}']}\n",
            ":2: rule a.b: bad pattern",
        ),
        ("rules:\n- {id: a.b, message: m, patterns: ['(a)\\1']}\n", ":2: rule a.b: bad pattern"),
        ("\x00\x01\x02", "invalid YAML"),
        (_BOMB + "pack: *i\nrules:\n- {id: a.b, message: m, kind: *i}\n", "kind of type list"),
        ("rules: !!python/object:os.system [echo]\n", "invalid YAML"),
    ],
)
def test_malformed_pack_is_one_line_with_file_and_line(tmp_path, text, message):
    pack = tmp_path / "bad.yaml"
    pack.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(pack)
    assert str(caught.value).startswith(str(pack)) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_pack_is_reported_and_the_other_rules_still_run(tmp_path):
    (tmp_path / "broken.yaml").write_text("rules: [ {id: x.y", encoding="utf-8")
    report = Checker(Config(packs=[str(tmp_path)])).check_paths([SEED])
    assert [e.path for e in report.errors] == ["<rules>"]
    assert "broken.yaml" in report.errors[0].message
    assert any(f.rule_id == "boilerplate.web" for f in report.findings)


def test_backtracking_pattern_runs_in_linear_time(tmp_path):
    """`(a+)+$` takes exponential time in a backtracking engine; RE2 runs it in one pass."""
    (tmp_path / "evil.yaml").write_text(
        "rules:\n- {id: evil.nested, message: 'evil {match}', patterns: ['(a+)+$', '(x|x)*y']}\n",
        encoding="utf-8",
    )
    checker = Checker(Config(packs=[str(tmp_path)], select=["evil"]))
    report = checker.check_text("a" * 30_000 + "b " + "x" * 30_000 + "!")
    assert report.findings == [] and checker.setup_errors == []
    assert [f.span.text for f in checker.check_text("xxy aaa").findings] == ["xxy", "aaa"]


def test_internal_error_in_one_file_keeps_the_others(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("The Pentagon said 300 troops will go.")
    (tmp_path / "b.txt").write_text("Moscow said 100 troops left.")
    checker = Checker()
    real = checker.check_document

    def flaky(document):
        if document.path.endswith("a.txt"):
            raise ZeroDivisionError("a bug\nover two lines")
        return real(document)

    monkeypatch.setattr(checker, "check_document", flaky)
    report = checker.check_paths([tmp_path])
    assert [e.message for e in report.errors] == [
        "internal error: ZeroDivisionError: a bug over two lines"
    ]
    assert [Path(d.path).name for d in report.documents] == ["b.txt"]


def test_inputs_are_instances_of_input_error(tmp_path):
    report = Checker().check_paths([tmp_path / "nope.md"])
    assert isinstance(report.errors[0], InputError)


def test_cli_on_a_nasty_folder_reports_every_good_file(tmp_path):
    from typer.testing import CliRunner

    from checker.cli import app
    from checker.models import Report

    (tmp_path / "good.txt").write_text("The Pentagon said 300 troops will go to Poland.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    (tmp_path / "long.txt").write_text("Troops said more. " * 5_000)
    (tmp_path / "unclosed.html").write_text("<p>Kyiv said 3,000.</p>" + "<a b='x " * 5_000)
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.md")
    result = CliRunner().invoke(app, [str(tmp_path), "-f", "json", "--max-bytes", "2000"])
    assert result.exit_code == 2
    assert sorted(
        line.split(": ")[1].rsplit("/", 1)[-1] for line in result.stderr.splitlines()
    ) == ["binary.txt", "loop.txt", "pipe.md"]
    report = Report.model_validate_json(result.stdout)
    assert sorted(Path(d.path).name for d in report.documents) == [
        "good.txt",
        "long.txt",
        "unclosed.html",
    ]
    (long,) = [d for d in report.documents if d.path.endswith("long.txt")]
    assert "input.truncated" in [f.rule_id for f in long.findings]
