"""The places stage: every toponym of the coded text, with its span and resolved location."""
from __future__ import annotations

from ..article import Article
from ..geo import Geoparser
from ..geo.outlet import outlet_country


class PlacesStage:
    name = "places"
    requires = ("doc", "sentences", "boilerplate", "text", "url")
    assigns = ("places",)

    def __init__(self, *, geoparser: Geoparser):
        self.geoparser = geoparser

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            article.places = []
            return article
        places = self.geoparser.places_in_doc(article.doc, text=article.text, outlet_country=outlet_country(article.url))
        blanked = [b.span for b in article.boilerplate]
        article.places = sorted((p for p in places if not any(p.span.overlaps(b) for b in blanked)),
                                key=lambda p: (p.span.start, p.span.end))
        return article
