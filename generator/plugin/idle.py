"""Collect garbage while `mkdocs serve` is idle, not in the middle of a rebuild.

Why: a rebuild allocates on top of a heap of some 400,000 long-lived objects (the cache's
memory, the last build's pages); Python's full garbage collection walks all of them
(0.4 s for the BBC corpus here) and a rebuild's allocations set off two or three, about a
fifth of an edit's rebuild. So, a moment after each build, when the server waits for the
next edit (or at the start of the next build, if the edit came first), the heap is
collected once and frozen (`gc.freeze`): the rebuild's own collections walk only its
new objects. Nothing leaks: a frozen object that becomes garbage is found at the next
idle moment, which unfreezes the heap before it collects.
"""

from __future__ import annotations

import gc
import threading
import time

IDLE_DELAY = 1.0  # seconds after a build
LONG_BUILD = 10.0  # seconds: a build this long is followed by a collection at once


class IdleCollector:
    def __init__(self, delay: float = IDLE_DELAY):
        self.delay = delay
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.pending = False  # a build ended and its garbage was not collected yet
        self.started: float | None = None  # when the current or last build started
        self.collections = 0

    def build_started(self) -> None:
        """A build starts: none is collected in its middle. When the edit came before the idle
        moment did, the heap is collected and frozen now: one walk of it (0.4 s here) saves
        the build several."""
        self._cancel()
        self.started = time.monotonic()
        if self.pending:
            self.collect()

    def build_done(self) -> None:
        """After a long build (the first of a `mkdocs serve`), collect at once: beside it the walk
        costs little, and the first edit's rebuild need not wait for it. Else a moment later."""
        self._cancel()
        self.pending = True
        if self.started is not None and time.monotonic() - self.started >= LONG_BUILD:
            self.collect()
            return
        self.timer = threading.Timer(self.delay, self.collect)
        self.timer.daemon = True  # never keeps the process alive
        self.timer.start()

    def collect(self) -> None:
        with self.lock:
            if not self.pending:
                return
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.pending = False
            self.collections += 1

    def _cancel(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def stop(self) -> None:
        """The server stops: no collection left pending, the heap as Python manages it."""
        self._cancel()
        self.pending = False
        gc.unfreeze()
