"""Shared fixtures. Tests that need ../shared skip when it is absent, and fail under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "articles"


def require_shared(*parts: str) -> Path:
    """Path inside ../shared; skip with a clear message when missing (fail under CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI=true requires it")
        pytest.skip(f"{path} is not present (evaluation data lives in ../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from generator.parse import load_nlp

    return load_nlp()


@pytest.fixture
def extract_text(nlp):
    """Extract a Brief from a text written in the test."""
    from generator.extract import extract
    from generator.model import Article

    def run(text: str, title: str = "Test", **options):
        return extract(nlp(text), Article(path="test.txt", id="test", title=title, text=text), **options)

    return run


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site built once per test session from articles/ with mkdocs build --strict."""
    work = tmp_path_factory.mktemp("site")
    site = work / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site




def make_build(base_dir: Path, **values):
    """A Build whose relative paths start at `base_dir` (as if its mkdocs.yml were there).

    `articles` defaults to base_dir itself and `cache_dir` to no cache."""
    from generator import options
    from generator.build import Build

    values.setdefault("articles", str(base_dir))
    values.setdefault("cache_dir", "")
    opts = options.load(values, Path(base_dir) / "mkdocs.yml")
    return Build(opts, base_dir=Path(base_dir))


def project_build():
    """The Build of this repository's own site: the options of its mkdocs.yml."""
    from generator import options
    from generator.build import Build

    config = ROOT / "mkdocs.yml"
    return Build(options.load(options.from_mkdocs_yml(config), config), base_dir=ROOT)
