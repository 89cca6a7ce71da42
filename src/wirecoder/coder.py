"""The Coder: article text in, ``wirecoder.document/1`` records out.

A Coder loads its models once (spaCy, the gazetteer, the language detector) and then codes any number
of articles. Input is validated here, at the boundary; the stages can assume a non-empty ``str``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pathlib
import re
from collections.abc import Iterable, Iterator
from itertools import islice

import dateparser
import spacy

from .version import __version__
from .article import Article
from .days import numeric_day
from .errors import WirecoderError
from .geo import Geoparser
from .geo.geoparser import organisation_names_of
from .taxonomy.actor_lexicon import load_actor_lexicon
from .geo.countries import CountryNames
from .language import LanguageIdentifier
from .pipeline import Pipeline
from .record import SCHEMA, document_record, error_record
from .settings import DEFAULT_MAX_CHARS
from .stages.actors import ActorsStage
from .stages.claims import ClaimsStage
from .stages.clean import CleanStage
from .stages.counts import CountsStage
from .stages.dates import DatesStage
from .stages.event_actors import EventActorsStage
from .stages.event_dates import EventDatesStage
from .stages.event_detection import EventDetectionStage
from .stages.event_locations import EventLocationsStage
from .stages.event_merge import EventMergeStage
from .stages.victim_standing import VictimStandingStage
from .stages.event_reports import EventReportsStage
from .stages.event_tolls import EventTollsStage
from .stages.events import EventsStage
from .stages.framing import FramingStage
from .stages.crowd_outcome import CrowdOutcomeStage
from .stages.interventions import InterventionsStage
from .stages.mentions import MentionsStage
from .stages.prior_acts import PriorActsStage
from .stages.nlp import DEFAULT_MODEL, NlpStage, load_spacy
from .stages.places import PlacesStage
from .actors.groups import GroupFinder
from .stages.quotes import QuotesStage
from .stages.referenced_events import ReferencedEventsStage
from .stages.responsibility import ResponsibilityStage
from .stages.sourcing_warning import SourcingWarningStage


_SURROGATES = re.compile("[\ud800-\udfff]")
MAX_DATE_CHARS = 64  # "Wednesday, 23 November 2016 10:00:00 Eastern Standard Time" is 57


def parse_published(value) -> dt.date | None:
    """A publication date given as a date, a datetime or an ISO 'YYYY-MM-DD[...]' string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        numeric = numeric_day(value, what="published")  # 25/06/2020 is read; 05/06/2020 is refused, not guessed
        if numeric is not None:
            return numeric
        # feeds and exports write dates every way ("Dec 17, 2016 3:58 PM ET", "Wed, 23 Nov 2016 10:00:00 GMT");
        # any of them is fine as long as it names a day, a month and a year (and is short: dateparser takes
        # seconds over a long string, and no date is long)
        parsed = None
        if len(value) <= MAX_DATE_CHARS:
            parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed is not None:
            return parsed.date()
    raise WirecoderError("W008", f"published must be a date with day, month and year (best 'YYYY-MM-DD'), "
                                 f"not {value!r}")


def document_id(text: str) -> str:
    return "doc-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


