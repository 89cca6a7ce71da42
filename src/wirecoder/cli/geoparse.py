"""`wirecoder geoparse FILE|-` and `wirecoder geoparse --jsonl IN.jsonl`: toponyms in, resolved places out.

With --jsonl each line is {"id", "text", "toponyms"?}. Given toponyms ([{start, end}, ...]) are resolved exactly,
one place per span in the order given, start and end echoed (how geoparsers are benchmarked); without them the
toponyms are found first. An unresolvable span comes back with lat/lon null; a bad line yields an error record
and the other lines go on.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import reprlib
import sys
from collections.abc import Iterator
from typing import Any

from ..article import Place
from ..errors import WirecoderError
from ..geo import Geoparser
from ..jsonl import dumps_line, parse_object


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("geoparse", help="find and resolve the places of a text",
                                   description=__doc__.split("\n\n", 1)[1] if __doc__ else None)
    parser.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input")
    parser.add_argument("--jsonl", action="store_true", help="read one JSON object {id, text, toponyms?} a line")
    parser.add_argument("--gazetteer", type=pathlib.Path, default=None, help="gazetteer file to use")
    parser.add_argument("--spacy-model", default=None, help="spaCy pipeline package for finding toponyms")
    parser.set_defaults(func=run)


def place_json(place: Place) -> dict[str, Any]:
    return {"start": place.span.start, "end": place.span.end, "text": place.span.text, "name": place.name,
            "geonameid": place.geonameid, "lat": place.lat, "lon": place.lon, "country": place.country,
            "admin1": place.admin1, "feature_class": place.feature_class, "feature_code": place.feature_code,
            "geo_precision": place.geo_precision, "within": None if place.within is None else {
                "start": place.within.start, "end": place.within.end, "text": place.within.text}}


class _Finder:
    """Finds toponyms with spaCy, loading the model only when a text without given toponyms arrives."""

    def __init__(self, geoparser: Geoparser, model: str | None):
        self.geoparser, self.model, self._nlp = geoparser, model, None

    def places(self, text: str, toponyms: list[tuple[int, int]] | None) -> list[Place]:
        if toponyms is not None:
            return self.geoparser.resolve_spans(text, toponyms)
        if self._nlp is None:
            from ..stages.nlp import DEFAULT_MODEL, load_spacy
            self._nlp = load_spacy(self.model or DEFAULT_MODEL)
        return self.geoparser.places_in_doc(self._nlp(text), text=text)


def _read_lines(path: str) -> Iterator[str | WirecoderError]:
    """The lines of a JSONL file or stdin, read in binary so that they split at "\\n" only (never at U+0085 or
    U+2028 inside a string), each decoded on its own: a bad line is that line's error and the others go on."""
    try:
        handle = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as err:
        raise WirecoderError("W007", f"cannot read {path}: {err.strerror}") from err
    with handle:
        for number, raw in enumerate(handle, 1):
            raw = raw.removesuffix(b"\n").removesuffix(b"\r")
            try:
                yield (raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw).decode("utf-8")
            except UnicodeDecodeError as err:
                yield WirecoderError("W002", f"line {number} is not valid UTF-8 (byte {err.start})")


def _toponyms(record: dict, text: str) -> list[tuple[int, int]] | None:
    given = record.get("toponyms")
    if given is None:
        return None
    if not isinstance(given, list):
        raise WirecoderError("W008", f"\"toponyms\" must be a list of {{\"start\": int, \"end\": int}}, not "
                                     f"{type(given).__name__}")
    spans = []
    for number, item in enumerate(given):
        start, end = (item.get("start"), item.get("end")) if isinstance(item, dict) else (None, None)
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= len(text)):
            raise WirecoderError("W008", f"toponym {number} ({reprlib.repr(item)}) is not "
                                         f"{{\"start\": int, \"end\": int}} within the text's {len(text)} characters "
                                         "(offsets count Unicode characters of \"text\" as given)")
        spans.append((start, end))
    return spans


def run(args: argparse.Namespace) -> int:
    finder = _Finder(Geoparser(gazetteer_path=args.gazetteer), args.spacy_model)
    if not args.jsonl:
        from ..ingest.single import read_single

        text = read_single(args.file).text
        if not text.strip():
            raise WirecoderError("W001", "the text is empty")
        print(json.dumps({"places": [place_json(p) for p in finder.places(text, None)]}, ensure_ascii=False))
        return 0
    failed = False
    for number, line in enumerate(_read_lines(args.file), 1):
        if isinstance(line, str) and not line.strip():
            continue
        ident = None
        try:
            if isinstance(line, WirecoderError):
                raise line
            record = parse_object(line, where=f"line {number}")
            ident = record.get("id")
            text = record.get("text")
            if not isinstance(text, str) or not text:
                raise WirecoderError("W006", f"line {number} has no \"text\"")
            places = finder.places(text, _toponyms(record, text))
            out = {"id": ident, "places": [place_json(p) for p in places]}
        except WirecoderError as err:
            failed = True
            out = {"id": ident, "error": err.to_dict(line=number)}
        print(dumps_line(out), flush=True)
    return 1 if failed else 0
