"""The speed benchmark behind `make bench`: prints figures, asserts nothing.

    python bench/bench.py [--corpus ../shared/corpus/bbc] [--limit N] [--stages ...] [--repeat N]

Every stage runs in its own subprocess on the same texts, so each one's peak
memory is its own:

  bare      spaCy alone: nlp.pipe over the article texts, with the pipeline and
            batch size quotebrief uses (parse.load_nlp, parse.BATCH_SIZE)
  extract1  `quotebrief extract --jsonl --workers 1` with an empty cache
  extract2  the same with --workers 2
  cold      the full site with one worker and empty caches: extract, link,
            render, charts and `mkdocs build`, in a temporary MkDocs project
            whose quotebrief `articles` option points at the corpus
  warm      the same build again after one article changed
  serve     `mkdocs serve --dirty --livereload`, started as `make serve` starts it, on the
            same project: the time until the site is served (its cold start), then the
            time from an edit of one article until its brief is served with the edit
            (saved by replacing the file, as careful editors save), then from a second
            edit saved in place (appended to the same file)
  scale     link and render 10k, 30k and 100k synthetic briefs (bench/scale.py): time,
            peak memory and growth exponents (not in the default stages: --stages scale)

bare, extract1 and extract2 run in turns, `--repeat` rounds of the three (default
2), and each figure is the fastest round of its stage: the ratios compare the
code, not the machine's drift between two moments (10% and more here).

The corpus is never copied: the articles folder of the temporary project holds
symbolic links to the corpus files (one of them replaced by an edited copy for
the warm build). Peak memory is given two ways: the largest single process
(getrusage of the stage and its children) and the whole process tree (the sum
of every process's RSS, sampled every 50 ms), which counts all pool workers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
STAGES = ("bare", "extract1", "extract2", "cold", "warm", "serve")
TARGETS = {
    "extract": 1.10,  # x bare spaCy time
    "cold": 1.6,  # x bare spaCy time
    "warm": 0.25,  # x cold build time
    "edit": 0.03,  # edited brief served, x cold build time (full corpus)
    "edit_300": 0.05,  # the same on 300 articles
    "speedup": 1.7,  # 2 workers / 1 worker throughput
    "memory_mb": 1500,
    "index_mb": 5.0,
}
EDIT = '\n\n"Nothing in this paragraph was in the original article," said Jane Benchmark, a tester.\n'
SERVE_EDIT = '\n\n"Benchmark edit: this sentence was added while the site was served," said Joe Tester.\n'
SERVE_APPEND = '\n\n"Second benchmark edit: this one was appended in place," said Jane Tester.\n'


# ---------------------------------------------------------------- measuring


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * page
        except OSError:
            pass
    return total / 1e6


def run_measured(cmd: list[str], cwd: Path, out: Path, err: Path) -> dict:
    """Run a stage; wall seconds, peak RSS of its largest process and of its whole tree."""
    start = time.perf_counter()
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=fo, stderr=fe)
        peak = [0.0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], tree_rss_mb(proc.pid))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 gives the child's own rusage; its ru_maxrss covers the child and every
        # descendant it waited for (pool workers included): the largest single process.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(err.read_text("utf-8", "replace")[-4000:])
        raise SystemExit(f"bench: stage failed ({proc.returncode}): {' '.join(map(str, cmd))}")
    return {"seconds": seconds, "max_process_mb": usage.ru_maxrss / 1000, "tree_mb": peak[0]}


# ---------------------------------------------------------------- stages run in subprocesses


def stage_bare(articles_dir: str, model: str | None) -> None:
    """spaCy alone on the texts quotebrief extracts from: same pipeline, same batch size."""
    from generator import parse
    from generator.read import read_paths

    texts = [a.text for a in read_paths([articles_dir], follow_links=True).articles]  # links to the corpus
    t0 = time.perf_counter()
    nlp = parse.load_nlp(model)
    t1 = time.perf_counter()
    n = 0
    for _doc in nlp.pipe(texts, batch_size=parse.BATCH_SIZE):
        n += 1
    t2 = time.perf_counter()
    print(json.dumps({"articles": n, "load_seconds": t1 - t0, "pipe_seconds": t2 - t1,
                      "pipeline": nlp.pipe_names, "batch_size": parse.BATCH_SIZE,
                      "model": parse.model_id(nlp)}))


def stage_build(config_file: str, site_dir: str, articles: str, cache_dir: str, workers: int) -> None:
    """`mkdocs build` of the project's mkdocs.yml into site_dir, quotebrief's own time measured apart."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import build as build_mod
    from generator import plugin as plugin_mod

    spent = {"quotebrief": 0.0, "render": 0.0}

    def timed(fn, bucket):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[bucket] += time.perf_counter() - t
        return wrapper

    cls = plugin_mod.QuotebriefPlugin
    for name in [n for n in vars(cls) if n.startswith("on_")]:
        setattr(cls, name, timed(getattr(cls, name), "quotebrief"))
    build_mod.Build.render = timed(build_mod.Build.render, "render")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    t0 = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    qb = config.plugins["quotebrief"].config
    qb.articles, qb.cache_dir, qb.workers = articles, cache_dir, workers
    qb.follow_links = True  # the articles folder holds links to the corpus
    build(config)
    total = time.perf_counter() - t0
    print(json.dumps({"seconds": total, "quotebrief_seconds": spent["quotebrief"],
                      "render_seconds": spent["render"]}))


