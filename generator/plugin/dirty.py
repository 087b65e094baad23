"""Rebuilds in seconds under `mkdocs serve --dirty` (what `make serve` runs).

MkDocs' dirty build renders a page only when its File says `is_modified()`; a generated file
always says yes, so every brief, speaker and index page would be rendered again after any
edit. `GeneratedFile` answers from its content instead: it is modified when its content
differs from the last build's (or its output is missing). Hand-written pages that show the
corpus (the home page's list of briefs) are handed to MkDocs as generated files too, so they
follow the same rule. Two things a dirty build leaves wrong are put right here:

- the outputs of pages that no longer exist (a deleted article's brief) are deleted;
- the search index, which the search plugin writes from the pages rendered in this build
  only, gets back the entries of every page that was not rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from mkdocs.structure.files import File

from generator import write


class GeneratedFile(File):
    """A generated page that knows whether its content changed since the last build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def _digest(content: str | bytes) -> str:
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


class DirtyState:
    """What the last build made: each generated page's content hash and output, and the search index."""

    def __init__(self):
        self.hashes: dict[str, str] = {}  # src_uri -> content hash
        self.outputs: dict[str, str] = {}  # src_uri -> absolute output path
        self.search_docs: list[dict] | None = None  # the whole index's entries after the last build
        self.rendered: set[str] = set()  # URLs of pages rendered in this build
        self.removed: list[str] = []  # outputs of pages gone since the last build

    def files(self, config, generated: dict[str, str | bytes]) -> list[GeneratedFile]:
        """MkDocs files for the generated pages, each marked changed or not."""
        out = []
        hashes, outputs = {}, {}
        for path, content in generated.items():
            f = GeneratedFile.generated(config, path, content=content)
            digest = _digest(content)
            f.changed = self.hashes.get(path) != digest or not os.path.exists(f.abs_dest_path)
            hashes[path], outputs[path] = digest, f.abs_dest_path
            out.append(f)
        self.removed = [dest for path, dest in self.outputs.items() if path not in outputs]
        self.hashes, self.outputs = hashes, outputs
        self.rendered = set()
        return out

    def remove_stale_outputs(self) -> int:
        """Delete the outputs of pages that are gone (a dirty build never cleans the site folder)."""
        for dest in self.removed:
            write.remove(Path(dest))
            try:
                Path(dest).parent.rmdir()  # briefs/<id>/ when it held only that page
            except OSError:
                pass
        return len(self.removed)

    def merge_search_index(self, path: Path, live_urls: set[str], dirty: bool) -> dict | None:
        """The search index with every live page: this build's entries for the pages it rendered,
        the last build's for the others. A complete build's index is kept as it is."""
        if not path.exists():
            return None
        index = json.loads(path.read_text("utf-8"))
        docs = index.get("docs", [])
        if dirty and self.search_docs is not None:
            def page(doc: dict) -> str:
                return doc.get("location", "").split("#", 1)[0]

            kept = [d for d in self.search_docs if page(d) not in self.rendered and page(d) in live_urls]
            kept_pages = {page(k) for k in kept}
            # the search plugin may carry entries over from earlier builds itself: only live pages stay
            docs = kept + [d for d in docs if page(d) in live_urls and page(d) not in kept_pages]
            index["docs"] = docs
        self.search_docs = docs
        return index
