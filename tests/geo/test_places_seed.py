"""The seed article's places, through the real gazetteer (built at the default path if missing) and spaCy."""
import json
import math
import pathlib

import pytest

from wirecoder.article import Article, Sentence
from wirecoder.geo import Geoparser
from wirecoder.stages.places import PlacesStage

SEED = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seed"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.mark.skipif(not (SEED / "expected.json").is_file(), reason="../shared/seed is not beside the checkout")
def test_places_seed_article_places_resolve_and_persons_are_left_out(nlp):
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    article = Article(text=text, id="seed")
    article.doc = nlp(text)
    article.sentences = [Sentence(article.span(s.start_char, s.end_char), 0, i) for i, s in enumerate(article.doc.sents)]
    places = PlacesStage(geoparser=Geoparser())(article).places
    for want in expected["places"]:
        if "lat" in want:
            assert any(p.lat is not None and km(p.lat, p.lon, want["lat"], want["lon"]) <= want["max_km"]
                       for p in places), want["name"]
        else:
            assert any(p.country == want["country"] and p.feature_class == "A" for p in places), want["name"]
    assert not [p for p in places if p.span.text in expected["not_places"]]
    assert all(text[p.span.start:p.span.end] == p.span.text for p in places)
