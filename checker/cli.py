"""The `factcheck` command: a thin face over `Checker`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or runtime
error, or an input that could not be checked (the other files are still checked). With --fix,
the findings left after fixing decide; --diff exits 1 when it shows a fix, else 0 (or 2).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from checker import catalog
from checker.baseline import BaselineError
from checker.config import Config, ConfigError, dump_toml, load_config
from checker.configs import Configs
from checker.engine import Checker
from checker.formats import FORMATS
from checker.gate import GateOptions, run_gate
from checker.limits import cap_memory
from checker.models import Report
from checker.registry import all_rules
from checker.rules.base import Rule

if TYPE_CHECKING:
    # typer (0.26 on) builds TyperGroup on the click it vendors, not the click package: its
    # parse_args takes that Context; only the annotation names it, so typer's private module
    # is never imported at run time
    from typer._click import Context

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultCheck(TyperGroup):
    """`factcheck PATH...` means `factcheck check PATH...`."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
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


def _print_version(value: bool) -> None:
    if value:
        from checker import __version__

        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _top(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="print the version"),
    ] = False,
) -> None:
    pass


def _choice(value: str, allowed: tuple[str, ...] | list[str], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)
    return value


@app.command()
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="files or folders (txt, md, html); - reads stdin")
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help=", ".join(FORMATS))] = "text",
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="[FORMAT:]PATH",
            help="write the report here: a file (in --format), FORMAT:FILE, or FORMAT alone for"
            " standard output; repeat it for several outputs from one run",
        ),
    ] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="error, warning, info or never [default: error]")
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="publication date (YYYY-MM-DD) for undated articles")
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="only these rule ids or prefixes")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="skip these rule ids or prefixes")
    ] = None,
    extend_select: Annotated[
        list[str] | None, typer.Option(help="add these rule ids or prefixes to the selection")
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config", help="config file for every file (default: the nearest above each file)"
        ),
    ] = None,
    isolated: Annotated[bool, typer.Option(help="ignore config files")] = False,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="apply exclude and .gitignore to files named here too (what pre-commit passes)",
        ),
    ] = False,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline", help="findings in this baseline file do not fail and are not shown"
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(help="write every current finding to this baseline file and exit 0"),
    ] = None,
    reference_year: Annotated[
        int | None,
        typer.Option(
            min=1000,
            max=9000,
            help="latest year an undated article may be from (default: this year)",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="only failing findings, one line each")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="count findings per rule")
    ] = False,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="write the safe fixes into the files, then report what is left"),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="print the safe fixes as a unified diff; writes nothing; exit 1 if any"
        ),
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="worker processes (0: one per CPU)")
    ] = 1,
    cache_dir: Annotated[
        Path, typer.Option(help="where unchanged articles' reports are kept")
    ] = Path(".factcheck_cache"),
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", envvar="FACTCHECK_NO_CACHE", help="check every article again"),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(help="the path to report for stdin input (-); its suffix picks the format"),
    ] = None,
    knowledge: Annotated[
        list[Path] | None, typer.Option(help="extra knowledge pack folder or file")
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            min=1,
            help=f"cut larger files to this size (input.truncated); default {Config().max_bytes:,}",
        ),
    ] = None,
    time_budget: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            help="seconds per document (default 15; 0: no limit); past it the rest is skipped"
            " (input.time-budget)",
        ),
    ] = None,
) -> None:
    """Check articles and print claims and findings."""
    _choice(fmt, list(FORMATS), "--format")
    outputs = parse_outputs(output or [], fmt)
    if (fix or diff) and any(str(p) == "-" for p in paths):
        raise typer.BadParameter("fixes are made in files, not stdin", param_hint="--fix/--diff")
    overrides: dict[str, object] = {
        "fail_on": fail_on, "date": date, "select": select, "ignore": ignore,
        "extend_select": extend_select,
        "baseline": str(baseline_file) if baseline_file else None,
        "reference_year": reference_year,
        "knowledge": [str(k) for k in knowledge] if knowledge else None,
        "max_bytes": max_bytes,
        "time_budget": time_budget,
        "force_exclude": force_exclude or None,
    }  # fmt: skip
    config = effective_config(paths, config_file, isolated, **overrides)
    # each file under its nearest config file, unless one is named or none is wanted
    configs = None if config_file or isolated else Configs(overrides, config)
    options = GateOptions(
        fmt=fmt,
        outputs=outputs,
        quiet=quiet,
        statistics=statistics,
        jobs=jobs,
        cache_dir=None if no_cache else cache_dir,
        stdin_name=stdin_filename,
        write_baseline=write_baseline,
        fix=fix,
        diff=diff,
    )
    if _OWN_PROCESS:
        cap_memory(config.max_memory)  # a document past it is an input error, not a crash
    try:
        code = run_gate(paths, config, options, configs=configs)
    except (BaselineError, ConfigError) as exc:
        typer.echo(f"factcheck: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except BrokenPipeError:  # `factcheck ... | head`: the reader stopped; nothing to say
        _silence_stdout()
        raise typer.Exit(EXIT_ERROR) from None
    except OSError as exc:  # e.g. --output in a folder that does not exist
        typer.echo(f"factcheck: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except Exception as exc:  # noqa: BLE001 - a bug or a broken install: one line, exit 2
        typer.echo(f"factcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(code)


def parse_output(value: str, fmt: str) -> tuple[str, Path | None]:
    """`FORMAT:PATH` (empty PATH: stdout), `FORMAT` (stdout), or a path written in `fmt`: a value
    without a known format name before a colon is a path, as `-o PATH` always was."""
    name, colon, rest = value.partition(":")
    if name in FORMATS:
        return name, Path(rest) if colon and rest else None
    if colon and not rest:  # `--output sarfi:`: a format asked for, and none is known by it
        raise typer.BadParameter(
            f"{name!r} is not one of {', '.join(FORMATS)}", param_hint="--output"
        )
    return fmt, Path(value)


def parse_outputs(values: list[str], fmt: str) -> list[tuple[str, Path | None]]:
    """Every --output; at most one may be standard output, and no file may be named twice."""
    outputs = [parse_output(value, fmt) for value in values] or [(fmt, None)]
    if sum(path is None for _, path in outputs) > 1:
        raise typer.BadParameter(
            "at most one output may go to standard output", param_hint="--output"
        )
    files = [path.resolve() for _, path in outputs if path is not None]
    if len(set(files)) < len(files):
        raise typer.BadParameter("two outputs name the same file", param_hint="--output")
    return outputs


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def effective_config(
    paths: list[Path], config_file: Path | None, isolated: bool, **options: object
) -> Config:
    """Defaults < config file < the options given on the command line; exit 2 if bad."""
    try:
        return load_config(paths, options, config_file=config_file, isolated=isolated)
    except ConfigError as exc:
        typer.echo(f"factcheck: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="config file (default: found upwards)")
]
PathArgument = Annotated[
    Path | None, typer.Argument(help="where to look for a config file [default: .]")
]


@app.command("rules")
def list_rules(
    path: PathArgument = None,
    config_file: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
    write_docs: Annotated[
        Path | None, typer.Option(metavar="DIR", help="write a Markdown page per rule there")
    ] = None,
    check_docs: Annotated[
        Path | None, typer.Option(metavar="DIR", help="exit 1 if a page there is stale or missing")
    ] = None,
    cases: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="case files for the pages [default: tests/cases]"),
    ] = None,
) -> None:
    """List every rule: id, severity, kind, pack and summary ("off" if not selected).

    --write-docs DIR writes one Markdown page per rule and an index; --check-docs DIR writes
    nothing and exits 1 listing the pages that are stale or missing."""
    config = effective_config([path or Path.cwd()], config_file, False)
    rules, errors = all_rules(config)
    for error in errors:
        typer.echo(f"factcheck: {error}", err=True)
    if write_docs or check_docs:
        raise typer.Exit(_rule_pages(rules, write_docs, check_docs, cases))
    if as_json:
        typer.echo(json.dumps(catalog.rules_data(rules, config), indent=2))
    else:
        typer.echo(catalog.rules_table(rules, config))


def _rule_pages(
    rules: list[Rule], write: Path | None, check: Path | None, cases: Path | None
) -> int:
    from checker import rule_pages

    cases = cases or rule_pages.CASES_DIR
    if not cases.is_dir():
        typer.echo(f"factcheck: no case folder {cases}; pages carry the docs alone", err=True)
    found = cases if cases.is_dir() else None
    if write:
        for name in rule_pages.write_pages(rules, write, found):
            typer.echo(str(write / name))
    if check:
        stale = rule_pages.stale_pages(rules, check, found)
        for line in stale:
            typer.echo(line)
        if stale:
            typer.echo(f"factcheck: run `factcheck rules --write-docs {check}`", err=True)
            return EXIT_FINDINGS
    return EXIT_OK


@app.command()
def explain(
    rule_id: Annotated[
        str, typer.Argument(metavar="RULE", help="a rule id, e.g. style.redundancy")
    ],
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
        only = catalog.example_config(rule, config)
        found = Checker(only).check_text(example, date=catalog.example_date(rule)).findings
        hits = [f for f in found if f.rule_id == rule.id]
    typer.echo(catalog.explanation(rule, config, hits, example), nl=False)


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


@app.command()
def lsp() -> None:
    """Run the language server over stdio (diagnostics, quick fixes, hover) for editors."""
    from checker.lsp.server import serve  # pygls loads only for this command

    serve()


knowledge_app = typer.Typer(
    help="The knowledge base: import public rosters, show what it knows.", no_args_is_help=True
)
app.add_typer(knowledge_app, name="knowledge")


@knowledge_app.command("import")
def knowledge_import(
    fmt: Annotated[str, typer.Argument(help="source kind, e.g. congress-legislators, openstates")],
    file: Annotated[
        Path | None, typer.Argument(help="the source file or folder (see docs/knowledge.md)")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="write the pack here: .jsonl(.gz), .json or .yaml"),
    ] = None,
    version: Annotated[
        str | None, typer.Option(help="the source's version (a commit), recorded in the pack")
    ] = None,
    positions: Annotated[
        Path | None, typer.Option(help="wikidata: a file of position QIDs to keep")
    ] = None,
    since: Annotated[
        int | None, typer.Option(help="wikidata: leave out terms that ended before this year")
    ] = None,
) -> None:
    """Turn a public roster or gazetteer into a knowledge pack for --knowledge."""
    from checker.knowledge.importers import records, write_pack
    from checker.knowledge.packs import KnowledgeError

    skipped: list[str] = []
    try:
        found = records(fmt, file, version=version, positions=positions, since=since)
        count = write_pack(found, output, skipped)
    except (KnowledgeError, ValueError, OSError) as exc:
        typer.echo(f"factcheck: {' '.join(str(exc).split())}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for line in skipped:
        typer.echo(f"factcheck: skipped {line}", err=True)
    if output:
        typer.echo(f"{count} records written to {output} ({len(skipped)} skipped)", err=True)


@knowledge_app.command("stats")
def knowledge_stats(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    knowledge: Annotated[
        list[Path] | None, typer.Option(help="extra knowledge pack folder or file")
    ] = None,
) -> None:
    """Count the people (with dated roles), places and organisations, and list the sources."""
    from checker.knowledge import knowledge_base

    extra = [str(k) for k in knowledge] if knowledge else None
    kb, errors = knowledge_base(effective_config([Path.cwd()], None, False, knowledge=extra))
    for error in errors:
        typer.echo(f"factcheck: {error}", err=True)
    stats = kb.stats()
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
        return
    for name, value in stats.items():
        if name != "sources":
            typer.echo(f"{name.replace('_', ' ')}: {value:,}")
    for source in stats["sources"]:
        typer.echo(f"source: {source['name']} {source['version'] or ''} ({source['licence']})")


@knowledge_app.command("show")
def knowledge_show(
    name: Annotated[str, typer.Argument(help="a person, place or organisation (or a surname)")],
    knowledge: Annotated[
        list[Path] | None, typer.Option(help="extra knowledge pack folder or file")
    ] = None,
) -> None:
    """Print what the knowledge base knows about a name: people and their dated roles,
    places and what contains them, organisations."""
    from checker.knowledge import knowledge_base
    from checker.knowledge.show import describe

    extra = [str(k) for k in knowledge] if knowledge else None
    kb, errors = knowledge_base(effective_config([Path.cwd()], None, False, knowledge=extra))
    for error in errors:
        typer.echo(f"factcheck: {error}", err=True)
    lines = describe(kb, name)
    if not lines:
        typer.echo(f"factcheck: nothing named {name!r} in the knowledge base", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    for line in lines:
        typer.echo(line)


_OWN_PROCESS = False  # run as the `factcheck` program (main), not called inside another one


def main() -> None:
    global _OWN_PROCESS
    _OWN_PROCESS = True  # the memory cap is for the program's own process, never a host's
    app()


if __name__ == "__main__":
    main()
