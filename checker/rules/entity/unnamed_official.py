"""entity.unnamed-official: "the president" on first reference, with no name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis import ARTICLE_DATE, KB
from checker.knowledge.names import name_parts
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.entity import identify, office

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase

# "the president of ...", "the president-elect", "the president Joe Biden", "the president
# it deserves": not an unnamed holder.
_NOT_AFTER = re.compile(
    r"\s*(?:of\b|-|–|—|\s[A-Z]|\s+(?:who|whom|that|we|they|it|you)\b"
    r"|['’]s\s+(?:position|job|office|post|slot|seat|role|spot|race|nomination|ticket)\b)"
)
# "would be the president", "as the president", "get the president": the office, not its holder.
_NOT_BEFORE = re.compile(
    r"\b(?:be|become|becomes|became|being|as|elected|elect|is|was|next|get|gets|got|gotten|"
    r"want|wants|need|needs|choose|chose|pick|picks)\s+$",
    re.IGNORECASE,
)


class UnnamedOfficial(PythonRule):
    """An official is referred to by office alone ("the president") without ever being named.

    ## What it checks
    The bare phrases a knowledge pack lists for an office one person holds at a time
    ("the president", "the vice president", "the defense secretary"), on their first use,
    when no earlier sentence names the holder on the article's date or another holder of
    the same title. The message says who held the office then.

    ## Why it matters
    A reader, a translator or a syndication partner in another country cannot know which
    president is meant; AP style names officials on first reference.

    ## Example
    However, the president has made it clear that no U.S. forces will be deployed directly
    to Ukraine. (2022-02-02: the U.S. president was Joe Biden)

    ## Suggested fix
    Name the official on first reference: "President Joe Biden has made it clear ...".
    """

    id = "entity.unnamed-official"
    example = (
        "However, the president has made it clear that no U.S. forces will be deployed "
        "directly to Ukraine."
    )
    example_date = "2022-02-02"
    severity = Severity.warning
    requires = (KB, ARTICLE_DATE, "people")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb, on = analysis.knowledge, analysis.known_date
        text, layout = analysis.text, analysis.layout
        for unnamed in kb.unnamed:
            holders = {r.person_id: r for r in kb.holders(unnamed.title, unnamed.organisation, on)}
            if len(holders) != 1:
                continue
            role = next(iter(holders.values()))
            words = unnamed.phrase.split()
            pattern = re.compile(r"\b[" + words[0][0].upper() + words[0][0] + "]" +
                                 re.escape(" ".join(words)[1:]) + r"\b")  # fmt: skip
            for m in pattern.finditer(text):
                before = text[max(0, m.start() - 12) : m.start()]
                if _NOT_AFTER.match(text, m.end()) or _NOT_BEFORE.search(before):
                    continue
                if layout.in_quotation(m.start()):
                    continue  # a speaker's words: the writer cannot add the name there
                if self._named_before(analysis, kb, role.person_name, unnamed.title, m.start()):
                    break
                title = role.title
                yield self.finding(
                    analysis, m.start(), m.end(),
                    f"'{m.group(0)}' is not named; on {on} {office(kb, role)} was {role.person_name}",
                    suggestion=f"Name the official on first reference: {title} {role.person_name}",
                    replacement=f"{title} {role.person_name}",
                )  # fmt: skip
                break

    @staticmethod
    def _named_before(
        analysis: Analysis, kb: KnowledgeBase, holder: str, title: str, offset: int
    ) -> bool:
        """Is the holder, or anyone who held or is given the title, named before the offset?"""
        surname = name_parts(holder)[1]
        if re.search(rf"\b{re.escape(surname)}\b", analysis.text[:offset], re.IGNORECASE):
            return True
        return any(
            m.start < offset and (m.title_key == title or any(
                r.title_key == title for p in identify(kb, m) for r in p.roles))
            for m in analysis.people
        )  # fmt: skip
