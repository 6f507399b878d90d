"""The README and the guides in docs/ say what is true: their examples run as written, the
report excerpt is real output, and every link leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config, load_config
from checker.engine import Checker
from checker.packs import load_pack
from checker.rule_docs import dialect_problems

from .conftest import ROOT

runner = CliRunner()
DOCS = ROOT / "docs"
SETUP = [
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/factcheck seeds/",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
]


def blocks(path: Path, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


def test_guide_pack_knowledge_and_config_work_together(tmp_path):
    pack = next(b for b in blocks(DOCS / "writing-rules.md", "yaml") if "kind: substitution" in b)
    (tmp_path / "house-style").mkdir()
    (tmp_path / "house-style" / "newsroom.yaml").write_text(pack, encoding="utf-8")
    rules = load_pack(tmp_path / "house-style" / "newsroom.yaml")
    assert [r.id for r in rules] == ["house.place-names"]
    assert dialect_problems(rules[0].docs) == []
    (tmp_path / "house-knowledge").mkdir()  # the config names it; a missing one is an error
    person = next(b for b in blocks(DOCS / "knowledge.md", "yaml") if "jane-doe" in b)
    (tmp_path / "house-knowledge" / "people.yaml").write_text(person, encoding="utf-8")
    toml = next(b for b in blocks(DOCS / "configuration.md", "toml") if "fail-on" in b)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config = load_config([tmp_path])
    assert config.fail_on == "warning" and config.packs == [str(tmp_path / "house-style")]
    assert config.rule_url("style.cliche") == f"{config.docs_url}/style.cliche.md"
    article = tmp_path / "story.txt"
    article.write_text("The drone strike targeted Al Qaeda leaders in Yemen.\n", encoding="utf-8")
    result = runner.invoke(app, [str(article), "-f", "json"])
    assert result.exit_code == 1 and "House style is 'al-Qaida', not 'Al Qaeda'" in result.stdout


def test_the_guide_python_rule_follows_the_dialect_and_fires(monkeypatch):
    code = next(b for b in blocks(DOCS / "writing-rules.md", "python") if "PythonRule" in b)
    space: dict[str, object] = {}
    exec(compile(code, "writing-rules.md", "exec"), space)  # noqa: S102 - our own example, run as written
    rule = space["Embargo"]()
    assert dialect_problems(rule.docs) == []
    monkeypatch.setattr("checker.registry.plugin_rules", lambda: ([rule], []))
    example = rule.docs.split("## Example\n", 1)[1].split("\n", 1)[0]
    found = Checker(Config(select=["house.embargo"])).check_text(example).findings
    assert [(f.rule_id, f.span.text) for f in found] == [("house.embargo", "EMBARGOED")]


@pytest.mark.parametrize("index", [0, 1])
def test_the_library_examples_run(index, monkeypatch, capsys):
    code = [b for b in blocks(DOCS / "library.md", "python") if "dask" not in b][index]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "library.md", "exec"), {})  # noqa: S102 - our own example, run as written
    assert "entity.name-role" in capsys.readouterr().out


def test_the_readme_has_exactly_the_two_set_up_commands_and_ci_runs_the_second():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Set up", 1)[1]
    section = section.split("\n## ", 1)[0]
    assert [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)] == SETUP
    assert SETUP[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_readme_excerpt_is_real_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["seeds/", "--reference-year", "2026", "--no-cache"])
    assert result.exit_code == 1
    shown = blocks(ROOT / "README.md", "text")[0].splitlines()
    assert shown[0] == "$ .venv/bin/factcheck seeds/"
    output = result.stdout.splitlines()
    missing = [line for line in shown[1:] if line not in ("", "...") and line not in output]
    assert not missing, f"README excerpt lines not in the output of `factcheck seeds/`: {missing}"


def _anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md")), ROOT / "benchmarks" / "RESULTS.md"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_leads_somewhere(page):
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # an external address
        file, _, anchor = target.partition("#")
        linked = (page.parent / file).resolve() if file else page
        if not linked.exists() or (anchor and anchor not in _anchors(linked)):
            broken.append(target)
    assert not broken, f"{page.name}: broken links {broken}"


def test_the_docs_index_links_every_guide():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    guides = [p.name for p in DOCS.glob("*.md") if p.name != "README.md"]
    assert guides and all(f"]({name})" in index for name in guides), guides
    assert "](rules/README.md)" in index
