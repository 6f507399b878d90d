"""The shared spaCy pass: sentences with absolute offsets, paragraphs never run together."""

from __future__ import annotations

from checker import nlp


def test_blank_line_ends_a_sentence_even_after_an_abbreviation():
    text = "Troops went to the U.S.\n\nThe Pentagon said so. Another line\nhere."
    _, sentences = nlp.annotate(text)
    starts = [text[s.start : s.end].strip() for s in sentences]
    assert starts[:2] == ["Troops went to the U.S.", "The Pentagon said so."]
    assert "Another line\nhere." in starts  # a single line break does not split


def test_sentence_offsets_are_absolute_across_chunks():
    paragraph = "The Pentagon said 300 troops will go to Poland.\n\n"
    text = paragraph * 3
    pieces = nlp.chunks(text, limit=60)
    assert len(pieces) > 1 and "".join(p for _, p in pieces) == text
    for base, piece in pieces:
        assert text[base : base + len(piece)] == piece


def test_networks_run_on_numpy_blas_held_to_one_thread():
    from threadpoolctl import threadpool_info

    model = nlp.pipeline().get_pipe("tok2vec").model
    assert model.ops.name == "numpy" and model.ops.use_blis is False
    with nlp._one_blas_thread():
        blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
        assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_markdown_heading_and_list_items_are_sentences_of_their_own():
    from checker.load import load_text

    doc = load_text(
        "# Offsets\nOffsets are born in the loader.\n\n- 300 troops\n- went home\n", path="a.md"
    )
    _, sentences = nlp.annotate(doc.text, breaks=doc.breaks)
    texts = [doc.text[s.start : s.end].strip() for s in sentences]
    assert texts == ["Offsets", "Offsets are born in the loader.", "300 troops", "went home"]
