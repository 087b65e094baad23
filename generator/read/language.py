"""Tell English articles from others with a stop-word count, no model needed.

spaCy's English pipeline turns French or German text into nonsense claims, so
an article that is clearly not English is reported and left out of extraction.
Short texts (too few words to judge) are taken as English.
"""

from __future__ import annotations

import re

MIN_WORDS = 30
ENGLISH_MIN_RATIO = 0.12  # English news prose runs at 0.35-0.5 stop words per word
UNKNOWN_MAX_RATIO = 0.05  # below this, no English at all, whatever the language is
SAMPLE_CHARS = 20_000

STOP_WORDS = {
    "English": "the of and to a in is that for it was on with as he she said by at be this are from "
               "have has had not but they we his her their an or which will would were been who its "
               "more after said says about there than when also",
    "French": "le la les de des du un une et est que qui dans pour sur au aux il elle ne pas plus par "
              "avec ce cette sont ont été se son sa ses nous vous leur mais ou où",
    "German": "der die das und ist nicht ein eine zu den dem des mit sich auf für von im auch es sie "
              "er wir ich wird sind war hat haben werden dass aber oder nach bei",
    "Spanish": "el la los las de del y que en un una es por con para se no su sus al lo como más pero "
               "fue ha son este esta entre cuando también muy sin sobre",
    "Italian": "il lo la gli le di del della dei delle un una e che è per con non si sono ha nel nella "
               "al alla anche come più ma questo questa",
    "Portuguese": "o a os as de do da dos das um uma e que em no na não por para com se é foi ao mais "
                  "seu sua mas como também",
    "Dutch": "de het een en van in is dat op te zijn met voor niet aan er maar ook als bij door om "
             "werd wordt naar",
}
_SETS = {lang: set(words.split()) for lang, words in STOP_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_BEYOND_LATIN = re.compile(r"[^\u0000-\u024f]")  # characters past Latin Extended-B


def guess_language(text: str) -> tuple[str, float]:
    """(language name, share of its stop words) for the language whose stop words fit best."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return "unknown", 0.0
    best, ratio = "unknown", 0.0
    for lang, stop in _SETS.items():
        share = sum(1 for w in words if w in stop) / len(words)
        if share > ratio:
            best, ratio = lang, share
    return best, ratio


def not_english(text: str) -> str | None:
    """None for English (or too short to tell); else a reason naming the likely language.

    Not English: mostly non-Latin letters; or another language's stop words fit
    better than English ones; or hardly any English stop words at all. A low
    English share alone (a table of sports results) gets the benefit of the doubt.
    """
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))  # counted in C: this runs on every article of every build
    if letters >= 40:
        foreign = sum(map(str.isalpha, _BEYOND_LATIN.findall(sample)))
        if foreign / letters > 0.5:
            return f"not in English (written in a non-Latin script, {foreign / letters:.0%} of letters); not analysed"
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    english = sum(map(_SETS["English"].__contains__, map(str.lower, words))) / len(words)
    if english >= ENGLISH_MIN_RATIO:
        return None
    lang, ratio = guess_language(sample)
    if lang != "English" and ratio >= ENGLISH_MIN_RATIO:
        return f"not in English (it looks like {lang}; {english:.0%} English stop words); not analysed"
    if english < UNKNOWN_MAX_RATIO:
        return f"not in English (the language could not be told; {english:.0%} English stop words); not analysed"
    return None
