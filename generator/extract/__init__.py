"""extract: from a parsed article (spaCy Doc) to its Brief of claims and speakers. No I/O.

quotes (quote marks) -> cues (reported speech), direct (direct quotes) and headlines
-> claims (spans, kinds) -> speakers (who the article names) -> resolve (who a mention is).
"""

from generator.extract.claims import extract

EXTRACTOR_VERSION = "0.18"

__all__ = ["EXTRACTOR_VERSION", "extract"]
