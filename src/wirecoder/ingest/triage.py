"""What becomes of each article before coding: already stored, a repeat within this run, a near-duplicate of a
first copy, or new (to be coded). One Triage sees the articles in input order, whichever engine codes them:
the local runner calls it in the writer process, the Ray engine in a single deduplicating actor."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .dedup import NearDuplicateIndex, content_hash
from .items import SourceItem

if TYPE_CHECKING:
    from ..store import Database

VerdictStatus = Literal["code", "duplicate", "already_stored", "repeat"]


@dataclass(frozen=True)
class Verdict:
    status: VerdictStatus
    doc_id: str
    content_hash: str
    minhash: bytes | None = None  # the signature stored with a document to code
    duplicate_of: str | None = None  # content hash of the first copy, for a near-duplicate
    similarity: float | None = None


@dataclass(frozen=True)
class Fingerprint:
    """An article's content hash and MinHash signature, computed wherever the article was read (the hashing
    is the costly part of triage, so the Ray engine does it in its reading tasks)."""

    content_hash: str
    minhash: bytes

    @classmethod
    def of(cls, text: str, *, index: NearDuplicateIndex) -> "Fingerprint":
        return cls(content_hash(text), index.to_bytes(index.signature(text)))


class Triage:
    """Decides each article's fate, in input order. Seeded with what a store already holds."""

    def __init__(self, *, threshold: float = 0.8, stored: Iterable[str] = (),
                 signatures: Iterable[tuple[str, bytes]] = ()):
        self.index = NearDuplicateIndex(threshold=threshold)
        self.stored = set(stored)
        self.seen: set[str] = set()
        for key, blob in signatures:
            signature = self.index.from_bytes(blob)
            if signature is not None:
                self.index.add(key, signature)

    @classmethod
    def from_store(cls, db: Database, *, threshold: float, retry_failed: bool) -> "Triage":
        return cls(threshold=threshold, stored=db.known_hashes(include_failed=not retry_failed),
                   signatures=db.first_copy_signatures())

    def fingerprint(self, text: str) -> Fingerprint:
        return Fingerprint.of(text, index=self.index)

    def judge(self, item: SourceItem, fingerprint: Fingerprint | None = None) -> Verdict:
        fingerprint = fingerprint or self.fingerprint(item.text)
        key = fingerprint.content_hash
        doc_id = item.id or key[:16]
        if key in self.stored:
            return Verdict("already_stored", doc_id, key)
        if key in self.seen:
            return Verdict("repeat", doc_id, key)
        self.seen.add(key)
        signature = self.index.from_bytes(fingerprint.minhash)
        if signature is None:  # made with another number of permutations: hash again here
            signature = self.index.signature(item.text)
        match = self.index.find(signature)
        if match is not None and match.first_copy != key:  # itself, when a failed article is retried
            return Verdict("duplicate", doc_id, key, duplicate_of=match.first_copy, similarity=match.similarity)
        self.index.add(key, signature)
        return Verdict("code", doc_id, key, minhash=self.index.to_bytes(signature))
