"""The U.S. cabinet (FiveThirtyEight cabinet-turnover, CC BY 4.0) and State Department principal
officers (HistoryAtState/pocom, public domain) importers on fixtures in their real formats
(rows and elements as the sources write them), one person found in both merged into one, and
what the entity rules make of the 1980s cabinet in 1987 Reuters copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker import Checker, Config
from checker.knowledge import knowledge_base
from checker.knowledge.importers import records, write_pack
from checker.knowledge.importers.cabinet import aliases_of
from checker.office_terms import named_terms
from tests.conftest import ROOT, assert_quoted
from tests.test_knowledge_store import kb_of, lines

# cabinet-turnover/cabinet-turnover.csv at fivethirtyeight/data fcf572c (a BOM, two-digit
# years, "Aug. 1981", a term across two administrations, posts left unmapped)
CABINET = (
    "\ufeffpresident,position,appointee,start_date,end_date,length,departure_day,gender,,\n"
    "Reagan,Chief of Staff,James Baker,1/20/81,2/3/85,1475,1476,Male,,\n"
    "Reagan,OSTP Director,George A. Keyworth II,Aug. 1981,12/31/85,Approx. 1613,1807,Male,,\n"
    "Reagan,Secretary of Commerce,Mac Baldrige,1/20/81,7/25/87,2377,2378,Male,,\n"
    "Reagan,Attorney General,Ed Meese,2/25/85,8/12/88,1264,2762,Male,,\n"
    "Reagan,Secretary of the Treasury,James Baker,2/3/85,8/17/88,1291,2767,Male,,\n"
    "Reagan,Vice President,George H.W. Bush,1/20/81,1/20/89,2922,2923,Male,,\n"
    "Reagan,Secretary of the Treasury,Nicholas Brady,9/16/88,Bush admin,1584 combined,N/A,Male,,\n"
    "Bush 41,Secretary of State,James Baker,1/25/89,8/23/92,1306,1312,Male,,\n"
    "Bush 41,Secretary of the Treasury,Nicholas Brady,Reagan admin,1/17/93,1584 combined,1459,Male,,\n"
    "Biden,Secretary of Commerce,Gina Raimondo,3/3/21,Still in office,,,Female,,\n"
)
ORGS = ROOT / "rules" / "knowledge" / "organisations.yaml"  # us-gov, us-state, ...
PRINCIPAL = """        <principal>
            <id>{id}</id>
            <person-id>{who}</person-id>
            <role-title-id>secretary</role-title-id>
            <appointed>
                <date>{start}</date>
                <note/>
            </appointed>
            <started>
                <date>{start}</date>
                <note/>
            </started>
            <ended>
                <date>{end}</date>
                <note/>
            </ended>
            <note/>
        </principal>
"""
PERSON = """<?xml version="1.0" encoding="UTF-8"?>
<person>
    <id>{id}</id>
    <persName>
        <surname>{surname}</surname>
        <forename>{forename}</forename>
        {extra}
    </persName>
    <birth>{birth}</birth>
    <death/>
    <career-type>non-career</career-type>
