"""The HTML, table of contents and title MkDocs made of a page's Markdown, kept in the build's cache.

On a warm build most of `mkdocs build` is spent converting Markdown that did not change.
Through two events, without touching MkDocs' objects' methods:

- on_page_markdown (last of all plugins): the page's final Markdown is hashed with its
  source, URL and inclusion and a fingerprint of everything else a conversion reads (the
  Markdown extensions, their settings and module files, use_directory_urls, validation
  settings, the MkDocs and Python-Markdown versions) and the state of every file the
  Markdown links to (its URL and inclusion, or its absence), since a link to `x.md`
  becomes a URL or a warning. On a hit MkDocs is handed empty Markdown to convert, which
  costs nothing; on a miss the log records of the conversion are captured.
- on_page_content (first of all plugins): on a hit the cached HTML is returned and the
  table of contents, anchors and title set from the entry, and the conversion's log
  records said again; on a miss the conversion is stored.

Not in the key: files an extension reads itself (pymdownx.snippets, an abbreviations
glossary; none is configured here); after changing one, clear the cache.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import posixpath
import re
import urllib.parse

import jinja2

from generator.cache import Cache

log = logging.getLogger("mkdocs.plugins.quotebrief")
VERSION = 2
# Link targets in Markdown and in raw HTML: [text](target), [ref]: target, href="target", src="target".
LINK_TARGETS = re.compile(r"\]\(\s*<?([^)\s>]+)"
                          r"|^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\S+?)>?[ \t]*$"
                          r"|(?:href|src)\s*=\s*[\"']([^\"']+)", re.MULTILINE)
SCHEME = re.compile(r"^[A-Za-z][\w+.-]*:|^//")


def linked_files(markdown: str, src_uri: str, files) -> dict[str, list[str] | None]:
    """The docs files a page's Markdown links to, each with what its conversion reads of it:
    its URL and inclusion, or None when there is no such file (a broken link's warning)."""
    found: dict[str, list[str] | None] = {}
    base = posixpath.dirname(src_uri)
    for match in LINK_TARGETS.finditer(markdown):
        target = next(g for g in match.groups() if g is not None)
        if SCHEME.match(target) or target.startswith("#"):
            continue
        path = urllib.parse.unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path:
            continue
        path = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
        if path not in found:
            file = files.get_file_from_path(path)
            found[path] = None if file is None else [file.url, str(file.inclusion)]
    return found


class _Capture(logging.Handler):
    """Collects the log records of one page conversion (each record once)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: dict[int, logging.LogRecord] = {}

    def emit(self, record):
        self.records[id(record)] = record


def _stable(value):
    """JSON form of a setting that is not plain data, the same in every process (no addresses)."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if hasattr(value, "keys") and hasattr(value, "__getitem__"):
        return {str(k): value[k] for k in value.keys()}
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if hasattr(value, "__dict__"):
        return {"type": f"{type(value).__module__}.{type(value).__qualname__}", "vars": vars(value)}
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _extension_files(extensions) -> dict[str, list | None]:
    """Path, size and time of each Markdown extension's module: an upgraded extension may convert differently.

    (Cheaper than looking up distribution versions, which reads every installed package's metadata.)
    """
    found: dict[str, list | None] = {}
    for ext in extensions:
        name = (ext if isinstance(ext, str) else type(ext).__module__).split(":")[0]
        try:
            origin = importlib.util.find_spec(name).origin
            stat = os.stat(origin)
            found[name] = [origin, stat.st_size, stat.st_mtime_ns]
        except (ImportError, ValueError, AttributeError, TypeError, OSError):
            found[name] = None  # a short name ("toc") of Python-Markdown's own: its version is in the key
    return found


def _toc_tokens(items) -> list[dict]:
    return [{"level": a.level, "id": a.id, "name": a.title, "children": _toc_tokens(a.children)} for a in items]


def _decode(data: bytes) -> dict:
    entry = json.loads(data)
    if not (isinstance(entry.get("content"), str) and isinstance(entry.get("toc"), list)
            and isinstance(entry.get("anchors"), list) and isinstance(entry.get("logs"), list)
            and (entry.get("title") is None or isinstance(entry["title"], str))):
        raise ValueError("not a page cache entry")
    return entry


def _encode(entry: dict) -> bytes:
    return json.dumps(entry, ensure_ascii=False).encode("utf-8")


class PageCache:
    def __init__(self, cache: Cache):
        self.cache = cache
        self.fingerprint: str | None = None
        self.hits: dict[str, dict] = {}  # src_uri -> entry, between the two events
        self.pending: dict[str, tuple[str, _Capture]] = {}  # src_uri -> (key, log capture)
        self.converted = self.reused = 0

    def start_build(self) -> None:
        self.fingerprint, self.hits, self.pending = None, {}, {}
        self.converted = self.reused = 0

    def _fingerprint(self, config, files) -> str:
        import markdown
        import mkdocs
        from mkdocs.structure.pages import log as pages_log

        settings = {
            "version": VERSION, "mkdocs": mkdocs.__version__, "markdown": markdown.__version__,
            "extensions": config.markdown_extensions, "mdx_configs": config.mdx_configs,
            "extension_files": _extension_files(config.markdown_extensions),
            "use_directory_urls": config.use_directory_urls, "validation": config.validation,
            "anchor_links": pages_log.getEffectiveLevel() > logging.DEBUG,
        }
        return Cache.key(json.loads(json.dumps(settings, sort_keys=True, default=_stable)))

    def _key(self, markdown: str, page, config, files) -> str | None:
        if self.fingerprint is None:
            try:
                self.fingerprint = self._fingerprint(config, files)
            except Exception as e:  # settings that cannot be fingerprinted: no page cache in this build
                log.info(f"quotebrief: page cache off for this build ({e})")
                self.fingerprint = ""
        if not self.fingerprint:
            return None
        file = page.file
        links = linked_files(markdown, file.src_uri, files)
        return Cache.key("page", self.fingerprint, file.src_uri, file.url, file.dest_uri, str(file.inclusion),
                         links, markdown)

    def before_conversion(self, markdown: str, page, config, files) -> str:
        """The Markdown MkDocs should convert: nothing when the page's HTML is in the cache."""
        key = self._key(markdown, page, config, files)
        entry = self.cache.load("pages", key, _decode) if key else None
        src = page.file.src_uri
        if entry is not None:
            self.hits[src] = entry
            if entry["title"] is not None and "title" not in page.meta:
                page.meta["title"] = entry["title"]
            return ""
        capture = _Capture()
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            logger.addHandler(capture)
        self.pending[src] = (key, capture)
        return markdown

    def after_conversion(self, html: str, page) -> str:
        """The page's HTML: restored from the cache, or just converted (and then stored)."""
        src = page.file.src_uri
        entry = self.hits.pop(src, None)
        if entry is not None:
            from mkdocs.structure.toc import get_toc

            page.toc = get_toc(entry["toc"])
            page.present_anchor_ids = {str(a) for a in entry["anchors"]}
            for name, level, message in entry["logs"]:
                logging.getLogger(str(name)).log(int(level), "%s", message)
            self.reused += 1
            return entry["content"]
        key, capture = self.pending.pop(src, (None, None))
        if capture is not None:
            for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
                logger.removeHandler(capture)
        self.converted += 1
        if key:
            entry = {
                "content": html, "toc": _toc_tokens(page.toc), "title": page.title,
                "anchors": sorted(page.present_anchor_ids or ()),
                "logs": [[r.name, r.levelno, r.getMessage()] for r in capture.records.values()],
            }
            self.cache.store("pages", key, entry, _encode)
        return html


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory for the life of the plugin (a `mkdocs serve`).

    Jinja keys each entry by the template's name and checks it against a hash of the
    template's source, so an edited template is compiled again."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self.entries.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.entries[bucket.key] = bucket.bytecode_to_string()
