"""Score quotebrief's extractor against the gold files in ../shared/eval.

    python scripts/eval.py                       # seed, speech sets, extra, PolNeAR dev, PolNeAR train, corpus
    python scripts/eval.py --sets seed speech    # a choice of them
    python scripts/eval.py --sets speech --errors /tmp/err.tsv --half dev   # develop on the dev half
    python scripts/eval.py --sets dev --limit 84 --stances

extra scores our own annotations of more BBC articles (scripts/annotations/, offsets only: the
texts are read from ../shared/corpus/bbc; see scripts/standoff.py), made during issue 22 in
batches (extra to extra8), each scored alone and all together: each batch was scored first
unseen and since developed on with the dev half (the held half stays the check).

speech (the product's speech convention) extracts the 137 public articles of bbc-speech-dev.jsonl
and speech-dev2.jsonl once and scores bbc-speech dev, speech-dev2, their union and the union's two
halves. The halves are fixed by the id alone (`half`: the first byte of sha1(id) even -> "dev",
odd -> "held"): rules are developed looking only at the dev half's errors, the held half is
checked at milestones. Each set gets score.py's table (with the breakdown by how the speaker is
mentioned), an error table (what kind of mistake each wrong or missed claim is), the calibration
of `confidence` (end-to-end precision by confidence bucket; claims under 0.5 are flagged for
review) and a check that no speaker is a generic phrase ("Analysts", "Officials"). PolNeAR
counts stances as attributions, so its sets are run with `quotebrief extract --stances` when
--stances is given.

PolNeAR's compartments (meta.compartment: dev or train) are written to a temporary
JSONL and scored with ../shared/eval/evaluate.py; no gold text is kept in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; QUOTEBRIEF_SHARED points elsewhere (a git worktree one level deeper)
SHARED = Path(os.environ.get("QUOTEBRIEF_SHARED") or ROOT.parent / "shared")
EVAL = SHARED / "eval"
CMD = f"{ROOT / '.venv/bin/quotebrief'} extract {{input}} --jsonl --no-cache"
# a speaker name made of these words only is a description, never a name
GENERIC = {"analyst", "analysts", "official", "officials", "critic", "critics", "expert", "experts", "fan", "fans",
           "spokesman", "spokeswoman", "spokesperson", "source", "sources", "observer", "observers", "firm",
           "company", "group", "paper", "papers", "report", "reports", "people", "residents", "witnesses",
           "economist", "economists", "investor", "investors", "trader", "traders", "campaigners", "police",
           "doctors", "scientists", "researchers", "some", "others", "many", "one", "the", "a", "an", "of",
           "senior", "local", "industry", "government", "officers", "executives", "bosses", "insiders", "aides"}
BUCKETS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)
SPEECH = ("bbc-speech-dev.jsonl", "speech-dev2.jsonl")
# our own annotations, offsets only (standoff.py), one file per batch: each batch is scored alone
# (its first score was unseen by every rule before it) and with the others
EXTRAS = {"extra": ROOT / "scripts" / "annotations" / "bbc-speech-extra.jsonl",
          "extra2": ROOT / "scripts" / "annotations" / "bbc-speech-extra2.jsonl",
          "extra3": ROOT / "scripts" / "annotations" / "bbc-speech-extra3.jsonl",
          "extra4": ROOT / "scripts" / "annotations" / "bbc-speech-extra4.jsonl",
          "extra5": ROOT / "scripts" / "annotations" / "bbc-speech-extra5.jsonl",
          "extra6": ROOT / "scripts" / "annotations" / "bbc-speech-extra6.jsonl",
          "extra7": ROOT / "scripts" / "annotations" / "bbc-speech-extra7.jsonl",
          "extra8": ROOT / "scripts" / "annotations" / "bbc-speech-extra8.jsonl",
          "extra9": ROOT / "scripts" / "annotations" / "bbc-speech-extra9.jsonl"}


def half(article_id: str) -> str:
    """The fixed half of the public speech articles an id belongs to: "dev" (rules are
    developed on its errors) or "held" (checked at milestones only)."""
    return "dev" if hashlib.sha1(article_id.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def compartment(gold: Path, name: str, out: Path, limit: int = 0) -> int:
    """Write the articles of one PolNeAR compartment to `out`; return how many."""
    n = 0
    with gold.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as o:
        for line in f:
            if line.strip() and json.loads(line)["meta"].get("compartment") == name:
                o.write(line)
                n += 1
                if limit and n >= limit:
                    break
    return n


def evaluate(gold: Path, title: str, extra: list[str], extractor: str = CMD) -> int:
    print(f"\n=== {title} ===", flush=True)
    cmd = [sys.executable, str(EVAL / "evaluate.py"), "--gold", str(gold), "--cmd", extractor, *extra]
    return subprocess.run(cmd).returncode


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def is_generic(name: str) -> bool:
    """'Analysts', 'Senior officials', 'The firm': a phrase for a group or a role, not a name."""
    words = re.findall(r"[\w']+", name.lower())
    return not words or all(w in GENERIC for w in words)


def written_as_a_title(record: dict, speaker: dict) -> bool:
    """'the Observer', capitalised after 'the' in the article: a newspaper's (or body's) name."""
    mentions = [(c.get("speaker_mention") or {}).get("text", "") for c in record.get("claims") or []
                if c.get("speaker") == speaker["id"]]
    return speaker.get("named", True) and any(
        len(m.split()) == 2 and m.split()[0].lower() == "the" and m.split()[1][:1].isupper() for m in mentions)


def generic_speakers(record: dict) -> list[str]:
    """The names of a predicted article's speakers that are generic phrases, not names."""
    return [s["name"] for s in record.get("speakers") or []
            if is_generic(s["name"]) and not written_as_a_title(record, s)]


