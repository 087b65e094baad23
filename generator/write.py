"""The only module that writes files. Every write is atomic: temp file, then rename."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, with the mode any new file gets (0644 under umask 022).

    The temporary file is created by os.open with mode 0666, which the system narrows by the
    user's umask (tempfile.mkstemp would give 0600: pages only their owner could read).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)  # folders: 0777 narrowed by the umask
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_temp(path: Path) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary file name beside {path}")


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def remove(path: Path) -> None:
    Path(path).unlink(missing_ok=True)


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
