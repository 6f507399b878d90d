"""The `factcheck` command: a thin face over `Checker`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or runtime
error, or an input that could not be checked (the other files are still checked).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import click
import typer
from typer.core import TyperGroup

from checker import baseline, catalog
from checker.config import Config, ConfigError, dump_toml, load_config
from checker.engine import Checker
from checker.formats import FORMATS, render
from checker.models import Report, Severity
from checker.rules import all_rules

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultCheck(TyperGroup):
    """`factcheck PATH...` means `factcheck check PATH...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultCheck,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Check news copy: claims, sources, numbers as constraints, names, dates and style.",
)


def fail_exit(report: Report, fail_on: str) -> int:
    if report.errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


def _choice(value: str, allowed: tuple[str, ...] | list[str], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)
    return value


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (txt, md, html)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write the report here")] = None,
    fail_on: Annotated[Optional[str], typer.Option(help="error, warning, info or never [default: error]")] = None,
    date: Annotated[Optional[str], typer.Option(help="publication date (YYYY-MM-DD) for undated articles")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="only these rule ids or prefixes")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="skip these rule ids or prefixes")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option(help="add these rule ids or prefixes to the selection")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="config file (default: found upwards from the first path)")] = None,
    isolated: Annotated[bool, typer.Option(help="ignore config files")] = False,
    baseline_file: Annotated[Optional[Path], typer.Option("--baseline", help="findings in this baseline file do not fail and are not shown")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option(help="write every current finding to this baseline file and exit 0")] = None,
) -> None:
    """Check articles and print claims and findings."""
    _choice(fmt, list(FORMATS), "--format")
    config = effective_config(
        paths, config_file, isolated,
        fail_on=fail_on, date=date, select=select, ignore=ignore, extend_select=extend_select,
        baseline=str(baseline_file) if baseline_file else None,
    )  # fmt: skip
    try:
        report = Checker(config).check_paths(paths)
    except Exception as exc:  # a bug or a broken install: one line, exit 2
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for error in report.errors:
        typer.echo(f"factcheck: {error.path}: {error.message}", err=True)
    if write_baseline:
        _write_baseline(report, write_baseline)
    if config.baseline:
        _hide_baselined(report, Path(config.baseline))
    text = render(report, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    raise typer.Exit(fail_exit(report, config.fail_on))


def effective_config(
    paths: list[Path], config_file: Path | None, isolated: bool, **options: object
) -> Config:
    """Defaults < config file < the options given on the command line; exit 2 if bad."""
    try:
        return load_config(paths, options, config_file=config_file, isolated=isolated)
    except ConfigError as exc:
        typer.echo(f"factcheck: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


def _write_baseline(report: Report, path: Path) -> None:
    """Record every current finding, then stop: exit 0 (2 if some file could not be checked)."""
    try:
        count = baseline.write(report, path)
    except OSError as exc:
        typer.echo(f"factcheck: {path}: cannot write baseline: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"factcheck: wrote {count} findings to baseline {path}", err=True)
    raise typer.Exit(EXIT_ERROR if report.errors else EXIT_OK)


def _hide_baselined(report: Report, path: Path) -> None:
    """Drop the findings the baseline holds, so only new ones are shown and fail."""
    if not path.exists():
        typer.echo(f"factcheck: no baseline {path} yet (--write-baseline makes one)", err=True)
        return
    try:
        hidden = baseline.apply(report, path)
    except baseline.BaselineError as exc:
        typer.echo(f"factcheck: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    typer.echo(f"factcheck: {hidden} findings in baseline {path} not shown", err=True)


ConfigOption = Annotated[Optional[Path], typer.Option("--config", help="config file (default: found upwards)")]
PathArgument = Annotated[Optional[Path], typer.Argument(help="where to look for a config file [default: .]")]


@app.command("rules")
def list_rules(
    path: PathArgument = None,
    config_file: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
) -> None:
    """List every rule: id, severity, kind, pack and summary ("off" if not selected)."""
    config = effective_config([path or Path.cwd()], config_file, False)
    rules, errors = all_rules(config)
    for error in errors:
        typer.echo(f"factcheck: {error}", err=True)
    if as_json:
        typer.echo(json.dumps(catalog.rules_data(rules, config), indent=2))
    else:
        typer.echo(catalog.rules_table(rules, config))


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="a rule id, e.g. style.redundancy")],
    config_file: ConfigOption = None,
) -> None:
    """Print a rule's documentation and what it reports on its example."""
    config = effective_config([Path.cwd()], config_file, False)
    rules, _ = all_rules(config)
    rule = catalog.find_rule(rules, rule_id)
    if rule is None:
        close = catalog.close_ids(rules, rule_id)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `factcheck rules` lists them"
        typer.echo(f"factcheck: no rule {rule_id!r}{hint}", err=True)
        raise typer.Exit(EXIT_ERROR)
    example = catalog.rule_example(rule)
    hits = []
    if example:
        only = config.model_copy(update={"select": [rule.id], "extend_select": [], "ignore": []})
        hits = [f for f in Checker(only).check_text(example).findings if f.rule_id == rule.id]
    typer.echo(catalog.explain(rule, config, hits, example), nl=False)


@app.command("config")
def show_config(
    path: PathArgument = None,
    config_file: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of TOML")] = False,
) -> None:
    """Print the effective configuration (defaults < config file) and where it came from."""
    config = effective_config([path or Path.cwd()], config_file, False)
    typer.echo(config.model_dump_json(indent=2) if as_json else dump_toml(config), nl=False)
    if as_json:
        typer.echo()


@app.command()
def schema() -> None:
    """Print the JSON schema of the report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
