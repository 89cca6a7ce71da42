"""`wirecoder ingest PATH|URL... --db FILE --workers N`: code files, folders, feeds and crawls into the store."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CATALOGUE, WirecoderError
from ..store.queries import check_confidence
from .common import add_coder_options, add_confidence_option
from .engine_options import add_engine_options, check_engine_options, ray_options
from .progress import progress_bar

if TYPE_CHECKING:
    from ..ingest import IngestSummary

# The readers (trafilatura, feedparser, warcio, datasketch) are imported in run(), not here: the dispatcher
# imports every command module, and the other commands should not pay for them.


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest", help="code files, folders, feeds, WARC crawls, URLs or stdin into a SQLite store",
        description="Read articles (txt, HTML, JSONL, CSV/TSV, RSS/Atom, WARC, folders of them, URLs, '-' for "
                    "stdin), link near-duplicates, code the rest in worker processes and store everything in "
                    "one SQLite file. Re-running the same command adds nothing new and resumes a killed run.")
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL", help="files, folders, http(s) URLs, or - for stdin")
    parser.add_argument("--db", default=None, help="the SQLite store (created if missing)")
    parser.add_argument("--out", default=None, metavar="DIR", type=Path,
                        help="with --engine ray: write a Parquet dataset (partitioned by month) into this new "
                             "folder instead of a store; `wirecoder import DIR --db FILE` stores it later")
    parser.add_argument("--workers", type=int, default=None,
                        help="coding worker processes (local, default 1) or coder actors (ray, default: one per "
                             "CPU of the Ray)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="articles per batch sent to a worker (default 16; ray 32)")
    parser.add_argument("--columns", default=None, metavar="PART=COLUMN,...",
                        help="JSONL/CSV field names, e.g. text=body,published=date (parts: text, title, url, "
                             "published, source, id)")
    parser.add_argument("--max-bytes", type=int, default=20_000_000, help="size limit of one article (bytes)")
    parser.add_argument("--dedup-threshold", type=float, default=0.8,
                        help="similarity above which an article is linked to an earlier copy (0-1)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a web server")
    parser.add_argument("--retries", type=int, default=2, help="retries of a failed fetch, with backoff")
    parser.add_argument("--min-interval", type=float, default=1.0, help="seconds between requests to one host")
    parser.add_argument("--start-method", choices=("fork", "spawn", "forkserver"), default=None,
                        help="how worker processes start (default: fork on Linux, spawn elsewhere)")
    parser.add_argument("--retry-failed", action="store_true",
                        help="code again the articles an earlier run stored as failed (e.g. after an upgrade)")
    parser.add_argument("--ignore-robots", action="store_true", help="fetch pages that robots.txt disallows")
    parser.add_argument("--coder-factory", default=None, metavar="MODULE:NAME",
                        help="a callable that returns a coder with code_many() (default: wirecoder's Coder)")
    parser.add_argument("--json", action="store_true", help="print the closing summary as JSON on stdout")
    add_confidence_option(parser, what="store every event, and say in the summary how many the coder gave a "
                                       "confidence below X (those `events` and `export` leave out at X)")
    add_coder_options(parser)
    add_engine_options(parser)
    parser.set_defaults(func=run)


def _load_factory(args: argparse.Namespace) -> Any:
    from ..ingest import CoderFactory

    if not args.coder_factory:
        return CoderFactory(spacy_model=args.spacy_model, gazetteer=args.gazetteer, typing_model=args.typing_model,
                            max_chars=args.max_chars)
    module_name, _, attribute = args.coder_factory.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as err:
        raise WirecoderError("W008", f"--coder-factory {args.coder_factory!r} cannot be loaded: {err}") from err


NAMED_IN_SUMMARY = 20  # failed inputs named in the closing summary; `wirecoder failures` lists them all


def format_summary(summary: IngestSummary, *, db: str = "FILE", min_confidence: float = 0.0) -> str:
    failed = sum(summary.failed.values())
    below = summary.events_below(min_confidence)
    hidden = (f"; {below} below confidence {min_confidence:g}, stored but left out by `events` and `export` "
              f"unless --min-confidence 0" if below else "")
    lines = [f"read {summary.read}, coded {summary.coded} ({summary.events} events{hidden}), duplicates "
             f"{summary.duplicates}, already stored {summary.already_stored}, not English {summary.not_english}, "
             f"failed {failed} in {summary.seconds:.1f} s"]
    for code, count in sorted(summary.failed.items()):
        spec = CATALOGUE.get(code)
        lines.append(f"  {code} x{count}: {spec.summary if spec else 'unknown error'}")
    if failed:
        lines.append("failed inputs:")
        lines += [f"  {f.code} {f.origin}: {f.reason}" for f in summary.failed_inputs[:NAMED_IN_SUMMARY]]
        if failed > NAMED_IN_SUMMARY:
            lines.append(f"  ... and {failed - NAMED_IN_SUMMARY} more")
        lines.append(f"list them with: wirecoder failures --db {db} --run {summary.run_id}")
    lines += summary.warnings.lines()
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..ingest import IngestOptions, ReadOptions, SourceReader, ingest
    from ..ingest.fetch import Fetcher, FetchOptions
    from ..ingest.tabular import ColumnMapping
    from ..store import Database

    check_engine_options(args)
    check_confidence(args.min_confidence)
    if not 0.0 < args.dedup_threshold <= 1.0:
        raise WirecoderError("W008", f"--dedup-threshold must be in (0, 1], not {args.dedup_threshold}")
    if args.db is None and args.out is None:
        raise WirecoderError("W083", "ingest needs --db FILE (or, with --engine ray, --out DIR)")
    read_options = ReadOptions(columns=ColumnMapping.parse(args.columns), max_bytes=args.max_bytes)
    fetch_options = FetchOptions(timeout=args.timeout, retries=args.retries, min_interval=args.min_interval,
                                 max_bytes=args.max_bytes, respect_robots=not args.ignore_robots)
    arguments = {key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()
                 if key != "func"}

    def progress() -> Any:
        return progress_bar(desc="ingest", unit=" docs")

    if args.engine == "ray":
        summary = _run_ray(args, read_options=read_options, fetch_options=fetch_options, arguments=arguments,
                           progress=progress)
    else:
        reader = SourceReader(options=read_options, fetcher=Fetcher(fetch_options))
        options = IngestOptions(workers=args.workers or 1, batch_size=args.batch_size or 16,
                                dedup_threshold=args.dedup_threshold, start_method=args.start_method,
                                retry_failed=args.retry_failed)
        with Database(args.db) as db:
            summary = ingest(reader.read(args.inputs), db=db, coder_factory=_load_factory(args), options=options,
                             arguments=arguments, progress=progress)
    if args.json:
        print(json.dumps({"run_id": summary.run_id, **summary.as_dict(), "min_confidence": args.min_confidence,
                          "events_below_min_confidence": summary.events_below(args.min_confidence)}))
    print(format_summary(summary, db=args.db or "FILE", min_confidence=args.min_confidence), file=sys.stderr)
    return 1 if summary.failed else 0


def _run_ray(args: argparse.Namespace, *, read_options: Any, fetch_options: Any, arguments: dict[str, Any],
             progress: Any) -> IngestSummary:
    from ..ingest.engines.ray_ingest import RayIngestOptions, ingest_ray
    from ..store import Database

    options = RayIngestOptions(ray=ray_options(args), dedup_threshold=args.dedup_threshold,
                               retry_failed=args.retry_failed, read=read_options, fetch=fetch_options)
    if args.out is not None:
        if args.db is not None:
            raise WirecoderError("W083", "give --db FILE or --out DIR, not both")
        return ingest_ray(args.inputs, factory=_load_factory(args), out=args.out, options=options,
                          arguments=arguments)
    with Database(args.db) as db:
        return ingest_ray(args.inputs, factory=_load_factory(args), db=db, options=options, arguments=arguments,
                          progress=progress)
