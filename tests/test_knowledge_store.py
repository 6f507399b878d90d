"""The streaming knowledge store: JSON-lines packs, error lines, merging, partial dates,
notable places, the importers on small real-format fixtures and the stats/show commands."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.cli import app
from checker.knowledge import KnowledgeBase
from checker.knowledge.importers import records, write_pack
from checker.knowledge.importers.geonames import _objects
from checker.knowledge.models import Role
from checker.knowledge.packs import KnowledgeError
from checker.knowledge.store import compiled


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTCHECK_KNOWLEDGE_IMPORTS", "0")


def lines(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def kb_of(*paths: Path) -> KnowledgeBase:
    return KnowledgeBase(compiled(list(paths)))


ORG = {"organisation": {"id": "us-tx-senate", "name": "Texas Senate", "kind": "government"}}
PATRICK = {"person": {"id": "dan-patrick", "name": "Dan Patrick", "ids": {"openstates": "x1"},
                      "roles": [{"organisation": "us-tx-senate", "title": "State Senator",
                                 "start": "2009-01-01", "end": "2014-12-31"}]}}  # fmt: skip


def test_a_control_character_is_one_error_line_and_the_rest_loads(tmp_path):
    bad = {"person": {"id": "b", "name": "Jo\u0001hn Smith"}}
    kb = kb_of(lines(tmp_path / "p.jsonl", ORG, bad, PATRICK))
    assert len(kb.errors) == 1
    assert kb.errors[0].startswith(f"{tmp_path / 'p.jsonl'}:2: person.name:")
    assert "bad character" in kb.errors[0]
    assert kb.people_named("Dan Patrick")


def test_a_dangling_reference_names_its_file_and_line(tmp_path):
    orphan = {"place": {"id": "vilseck", "name": "Vilseck", "in": "bavaria"}}
    kb = kb_of(lines(tmp_path / "p.jsonl", PATRICK, orphan))
    assert sorted(kb.errors) == [
        f"{tmp_path / 'p.jsonl'}:1: dan-patrick: unknown organisation 'us-tx-senate'",
        f"{tmp_path / 'p.jsonl'}:2: vilseck: unknown place 'bavaria'",
    ]


def test_broken_lines_and_gzip_are_errors_not_crashes(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"person": \n[1]\n{"nobody": {}}\n', encoding="utf-8")
    assert len(kb_of(path).errors) == 3
    (tmp_path / "q.jsonl.gz").write_bytes(b"not gzip at all")
    assert "cannot read" in kb_of(tmp_path / "q.jsonl.gz").errors[0]


def test_year_only_dates_widen_to_the_whole_year(tmp_path):
    person = {"person": {"id": "a", "name": "Ann Lee",
                         "roles": [{"title": "Mayor", "start": "2015", "end": "2016-03"}]}}  # fmt: skip
    kb = kb_of(lines(tmp_path / "p.jsonl", person))
    (role,) = kb.people_named("Ann Lee")[0].roles
    assert (role.start, role.end) == (date(2015, 1, 1), date(2016, 3, 31))
    with pytest.raises(ValueError):
        Role(title="Mayor", start="2017", end="2016")


def test_imports_merge_by_external_id_and_curated_wins(tmp_path):
    curated = tmp_path / "people.yaml"
    curated.write_text(
        "people:\n  - {id: joe-biden, name: Joe Biden, aliases: [Joseph Biden]}\n", encoding="utf-8"
    )
    again = {"person": {"id": "patrick-2", "name": "Daniel Patrick", "ids": {"openstates": "x1"}}}
    biden = {"person": {"id": "biden-b000444", "name": "Joseph Biden",
                        "roles": [{"title": "Senator", "start": "1973-01-03"}]}}  # fmt: skip
    kb = kb_of(curated, lines(tmp_path / "p.jsonl", ORG, PATRICK, again, biden))
    assert kb.errors == []
    (patrick,) = kb.people_named("Daniel Patrick")
    assert patrick.id == "dan-patrick"
    (joe,) = kb.people_named("Joseph Biden")
    assert joe.id == "joe-biden" and joe.name == "Joe Biden" and joe.roles


def test_an_id_twice_in_curated_packs_is_an_error(tmp_path):
    curated = tmp_path / "people.yaml"
    curated.write_text("people:\n  - {id: a, name: Ann Lee}\n  - {id: a, name: Ann Leigh}\n")
    assert kb_of(curated).errors == [f"{curated}:3: 'a' defined twice"]


def test_namesakes_rank_by_population_and_only_notable_places_are_in_the_text(tmp_path):
    places = [
        {"place": {"id": "us", "name": "United States", "kind": "country"}},
        {"place": {"id": "s1", "name": "Springfield", "kind": "city", "in": "us",
                   "population": 60_000}},
        {"place": {"id": "s2", "name": "Springfield", "kind": "city", "in": "us",
                   "population": 170_000}},
        {"place": {"id": "big", "name": "Houston", "kind": "city", "in": "us",
                   "population": 2_300_000}},
    ]  # fmt: skip
    kb = kb_of(lines(tmp_path / "p.jsonl", *places))
    assert [p.id for p in kb.places_named("Springfield", every=True)] == ["s2", "s1"]
    assert kb.places_named("Springfield") == []
    assert [p.id for p in kb.places_named("Houston")] == ["big"]
    assert [m.group(1) for m in kb.place_regex.finditer("From Springfield to Houston.")] == [
        "Houston"
    ]
    assert [p.id for p in kb.containment("s1")] == ["s1", "us"]


def test_a_curated_place_absorbs_its_geonames_record(tmp_path):
    curated = tmp_path / "places.yaml"
    curated.write_text(
        "places:\n  - {id: ukraine, name: Ukraine, kind: country, ids: {geonames: '690791'}}\n"
        "  - {id: kyiv, name: Kyiv, kind: city, in: ukraine, avoid: [Kiev],"
        " ids: {geonames: '703448'}}\n",
        encoding="utf-8",
    )
    imported = [
        {"place": {"id": "gn-690791", "name": "Ukraine", "kind": "country",
                   "ids": {"geonames": "690791"}}},
        {"place": {"id": "gn-703448", "name": "Kyiv", "kind": "city", "in": "gn-690791",
                   "aliases": ["Kiev"], "population": 2_952_301,
                   "ids": {"geonames": "703448"}}},
        {"place": {"id": "gn-1", "name": "Obolon", "kind": "city", "in": "gn-690791"}},
    ]  # fmt: skip
    kb = kb_of(curated, lines(tmp_path / "g.jsonl", *imported))
    assert kb.errors == []
    assert [p.id for p in kb.places_named("Kyiv", every=True)] == ["kyiv"]
    assert kb.avoided("Kiev").id == "kyiv"
    assert kb.places["kyiv"].population == 2_952_301
    assert [p.id for p in kb.ancestors("gn-1")] == ["ukraine"]


def test_curated_packs_are_read_before_imports(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(PATRICK) + "\n", encoding="utf-8")
    (tmp_path / "z.yaml").write_text(
        "organisations:\n  - {id: us-tx-senate, name: Senate of Texas}\n", encoding="utf-8"
    )
    kb = kb_of(tmp_path)
    assert kb.errors == [] and kb.organisations["us-tx-senate"].name == "Senate of Texas"


OPENSTATES_PERSON = """\
id: ocd-person/22c1bff3-e936-4398-8d7c-95233e85b5c5
name: Dan Patrick
given_name: Dan
family_name: Patrick
roles:
- start_date: '2009-01-01'
  end_date: '2014-12-31'
  type: upper
  jurisdiction: ocd-jurisdiction/country:us/state:tx/government
  district: '7'
