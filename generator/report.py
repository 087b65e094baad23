"""The build report: which files were read, partly read or skipped, and why.

One summary shared by the console (CLI: stderr; plugin: the MkDocs log) and
the site's Build report page, so both always say the same thing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from generator.model import Corpus, Problem

READ, PARTIAL, SKIPPED, IGNORED = "read", "partly read", "skipped", "ignored"


@dataclass
class FileStatus:
    """One input file: its status and every problem or note about it, in order."""

    path: str
    status: str = READ
    problems: list[Problem] = field(default_factory=list)

    @property
    def notes(self) -> list[Problem]:
        """Notes, and why a path that is no article was ignored (the site lists both as notes)."""
        return [p for p in self.problems if p.severity in ("note", "ignored")]

    @property
    def faults(self) -> list[Problem]:
        return [p for p in self.problems if p.severity not in ("note", "ignored")]


@dataclass
class Report:
    files: list[FileStatus]
    articles: int
    base: str = ""  # folder the files are shown relative to on the site

    def shown(self, path: str) -> str:
        """A path relative to the articles folder: the site never shows where the build ran."""
        if self.base and os.path.isabs(path):
            try:
                return os.path.relpath(path, self.base)
            except ValueError:
                return os.path.basename(path)
        return path

    def having(self, status: str) -> list[FileStatus]:
        return [f for f in self.files if f.status == status]

    @property
    def read(self) -> list[FileStatus]:
        return self.having(READ)

    @property
    def partial(self) -> list[FileStatus]:
        return self.having(PARTIAL)

    @property
    def skipped(self) -> list[FileStatus]:
        return self.having(SKIPPED)

    @property
    def ignored(self) -> list[FileStatus]:
        return self.having(IGNORED)

    @property
    def notes(self) -> list[Problem]:
        return [p for f in self.files for p in f.notes]

    def summary(self) -> str:
        notes = sum(1 for p in self.notes if p.severity == "note")
        ignored = f", {len(self.ignored)} ignored" if self.ignored else ""
        return (f"{len(self.files)} files: {len(self.read)} read, {len(self.partial)} partly read, "
                f"{len(self.skipped)} skipped{ignored}; {self.articles} articles briefed; "
                f"{notes} note{'s' if notes != 1 else ''}")


def build_report(files: list[str], problems: list[Problem], articles: int) -> Report:
    """Status per file: skipped when it yielded no article, partly read when some of it was lost,
    ignored when it is no article (a hidden file, a NOTICE: see read/find.py)."""
    by_path: dict[str, FileStatus] = {f: FileStatus(f) for f in files}
    for problem in problems:
        by_path.setdefault(problem.path, FileStatus(problem.path)).problems.append(problem)
    for status in by_path.values():
        severities = {p.severity for p in status.problems}
        if "skipped" in severities:
            status.status = SKIPPED
        elif "partial" in severities:
            status.status = PARTIAL
        elif "ignored" in severities:
            status.status = IGNORED
    paths = [p for p in by_path if os.path.isabs(p)]
    base = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""
    return Report(files=list(by_path.values()), articles=articles, base=base)


def corpus_report(corpus: Corpus) -> Report:
    files = list(getattr(corpus, "files", None) or [])
    return build_report(files, corpus.problems, len(corpus.briefs))


def has_skipped(corpus: Corpus) -> bool:
    """True when a file was skipped: what --strict (and the plugin's strict option) fail on."""
    return any(p.severity == "skipped" for p in corpus.problems)


def console_lines(report: Report) -> list[str]:
    """Every problem (file:where: severity: message), then the one-line summary."""
    lines = [str(p) for f in report.files for p in f.problems]
    lines.append(report.summary())
    return lines
