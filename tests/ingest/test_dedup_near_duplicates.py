"""MinHash LSH near-duplicate linking."""
from __future__ import annotations

from pages import ARTICLE_PARAGRAPHS

from wirecoder.ingest.dedup import NearDuplicateIndex, content_hash

WIRE = " ".join(ARTICLE_PARAGRAPHS * 2)


def test_dedup_syndicated_copy_with_other_header_and_footer_is_found():
    index = NearDuplicateIndex()
    index.add("first", index.signature(WIRE))
    copy = "LAGOS (Reuters) - " + WIRE + " Reporting by a correspondent; editing by a desk editor."
    match = index.find(index.signature(copy))
    assert match is not None and match.first_copy == "first" and 0.8 <= match.similarity <= 1.0


def test_dedup_different_article_on_same_topic_is_not_linked():
    index = NearDuplicateIndex()
    index.add("first", index.signature(WIRE))
    other = ("Troops repelled an assault on a military base near the border on Sunday, the army said, adding "
             "that several attackers were killed and weapons were recovered after hours of fighting. "
             "Villagers who fled the area said they heard explosions through the night.")
    assert index.find(index.signature(other)) is None


def test_dedup_signature_survives_storage():
    index = NearDuplicateIndex()
    signature = index.signature(WIRE)
    restored = index.from_bytes(index.to_bytes(signature))
    assert restored is not None and restored.jaccard(signature) == 1.0
    assert NearDuplicateIndex(num_perm=64).from_bytes(index.to_bytes(signature)) is None


def test_dedup_content_hash_ignores_whitespace_and_case_only():
    assert content_hash("Seven  killed\nin raid") == content_hash("seven killed in RAID")
    assert content_hash("Seven killed in raid") != content_hash("Nine killed in raid")


def test_dedup_threshold_of_one_links_only_identical_shingles():
    index = NearDuplicateIndex(threshold=1.0)
    index.add("first", index.signature(WIRE))
    assert index.find(index.signature(WIRE.upper())) is not None
    assert index.find(index.signature("Breaking: " + WIRE)) is None
