"""The `factcheck` command: a thin face over `Checker`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or runtime
error, or an input that could not be checked (the other files are still checked).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import click
import typer
from typer.core import TyperGroup

from checker import stream
from checker.config import FAIL_LEVELS, Config
from checker.engine import Checker
from checker.formats import FORMATS
from checker.models import Report, Severity

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
    return exit_for(bool(report.errors), report.worst(), fail_on)


def exit_for(errors: bool, worst: Severity | None, fail_on: str) -> int:
    if errors:
        return EXIT_ERROR
    if fail_on == "never" or worst is None:
        return EXIT_OK
    return EXIT_FINDINGS if worst.rank >= Severity(fail_on).rank else EXIT_OK


def _choice(value: str, allowed: tuple[str, ...] | list[str], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)
    return value


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (txt, md, html)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write the report here")] = None,
    fail_on: Annotated[str, typer.Option(help="error, warning, info or never")] = "error",
    date: Annotated[Optional[str], typer.Option(help="publication date (YYYY-MM-DD) for undated articles")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="only these rule ids or prefixes")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="skip these rule ids or prefixes")] = None,
    max_bytes: Annotated[Optional[int], typer.Option(min=1, help=f"cut larger files to this size (input.truncated); default {Config().max_bytes:,}")] = None,
    time_budget: Annotated[Optional[float], typer.Option(min=0.0, help="seconds per document; past it the rest is skipped (input.time-budget)")] = None,
) -> None:
    """Check articles and print claims and findings."""
    _choice(fmt, list(FORMATS), "--format")
    _choice(fail_on, FAIL_LEVELS, "--fail-on")
    config = Config(fail_on=fail_on, date=date, select=select or [], ignore=ignore or [])
    if max_bytes is not None:  # flags override the config only when given
        config.max_bytes = max_bytes
    if time_budget is not None:
        config.time_budget = time_budget
    try:  # text and json stream document by document: flat memory for any number of files
        with stream.opened(output) as out:
            tally = stream.run(Checker(config), paths, fmt, out)
    except stream.OutputError as exc:
        typer.echo(f"factcheck: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except Exception as exc:  # a bug or a broken install: one line, exit 2
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for error in tally.errors:
        typer.echo(f"factcheck: {error.path}: {error.message}", err=True)
    raise typer.Exit(exit_for(bool(tally.errors), tally.worst, config.fail_on))


@app.command()
def schema() -> None:
    """Print the JSON schema of the report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
