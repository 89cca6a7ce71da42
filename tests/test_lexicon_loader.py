"""The one lexicon loader: sets read from a TSV, refused when malformed or missing (W130), read once, and turned
into word patterns."""
import re

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.lexicon import lexicon_names, load_lexicon, read_rows


def test_lexicon_pattern_matches_whole_terms_of_the_named_sets(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# comment\nplace\tpositions\nplace\tfront line\npeople\tsoldiers\n", encoding="utf-8")
    lexicon = load_lexicon("t", path=path)
    pattern = lexicon.pattern("place", "people")
    assert [m.group(0) for m in pattern.finditer("Soldiers shelled positions on the front line.")] == \
        ["Soldiers", "positions", "front line"]
    assert pattern.search("propositions") is None  # whole words only
    assert lexicon.pattern("people", ignore_case=False).search("Soldiers") is None


def test_lexicon_refuses_a_term_listed_twice_and_an_unknown_set(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("place\tbase\nplace\tBase\n", encoding="utf-8")
    with pytest.raises(WirecoderError) as info:
        load_lexicon("t", path=path)
    assert info.value.code == "W130"
    path.write_text("place\tbase\n", encoding="utf-8")
    with pytest.raises(WirecoderError):
        load_lexicon("t", path=path).pattern("people")


@pytest.mark.parametrize("name", lexicon_names())
def test_every_shipped_lexicon_loads(name):
    assert load_lexicon(name).sets


def test_lexicon_alternation_builds_a_group_with_endings_and_spaces(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("verb\tkill*\nverb\tpay for it\nverb\tdead\n", encoding="utf-8")
    group = load_lexicon("t", path=path).alternation("verb")
    pattern = re.compile(rf"\b{group}\b", re.IGNORECASE)
    assert [m.group(0) for m in pattern.finditer("Killings, pay  for\nit, the dead, deadly")] == \
        ["Killings", "pay  for\nit", "dead"]
    literal = re.compile(rf"\b{load_lexicon('t', path=path).alternation('verb', space=' ')}\b")
    assert literal.search("pay  for it") is None and literal.search("pay for it")


def test_a_missing_or_malformed_data_file_is_one_coded_error(tmp_path):
    with pytest.raises(WirecoderError) as info:
        read_rows(tmp_path / "missing.tsv")
    assert info.value.code == "W130" and "missing.tsv" in info.value.detail
    path = tmp_path / "t.tsv"
    path.write_text("lemma\tforms\n# note\n\nsay\tsaid,says\n", encoding="utf-8")
    assert read_rows(path, header="lemma\t") == [(4, ["say", "said,says"])]
    path.write_text("place\tbase\textra\tcell\n", encoding="utf-8")
    with pytest.raises(WirecoderError) as info:
        load_lexicon("t", path=path)
    assert info.value.code == "W130" and "line 1" in info.value.detail


def test_the_shipped_lexicons_are_read_once_and_frozen():
    assert load_lexicon("dates") is load_lexicon("dates")
    with pytest.raises(TypeError):
        load_lexicon("dates").mapping("weekday")["someday"] = "7"  # type: ignore[index]
