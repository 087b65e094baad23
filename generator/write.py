"""The only module that writes files. Every write is atomic: temp file, then rename."""

from __future__ import annotations

import os
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


def write_pages(pages: dict[str, str | bytes], out_dir: Path) -> list[Path]:
    """Write rendered pages under out_dir; a page path may never leave out_dir."""
    out_dir = Path(out_dir).resolve()
    written = []
    for rel, content in sorted(pages.items()):
        target = (out_dir / rel).resolve()
        if out_dir not in target.parents:
            raise ValueError(f"refusing to write outside {out_dir}: {rel}")
        if isinstance(content, str):
            write_text(target, content)
        else:
            write_bytes(target, content)
        written.append(target)
    return written
