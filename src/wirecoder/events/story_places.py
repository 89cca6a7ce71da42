"""The story's place: where an event no sentence near it places most likely happened, short of its country.

An article about one incident names its place again and again; a sentence that tells the toll or the funeral often
names none. Read by stages/event_locations.py when the event's sentence and the sentences before it name no place:
the one place below the country the article names in the event's country, else a named province that holds all of
them, else the one of them the title names ("Zestafoni blockade: fines for detained workers"), each as the area
around it (ACLED's geo-precision 3). A name the event's sentence gives that the gazetteer lacks comes first (it may
be a village inside that area). The title's place was tried before the province and dropped (docs/incidents.md,
session 40); after it, it was kept (session 54).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..article import Article, EventMention, Place
from ..geo.countries import COUNTRY_CODES

AREA_PRECISION = 3  # ACLED's geo-precision of the area around a place


def in_title(article: Article, places: list[Place]) -> bool:
    """Whether the title names one of these places ("GWADAR, Feb 27 - ...", under "Court grants bail to Gwadar
    protesters"): the story is about that place."""
    title = (article.title or (article.headline.text if article.headline is not None else "")).casefold()
    return any(re.search(rf"\b{re.escape(n.casefold())}\b", title)
               for p in places for n in {p.name, p.span.text} - {""})


def _named_in(article: Article, country: Place | None) -> list[Place]:
    """The distinct placed places below the country the article names in ``country`` (any, when None), in order; a
    name the gazetteer lacks placed within another place the article names ("the Ankirihiry district", within
    Toamasina) counts as that place."""
    named = [p for p in article.places if p.lat is not None and p.feature_code not in COUNTRY_CODES
             and (country is None or p.country == country.country)]
    known = {n.casefold(): p for p in named if p.geonameid is not None for n in (p.name, p.span.text)}
    distinct: dict[tuple, Place] = {}
    parts: dict[tuple, Place] = {}  # names the gazetteer lacks inside a place named too
    for place in named:
        host = known.get(article.text[place.within.start:place.within.end].casefold(), place) \
            if place.geonameid is None and place.within is not None else place
        distinct.setdefault((host.name, place.country), host)
        if host is not place:
            parts.setdefault((place.name, place.country), place)
    # one such part stands for the place it lies in: the finer of the two ("Korogocho")
    if len(distinct) == 1 and len(parts) == 1:
        return list(parts.values())
    return list(distinct.values())


def _as_area(place: Place) -> Place:
    return replace(place, geo_precision=max(place.geo_precision, AREA_PRECISION))


def only_place(article: Article, country: Place | None) -> Place | None:
    """The one place below the country the article names in the event's country, wherever it names it ("teachers
    from Rajshahi city", "the Uasin Gishu police commander"), as the area around it; None when it names two or
    none."""
    named = _named_in(article, country)
    return _as_area(named[0]) if len(named) == 1 else None


def story_place(article: Article, country: Place | None) -> Place | None:
    """Of two or more places the article names in the event's country, a named province that holds all the others
    ("Omu-Aran", "Kwara"), else the one the title names, as the area around it; None otherwise."""
    if country is None:
        return None
    named = _named_in(article, country)
    holding = [area for area in named if area.feature_code == "ADM1" and area.admin1
               and all(p.admin1 == area.admin1 for p in named)]
    if holding:
        return _as_area(holding[0])
    titled = [p for p in named if in_title(article, [p])]
    return _as_area(titled[0]) if len(titled) == 1 else None


def unplaced_within(article: Article, mention: EventMention, country: Place | None) -> Place | None:
    """A name the sentence gives as a place ("near Bohong") that neither the gazetteer nor the text around it
    places, placed at the event's country as a name the gazetteer lacks (``within``: the words that named the
    country): reports that spell it alike may then be one incident. None when there is no such name or country."""
    if country is None or country.lat is None:
        return None
    unplaced = [p for p in article.places if p.lat is None and article.sentence_at(p.span.start) == mention.sentence]
    if not unplaced:
        return None
    name = unplaced[0]
    return Place(name.span, name.name, None, country.lat, country.lon, country.country, None, None, None, 3,
                 within=country.span)
