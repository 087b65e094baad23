"""write.py: every write is atomic (temp file, then rename) and never leaves the output folder."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from generator import write


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_creates_folders_and_replaces_content(tmp_path):
    target = tmp_path / "a" / "b" / "page.md"
    write.write_text(target, "one")
    write.write_text(target, "two")
    assert target.read_text() == "two" and leftovers(target.parent) == []


def test_exception_mid_write_leaves_old_content_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "page.md"
    target.write_text("old page")
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[: len(data) // 2])  # half the page reaches the disk, then the disk fills up
            self.fh.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "fdopen", lambda fd, mode: Failing(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space"):
        write.write_text(target, "new page " * 1000)
    assert target.read_text() == "old page"
    assert leftovers(tmp_path) == []


def test_failed_rename_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "page.md"

    def broken_replace(src, dst):
        raise PermissionError("read-only")

    monkeypatch.setattr(write.os, "replace", broken_replace)
    with pytest.raises(PermissionError):
        write.write_bytes(target, b"x")
    assert list(tmp_path.iterdir()) == []


def test_interrupt_mid_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "cache.json"

    class Interrupting:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:10])
            raise KeyboardInterrupt  # Ctrl-C on `mkdocs serve`

    real_fdopen = os.fdopen
    monkeypatch.setattr(write.os, "fdopen", lambda fd, mode: Interrupting(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        write.write_text(target, '{"article": "a long entry"}')
    assert list(tmp_path.iterdir()) == []


def test_killed_process_never_leaves_a_half_written_file(tmp_path):
    """SIGKILL between writing the temp file and renaming it: the page keeps its old content."""
    target = tmp_path / "page.md"
    target.write_text("old page")
    script = textwrap.dedent(f"""
        import os, sys, time
        from generator import write
        real = os.replace
        def slow_replace(src, dst):
            print("written", flush=True)
            time.sleep(60)
            real(src, dst)
        write.os.replace = slow_replace
        write.write_text({str(target)!r}, "new page " * 100000)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "written"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        proc.kill()
    assert target.read_text() == "old page"
    names = [p.name for p in tmp_path.iterdir()]
    # The orphaned temp file is hidden (a dot file, which MkDocs and the cache never read).
    assert all(n == "page.md" or (n.startswith(".page.md.") and n.endswith(".tmp")) for n in names)


@pytest.mark.parametrize("rel", ["../outside.md", "/etc/quotebrief.md", "a/../../outside.md", "", ".", "a/..",
                                 "briefs/../../outside.md", "a\x00b.md"])
def test_write_pages_refuses_paths_outside_the_output(tmp_path, rel):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValueError):
        write.write_pages({rel: "x"}, out)
    assert not (tmp_path / "outside.md").exists() and not os.path.exists("/etc/quotebrief.md")


def test_write_pages_refuses_a_symlink_out_of_the_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "briefs").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ValueError):
        write.write_pages({"briefs/x.md": "x"}, out)
    assert list(elsewhere.iterdir()) == []


def test_write_pages_writes_inside(tmp_path):
    written = write.write_pages({"briefs/a.md": "text", "charts/b.svg": b"<svg/>"}, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == ["briefs/a.md", "charts/b.svg"]
    assert (tmp_path / "charts" / "b.svg").read_bytes() == b"<svg/>"


def test_write_pages_leaves_unchanged_pages_alone(tmp_path):
    pages = {"briefs/a.md": "text", "briefs/b.md": "other", "charts/c.svg": b"<svg/>"}
    write.write_pages(pages, tmp_path)
    before = {p: (tmp_path / p).stat().st_mtime_ns for p in pages}
    os.utime(tmp_path / "briefs/a.md", ns=(1, 1))  # an old file: any rewrite would show
    written = write.write_pages({**pages, "briefs/b.md": "changed"}, tmp_path)
    assert written == [(tmp_path / "briefs/b.md").resolve()]
    assert (tmp_path / "briefs/a.md").stat().st_mtime_ns == 1
    assert (tmp_path / "charts/c.svg").stat().st_mtime_ns == before["charts/c.svg"]
    assert (tmp_path / "briefs/b.md").read_text() == "changed"


@pytest.mark.parametrize("umask, file_mode, dir_mode", [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750),
                                                        (0o077, 0o600, 0o700)])
def test_files_and_folders_get_the_users_umask(tmp_path, umask, file_mode, dir_mode):
    """Built pages are readable as any file the user makes (mkstemp made them 0600)."""
    old = os.umask(umask)
    try:
        write.write_text(tmp_path / "new" / "page.md", "x")
        write.write_pages({"briefs/a.md": "a"}, tmp_path / "site")
    finally:
        os.umask(old)
    for path in (tmp_path / "new" / "page.md", tmp_path / "site" / "briefs" / "a.md"):
        assert path.stat().st_mode & 0o777 == file_mode
    for path in (tmp_path / "new", tmp_path / "site" / "briefs"):
        assert path.stat().st_mode & 0o777 == dir_mode
    assert leftovers(tmp_path / "new") == []
