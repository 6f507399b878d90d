"""The PolNeAR benchmark's reading of brat files and its matching rule (benchmarks/attribution_polnear.py)."""

from __future__ import annotations

from benchmarks.attribution_polnear import match, read_gold

TEXT = "“We will win,” Kirby said. “Soon.”\nThe Pentagon said it would."
ANN = (
    "T1\tContent 0 14;27 34\t“We will win,” “Soon.”\n"
    "T2\tCue 21 25\tsaid\n"
    "T3\tSource 15 20\tKirby\n"
    "T4\tSource 15 20\tKirby\n"  # the same span twice (two attributions) counts once
    "T5\tCue 48 52\tsaid\n"
    "a line that continues a span's text\n"
    "E1\tAttribution:T2 Source:T3 Cue:T2 Content:T1\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_read_gold_keeps_fragments_and_dedupes(tmp_path):
    path = tmp_path / "a_4e07.ann"
    path.write_text(ANN, encoding="utf-8")
    gold = read_gold(path, TEXT)
    assert gold["Content"] == {((0, 14), (27, 34))}
    assert gold["Source"] == {((15, 20),)}
    assert gold["Cue"] == {((21, 25),), ((48, 52),)}


def test_exact_match_compares_first_start_and_last_end():
    gold = {((0, 14), (27, 34))}
    assert match(TEXT, {((0, 34),)}, gold, exact=True) == 1
    assert match(TEXT, {((0, 14),)}, gold, exact=True) == 0


def test_overlap_match_is_one_to_one():
    gold = {((21, 25),), ((48, 52),)}
    assert match(TEXT, {((20, 26),)}, gold, exact=False) == 1
    assert match(TEXT, {((21, 23),), ((22, 25),)}, gold, exact=False) == 1
    assert match(TEXT, {((26, 27),)}, gold, exact=False) == 0  # a space is not shared text


def test_each_annotation_file_of_an_article_weighs_one_over_k():
    from benchmarks.attribution_polnear import figures, new_counts, tally

    pred = {"Source": set(), "Cue": {((21, 25),)}, "Content": set()}
    one = {"Source": set(), "Cue": {((21, 25),)}, "Content": set()}
    other = {"Source": set(), "Cue": {((48, 52),)}, "Content": set()}
    counts = new_counts()
    tally(counts, TEXT, pred, [one, other])
    assert counts[("Cue", "overlap")] == [0.5, 1.0, 1.0]
    assert figures(counts)["cue overlap"] == {"P": 0.5, "R": 0.5, "F1": 0.5}
