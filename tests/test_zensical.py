"""The route for Zensical (which reads mkdocs.yml but runs no MkDocs plugin): `quotebrief render
--out docs`, then a build without the plugin, by plain MkDocs and by Zensical."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT
from generator.plugin import config as plugin_config

# What the plugin would have added, written out by hand as a Zensical user does (the patterns
# are the plugin's own, so the two never drift apart).
PLAIN_YML = """\
site_name: rendered briefs
theme:
  name: material
  font: false
plugins:
  - search
extra_css:
  - assets/quotebrief/quotebrief.css
  - assets/quotebrief/print.css
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc
not_in_nav: |
""" + "".join(f"  {line}\n" for line in plugin_config.NOT_IN_NAV.splitlines())
BRIEF = "2008-12-23-hamas-ends-truce"


@pytest.fixture
def rendered(tmp_path):
    """A project whose docs/ holds quotebrief's rendered pages and a mkdocs.yml without the plugin."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in (f"{BRIEF}.md", "2009-01-18-israel-announces-gaza-ceasefire.md"):
        shutil.copy(ARTICLES / name, articles / name)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "generator", "render", str(articles), "--out", "docs",
                           "--no-cache", "--workers", "1", "--quiet"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs" / "assets" / "quotebrief" / "quotebrief.css").is_file()
    shutil.copy(ROOT / "templates" / "scaffold" / "docs" / "index.md", tmp_path / "docs" / "index.md")
    (tmp_path / "mkdocs.yml").write_text(PLAIN_YML, "utf-8")
    return tmp_path


def check_site(site: Path) -> None:
    brief = (site / "briefs" / BRIEF / "index.html").read_text("utf-8")
    assert "The calm is over" in brief and "Ayman Taha" in brief and "qb-claim" in brief
    assert (site / "assets" / "quotebrief" / "quotebrief.css").is_file()
    assert (site / "speakers" / "index.html").is_file() and (site / "charts" / "index.html").is_file()


@pytest.mark.slow
def test_rendered_pages_build_with_plain_mkdocs_strict(rendered):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=rendered, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    check_site(rendered / "site")


def zensical() -> str | None:
    beside = Path(sys.executable).parent / "zensical"
    return str(beside) if beside.exists() else shutil.which("zensical")


@pytest.mark.slow
def test_rendered_pages_build_with_zensical(rendered):
    command = zensical()
    if command is None:
        if os.environ.get("CI") == "true":
            pytest.fail("zensical is missing, and CI=true requires it (pip install -e '.[test]')")
        pytest.skip("zensical is not installed (pip install zensical)")
    proc = subprocess.run([command, "build"], cwd=rendered, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    check_site(rendered / "site")
