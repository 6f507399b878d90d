"""The Wikidata dump importer on a small fixture of real-format entity lines
(tests/fixtures/wikidata/dump.json): streaming plain, gzip and bz2 dumps, Wikidata's time
precision, malformed lines, filters and merging by QID with other sources."""

from __future__ import annotations

import bz2
import gzip
import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.knowledge import KnowledgeBase
from checker.knowledge.importers import records, validated, write_pack
from checker.knowledge.importers.wikidata import _entities
from checker.knowledge.store import compiled

DUMP = Path(__file__).parent / "fixtures" / "wikidata" / "dump.json"
ORGS = ["us-gov", "us-senate", "us-dod", "uk-gov"]


def imported(source: Path, **options: object) -> tuple[dict[str, dict], list[str]]:
    problems: list[str] = []
    people = {
        body["id"]: body
        for kind, body in validated(records("wikidata", source, **options), problems)
        if kind == "person"
    }
    return people, problems


def test_humans_with_mapped_positions_become_people_with_dated_roles():
    people, problems = imported(DUMP)
    assert sorted(people) == ["wd-q10648", "wd-q76", "wd-q90000002"]
    obama = people["wd-q76"]
    assert obama["ids"] == {"wikidata": "Q76"}
    assert obama["aliases"] == ["Barack Hussein Obama II", "Obama"]
    assert [(r["organisation"], r["title"], r["start"], r["end"]) for r in obama["roles"]] == [
        ("us-gov", "President", "2009-01-20", "2017-01-20"),
        ("us-senate", "Senator", "2005-01-03", "2008-11-16"),
    ]
    assert "GB" in people["wd-q10648"]["aliases"]  # a short name (P1813)
    # the non-human entities and the human with only an unmapped/undated position are counted
    assert problems[-1].startswith("wikidata: 7 entities, 3 not human, 3 people")
    assert "1 unmapped position terms" in problems[-1]
    assert "1 undated position terms" in problems[-1]


def test_precision_year_and_month_and_a_position_mapped_by_its_label():
    people, _ = imported(DUMP)
    (role,) = people["wd-q90000002"]["roles"]  # Q90000001's label names the office
    assert (role["organisation"], role["title"]) == ("us-dod", "Secretary of Defense")
    assert (role["start"], role["end"]) == ("2006", "2011-07")  # precision 9 and 10


def test_a_malformed_line_is_one_problem_with_its_line_number_and_the_run_goes_on():
    people, problems = imported(DUMP)
    bad = [p for p in problems if p.startswith(f"{DUMP}:")]
    assert len(bad) == 1 and bad[0].startswith(f"{DUMP}:5: malformed entity line")
    assert "wd-q90000002" in people  # an entity after the bad line


def test_gzip_and_bz2_dumps_stream_the_same_records(tmp_path):
    plain, _ = imported(DUMP)
    data = DUMP.read_bytes()
    (tmp_path / "latest-all.json.gz").write_bytes(gzip.compress(data))
    (tmp_path / "latest-all.json.bz2").write_bytes(bz2.compress(data))
    assert imported(tmp_path / "latest-all.json.gz")[0] == plain
    assert imported(tmp_path / "latest-all.json.bz2")[0] == plain


def test_entities_stream_before_the_archive_ends(tmp_path):
    # a dump cut short: the first entities arrive before the reader reaches the broken tail,
    # which a reader that loads the whole file first could not do
    whole = gzip.compress(DUMP.read_bytes() * 200)
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    stream = _entities(cut, [])
    assert next(stream)[1]["id"] == "Q30"
    assert next(stream)[1]["id"] == "Q76"


def test_a_corrupt_archive_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "d.json.gz").write_bytes(b"not gzip")
    result = CliRunner().invoke(
        app, ["knowledge", "import", "wikidata", str(tmp_path / "d.json.gz")]
    )
    assert result.exit_code == 2 and "wikidata:" in result.output


