"""Readings that turn on how a name is spelt and where borders run: a former name gives way to places that bear
the name or spell it another way; the one town of a name stays itself when the province named with it is its
neighbour; a building's name opens with a town's former name. Places and sentences are the tests' own."""
from dataclasses import replace

import pytest
from geo_helpers import area, geoparser_over, resolve, town

from wirecoder.geo.names import name_skeleton
from wirecoder.geo.store import NameKind

ALT = NameKind.ALTERNATE


def test_transliterations_share_a_skeleton_and_other_names_do_not():
    assert name_skeleton("Vodyane") == name_skeleton("Vodiane") == name_skeleton("Vodyanë")
    assert name_skeleton("Al Karak") == name_skeleton("Karak") == name_skeleton("al-Karak")
    assert name_skeleton("Pervomaisk") == name_skeleton("Pervomaysk")
    assert name_skeleton("Zymna Voda") != name_skeleton("Vodyane")


SPELLINGS = [
    town("Zymna Rika", 49.8, 23.9, "UA", 11_000, admin1_code="15", names=[("Vodyane", ALT)]),  # its former name
    town("Vodiane", 47.5, 34.5, "UA", 5_600, admin1_code="26", names=[("Vodyane", ALT)]),
    town("Mumbai", 19.07, 72.88, "IN", 12_000_000, admin1_code="16", names=[("Bombay", ALT)]),
    town("Bombay", 42.9, -74.6, "US", 1_300, admin1_code="NY"),
]


@pytest.fixture(scope="module")
def spellings(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("spell") / "gaz.sqlite", SPELLINGS) as g:
        yield g


def test_a_small_towns_former_name_gives_way_to_a_place_spelling_it(spellings):
    [place] = resolve(spellings, "Shelling was reported near Vodyane.", ["Vodyane"])
    assert place.name == "Vodiane"


def test_a_big_city_keeps_its_other_name(spellings):
    [place] = resolve(spellings, "Thousands marched in Bombay.", ["Bombay"])
    assert place.name == "Mumbai"


BORDERS = [
    area("Nordveld", -23.67, 29.34, "ZA", 5_800_000, admin1_code="09"),
    town("Burgerdorp", -24.68, 30.33, "ZA", 7_600, admin1_code="07"),  # over the border, as the gazetteer draws it
    area("Fizolu", 39.60, 47.14, "AZ", 130_000, admin1_code="20"),
    town("Qazaxli", 40.42, 47.02, "AZ", 0, admin1_code="07"),  # a village: its namesakes are many
]


@pytest.fixture(scope="module")
def borders(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("borders") / "gaz.sqlite", BORDERS) as g:
        yield g


def places(geoparser, nlp, text):
    return {p.span.text: p for p in geoparser.places_in_doc(nlp(text), text=text)}


def test_the_one_town_of_a_name_stays_itself_by_the_province_named_with_it(borders, nlp):
    got = places(borders, nlp, "Police in Burgerdorp (Sekuma, Nordveld) beat a driver on Sunday.")
    assert got["Burgerdorp"].name == "Burgerdorp" and got["Burgerdorp"].within is None


def test_a_village_outside_the_province_named_is_a_namesake(borders, nlp):
    got = places(borders, nlp, "Troops fired on positions near Qazaxli (Fizolu) on Sunday.")
    assert got["Qazaxli"].within is not None and got["Qazaxli"].within.text == "Fizolu"


def test_a_buildings_name_opens_with_a_towns_former_name(tmp_path, nlp):
    gazetteer = [town("Kariva", -33.76, 25.40, "ZA", 290_000, admin1_code="05", names=[("Uitdorp", ALT)]),
                 area("Oostkaap", -32.2, 26.6, "ZA", 6_500_000, admin1_code="05")]
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        got = places(g, nlp, "Nurses protested outside the Uitdorp Provincial Hospital (Port Zyx Bay, Oostkaap).")
    assert got["Uitdorp Provincial Hospital"].name == "Kariva"


def test_a_name_the_gazetteer_spells_otherwise_is_found_in_the_area_named(tmp_path, nlp):
    gazetteer = [area("Hasaka", 36.6, 40.9, "SY", 1_500_000, admin1_code="01"),
                 town("Tall Tamr", 36.65, 40.37, "SY", 6_000, admin1_code="01"),
                 town("Tall Tamr", 14.0, 30.0, "SD", 900, admin1_code="09")]  # in another country's area
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        got = places(g, nlp, "On Sunday, rebels looted wheat crops in Tal Tamer (Hasaka).")
        far = places(g, nlp, "On Sunday, rebels looted wheat crops in Tal Hamid (Hasaka).")
    assert got["Tal Tamer"].name == "Tall Tamr" and got["Tal Tamer"].country == "SY"
    assert got["Tal Tamer"].within is None
    assert far["Tal Hamid"].within is not None  # other consonants: a place the gazetteer lacks


def test_a_chains_area_known_as_a_town_is_also_the_province_of_its_name(tmp_path, nlp):
    gazetteer = [(replace(record, admin1="Al-Hasakah"), names) for record, names in (
        area("Al-Hasakah", 36.6, 40.9, "SY", 1_500_000, admin1_code="01"),
        town("Al Hasaka", 36.50, 40.75, "SY", 190_000, admin1_code="01", names=[("Al-Hasakeh", ALT)]),
        town("Al Qamishli", 37.05, 41.23, "SY", 184_000, admin1_code="01"))]  # 75 km from the city
    with geoparser_over(tmp_path / "gaz.sqlite", gazetteer) as g:
        got = places(g, nlp, "On Sunday, a gunman shot a fighter in Quamishli city (Al-Hasakeh).")
    assert got["Quamishli"].name == "Al Qamishli" and got["Al-Hasakeh"].feature_code == "ADM1"


AREA_AND_CITY = [
    town("Lindborg", 35.2, -80.8, "US", 900_000, admin1_code="NC"),
    area("Lindborg", 13.3, -61.2, "VC", 7_700, admin1_code="01"),  # a parish of a small country
    area("Westmark", -37.0, 144.0, "AU", 6_500_000, admin1_code="07"),  # a state far bigger than its namesake city
    town("Westmark", 48.4, -123.4, "CA", 290_000, admin1_code="02"),
]


@pytest.fixture(scope="module")
def area_and_city(tmp_path_factory):
    with geoparser_over(tmp_path_factory.mktemp("areacity") / "gaz.sqlite", AREA_AND_CITY) as g:
        yield g


def test_a_city_many_times_bigger_outweighs_a_first_level_area_of_its_name(area_and_city):
    [place] = resolve(area_and_city, "Police killed a man in Lindborg on Tuesday.", ["Lindborg"])
    assert (place.name, place.country) == ("Lindborg", "US")


def test_a_first_level_area_keeps_its_name_over_a_smaller_city(area_and_city):
    [place] = resolve(area_and_city, "Floods hit Westmark on Tuesday.", ["Westmark"])
    assert (place.country, place.feature_code) == ("AU", "ADM1")
