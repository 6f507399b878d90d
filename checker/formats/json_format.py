"""JSON: the `Report` model itself, so `Report.model_validate_json` reads it back."""

from __future__ import annotations

from checker.models import Report


def render(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"
