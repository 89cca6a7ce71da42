"""Near-duplicate detection across a corpus (MinHash LSH over word shingles, datasketch).

A syndicated wire story reaches a corpus many times with different headers, bylines and footers. The
first copy is coded; later copies whose estimated Jaccard similarity to it reaches the threshold are
linked to it instead of being coded again.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)
_SCHEME = "affine64"  # stored signatures are only comparable under the scheme that made them


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

    def __post_init__(self) -> None:
        # LSH only proposes candidates; the threshold is applied to each candidate's estimated similarity.
        # datasketch cannot band for thresholds near 1, so its candidate threshold is capped.
        self._lsh = MinHashLSH(threshold=min(self.threshold, 0.9), num_perm=self.num_perm)

    def __len__(self) -> int:
        return len(self._signatures)

    def signature(self, text: str) -> MinHash:
        words = [w.casefold() for w in _WORD.findall(text)]
        size = self.shingle_words
        shingles = {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(1, len(words) - size + 1))}
        minhash = MinHash(num_perm=self.num_perm, scheme=_SCHEME)
        minhash.update_batch(list(shingles))
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
        return MinHash(num_perm=self.num_perm, hashvalues=values.copy(), scheme=_SCHEME)
