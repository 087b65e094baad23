"""Thin command line over generator.build.Build: `quotebrief extract`, `render`, `export`, `pdf`, `new`.

Options come from generator.options (the plugin's schema): from the `quotebrief` entry of a
mkdocs.yml with `--config`, then from flags. A wrong option, a missing path or a closed
pipe end the command with a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from pathlib import Path

from generator import __version__
from generator import options as options_mod
from generator.correct import CorrectionsError
from generator.distributed import SchedulerError

# Flags that set an option of the schema: flag -> (option, argparse keywords). The help is the option's docstring.
OPTION_FLAGS = {
    "--model": ("spacy_model", {"metavar": "NAME"}),
    "--workers": ("workers", {"type": int, "metavar": "N"}),
    "--max-article-chars": ("max_article_chars", {"type": int, "metavar": "N"}),
    "--speakers-file": ("speakers_file", {"metavar": "FILE"}),
    "--corrections": ("corrections_file", {"metavar": "FILE"}),
    "--scheduler": ("scheduler", {"metavar": "ADDRESS"}),
}


class CommandError(Exception):
    """A one-line message for the user; the command exits with status 2."""


def load_options(args, paths: list[Path] | None = None) -> options_mod.Options:
    """The schema's options: mkdocs.yml's quotebrief entry (--config), then the flags given.

    PATHs given on the command line stand in for the `articles` option."""
    values: dict = {}
    config_file = None
    if getattr(args, "config", None):
        config_file = Path(args.config)
        values.update(options_mod.from_mkdocs_yml(config_file))
    for flag, (name, _) in OPTION_FLAGS.items():
        value = getattr(args, flag.lstrip("-").replace("-", "_"), None)
        if value is not None:
            values[name] = value
    if getattr(args, "page_min_articles", None) is not None:
        values["page_min_articles"] = args.page_min_articles
    if getattr(args, "no_cache", False):
        values["cache_dir"] = ""
    if getattr(args, "strict", False):
        values["strict"] = True
    if getattr(args, "stances", False):
        values["stances"] = True
    if getattr(args, "follow_links", False):
        values["follow_links"] = True
    if paths:
        values["articles"] = str(paths[0].resolve())
    try:
        return options_mod.load(values, config_file)
    except options_mod.OptionsError as e:
        raise CommandError(str(e)) from None


def article_paths(args, stdin_folder: Path) -> list[Path] | None:
    """The PATHs given (a missing one is an error), standard input for `-`; None: the articles option."""
    given = getattr(args, "paths", None) or getattr(args, "articles", None)
    if not given:
        return None
    out = []
    for p in given:
        if p == "-":
            from generator import write

            path = stdin_folder / "stdin.txt"
            write.write_bytes(path, sys.stdin.buffer.read())
            out.append(path)
        elif not Path(p).exists() and not Path(p).is_symlink():
            raise CommandError(f"{p}: no such file or folder")
        else:
            out.append(Path(p))
    return out


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


def _corpus(args):
    """The Build for these arguments and the corpus of the articles they name."""
    from generator.build import Build

    with tempfile.TemporaryDirectory(prefix="quotebrief-") as stdin_folder:
        paths = article_paths(args, Path(stdin_folder))
        options = load_options(args, paths)
        base = Path(args.config).resolve().parent if getattr(args, "config", None) else Path.cwd()
        build = Build(options, base_dir=base, warn=lambda message: print(message, file=sys.stderr))
        with progress_bar(args) as progress:
            corpus = build.corpus(paths, progress)
    return build, corpus


def cmd_extract(args) -> int:
    _, corpus = _corpus(args)
    out = sys.stdout
    if args.jsonl:
        for brief in corpus.briefs:
            out.write(json.dumps(brief.contract(), ensure_ascii=False) + "\n")
    else:
        json.dump([b.contract() for b in corpus.briefs], out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    _report(corpus)
    return _exit_code(corpus, args)


def _out_folder(out: str) -> Path:
    """--out as a folder, refused at once when it names a file (before any article is read)."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise CommandError(f"--out {out}: is a file, not a folder")
    return path


@contextlib.contextmanager
def _writing(target: str):
    """A failed write becomes one line naming what could not be written."""
    try:
        yield
    except OSError as e:
        raise CommandError(f"{target}: cannot write ({e.strerror or e})") from None


