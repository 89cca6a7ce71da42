"""`wirecoder code FILE|-` and `wirecoder code --jsonl IN.jsonl`: code articles, print records."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from ..days import iso_day
from ..errors import WirecoderError
from ..jsonl import dumps_line, jsonl_items
from .common import add_coder_options, build_coder
from .engine_options import add_engine_options, check_engine_options, ray_options
from .progress import progress_bar


def register(subparsers) -> None:
    parser = subparsers.add_parser("code", help="code one article (FILE or - for stdin), or a JSONL batch",
                                   description="Code an article into a wirecoder.document/1 record.")
    parser.add_argument("input", nargs="?",
                        help="a text or HTML file (gzipped or not), or - for standard input; HTML is reduced to "
                             "its article as `ingest` does")
    parser.add_argument("--jsonl", metavar="IN.jsonl",
                        help="code one {id, text, published?, title?, url?, source?} per line (- for stdin)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD of the single article")
    parser.add_argument("--title")
    parser.add_argument("--url")
    parser.add_argument("--source", help="the outlet")
    parser.add_argument("--id", dest="doc_id", help="the document id (default: a hash of the text)")
    parser.add_argument("--indent", type=int, default=2, help="indentation of the single record (default: 2)")
    parser.add_argument("--summary", action="store_true",
                        help="print one readable line per event instead of the JSON records")
    parser.add_argument("--workers", type=int, default=None,
                        help="with --jsonl --engine ray: coder actors (default: one per CPU of the Ray)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="with --jsonl --engine ray: lines per batch sent to an actor (default 32)")
    add_coder_options(parser)
    add_engine_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.input) == bool(args.jsonl):
        raise WirecoderError("W008", "give either FILE (or -) or --jsonl IN.jsonl",
                             fix="run `wirecoder code article.txt` or `wirecoder code --jsonl batch.jsonl`")
    check_engine_options(args)
    if args.engine == "ray" and not args.jsonl:
        raise WirecoderError("W083", "--engine ray codes a batch: give --jsonl IN.jsonl")
    if args.jsonl:
        return run_jsonl(args)
    from ..ingest.single import read_single

    if args.published:
        iso_day(args.published, what="--published")
    document = read_single(args.input)
    published = args.published or document.published
    coder = build_coder(args)
    record = coder.code(document.text, published=published, title=args.title or document.title,
                        url=args.url or document.url, source=args.source or document.source, id=args.doc_id)
    if not args.published and document.published and record["published"] == document.published:
        record["published_from"] = "html"
    if args.summary:
        write_summary(record)
    else:
        json.dump(record, sys.stdout, ensure_ascii=False, indent=args.indent or None)
        sys.stdout.write("\n")
    return 0


def write_summary(record: dict) -> None:
    """One line per event: where the record says who did what to whom, where, when and how many died."""
    if "error" in record:
        print(f"{record['id']}: error {record['error']['code']}: {record['error']['message']}")
        return
    events = record["events"]
    print(f"{record['id']}: {len(events)} event(s), published {record['published'] or 'unknown'}")
    for event in events:
        actors = " -> ".join(a["name"] for a in (event["actor1"], event["actor2"]) if a) or "actors unknown"
        where = (event["location"] or {}).get("name") or "place unknown"
        deaths = (event["fatalities"] or {}).get("best")
        claimed = ", ".join(c["name"] for c in event["claimed_by"]) or "outlet"
        flag = " [background]" if event["background"] else ""
        print(f"  {event['date'] or '????-??-??'}  {event['sub_event_type']}: {actors} @ {where}"
              f"{f'; {deaths} killed' if deaths is not None else ''}; per {claimed}{flag}")


def run_jsonl(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        return _print_records(args, _ray_records(args))
    handle = sys.stdin.buffer if args.jsonl == "-" else None
    if handle is None:
        try:
            handle = open(args.jsonl, "rb")
        except OSError as err:
            raise WirecoderError("W007", f"cannot read {args.jsonl}: {err.strerror}") from err
    with handle:
        return _print_records(args, build_coder(args).code_many(jsonl_items(handle)))


def _ray_records(args: argparse.Namespace) -> Iterator[dict]:
    from ..ingest.engines.ray_code import code_jsonl_ray
    from ..ingest.workers import CoderFactory

    factory = CoderFactory(spacy_model=args.spacy_model, gazetteer=args.gazetteer, typing_model=args.typing_model,
                           max_chars=args.max_chars)
    return code_jsonl_ray(args.jsonl, factory=factory, options=ray_options(args))


def _print_records(args: argparse.Namespace, records: Iterable[dict]) -> int:
    failed = 0
    progress = progress_bar(desc="coding", unit=" docs")
    for record in records:
        failed += "error" in record
        if args.summary:
            write_summary(record)
        else:
            sys.stdout.write(dumps_line(record) + "\n")
        sys.stdout.flush()
        progress.update(1)
    progress.close()
    if failed:
        print(f"wirecoder: {failed} input(s) could not be coded; see their error records", file=sys.stderr)
    return 1 if failed else 0
