"""correct: an editor's corrections.yml applied to the extracted briefs, before linking.

load (read and check the file: one-line errors naming file and line) -> apply (reattribute,
drop, verify, fix kind or span, keyed by stable claim ids; stale entries reported).
"""

from generator.correct.apply import apply_corrections
from generator.correct.load import Correction, Corrections, CorrectionsError, load_corrections, parse_corrections

__all__ = ["Correction", "Corrections", "CorrectionsError", "apply_corrections", "load_corrections",
           "parse_corrections"]
