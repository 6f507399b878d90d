"""JUnit XML for CI systems that show test results (Jenkins, GitLab, Azure DevOps, CircleCI).

One testsuite per document. Each finding at or above the fail level is a failing testcase (its
rule id as the failure type); a document without any is one passing testcase, and the findings
below the fail level are listed in the suite's system-out. A file that could not be checked is a
testcase with an error. Valid against the Jenkins/Surefire junit-10.xsd.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from checker.formats.base import TOOL_NAME, Totals, Writer
from checker.models import DocumentReport, Finding, InputError

# Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def attr(text: str) -> str:
    return quoteattr(clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def body(text: str) -> str:
    return escape(clean(text))


def case_name(finding: Finding) -> str:
    return f"{finding.rule_id} at {finding.span.line}:{finding.span.column}"


def failure_text(finding: Finding) -> str:
    lines = [
        f"{finding.severity.value} {finding.rule_id} at {finding.span.where}: {finding.message}"
    ]
    if finding.suggestion:
        lines.append(f"Suggested fix: {finding.suggestion}")
    lines.append(f"Text: {finding.span.text}")
    return "\n".join(lines)


class JunitWriter(Writer):
    def start(self) -> None:
        self.out.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name={attr(TOOL_NAME)}>\n'
        )

    def _suite(self, name: str, tests: int, failures: int, errors: int) -> None:
        self.out.write(
            f'  <testsuite name={attr(name)} tests="{tests}" failures="{failures}" '
            f'errors="{errors}" skipped="0" file={attr(name)}>\n'
        )

    def document(self, doc: DocumentReport) -> None:
        failing = [f for f in doc.findings if self.info.fails(f)]
        below = [f for f in doc.findings if not self.info.fails(f)]
        self._suite(doc.path, max(1, len(failing)), len(failing), 0)
        for f in failing:
            self.out.write(
                f"    <testcase name={attr(case_name(f))} classname={attr(doc.path)}>\n"
                f"      <failure type={attr(f.rule_id)} message={attr(f.message)}>"
                f"{body(failure_text(f))}</failure>\n    </testcase>\n"
            )
        if not failing:
            self.out.write(f"    <testcase name={attr(TOOL_NAME)} classname={attr(doc.path)}/>\n")
        if below:
            listing = "\n".join(failure_text(f).split("\n", 1)[0] for f in below)
            self.out.write(f"    <system-out>{body(listing)}</system-out>\n")
        self.out.write("  </testsuite>\n")

    def error(self, err: InputError) -> None:
        self._suite(err.path, 1, 0, 1)
        self.out.write(
            f'    <testcase name="load" classname={attr(err.path)}>\n'
            f'      <error type="input" message={attr(err.message)}>{body(err.message)}</error>\n'
            "    </testcase>\n  </testsuite>\n"
        )

    def finish(self, totals: Totals) -> None:
        self.out.write("</testsuites>\n")