class Coder:
    """Codes conflict news into events. Build one per process; it is not cheap to build, cheap to call."""

    def __init__(self, *, spacy_model: str = DEFAULT_MODEL, gazetteer: str | pathlib.Path | None = None,
                 typing_model: str | pathlib.Path | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                 batch_size: int = 16, today: dt.date | None = None):
        self.spacy_model = spacy_model
        self.max_chars = max_chars
        self.batch_size = batch_size
        self._nlp = load_spacy(spacy_model)
        countries = CountryNames()
        self._actor_lexicon = load_actor_lexicon()
        self.geoparser = Geoparser(gazetteer_path=pathlib.Path(gazetteer) if gazetteer else None,
                                   organisation_names=organisation_names_of(self._actor_lexicon))
        self.pipeline = Pipeline(self._stages(countries, typing_model, today))

    def _stages(self, countries: CountryNames, typing_model, today) -> list:
        detection = EventDetectionStage(model_path=typing_model)
        return [
            CleanStage(identifier=LanguageIdentifier()),
            NlpStage(nlp=self._nlp, batch_size=self.batch_size),
            PlacesStage(geoparser=self.geoparser, groups=GroupFinder(self._actor_lexicon, countries)),
            ActorsStage(countries=countries, lexicon=self._actor_lexicon),
            MentionsStage(),
            detection,
            DatesStage(today=today),
            ReferencedEventsStage(),
            PriorActsStage(model=detection.model),
            CountsStage(),
            QuotesStage(),
            FramingStage(),
            EventReportsStage(),
            EventDatesStage(),
            EventActorsStage(countries=countries),
            EventLocationsStage(countries=countries),
            EventTollsStage(),
            EventsStage(countries=countries),
            EventMergeStage(countries=countries),
            VictimStandingStage(countries=countries),
            ResponsibilityStage(),
            CrowdOutcomeStage(countries=countries),
            InterventionsStage(),
            ClaimsStage(),
            SourcingWarningStage(),
        ]

    # -- input ------------------------------------------------------------------------------------
    def article(self, text, *, published=None, title: str | None = None, url: str | None = None,
                source: str | None = None, id: str | None = None) -> Article:
        """Validate one input and wrap it as an Article (raises WirecoderError for bad input)."""
        if isinstance(text, (bytes, bytearray)):
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError as err:
                raise WirecoderError("W002", f"the input is not valid UTF-8 (byte {err.start})") from err
        if not isinstance(text, str):
            raise WirecoderError("W008", f"text must be a string, not {type(text).__name__}")
        if not text.strip():
            raise WirecoderError("W001")
        if len(text) > self.max_chars:
            raise WirecoderError("W003", f"the text has {len(text):,} characters, more than the limit of "
                                         f"{self.max_chars:,}")
        for name, value in (("title", title), ("url", url), ("source", source), ("id", id)):
            if value is not None and not isinstance(value, str):
                raise WirecoderError("W008", f"{name} must be a string, not {type(value).__name__}")
        date = parse_published(published)
        given_id = id or document_id(text)
        # a str may hold lone surrogates (a JSON "\ud800" escape): no encoder takes them, so each becomes U+FFFD,
        # one character for one, and every offset still indexes the text as given
        replaced = sum(len(_SURROGATES.findall(v)) for v in (text, title, url, source, id) if v)
        text, title, url, source, given_id = (_SURROGATES.sub("\ufffd", v) if v else v
                                              for v in (text, title, url, source, given_id))
        article = Article(text=text, id=given_id, title=title, url=url, source=source, published=date,
                          published_from="given" if date else None)
        if replaced:
            article.warn("W105", f"{replaced} lone surrogate code point(s) were replaced by U+FFFD")
        return article

    # -- coding -----------------------------------------------------------------------------------
    def code(self, text, *, published=None, title: str | None = None, url: str | None = None,
             source: str | None = None, id: str | None = None) -> dict:
        """Code one article into a document record; bad input raises WirecoderError."""
        article = self.pipeline(self.article(text, published=published, title=title, url=url, source=source, id=id))
        return self.record(article)

    def code_many(self, items: Iterable[dict], *, first_line: int = 1) -> Iterator[dict]:
        """Code a stream of ``{id, text, published?, title?, url?, source?}``: one record per item, in order.

        An item that cannot be coded yields ``{id, error: {code, message, line}}`` and the rest go on.
        Items may also be WirecoderError instances (a reader's failure), passed through as error records.
        """
        iterator = iter(items)
        line = first_line
        while True:
            chunk = list(islice(iterator, self.batch_size))
            if not chunk:
                return
            articles, lines, ids = [], [], []
            for item in chunk:
                articles.append(self._prepare(item, line))
                ids.append(self._given_id(item))
                lines.append(line)
                line += 1
            for article, item_line, given_id in zip(self.pipeline.pipe(a for a in articles), lines, ids):
                if article.error is not None:
                    yield self._error(given_id, article.error, item_line)
                else:
                    yield self.record(article)

    @staticmethod
    def _given_id(item) -> str | None:
        record_id = item.get("id") if isinstance(item, dict) else None
        return str(record_id) if record_id is not None else None

    def _prepare(self, item, line: int) -> Article:
        record_id = self._given_id(item)
        try:
            if isinstance(item, WirecoderError):
                raise item
            if not isinstance(item, dict):
                raise WirecoderError("W005", f"line {line} is not a JSON object")
            text = item.get("text")
            if text is not None and not isinstance(text, str):
                raise WirecoderError("W008", f"text must be a string, not {type(text).__name__}")
            if text is None or not text.strip():
                raise WirecoderError("W006", "the record has no text" if not text else "the record's text is blank")
            return self.article(item["text"], published=item.get("published"), title=item.get("title"),
                                url=item.get("url"), source=item.get("source"), id=record_id)
        except WirecoderError as err:
            return Article(text="", id=record_id or f"line-{line}", error=err)

    @staticmethod
    def _error(record_id: str | None, err: Exception, line: int) -> dict:
        if not isinstance(err, WirecoderError):
            err = WirecoderError("W099", f"{type(err).__name__}: {err}")
        return error_record(record_id, err.code, err.message, line)

    def record(self, article: Article) -> dict:
        return document_record(article)

    def info(self) -> dict:
        return {"version": __version__, "schema": SCHEMA, "spacy_model": self.spacy_model,
                "spacy_model_version": self._nlp.meta.get("version"), "spacy_version": spacy.__version__,
                "spacy_components": list(self._nlp.pipe_names), "stages": self.pipeline.describe(),
                "gazetteer": str(self.geoparser.gazetteer.path)}
