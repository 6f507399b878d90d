"""The README's "Rules and configuration" examples work as written."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from checker.cli import app
from checker.config import load_config
from checker.packs import load_pack

from .conftest import ROOT

runner = CliRunner()


def blocks(lang: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Rules and configuration", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{lang}\n(.*?)```", section, re.DOTALL)


def test_readme_pack_and_config_work_together(tmp_path):
    pack = next(b for b in blocks("yaml") if "kind: substitution" in b)
    (tmp_path / "house-style").mkdir()
    (tmp_path / "house-style" / "newsroom.yaml").write_text(pack, encoding="utf-8")
    rules = load_pack(tmp_path / "house-style" / "newsroom.yaml")
    assert [r.id for r in rules] == ["house.place-names"]
    (tmp_path / "house-knowledge").mkdir()  # the config names it; a missing one is an error
    person = next(b for b in blocks("yaml") if "jane-doe" in b)
    (tmp_path / "house-knowledge" / "people.yaml").write_text(person, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(next(b for b in blocks("toml") if "fail-on" in b))
    config = load_config([tmp_path])
    assert config.fail_on == "warning" and config.packs == [str(tmp_path / "house-style")]
    article = tmp_path / "story.txt"
    article.write_text("The drone strike targeted Al Qaeda leaders in Yemen.\n", encoding="utf-8")
    result = runner.invoke(app, [str(article), "-f", "json"])
    assert result.exit_code == 1 and "House style is 'al-Qaida', not 'Al Qaeda'" in result.stdout
