"""How link and render grow with the corpus: 10k, 30k and 100k synthetic briefs. Prints figures, asserts nothing.

    python bench/scale.py [--sample BRIEFS.jsonl] [--sizes 10000,30000,100000] [--seed 1]

Each size runs in its own process (so peak memory is its own): it makes N synthetic briefs
drawn from the shapes of real ones, links them (generator.link) and renders the site
(generator.render, charts through an in-memory cache), and reports the time and the peak
memory (ru_maxrss) of each step, the number of pages and their size. The growth exponent
is the slope of log(time) against log(N), fitted over the sizes; linear cost is 1.0.

The shapes come from `--sample`, the JSONL of `quotebrief extract --jsonl` over real
articles (`make bench` passes the BBC corpus's): how many speakers a brief has, how many
claims each, which kinds, how long the claims are, how many topics a claim names, and how
often a speaker recurs across articles (a Zipf law fitted to the sample's recurrence). The
synthetic speakers and topics come from pools that grow with N at the sample's rate of new
names per brief, so a larger corpus has more speakers, as a real archive does.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "ba", "zu", "fe", "go", "pi", "ta", "wen"]


def word(i: int, length: int = 3) -> str:
    """A pronounceable, distinct name part for each i (base-16 syllables)."""
    parts = []
    for _ in range(length):
        parts.append(SYLLABLES[i % len(SYLLABLES)])
        i //= len(SYLLABLES)
    return "".join(parts).capitalize()


class Shapes:
    """What the sample says about briefs, as lists to draw from."""

    def __init__(self, records: list[dict]):
        self.briefs = []  # per brief: [(claims of a speaker, [(kind, length, topics), ...]), ...]
        appearances: Counter = Counter()
        for r in records:
            by_speaker: dict = {}
            for c in r["claims"]:
                by_speaker.setdefault(c["speaker"], []).append(
                    (c["kind"], max(20, c["end"] - c["start"]), len(c.get("topics", []))))
            self.briefs.append(list(by_speaker.values()))
            appearances.update({s["name"] for s in r["speakers"]})
        self.names_per_brief = len(appearances) / max(1, len(records))
        counts = sorted(appearances.values(), reverse=True) or [1]
        # Zipf exponent from the recurrence: log(count) against log(rank)
        xs = [math.log(i + 1) for i in range(len(counts))]
        ys = [math.log(c) for c in counts]
        self.zipf = max(0.5, -slope(xs, ys)) if len(counts) > 2 else 1.0


def slope(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def zipf_sampler(pool: int, s: float, rng: random.Random):
    """Draws ranks 0..pool-1 with probability ~ 1/(rank+1)^s (inverse transform on the cumulative weights)."""
    import bisect
    import itertools

    cumulative = list(itertools.accumulate(1 / (k + 1) ** s for k in range(pool)))
    total = cumulative[-1]
    return lambda: min(pool - 1, bisect.bisect_left(cumulative, rng.random() * total))


def synthesize(n: int, shapes: Shapes, seed: int):
    """n Briefs with the sample's shapes: real spans over a made-up text, recurring speakers and topics."""
    from generator.model import Article, Brief, Claim, Span, Speaker
    from generator.slugs import slugify

    rng = random.Random(seed)
    pool = max(50, int(n * shapes.names_per_brief))
    speaker_of = zipf_sampler(pool, shapes.zipf, rng)
    topic_of = zipf_sampler(max(20, pool // 4), 1.1, rng)
    briefs = []
    for i in range(n):
        shape = rng.choice(shapes.briefs) if shapes.briefs else [[("direct", 80, 1)]]
        chosen: list[int] = []
        for _ in shape:
            k = speaker_of()
            while k in chosen:
                k = (k + 1) % pool
            chosen.append(k)
        text, claims, speakers = "", [], []
        for k, claims_of in zip(chosen, shape):
            name = f"{word(k, 2)} {word(k * 7919 + 3)}"
            sid = slugify(name)
            speakers.append(Speaker(id=sid, name=name, role="spokesperson" if k % 3 == 0 else None))
            for kind, length, n_topics in claims_of:
                body = ("the minister would review the plan " * (length // 35 + 1))[:length].strip()
                start = len(text) + len(name) + len(" said that ")
                text += f"{name} said that {body}.\n\n"
                topics = [f"place:{word(topic_of(), 2)}" for _ in range(n_topics)]
                claims.append(Claim(kind=kind, text=body, start=start, end=start + len(body), speaker=sid,
                                    cue=Span("said", start - 10, start - 6), confidence=0.9,
                                    paragraph=text.count("\n\n"), topics=topics))
        date = f"{2000 + i % 25:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        article = Article(path=f"synthetic/{i}.txt", id=f"synthetic-{i}", title=f"Synthetic article {i}",
                          text=text or "Nothing was said.", date=date)
        briefs.append(Brief(article=article, speakers=speakers, claims=claims))
    return briefs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(n: int, sample: Path, seed: int) -> dict:
    """Link and render n synthetic briefs in this process; the figures as a dict."""
    from generator import link
    from generator.cache import Cache
    from generator.render import charts, render_site

    shapes = Shapes([json.loads(line) for line in sample.read_text("utf-8").splitlines() if line.strip()])
    briefs = synthesize(n, shapes, seed)
    base = peak_mb()
    t = time.perf_counter()
    corpus = link.link(briefs)
    link_s = time.perf_counter() - t
    link_mb = peak_mb()
    t = time.perf_counter()
    pages = render_site(corpus, 2, charts.Drawer(Cache(None, memory=("charts",))))
    render_s = time.perf_counter() - t
    size = sum(len(v.encode("utf-8")) if isinstance(v, str) else len(v) for v in pages.values())
    return {"n": n, "link_s": link_s, "render_s": render_s, "base_mb": base, "link_mb": link_mb,
            "peak_mb": peak_mb(), "pages": len(pages), "site_mb": size / 1e6, "speakers": len(corpus.speakers)}


def exponent(rows: list[dict], key: str) -> float:
    return slope([math.log(r["n"]) for r in rows], [math.log(max(r[key], 1e-9)) for r in rows])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_one":
        print(json.dumps(one(int(argv[1]), Path(argv[2]), int(argv[3]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=Path, help="JSONL of `quotebrief extract --jsonl` (default: extract 300 "
                                                "articles of ../shared/corpus/bbc)")
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    sample = args.sample
    if sample is None:
        sample = Path("/tmp/quotebrief-scale-sample.jsonl")
        if not sample.exists():
            corpus = ROOT.parent / "shared" / "corpus" / "bbc"
            files = sorted(p for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
            picked = [str(f) for f in files[:: max(1, len(files) // 300)][:300]]
            out = subprocess.run([sys.executable, "-m", "generator", "extract", *picked, "--jsonl", "--quiet"],
                                 capture_output=True, text=True, cwd=ROOT, check=True).stdout
            sample.write_text(out, "utf-8")
    rows = []
    print(f"scale: link and render synthetic briefs (shapes from {sample})")
    print(f"{'briefs':>8} {'link s':>8} {'render s':>9} {'peak MB':>8} {'pages':>8} {'site MB':>8} {'speakers':>9}")
    for n in (int(x) for x in args.sizes.split(",")):
        proc = subprocess.run([sys.executable, __file__, "_one", str(n), str(sample), str(args.seed)],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            print(proc.stderr[-2000:], file=sys.stderr)
            return 1
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['n']:>8} {r['link_s']:>8.1f} {r['render_s']:>9.1f} {r['peak_mb']:>8.0f} {r['pages']:>8} "
              f"{r['site_mb']:>8.1f} {r['speakers']:>9}", flush=True)
    if len(rows) >= 2:
        for key, label in (("link_s", "link time"), ("render_s", "render time"), ("peak_mb", "peak memory"),
                           ("pages", "pages"), ("site_mb", "site size")):
            e = exponent(rows, key)
            verdict = "met" if e <= 1.1 else "NOT met"
            print(f"growth exponent of {label}: {e:.2f} (target <= 1.1: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
