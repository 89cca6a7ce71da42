"""Measuring toponym resolution on the public geoparsing corpora (GeoVirus, TR-News) with gold spans given.

The corpora are external input, read by path and never copied. Their offsets are not all exact (GeoVirus is
sometimes off by one, TR-News sometimes shifted), so each gold span is checked against its written name and
moved to the nearest place where the name stands when they disagree.
"""
from __future__ import annotations

import pathlib
import statistics
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import WirecoderError
from .geoparser import Geoparser
from .outlet import outlet_country
from .resolve import distance_km

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20_039.0  # half the Earth's circumference: the error charged for a toponym left unresolved


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None
    page: str | None = None  # the Wikipedia title GeoVirus links the toponym to


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    url: str | None = None


@dataclass(frozen=True)
class Scores:
    corpus: str
    n: int
    with_ids: int
    exact_id: float | None
    accuracy_161: float
    mean_km: float
    median_km: float
    candidate_recall: float  # the right place is among the candidates: the gold id, within 161 km, or the very
    # area the gold links to under another point convention
    unresolved: int
    candidate_recall_161: float  # stricter: a candidate within 161 km of the gold point or with its id

    def row(self) -> str:
        exact = f"{self.exact_id:.3f}" if self.exact_id is not None else "  n/a"
        return (f"{self.corpus:<12} {self.n:>5} {exact:>8} {self.accuracy_161:>7.3f} {self.mean_km:>8.0f} "
                f"{self.median_km:>7.1f} {self.candidate_recall:>8.3f} {self.unresolved:>5} "
                f"{self.candidate_recall_161:>8.3f}")

    @staticmethod
    def header() -> str:
        return f"{'corpus':<12} {'N':>5} {'exact-id':>8} {'acc@161':>7} {'mean km':>8} {'med km':>7} {'cand-rec':>8} {'unres':>5} {'cand-161':>8}"


def read_corpus(path: pathlib.Path) -> list[GoldArticle]:
    """Read GeoVirus or TR-News XML (told apart by their element names)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise WirecoderError("W050", f"cannot read {path}: {err}") from err
    articles = []
    for index, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        ident = art.get("docid") or f"{path.stem}-{index}"
        toponyms = tuple(_gold(text, el) for el in (*art.iter("location"), *art.iter("toponym")))
        url = (art.findtext("url") or art.findtext("source") or "").strip() or None
        articles.append(GoldArticle(ident, text, tuple(t for t in toponyms if t is not None), url))
    if not articles:
        raise WirecoderError("W050", f"{path} holds no <article> elements")
    return articles


def _gold(text: str, el: ET.Element) -> GoldToponym | None:
    name = (el.findtext("name") if el.tag == "location" else el.findtext("phrase")) or ""
    gaz = el.find("gaztag")
    source = gaz if gaz is not None else el
    lat, lon = source.findtext("lat"), source.findtext("lon")
    if not lat or not lon or not name.strip():
        return None
    start, end = int(el.findtext("start")), int(el.findtext("end"))
    start, end = align_span(text, start, end, name.strip())
    gid = gaz.get("geonameid") if gaz is not None else None
    page = el.findtext("page")
    title = urllib.parse.unquote(page.rsplit("/", 1)[-1]).replace("_", " ") if page else None
    return GoldToponym(start, end, text[start:end], float(lat), float(lon), int(gid) if gid else None, title)


def align_span(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The gold span if it holds the name, else the occurrence of the name nearest to it."""
    if text[start:end] == name:
        return start, end
    hits = []
    pos = text.find(name)
    while pos != -1:
        hits.append(pos)
        pos = text.find(name, pos + 1)
    if not hits:
        return start, end
    best = min(hits, key=lambda p: abs(p - start))
    return best, best + len(name)


def evaluate(geoparser: Geoparser, articles: list[GoldArticle], *, corpus: str) -> Scores:
    errors, id_hits, with_ids, recalled, recalled_161, unresolved = [], 0, 0, 0, 0, 0
    for art, places in resolved(geoparser, articles):
        for gold, place in zip(art.toponyms, places):
            if place.lat is None:
                unresolved += 1
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(distance_km(gold.lat, gold.lon, place.lat, place.lon))
            if gold.geonameid is not None:
                with_ids += 1
                id_hits += place.geonameid == gold.geonameid
            cands = geoparser.candidates(gold.name)
            strict = any(c.lat is not None and distance_km(gold.lat, gold.lon, c.lat, c.lon) <= ACCURACY_KM
                         or (gold.geonameid is not None and c.geonameid == gold.geonameid) for c in cands)
            recalled_161 += strict
            recalled += strict or _same_area(geoparser, gold, cands)
    n = len(errors)
    return Scores(corpus=corpus, n=n, with_ids=with_ids, exact_id=id_hits / with_ids if with_ids else None,
                  accuracy_161=sum(e <= ACCURACY_KM for e in errors) / n, mean_km=statistics.fmean(errors),
                  median_km=statistics.median(errors), candidate_recall=recalled / n, unresolved=unresolved,
                  candidate_recall_161=recalled_161 / n)


AREA_CLASSES = ("A", "L", "T", "H")  # countries, areas, regions, features: points by convention, not by address


def _same_area(geoparser: Geoparser, gold: GoldToponym, cands) -> bool:
    """A candidate that is the very country, area, region or feature the gold links to, placed under another
    point convention (GeoVirus puts countries at their Wikipedia point, which can lie hundreds of km from
    GeoNames'): the gazetteer knows the gold's page title as a name of that very candidate."""
    if gold.page is None:
        return False
    title = gold.page.split(" (", 1)[0].strip()  # "Georgia (country)" -> "Georgia"
    linked = {e.place_id for e in geoparser.gazetteer.lookup(title) if e.feature_class in AREA_CLASSES}
    return any(c.place_id in linked for c in cands)


def resolved(geoparser: Geoparser, articles: list[GoldArticle]) -> Iterator[tuple[GoldArticle, list]]:
    for art in articles:
        spans = [(t.start, t.end) for t in art.toponyms]
        yield art, geoparser.resolve_spans(art.text, spans, outlet_country=outlet_country(art.url))
