"""What the plugin adds to a user's mkdocs.yml (on_config), and its progress lines in the log.

Everything is added, never replaced: a Markdown extension the user configured keeps its
settings, an explicit `nav` is left as it is, the user's `extra_css` and `not_in_nav`
keep their entries and come first.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from generator import resources

# Markdown extensions the generated pages use (attributes on links and tables, Markdown inside <div>s).
EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
# The generated brief, speaker and topic pages stay out of the navigation (an automatic nav
# of every brief grows quadratically: MkDocs renders the nav into every page); their index
# pages stay in it.
NOT_IN_NAV = """\
/briefs/*.md
!/briefs/index.md
/speakers/*.md
/speakers/by-letter/*.md
!/speakers/index.md
/topics/*.md
!/topics/index.md
"""


def stylesheet_paths() -> list[str]:
    """The site paths of the plugin's stylesheets (generated files; see QuotebriefPlugin.on_files)."""
    return [f"{resources.CSS_DIR}/{name}" for name in resources.STYLESHEETS]


def add_to_config(config) -> list[str]:
    """Add what the generated pages need to a loaded MkDocs config; returns what was added."""
    added = []
    have = {name.rsplit(".", 1)[-1] for name in config.markdown_extensions}
    for name in EXTENSIONS:
        if name not in have:
            config.markdown_extensions.append(name)
            added.append(f"markdown extension {name}")
    for path in stylesheet_paths():
        if path not in config.extra_css:
            config.extra_css.append(path)
            added.append(f"extra_css {path}")
    scripts = [str(s) for s in config.extra_javascript]
    for name in resources.SCRIPTS:
        path = f"{resources.CSS_DIR}/{name}"
        if path not in scripts:
            config.extra_javascript.append(path)
            added.append(f"extra_javascript {path}")
    from mkdocs.config import config_options

    ours = config_options.PathSpec().run_validation(NOT_IN_NAV)
    config.not_in_nav = ours if config.not_in_nav is None else config.not_in_nav + ours
    added.append("not_in_nav patterns for briefs, speakers and topics")
    return added


class ProgressLog:
    """Build.corpus's progress callback for the MkDocs log: 'extracted 120 of 1000 articles
    (12 %), about 2 min left', once the extraction has run `after` seconds, then at most one
    line per `step` of the total or per `every` seconds, whichever comes first."""

    def __init__(self, log: logging.Logger, after: float = 5.0, step: float = 0.1, every: float = 15.0,
                 clock: Callable[[], float] = time.monotonic):
        self.log, self.after, self.step, self.every, self.clock = log, after, step, every, clock
        self.started = clock()
        self.last_time: float | None = None
        self.last_fraction = 0.0
        self.lines = 0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        elapsed = now - self.started
        if total <= 0 or done >= total or elapsed < self.after:
            return
        fraction = done / total
        if (self.last_time is not None and fraction - self.last_fraction < self.step - 1e-9
                and now - self.last_time < self.every):
            return
        self.last_time, self.last_fraction = now, fraction
        left = elapsed / done * (total - done) if done else None
        self.lines += 1
        self.log.info(f"quotebrief: extracted {done} of {total} articles ({fraction:.0%})"
                      + (f", about {duration(left)} left" if left is not None else ""))


def duration(seconds: float) -> str:
    """'40 s', '3 min', '1 h 05 min'."""
    seconds = max(0, round(seconds))
    if seconds < 90:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 90 else f"{minutes // 60} h {minutes % 60:02d} min"
