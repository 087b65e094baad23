"""One content-addressed cache for every stage: extracted briefs, charts, converted pages, PDFs.

An entry is found by its namespace and a key that hashes everything its content depends on
(`Cache.key`), so an entry is never stale: when an input changes, its key changes. One
pruning policy: a complete site build marks every entry it uses, and `prune` then deletes
the rest, so the cache stays the size of the site. Entries live on disk under the cache
folder (`<namespace>/<key[:2]>/<key>`) and, for namespaces asked for, in memory too, so
`mkdocs serve` reuses decoded objects across rebuilds. Namespaces kept in memory only (never
on disk) hold what is cheap to keep but not worth a file: the pages rendered from a brief, the
articles read from a file (by its stat), so that a rebuild does again only what changed.

The cache is an optimisation: an entry that cannot be read or decoded is dropped (and
said), and a folder that cannot be written is bypassed for the rest of the run with one
warning; the build goes on either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from generator import write

log = logging.getLogger("mkdocs.plugins.quotebrief")
T = TypeVar("T")


class Cache:
    def __init__(self, folder: Path | None, memory: Iterable[str] = (), warn: Callable[[str], None] | None = None,
                 memory_only: Iterable[str] = ()):
        self.folder = Path(folder) if folder else None
        self.memory_only = frozenset(memory_only)
        self.memory_namespaces = frozenset(memory) | self.memory_only
        self.recorders: list[list[tuple[str, str]]] = []  # open `recording` blocks
        self.memory: dict[tuple[str, str], Any] = {}
        self.used: set[tuple[str, str]] = set()
        self.notes: list[str] = []  # what went wrong with the cache in this run, each said once
        self.warn = warn or log.warning
        self.hits = self.misses = 0

    @staticmethod
    def key(*parts: Any) -> str:
        """A stable hash of JSON-able parts (anything else by its str)."""
        data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()  # a lone surrogate never fails

    def start_build(self) -> None:
        """A new build: nothing used yet (prune after it keeps only what it uses)."""
        self.used = set()
        self.hits = self.misses = 0

    def path(self, namespace: str, key: str) -> Path | None:
        if not self.folder or namespace in self.memory_only:
            return None
        return self.folder / namespace / key[:2] / key

    def _use(self, slot: tuple[str, str]) -> None:
        self.used.add(slot)
        for slots in self.recorders:
            slots.append(slot)

    @contextlib.contextmanager
    def recording(self) -> Iterator[list[tuple[str, str]]]:
        """The entries used inside the block: what a result made from them depends on. A result
        kept in memory (a rendered page) marks them used again when it is reused (`keep`), so
        pruning never drops an entry such as a chart that a page still shows."""
        slots: list[tuple[str, str]] = []
        self.recorders.append(slots)
        try:
            yield slots
        finally:
            self.recorders.remove(slots)

    def keep(self, slots: Iterable[tuple[str, str]]) -> None:
        for slot in slots:
            self._use(slot)

    def load(self, namespace: str, key: str, decode: Callable[[bytes], T]) -> T | None:
        """The entry decoded, or None. An entry that does not decode is deleted, with a note."""
        slot = (namespace, key)
        if slot in self.memory:
            self._use(slot)
            self.hits += 1
            return self.memory[slot]
        path = self.path(namespace, key)
        if path is None:
            self.misses += 1
            return None
        try:
            data = path.read_bytes()
        except OSError:  # missing, unreadable or a folder: work it out again, leave it alone
            self.misses += 1
            return None
        try:
            value = decode(data)
        except Exception as e:  # noqa: BLE001 - any damage to an entry means: do the work again
            self._note(f"cache entry {path} was damaged ({type(e).__name__}); dropped and made again")
            write.remove(path)
            self.misses += 1
            return None
        self._use(slot)
        self.hits += 1
        if namespace in self.memory_namespaces:
            self.memory[slot] = value
        return value

    def store(self, namespace: str, key: str, value: T, encode: Callable[[T], bytes]) -> None:
        slot = (namespace, key)
        self._use(slot)
        if namespace in self.memory_namespaces:
            self.memory[slot] = value
        path = self.path(namespace, key)
        if path is None:
            return
        try:
            write.write_bytes(path, encode(value))
        except OSError as e:
            self._note(f"cache folder {self.folder} cannot be written ({e.strerror or e}); "
                       f"going on without a disk cache in this run")
            self.folder = None

    def store_bytes(self, namespace: str, key: str, data: bytes) -> None:
        self.store(namespace, key, data, bytes)

    def load_text(self, namespace: str, key: str, valid: Callable[[str], bool] = bool) -> str | None:
        def decode(data: bytes) -> str:
            text = data.decode("utf-8")
            if not valid(text):
                raise ValueError("incomplete entry")
            return text

        return self.load(namespace, key, decode)

    def store_text(self, namespace: str, key: str, text: str) -> None:
        self.store(namespace, key, text, lambda t: t.encode("utf-8"))

    def forget_unused(self) -> None:
        """Drop the memory-only entries this build did not use (after any build: every build
        looks up all of them, so what it did not use is stale)."""
        self.memory = {slot: v for slot, v in self.memory.items()
                       if slot[0] not in self.memory_only or slot in self.used}

    def prune(self) -> int:
        """Delete every entry (in memory and on disk) that this build did not use; how many went."""
        self.memory = {slot: v for slot, v in self.memory.items() if slot in self.used}
        if self.folder is None or not self.folder.is_dir():
            return 0
        keep = {str(self.path(ns, key)) for ns, key in self.used}
        removed = 0
        try:
            entries = [p for p in self.folder.rglob("*") if p.is_file() or p.is_symlink()]
        except OSError:
            return 0
        for path in entries:
            if str(path) not in keep:
                write.remove(path)
                removed += 1
        for folder in sorted((p for p in self.folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                pass
        return removed

    def _note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)
            self.warn(f"quotebrief: {message}")