def diagnose(gold_arts: list[dict], pred_arts: list[dict]) -> dict:
    """Each gold and predicted claim of bbc-speech sorted into right or one kind of error, the
    calibration of confidence and the generic speakers."""
    sc = _scorer()
    preds = {str(a.get("id")): a for a in pred_arts}
    errors: Counter = Counter()
    calib: dict[int, list[int]] = {k: [0, 0] for k in range(len(BUCKETS) - 1)}  # bucket -> [right, all]
    kept = Counter()
    generic = Counter()
    for ga in gold_arts:
        text, gclaims = ga["text"], ga.get("claims") or []
        pa = preds.get(str(ga["id"]), {})
        pclaims = pa.get("claims") or []
        names = {s["id"]: s for s in pa.get("speakers") or []}
        generic.update(generic_speakers(pa))
        gsp, psp = sc._prep(text, gclaims), sc._prep(text, pclaims)
        opt = [bool(c.get("optional")) for c in gclaims]

        def pname(j):
            sp = names.get(pclaims[j].get("speaker"))  # noqa: B023 (used in this iteration only)
            return sp["name"] if sp else None

        def ok(i, j):
            g, pm = gclaims[i], pclaims[j].get("speaker_mention")  # noqa: B023
            if g.get("speaker"):
                return sc.name_match(pname(j), g["speaker"])[1]
            gm = g.get("speaker_mention")
            if gm:
                return bool(pm) and sc.overlap((gm["start"], gm["end"]), (pm["start"], pm["end"])) >= 1
            return True

        m3 = sc.greedy_match(gsp, psp, 0.3)
        m8 = sc.greedy_match(gsp, psp, 0.8)
        e2e = sc.greedy_match(gsp, psp, 0.3, eligible=ok)
        right = {j for j, _ in e2e.values()}
        matched = {j: i for i, (j, _) in m3.items()}
        for j, c in enumerate(pclaims):
            b = next(k for k in range(len(BUCKETS) - 1) if BUCKETS[k] <= c.get("confidence", 0.5) < BUCKETS[k + 1])
            calib[b][0] += j in right
            calib[b][1] += 1
        unflagged = [j for j, c in enumerate(pclaims) if c.get("confidence", 0.5) >= 0.5]
        kept["unflagged"] += len(unflagged)
        kept["unflagged_right"] += sum(1 for j in unflagged if j in right)
        e2e_hi = sc.greedy_match(gsp, [psp[j] if j in unflagged else (0, 0) for j in range(len(psp))], 0.3, eligible=ok)
        kept["gold"] += sum(1 for o in opt if not o)
        kept["gold_kept"] += sum(1 for i in e2e_hi if not opt[i])
        for j, c in enumerate(pclaims):  # predicted claims matching no gold claim
            if j in matched:
                continue
            cue = ((c.get("cue") or {}).get("text") or "").lower()
            if c.get("kind") == "stance":
                errors["stance kept (stances=True)"] += 1
            elif re.match(r"(wants?|plan|plans|planned|expects?|expected|believes?|believed|hopes?|hoped|thinks?|"
                          r"thought|found|finds|showed|shows|intends?|fears?|feared|wanted)\b", cue):
                errors["stance or finding as speech"] += 1
            elif not cue:
                errors["claim with no cue, not in gold"] += 1
            else:
                errors["claim not in gold (other)"] += 1
        for i, g in enumerate(gclaims):
            if opt[i]:
                continue
            if i not in m3:
                near = any(sc.overlap(gsp[i], p) > 0 for p in psp)
                errors["span cut (< 0.3 of gold)" if near else "missed claim"] += 1
                continue
            j = m3[i][0]
            if i not in m8:
                errors["span short or long (0.3-0.8)"] += 1
            if ok(i, j):
                continue
            gm = g.get("speaker_mention") or {}
            gtype = sc.mention_type(g, text)
            name = pname(j)
            if not g.get("speaker"):
                errors["generic source: mention missed"] += 1
            elif name is None:
                errors["speaker missing (resolved to nobody)"] += 1
            elif names.get(pclaims[j].get("speaker"), {}).get("named") is False or is_generic(name):
                errors["invented speaker (a description)"] += 1
            elif gtype == "pronoun":
                errors["wrong antecedent (pronoun)"] += 1
            elif gtype == "description":
                errors["description unresolved/wrong"] += 1
            elif gtype == "none":
                errors["uncued quote, wrong speaker"] += 1
            else:
                errors["wrong name"] += 1
            del gm
    return {"errors": errors, "calibration": calib, "kept": kept, "generic": generic}


