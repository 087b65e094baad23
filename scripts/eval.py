"""Score quotebrief's extractor against the gold files in ../shared/eval.

    python scripts/eval.py                      # seed, PolNeAR dev, PolNeAR train
    python scripts/eval.py --sets seed dev      # a choice of them

PolNeAR's compartments (meta.compartment: dev or train) are written to a temporary
JSONL and scored with ../shared/eval/evaluate.py; no gold text is kept in the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CMD = f"{ROOT / '.venv/bin/quotebrief'} extract {{input}} --jsonl --no-cache"


def compartment(gold: Path, name: str, out: Path) -> int:
    """Write the articles of one PolNeAR compartment to `out`; return how many."""
    n = 0
    with gold.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as o:
        for line in f:
            if line.strip() and json.loads(line)["meta"].get("compartment") == name:
                o.write(line)
                n += 1
    return n


def evaluate(gold: Path, title: str, extra: list[str], extractor: str = CMD) -> int:
    print(f"\n=== {title} ===", flush=True)
    cmd = [sys.executable, str(EVAL / "evaluate.py"), "--gold", str(gold), "--cmd", extractor, *extra]
    return subprocess.run(cmd).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["seed", "dev", "train"], choices=["seed", "dev", "train"])
    ap.add_argument("--keep", help="folder to save the predictions in (one file per set)")
    ap.add_argument("--cmd", default=CMD, help="extractor command, {input} is the articles JSONL (default: %(default)s)")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        sys.exit(f"eval: {EVAL} is missing (the evaluation data lives in ../shared beside the checkout)")
    rc = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            keep = ["--keep", str(Path(args.keep) / f"{name}.jsonl")] if args.keep else []
            if name == "seed":
                rc |= evaluate(EVAL / "seed.jsonl", "seed.jsonl (end to end)", keep, args.cmd)
                continue
            part = Path(tmp) / f"polnear-{name}.jsonl"
            n = compartment(EVAL / "polnear-dev.jsonl", name, part)
            rc |= evaluate(part, f"polnear-dev.jsonl, {name} compartment ({n} articles)", keep, args.cmd)
    return rc


if __name__ == "__main__":
    sys.exit(main())
