"""What readers load and wait for: page weight of the filterable lists, time to filter them in
Chromium, and the size of the search index, on a site built from a corpus (issue 25).

    python bench/filters.py                          # build ../shared/corpus/bbc (all of it), then measure
    python bench/filters.py --limit 300              # the first 300 articles
    python bench/filters.py --site path/to/site      # measure a site already built

The site is built with `mkdocs build` from a temporary project whose articles folder holds links
to the corpus (never copies), one worker, the cache in .cache/bench-filters. Figures are printed;
nothing is asserted (speed targets are measured, not tested).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def build_site(corpus: Path, limit: int | None, work: Path) -> Path:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    files = files[:limit] if limit else files
    for path in files:
        target = work / "articles" / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(path)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("cache_dir: .cache/quotebrief", f"cache_dir: {ROOT / '.cache' / 'bench-filters'}")
    config = config.replace("speakers_file: speakers.yml", "workers: 1\n      follow_links: true")
    (work / "mkdocs.yml").write_text(config, "utf-8")
    site = work / "site"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml"), "-d", str(site)],
                   check=True, cwd=work)
    print(f"built {len(files)} articles in {time.perf_counter() - started:.0f} s")
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def weight(path: Path) -> str:
    data = path.read_bytes()
    return f"{len(data) / 1024:,.0f} kB ({len(gzip.compress(data)) / 1024:,.0f} kB gzipped)"


# Time from a change of the form to the next painted frame after the list was filtered (what a reader
# waits for), median of `rounds`; the form is set up at page load (setup time measured too).
MEASURE = """async ([name, value, rounds]) => {
  const form = document.querySelector('form.qb-filter-form');
  let control = form.querySelector(`[name=${name}]`);
  if (!control) { control = form.querySelector('[name=q]'); value = 'the'; }  // one kind only: no menu
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const times = [], work = [];
  let shown = null;
  for (let i = 0; i < rounds; i++) {
    for (const v of [value, '']) {
      const t0 = performance.now();
      control.value = v;
      control.dispatchEvent(new Event(control.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
      await frame();
      document.body.offsetHeight;
      if (v) {
        times.push(performance.now() - t0);
        const box = document.querySelector('.qb-filter');
        shown = box.dataset.qbShown;
        work.push(Number(box.dataset.qbFilterMs));
      }
    }
  }
  times.sort((a, b) => a - b);
  work.sort((a, b) => a - b);
  return {ms: times[Math.floor(times.length / 2)], work: work[Math.floor(work.length / 2)],
          shown: Number(shown), name: control.name, value: value,
          items: document.querySelectorAll('.qb-filter .qb-item').length};
}"""


def measure(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    index = site / "search" / "search_index.json"
    docs = json.loads(index.read_text("utf-8"))["docs"]
    print(f"search index: {index.stat().st_size / 1e6:.2f} MB ({len(docs)} entries)")
    speakers = sorted((site / "speakers").glob("*/index.html"), key=lambda p: p.stat().st_size)
    topics = sorted((site / "topics").glob("*/index.html"), key=lambda p: p.stat().st_size)
    pages = {"briefs/": ("q", "minister"), "speakers/": ("q", "a")}
    if speakers:
        pages[str(speakers[-1].parent.relative_to(site)) + "/"] = ("kind", "indirect")
    if topics:
        pages[str(topics[-1].parent.relative_to(site)) + "/"] = ("kind", "direct")
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path, (name, value) in pages.items():
                started = time.perf_counter()
                page.goto(url + path, wait_until="load")
                page.wait_for_selector("form.qb-filter-form")
                loaded = time.perf_counter() - started
                r = page.evaluate(MEASURE, [name, value, 5])
                print(f"{path}: {weight(site / path / 'index.html')}, {r['items']} items, loaded with its form "
                      f"in {loaded * 1000:.0f} ms; filter {r['name']}={r['value']!r}: {r['shown']} shown, "
                      f"{r['work']:.1f} ms to filter and lay out, {r['ms']:.0f} ms to the next frame (medians of 5)")
            browser.close()
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, help="a built site to measure (default: build one from --corpus)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    ap.add_argument("--limit", type=int, help="build from the first N articles only")
    args = ap.parse_args(argv)
    if args.site:
        measure(args.site)
        return 0
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no such corpus", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="qb-filters-") as work:
        measure(build_site(args.corpus, args.limit, Path(work)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
