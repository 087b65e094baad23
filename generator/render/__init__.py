"""render: a linked Corpus into pages ({path: Markdown or SVG}) through Jinja templates, charts and the book.

No file I/O."""

from generator.render.pages import briefs_list, render_site

__all__ = ["briefs_list", "render_site"]
