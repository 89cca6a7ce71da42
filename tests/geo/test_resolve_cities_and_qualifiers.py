"""A bare dateline or "X-based" names a city; "X in Y" qualifies X by the area Y as "X, Y" does."""
import pytest
from geo_helpers import area, geoparser_over, resolve, town

from wirecoder.geo.store import NameKind
from wirecoder.geo.writer import PlaceRecord


def country(name, lat, lon, iso, population, names=()):
    return PlaceRecord(name=name, lat=lat, lon=lon, country=iso, feature_class="A", feature_code="PCLI",
                       population=population), list(names)


@pytest.fixture(scope="module")
def geoparser(tmp_path_factory):
    places = [
        country("United Kingdom", 54.76, -2.7, "GB", 66_000_000, [("Britain", NameKind.ALTERNATE)]),
        country("United States", 39.76, -98.5, "US", 327_000_000, [("U.S.", NameKind.ABBREVIATION)]),
        town("Washington", 38.895, -77.036, "US", 690_000, admin1_code="DC", code="PPLC"),
        town("Washington", 54.9, -1.52, "GB", 53_000, admin1_code="ENG"),
        area("Washington", 47.5, -120.5, "US", 7_000_000, admin1_code="WA"),
        area("New York", 43.0, -75.5, "US", 19_000_000, admin1_code="NY"),
        town("New York City", 40.71, -74.01, "US", 8_400_000, admin1_code="NY", names=[("New York", NameKind.ALTERNATE)]),
        area("Texas", 31.25, -99.25, "US", 28_000_000, admin1_code="TX"),
        town("Texas", 40.63, -78.19, "US", 3_000, admin1_code="PA"),
        area("Missouri", 38.25, -92.5, "US", 6_000_000, admin1_code="MO"),
        area("Indiana", 40.0, -86.25, "US", 6_700_000, admin1_code="IN"),
        area("Monroe County", 39.5, -92.0, "US", 8_600, code="ADM2", admin1_code="MO"),
        area("Monroe County", 39.12, -86.57, "US", 145_000, code="ADM2", admin1_code="IN"),
    ]
    with geoparser_over(tmp_path_factory.mktemp("gaz") / "cities.sqlite", places) as g:
        yield g


def test_x_based_names_the_big_city_of_the_name(geoparser):
    text = "Britain hired a Washington-based firm and a New York-based squad."
    britain, washington, new_york = resolve(geoparser, text, ["Britain", "Washington", "New York"])
    assert washington.feature_code == "PPLC" and washington.country == "US"
    assert new_york.name == "New York City"


def test_x_based_keeps_a_name_no_big_town_bears(geoparser):
    texas, us = resolve(geoparser, "A Texas-based and a U.S.-based company merged.", ["Texas", "U.S."])
    assert texas.feature_code == "ADM1" and us.feature_code == "PCLI"


def test_a_bare_dateline_names_the_capital_even_in_a_story_about_another_country(geoparser):
    text = "WASHINGTON (Reuters) - Britain said on Monday that Britain would act."
    washington, *_ = resolve(geoparser, text, ["WASHINGTON", "Britain", "Britain"])
    assert washington.feature_code == "PPLC"


def test_in_an_area_qualifies_a_place_as_a_comma_does(geoparser):
    text = "The family left Indiana. They bought land in Monroe County in northeast Missouri."
    [_, county, state] = resolve(geoparser, text, ["Indiana", "Monroe County", "Missouri"])
    assert county.lat == 39.5 and state.feature_code == "ADM1"


def test_a_suburb_lies_by_its_city_or_is_placed_there(tmp_path):
    places = [town("Cincinnati", 39.13, -84.51, "US", 311_000, admin1_code="OH"),
              town("Springdale", 39.29, -84.49, "US", 11_000, admin1_code="OH"),
              town("Springdale", 36.19, -94.13, "US", 81_000, admin1_code="AR"),
              town("West Chester", 39.96, -75.61, "US", 19_800, admin1_code="PA")]
    with geoparser_over(tmp_path / "suburbs.sqlite", places) as g:
        [springdale] = resolve(g, "He lived in the Cincinnati suburb of Springdale.", ["Springdale"])
        _, chester = resolve(g, "He lived in the Cincinnati suburb of West Chester.", ["Cincinnati", "West Chester"])
    assert springdale.lat == 39.29
    # the only West Chester the gazetteer knows lies 750 km away: the suburb is placed at its city instead
    assert chester.geonameid is None and chester.within is not None and chester.lat == 39.13


