"""A rebuild in the same process (a `mkdocs serve` rebuild) does again only what changed, and
gives exactly the pages a new build would: nothing stale."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import ARTICLES, make_build
from generator.read import files as read_files
from generator.render import pages as render_pages


@pytest.fixture
def project(tmp_path):
    """A copy of the bundled articles and a Build over them that keeps its cache in memory."""
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder, make_build(tmp_path, articles=str(folder), cache_dir=str(tmp_path / "cache"), workers=1)


def rebuild(build):
    build.start()
    pages = build.render(build.corpus())
    build.finish(complete=False)
    return pages


def fresh(project_dir, folder):
    """The pages of a new Build with no cache: what the site must show."""
    return make_build(project_dir, articles=str(folder), cache_dir="", workers=1).render(
        make_build(project_dir, articles=str(folder), cache_dir="", workers=1).corpus())


@pytest.fixture
def counted(monkeypatch):
    calls = {"render_brief": 0, "read_file": 0}
    real_render, real_read = render_pages.render_brief, read_files.read_file

    def render_brief(*args, **kwargs):
        calls["render_brief"] += 1
        return real_render(*args, **kwargs)

    def read_file(*args, **kwargs):
        calls["read_file"] += 1
        return real_read(*args, **kwargs)

    monkeypatch.setattr(render_pages, "render_brief", render_brief)
    monkeypatch.setattr(read_files, "read_file", read_file)
    return calls


def edit(path, extra):
    path.write_text(path.read_text("utf-8") + extra, "utf-8")
    st = path.stat()  # a new mtime even on a file system with coarse timestamps
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_an_unchanged_rebuild_reads_and_renders_no_brief_again(project, counted):
    folder, build = project
    first = rebuild(build)
    n = len(list(folder.glob("*.md")))
    assert counted == {"render_brief": n, "read_file": n}
    assert rebuild(build) == first
    assert counted == {"render_brief": n, "read_file": n}


def test_after_an_edit_only_that_file_is_read_and_the_pages_are_those_of_a_new_build(project, counted, tmp_path):
    folder, build = project
    rebuild(build)
    n = len(list(folder.glob("*.md")))
    edited = sorted(folder.glob("*.md"))[0]
    # a new claim by a speaker another article names: linking, speaker pages and colours may all change
    edit(edited, '\n\n"We will talk again soon," said Sergei Lavrov.\n')
    pages = rebuild(build)
    assert counted["read_file"] == n + 1
    assert n + 1 <= counted["render_brief"] < 2 * n  # the edited brief and those whose page changed
    assert pages == fresh(tmp_path, folder)
    assert "We will talk again soon" in pages[f"briefs/{edited.stem}.md"]


def test_a_deleted_and_a_new_article_leave_nothing_stale(project, tmp_path):
    folder, build = project
    rebuild(build)
    files = sorted(folder.glob("*.md"))
    files[1].unlink()
    (folder / "2030-01-01-new.md").write_text(
        '---\ntitle: "A new article"\n---\n\n"Prices will fall," said Jane Holloway, the minister.\n', "utf-8")
    pages = rebuild(build)
    assert pages == fresh(tmp_path, folder)
    assert not any(files[1].stem in path for path in pages)


def test_a_renamed_id_is_renamed_again_on_every_rebuild(tmp_path):
    """Two files that give the same id: the reused articles are copies, so the second is renamed
    each time, never the article kept from the last build."""
    folder = tmp_path / "a"
    (folder / "x").mkdir(parents=True)
    (folder / "y").mkdir()
    for sub in ("x", "y"):
        (folder / sub / "same.txt").write_text("Same\n\nJohn Brown said the plant would close.\n", "utf-8")
    build = make_build(tmp_path, articles=str(folder), cache_dir=str(tmp_path / "c"), workers=1)
    ids = [[a.id for a in build.read().articles] for _ in range(3)]
    assert ids[0] == ids[1] == ids[2] and len(set(ids[0])) == 2


def test_a_chart_a_reused_page_shows_is_kept_by_pruning(project):
    folder, build = project

    def charts():
        return {p.name for p in (build.cache.folder / "charts").rglob("*") if p.is_file()}

    rebuild(build)
    drawn = charts()
    build.start()
    build.render(build.corpus())  # every brief page from memory
    build.finish(complete=True)  # a complete build: drops from disk what it did not use
    assert drawn and charts() == drawn
