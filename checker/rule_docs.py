"""The one dialect of rule docs, and the reader that splits docs into their parts.

Every rule's docs (a Python rule's class docstring, a YAML rule's `docs`) are: a one-sentence
summary on the first line, a blank line, then exactly these Markdown sections, in this order:

    ## What it checks
    ## Why it matters
    ## Example
    ## Suggested fix

`factcheck explain`, SARIF's rule help and the generated pages in docs/rules/ all read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SECTIONS = ("What it checks", "Why it matters", "Example", "Suggested fix")


@dataclass
class RuleDocs:
    summary: str
    sections: dict[str, str] = field(default_factory=dict)  # heading -> body, in docs order
    preamble: str = ""  # text between the summary and the first heading (none in the dialect)


def split_docs(docs: str) -> RuleDocs:
    """The summary line, the text before the first `## ` heading, and each section's body."""
    lines = (docs or "").strip().splitlines()
    if not lines:
        return RuleDocs("")
    parsed = RuleDocs(lines[0].strip())
    heading: str | None = None
    body: list[str] = []

    def close() -> None:
        text = "\n".join(body).strip()
        if heading is None:
            parsed.preamble = text
        else:
            parsed.sections[heading] = text

    for line in lines[1:]:
        if line.startswith("## "):
            close()
            heading, body = line[3:].strip(), []
        else:
            body.append(line)
    close()
    return parsed


def dialect_problems(docs: str) -> list[str]:
    """What keeps `docs` from the dialect above; an empty list when it follows it."""
    parsed = split_docs(docs)
    problems = []
    if not parsed.summary or parsed.summary.startswith("#"):
        problems.append("the first line must be a one-sentence summary")
    elif not parsed.summary.endswith("."):
        problems.append(f"the summary must be one sentence with a full stop: {parsed.summary!r}")
    if parsed.preamble:
        problems.append(f"text before '## {SECTIONS[0]}': {parsed.preamble[:60]!r}")
    if tuple(parsed.sections) != SECTIONS:
        found = ", ".join(parsed.sections) or "none"
        problems.append(f"sections must be {', '.join(SECTIONS)} in that order (found: {found})")
    problems += [f"section '## {h}' is empty" for h, text in parsed.sections.items() if not text]
    return problems
