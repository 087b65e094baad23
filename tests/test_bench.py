"""The benchmark script runs end to end on a few BBC articles (figures, not timings, are checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, require_shared

sys.path.insert(0, str(ROOT / "bench"))
import pytest

import bench  # noqa: E402

pytestmark = [pytest.mark.slow]


def test_limit_spreads_over_topics_and_links_instead_of_copying(tmp_path):
    corpus = require_shared("corpus", "bbc")
    files = bench.pick_files(corpus, 10)
    assert len(files) == 10
    assert len({f.parent.name for f in files}) == 5
    bench.link_articles(files, corpus, tmp_path)
    linked = sorted(p for p in tmp_path.rglob("*.txt"))
    assert len(linked) == 10 and all(p.is_symlink() for p in linked)


def test_bench_smoke_limit_5(tmp_path):
    corpus = require_shared("corpus", "bbc")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "bench.py"), "--corpus", str(corpus),
                           "--limit", "5", "--stages", "bare,extract1", "--repeat", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "1. bare spaCy" in out and "articles/s" in out
    assert "2. extract, 1 worker" in out and "x bare spaCy" in out
    assert "5 briefs" in out
    assert out.count("fastest of 2 rounds") == 2  # bare and extract1 each ran twice
    assert "corpus:" in out and "(5 files" in out
    assert not list(Path(ROOT).glob("**/quotebrief-bench-*"))


def test_fastest_round_is_kept_with_every_round_and_the_largest_memory():
    runs = [{"seconds": 12.0, "tree_mb": 400.0, "max_process_mb": 390.0},
            {"seconds": 10.5, "tree_mb": 420.0, "max_process_mb": 380.0}]
    best = bench.fastest(runs, "seconds")
    assert best["seconds"] == 10.5 and best["rounds"] == [12.0, 10.5]
    assert best["tree_mb"] == 420.0 and best["max_process_mb"] == 390.0
    assert "fastest of 2 rounds (12.0, 10.5 s)" in bench.rounds_note(best)
