"""`--statistics`: how many findings each rule produced in the run, most frequent first."""

from __future__ import annotations

from tabulate import tabulate

from checker.formats.base import Totals


def render(totals: Totals) -> str:
    rows = sorted(totals.per_rule.items(), key=lambda kv: (-kv[1], kv[0][0]))
    table = [(count, rule, severity.value) for (rule, severity), count in rows]
    if not table:
        return "no findings\n"
    return tabulate(table, headers=("count", "rule", "severity"), colalign=("right",)) + "\n"
