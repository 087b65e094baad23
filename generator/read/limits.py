"""What the readers accept: file types and size limits, and the error a reader raises."""

from __future__ import annotations

import re

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_TEXT_CHARS = 100_000
"""Longest article text analysed (~16,000 words; spaCy needs ~10 s per 100,000 characters):
longer text is cut at a paragraph or sentence break, and the report says so."""
JUNK_RUN = re.compile(r"[^\w\s]{16,}")
"""A run of 16+ marks with no letter or space (a rule, a spam run of quotes or brackets):
never prose, and spaCy's tokenizer takes quadratic time over a long one."""
MAX_HTML_BYTES = 16 * 1024 * 1024
"""Longest HTML page read: past this the page is skipped (main-text extraction would crawl)."""
MAX_JSONL_BYTES = 512 * 1024 * 1024
"""Largest JSONL file read."""
MAX_FRONT_MATTER_BYTES = 64 * 1024
"""Largest YAML front matter read; past this it is ignored and the text read."""


class ReadError(ValueError):
    """A file that cannot be read as an article; the message says why."""
