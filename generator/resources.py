"""Where the files the plugin and the CLI need (templates, CSS, the `quotebrief new` scaffold) are.

In the repository they live in the top-level templates/ folder; the wheel carries the same
folder as package data, generator/templates (pyproject.toml maps one onto the other), and
an editable install reads the repository's. `templates()` finds whichever is there.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def templates() -> Path:
    """The templates folder: the installed package data, else the repository's templates/."""
    shipped = importlib.resources.files("generator") / "templates"
    if shipped.is_dir():
        return Path(str(shipped))
    return _PACKAGE.parent / "templates"


def read_text(*parts: str) -> str:
    return templates().joinpath(*parts).read_text("utf-8")


def read_bytes(*parts: str) -> bytes:
    return templates().joinpath(*parts).read_bytes()


# The site's own stylesheets: handed to MkDocs as generated files under CSS_DIR by the
# plugin, written there by `quotebrief render`.
STYLESHEETS = ("quotebrief.css", "print.css")
CSS_DIR = "assets/quotebrief"


def stylesheets() -> dict[str, str]:
    """{path in the site: CSS} of the site's stylesheets, in the order extra_css lists them."""
    return {f"{CSS_DIR}/{name}": read_text("stylesheets", name) for name in STYLESHEETS}


# The site's own scripts: the claims' copy-link control and the filters of the lists, handed to
# MkDocs beside the stylesheets and listed in extra_javascript.
SCRIPTS = ("claims.js", "filter.js")


def scripts() -> dict[str, str]:
    """{path in the site: javascript} of the site's scripts, in the order extra_javascript lists them."""
    return {f"{CSS_DIR}/{name}": read_text("javascripts", name) for name in SCRIPTS}


def assets() -> dict[str, str]:
    """Stylesheets and scripts: what the plugin hands MkDocs and `quotebrief render` writes."""
    return {**stylesheets(), **scripts()}
