"""The one lexicon loader: sets read from a TSV, refused when malformed, and turned into word patterns."""
import pytest

from wirecoder.errors import WirecoderError
from wirecoder.lexicon import lexicon_names, load_lexicon


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
