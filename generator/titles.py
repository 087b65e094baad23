"""Forms of address and titles, and what an acronym looks like: the words extraction and linking
share, defined once, below both (generator/extract/lexicon.py and generator/link/names.py use them)."""

from __future__ import annotations

# Forms of address, never part of a name ("Mr Blair" is Blair); the one list for extraction and linking.
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "prof", "prof.",
              "rev", "rev."}
# Titles a peer is named by ("Lord Falconer"): kept in the name as written, skipped when names are compared.
NOBLE_TITLES = {"lord", "lady", "baroness", "baron"}


def is_acronym(name: str) -> bool:
    """"US", "U.S.", "UN": capitals (and dots) only."""
    bare = name.replace(".", "").strip()
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()