def test_a_list_of_countries_reads_each_member_as_a_country(tmp_path):
    places = [country("Ghana", 8.0, -1.2, "GH", 30_000_000), country("Togo", 8.0, 1.17, "TG", 8_000_000),
              country("Nigeria", 10.0, 8.0, "NG", 200_000_000), country("Niger", 18.0, 9.0, "NE", 23_000_000),
              area("Niger", 9.9, 5.6, "NG", 5_500_000, admin1_code="31")]
    with geoparser_over(tmp_path / "countries.sqlite", places) as g:
        *_, niger, nigeria, togo = resolve(g, "Cases in Ghana, Niger, Nigeria and Togo.",
                                           ["Ghana", "Niger", "Nigeria", "Togo"])
        _, state = resolve(g, "Floods in Nigeria hit Niger and Kogi.", ["Nigeria", "Niger"])
    assert niger.country == "NE"
    assert state.country == "NG"  # outside a list of countries, Nigeria's context still reads its state


def test_a_small_namesake_outside_the_country_a_name_is_qualified_by_is_not_it(tmp_path):
    places = [country("Iran", 32.0, 53.0, "IR", 80_000_000), country("Pakistan", 30.0, 70.0, "PK", 200_000_000),
              country("Afghanistan", 33.0, 65.0, "AF", 35_000_000),
              town("Rawalakot", 33.86, 73.76, "PK", 50_000, names=[("Raz", NameKind.ALTERNATE)]),
              town("Kabul", 34.53, 69.17, "AF", 3_000_000, code="PPLC")]
    with geoparser_over(tmp_path / "qualified.sqlite", places) as g:
        raz, _ = resolve(g, "Villagers protested outside the governor's office in Raz, Iran.", ["Raz", "Iran"])
        kabul, *_ = resolve(g, "Talks were held in Kabul, Pakistan and Iran.", ["Kabul", "Pakistan", "Iran"])
        bare, _ = resolve(g, "Villagers protested in Raz on Monday. Pakistan said so.", ["Raz", "Pakistan"])
    # the only Raz the gazetteer knows is a Pakistani town's other name: "Raz, Iran" is a place it lacks, in Iran
    assert raz.geonameid is None and raz.country == "IR"
    assert kabul.country == "AF"  # a big town keeps its reading: the next name may begin a list
    assert bare.name == "Rawalakot"  # with no qualifier the namesake stands


def test_a_dateline_naming_a_country_is_its_city_of_the_name_else_the_country(tmp_path):
    # "MALI -" heads a round-up's item: the country, not a city abroad that other tongues call "Mali"; a country
    # whose capital bears its name ("KUWAIT -") still names the capital
    places = [country("Mali", 17.0, -4.0, "ML", 19_000_000),
              town("Mary", 37.6, 61.83, "TM", 167_000, names=[("Mali", NameKind.ALTERNATE)]),
              country("Kuwait", 29.5, 47.75, "KW", 4_100_000),
              town("Kuwait City", 29.37, 47.98, "KW", 60_000, code="PPLC", names=[("Kuwait", NameKind.ALTERNATE)])]
    with geoparser_over(tmp_path / "countries.sqlite", places) as g:
        [mali] = resolve(g, "MALI - Gunmen killed ten herders on Saturday.", ["MALI"])
        [kuwait] = resolve(g, "KUWAIT - Police detained ten men on Sunday.", ["KUWAIT"])
    assert (mali.country, mali.feature_code) == ("ML", "PCLI")
    assert (kuwait.country, kuwait.feature_code) == ("KW", "PPLC")
