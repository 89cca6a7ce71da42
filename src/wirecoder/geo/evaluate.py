"""Measuring toponym resolution on the public geoparsing corpora (GeoVirus, TR-News) with gold spans given.

The corpora are external input, read by path and never copied. Their offsets are not all exact (GeoVirus is
sometimes off by one, TR-News sometimes shifted), so each gold span is checked against its written name and
moved to the nearest place where the name stands when they disagree.

Each corpus is split by article into a dev part (rules are tuned on it) and a test part (the gates read it):
an article is dev when the SHA-256 of its key (TR-News' docid; GeoVirus, which has no ids, by its source URL)
is even, test when it is odd (:func:`split_of`).
"""
from __future__ import annotations

import hashlib
import pathlib
import statistics
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import WirecoderError
from .geoparser import Geoparser
from .outlet import outlet_country
from .points import distance_km
from .store import NameKind
from .toponym_kinds import KINDS, toponym_kind

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
    docid: str | None = None  # the corpus's own article id (TR-News), if it has one


SPLITS = ("dev", "test")


def split_of(article: GoldArticle) -> str:
    """The part an article belongs to: "dev" (tune on it) or "test" (gates read it), fixed by a hash of its key."""
    key = article.docid or article.url or article.id
    return "dev" if int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def select_split(articles: list[GoldArticle], split: str | None) -> list[GoldArticle]:
    """The articles of one part ("dev", "test"), or all of them (None or "all")."""
    if split in (None, "all"):
        return list(articles)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: dev, test or all")
    return [a for a in articles if split_of(a) == split]


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
    accuracy_161_or_id: float | None = None  # within 161 km, or the gold's very GeoNames id (where it has ids)

    def row(self) -> str:
        exact = f"{self.exact_id:.3f}" if self.exact_id is not None else "  n/a"
        either = f"{self.accuracy_161_or_id:.3f}" if self.accuracy_161_or_id is not None else "  n/a"
        return (f"{self.corpus:<22} {self.n:>5} {self.accuracy_161:>7.3f} {exact:>8} {either:>8} "
                f"{self.mean_km:>8.0f} {self.median_km:>7.1f} {self.candidate_recall:>8.3f} {self.unresolved:>5} "
                f"{self.candidate_recall_161:>8.3f}")

    @staticmethod
    def header() -> str:
        return (f"{'corpus':<22} {'N':>5} {'acc@161':>7} {'exact-id':>8} {'161|id':>8} {'mean km':>8} {'med km':>7} "
                f"{'cand-rec':>8} {'unres':>5} {'cand-161':>8}")


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
        articles.append(GoldArticle(ident, text, tuple(t for t in toponyms if t is not None), url,
                                    docid=art.get("docid")))
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


@dataclass(frozen=True)
class Outcome:
    """How one gold toponym came out."""

    error_km: float  # MAX_ERROR_KM when unresolved
    id_match: bool | None  # None where the gold has no GeoNames id
    recalled: bool
    recalled_161: bool
    unresolved: bool
    kind: str | None = None  # literal, modifier or metonym (toponym_kinds), when asked for


def outcomes(geoparser: Geoparser, articles: list[GoldArticle], *, nlp=None) -> list[Outcome]:
    """Resolve every gold span; with a spaCy pipeline, also say which way each toponym is used."""
    out = []
    docs = nlp.pipe(a.text for a in articles) if nlp is not None else (None for _ in articles)
    for (art, places), doc in zip(resolved(geoparser, articles), docs):
        for gold, place in zip(art.toponyms, places):
            error = MAX_ERROR_KM if place.lat is None else distance_km(gold.lat, gold.lon, place.lat, place.lon)
            cands = geoparser.candidates(gold.name)
            strict = any(c.lat is not None and distance_km(gold.lat, gold.lon, c.lat, c.lon) <= ACCURACY_KM
                         or (gold.geonameid is not None and c.geonameid == gold.geonameid) for c in cands)
            kind = None if doc is None else toponym_kind(
                doc, gold.start, gold.end, nationality_word=lambda w: _nationality_word(geoparser, w))
            out.append(Outcome(error_km=error,
                               id_match=None if gold.geonameid is None else place.geonameid == gold.geonameid,
                               recalled=strict or _same_area(geoparser, gold, cands), recalled_161=strict,
                               unresolved=place.lat is None, kind=kind))
    return out


def score(results: list[Outcome], *, corpus: str) -> Scores:
    n = len(results)
    if not n:
        raise WirecoderError("W050", f"{corpus}: no gold toponyms to score")
    errors = [r.error_km for r in results]
    with_ids = [r for r in results if r.id_match is not None]
    return Scores(corpus=corpus, n=n, with_ids=len(with_ids),
                  exact_id=sum(r.id_match for r in with_ids) / len(with_ids) if with_ids else None,
                  accuracy_161=sum(e <= ACCURACY_KM for e in errors) / n, mean_km=statistics.fmean(errors),
                  median_km=statistics.median(errors), candidate_recall=sum(r.recalled for r in results) / n,
                  unresolved=sum(r.unresolved for r in results),
                  candidate_recall_161=sum(r.recalled_161 for r in results) / n,
                  accuracy_161_or_id=(sum(bool(r.id_match) or r.error_km <= ACCURACY_KM for r in with_ids)
                                      / len(with_ids)) if with_ids else None)


def evaluate(geoparser: Geoparser, articles: list[GoldArticle], *, corpus: str) -> Scores:
    return score(outcomes(geoparser, articles), corpus=corpus)


def scores_by_kind(results: list[Outcome], *, corpus: str) -> list[Scores]:
    """One row per toponym kind that occurs (literal, modifier, metonym)."""
    return [score(rows, corpus=f"{corpus}:{kind}") for kind in KINDS
            if (rows := [r for r in results if r.kind == kind])]


def _nationality_word(geoparser: Geoparser, text: str) -> bool:
    entries = geoparser.gazetteer.lookup(text.strip())
    return bool(entries) and all(e.kind == NameKind.DEMONYM for e in entries)


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
