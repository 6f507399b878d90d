"""The learned cue classifier (checker/extract/cue_model.py) and how the extractor uses it."""

from __future__ import annotations

import json

import pytest

from checker import nlp
from checker.extract import cue_model
from checker.extract.attribution import find_all
from checker.layout import Layout


def _found(text: str) -> list[tuple[str | None, str, bool]]:
    _, sentences = nlp.annotate(text)
    return [
        (text[slice(*f.source)] if f.source else None, text[slice(*f.cue)], f.reported)
        for f in find_all(Layout(text, sentences))
    ]


def _verb(text: str, word: str):
    _, sentences = nlp.annotate(text)
    return next(t for s in sentences for t in s.span if t.text == word)


def test_the_shipped_model_was_chosen_by_cross_validation_on_train():
    data = json.loads(cue_model.WEIGHTS.read_text(encoding="utf-8"))
    assert "PolNeAR train" in data["trained_on"]
    assert 0 <= data["veto"] <= data["threshold"] < 1
    assert len(data["weights"]) > 1000 and all(
        isinstance(w, float) for w in data["weights"].values()
    )


def test_a_verb_outside_the_lexicon_is_a_cue_the_model_learned():
    # dev: breitbart_2016-09-30_the-latest-trump-urges-supporter.txt ("call" with an object and
    # a predicate is no verb of the hand-written lexicon)
    text = "Libertarian presidential candidate Gary Johnson’s doctor is calling the candidate “extremely physically fit.”"
    assert _found(text) == [
        ("Libertarian presidential candidate Gary Johnson’s doctor", "is calling", True)
    ]


def test_a_stance_or_act_is_marked_but_vouches_for_nothing(checker):
    # dev: breitbart_2016-09-30_the-latest-trump-urges-supporter.txt: PolNeAR marks "decided" as
    # a cue, but the FBI's decision is no statement: the claim gets no source from it
    text = (
        "The FBI decided after a lengthy investigation not to recommend charges against her or "
        "her aides pertaining to their handling of classified information."
    )
    assert _found(text) == [("The FBI", "decided", False)]
    report = checker.check_text(text)
    assert [a.reported for a in report.attributions] == [False]
    assert report.claims and all(c.source_id is None for c in report.claims)


def test_a_known_verb_of_saying_used_for_an_act_is_no_cue():
    # train: politico_2016-08-17_ap-trump-chair-routed-ukrainian-.txt
    text = "The lobbying firms continued the work until shortly after Yanukovych fled the country in February 2014."
    assert _found(text) == []
    assert _found("“We will not stop,” he continued.") == [("he", "continued", True)]


@pytest.mark.parametrize("known, expected", [(True, True), (False, False)])
def test_lexicon_verbs_need_the_veto_and_other_verbs_the_threshold(known, expected):
    tok = _verb("Officials backed the plan.", "backed")
    cue_model.use((0.0, (0.6, 0.4), {}))  # every verb scores exactly 0.5
    try:
        assert cue_model.probability(tok) == pytest.approx(0.5)
        assert cue_model.decide(tok, known) is expected
    finally:
        cue_model.use(None)
    assert cue_model.probability(tok) != pytest.approx(0.5)  # the shipped model is back


def test_features_name_the_lemma_with_its_complement_and_its_subject():
    feats = cue_model.features(_verb("The Pentagon said Wednesday that troops will move.", "said"))
    assert {"lem=say", "lemk=say/C", "that", "speech", "subj=PROPN", "path="} <= set(feats)
    # the shipped weights were learned from these very features (retrain after changing them)
    weights = json.loads(cue_model.WEIGHTS.read_text(encoding="utf-8"))["weights"]
    assert [f for f in feats if f not in weights] == ["prev=pentagon"]
