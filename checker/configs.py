"""One configuration per file: the nearest `.factcheck.toml` (or `pyproject.toml` with
`[tool.factcheck]`) above each checked file, with the command-line options on top.

`factcheck .` at the repository root checks `desk/story.md` under `desk/.factcheck.toml`, not
under the root's file. `plan` lists the files to check in input order, cut into runs of files
that share a configuration; the gate checks each run with a `Runner` of that configuration.
Settings of the report as a whole (fail-on, baseline, respect-gitignore for the walk) are the
command line's configuration, the one found from the first path.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from checker.config import Config, find_config_file, load_config
from checker.discover import iter_files

STDIN = "-"


class Configs:
    """The effective configuration of each file, each config file read once."""

    def __init__(self, overrides: Mapping[str, Any], base: Config | None = None) -> None:
        self.overrides = dict(overrides)
        self._by_file: dict[Path | None, Config] = {}
        if base is not None:  # the run's own configuration: one Runner for its files, not two
            self._by_file[Path(base.config_file) if base.config_file else None] = base
        self._by_folder: dict[Path, Path | None] = {}  # a folder walked is looked up once

    def for_path(self, path: str | os.PathLike[str]) -> Config:
        """Raises `ConfigError` if the file's config file is broken."""
        here = Path(path)
        folder = here if here.is_dir() else here.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config_file(folder)
        file = self._by_folder[folder]
        if file not in self._by_file:
            self._by_file[file] = load_config(
                (), self.overrides, config_file=file, isolated=file is None
            )
        return self._by_file[file]


def plan(
    paths: Iterable[str | os.PathLike[str]], base: Config, configs: Configs
) -> list[tuple[Config, list[str]]]:
    """The inputs in order, folders walked under each found file's own include/exclude, cut
    into runs that share a configuration. Named files and missing paths stay as named: the
    runner of their configuration applies --force-exclude or reports the error."""
    runs: list[tuple[Config, list[str]]] = []

    def add(config: Config, path: str) -> None:
        if runs and runs[-1][0] is config:
            runs[-1][1].append(path)
        else:
            runs.append((config, [path]))

    for raw in paths:
        if str(raw) == STDIN:
            add(base, STDIN)
        elif Path(raw).is_dir():
            found = iter_files(
                [raw],
                lambda p: configs.for_path(p).wants(p),
                gitignore=base.respect_gitignore,
            )
            for path, _ in found:
                add(configs.for_path(path), path)
        else:
            add(configs.for_path(raw), os.fspath(raw))
    return runs
