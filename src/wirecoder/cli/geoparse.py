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
import sys
from typing import Any

from ..article import Place
from ..errors import WirecoderError
from ..geo import Geoparser


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


def _read(path: str) -> str:
    try:
        return sys.stdin.read() if path == "-" else pathlib.Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise WirecoderError("W002", f"{path} is not valid UTF-8 ({err})") from err
    except OSError as err:
        raise WirecoderError("W007", f"cannot read {path}: {err}") from err


def _toponyms(record: dict, text: str) -> list[tuple[int, int]] | None:
    given = record.get("toponyms")
    if given is None:
        return None
    spans = []
    if isinstance(given, list):
        for item in given:
            if not (isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int)
                    and 0 <= item["start"] <= item["end"] <= len(text)):
                break
            spans.append((item["start"], item["end"]))
        else:
            return spans
    raise WirecoderError("W008", "\"toponyms\" must be a list of {\"start\": int, \"end\": int} within the text")


def run(args: argparse.Namespace) -> int:
    finder = _Finder(Geoparser(gazetteer_path=args.gazetteer), args.spacy_model)
    if not args.jsonl:
        text = _read(args.file)
        if not text.strip():
            raise WirecoderError("W001", "the text is empty")
        print(json.dumps({"places": [place_json(p) for p in finder.places(text, None)]}, ensure_ascii=False))
        return 0
    failed = False
    for number, line in enumerate(_read(args.file).splitlines(), 1):
        if not line.strip():
            continue
        ident = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise WirecoderError("W005", f"line {number} is JSON but not an object")
            ident = record.get("id")
            text = record.get("text")
            if not isinstance(text, str) or not text:
                raise WirecoderError("W006", f"line {number} has no \"text\"")
            places = finder.places(text, _toponyms(record, text))
            out = {"id": ident, "places": [place_json(p) for p in places]}
        except json.JSONDecodeError as err:
            failed = True
            out = {"id": None, "error": WirecoderError("W005", f"line {number}: {err}").to_dict(line=number)}
        except WirecoderError as err:
            failed = True
            out = {"id": ident, "error": err.to_dict(line=number)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failed else 0
