"""The knowledge base: packs validated with file:line errors, the SQLite cache, lookups, the
roster importer, and the --knowledge option."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker import Checker, Config
from checker.cli import app
from checker.knowledge import KnowledgeBase, knowledge_base
from checker.knowledge.importers import import_roster
from checker.knowledge.models import Pack
from checker.knowledge.names import key
from checker.knowledge.packs import KnowledgeError, read_pack
from checker.knowledge.store import compiled

from .conftest import SEED

SAMPLE = Path(__file__).parent / "data" / "legislators-sample.yaml"
FEB_2 = date(2022, 2, 2)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    # user packs next to the starter packs only: each set of packs is compiled on its own,
    # and the shipped imports take tens of seconds (the `kb` fixture has them, built once)
    monkeypatch.setenv("FACTCHECK_KNOWLEDGE_IMPORTS", "0")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base(Config())[0]


def test_starter_packs_load_without_errors():
    kb, errors = knowledge_base(Config())
    assert errors == []
    assert kb.people_named("John F. Kirby")[0].id == "john-kirby"


def test_press_secretary_on_the_seed_date(kb):
    holders = kb.holders("press secretary", "us-dod", FEB_2)
    assert [h.person_name for h in holders] == ["John Kirby"]
    assert [h.person_name for h in kb.holders("president", "us-gov", FEB_2)] == ["Joe Biden"]
    assert [h.person_name for h in kb.holders("secretary general", "nato", date(2024, 10, 2))] == [
        "Mark Rutte"
    ]


def test_organisation_aliases_and_titles(kb):
    assert kb.organisation("the Pentagon").id == "us-dod"
    assert kb.organisation("U.S. Defense Department").id == "us-dod"
    assert kb.title("Sen.") == ("senator", "Senator")
    assert [o for _, _, o in kb.organisations_in("The Pentagon said NATO would")] == [
        "us-dod",
        "nato",
    ]


def test_places_contain_and_prefer(kb):
    assert [p.name for p in kb.ancestors("vilseck")][:2] == ["Bavaria", "Germany"]
    assert {p.id for p in kb.places_named("N.C.")} == {"us-nc"}
    assert kb.avoided("Kiev").preferred == "Kyiv"
    assert kb.avoided("Kyiv") is None


def test_malformed_pack_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "people:\n  - id: someone\n    name: Some One\n    roles:\n"
        "      - {title: Mayor, start: 2020-13-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"bad\.yaml:5: people\.0\.roles\.0\.start"):
        read_pack(bad)
    bad.write_text("people: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml:\d+: invalid YAML"):
        read_pack(bad)


def test_unknown_keys_and_references_are_errors(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("people:\n  - id: x\n    name: X Y\n    nickname: Z\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"p\.yaml:4: people\.0\.nickname"):
        read_pack(pack)
    pack.write_text(
        "people:\n  - id: x\n    name: X Y\n    roles: [{organisation: nowhere, title: Mayor}]\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase(compiled([pack]))
    assert kb.errors and "p.yaml:4" in kb.errors[0] and "nowhere" in kb.errors[0]


def test_a_broken_user_pack_is_an_error_line_not_a_crash(tmp_path):
    (tmp_path / "broken.yaml").write_text("places: [{id: Bad Id, name: X}]\n", encoding="utf-8")
    checker = Checker(Config(knowledge=[str(tmp_path)]))
    report = checker.check_paths([SEED])
    assert any("broken.yaml:1" in e.message for e in report.errors)
    assert report.documents and report.documents[0].findings


def test_cache_is_reused_and_rebuilt_when_a_pack_changes(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text("people: [{id: a, name: Ann Lee}]\n", encoding="utf-8")
    first = compiled([pack])
    assert compiled([pack]) == first
    pack.write_text("people: [{id: a, name: Ann Leigh}]\n", encoding="utf-8")
    second = compiled([pack])
    assert second != first
    assert KnowledgeBase(second).people_named("Ann Leigh")


def test_user_pack_adds_people_through_config(tmp_path):
    (tmp_path / "local.yaml").write_text(
        "people:\n  - id: pat-ryder\n    name: Pat Ryder\n    roles:\n"
        "      - {organisation: us-dod, title: Press Secretary, start: 2022-08-01, end: 2024-12-31}\n",
        encoding="utf-8",
    )
    kb, errors = knowledge_base(Config(knowledge=[str(tmp_path)]))
    assert errors == []
    assert [h.person_name for h in kb.holders("press secretary", "us-dod", date(2023, 3, 1))] == [
        "Pat Ryder"
    ]


def test_importer_turns_legislators_into_a_valid_pack(tmp_path):
    text = import_roster("congress-legislators", SAMPLE)
    pack = Pack.model_validate(yaml.safe_load(text))
    brown = next(p for p in pack.people if p.name == "Sherrod Brown")
    assert [(r.organisation, r.title) for r in brown.roles][:2] == [
        ("us-house", "Representative"),
        ("us-senate", "Senator"),
    ]
    kaine = next(p for p in pack.people if p.name == "Tim Kaine")
    assert "Timothy Michael Kaine" in kaine.aliases
    out = tmp_path / "congress.yaml"
    out.write_text(text, encoding="utf-8")
    kb, errors = knowledge_base(Config(knowledge=[str(out)]))
    assert errors == []
    senators = {h.person_name for h in kb.holders("senator", "us-senate", date(2005, 6, 1))}
    assert "Maria Cantwell" in senators and "Sherrod Brown" not in senators


def test_import_command_writes_a_pack_and_rejects_unknown_formats(tmp_path):
    runner = CliRunner()
    out = tmp_path / "pack.yaml"
    result = runner.invoke(
        app, ["knowledge", "import", "congress-legislators", str(SAMPLE), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Sherrod Brown" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["knowledge", "import", "csv-of-doom", str(SAMPLE)])
    assert result.exit_code == 2 and "unknown roster format" in result.output


def test_knowledge_option_on_check(tmp_path):
    (tmp_path / "bad.yaml").write_text("people: 3\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, [str(SEED), "--knowledge", str(tmp_path), "--fail-on", "never"]
    )
    assert result.exit_code == 2
    assert "bad.yaml:1" in result.output


@given(st.text(max_size=40))
def test_name_keys_are_idempotent(text):
    assert key(key(text)) == key(text)


def test_show_command_lists_roles():
    result = CliRunner().invoke(app, ["knowledge", "show", "Jens Stoltenberg"])
    assert result.exit_code == 0, result.output
    assert "Secretary General, NATO: 2014-10-01 to 2024-10-01" in result.output
    assert CliRunner().invoke(app, ["knowledge", "show", "Nobody Atall"]).exit_code == 1


def test_user_packs_reach_the_rules(tmp_path):
    (tmp_path / "ryder.yaml").write_text(
        "people:\n  - id: pat-ryder\n    name: Pat Ryder\n    roles:\n"
        "      - {organisation: us-dod, title: Press Secretary, start: 2022-08-01, end: 2024-12-31}\n",
        encoding="utf-8",
    )
    (tmp_path / "congress.yaml").write_text(
        import_roster("congress-legislators", SAMPLE), encoding="utf-8"
    )
    checker = Checker(Config(knowledge=[str(tmp_path)], select=["entity"]))
    text = "However, Department of Defense press secretary John Kirby emphasized the point."
    [hit] = checker.check_text(text, date="2023-03-01").findings
    assert "was Pat Ryder, not John Kirby" in hit.message
    text = "Sen. Sherod Brown (D-Ohio) said the bill would not pass."
    [hit] = checker.check_text(text, date="2014-06-01").findings
    assert (hit.rule_id, hit.fixes[0].replacement) == ("entity.name-role", "Sherrod Brown")


def test_knowledge_show_reads_the_configured_folders_and_surnames(tmp_path, monkeypatch):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "people.yaml").write_text(
        "people:\n  - id: jane-doe\n    name: Jane Doe\n    roles:\n"
        "      - {organisation: us-dod, title: Deputy Press Secretary, start: 2023-03-01}\n",
        encoding="utf-8",
    )
    (tmp_path / ".factcheck.toml").write_text('knowledge = ["kb"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["knowledge", "show", "Jane Doe"])
    assert result.exit_code == 0 and "Deputy Press Secretary" in result.stdout
    by_surname = CliRunner().invoke(app, ["knowledge", "show", "Kirby"])
    assert by_surname.exit_code == 0 and "John Kirby (john-kirby)" in by_surname.stdout


def test_a_missing_knowledge_folder_is_an_error_not_silence(tmp_path):
    # a typo in `knowledge = [...]` used to drop the house pack without a word
    missing = tmp_path / "house-knowlege"
    result = CliRunner().invoke(app, [str(SEED), "--knowledge", str(missing), "--fail-on", "never"])
    assert result.exit_code == 2
    assert f"{missing}: no such knowledge folder or file" in result.stderr
