"""quotebrief: who said what, from news articles to a briefing site."""

__version__ = "0.1.0"
