"""Fuzz the loaders and the rule-pack parser with atheris (coverage-guided, libFuzzer).

    PYTHONPATH=. python fuzz/fuzz_loaders.py -max_total_time=300 fuzz/corpus

Not part of the test suite: `fuzz/run.sh` runs it for a bounded time. A crash is any exception
other than the documented `LoadError` / `PackError`, a span that does not quote the text, or a
Markdown text that is not the source with markup blanked.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from checker.cutting import boundary_cut, utf8_prefix
    from checker.load import LoadError, decode, load_text
    from checker.packs import PackError, parse_pack

KINDS = ("txt", "md", "html")


def check_document(text: str, kind: str, max_bytes: int | None) -> None:
    doc = load_text(text, path=f"fuzz.{kind}", kind=kind, max_bytes=max_bytes)
    if max_bytes is not None:
        assert len(doc.text.encode("utf-8", "surrogatepass")) <= max_bytes or kind == "html"
    if kind == "md" and doc.truncated_from is None:
        assert len(doc.text) == len(text)
        assert all(a == b or a == " " for a, b in zip(doc.text, text))
    n = len(doc.text)
    for start, end in ((0, n), (n // 3, n // 2), (n, n), (max(n - 7, 0), n)):
        span = doc.span(start, end)
        assert span.text == doc.text[span.start : span.end]
        assert 1 <= span.line <= span.end_line <= doc.source.count("\n") + 1


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    target = fdp.ConsumeIntInRange(0, 4)
    if target == 0:  # bytes from disk: decode, whole or as a prefix cut at a cap
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
        try:
            decode(raw, final=bool(raw[:1] and raw[0] & 1))
        except LoadError:
            pass
    elif target == 1:  # a rule pack
        try:
            parse_pack(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), Path("fuzz.yaml"))
        except PackError:
            pass
    elif target == 2:  # the size cap on its own
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        for cap in (1, 7, 64):
            prefix = utf8_prefix(text, cap)
            if prefix is not None:
                assert text.startswith(boundary_cut(prefix)) and len(prefix.encode()) <= cap
    else:
        kind = KINDS[fdp.ConsumeIntInRange(0, 2)]
        cap = fdp.ConsumeIntInRange(0, 200) if target == 4 else None
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        check_document(text, kind, cap or None)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