</person>
"""


def cabinet(tmp_path: Path) -> Path:
    folder = tmp_path / "cabinet-turnover"
    folder.mkdir()
    (folder / "cabinet-turnover.csv").write_text(CABINET, encoding="utf-8")
    return folder


def pocom(tmp_path: Path) -> Path:
    """positions-principals/secretary.xml and two people files, as HistoryAtState/pocom 44d2226
    writes them (Shultz with his altname, Baker with genName III)."""
    root = tmp_path / "pocom"
    (root / "positions-principals").mkdir(parents=True)
    principals = PRINCIPAL.format(
        id="secr-1982-shul", who="shultz-george-pratt", start="1982-07-16", end="1989-01-20"
    ) + PRINCIPAL.format(
        id="secr-1989-bake", who="baker-james-addison", start="1989-01-25", end="1992-08-23"
    )
    (root / "positions-principals" / "secretary.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<principal-position>\n    <id>secretary</id>\n'
        "    <names>\n        <singular>Secretary of State</singular>\n"
        "        <plural>Secretaries of State</plural>\n    </names>\n"
        f"    <principals>\n{principals}    </principals>\n</principal-position>\n",
        encoding="utf-8",
    )
    for letter, ident, surname, forename, extra, birth in (
        ("s", "shultz-george-pratt", "Shultz", "George Pratt",
         "<altname>George P. Shultz</altname>", "1920"),
        ("b", "baker-james-addison", "Baker", "James Addison", "<genName>III</genName>", "1930"),
    ):  # fmt: skip
        (root / "people" / letter).mkdir(parents=True, exist_ok=True)
        (root / "people" / letter / f"{ident}.xml").write_text(
            PERSON.format(id=ident, surname=surname, forename=forename, extra=extra,
                          birth=birth),
            encoding="utf-8",
        )  # fmt: skip
    return root


def test_cabinet_importer_on_real_format_rows(tmp_path):
    out, skipped = tmp_path / "cabinet.jsonl", []
    write_pack(records("cabinet-turnover", cabinet(tmp_path)), out, skipped)
    assert skipped == ["cabinet-turnover: 2 rows of unmapped posts skipped"]  # OSTP, VP
    kb = kb_of(ORGS, out)
    assert kb.errors == []
    (baker,) = kb.people_named("James Baker")
    assert [(r.title, r.start, r.end) for r in baker.roles] == [
        ("Chief of Staff", date(1981, 1, 20), date(1985, 2, 3)),
        ("Secretary of the Treasury", date(1985, 2, 3), date(1988, 8, 17)),
        ("Secretary of State", date(1989, 1, 25), date(1992, 8, 23)),
    ]
    # one term across two administrations: the start of one row, the end of the other
    (brady,) = kb.people_named("Nicholas Brady")
    assert [(r.start, r.end) for r in brady.roles] == [(date(1988, 9, 16), date(1993, 1, 17))]
    # a short first name also answers to the formal ones it stands for
    assert kb.people_named("Malcolm Baldrige")[0].name == "Mac Baldrige"
    assert {p.name for p in kb.people_named("Edwin Meese")} == {"Ed Meese"}
    assert kb.title("Commerce Secretary")[0] == "secretary of commerce"
    assert kb.title("Secretary of Commerce")[0] == "secretary of commerce"
    assert [r.person_name for r in kb.holders("secretary of commerce", None, date(1987, 3, 3))] == [
        "Mac Baldrige"
    ]
    assert kb.holders("secretary of commerce", None, date(1987, 8, 1)) == []
    # "Still in office" in 2024 says nothing of the article's day: no open-ended term
    assert kb.people_named("Gina Raimondo") == []


def test_pocom_importer_on_real_format_files(tmp_path):
    out = tmp_path / "pocom.jsonl"
    write_pack(records("pocom", pocom(tmp_path)), out)
    kb = kb_of(ORGS, out)
    assert kb.errors == []
    (shultz,) = kb.people_named("George Shultz")
    assert shultz.name == "George P. Shultz"
    assert kb.people_named("George Pratt Shultz") == [shultz]
    (baker,) = kb.people_named("James A. Baker")
    assert baker.name == "James Addison Baker III"
    assert [r.person_name for r in kb.holders("secretary of state", "us-state", date(1987, 2, 26))] == [
        "George P. Shultz"
    ]  # fmt: skip


def test_one_person_in_two_imports_is_merged_by_name_and_a_shared_term(tmp_path):
    a, b = tmp_path / "cabinet.jsonl", tmp_path / "pocom.jsonl"
    write_pack(records("cabinet-turnover", cabinet(tmp_path)), a)
    write_pack(records("pocom", pocom(tmp_path)), b)
    kb = kb_of(ORGS, a, b)
    (baker,) = kb.people_named("James Baker")  # Secretary of State 1989-92 in both
    assert [r.title for r in baker.roles] == [
        "Chief of Staff", "Secretary of the Treasury", "Secretary of State",
    ]  # fmt: skip
    assert kb.people_named("James Addison Baker III") == [baker]


def test_namesakes_without_a_shared_term_stay_two_people(tmp_path):
    a = tmp_path / "cabinet.jsonl"
    write_pack(records("cabinet-turnover", cabinet(tmp_path)), a)
    other = lines(
        tmp_path / "other.jsonl",
        {"organisation": {"id": "us-tx-house", "name": "Texas House", "kind": "government"}},
        {"person": {"id": "tx-james-baker", "name": "James Baker", "roles": [
            {"organisation": "us-tx-house", "title": "State Representative", "start": "1985-01-08",
             "end": "1987-01-13"}]}},
        {"person": {"id": "x-james-baker", "name": "James Baker", "roles": [
            {"organisation": "us-gov", "title": "Secretary of the Treasury", "start": "1995-01-01",
             "end": "1996-01-01"}]}},
        {"person": {"id": "tx-jane-roe-1", "name": "Jane Roe", "roles": [
            {"organisation": "us-tx-house", "title": "State Representative", "start": "1985-01-08",
             "end": "1987-01-13"}]}},
        {"person": {"id": "tx-jane-roe-2", "name": "Jane Roe", "roles": [
            {"organisation": "us-tx-house", "title": "State Representative", "start": "1985-01-08",
             "end": "1989-01-10"}]}},
    )  # fmt: skip
    kb = kb_of(ORGS, a, other)
    assert len(kb.people_named("James Baker")) == 3  # another office; the same one years apart
    # two records of one file: the source told them apart, however alike they are
    assert len(kb.people_named("Jane Roe")) == 2


def test_a_persons_own_terms_that_meet_on_a_handover_day_are_all_kept(tmp_path):
    # congress-legislators writes a senator's terms end to start on the same day
    terms = [("1995-01-04", "2001-01-03"), ("2001-01-03", "2007-01-03")]
    pack = lines(tmp_path / "senate.jsonl", {"person": {
        "id": "dianne-feinstein", "name": "Dianne Feinstein", "ids": {"bioguide": "F000062"},
        "roles": [{"organisation": "us-senate", "title": "Senator", "start": a, "end": b}
                  for a, b in terms]}})  # fmt: skip
    kb = kb_of(ORGS, pack)
    assert [r.person_name for r in kb.holders("senator", "us-senate", date(2004, 5, 1))] == [
        "Dianne Feinstein"
    ]


def test_a_short_first_name_gets_only_its_bearers_formal_name():
    assert aliases_of("Mac Baldrige") == ["Malcolm Baldrige"]
    # "Jack Lew" is Jacob, "Jack Kemp" was christened Jack: never "John"
    assert aliases_of("Jack Lew") == ["Jacob Lew"]
    assert aliases_of("Jack Kemp") == []
    # "Ed" is Edwin Meese but Edmund Muskie: one alias each, not all three
    assert aliases_of("Ed Meese") == ["Edwin Meese"]
    assert aliases_of("Ed Muskie") == ["Edmund Muskie"]
    # near miss: an unambiguous short name still gets its formal one
    assert aliases_of("Bob Gates") == ["Robert Gates"]


# --- the entity rules on the 1980s cabinet (the shipped knowledge base) -------------------

# reuters/reut2-002/reuters_1987-03-05_2229.txt
BALDRIGE = (
    "Commerce Secretary Malcolm Baldrige said he may recommend that the United States "
    "retaliate against Japan if the Japanese do not permit U.S."
)
# reuters/reut2-006/reuters_1987-03-17_6062.txt
LYNG = (
    "Agriculture Secretary Richard Lyng warned the EC yesterday it would face serious "
    "retaliation if it enacted the tax."
)
# reuters/reut2-000/reuters_1987-02-26_175.txt
BAKER = (
    "Treasury Secretary James Baker, Federal Reserve Board chairman Paul Volcker and "
    "International Monetary Fund managing"
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Config(select=["entity"]))


def entity_hits(checker: Checker, text: str, day: str) -> list[str]:
    return [
        f.span.text for f in checker.check_text(text, date=day).findings
        if f.rule_id.startswith("entity.")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "text"),
    [("reut2-002/reuters_1987-03-05_2229.txt", BALDRIGE),
     ("reut2-006/reuters_1987-03-17_6062.txt", LYNG),
     ("reut2-000/reuters_1987-02-26_175.txt", BAKER)],
)  # fmt: skip
def test_the_1987_cabinet_as_written_is_clean(checker, path, text):
    assert_quoted(ROOT.parent / "shared/corpus/reuters" / path, text)
    assert entity_hits(checker, text, path.split("_")[1]) == []


def test_a_misspelt_cabinet_first_name_is_caught(checker):
    hit = BALDRIGE.replace("Malcolm", "Malcom")
    assert entity_hits(checker, hit, "1987-03-05") == ["Malcom Baldrige"]
    # near miss: the formal name of "Mac Baldrige" is his, not a misspelling
    assert entity_hits(checker, BALDRIGE, "1987-03-05") == []


def test_another_office_of_a_cabinet_member_is_caught_at_its_date(checker):
    wrong = BAKER.replace("Treasury Secretary", "Secretary of State")
    assert entity_hits(checker, wrong, "1987-02-26") == ["James Baker"]
    # near miss: in 1990 he was Secretary of State
    assert entity_hits(checker, wrong, "1990-02-26") == []


# reuters/reut2-008/reuters_1987-03-24_8593.txt (hard-wrapped as on the wire)
HAIG = "Former U.S. Secretary of State\nAlexander Haig has announced his intention to run for\npresident."
# reuters/reut2-014/reuters_1987-04-08_14914.txt
SHULTZ = (
    "Washington had chosen this time, only a week before a scheduled Moscow visit by U.S. "
    "Secretary of State George Shultz, to make accusations against the Soviet Union."
)


def test_a_former_title_before_an_initialism_does_not_date_the_article():
    kb = knowledge_base(Config())[0]
    assert_quoted(ROOT.parent / "shared/corpus/reuters/reut2-008/reuters_1987-03-24_8593.txt", HAIG)
    assert named_terms(kb, HAIG) == []  # "U.S." is one word: "Former" qualifies the title
    assert_quoted(
        ROOT.parent / "shared/corpus/reuters/reut2-014/reuters_1987-04-08_14914.txt", SHULTZ
    )
    (term,) = named_terms(kb, SHULTZ)
    assert term.text == "U.S. Secretary of State George Shultz"
    assert term.periods == ((date(1982, 7, 16), date(1989, 1, 20)),)


# reuters/reut2-000/reuters_1987-02-26_178.txt (hard-wrapped as on the wire)
ROLES = (
    "But criticism of the roles of Secretary of State George\nShultz and Defense Secretary "
    "Caspar Weinberger, who said they\nopposed the Iran arms initiative yet failed to end it, "
    "had been\nmuted until the release of the Tower Commission report."
)


def test_a_misspelt_name_the_tagger_reads_as_an_organisation_is_checked_by_its_title(checker):
    """'State Georg Shultz' is tagged ORG; the title before it is one a Shultz held, so the
    name is a person's and its first name is checked."""
    assert_quoted(ROOT.parent / "shared/corpus/reuters/reut2-000/reuters_1987-02-26_178.txt", ROLES)
    assert entity_hits(checker, ROLES.replace("George", "Georg"), "1987-02-26") == ["Georg\nShultz"]
    # near misses: as written it is clean, and a title no Shultz held does not make a person
    assert entity_hits(checker, ROLES, "1987-02-26") == []
    other = ROLES.replace("Secretary of State George", "Secretary of Labor Georg")
    assert entity_hits(checker, other, "1987-02-26") == []
