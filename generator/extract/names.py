"""Given names that, in English-language news, almost always belong to one gender: the weakest
evidence of whether "he" or "she" can mean someone, used only when the article itself says
nothing (no title, no gendered word, no pronoun of their own). Names given to both (Alex, Chris,
Jean, Kim, Leslie, Robin, Sam, Terry, ...) are left out."""

from __future__ import annotations

FEMALE = frozenset("""
alice alison amanda amy andrea angela ann anna anne barbara beatrice betty brenda carol caroline
catherine charlotte christine claire deborah diana diane donna dorothy elizabeth ellen emily emma
fiona frances gillian hannah harriet heather helen hilary irene jacqueline jane janet jennifer
jessica joan joanna judith julia julie karen katherine kathleen laura linda lisa louise lucy
margaret maria marie mary melanie michelle monica nancy natalie nicola olivia patricia paula
pauline rachel rebecca ruth sally sandra sarah sharon sheila sophie susan teresa tessa valerie
victoria wendy yvonne angela condoleezza hillary madeleine theresa nicole kate
""".split())

MALE = frozenset("""
adam alan albert alexander andrew anthony arthur barry ben benjamin bernard bill brian bruce
charles christopher colin craig daniel david dennis derek donald douglas duncan edward eric
frank fred frederick gary geoffrey george gerald gordon graham gregory harold harry henry ian
jack james jason jeffrey jeremy jim john jonathan joseph keith kenneth kevin lawrence malcolm
mark martin matthew michael neil nicholas nigel norman patrick paul peter philip raymond
richard robert roger ronald roy russell simon stephen steven stuart thomas timothy tom tony
trevor victor walter william tim steve mike rob dave bob gerhard jacques vladimir silvio
""".split())


def given_name_gender(name: str) -> str | None:
    """'m', 'f' or None for a full name ('Nancy Rothwell' -> 'f'); a single name says nothing."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    first = words[0].lower().strip(".")
    return "f" if first in FEMALE else "m" if first in MALE else None