# ---------------------------------------------------------------- the benchmark


def serve_edit(project: Path, articles: Path, cache_dir: Path, edited: Path, log: Path) -> dict:
    """A running `mkdocs serve --dirty --livereload` on the bench project: seconds until the edited
    article's brief is served (cold start), then from an edit of that article until the brief shows it."""
    import socket
    import urllib.request

    from mkdocs.utils.yaml import yaml_load

    from generator.read import read_paths

    with (ROOT / "mkdocs.yml").open("rb") as f:
        config = yaml_load(f)
    config["docs_dir"] = str(ROOT / "docs")
    if (ROOT / "overrides").is_dir():
        config.setdefault("theme", {})["custom_dir"] = str(ROOT / "overrides")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "quotebrief" in plugin:
            plugin["quotebrief"] = {"articles": str(articles), "cache_dir": str(cache_dir), "workers": 1,
                                    "follow_links": True}
    project.mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(json.dumps(config), "utf-8")  # JSON is YAML
    [article] = [a for a in read_paths([articles], follow_links=True).articles if a.path == str(edited)]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/briefs/{article.id}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def until(check, timeout: float) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if check():
                return time.perf_counter() - start
            time.sleep(0.05)
        raise SystemExit(f"bench: serve stage timed out; see {log}")

    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload",
                                 "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT)
        try:
            start = until(lambda: "Benchmark edit" not in page() and page() != "", 7200)
            text = edited.read_text("utf-8")
            edited.unlink()  # saved as careful editors save: the file replaced by a new one
            edited.write_text(text + SERVE_EDIT, "utf-8")
            edit = until(lambda: "Benchmark edit" in page(), 600)
            time.sleep(2)  # the server idle a moment, as between two edits by hand
            with open(edited, "a", encoding="utf-8") as f:  # then saved in place: the same file, appended to
                f.write(SERVE_APPEND)
            append = until(lambda: "Second benchmark edit" in page(), 600)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    return {"start_seconds": start, "edit_seconds": edit, "append_seconds": append}


def pick_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
    if limit and limit < len(files):
        step = len(files) / limit  # evenly spread, so every topic folder is in
        files = [files[int(i * step)] for i in range(limit)]
    return files


