"""YAML from untrusted files (front matter, speakers.yml) on a budget of bytes, aliases,
nesting and nodes, so that a billion-laughs bomb or 5,000 nested lists is a clear error
instead of minutes and gigabytes or a RecursionError.

Only YAML's plain data is built (yaml.SafeLoader: no tags that make objects). A scalar YAML
recognises but cannot build (`2021-02-30`, `!!int abc`, `!!bool maybe`, an integer of 5,000
digits) is kept as the text written, and said in `notes`: one bad value never costs the rest.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings."""
EXPANSION = 4
"""A document's values, once its aliases are expanded, may weigh at most this many times its
bytes (each list or mapping weighs 1, each scalar 1 + its length)."""


class YamlLimit(ValueError):
    """YAML over budget; the message says which limit and is meant for the build report."""


def load_yaml(text: str, *, max_bytes: int, max_aliases: int, what: str = "YAML",
              notes: list[tuple[int, str]] | None = None) -> object:
    """The data of one YAML document, or YamlLimit / yaml.YAMLError saying what is wrong.

    `max_aliases` 0 refuses every alias (`*name`): front matter has no use for them.
    `notes` receives (line, message) for each value kept as text because it could not be built.
    """
    return load_yaml_node(text, max_bytes=max_bytes, max_aliases=max_aliases, what=what, notes=notes)[0]


def load_yaml_node(text: str, *, max_bytes: int, max_aliases: int, what: str = "YAML",
                   notes: list[tuple[int, str]] | None = None) -> tuple[object, object]:
    """`load_yaml`, with the document's root node too (None for an empty document): its
    `start_mark.line` and its children's say on which line each value was written, for
    an error message that names the line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlLimit(f"{what} is {size:,} bytes, more than the {max_bytes:,} read at most")
    loader = _BudgetLoader(text)
    loader.max_aliases = max_aliases
    loader.what = what
    loader.notes = notes if notes is not None else []
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _weigh(node, EXPANSION * max(size, 1_000), what)
        return loader.construct_document(node), node
    except RecursionError:  # a deep structure past what the limits above let through
        raise YamlLimit(f"{what} is nested too deeply") from None
    finally:
        loader.dispose()


class _BudgetLoader(yaml.SafeLoader):
    max_aliases = 0
    what = "YAML"
    _aliases = 0
    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self.max_aliases:
                if self.max_aliases == 0:
                    raise YamlLimit(f"{self.what} uses an alias (*name); aliases are not allowed here")
                raise YamlLimit(f"{self.what} uses more than {self.max_aliases} aliases (*name)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlLimit(f"{self.what} is nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node, deep=False):
        """A scalar that YAML's own constructors fail on (ValueError, KeyError, ...: not a YAMLError)
        is kept as the text written, with a note."""
        if not isinstance(node, yaml.ScalarNode):
            return super().construct_object(node, deep)
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - any constructor's failure on one value
            self.recursive_objects.pop(node, None)
            self.constructed_objects[node] = node.value
            kind = node.tag.rsplit(":", 1)[-1]
            said = str(exc).split(":")[0].strip()[:80] if isinstance(exc, ValueError) else ""
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            self.notes.append((node.start_mark.line, f"{shown!r} is not a valid {kind}"
                                                     f"{f' ({said})' if said else ''}; kept as text"))
            return node.value


def _weigh(root, limit: int, what: str) -> None:
    """Refuse a document whose aliases expand it past `limit`, or that contains itself."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        kids = _children(node)
        if done:
            open_.discard(key)
            own = 1 + len(node.value) if isinstance(node, yaml.ScalarNode) else 1
            sizes[key] = own + sum(sizes[id(k)] for k in kids)
            if sizes[key] > limit:
                raise YamlLimit(f"{what} expands to more than {limit:,} characters through its aliases "
                                "(aliases repeated within aliases)")
            continue
        if key in sizes:
            continue
        if key in open_:
            raise YamlLimit(f"{what} contains itself through an alias")
        open_.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in kids)


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_config_text(path: Path, max_bytes: int) -> str:
    """A configuration file's text (speakers.yml, corrections.yml); a folder, a named pipe or a file
    over `max_bytes` is refused before anything is read, so neither hangs nor fills memory."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if st.st_size > max_bytes:
            raise OSError(errno.EFBIG, f"{st.st_size:,} bytes, more than the {max_bytes:,} read at most")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as fh:
        return fh.read(max_bytes + 1).decode("utf-8")


def describe_value(value) -> str:
    """What kind of YAML value this is, for a one-line message: 'a number (5)', 'a text ('yes')',
    'a mapping'; short scalars are shown, never a long text or a whole collection."""
    kinds = {bool: "true/false", int: "a number", float: "a number", str: "a text", list: "a list",
             dict: "a mapping", type(None): "nothing"}
    kind = kinds.get(type(value), type(value).__name__)
    if isinstance(value, (bool, int, float)) or (isinstance(value, str) and len(value) <= 40):
        return f"{kind} ({value!r})"
    return kind