def cmd_render(args) -> int:
    from generator import write

    out_dir = _out_folder(args.out)
    build, corpus = _corpus(args)
    build.start()
    pages = build.site(corpus)
    with _writing(f"--out {args.out}"):
        written = write.write_pages(pages, out_dir)
    if not getattr(args, "paths", None):
        build.finish()  # the whole site was rendered: the cache keeps what it used
    _report(corpus)
    print(f"quotebrief: wrote {len(written)} files to {args.out} ({len(pages) - len(written)} unchanged)",
          file=sys.stderr)
    return _exit_code(corpus, args)


def cmd_export(args) -> int:
    """The data downloads of the site (generator/render/export.py), written to a folder."""
    from generator import write
    from generator.render import export
    from generator.render.pages import SiteData

    out_dir = _out_folder(args.out)
    _, corpus = _corpus(args)
    formats = export.FORMATS if args.format == "all" else (args.format,)
    files = export.render_data(SiteData(corpus), formats, prefix="")
    with _writing(f"--out {args.out}"):
        write.write_pages(files, out_dir)
    _report(corpus)
    claims = sum(len(b.claims) for b in corpus.briefs)
    print(f"quotebrief: wrote {', '.join(sorted(files))} to {args.out} ({claims} claims)", file=sys.stderr)
    return _exit_code(corpus, args)


def cmd_pdf(args) -> int:
    """The briefing book: selected briefs as one PDF (generator/render/pdf.py, WeasyPrint)."""
    from generator import write
    from generator.render import pdf

    _, corpus = _corpus(args)
    briefs = pdf.select_briefs(corpus, speaker=args.speaker, since=args.since, until=args.until)
    _report(corpus)
    if not briefs:
        print("quotebrief: no brief matches the filters; no PDF written", file=sys.stderr)
        return 1
    subtitle = f"What {pdf.speaker_name(briefs, args.speaker)} said" if args.speaker else ""
    data = pdf.book_pdf(briefs, corpus, title=args.title, paper=args.paper, subtitle=subtitle)
    with _writing(f"--out {args.out}"):
        write.write_bytes(Path(args.out), data)
    plural = "s" if len(briefs) != 1 else ""
    print(f"quotebrief: wrote {args.out} ({len(briefs)} brief{plural}, {len(data) // 1024} KiB)", file=sys.stderr)
    return _exit_code(corpus, args)


def cmd_review(args) -> int:
    """The review queue on the terminal: the same claims as the site's review/ page."""
    from generator.render.review import review_lines

    _, corpus = _corpus(args)
    lines = review_lines(corpus)
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    _report(corpus)
    claims = sum(len(b.claims) for b in corpus.briefs)
    print(f"quotebrief: {len(lines) - 1} of {claims} claims to review (lowest confidence first)", file=sys.stderr)
    return _exit_code(corpus, args)


def cmd_new(args) -> int:
    """A new briefing project in DIR (generator/scaffold.py)."""
    from generator import scaffold

    try:
        with _writing(args.dir):
            written = scaffold.create(Path(args.dir))
    except scaffold.ScaffoldError as e:
        raise CommandError(str(e)) from None
    for path in written:
        print(f"quotebrief: wrote {path}", file=sys.stderr)
    print(f"quotebrief: next: cd {args.dir} && mkdocs serve  (put your articles in articles/)", file=sys.stderr)
    return 0


