"""Parties and papers under their everyday names: the one table the extractor ("The party says",
"a Tory spokesman", "the FT") and the linker ("Tories" and "Conservative Party" are one body) read.
Its own module, so the linker (and what renders) reads it without importing the extractor."""

PARTY_NAMES = {
    "Conservative Party": ("Conservatives", "Conservative", "Tories", "Tory", "Tory Party"),
    "Labour Party": ("Labour",),
    "Liberal Democrats": ("Lib Dems", "Lib Dem", "Liberal Democrat", "Liberal Democrat Party", "LibDems"),
    "Scottish National Party": ("SNP", "Scottish Nationalists"),
    "UK Independence Party": ("UKIP", "Ukip"),
    "Plaid Cymru": (),
    "Green Party": ("Greens", "Green"),
    "Republican Party": ("Republicans", "Republican", "GOP"),
    "Democratic Party": ("Democrats", "Democrat", "Democratic"),
}
PRESS_NAMES = {"Financial Times": ("FT",), "Wall Street Journal": ("WSJ",), "New York Times": ("NYT",)}
