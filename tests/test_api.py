"""The public library API is pinned: a change to these names or signatures must be deliberate
(update this file and say so in the changelog), never an accident of a refactor."""

from __future__ import annotations

import inspect
import json
import typing
from datetime import date

import pytest

import checker
from checker import Checker, Config, DocumentReport, Report, check_paths, check_text
from checker.formats import render

from .conftest import ROOT, SEED

EXPORTS = [
    "Attribution", "CheckError", "Checker", "Claim", "Config", "Constraint", "Document",
    "DocumentReport", "Finding", "Fix", "InputError", "Quantity", "Report", "Severity", "Source",
    "SourceKind", "Span", "Verdict", "check_paths", "check_text",
]  # fmt: skip

SIGNATURES = {
    "check_text": "(text: 'str', *, path: 'str | None' = None, date: 'str | Date | None' = None, "
    "config: 'Config | None' = None) -> 'Report'",
    "check_paths": "(paths: 'Iterable[str | os.PathLike[str]]', *, config: 'Config | None' = None)"
    " -> 'Report'",
    "Checker.__init__": "(self, config: 'Config | None' = None) -> 'None'",
    "Checker.warm_up": "(self) -> 'Checker'",
    "Checker.check_text": "(self, text: 'str', *, path: 'str | None' = None, "
    "date: 'str | Date | None' = None) -> 'DocumentReport'",
    "Checker.check_document": "(self, document: 'Document') -> 'DocumentReport'",
    "Checker.check_paths": "(self, paths: 'Iterable[str | os.PathLike[str]]') -> 'Report'",
    "Checker.iter_check": "(self, paths: 'Iterable[str | os.PathLike[str]]') -> "
    "'Iterator[DocumentReport | InputError]'",
}

# Fields callers read; models may gain fields, never lose or rename these.
FIELDS = {
    "Report": {"schema_version", "documents", "errors"},
    "DocumentReport": {"path", "title", "date", "date_origin", "words", "claims", "quantities",
                       "attributions", "sources", "constraints", "findings", "errors"},
    "CheckError": {"origin", "rule_id", "message"},
    "Finding": {"rule_id", "severity", "span", "message", "suggestion", "fixes", "related"},
    "Fix": {"span", "replacement"},
    "Span": {"start", "end", "text", "line", "column", "end_line", "end_column"},
    "Quantity": {"id", "span", "value", "low", "high", "kind", "noun", "hedge", "attributes"},
    "Constraint": {"id", "kind", "cue", "cue_span", "quantities", "claims", "verdict",
                   "explanation"},
    "Claim": {"id", "span", "quantities", "source_id", "source", "source_kind"},
    "InputError": {"path", "message"},
}  # fmt: skip


def public(name: str) -> typing.Any:
    obj: typing.Any = checker
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def test_exported_names_are_pinned():
    assert sorted(checker.__all__) == sorted(EXPORTS)
    assert all(hasattr(checker, name) for name in checker.__all__)


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signatures_are_pinned_documented_and_typed(name):
    function = public(name)
    assert str(inspect.signature(function)) == SIGNATURES[name]
    assert inspect.getdoc(function), f"{name} has no docstring"
    assert "return" in typing.get_type_hints(function)  # annotations resolve for type checkers


@pytest.mark.parametrize("model", sorted(FIELDS))
def test_model_fields_callers_read_stay(model):
    assert FIELDS[model] <= set(public(model).model_fields)


def test_package_is_typed_and_ships_the_marker():
    assert (ROOT / "checker" / "py.typed").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    wheel = pyproject.split("[tool.hatch.build.targets.wheel]\n", 1)[1].split("\n[", 1)[0]
    assert 'packages = ["checker"]' in wheel  # the whole package folder, py.typed too


def test_check_text_returns_one_document_and_takes_a_date_object():
    text = SEED.read_text(encoding="utf-8")
    report = check_text(text, path="seed.txt", date=date(2022, 2, 2))
    assert isinstance(report, Report) and len(report.documents) == 1
    assert report.documents[0].path == "seed.txt" and report.documents[0].date == "2022-02-02"
    assert {f.rule_id for f in report.findings} >= {"boilerplate.web"}


def test_config_selects_rules():
    text = "Officials met. Share this article The talks resume."
    assert check_text(text, config=Config(ignore=["boilerplate"])).findings == []
    assert [f.rule_id for f in check_text(text).findings] == ["boilerplate.web"]


def test_a_warm_checker_gives_the_same_report_as_the_function(checker: Checker):
    text = SEED.read_text(encoding="utf-8")
    ours = checker.check_text(text, path="seed.txt")
    assert isinstance(ours, DocumentReport)
    assert ours == check_text(text, path="seed.txt").documents[0]
    assert checker.check_text(text, path="seed.txt") == ours  # deterministic when warm


def test_json_output_is_the_api_model():
    report = check_paths([SEED])
    assert Report.model_validate_json(render(report, "json")) == report
    assert json.loads(render(report, "json"))["documents"][0]["path"] == str(SEED)


def test_check_text_rejects_a_date_that_does_not_exist():
    import pytest

    from checker import check_text

    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        check_text("Some copy.", date="2022-02-30")
