"""What the cross-article pages share, as render sees it: the Corpus's topics, claims, ranking and
colours (worked out once by link), and which speakers and topics get a page of their own."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from generator.model import Claim, Corpus, Topic
from generator.render import charts


class SiteData:
    """What the cross-article pages share: topics, each claim's topics, speakers ranked by claims,
    and which speakers and topics get a page of their own.

    A speaker heard in fewer than `page_min_articles` articles (or a topic named in fewer)
    gets no page: everything it would show is already in its one brief, so links go there
    instead. Most speakers and topics of a news corpus appear in one article only, so this
    keeps a large site's page count, build time and search index in proportion.
    """

    def __init__(self, corpus: Corpus, page_min_articles: int = 2, draw: charts.Drawer | None = None):
        self.corpus = corpus
        self.page_min_articles = page_min_articles
        self.draw = draw or charts.Drawer()
        self.topics = corpus.topics
        self.topics_of: dict[int, list[Topic]] = defaultdict(list)
        for topic in self.topics.values():
            for _, claim in topic.claims:
                self.topics_of[id(claim)].append(topic)
        self.claims = corpus.claims_of
        # what the charts count: flagged claims (low confidence, not checked by an editor) are left out
        self.charted = {sid: [bc for bc in bcs if not bc[1].flagged] for sid, bcs in self.claims.items()}
        self.flagged = sum(1 for b in corpus.briefs for c in b.claims if c.flagged)
        self.local: dict[str, list] = defaultdict(list)  # speaker id -> that speaker in each brief
        for brief in corpus.briefs:
            for speaker in brief.speakers:
                self.local[speaker.id].append(speaker)
        self.speakers = [corpus.speakers[sid] for sid in corpus.ranking]
        self.first_brief: dict[str, str] = {}  # speaker or topic id -> the article id its links fall back to
        self.paged_speakers: set[str] = set()
        for speaker in self.speakers:
            articles = list(dict.fromkeys(b.article.id for b, _ in self.claims[speaker.id]))
            self.first_brief[speaker.id] = articles[0]
            if len(articles) >= page_min_articles:
                self.paged_speakers.add(speaker.id)
        self.paged_topics: set[str] = set()
        self.topic_brief: dict[str, str] = {}
        for topic in self.topics.values():
            articles = list(dict.fromkeys(b.article.id for b, _ in topic.claims))
            self.topic_brief[topic.id] = articles[0]
            if len(articles) >= page_min_articles:
                self.paged_topics.add(topic.id)
        self.colours = corpus.colours  # worked out by link (link/colours.py)
        self.digests: dict[int, str] = {}  # id(brief) -> its hash, for the keys of pages made from it

    def colour(self, sid: str | None) -> str:
        return self.colours.get(sid) or charts.speaker_colour(sid)

    def claim_topics(self, claim: Claim) -> list[Topic]:
        return self.topics_of.get(id(claim), [])

    def speaker_href(self, sid: str, up: str = "../") -> Markup:
        """Link target for a speaker: their page, else their section of their one brief."""
        if sid in self.paged_speakers:
            return Markup(f"{up}speakers/{sid}.md")
        return Markup(f"{up}briefs/{self.first_brief[sid]}.md#{sid}")

    def topic_href(self, tid: str, up: str = "../") -> Markup:
        """Link target for a topic: its page, else the one brief that names it."""
        if tid in self.paged_topics:
            return Markup(f"{up}topics/{tid}.md")
        return Markup(f"{up}briefs/{self.topic_brief[tid]}.md")
