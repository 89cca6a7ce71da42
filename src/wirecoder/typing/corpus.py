"""Reading labelled examples for the event-type classifier: JSONL, ACLED CSV exports, or a folder of JSONL.

A line with a null ``sub_event_type`` (and an ``event_type`` that is null too) is a negative: a sentence that
reports no ACLED event. Names must be ACLED's exactly; anything else is refused with the line it came from,
because a silently dropped or mis-spelled label would train a model that quietly forgets a class.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import WirecoderError
from ..taxonomy import SUB_EVENT_TYPES

NO_EVENT = "No event"


@dataclass(frozen=True)
class Example:
    """One labelled text; ``sub_event_type`` is None for a text that reports no event."""

    text: str
    sub_event_type: str | None
    id: str | None = None
    event_type: str | None = None
    source: str | None = None  # file name the example came from, for error messages and reports
    kind: str | None = None  # a negative's kind ("sport", "conflict_context", ...), for the topic model
    background: bool = False  # a sentence of a document that tells an event as history

    @property
    def label(self) -> str:
        return self.sub_event_type or NO_EVENT


def _check_names(sub_event_type, event_type, *, where: str) -> tuple[str | None, str | None]:
    if sub_event_type in (None, ""):
        if event_type not in (None, ""):
            raise WirecoderError("W042", f"{where}: event_type {event_type!r} is given without a sub_event_type")
        return None, None
    if not isinstance(sub_event_type, str) or sub_event_type not in SUB_EVENT_TYPES:
        raise WirecoderError("W042", f"{where}: {sub_event_type!r} is not one of ACLED's 25 sub-event types")
    derived = SUB_EVENT_TYPES[sub_event_type]
    if event_type not in (None, "") and event_type != derived:
        raise WirecoderError(
            "W042", f"{where}: sub-event type {sub_event_type!r} belongs to {derived!r}, not {event_type!r}")
    return sub_event_type, derived


@dataclass(frozen=True)
class Document:
    """A short article of the corpus: its sentences (each an Example) and whether it is conflict news."""

    sentences: tuple[Example, ...]
    conflict: bool
    topic: str | None = None
    source: str | None = None

    @property
    def text(self) -> str:
        return " ".join(example.text for example in self.sentences)


def _read_document(record: dict, *, where: str, source: str) -> Document:
    sentences = record.get("sentences")
    if not isinstance(sentences, list) or not sentences:
        raise WirecoderError("W041", f"{where}: a document needs a non-empty list of sentences")
    examples = []
    for number, sentence in enumerate(sentences, start=1):
        if not isinstance(sentence, dict) or not isinstance(sentence.get("text"), str) or not sentence["text"].strip():
            raise WirecoderError("W041", f"{where}: sentence {number} has no text")
        sub, event = _check_names(sentence.get("sub_event_type"), sentence.get("event_type"),
                                  where=f"{where} sentence {number}")
        examples.append(Example(text=sentence["text"], sub_event_type=sub, event_type=event, source=source,
                                background=sentence.get("background") is True))
    topic = record.get("topic")
    return Document(sentences=tuple(examples), conflict=topic == "conflict", topic=topic, source=source)


def _read_jsonl_records(path: Path) -> list[Example | Document]:
    examples: list[Example | Document] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as err:
                reason = getattr(err, "msg", "nested too deeply")
                raise WirecoderError("W041", f"{where} is not valid JSON ({reason})") from err
            if not isinstance(record, dict):
                raise WirecoderError("W041", f"{where} is not a JSON object")
            if "sentences" in record:
                examples.append(_read_document(record, where=where, source=path.name))
                continue
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise WirecoderError("W041", f"{where} has no text")
            if "sub_event_type" not in record:
                raise WirecoderError("W041", f"{where} has no sub_event_type field (use null for a negative)")
            sub, event = _check_names(record.get("sub_event_type"), record.get("event_type"), where=where)
            raw_id = record.get("id")
            kind = record.get("negative_kind")
            examples.append(Example(text=text, sub_event_type=sub, event_type=event,
                                    id=None if raw_id is None else str(raw_id), source=path.name,
                                    kind=kind if isinstance(kind, str) else None))
    return examples


def _read_acled_csv(path: Path) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        missing = {"notes", "sub_event_type"} - columns
        if missing:
            raise WirecoderError("W041", f"{path.name} lacks the column(s) {', '.join(sorted(missing))}")
        for number, row in enumerate(reader, start=2):
            text = (row.get("notes") or "").strip()
            if not text:
                continue  # ACLED leaves notes empty for some events; they carry nothing to learn from
            sub, event = _check_names(row.get("sub_event_type") or None, row.get("event_type") or None,
                                      where=f"{path.name} line {number}")
            examples.append(Example(text=text, sub_event_type=sub, event_type=event,
                                    id=row.get("event_id_cnty") or None, source=path.name))
    return examples


def read_corpus(path: str | Path) -> tuple[list[Example], list[Document]]:
    """Lines and documents from a JSONL file or a folder of them (an ACLED CSV export gives lines only)."""
    path = Path(path)
    files = sorted([*path.glob("*.jsonl"), *path.glob("*.csv")]) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise WirecoderError("W041", f"the folder {path} holds no .jsonl or .csv files")
    lines: list[Example] = []
    documents: list[Document] = []
    for file in files:
        if file.suffix.lower() == ".csv" or not file.is_file():
            lines.extend(read_examples(file))
            continue
        try:
            for record in _read_jsonl_records(file):
                (documents if isinstance(record, Document) else lines).append(record)
        except UnicodeDecodeError as err:
            raise WirecoderError("W041", f"{file.name} is not UTF-8 text") from err
    return lines, documents


def read_examples(path: str | Path) -> list[Example]:
    """Examples from a JSONL file, an ACLED CSV export, or a folder of such files (sorted by name); the sentences
    of documents count as examples."""
    path = Path(path)
    if path.is_dir():
        files = sorted([*path.glob("*.jsonl"), *path.glob("*.csv")])
        if not files:
            raise WirecoderError("W041", f"the folder {path} holds no .jsonl or .csv files")
        return [example for file in files for example in read_examples(file)]
    if not path.is_file():
        raise WirecoderError("W041", f"{path} does not exist or is not a file")
    try:
        if path.suffix.lower() == ".csv":
            return _read_acled_csv(path)
        return [example for record in _read_jsonl_records(path)
                for example in (record.sentences if isinstance(record, Document) else (record,))]
    except UnicodeDecodeError as err:
        raise WirecoderError("W041", f"{path.name} is not UTF-8 text") from err


def label_counts(examples: list[Example]) -> Counter:
    return Counter(example.label for example in examples)
