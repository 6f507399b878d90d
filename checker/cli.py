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

from checker.config import FAIL_LEVELS, Config
from checker.formats import FORMATS
from checker.gate import GateOptions, run_gate
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
    paths: Annotated[list[Path], typer.Argument(help="files or folders (txt, md, html); - reads stdin")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, sarif, junit, github or markdown")
    ] = "text",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write the report here")] = None,
    fail_on: Annotated[str, typer.Option(help="error, warning, info or never")] = "error",
    date: Annotated[Optional[str], typer.Option(help="publication date (YYYY-MM-DD) for undated articles")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="only these rule ids or prefixes")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="skip these rule ids or prefixes")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="only failing findings, one line each")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="count findings per rule")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="worker processes (0: one per CPU)")] = 1,
    cache_dir: Annotated[Path, typer.Option(help="where unchanged articles' reports are kept")] = Path(
        ".factcheck_cache"
    ),
    no_cache: Annotated[
        bool, typer.Option("--no-cache", envvar="FACTCHECK_NO_CACHE", help="check every article again")
    ] = False,
    stdin_filename: Annotated[
        Optional[str], typer.Option(help="the path to report for stdin input (-); its suffix picks the format")
    ] = None,
) -> None:
    """Check articles and print claims and findings."""
    _choice(fmt, list(FORMATS), "--format")
    _choice(fail_on, FAIL_LEVELS, "--fail-on")
    config = Config(fail_on=fail_on, date=date, select=select or [], ignore=ignore or [])
    options = GateOptions(
        fmt=fmt,
        output=output,
        quiet=quiet,
        statistics=statistics,
        jobs=jobs,
        cache_dir=None if no_cache else cache_dir,
        stdin_name=stdin_filename,
    )
    try:
        code = run_gate(paths, config, options)
    except OSError as exc:  # e.g. --output in a folder that does not exist
        typer.echo(f"factcheck: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except Exception as exc:  # a bug or a broken install: one line, exit 2
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON schema of the report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
