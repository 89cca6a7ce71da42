"""The places stage: every toponym of the coded text, with its span and resolved location. The home countries of
the actors the text names by a form only one actor has ("the ELN") count as countries the article implies when its
toponyms are resolved ("San Pablo" in a story about the ELN is Colombia's, not the Philippines')."""
from __future__ import annotations

from ..actors.groups import GroupFinder
from ..article import Article
from ..geo import Geoparser
from ..geo.outlet import outlet_country


class PlacesStage:
    name = "places"
    requires = ("doc", "sentences", "boilerplate", "text", "url", "published")
    assigns = ("places",)

    def __init__(self, *, geoparser: Geoparser, groups: GroupFinder | None = None):
        self.geoparser = geoparser
        self.groups = groups

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            article.places = []
            return article
        implied = self.groups.home_countries(article.doc, day=article.published) if self.groups else frozenset()
        places = self.geoparser.places_in_doc(article.doc, text=article.text,
                                              outlet_country=outlet_country(article.url), implied=implied)
        blanked = [b.span for b in article.boilerplate]
        article.places = sorted((p for p in places if not any(p.span.overlaps(b) for b in blanked)),
                                key=lambda p: (p.span.start, p.span.end))
        return article
