"""read -> parse -> extract -> link, with a cache so unchanged articles are never parsed again."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from generator import extract as extract_mod
from generator import link, parse, write
from generator.config import Config
from generator.model import Article, Brief, Corpus
from generator.read import read_paths


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """The extractor's version plus a hash of its source, so an edited extractor never reuses stale briefs."""
    h = hashlib.sha256(extract_mod.EXTRACTOR_VERSION.encode("utf-8"))
    for module in (extract_mod,):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:16]


def cache_key(article: Article, model_name: str) -> str:
    """Hash of what an extraction depends on: the article, the model, the extractor."""
    h = hashlib.sha256()
    h.update(json.dumps(article.to_dict(), sort_keys=True).encode("utf-8"))
    h.update(model_name.encode("utf-8"))
    h.update(extractor_fingerprint().encode("utf-8"))
    return h.hexdigest()


def load_cached(cache_dir: Path | None, key: str) -> Brief | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.json"
    try:
        data = json.loads(path.read_text("utf-8"))
        return Brief.from_dict(data)
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        write.remove(path)  # corrupt entry: discard, extract again
        return None


def extract_articles(articles: list[Article], model: str | None = None,
                     cache_dir: Path | None = None) -> Iterable[Brief]:
    """Briefs in article order; only articles missing from the cache go through spaCy."""
    nlp = parse.load_nlp(model)
    name = parse.model_id(nlp)
    keys = [cache_key(a, name) for a in articles]
    cached = [load_cached(cache_dir, k) for k in keys]
    todo = [a for a, c in zip(articles, cached) if c is None]
    fresh = iter(zip(todo, parse.parse((a.text for a in todo), model)))
    for article, key, brief in zip(articles, keys, cached):
        if brief is None:
            _, doc = next(fresh)
            brief = extract_mod.extract(doc, article)
            if cache_dir is not None:
                write.write_text(cache_dir / f"{key}.json", json.dumps(brief.to_dict()))
        yield brief


def build_corpus(config: Config, paths: list[str | Path] | None = None) -> Corpus:
    """Everything render needs, from the configured articles folder (or `paths`)."""
    result = read_paths(paths or [config.path(config.articles)])
    cache_dir = config.path(config.cache_dir) if config.cache_dir else None
    briefs = list(extract_articles(result.articles, config.spacy_model, cache_dir))
    corpus = link.link(briefs)
    corpus.problems = result.problems
    corpus.files_read = len(result.files)
    return corpus
