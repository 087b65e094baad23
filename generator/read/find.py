"""Which files to read: the files named, and the article files under the folders named.

Every path that is not read is reported with its reason, never dropped in silence:

- skipped (an article the user meant, that cannot be read): a path that does not exist, a
  broken or looping link, a link to a file or folder outside the articles folder (followed
  only with `follow_links`: a link must not publish ~/secret.txt), a named pipe, socket or
  device (never opened: reading a pipe would wait forever), a folder that cannot be listed;
- ignored (not an article): hidden files and folders (name starting with a dot), files
  of other types (a NOTICE, an image), a link to a folder inside the articles folder (its
  files are read there) or to a folder already walked.

A file named explicitly is read whatever it is a link to: the user asked for that path.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.model import Problem
from generator.read.limits import SUFFIXES

_NOT_FOLLOWED = "not followed (links out of the articles folder are read only with the follow_links option)"


def find_files(paths: list[str | Path], *, follow_links: bool = False) -> tuple[list[Path], list[Problem]]:
    """(files to read, in a stable order; a Problem for every other path met)."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            problems.append(Problem(str(path), _stat_error(path, exc), "skipped"))
            continue
        if stat.S_ISDIR(mode):
            _walk(path, follow_links, found, problems)
        else:
            found.append(path)  # read_file refuses what is not a regular article file, saying why
    return found, problems


def _walk(top: Path, follow_links: bool, found: list[Path], problems: list[Problem]) -> None:
    """Depth first, entries by name (the order of sorted(top.rglob("*"))), without recursion."""
    root = os.path.realpath(top)
    walked = {root}
    stack = [iter(_entries(top, problems))]
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        if path.name.startswith("."):
            problems.append(Problem(str(path), "hidden (its name starts with a dot); not read", "ignored"))
            continue
        link = path.is_symlink()
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            problems.append(Problem(str(path), _stat_error(path, exc), "skipped"))
            continue
        real = os.path.realpath(path) if link else None
        outside = link and not _within(real, root)
        if stat.S_ISDIR(mode):
            if link and real in walked:
                problems.append(Problem(str(path), "a link to a folder already read; not followed again", "ignored"))
            elif link and not outside:
                problems.append(Problem(str(path), "a link to a folder inside the articles folder, whose files "
                                                   "are read there; not followed", "ignored"))
            elif outside and not follow_links:
                problems.append(Problem(str(path), f"a link to a folder outside the articles folder; {_NOT_FOLLOWED}",
                                        "skipped"))
            else:
                walked.add(real or os.path.realpath(path))
                stack.append(iter(_entries(path, problems)))
            continue
        if path.suffix.lower() not in SUFFIXES:
            problems.append(Problem(str(path), f"not an article file (articles end in {', '.join(SUFFIXES)}); "
                                               "not read", "ignored"))
        elif outside and not follow_links:
            problems.append(Problem(str(path), f"a link to a file outside the articles folder; {_NOT_FOLLOWED}",
                                    "skipped"))
        elif not stat.S_ISREG(mode):
            problems.append(Problem(str(path), f"not a regular file ({file_kind(mode)}); not read", "skipped"))
        else:
            found.append(path)


def _entries(folder: Path, problems: list[Problem]) -> list[Path]:
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it)
    except OSError as exc:
        problems.append(Problem(str(folder), f"folder cannot be listed ({exc.strerror or exc}); not read", "skipped"))
        return []
    return [folder / name for name in names]


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _stat_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a link that loops back on itself; not read"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "a broken link (what it points to does not exist); not read"
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot be read ({exc.strerror or exc})"


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"