def _date(value: str):
    from generator.render.pdf import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _exit_code(corpus, args) -> int:
    from generator.report import has_skipped

    if getattr(args, "strict", False) and (has_skipped(corpus) or not corpus.briefs):
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotebrief", description="Who said what: news articles to briefings.")
    p.add_argument("--version", action="version", version=f"quotebrief {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    docs = {name: doc for name, _default, doc in options_mod.docs()}

    def common(sp):
        sp.add_argument("--config", metavar="MKDOCS_YML",
                        help="take the options of the quotebrief plugin from this mkdocs.yml (flags win)")
        for flag, (name, kwargs) in OPTION_FLAGS.items():
            sp.add_argument(flag, help=docs[name].replace("%", "%%"), **kwargs)
        sp.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
        sp.add_argument("--strict", action="store_true", help=docs["strict"] + " Also: no article at all.")
        sp.add_argument("--stances", action="store_true", help=docs["stances"].replace("%", "%%"))
        sp.add_argument("--follow-links", action="store_true", help=docs["follow_links"].replace("%", "%%"))
        sp.add_argument("--quiet", action="store_true", help="no progress bar")

    ex = sub.add_parser("extract", help="print claims and speakers as JSON",
                        description="Extract claims and speakers from articles and print them as JSON "
                                    "(the data contract in the README).")
    ex.add_argument("paths", nargs="+", metavar="PATH",
                    help="article file or folder; - reads one article from standard input")
    ex.add_argument("--jsonl", action="store_true", help="one JSON object per article per line")
    common(ex)
    ex.set_defaults(func=cmd_extract)

    re_ = sub.add_parser("render", help="write the site's Markdown and SVG pages to a folder",
                         description="Render briefs to Markdown and SVG files on disk, with the site's "
                                     "stylesheets (assets/quotebrief/): a docs folder for a plain MkDocs "
                                     "or Zensical build without the plugin.")
    re_.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the articles option)")
    re_.add_argument("--out", required=True, help="output folder")
    re_.add_argument("--page-min-articles", type=int, metavar="N", help=docs["page_min_articles"])
    common(re_)
    re_.set_defaults(func=cmd_render)

    xp = sub.add_parser("export", help="write the claims, speakers and Voices figures as JSON Lines or CSV",
                        description="Write the data the site publishes under data/: claims.jsonl (--format "
                                    "jsonl), claims.csv, speakers.csv and voices.csv (--format csv); the "
                                    "columns are in the README (Data downloads).")
    xp.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the articles option)")
    xp.add_argument("--format", choices=["jsonl", "csv", "all"], default="all",
                    help="jsonl: claims.jsonl; csv: claims.csv, speakers.csv, voices.csv; all (default): both")
    xp.add_argument("--out", default="data", help="output folder (default: data)")
    common(xp)
    xp.set_defaults(func=cmd_export)

    pd = sub.add_parser("pdf", help="write the briefing book: the briefs as one PDF",
                        description="Lay out the selected briefs as one printable PDF: cover, contents, "
                                    "one brief per page break, index of speakers.")
    pd.add_argument("--out", default="briefing.pdf", help="PDF file to write (default: briefing.pdf)")
    pd.add_argument("--articles", nargs="+", metavar="PATH",
                    help="article files or folders to read (default: the articles option)")
    pd.add_argument("--speaker", metavar="NAME", help="only briefs where this speaker makes claims "
                                                      "(full name, surname or id)")
    pd.add_argument("--since", type=_date, metavar="DATE", help="only articles dated on or after DATE (YYYY-MM-DD)")
    pd.add_argument("--until", type=_date, metavar="DATE", help="only articles dated on or before DATE (YYYY-MM-DD)")
    pd.add_argument("--paper", choices=["a4", "letter"], default="a4", help="paper size (default: a4)")
    pd.add_argument("--title", default="Briefing book", help="title on the cover (default: Briefing book)")
    common(pd)
    pd.set_defaults(func=cmd_pdf)

    rv = sub.add_parser("review", help="print the review queue: every flagged claim, lowest confidence first",
                        description="Print every flagged claim (confidence below 0.5, not verified or "
                                    "reattributed in corrections.yml), lowest confidence first, as "
                                    "tab-separated lines: confidence, claim id, article, speaker, mention, "
                                    "words. The site's review/ page lists the same claims.")
    rv.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the articles option)")
    common(rv)
    rv.set_defaults(func=cmd_review)

    nw = sub.add_parser("new", help="start a briefing project in a folder",
                        description="Write a working briefing project into DIR (made when missing): "
                                    "mkdocs.yml with the plugin, docs/index.md, a sample article in "
                                    "articles/, speakers.yml, the GitHub Pages workflow. "
                                    "No existing file is overwritten.")
    nw.add_argument("dir", metavar="DIR", help="folder of the new project")
    nw.set_defaults(func=cmd_new)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (CommandError, SchedulerError, CorrectionsError) as e:
        print(f"quotebrief: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`quotebrief extract ... | head`): end quietly, as other tools do
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
