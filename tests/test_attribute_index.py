"""The indexed attribute-ruler matcher finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

from spacy.pipeline import AttributeRuler

from checker import attribute_index, nlp


def _up_to_ruler(text: str):
    pipeline = nlp.pipeline()
    doc = pipeline.make_doc(text)
    for name, component in pipeline.pipeline:
        if name == "attribute_ruler":
            return component, doc
        doc = component(doc)
    raise AssertionError("no attribute_ruler in the pipeline")


def test_same_matches_as_the_matcher_on_the_seed(seed_text: str) -> None:
    ruler, doc = _up_to_ruler(seed_text)
    assert ruler.match.__self__ is not ruler  # the indexed matcher is installed
    expected = sorted(set(AttributeRuler.match(ruler, doc)))
    assert len(expected) > len(doc) // 2
    assert ruler.match(doc) == expected


def test_same_matches_on_contractions_and_regex_exceptions() -> None:
    # "y'all" and "nothin'" are exceptions matched by REGEX patterns; "ain't" by two tokens
    ruler, doc = _up_to_ruler(
        "Y'all ain't seen nothin' yet, there's more, and there are 2 doin' it."
    )
    assert ruler.match(doc) == sorted(set(AttributeRuler.match(ruler, doc)))


def test_a_pattern_it_does_not_understand_keeps_the_matcher() -> None:
    ruler = AttributeRuler(nlp.pipeline().vocab)
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"LEMMA": "x"})
    assert attribute_index.build(ruler) is None
    plain = AttributeRuler(nlp.pipeline().vocab)
    plain.add([[{"LOWER": {"IN": ["the", "a"]}}, {"TAG": "NN"}]], {"LEMMA": "x"})
    assert attribute_index.build(plain) is not None
