"""`quotebrief new DIR`: a working briefing project, as `mkdocs new` makes a documentation one.

The files come from templates/scaffold (generator/templates/scaffold in the wheel): a
mkdocs.yml naming the theme and the plugin, a home page with the briefs marker, one sample
article (Wikinews, CC BY 2.5, with its licence), a speakers.yml with a rule that matches
it, a corrections.yml with an entry for one of its claims, the GitHub Pages workflow and
the requirements it installs. No existing file is overwritten: when one is in the way,
nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator import __version__, resources

# file in the scaffold -> file in the new project
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "docs/index.md": "docs/index.md",
    "articles/2008-12-23-hamas-ends-truce.md": "articles/2008-12-23-hamas-ends-truce.md",
    "articles/NOTICE": "articles/NOTICE",
    "speakers.yml": "speakers.yml",
    "corrections.yml": "corrections.yml",
    "requirements.txt": "requirements.txt",
    ".github/workflows/pages.yml": ".github/workflows/pages.yml",
    "gitignore": ".gitignore",
}


class ScaffoldError(Exception):
    """Files already there; the message names them."""


def contents(folder: Path) -> dict[str, bytes]:
    """{path in the new project: bytes} for a project in `folder`."""
    name = Path(folder).resolve().name or "briefing"
    out = {}
    for source, target in FILES.items():
        text = resources.read_text("scaffold", *source.split("/"))
        if source == "mkdocs.yml":
            text = text.replace("{site_name}", json.dumps(f"{name} briefing"))
        elif source == "requirements.txt":
            text = text.replace("{version}", __version__)
        out[target] = text.encode("utf-8")
    return out


def create(folder: Path) -> list[Path]:
    """Write the project into `folder` (made when missing); the paths written, in order."""
    from generator import write

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder}: is a file, not a folder")
    files = contents(folder)
    links = sorted({"/".join(parts[:i]) for rel in files for parts in [rel.split("/")]
                    for i in range(1, len(parts)) if (folder.joinpath(*parts[:i])).is_symlink()})
    if links:  # a linked folder inside DIR would make us write outside it
        raise ScaffoldError(f"{folder}: {', '.join(links)} {'is a link' if len(links) == 1 else 'are links'} "
                            "(files are written only inside the new project); nothing written")
    taken = [rel for rel in files if (folder / rel).exists() or (folder / rel).is_symlink()]
    if taken:
        raise ScaffoldError(f"{folder}: already has {', '.join(taken)}; nothing written (no file is overwritten)")
    written = []
    for rel, data in files.items():
        write.write_bytes(folder / rel, data)
        written.append(folder / rel)
    return written
