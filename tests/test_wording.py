"""How findings read in the text formats, which print `message (suggestion)` on one line."""

from __future__ import annotations


def test_seed_messages_read_as_one_line_with_their_suggestion(seed_report):
    for finding in seed_report.documents[0].findings:
        # "...assumed 2022, the latest up to 2026. (give the article a date (front matter, ...) ...)"
        assert not finding.message.endswith("."), finding.message
        assert "(" not in (finding.suggestion or ""), finding.suggestion
