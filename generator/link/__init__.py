"""link: briefs of many articles into one Corpus; the same person or body gets one id everywhere.

names (name variants, acronyms, groups) -> overrides (the editor's speakers.yml) -> corpus (link)
-> topics (who and what the claims are about) -> colours. The Corpus it returns carries all of
it, so render only draws.
"""

from generator.link.corpus import claims_by_speaker, describe, link
from generator.link.overrides import Overrides, load_overrides, parse_overrides

__all__ = ["Overrides", "claims_by_speaker", "describe", "link", "load_overrides", "parse_overrides"]
