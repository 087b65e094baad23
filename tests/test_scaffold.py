"""`quotebrief new DIR`: a working briefing project, never over an existing file."""

import os
import subprocess
import sys

import pytest

from conftest import ARTICLES, ROOT
from generator import scaffold


def quotebrief(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_new_writes_the_project(tmp_path):
    proc = quotebrief("new", "briefing", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    project = tmp_path / "briefing"
    written = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert written == sorted(scaffold.FILES.values())
    config = (project / "mkdocs.yml").read_text("utf-8")
    assert 'site_name: "briefing briefing"' in config and "site_url: !ENV [SITE_URL," in config
    assert "- quotebrief:" in config
    assert "<!-- quotebrief:briefs -->" in (project / "docs" / "index.md").read_text("utf-8")
    assert "pages: write" in (project / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    assert "Creative Commons Attribution 2.5" in (project / "articles" / "NOTICE").read_text("utf-8")


def test_the_sample_article_is_the_bundled_one_with_its_licence():
    for name in scaffold.FILES:
        if name.startswith("articles/") and name.endswith(".md"):
            sample = (ROOT / "templates" / "scaffold" / name).read_text("utf-8")
            assert sample == (ARTICLES / name.split("/", 1)[1]).read_text("utf-8")
            assert 'licence: "CC BY 2.5"' in sample


def test_new_refuses_to_overwrite_and_writes_nothing(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Mine\n", "utf-8")
    proc = quotebrief("new", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "docs/index.md" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "docs" / "index.md").read_text("utf-8") == "# Mine\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["docs", "index.md"]


def test_new_into_a_file_is_an_error(tmp_path):
    (tmp_path / "f").write_text("x")
    proc = quotebrief("new", "f", cwd=tmp_path)
    assert proc.returncode == 2 and "is a file" in proc.stderr


@pytest.mark.slow
def test_new_project_builds_with_strict_and_its_speakers_rule_applies(tmp_path):
    assert quotebrief("new", "briefing", cwd=tmp_path).returncode == 0
    project = tmp_path / "briefing"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "'Fawzi Barhum' applied" in proc.stderr and "matched no speaker" not in proc.stderr
    assert "corrections applied: 1 dropped" in proc.stderr and "stale" not in proc.stderr  # corrections.yml
    site = project / "site"
    brief = (site / "briefs" / "2008-12-23-hamas-ends-truce" / "index.html").read_text("utf-8")
    assert "Hamas spokesman" in (site / "speakers" / "index.html").read_text("utf-8")  # speakers.yml's role
    assert '<link rel="canonical" href="http://127.0.0.1:8000/briefs/' in brief


def test_new_never_writes_through_a_link_inside_dir(tmp_path):
    """A linked .github (or docs, articles) inside DIR made `new` write outside DIR."""
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "p"
    project.mkdir()
    (project / ".github").symlink_to(outside, target_is_directory=True)
    proc = quotebrief("new", "p", cwd=tmp_path)
    assert proc.returncode == 2 and ".github is a link" in proc.stderr and "Traceback" not in proc.stderr
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in project.iterdir()) == [".github"], "nothing written"