- start_date: '2015-01-20'
  end_date: '2027-01-19'
  type: lt_governor
  jurisdiction: ocd-jurisdiction/country:us/state:tx/government
"""


def test_openstates_importer_on_a_real_format_file(tmp_path):
    folder = tmp_path / "data" / "tx" / "executive"
    folder.mkdir(parents=True)
    (folder / "Dan-Patrick.yml").write_text(OPENSTATES_PERSON, encoding="utf-8")
    out = tmp_path / "os.jsonl.gz"
    assert write_pack(records("openstates", tmp_path, version="abc"), out) > 3
    with gzip.open(out, "rt", encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    assert rows[0]["source"]["version"] == "abc"
    kb = kb_of(out)
    assert kb.errors == []
    titles = [
        (r.title, r.organisation) for r in kb.titles_of("ocd-22c1bff3-e936-4398-8d7c-95233e85b5c5")
    ]
    assert titles == [("State Senator", "us-tx-senate"), ("Lieutenant Governor", "us-tx-gov")]
    assert [
        r.person_name for r in kb.holders("lieutenant governor", "us-tx-gov", date(2016, 5, 1))
    ] == ["Dan Patrick"]


def test_ifg_importer_on_real_format_rows(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "organisation.csv").write_text(
        "id,name,short_name,start_date,end_date\no1,Department of Health,DH,1988-07-25,2018-01-08\n"
    )
    (data / "post.csv").write_text(
        "id,id_ifg_website,organisation_id,name,display_name,rank_equivalence,rank_equivalence_value\n"
        "p1,,o1,Secretary of State for Health,Secretary of State for Health,SoS,1\n"
    )
    (data / "person.csv").write_text(
        "id,id_parliament,id_ifg_website,name,display_name,normalized_name,short_name,gender,start_date,end_date\n"
        "m1,1,,Andrew Lansley,Andrew Lansley,Andrew Lansley,Lansley,M,,2015-09-01\n"
        "m1,1,,Lord Lansley,Lord Lansley,Lord Lansley,Lansley,M,2015-09-01,\n"
    )
    (data / "appointment.csv").write_text(
        "id,person_id,post_id,start_date,end_date\na1,m1,p1,2010-05-12,2012-09-04\n"
    )
    out = tmp_path / "ifg.jsonl"
    write_pack(records("ifg-ministers", tmp_path), out)
    kb = kb_of(out)
    assert kb.errors == []
    (person,) = kb.people_named("Andrew Lansley")
    assert person.name == "Lord Lansley"
    assert kb.title("Health Secretary")[0] == "secretary of state for health"
    assert [
        r.person_name
        for r in kb.holders("secretary of state for health", "uk-dh", date(2011, 1, 1))
    ] == ["Lord Lansley"]
    assert kb.organisation("DH").id == "uk-dh"


@settings(max_examples=30, deadline=None)
@given(
    st.dictionaries(
        st.text(min_size=1, max_size=5),
        st.fixed_dictionaries({"name": st.text(max_size=20), "n": st.integers()}),
        max_size=12,
    ),
    st.integers(1, 40),
)
def test_cities_stream_decodes_what_json_loads(tmp_path_factory, data, chunk):
    path = tmp_path_factory.mktemp("cities") / "c.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    assert list(_objects(path, chunk=chunk)) == list(data.values())


def test_stats_and_show_commands(tmp_path):
    pack = lines(tmp_path / "p.jsonl", ORG, PATRICK)
    runner = CliRunner()
    result = runner.invoke(app, ["knowledge", "stats", "--json", "--knowledge", str(pack)])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["people"] > 1 and stats["people_with_dated_roles"] >= 1 and stats["places"] > 0
    result = runner.invoke(app, ["knowledge", "show", "Dan Patrick", "--knowledge", str(pack)])
    assert "State Senator, Texas Senate: 2009-01-01 to 2014-12-31" in result.stdout
    result = runner.invoke(app, ["knowledge", "show", "Vilseck"])
    assert "Vilseck > Bavaria > Germany" in result.stdout
    result = runner.invoke(app, ["knowledge", "show", "Nowhere-at-all"])
    assert result.exit_code == 1


def test_everypolitician_importer_on_real_format_rows(tmp_path):
    """Rows of data/United_States_of_America/Senate/term-100.csv: a term per Congress, the
    part of it a member sat (Karnes from March 11, 1987; Zorinsky to Dec. 31, 1987)."""
    out = tmp_path / "ep.jsonl"
    write_pack(records("everypolitician", Path(__file__).parent / "data" / "everypolitician"), out)
    kb = kb_of(Path(__file__).parents[1] / "rules" / "knowledge" / "organisations.yaml", out)
    assert kb.errors == []
    (gore,) = kb.people_named("Albert Gore")
    assert gore.name == "Albert Gore" and [(r.start, r.end) for r in gore.roles] == [
        (date(1987, 1, 3), date(1989, 1, 3))
    ]

    def senators(day: date) -> list[str]:
        return sorted(r.person_name for r in kb.holders("senator", "us-senate", day))

    assert senators(date(1987, 2, 1)) == ["Alan Cranston", "Albert Gore", "Edward Zorinsky"]
    assert senators(date(1988, 6, 1)) == ["Alan Cranston", "Albert Gore", "David Karnes"]


def test_everypolitician_importer_says_which_line_is_bad(tmp_path):
    bad = tmp_path / "term-100.csv"
    bad.write_text('name,sort_name,chamber,term\nAlan Cranston,"Cranston, Alan",Senate,C\n')
    with pytest.raises(KnowledgeError, match=r"term-100.csv:2"):
        list(records("everypolitician", bad))