def test_positions_and_since_filters(tmp_path):
    keep = tmp_path / "keep.txt"
    keep.write_text("Q14211  # Prime Minister of the United Kingdom\n", encoding="utf-8")
    people, _ = imported(DUMP, positions=keep)
    assert list(people) == ["wd-q10648"]
    assert [r["title"] for r in people["wd-q10648"]["roles"]] == ["Prime Minister"]
    people, _ = imported(DUMP, since=2009)
    assert [r["title"] for r in people["wd-q76"]["roles"]] == ["President"]
    assert [r["title"] for r in people["wd-q10648"]["roles"]] == ["Prime Minister"]


def test_the_command_writes_a_pack_and_reports_the_bad_line(tmp_path):
    out = tmp_path / "wd.jsonl.gz"
    result = CliRunner().invoke(
        app, ["knowledge", "import", "wikidata", str(DUMP), "-o", str(out), "--since", "2000"]
    )
    assert result.exit_code == 0, result.output
    assert f"{DUMP}:5: malformed" in result.output
    rows = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert {r["person"]["name"] for r in rows if "person" in r} == {
        "Barack Obama",
        "Gordon Brown",
        "Defense Example",
    }
    result = CliRunner().invoke(
        app, ["knowledge", "import", "congress-executive", str(DUMP), "--since", "2000"]
    )
    assert result.exit_code == 2 and "takes no filters" in result.output


def test_people_merge_by_qid_with_another_source(tmp_path):
    pack = tmp_path / "wd.jsonl"
    write_pack(records("wikidata", DUMP), pack)
    other = tmp_path / "congress.jsonl"
    rows = [{"organisation": {"id": o, "name": o, "kind": "government"}} for o in ORGS]
    rows.append({"person": {"id": "barack-obama-o000167", "name": "Barack H. Obama",
                            "ids": {"bioguide": "O000167", "wikidata": "Q76"},
                            "roles": [{"organisation": "us-senate", "title": "Senator",
                                       "start": "2005-01-03", "end": "2008-11-16"}]}})  # fmt: skip
    other.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    kb = KnowledgeBase(compiled([other, pack]))
    assert kb.errors == []
    (obama,) = kb.people_named("Barack Obama")
    assert obama.id == "barack-obama-o000167"  # the first source's record took the QID's roles
    assert kb.people_named("Barack H. Obama") == [obama]
    presidents = {h.person_name for h in kb.holders("president", "us-gov", date(2010, 1, 1))}
    assert presidents == {"Barack H. Obama"}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
SNAK = st.fixed_dictionaries(
    {
        "snaktype": st.sampled_from(["value", "novalue"]) | JSON,
        "datavalue": st.fixed_dictionaries({"value": JSON}) | JSON,
    }
)
CLAIM = st.fixed_dictionaries(
    {
        "mainsnak": SNAK | JSON,
        "qualifiers": st.dictionaries(
            st.sampled_from(["P580", "P582"]), st.lists(SNAK | JSON, max_size=2)
        ),
    }
)
ENTITY = st.fixed_dictionaries({
    "type": st.just("item"), "id": st.sampled_from(["Q1", "Q76", "Q11696"]) | JSON,
    "labels": st.fixed_dictionaries({"en": st.fixed_dictionaries({"value": JSON})}) | JSON,
    "aliases": JSON,
    "claims": st.dictionaries(st.sampled_from(["P31", "P39", "P1813", "P1001"]),
                              st.lists(CLAIM | JSON, max_size=3)) | JSON,
}).map(json.dumps)  # fmt: skip
GARBAGE = st.text(max_size=80) | st.binary(max_size=80).map(lambda b: b.decode("latin-1")) | ENTITY


@settings(max_examples=80, deadline=None)
@given(st.lists(GARBAGE, max_size=6))
def test_any_garbage_line_never_crashes_it(tmp_path_factory, garbage):
    path = tmp_path_factory.mktemp("wd") / "dump.json"
    body = DUMP.read_bytes().splitlines(keepends=True)
    junk = [(g.replace("\n", " ").replace("\r", " ") + ",\n").encode("utf-8", "replace")
            for g in garbage]  # fmt: skip
    path.write_bytes(b"".join(body[:3] + junk + body[3:]))
    people, problems = imported(path)
    assert {"wd-q76", "wd-q10648"} <= set(people)
    assert problems[-1].startswith("wikidata: ")