def link_articles(files: list[Path], corpus: Path, into: Path) -> None:
    """A folder of symbolic links to the corpus files (never copies), topic folders kept."""
    for f in files:
        target = into / f.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(f.resolve())


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def stderr_lines(path: Path, word: str) -> list[str]:
    return [line for line in path.read_text("utf-8", "replace").splitlines() if word in line]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, help="use only N articles (spread over the corpus)")
    ap.add_argument("--model", help="spaCy pipeline (default: quotebrief's default)")
    ap.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated subset of {','.join(STAGES)}")
    ap.add_argument("--repeat", type=int, default=2,
                    help="rounds of bare, extract1 and extract2, run in turn; each keeps its fastest round")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = ap.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    if not args.corpus.is_dir():
        print(f"bench: corpus {args.corpus} not found", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="quotebrief-bench-"))
    try:
        return run(args, stages, work)
    finally:
        if args.keep:
            print(f"bench: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(args, stages: list[str], work: Path) -> int:
    files = pick_files(args.corpus, args.limit)
    articles = work / "articles"
    link_articles(files, args.corpus, articles)
    py = sys.executable
    me = str(Path(__file__).resolve())
    model = ["--model", args.model] if args.model else []
    results: dict[str, dict] = {}

    print(f"quotebrief benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}")
    print(f"corpus: {args.corpus} ({len(files)} files{', --limit' if args.limit else ''})")
    print()

    def stage(name: str, cmd: list[str], cwd: Path) -> dict:
        cwd.mkdir(parents=True, exist_ok=True)
        print(f"  running {name} ...", file=sys.stderr, flush=True)
        r = run_measured(cmd, cwd, work / f"{name}.out", work / f"{name}.err")
        results[name] = r
        print(f"  {name}: {r['seconds']:.1f} s, peak {r['tree_mb']:.0f} MB "
              f"({dt.datetime.now(dt.UTC):%H:%M} UTC)", flush=True)  # a long run shows progress
        return r

    # The throughput stages run in turns (bare, extract1, extract2, bare, ...) and each keeps its
    # fastest round: this machine's speed drifts by 10% and more over minutes, and a ratio of two
    # single runs minutes apart measures the drift as much as the code.
    rounds: dict[str, list[dict]] = {}
    for _turn in range(max(1, args.repeat)):
        if "bare" in stages:
            r = stage("bare", [py, me, "_bare", str(articles), args.model or ""], work / "bare")
            r.update(json.loads((work / "bare.out").read_text().strip().splitlines()[-1]))
            rounds.setdefault("bare", []).append(r)
        for n in (1, 2):
            name = f"extract{n}"
            if name in stages:
                # --follow-links: the articles folder holds links to the corpus
                cmd = [py, "-m", "generator", "extract", str(articles), "--follow-links", "--jsonl", "--quiet",
                       "--workers", str(n), *model]
                shutil.rmtree(work / name, ignore_errors=True)  # a fresh cwd: an empty .cache/quotebrief
                r = stage(name, cmd, work / name)
                r["articles"] = sum(1 for line in open(work / f"{name}.out", "rb") if line.strip())
                r["problems"] = stderr_lines(work / f"{name}.err", ": skipped:")
                rounds.setdefault(name, []).append(r)
    for name, runs in rounds.items():
        results[name] = fastest(runs, "pipe_seconds" if name == "bare" else "seconds")
    project = work / "project"
    cache_dir = project / ".cache" / "quotebrief"
    for name in ("cold", "warm"):
        if name not in stages:
            continue
        if name == "warm":
            edited = articles / files[0].relative_to(args.corpus)
            text = edited.read_text("utf-8")
            edited.unlink()
            edited.write_text(text + EDIT, "utf-8")  # one article changed: a real file now
        cmd = [py, me, "_build", str(ROOT / "mkdocs.yml"), str(project / "site"), str(articles),
               str(cache_dir), "1"]
        r = stage(name, cmd, project)
        r.update(json.loads((work / f"{name}.out").read_text().strip().splitlines()[-1]))
        r["site_mb"] = size_mb(project / "site")
        index = project / "site" / "search" / "search_index.json"
        r["index_mb"] = index.stat().st_size / 1e6 if index.exists() else float("nan")
        r["pages"] = sum(1 for _ in (project / "site").rglob("*.html"))

    if "serve" in stages:
        edited = articles / files[1 % len(files)].relative_to(args.corpus)
        print("  running serve ...", file=sys.stderr, flush=True)
        r = serve_edit(work / "serve", articles, work / "serve-cache", edited, work / "serve.log")
        results["serve"] = r
        print(f"  serve: started in {r['start_seconds']:.1f} s, edit (file replaced) served in "
              f"{r['edit_seconds']:.2f} s, edit in place in {r['append_seconds']:.2f} s", flush=True)
    if "scale" in stages:
        print("  running scale ...", file=sys.stderr, flush=True)
        subprocess.run([py, str(ROOT / "bench" / "scale.py")], cwd=ROOT, check=True)
    report(results, len(files))
    return 0


def fastest(runs: list[dict], key: str) -> dict:
    """The fastest of a stage's rounds, with every round's time and the largest peak memory."""
    best = dict(min(runs, key=lambda x: x[key]))
    best["rounds"] = [x[key] for x in runs]
    best["tree_mb"] = max(x["tree_mb"] for x in runs)
    best["max_process_mb"] = max(x["max_process_mb"] for x in runs)
    return best


def rounds_note(x: dict) -> str:
    times = x.get("rounds", [])
    return f"; fastest of {len(times)} rounds ({', '.join(f'{t:.1f}' for t in times)} s)" if len(times) > 1 else ""


def report(r: dict[str, dict], n_files: int) -> None:
    rows = []
    checks = []

    def ok(value: float, limit: float, below: bool = True) -> str:
        met = value <= limit if below else value >= limit
        checks.append(met)
        return "met" if met else "NOT met"

    def mem(x: dict) -> str:
        return f"{x['tree_mb']:.0f} MB (largest process {x['max_process_mb']:.0f} MB)"

    bare = r.get("bare")
    if bare:
        n = bare["articles"]
        rows.append(f"1. bare spaCy       {n / bare['pipe_seconds']:7.2f} articles/s  "
                    f"{bare['pipe_seconds']:8.1f} s in nlp.pipe (+{bare['load_seconds']:.1f} s model load; "
                    f"process {bare['seconds']:.1f} s{rounds_note(bare)})")
        rows.append(f"   pipeline {', '.join(bare['pipeline'])}; batch size {bare['batch_size']}; {bare['model']}")
        rows.append(f"   peak memory {mem(bare)}")
    for w in (1, 2):
        x = r.get(f"extract{w}")
        if not x:
            continue
        label = "2." if w == 1 else "6."
        line = (f"{label} extract, {w} worker{'s' if w > 1 else ' '} {x['articles'] / x['seconds']:7.2f} articles/s  "
                f"{x['seconds']:8.1f} s whole command")
        note = rounds_note(x)
        if bare:
            ratio = x["seconds"] / bare["pipe_seconds"]
            line += f"  = {ratio:.2f} x bare spaCy"
            if w == 1:
                line += f" (target <= {TARGETS['extract']}: {ok(ratio, TARGETS['extract'])})"
        rows.append(line)
        rows.append(f"   peak memory {mem(x)}; {x['articles']} briefs; "
                    f"{len(x['problems'])} file(s) reported and skipped{note}")
        for p in x["problems"][:3]:
            rows.append(f"     {p.strip()}")
    if "extract1" in r and "extract2" in r:
        speedup = r["extract1"]["seconds"] / r["extract2"]["seconds"]
        rows.append(f"   2 workers = {speedup:.2f} x the throughput of 1 "
                    f"(target >= {TARGETS['speedup']}: {ok(speedup, TARGETS['speedup'], below=False)})")
    cold, warm = r.get("cold"), r.get("warm")
    if cold:
        mk = cold["seconds"] - cold["quotebrief_seconds"]
        line = f"3. cold site build  {cold['seconds']:8.1f} s, 1 worker"
        if bare:
            ratio = cold["seconds"] / bare["pipe_seconds"]
            line += f"  = {ratio:.2f} x bare spaCy (target <= {TARGETS['cold']}: {ok(ratio, TARGETS['cold'])})"
        rows.append(line)
        rows.append(f"   quotebrief {cold['quotebrief_seconds']:.1f} s (of which render and charts "
                    f"{cold['render_seconds']:.1f} s); mkdocs build alone {mk:.1f} s; {cold['pages']} HTML pages")
        rows.append(f"   peak memory {mem(cold)}")
    if warm:
        mk = warm["seconds"] - warm["quotebrief_seconds"]
        line = f"4. warm rebuild     {warm['seconds']:8.1f} s after one article changed"
        if cold:
            ratio = warm["seconds"] / cold["seconds"]
            line += f"  = {ratio:.2f} x cold (target <= {TARGETS['warm']}: {ok(ratio, TARGETS['warm'])})"
        rows.append(line)
        rows.append(f"   quotebrief {warm['quotebrief_seconds']:.1f} s (of which render and charts "
                    f"{warm['render_seconds']:.1f} s); mkdocs build alone {mk:.1f} s")
        rows.append(f"   peak memory {mem(warm)}")
    serve = r.get("serve")
    if serve:
        base = cold["seconds"] if cold else serve["start_seconds"]
        target = TARGETS["edit"] if n_files >= 2225 else TARGETS["edit_300"]
        ratio = serve["edit_seconds"] / base
        rows.append(f"8. edit under mkdocs serve --dirty: the edited brief served {serve['edit_seconds']:.2f} s "
                    f"after the edit = {ratio:.3f} x the {'cold build' if cold else 'cold start'} ({base:.1f} s) "
                    f"(target <= {target}: {ok(ratio, target)}); serve's own cold start {serve['start_seconds']:.1f} s")
        if "append_seconds" in serve:
            ratio = serve["append_seconds"] / base
            rows.append(f"   then an edit saved in place (appended to the same file): served "
                        f"{serve['append_seconds']:.2f} s after it = {ratio:.3f} x (target <= {target}: "
                        f"{ok(ratio, target)})")
    stages = [x for x in r.values() if "tree_mb" in x]
    if stages:
        worst = max(x["tree_mb"] for x in stages)
        rows.append(f"5. peak memory, worst stage: {worst:.0f} MB "
                    f"(target <= {TARGETS['memory_mb']} MB: {ok(worst, TARGETS['memory_mb'])})")
    built = warm or cold
    if built:
        rows.append(f"7. built site {built['site_mb']:.1f} MB; search index {built['index_mb']:.2f} MB "
                    f"(target <= {TARGETS['index_mb']} MB: {ok(built['index_mb'], TARGETS['index_mb'])})")
    print("\n".join(rows))
    print()
    note = " (--limit run: targets are set for the full corpus)" if n_files < 2225 else ""
    print(f"targets met: {sum(checks)} of {len(checks)}{note}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_bare":
        stage_bare(sys.argv[2], sys.argv[3] or None)
    elif len(sys.argv) > 1 and sys.argv[1] == "_build":
        stage_build(*sys.argv[2:6], int(sys.argv[6]))
    else:
        sys.exit(main())
