"""quotebrief as a new user gets it: the wheel, installed into a fresh virtual environment
outside the checkout, with only its declared dependencies (from PyPI), then used as any
MkDocs plugin: a mkdocs.yml naming only the theme and the plugin, and a `quotebrief new`
project, both built with `mkdocs build --strict`."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT

# What the wheel is built from: a copy of these, so nothing of the checkout (build/, *.egg-info,
# stale files) can slip into it and the package-data declaration is tested from a clean tree.
SOURCES = ["pyproject.toml", "README.md", "LICENSE", "generator", "templates"]

HTML_ARTICLE = """<!doctype html><html><head><title>News | Minister quits</title>
<meta property="og:title" content="Minister quits"><meta name="date" content="2024-03-05">
<script>window.x = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News menu link</a></nav>
<article><h1>Minister quits</h1>
<p>The minister said on Friday that he was leaving the government after ten years in office.</p>
<p>\u201cWe will not back down from this fight, not now and not ever,\u201d said Jane Smith,
the mayor of Springfield.</p>
</article><footer>Copyright footer text</footer></body></html>"""


def run(cmd, cwd, env, timeout=1200):
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, environment): the wheel and its dependencies in a fresh venv."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    src = work / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, src / name)
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(work / "dist"), str(src)], work, env)
    [wheel] = (work / "dist").glob("quotebrief-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("generator/templates/brief.md.j2", "generator/templates/book.css",
                   "generator/templates/stylesheets/quotebrief.css", "generator/templates/scaffold/mkdocs.yml",
                   "generator/templates/scaffold/.github/workflows/pages.yml", "generator/extract/quotes.py"):
        assert needed in names, needed
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)], work, env)
    bin_ = venv / "bin"
    run([str(bin_ / "python"), "-m", "pip", "install", "--quiet", str(wheel)], work, env)
    return bin_, env


@pytest.mark.slow
def test_wheel_holds_every_package_of_the_checkout(installed):
    bin_, env = installed
    proc = run([str(bin_ / "python"), "-c", "import generator, generator.render.markup as m; "
                "print(generator.__file__); print(m.TEMPLATES)"], Path(env.get("HOME", "/")), env)
    module, templates = proc.stdout.split()
    assert "site-packages" in module and not module.startswith(str(ROOT))
    assert Path(templates).joinpath("brief.md.j2").is_file()
    packages = sorted(str(p.parent.relative_to(ROOT)).replace("/", ".")
                      for p in (ROOT / "generator").rglob("__init__.py"))
    site = Path(module).parent.parent
    for package in packages:
        assert (site / package.replace(".", "/") / "__init__.py").is_file(), package


@pytest.mark.slow
def test_installed_plugin_builds_a_project_naming_only_the_theme_and_the_plugin(installed, tmp_path):
    bin_, env = installed
    (tmp_path / "mkdocs.yml").write_text("site_name: My briefs\ntheme:\n  name: material\n"
                                         "plugins:\n  - search\n  - quotebrief\n", "utf-8")
    (tmp_path / "docs").mkdir()  # MkDocs wants the folder; the plugin gives the home page
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ARTICLES / "2008-12-23-hamas-ends-truce.md", articles)
    (articles / "minister.html").write_text(HTML_ARTICLE, "utf-8")
    proc = run([str(bin_ / "mkdocs"), "build", "--strict"], tmp_path, env)
    assert "0 skipped" in proc.stderr, proc.stderr[-2000:]
    site = tmp_path / "site"
    home = (site / "index.html").read_text("utf-8")
    assert "assets/quotebrief/quotebrief.css" in home and (site / "assets/quotebrief/print.css").is_file()
    assert "2008-12-23-hamas-ends-truce" in home  # the home page lists the briefs
    brief = (site / "briefs" / "minister" / "index.html").read_text("utf-8")
    assert "Jane Smith" in brief and "We will not back down" in brief
    assert "Ayman Taha" in (site / "briefs" / "2008-12-23-hamas-ends-truce" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_installed_quotebrief_new_project_builds_strict(installed, tmp_path):
    bin_, env = installed
    run([str(bin_ / "quotebrief"), "new", "news"], tmp_path, env)
    proc = run([str(bin_ / "mkdocs"), "build", "--strict"], tmp_path / "news", env)
    assert "matched no speaker" not in proc.stderr and "'Fawzi Barhum' applied" in proc.stderr
    assert (tmp_path / "news" / "site" / "briefs" / "2008-12-23-hamas-ends-truce" / "index.html").is_file()
