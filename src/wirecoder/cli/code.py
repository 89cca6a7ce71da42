"""`wirecoder code FILE|-` and `wirecoder code --jsonl IN.jsonl`: code articles, print records."""
from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from ..days import iso_day
from ..errors import WirecoderError
from ..jsonl import dumps_line, jsonl_items
from ..shown import WarningTally, at_confidence
from ..store.queries import check_confidence
from .common import add_coder_options, add_confidence_option, build_coder
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
    parser.add_argument("--title", help="the single article's headline (default: an HTML page's own)")
    parser.add_argument("--url", help="the single article's address")
    parser.add_argument("--source", help="the outlet")
    parser.add_argument("--id", dest="doc_id", help="the document id (default: a hash of the text)")
    parser.add_argument("--indent", type=int, default=2, help="indentation of the single record (default: 2)")
    parser.add_argument("--summary", action="store_true",
                        help="print one readable line per event instead of the JSON records, and the records' "
                             "warnings on stderr (code, articles, what it means, how to fix it)")
    parser.add_argument("--workers", type=int, default=None,
                        help="with --jsonl --engine ray: coder actors (default: one per CPU of the Ray)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="with --jsonl --engine ray: lines per batch sent to an actor (default 32)")
    parser.add_argument("--db", metavar="FILE",
                        help="also store the records in this SQLite store (created if missing), merged into "
                             "incidents as `ingest` stores them")
    add_confidence_option(parser, what="leave out of what is printed the events the coder gave a confidence below "
                                       "X (--db stores every event)")
    add_coder_options(parser)
    add_engine_options(parser)
    parser.set_defaults(func=run)


class _Shown:
    """What the command prints of each record: its events at --min-confidence, as JSON or as summary lines;
    at the end, on stderr, how many events were left out and (with --summary) the records' warnings."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.threshold = check_confidence(args.min_confidence)
        self.left_out = 0
        self.warnings = WarningTally()

    def print(self, record: dict, *, line: bool) -> None:
        shown, left_out = at_confidence(record, self.threshold)
        self.left_out += left_out
        if self.args.summary:
            self.warnings.add(record)
            write_summary(shown, left_out=left_out)
        elif line:
            sys.stdout.write(dumps_line(shown) + "\n")
        else:
            json.dump(shown, sys.stdout, ensure_ascii=False, indent=self.args.indent or None)
            sys.stdout.write("\n")

    def close(self) -> None:
        sys.stdout.flush()
        if self.left_out:
            print(f"wirecoder: {self.left_out} event(s) with a confidence below {self.threshold:g} left out "
                  f"(--min-confidence 0 shows them{'; --db stored them' if self.args.db else ''})", file=sys.stderr)
        for text in self.warnings.lines():
            print(text, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if bool(args.input) == bool(args.jsonl):
        raise WirecoderError("W008", "give either FILE (or -) or --jsonl IN.jsonl",
                             fix="run `wirecoder code article.txt` or `wirecoder code --jsonl batch.jsonl`")
    check_engine_options(args)
    if args.engine == "ray" and not args.jsonl:
        raise WirecoderError("W083", "--engine ray codes a batch: give --jsonl IN.jsonl")
    check_confidence(args.min_confidence)
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
    shown = _Shown(args)
    shown.print(record, line=False)
    with _store(args) as writer:
        if writer is not None:
            writer.add(text=document.text, record=record, origin=args.input, title=args.title or document.title,
                       url=args.url or document.url, source=args.source or document.source, published=published)
    shown.close()
    return 0


def _store(args: argparse.Namespace) -> AbstractContextManager[Any]:
    """A RecordWriter on --db (None without --db); leaving it writes what is pending and says what was stored."""
    if not args.db:
        return nullcontext(None)
    from contextlib import contextmanager

    from ..ingest.record_writer import RecordWriter
    from ..store import Database

    @contextmanager
    def writing() -> Iterator[RecordWriter]:
        with Database(args.db) as db:
            arguments = {key: value for key, value in vars(args).items() if key != "func"}
            with RecordWriter(db, command="code", arguments=arguments) as writer:
                yield writer
            done = writer.summary
            print(f"stored {done.stored} document(s) ({done.events} events; {done.duplicates} near-duplicate, "
                  f"{done.already_stored} already stored): {done.incidents_created} incident(s) created, "
                  f"{done.incidents_updated} updated in {args.db}", file=sys.stderr)

    return writing()


def _keep(writer: Any, item: dict | WirecoderError, record: dict, *, origin: str) -> None:
    if isinstance(item, WirecoderError) or not isinstance(item.get("text"), str) or not item["text"].strip():
        error = record.get("error") or {}
        writer.fail(origin=origin, code=error.get("code", "W006"), reason=error.get("message", "no text"))
    else:
        writer.add(text=item["text"], record=record, origin=origin, title=item.get("title"), url=item.get("url"),
                   source=item.get("source"), published=item.get("published"))


def write_summary(record: dict, *, left_out: int = 0) -> None:
    """One line per event: where the record says who did what to whom, where, when and how many died."""
    if "error" in record:
        print(f"{record['id']}: error {record['error']['code']}: {record['error']['message']}")
        return
    events = record["events"]
    hidden = f" ({left_out} more below --min-confidence)" if left_out else ""
    codes = ", ".join(sorted({str(w.get("code")) for w in record.get("warnings") or []}))
    print(f"{record['id']}: {len(events)} event(s){hidden}, published {record['published'] or 'unknown'}"
          f"{f'; warnings {codes}' if codes else ''}")
    for event in events:
        actors = " -> ".join(a["name"] for a in (event["actor1"], event["actor2"]) if a) or "actors unknown"
        where = (event["location"] or {}).get("name") or "place unknown"
        deaths = (event["fatalities"] or {}).get("best")
        claimed = ", ".join(c["name"] for c in event["claimed_by"]) or "outlet"
        flag = " [background]" if event["background"] else ""
        print(f"  {event['date'] or '????-??-??'}  {event['sub_event_type']}: {actors} @ {where}"
              f"{f'; {deaths} killed' if deaths is not None else ''}; per {claimed}{flag}")


def _open(path: str) -> Any:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as err:
        raise WirecoderError("W007", f"cannot read {path}: {err.strerror}") from err


def run_jsonl(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        if not args.db:
            return _print_records(args, _ray_records(args))
        if args.jsonl == "-":
            raise WirecoderError("W008", "--engine ray with --db reads the input twice: give --jsonl a file, not -")
        with _open(args.jsonl) as again:  # the same lines, in the same order as the records
            return _print_records(args, _ray_records(args), given=jsonl_items(again))
    given: deque[dict | WirecoderError] = deque()  # the items code_many has taken, to store each beside its record

    def items(handle: Any) -> Iterator[dict | WirecoderError]:
        for item in jsonl_items(handle):
            given.append(item)
            yield item

    with _open(args.jsonl) as handle:
        return _print_records(args, build_coder(args).code_many(items(handle)), given=_drain(given))


def _drain(queue: deque) -> Iterator[Any]:
    while True:
        yield queue.popleft()


def _ray_records(args: argparse.Namespace) -> Iterator[dict]:
    from ..ingest.engines.ray_code import code_jsonl_ray
    from ..ingest.workers import CoderFactory

    factory = CoderFactory(spacy_model=args.spacy_model, gazetteer=args.gazetteer, typing_model=args.typing_model,
                           max_chars=args.max_chars)
    return code_jsonl_ray(args.jsonl, factory=factory, options=ray_options(args))


def _print_records(args: argparse.Namespace, records: Iterable[dict], *,
                   given: Iterator[dict | WirecoderError] | None = None) -> int:
    """Print each record; with --db also store it beside the input item ``given`` yields for it."""
    failed = 0
    progress = progress_bar(desc="coding", unit=" docs")
    shown = _Shown(args)
    with _store(args) as writer:
        for line, record in enumerate(records, start=1):
            failed += "error" in record
            shown.print(record, line=True)
            sys.stdout.flush()
            progress.update(1)
            if writer is not None and given is not None:
                _keep(writer, next(given), record, origin=f"{args.jsonl}:{line}")
    progress.close()
    shown.close()
    if failed:
        print(f"wirecoder: {failed} input(s) could not be coded; see their error records", file=sys.stderr)
    return 1 if failed else 0
