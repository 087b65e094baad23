"""The only module that writes files. Every write is atomic: temp file, then rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def remove(path: Path) -> None:
    Path(path).unlink(missing_ok=True)


def remove_tree(path: Path) -> None:
    """Delete a folder and everything in it; a folder already gone is not an error."""
    shutil.rmtree(path, ignore_errors=True)


def write_pages(pages: dict[str, str | bytes], out_dir: Path) -> list[Path]:
    """Write rendered pages under out_dir; a page path may never leave out_dir.

    A page whose file already holds the same bytes is left alone (its modification time
    too), so a tool watching out_dir sees only the pages that changed. Returns those written.
    """
    out_dir = Path(out_dir).resolve()
    written = []
    for rel, content in sorted(pages.items()):
        target = (out_dir / rel).resolve()
        if out_dir not in target.parents:
            raise ValueError(f"refusing to write outside {out_dir}: {rel}")
        data = content.encode("utf-8") if isinstance(content, str) else content
        if _holds(target, data):
            continue
        write_bytes(target, data)
        written.append(target)
    return written


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