def print_diagnosis(d: dict) -> None:
    print("\nerrors (required gold claims; predicted claims matching no gold)")
    for name, n in sorted(d["errors"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<42} {n:4d}")
    print("\nconfidence calibration (end-to-end right / predicted)")
    for k, (right, n) in d["calibration"].items():
        share = f"{100 * right / n:5.1f}" if n else "    -"
        print(f"  [{BUCKETS[k]:.2f}, {min(BUCKETS[k + 1], 1.0):.2f})  {share} %  {right:4d}/{n}")
    k = d["kept"]
    prec = 100 * k["unflagged_right"] / k["unflagged"] if k["unflagged"] else 0.0
    share = 100 * k["gold_kept"] / k["gold"] if k["gold"] else 0.0
    print(f"unflagged (confidence >= 0.5): end-to-end precision {prec:.1f} % ({k['unflagged_right']}/{k['unflagged']}),"
          f" gold kept {share:.1f} % ({k['gold_kept']}/{k['gold']})")
    generic = d["generic"]
    print("generic speakers: " + (", ".join(f"{n} x{c}" for n, c in generic.most_common()) if generic else "none"))


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def extract_gold(arts: list[dict], extractor: str, keep: Path | None, title: str) -> list[dict] | None:
    """Run the extractor on gold articles through evaluate.py; the predictions (None if it failed)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        with gold.open("w", encoding="utf-8") as o:
            for a in arts:
                o.write(json.dumps(a, ensure_ascii=False) + "\n")
        out = keep or Path(tmp) / "pred.jsonl"
        print(f"\n=== {title} ===", flush=True)
        rc = subprocess.run([sys.executable, str(EVAL / "evaluate.py"), "--gold", str(gold), "--cmd", extractor,
                             "--keep", str(out), "--json"], capture_output=True, text=True)
        sys.stderr.write(rc.stderr)
        if rc.returncode or not out.exists():
            print(rc.stdout)
            return None
        return _load(out)


def score_sets(sets: dict[str, list[dict]], preds: list[dict]) -> None:
    """score.py's table, the error table and the calibration of each set, then one summary line each."""
    sc = _scorer()
    summary = []
    for title, arts in sets.items():
        ids = {a["id"] for a in arts}
        pset = [p for p in preds if p.get("id") in ids]
        res = sc.score(arts, pset)
        print(f"\n--- {title} ---")
        print(sc.render(res))
        d = diagnose(arts, pset)
        print_diagnosis(d)
        summary.append((title, res, d))
    print("\nsummary                 e2e P    R   F1  lenient  pronoun  name  descr   >=0.5: P  gold kept")
    for title, res, d in summary:
        e, mt, k = res["end_to_end"], res["breakdown"]["mention_type"], d["kept"]
        def pc(x):
            return "   -" if x is None else f"{100 * x:5.1f}"
        hp = 100 * k["unflagged_right"] / k["unflagged"] if k["unflagged"] else 0.0
        hk = 100 * k["gold_kept"] / k["gold"] if k["gold"] else 0.0
        print(f"{title:<22}{pc(e['P'])}{pc(e['R'])}{pc(e['F1'])}   {pc(res['attribution']['lenient'])}   "
              + "  ".join(pc((mt.get(t) or {}).get("attr_lenient")) for t in ("pronoun", "name", "description"))
              + f"      {hp:5.1f}    {hk:5.1f}")


def speech_sets(extractor: str, keep: Path | None, only: str | None = None, errors: str | None = None) -> int:
    """Extract the public speech articles once; score bbc-speech dev, speech-dev2, their union
    and its two halves (`only`: just the union and that half). `errors`: a TSV of every wrong
    or missed claim of the scored half (or of the union) to read while developing."""
    files = {name: _load(EVAL / name) for name in SPEECH}
    union = [a for arts in files.values() for a in arts]
    preds = extract_gold(union, extractor, keep,
                         "speech: bbc-speech-dev.jsonl + speech-dev2.jsonl (speech convention, names resolved)")
    if preds is None:
        return 1
    sets = {"union (137 articles)": union, "half dev": [a for a in union if half(a["id"]) == "dev"],
            "half held": [a for a in union if half(a["id"]) == "held"]}
    if only is None:
        sets = {"bbc-speech dev": files[SPEECH[0]], "speech-dev2": files[SPEECH[1]], **sets}
    else:
        sets = {k: v for k, v in sets.items() if k.startswith("union") or k == f"half {only}"}
    score_sets(sets, preds)
    if errors:
        arts = sets.get(f"half {only}") if only else union
        write_errors(arts, preds, Path(errors))
    return 0


def extra_set(extractor: str, keep: Path | None, errors: str | None = None) -> int:
    """Our own annotations (scripts/annotations/, offsets only, texts from ../shared/corpus/bbc),
    made during issue 22: each batch scored alone, then all of them; a batch is developed on
    after its first, unseen score."""
    spec = importlib.util.spec_from_file_location("standoff", ROOT / "scripts" / "standoff.py")
    standoff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(standoff)
    batches = {}
    for name, path in EXTRAS.items():
        got, skipped = standoff.gold_articles(_load(path), SHARED / "corpus" / "bbc")
        for line in skipped:
            print(f"{name}: left out {line}")
        batches[name] = got
    arts = [a for got in batches.values() for a in got]
    if not arts:
        print(f"extra: no article of {', '.join(str(p) for p in EXTRAS.values())} could be rebuilt")
        return 1
    preds = extract_gold(arts, extractor, keep, f"extra: our own annotations ({len(arts)} BBC articles, "
                                                "speech convention, names resolved)")
    if preds is None:
        return 1
    sets = {f"{name} ({len(got)} articles)": got for name, got in batches.items()}
    if len(batches) > 1:
        sets[f"extra, all ({len(arts)} articles)"] = arts
    score_sets(sets, preds)
    if errors:
        write_errors(arts, preds, Path(errors))
    return 0


def write_errors(gold_arts: list[dict], pred_arts: list[dict], path: Path) -> None:
    """Each required gold claim matched (coverage 0.3) but given the wrong speaker, one line: id,
    mention type, gold speaker, predicted speaker, predicted mention, gold mention, claim start."""
    sc = _scorer()
    preds = {str(a.get("id")): a for a in pred_arts}
    rows = []
    for ga in gold_arts:
        text, gclaims = ga["text"], ga.get("claims") or []
        pa = preds.get(str(ga["id"]), {})
        pclaims = pa.get("claims") or []
        names = {s["id"]: s["name"] for s in pa.get("speakers") or []}
        m3 = sc.greedy_match(sc._prep(text, gclaims), sc._prep(text, pclaims), 0.3)
        for i, (j, _) in m3.items():
            g, p = gclaims[i], pclaims[j]
            pn = names.get(p.get("speaker"))
            if g.get("optional") or (g.get("speaker") and sc.name_match(pn, g["speaker"])[1]) \
                    or (not g.get("speaker") and pn is None):
                continue
            rows.append("\t".join(str(x) for x in (
                ga["id"], sc.mention_type(g, text), g.get("speaker"), pn, (p.get("speaker_mention") or {}).get("text"),
                (g.get("speaker_mention") or {}).get("text"), g["start"], p.get("confidence"))))
    spans = span_errors(gold_arts, pred_arts)
    path.write_text("\n".join(rows + spans) + "\n", encoding="utf-8")
    print(f"{len(rows)} wrong speakers and {len(spans)} span errors written to {path}")


def span_errors(gold_arts: list[dict], pred_arts: list[dict]) -> list[str]:
    """Each span error, one line: id, 'SPAN', what (missed, short or long, not in gold), the gold
    and the predicted text (coverage 0.8 is right, as the error table counts)."""
    sc = _scorer()
    preds = {str(a.get("id")): a for a in pred_arts}
    rows = []
    for ga in gold_arts:
        text, gclaims = ga["text"], ga.get("claims") or []
        pclaims = preds.get(str(ga["id"]), {}).get("claims") or []
        gsp, psp = sc._prep(text, gclaims), sc._prep(text, pclaims)
        m3 = sc.greedy_match(gsp, psp, 0.3)
        m8 = sc.greedy_match(gsp, psp, 0.8)
        used = {j for j, _ in m3.values()}
        for i, g in enumerate(gclaims):
            if g.get("optional") or i in m8:
                continue
            what = "short or long" if i in m3 else "missed"
            ptext = pclaims[m3[i][0]]["text"] if i in m3 else ""
            rows.append("\t".join((ga["id"], "SPAN", what, g["text"].replace("\n", " "), ptext.replace("\n", " "))))
        for j, c in enumerate(pclaims):
            if j not in used:
                rows.append("\t".join((ga["id"], "SPAN", "not in gold", "", c["text"].replace("\n", " "))))
    return rows


def corpus_check(corpus: Path = SHARED / "corpus" / "bbc", briefs_file: str | None = None,
                 save: str | None = None, shown: int = 10) -> int:
    """The whole BBC corpus extracted (no cache, two workers) and linked, then checked: no speaker
    may be a generic phrase ("Analysts", "Officials"), and none of the identity errors that
    generator/link/check.py counts may be left (alias groups split, damaged names, non-speakers,
    roles that name no position, duplicate topics). Non-zero when any is found.

    `briefs_file`: the extracted briefs (before linking) of an earlier `save`, so that work on
    the linker does not wait for extraction."""
    sys.path.insert(0, str(ROOT))
    from generator import link
    from generator.build import Build
    from generator.link.check import check
    from generator.model import Brief
    from generator.options import load

    print(f"\n=== {corpus} (every article: generic speakers, errors of identity) ===", flush=True)
    if briefs_file:
        with open(briefs_file, encoding="utf-8") as f:
            briefs = [Brief.from_dict(json.loads(line)) for line in f if line.strip()]
    else:
        files = sorted(str(p) for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
        build = Build(load({"workers": 2, "cache_dir": ""}), base_dir=ROOT)
        briefs = build.extract(build.read(files).articles)
        if save:
            with open(save, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(b.to_dict(), ensure_ascii=False) + "\n" for b in briefs)
    linked = link.link(briefs)  # the linker alone: no editor's speakers file
    records = [b.contract() for b in linked.briefs]

    generic = Counter(name for r in records for name in generic_speakers(r))
    speakers = {s["name"] for r in records for s in r["speakers"]}
    print(f"{len(records)} articles, {len(speakers)} distinct speaker names, {len(linked.speakers)} speakers, "
          f"{len(linked.topics)} topics; generic speakers: "
          + (", ".join(f"{n} x{c}" for n, c in generic.most_common()) if generic else "none"))
    from generator.workers import failed_extraction

    failed = [f"{b.article.path}: {note}" for b in briefs if (note := failed_extraction(b))]
    for ln in failed:
        print(f"EXTRACTION FAILED: {ln}")
    errors = check(linked)
    for name, found in errors.items():
        print(f"{name}: {len(found)}" + "".join(f"\n    {x}" for x in found[:shown]))
    return 1 if generic or failed or any(errors.values()) else 0


def with_log(cmd: str, log: Path) -> str:
    """The extractor command with its stderr appended to `log`: evaluate.py shows the extractor's
    stderr only when it fails, and an article whose extraction raised is a note there, not a
    failure (its brief is empty), so it would count as missed claims unseen."""
    return f"sh -c {shlex.quote(cmd + ' 2>>' + shlex.quote(str(log)))}"


def failed_extractions(log: Path) -> int:
    """Print each article whose extraction raised (file and error, from the build report lines
    of the extractor's stderr) and empty the log; return how many."""
    if not log.exists():
        return 0
    lines = [ln for ln in log.read_text(encoding="utf-8", errors="replace").splitlines() if "extraction failed" in ln]
    log.unlink()
    for ln in lines:
        print(f"EXTRACTION FAILED: {ln}", flush=True)
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["seed", "speech", "extra", "dev", "train", "corpus"],
                    choices=["seed", "speech", "bbc", "extra", "dev", "train", "corpus"],
                    help="speech: bbc-speech dev, speech-dev2, their union and its halves (bbc: the same); "
                         "extra: our own annotations of more BBC articles (scripts/annotations/); "
                         "corpus: every article of ../shared/corpus/bbc, extracted and linked, checked for "
                         "generic speakers and errors of identity (generator/link/check.py)")
    ap.add_argument("--half", choices=["dev", "held"],
                    help="speech: score only the union and this half")
    ap.add_argument("--errors",
                    help="speech, extra: write the wrong speakers and span errors of the scored half (or union, "
                         "or the extra set) to this TSV")
    ap.add_argument("--keep", help="folder to save the predictions in (one file per set)")
    ap.add_argument("--cmd", default=CMD,
                    help="extractor command, {input} is the articles JSONL (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of each PolNeAR compartment")
    ap.add_argument("--stances", action="store_true",
                    help="PolNeAR sets with `quotebrief extract --stances`")
    ap.add_argument("--save-briefs", metavar="FILE",
                    help="corpus: save the extracted briefs (before linking) to FILE")
    ap.add_argument("--briefs", metavar="FILE",
                    help="corpus: link and check the briefs of an earlier --save-briefs instead of extracting")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        sys.exit(f"eval: {EVAL} is missing (the evaluation data lives in ../shared beside the checkout)")
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
    rc = 0
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "extractor.log"
        for name in args.sets:
            rc |= 1 if failed_extractions(log) else 0
            out = Path(args.keep) / f"{name}.jsonl" if args.keep else Path(tmp) / f"{name}.jsonl"
            keep = ["--keep", str(out)]
            if name == "seed":
                rc |= evaluate(EVAL / "seed.jsonl", "seed.jsonl (end to end)", keep, with_log(args.cmd, log))
                continue
            if name in ("speech", "bbc"):
                rc |= speech_sets(with_log(args.cmd, log), out if args.keep else None, args.half, args.errors)
                continue
            if name == "extra":
                rc |= extra_set(with_log(args.cmd, log), out if args.keep else None, args.errors)
                continue
            if name == "corpus":
                rc |= corpus_check(briefs_file=args.briefs, save=args.save_briefs)
                continue
            part = Path(tmp) / f"polnear-{name}.jsonl"
            n = compartment(EVAL / "polnear-dev.jsonl", name, part, args.limit)
            cmd = args.cmd + " --stances" if args.stances else args.cmd
            title = f"polnear-dev.jsonl, {name} compartment ({n} articles{', stances' if args.stances else ''})"
            rc |= evaluate(part, title, keep, with_log(cmd, log))
        rc |= 1 if failed_extractions(log) else 0
    return rc


if __name__ == "__main__":
    sys.exit(main())
