"""Provenance on a real site of plain-text articles (no dates, no sources) built with this repository's
docs/: every brief names its file, the Briefs page says its true order, Credits credits no source the
site does not contain (the repository's Credits page was written for the Wikinews samples)."""

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_a_site_of_plain_text_files(tmp_path):
    for name in ("mkdocs.yml", "speakers.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "zebra-talks.txt").write_text(
        "Zebra talks resume\n\n\"We are ready,\" said Mayor Ann Lee on Monday.\n", "utf-8")
    (tmp_path / "articles" / "apple-harvest.txt").write_text(
        "Apple harvest\n\nFarmers said the harvest was the best in years, according to Tom Reed.\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    brief = (tmp_path / "site" / "briefs" / "zebra-talks" / "index.html").read_text("utf-8")
    assert "From the file zebra-talks.txt" in brief and "File: zebra-talks.txt" in brief
    briefs = (tmp_path / "site" / "briefs" / "index.html").read_text("utf-8")
    assert "2 articles, by title (no article has a date)." in briefs
    assert briefs.index("Apple harvest") < briefs.index("Zebra talks resume")
    assert "newest first" not in briefs
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "By title (no article has a date)." in home
    credits = (tmp_path / "site" / "credits" / "index.html").read_text("utf-8")
    assert "Wikinews" not in credits and "seed article" not in credits
    assert re.search(r"<td>not recorded</td>\s*<td[^>]*>2</td>", credits)
