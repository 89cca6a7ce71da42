"""Near-duplicate detection across a corpus (MinHash LSH over word shingles, datasketch).

A syndicated wire story reaches a corpus many times with different headers, bylines and footers. The
first copy is coded; later copies whose estimated Jaccard similarity to it reaches the threshold are
linked to it instead of being coded again.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
_SCHEME = "affine64"  # stored signatures are only comparable under the scheme and shingle hash that made them


# odd 64-bit multipliers that mix the word hashes of a shingle into one 64-bit shingle hash
_MIXERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5], dtype=np.uint64)


def shingle_hashes(text: str, *, size: int) -> np.ndarray:
    """Stable 64-bit hashes of the distinct ``size``-word shingles of ``text`` (casefolded words).

    Each word is hashed once (CRC-32) and the shingles are combined in numpy, instead of hashing every
    shingle's bytes in Python: most of what MinHash costs per article."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.zeros(1, dtype=np.uint64)
    known: dict[str, int] = {}
    word_hashes = np.fromiter((known.setdefault(w, zlib.crc32(w.encode("utf-8"))) for w in words),
                              dtype=np.uint64, count=len(words))
    span = min(size, len(words))
    count = len(words) - span + 1
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(span):
        combined += (word_hashes[k:k + count] + np.uint64(k + 1)) * _MIXERS[k % len(_MIXERS)]
    return np.unique(combined)


def content_hash(text: str) -> str:
    """Identity of an article for idempotent storage: whitespace and case do not make a new article."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NearDuplicate:
    first_copy: str  # the key (content hash) of the first copy
    similarity: float


@dataclass
class NearDuplicateIndex:
    threshold: float = 0.8
    num_perm: int = 128
    shingle_words: int = 5
    _lsh: MinHashLSH = field(init=False, repr=False)
    _signatures: dict[str, MinHash] = field(default_factory=dict, init=False, repr=False)
    _prototype: MinHash = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # the permutations are drawn once from the seed and copied, not drawn again for every article
        self._prototype = MinHash(num_perm=self.num_perm, scheme=_SCHEME, hashfunc=int)
        # LSH only proposes candidates; the threshold is applied to each candidate's estimated similarity.
        # datasketch cannot band for thresholds near 1, so its candidate threshold is capped.
        self._lsh = MinHashLSH(threshold=min(self.threshold, 0.9), num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, text: str) -> MinHash:
        minhash = self._prototype.copy()
        minhash.update_batch(shingle_hashes(text, size=self.shingle_words).tolist())
        return minhash

    def find(self, minhash: MinHash) -> NearDuplicate | None:
        best: NearDuplicate | None = None
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = NearDuplicate(first_copy=key, similarity=round(similarity, 4))
        return best

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._signatures[key] = minhash
            self._lsh.insert(key, minhash)

    def to_bytes(self, minhash: MinHash) -> bytes:
        return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()

    def from_bytes(self, data: bytes) -> MinHash | None:
        """The stored signature, or None when it was made with another number of permutations."""
        values = np.frombuffer(data, dtype=np.uint64)
        if len(values) != self.num_perm:
            return None
        minhash = self._prototype.copy()
        minhash.hashvalues = values.copy()
        return minhash
